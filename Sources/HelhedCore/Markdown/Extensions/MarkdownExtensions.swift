/// GitHub Flavored Markdown's tables and footnotes on top of CommonMark core (Debian's libcmark 0.30.2, which has
/// neither), as transforms of cmark's tree. `helhed markdown --plain` does not come here: it stays CommonMark.
///
/// The hook: `PageTransformer.render` parses a page through `parse` instead of `MarkdownDocument(parsing:)`, and adds
/// the returned diagnostics to the page's; `MarkdownNode.startLine` reads the page line that nodes moved in from a
/// second parse carry (`setPageLine`).
enum MarkdownExtensions {
    static func parse(_ source: SourceText, options: MarkdownOptions) -> (document: MarkdownDocument, diagnostics: [Diagnostic]) {
        // Footnote definitions change the blocks cmark sees, so they are found first and the text parsed once more
        // with each definition's `[^label]:` written as a list item marker (see FootnoteDefinitions).
        let definitions = FootnoteDefinitions.find(in: source.body, options: options)
        let document = MarkdownDocument(parsing: definitions.text, options: options)
        // Most pages have neither: a look for the bytes each needs spares them a walk of the tree.
        if TableTransform.mayHoldTable(definitions.text) {
            TableTransform.apply(to: document, lines: SourceLines(definitions.text), options: options)
        }
        var diagnostics: [Diagnostic] = []
        if !definitions.definitions.isEmpty || FootnoteReferences.mayHoldReference(definitions.text) {
            FootnoteTransform.apply(to: document, definitions: definitions, source: source, diagnostics: &diagnostics)
        }
        return (document, diagnostics)
    }
}
