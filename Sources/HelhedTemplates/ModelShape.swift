/// The names a view model offers a template, learned by encoding a complete sample of the model with the same
/// encoder that renders pages (every field kept, not only those the templates name).
indirect enum ModelShape: Equatable, CustomStringConvertible {
    case text
    case flag
    case html
    case list(ModelShape)
    case object([String: ModelShape])

    struct IncompleteSample: Error, CustomStringConvertible {
        let path: String
        var description: String { "the sample view model leaves '\(path)' empty; give it a value so its shape can be checked" }
    }

    /// The shape of `sample`. Every list must hold an element and every optional a value, so nothing is hidden (a nil
    /// optional is left out by the encoder, so a sample that leaves one nil shows no such field at all).
    static func of<Model: Encodable>(_ sample: Model) throws -> ModelShape {
        let builder = ValueTreeBuilder()
        try builder.encodeRoot(sample)
        return try of(builder.tree, at: 0, names: builder.names, path: "")
    }

    private static func of(_ tree: ValueTree, at index: Int, names: [String], path: String) throws(IncompleteSample) -> ModelShape {
        let node = tree.nodes[index]
        switch node.kind {
        case .text, .integer, .decimal: return .text
        case .flag: return .flag
        case .html: return .html
        case .null: throw IncompleteSample(path: path)
        case .list:
            guard node.count > 0 else { throw IncompleteSample(path: path) }
            return .list(try of(tree, at: index + 1, names: names, path: path + "[]"))
        case .object:
            var fields: [String: ModelShape] = [:]
            var child = index + 1
            while child < Int(node.end) {
                let key = tree.nodes[child].key
                if key >= 0 {
                    let name = names[Int(key)]
                    fields[name] = try of(tree, at: child, names: names, path: path.isEmpty ? name : path + "." + name)
                }
                child = Int(tree.nodes[child].end)
            }
            return .object(fields)
        }
    }

    func field(_ name: String) -> ModelShape? {
        guard case .object(let fields) = self else { return nil }
        return fields[name]
    }

    var fieldNames: [String] {
        guard case .object(let fields) = self else { return [] }
        return fields.keys.sorted()
    }

    var description: String {
        switch self {
        case .text: "text"
        case .flag: "true/false"
        case .html: "HTML"
        case .list: "a list"
        case .object: "a group of fields"
        }
    }
}
