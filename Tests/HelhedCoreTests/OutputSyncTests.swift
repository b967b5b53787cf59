import Foundation
import Testing
@testable import HelhedCore
#if canImport(Glibc)
import Glibc
#endif

/// A build into an existing output folder writes only what changed, on real files: unchanged files keep their inode and
/// times, and whatever state the output folder is in, it ends equal to a full build into an empty folder.
@Suite struct OutputSyncTests {
    /// Every entry of a folder (files and folders), with its inode, modification and change times in nanoseconds.
    struct Entry: Equatable, CustomStringConvertible {
        let inode: UInt64
        let modified: Int
        let changed: Int
        var description: String { "inode \(inode), mtime \(modified), ctime \(changed)" }
    }

    static func entries(of folder: URL) -> [String: Entry] {
        guard let enumerator = FileManager.default.enumerator(atPath: folder.path) else { return [:] }
        var entries: [String: Entry] = [:]
        while let path = enumerator.nextObject() as? String {
            var info = stat()
            guard lstat(folder.appendingPathComponent(path).path, &info) == 0 else { continue }
            entries[path] = Entry(inode: UInt64(info.st_ino),
                                  modified: info.st_mtim.tv_sec * 1_000_000_000 + info.st_mtim.tv_nsec,
                                  changed: info.st_ctim.tv_sec * 1_000_000_000 + info.st_ctim.tv_nsec)
        }
        return entries
    }

    static func contents(of folder: URL) throws -> [String: Data] {
        var files: [String: Data] = [:]
        for path in FixtureSite.files(under: folder) { files[path] = try Data(contentsOf: folder.appendingPathComponent(path)) }
        return files
    }

    /// Folders of the tree, so that an empty folder left behind shows.
    static func folders(of folder: URL) -> [String] {
        let files = Set(FixtureSite.files(under: folder))
        return entries(of: folder).keys.filter { !files.contains($0) }.sorted()
    }

    /// Asserts that `site`'s output is exactly what a full build into a new, empty folder makes: every file and byte,
    /// and no other file or folder.
    static func expectEqualToAFullBuild(_ site: FixtureSite, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let fresh = site.url("Fresh")
        try? FileManager.default.removeItem(at: fresh)
        var options = site.options()
        options.outputFolder = fresh
        _ = try SiteBuilder.build(options)
        #expect(try contents(of: site.output) == contents(of: fresh), sourceLocation: sourceLocation)
        #expect(folders(of: site.output) == folders(of: fresh), sourceLocation: sourceLocation)
        try FileManager.default.removeItem(at: fresh)
    }

    static func leftovers(_ site: FixtureSite) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: site.root.path).filter { $0.contains(".helhed-") }
    }

    @Test func aBuildWithNoChangeWritesNothing() throws {
        let site = try BuildTests.smallSite()
        try site.build()
        let before = Self.entries(of: site.output)
        #expect(before.count > 30)
        try site.build()
        let after = Self.entries(of: site.output)
        #expect(after.keys.sorted() == before.keys.sorted())
        for (path, entry) in before where after[path] != entry {
            Issue.record("\(path) was touched: \(entry) became \(after[path].map(\.description) ?? "missing")")
        }
        #expect(try Self.leftovers(site).isEmpty)
    }

    @Test func editingOneArticleRewritesExactlyTheFilesWhoseBytesChanged() throws {
        let site = try BuildTests.smallSite()
        try site.build()
        let before = Self.entries(of: site.output)
        let oldBytes = try Self.contents(of: site.output)
        try site.write("Content/artikler/kolding.md", Page.article(title: "Kolding", date: "2022-09-05", tags: ["samarbejde", "helhedsplaner"],
                                                                  body: "Tilbage til [forklaringen](forklaring.md). En ny sætning."))
        try site.build()
        let after = Self.entries(of: site.output)
        let newBytes = try Self.contents(of: site.output)
        // Files named by their content (the search index's pieces) may be replaced by others: the old ones go.
        let gone = Set(oldBytes.keys).subtracting(newBytes.keys)
        #expect(gone.allSatisfy { $0.hasPrefix("soeg/") } && !after.keys.contains { gone.contains($0) }, "\(gone.sorted())")
        let differing = Set(newBytes.keys.filter { oldBytes[$0] != newBytes[$0] })
        let rewritten = Set(newBytes.keys.filter { before[$0] != after[$0] })
        #expect(rewritten == differing, "rewritten: \(rewritten.sorted()); whose bytes changed or are new: \(differing.sorted())")
        #expect(rewritten.contains("artikler/kolding/index.html"))
        #expect(!rewritten.contains("artikler/bystrategisk-udsyn/index.html"))
        #expect(!rewritten.contains("ordforklaringer/landsbyggefonden/index.html"))
        #expect(rewritten.count < newBytes.count / 2, "\(rewritten.count) of \(newBytes.count) files rewritten")
        try Self.expectEqualToAFullBuild(site)
    }

    @Test func aHandEditedOutputFolderIsRepaired() throws {
        let site = try BuildTests.smallSite()
        try site.write("Content/filer/r\u{E5}d.pdf", "%PDF råd")
        try site.build()
        let output = site.output
        // Same length, other bytes: only a comparison of the bytes sees it.
        var page = try Data(contentsOf: output.appendingPathComponent("index.html"))
        page[page.count / 2] ^= 0x20
        try page.write(to: output.appendingPathComponent("index.html"))
        try Data("noget andet".utf8).write(to: output.appendingPathComponent("sitemap.xml"))
        try FileManager.default.removeItem(at: output.appendingPathComponent("artikler/kolding/index.html"))
        try FileManager.default.removeItem(at: output.appendingPathComponent("billeder"))
        // Things a build never makes: a stray file, an empty folder tree, a folder where a file goes, a file where a
        // folder goes, a symbolic link (to a folder holding a file equal to one of the site's).
        try Data("x".utf8).write(to: output.appendingPathComponent("artikler/gammel.html"))
        // A name that differs from one of the site's only in Unicode normalization is another file.
        let decomposed = output.path + "/filer/ra\u{30A}d.pdf"
        let descriptor = creat(decomposed, 0o644)
        #expect(descriptor >= 0)
        close(descriptor)
        try FileManager.default.createDirectory(at: output.appendingPathComponent("tom/og/tommere"), withIntermediateDirectories: true)
        try FileManager.default.removeItem(at: output.appendingPathComponent("404.html"))
        try FileManager.default.createDirectory(at: output.appendingPathComponent("404.html/indeni"), withIntermediateDirectories: true)
        try FileManager.default.removeItem(at: output.appendingPathComponent("emner"))
        try Data("ikke en mappe".utf8).write(to: output.appendingPathComponent("emner"))
        let linked = site.url("Andetsteds/udsyn")
        try FileManager.default.createDirectory(at: linked, withIntermediateDirectories: true)
        try FileManager.default.moveItem(at: output.appendingPathComponent("artikler/bystrategisk-udsyn/index.html"),
                                         to: linked.appendingPathComponent("index.html"))
        try FileManager.default.removeItem(at: output.appendingPathComponent("artikler/bystrategisk-udsyn"))
        try FileManager.default.createSymbolicLink(at: output.appendingPathComponent("artikler/bystrategisk-udsyn"), withDestinationURL: linked)

        try site.build()
        try Self.expectEqualToAFullBuild(site)
        #expect(access(decomposed, F_OK) != 0, "the decomposed name is removed")
        #expect(access(output.path + "/filer/r\u{E5}d.pdf", F_OK) == 0)
        var info = stat()
        #expect(lstat(output.appendingPathComponent("artikler/bystrategisk-udsyn").path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR)
        #expect(FileManager.default.fileExists(atPath: linked.appendingPathComponent("index.html").path), "nothing outside the output folder is touched")
        #expect(try Self.leftovers(site).isEmpty)
    }

    @Test func aRemovedArticleTakesItsPageAndEmptyFoldersWithIt() throws {
        let site = try BuildTests.smallSite()
        try site.build()
        #expect(site.exists("artikler/bystrategisk-udsyn/index.html"))
        try site.remove("Content/artikler/udsyn.md")
        try site.build()
        #expect(!site.exists("artikler/bystrategisk-udsyn"), "the page and its folder are gone")
        try Self.expectEqualToAFullBuild(site)
    }

    @Test func theJournalIsReadBackAsWrittenAndCarryingItOutTwiceChangesNothingMore() throws {
        let site = try FixtureSite(config: nil, copyTemplates: false)
        let output = site.url("Public")
        let staging = site.url(".Public.helhed-1")
        try site.write("Public/gammel/side.html", "gammel")
        try site.write("Public/bliver.html", "før")
        try site.write("Public/rest/tom/.keep", "")
        try site.write(".Public.helhed-1/site/bliver.html", "efter")
        try site.write(".Public.helhed-1/site/ny/mappe/side.html", "ny")
        let plan = OutputPlan(tree: OutputTree.read(output.path), produced: [ExactPath("bliver.html"), ExactPath("ny/mappe/side.html")],
                              staged: ["ny/mappe/side.html", "bliver.html"])
        #expect(plan == OutputPlan(deletions: ["gammel/side.html", "rest/tom/.keep"], folderRemovals: ["rest/tom", "rest", "gammel"],
                                   moves: ["bliver.html", "ny/mappe/side.html"]))
        let journal = OutputJournal(plan: plan)
        try journal.write(into: staging.path)
        #expect(try OutputJournal.read(from: staging.path) == journal)
        try journal.carryOut(staging: staging.path, output: output.path)
        let once = try Self.contents(of: output)
        try journal.carryOut(staging: staging.path, output: output.path)
        #expect(try Self.contents(of: output) == once)
        #expect(once == ["bliver.html": Data("efter".utf8), "ny/mappe/side.html": Data("ny".utf8)])
        #expect(Self.folders(of: output) == ["ny", "ny/mappe"])
    }

    /// What a build killed right after writing its journal leaves: the next command finishes the change.
    @Test func anInterruptedChangeIsFinishedByTheNextCommand() throws {
        let site = try BuildTests.smallSite()
        try site.build()
        try site.write("Content/artikler/kolding.md", Page.article(title: "Kolding", date: "2022-09-05", body: "Ny tekst."))
        // The change as a killed build leaves it: staged files and a journal, part of it carried out.
        let generated = try site.generate()
        let staging = site.url(".Public.helhed-999999999")
        let produced = Set(generated.files.map { ExactPath($0.path) })
        let staged = generated.files.filter { !OutputComparison.file(at: site.output.path + "/" + $0.path, holds: $0) }
        try FileManager.default.createDirectory(at: staging.appendingPathComponent("site"), withIntermediateDirectories: true)
        try OutputWriter.writeFiles(staged, into: staging.appendingPathComponent("site"))
        let plan = OutputPlan(tree: OutputTree.read(site.output.path), produced: produced, staged: staged.map(\.path))
        #expect(!plan.deletions.isEmpty && !plan.moves.isEmpty)
        try OutputJournal(plan: plan).write(into: staging.path)
        var half = plan
        half.moves = Array(plan.moves.prefix(plan.moves.count / 2))
        try OutputJournal(plan: half).carryOut(staging: staging.path, output: site.output.path)

        #expect(OutputRecovery.finishInterruptedChanges(of: site.output) == nil)
        #expect(try Self.leftovers(site).isEmpty)
        #expect(try Self.contents(of: site.output) == Dictionary(uniqueKeysWithValues: generated.files.map { ($0.path, try $0.data()) }))
        try Self.expectEqualToAFullBuild(site)
    }
}
