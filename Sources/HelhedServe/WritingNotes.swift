import HelhedCore
import HelhedTemplates

/// What `serve` says about the writing of the pages — spelling, words the glossary avoids, LIX targets — in the page
/// and in the terminal. All of its words are here.
enum WritingNotes {
    /// More notes than this on one page are counted, not listed: the terminal and `helhed check` have them all.
    static let shownPerPage = 50

    /// The page's notes as a region of their own, inserted after the error banner (if any). Unlike the banner it is
    /// not an alert and not sticky: notes never stand between the editor and the preview. At most half the window
    /// high; its headline and button stay in view while the list scrolls. `data-key` changes with the
    /// notes, so that a tab can keep dismissed notes hidden until they change. nil when the page has no notes.
    static func html(for page: PageNotes) -> String? {
        guard !page.notes.isEmpty else { return nil }
        let count = page.notes.count
        let items = page.notes.prefix(shownPerPage).map { "<li style=\"margin:2px 0\">\(HTMLEscaping.escape(item($0)))</li>" }.joined()
        let more = count > shownPerPage ? "<li>… and \(count - shownPerPage) more (see helhed check)</li>" : ""
        let headline = "\(count) writing note\(count == 1 ? "" : "s") on \(page.sourcePath)"
        let key = Fingerprint.hex(of: page.notes.map(\.description).joined(separator: "\n"))
        return """
        <aside id="helhed-notes" aria-labelledby="helhed-notes-title" lang="en" data-key="\(key)" style="box-sizing:border-box;\
        margin:0;padding:0 16px 12px;max-height:50vh;overflow:auto;background:#fff4d6;color:#1a1a1a;border-bottom:4px solid #8a5a00;\
        font:16px/1.5 system-ui,-apple-system,'Segoe UI',sans-serif;text-align:left"><div style="max-width:72rem;margin:0 auto">\
        <div style="position:sticky;top:0;display:flex;flex-wrap:wrap;gap:8px 16px;align-items:center;padding:12px 0 6px;\
        background:#fff4d6"><p id="helhed-notes-title" style="flex:1 1 14rem;min-width:0;margin:0;font-weight:700;color:#1a1a1a;\
        overflow-wrap:anywhere">\(HTMLEscaping.escape(headline))</p>\
        <button type="button" data-helhed-dismiss-notes style="flex:none;font:inherit;font-weight:700;padding:4px 12px;\
        background:#1a1a1a;color:#fff;border:2px solid #1a1a1a;border-radius:4px;cursor:pointer">Dismiss notes</button></div>\
        <ul style="margin:0;padding-left:1.25em;color:#1a1a1a;overflow-wrap:anywhere">\(items)\(more)</ul>\
        <p style="margin:6px 0 0;font-size:14px;color:#3d3d3d">Spelling, words the glossary avoids and LIX targets, as \
        helhed check reports them. They never stop the build.</p></div></aside>

        """
    }

    /// `line 7, column 12: unknown word 'boligsocail' (did you mean 'boligsocial'?)`
    static func item(_ note: Diagnostic) -> String {
        switch (note.line, note.column) {
        case (0, _): note.message
        case (let line, 0): "line \(line): \(note.message)"
        case (let line, let column): "line \(line), column \(column): \(note.message)"
        }
    }

    /// After checking every page (at the start, or when the glossary, tags, word list or targets changed).
    static func summary(of report: PageNotesChecker.Report, milliseconds: Int) -> String {
        let pages = report.pages.count
        let notes = report.pages.reduce(0) { $0 + $1.notes.count }
        let noted = report.pages.filter { !$0.notes.isEmpty }.count
        return "Checked the writing of \(pages) page\(pages == 1 ? "" : "s") in \(milliseconds) ms: \(notes) note\(notes == 1 ? "" : "s") "
            + "on \(noted) page\(noted == 1 ? "" : "s") (each page shows its own; the notes of pages you edit are printed here)"
    }
}
