import HelhedTemplates

/// The Markdown stage: every page body through cmark and Helhed's AST transforms, on all cores, then the links to
/// headings on other pages, which need every body's headings.
struct MarkdownStage {
    let pages: SitePages
    let pictures: SitePictures
    let memo: BodyMemo

    /// What a body is rendered from. In the order they are compared: the cheap ones first, the Markdown (usually the
    /// same storage as last time) last.
    struct Inputs: Equatable, Sendable {
        /// The link context (see `Site.linkContextFingerprint`).
        let context: Int
        /// The pictures' fingerprint (`SitePictures.fingerprint`): a body shows their variants.
        let pictures: Int
        let page: PageID
        let publishesOriginals: Bool
        let autolinksTerms: Bool
        let bodyLineOffset: Int
        let body: [UInt8]
    }

    /// Every body, by page; a body whose Markdown, page and link context are unchanged since the memo's last run is
    /// not rendered again.
    func render(into diagnostics: inout Diagnostics) -> [PageID: RenderedBody] {
        let site = pages.site
        let generatedSitePaths = pages.generatedSitePaths
        let transformer = PageTransformer(site: site, generatedSitePaths: generatedSitePaths, pictures: pictures,
                                          options: MarkdownOptions(allowsRawHTML: site.config.allowsRawHTML))
        let context = pages.linkContext
        let pictureFingerprint = memo.isEnabled ? pictures.fingerprint : 0
        let pageIDs = pages.markdownPages
        let pages = self.pages
        let rendered = memo.map(pageIDs, key: { site.source(of: $0).contentPath }, inputs: { page in
            let source = site.source(of: page)
            return Inputs(context: context, pictures: pictureFingerprint, page: page, publishesOriginals: pages.publishesOriginals(page),
                          autolinksTerms: pages.autolinksTerms(page), bodyLineOffset: source.bodyLineOffset, body: source.body)
        }, make: { page, _ in
            transformer.render(PageContext(source: site.source(of: page), page: page, autolinksTerms: pages.autolinksTerms(page),
                                           publishesOriginals: pages.publishesOriginals(page)))
        })
        var bodies: [PageID: RenderedBody] = [:]
        bodies.reserveCapacity(pageIDs.count)
        for (page, body) in zip(pageIDs, rendered) {
            bodies[page] = body
            diagnostics.append(contentsOf: body.diagnostics)
        }
        diagnostics.append(contentsOf: Self.checkFragments(bodies, site: site))
        return bodies
    }

    /// `page.md#heading` links, checked once every page's heading ids are known.
    static func checkFragments(_ bodies: [PageID: RenderedBody], site: Site) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        // A page has a few headings: looking through them costs less than a set of their ids.
        func has(_ page: PageID, heading id: String) -> Bool {
            bodies[page]?.headings.contains { $0.id == id } ?? false
        }
        var hintsLeft = PageTransformer.hintsPerPage  // suggestions cost a look at every heading; keep them few
        for page in bodies.keys.filter({ !(bodies[$0]?.fragmentChecks.isEmpty ?? true) }).sorted() {
            guard let body = bodies[page] else { continue }
            for check in body.fragmentChecks where !has(check.target, heading: check.fragment) {
                hintsLeft -= 1
                let ids = hintsLeft >= 0 ? bodies[check.target]?.headings.map(\.id) ?? [] : []
                let close = Suggestions.closest(to: check.fragment, among: ids)
                diagnostics.append(.error(site.source(of: page).path, line: check.line, .linkToMissingHeadingThere,
                                          ["link": check.address, "page": site.source(of: check.target).path],
                                          parts: ["suggestion": TransformRun.didYouMean(close)]))
            }
        }
        return diagnostics
    }
}

/// The Markdown stage's memo: each body by its file's path inside `Content/`.
typealias BodyMemo = StageMemo<String, MarkdownStage.Inputs, RenderedBody>
