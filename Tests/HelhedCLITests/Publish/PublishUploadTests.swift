import Foundation
import Testing
@testable import HelhedCore
#if canImport(Glibc)
import Glibc
#endif

/// Uploads through a real sshd and rsync on 127.0.0.1: the site arrives byte for byte, a web server serves it with
/// every link answering, later uploads send only what changed, a dry run changes nothing, and an interrupted upload
/// leaves the old site and is finished by the next one.
@Suite(.enabled(if: UploadTools.available, "needs sshd, ssh, ssh-keygen and rsync: apt-get install rsync openssh-client openssh-server"))
struct PublishUploadTests {
    @Test func uploadsTheSiteByteForByteAndEveryLinkAnswers() async throws {
        let host = try SSHHost()
        let site = try SiteTree.copyOfRealSite(into: host.folder)
        let target = try host.target("www/site")
        try FileManager.default.createDirectory(at: host.disk.appendingPathComponent("www"), withIntermediateDirectories: true)

        let summary = try Uploader(host.options(source: site, target: target)).upload()
        let local = try SiteTree.files(in: site)
        let remote = try SiteTree.files(in: host.disk.appendingPathComponent("www/site"))
        #expect(remote == local)
        #expect(Set(summary.filesSent.map(\.path)) == Set(local.keys))
        #expect(summary.siteFiles == local.count && summary.siteBytes == local.values.map(\.count).reduce(0, +))
        #expect(summary.rememberedNewHostKey)
        #expect(summary.line.hasPrefix("Published \(local.count) files ("))
        #expect(summary.line.contains(") to \(target) in ") && summary.line.hasSuffix(" s"))
        // Nothing is left in the holding folders once the files have switched over.
        #expect(try SiteTree.files(in: host.disk, includingHolding: true).keys.allSatisfy { !$0.contains(".helhed-upload") })

        guard UploadTools.nginxAvailable else {
            Issue.record("nginx is not installed (apt-get install nginx): the served site's links were not checked")
            return
        }
        let server = try NginxServer(root: host.disk.appendingPathComponent("www/site"))
        let pages = SiteTree.pageAddresses(in: local)
        #expect(pages.count > 20)
        let broken = try await server.brokenLinks(pagePaths: pages, baseURL: "https://boligsocial.example.dk/")
        #expect(broken.isEmpty, "\(broken)")
    }

    @Test func laterUploadsSendOnlyWhatChanged() throws {
        let host = try SSHHost()
        let site = try SiteTree.copyOfRealSite(into: host.folder)
        let target = try host.target()
        let options = host.options(source: site, target: target)
        _ = try Uploader(options).upload()

        // A rebuild rewrites every file with the same bytes and a new time: nothing is sent.
        let local = try SiteTree.files(in: site)
        for (path, data) in local { try data.write(to: site.appendingPathComponent(path)) }
        let unchanged = try Uploader(options).upload()
        #expect(unchanged.filesSent.isEmpty && unchanged.filesDeleted.isEmpty, "\(unchanged.changes)")
        #expect(unchanged.line.hasPrefix("Published 0 files ("))

        // One page edited, one file gone: that page is sent, that file deleted, nothing else.
        let page = try #require(local.keys.first { $0.hasPrefix("artikler/") && $0.hasSuffix("/index.html") })
        let edited = String(decoding: local[page]!, as: UTF8.self).replacingOccurrences(of: "</main>", with: "<p>Rettet.</p></main>")
        try edited.write(to: site.appendingPathComponent(page), atomically: true, encoding: .utf8)
        try FileManager.default.removeItem(at: site.appendingPathComponent("404.html"))
        let second = try Uploader(options).upload()
        #expect(second.filesSent.map(\.path) == [page])
        #expect(second.filesDeleted.map(\.path) == ["404.html"])
        #expect(second.line.contains("Published 1 file (") && second.line.contains("deleted 1 file"))
        // Delta transfer: far less than the site, and less than the page itself.
        #expect(second.literalBytes < local[page]!.count && second.bytesSent < second.siteBytes / 10, "\(second.bytesSent)")
        #expect(try SiteTree.files(in: host.disk.appendingPathComponent("site")) == SiteTree.files(in: site))
    }

    @Test func aDryRunListsTheChangesAndChangesNothing() throws {
        let host = try SSHHost()
        let site = try SiteTree.copyOfRealSite(into: host.folder)
        let target = try host.target()
        // On an empty host: everything would be sent, nothing is made.
        let first = try Uploader(host.options(source: site, target: target, dryRun: true)).upload()
        #expect(first.filesSent.count == (try SiteTree.files(in: site)).count)
        #expect(!FileManager.default.fileExists(atPath: host.disk.appendingPathComponent("site").path))

        _ = try Uploader(host.options(source: site, target: target)).upload()
        let before = try SiteTree.files(in: host.disk, includingHolding: true)
        try "<!doctype html><title>Ny</title>".write(to: site.appendingPathComponent("ny.html"), atomically: true, encoding: .utf8)
        try "ændret".write(to: site.appendingPathComponent("index.html"), atomically: true, encoding: .utf8)
        try FileManager.default.removeItem(at: site.appendingPathComponent("404.html"))
        let dry = try Uploader(host.options(source: site, target: target, dryRun: true)).upload()
        #expect(Set(dry.listing) == ["  + ny.html", "  ~ index.html", "  - 404.html"])
        #expect(dry.line == "Dry run: publishing to \(target) would send 2 files and delete 1 file; nothing was changed")
        #expect(try SiteTree.files(in: host.disk, includingHolding: true) == before)
    }

    /// rsync killed mid-way through a large file: the host still serves the old site (the delayed updates never ran),
    /// and the next upload finishes from what already arrived.
    @Test func anInterruptedUploadKeepsTheOldSiteAndTheNextOneFinishesIt() throws {
        let host = try SSHHost()
        let site = try SiteTree.copyOfRealSite(into: host.folder)
        let target = try host.target()
        let remote = host.disk.appendingPathComponent("site")
        _ = try Uploader(host.options(source: site, target: target)).upload()
        let oldSite = try SiteTree.files(in: remote)

        let size = 48 << 20
        // Random bytes: compression cannot shrink them, so the upload takes long enough to be interrupted.
        let random = try #require(FileHandle(forReadingAtPath: "/dev/urandom"))
        try random.readData(ofLength: size).write(to: site.appendingPathComponent("filer/stor.bin").creatingFolder())
        try random.close()
        try "<!doctype html><title>Ny forside</title>".write(to: site.appendingPathComponent("index.html"), atomically: true, encoding: .utf8)

        var slow = host.options(source: site, target: target)
        slow.bandwidthLimit = 4_096
        let watcher = PartialFileWatcher(folder: remote, minimumBytes: 2 << 20)
        do {
            _ = try Uploader(slow).upload(started: { pid in watcher.killWhenReady(pid) })
            Issue.record("the upload was not interrupted")
        } catch {
            #expect(error.kind == .interrupted, "\(error.message)")
            #expect(error.message.hasSuffix("the host keeps the old site; run publish again to finish"))
        }
        #expect(watcher.killed)
        // rsync on the host notices the broken connection on its own time, then moves what it received from its
        // temporary file (a hidden file beside the target) into the holding folder: wait for that.
        let settled = Date().addingTimeInterval(20)
        while Date() < settled {
            let paths = (FileManager.default.enumerator(atPath: remote.path)?.allObjects as? [String] ?? []).filter { $0.contains("stor.bin") }
            if !paths.isEmpty && paths.allSatisfy({ $0.contains(".helhed-upload/") }) { break }
            usleep(100_000)
        }
        let afterInterruption = try SiteTree.files(in: remote)
        let differing = Set(afterInterruption.keys).union(oldSite.keys).filter { afterInterruption[$0] != oldSite[$0] }
        #expect(differing.isEmpty, "the host changed before the upload finished: \(differing.sorted())")
        let kept = try SiteTree.files(in: remote, includingHolding: true).filter { $0.key.contains(".helhed-upload") }
        #expect(kept.values.contains { $0.count >= 2 << 20 }, "the partly sent file was not kept: \(kept.keys)")

        let finish = try Uploader(host.options(source: site, target: target)).upload()
        #expect(try SiteTree.files(in: remote) == SiteTree.files(in: site))
        #expect(finish.literalBytes < size - (2 << 20), "the second upload started over: \(finish.literalBytes) bytes")
    }
}

/// Watches the host's disk from the test and kills rsync once a partly sent file holds `minimumBytes`.
final class PartialFileWatcher: @unchecked Sendable {
    let folder: URL
    let minimumBytes: Int
    private let lock = NSLock()
    private var didKill = false

    init(folder: URL, minimumBytes: Int) {
        self.folder = folder
        self.minimumBytes = minimumBytes
    }

    var killed: Bool { lock.withLock { didKill } }

    func killWhenReady(_ pid: Int32) {
        Thread.detachNewThread { [self] in
            let deadline = Date().addingTimeInterval(60)
            while Date() < deadline {
                // rsync writes into a hidden temporary file next to the target (or in the holding folder).
                if let walker = FileManager.default.enumerator(atPath: folder.path) {
                    while let path = walker.nextObject() as? String {
                        guard path.contains("stor.bin") else { continue }
                        let size = (try? FileManager.default.attributesOfItem(atPath: folder.path + "/" + path)[.size] as? Int) ?? 0
                        if size >= minimumBytes {
                            // Recorded first: the upload returns as soon as rsync dies, possibly before this thread runs again.
                            lock.withLock { didKill = true }
                            Glibc.kill(pid, SIGKILL)
                            return
                        }
                    }
                }
                usleep(50_000)
            }
        }
    }
}

extension URL {
    /// The URL, after making its parent folder.
    func creatingFolder() throws -> URL {
        try FileManager.default.createDirectory(at: deletingLastPathComponent(), withIntermediateDirectories: true)
        return self
    }
}
