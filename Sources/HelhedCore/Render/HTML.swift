import Mustache

/// HTML that Helhed produced itself (rendered Markdown): the only kind of value a template may insert
/// unescaped with `{{{ }}}`. Everything else in a view model is text and is escaped.
///
/// Kept as UTF-8 bytes: pages copy a body in as it is, so it never needs to become a `String` (which would check
/// every byte of every body once more).
public struct HTML: Sendable, Hashable, MustacheCustomRenderable {
    /// Valid UTF-8.
    public let bytes: [UInt8]

    public init(_ html: String) {
        bytes = Array(html.utf8)
    }

    /// `bytes` must be valid UTF-8 (cmark's output is).
    init(utf8 bytes: [UInt8]) {
        self.bytes = bytes
    }

    public var html: String { String(decoding: bytes, as: UTF8.self) }
    public var renderText: String { html }
    public var isNull: Bool { bytes.isEmpty }
}
