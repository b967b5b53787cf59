/// The view model of every kind of page.
extension PageRenderer {
    // MARK: Shared frame

    enum Section {
        case home, articles, glossary, tags, search, none
    }

    func layout(title: String, description: String?, sitePath: String, section: Section, isArticle: Bool = false,
                crumbs: [Crumb] = [], image: SitePicture? = nil) -> Layout {
        let base = site.baseURL
        let nav = navigation.menu(at: sitePath, in: section)
        let trail = section == .home ? [] : [navigation.homeCrumb] + crumbs
        return Layout(
            site: siteModel, assets: assets, title: title,
            documentTitle: section == .home ? site.config.title : "\(title) – \(site.config.title)",
            description: description ?? site.config.description,
            canonicalURL: base.absolute(sitePath), openGraphType: isArticle ? "article" : "website",
            openGraphImage: image.flatMap { Self.openGraphImage($0, base: base) },
            nav: nav, breadcrumbs: trail, hasBreadcrumbs: !trail.isEmpty
        )
    }

    // MARK: Pages

    func home() -> HomePage {
        let cards = pages.articlesForHome.map(card)
        let featured = pages.articlesForHome.filter { site.articles[$0].kind == .explainer }.map(card)
        return HomePage(layout: layout(title: site.config.title, description: nil, sitePath: "", section: .home),
                        featured: featured, articles: Array(cards.dropFirst(featured.count)), hasArticles: cards.count > featured.count,
                        termCount: site.terms.count)
    }

    func articleList() -> ArticlesPage {
        ArticlesPage(layout: layout(title: "Artikler", description: "Alle artikler, nyeste først.", sitePath: SitePages.articlesPath, section: .articles),
                     articles: pages.articlesNewestFirst.map(card))
    }

    func article(_ index: Int) -> ArticlePage {
        let article = site.articles[index]
        let body = bodies[.article(index)]!
        return ArticlePage(
            layout: layout(title: article.title, description: article.summary, sitePath: article.sitePath, section: .articles,
                           isArticle: true, crumbs: [navigation.articlesCrumb], image: pictures.cards[index]),
            title: article.title, kind: article.kind.label, date: article.date.danish, dateISO: article.date.description,
            updated: article.updated?.danish, updatedISO: article.updated?.description, summary: article.summary,
            tags: cards[index].tags, hasTags: !article.tags.isEmpty, body: body.html,
            contents: contents(body), hasContents: !body.tableOfContents.isEmpty,
            definitions: definitions(body), hasDefinitions: !body.linkedTerms.isEmpty
        )
    }

    func glossary() -> GlossaryPage {
        var groups: [(letter: String, terms: [TermCard])] = []
        for index in pages.termsAlphabetically {
            let term = site.terms[index]
            let letter = DanishText.filingLetter(of: term.title)
            let card = TermCard(title: term.title, url: site.baseURL.link(to: term.sitePath), summary: term.summary)
            if groups.last?.letter == letter {
                groups[groups.count - 1].terms.append(card)
            } else {
                groups.append((letter, [card]))
            }
        }
        let withTerms = Set(groups.map(\.letter))
        let letters = (DanishText.alphabet + (withTerms.contains("#") ? ["#"] : [])).map { letter in
            LetterLink(letter: letter, url: "#" + Self.letterID(letter), hasTerms: withTerms.contains(letter))
        }
        return GlossaryPage(
            layout: layout(title: "Ordforklaringer", description: "Ordforklaringer: de vigtigste begreber om boligsociale indsatser, fra A til Å.",
                           sitePath: SitePages.glossaryPath, section: .glossary),
            letters: letters,
            groups: groups.map { LetterGroup(letter: $0.letter, id: Self.letterID($0.letter), terms: $0.terms) },
            termCount: site.terms.count
        )
    }

    static func letterID(_ letter: String) -> String {
        letter == "#" ? "bogstav-andre" : "bogstav-" + Slug.make(from: letter)
    }

    func term(_ index: Int) -> TermPage {
        let term = site.terms[index]
        let body = bodies[.term(index)]!
        let related = site.relatedTerms[index].map { PageLink(title: site.terms[$0].title, url: site.baseURL.link(to: site.terms[$0].sitePath)) }
        let usedIn = usedIn[index].map { PageLink(title: site.articles[$0].title, url: site.baseURL.link(to: site.articles[$0].sitePath)) }
        return TermPage(
            layout: layout(title: term.title, description: term.summary, sitePath: term.sitePath, section: .glossary, crumbs: [navigation.glossaryCrumb]),
            title: term.title, summary: term.summary, aliases: term.aliases.map(\.value), hasAliases: !term.aliases.isEmpty, body: body.html,
            related: related, hasRelated: !related.isEmpty, usedIn: usedIn, hasUsedIn: !usedIn.isEmpty,
            definitions: definitions(body), hasDefinitions: !body.linkedTerms.isEmpty
        )
    }

    func tagList() -> TagsPage {
        let summaries = pages.tags.map { tag in
            TagSummary(name: tag.name, url: site.baseURL.link(to: tag.sitePath), count: tag.articles.count, countText: Self.articleCount(tag.articles.count))
        }
        return TagsPage(layout: layout(title: "Emner", description: "Artiklerne samlet efter emne.", sitePath: SitePages.tagsPath, section: .tags),
                        tags: summaries, hasTags: !summaries.isEmpty)
    }

    func tag(_ index: Int) -> TagPage {
        let tag = pages.tags[index]
        return TagPage(
            layout: layout(title: "Emne: \(tag.name)", description: "Artikler om \(tag.name).", sitePath: tag.sitePath, section: .tags, crumbs: [navigation.tagsCrumb]),
            name: tag.name, countText: Self.articleCount(tag.articles.count), articles: tag.articles.map(card)
        )
    }

    func searchPage() -> SearchPage {
        SearchPage(layout: layout(title: "Søg", description: "Søg i artikler og ordforklaringer om boligsociale indsatser.",
                                  sitePath: SitePages.searchPath, section: .search),
                   indexURL: site.baseURL.link(to: SitePages.searchIndexPath))
    }

    func notFound() -> NotFoundPage {
        NotFoundPage(layout: layout(title: "Siden findes ikke", description: nil, sitePath: SitePages.notFoundPath, section: .none))
    }

    func redirect(_ index: Int) -> RedirectPage {
        let target = redirects[index].to
        let sitePath = site.sitePath(of: target)
        return RedirectPage(siteTitle: site.config.title, title: site.title(of: target), url: site.baseURL.link(to: sitePath),
                            canonicalURL: site.baseURL.absolute(sitePath), assets: assets)
    }

    // MARK: Parts

    func card(_ index: Int) -> ArticleCard {
        cards[index]
    }

    static func card(_ article: Article, image: SitePicture?, site: Site, tagSlugs: [String: String]) -> ArticleCard {
        ArticleCard(title: article.title, url: site.baseURL.link(to: article.sitePath), kind: article.kind.label,
                    date: article.date.danish, dateISO: article.date.description, summary: article.summary,
                    tags: tagLinks(article.tags, site: site, tagSlugs: tagSlugs), image: image.flatMap { cardImage($0, base: site.baseURL) })
    }

    static func cardImage(_ picture: SitePicture, base: BaseURL) -> CardImage? {
        let url = { (variant: PictureVariant) in base.link(to: TransformRun.encodePath(picture.path(of: variant))) }
        func srcset(_ format: PictureFormat) -> String {
            picture.picture.variants.filter { $0.format == format }.sorted { $0.width < $1.width }
                .map { "\(PictureMarkup.srcsetURL(url($0))) \($0.width)w" }.joined(separator: ", ")
        }
        guard let small = picture.variant(picture.facts.fallbackFormat, width: 0) else { return nil }
        return CardImage(src: url(small), srcset: srcset(picture.facts.fallbackFormat), webpSrcset: srcset(.webp),
                         width: small.width, height: small.height)
    }

    static func openGraphImage(_ picture: SitePicture, base: BaseURL) -> OpenGraphImage? {
        guard let large = picture.variant(picture.facts.fallbackFormat, width: .max) else { return nil }
        return OpenGraphImage(url: base.absolute(TransformRun.encodePath(picture.path(of: large))), width: large.width,
                              height: large.height, type: large.format.mimeType)
    }

    static func tagLinks(_ names: [String], site: Site, tagSlugs: [String: String]) -> [TagLink] {
        var seen: Set<String> = []
        return names.compactMap { name in
            guard let slug = tagSlugs[name], !slug.isEmpty, seen.insert(slug).inserted else { return nil }
            return TagLink(name: name, url: site.baseURL.link(to: Tag.sitePath(slug: slug)))
        }
    }

    func contents(_ body: RenderedBody) -> [ContentsSection] {
        body.tableOfContents.map { entry in
            ContentsSection(text: entry.text, id: entry.id, subsections: entry.children.map { ContentsLink(text: $0.text, id: $0.id) },
                            hasSubsections: !entry.children.isEmpty)
        }
    }

    func definitions(_ body: RenderedBody) -> [Definition] {
        body.linkedTerms.map { termDefinitions[$0] }
    }

    static func articleCount(_ count: Int) -> String {
        count == 1 ? "1 artikel" : "\(count) artikler"
    }
}
