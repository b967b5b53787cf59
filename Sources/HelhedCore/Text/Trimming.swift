import Foundation

extension String {
    /// `trimmingCharacters(in: .whitespaces)`, answered without Foundation when both ends are printable ASCII other
    /// than a space (nothing to trim): Foundation's version costs tens of thousands of instructions per call, and a
    /// build trims every front matter value, heading and glossary reference.
    func trimmingWhitespace() -> String {
        hasPlainEnds ? self : trimmingCharacters(in: .whitespaces)
    }

    /// `trimmingCharacters(in: .whitespacesAndNewlines)`, with the same shortcut.
    func trimmingWhitespaceAndNewlines() -> String {
        hasPlainEnds ? self : trimmingCharacters(in: .whitespacesAndNewlines)
    }

    private var hasPlainEnds: Bool {
        guard let first = utf8.first, let last = utf8.last else { return false }
        return (0x21...0x7E).contains(first) && (0x21...0x7E).contains(last)
    }
}
