import Foundation
@testable import HelhedCore
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// A killed build loses nothing: `helhed build` is killed with SIGKILL at random moments while it rebuilds a large site
/// into its existing output folder. Right after the kill, every file in `Public/` is complete (byte for byte the old or
/// the new version of that file); after the next `helhed` command of any kind (`check`, `markdown`, `new`), `Public/`
/// is exactly the complete old site or exactly the complete new one (every file and every byte, compared against
/// both), the new one whenever the killed build had journaled its change, and no staging folder is left.
///
/// Old and new differ in every generated file (site title and base URL change), so a mix would show, and the change
/// moves more than a thousand files into place. Kills are aimed at every phase: anywhere in the build; while writing
/// (after the staging folder appears, up to its measured length); and twice while the output folder is being changed
/// (from the moment the journal appears, a few milliseconds later at random). Seeded: set HELHED_KILL_SEED to repeat.
@Suite(.serialized) struct CrashSafetyTests {
    static let articleCount = 400
    static let iterations = 20

    typealias Manifest = [String: Data]

    static func manifest(of folder: URL) throws -> Manifest {
        var files: Manifest = [:]
        let base = folder.resolvingSymlinksInPath().path
        guard let enumerator = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: [.isRegularFileKey]) else { return [:] }
        for case let url as URL in enumerator where (try url.resourceValues(forKeys: [.isRegularFileKey])).isRegularFile == true {
            let path = url.resolvingSymlinksInPath().path
            files[String(path.dropFirst(base.count + 1))] = try Data(contentsOf: url)
        }
        return files
    }

    static func config(_ version: String) -> String {
        "title: Helhed \(version)\ndescription: Version \(version) af sitet.\nbase_url: https://example.org/\(version.lowercased())/\npublisher: Forlaget \(version)\n"
    }

    static func makeSite() throws -> URL {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("helhed-kill-\(UUID().uuidString)")
        let content = root.appendingPathComponent("Content")
        try FileManager.default.createDirectory(at: content.appendingPathComponent("artikler"), withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: content.appendingPathComponent("ordforklaringer"), withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: content.appendingPathComponent("billeder"), withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: CLITests.repository.appendingPathComponent("Templates"), to: root.appendingPathComponent("Templates"))
        try Data(config("Gammel").utf8).write(to: content.appendingPathComponent("site.yml"))
        try Data("<svg xmlns=\"http://www.w3.org/2000/svg\"/>".utf8).write(to: content.appendingPathComponent("billeder/kort.svg"))
        for term in 0..<10 {
            try Data("---\ntitle: begreb\(term)\nsummary: Forklaring af begreb \(term).\n---\n\nUddybning.\n".utf8)
                .write(to: content.appendingPathComponent("ordforklaringer/begreb\(term).md"))
        }
        let filler = String(repeating: "Lorem ipsum dolor sit amet, consectetur adipiscing elit. ", count: 12)
        for index in 0..<articleCount {
            let text = """
                ---
                title: Artikel nummer \(index)
                date: 2022-\(String(format: "%02d", index % 12 + 1))-\(String(format: "%02d", index % 28 + 1))
                kind: \(index % 3 == 0 ? "explainer" : "case")
                summary: Resumé af artikel \(index).
                tags: [emne\(index % 25), fælles]
                ---

                ## Baggrund

                Om begreb\(index % 10) og [[begreb\((index + 1) % 10)]]. \(filler)

                ## Resultater

                ![Kort](../billeder/kort.svg) \(filler)

                """
            try Data(text.utf8).write(to: content.appendingPathComponent("artikler/a\(index).md"))
        }
        return root
    }

    static func buildArguments(_ site: URL, output: String = "Public") -> [String] {
        ["build", "--quiet", "--content", site.appendingPathComponent("Content").path, "--templates", site.appendingPathComponent("Templates").path,
         "--output", site.appendingPathComponent(output).path]
    }

    static func leftovers(in site: URL, output: String = "Public") -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: site.path)) ?? []).filter { $0.hasPrefix(".\(output).helhed-") }.sorted()
    }

    /// Runs a build to the end, noting when its staging folder appeared.
    static func timedBuild(_ site: URL, output: String) throws -> (total: Double, untilStaging: Double) {
        let start = Date()
        let child = try ChildProcess.start(CLITests.binary, buildArguments(site, output: output))
        let staging = site.appendingPathComponent(".\(output).helhed-\(child.pid)").path
        var untilStaging: Double?
        while !child.hasExited() {
            if untilStaging == nil, FileManager.default.fileExists(atPath: staging) { untilStaging = Date().timeIntervalSince(start) }
            usleep(1_000)
        }
        let total = Date().timeIntervalSince(start)
        let exit = child.wait()
        #expect(exit.status == 0, "the build failed: \(exit.stderr)")
        return (total, untilStaging ?? total)
    }

    enum Outcome: String { case old, new }

    /// A command other than the killed build, run in the site's folder (so `Public/` is its default output folder).
    static func nextCommand(_ iteration: Int, _ site: URL) throws -> CLITests.Result {
        switch iteration % 3 {
        case 0: try CLITests.run(["check"], in: site)
        case 1: try CLITests.run(["markdown"], in: site, input: "*hej*")
        default: try CLITests.run(["new", "artikel", "Kladde \(iteration)"], in: site)  // a draft: the site stays the same
        }
    }

    @Test func aKilledBuildLeavesTheOldOrTheNewSiteAndNextBuildCleansUp() throws {
        let seed = ProcessInfo.processInfo.environment["HELHED_KILL_SEED"].flatMap { UInt64($0) } ?? 20_261_125
        var random = SeededGenerator(seed: seed)
        let site = try Self.makeSite()
        defer { try? FileManager.default.removeItem(at: site) }
        let siteYML = site.appendingPathComponent("Content/site.yml")

        // The two complete sites, built to the end, and how long a build and its writing phase take here.
        try Data(Self.config("Ny").utf8).write(to: siteYML)
        let newTiming = try Self.timedBuild(site, output: "Ny")
        let newSite = try Self.manifest(of: site.appendingPathComponent("Ny"))
        try FileManager.default.removeItem(at: site.appendingPathComponent("Ny"))
        try Data(Self.config("Gammel").utf8).write(to: siteYML)
        let oldTiming = try Self.timedBuild(site, output: "Public")
        let oldSite = try Self.manifest(of: site.appendingPathComponent("Public"))
        #expect(oldSite.count > Self.articleCount && oldSite.count == newSite.count)
        let differing = oldSite.keys.filter { oldSite[$0] != newSite[$0] }
        let identical = Set(oldSite.keys).subtracting(differing).sorted()
        // Copied files, and the search index's shards and fragments (named by their contents, like the assets).
        #expect(identical.allSatisfy { ["assets/", "billeder/", "soeg/t/", "soeg/r/"].contains(where: $0.hasPrefix) },
                "only copied and content-named files are the same in both: \(identical)")
        let buildTime = max(oldTiming.total, newTiming.total)
        let writeTime = max(oldTiming.total - oldTiming.untilStaging, newTiming.total - newTiming.untilStaging, 0.02)
        print(String(format: "kill test: seed %llu, %d files, build %.2f s, writing phase %.2f s", seed, oldSite.count, buildTime, writeTime))

        var current = Outcome.old
        var outcomes: [String: Int] = [:]
        var leftoversSeen = 0
        var journalsSeen = 0
        for iteration in 0..<Self.iterations {
            let target: Outcome = current == .old ? .new : .old
            let targetSite = target == .new ? newSite : oldSite
            try Data(Self.config(target == .new ? "Ny" : "Gammel").utf8).write(to: siteYML)
            let child = try ChildProcess.start(CLITests.binary, Self.buildArguments(site))
            let staging = site.appendingPathComponent(".Public.helhed-\(child.pid)").path
            let deadline = Date().addingTimeInterval(buildTime * 4 + 5)
            let phase: String
            switch iteration % 4 {
            case 0:
                phase = "anywhere"
                usleep(UInt32(Double.random(in: 0..<1, using: &random) * buildTime * 1.2 * 1_000_000))
            case 1:
                phase = "writing"
                while !FileManager.default.fileExists(atPath: staging), Date() < deadline, !child.hasExited() { usleep(300) }
                usleep(UInt32(Double.random(in: 0..<1, using: &random) * writeTime * 1.3 * 1_000_000))
            default:
                phase = "changing Public/"
                let journal = staging + "/" + OutputJournal.fileName
                while !FileManager.default.fileExists(atPath: journal), Date() < deadline, !child.hasExited() { usleep(50) }
                usleep(UInt32(Double.random(in: 0..<1, using: &random) * 0.01 * 1_000_000))
            }
            child.kill()
            let exit = child.wait()
            let finished = exit.signal == nil

            // Right after the kill: only complete files, each the old or the new version.
            let killed = try Self.manifest(of: site.appendingPathComponent("Public"))
            let broken = killed.keys.filter { killed[$0] != oldSite[$0] && killed[$0] != newSite[$0] }
            #expect(broken.isEmpty, "iteration \(iteration) (seed \(seed)): files neither old nor new after the kill: \(broken.sorted().prefix(5))")
            let leftover = Self.leftovers(in: site)
            #expect(leftover.count <= 1, "leftovers pile up: \(leftover)")
            leftoversSeen += leftover.count
            let journaled = leftover.contains {
                FileManager.default.fileExists(atPath: site.appendingPathComponent($0).appendingPathComponent(OutputJournal.fileName).path)
            }
            if journaled { journalsSeen += 1 }

            // The next command of any kind finishes the change first.
            let next = try Self.nextCommand(iteration, site)
            #expect(next.status == 0, "\(next.stderr)")
            #expect(Self.leftovers(in: site).isEmpty, "the next command removes the leftover")
            let published = try Self.manifest(of: site.appendingPathComponent("Public"))
            let outcome: Outcome? = published == oldSite ? .old : published == newSite ? .new : nil
            let mixed = published.keys.filter { published[$0] != oldSite[$0] && published[$0] != newSite[$0] }.count
            #expect(outcome != nil, """
                iteration \(iteration) (seed \(seed)): after the next command Public/ is neither the old nor the new site: \
                \(published.count) files, \(mixed) match neither, \
                \(published.keys.filter { published[$0] == oldSite[$0] && oldSite[$0] != newSite[$0] }.count) old, \
                \(published.keys.filter { published[$0] == newSite[$0] && oldSite[$0] != newSite[$0] }.count) new
                """)
            if journaled || finished { #expect(published == targetSite, "iteration \(iteration): a journaled change is finished") }
            let key = "\(phase) → \(outcome?.rawValue ?? "MIXED")\(finished ? " (finished before the kill)" : "")\(journaled ? " (finished from the journal)" : leftover.isEmpty ? "" : " + leftover")"
            outcomes[key, default: 0] += 1
            if let outcome { current = outcome }
        }
        print("kill test outcomes: " + outcomes.sorted { $0.key < $1.key }.map { "\($0.key): \($0.value)" }.joined(separator: ", "))
        #expect(journalsSeen > 0, "no kill landed while Public/ was being changed")

        // Make sure a leftover exists, then let one build run to the end: it removes every leftover.
        var attempts = 0
        while Self.leftovers(in: site).isEmpty && attempts < 10 {
            let child = try ChildProcess.start(CLITests.binary, Self.buildArguments(site))
            let staging = site.appendingPathComponent(".Public.helhed-\(child.pid)").path
            while !FileManager.default.fileExists(atPath: staging), !child.hasExited() { usleep(200) }
            child.kill()
            _ = child.wait()
            attempts += 1
        }
        #expect(!Self.leftovers(in: site).isEmpty, "could not leave a leftover to clean up")
        let final = try ChildProcess.run(CLITests.binary, Self.buildArguments(site))
        #expect(final.status == 0, "\(final.stderr)")
        #expect(Self.leftovers(in: site).isEmpty, "the next build removes the leftovers of killed builds")
        let expected = try String(contentsOf: siteYML, encoding: .utf8).contains("Ny") ? newSite : oldSite
        #expect(try Self.manifest(of: site.appendingPathComponent("Public")) == expected)
        print("kill test: \(leftoversSeen) leftovers seen after kills (\(journalsSeen) with a journal), all finished or removed by the next command")
    }
}
