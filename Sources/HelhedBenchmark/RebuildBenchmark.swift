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
        /// Full regeneration (`SiteGenerator.generate`) plus finding the changed files, one entry per run.
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
        let initial = try SiteGenerator.generate(options)
        result.initialBuildMilliseconds = Self.milliseconds(since: start)
        result.fileCount = initial.files.count

        var fullPrevious = ChangeDetector(initial.files)
        var incremental = try IncrementalRebuild(options: options)

        let text = String(decoding: original, as: UTF8.self)
        for run in 1...runs {
            // A real edit every time: a sentence that names the run, so the page's bytes differ from the last run's.
            try Data((text + "\nRedigeret i kørsel \(run): Beboerne har styrket fællesskabet i afdelingen.\n").utf8).write(to: articleURL)

            let fullStart = DispatchTime.now()
            let full = try SiteGenerator.generate(options)
            let fullChanged = fullPrevious.update(full.files)
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
// INCREMENTAL SEAM: the one place where the benchmark calls the core's incremental rebuild — `IncrementalGenerator`,
// as `helhed serve` uses it. It finds the changed files itself (`changedPaths`), which is what serve sends reloads for.
// ─────────────────────────────────────────────────────────────────────────────────────────────────────────────────
struct IncrementalRebuild {
    static let isWired = true
    private let generator: IncrementalGenerator

    /// Makes the generator and runs its first (full) build, as `serve` does before any edit.
    init(options: BuildOptions) throws {
        generator = IncrementalGenerator(options: options)
        _ = try generator.rebuild()
    }

    /// The paths whose bytes changed with the latest edits.
    mutating func rebuild() throws -> Set<String> {
        Set(try generator.rebuild().changedPaths)
    }
}

/// Finds the output files whose bytes changed since the previous rebuild, as the preview server does before it
/// decides which tabs to reload.
struct ChangeDetector {
    private var contents: [String: OutputFile.Contents]

    init(_ files: [OutputFile]) {
        contents = Dictionary(files.map { ($0.path, $0.contents) }, uniquingKeysWith: { first, _ in first })
    }

    mutating func update(_ files: [OutputFile]) -> Set<String> {
        var changed: Set<String> = []
        var next: [String: OutputFile.Contents] = [:]
        next.reserveCapacity(files.count)
        for file in files {
            if let old = contents[file.path] {
                if !Self.same(old, file.contents) { changed.insert(file.path) }
            } else {
                changed.insert(file.path)
            }
            next[file.path] = file.contents
        }
        for path in contents.keys where next[path] == nil { changed.insert(path) }
        contents = next
        return changed
    }

    /// Byte comparison; `String ==` would compare by Unicode canonical equivalence, which is slower and not what
    /// "did the file change" means.
    private static func same(_ lhs: OutputFile.Contents, _ rhs: OutputFile.Contents) -> Bool {
        switch (lhs, rhs) {
        case (.text(var a), .text(var b)):
            return a.withUTF8 { a in b.withUTF8 { b in a.count == b.count && (a.isEmpty || memcmp(a.baseAddress!, b.baseAddress!, a.count) == 0) } }
        default:
            return lhs == rhs
        }
    }
}

struct BenchmarkError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
