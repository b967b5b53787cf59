import Dispatch
import Foundation
import Testing
@testable import HelhedCore

/// Timings and sizes for BENCHMARKS, not run by default (they take a while and mean nothing on a busy machine):
///
///     HELHED_MEASURE_PICTURES=1 swift test --skip-build --filter PictureMeasurements
///     HELHED_MEASURE_PICTURES=/path/a.jpg:/path/b.jpg swift test --skip-build --filter PictureMeasurements
///
/// With `1` it measures a 4000×3000 photo-like JPEG made by libvips; with paths, those files as well.
@Suite("Pictures: measurements", .serialized,
       .enabled(if: ProcessInfo.processInfo.environment["HELHED_MEASURE_PICTURES"] != nil && TestPictures.unavailable == nil,
                "set HELHED_MEASURE_PICTURES=1 (or photo paths) to measure"))
struct PictureMeasurements {
    private var photos: [(name: String, bytes: [UInt8])] {
        get throws {
            var result = [("made by libvips 4000×3000 Q92", try TestPictures.cameraJPEG(width: 4000, height: 3000, orientation: 1, quality: 92))]
            let paths = (ProcessInfo.processInfo.environment["HELHED_MEASURE_PICTURES"] ?? "").split(separator: ":").filter { $0 != "1" }
            for path in paths {
                result.append((String(path.split(separator: "/").last ?? path), [UInt8](try Data(contentsOf: URL(fileURLWithPath: String(path))))))
            }
            return result
        }
    }

    /// CPU seconds of the whole process (libvips' worker threads included).
    private func cpuSeconds() -> Double {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6
    }

    private func wallSeconds() -> Double { Double(DispatchTime.now().uptimeNanoseconds) / 1e9 }

    @Test func onePhotoIntoAllVariants() throws {
        let processor = PictureProcessor()
        for (name, bytes) in try photos {
            _ = try processor.process(bytes)  // warm-up: libvips start, code paging in
            var cpu: [Double] = [], wall: [Double] = []
            var variants: [EncodedVariant] = []
            for _ in 0..<3 {
                let (c0, w0) = (cpuSeconds(), wallSeconds())
                variants = try processor.process(bytes).variants
                cpu.append(cpuSeconds() - c0)
                wall.append(wallSeconds() - w0)
            }
            // The card variants (`image:`: 600×315 and 1200×630, cropped), which an article picture adds.
            var cardCPU: [Double] = []
            for _ in 0..<3 {
                let c0 = cpuSeconds()
                _ = try processor.processCard(bytes)
                cardCPU.append(cpuSeconds() - c0)
            }
            print("PICTURE \(name): card variants CPU s (best of 3) \(String(format: "%.3f", cardCPU.min()!))")
            let sizes = variants.map { "\($0.variant.width)w.\($0.variant.format.fileExtension) \($0.variant.byteCount / 1024) KB" }
            print("PICTURE \(name): \(bytes.count / 1024) KB source; CPU s per photo (best of 3) \(String(format: "%.3f", cpu.min()!)), wall \(String(format: "%.3f", wall.min()!)); \(sizes.joined(separator: ", "))")
        }
    }

    @Test func parallelPicturesWithOneOrMoreLibvipsThreads() throws {
        let source = try TestPictures.cameraJPEG(width: 4000, height: 3000, orientation: 1, quality: 92)
        let batch = Array(repeating: source, count: 6)
        let processor = PictureProcessor()
        let before = Vips.threadsPerPicture
        defer { Vips.threadsPerPicture = before }
        for threads in [1, 2] {
            Vips.threadsPerPicture = threads
            for (label, parallel) in [("one picture at a time", false), ("a picture per core", true)] {
                let (c0, w0) = (cpuSeconds(), wallSeconds())
                if parallel {
                    _ = batch.parallelMap { try? processor.process($0) }
                } else {
                    for bytes in batch { _ = try processor.process(bytes) }
                }
                print("PICTURE batch of \(batch.count), \(threads) libvips thread(s) per picture, \(label): wall \(String(format: "%.2f", wallSeconds() - w0)) s, CPU \(String(format: "%.2f", cpuSeconds() - c0)) s")
            }
        }
    }
}
