/// The encodings a variant can have.
enum PictureFormat: String, Sendable, Hashable, CaseIterable {
    case webp, jpeg, png

    var fileExtension: String {
        switch self {
        case .webp: "webp"
        case .jpeg: "jpg"
        case .png: "png"
        }
    }

    var mimeType: String { "image/\(rawValue)" }
}

/// How pictures are made into variants. Everything here is part of the cache key, so changing a value makes every
/// picture again.
struct PictureSettings: Sendable {
    /// Widths in CSS pixels × device pixels. The prose column is 38rem (608 px): 480 serves phones at DPR 1, 800 a
    /// 390 px phone at DPR 2, 1200 the column at DPR 2, 1600 large screens at DPR 2.5+. A picture narrower than the
    /// largest width gets its own width as the largest variant; none is ever enlarged.
    var widths: [Int] = [480, 800, 1200, 1600]
    /// The article picture (`image:` in front matter) for cards and Open Graph: cropped to 1200 × 630 (the size
    /// Facebook, LinkedIn and others show), and half that for the front page's cards, which are at most ~38rem wide.
    var cardSizes: [(width: Int, height: Int)] = [(600, 315), (1200, 630)]
    /// libwebp's quality and effort (0–6). Effort 2 rather than libwebp's default 4: measured on a 4000×2250
    /// photo, 2.3× faster encoding (0.31 against 0.71–0.79 CPU s for the four widths) for files 2–6 % larger.
    var webpQuality = 75
    var webpEffort = 2
    /// The JPEG fallback for browsers without WebP.
    var jpegQuality = 80
    /// zlib level for PNG variants (lossless; higher is slower and only slightly smaller).
    var pngCompression = 6
    /// Pictures whose header claims more pixels are refused before decoding (a 100 MP photo is already far beyond
    /// any camera editors use for the web; a 20000×20000 PNG of a few kilobytes is a decompression bomb).
    var maxPixels = 100_000_000
    /// Files larger than this are refused before they are read whole.
    var maxFileBytes = 200_000_000

    /// Bumped whenever the processing itself changes (pipeline, encoder options in CVipsShim), so that cached
    /// variants made the old way are made again.
    static let processorVersion = 2

    static let standard = PictureSettings()

    init() {}

    /// The settings as text, for the cache key: processor version, libvips version, every number.
    func fingerprint(libvipsVersion: String) -> String {
        let numbers = [webpQuality, webpEffort, jpegQuality, pngCompression, maxPixels, maxFileBytes].map(String.init)
        return "helhed-pictures \(Self.processorVersion) vips \(libvipsVersion) widths \(sortedWidths.map(String.init).joined(separator: ",")) "
            + "cards \(cardSizes.map { "\($0.width)x\($0.height)" }.joined(separator: ",")) " + numbers.joined(separator: " ")
    }

    var sortedWidths: [Int] { Array(Set(widths.filter { $0 > 0 })).sorted() }

    /// The widths of the variants of a picture `width` pixels wide (upright): every configured width below it, and
    /// the picture's own width when it is narrower than the largest configured one.
    func variantWidths(forPictureWidth width: Int) -> [Int] {
        let configured = sortedWidths
        guard let largest = configured.last, width > 0 else { return [] }
        let top = min(width, largest)
        return configured.filter { $0 < top } + [top]
    }
}

/// Which files are made into variants: by their name's extension, since the build decides before reading them.
/// SVG is never processed (it is text, scales by itself, and libvips would rasterise it); GIF may be animated and
/// is copied as it is. HEIC and AVIF are processed when libvips reads them; otherwise using one is an error that
/// says to save it as JPEG (browsers cannot show HEIC either).
enum PictureFiles {
    static let processedExtensions: Set<String> = ["jpg", "jpeg", "png", "webp", "heic", "heif", "avif"]

    static func isProcessed(sitePath: String) -> Bool {
        guard let dot = sitePath.lastIndex(of: "."), !sitePath[dot...].contains("/") else { return false }
        return processedExtensions.contains(sitePath[sitePath.index(after: dot)...].lowercased())
    }
}
