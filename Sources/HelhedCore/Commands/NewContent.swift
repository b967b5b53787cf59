import Foundation

/// `helhed new artikel "Titel"` and `helhed new ord "Term"`: a new Markdown file with front matter to fill in, as a
/// draft, named after the title with the same slug rules as page addresses. Never overwrites a file.
public enum NewContent {
    public enum Kind: Sendable, Equatable {
        case article(ArticleKind)
        case term
    }

    /// What was created.
    public struct Created: Sendable, Equatable {
        /// The path as shown to the user, e.g. `Content/artikler/kolding.md`.
        let path: String
        let file: URL
        let slug: String

        /// "Created Content/artikler/x.md (draft: true; …)", what `helhed new` prints.
        public func announcement(in language: MessageLanguage) -> String {
            Message(.newCreated, ["path": path]).rendered(in: language)
        }
    }

    /// The placeholder a new term's summary starts with (a term must have a summary to build); `helhed check` warns
    /// about summaries that still start with it.
    static let placeholderPrefix = "TODO"

    public static func create(_ kind: Kind, title: String, contentFolder: URL, displayRoot: String) throws(Diagnostic) -> Created {
        try create(kind, title: title, contentFolder: contentFolder, displayRoot: displayRoot, today: .today())
    }

    static func create(_ kind: Kind, title rawTitle: String, contentFolder: URL, displayRoot: String,
                       today: Day) throws(Diagnostic) -> Created {
        let folderName = kind == .term ? ContentLoader.glossaryFolder : ContentLoader.articleFolder
        let displayFolder = displayRoot.isEmpty ? folderName : displayRoot + "/" + folderName
        let title = rawTitle.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !title.isEmpty else { throw .error(displayFolder, .newTitleEmpty, ["command": kind == .term ? "ord" : "artikel"]) }
        guard !title.contains(where: \.isNewline) else { throw .error(displayFolder, .newTitleNotOneLine) }
        let slug = Slug.make(from: title)
        guard !slug.isEmpty else { throw .error(displayFolder, .newTitleGivesEmptyAddress, ["title": title]) }

        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: contentFolder.path, isDirectory: &isFolder), isFolder.boolValue else {
            throw .error(displayRoot, .contentFolderMissing)
        }
        let folder = contentFolder.appendingPathComponent(folderName)
        let file = folder.appendingPathComponent(slug + ".md")
        let displayPath = displayFolder + "/" + slug + ".md"
        if FileManager.default.fileExists(atPath: file.path) {
            throw .error(displayPath, .newFileExists)
        }
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try Data(fileText(kind, title: title, today: today).utf8).write(to: file, options: .withoutOverwriting)
        } catch {
            throw .error(displayPath, .newCannotCreate, ["reason": error.localizedDescription])
        }
        return Created(path: displayPath, file: file, slug: slug)
    }

    /// The new file: front matter with `draft: true`, and a line of body text to replace.
    static func fileText(_ kind: Kind, title: String, today: Day) -> String {
        switch kind {
        case .article(let articleKind):
            return """
                ---
                title: \(yamlQuoted(title))
                date: \(today)
                kind: \(articleKind.rawValue)
                summary: ""
                tags: []
                draft: true
                ---

                Skriv artiklen her. Skriv også et resumé i 'summary', og slet linjen 'draft: true', når artiklen skal udgives.

                """
        case .term:
            return """
                ---
                title: \(yamlQuoted(title))
                summary: "\(placeholderPrefix): forklar ordet i én sætning."
                aliases: []
                related: []
                draft: true
                ---

                Skriv forklaringen her, og slet linjen 'draft: true', når den skal udgives.

                """
        }
    }

    /// A YAML double-quoted scalar: backslash, quote and control characters escaped.
    static func yamlQuoted(_ text: String) -> String {
        var quoted = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": quoted += "\\\\"
            case "\"": quoted += "\\\""
            case "\t": quoted += "\\t"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F {
                    quoted += String(format: "\\x%02X", scalar.value)
                } else {
                    quoted.unicodeScalars.append(scalar)
                }
            }
        }
        return quoted + "\""
    }
}
