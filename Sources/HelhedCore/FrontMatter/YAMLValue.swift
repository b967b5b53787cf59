/// A front matter value as Helhed reads it: text (and whether it was written plain, without quotes, which decides
/// whether `null` is nothing and `3` a number), a list, or a group of fields, which Helhed only names in messages.
/// Tags never matter to Helhed, so they are not kept. `line` is the 1-based line of the value in the YAML text.
enum YAMLValue: Equatable, Sendable {
    case text(String, isPlain: Bool, line: Int)
    case list([YAMLValue], line: Int)
    /// A nested mapping (`publish: { target: …, port: … }`): its fields, each a text or a list (with its entries; deeper
    /// groups keep only their place).
    case group([Field], line: Int)

    var line: Int {
        switch self {
        case .text(_, _, let line), .list(_, let line), .group(_, let line): line
        }
    }

    var text: String? {
        guard case .text(let text, _, _) = self else { return nil }
        return text
    }

    /// A field of the front matter: its name, the line of its name, its value.
    struct Field: Equatable {
        let name: String
        let line: Int
        let value: YAMLValue
    }
}
