import Foundation

/// What `helhed build` reports when it is done.
public struct BuildReport: Sendable {
    public let pageCount: Int
    public let articleCount: Int
    public let termCount: Int
    public let copiedFileCount: Int
    public let milliseconds: Int
    public let warnings: [Diagnostic]

    public var summary: String {
        "Built \(pageCount) pages (\(articleCount) articles, \(termCount) terms), copied \(copiedFileCount) files in \(milliseconds) ms"
    }
}

/// `helhed build`: generate the site, then write it.
public enum SiteBuilder {
    public static func build(_ options: BuildOptions) throws(BuildFailure) -> BuildReport {
        let start = DispatchTime.now()
        let generated = try SiteGenerator.generate(options)
        try OutputWriter.write(generated.files, to: options.outputFolder, displayName: options.displayName(options.outputFolder))
        let elapsed = Int((DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1_000_000)
        return BuildReport(pageCount: generated.pageCount, articleCount: generated.site.articles.count, termCount: generated.site.terms.count,
                           copiedFileCount: generated.copiedFileCount, milliseconds: elapsed, warnings: generated.warnings)
    }
}
