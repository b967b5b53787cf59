import Foundation
import Testing
@testable import HelhedCore

/// Pictures in the built site: Markdown pictures become `<picture>` with variants in the output, broken pictures are
/// errors at their Markdown line with the output untouched, `image:` reaches `og:image` and the cards.
@Suite("Pictures in built pages", .enabled(if: TestPictures.unavailable == nil, "libvips is not usable here: \(TestPictures.unavailable ?? "")"))
struct PicturePageTests {
    static let articlePath = "Content/artikler/billeder.md"

    /// An article whose body starts on line 8; `body` is its Markdown.
    static func article(_ body: String, frontMatter: String = "") -> String {
        """
        ---
        title: Billeder
        date: 2023-05-01
        kind: case
        summary: En side med billeder.
        \(frontMatter)---

        \(body)
        """
    }

    static func site(_ body: String, frontMatter: String = "", pictures: [String: [UInt8]]) throws -> FixtureSite {
        let site = try FixtureSite(files: [articlePath: article(body, frontMatter: frontMatter)])
        for (name, bytes) in pictures { try site.write("Content/billeder/\(name)", Data(bytes)) }
        return site
    }

    static func page(_ site: FixtureSite) throws -> String {
        try String(contentsOf: site.output.appendingPathComponent("artikler/billeder/index.html"), encoding: .utf8)
    }

    /// The addresses of a srcset, in order.
    static func srcset(_ html: String, in tag: String) -> [String] {
        guard let start = html.range(of: "<\(tag) "), let attribute = html[start.upperBound...].range(of: "srcset=\"") else { return [] }
        let value = html[attribute.upperBound...].prefix { $0 != "\"" }
        return value.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces).split(separator: " ")[0].description }
    }

    @Test func aMarkdownPictureBecomesAPictureWithVariantsInTheOutput() throws {
        let site = try Self.site("""
            ![Et foto af en gård](../billeder/foto.jpg)

            ![Et kort over byen](../billeder/kort.png "Kortet")

            ![En tegning](../billeder/tegning.svg)
            """, pictures: [
                "foto.jpg": try TestPictures.cameraJPEG(width: 1500, height: 2000, orientation: 6),
                "kort.png": try TestPictures.plain(width: 1300, height: 650, format: .png),
            ])
        try site.write("Content/billeder/tegning.svg", #"<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"/>"#)
        try site.build()
        let html = try Self.page(site)

        let pictures = html.components(separatedBy: "<picture>").dropFirst().map { $0.components(separatedBy: "</picture>")[0] }
        #expect(pictures.count == 2)
        // Orientation 6 turns the 1500×2000 camera picture upright: 2000 wide, so the widths stop at 1600.
        #expect(pictures[0].contains(#"width="1600" height="1200""#))
        #expect(pictures[0].contains(#"alt="Et foto af en gård""#))
        #expect(!pictures[0].contains("loading="), "the first picture of a page is loaded at once")
        #expect(pictures[1].contains(#"loading="lazy" decoding="async""#))
        #expect(pictures[1].contains(#"title="Kortet""#))
        #expect(pictures[0].contains(#"sizes="\#(PictureMarkup.proseSizes)""#))
        // SVG stays the <img> cmark writes.
        #expect(html.contains(#"<img src="/billeder/tegning.svg" alt="En tegning" />"#))

        for (picture, fallback, widths, ratio) in [(pictures[0], "jpg", [480, 800, 1200, 1600], 0.75), (pictures[1], "png", [480, 800, 1200, 1300], 0.5)] {
            let webp = Self.srcset(picture, in: "source")
            let img = Self.srcset(picture, in: "img")
            #expect(webp.count == widths.count && img.count == widths.count)
            for (address, width) in Array(zip(webp, widths)) + Array(zip(img, widths)) {
                #expect(address.contains("-\(width)w-"))
                let file = site.output.appendingPathComponent(String(address.dropFirst()))
                let bytes = try [UInt8](Data(contentsOf: file))
                let variant = try TestPictures.read(bytes)
                #expect(variant.width == width, "\(address)")
                #expect(abs(Double(variant.height) - Double(width) * ratio) <= 1, "\(address)")
                #expect(!variant.fieldNames.contains { $0.hasPrefix("exif") || $0.contains("GPS") }, "\(address) has no EXIF")
            }
            #expect(webp.allSatisfy { $0.hasSuffix(".webp") } && img.allSatisfy { $0.hasSuffix("." + fallback) })
        }
        // The originals are not published.
        #expect(!FileManager.default.fileExists(atPath: site.output.appendingPathComponent("billeder/foto.jpg").path))
        #expect(!FileManager.default.fileExists(atPath: site.output.appendingPathComponent("billeder/kort.png").path))
    }

    /// Pictures that cannot be used, each with its file name and a piece of its message.
    enum BrokenPicture: String, CaseIterable, Sendable {
        case cutShort, notAPicture, decompressionBomb

        var name: String {
            switch self {
            case .cutShort: "foto.jpg"
            case .notAPicture: "tekst.jpg"
            case .decompressionBomb: "bombe.png"
            }
        }

        var message: String {
            switch self {
            case .cutShort: "damaged"
            case .notAPicture: "not a picture"
            case .decompressionBomb: "400 megapixels"
            }
        }

        func bytes() throws -> [UInt8] {
            switch self {
            case .cutShort: Array(try TestPictures.plain(width: 1200, height: 900, format: .jpeg).prefix(5_000))
            case .notAPicture: Array("Dette er ikke et billede.".utf8)
            case .decompressionBomb: TestPictures.pngClaiming(width: 20_000, height: 20_000)
            }
        }
    }

    @Test(arguments: BrokenPicture.allCases)
    func aBrokenPictureIsAnErrorAtItsLineAndTheOutputIsUntouched(_ broken: BrokenPicture) throws {
        let (what, name, message) = (broken.rawValue, broken.name, broken.message)
        let site = try Self.site("Indledning.\n\n![Et billede](../billeder/ok.jpg)\n", pictures: [
            "ok.jpg": try TestPictures.plain(width: 900, height: 600, format: .jpeg),
        ])
        try site.build()
        let before = try Self.snapshot(site.output)

        try site.write(Self.articlePath, Self.article("Indledning.\n\n![Et billede](../billeder/ok.jpg)\n\nMere tekst.\n\n![Et andet billede](../billeder/\(name))\n"))
        try site.write("Content/billeder/\(name)", Data(try broken.bytes()))
        let errors = site.failingBuild().filter { $0.contains("error:") }
        #expect(errors.count == 1, "\(what): \(errors)")
        // The body starts on line 8 (after the front matter and a blank line); the picture is its seventh line.
        #expect(errors.first?.hasPrefix("\(Self.articlePath):14: error: the picture \"../billeder/\(name)\" cannot be used: ") == true, "\(errors)")
        #expect(errors.first?.contains(message) == true, "\(what): \(errors)")
        #expect(try Self.snapshot(site.output) == before, "a failed build leaves the output as it was")
    }

    @Test func theArticlePictureIsCroppedForOpenGraphAndTheCards() throws {
        let site = try Self.site("Tekst uden billeder.", frontMatter: "image: ../billeder/foto.jpg\n", pictures: [
            "foto.jpg": try TestPictures.plain(width: 2400, height: 1600, format: .jpeg),
        ])
        try site.build()
        let html = try Self.page(site)
        let tag = try #require(html.components(separatedBy: "\n").first { $0.contains(#"property="og:image""#) })
        let address = try #require(tag.components(separatedBy: "content=\"").last?.components(separatedBy: "\"").first)
        #expect(address.hasPrefix("https://example.org/billeder/foto-kort-1200w-") && address.hasSuffix(".jpg"))
        #expect(html.contains(#"<meta property="og:image:width" content="1200">"#))
        #expect(html.contains(#"<meta property="og:image:height" content="630">"#))
        let file = site.output.appendingPathComponent(String(address.dropFirst("https://example.org/".count)))
        let card = try TestPictures.read([UInt8](Data(contentsOf: file)))
        #expect((card.width, card.height) == (1200, 630))
        // The front page shows it on the article's card.
        let home = try String(contentsOf: site.output.appendingPathComponent("index.html"), encoding: .utf8)
        #expect(home.contains(#"<picture class="card-image">"#) && home.contains("/billeder/foto-kort-600w-"))
        #expect(!FileManager.default.fileExists(atPath: site.output.appendingPathComponent("billeder/foto.jpg").path))
    }

    @Test func anArticlePictureThatIsNoPictureIsAnErrorAtItsLine() throws {
        let site = try Self.site("Tekst.", frontMatter: "image: ../billeder/mangler.jpg\n", pictures: [:])
        let errors = site.failingBuild()
        #expect(errors.count == 1)
        #expect(errors.first?.hasPrefix("\(Self.articlePath):6: error: front matter: 'image': ") == true, "\(errors)")
    }

    @Test func originalTruePublishesTheOriginalWithALink() throws {
        let site = try Self.site("![Et foto](../billeder/foto.jpg)", frontMatter: "original: true\n", pictures: [
            "foto.jpg": try TestPictures.plain(width: 1000, height: 800, format: .jpeg),
        ])
        try site.build()
        #expect(try Self.page(site).contains(#"<a class="picture-original" href="/billeder/foto.jpg">Hent billedet i fuld størrelse (JPEG, 1000 × 800 pixels)</a>"#))
        #expect(FileManager.default.fileExists(atPath: site.output.appendingPathComponent("billeder/foto.jpg").path))
    }

    @Test func aSmallPictureAndAFileNameAsAltTextAreWarnings() throws {
        let site = try Self.site("![IMG_2041.jpg](../billeder/lille.png)\n\n![Et stort foto](../billeder/stor.jpg)\n", pictures: [
            "lille.png": try TestPictures.plain(width: 400, height: 300, format: .png),
            "stor.jpg": try TestPictures.plain(width: 1400, height: 1000, format: .jpeg),
        ])
        let report = try site.build()
        let warnings = report.warnings.map(\.description)
        #expect(warnings.count == 2, "\(warnings)")
        #expect(warnings.contains { $0.hasPrefix("\(Self.articlePath):8: warning: the picture \"../billeder/lille.png\" is 400 pixels wide") })
        #expect(warnings.contains { $0.hasPrefix("\(Self.articlePath):8: warning: the picture \"../billeder/lille.png\" has its file name as alt text") })
        // Used as it is: one variant per format, at its own width.
        #expect(try Self.page(site).contains("/billeder/lille-400w-"))
    }

    @Test func alternativeTextThatIsAFileName() {
        #expect(TransformRun.isFileName("IMG_2041.jpg", of: "../billeder/foto.jpg"))
        #expect(TransformRun.isFileName("kort", of: "../billeder/kort.png"))
        #expect(TransformRun.isFileName("Kort.PNG", of: "../billeder/kort.png"))
        #expect(!TransformRun.isFileName("Kort over byen", of: "../billeder/kort.png"))
        #expect(!TransformRun.isFileName("Udsigt fra 4. sal", of: "../billeder/udsigt.jpg"))
    }

    /// Every file of a folder with its bytes.
    static func snapshot(_ folder: URL) throws -> [String: Data] {
        var files: [String: Data] = [:]
        let enumerator = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: [.isRegularFileKey])
        while let url = enumerator?.nextObject() as? URL {
            guard (try url.resourceValues(forKeys: [.isRegularFileKey])).isRegularFile == true else { continue }
            files[String(url.path.dropFirst(folder.path.count))] = try Data(contentsOf: url)
        }
        return files
    }
}
