import Foundation

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
enum PublishSettings {
    /// The target from `site.yml`, or nil when the file has no `publish:`. `path` is how the file is named in messages.
    static func target(fromSiteConfig url: URL, path: String) throws(UploadError) -> PublishTarget? {
        guard let data = FileManager.default.contents(atPath: url.path) else { return nil }
        return try target(yaml: String(decoding: data, as: UTF8.self), path: path)
    }

    static func target(yaml: String, path: String) throws(UploadError) -> PublishTarget? {
        func refuse(_ line: Int, _ message: String) -> UploadError {
            UploadError(.badSettings, "\(path):\(line): error: \(message)")
        }
        let config: FrontMatter
        do {
            config = try FrontMatter(yaml: yaml, path: path, firstLine: 1)
        } catch {
            throw UploadError(.badSettings, "\(path): error: the file is not valid YAML; helhed build explains where")
        }
        guard let (publish, line) = config.value("publish") else { return nil }
        guard case .group(let fields, _) = publish else {
            throw refuse(line, "'publish' must be a group with target (and port), e.g. publish: { target: \"user@host:/var/www/site\" }")
        }
        for field in fields where !["target", "port"].contains(field.name) {
            throw refuse(config.fileLine(field.line), "'publish' has an unknown field '\(field.name)'; it knows target and port")
        }
        guard let target = fields.first(where: { $0.name == "target" }) else {
            throw refuse(line, "'publish' needs a target: \(PublishTarget.syntax)")
        }
        guard let text = target.value.text else {
            throw refuse(config.fileLine(target.line), "'target' must be text: \(PublishTarget.syntax)")
        }
        var port = PublishTarget.defaultPort
        if let portField = fields.first(where: { $0.name == "port" }) {
            guard let number = portField.value.text.flatMap({ Int($0) }) else {
                throw refuse(config.fileLine(portField.line), "'port' must be a number (got \"\(portField.value.text ?? "a group")\")")
            }
            port = number
        }
        do {
            return try PublishTarget(text, port: port)
        } catch {
            throw refuse(config.fileLine(target.line), error.message)
        }
    }
}
