import Foundation
import HelhedTemplates

/// The theme's Mustache templates (the HelhedTemplates module), loaded once and checked against the view models
/// before any page is rendered: every required template and partial exists, every tag names a field of the model,
/// and only HTML fields are inserted unescaped.
struct TemplateSet: Sendable {
    let library: TemplateLibrary

    /// Templates every theme must have, and the view model each page template renders.
    static let pageTemplates: [(name: String, sample: any PageModel)] = ViewModels.samples
    static let partials = ["layout", "head", "header", "footer"]

    /// Loads `*.mustache` from `folder`; `displayFolder` is how the folder is named in messages.
    init(folder: URL, displayFolder: String) throws(BuildFailure) {
        do {
            library = try TemplateLibrary(folder: folder, displayFolder: displayFolder)
        } catch {
            throw BuildFailure(error.problems.map(Self.diagnostic))
        }
        var diagnostics: [Diagnostic] = []
        for name in Self.partials + Self.pageTemplates.map(\.name) where !library.names.contains(name) {
            diagnostics.append(.error(displayFolder + "/" + name + ".mustache", .templateMissing))
        }
        if diagnostics.isEmpty {
            for (name, sample) in Self.pageTemplates {
                diagnostics += library.check(name, against: sample).map(Self.diagnostic)
            }
        }
        if !diagnostics.isEmpty { throw BuildFailure(diagnostics) }
    }

    /// A hash of the template and everything it includes: pages rendered with it are rendered again when it changes.
    func fingerprint(of template: String) -> Int {
        library.fingerprint(of: template)
    }

    func render(_ template: String, _ model: any PageModel) -> [UInt8] {
        library.render(template, model)
    }

    private static func diagnostic(_ problem: TemplateProblem) -> Diagnostic {
        .error(problem.file, line: problem.line ?? 0, .templateProblem, ["problem": problem.message])
    }
}
