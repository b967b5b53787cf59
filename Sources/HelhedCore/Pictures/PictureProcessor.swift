import Foundation
import CVipsShim

/// One encoded variant: what the Markdown stage needs to describe it, and where its bytes are.
struct PictureVariant: Sendable, Hashable {
    let format: PictureFormat
    /// Pixels, upright (after EXIF rotation): what `width`/`height` attributes and `srcset`'s `w` say.
    let width: Int
    let height: Int
    let byteCount: Int
    /// SHA-256 of the encoded bytes, 64 hex digits.
    let sha256: String
}

/// A variant with its bytes, as the processor makes it (before the cache stores it).
struct EncodedVariant: Sendable, Hashable {
    let variant: PictureVariant
    let bytes: [UInt8]
}

/// What processing found out about the source, besides the variants.
struct PictureFacts: Sendable, Hashable {
    /// The source's size, upright.
    let width: Int
    let height: Int
    let hasAlpha: Bool
    /// The format of the fallback variants (`<img src>`): the source's own, or JPEG/PNG for a WebP source.
    let fallbackFormat: PictureFormat
}

/// The kind of source, from the decoder libvips picks by the file's first bytes (never by its name).
enum PictureSourceKind: Sendable {
    case jpeg, png, webp, heif

    init(loaderName: String, readsHEIF: Bool) throws(PictureError) {
        let name = loaderName.lowercased()
        if name.contains("jpeg") { self = .jpeg }
        else if name.contains("png") { self = .png }
        else if name.contains("webp") { self = .webp }
        else if name.contains("heif"), readsHEIF { self = .heif }
        else {
            // "VipsForeignLoadNsgifBuffer" → "NSGIF"; enough for an editor to recognise GIF, TIFF, SVG, PDF.
            let kind = loaderName.replacingOccurrences(of: "VipsForeignLoad", with: "")
                .replacingOccurrences(of: "Buffer", with: "").replacingOccurrences(of: "Source", with: "")
            throw .unsupportedFormat(kind.uppercased())
        }
    }

    /// JPEG stays JPEG and PNG stays PNG; other sources fall back to PNG when they are transparent, JPEG otherwise.
    func fallbackFormat(hasAlpha: Bool) -> PictureFormat {
        switch self {
        case .jpeg: .jpeg
        case .png: .png
        case .webp, .heif: hasAlpha ? .png : .jpeg
        }
    }
}

/// Turns a picture's bytes into its variants with libvips: upright, sRGB, no metadata, at every width in the
/// settings that the picture reaches, each as WebP and as the fallback format. Pure: no files, no cache.
struct PictureProcessor: Sendable {
    let settings: PictureSettings

    init(settings: PictureSettings = .standard) {
        self.settings = settings
    }

    /// Facts about the picture from its header alone; no pixel is decoded. Refuses what is not a picture, what
    /// Helhed does not process, and more pixels than `settings.maxPixels`.
    func inspect(_ bytes: [UInt8]) throws(PictureError) -> PictureFacts {
        // withUnsafeBytes only rethrows untyped errors: the typed error goes through a Result.
        try bytes.withUnsafeBytes { buffer in Result { () throws(PictureError) in try inspectHeader(buffer).facts } }.get()
    }

    /// The variants, smallest width first, WebP before the fallback at each width.
    func process(_ bytes: [UInt8]) throws(PictureError) -> (facts: PictureFacts, variants: [EncodedVariant]) {
        try bytes.withUnsafeBytes { buffer in Result { () throws(PictureError) in try process(buffer) } }.get()
    }

    private func process(_ buffer: UnsafeRawBufferPointer) throws(PictureError) -> (facts: PictureFacts, variants: [EncodedVariant]) {
        let (facts, _) = try inspectHeader(buffer)
        let widths = settings.variantWidths(forPictureWidth: facts.width)
        guard let largest = widths.last else { throw .corrupt("the header gives no size") }

        // Decode once, at the largest width (shrink-on-load makes a 4000 px JPEG decode at 2000 px), into memory;
        // the smaller widths are made from that. fail_on=error turns a truncated file into an error here instead
        // of a picture with a grey lower half.
        let upright = try VipsImage(
            taking: helhed_vips_thumbnail_buffer(buffer.baseAddress, buffer.count, Int32(largest), Self.failOnError),
            failure: PictureError.corrupt)
        let srgb = try VipsImage(taking: helhed_vips_to_srgb(upright.pointer), failure: PictureError.corrupt)
        let bare = try VipsImage(taking: helhed_vips_without_metadata(srgb.pointer), failure: PictureError.corrupt)
        let decoded = try VipsImage(taking: helhed_vips_copy_memory(bare.pointer), failure: PictureError.corrupt)

        // Largest first, each width made from the one above it (in memory): every resize reads a smaller picture
        // than the decoded one (measured: 0.05–0.08 CPU s less per 4000 px photo, no visible difference).
        var variants: [EncodedVariant] = []
        var larger = decoded
        for width in widths.reversed() {
            let image = width == larger.width ? larger
                : try VipsImage(taking: helhed_vips_copy_memory_of_thumbnail(larger.pointer, Int32(width)), failure: PictureError.encodingFailed)
            variants.append(try encode(image, as: facts.fallbackFormat))
            variants.append(try encode(image, as: .webp))
            larger = image
        }
        return (facts, variants.reversed())
    }

    /// The card variants (`settings.cardSizes`, each cropped to its size around the middle), WebP and JPEG (PNG
    /// for a transparent picture): the JPEG is what Open Graph readers fetch, many of which cannot read WebP.
    func processCard(_ bytes: [UInt8]) throws(PictureError) -> (facts: PictureFacts, variants: [EncodedVariant]) {
        try bytes.withUnsafeBytes { buffer in Result { () throws(PictureError) in try processCard(buffer) } }.get()
    }

    private func processCard(_ buffer: UnsafeRawBufferPointer) throws(PictureError) -> (facts: PictureFacts, variants: [EncodedVariant]) {
        let (facts, _) = try inspectHeader(buffer)
        let fallback: PictureFormat = facts.hasAlpha ? .png : .jpeg
        // Decoded once, cropped to the largest card size; the smaller sizes (the same shape) are made from it.
        let sizes = settings.cardSizes.sorted { $0.width > $1.width }
        guard let largest = sizes.first else { throw .corrupt("no card size is set") }
        let cropped = try VipsImage(
            taking: helhed_vips_thumbnail_crop_buffer(buffer.baseAddress, buffer.count, Int32(largest.width), Int32(largest.height), Self.failOnError),
            failure: PictureError.corrupt)
        let srgb = try VipsImage(taking: helhed_vips_to_srgb(cropped.pointer), failure: PictureError.corrupt)
        let bare = try VipsImage(taking: helhed_vips_without_metadata(srgb.pointer), failure: PictureError.corrupt)
        let decoded = try VipsImage(taking: helhed_vips_copy_memory(bare.pointer), failure: PictureError.corrupt)
        var variants: [EncodedVariant] = []
        for size in sizes {
            let image = size.width == decoded.width ? decoded
                : try VipsImage(taking: helhed_vips_copy_memory_of_thumbnail(decoded.pointer, Int32(size.width)), failure: PictureError.encodingFailed)
            variants.append(try encode(image, as: fallback))
            variants.append(try encode(image, as: .webp))
        }
        variants.reverse()
        return (PictureFacts(width: facts.width, height: facts.height, hasAlpha: facts.hasAlpha, fallbackFormat: fallback), variants)
    }

    private func encode(_ image: VipsImage, as format: PictureFormat) throws(PictureError) -> EncodedVariant {
        let bytes: [UInt8]
        switch format {
        case .webp:
            let encoded = try image.encode(failure: PictureError.encodingFailed) { pointer, output, length in
                helhed_vips_save_webp(pointer, Int32(settings.webpQuality), Int32(settings.webpEffort), output, length)
            }
            guard let stripped = WebPContainer.strippingMetadata(encoded) else {
                throw .encodingFailed("libwebp wrote a file that is not a well-formed WebP")
            }
            bytes = stripped
        case .jpeg:
            bytes = try image.encode(failure: PictureError.encodingFailed) { pointer, output, length in
                helhed_vips_save_jpeg(pointer, Int32(settings.jpegQuality), output, length)
            }
        case .png:
            bytes = try image.encode(failure: PictureError.encodingFailed) { pointer, output, length in
                helhed_vips_save_png(pointer, Int32(settings.pngCompression), output, length)
            }
        }
        let variant = PictureVariant(format: format, width: image.width, height: image.height,
                                     byteCount: bytes.count, sha256: Vips.sha256(bytes))
        return EncodedVariant(variant: variant, bytes: bytes)
    }

    /// VipsFailOn 2, "error": fails on errors and on truncated files, not on warnings, which many camera JPEGs give
    /// harmlessly ("extraneous bytes before marker").
    static let failOnError: Int32 = 2

    private func inspectHeader(_ buffer: UnsafeRawBufferPointer) throws(PictureError) -> (facts: PictureFacts, kind: PictureSourceKind) {
        let runtime = try Vips.start()
        guard buffer.count <= settings.maxFileBytes else {
            throw .fileTooLarge(bytes: buffer.count, limit: settings.maxFileBytes)
        }
        guard buffer.count > 0, let loader = helhed_vips_loader_for_buffer(buffer.baseAddress, buffer.count) else {
            _ = Vips.takeError()  // "not a known format": our own message says it better.
            throw .notAPicture
        }
        let kind = try PictureSourceKind(loaderName: String(cString: loader), readsHEIF: runtime.readsHEIF)
        let header = try VipsImage(taking: helhed_vips_open_header(buffer.baseAddress, buffer.count, Self.failOnError),
                                   failure: PictureError.corrupt)
        let (width, height) = (header.width, header.height)
        guard width > 0, height > 0 else { throw .corrupt("the header gives a size of \(width)×\(height)") }
        // Multiplied as Int (64-bit): a header's 65535×65535 cannot overflow.
        guard width * height <= settings.maxPixels else {
            throw .tooManyPixels(width: width, height: height, limit: settings.maxPixels)
        }
        // Orientations 5–8 turn the picture a quarter: the upright picture's width is the stored height.
        let quarterTurn = (5...8).contains(header.orientation)
        let facts = PictureFacts(width: quarterTurn ? height : width, height: quarterTurn ? width : height,
                                 hasAlpha: header.hasAlpha, fallbackFormat: kind.fallbackFormat(hasAlpha: header.hasAlpha))
        return (facts, kind)
    }
}
