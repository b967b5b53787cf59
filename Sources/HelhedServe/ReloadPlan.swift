import Foundation
import HelhedCore

/// What open browser tabs should do after a rebuild.
enum ReloadPlan: Equatable, Sendable {
    case nothing
    /// Only stylesheets changed (and the pages merely point at their new hashed names): swap them in place,
    /// keyed by the URL the page has now → the URL to load instead.
    case swapStylesheets([String: String])
    /// Tabs showing one of these site paths reload.
    case reload([String])
    /// Every tab reloads (the base path moved, or there was no site before).
    case reloadEverything

    static func plan(for change: SiteChange, from old: SiteSnapshot?, to new: SiteSnapshot) -> ReloadPlan {
        if change.isEmpty { return .nothing }
        guard let old, old.encodedBasePath == new.encodedBasePath else { return .reloadEverything }
        if let swaps = stylesheetSwaps(change, old: old, new: new) { return .swapStylesheets(swaps) }
        return .reload(change.all)
    }

    /// Non-nil when every change is a stylesheet, or a page whose only difference is the stylesheet's new name.
    private static func stylesheetSwaps(_ change: SiteChange, old: SiteSnapshot, new: SiteSnapshot) -> [String: String]? {
        let isStylesheet = { (path: String) in path.lowercased().hasSuffix(".css") }
        let changedPages = change.modified.filter { !isStylesheet($0) }
        guard change.added.allSatisfy(isStylesheet), change.removed.allSatisfy(isStylesheet),
              changedPages.allSatisfy({ new.files[$0]?.isHTML == true }),
              !(change.added + change.removed + change.modified).filter(isStylesheet).isEmpty
        else { return nil }

        // `assets/style.78c21d5465.css` → `assets/style.e0a1b2c3d4.css`: the theme names stylesheets by content hash.
        var addedByStem: [String: String] = [:]
        for path in change.added {
            guard addedByStem.updateValue(path, forKey: unhashedName(path)) == nil else { return nil }
        }
        var renames: [String: String] = [:]
        for path in change.removed {
            guard let replacement = addedByStem.removeValue(forKey: unhashedName(path)) else { return nil }
            renames[path] = replacement
        }
        guard addedByStem.isEmpty else { return nil }

        for page in changedPages {
            guard let before = old.files[page], let after = new.files[page] else { return nil }
            var rewritten = String(decoding: before.bytes, as: UTF8.self)
            for (from, to) in renames { rewritten = rewritten.replacingOccurrences(of: from, with: to) }
            guard Data(rewritten.utf8) == after.bytes else { return nil }
        }

        var swaps: [String: String] = [:]
        for (from, to) in renames { swaps[new.url(of: from)] = new.url(of: to) }
        for path in change.modified where isStylesheet(path) { swaps[new.url(of: path)] = new.url(of: path) }
        return swaps
    }

    /// Drops a `.0123456789` content hash before the extension, if there is one.
    static func unhashedName(_ path: String) -> String {
        let parts = path.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count >= 3 else { return path }
        let hash = parts[parts.count - 2]
        guard hash.count == 10, hash.allSatisfy({ $0.isHexDigit && !$0.isUppercase }) else { return path }
        return (parts.dropLast(2) + [parts[parts.count - 1]]).joined(separator: ".")
    }
}
