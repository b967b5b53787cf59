import Foundation
import Mustache

/// The theme's Mustache templates, loaded once and checked against the view models before any page is rendered:
/// every required template and partial exists, every tag names a field of the model, and only HTML fields are
/// inserted unescaped.
public struct TemplateSet: Sendable {
    let library: MustacheLibrary
    /// The same templates compiled for rendering view models quickly; nil when they use something only swift-mustache
    /// renders (then `library` renders them).
    let compiled: CompiledTemplates?
    let outlines: [String: [TemplateTag]]
    let paths: [String: String]
    /// For each template, a fingerprint of its text and of every partial and parent it uses: when it changes, pages
    /// rendered with the template must be rendered again.
    public let fingerprints: [String: Int]

    /// Templates every theme must have, and the view model each page template renders.
    public static let pageTemplates: [(name: String, sample: any Sendable)] = ViewModels.samples
    public static let partials = ["layout", "head", "header", "footer"]

    /// Loads `*.mustache` from `folder`; `displayFolder` is how the folder is named in messages.
    public init(folder: URL, displayFolder: String) throws(BuildFailure) {
        var diagnostics = Diagnostics()
        FastHTMLEscaping.register()
        var library = MustacheLibrary()
        var parsed: [String: MustacheTemplate] = [:]
        var outlines: [String: [TemplateTag]] = [:]
        var paths: [String: String] = [:]
        var texts: [String: String] = [:]
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        if names.isEmpty {
            throw BuildFailure([.error(displayFolder, "the templates folder is missing or empty")])
        }
        for file in names.sorted() where file.hasSuffix(".mustache") {
            let name = String(file.dropLast(".mustache".count))
            let path = displayFolder + "/" + file
            paths[name] = path
            guard let data = FileManager.default.contents(atPath: folder.appendingPathComponent(file).path),
                  let text = String(data: data, encoding: .utf8) else {
                diagnostics.append(.error(path, "the template cannot be read as UTF-8 text"))
                continue
            }
            texts[name] = text
            do {
                outlines[name] = try TemplateOutline.parse(text)
            } catch {
                diagnostics.append(.error(path, line: error.line, "template: \(error.message)"))
                continue
            }
            do {
                let template = try MustacheTemplate(string: FastHTMLEscaping.pragma + text)
                library.register(template, named: name)
                parsed[name] = template
            } catch let error as MustacheTemplate.ParserError {
                diagnostics.append(.error(path, line: max(1, error.context.lineNumber - FastHTMLEscaping.pragmaLines), "template: \(error.error)"))
            } catch {
                diagnostics.append(.error(path, "template: \(error)"))
            }
        }
        for name in Self.partials + Self.pageTemplates.map(\.name) where paths[name] == nil {
            diagnostics.append(.error(displayFolder + "/" + name + ".mustache", "the theme needs this template, but it is missing"))
        }
        self.library = library
        self.compiled = CompiledTemplates(parsed)
        self.outlines = outlines
        self.paths = paths
        self.fingerprints = Dictionary(uniqueKeysWithValues: outlines.keys.map { name in
            var hasher = Hasher()
            for used in Self.templatesUsed(by: name, outlines: outlines).sorted() {
                hasher.combine(used)
                hasher.combine(texts[used])
            }
            return (name, hasher.finalize())
        })
        if diagnostics.hasErrors { throw BuildFailure(diagnostics.sorted) }
        for (name, sample) in Self.pageTemplates {
            diagnostics.append(contentsOf: check(name, against: sample))
        }
        if diagnostics.hasErrors { throw BuildFailure(diagnostics.sorted) }
    }

    /// Renders a page template; the model must be the type its sample has (the check ran against that type).
    public func render(_ template: String, _ model: Any) -> String {
        compiled?.render(template, model) ?? renderWithSwiftMustache(template, model)
    }

    /// A page as file contents: the compiled templates' bytes as they are (see `CompiledTemplates.renderBytes`).
    func renderContents(_ template: String, _ model: any TemplateModel) -> OutputFile.Contents {
        compiled.map { .bytes($0.renderBytes(template, model)) } ?? .text(renderWithSwiftMustache(template, model))
    }

    /// swift-mustache's own rendering: the reference the compiled templates are tested against.
    func renderWithSwiftMustache(_ template: String, _ model: Any) -> String {
        library.render(model, withTemplate: template) ?? ""
    }

    /// `name` and every partial and parent it includes, transitively.
    static func templatesUsed(by name: String, outlines: [String: [TemplateTag]]) -> Set<String> {
        var used: Set<String> = []
        var pending = [name]
        while let next = pending.popLast() {
            guard used.insert(next).inserted, let tags = outlines[next] else { continue }
            var stack = tags
            while let tag = stack.popLast() {
                switch tag {
                case .partial(let included, _): pending.append(included)
                case .parent(let parent, let children, _): pending.append(parent); stack += children
                case .section(_, _, let children, _), .block(_, let children, _): stack += children
                case .variable: break
                }
            }
        }
        return used
    }

    // MARK: Checking

    func check(_ template: String, against sample: Any) -> [Diagnostic] {
        let shape: ModelShape
        do {
            shape = try ModelShape.of(sample)
        } catch {
            return [.error(paths[template] ?? template, "internal: \(error)")]
        }
        var checker = Checker(templates: self, modelName: "\(type(of: sample))")
        checker.check(template, stack: [shape])
        return checker.diagnostics
    }

    private struct Checker {
        let templates: TemplateSet
        let modelName: String
        var diagnostics: [Diagnostic] = []
        var partialDepth = 0

        init(templates: TemplateSet, modelName: String) {
            self.templates = templates
            self.modelName = modelName
        }

        mutating func check(_ template: String, stack: [ModelShape], blocks: [TemplateTag] = []) {
            guard let outline = templates.outlines[template] else { return }
            guard partialDepth < 20 else {
                diagnostics.append(.error(templates.paths[template] ?? template, "template: partials include each other without end"))
                return
            }
            partialDepth += 1
            check(outline, in: template, stack: stack)
            partialDepth -= 1
        }

        mutating func check(_ tags: [TemplateTag], in template: String, stack: [ModelShape]) {
            let path = templates.paths[template] ?? template
            for tag in tags {
                switch tag {
                case .variable(let name, let isRaw, let line):
                    guard let shape = lookUp(name, in: stack, at: path, line: line) else { continue }
                    if isRaw && shape != .html {
                        diagnostics.append(.error(path, line: line, "template: '{{{\(name)}}}' would insert \(shape) unescaped; only HTML fields may use triple braces, write '{{\(name)}}'"))
                    } else if !isRaw && shape == .html {
                        diagnostics.append(.error(path, line: line, "template: '\(name)' is HTML; insert it with '{{{\(name)}}}'"))
                    } else if case .list = shape {
                        diagnostics.append(.error(path, line: line, "template: '\(name)' is a list; use '{{#\(name)}}…{{/\(name)}}'"))
                    } else if case .object = shape, name != "." {
                        diagnostics.append(.error(path, line: line, "template: '\(name)' is a group of fields (\(shape.fieldNames.joined(separator: ", "))); name one of them"))
                    }
                case .section(let name, let isInverted, let children, let line):
                    guard let shape = lookUp(name, in: stack, at: path, line: line) else { continue }
                    var inner = stack
                    if !isInverted {
                        switch shape {
                        case .list(let element): inner.append(element)
                        case .object: inner.append(shape)
                        default: break
                        }
                    }
                    check(children, in: template, stack: inner)
                case .partial(let name, let line):
                    guard templates.outlines[name] != nil else {
                        diagnostics.append(.error(path, line: line, "template: the partial '\(name)' does not exist (no \(name).mustache)"))
                        continue
                    }
                    check(name, stack: stack)
                case .parent(let name, let children, let line):
                    guard templates.outlines[name] != nil else {
                        diagnostics.append(.error(path, line: line, "template: the parent template '\(name)' does not exist (no \(name).mustache)"))
                        continue
                    }
                    check(name, stack: stack)
                    check(children, in: template, stack: stack)
                case .block(_, let children, _):
                    check(children, in: template, stack: stack)
                }
            }
        }

        mutating func lookUp(_ name: String, in stack: [ModelShape], at path: String, line: Int) -> ModelShape? {
            if name == "." { return stack.last }
            let parts = name.split(separator: ".").map(String.init)
            guard let first = parts.first, var shape = stack.reversed().lazy.compactMap({ $0.field(first) }).first else {
                let available = Set(stack.flatMap(\.fieldNames)).sorted()
                let hint = Suggestions.closest(to: parts.first ?? name, among: available, limit: 1).first.map { "; did you mean '\($0)'?" } ?? ""
                diagnostics.append(.error(path, line: line, "template: '\(name)' is not a field of \(modelName) here\(hint) (fields: \(available.joined(separator: ", ")))"))
                return nil
            }
            for part in parts.dropFirst() {
                guard let next = shape.field(part) else {
                    diagnostics.append(.error(path, line: line, "template: '\(name)': there is no field '\(part)' (fields: \(shape.fieldNames.joined(separator: ", ")))"))
                    return nil
                }
                shape = next
            }
            return shape
        }
    }
}

/// How `{{variable}}` is escaped. swift-mustache's own HTML escaping walks the text character by character (grapheme
/// clusters) and looks each one up in a dictionary, which made escaping the largest single cost of rendering pages.
/// This content type escapes the same five characters to the same entities with `HTMLEscaping` (byte by byte).
/// Every template is loaded with a standalone `{{% CONTENT_TYPE: … }}` line in front, which swift-mustache removes
/// with its newline, so the theme's files stay as they are and the output is byte for byte what it was. (The one
/// difference: a `<`, `>`, `&`, `"` or `'` followed by a combining mark is one character to swift-mustache, which
/// then leaves it unescaped; here it is escaped, which is the safe reading.)
enum FastHTMLEscaping: MustacheContentType {
    case html

    static let name = "HELHED_HTML"
    static let pragma = "{{% CONTENT_TYPE: \(name) }}\n"
    static let pragmaLines = 1

    /// Idempotent; the registry is swift-mustache's, guarded by its lock.
    static func register() {
        MustacheContentTypes.register(FastHTMLEscaping.html, named: name)
    }

    func escapeText(_ text: String) -> String {
        HTMLEscaping.escape(text)
    }
}
