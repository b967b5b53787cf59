/// Checks a template, and every partial and parent it uses, against the shape of its view model: every name is a
/// field where it is used, only HTML is inserted unescaped and HTML only so, lists and groups of fields are not
/// inserted as text, and every partial and parent exists. The messages are those Helhed has always shown.
struct TemplateChecker {
    let library: TemplateLibrary
    let modelName: String
    private(set) var problems: [TemplateProblem] = []
    private var partialDepth = 0

    init(library: TemplateLibrary, modelName: String) {
        self.library = library
        self.modelName = modelName
    }

    mutating func check(template number: Int, stack: [ModelShape]) {
        guard partialDepth < 20 else {
            report(number, line: nil, "template: partials include each other without end")
            return
        }
        partialDepth += 1
        check(library.templates[number], in: number, stack: stack)
        partialDepth -= 1
    }

    private mutating func report(_ template: Int, line: Int?, _ message: String) {
        problems.append(TemplateProblem(file: library.paths[template], line: line, message: message))
    }

    private mutating func check(_ nodes: [TemplateNode], in template: Int, stack: [ModelShape]) {
        for node in nodes {
            switch node {
            case .text:
                continue
            case .variable(let name, let isEscaped, let line):
                guard let shape = lookUp(name, in: stack, template: template, line: line) else { continue }
                let text = library.spellings[Int(name.spelling)]
                if !isEscaped && shape != .html {
                    report(template, line: line, "template: '{{{\(text)}}}' would insert \(shape) unescaped; only HTML fields may use triple braces, write '{{\(text)}}'")
                } else if isEscaped && shape == .html {
                    report(template, line: line, "template: '\(text)' is HTML; insert it with '{{{\(text)}}}'")
                } else if case .list = shape {
                    report(template, line: line, "template: '\(text)' is a list; use '{{#\(text)}}…{{/\(text)}}'")
                } else if case .object = shape, name.scope != .current {
                    report(template, line: line, "template: '\(text)' is a group of fields (\(shape.fieldNames.joined(separator: ", "))); name one of them")
                }
            case .section(let name, let isInverted, let body, let line):
                guard let shape = lookUp(name, in: stack, template: template, line: line) else { continue }
                var inner = stack
                if !isInverted {
                    // As rendering does: a list pushes its element, a flag nothing, anything else itself.
                    switch shape {
                    case .list(let element): inner.append(element)
                    case .flag: break
                    default: inner.append(shape)
                    }
                }
                check(body, in: template, stack: inner)
            case .partial(let name, let included, _, let line):
                guard included >= 0 else {
                    report(template, line: line, "template: the partial '\(name)' does not exist (no \(name).mustache)")
                    continue
                }
                check(template: included, stack: stack)
            case .parent(let name, let parent, _, let blocks, let line):
                guard parent >= 0 else {
                    report(template, line: line, "template: the parent template '\(name)' does not exist (no \(name).mustache)")
                    continue
                }
                check(template: parent, stack: stack)
                for block in blocks.keys.sorted() { check(blocks[block] ?? [], in: template, stack: stack) }
            case .block(_, let body, _, _, _):
                check(body, in: template, stack: stack)
            }
        }
    }

    private mutating func lookUp(_ name: TagName, in stack: [ModelShape], template: Int, line: Int) -> ModelShape? {
        if name.scope == .current { return stack.last }
        let text = library.spellings[Int(name.spelling)]
        let parts = text.split(separator: ".").map(String.init)
        let searched = name.scope == .top ? Array(stack.suffix(1)) : stack
        guard let first = parts.first, var shape = searched.reversed().lazy.compactMap({ $0.field(first) }).first else {
            let available = Set(searched.flatMap(\.fieldNames)).sorted()
            let hint = Suggestions.closest(to: parts.first ?? text, among: available, limit: 1).first.map { "; did you mean '\($0)'?" } ?? ""
            report(template, line: line, "template: '\(text)' is not a field of \(modelName) here\(hint) (fields: \(available.joined(separator: ", ")))")
            return nil
        }
        for part in parts.dropFirst() {
            guard let next = shape.field(part) else {
                report(template, line: line, "template: '\(text)': there is no field '\(part)' (fields: \(shape.fieldNames.joined(separator: ", ")))")
                return nil
            }
            shape = next
        }
        return shape
    }
}
