import ArgumentParser
import Foundation
import HelhedCore

/// `helhed check`: build without writing and report problems; the work is `SiteCheck`'s.
struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: say(.helpCheck)
    )

    @OptionGroup var folders: SiteFolders

    @Flag(help: ArgumentHelp(say(.helpSpelling)))
    var spelling = false

    @Flag(help: ArgumentHelp(say(.helpLix)))
    var lix = false

    func run() throws {
        // --- Writing aids (HelhedCore/WritingAids): --spelling reads the content and checks the spelling alone.
        if spelling {
            let (result, pageCount) = WritingAids.checkContent(try folders.buildOptions(output: "Public"), aids: [.spelling])
            let diagnostics = Array(Set(result.diagnostics)).sorted()
            report(diagnostics)
            let unknown = diagnostics.filter { $0.severity == .warning }.count
            print(say(Message(.spellingSummary, parts: ["pages": .count(pageCount, one: .pagesOne, many: .pagesMany),
                                                            "words": .count(unknown, one: .unknownWordsOne, many: .unknownWordsMany)])))
            if diagnostics.contains(where: { $0.severity == .error }) { throw ExitCode(1) }
            return
        }
        if lix {
            let (result, _) = WritingAids.checkContent(try folders.buildOptions(output: "Public"), aids: [.readability])
            result.readabilityLines.forEach { print($0) }
        }
        // --- end of writing aids
        let result = SiteCheck.run(try folders.buildOptions(output: "Public"))
        report(result.diagnostics)
        print(result.summary(in: messageLanguage))
        if result.diagnostics.contains(where: { $0.severity == .error }) { throw ExitCode(1) }
    }
}
