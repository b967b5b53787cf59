/// Renders parsed templates with a `ValueTree` into one byte buffer: Mustache's rules, with swift-mustache's readings
/// where the spec leaves a choice (a flag's section pushes nothing; `0` and empty text are shown; empty HTML is not).
struct TemplateRenderer: ~Copyable {
    private let templates: [[TemplateNode]]
    private let literals: UnsafeBufferPointer<UInt8>
    private let tree: ValueTree
    /// The context stack: indices of values in `tree`.
    private var stack: [Int] = []
    private(set) var output: ByteBuffer

    /// Partials deeper than this render nothing (the check reports partials that include each other without end).
    static let maximumDepth = 100

    init(templates: [[TemplateNode]], literals: UnsafeBufferPointer<UInt8>, tree: ValueTree, capacity: Int) {
        self.templates = templates
        self.literals = literals
        self.tree = tree
        output = ByteBuffer(capacity: capacity)
        stack.reserveCapacity(16)
        if !tree.nodes.isEmpty { stack.append(0) }
    }

    /// What changes as partials, parents and blocks nest.
    struct Context {
        /// Put in front of each line that a standalone partial or block renders.
        var indentation: [UInt8]?
        /// The blocks that parents have been given, the outermost winning.
        var overrides: BlockOverrides?
        var depth = 0
    }

    consuming func bytes() -> [UInt8] {
        output.array()
    }

    mutating func render(_ nodes: [TemplateNode], _ context: Context) {
        guard let indentation = context.indentation, !indentation.isEmpty else {
            for node in nodes { render(node, context) }
            return
        }
        // As swift-mustache: output that starts a line of this partial's (or block's) output gets the indentation;
        // text is indented line by line, other values only where they begin (an interpolated value's own lines are
        // not indented, as the spec says).
        let start = output.count
        for node in nodes {
            let before = output.count
            if case .text(let offset, let count) = node {
                appendIndented(UnsafeBufferPointer(rebasing: literals[Int(offset)..<Int(offset + count)]), indentation, levelStart: start)
                continue
            }
            render(node, context)
            if output.count > before, before > start, output[before - 1] == 0x0A {
                indentation.withUnsafeBufferPointer { output.insert($0, at: before) }
            }
        }
    }

    private mutating func appendIndented(_ text: UnsafeBufferPointer<UInt8>, _ indentation: [UInt8], levelStart: Int) {
        var lineStart = 0
        var atLineStart = output.count > levelStart && output[output.count - 1] == 0x0A
        for index in text.indices where text[index] == 0x0A || index == text.count - 1 {
            if atLineStart { indentation.withUnsafeBufferPointer { output.append($0) } }
            output.append(UnsafeBufferPointer(rebasing: text[lineStart...index]))
            lineStart = index + 1
            atLineStart = text[index] == 0x0A
        }
    }

    private mutating func render(_ node: TemplateNode, _ context: Context) {
        switch node {
        case .text(let offset, let count):
            output.append(UnsafeBufferPointer(rebasing: literals[Int(offset)..<Int(offset + count)]))
        case .variable(let name, let isEscaped, _):
            guard let index = lookUp(name) else { return }
            appendValue(at: index, escaped: isEscaped)
        case .section(let name, let isInverted, let body, _):
            let index = lookUp(name)
            if isInverted {
                renderInverted(body, index, context)
            } else if let index {
                renderSection(body, index, context)
            }
        case .partial(_, let template, let indentation, _):
            guard template >= 0, context.depth < Self.maximumDepth else { return }
            let inner = Context(indentation: Self.indent(context.indentation, by: indentation), overrides: context.overrides,
                                depth: context.depth + 1)
            render(templates[template], inner)
        case .parent(_, let template, let indentation, let blocks, _):
            guard template >= 0, context.depth < Self.maximumDepth else { return }
            // The outer template's blocks win over those of the parents it includes.
            let overrides = context.overrides.map { $0.merging(blocks) { outer, _ in outer } } ?? blocks
            let inner = Context(indentation: Self.indent(context.indentation, by: indentation), overrides: overrides,
                                depth: context.depth + 1)
            render(templates[template], inner)
        case .block(let name, let body, let indentation, let overrideIndentation, _):
            if let override = context.overrides?[name] {
                let before = output.count
                render(override, Context(indentation: Self.indent(context.indentation, by: overrideIndentation), overrides: context.overrides,
                                         depth: context.depth))
                // The whitespace before the tag is in the output already; the default content's own indentation is not.
                let intrinsic = overrideIndentation.dropFirst(indentation?.count ?? 0)
                if output.count > before, !intrinsic.isEmpty {
                    Array(intrinsic).withUnsafeBufferPointer { output.insert($0, at: before) }
                }
            } else {
                render(body, Context(indentation: Self.indent(context.indentation, by: indentation), overrides: context.overrides,
                                     depth: context.depth))
            }
        }
    }

    private static func indent(_ current: [UInt8]?, by added: [UInt8]?) -> [UInt8]? {
        guard let added, !added.isEmpty else { return current }
        guard let current else { return added }
        return current + added
    }

    private mutating func renderSection(_ body: [TemplateNode], _ index: Int, _ context: Context) {
        let node = tree.nodes[index]
        switch node.kind {
        case .list:
            var element = index + 1
            while element < Int(node.end) {
                stack.append(element)
                render(body, context)
                stack.removeLast()
                element = Int(tree.nodes[element].end)
            }
        case .flag:
            if node.payload != 0 { render(body, context) }
        case .null:
            return
        case .html where tree.htmls[node.payload].isEmpty:
            return
        case .text, .html, .integer, .decimal, .object:
            stack.append(index)
            render(body, context)
            stack.removeLast()
        }
    }

    private mutating func renderInverted(_ body: [TemplateNode], _ index: Int?, _ context: Context) {
        guard let index else { return render(body, context) }
        let node = tree.nodes[index]
        switch node.kind {
        case .list where node.count == 0:
            stack.append(index)
            render(body, context)
            stack.removeLast()
        case .flag where node.payload == 0:
            render(body, context)
        case .html where tree.htmls[node.payload].isEmpty:
            render(body, context)
        case .null:
            render(body, context)
        default:
            return
        }
    }

    /// Mustache's lookup: the first name from the top of the stack down, the others in what it found only.
    private func lookUp(_ name: TagName) -> Int? {
        guard let top = stack.last else { return nil }
        switch name.scope {
        case .current:
            return top
        case .top:
            return resolve(name, from: 0, in: top)
        case .stack:
            guard name.count > 0 else { return top }
            let first = name.key(0)
            for frame in stack.reversed() {
                if let found = tree.field(first, of: frame) { return resolve(name, from: 1, in: found) }
            }
            return nil
        }
    }

    /// Parts `part…` of `name`, each in the value the one before it found.
    private func resolve(_ name: TagName, from part: Int, in start: Int) -> Int? {
        var current = start
        for index in part..<Int(name.count) {
            guard let next = tree.field(name.key(index), of: current) else { return nil }
            current = next
        }
        return current
    }

    private mutating func appendValue(at index: Int, escaped: Bool) {
        let node = tree.nodes[index]
        switch node.kind {
        case .text:
            tree.textBytes.withUnsafeBufferPointer { bytes in
                let text = UnsafeBufferPointer(rebasing: bytes[node.payload..<(node.payload + Int(node.count))])
                if escaped { HTMLEscaping.append(text, to: &output) } else { output.append(text) }
            }
        case .html:
            tree.htmls[node.payload].withUnsafeBufferPointer { html in
                if escaped { HTMLEscaping.append(html, to: &output) } else { output.append(html) }
            }
        case .integer:
            output.append(String(node.payload))
        case .decimal:
            appendText(String(Double(bitPattern: UInt64(UInt(bitPattern: node.payload)))), escaped: escaped)
        case .flag:
            output.append(node.payload != 0 ? "true" : "false")
        case .null, .list, .object:
            // Nothing to show: the check refuses lists and groups of fields as variables.
            return
        }
    }

    private mutating func appendText(_ text: String, escaped: Bool) {
        var text = text
        text.withUTF8 { escaped ? HTMLEscaping.append($0, to: &output) : output.append($0) }
    }
}
