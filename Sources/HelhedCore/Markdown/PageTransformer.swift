import Foundation
import HelhedTemplates

/// A page body after Helhed's AST transforms and cmark's HTML rendering.
struct RenderedBody: Sendable {
    var html: HTML
    var headings: [Heading]
    var tableOfContents: [ContentsEntry]
    /// Terms linked on the page (explicitly or automatically), in order of first use; the page lists their definitions.
    var linkedTerms: [Int]
    /// Terms the page mentions in any way (also Markdown links to a term page), for the terms' "Bruges i".
    var mentionedTerms: Set<Int>
    /// Pages this page links to, for finding pages nothing links to.
    var linkedPages: Set<PageID>
    /// `#fragment` links to other pages, checked once every page's headings are known.
    var fragmentChecks: [FragmentCheck]
    /// The text a reader sees (text and code, a space between blocks), read from the AST for the search index, as
    /// UTF-8 (valid: cmark's literals are); only the index reads it, byte by byte.
    var readableText: [UInt8]
    var diagnostics: [Diagnostic]
}

/// A link to a heading on another page.
struct FragmentCheck: Sendable {
    let target: PageID
    let fragment: String
    let line: Int
    let address: String
}

/// Where a body is rendered: which page, and whether Helhed's transforms apply.
struct PageContext: Sendable {
    let source: SourceText
    /// nil for Markdown that is not a page of a site (`helhed markdown`).
    let page: PageID?
    let autolinksTerms: Bool

    init(source: SourceText, page: PageID?, autolinksTerms: Bool) {
        self.source = source
        self.page = page
        self.autolinksTerms = autolinksTerms
    }
}

/// Parses a body with cmark, transforms the AST (glossary references and automatic term links, heading ids and
/// anchors, internal links) and renders it with cmark. No HTML is ever rewritten as text.
struct PageTransformer: Sendable {
    let site: Site?
    let resolver: LinkResolver?
    let options: MarkdownOptions

    /// Ids the templates use on every page; headings never take them.
    static let reservedIDs: Set<String> = [
        "hovedindhold", "indholdsfortegnelse", "ordforklaringer-paa-siden", "relaterede-ord", "bruges-i", "soegefelt", "soegeresultater",
    ]
    static let definitionIDPrefix = "definition-"
    /// How many messages of one page may carry a "did you mean" suggestion.
    static let hintsPerPage = 20

    /// The opening tag of a link to each term (`<a class="term" …>`), made once: a page links many terms.
    let termLinkOpenings: [String]

    init(site: Site?, generatedSitePaths: Set<String> = [], options: MarkdownOptions) {
        self.site = site
        self.resolver = site.map { LinkResolver(site: $0, generatedSitePaths: generatedSitePaths) }
        self.options = options
        termLinkOpenings = site.map { site in
            site.terms.map { term in
                "<a class=\"term\" href=\"\(HTMLEscaping.escape(site.baseURL.link(to: term.sitePath)))\" aria-describedby=\"\(PageTransformer.definitionIDPrefix)\(term.slug)\" data-definition=\"\(HTMLEscaping.escape(term.summary))\">"
            }
        } ?? []
    }

    func render(_ context: PageContext) -> RenderedBody {
        // Hook for GFM tables and footnotes (Markdown/Extensions): they become ordinary nodes before the passes below.
        let (document, extensionDiagnostics) = MarkdownExtensions.parse(context.source, options: options)
        var run = TransformRun(transformer: self, context: context, document: document)
        run.diagnostics = extensionDiagnostics
        run.transform()
        return RenderedBody(
            html: HTML(bytes: document.renderHTMLBytes()),
            headings: run.headings,
            tableOfContents: ContentsEntry.tableOfContents(for: run.headings),
            linkedTerms: run.linkedTerms,
            mentionedTerms: run.mentionedTerms,
            linkedPages: run.linkedPages,
            fragmentChecks: run.fragmentChecks,
            readableText: run.readableText,
            diagnostics: run.diagnostics
        )
    }
}

/// The state of transforming one document.
private struct TransformRun {
    let transformer: PageTransformer
    let context: PageContext
    let document: MarkdownDocument

    var headings: [Heading] = []
    var linkedTerms: [Int] = []
    /// `linkedTerms` as a set: a page that repeats a term ten thousand times asks ten thousand times.
    private var linkedTermSet: Set<Int> = []
    var mentionedTerms: Set<Int> = []
    var linkedPages: Set<PageID> = []
    var fragmentChecks: [FragmentCheck] = []
    var readableText: [UInt8] = []
    var diagnostics: [Diagnostic] = []
    private var hintsLeft = PageTransformer.hintsPerPage
    private var ownFragmentChecks: [(fragment: String, line: Int, address: String)] = []

    init(transformer: PageTransformer, context: PageContext, document: MarkdownDocument) {
        self.transformer = transformer
        self.context = context
        self.document = document
    }

    private var path: String { context.source.path }

    private var ownTerm: Int? {
        if case .term(let index) = context.page { return index }
        return nil
    }

    mutating func transform() {
        document.consolidateText()
        let collected = collectNodes()
        readableText = collected.readableText
        if let site = transformer.site, let resolver = transformer.resolver {
            // Read out of the site once per page: read per text node, its tables were retained and released for every
            // scan, by both cores, on the same few cache lines.
            let matcher = site.termMatcher
            for text in collected.texts { linkTerms(in: text.node, inHeading: text.inHeading, site: site, matcher: matcher) }
            for link in collected.links { resolve(link, isImage: false, site: site, resolver: resolver) }
            for image in collected.images {
                if !image.hasAltText { warnAboutMissingAltText(image.node) }
                resolve(image.node, isImage: true, site: site, resolver: resolver)
            }
        }
        // The site's terms read once: unwrapping `transformer.site` per term copied the whole `Site` each time.
        let terms = transformer.site?.terms ?? []
        var ids = HeadingIDs(reserved: PageTransformer.reservedIDs.union(linkedTerms.map { PageTransformer.definitionIDPrefix + terms[$0].slug }))
        for heading in collected.headings { anchor(heading, ids: &ids) }
        let headingIDs = headings.map(\.id)
        let known = Set(headingIDs)
        for check in ownFragmentChecks where !known.contains(check.fragment) {
            let suggestion = hint(check.fragment, among: headingIDs)
            diagnostics.append(.error(path, line: check.line, "the link \"\(check.address)\" points at a heading this page does not have\(suggestion)"))
        }
    }

    // MARK: Collecting

    private struct TextNode {
        let node: MarkdownNode
        let inHeading: Bool
    }

    private struct ImageNode {
        let node: MarkdownNode
        /// Whether its description (the text between the brackets, nested pictures included) has anything but white space.
        let hasAltText: Bool
    }

    /// One walk over the tree. Whether a picture has alt text is worked out on the way (a text marks the innermost
    /// open picture, a closing picture passes its answer to the one around it), so pictures nested thousands deep
    /// cost one step per node, not one walk of their contents each.
    private func collectNodes() -> (texts: [TextNode], links: [MarkdownNode], images: [ImageNode], headings: [MarkdownNode],
                                    readableText: [UInt8]) {
        var readable: [UInt8] = []
        // The readable text is about as long as the Markdown: room for it at once instead of a dozen doublings.
        readable.reserveCapacity(context.source.body.count + 64)
        var texts: [TextNode] = []
        var links: [MarkdownNode] = []
        var images: [ImageNode] = []
        var headings: [MarkdownNode] = []
        var headingDepth = 0
        var linkDepth = 0
        var openImagesHaveText: [Bool] = []
        document.walk { node, isEntering in
            let kind = node.kind
            switch kind {
            case .text, .code, .codeBlock:
                node.withLiteralBytes { readable.append(contentsOf: $0) }
            case .document, .blockQuote, .list, .item, .htmlBlock, .customBlock, .paragraph, .thematicBreak, .softBreak, .lineBreak:
                readable.append(0x20)
            default:
                break
            }
            switch kind {
            case .heading:
                readable.append(0x20)
                headingDepth += isEntering ? 1 : -1
                if !isEntering, (2...4).contains(node.headingLevel) { headings.append(node) }
            case .link:
                linkDepth += isEntering ? 1 : -1
                if !isEntering { links.append(node) }
            case .image:
                linkDepth += isEntering ? 1 : -1
                if isEntering {
                    openImagesHaveText.append(false)
                } else {
                    let hasText = openImagesHaveText.removeLast()
                    if hasText, !openImagesHaveText.isEmpty { openImagesHaveText[openImagesHaveText.count - 1] = true }
                    images.append(ImageNode(node: node, hasAltText: hasText))
                }
            case .text, .code:
                if kind == .text, linkDepth == 0 { texts.append(TextNode(node: node, inHeading: headingDepth > 0)) }
                if let innermost = openImagesHaveText.indices.last, !openImagesHaveText[innermost], node.withLiteralBytes(Self.hasVisibleText) {
                    openImagesHaveText[innermost] = true
                }
            default:
                break
            }
        }
        // Kept until the search index is made: without the room appending left, a large site's texts take less memory.
        return (texts, links, images, headings, readable.withoutSpareCapacity)
    }

    /// Anything but white space (as `trimmingCharacters(in: .whitespacesAndNewlines)` would leave it).
    private static func hasVisibleText(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        String(decoding: bytes, as: UTF8.self).unicodeScalars.contains { !CharacterSet.whitespacesAndNewlines.contains($0) }
    }

    // MARK: Glossary references and automatic term links

    /// A run of a text node that becomes a term link: a `[[reference]]` (shown as the text it names) or a term's
    /// name found in running text (shown as written).
    private struct TermLink {
        let range: Range<Int>
        let term: Int
        /// nil: the text of `range` itself.
        let shownText: String?
    }

    /// Replaces glossary references and (unless `inHeading` or switched off) the first mention of each term in a text
    /// node by term links. Most text nodes have neither: they are scanned in place, in cmark's own buffer, and left
    /// alone without anything being allocated.
    private mutating func linkTerms(in node: MarkdownNode, inHeading: Bool, site: Site, matcher: TermMatcher) {
        let autolink = context.autolinksTerms && !inHeading && !matcher.isEmpty
        node.withLiteralBytes { bytes in
            var links: [TermLink] = []
            var plainStart = 0
            for reference in WikiReference.all(in: bytes) {
                if autolink { findTerms(in: bytes, plainStart..<reference.range.lowerBound, matcher: matcher, into: &links) }
                plainStart = reference.range.upperBound
                guard let term = site.term(named: reference.name) else {
                    // Left as text.
                    let line = context.source.fileLine(bodyLine: Self.line(of: node))
                    let hint = takeHint() ? site.termSuggestions(for: reference.name) : []
                    let suggestion = hint.isEmpty ? "" : "; did you mean \(hint.map { "\"\($0)\"" }.joined(separator: ", "))?"
                    let leftOut = site.leftOutTerm(named: reference.name).map { ", because it \($0)" } ?? ""
                    diagnostics.append(.error(path, line: line, "[[\(reference.name)]] is not a term of the glossary\(leftOut)\(suggestion)"))
                    continue
                }
                noteLinked(term)
                links.append(TermLink(range: reference.range, term: term, shownText: reference.shownText))
            }
            if autolink { findTerms(in: bytes, plainStart..<bytes.count, matcher: matcher, into: &links) }
            guard !links.isEmpty else { return }

            // The text between the links stays text; cmark renders adjacent text nodes as their concatenation.
            var nodes: [MarkdownNode] = []
            var cursor = 0
            for link in links {
                if link.range.lowerBound > cursor { nodes.append(document.makeText(UnsafeBufferPointer(rebasing: bytes[cursor..<link.range.lowerBound]))) }
                let shown = link.shownText.map(document.makeText) ?? document.makeText(UnsafeBufferPointer(rebasing: bytes[link.range]))
                nodes.append(document.makeCustomInline(before: transformer.termLinkOpenings[link.term], after: "</a>", wrapping: shown))
                cursor = link.range.upperBound
            }
            if cursor < bytes.count { nodes.append(document.makeText(UnsafeBufferPointer(rebasing: bytes[cursor...]))) }
            // Last: the node's literal, which `bytes` points into, is freed with it.
            document.replace(node, with: nodes)
        }
    }

    /// Automatic links in `range` of a text: the first mention on the page of each term but the page's own. The range
    /// is scanned as a text of its own (its ends are word boundaries), as the text between two references.
    private mutating func findTerms(in bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, matcher: TermMatcher,
                                    into links: inout [TermLink]) {
        guard !range.isEmpty else { return }
        for match in matcher.matches(in: UnsafeBufferPointer(rebasing: bytes[range]))
        where match.term != ownTerm && !linkedTermSet.contains(match.term) {
            noteLinked(match.term)
            links.append(TermLink(range: (match.range.lowerBound + range.lowerBound)..<(match.range.upperBound + range.lowerBound),
                                  term: match.term, shownText: nil))
        }
    }

    private mutating func noteLinked(_ term: Int) {
        if linkedTermSet.insert(term).inserted { linkedTerms.append(term) }
        mentionedTerms.insert(term)
        linkedPages.insert(.term(term))
    }

    // MARK: Links and images

    /// `site` and `resolver` are passed in, unwrapped once per page: unwrapping them here copied the whole site
    /// (a retain and a release of each of its parts) twice per link.
    private mutating func resolve(_ node: MarkdownNode, isImage: Bool, site: Site, resolver: LinkResolver) {
        let address = node.url
        let line = context.source.fileLine(bodyLine: Self.line(of: node))
        switch resolver.resolve(address, from: context.source, isImage: isImage) {
        case .external, .unreadablePage:
            break
        case .ownHeading(let fragment):
            ownFragmentChecks.append((fragment, line, address))
        case .page(let target, let fragment):
            node.url = site.baseURL.link(to: site.sitePath(of: target)) + (fragment.map { "#" + Self.encodeFragment($0) } ?? "")
            linkedPages.insert(target)
            if case .term(let term) = target { mentionedTerms.insert(term) }
            if let fragment {
                if target == context.page {
                    ownFragmentChecks.append((fragment, line, address))
                } else {
                    fragmentChecks.append(FragmentCheck(target: target, fragment: fragment, line: line, address: address))
                }
            }
        case .file(let sitePath, let fragment):
            node.url = site.baseURL.link(to: Self.encodePath(sitePath)) + (fragment.map { "#" + Self.encodeFragment($0) } ?? "")
        case .dangerous(let scheme):
            let why = scheme == "file"
                ? "it points at a file on your own computer, which readers cannot open; copy the file into the content folder and link to it there"
                : "such addresses can run code in the reader's browser"
            diagnostics.append(.warning(path, line: line, "removed a \(isImage ? "picture" : "link") to a \(scheme): address; \(why)"))
            document.unwrap(node)
        case .broken(let message):
            diagnostics.append(.error(path, line: line, message))
        }
    }

    /// A picture without a description (`![](x.png)`: no text in the image node) is invisible to screen reader users.
    private mutating func warnAboutMissingAltText(_ node: MarkdownNode) {
        let line = context.source.fileLine(bodyLine: Self.line(of: node))
        diagnostics.append(.warning(path, line: line, "the picture \"\(node.url)\" has no alt text; describe it between the brackets: ![what the picture shows](\(node.url))"))
    }

    // MARK: Headings

    private mutating func anchor(_ node: MarkdownNode, ids: inout HeadingIDs) {
        let level = node.headingLevel
        let text = node.plainText.trimmingWhitespace()
        let id = ids.id(for: text)
        headings.append(Heading(level: level, text: text, id: id))
        // Written as bytes: the same markup by string interpolation cost a dozen appends, each with its own checks,
        // for every heading of every page.
        let digit = UInt8(ascii: "0") + UInt8(clamping: level)
        var before: [UInt8] = []
        before.reserveCapacity(48 + id.utf8.count)
        before += #"<div class="heading"><h"#.utf8
        before += [digit]
        before += #" id=""#.utf8
        HTMLEscaping.append(id, to: &before)
        before += #"">"#.utf8
        var after: [UInt8] = []
        after.reserveCapacity(192 + id.utf8.count + text.utf8.count)
        after += "</h".utf8
        after += [digit]
        after += ##"><a class="heading-anchor" href="#"##.utf8
        HTMLEscaping.append(id, to: &after)
        after += ##""><span aria-hidden="true">#</span><span class="visually-hidden">Link til afsnittet “"##.utf8
        HTMLEscaping.append(text, to: &after)
        after += "”</span></a></div>".utf8
        document.wrapChildren(of: node, inCustomBlockBefore: before, after: after)
    }

    // MARK: Helpers

    /// The line of a node, or of its nearest ancestor that knows its line.
    private static func line(of node: MarkdownNode) -> Int {
        var current: MarkdownNode? = node
        while let candidate = current {
            if candidate.startLine > 0 { return candidate.startLine }
            current = candidate.parent
        }
        return 0
    }

    /// "Did you mean" costs a comparison with every candidate, so a page gets a limited number of them: ten thousand
    /// broken links to a page with ten thousand headings must not take quadratic time.
    private mutating func takeHint() -> Bool {
        guard hintsLeft > 0 else { return false }
        hintsLeft -= 1
        return true
    }

    private mutating func hint(_ fragment: String, among ids: [String]) -> String {
        guard takeHint() else { return "" }
        let close = Suggestions.closest(to: fragment, among: ids)
        return close.isEmpty ? "" : " (did you mean \(close.map { "#\($0)" }.joined(separator: ", "))?)"
    }

    static func encodePath(_ path: String) -> String {
        path.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? path
    }

    static func encodeFragment(_ fragment: String) -> String {
        // Heading ids are letters, digits and '-', which need no encoding; Foundation costs thousands of instructions
        // to say so.
        if fragment.utf8.allSatisfy(isUnreservedASCII) { return fragment }
        return fragment.addingPercentEncoding(withAllowedCharacters: .urlFragmentAllowed) ?? fragment
    }

    /// RFC 3986's unreserved characters (letters, digits, `-._~`), allowed unencoded everywhere in a URL.
    private static func isUnreservedASCII(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
             UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"):
            true
        default:
            false
        }
    }
}

private extension Array {
    /// The elements without the spare room appending leaves (up to as many again), for an array that is kept long;
    /// the array itself when there is little to gain.
    var withoutSpareCapacity: [Element] {
        guard capacity > count + count / 8 else { return self }
        return [Element](unsafeUninitializedCapacity: count) { buffer, initialized in
            initialized = buffer.initialize(from: self).1
        }
    }
}
