import ArgumentParser
import Foundation
import HelhedCore

/// `helhed new artikel "Titel"` / `helhed new ord "Term"`; the work is `NewContent`'s.
struct New: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Create a new article or glossary term as a draft.",
        subcommands: [NewArticle.self, NewTerm.self]
    )
}

struct NewArticle: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "artikel",
        abstract: "Create Content/artikler/<slug>.md with today's date, as a draft."
    )

    @Argument(help: "The article's title.")
    var title: String

    @Option(help: "explainer, case or event.")
    var kind = ArticleKind.caseStory.rawValue

    @Option(help: "The content folder.")
    var content = "Content"

    func validate() throws {
        guard ArticleKind(rawValue: kind) != nil else {
            throw ValidationError("--kind must be explainer, case or event (got \"\(kind)\")")
        }
    }

    func run() throws {
        try createContent(.article(ArticleKind(rawValue: kind)!), title: title, content: content)
    }
}

struct NewTerm: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ord",
        abstract: "Create Content/ordforklaringer/<slug>.md, as a draft."
    )

    @Argument(help: "The term, as written in running text.")
    var title: String

    @Option(help: "The content folder.")
    var content = "Content"

    func run() throws {
        try createContent(.term, title: title, content: content)
    }
}

private func createContent(_ kind: NewContent.Kind, title: String, content: String) throws {
    let current = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
    let folder = URL(fileURLWithPath: content, relativeTo: current)
    var displayRoot = content
    while displayRoot.count > 1 && displayRoot.hasSuffix("/") { displayRoot.removeLast() }
    do throws(Diagnostic) {
        let created = try NewContent.create(kind, title: title, contentFolder: folder, displayRoot: displayRoot)
        print("Created \(created.path) (draft: true; build or check with --drafts to see it)")
    } catch {
        report([error])
        throw ExitCode(1)
    }
}
