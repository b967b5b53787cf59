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
    /// Raster pictures of the content the page shows (as `<picture>`), by their path inside the site.
    var pictures: Set<String>
    /// Pictures whose original the page publishes: with `original: true`, or linked to as a file.
    var originals: Set<String>
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
    /// Whether the page's pictures get a link to their original (`original: true`).
    let publishesOriginals: Bool

    init(source: SourceText, page: PageID?, autolinksTerms: Bool, publishesOriginals: Bool = false) {
        self.source = source
        self.page = page
        self.autolinksTerms = autolinksTerms
        self.publishesOriginals = publishesOriginals
    }
}

/// Parses a body with cmark, transforms the AST (glossary references and automatic term links, heading ids and
/// anchors, internal links) and renders it with cmark. No HTML is ever rewritten as text.
struct PageTransformer: Sendable {
    let site: Site?
    let resolver: LinkResolver?
    /// The content's processed pictures; none for Markdown outside a site.
    let pictures: SitePictures
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

    init(site: Site?, generatedSitePaths: Set<String> = [], pictures: SitePictures = .none, options: MarkdownOptions) {
        self.site = site
        self.resolver = site.map { LinkResolver(site: $0, generatedSitePaths: generatedSitePaths) }
        self.pictures = pictures
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
            pictures: run.pictures,
            originals: run.originals,
            readableText: run.readableText,
            diagnostics: run.diagnostics
        )
    }
}

/// The state of transforming one document.
struct TransformRun {
    let transformer: PageTransformer
    let context: PageContext
    let document: MarkdownDocument

    var headings: [Heading] = []
    var linkedTerms: [Int] = []
    /// `linkedTerms` as a set: a page that repeats a term ten thousand times asks ten thousand times.
    var linkedTermSet: Set<Int> = []
    var mentionedTerms: Set<Int> = []
    var linkedPages: Set<PageID> = []
    var fragmentChecks: [FragmentCheck] = []
    var pictures: Set<String> = []
    var originals: Set<String> = []
    /// Pictures shown so far: the first is loaded at once, the others lazily.
    var picturesShown = 0
    var readableText: [UInt8] = []
    var diagnostics: [Diagnostic] = []
    var hintsLeft = PageTransformer.hintsPerPage
    var ownFragmentChecks: [(fragment: String, line: Int, address: String)] = []

    init(transformer: PageTransformer, context: PageContext, document: MarkdownDocument) {
        self.transformer = transformer
        self.context = context
        self.document = document
    }

    var path: String { context.source.path }

    var ownTerm: Int? {
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
                if !image.hasAltText { warnAboutMissingAltText(image.node) } else { warnAboutFileNameAltText(image.node) }
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
            diagnostics.append(.error(path, line: check.line, .linkToMissingHeadingHere, ["link": check.address],
                                      parts: ["suggestion": suggestion]))
        }
    }

    // MARK: Collecting

    struct TextNode {
        let node: MarkdownNode
        let inHeading: Bool
    }

    struct ImageNode {
        let node: MarkdownNode
        /// Whether its description (the text between the brackets, nested pictures included) has anything but white space.
        let hasAltText: Bool
    }

    /// One walk over the tree. Whether a picture has alt text is worked out on the way (a text marks the innermost
    /// open picture, a closing picture passes its answer to the one around it), so pictures nested thousands deep
    /// cost one step per node, not one walk of their contents each.
    func collectNodes() -> (texts: [TextNode], links: [MarkdownNode], images: [ImageNode], headings: [MarkdownNode],
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
    static func hasVisibleText(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        String(decoding: bytes, as: UTF8.self).unicodeScalars.contains { !CharacterSet.whitespacesAndNewlines.contains($0) }
    }

    // MARK: Helpers

    /// The line of a node, or of its nearest ancestor that knows its line.
    static func line(of node: MarkdownNode) -> Int {
        var current: MarkdownNode? = node
        while let candidate = current {
            if candidate.startLine > 0 { return candidate.startLine }
            current = candidate.parent
        }
        return 0
    }

    /// "Did you mean" costs a comparison with every candidate, so a page gets a limited number of them: ten thousand
    /// broken links to a page with ten thousand headings must not take quadratic time.
    mutating func takeHint() -> Bool {
        guard hintsLeft > 0 else { return false }
        hintsLeft -= 1
        return true
    }

    mutating func hint(_ fragment: String, among ids: [String]) -> Message {
        guard takeHint() else { return .nothing }
        return Self.didYouMean(Suggestions.closest(to: fragment, among: ids))
    }

    /// " (did you mean #a, #b?)", or nothing when there is nothing close.
    static func didYouMean(_ headingIDs: [String]) -> Message {
        headingIDs.isEmpty ? .nothing : Message(.didYouMeanHeadings, ["headings": headingIDs.map { "#\($0)" }.joined(separator: ", ")])
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
    static func isUnreservedASCII(_ byte: UInt8) -> Bool {
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
