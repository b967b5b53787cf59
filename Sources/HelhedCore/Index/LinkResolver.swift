import Foundation

/// What a link or image address in Markdown turns out to point at.
enum LinkTarget: Equatable, Sendable {
    /// Left as written: another site, `mailto:` and the like.
    case external
    /// A page of the site, optionally a heading on it (checked once every page's headings are known).
    case page(PageID, fragment: String?)
    /// A heading on the same page.
    case ownHeading(String)
    /// A copied file or generated page, by its path inside the site.
    case file(sitePath: String, fragment: String?)
    /// An address that must not reach the output (`javascript:` and the like).
    case dangerous(scheme: String)
    case broken(Message)
    /// A page that exists but could not be read; its own errors say why, so the link adds none.
    case unreadablePage
}

/// Resolves link addresses the way editors write them: relative to the Markdown file, to `.md` files and to
/// files under `Content/`. Nothing may point outside `Content/`.
struct LinkResolver: Sendable {
    let site: Site
    /// Paths inside the site that the build generates besides the Markdown pages (`ordforklaringer/`, `feed.xml` …).
    let generatedSitePaths: Set<String>

    static let dangerousSchemes: Set<String> = ["javascript", "vbscript", "data", "file"]

    func resolve(_ address: String, from source: SourceText, isImage: Bool) -> LinkTarget {
        if let (name, fragment) = Self.plainFileName(address) {
            // The usual link, `other-page.md` or `other-page.md#heading`: a file next to this one, found without
            // splitting and joining paths.
            let folderEnd = source.contentPath.utf8.lastIndex(of: UInt8(ascii: "/"))
            let target = folderEnd.map { source.contentPath[..<$0] + "/" + name } ?? name
            return resolve(address, target: target, fragment: fragment, isSiteAbsolute: false, endsWithSlash: false)
        }
        if address.isEmpty { return .broken(Message(.linkWithoutAddress)) }
        if let scheme = Self.scheme(of: address) {
            let lowered = scheme.lowercased()
            if Self.dangerousSchemes.contains(lowered) {
                if isImage && lowered == "data" && address.lowercased().hasPrefix("data:image/") && !address.lowercased().hasPrefix("data:image/svg") {
                    return .external
                }
                return .dangerous(scheme: lowered)
            }
            return .external
        }
        if address.hasPrefix("//") { return .external }

        let (pathPart, fragment) = Self.splitFragment(address)
        if pathPart.isEmpty {
            return fragment.map { .ownHeading($0) } ?? .broken(Message(.linkWithoutAddress))
        }
        // Byte searches: these characters are ASCII, and Foundation's `contains` costs far more for the same answer.
        if pathPart.utf8.contains(UInt8(ascii: "?")) {
            return .broken(Message(.linkWithQuery, ["link": address]))
        }
        guard let decoded = Self.removingPercentEncoding(pathPart), !decoded.utf8.contains(0), !decoded.utf8.contains(UInt8(ascii: "\\")) else {
            return .broken(Message(.linkNotAPath, ["link": address]))
        }
        let isSiteAbsolute = decoded.hasPrefix("/")
        let base = isSiteAbsolute ? [] : Self.segments(of: source.contentPath).dropLast().map(String.init)
        var segments = base
        for segment in Self.segments(of: decoded) {
            switch segment {
            case ".": continue
            case "..":
                if segments.isEmpty {
                    return .broken(Message(.linkLeavesContent, ["link": address]))
                }
                segments.removeLast()
            default: segments.append(String(segment))
            }
        }
        return resolve(address, target: segments.joined(separator: "/"), fragment: fragment, isSiteAbsolute: isSiteAbsolute,
                       endsWithSlash: decoded.hasSuffix("/"))
    }

    /// `target`: the path inside the content folder the address leads to.
    private func resolve(_ address: String, target: String, fragment: String?, isSiteAbsolute: Bool, endsWithSlash: Bool) -> LinkTarget {
        // Made only for a broken link: building the message for every link cost more than resolving it.
        var notInSite: Message { Message(.linkNotInSite, ["link": address]) }
        if target.hasSuffix(".md") {
            if let page = site.page(atContentPath: target) { return .page(page, fragment: fragment) }
            if let reason = site.leftOutReason(forContentPath: target) { return .broken(Message(.linkToLeftOutPage, ["link": address, "reason": reason])) }
            if site.isUnreadable(contentPath: target) { return .unreadablePage }
            return .broken(isSiteAbsolute ? notInSite : Message(.linkToMissingPage, ["link": address, "target": target]))
        }
        if !endsWithSlash && site.isStaticFile(sitePath: target) { return .file(sitePath: target, fragment: fragment) }
        if isSiteAbsolute {
            let sitePath = generatedSitePaths.contains(target) ? target : target.isEmpty ? "" : target + "/"
            return generatedSitePaths.contains(sitePath) ? .file(sitePath: sitePath, fragment: fragment) : .broken(notInSite)
        }
        if site.hasFolder(target) {
            return .broken(Message(.linkToFolder, ["link": address]))
        }
        return .broken(Message(.linkToMissingFile, ["link": address, "target": target]))
    }

    /// The scheme of an absolute URI (`https`, `mailto`, `javascript`), or nil for a path.
    static func scheme(of address: String) -> String? {
        // In ASCII text every byte is a Character, so bytes give the same answer without Character breaking, which
        // cost thousands of instructions per link. (Beyond ASCII, a ':' may be part of a larger Character.)
        if isASCII(address) {
            let bytes = address.utf8
            guard let colon = bytes.firstIndex(of: UInt8(ascii: ":")), let first = bytes.first, isASCIILetter(first),
                  bytes[..<colon].allSatisfy({ isASCIILetter($0) || (0x30...0x39).contains($0) || $0 == UInt8(ascii: "+") || $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: ".") })
            else { return nil }
            return String(address[..<colon])
        }
        guard let colon = address.firstIndex(of: ":") else { return nil }
        let candidate = address[..<colon]
        guard let first = candidate.first, first.isASCII, first.isLetter,
              candidate.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "+" || $0 == "-" || $0 == ".") })
        else { return nil }
        return String(candidate)
    }

    /// A file name of ASCII letters, digits, `-`, `_` and `.` (not `.` or `..`, not starting with a dot), with a
    /// fragment without `%` or none: split, or nil for every other address. For these, the general steps below
    /// (scheme, query, percent-decoding, dot segments) have nothing to do.
    static func plainFileName(_ address: String) -> (name: String, fragment: String?)? {
        let bytes = address.utf8
        let hash = bytes.firstIndex(of: UInt8(ascii: "#"))
        let name = bytes[..<(hash ?? bytes.endIndex)]
        guard let first = name.first, first != UInt8(ascii: "."),
              name.allSatisfy({ byte in
                  (0x61...0x7A).contains(byte) || (0x41...0x5A).contains(byte) || (0x30...0x39).contains(byte)
                      || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "_") || byte == UInt8(ascii: ".")
              }) else { return nil }
        guard let hash else { return (address, nil) }
        let fragment = bytes[bytes.index(after: hash)...]
        guard !fragment.contains(UInt8(ascii: "%")) else { return nil }
        return (String(address[..<hash]), String(address[bytes.index(after: hash)...]))
    }

    static func splitFragment(_ address: String) -> (path: String, fragment: String?) {
        // Bytes for ASCII text, as in `scheme(of:)`.
        let hash = isASCII(address) ? address.utf8.firstIndex(of: UInt8(ascii: "#")) : address.firstIndex(of: "#")
        guard let hash else { return (address, nil) }
        let fragment = String(address[address.index(after: hash)...])
        return (String(address[..<hash]), removingPercentEncoding(fragment) ?? fragment)
    }

    /// Foundation's `removingPercentEncoding`, which leaves text without a `%` as it is; that common case is answered
    /// without Foundation (thousands of instructions per call).
    static func removingPercentEncoding(_ text: String) -> String? {
        text.utf8.contains(UInt8(ascii: "%")) ? text.removingPercentEncoding : text
    }

    /// The non-empty parts of a path between `/`. Bytes for ASCII text, as in `scheme(of:)`.
    static func segments(of path: String) -> [Substring] {
        guard isASCII(path) else { return path.split(separator: "/", omittingEmptySubsequences: true) }
        var segments: [Substring] = []
        var start = path.utf8.startIndex
        var index = start
        let end = path.utf8.endIndex
        while index < end {
            if path.utf8[index] == UInt8(ascii: "/") {
                if start < index { segments.append(path[start..<index]) }
                start = path.utf8.index(after: index)
            }
            index = path.utf8.index(after: index)
        }
        if start < end { segments.append(path[start..<end]) }
        return segments
    }

    private static func isASCII(_ text: String) -> Bool {
        text.utf8.allSatisfy { $0 < 0x80 }
    }

    private static func isASCIILetter(_ byte: UInt8) -> Bool {
        (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte)
    }
}

extension Site {
    /// Whether `path` (inside `Content/`) is a folder that holds files of the site.
    func hasFolder(_ path: String) -> Bool {
        guard !path.isEmpty else { return true }
        let prefix = path + "/"
        return staticSitePaths.contains { $0.hasPrefix(prefix) } || pageByContentPath.keys.contains { $0.hasPrefix(prefix) }
            || leftOutContentPaths.keys.contains { $0.hasPrefix(prefix) }
    }
}
