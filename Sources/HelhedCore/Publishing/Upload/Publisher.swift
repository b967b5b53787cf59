import Foundation

/// `helhed publish` behind one door: where the site goes (from `--target`/`--port` or `publish:` in `site.yml`),
/// then one upload of the built folder. The CLI builds in between, so a bad target fails before any build.
public struct Publisher: Sendable {
    let options: UploadOptions

    /// Resolves the target: `target` wins over `site.yml`, `port` over `publish.port`. `contentFolder` is as the
    /// user typed it, for messages; `identity` and `knownHosts` are ssh's key and known-hosts files (nil: ssh's own).
    public init(contentFolder: String, output: URL, target: String?, port: Int?, dryRun: Bool, identity: URL?,
                knownHosts: URL?) throws(UploadError) {
        let resolved = try Self.target(contentFolder: contentFolder, target: target, port: port)
        options = UploadOptions(source: output, target: resolved, dryRun: dryRun, identityFile: identity,
                                knownHostsFile: knownHosts)
    }

    /// Uploads the output folder; rsync's own progress is not printed, only the summary.
    public func upload() throws(UploadError) -> UploadSummary {
        try Uploader(options).upload()
    }

    private static func target(contentFolder: String, target: String?, port: Int?) throws(UploadError) -> PublishTarget {
        if let target { return try PublishTarget(target, port: port ?? PublishTarget.defaultPort) }
        let configPath = contentFolder + "/" + ContentLoader.configFile
        guard let fromSite = try PublishSettings.target(fromSiteConfig: URL(fileURLWithPath: configPath), path: configPath) else {
            throw UploadError(.badTarget, "no publish target: add publish: { target: \"user@host:/var/www/site\" } to \(configPath), or pass --target")
        }
        guard let port else { return fromSite }
        return try PublishTarget(fromSite.description, port: port)
    }
}
