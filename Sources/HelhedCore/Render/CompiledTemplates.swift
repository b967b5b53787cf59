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
/// not compiled, and `TemplateSet` renders it with swift-mustache as before. Values are what view models hold:
/// `MustacheParent` structs, `String`, `Int`, `Bool`, `HTML`, arrays and optionals; none of them is a
/// `MustacheCustomRepresentation` or a lambda, which is why those checks are left out. `CompiledTemplatesTests`
/// renders every sample model both ways and requires the same bytes.
struct CompiledTemplates: @unchecked Sendable {
    // @unchecked: everything stored is immutable after `init`; `Any` payloads are only swift-mustache's
    // content types, which are `Sendable`.

    indirect enum Node {
        case text([UInt8])
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
        case stack([String], prefix: Int)
        /// `{{.a.b}}`: only the top of the stack.
        case top([String])
    }

    private let templates: [String: [Node]]

    /// nil when any template uses something this renderer does not handle.
    init?(_ parsed: [String: MustacheTemplate]) {
        var templates: [String: [Node]] = [:]
        var prefixes: [String: Int] = [:]
        for (name, template) in parsed {
            guard let nodes = Self.compile(template, prefixes: &prefixes) else { return nil }
            templates[name] = nodes
        }
        self.templates = templates
    }

    func render(_ template: String, _ model: Any) -> String {
        String(decoding: renderBytes(template, model), as: UTF8.self)
    }

    /// The page as UTF-8. It is valid UTF-8 by construction (whole strings appended, indentation inserted between
    /// tokens), so a caller that only writes it out can skip the check a `String` makes of every byte.
    func renderBytes(_ template: String, _ model: Any) -> [UInt8] {
        guard let nodes = templates[template] else { return [] }
        var output: [UInt8] = []
        output.reserveCapacity(32 * 1024)
        let state = RenderState()
        var context = Context(stack: [Frame(model)], serials: [state.nextSerial()], state: state, indentation: nil, overrides: nil)
        render(nodes, context: &context, into: &output)
        return output
    }

    // MARK: Compiling swift-mustache's token tree

    /// Reads `MustacheTemplate.tokens` (swift-mustache keeps it internal) by reflection, once per template.
    private static func compile(_ template: Any, prefixes: inout [String: Int]) -> [Node]? {
        guard let tokens = Mirror(reflecting: template).children.first(where: { $0.label == "tokens" })?.value as? [Any] else { return nil }
        var nodes: [Node] = []
        for token in tokens {
            guard let (kind, payload) = Self.enumCase(token) else { return nil }
            let fields = Mirror(reflecting: payload).children.map(\.value)
            switch kind {
            case "text":
                guard let text = payload as? String else { return nil }
                nodes.append(.text(Array(text.utf8)))
            case "variable", "unescapedVariable":
                guard fields.count == 2, let name = fields[0] as? String, let transforms = fields[1] as? [String], transforms.isEmpty,
                      let path = path(name, prefixes: &prefixes) else { return nil }
                nodes.append(.variable(path, isEscaped: kind == "variable"))
            case "section", "invertedSection":
                guard fields.count == 3, let name = fields[0] as? String, let transforms = fields[1] as? [String], transforms.isEmpty,
                      let path = path(name, prefixes: &prefixes), let body = compile(fields[2], prefixes: &prefixes) else { return nil }
                nodes.append(.section(path, isInverted: kind == "invertedSection", body: body))
            case "blockExpansion":
                guard fields.count == 3, let name = fields[0] as? String, let body = compile(fields[1], prefixes: &prefixes) else { return nil }
                nodes.append(.block(name: name, defaultBody: body, indentation: unwrapped(fields[2]) as? String))
            case "partial":
                guard fields.count == 3, let name = fields[0] as? String else { return nil }
                var overrides: [String: [Node]]?
                if let inherits = unwrapped(fields[2]) {
                    guard let dictionary = inherits as? [String: MustacheTemplate] else { return nil }
                    var compiled: [String: [Node]] = [:]
                    for (block, template) in dictionary {
                        guard let body = compile(template, prefixes: &prefixes) else { return nil }
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
        let parts = name.split(separator: ".").map(String.init)
        if name.first == "." { return .top(parts) }
        guard parts.count > 1 else { return .stack(parts, prefix: -1) }
        let key = parts.dropLast().joined(separator: ".")
        let prefix = prefixes[key] ?? prefixes.count
        prefixes[key] = prefix
        return .stack(parts, prefix: prefix)
    }

    // MARK: Rendering

    /// A value on the context stack, classified once when it is pushed: asking `Any` whether it is a
    /// `MustacheParent` on every lookup copied the whole model into an existential box each time (about 1,700
    /// instructions per lookup).
    enum Frame {
        /// A view model: answers names itself.
        case parent(any MustacheParent)
        /// Text, numbers and flags have no fields (`Mirror` finds no children in them).
        case leaf(Any)
        /// Anything else is asked through `Mirror`, as swift-mustache does.
        case other(Any)

        init(_ value: Any) {
            if ExactType.of(value) != nil {
                self = .leaf(value)
            } else if let parent = value as? MustacheParent {
                // Asked before `is String` and the like: none of String, Int and Bool is a `MustacheParent`, and each
                // failing cast of a view model to them cost the runtime hundreds of instructions.
                self = .parent(parent)
            } else if value is String || value is Int || value is Bool {
                self = .leaf(value)
            } else {
                self = .other(value)
            }
        }

        var value: Any {
            switch self {
            case .parent(let parent): parent
            case .leaf(let value), .other(let value): value
            }
        }

        func child(_ name: String) -> Any? {
            switch self {
            case .parent(let parent): parent.child(named: name)
            case .leaf: nil
            case .other(let value): CompiledTemplates.mirrorChild(name, of: value)
            }
        }
    }

    /// What one `render` call shares: numbers for pushed values, and where each dotted name's prefix was found.
    /// `{{layout.site.title}}` is looked up some thirty times per page; without this each lookup copied the page's
    /// `Layout` and `SiteModel` into new existential boxes on the way to the one string it wanted.
    private final class RenderState {
        private var serial = 0
        /// prefix → (serial of the stack value the first name was found in, the value the prefix names).
        var prefixes: [Int: (serial: Int, frame: Frame)] = [:]

        func nextSerial() -> Int {
            serial += 1
            return serial
        }
    }

    private struct Context {
        var stack: [Frame]
        /// A number per stack value, new for every value pushed, so a remembered prefix is used only for the very
        /// value it was found in.
        var serials: [Int]
        let state: RenderState
        var indentation: String?
        var overrides: [String: [Node]]?
    }

    /// `MustacheTemplate.render(context:)`: with an indentation, a token's non-empty output that starts a new line
    /// (of this template's output so far) is indented.
    private func render(_ nodes: [Node], context: inout Context, into output: inout [UInt8]) {
        let start = output.count
        guard let indentation = context.indentation, !indentation.isEmpty else {
            for node in nodes { render(node, context: &context, into: &output) }
            return
        }
        for node in nodes {
            let before = output.count
            render(node, context: &context, into: &output)
            // swift-mustache compares the last Character with "\n"; "\r\n" is one Character, and is not.
            let endsLine = before > start && output[before - 1] == UInt8(ascii: "\n")
                && !(before - 2 >= start && output[before - 2] == UInt8(ascii: "\r"))
            if output.count > before, endsLine {
                output.insert(contentsOf: indentation.utf8, at: before)
            }
        }
    }

    /// `MustacheTemplate.renderToken`.
    private func render(_ node: Node, context: inout Context, into output: inout [UInt8]) {
        switch node {
        case .text(let bytes):
            output.append(contentsOf: bytes)
        case .variable(let path, let isEscaped):
            guard let value = lookUp(path, in: context) else { return }
            if let text = value as? String {
                isEscaped ? HTMLEscaping.append(text, to: &output) : output.append(contentsOf: text.utf8)
            } else if let renderable = value as? MustacheCustomRenderable {
                isEscaped ? HTMLEscaping.append(renderable.renderText, to: &output) : output.append(contentsOf: renderable.renderText.utf8)
            } else {
                let text = String(describing: value)
                isEscaped ? HTMLEscaping.append(text, to: &output) : output.append(contentsOf: text.utf8)
            }
        case .section(let path, let isInverted, let body):
            let value = lookUp(path, in: context)
            isInverted ? renderInverted(body, for: value, context: context, into: &output) : renderSection(body, for: value, context: context, into: &output)
        case .block(let name, let defaultBody, let indentation):
            var inner = Context(stack: context.stack, serials: context.serials, state: context.state,
                                indentation: Self.indent(context.indentation, by: indentation), overrides: context.overrides)
            render(context.overrides?[name] ?? defaultBody, context: &inner, into: &output)
        case .partial(let name, let indentation, let overrides):
            guard let nodes = templates[name] else { return }
            var merged = context.overrides
            if let overrides {
                // The outer template's overrides win, as in `MustacheContext.withPartial`.
                merged = context.overrides.map { $0.merging(overrides) { outer, _ in outer } } ?? overrides
            }
            var inner = Context(stack: context.stack, serials: context.serials, state: context.state,
                                indentation: Self.indent(context.indentation, by: indentation), overrides: merged)
            render(nodes, context: &inner, into: &output)
        }
    }

    private static func indent(_ current: String?, by added: String?) -> String? {
        guard let added else { return current }
        return (current ?? "") + added
    }

    /// The plain types view models hold, recognised by their metatype (one comparison) before any dynamic cast: a
    /// failing cast (`as? TemplateList` on a flag, `is String` on a view model) costs the runtime hundreds of
    /// instructions, and pages ask it for every section and list element. None of these three is a `TemplateList`,
    /// `MustacheCustomRenderable` or `MustacheParent`, so knowing the type answers the casts that follow.
    private enum ExactType {
        case string, int, bool

        static func of(_ value: Any) -> ExactType? {
            let type = type(of: value)
            if type == String.self { return .string }
            if type == Bool.self { return .bool }
            if type == Int.self { return .int }
            return nil
        }
    }

    /// `MustacheTemplate.renderSection`: each element of a list, `true`, or any other present value (pushed).
    private func renderSection(_ body: [Node], for value: Any?, context: Context, into output: inout [UInt8]) {
        if let value, let type = ExactType.of(value) {
            // As the cases below answer for these types: a flag, or a value pushed.
            var inner = context
            if type == .bool {
                guard value as! Bool else { return }
            } else {
                inner.stack.append(.leaf(value))
                inner.serials.append(context.state.nextSerial())
            }
            render(body, context: &inner, into: &output)
            return
        }
        switch value {
        case let list as TemplateList:
            var inner = context
            inner.stack.append(.leaf(0))
            inner.serials.append(0)
            for frame in list.templateFrames {
                inner.stack[inner.stack.count - 1] = frame
                inner.serials[inner.serials.count - 1] = context.state.nextSerial()
                render(body, context: &inner, into: &output)
            }
        case let flag as Bool:
            guard flag else { return }
            var inner = context
            render(body, context: &inner, into: &output)
        case let renderable as MustacheCustomRenderable where renderable.isNull:
            return
        case .some(let value):
            var inner = context
            inner.stack.append(Frame(value))
            inner.serials.append(context.state.nextSerial())
            render(body, context: &inner, into: &output)
        case .none:
            return
        }
    }

    /// `MustacheTemplate.renderInvertedSection`: an empty list, `false`, an empty HTML value, or nothing.
    private func renderInverted(_ body: [Node], for value: Any?, context: Context, into output: inout [UInt8]) {
        var inner = context
        if let value, let type = ExactType.of(value) {
            // As the cases below answer for these types: `false` renders the body, any text or number does not.
            guard type == .bool, !(value as! Bool) else { return }
            render(body, context: &inner, into: &output)
            return
        }
        switch value {
        case let list as TemplateList:
            guard list.templateElements.isEmpty else { return }
            inner.stack.append(Frame(value!))
            inner.serials.append(context.state.nextSerial())
        case let flag as Bool:
            guard !flag else { return }
        case let renderable as MustacheCustomRenderable where renderable.isNull:
            break
        case .some:
            return
        case .none:
            break
        }
        render(body, context: &inner, into: &output)
    }

    /// `MustacheTemplate.getChild` for names without transforms.
    private func lookUp(_ path: Path, in context: Context) -> Any? {
        let stack = context.stack
        switch path {
        case .current:
            return stack.last?.value
        case .top(let names):
            guard let top = stack.last, let first = names.first else { return stack.last?.value }
            return top.child(first).flatMap { Self.child(names.dropFirst(), of: $0) }
        case .stack(let names, let prefix):
            guard let first = names.first else { return stack.last?.value }
            for index in stack.indices.reversed() {
                // The value where this prefix was found before, if it is this one: only the last name is left to ask.
                if prefix >= 0, let known = context.state.prefixes[prefix], known.serial == context.serials[index] {
                    return known.frame.child(names[names.count - 1])
                }
                guard let found = stack[index].child(first) else { continue }
                guard prefix >= 0 else { return found }
                guard let named = Self.child(names.dropFirst().dropLast(), of: found) else { return nil }
                let frame = Frame(named)
                context.state.prefixes[prefix] = (context.serials[index], frame)
                return frame.child(names[names.count - 1])
            }
            return nil
        }
    }

    private static func child(_ names: ArraySlice<String>, of object: Any) -> Any? {
        var current = object
        for name in names {
            guard let next = immediateChild(name, of: current) else { return nil }
            current = next
        }
        return current
    }

    /// View models answer by name (`MustacheParent`); anything else is asked through `Mirror`, as swift-mustache does.
    private static func immediateChild(_ name: String, of object: Any) -> Any? {
        if let parent = object as? MustacheParent { return parent.child(named: name) }
        return mirrorChild(name, of: object)
    }

    fileprivate static func mirrorChild(_ name: String, of object: Any) -> Any? {
        guard let value = Mirror(reflecting: object).children.first(where: { $0.label == name })?.value else { return nil }
        return unwrapped(value)
    }
}

/// The lists a section iterates: swift-mustache's `MustacheSequence` types (arrays, sets, reversed collections).
protocol TemplateList {
    var templateElements: [Any] { get }
    /// The elements as the stack frames a section pushes.
    var templateFrames: [CompiledTemplates.Frame] { get }
}

extension TemplateList {
    var templateFrames: [CompiledTemplates.Frame] { templateElements.map(CompiledTemplates.Frame.init) }
}

extension Array: TemplateList {
    var templateElements: [Any] { map { $0 } }

    /// A list of view models (every card of a list page) is recognised once, by its element type, instead of casting
    /// each element to `MustacheParent`, which costs the runtime a conformance lookup (over a thousand instructions)
    /// per element.
    var templateFrames: [CompiledTemplates.Frame] {
        guard let parentType = Element.self as? any MustacheParent.Type else { return templateElements.map(CompiledTemplates.Frame.init) }
        return parentFrames(parentType)
    }

    /// `P` is `Element` itself (opened from `Element.self` above), so each cast is an exact type check.
    private func parentFrames<P: MustacheParent>(_: P.Type) -> [CompiledTemplates.Frame] {
        map { .parent($0 as! P) }
    }
}

extension Set: TemplateList {
    var templateElements: [Any] { map { $0 } }
}

extension ReversedCollection: TemplateList {
    var templateElements: [Any] { map { $0 } }
}
