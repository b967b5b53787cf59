import HelhedTemplates

/// `helhed markdown`: Markdown in, HTML out, through the same wrapper and transforms as pages.
public enum MarkdownCommand {
    /// Throws when the input is one the build would refuse too (see `MarkdownLimits`), named `<stdin>`.
    public static func render(_ markdown: [UInt8], plain: Bool, unsafe: Bool) throws(Diagnostic) -> String {
        if let refusal = MarkdownLimits.check(markdown) {
            throw .error("<stdin>", line: refusal.line, refusal.message)
        }
        let options = MarkdownOptions(allowsRawHTML: unsafe)
        if plain {
            return MarkdownDocument(parsing: markdown, options: options).renderHTML()
        }
        let source = SourceText(standaloneBody: markdown)
        return PageTransformer(site: nil, options: options).render(PageContext(source: source, page: nil, autolinksTerms: false)).html.html
    }
}
