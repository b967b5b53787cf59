import Foundation

/// A theme's Mustache templates, parsed once: checked against view models before any page is rendered, then rendered
/// with any `Encodable` view model.
///
/// One parser reads every template, for checking and for rendering alike. A view model is encoded once per render
/// into a compact tree of values (only the fields the templates name), which the renderer reads with numbered names.
public struct TemplateLibrary: Sendable {
    /// Template names, sorted; a template's number is its index here.
    let sortedNames: [String]
    let numbers: [String: Int]
    let templates: [[TemplateNode]]
    /// How each template's file is named in problems (`Templates/article.mustache`).
    let paths: [String]
    /// The literal text of every template, one after the other.
    let literals: [UInt8]
    /// Every name the templates use, numbered.
    let keys: KeyTable
    /// Every tag's name as written (`TagName.spelling`).
    let spellings: [String]
    let fingerprints: [Int]

    /// Loads every `*.mustache` in `folder` (not its subfolders); `displayFolder` is how the folder is named in
    /// problems. Every problem is reported together.
    public init(folder: URL, displayFolder: String) throws(TemplateErrors) {
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        guard !entries.isEmpty else {
            throw TemplateErrors([TemplateProblem(file: displayFolder, line: nil, message: "the templates folder is missing or empty")])
        }
        let files = entries.filter { $0.hasSuffix(".mustache") }
        var texts: [String: String] = [:]
        var problems: [TemplateProblem] = []
        for file in files.sorted() {
            guard let data = FileManager.default.contents(atPath: folder.appendingPathComponent(file).path),
                  let text = String(data: data, encoding: .utf8) else {
                problems.append(TemplateProblem(file: displayFolder + "/" + file, line: nil, message: "the template cannot be read as UTF-8 text"))
                continue
            }
            texts[String(file.dropLast(".mustache".count))] = text
        }
        try self.init(templates: texts, displayFolder: displayFolder, problems: problems)
    }

    /// Templates by name (without `.mustache`).
    public init(templates: [String: String], displayFolder: String = "Templates") throws(TemplateErrors) {
        try self.init(templates: templates, displayFolder: displayFolder, problems: [])
    }

    private init(templates texts: [String: String], displayFolder: String, problems: [TemplateProblem]) throws(TemplateErrors) {
        var problems = problems
        let names = texts.keys.sorted()
        let numbers = Dictionary(uniqueKeysWithValues: names.enumerated().map { ($1, $0) })
        var literals: [UInt8] = []
        var keys: [String: Int32] = [:]
        var spellings: [String] = []
        var templates: [[TemplateNode]] = []
        let paths = names.map { displayFolder + "/" + $0 + ".mustache" }
        for (number, name) in names.enumerated() {
            do {
                templates.append(try TemplateParser.parse(texts[name] ?? "", literals: &literals, keys: &keys, spellings: &spellings,
                                                          templateNumbers: numbers))
            } catch {
                problems.append(TemplateProblem(file: paths[number], line: error.line, message: "template: \(error.message)"))
                templates.append([])
            }
        }
        guard problems.isEmpty else { throw TemplateErrors(problems) }
        sortedNames = names
        self.numbers = numbers
        self.templates = templates
        self.paths = paths
        self.literals = literals
        self.keys = KeyTable(keys)
        self.spellings = spellings
        fingerprints = names.indices.map { number in
            var hasher = Hasher()
            for used in Self.templatesUsed(by: number, in: templates, names: names).sorted() {
                hasher.combine(used)
                hasher.combine(texts[used])
            }
            return hasher.finalize()
        }
    }

    /// The names of the templates (file names without `.mustache`).
    public var names: Set<String> { Set(sortedNames) }

    /// The problems of `template`, and of every partial and parent it uses, with `sample` as its model. The sample must
    /// be complete: every optional set and every list with an element, or the check cannot see those fields.
    public func check<Model: Encodable>(_ template: String, against sample: Model) -> [TemplateProblem] {
        guard let number = numbers[template] else { return [] }
        let shape: ModelShape
        do {
            shape = try ModelShape.of(sample)
        } catch {
            return [TemplateProblem(file: paths[number], line: nil, message: "internal: \(error)")]
        }
        var checker = TemplateChecker(library: self, modelName: String(describing: Model.self))
        checker.check(template: number, stack: [shape])
        return checker.problems
    }

    /// The page `template` renders with `model`, as UTF-8 (valid by construction: whole values and template text,
    /// indentation inserted between them). Empty when there is no such template or the model fails to encode itself.
    public func render<Model: Encodable>(_ template: String, _ model: Model) -> [UInt8] {
        guard let number = numbers[template] else { return [] }
        let builder = ValueTreeBuilder(keys: keys)
        do {
            try builder.encodeRoot(model)
        } catch {
            return []
        }
        return literals.withUnsafeBufferPointer { literals in
            var renderer = TemplateRenderer(templates: templates, literals: literals, tree: builder.tree, capacity: 32 * 1024)
            renderer.render(templates[number], TemplateRenderer.Context())
            return renderer.bytes()
        }
    }

    /// A hash of the text of `template` and of every partial and parent it uses, transitively: when it changes, pages
    /// rendered with the template must be rendered again. Stable within a process only (`Hasher`); 0 for no template.
    public func fingerprint(of template: String) -> Int {
        numbers[template].map { fingerprints[$0] } ?? 0
    }

    /// `template`'s name and those of every partial and parent it includes, transitively (missing ones too).
    static func templatesUsed(by template: Int, in templates: [[TemplateNode]], names: [String]) -> Set<String> {
        var used: Set<String> = []
        var pending = [names[template]]
        let numbers = Dictionary(uniqueKeysWithValues: names.enumerated().map { ($1, $0) })
        while let next = pending.popLast() {
            guard used.insert(next).inserted, let number = numbers[next] else { continue }
            var stack = templates[number]
            while let node = stack.popLast() {
                switch node {
                case .partial(let name, _, _, _): pending.append(name)
                case .parent(let name, _, _, let blocks, _): pending.append(name); stack += blocks.values.joined()
                case .section(_, _, let body, _), .block(_, let body, _, _, _): stack += body
                case .text, .variable: break
                }
            }
        }
        return used
    }
}
