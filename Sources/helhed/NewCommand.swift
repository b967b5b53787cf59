import ArgumentParser
import Foundation
import HelhedCore

/// `helhed new artikel "Titel"` / `helhed new ord "Term"`; the work is `NewContent`'s.
struct New: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: say(.helpNew),
        subcommands: [NewArticle.self, NewTerm.self]
    )
}

struct NewArticle: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "artikel",
        abstract: say(.helpNewArticle)
    )

    @Argument(help: ArgumentHelp(say(.helpArticleTitle)))
    var title: String

    @Option(help: ArgumentHelp(say(.helpKind)))
    var kind = ArticleKind.caseStory.rawValue

    @Option(help: ArgumentHelp(say(.helpContent)))
    var content = "Content"

    @OptionGroup var language: MessageOption

    func validate() throws {
        guard ArticleKind(rawValue: kind) != nil else {
            throw ValidationError(say(Message(.kindOptionInvalid, ["kind": kind])))
        }
    }

    func run() throws {
        try createContent(.article(ArticleKind(rawValue: kind)!), title: title, content: content)
    }
}

struct NewTerm: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ord",
        abstract: say(.helpNewTerm)
    )

    @Argument(help: ArgumentHelp(say(.helpTermTitle)))
    var title: String

    @Option(help: ArgumentHelp(say(.helpContent)))
    var content = "Content"

    @OptionGroup var language: MessageOption

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
        print(created.announcement(in: messageLanguage))
    } catch {
        report([error])
        throw ExitCode(1)
    }
}
