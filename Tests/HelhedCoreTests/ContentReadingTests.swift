import Foundation
import Testing
@testable import HelhedCore

/// Content files are read with plain system calls (`ContentLoader.contents(ofFile:)`), not through Foundation.
@Suite struct ContentReadingTests {
    /// Every byte, whatever the size: empty, small, larger than one read of the second loop, and not valid UTF-8
    /// (reading must not judge the bytes; `SourceText` does, with a message).
    @Test func readsEveryByteOfAFile() throws {
        let site = try FixtureSite(copyTemplates: false)
        let large = Data((0..<200_000).map { UInt8(truncatingIfNeeded: $0 * 31 + $0 / 7) })
        let files: [String: Data] = ["tom.md": Data(), "kort.md": Data("---\ntitle: Å\n---\n".utf8), "stor.md": large,
                                     "ugyldig.md": Data([0xEF, 0xBB, 0xBF, 0xC3, 0x28, 0x00, 0xFF])]
        for (name, data) in files {
            try site.write("Content/artikler/\(name)", data)
            let read = try #require(ContentLoader.contents(ofFile: site.url("Content/artikler/\(name)").path), "\(name)")
            #expect(read == Array(data), "\(name)")
        }
    }

    /// A file longer than its size said when it was opened (one that grew meanwhile; Linux gives files under
    /// `/proc` the size 0) is read to its end.
    @Test func readsPastTheSizeAFileHadWhenOpened() throws {
        let read = try #require(ContentLoader.contents(ofFile: "/proc/self/maps"))
        #expect(read.count > 1_000)
        #expect(String(decoding: read, as: UTF8.self).hasSuffix("\n"))
    }

    @Test func aFolderOrAMissingFileCannotBeRead() throws {
        let site = try FixtureSite(copyTemplates: false)
        #expect(ContentLoader.contents(ofFile: site.url("Content").path) == nil)
        #expect(ContentLoader.contents(ofFile: site.url("Content/artikler/findes-ikke.md").path) == nil)
    }
}
