import HelhedCore

/// The seam between the server and the core: something that builds the site again, as cheaply as it can, and says
/// which output files changed. One instance is used from one serial queue at a time, so it may keep state between
/// rebuilds.
public protocol SiteRebuilding: AnyObject {
    func rebuild() throws(BuildFailure) -> RebuildResult
}

/// The core's incremental generator re-parses, re-renders and re-templates only what a change touches.
extension IncrementalBuild: SiteRebuilding {}

/// Makes a rebuilder for a set of options. The server makes a new one when the options change (the base URL follows
/// `base_url` in `site.yml`).
public typealias SiteRebuilderFactory = @Sendable (BuildOptions) -> any SiteRebuilding

public enum SiteRebuilders {
    public static let incremental: SiteRebuilderFactory = { IncrementalBuild(options: $0) }
}
