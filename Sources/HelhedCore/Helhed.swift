import Foundation

/// `helhed build`: run the pipeline once into the output folder.
public enum SiteBuilder {
    public static func build(_ options: BuildOptions) throws(BuildFailure) -> BuildReport {
        let start = DispatchTime.now()
        let outputDisplay = options.displayName(options.outputFolder)
        let overlaps = OutputWriter.overlapProblems(output: options.outputFolder, sources: [
            (options.contentFolder, "content"), (options.templatesFolder, "templates"),
        ], displayName: outputDisplay)
        // An output folder that may not be written is reported with the content's problems, and nothing is written.
        let sink: any OutputSink = overlaps.isEmpty ? DiskSink(output: options.outputFolder, displayName: outputDisplay) : DiscardingSink()
        var run = BuildPipeline(options: options, remembers: false).run(into: sink)
        run.problems.append(contentsOf: overlaps)
        guard !run.problems.hasErrors, let site = run.site else { throw BuildFailure(run.problems.sorted) }
        // Only a build that published its site records its addresses (`serve` and `check` never do), and only after
        // the output folder has the site. A record that cannot be written loses nothing: the next build finds the
        // same moves and writes it then.
        if let record = run.redirects?.record {
            do {
                try AddressRecord.write(record, contentFolder: options.contentFolder)
            } catch {
                let path = options.displayName(options.contentFolder.appendingPathComponent(AddressRecord.fileName))
                run.problems.append(.warning(path, "the site is built, but its record of published addresses could not be written (\((error as NSError).localizedDescription)); the next build records them"))
            }
        }
        let elapsed = Int((DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1_000_000)
        return BuildReport(pageCount: run.pageCount, articleCount: site.articles.count, termCount: site.terms.count,
                           copiedFileCount: run.copiedFileCount, milliseconds: elapsed, warnings: run.problems.sorted, run: run)
    }
}

/// What `helhed build` reports when it is done.
public struct BuildReport: Sendable {
    let pageCount: Int
    let articleCount: Int
    let termCount: Int
    let copiedFileCount: Int
    let milliseconds: Int
    public let warnings: [Diagnostic]
    /// The run, kept with the report: a process that exits right after the build (`helhed build`) can leave its
    /// memory to the system instead of freeing a large site's objects one by one.
    let run: BuildRun

    var summary: String { summary(in: .english) }

    public func summary(in language: MessageLanguage) -> String {
        Message(.buildSummary, ["pages": String(pageCount), "articles": String(articleCount), "terms": String(termCount),
                                "files": String(copiedFileCount), "milliseconds": String(milliseconds)]).rendered(in: language)
    }
}

/// A site generated in memory: every output file, plus what the build learned on the way (the tests' view of a build).
struct GeneratedSite: Sendable {
    let site: Site
    /// Every output file, sorted by path.
    let files: [OutputFile]
    let bodies: [PageID: RenderedBody]
    /// Warnings (errors make generation throw).
    let warnings: [Diagnostic]
    let pageCount: Int
    let copiedFileCount: Int
}

enum SiteGenerator {
    /// The whole site in memory, without touching the output folder.
    static func generate(_ options: BuildOptions) throws(BuildFailure) -> GeneratedSite {
        let sink = MemorySink()
        let run = BuildPipeline(options: options, remembers: false).run(into: sink)
        guard !run.problems.hasErrors, let site = run.site else { throw BuildFailure(run.problems.sorted) }
        return GeneratedSite(site: site, files: sink.sortedFiles, bodies: run.bodies, warnings: run.problems.sorted,
                             pageCount: run.pageCount, copiedFileCount: run.copiedFileCount)
    }
}
