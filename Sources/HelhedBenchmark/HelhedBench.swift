import ArgumentParser
import Foundation
import HelhedCore

/// The benchmark's helper: makes the synthetic corpus and measures the rebuild after an edit. `scripts/benchmark.sh`
/// drives it together with `helhed build`, Hugo and cmark.
@main
struct HelhedBench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "helhed-bench",
        abstract: "Benchmark helper: generate a synthetic Danish corpus, measure rebuilds after an edit.",
        subcommands: [MakeCorpus.self, MeasureRebuild.self]
    )
}

struct MakeCorpus: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "corpus",
        abstract: "Write N articles and N/10 terms as a Helhed site, an equivalent Hugo site and cmark inputs."
    )

    @Option(help: "How many articles.")
    var articles: Int

    @Option(help: "The folder to (re)create: helhed/Content, hugo/, cmark/.")
    var output: String

    func run() throws {
        let corpus = Corpus(articleCount: articles)
        try CorpusWriter(corpus: corpus, folder: URL(fileURLWithPath: output)).writeAll()
        let bytes = corpus.articles.reduce(0) { $0 + $1.body.utf8.count } + corpus.terms.reduce(0) { $0 + $1.body.utf8.count }
        print("\(corpus.articles.count) articles, \(corpus.terms.count) terms, \(bytes) bytes of Markdown bodies in \(output)")
    }
}

struct MeasureRebuild: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rebuild",
        abstract: "Build a site in memory once, then edit one article and rebuild, several times; prints JSON (milliseconds)."
    )

    @Option(help: "The content folder (one article in it is edited and restored afterwards).")
    var content: String

    @Option(help: "The templates folder.")
    var templates = "Templates"

    @Option(help: "The article to edit, inside the content folder.")
    var article = "artikler/artikel-00500.md"

    @Option(help: "How many edits.")
    var runs = 20

    func run() throws {
        let current = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        let contentURL = URL(fileURLWithPath: content, relativeTo: current)
        let options = BuildOptions(contentFolder: contentURL, templatesFolder: URL(fileURLWithPath: templates, relativeTo: current),
                                   outputFolder: current.appendingPathComponent(".benchmark/unused-output"))
        let result = try RebuildBenchmark(options: options, articleURL: contentURL.appendingPathComponent(article), runs: runs).run()
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        print(String(decoding: try encoder.encode(result), as: UTF8.self))
    }
}
