import Foundation

/// A picture's variants as files in the cache, ready to be copied (or linked) into `Public/`.
struct CachedPicture: Sendable, Hashable {
    let facts: PictureFacts
    let variants: [PictureVariant]
    /// The folder holding the variants; `file(of:)` gives each one's path.
    let folder: URL

    func file(of variant: PictureVariant) -> URL {
        folder.appendingPathComponent(PictureCache.fileName(of: variant))
    }
}

/// Processed variants under `.helhed-cache/pictures/` (ignored by git), one folder per picture and settings:
/// `<key>/manifest.txt` and `<width>.<ext>` files. The key is the SHA-256 of the source's bytes and of the settings'
/// fingerprint (processor version, libvips version, widths, qualities), so an edited picture or changed settings
/// get a new folder and an unchanged picture is never processed again.
///
/// The manifest records every variant's length and SHA-256, checked on every read: a truncated or edited file in
/// the cache (a build killed half-way, a disk that filled up, someone's hand) is found and the entry made again.
/// Entries are written to a temporary folder and renamed into place, so a reader never sees half an entry.
struct PictureCache: Sendable {
    let root: URL

    /// The cache of the project at `projectRoot`: `projectRoot/.helhed-cache/pictures`.
    init(projectRoot: URL) {
        self.init(root: projectRoot.appendingPathComponent(".helhed-cache/pictures", isDirectory: true))
    }

    init(root: URL) {
        self.root = root
    }

    /// What a look-up found.
    enum Lookup: Sendable, Hashable {
        case hit(CachedPicture)
        case miss
        /// An entry was there but did not match its manifest; `reason` says how. It is to be made again.
        case damaged(String)
    }

    func folder(forKey key: String) -> URL {
        root.appendingPathComponent(key, isDirectory: true)
    }

    /// The entry for `key`, verified against its manifest.
    func lookUp(key: String) -> Lookup {
        let folder = folder(forKey: key)
        let manifestURL = folder.appendingPathComponent(Self.manifestName)
        guard FileManager.default.fileExists(atPath: manifestURL.path) else { return .miss }
        guard let text = try? String(contentsOf: manifestURL, encoding: .utf8),
              let (facts, variants) = PictureManifest.parse(text) else {
            return .damaged("its manifest cannot be read")
        }
        for variant in variants {
            let name = Self.fileName(of: variant)
            guard let bytes = FileManager.default.contents(atPath: folder.appendingPathComponent(name).path) else {
                return .damaged("\(name) is missing")
            }
            guard bytes.count == variant.byteCount else {
                return .damaged("\(name) has \(bytes.count) bytes, not \(variant.byteCount)")
            }
            guard bytes.withUnsafeBytes({ Vips.sha256($0) }) == variant.sha256 else {
                return .damaged("\(name) is not the file that was made")
            }
        }
        return .hit(CachedPicture(facts: facts, variants: variants, folder: folder))
    }

    /// The entry for `key` checked by its files' sizes and times instead of their hashes: for a source whose stamp
    /// says it is unchanged (`SourceIndex`), so an unchanged build reads no picture's bytes. A variant cut short has
    /// another size; one edited in place is newer than the manifest, which is written after every variant. Either
    /// sends the caller to the full check (`lookUp`).
    func quickLookUp(key: String) -> Lookup {
        let folder = folder(forKey: key)
        let manifestPath = folder.appendingPathComponent(Self.manifestName).path
        guard let manifestStamp = FileStamp(path: manifestPath) else { return .miss }
        guard let text = try? String(contentsOfFile: manifestPath, encoding: .utf8),
              let (facts, variants) = PictureManifest.parse(text) else {
            return .damaged("its manifest cannot be read")
        }
        for variant in variants {
            let name = Self.fileName(of: variant)
            guard let stamp = FileStamp(path: folder.appendingPathComponent(name).path), stamp.size == variant.byteCount,
                  (stamp.modifiedSeconds, stamp.modifiedNanoseconds) < (manifestStamp.modifiedSeconds, manifestStamp.modifiedNanoseconds)
            else { return .damaged("\(name) changed") }
        }
        return .hit(CachedPicture(facts: facts, variants: variants, folder: folder))
    }

    /// Where the key of a source file is remembered by its stamp (see `rememberKey`).
    private func indexFile(source: URL, fingerprint: String) -> URL {
        root.appendingPathComponent("sources", isDirectory: true)
            .appendingPathComponent(Vips.sha256(Array((fingerprint + "\n" + source.standardizedFileURL.path).utf8)))
    }

    /// The cache key last made from `source` with these settings, if the file's stamp (size, time, inode) is still
    /// the one it had then: hashing a 5 MB photo on every build cost more than the rest of the build.
    func rememberedKey(source: URL, stamp: FileStamp, fingerprint: String) -> String? {
        guard let text = try? String(contentsOf: indexFile(source: source, fingerprint: fingerprint), encoding: .utf8) else { return nil }
        let fields = text.split(separator: " ")
        guard fields.count == 5, fields[0] == "\(stamp.size)", fields[1] == "\(stamp.modifiedSeconds)",
              fields[2] == "\(stamp.modifiedNanoseconds)", fields[3] == "\(stamp.inode)", fields[4].count == 64 else { return nil }
        return String(fields[4])
    }

    /// Remembers `key` for `source` at `stamp`. Best effort: without it the next build hashes the source again.
    func rememberKey(_ key: String, source: URL, stamp: FileStamp, fingerprint: String) {
        let file = indexFile(source: source, fingerprint: fingerprint)
        let text = "\(stamp.size) \(stamp.modifiedSeconds) \(stamp.modifiedNanoseconds) \(stamp.inode) \(key)"
        try? FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try? Data(text.utf8).write(to: file, options: .atomic)
    }

    /// Stores freshly made variants under `key`, replacing whatever was there.
    func store(key: String, facts: PictureFacts, variants: [EncodedVariant]) throws(PictureError) -> CachedPicture {
        let folder = folder(forKey: key)
        let staging = root.appendingPathComponent(".partial-\(key)-\(UUID().uuidString)", isDirectory: true)
        do {
            try FileManager.default.createDirectory(at: staging, withIntermediateDirectories: true)
            // Variants are dated two seconds back, so that the manifest written after them is strictly newer (file
            // times move in clock ticks of a few milliseconds) and a variant edited later is not (`quickLookUp`).
            let backdated = Date(timeIntervalSinceNow: -2)
            for encoded in variants {
                let file = staging.appendingPathComponent(Self.fileName(of: encoded.variant))
                try Data(encoded.bytes).write(to: file)
                try FileManager.default.setAttributes([.modificationDate: backdated], ofItemAtPath: file.path)
            }
            // The manifest last: a staging folder without one is never taken for an entry.
            let manifest = PictureManifest.text(facts: facts, variants: variants.map(\.variant))
            try Data(manifest.utf8).write(to: staging.appendingPathComponent(Self.manifestName))
            if FileManager.default.fileExists(atPath: folder.path) {
                try FileManager.default.removeItem(at: folder)
            }
            do {
                try FileManager.default.moveItem(at: staging, to: folder)
            } catch where FileManager.default.fileExists(atPath: folder.appendingPathComponent(Self.manifestName).path) {
                // Another build stored the same picture in the meantime: the same bytes, so keep theirs.
                try? FileManager.default.removeItem(at: staging)
            }
        } catch {
            try? FileManager.default.removeItem(at: staging)
            throw .cacheFailed("cannot write \(folder.path): \(error.localizedDescription)")
        }
        return CachedPicture(facts: facts, variants: variants.map(\.variant), folder: folder)
    }

    static let manifestName = "manifest.txt"

    static func fileName(of variant: PictureVariant) -> String {
        "\(variant.width).\(variant.format.fileExtension)"
    }
}

/// The manifest's text: a version line, the picture's facts, one line per variant. Plain lines rather than JSON:
/// ten fields, read on every build.
///
///     helhed-picture-cache 1
///     picture 3000 4000 opaque jpeg
///     variant webp 480 640 31234 9f86d081…
enum PictureManifest {
    static let header = "helhed-picture-cache 1"

    static func text(facts: PictureFacts, variants: [PictureVariant]) -> String {
        var lines = [header, "picture \(facts.width) \(facts.height) \(facts.hasAlpha ? "alpha" : "opaque") \(facts.fallbackFormat.rawValue)"]
        for variant in variants {
            lines.append("variant \(variant.format.rawValue) \(variant.width) \(variant.height) \(variant.byteCount) \(variant.sha256)")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    static func parse(_ text: String) -> (PictureFacts, [PictureVariant])? {
        let lines = text.split(separator: "\n").map { $0.split(separator: " ").map(String.init) }
        guard lines.count >= 3, lines[0].joined(separator: " ") == header else { return nil }
        let picture = lines[1]
        guard picture.count == 5, picture[0] == "picture", let width = Int(picture[1]), let height = Int(picture[2]),
              let fallback = PictureFormat(rawValue: picture[4]) else { return nil }
        let facts = PictureFacts(width: width, height: height, hasAlpha: picture[3] == "alpha", fallbackFormat: fallback)
        var variants: [PictureVariant] = []
        for line in lines.dropFirst(2) {
            guard line.count == 6, line[0] == "variant", let format = PictureFormat(rawValue: line[1]),
                  let width = Int(line[2]), let height = Int(line[3]), let length = Int(line[4]), line[5].count == 64
            else { return nil }
            variants.append(PictureVariant(format: format, width: width, height: height, byteCount: length, sha256: line[5]))
        }
        return (facts, variants)
    }
}
