/// "Did you mean …" for misspelt names: the candidates nearest by edit distance. The templates' checker and the core's
/// messages (links, terms, front matter) share it.
public enum Suggestions {
    /// Words longer than this get no suggestions: nobody misspells a sentence, and the edit distance costs the product of
    /// the two lengths (two 100 KB headings would take minutes).
    static let maximumLength = 80

    public static func closest(to word: String, among candidates: [String], limit: Int = 3) -> [String] {
        guard word.utf8.count <= maximumLength * 4 else { return [] }
        let target = Array(word.lowercased())
        guard target.count <= maximumLength else { return [] }
        let threshold = max(2, target.count / 3)
        return candidates
            .lazy
            .filter { $0.utf8.count <= maximumLength * 4 }
            .map { ($0, Array($0.lowercased())) }
            .filter { abs($0.1.count - target.count) <= threshold }
            .map { ($0.0, distance(target, $0.1)) }
            .filter { $0.1 <= threshold }
            .sorted { ($0.1, $0.0) < ($1.1, $1.0) }
            .prefix(limit)
            .map(\.0)
    }

    static func distance(_ a: [Character], _ b: [Character]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = previous
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}
