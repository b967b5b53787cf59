import Mustache

/// The theme's templates compiled once into a form that renders Helhed's view models without swift-mustache's
/// per-lookup costs. swift-mustache stays the parser and the reference: every template is parsed by it (so
/// standalone lines, indentation and inheritance are exactly its reading), its token tree is read once, and
/// rendering follows `MustacheTemplate.render(context:)` step by step. What this saves, per `{{name}}`: splitting the
/// name on every lookup (done once here), a dozen dynamic casts to swift-mustache's protocols, and a `String` per
/// template, section and list element (everything is appended to one byte buffer).
///
/// Only what Helhed's view models need is compiled: variables, sections, inverted sections, partials, parents and
/// blocks. A template set that uses anything else (transforms, lambdas' dynamic partials, another content type) is
/// not compiled, and `TemplateSet` renders it with swift-mustache as before. Values are read as `TemplateValue`s:
/// view models answer with them directly, anything else is read into one (`TemplateValue(any:)`); no value is a
/// `MustacheCustomRepresentation`, a lambda or a renderable other than `HTML`, which is why those checks are left
/// out. `CompiledTemplatesTests` renders every sample model both ways and requires the same bytes.
struct CompiledTemplates: @unchecked Sendable {
    // @unchecked: everything stored is immutable after `init`; `Any` payloads are only swift-mustache's
    // content types, which are `Sendable`.

    /// Stored inline, not boxed (`indirect`): a boxed node was retained and released, by both cores, every time a
    /// page rendered it.
    enum Node {
        /// Bytes owned by the templates' `TextStorage`: literals shared by every page both cores render, read without
        /// retaining anything.
        case text(UnsafeBufferPointer<UInt8>)
        case variable(Path, isEscaped: Bool)
        case section(Path, isInverted: Bool, body: [Node])
        /// `{{$name}}…{{/name}}` inside a template that is used as a parent: overridable, with a default.
        case block(name: String, defaultBody: [Node], indentation: String?)
        /// `{{>name}}`, or `{{<name}}` with the blocks it overrides.
        case partial(name: String, indentation: String?, overrides: [String: [Node]]?)
    }

    /// A name, split on "." once.
    enum Path {
        /// `{{.}}`
        case current
        /// `{{a.b}}`: `a` is looked for from the top of the stack down, then `b` in what was found. `prefix` numbers
        /// the names but the last (`a` here; the same number for the same names in every template), -1 for one name.
        case stack([FieldName], prefix: Int)
        /// `{{.a.b}}`: only the top of the stack.
        case top([FieldName])
    }

    private let templates: [String: [Node]]
    /// Owns the bytes of every `.text` node; lives as long as the nodes (this value and its copies).
    private let storage: TextStorage

    /// The literal bytes of a set of compiled templates, freed with the last copy of the templates.
    private final class TextStorage: @unchecked Sendable {
        // @unchecked: written only while the templates are compiled, read-only afterwards.
        private var buffers: [UnsafeMutableBufferPointer<UInt8>] = []

        func keep(_ bytes: some Collection<UInt8>) -> UnsafeBufferPointer<UInt8> {
            let buffer = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: bytes.count)
            _ = buffer.initialize(from: bytes)
            buffers.append(buffer)
            return UnsafeBufferPointer(buffer)
        }

        deinit {
            for buffer in buffers { buffer.deallocate() }
        }
    }

    /// nil when any template uses something this renderer does not handle.
    init?(_ parsed: [String: MustacheTemplate]) {
        var templates: [String: [Node]] = [:]
        var prefixes: [String: Int] = [:]
        let storage = TextStorage()
        for (name, template) in parsed {
            guard let nodes = Self.compile(template, prefixes: &prefixes, storage: storage) else { return nil }
            templates[name] = nodes
        }
        self.templates = templates
        self.storage = storage
    }

    func render(_ template: String, _ model: Any) -> String {
        String(decoding: renderBytes(template, model), as: UTF8.self)
    }

    /// The page as UTF-8. It is valid UTF-8 by construction (whole strings appended, indentation inserted between
    /// tokens), so a caller that only writes it out can skip the check a `String` makes of every byte.
    func renderBytes(_ template: String, _ model: Any) -> [UInt8] {
        // An empty optional as the model leaves nothing to find names in.
        renderBytes(template, TemplateValue(any: model))
    }

    /// A view model needs no reading into a `TemplateValue` (which asks the runtime what the value is).
    func renderBytes(_ template: String, _ model: any TemplateModel) -> [UInt8] {
        renderBytes(template, .model(model))
    }

    private func renderBytes(_ template: String, _ model: TemplateValue?) -> [UInt8] {
        guard let nodes = templates[template] else { return [] }
        var output = ByteBuffer(capacity: 32 * 1024)
        var stack = Stack()
        if let model { stack.push(.value(model)) }
        render(nodes, context: Context(indentation: nil, overrides: nil), stack: &stack, into: &output)
        return output.array()
    }

    // MARK: Compiling swift-mustache's token tree

    /// Reads `MustacheTemplate.tokens` (swift-mustache keeps it internal) by reflection, once per template.
    private static func compile(_ template: Any, prefixes: inout [String: Int], storage: TextStorage) -> [Node]? {
        guard let tokens = Mirror(reflecting: template).children.first(where: { $0.label == "tokens" })?.value as? [Any] else { return nil }
        var nodes: [Node] = []
        for token in tokens {
            guard let (kind, payload) = Self.enumCase(token) else { return nil }
            let fields = Mirror(reflecting: payload).children.map(\.value)
            switch kind {
            case "text":
                guard let text = payload as? String else { return nil }
                nodes.append(.text(storage.keep(text.utf8)))
            case "variable", "unescapedVariable":
                guard fields.count == 2, let name = fields[0] as? String, let transforms = fields[1] as? [String], transforms.isEmpty,
                      let path = path(name, prefixes: &prefixes) else { return nil }
                nodes.append(.variable(path, isEscaped: kind == "variable"))
            case "section", "invertedSection":
                guard fields.count == 3, let name = fields[0] as? String, let transforms = fields[1] as? [String], transforms.isEmpty,
                      let path = path(name, prefixes: &prefixes), let body = compile(fields[2], prefixes: &prefixes, storage: storage)
                else { return nil }
                nodes.append(.section(path, isInverted: kind == "invertedSection", body: body))
            case "blockExpansion":
                guard fields.count == 3, let name = fields[0] as? String, let body = compile(fields[1], prefixes: &prefixes, storage: storage)
                else { return nil }
                nodes.append(.block(name: name, defaultBody: body, indentation: unwrapped(fields[2]) as? String))
            case "partial":
                guard fields.count == 3, let name = fields[0] as? String else { return nil }
                var overrides: [String: [Node]]?
                if let inherits = unwrapped(fields[2]) {
                    guard let dictionary = inherits as? [String: MustacheTemplate] else { return nil }
                    var compiled: [String: [Node]] = [:]
                    for (block, template) in dictionary {
                        guard let body = compile(template, prefixes: &prefixes, storage: storage) else { return nil }
                        compiled[block] = body
                    }
                    overrides = compiled
                }
                nodes.append(.partial(name: name, indentation: unwrapped(fields[1]) as? String, overrides: overrides))
            case "contentType":
                // Only the pragma `TemplateSet` puts in front of every template; any other content type is not handled.
                guard payload is FastHTMLEscaping else { return nil }
            default:
                return nil
            }
        }
        return nodes
    }

    private static func enumCase(_ value: Any) -> (String, Any)? {
        let mirror = Mirror(reflecting: value)
        guard mirror.displayStyle == .enum, let child = mirror.children.first, let label = child.label else { return nil }
        return (label, child.value)
    }

    private static func unwrapped(_ value: Any) -> Any? {
        let mirror = Mirror(reflecting: value)
        guard mirror.displayStyle == .optional else { return value }
        return mirror.children.first?.value
    }

    /// As `MustacheTemplate.getChild` reads a name (`""` only occurs with transforms, which are not compiled).
    private static func path(_ name: String, prefixes: inout [String: Int]) -> Path? {
        if name == "." { return .current }
        if name.isEmpty { return nil }
        let parts = name.split(separator: ".").map { FieldName(String($0)) }
        if name.first == "." { return .top(parts) }
        guard parts.count > 1 else { return .stack(parts, prefix: -1) }
        let key = parts.dropLast().map(\.text).joined(separator: ".")
        let prefix = prefixes[key] ?? prefixes.count
        prefixes[key] = prefix
        return .stack(parts, prefix: prefix)
    }

    // MARK: Rendering

    /// A value on the context stack: a value, or an element of a list, read in place.
    enum Frame {
        case value(TemplateValue)
        case element(any TemplateList, Int)

        var value: TemplateValue? {
            switch self {
            case .value(let value): value
            case .element(let list, let index): list.element(at: index)
            }
        }
    }

    /// The context stack of one `render` call, pushed and popped in place as sections open and close, with a number
    /// per pushed value and where each dotted name's prefix was found. `{{layout.site.title}}` is looked up some
    /// thirty times per page; without the prefixes each lookup copied the page's `Layout` and `SiteModel` into new
    /// boxes on the way to the one string it wanted.
    private struct Stack {
        private(set) var frames: [Frame] = []
        /// New for every value pushed, so a remembered prefix is used only for the very value it was found in.
        private(set) var serials: [Int] = []
        private var serial = 0
        /// prefix → (serial of the stack value the first name was found in, the value the prefix names).
        var prefixes: [Int: (serial: Int, value: TemplateValue)] = [:]

        init() {
            frames.reserveCapacity(8)
            serials.reserveCapacity(8)
        }

        mutating func push(_ frame: Frame) {
            serial += 1
            frames.append(frame)
            serials.append(serial)
        }

        /// Replaces the top value (the next element of a list).
        mutating func replaceTop(_ frame: Frame) {
            serial += 1
            frames[frames.count - 1] = frame
            serials[serials.count - 1] = serial
        }

        mutating func pop() {
            frames.removeLast()
            serials.removeLast()
        }

        /// The field `name` of the value at `index` of the stack. Read through a buffer pointer, with the `switch` in
        /// place: `frames[index].field(name)` copied the frame first (retaining each reference it holds, then
        /// releasing it), some 260 times per page.
        func field(_ name: FieldName, ofFrameAt index: Int) -> TemplateValue? {
            frames.withUnsafeBufferPointer { frames in
                switch frames[index] {
                case .value(let value): value.field(name)
                case .element(let list, let position): list.field(name, ofElementAt: position)
                }
            }
        }
    }

    /// What changes as partials and blocks nest; the stack is shared by all of them.
    private struct Context {
        var indentation: String?
        var overrides: [String: [Node]]?
    }

    /// `MustacheTemplate.render(context:)`: with an indentation, a token's non-empty output that starts a new line
    /// (of this template's output so far) is indented.
    private func render(_ nodes: [Node], context: Context, stack: inout Stack, into output: inout ByteBuffer) {
        let start = output.count
        guard let indentation = context.indentation, !indentation.isEmpty else {
            for node in nodes { render(node, context: context, stack: &stack, into: &output) }
            return
        }
        for node in nodes {
            let before = output.count
            render(node, context: context, stack: &stack, into: &output)
            // swift-mustache compares the last Character with "\n"; "\r\n" is one Character, and is not.
            let endsLine = before > start && output[before - 1] == UInt8(ascii: "\n")
                && !(before - 2 >= start && output[before - 2] == UInt8(ascii: "\r"))
            if output.count > before, endsLine {
                output.insert(indentation, at: before)
            }
        }
    }

    /// `MustacheTemplate.renderToken`.
    private func render(_ node: Node, context: Context, stack: inout Stack, into output: inout ByteBuffer) {
        switch node {
        case .text(let bytes):
            output.appendBytes(bytes)
        case .variable(let path, let isEscaped):
            guard let value = lookUp(path, in: &stack) else { return }
            func append(_ text: String) {
                isEscaped ? HTMLEscaping.append(text, to: &output) : output.append(text)
            }
            switch value {
            case .text(let text): append(text)
            case .html(let html):
                html.bytes.withUnsafeBufferPointer { isEscaped ? HTMLEscaping.append($0, to: &output) : output.appendBytes($0) }
            case .number(let number): append(String(number))
            case .flag(let flag): append(flag ? "true" : "false")
            case .model, .list: append(String(describing: value.templateAny))
            }
        case .section(let path, let isInverted, let body):
            let value = lookUp(path, in: &stack)
            isInverted ? renderInverted(body, for: value, context: context, stack: &stack, into: &output)
                : renderSection(body, for: value, context: context, stack: &stack, into: &output)
        case .block, .partial:
            // Apart: with the code that keeps their parts for the inner context out of this function, the compiler
            // inlines it into the loop over a template's nodes and no longer copies each node (retaining what it holds)
            // to render it, about 3 % of a build's instructions (callgrind, 1,000 articles).
            renderInclusion(node, context: context, stack: &stack, into: &output)
        }
    }

    /// A block or a partial.
    private func renderInclusion(_ node: Node, context: Context, stack: inout Stack, into output: inout ByteBuffer) {
        switch node {
        case .block(let name, let defaultBody, let indentation):
            let inner = Context(indentation: Self.indent(context.indentation, by: indentation), overrides: context.overrides)
            render(context.overrides?[name] ?? defaultBody, context: inner, stack: &stack, into: &output)
        case .partial(let name, let indentation, let overrides):
            guard let nodes = templates[name] else { return }
            var merged = context.overrides
            if let overrides {
                // The outer template's overrides win, as in `MustacheContext.withPartial`.
                merged = context.overrides.map { $0.merging(overrides) { outer, _ in outer } } ?? overrides
            }
            let inner = Context(indentation: Self.indent(context.indentation, by: indentation), overrides: merged)
            render(nodes, context: inner, stack: &stack, into: &output)
        case .text, .variable, .section:
            render(node, context: context, stack: &stack, into: &output)
        }
    }

    private static func indent(_ current: String?, by added: String?) -> String? {
        guard let added else { return current }
        return (current ?? "") + added
    }

    /// `MustacheTemplate.renderSection`: each element of a list, `true`, or any other present value (pushed);
    /// nothing for `false`, an empty `HTML` value or no value.
    private func renderSection(_ body: [Node], for value: TemplateValue?, context: Context, stack: inout Stack, into output: inout ByteBuffer) {
        switch value {
        case .list(let list):
            guard list.count > 0 else { return }
            stack.push(.element(list, 0))
            for index in 0..<list.count {
                if index > 0 { stack.replaceTop(.element(list, index)) }
                render(body, context: context, stack: &stack, into: &output)
            }
            stack.pop()
        case .flag(let flag):
            if flag { render(body, context: context, stack: &stack, into: &output) }
        case .html(let html) where html.isNull:
            return
        case .some(let value):
            stack.push(.value(value))
            render(body, context: context, stack: &stack, into: &output)
            stack.pop()
        case .none:
            return
        }
    }

    /// `MustacheTemplate.renderInvertedSection`: an empty list (pushed), `false`, an empty `HTML` value, or nothing.
    private func renderInverted(_ body: [Node], for value: TemplateValue?, context: Context, stack: inout Stack, into output: inout ByteBuffer) {
        switch value {
        case .list(let list):
            guard list.count == 0 else { return }
            stack.push(.value(.list(list)))
            render(body, context: context, stack: &stack, into: &output)
            stack.pop()
        case .flag(let flag):
            if !flag { render(body, context: context, stack: &stack, into: &output) }
        case .html(let html) where html.isNull:
            render(body, context: context, stack: &stack, into: &output)
        case .some:
            return
        case .none:
            render(body, context: context, stack: &stack, into: &output)
        }
    }

    /// `MustacheTemplate.getChild` for names without transforms.
    private func lookUp(_ path: Path, in stack: inout Stack) -> TemplateValue? {
        switch path {
        case .current:
            return stack.frames.last?.value
        case .top(let names):
            guard !stack.frames.isEmpty, let first = names.first else { return stack.frames.last?.value }
            return stack.field(first, ofFrameAt: stack.frames.count - 1).flatMap { Self.child(names.dropFirst(), of: $0) }
        case .stack(let names, let prefix):
            guard let first = names.first else { return stack.frames.last?.value }
            for index in stack.frames.indices.reversed() {
                // The value where this prefix was found before, if it is this one: only the last name is left to ask.
                if prefix >= 0, let known = stack.prefixes[prefix], known.serial == stack.serials[index] {
                    return known.value.field(names[names.count - 1])
                }
                guard let found = stack.field(first, ofFrameAt: index) else { continue }
                guard prefix >= 0 else { return found }
                guard let named = Self.child(names.dropFirst().dropLast(), of: found) else { return nil }
                stack.prefixes[prefix] = (stack.serials[index], named)
                return named.field(names[names.count - 1])
            }
            return nil
        }
    }

    private static func child(_ names: ArraySlice<FieldName>, of value: TemplateValue) -> TemplateValue? {
        var current = value
        for name in names {
            guard let next = current.field(name) else { return nil }
            current = next
        }
        return current
    }
}
