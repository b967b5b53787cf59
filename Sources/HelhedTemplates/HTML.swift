/// HTML that Helhed produced itself (rendered Markdown): the only kind of value a template may insert unescaped with
/// `{{{ }}}`. Everything else in a view model is text and is escaped.
///
/// Kept as UTF-8 bytes: pages copy a body in as it is, so it never needs to become a `String` (which would check every
/// byte of every body once more). The template encoder recognises the type and keeps the bytes as they are; any other
/// encoder (JSON, for instance) sees a plain string.
public struct HTML: Encodable, Hashable, Sendable {
    /// Valid UTF-8.
    public let bytes: [UInt8]

    public init(_ html: String) {
        bytes = Array(html.utf8)
    }

    /// `bytes` must be valid UTF-8 (cmark's output is).
    public init(bytes: [UInt8]) {
        self.bytes = bytes
    }

    public var html: String { String(decoding: bytes, as: UTF8.self) }

    /// Empty HTML counts as no value: a section on it is skipped and an inverted section shown (as swift-mustache's
    /// `MustacheCustomRenderable.isNull` made it).
    public var isNull: Bool { bytes.isEmpty }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(html)
    }
}
