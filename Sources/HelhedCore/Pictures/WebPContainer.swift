/// WebP's RIFF container, for one job: removing metadata chunks after encoding.
///
/// libvips 8.14 (Debian 12's) ignores `strip` when saving WebP and writes an EXIF chunk it builds from the image's
/// header (orientation, resolution, dimensions), even after every metadata field has been removed from the image.
/// Measured with a camera photo: every WebP variant carried an `EXIF` chunk, while the JPEG and PNG ones were clean.
/// So the chunks are removed here, whatever libvips version writes them.
enum WebPContainer {
    /// Chunks that hold metadata, never pixels.
    static let metadataChunks: Set<String> = ["EXIF", "XMP ", "ICCP"]

    /// The WebP without EXIF, XMP and ICC chunks, their flags cleared in the VP8X header; nil when the bytes are
    /// not a well-formed WebP (which the caller treats as an encoding failure rather than publishing them).
    static func strippingMetadata(_ bytes: [UInt8]) -> [UInt8]? {
        guard bytes.count >= 12, fourCC(bytes, 0) == "RIFF", fourCC(bytes, 8) == "WEBP",
              Int(littleEndian32(bytes, 4)) + 8 == bytes.count else { return nil }
        var chunks: [ArraySlice<UInt8>] = []
        var offset = 12
        var removedAny = false
        while offset < bytes.count {
            guard offset + 8 <= bytes.count else { return nil }
            let size = Int(littleEndian32(bytes, offset + 4))
            // Chunks are padded to an even length.
            let end = offset + 8 + size + (size & 1)
            guard end <= bytes.count else { return nil }
            if metadataChunks.contains(fourCC(bytes, offset)) {
                removedAny = true
            } else {
                chunks.append(bytes[offset..<end])
            }
            offset = end
        }
        guard removedAny else { return bytes }

        var body: [UInt8] = Array("WEBP".utf8)
        for chunk in chunks {
            var chunk = Array(chunk)
            if fourCC(chunk, 0) == "VP8X", chunk.count >= 9 {
                // Flags: ICC 0x20, EXIF 0x08, XMP 0x04; alpha (0x10) and animation (0x02) stay as they are.
                chunk[8] &= ~UInt8(0x20 | 0x08 | 0x04)
            }
            body += chunk
        }
        return Array("RIFF".utf8) + littleEndianBytes(UInt32(body.count)) + body
    }

    /// The four-character chunk names present, in order (for tests).
    static func chunkNames(_ bytes: [UInt8]) -> [String] {
        var names: [String] = []
        var offset = 12
        while offset + 8 <= bytes.count {
            names.append(fourCC(bytes, offset))
            let size = Int(littleEndian32(bytes, offset + 4))
            offset += 8 + size + (size & 1)
        }
        return names
    }

    private static func fourCC(_ bytes: [UInt8], _ offset: Int) -> String {
        String(decoding: bytes[offset..<(offset + 4)], as: UTF8.self)
    }

    private static func littleEndian32(_ bytes: [UInt8], _ offset: Int) -> UInt32 {
        (0..<4).reduce(UInt32(0)) { $0 | UInt32(bytes[offset + $1]) << (8 * UInt32($1)) }
    }

    private static func littleEndianBytes(_ value: UInt32) -> [UInt8] {
        (0..<4).map { UInt8(truncatingIfNeeded: value >> (8 * UInt32($0))) }
    }
}
