/// An address inside the site as editors write it: `/artikler/gammel-titel/` (a folder, served by its `index.html`) or
/// `/gammel-side.html` (a file), relative to the site's root (`base_url`). Used for `old_addresses:` in front matter
/// and for the record of published addresses (`Content/adresser.yml`).
///
/// Only what every host serves the same way is accepted: letters a–z and A–Z, digits, `-`, `_`, `.`, `~` and `/`
/// between non-empty parts, no part that is `.`, `..` or starts with `.` (hidden, and the way out of the site), and an
/// extension only on an `.html` or `.htm` file. So an address can neither leave the output folder nor name something
/// that is not a page.
enum SiteAddress {
    /// The path inside the site (`artikler/gammel-titel/`, `gammel-side.html`) of a written address, or why it is not one.
    static func sitePath(of written: String) -> Result<String, Problem> {
        if let sitePath = plainFolder(written) { return .success(sitePath) }
        if written.contains("://") || written.hasPrefix("//") { return .failure(.hasDomain) }
        guard written.hasPrefix("/") else { return .failure(.notRooted) }
        var parts = written.dropFirst().split(separator: "/", omittingEmptySubsequences: false)
        let isFolder = parts.last == "" || parts.isEmpty
        if isFolder { parts = parts.dropLast() }
        guard !parts.isEmpty else { return .failure(.isRoot) }
        for part in parts {
            if part.isEmpty { return .failure(.emptyPart) }
            if part == ".." || part == "." { return .failure(.leavesSite) }
            if part.hasPrefix(".") { return .failure(.hidden) }
            if let bad = part.unicodeScalars.first(where: { !allowed($0) }) { return .failure(.character(bad)) }
        }
        let last = parts.last!
        if let dot = last.lastIndex(of: "."), !isFolder {
            let ext = last[last.index(after: dot)...].lowercased()
            guard ext == "html" || ext == "htm" else { return .failure(.notAPage(String(ext))) }
            return .success(parts.joined(separator: "/"))
        }
        return .success(parts.joined(separator: "/") + "/")
    }

    /// The common case, on the bytes in one pass: a folder address of allowed characters with no empty, dot or hidden
    /// part (every address the record holds). nil for anything else, which the full check then judges and explains:
    /// the record of a large site holds tens of thousands of addresses, read on every build.
    private static func plainFolder(_ written: String) -> String? {
        let slash = UInt8(ascii: "/"), dot = UInt8(ascii: ".")
        var previous: UInt8 = 0
        var sinceSlash = 0
        var hasDot = false
        for byte in written.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                 UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "~"):
                sinceSlash += 1
            case dot:
                if previous == slash || previous == 0 { return nil }
                hasDot = true
                sinceSlash += 1
            case slash:
                if previous == slash { return nil }
                hasDot = false
                sinceSlash = 0
            default:
                return nil
            }
            previous = byte
        }
        guard written.utf8.first == slash, written.utf8.count > 1 else { return nil }
        if previous == slash { return String(written.utf8.dropFirst())! }
        return hasDot ? nil : String(written.utf8.dropFirst())! + "/"
    }

    /// The file in the output folder that answers for a path inside the site.
    static func outputPath(of sitePath: String) -> String {
        sitePath.hasSuffix("/") ? sitePath + "index.html" : sitePath
    }

    /// How an address is shown to editors and in the record: with a leading `/`.
    static func written(_ sitePath: String) -> String { "/" + sitePath }

    private static func allowed(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "a"..."z", "A"..."Z", "0"..."9", "-", "_", ".", "~": true
        default: false
        }
    }

    enum Problem: Error, Equatable, CustomStringConvertible {
        case hasDomain, notRooted, isRoot, emptyPart, leavesSite, hidden, character(Unicode.Scalar), notAPage(String)

        var description: String {
            switch self {
            case .hasDomain: "write the address without the domain, from the site's root, e.g. /artikler/gammel-titel/"
            case .notRooted: "an address starts with '/' at the site's root, e.g. /artikler/gammel-titel/"
            case .isRoot: "the front page cannot be an old address"
            case .emptyPart: "the address has an empty part ('//')"
            case .leavesSite: "the address may not hold '.' or '..' parts; it must stay inside the site"
            case .hidden: "a part of the address starts with '.' (hidden files are not published)"
            case .character(let scalar):
                "the address holds \"\(scalar)\"; use only a-z, A-Z, 0-9, '-', '_', '.', '~' and '/'"
            case .notAPage(let ext):
                "the address ends in '.\(ext)'; an old address is a page: end it in '/' (a folder) or '.html'"
            }
        }
    }
}
