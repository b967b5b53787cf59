/// The build, stage by stage: load the sources with their front matter → index the site (every address and term
/// known before anything is rendered) → pictures (variants through the cache) → Markdown bodies → pages → publishing files → output. Each stage owns its
/// memo; the last stages hand finished files to an output sink. `helhed build` and `check` run it once with the
/// memos disabled; `helhed serve` keeps one pipeline and runs it again after every save.
final class BuildPipeline: @unchecked Sendable {
    // @unchecked: the memos are used by one run at a time (`IncrementalBuild` serialises its runs).
    let options: BuildOptions
    private let memo: PipelineMemo

    private let pictureMaker: PictureMaker

    init(options: BuildOptions, remembers: Bool) {
        self.options = options
        memo = PipelineMemo(enabled: remembers)
        pictureMaker = PictureMaker(cache: PictureCache(projectRoot: options.projectFolder))
    }

    /// Runs every stage that the problems found so far allow, and commits the sink only when there are no errors.
    func run(into sink: any OutputSink) -> BuildRun {
        var run = BuildRun()
        let templateLoading = Concurrently { [options, memo] in Theme.loadTemplates(options, memo: memo.templates) }
        let loader = ContentLoader(root: options.contentFolder, displayRoot: options.displayName(options.contentFolder))
        let content = loader.load(memo: memo.sources, into: &run.problems)
        let templateSet = templateLoading.value
        if case .failure(let failure) = templateSet { run.problems.append(contentsOf: failure.diagnostics) }
        guard let content else { return finish(run, sink) }
        let record = AddressRecord.read(contentFolder: options.contentFolder, displayPath: loader.displayPath(AddressRecord.fileName),
                                        memo: memo.addressRecord, into: &run.problems)
        let site = Site.assemble(content, options: options.site, matcherMemo: memo.termMatcher, into: &run.problems)
        let pages = SitePages(site: site, fingerprintingLinkContext: memo.isEnabled)
        let redirects = Redirects.resolve(record: record, pages: pages, recordPath: loader.displayPath(AddressRecord.fileName), into: &run.problems)
        run.redirects = redirects
        let pictures = PictureStage(pages: pages, maker: pictureMaker, memo: memo.pictures).make(into: &run.problems)
        let bodies = MarkdownStage(pages: pages, pictures: pictures, memo: memo.bodies).render(into: &run.problems)
        (run.site, run.bodies) = (site, bodies)
        guard case .success(let templates) = templateSet,
              let theme = makeTheme(templates, baseURL: site.baseURL, into: &run.problems), !run.problems.hasErrors else {
            return finish(run, sink)
        }
        let renderer = PageRenderer(pages: pages, bodies: bodies, redirects: redirects.all, pictures: pictures,
                                    templates: theme.templates, assets: theme.assets.urls, memo: memo.pages)
        // A `_redirects` of the editors' own is not copied: the build adds its redirects to it.
        let copied = pictures.publishedFiles(staticFiles: site.staticFiles.filter { !RedirectsFile.isHandWritten($0) },
                                              bodies: bodies.values, allOriginals: site.config.publishesOriginals)
        run.problems.append(contentsOf: Self.clashes(renderer.outputPaths, theme.assets.files + copied, loader: loader))
        guard !run.problems.hasErrors else { return finish(run, sink) }
        do throws(BuildFailure) {
            (run.pageCount, run.renderedPageCount) = try renderer.render(memo: memo.pages, into: sink)
            try PublishingFiles.write(pages: pages, bodies: bodies, redirects: redirects.all, memo: memo.publishing, into: sink)
            try sink.write(theme.assets.files + copied)
            run.copiedFileCount = theme.assets.files.count + copied.count
        } catch {
            run.problems.append(contentsOf: error.diagnostics)
        }
        return finish(run, sink)
    }

    private func makeTheme(_ templates: TemplateSet, baseURL: BaseURL, into problems: inout Diagnostics) -> Theme? {
        do throws(BuildFailure) {
            return try Theme(templates: templates, options: options, baseURL: baseURL)
        } catch {
            problems.append(contentsOf: error.diagnostics)
            return nil
        }
    }

    /// Commits the sink and the memos after a run without errors; otherwise the output and the memos stay as the
    /// last good run left them.
    private func finish(_ run: BuildRun, _ sink: any OutputSink) -> BuildRun {
        var run = run
        if !run.problems.hasErrors {
            do throws(BuildFailure) {
                try sink.commit()
                memo.commit()
                return run
            } catch {
                run.problems.append(contentsOf: error.diagnostics)
            }
        }
        sink.discard()
        memo.discard()
        return run
    }

    /// A copied file that would overwrite a page or file the build generates.
    private static func clashes(_ pagePaths: [String], _ files: [OutputFile], loader: ContentLoader) -> [Diagnostic] {
        var paths: Set<String> = []
        let clashes = (pagePaths + PublishingFiles.paths + files.map(\.path)).filter { !paths.insert($0).inserted }
        return clashes.min().map { clash in
            [.error(loader.displayPath(clash), .fileClashesWithPage, ["path": clash])]
        } ?? []
    }
}

/// What one run of the pipeline made and found.
struct BuildRun: Sendable {
    var problems = Diagnostics()
    /// The published site and its bodies, as far as the run got (the content checks of `helhed check` read them).
    var site: Site?
    var bodies: [PageID: RenderedBody] = [:]
    /// Old addresses and the record of published addresses as this run leaves it; `helhed build` writes the record
    /// after a successful run.
    var redirects: Redirects?
    var pageCount = 0
    /// Pages rendered through the templates in this run (the others were reused from the memo).
    var renderedPageCount = 0
    var copiedFileCount = 0
}

/// One memo per stage.
struct PipelineMemo: Sendable {
    let isEnabled: Bool
    let templates: TemplateMemo
    let sources: SourceMemo
    let termMatcher: TermMatcherMemo
    let addressRecord: AddressRecordMemo
    let pictures: PictureMemo
    let bodies: BodyMemo
    let pages: PageMemo
    let publishing: PublishingMemo

    init(enabled: Bool) {
        isEnabled = enabled
        templates = TemplateMemo(enabled: enabled)
        sources = SourceMemo(enabled: enabled)
        termMatcher = TermMatcherMemo(enabled: enabled)
        addressRecord = AddressRecordMemo(enabled: enabled)
        pictures = PictureMemo(enabled: enabled)
        bodies = BodyMemo(enabled: enabled)
        pages = PageMemo(enabled: enabled)
        publishing = PublishingMemo(enabled: enabled)
    }

    func commit() {
        templates.commit(); sources.commit(); termMatcher.commit(); addressRecord.commit(); pictures.commit(); bodies.commit(); pages.commit(); publishing.commit()
    }

    func discard() {
        templates.discard(); sources.discard(); termMatcher.discard(); addressRecord.discard(); pictures.discard(); bodies.discard(); pages.discard(); publishing.discard()
    }
}
