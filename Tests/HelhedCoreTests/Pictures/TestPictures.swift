import CVipsShim
import Foundation
@testable import HelhedCore

/// Pictures made at test time with libvips itself, so the tests need no binary fixtures.
enum TestPictures {
    /// Why the picture tests cannot run here, or nil: they are skipped, visibly, with this reason.
    static let unavailable = Vips.unavailableReason

    /// A photo-like JPEG (textured noise at three scales and grain) with EXIF orientation `orientation`, GPS
    /// coordinates, an XMP packet and an IPTC block: everything that must not reach the published variants.
    static func cameraJPEG(width: Int, height: Int, orientation: Int = 6, quality: Int = 92, seed: Int = 7) throws -> [UInt8] {
        let photo = try image(helhed_vips_make_test_photo(Int32(width), Int32(height), Int32(seed)))
        let exif = exifBlock(orientation: orientation)
        let withExif = try image(exif.withUnsafeBytes { helhed_vips_with_blob(photo.pointer, "exif-data", $0.baseAddress, $0.count) })
        let withOrientation = try image(helhed_vips_with_int(withExif.pointer, "orientation", Int32(orientation)))
        let xmp = Array(xmpPacket.utf8)
        let withXMP = try image(xmp.withUnsafeBytes { helhed_vips_with_blob(withOrientation.pointer, "xmp-data", $0.baseAddress, $0.count) })
        let iptc = iptcBlock
        let withIPTC = try image(iptc.withUnsafeBytes { helhed_vips_with_blob(withXMP.pointer, "iptc-data", $0.baseAddress, $0.count) })
        return try withIPTC.encode(failure: PictureError.encodingFailed) { pointer, output, length in
            helhed_vips_save_jpeg_keeping_metadata(pointer, Int32(quality), output, length)
        }
    }

    /// A photo-like picture without metadata, in `format`.
    static func plain(width: Int, height: Int, format: PictureFormat, seed: Int = 3) throws -> [UInt8] {
        let photo = try image(helhed_vips_make_test_photo(Int32(width), Int32(height), Int32(seed)))
        return try save(photo, as: format)
    }

    /// A half-transparent picture (4 bands), in `format`.
    static func transparent(width: Int, height: Int, format: PictureFormat) throws -> [UInt8] {
        try save(try image(helhed_vips_make_transparent(Int32(width), Int32(height))), as: format)
    }

    /// A PNG whose header claims `width`×`height` pixels of 8-bit RGB, with a few bytes of compressed data: a
    /// decompression bomb's shape, a few hundred bytes on disk.
    static func pngClaiming(width: Int, height: Int) -> [UInt8] {
        var header: [UInt8] = []
        for value in [width, height] { header += bigEndian32(value) }
        header += [8, 2, 0, 0, 0]  // 8 bits, RGB, deflate, adaptive filter, no interlace
        // zlib stream of a few zero bytes: enough that decoding would have to go on making pixels.
        let idat: [UInt8] = [0x78, 0x9C, 0x63, 0x60, 0x18, 0x05, 0x00, 0x00, 0x00, 0x01]
        return [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] + chunk("IHDR", header) + chunk("IDAT", idat) + chunk("IEND", [])
    }

    /// Reads a picture back with libvips (all metadata fields included).
    static func read(_ bytes: [UInt8]) throws -> VipsImage {
        try image(bytes.withUnsafeBytes { helhed_vips_open_header($0.baseAddress, $0.count, 2) })
    }

    // MARK: Pieces

    private static func image(_ pointer: OpaquePointer?) throws -> VipsImage {
        try VipsImage(taking: pointer, failure: PictureError.encodingFailed)
    }

    private static func save(_ picture: VipsImage, as format: PictureFormat) throws -> [UInt8] {
        try picture.encode(failure: PictureError.encodingFailed) { pointer, output, length in
            switch format {
            case .jpeg: helhed_vips_save_jpeg(pointer, 90, output, length)
            case .png: helhed_vips_save_png(pointer, 6, output, length)
            case .webp: helhed_vips_save_webp(pointer, 90, 4, output, length)
            }
        }
    }

    /// An EXIF APP1 payload (little-endian TIFF): IFD0 with Orientation and a GPS IFD with latitude/longitude of
    /// Copenhagen, which is what a phone writes and what must never be published.
    static func exifBlock(orientation: Int) -> [UInt8] {
        var tiff: [UInt8] = [0x49, 0x49, 0x2A, 0x00, 0x08, 0x00, 0x00, 0x00]
        let gpsOffset = 8 + 2 + 2 * 12 + 4
        let dataOffset = gpsOffset + 2 + 5 * 12 + 4
        tiff += le16(2)
        tiff += entry(tag: 0x0112, type: 3, count: 1, value: le16(orientation) + [0, 0])
        tiff += entry(tag: 0x8825, type: 4, count: 1, value: le32(gpsOffset))
        tiff += le32(0)
        tiff += le16(5)
        tiff += entry(tag: 0x0000, type: 1, count: 4, value: [2, 2, 0, 0])
        tiff += entry(tag: 0x0001, type: 2, count: 2, value: [0x4E, 0, 0, 0])  // "N"
        tiff += entry(tag: 0x0002, type: 5, count: 3, value: le32(dataOffset))
        tiff += entry(tag: 0x0003, type: 2, count: 2, value: [0x45, 0, 0, 0])  // "E"
        tiff += entry(tag: 0x0004, type: 5, count: 3, value: le32(dataOffset + 24))
        tiff += le32(0)
        for (numerator, denominator) in [(55, 1), (40, 1), (3012, 100), (12, 1), (34, 1), (1234, 100)] {
            tiff += le32(numerator) + le32(denominator)
        }
        return Array("Exif".utf8) + [0, 0] + tiff
    }

    static let xmpPacket = """
        <?xpacket begin="" id="W5M0MpCehiHzreSzNTczkc9d"?><x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF \
        xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description rdf:about="" \
        xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:creator>Hemmelig Fotograf</dc:creator></rdf:Description>\
        </rdf:RDF></x:xmpmeta><?xpacket end="w"?>
        """

    /// A Photoshop APP13 block holding one IPTC caption.
    static var iptcBlock: [UInt8] {
        let caption = Array("Privat billedtekst".utf8)
        let iptc: [UInt8] = [0x1C, 0x02, 0x78] + [UInt8(caption.count >> 8), UInt8(caption.count & 0xFF)] + caption
        var resource = Array("8BIM".utf8) + [0x04, 0x04, 0x00, 0x00] + bigEndian32(iptc.count) + iptc
        if resource.count % 2 == 1 { resource.append(0) }
        return Array("Photoshop 3.0".utf8) + [0] + resource
    }

    private static func entry(tag: Int, type: Int, count: Int, value: [UInt8]) -> [UInt8] {
        le16(tag) + le16(type) + le32(count) + value
    }

    private static func le16(_ value: Int) -> [UInt8] { [UInt8(value & 0xFF), UInt8(value >> 8 & 0xFF)] }
    private static func le32(_ value: Int) -> [UInt8] { le16(value & 0xFFFF) + le16(value >> 16 & 0xFFFF) }
    private static func bigEndian32(_ value: Int) -> [UInt8] { le32(value).reversed() }

    private static func chunk(_ type: String, _ data: [UInt8]) -> [UInt8] {
        let typed = Array(type.utf8) + data
        return bigEndian32(data.count) + typed + bigEndian32(Int(crc32(typed)))
    }

    private static func crc32(_ bytes: [UInt8]) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in bytes {
            crc ^= UInt32(byte)
            for _ in 0..<8 { crc = crc & 1 == 1 ? (crc >> 1) ^ 0xEDB8_8320 : crc >> 1 }
        }
        return ~crc
    }
}
