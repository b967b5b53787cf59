import ArgumentParser
import Foundation
import HelhedCore

/// `helhed check`: build without writing and report problems; the work is `SiteCheck`'s.
struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check the site without writing it: broken links, missing alt text and summaries, unused terms, pages nothing links to."
    )

    @OptionGroup var folders: SiteFolders

    @Flag(help: "Only check the spelling (Danish hunspell, needs hunspell-da): unknown words with suggestions. Content/ordliste.txt lists words to accept.")
    var spelling = false

    @Flag(help: "Also print every article's LIX readability and its verdict (meget let, let, middel, svær, meget svær).")
    var lix = false

    func run() throws {
        // --- Writing aids (HelhedCore/WritingAids): --spelling reads the content and checks the spelling alone.
        if spelling {
            let (result, pageCount) = WritingAids.checkContent(try folders.buildOptions(output: "Public"), aids: [.spelling])
            let diagnostics = Array(Set(result.diagnostics)).sorted()
            report(diagnostics)
            let unknown = diagnostics.filter { $0.severity == .warning }.count
            print("Checked the spelling of \(pageCount) page\(pageCount == 1 ? "" : "s"): \(unknown) unknown word\(unknown == 1 ? "" : "s")")
            if diagnostics.contains(where: { $0.severity == .error }) { throw ExitCode(1) }
            return
        }
        if lix {
            let (result, _) = WritingAids.checkContent(try folders.buildOptions(output: "Public"), aids: [.readability])
            WritingAids.readabilityLines(result.readability).forEach { print($0) }
        }
        // --- end of writing aids
        let result = SiteCheck.run(try folders.buildOptions(output: "Public"))
        report(result.diagnostics)
        print(result.summary)
        if result.hasErrors { throw ExitCode(1) }
    }
}
