/// Why a picture could not be made into variants. Every case is something an editor (or the machine) can cause, so
/// each says what happened and, where there is one, what to do; `diagnostic(for:)` turns it into a build error.
enum PictureError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The file could not be read (missing, a folder, no permission).
    case unreadable(String)
    /// Larger on disk than `PictureSettings.maxFileBytes`.
    case fileTooLarge(bytes: Int, limit: Int)
    /// No picture decoder recognises the bytes (a text file renamed .jpg, an empty file).
    case notAPicture
    /// A picture, but of a kind Helhed does not make variants of (GIF, TIFF, HEIC without libheif, …).
    case unsupportedFormat(String)
    /// The header claims more pixels than `PictureSettings.maxPixels`: refused before any pixel is decoded, so a
    /// small crafted file (a decompression bomb) cannot take the machine's memory.
    case tooManyPixels(width: Int, height: Int, limit: Int)
    /// The header or pixels could not be decoded: truncated, corrupt, or a header that lies.
    case corrupt(String)
    /// Encoding a variant failed.
    case encodingFailed(String)
    /// libvips is missing or cannot start.
    case libvipsUnavailable(String)
    /// The picture cache could not be written or read.
    case cacheFailed(String)

    var description: String {
        switch self {
        case .unreadable(let reason):
            "cannot read the picture: \(reason)"
        case .fileTooLarge(let bytes, let limit):
            "the picture file is \(megabytes(bytes)), more than the \(megabytes(limit)) allowed; export it smaller"
        case .notAPicture:
            "not a picture: no JPEG, PNG or WebP decoder recognises this file (is it empty, or another kind of file with a picture's name?)"
        case .unsupportedFormat(let format):
            "\(format) pictures are not made into web variants; save it as JPEG (photos) or PNG (drawings, screenshots)"
        case .tooManyPixels(let width, let height, let limit):
            "the picture claims \(width)×\(height) pixels (\(width * height / 1_000_000) megapixels), more than the \(limit / 1_000_000) megapixels allowed; scale it down before adding it"
        case .corrupt(let reason):
            "the picture is damaged or cut short and cannot be decoded (\(reason)); export it again"
        case .encodingFailed(let reason):
            "could not encode a variant of the picture (\(reason))"
        case .libvipsUnavailable(let reason):
            "libvips is needed for pictures and cannot be used (\(reason)); install libvips-dev"
        case .cacheFailed(let reason):
            "the picture cache failed: \(reason)"
        }
    }

    /// The error as a build diagnostic for the picture at `path` (e.g. "Content/billeder/kort.jpg").
    func diagnostic(for path: String) -> Diagnostic {
        .error(path, description)
    }

    private func megabytes(_ bytes: Int) -> String {
        let tenths = (bytes + 50_000) / 100_000
        return "\(tenths / 10).\(tenths % 10) MB"
    }
}
