import Foundation
import Yams

/// `publish:` in `site.yml`:
///
/// ```yaml
/// publish:
///   target: deploy@example.org:/var/www/site
///   port: 2222        # optional, 22 by default
/// ```
///
/// Read here rather than by `SiteConfig`, which only knows the key: a build does not need it, and a publish reads
/// nothing else from the file.
public enum PublishSettings {
    /// The target from `site.yml`, or nil when the file has no `publish:`. `path` is how the file is named in messages.
    public static func target(fromSiteConfig url: URL, path: String) throws(UploadError) -> PublishTarget? {
        guard let data = FileManager.default.contents(atPath: url.path) else { return nil }
        return try target(yaml: String(decoding: data, as: UTF8.self), path: path)
    }

    public static func target(yaml: String, path: String) throws(UploadError) -> PublishTarget? {
        func refuse(_ node: Node?, _ message: String) -> UploadError {
            UploadError(.badSettings, "\(path):\(node?.mark?.line ?? 1): error: \(message)")
        }
        let root: Node?
        do {
            root = try Yams.compose(yaml: yaml)
        } catch {
            throw UploadError(.badSettings, "\(path): error: the file is not valid YAML; helhed build explains where")
        }
        guard let publish = root?.mapping?["publish"] else { return nil }
        guard let fields = publish.mapping else {
            throw refuse(publish, "'publish' must be a group with target (and port), e.g. publish: { target: \"user@host:/var/www/site\" }")
        }
        for (key, _) in fields where !["target", "port"].contains(key.string ?? "") {
            throw refuse(key, "'publish' has an unknown field '\(key.string ?? "?")'; it knows target and port")
        }
        guard let targetNode = fields["target"] else { throw refuse(publish, "'publish' needs a target: \(PublishTarget.syntax)") }
        guard let text = targetNode.scalar?.string else { throw refuse(targetNode, "'target' must be text: \(PublishTarget.syntax)") }
        var port = PublishTarget.defaultPort
        if let portNode = fields["port"] {
            guard let number = portNode.scalar.flatMap({ Int($0.string) }) else {
                throw refuse(portNode, "'port' must be a number (got \"\(portNode.scalar?.string ?? "a group")\")")
            }
            port = number
        }
        do {
            return try PublishTarget(text, port: port)
        } catch {
            throw refuse(targetNode, error.message)
        }
    }
}
