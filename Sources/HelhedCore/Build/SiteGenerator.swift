import Foundation

/// A generated site, in memory: every output file, plus what the build learned on the way.
public struct GeneratedSite: Sendable {
    public let site: Site
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
    public static func generate(_ options: BuildOptions) throws(BuildFailure) -> GeneratedSite {
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
        let htmlFiles = renderer.renderAll()
        let copied = site.staticFiles.map { OutputFile(path: $0.sitePath, contents: .copy($0.source)) }
        let published = PublishingFiles.make(site: site, pages: pages, bodies: bodies)
        let files = (htmlFiles + published + assets.files + copied).sorted { $0.path < $1.path }
        if let clash = firstDuplicatePath(files) {
            throw BuildFailure([.error(loader.displayPath(clash), "this file would overwrite a page the build generates at /\(clash); rename it")])
        }
        return GeneratedSite(site: site, files: files, bodies: bodies, warnings: diagnostics.sorted,
                             pageCount: htmlFiles.count, copiedFileCount: copied.count + assets.files.count)
    }

    /// `page.md#heading` links, checked once every page's heading ids are known.
    static func checkFragments(_ bodies: [PageID: RenderedBody], site: Site) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        var idsByPage: [PageID: Set<String>] = [:]
        for (page, body) in bodies { idsByPage[page] = Set(body.headings.map(\.id)) }
        var hintsLeft = PageTransformer.hintsPerPage  // suggestions cost a look at every heading; keep them few
        for page in bodies.keys.sorted() {
            guard let body = bodies[page] else { continue }
            for check in body.fragmentChecks where !(idsByPage[check.target]?.contains(check.fragment) ?? false) {
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

    private static func firstDuplicatePath(_ sortedFiles: [OutputFile]) -> String? {
        zip(sortedFiles, sortedFiles.dropFirst()).first { $0.path == $1.path }?.0.path
    }
}
