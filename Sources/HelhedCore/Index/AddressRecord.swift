import Foundation

/// `Content/adresser.yml`: the addresses the site has published. Each Markdown source (by its path inside `Content/`)
/// with its address (`artikler/kolding.md: /artikler/kolding/`), or, when it moved, with `address:` and the addresses
/// it had before under `earlier:`. `helhed build` writes it after a successful build; editors
/// commit it with the content, so a fresh clone knows every address that was ever published.
///
/// It lives in `Content/` because it belongs to the content (it changes when a title changes, in the same commit) and
/// is never published: the loader skips it, as it skips `site.yml`. Written sorted and one address a line, so that a
/// diff shows exactly which address moved, and deleting an entry (or one line of it) is how an editor confirms that an
/// address may go.
struct AddressRecord: Sendable, Equatable {
    struct Entry: Sendable, Equatable {
        /// The page's address, as a path inside the site (`artikler/kolding/`).
        var address: String
        /// Addresses the page had before, sorted, without `address`.
        var earlier: [String]
        /// Where the entry is written in the file it was read from; nil for an entry made by this build.
        var lines: ClosedRange<Int>?

        init(address: String, earlier: [String] = [], lines: ClosedRange<Int>? = nil) {
            self.address = address
            self.earlier = earlier
            self.lines = lines
        }

        /// Every address of the entry, current first.
        var addresses: [String] { [address] + earlier }
    }

    static let fileName = "adresser.yml"

    /// By the source's path inside `Content/` (`artikler/kolding.md`).
    var entries: [String: Entry] = [:]

    /// Reads `<content>/adresser.yml`; a missing file is an empty record (a site built for the first time). Problems
    /// are errors at their line.
    /// The record, parsed again only when its file's stamp changed (`helhed serve` rebuilds on every save, and the
    /// record of a large site is a megabyte of YAML).
    static func read(contentFolder: URL, displayPath: String, memo: AddressRecordMemo,
                     into diagnostics: inout Diagnostics) -> AddressRecord {
        let file = contentFolder.appendingPathComponent(fileName)
        let (record, problems) = memo.value(key: 0, inputs: FileStamp(path: file.path)) { _ in
            var problems = Diagnostics()
            return (read(contentFolder: contentFolder, displayPath: displayPath, into: &problems), problems.all)
        }
        diagnostics.append(contentsOf: problems)
        return record
    }

    static func read(contentFolder: URL, displayPath: String, into diagnostics: inout Diagnostics) -> AddressRecord {
        guard let data = FileManager.default.contents(atPath: contentFolder.appendingPathComponent(fileName).path) else { return AddressRecord() }
        guard let text = String(data: data, encoding: .utf8) else {
            diagnostics.append(.error(displayPath, "the file is not valid UTF-8; save it as UTF-8"))
            return AddressRecord()
        }
        // Replacing in a megabyte costs more than looking for a carriage return in it.
        return parse(data.contains(0x0D) ? text.replacingOccurrences(of: "\r\n", with: "\n") : text, path: displayPath, into: &diagnostics)
    }

    static func parse(_ yaml: String, path: String, into diagnostics: inout Diagnostics) -> AddressRecord {
        let fields: FrontMatter
        do throws(Diagnostic) {
            fields = try FrontMatter(yaml: yaml, path: path, firstLine: 1)
        } catch {
            diagnostics.append(error)
            return AddressRecord()
        }
        var lastLine = 1
        for byte in yaml.utf8 where byte == UInt8(ascii: "\n") { lastLine += 1 }
        let starts = fields.names.map { fields.line(of: $0) }
        var record = AddressRecord()
        for (index, source) in fields.names.enumerated() {
            let end = index + 1 < starts.count ? starts[index + 1] - 1 : lastLine
            let lines = starts[index]...max(starts[index], end)
            let (value, line) = fields.value(source)!
            func problem(_ line: Int, _ message: String) {
                diagnostics.append(.error(path, line: line, "\(message); this file records the addresses the site has published (see README)"))
            }
            if case .text(let written, _, _) = value {
                if let address = sitePath(written, line: line, problem) { record.entries[source] = Entry(address: address, lines: lines) }
                continue
            }
            guard case .group(let parts, _) = value else {
                problem(line, "'\(source)' must hold its address, or 'address:' and 'earlier:'")
                continue
            }
            var address: String?
            var earlier: [String] = []
            for part in parts {
                switch (part.name, part.value) {
                case ("address", .text(let written, _, _)):
                    address = sitePath(written, line: fields.fileLine(part.line), problem)
                case ("earlier", .list(let items, _)):
                    for item in items {
                        guard let written = item.text else { problem(fields.fileLine(item.line), "every entry of 'earlier' must be an address"); continue }
                        if let path = sitePath(written, line: fields.fileLine(item.line), problem) { earlier.append(path) }
                    }
                case ("earlier", .text(let written, _, _)):
                    if let path = sitePath(written, line: fields.fileLine(part.line), problem) { earlier.append(path) }
                default:
                    problem(fields.fileLine(part.line), "unknown field '\(part.name)' (an entry holds 'address' and 'earlier')")
                }
            }
            guard let address else {
                if !parts.contains(where: { $0.name == "address" }) { problem(line, "'\(source)' has no 'address:'") }
                continue
            }
            record.entries[source] = Entry(address: address, earlier: Array(Set(earlier).subtracting([address])).sorted(), lines: lines)
        }
        return record
    }

    private static func sitePath(_ written: String, line: Int, _ problem: (Int, String) -> Void) -> String? {
        switch SiteAddress.sitePath(of: written) {
        case .success(let path): return path
        case .failure(let reason):
            problem(line, "\"\(written)\" is not an address: \(reason)")
            return nil
        }
    }

    /// The file's text: a comment saying what it is, then the entries sorted by source, one address a line.
    var text: String {
        var text = """
            # The addresses this site has published, written by `helhed build`; commit it with the content.
            # A page whose address changes keeps its old ones under 'earlier', and they redirect to the new one.
            # When a page is deleted, the build warns about its addresses: delete its entry here to let them go.

            """
        for source in entries.keys.sorted() {
            let entry = entries[source]!
            // One line for a page that never moved (most of them), a group for one that did.
            guard !entry.earlier.isEmpty else {
                text += Self.scalar(source) + ": " + Self.scalar(SiteAddress.written(entry.address)) + "\n"
                continue
            }
            text += Self.scalar(source) + ":\n  address: " + Self.scalar(SiteAddress.written(entry.address)) + "\n  earlier:\n"
            for address in entry.earlier { text += "    - " + Self.scalar(SiteAddress.written(address)) + "\n" }
        }
        return text
    }

    /// Plain when the text needs no quotes (every address and every ordinary file name), else double-quoted.
    private static func scalar(_ text: String) -> String {
        let plain = !text.isEmpty && text.first != "-" && text.unicodeScalars.allSatisfy { scalar in
            switch scalar {
            case "a"..."z", "A"..."Z", "0"..."9", "-", "_", ".", "/", "~": true
            default: false
            }
        }
        if plain { return text }
        var quoted = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": quoted += "\\\""
            case "\\": quoted += "\\\\"
            case _ where scalar.value < 0x20 || scalar.value == 0x7F: quoted += "\\u" + String(format: "%04X", scalar.value)
            default: quoted.unicodeScalars.append(scalar)
            }
        }
        return quoted + "\""
    }

    /// Writes the record beside the content when its bytes differ from the file's (a build that changed no address
    /// leaves the file alone): into a temporary file first, then renamed over it, so the file is never half-written.
    static func write(_ record: AddressRecord, contentFolder: URL) throws {
        let url = contentFolder.appendingPathComponent(fileName)
        let bytes = Data(record.text.utf8)
        if FileManager.default.contents(atPath: url.path) == bytes { return }
        try bytes.write(to: url, options: .atomic)
    }
}

/// The record as last read, by its file's stamp (nil when there is no file), with what reading it found.
typealias AddressRecordMemo = StageMemo<Int, FileStamp?, (record: AddressRecord, problems: [Diagnostic])>
