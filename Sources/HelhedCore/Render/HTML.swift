import Mustache

/// HTML that Helhed produced itself (rendered Markdown): the only kind of value a template may insert
/// unescaped with `{{{ }}}`. Everything else in a view model is text and is escaped.
public struct HTML: Sendable, Hashable, MustacheCustomRenderable {
    public let html: String

    public init(_ html: String) {
        self.html = html
    }

    public var renderText: String { html }
    public var isNull: Bool { html.isEmpty }
}
