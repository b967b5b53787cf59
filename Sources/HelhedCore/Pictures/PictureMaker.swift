import Foundation

/// What a picture is made into: the variants for an article's text, or the cropped ones for cards and Open Graph.
enum PictureUse: String, Sendable, Hashable {
    case prose
    case card
}

/// A picture ready for publishing: its variants in the cache, and whether this call had to make them.
struct MadePicture: Sendable, Hashable {
    let picture: CachedPicture
    /// False when the cache already held the variants (nothing was decoded or encoded).
    let wasProcessed: Bool
    /// Set when a cache entry was found damaged and made again: why it was damaged.
    let repairedDamage: String?
}

/// The build's entry point for pictures: source file → cache (made when missing, changed or damaged) → variants.
/// Processes pictures in parallel, one picture per task; libvips uses one thread per picture (`Vips.threadsPerPicture`).
struct PictureMaker: Sendable {
    let processor: PictureProcessor
    let cache: PictureCache

    init(settings: PictureSettings = .standard, cache: PictureCache) {
        self.processor = PictureProcessor(settings: settings)
        self.cache = cache
    }

    /// Every source's variants, in the order given; a failure for one picture does not stop the others.
    func make(_ sources: [URL], for use: PictureUse = .prose) -> [Result<MadePicture, PictureError>] {
        sources.parallelMap { source in Result { () throws(PictureError) in try make(source, for: use) } }
    }

    /// One picture's variants, from the cache when it holds them intact.
    func make(_ source: URL, for use: PictureUse = .prose) throws(PictureError) -> MadePicture {
        // An unchanged file (same stamp as when its key was made) whose entry's files look intact: nothing is read.
        let stamp = FileStamp(path: source.path)
        let fingerprint = settingsFingerprint(use: use)
        if let stamp, let key = cache.rememberedKey(source: source, stamp: stamp, fingerprint: fingerprint),
           case .hit(let picture) = cache.quickLookUp(key: key) {
            return MadePicture(picture: picture, wasProcessed: false, repairedDamage: nil)
        }
        let bytes = try read(source)
        let key = try cacheKey(for: bytes, use: use)
        defer { if let stamp { cache.rememberKey(key, source: source, stamp: stamp, fingerprint: fingerprint) } }
        var damage: String?
        switch cache.lookUp(key: key) {
        case .hit(let picture):
            return MadePicture(picture: picture, wasProcessed: false, repairedDamage: nil)
        case .damaged(let reason):
            damage = reason
        case .miss:
            break
        }
        let (facts, variants) = try use == .card ? processor.processCard(bytes) : processor.process(bytes)
        let stored = try cache.store(key: key, facts: facts, variants: variants)
        return MadePicture(picture: stored, wasProcessed: true, repairedDamage: damage)
    }

    /// SHA-256 of the source's SHA-256 and the settings' fingerprint: any change to either is a new entry.
    func cacheKey(for bytes: [UInt8], use: PictureUse = .prose) throws(PictureError) -> String {
        Vips.sha256(Array((Vips.sha256(bytes) + "\n" + settingsFingerprint(use: use)).utf8))
    }

    /// Without starting libvips: a build whose pictures are all in the cache never starts it.
    private func settingsFingerprint(use: PictureUse) -> String {
        processor.settings.fingerprint(libvipsVersion: Vips.linkedVersion) + (use == .card ? " card" : "")
    }

    /// The file's bytes, refusing before reading what is larger than the settings allow.
    private func read(_ source: URL) throws(PictureError) -> [UInt8] {
        let limit = processor.settings.maxFileBytes
        let size: Int
        do {
            let attributes = try FileManager.default.attributesOfItem(atPath: source.path)
            guard attributes[.type] as? FileAttributeType == .typeRegular else {
                throw PictureError.unreadable("\(source.path) is not a file")
            }
            size = (attributes[.size] as? NSNumber)?.intValue ?? 0
        } catch let error as PictureError {
            throw error
        } catch {
            throw .unreadable("\(source.path): \(error.localizedDescription)")
        }
        guard size <= limit else { throw .fileTooLarge(bytes: size, limit: limit) }
        guard let data = FileManager.default.contents(atPath: source.path) else {
            throw .unreadable("\(source.path) cannot be opened")
        }
        return [UInt8](data)
    }
}
