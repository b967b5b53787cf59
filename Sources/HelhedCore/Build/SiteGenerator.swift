import Foundation

/// A generated site, in memory: every output file, plus what the build learned on the way.
public struct GeneratedSite: Sendable {
    public let site: Site
    /// Every output file, sorted by path; empty when the files were written to a staging folder as they were made.
    public let files: [OutputFile]
    public let bodies: [PageID: RenderedBody]
    /// Warnings (errors make generation throw).
    public let warnings: [Diagnostic]
    public let pageCount: Int
    public let copiedFileCount: Int
}

/// The build pipeline, top to bottom: load content → parse front matter → Markdown through cmark's AST →
/// resolve links and glossary terms → render templates. Writing is `OutputWriter`'s job.
public enum SiteGenerator {
    /// With `staged` (as `helhed build` does), pages and files are written to its staging folder as they are made
    /// and not kept: `files` is then empty. A 10,000-article site no longer holds all its HTML in memory at once.
    public static func generate(_ options: BuildOptions, streamingTo staged: StagedOutput? = nil) throws(BuildFailure) -> GeneratedSite {
        var noCache: BuildCache? = nil
        return try generate(options, cache: &noCache, streamingTo: staged).site
    }

    /// Generates the site, reusing from `cache` what has not changed and refilling it (only after a success, so a
    /// failed rebuild leaves the last good state to compare with). A nil `cache` (a one-shot build or check) is
    /// neither read nor filled.
    static func generate(_ options: BuildOptions, cache: inout BuildCache?,
                         streamingTo staged: StagedOutput? = nil) throws(BuildFailure) -> (site: GeneratedSite, renderedPages: Int) {
        var diagnostics = Diagnostics()
        let keepsCache = cache != nil
        let previous = cache ?? BuildCache()
        var next = BuildCache()
        let templatesDisplay = options.displayName(options.templatesFolder)

        // The templates need nothing from the content: compiled on another core while this one lists the content folder
        // and starts loading it (about 20 ms, mostly swift-mustache's parser and the runtime's first look at each view
        // model type).
        let templateLoading = BackgroundWork { [previousTemplates = previous.templates] in
            var found = Diagnostics()
            let templates = loadTemplates(options, display: templatesDisplay, cached: previousTemplates, into: &found)
            return (templates: templates, diagnostics: found.all)
        }

        let loader = ContentLoader(root: options.contentFolder, displayRoot: options.displayName(options.contentFolder))
        var sources = keepsCache ? previous.sources : nil
        let loaded = loader.load(into: &diagnostics, reusing: &sources)
        let (templates, templateDiagnostics) = templateLoading.wait()
        diagnostics.append(contentsOf: templateDiagnostics)
        next.templates = templates
        guard let content = loaded else { throw BuildFailure(diagnostics.sorted) }
        next.sources = sources ?? [:]
        let site = Site.assemble(content, options: options.site, reusing: keepsCache ? previous.termMatcher : nil, into: &diagnostics)
        next.termMatcher = site.termMatcher
        // The Danish order of the article titles needs nothing but the site: worked out on another core while this one
        // lists the site's pages, instead of on one core while the page renderer is prepared.
        let previousRenderer = keepsCache ? previous.renderer : nil
        let titleOrder = BackgroundWork { PageRenderer.titleOrder(of: site.articles, reusing: previousRenderer) }

        var assets: ThemeAssets?
        do {
            assets = try ThemeAssets(templatesFolder: options.templatesFolder, displayFolder: templatesDisplay, baseURL: site.baseURL)
        } catch {
            diagnostics.append(contentsOf: error.diagnostics)
        }

        let pages = SitePages(site: site)
        let generatedSitePaths = pages.generatedSitePaths
        // Only compared with a previous generation's: a one-shot build has none.
        let linkContext = keepsCache ? site.linkContextFingerprint(generatedSitePaths: generatedSitePaths) : 0
        var bodyCache: [String: CachedBody]? = keepsCache ? [:] : nil
        let bodies = renderBodies(site: site, pages: pages, generatedSitePaths: generatedSitePaths, context: linkContext,
                                  previous: previous.bodies, into: &bodyCache)
        next.bodies = bodyCache ?? [:]
        for body in bodies.values { diagnostics.append(contentsOf: body.diagnostics) }
        // Checked on another core while this one prepares the page renderer (both only read the bodies).
        let fragmentCheck = BackgroundWork { checkFragments(bodies, site: site) }

        guard let templates = templates?.set, let assets, !diagnostics.hasErrors else {
            diagnostics.append(contentsOf: fragmentCheck.wait())
            throw BuildFailure(diagnostics.sorted)
        }

        let renderer = PageRenderer(site: site, pages: pages, bodies: bodies, templates: templates, assets: assets.urls,
                                    linkContext: linkContext, titleOrder: titleOrder.wait(), reusing: previousRenderer)
        diagnostics.append(contentsOf: fragmentCheck.wait())
        guard !diagnostics.hasErrors else { throw BuildFailure(diagnostics.sorted) }
        next.renderer = renderer.reusable ?? PageRenderer.Reusable()
        let copied = site.staticFiles.map { OutputFile(path: $0.sitePath, contents: .copy($0.source)) }
        // Checked on another core while pages render: `helhed build` writes them to its staging folder, which a clash
        // discards, so nothing reaches the output folder either way.
        let clashCheck = BackgroundWork { [outputPaths = renderer.outputPaths, assets] in
            var paths: Set<String> = []
            let clashes = (outputPaths + PublishingFiles.paths + (assets.files + copied).map(\.path)).filter { !paths.insert($0).inserted }
            return clashes.min().map { clash in
                BuildFailure([.error(loader.displayPath(clash), "this file would overwrite a page the build generates at /\(clash); rename it")])
            }
        }

        guard let staged else {
            if let clash = clashCheck.wait() { throw clash }
            // The feed, the search index and the sitemap need no page: made on another core while the pages render.
            let publishing = BackgroundWork { [previousEntries = previous.publishing] in
                var entries: PublishingFiles.Cache? = keepsCache ? PublishingFiles.Cache() : nil
                let files = PublishingFiles.make(site: site, pages: pages, bodies: bodies, reusing: previousEntries, into: &entries)
                return (files: files, entries: entries)
            }
            let html = renderer.renderAll(reusing: previous.pages)
            next.pages = html.cache
            let (published, publishingCache) = publishing.wait()
            next.publishing = publishingCache ?? PublishingFiles.Cache()
            let files = (html.files + published + assets.files + copied).sorted { $0.path < $1.path }
            if keepsCache { cache = next }
            let generated = GeneratedSite(site: site, files: files, bodies: bodies, warnings: diagnostics.sorted,
                                          pageCount: html.files.count, copiedFileCount: copied.count + assets.files.count)
            return (generated, html.rendered)
        }

        // `helhed build`: each batch of pages is written as soon as it is rendered and then let go, and the feed (every
        // article's body) and the search index are written piece by piece, so a large site is never whole in memory.
        // The sitemap needs no page: it is made on another thread while the pages render, instead of on one core at the end.
        let sitemapAndRobots = BackgroundWork { PublishingFiles.makeSitemapAndRobots(site: site, pages: pages) }
        var pageCount = 0
        try renderer.renderAll(inBatchesOf: 512) { (batch) throws(BuildFailure) in
            pageCount += batch.count
            try staged.write(batch)
        }
        try staged.writePieces(of: SitePages.feedPath) { (write) throws(BuildFailure) in
            try Feed.write(site: site, pages: pages, bodies: bodies, write)
        }
        try staged.writePieces(of: SitePages.searchIndexPath) { (write) throws(BuildFailure) in
            try SearchIndex.write(site: site, pages: pages, bodies: bodies, write)
        }
        if let clash = clashCheck.wait() { throw clash }
        try staged.write(sitemapAndRobots.wait() + assets.files + copied)
        if keepsCache { cache = next }
        let generated = GeneratedSite(site: site, files: [], bodies: bodies, warnings: diagnostics.sorted,
                                      pageCount: pageCount, copiedFileCount: copied.count + assets.files.count)
        return (generated, pageCount)
    }

    /// The templates, reused when no template file changed since they were loaded.
    private static func loadTemplates(_ options: BuildOptions, display: String, cached: CachedTemplates?,
                                      into diagnostics: inout Diagnostics) -> CachedTemplates? {
        let folder = options.templatesFolder
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        var stamps: [String: FileStamp] = [:]
        for name in names where name.hasSuffix(".mustache") {
            stamps[name] = FileStamp(path: folder.appendingPathComponent(name).path)
        }
        if let cached, cached.stamps == stamps { return cached }
        do {
            return CachedTemplates(stamps: stamps, set: try TemplateSet(folder: folder, displayFolder: display))
        } catch {
            diagnostics.append(contentsOf: error.diagnostics)
            return nil
        }
    }

    /// Every page body, in parallel; a body whose Markdown, page and link context are unchanged is reused.
    private static func renderBodies(site: Site, pages: SitePages, generatedSitePaths: Set<String>, context: Int,
                                     previous: [String: CachedBody], into cache: inout [String: CachedBody]?) -> [PageID: RenderedBody] {
        let transformer = PageTransformer(site: site, generatedSitePaths: generatedSitePaths,
                                          options: MarkdownOptions(allowsRawHTML: site.config.allowsRawHTML))
        let pageIDs = pages.markdownPages
        let rendered = pageIDs.parallelMap { page -> CachedBody in
            let source = site.source(of: page)
            let autolinks = pages.autolinksTerms(page)
            let inputs = CachedBody.Inputs(context: context, page: page, autolinksTerms: autolinks,
                                           bodyLineOffset: source.bodyLineOffset, body: source.body)
            if let cached = previous[source.contentPath], cached.inputs == inputs { return cached }
            let body = transformer.render(PageContext(source: source, page: page, autolinksTerms: autolinks))
            return CachedBody(inputs: inputs, rendered: body)
        }
        var bodies: [PageID: RenderedBody] = [:]
        bodies.reserveCapacity(pageIDs.count)
        for (page, entry) in zip(pageIDs, rendered) { bodies[page] = entry.rendered }
        if cache != nil {
            cache = Dictionary(zip(pageIDs.lazy.map { site.source(of: $0).contentPath }, rendered), uniquingKeysWith: { first, _ in first })
        }
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
                let hint = close.isEmpty ? "" : " (did you mean \(close.map { "#\($0)" }.joined(separator: ", "))?)"
                diagnostics.append(.error(site.source(of: page).path, line: check.line,
                                          "the link \"\(check.address)\" points at a heading that \(site.source(of: check.target).path) does not have\(hint)"))
            }
        }
        return diagnostics
    }

}
