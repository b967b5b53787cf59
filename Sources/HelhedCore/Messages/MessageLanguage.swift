/// The language Helhed speaks to the people running it: Danish, the site's language, unless `--messages en` or
/// `HELHED_MESSAGES=en` (for CI logs and developers) asks for English.
public enum MessageLanguage: String, Sendable, CaseIterable {
    case danish = "da"
    case english = "en"

    /// The environment variable that chooses the language when no `--messages` is given.
    static let environmentVariable = "HELHED_MESSAGES"

    /// `--messages` first, then the environment, then the site's language. The site's `language` in site.yml is
    /// always `da` (SiteConfig refuses any other), so the last step is Danish without reading the site.
    /// Throws the (English) text of a usage error when a value is neither `da` nor `en`.
    public static func choose(option: String?, environment: [String: String]) throws(MessageLanguageChoiceError) -> MessageLanguage {
        if let option {
            guard let language = MessageLanguage(code: option) else { throw MessageLanguageChoiceError(given: option, source: "--messages") }
            return language
        }
        if let variable = environment[environmentVariable], !variable.isEmpty {
            guard let language = MessageLanguage(code: variable) else {
                throw MessageLanguageChoiceError(given: variable, source: environmentVariable)
            }
            return language
        }
        return .danish
    }

    /// `da`/`en`, in any case, and the long names editors may type.
    init?(code: String) {
        switch code.lowercased() {
        case "da", "dansk", "danish": self = .danish
        case "en", "engelsk", "english": self = .english
        default: return nil
        }
    }
}

/// A `--messages` or `HELHED_MESSAGES` value that names no language Helhed speaks.
public struct MessageLanguageChoiceError: Error, Sendable, CustomStringConvertible {
    let given: String
    let source: String

    public var description: String {
        Message(.unknownMessageLanguage, ["source": source, "given": given]).rendered(in: .english)
            + " / " + Message(.unknownMessageLanguage, ["source": source, "given": given]).rendered(in: .danish)
    }
}
