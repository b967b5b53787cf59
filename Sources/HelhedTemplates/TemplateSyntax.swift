/// A parsed template: the one tree both the checker and the renderer read.

/// A name a tag asks for, split on "." once, with each part numbered (`TemplateLibrary` numbers every name its
/// templates use, so that rendering compares numbers, never strings).
struct TagName: Sendable {
    enum Scope: Sendable {
        /// `{{.}}`: the value on top of the context stack.
        case current
        /// `{{.a.b}}`: `a` only in the value on top of the stack.
        case top
        /// `{{a.b}}`: `a` from the top of the stack down, then `b` in what was found.
        case stack
    }

    /// As written, for messages.
    let text: String
    let scope: Scope
    let parts: [String]
    let keys: [Int32]
}

/// A block's name and its content inside `{{<parent}}…{{/parent}}`.
typealias BlockOverrides = [String: [TemplateNode]]

enum TemplateNode: Sendable {
    /// Literal bytes: `count` bytes at `offset` of the library's literal storage.
    case text(offset: Int32, count: Int32)
    /// `{{name}}`, or `{{{name}}}` / `{{&name}}` when not escaped.
    case variable(TagName, isEscaped: Bool, line: Int)
    /// `{{#name}}…{{/name}}` or `{{^name}}…{{/name}}`.
    case section(TagName, isInverted: Bool, body: [TemplateNode], line: Int)
    /// `{{>name}}`; `template` numbers it in the library (-1: there is no such template). A standalone partial's
    /// `indentation` is put in front of every line it renders.
    case partial(name: String, template: Int, indentation: [UInt8]?, line: Int)
    /// `{{<name}}…{{/name}}`: a partial whose blocks are replaced by `blocks`.
    case parent(name: String, template: Int, indentation: [UInt8]?, blocks: BlockOverrides, line: Int)
    /// `{{$name}}default{{/name}}` outside a parent tag: replaced by whoever includes this template with a block of
    /// that name.
    case block(name: String, body: [TemplateNode], indentation: [UInt8]?, line: Int)
}

/// A mistake in a template's syntax, at the line of the tag it concerns.
struct TemplateSyntaxError: Error, Equatable {
    let line: Int
    let message: String
}
