import HelhedTemplates

/// The pages stage's memos: the Danish ranks of the article titles, every article's card, and every page.
struct PageMemo: Sendable {
    let titleRanks: StageMemo<Int, [String], [Int]>
    let cards: StageMemo<String, CardInputs, ArticleCard>
    let pages: StageMemo<String, PageInputs, RenderedPage>

    init(enabled: Bool) {
        titleRanks = StageMemo(enabled: enabled)
        cards = StageMemo(enabled: enabled)
        pages = StageMemo(enabled: enabled)
    }

    func commit() {
        titleRanks.commit()
        cards.commit()
        pages.commit()
    }

    func discard() {
        titleRanks.discard()
        cards.discard()
        pages.discard()
    }
}

/// What an article's card is made from.
struct CardInputs: Equatable, Sendable {
    let article: Article
    let image: SitePicture?
    let baseURL: BaseURL
}

/// A rendered page and the model and templates it was rendered from.
final class RenderedPage: Sendable {
    /// Tells the pages rendered in one run from those a memo kept.
    final class RunToken: Sendable {}

    let model: any PageModel
    let templates: Int
    let file: OutputFile
    let run: RunToken

    init(model: any PageModel, templates: Int, file: OutputFile, run: RunToken) {
        self.model = model
        self.templates = templates
        self.file = file
        self.run = run
    }
}

/// What the model of a page is made from, where comparing that is much cheaper than making the model (layout, table
/// of contents, definitions, tag links) to compare it: articles and terms. Values that share storage with the
/// previous run (an unchanged source's bytes, a reused body's HTML) compare in constant time. The list pages have no
/// such inputs: their models are made and compared every time.
struct PageInputs: Equatable, Sendable {
    enum Made: Hashable, Sendable {
        /// `frame`: the site settings, assets and link context the page shows (see `PageRenderer.frame`).
        case article(Article, html: HTML, frame: Int)
        /// `usedIn`: the titles of the articles that mention the term, in order.
        case term(GlossaryTerm, html: HTML, related: [Int], usedIn: [String], frame: Int)
        case list
    }

    let made: Made
    let templates: Int

    static func == (lhs: PageInputs, rhs: PageInputs) -> Bool {
        lhs.made != .list && lhs.templates == rhs.templates && lhs.made == rhs.made
    }
}

extension PageRenderer {
    func memoInputs(_ job: Job) -> PageInputs {
        let templates = templates.fingerprint(of: template(job))
        switch job {
        case .page(.article(let index)):
            return PageInputs(made: .article(site.articles[index], html: bodies[.article(index)]?.html ?? HTML(""), frame: frame),
                              templates: templates)
        case .page(.term(let index)):
            let usedIn = usedIn[index].map { site.articles[$0].title }
            return PageInputs(made: .term(site.terms[index], html: bodies[.term(index)]?.html ?? HTML(""),
                                          related: site.relatedTerms[index], usedIn: usedIn, frame: frame), templates: templates)
        default:
            return PageInputs(made: .list, templates: templates)
        }
    }

    /// See `frame`.
    static func frame(site: Site, siteModel: SiteModel, assets: AssetURLs, pages: SitePages, pictures: SitePictures) -> Int {
        var frame = Hasher()
        // An article page shows its card picture in og:image.
        for index in pictures.cards.keys.sorted() { frame.combine(index); frame.combine(pictures.cards[index]) }
        frame.combine(pages.linkContext)
        frame.combine(siteModel)
        frame.combine(assets)
        return frame.finalize()
    }
}

extension Hashable {
    /// Equality with a value of unknown type, opening the existential once (no `AnyHashable` boxes).
    func isEqual(to other: any Hashable) -> Bool {
        (other as? Self) == self
    }
}
