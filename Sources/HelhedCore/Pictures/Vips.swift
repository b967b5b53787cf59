import Foundation
import CVipsShim

/// libvips, started once per process. Everything in `Pictures/` goes through here or through `VipsImage`.
enum Vips {
    /// What a started libvips offers.
    struct Runtime: Sendable, Hashable {
        /// e.g. "8.14.1".
        let version: String
        /// Whether HEIC/AVIF can be read (Debian's libvips loads libheif as a module; it may be absent).
        let readsHEIF: Bool
    }

    /// Started on first use, exactly once (a `static let` is initialised once, thread-safely): VIPS_INIT, the operation
    /// cache off, untrusted loaders blocked, and one thread per image (see `threadsPerPicture`).
    private static let started: Result<Runtime, PictureError> = {
        guard helhed_vips_start() == 0 else {
            return .failure(.libvipsUnavailable(takeError() ?? "VIPS_INIT failed"))
        }
        // Helhed processes one picture per task on every core; libvips' own threads per image would only compete.
        // Measured (6 photos of 4000×3000, 2 cores, a busy machine): 16.7 s with one thread per picture and a
        // picture per core, 17.8 s with two threads per picture and a picture per core; one picture at a time took
        // 18.7 s (1 thread) and 16.3 s (2 threads). Within the noise of that machine; to be measured again quietly.
        helhed_vips_set_concurrency(1)
        let needed = ["jpegload_buffer", "pngload_buffer", "webpload_buffer", "thumbnail_buffer",
                      "jpegsave_buffer", "pngsave_buffer", "webpsave_buffer"]
        let missing = needed.filter { helhed_vips_has_operation($0) == 0 }
        guard missing.isEmpty else {
            return .failure(.libvipsUnavailable("this libvips cannot \(missing.joined(separator: ", "))"))
        }
        let version = (0...2).map { String(helhed_vips_version(Int32($0))) }.joined(separator: ".")
        return .success(Runtime(version: version, readsHEIF: helhed_vips_has_operation("heifload_buffer") != 0))
    }()

    /// The libvips version Helhed was built with, known without opening the library (tens of milliseconds, and its
    /// ~70 libraries, that a build whose pictures are all in the cache need not spend). Debian keeps the library
    /// and its headers at one version; a new libvips comes with a rebuild of Helhed, and so with new cache keys.
    static let linkedVersion = String(cString: helhed_vips_built_version())

    /// The running libvips, or why it cannot run.
    static func start() throws(PictureError) -> Runtime {
        try started.get()
    }

    /// Why libvips cannot be used here, or nil when it can (for tests, which skip visibly without it).
    static var unavailableReason: String? {
        if case .failure(let error) = started { return error.description }
        return nil
    }

    /// How many threads libvips uses for one picture. 1 (the default set at start) when pictures are processed in
    /// parallel; measurements may raise it to compare.
    static var threadsPerPicture: Int {
        get { Int(helhed_vips_concurrency()) }
        set { helhed_vips_set_concurrency(Int32(newValue)) }
    }

    /// libvips' error text since the last call, cleared. libvips keeps one buffer for all threads, so when two
    /// pictures fail at the same moment a message may hold both; it still names what went wrong.
    static func takeError() -> String? {
        guard let text = helhed_vips_take_error() else { return nil }
        defer { helhed_vips_free(text) }
        let message = String(cString: text).split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }
        return message.filter { !$0.isEmpty }.joined(separator: "; ")
    }

    /// SHA-256 as 64 hex digits, from GLib (already linked through libvips), for cache keys and cache checks.
    static func sha256(_ bytes: UnsafeRawBufferPointer) -> String {
        guard let hex = helhed_sha256_hex(bytes.baseAddress, bytes.count) else { return "" }
        defer { helhed_vips_free(hex) }
        return String(cString: hex)
    }

    static func sha256(_ bytes: [UInt8]) -> String {
        bytes.withUnsafeBytes { sha256($0) }
    }
}

/// One reference to a libvips image, released when the value goes. libvips images are safe to read from several
/// threads, but Helhed uses each on one task only.
final class VipsImage: @unchecked Sendable {
    let pointer: OpaquePointer

    /// Takes over a reference that a shim call returned; nil (with libvips' error) when the call failed.
    init(taking pointer: OpaquePointer?, failure: (String) -> PictureError) throws(PictureError) {
        guard let pointer else { throw failure(Vips.takeError() ?? "libvips gave no reason") }
        self.pointer = pointer
    }

    deinit { helhed_vips_unref(pointer) }

    var width: Int { Int(helhed_vips_width(pointer)) }
    var height: Int { Int(helhed_vips_height(pointer)) }
    var bands: Int { Int(helhed_vips_bands(pointer)) }
    var hasAlpha: Bool { helhed_vips_has_alpha(pointer) != 0 }
    var orientation: Int { Int(helhed_vips_orientation(pointer)) }
    /// VipsInterpretation: 22 is sRGB, 26 is B_W (8-bit grey).
    var interpretation: Int { Int(helhed_vips_interpretation(pointer)) }
    static let sRGBInterpretation = 22
    static let greyInterpretation = 26

    /// The names of every metadata field (e.g. "exif-data", "exif-ifd3-GPSLatitude", "xmp-data", "icc-profile-data").
    var fieldNames: [String] {
        guard let names = helhed_vips_field_names(pointer) else { return [] }
        defer { helhed_vips_free_strings(names) }
        var result: [String] = []
        var index = 0
        while let name = names[index] {
            result.append(String(cString: name))
            index += 1
        }
        return result
    }

    /// Runs one of the shim's encoders and copies its output into Swift memory.
    func encode(
        failure: (String) -> PictureError,
        _ save: (OpaquePointer, UnsafeMutablePointer<UnsafeMutableRawPointer?>, UnsafeMutablePointer<Int>) -> Int32
    ) throws(PictureError) -> [UInt8] {
        var bytes: UnsafeMutableRawPointer?
        var length = 0
        guard save(pointer, &bytes, &length) == 0, let bytes else {
            throw failure(Vips.takeError() ?? "libvips gave no reason")
        }
        defer { helhed_vips_free(bytes) }
        return Array(UnsafeRawBufferPointer(start: bytes, count: length))
    }
}
