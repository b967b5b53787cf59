import Foundation

/// The theme a site is rendered with: its templates, checked against the view models, and its assets.
struct Theme: Sendable {
    let templates: TemplateSet
    let assets: ThemeAssets

    /// The templates, reused from the memo while no template file changed. They need nothing from the content, so
    /// the pipeline loads them while it reads the content.
    static func loadTemplates(_ options: BuildOptions, memo: TemplateMemo) -> Result<TemplateSet, BuildFailure> {
        let folder = options.templatesFolder
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        var stamps: [String: FileStamp] = [:]
        if memo.isEnabled {
            for name in names where name.hasSuffix(".mustache") {
                stamps[name] = FileStamp(path: folder.appendingPathComponent(name).path)
            }
        }
        return Result { () throws(BuildFailure) in
            try memo.value(key: 0, inputs: stamps) { (_) throws(BuildFailure) in
                try TemplateSet(folder: folder, displayFolder: options.displayName(folder))
            }
        }
    }

    /// The assets' addresses depend on the site's base URL, known once the content is read.
    init(templates: TemplateSet, options: BuildOptions, baseURL: BaseURL) throws(BuildFailure) {
        self.templates = templates
        assets = try ThemeAssets(templatesFolder: options.templatesFolder,
                                 displayFolder: options.displayName(options.templatesFolder), baseURL: baseURL)
    }
}

/// The theme's memo: the loaded templates, by the stamps of their files.
typealias TemplateMemo = StageMemo<Int, [String: FileStamp], TemplateSet>
