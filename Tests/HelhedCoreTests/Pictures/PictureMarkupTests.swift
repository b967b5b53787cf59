import Testing
@testable import HelhedCore

/// PictureMarkup is pure: no libvips needed.
@Suite("Pictures: markup")
struct PictureMarkupTests {
    private func variants(_ formats: [PictureFormat], widths: [Int], ratio: Double = 0.75) -> [PictureVariant] {
        widths.flatMap { width in
            formats.map { format in
                PictureVariant(format: format, width: width, height: Int((Double(width) * ratio).rounded()),
                               byteCount: 1000, sha256: String(repeating: "ab", count: 32))
            }
        }
    }

    private func url(_ variant: PictureVariant) -> String {
        "/billeder/foto-\(variant.width).\(variant.format.fileExtension)"
    }

    @Test func aPhotoGetsAWebPSourceAndAJPEGImage() {
        let html = PictureMarkup.html(variants: variants([.webp, .jpeg], widths: [480, 800, 1200, 1600]),
                                      fallbackFormat: .jpeg, alt: "Børn leger i gården", url: url)
        let sizes = PictureMarkup.proseSizes
        #expect(html == """
            <picture><source type="image/webp" srcset="/billeder/foto-480.webp 480w, /billeder/foto-800.webp 800w, \
            /billeder/foto-1200.webp 1200w, /billeder/foto-1600.webp 1600w" sizes="\(sizes)">\
            <img src="/billeder/foto-800.jpg" srcset="/billeder/foto-480.jpg 480w, /billeder/foto-800.jpg 800w, \
            /billeder/foto-1200.jpg 1200w, /billeder/foto-1600.jpg 1600w" sizes="\(sizes)" width="1600" height="1200" \
            alt="Børn leger i gården" loading="lazy" decoding="async"></picture>
            """)
    }

    @Test func theFirstPictureOfAPageIsNotLazy() {
        let html = PictureMarkup.html(variants: variants([.webp, .png], widths: [480]), fallbackFormat: .png,
                                      alt: "Kort", eager: true, url: url)
        #expect(!html.contains("loading="))
        #expect(html.contains(#"src="/billeder/foto-480.png""#))
    }

    @Test func altTitleAndAddressesAreEscaped() {
        let html = PictureMarkup.html(
            variants: variants([.webp, .jpeg], widths: [480]), fallbackFormat: .jpeg,
            alt: #"Et "citat" & <b>fed</b>"#, title: "A'b", url: { _ in #"/billeder/min tegning, "v2".jpg"# })
        #expect(html.contains(#"alt="Et &quot;citat&quot; &amp; &lt;b&gt;fed&lt;/b&gt;""#))
        #expect(html.contains("title=\"A&#39;b\"") || html.contains("title=\"A&#x27;b\""))
        #expect(html.contains(#"srcset="/billeder/min%20tegning%2C%20&quot;v2&quot;.jpg 480w""#))
        #expect(!html.contains("<b>"))
    }

    @Test func sizesMatchesTheThemesColumn() throws {
        // The theme's measure is what the sizes attribute promises; if style.css changes, this must too.
        let css = try String(contentsOf: Repository.templates.appendingPathComponent("assets/style.css"), encoding: .utf8)
        #expect(css.contains("--measure: 38rem"))
        #expect(css.contains(".wrap { max-width: 64rem; margin: 0 auto; padding: 0 1.25rem; }"))
        #expect(css.contains("@media (max-width: 25em) { .wrap { padding: 0 1rem; } }"))
        #expect(PictureMarkup.proseSizes.hasPrefix("(min-width: 40.5rem) 38rem"))
    }

    @Test func variantNamesKeepTheSourcesNameAndChangeWithTheBytes() {
        let variant = variants([.webp], widths: [800])[0]
        #expect(PictureMarkup.variantFileName(sourceFileName: "kort.jpg", variant: variant) == "kort-800w-abababab.webp")
        #expect(PictureMarkup.variantFileName(sourceFileName: "noext", variant: variant) == "noext-800w-abababab.webp")
    }
}
