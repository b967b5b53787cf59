/// What Helhed refuses in front matter, and plain-language versions of libyaml's messages.
///
/// Anchors and aliases (`&name`, `*name`) are refused. Editors have no use for them, and an alias repeats a whole
/// subtree wherever it is used, so ten lines of nested aliases stand for a hundred million nodes. A value that starts
/// with `&` or `*` was never the text it looks like either (YAML reads it as an anchor or alias), so the message tells
/// the editor to quote it.
enum YAMLChecks {
    static let anchorMessage = Message(.yamlAnchor)

    /// libyaml's own words, when `plainProblem` has none better.
    static func libraryProblem(_ problem: String) -> Message {
        Message(.yamlLibraryProblem, ["problem": problem])
    }

    /// libyaml's problem, said so that an editor can act on it; nil when there is no better wording.
    static func plainProblem(_ problem: String) -> Message? {
        switch problem {
        case "mapping values are not allowed in this context":
            return Message(.yamlUnexpectedColon)
        case "could not find expected ':'":
            return Message(.yamlColonMissing)
        case "did not find expected key":
            return Message(.yamlMisaligned)
        case "did not find expected '-' indicator":
            return Message(.yamlListMisaligned)
        case "did not find expected ',' or ']'":
            return Message(.yamlBracketNotClosed)
        case "did not find expected ',' or '}'":
            return Message(.yamlBraceNotClosed)
        case "did not find expected node content":
            return Message(.yamlValueMissing)
        case "found character that cannot start any token":
            return Message(.yamlReservedCharacter)
        case "found unexpected end of stream":
            return Message(.yamlQuoteNotClosed)
        case "found unknown escape character":
            return Message(.yamlUnknownEscape)
        case "block sequence entries are not allowed in this context":
            return Message(.yamlListEntryAfterValue)
        case "mapping keys are not allowed in this context":
            return Message(.yamlUnexpectedQuestionMark)
        case "found a tab character that violates indentation", "found a tab character where an indentation space is expected":
            return Message(.yamlTabIndent)
        case "did not find expected alphabetic or numeric character":  // only while scanning an anchor or alias
            return Message(.yamlStartsWithAnchorCharacter)
        case "found undefined alias":
            return Message(.yamlUndefinedAlias)
        case "control characters are not allowed":
            return Message(.yamlControlCharacter)
        case "Maximum nesting level reached, set with yaml_set_max_nest_level())":
            return Message(.yamlTooDeep)
        default:
            return nil
        }
    }
}
