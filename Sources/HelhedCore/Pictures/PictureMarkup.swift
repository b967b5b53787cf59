import HelhedTemplates

/// The HTML for a processed picture in an article: a `<picture>` with a WebP `<source>` and a fallback `<img>`,
/// both listing every width, so each reader's browser downloads the smallest variant that is sharp on its screen.
enum PictureMarkup {
    /// How wide the picture is shown, from Templates/assets/style.css: prose is `max-width: var(--measure)` (38rem)
    /// inside `.wrap`'s padding of 1.25rem a side (1rem at 25em and below). So the column is 38rem from a 40.5rem
    /// viewport up (also in the two-column `.has-toc` layout from 64em, whose first column is 38rem), and the viewport
    /// less the padding below that. A 390 px phone at DPR 2 thus asks for 2 × 350 px and gets the 800 w variant.
    static let proseSizes = "(min-width: 40.5rem) 38rem, (max-width: 25em) calc(100vw - 2rem), calc(100vw - 2.5rem)"

    /// The width whose fallback is `<img src>`, for browsers that read neither `srcset` nor `<picture>`.
    static let fallbackSrcWidth = 800

    /// The markup for `picture`.
    /// - Parameters:
    ///   - url: each variant's address as the page links it (relative or absolute; see `variantFileName`).
    ///   - alt: the description from the Markdown, plain text (escaped here).
    ///   - title: the Markdown title, if any.
    ///   - eager: true for the first picture of a page, which is likely in the first screen: lazy loading would only
    ///     delay it (and the Largest Contentful Paint).
    static func html(
        variants: [PictureVariant], fallbackFormat: PictureFormat, alt: String, title: String? = nil,
        eager: Bool = false, sizes: String = proseSizes, url: (PictureVariant) -> String
    ) -> String {
        let webp = variants.filter { $0.format == .webp }.sorted { $0.width < $1.width }
        let fallback = variants.filter { $0.format == fallbackFormat }.sorted { $0.width < $1.width }
        guard let largest = fallback.last else { return "" }
        let src = fallback.last { $0.width <= fallbackSrcWidth } ?? fallback[0]
        let escapedSizes = HTMLEscaping.escape(sizes)

        var html = "<picture>"
        // With a WebP fallback there is nothing to choose between: the <img> alone lists the variants.
        if fallbackFormat != .webp, !webp.isEmpty {
            html += "<source type=\"image/webp\" srcset=\"\(srcset(webp, url))\" sizes=\"\(escapedSizes)\">"
        }
        html += "<img src=\"\(HTMLEscaping.escape(srcsetURL(url(src))))\" srcset=\"\(srcset(fallback, url))\" sizes=\"\(escapedSizes)\""
        // The largest variant's size: the browser reserves the right box before any byte arrives (no layout shift),
        // and CSS (max-width: 100%; height: auto) scales it to the column.
        html += " width=\"\(largest.width)\" height=\"\(largest.height)\" alt=\"\(HTMLEscaping.escape(alt))\""
        if let title { html += " title=\"\(HTMLEscaping.escape(title))\"" }
        if !eager { html += " loading=\"lazy\"" }
        html += " decoding=\"async\"></picture>"
        return html
    }

    /// A link to the picture's original under the picture, for `original: true`: the original as the editor added it,
    /// with its metadata.
    static func originalLink(url: String, facts: PictureFacts, fileExtension: String) -> String {
        let upper = fileExtension.uppercased()
        let format = upper == "JPG" ? "JPEG" : upper
        return "<a class=\"picture-original\" href=\"\(HTMLEscaping.escape(url))\">Hent billedet i fuld størrelse"
            + " (\(HTMLEscaping.escape(format)), \(facts.width) × \(facts.height) pixels)</a>"
    }

    /// The file name of a variant next to its source: `kort.jpg` → `kort-800w-1a2b3c4d.webp`. The first eight hex
    /// digits of the variant's SHA-256 make the name change whenever the bytes do, so the files can be cached by
    /// browsers for good, and `kort.jpg` and `kort.png` in one folder never share a name.
    static func variantFileName(sourceFileName: String, variant: PictureVariant) -> String {
        let stem = sourceFileName.lastIndex(of: ".").map { String(sourceFileName[..<$0]) } ?? sourceFileName
        return "\(stem)-\(variant.width)w-\(variant.sha256.prefix(8)).\(variant.format.fileExtension)"
    }

    private static func srcset(_ variants: [PictureVariant], _ url: (PictureVariant) -> String) -> String {
        HTMLEscaping.escape(variants.map { "\(srcsetURL(url($0))) \($0.width)w" }.joined(separator: ", "))
    }

    /// A srcset separates candidates with commas and a URL from its width with white space, so a URL must hold
    /// neither unencoded (an editor's "Min tegning, v2.png"); they are percent-encoded, which servers decode back.
    static func srcsetURL(_ url: String) -> String {
        var result = ""
        for scalar in url.unicodeScalars {
            switch scalar {
            case " ": result += "%20"
            case ",": result += "%2C"
            case "\t": result += "%09"
            case "\n": result += "%0A"
            case "\r": result += "%0D"
            case "\u{0C}": result += "%0C"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}
