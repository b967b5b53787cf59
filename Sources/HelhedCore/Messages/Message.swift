/// One message of the catalogue with its arguments, rendered in a language only when it is shown: the core makes
/// messages, the command line and `serve` choose the language. `Diagnostic` carries one.
public struct Message: Hashable, Sendable {
    let key: MessageKey
    /// Text for the `{name}` placeholders; the same in every language (paths, titles, numbers).
    let arguments: [String: String]
    /// Placeholders filled by another message (a "did you mean" hint, "a list"), rendered in the same language.
    let parts: [String: Message]

    public init(_ key: MessageKey, _ arguments: [String: String] = [:], parts: [String: Message] = [:]) {
        self.key = key
        self.arguments = arguments
        self.parts = parts
    }

    /// TRANSITION: a message that is not yet in the catalogue, shown as written (English) in every language.
    /// `MessageCatalogueTests` counts the places that still make such messages and reports them; move them into the
    /// catalogue one by one.
    static func untranslated(_ text: String) -> Message {
        Message(.untranslated, ["text": text])
    }

    /// A count with its noun, singular or plural: "1 error", "3 fejl".
    public static func count(_ number: Int, one: MessageKey, many: MessageKey) -> Message {
        Message(number == 1 ? one : many, ["count": String(number)])
    }

    /// Nothing: the value of an optional part that is absent.
    static let nothing = Message(.nothing)

    public func rendered(in language: MessageLanguage) -> String {
        guard let template = MessageCatalogue.template(key, language) else { return arguments["text"] ?? key.rawValue }
        return Self.fill(template) { name in
            if let text = arguments[name] { return text }
            if let part = parts[name] { return part.rendered(in: language) }
            assertionFailure("the message \(key) has no argument for {\(name)}")
            return "{" + name + "}"
        }
    }

    /// The template with every `{name}` replaced. Only a name of letters and digits is a placeholder: other braces
    /// (`'{' … '}'` in a message about YAML) are text.
    static func fill(_ template: String, _ value: (String) -> String) -> String {
        var result = ""
        var rest = Substring(template)
        while let open = rest.firstIndex(of: "{") {
            result += rest[..<open]
            let afterOpen = rest.index(after: open)
            if let close = rest[afterOpen...].firstIndex(of: "}"), close > afterOpen,
               rest[afterOpen..<close].allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) }) {
                result += value(String(rest[afterOpen..<close]))
                rest = rest[rest.index(after: close)...]
            } else {
                result += "{"
                rest = rest[afterOpen...]
            }
        }
        return result + rest
    }

    /// The names of a template's placeholders.
    static func placeholders(of template: String) -> Set<String> {
        var names: Set<String> = []
        _ = fill(template) { names.insert($0); return "" }
        return names
    }
}
