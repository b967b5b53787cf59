import Foundation

/// What `helhed build` reports when it is done.
public struct BuildReport: Sendable {
    public let pageCount: Int
    public let articleCount: Int
    public let termCount: Int
    public let copiedFileCount: Int
    public let milliseconds: Int
    public let warnings: [Diagnostic]
    /// The site as generated, kept with the report: a process that exits right after the build (`helhed build`) can
    /// leave its memory to the system instead of freeing a large site's objects one by one.
    public let generated: GeneratedSite

    public var summary: String {
        "Built \(pageCount) pages (\(articleCount) articles, \(termCount) terms), copied \(copiedFileCount) files in \(milliseconds) ms"
    }
}

/// `helhed build`: generate the site, then write it.
public enum SiteBuilder {
    public static func build(_ options: BuildOptions) throws(BuildFailure) -> BuildReport {
        let start = DispatchTime.now()
        let outputDisplay = options.displayName(options.outputFolder)
        let overlaps = OutputWriter.overlapProblems(output: options.outputFolder, sources: [
            (options.contentFolder, "content"), (options.templatesFolder, "templates"),
        ], displayName: outputDisplay)
        // Pages are written to the staging folder while the rest renders (see `SiteGenerator.generate`), unless the
        // output folder is one that must not be written at all.
        let staged = StagedOutput(output: options.outputFolder, displayName: outputDisplay)
        let generated: GeneratedSite
        do {
            generated = try SiteGenerator.generate(options, streamingTo: overlaps.isEmpty ? staged : nil)
        } catch {
            staged.discard()
            throw BuildFailure((overlaps + error.diagnostics).sorted())
        }
        guard overlaps.isEmpty else { throw BuildFailure((overlaps + generated.warnings).sorted()) }
        do {
            try staged.commit()
        } catch {
            staged.discard()
            throw error
        }
        let elapsed = Int((DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1_000_000)
        return BuildReport(pageCount: generated.pageCount, articleCount: generated.site.articles.count, termCount: generated.site.terms.count,
                           copiedFileCount: generated.copiedFileCount, milliseconds: elapsed, warnings: generated.warnings,
                           generated: generated)
    }
}
