import Foundation
import HelhedCore

/// "Edit one article, rebuild, know what changed": what `helhed serve` does between a save and telling the browser to
/// reload, minus the file watcher's debounce (a fixed wait, not work). Measured in process, on the in-memory site.
struct RebuildBenchmark {
    let options: BuildOptions
    /// The article that is edited, inside the content folder.
    let articleURL: URL
    let runs: Int

    struct Result: Encodable {
        /// Full regeneration (an `IncrementalBuild` that remembers nothing) plus finding the changed files, one entry per run.
        var fullMilliseconds: [Double] = []
        /// The incremental rebuild (see `IncrementalRebuild`, including its own change detection), one entry per run.
        var incrementalMilliseconds: [Double] = []
        /// Whether `IncrementalRebuild` calls the core's incremental generator (it fell back to full regeneration before).
        var incrementalIsWired = IncrementalRebuild.isWired
        var initialBuildMilliseconds: Double = 0
        var fileCount = 0
        /// How many output files changed after each edit (the same for both rebuilders, or the benchmark fails).
        var changedFiles: [Int] = []
    }

    func run() throws -> Result {
        let original = try Data(contentsOf: articleURL)
        defer { try? original.write(to: articleURL) }
        var result = Result()

        let start = DispatchTime.now()
        let full = IncrementalBuild(options: options, remembers: false)
        result.fileCount = try full.rebuild().files.count
        result.initialBuildMilliseconds = Self.milliseconds(since: start)
        var incremental = try IncrementalRebuild(options: options)

        let text = String(decoding: original, as: UTF8.self)
        for run in 1...runs {
            // A real edit every time: a sentence that names the run, so the page's bytes differ from the last run's.
            try Data((text + "\nRedigeret i kørsel \(run): Beboerne har styrket fællesskabet i afdelingen.\n").utf8).write(to: articleURL)

            let fullStart = DispatchTime.now()
            let fullChanged = Set(try full.rebuild().change.all)
            result.fullMilliseconds.append(Self.milliseconds(since: fullStart))

            let incrementalStart = DispatchTime.now()
            let incrementalChanged = try incremental.rebuild()
            result.incrementalMilliseconds.append(Self.milliseconds(since: incrementalStart))

            guard fullChanged == incrementalChanged, !fullChanged.isEmpty else {
                throw BenchmarkError("run \(run): the full rebuild changed \(fullChanged.sorted()), the incremental one \(incrementalChanged.sorted())")
            }
            result.changedFiles.append(fullChanged.count)
        }
        return result
    }

    static func milliseconds(since start: DispatchTime) -> Double {
        Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1_000_000
    }
}

// ─────────────────────────────────────────────────────────────────────────────────────────────────────────────────
// INCREMENTAL SEAM: the one place where the benchmark calls the core's incremental rebuild — `IncrementalBuild`, as
// `helhed serve` uses it. It says which files changed (`change`), which is what serve sends reloads for.
// ─────────────────────────────────────────────────────────────────────────────────────────────────────────────────
struct IncrementalRebuild {
    static let isWired = true
    private let generator: IncrementalBuild

    /// Makes the generator and runs its first (full) build, as `serve` does before any edit.
    init(options: BuildOptions) throws {
        generator = IncrementalBuild(options: options)
        _ = try generator.rebuild()
    }

    /// The paths whose bytes changed with the latest edits.
    mutating func rebuild() throws -> Set<String> {
        Set(try generator.rebuild().change.all)
    }
}

struct BenchmarkError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
