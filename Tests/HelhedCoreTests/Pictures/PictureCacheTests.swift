import Foundation
import Testing
@testable import HelhedCore

@Suite("Pictures: the cache and the maker", .enabled(if: TestPictures.unavailable == nil, "libvips is not usable here: \(TestPictures.unavailable ?? "")"))
struct PictureCacheTests {
    /// A project folder with three pictures in Content/billeder, removed afterwards by `cleanUp`.
    private struct Project {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("helhed-pictures-\(UUID().uuidString)")
        var pictures: URL { root.appendingPathComponent("Content/billeder") }
        var cache: PictureCache { PictureCache(projectRoot: root) }

        init() throws {
            try FileManager.default.createDirectory(at: pictures, withIntermediateDirectories: true)
            try write("foto.jpg", TestPictures.plain(width: 1000, height: 750, format: .jpeg, seed: 1))
            try write("kort.png", TestPictures.plain(width: 900, height: 600, format: .png, seed: 2))
            try write("logo.webp", TestPictures.transparent(width: 500, height: 300, format: .webp))
        }

        var sources: [URL] { ["foto.jpg", "kort.png", "logo.webp"].map { pictures.appendingPathComponent($0) } }

        func write(_ name: String, _ bytes: [UInt8]) throws {
            try Data(bytes).write(to: pictures.appendingPathComponent(name))
        }

        func cleanUp() { try? FileManager.default.removeItem(at: root) }
    }

    private func made(_ results: [Result<MadePicture, PictureError>]) throws -> [MadePicture] {
        try results.map { try $0.get() }
    }

    @Test func aSecondRunProcessesNothing() throws {
        let project = try Project()
        defer { project.cleanUp() }
        let maker = PictureMaker(cache: project.cache)

        let first = try made(maker.make(project.sources))
        #expect(first.filter(\.wasProcessed).count == 3)
        for picture in first {
            for variant in picture.picture.variants {
                let file = picture.picture.file(of: variant)
                #expect(FileManager.default.contents(atPath: file.path)?.count == variant.byteCount)
            }
        }
        #expect(first[0].picture.folder.path.hasPrefix(project.root.appendingPathComponent(".helhed-cache/pictures").path))

        let second = try made(maker.make(project.sources))
        #expect(second.filter(\.wasProcessed).count == 0)
        #expect(second.map(\.picture) == first.map(\.picture))
    }

    @Test func aTruncatedOrEditedCacheEntryIsMadeAgain() throws {
        let project = try Project()
        defer { project.cleanUp() }
        let maker = PictureMaker(cache: project.cache)
        let first = try made(maker.make(project.sources))

        // Cut one variant of the JPEG short, and change one byte (same length) of a variant of the PNG.
        let jpeg = first[0].picture, png = first[1].picture
        let cut = jpeg.file(of: jpeg.variants[1])
        let cutBytes = try Data(contentsOf: cut)
        try cutBytes.prefix(cutBytes.count / 2).write(to: cut)
        let edited = png.file(of: png.variants[0])
        var editedBytes = try Data(contentsOf: edited)
        editedBytes[editedBytes.count / 2] ^= 0xFF
        try editedBytes.write(to: edited)

        let second = try made(maker.make(project.sources))
        #expect(second.map(\.wasProcessed) == [true, true, false])
        #expect(second[0].repairedDamage?.contains("bytes, not") == true)
        #expect(second[1].repairedDamage?.contains("not the file that was made") == true)
        #expect(try Data(contentsOf: cut) == cutBytes)

        let third = try made(maker.make(project.sources))
        #expect(third.filter(\.wasProcessed).isEmpty)
    }

    @Test func onlyAChangedPictureOrChangedSettingsAreProcessedAgain() throws {
        let project = try Project()
        defer { project.cleanUp() }
        _ = try made(PictureMaker(cache: project.cache).make(project.sources))

        try project.write("kort.png", TestPictures.plain(width: 900, height: 600, format: .png, seed: 99))
        let afterEdit = try made(PictureMaker(cache: project.cache).make(project.sources))
        #expect(afterEdit.map(\.wasProcessed) == [false, true, false])

        var settings = PictureSettings.standard
        settings.webpQuality = 60
        let afterSettings = try made(PictureMaker(settings: settings, cache: project.cache).make(project.sources))
        #expect(afterSettings.filter(\.wasProcessed).count == 3)
    }

    @Test func aBadPictureFailsAloneWithItsReason() throws {
        let project = try Project()
        defer { project.cleanUp() }
        try project.write("tekst.jpg", Array("ikke et billede".utf8))
        try project.write("bombe.png", TestPictures.pngClaiming(width: 20000, height: 20000))
        let sources = project.sources + ["tekst.jpg", "bombe.png", "findes-ikke.jpg"].map { project.pictures.appendingPathComponent($0) }

        let results = PictureMaker(cache: project.cache).make(sources)
        #expect(results.prefix(3).allSatisfy { (try? $0.get()) != nil })
        #expect(throws: PictureError.notAPicture) { try results[3].get() }
        #expect(throws: PictureError.tooManyPixels(width: 20000, height: 20000, limit: 100_000_000)) { try results[4].get() }
        guard case .failure(.unreadable(let reason)) = results[5] else {
            Issue.record("expected .unreadable, got \(results[5])")
            return
        }
        #expect(reason.contains("findes-ikke.jpg"))
    }

    @Test func aDamagedManifestIsReportedAndTheEntryMadeAgain() throws {
        let project = try Project()
        defer { project.cleanUp() }
        let maker = PictureMaker(cache: project.cache)
        let first = try maker.make(project.sources[0])
        try "helhed-picture-cache 1\npicture x\n".write(
            to: first.picture.folder.appendingPathComponent(PictureCache.manifestName), atomically: true, encoding: .utf8)
        let second = try maker.make(project.sources[0])
        #expect(second.wasProcessed && second.repairedDamage == "its manifest cannot be read")
    }

    @Test func webPMetadataChunksAreRemoved() throws {
        // A WebP as libvips 8.14 writes it: VP8X with the EXIF flag, the image, an EXIF chunk.
        let vp8x: [UInt8] = Array("VP8X".utf8) + [10, 0, 0, 0, 0x08, 0, 0, 0, 0, 0, 0, 0, 0, 0]
        let image: [UInt8] = Array("VP8 ".utf8) + [3, 0, 0, 0, 1, 2, 3, 0]
        let exif: [UInt8] = Array("EXIF".utf8) + [4, 0, 0, 0] + Array("Exif".utf8)
        let body = Array("WEBP".utf8) + vp8x + image + exif
        let file = Array("RIFF".utf8) + [UInt8(body.count), 0, 0, 0] + body

        let stripped = try #require(WebPContainer.strippingMetadata(file))
        #expect(WebPContainer.chunkNames(stripped) == ["VP8X", "VP8 "])
        #expect(stripped[20] == 0)  // the VP8X flags: EXIF cleared
        #expect(Int(stripped[4]) == stripped.count - 8)
        #expect(WebPContainer.strippingMetadata(Array(file.prefix(30))) == nil)  // cut after a chunk
        var cutInAChunk = Array(file.prefix(34))
        cutInAChunk[4] = 26
        #expect(WebPContainer.strippingMetadata(cutInAChunk) == nil)
    }
}
