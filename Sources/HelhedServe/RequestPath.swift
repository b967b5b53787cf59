/// The path of a request, percent-decoded exactly once and checked before it is looked up.
///
/// The served site is a dictionary of known paths, so a path that is not a key cannot leak anything; this type
/// exists to *name* hostile paths (400 instead of 404) and to guarantee that what reaches the lookup is a plain,
/// relative, slash-separated path with no way of climbing out of the site.
public struct RequestPath: Equatable, Sendable {
    /// Decoded, without the leading slash: `artikler/kolding/` for `/artikler/kolding/`, empty for `/`.
    public let relative: String

    public var absolute: String { "/" + relative }
    public var hasTrailingSlash: Bool { relative.isEmpty || relative.hasSuffix("/") }

    public enum Rejection: Error, Equatable, Sendable, CustomStringConvertible {
        case notAbsolute
        case controlCharacter
        case backslash
        case badPercentEscape
        case encodedSeparator
        case invalidUTF8
        case emptySegment
        case dotSegment
        case doubleEncoding

        public var description: String {
            switch self {
            case .notAbsolute: "the path must start with /"
            case .controlCharacter: "the path contains a control character"
            case .backslash: "the path contains a backslash"
            case .badPercentEscape: "the path has a % that is not followed by two hex digits"
            case .encodedSeparator: "the path contains an encoded slash or backslash"
            case .invalidUTF8: "the path is not valid UTF-8"
            case .emptySegment: "the path contains an empty segment (//)"
            case .dotSegment: "the path contains a . or .. segment"
            case .doubleEncoding: "the path is percent-encoded twice"
            }
        }
    }

    /// `raw` is the path of the request line as sent (still percent-encoded), without the query.
    public static func parse(_ raw: String) -> Result<RequestPath, Rejection> {
        let bytes = Array(raw.utf8)
        guard bytes.first == UInt8(ascii: "/") else { return .failure(.notAbsolute) }

        var decoded: [UInt8] = []
        decoded.reserveCapacity(bytes.count)
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if isControl(byte) { return .failure(.controlCharacter) }
            if byte == UInt8(ascii: "\\") { return .failure(.backslash) }
            guard byte == UInt8(ascii: "%") else {
                decoded.append(byte)
                index += 1
                continue
            }
            guard index + 2 < bytes.count, let high = hexValue(bytes[index + 1]), let low = hexValue(bytes[index + 2]) else {
                return .failure(.badPercentEscape)
            }
            let value = high << 4 | low
            if value == UInt8(ascii: "/") || value == UInt8(ascii: "\\") { return .failure(.encodedSeparator) }
            if isControl(value) { return .failure(.controlCharacter) }
            decoded.append(value)
            index += 3
        }
        guard let text = String(validating: decoded, as: UTF8.self) else { return .failure(.invalidUTF8) }

        let segments = text.dropFirst().split(separator: "/", omittingEmptySubsequences: false)
        for (position, segment) in segments.enumerated() {
            // The last segment is empty exactly when the path ends in a slash, which is how folders are asked for.
            if segment.isEmpty && position < segments.count - 1 { return .failure(.emptySegment) }
            if segment == "." || segment == ".." { return .failure(.dotSegment) }
            if segment.contains("%"), isHostileAfterSecondDecoding(segment) { return .failure(.doubleEncoding) }
        }
        return .success(RequestPath(relative: String(text.dropFirst())))
    }

    /// A decoded segment like `%2e%2e` is a harmless literal name here, but a proxy or a file server behind another
    /// decoder would turn it into `..`; naming it as an attack is clearer than a 404.
    private static func isHostileAfterSecondDecoding(_ segment: Substring) -> Bool {
        guard let again = segment.removingPercentEncoding, again != segment else { return false }
        return again == "." || again == ".." || again.contains("/") || again.contains("\\")
            || again.unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x7F }
    }

    private static func isControl(_ byte: UInt8) -> Bool {
        byte < 0x20 || byte == 0x7F
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}
