import Foundation

/// Repeated mapping keys, found as Helhed found them when it read front matter through Yams, so that an editor gets the
/// same message for the same text. Two keys are the same when they are the same text (Swift's `==`, so "é" written in
/// one or two characters is one key) with the same tag, or the same collection of such keys. The tag of a plain key
/// without one comes from YAML 1.1's rules: `1` is a number and `"1"` text, so they are two keys in a mapping (the
/// top-level fields still compare only names, see `FrontMatter`). Every mapping is checked, nested ones too.
///
/// This is the rare path: `YAMLReader` calls it only for a mapping where a name came twice or two keys are collections.
enum YAMLKeys {
    static let textTag = "tag:yaml.org,2002:str"
    private static let valueTag = "tag:yaml.org,2002:value"

    /// A key as compared: a collection is its tokens in order, from `open` to its `close`, so that comparing two
    /// collections needs no recursion however deep they are.
    enum Token: Hashable {
        case scalar(String, tag: String)
        case open(isMapping: Bool, tag: String)
        case close
    }

    /// A key of one mapping: a scalar with its written tag (nil for the rules to decide), or a collection as the
    /// `range` of its tokens in the reader's token list. `line` is where it starts.
    enum Entry {
        case scalar(String, tag: String?, line: Int)
        case collection(Range<Int>, line: Int)

        var line: Int {
            switch self {
            case .scalar(_, _, let line), .collection(_, let line): line
            }
        }
    }

    /// The tag a scalar is compared by: a written one, or for a plain scalar the first of the YAML 1.1 rules that
    /// matches its text (text when none does). `!` alone means "not plain": text.
    static func tag(ofScalar text: String, written tag: String?) -> String {
        guard let tag, !tag.isEmpty else { return rules.first { $0.matches(text) }?.tag ?? textTag }
        return tag == "!" ? textTag : tag
    }

    static func tag(ofCollection tag: String?, isMapping: Bool) -> String {
        guard let tag, !tag.isEmpty, tag != "!" else { return isMapping ? "tag:yaml.org,2002:map" : "tag:yaml.org,2002:seq" }
        return tag
    }

    /// The message for the first repeated key among a mapping's `entries`; nil when no key is repeated.
    ///
    /// When several keys are repeated, the one first in text order is named (Yams sorted them; for collections it
    /// left the order to chance, so the first written is named). The line is that of the second line of the whole
    /// front matter that starts with the name and ':', which is the repeat for top-level fields; otherwise, as for a
    /// nested or quoted key, the line of the key's first occurrence.
    static func repeatProblem(among entries: [Entry], tokens: [Token], yaml: String) -> YAMLProblem? {
        var seen: [[Token]: (first: Int, count: Int)] = [:]
        for (index, entry) in entries.enumerated() {
            let key: [Token]
            switch entry {
            case .scalar(let text, let tag, _): key = [.scalar(text, tag: Self.tag(ofScalar: text, written: tag))]
            case .collection(let range, _): key = Array(tokens[range])
            }
            seen[key, default: (index, 0)].count += 1
        }
        let repeated = seen.filter { $0.value.count > 1 }.map { (key: $0.key, first: $0.value.first) }
        guard !repeated.isEmpty else { return nil }
        func text(_ key: [Token]) -> String? {
            if case .scalar(let text, _) = key.first, key.count == 1 { return text }
            return nil
        }
        let named = repeated.allSatisfy { text($0.key) != nil }
            ? repeated.min { (text($0.key)!, $0.first) < (text($1.key)!, $1.first) }!
            : repeated.min { $0.first < $1.first }!
        let name = self.name(of: named.key[...]) ?? "<uncovertable>"
        let repeatLine = yaml.split(separator: "\n", omittingEmptySubsequences: false).enumerated()
            .filter { $0.element.hasPrefix(name + ":") || $0.element.hasPrefix(name + " :") }
            .dropFirst().first.map { $0.offset + 1 } ?? entries[named.first].line
        return YAMLProblem(line: repeatLine, text: Message(.fieldGivenTwice, ["field": name]))
    }

    /// A key's name as Yams gave it: a scalar's text; for a mapping, the name of the value of its first pair whose
    /// key is tagged as a YAML 1.1 "value" (`=`); nil for anything else.
    private static func name(of key: ArraySlice<Token>) -> String? {
        var key = key
        while true {
            switch key.first {
            case .scalar(let text, _): return text
            case .open(isMapping: true, _):
                var index = key.startIndex + 1
                var valueOfValueKey: ArraySlice<Token>?
                while valueOfValueKey == nil, key[index] != .close {
                    let keyEnd = end(of: key, from: index)
                    let valueEnd = end(of: key, from: keyEnd)
                    switch key[index] {
                    case .scalar(_, valueTag), .open(_, valueTag): valueOfValueKey = key[keyEnd..<valueEnd]
                    default: index = valueEnd
                    }
                }
                guard let value = valueOfValueKey else { return nil }
                key = value
            default: return nil
            }
        }
    }

    /// The index after the key or value that starts at `start`.
    private static func end(of tokens: ArraySlice<Token>, from start: Int) -> Int {
        var depth = 0
        var index = start
        repeat {
            switch tokens[index] {
            case .open: depth += 1
            case .close: depth -= 1
            case .scalar: break
            }
            index += 1
        } while depth > 0
        return index
    }

    // MARK: YAML 1.1's tag rules for plain scalars, as Yams wrote them

    private struct Rule {
        let tag: String
        let expression: NSRegularExpression

        init(_ tag: String, _ pattern: String) {
            self.tag = "tag:yaml.org,2002:" + tag
            // The patterns are constants.
            expression = try! NSRegularExpression(pattern: pattern)
        }

        func matches(_ text: String) -> Bool {
            expression.firstMatch(in: text, range: NSRange(location: 0, length: text.utf16.count)) != nil
        }
    }

    private static let rules: [Rule] = [
        Rule("bool", "^(?:yes|Yes|YES|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF)$"),
        Rule("int", "^(?:[-+]?0b[0-1_]+|[-+]?0o?[0-7_]+|[-+]?(?:0|[1-9][0-9_]*)|[-+]?0x[0-9a-fA-F_]+|[-+]?[1-9][0-9_]*(?::[0-5]?[0-9])+)$"),
        Rule("float", "^(?:[-+]?(?:[0-9][0-9_]*)(?:\\.[0-9_]*)?(?:[eE][-+]?[0-9]+)?|\\.[0-9_]+(?:[eE][-+][0-9]+)?"
            + "|[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\\.[0-9_]*|[-+]?\\.(?:inf|Inf|INF)|\\.(?:nan|NaN|NAN))$"),
        Rule("merge", "^(?:<<)$"),
        Rule("null", "^(?:~|null|Null|NULL|)$"),
        Rule("timestamp", "^(?:[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]|[0-9][0-9][0-9][0-9]-[0-9][0-9]?-[0-9][0-9]?"
            + "(?:[Tt]|[ \\t]+)[0-9][0-9]?:[0-9][0-9]:[0-9][0-9](?:\\.[0-9]*)?(?:[ \\t]*(?:Z|[-+][0-9][0-9]?(?::[0-9][0-9])?))?)$"),
        Rule("value", "^(?:=)$"),
    ]
}
