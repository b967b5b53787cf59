import ArgumentParser
import Foundation
import HelhedCore

/// `helhed check`: build without writing and report problems; the work is `SiteCheck`'s.
struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check the site without writing it: broken links, missing alt text and summaries, unused terms, pages nothing links to."
    )

    @OptionGroup var folders: SiteFolders

    func run() throws {
        let result = SiteCheck.run(try folders.buildOptions(output: "Public"))
        report(result.diagnostics)
        print(result.summary)
        if result.hasErrors { throw ExitCode(1) }
    }
}
