/// What Helhed refuses in front matter, and plain-language versions of libyaml's messages.
///
/// Anchors and aliases (`&name`, `*name`) are refused. Editors have no use for them, and an alias repeats a whole
/// subtree wherever it is used, so ten lines of nested aliases stand for a hundred million nodes. A value that starts
/// with `&` or `*` was never the text it looks like either (YAML reads it as an anchor or alias), so the message tells
/// the editor to quote it.
enum YAMLChecks {
    static let anchorMessage = "front matter: a value starts with '&' or '*', which YAML reads as an anchor or alias (&name, *name); "
        + "Helhed does not support those. Put the value in quotes, e.g. title: \"*Vigtigt* nyt\""

    /// libyaml's problem, said so that an editor can act on it; nil when there is no better wording.
    static func plainProblem(_ problem: String) -> String? {
        switch problem {
        case "mapping values are not allowed in this context":
            return "a ':' where YAML does not expect one. Is this line indented more than the field above it? A value that contains ': ' must be in quotes"
        case "could not find expected ':'":
            return "a line that is not 'field: value' (the ':' is missing), or a quote that is not closed"
        case "did not find expected key":
            return "this line does not line up with the fields above it. Start every field at the same indentation, and put a value that begins with \" or ' entirely in quotes"
        case "did not find expected '-' indicator":
            return "a list entry that does not line up with the entries above it (every '- ' must be indented the same)"
        case "did not find expected ',' or ']'":
            return "a list that starts with '[' is not closed with ']' on the same line, or its entries are not separated by ','"
        case "did not find expected ',' or '}'":
            return "a '{' that is not closed with '}'; a value that starts with '{' must be in quotes"
        case "did not find expected node content":
            return "a value is missing or starts with a character YAML reserves; put the value in quotes"
        case "found character that cannot start any token":
            return "a value starts with a character YAML reserves (such as @, ` or %); put the value in quotes"
        case "found unexpected end of stream":
            return "a quote (\" or ') is opened but never closed"
        case "found unknown escape character":
            return "a backslash in double quotes that YAML does not know; write \\\\ for a backslash, or use single quotes"
        case "block sequence entries are not allowed in this context":
            return "a list entry ('- ') right after a field's value; put the entries on their own lines below the field, indented"
        case "mapping keys are not allowed in this context":
            return "a '?' where YAML does not expect one; put the value in quotes"
        case "found a tab character that violates indentation", "found a tab character where an indentation space is expected":
            return "a tab is used for indentation; YAML needs spaces"
        case "did not find expected alphabetic or numeric character":  // only while scanning an anchor or alias
            return "a value starts with '*' or '&', which YAML reads as an alias or anchor; put the value in quotes, e.g. summary: \"*Vigtigt* nyt\""
        case "found undefined alias":
            return "a value starts with '*', which YAML reads as an alias; put the value in quotes"
        case "control characters are not allowed":
            return "the front matter contains an invisible control character; retype the line"
        case "Maximum nesting level reached, set with yaml_set_max_nest_level())":
            return "lists or fields nested more than a thousand levels deep; front matter holds simple values and lists"
        default:
            return nil
        }
    }
}
