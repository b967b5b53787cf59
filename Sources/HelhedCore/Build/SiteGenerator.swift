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
        var diagnostics = Diagnostics()
        let templatesDisplay = options.displayName(options.templatesFolder)

        var templates: TemplateSet?
        do {
            templates = try TemplateSet(folder: options.templatesFolder, displayFolder: templatesDisplay)
        } catch {
            diagnostics.append(contentsOf: error.diagnostics)
        }

        let loader = ContentLoader(root: options.contentFolder, displayRoot: options.displayName(options.contentFolder))
        guard let content = loader.load(into: &diagnostics) else { throw BuildFailure(diagnostics.sorted) }
        let site = Site.assemble(content, options: options.site, into: &diagnostics)

        var assets: ThemeAssets?
        do {
            assets = try ThemeAssets(templatesFolder: options.templatesFolder, displayFolder: templatesDisplay, baseURL: site.baseURL)
        } catch {
            diagnostics.append(contentsOf: error.diagnostics)
        }

        let pages = SitePages(site: site)
        let transformer = PageTransformer(site: site, generatedSitePaths: pages.generatedSitePaths,
                                          options: MarkdownOptions(allowsRawHTML: site.config.allowsRawHTML))
        let pageIDs = pages.markdownPages
        let rendered = pageIDs.parallelMap { page in
            transformer.render(PageContext(source: site.source(of: page), page: page, autolinksTerms: pages.autolinksTerms(page)))
        }
        var bodies: [PageID: RenderedBody] = [:]
        for (page, body) in zip(pageIDs, rendered) {
            bodies[page] = body
            diagnostics.append(contentsOf: body.diagnostics)
        }
        diagnostics.append(contentsOf: checkFragments(bodies, site: site))

        guard let templates, let assets, !diagnostics.hasErrors else { throw BuildFailure(diagnostics.sorted) }

        let renderer = PageRenderer(site: site, pages: pages, bodies: bodies, templates: templates, assets: assets.urls)
        let copied = site.staticFiles.map { OutputFile(path: $0.sitePath, contents: .copy($0.source)) }
        let paths = (renderer.outputPaths + PublishingFiles.paths + (assets.files + copied).map(\.path)).sorted()
        if let clash = zip(paths, paths.dropFirst()).first(where: { $0 == $1 })?.0 {
            throw BuildFailure([.error(loader.displayPath(clash), "this file would overwrite a page the build generates at /\(clash); rename it")])
        }

        var kept: [OutputFile] = []
        var pageCount = 0
        func emit(_ files: [OutputFile]) throws(BuildFailure) {
            if let staged { try staged.write(files) } else { kept += files }
        }
        try renderer.renderAll(inBatchesOf: staged == nil ? .max : 512) { (batch) throws(BuildFailure) in
            pageCount += batch.count
            try emit(batch)
        }
        if let staged {
            try staged.writePieces(of: SitePages.feedPath) { (write) throws(BuildFailure) in
                try Feed.write(site: site, pages: pages, bodies: bodies, write)
            }
            try emit(PublishingFiles.makeAllButFeed(site: site, pages: pages, bodies: bodies))
        } else {
            try emit(PublishingFiles.make(site: site, pages: pages, bodies: bodies))
        }
        try emit(assets.files + copied)
        return GeneratedSite(site: site, files: kept.sorted { $0.path < $1.path }, bodies: bodies, warnings: diagnostics.sorted,
                             pageCount: pageCount, copiedFileCount: copied.count + assets.files.count)
    }

    /// `page.md#heading` links, checked once every page's heading ids are known.
    static func checkFragments(_ bodies: [PageID: RenderedBody], site: Site) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        var idsByPage: [PageID: Set<String>] = [:]
        for (page, body) in bodies { idsByPage[page] = Set(body.headings.map(\.id)) }
        for (page, body) in bodies {
            for check in body.fragmentChecks where !(idsByPage[check.target]?.contains(check.fragment) ?? false) {
                let ids = bodies[check.target]?.headings.map(\.id) ?? []
                let close = Suggestions.closest(to: check.fragment, among: ids)
                let hint = close.isEmpty ? "" : " (did you mean \(close.map { "#\($0)" }.joined(separator: ", "))?)"
                diagnostics.append(.error(site.source(of: page).path, line: check.line,
                                          "the link \"\(check.address)\" points at a heading that \(site.source(of: check.target).path) does not have\(hint)"))
            }
        }
        return diagnostics
    }

}
