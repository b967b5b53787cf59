import Dispatch
import HelhedCore

/// What one rebuild hands to the server: the complete current site and what it cost.
public struct RebuildOutput: Sendable {
    /// Every file of the site, not only the changed ones.
    public var files: [OutputFile]
    /// Site paths whose bytes changed since the previous rebuild, when the generator knows; nil when it does not.
    /// The server checks changes itself either way; with this list it can skip comparing files that did not change.
    public var changedPaths: [String]?
    public var renderedPageCount: Int
    public var milliseconds: Int
    public var warnings: [Diagnostic]

    public init(files: [OutputFile], changedPaths: [String]?, renderedPageCount: Int, milliseconds: Int, warnings: [Diagnostic]) {
        self.files = files
        self.changedPaths = changedPaths
        self.renderedPageCount = renderedPageCount
        self.milliseconds = milliseconds
        self.warnings = warnings
    }
}

/// The seam between the server and the core: something that builds the site again, as cheaply as it can.
/// One instance is used from one serial queue at a time, so it may keep state between rebuilds.
///
/// An incremental generator drops in with an adapter of this shape, passed as `ServeOptions.makeRebuilder`:
///
///     final class IncrementalSiteRebuilder: SiteRebuilding {
///         private let generator: IncrementalGenerator
///         init(options: BuildOptions) { generator = IncrementalGenerator(options: options) }
///         func rebuild() throws(BuildFailure) -> RebuildOutput {
///             let result = try generator.rebuild()
///             return RebuildOutput(files: result.files, changedPaths: result.changedPaths,
///                                  renderedPageCount: result.renderedPageCount, milliseconds: result.milliseconds,
///                                  warnings: result.warnings)
///         }
///     }
public protocol SiteRebuilding: AnyObject {
    func rebuild() throws(BuildFailure) -> RebuildOutput
}

/// Makes a rebuilder for a set of options. The server makes a new one when the options change (the base URL follows
/// `base_url` in `site.yml`), which is what lets an incremental generator keep `init(options:)`.
public typealias SiteRebuilderFactory = @Sendable (BuildOptions) -> any SiteRebuilding

/// Builds the whole site every time. Correct, and fast enough for sites of a few hundred pages; the server works out
/// what changed by comparing bytes.
public final class FullSiteRebuilder: SiteRebuilding {
    private let options: BuildOptions

    public init(options: BuildOptions) {
        self.options = options
    }

    public func rebuild() throws(BuildFailure) -> RebuildOutput {
        let start = DispatchTime.now().uptimeNanoseconds
        let site = try SiteGenerator.generate(options)
        let milliseconds = Int((DispatchTime.now().uptimeNanoseconds - start) / 1_000_000)
        return RebuildOutput(files: site.files, changedPaths: nil, renderedPageCount: site.pageCount,
                             milliseconds: milliseconds, warnings: site.warnings)
    }

    public static let factory: SiteRebuilderFactory = { FullSiteRebuilder(options: $0) }
}
