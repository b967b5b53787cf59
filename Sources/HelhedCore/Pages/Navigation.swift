/// The main menu and the breadcrumb trails, made once per build (the same few links were made anew for every page).
struct Navigation: Sendable {
    /// The menu's sections: label, path, section, address.
    let sections: [(label: String, path: String, section: PageRenderer.Section, url: String)]
    /// The menu on a page inside each section (not the section's own front page, where its link is the page).
    let menuInside: [PageRenderer.Section: [NavLink]]
    let homeCrumb, articlesCrumb, glossaryCrumb, tagsCrumb: Crumb

    init(base: BaseURL) {
        let menu: [(String, String, PageRenderer.Section)] = [
            ("Forside", "", .home), ("Artikler", SitePages.articlesPath, .articles), ("Ordforklaringer", SitePages.glossaryPath, .glossary),
            ("Emner", SitePages.tagsPath, .tags), ("Søg", SitePages.searchPath, .search),
        ]
        sections = menu.map { label, path, section in (label, path, section, base.link(to: path)) }
        var menuInside: [PageRenderer.Section: [NavLink]] = [:]
        for section in [PageRenderer.Section.home, .articles, .glossary, .tags, .search, .none] {
            menuInside[section] = sections.map { NavLink(label: $0.label, url: $0.url, current: $0.section == section ? "true" : nil) }
        }
        self.menuInside = menuInside
        homeCrumb = Crumb(label: sections[0].label, url: sections[0].url)
        articlesCrumb = Crumb(label: sections[1].label, url: sections[1].url)
        glossaryCrumb = Crumb(label: sections[2].label, url: sections[2].url)
        tagsCrumb = Crumb(label: sections[3].label, url: sections[3].url)
    }

    func menu(at sitePath: String, in section: PageRenderer.Section) -> [NavLink] {
        guard sections.contains(where: { $0.path == sitePath }) else { return menuInside[section] ?? [] }
        return sections.map { NavLink(label: $0.label, url: $0.url, current: $0.path == sitePath ? "page" : $0.section == section ? "true" : nil) }
    }
}
