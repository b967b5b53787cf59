/// A parsed template: the one tree both the checker and the renderer read.

/// A name a tag asks for, split on "." once, with each part numbered (`TemplateLibrary` numbers every name its
/// templates use, so that rendering compares numbers, never strings). Up to three parts are held inline, so that
/// rendering copies no reference (which both cores would retain and release) for the names of a page.
struct TagName: Sendable {
    enum Scope: Sendable {
        /// `{{.}}`: the value on top of the context stack.
        case current
        /// `{{.a.b}}`: `a` only in the value on top of the stack.
        case top
        /// `{{a.b}}`: `a` from the top of the stack down, then `b` in what was found.
        case stack
    }

    let scope: Scope
    /// The name as written is `TemplateLibrary.spellings[spelling]` (for messages).
    let spelling: Int32
    let count: Int32
    private let first: Int32
    private let second: Int32
    private let third: Int32
    private let beyondThird: [Int32]?

    init(scope: Scope, spelling: Int32, keys: [Int32]) {
        self.scope = scope
        self.spelling = spelling
        count = Int32(keys.count)
        first = keys.count > 0 ? keys[0] : -1
        second = keys.count > 1 ? keys[1] : -1
        third = keys.count > 2 ? keys[2] : -1
        beyondThird = keys.count > 3 ? Array(keys[3...]) : nil
    }

    /// The number of part `index`.
    @inline(__always)
    func key(_ index: Int) -> Int32 {
        switch index {
        case 0: first
        case 1: second
        case 2: third
        default: beyondThird![index - 3]
        }
    }
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
    /// that name, which is then indented by `overrideIndentation`.
    case block(name: String, body: [TemplateNode], indentation: [UInt8]?, overrideIndentation: [UInt8], line: Int)
}

/// A mistake in a template's syntax, at the line of the tag it concerns.
struct TemplateSyntaxError: Error, Equatable {
    let line: Int
    let message: String
}
