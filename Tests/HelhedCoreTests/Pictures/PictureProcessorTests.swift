import Foundation
import Testing
@testable import HelhedCore

/// Made once for the suite: making a 12-megapixel test photo takes a moment.
private let cameraPhoto = Result { try TestPictures.cameraJPEG(width: 4000, height: 3000, orientation: 6) }

@Suite("Pictures: processing with libvips", .enabled(if: TestPictures.unavailable == nil, "libvips is not usable here: \(TestPictures.unavailable ?? "")"))
struct PictureProcessorTests {
    let processor = PictureProcessor()

    @Test func aSidewaysCameraPhotoBecomesUprightPortraitVariantsAtEveryWidth() throws {
        let (facts, variants) = try processor.process(try cameraPhoto.get())
        #expect(facts.width == 3000 && facts.height == 4000)
        #expect(facts.fallbackFormat == .jpeg && !facts.hasAlpha)
        #expect(variants.map(\.variant.format) == [.webp, .jpeg, .webp, .jpeg, .webp, .jpeg, .webp, .jpeg])
        #expect(variants.map(\.variant.width) == [480, 480, 800, 800, 1200, 1200, 1600, 1600])
        #expect(variants.map(\.variant.height) == [640, 640, 1067, 1067, 1600, 1600, 2133, 2133])
        for encoded in variants {
            let image = try TestPictures.read(encoded.bytes)
            #expect(image.width == encoded.variant.width && image.height == encoded.variant.height)
        }
    }

    @Test func noMetadataReachesAnyVariant() throws {
        let source = try cameraPhoto.get()
        // The test photo really carries what must be removed, or this test would prove nothing.
        let input = try TestPictures.read(source).fieldNames
        #expect(input.contains("exif-ifd3-GPSLatitude") && input.contains("xmp-data") && input.contains("iptc-data"))

        for encoded in try processor.process(source).variants {
            let image = try TestPictures.read(encoded.bytes)
            let leaked = image.fieldNames.filter { $0.hasPrefix("exif-") || $0.hasPrefix("xmp") || $0.hasPrefix("iptc") || $0.hasPrefix("icc") }
            #expect(leaked.isEmpty, "\(encoded.variant.format) \(encoded.variant.width) w keeps \(leaked)")
            #expect(image.orientation == 1)
            if encoded.variant.format == .webp {
                #expect(Set(WebPContainer.chunkNames(encoded.bytes)).isSubset(of: ["VP8X", "VP8 ", "VP8L", "ALPH"]))
            }
            #expect(image.interpretation == VipsImage.sRGBInterpretation && image.bands == 3)
            // And in the raw bytes, whatever the decoder reports: no EXIF, XMP or IPTC block, no photographer.
            for marker in ["Exif", "EXIF", "xmpmeta", "Photoshop 3.0", "8BIM", "Hemmelig"] {
                let found = contains(encoded.bytes, Array(marker.utf8))
                #expect(!found, "\(encoded.variant.format) \(encoded.variant.width) w has \(marker)")
            }
        }
    }

    @Test func aPictureNarrowerThanTheLargestWidthIsNeverEnlarged() throws {
        let (facts, variants) = try processor.process(try TestPictures.plain(width: 1000, height: 700, format: .png))
        #expect(facts.width == 1000 && facts.fallbackFormat == .png)
        #expect(variants.map(\.variant.width) == [480, 480, 800, 800, 1000, 1000])
        #expect(variants.map(\.variant.format) == [.webp, .png, .webp, .png, .webp, .png])

        let tiny = try processor.process(try TestPictures.plain(width: 300, height: 200, format: .jpeg)).variants
        #expect(tiny.map(\.variant.width) == [300, 300])
    }

    @Test func aWebPSourceFallsBackToJPEGOrToPNGWhenTransparent() throws {
        let opaque = try processor.process(try TestPictures.plain(width: 900, height: 600, format: .webp))
        #expect(opaque.facts.fallbackFormat == .jpeg)
        #expect(Set(opaque.variants.map(\.variant.format)) == [.webp, .jpeg])

        let transparent = try processor.process(try TestPictures.transparent(width: 900, height: 600, format: .webp))
        #expect(transparent.facts.hasAlpha && transparent.facts.fallbackFormat == .png)
        #expect(Set(transparent.variants.map(\.variant.format)) == [.webp, .png])
        for encoded in transparent.variants {
            #expect(try TestPictures.read(encoded.bytes).hasAlpha, "\(encoded.variant.format) lost its transparency")
        }
    }

    @Test func aTruncatedJPEGIsAnErrorNotAGreyPicture() throws {
        let whole = try TestPictures.plain(width: 1200, height: 900, format: .jpeg)
        let cut = Array(whole.prefix(whole.count / 2))
        #expect(throws: PictureError.self) { try processor.process(cut) }
        do {
            _ = try processor.process(cut)
        } catch {
            guard case .corrupt(let reason) = error else { Issue.record("expected .corrupt, got \(error)"); return }
            #expect(!reason.isEmpty)
        }
    }

    @Test func garbageBehindAPicturesMagicBytesIsCorrupt() {
        var bytes: [UInt8] = [0xFF, 0xD8, 0xFF, 0xE0]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<4000 { bytes.append(UInt8.random(in: 0...255, using: &generator)) }
        #expect(throws: PictureError.self) { try processor.process(bytes) }
    }

    @Test func whatIsNotAPictureIsSaidSo() {
        #expect(throws: PictureError.notAPicture) { try processor.process(Array("Dette er ikke et billede.\n".utf8)) }
        #expect(throws: PictureError.notAPicture) { try processor.process([]) }
    }

    @Test func svgIsNeverProcessed() {
        let svg = Array(#"<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect width="10" height="10"/></svg>"#.utf8)
        #expect(throws: PictureError.unsupportedFormat("SVG")) { try processor.process(svg) }
        #expect(!PictureFiles.isProcessed(sitePath: "billeder/kort.svg"))
        #expect(PictureFiles.isProcessed(sitePath: "billeder/Foto.JPG"))
        #expect(!PictureFiles.isProcessed(sitePath: "billeder.jpg/README"))
    }

    @Test func aDecompressionBombIsRefusedFromItsHeader() throws {
        let bomb = TestPictures.pngClaiming(width: 20000, height: 20000)
        #expect(bomb.count < 200)
        #expect(throws: PictureError.tooManyPixels(width: 20000, height: 20000, limit: 100_000_000)) {
            try processor.process(bomb)
        }
        // The check reads the header only: a picture just inside the limit is inspected, not decoded.
        let facts = try processor.inspect(TestPictures.pngClaiming(width: 10000, height: 10000))
        #expect(facts.width == 10000)
    }

    @Test func everyErrorSaysWhatToDo() {
        let messages = [PictureError.notAPicture, .tooManyPixels(width: 20000, height: 20000, limit: 100_000_000),
                        .corrupt("Premature end of JPEG file"), .unsupportedFormat("GIF")].map(\.description)
        #expect(messages[1].contains("400 megapixels") && messages[1].contains("100 megapixels"))
        #expect(messages[2].contains("Premature end of JPEG file"))
        #expect(PictureError.notAPicture.diagnostic(for: "Content/billeder/a.jpg").description.contains("Content/billeder/a.jpg"))
    }

    private func contains(_ haystack: [UInt8], _ needle: [UInt8]) -> Bool {
        guard needle.count <= haystack.count else { return false }
        return (0...(haystack.count - needle.count)).contains { start in haystack[start..<(start + needle.count)].elementsEqual(needle) }
    }
}
