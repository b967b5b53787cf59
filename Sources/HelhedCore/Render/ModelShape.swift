/// The names a view model offers a template, derived by reflection from a complete sample of the model.
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

    /// Reflects `value`. Every optional must hold a value and every list an element, so nothing is hidden.
    static func of(_ value: Any, path: String = "") throws(IncompleteSample) -> ModelShape {
        if value is HTML { return .html }
        if value is Bool { return .flag }
        if value is String || value is Int || value is Double { return .text }
        if let dictionary = value as? [String: String] {
            return .object(Dictionary(uniqueKeysWithValues: dictionary.keys.map { ($0, ModelShape.text) }))
        }
        let mirror = Mirror(reflecting: value)
        switch mirror.displayStyle {
        case .optional:
            guard let wrapped = mirror.children.first?.value else { throw IncompleteSample(path: path) }
            return try of(wrapped, path: path)
        case .collection:
            guard let first = mirror.children.first?.value else { throw IncompleteSample(path: path) }
            return .list(try of(first, path: path + "[]"))
        case .struct, .class:
            var fields: [String: ModelShape] = [:]
            for child in mirror.children {
                guard let label = child.label else { continue }
                fields[label] = try of(child.value, path: path.isEmpty ? label : path + "." + label)
            }
            return .object(fields)
        default:
            return .text
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
