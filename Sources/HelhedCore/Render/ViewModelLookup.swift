import Mustache

// Templates look fields up by name. Without these conformances swift-mustache finds each field with `Mirror`
// (reflection: it walks every stored property and demangles its type on every lookup), which was the largest cost
// of a build. `child(named:)` answers the same names with the same values, typed; `ViewModelLookupTests` checks
// every field of every sample against `Mirror`, so a field added to a model but not here fails the tests.

extension SiteModel: MustacheParent {
    public func child(named name: String) -> Any? {
        switch name {
        case "title": self.title
        case "description": self.description
        case "language": self.language
        case "publisher": self.publisher
        case "absoluteURL": self.absoluteURL
        case "homeURL": self.homeURL
        case "articlesURL": self.articlesURL
        case "glossaryURL": self.glossaryURL
        case "tagsURL": self.tagsURL
        case "searchURL": self.searchURL
        case "feedURL": self.feedURL
        default: nil
        }
    }
}

extension AssetURLs: MustacheParent {
    public func child(named name: String) -> Any? {
        switch name {
        case "stylesheet": self.stylesheet
        case "script": self.script
        case "searchScript": self.searchScript
        case "favicon": self.favicon
        default: nil
        }
    }
}

extension NavLink: MustacheParent {
    public func child(named name: String) -> Any? {
        switch name {
        case "label": self.label
        case "url": self.url
        case "current": self.current
        default: nil
        }
    }
}

extension Crumb: MustacheParent {
    public func child(named name: String) -> Any? {
        switch name {
        case "label": self.label
        case "url": self.url
        default: nil
        }
    }
}

extension Layout: MustacheParent {
    public func child(named name: String) -> Any? {
        switch name {
        case "site": self.site
        case "assets": self.assets
        case "title": self.title
        case "documentTitle": self.documentTitle
        case "description": self.description
        case "canonicalURL": self.canonicalURL
        case "openGraphType": self.openGraphType
        case "nav": self.nav
        case "breadcrumbs": self.breadcrumbs
        case "hasBreadcrumbs": self.hasBreadcrumbs
        default: nil
        }
    }
}

extension TagLink: MustacheParent {
    public func child(named name: String) -> Any? {
        switch name {
        case "name": self.name
        case "url": self.url
        default: nil
        }
    }
}

extension ArticleCard: MustacheParent {
    public func child(named name: String) -> Any? {
        switch name {
        case "title": self.title
        case "url": self.url
        case "kind": self.kind
        case "date": self.date
        case "dateISO": self.dateISO
        case "summary": self.summary
        case "tags": self.tags
        default: nil
        }
    }
}

extension ContentsLink: MustacheParent {
    public func child(named name: String) -> Any? {
        switch name {
        case "text": self.text
        case "id": self.id
        default: nil
        }
    }
}

extension ContentsSection: MustacheParent {
    public func child(named name: String) -> Any? {
        switch name {
        case "text": self.text
        case "id": self.id
        case "subsections": self.subsections
        case "hasSubsections": self.hasSubsections
        default: nil
        }
    }
}

extension Definition: MustacheParent {
    public func child(named name: String) -> Any? {
        switch name {
        case "id": self.id
        case "title": self.title
        case "url": self.url
        case "summary": self.summary
        default: nil
        }
    }
}

extension PageLink: MustacheParent {
    public func child(named name: String) -> Any? {
        switch name {
        case "title": self.title
        case "url": self.url
        default: nil
        }
    }
}

extension HomePage: MustacheParent {
    public func child(named name: String) -> Any? {
        switch name {
        case "layout": self.layout
        case "featured": self.featured
        case "articles": self.articles
        case "hasArticles": self.hasArticles
        case "termCount": self.termCount
        default: nil
        }
    }
}

extension ArticlePage: MustacheParent {
    public func child(named name: String) -> Any? {
        switch name {
        case "layout": self.layout
        case "title": self.title
        case "kind": self.kind
        case "date": self.date
        case "dateISO": self.dateISO
        case "updated": self.updated
        case "updatedISO": self.updatedISO
        case "summary": self.summary
        case "tags": self.tags
        case "hasTags": self.hasTags
        case "body": self.body
        case "contents": self.contents
        case "hasContents": self.hasContents
        case "definitions": self.definitions
        case "hasDefinitions": self.hasDefinitions
        default: nil
        }
    }
}

extension TermCard: MustacheParent {
    public func child(named name: String) -> Any? {
        switch name {
        case "title": self.title
        case "url": self.url
        case "summary": self.summary
        default: nil
        }
    }
}

extension LetterGroup: MustacheParent {
    public func child(named name: String) -> Any? {
        switch name {
        case "letter": self.letter
        case "id": self.id
        case "terms": self.terms
        default: nil
        }
    }
}

extension LetterLink: MustacheParent {
    public func child(named name: String) -> Any? {
        switch name {
        case "letter": self.letter
        case "url": self.url
        case "hasTerms": self.hasTerms
        default: nil
        }
    }
}

extension GlossaryPage: MustacheParent {
    public func child(named name: String) -> Any? {
        switch name {
        case "layout": self.layout
        case "letters": self.letters
        case "groups": self.groups
        case "termCount": self.termCount
        default: nil
        }
    }
}

extension TermPage: MustacheParent {
    public func child(named name: String) -> Any? {
        switch name {
        case "layout": self.layout
        case "title": self.title
        case "summary": self.summary
        case "aliases": self.aliases
        case "hasAliases": self.hasAliases
        case "body": self.body
        case "related": self.related
        case "hasRelated": self.hasRelated
        case "usedIn": self.usedIn
        case "hasUsedIn": self.hasUsedIn
        case "definitions": self.definitions
        case "hasDefinitions": self.hasDefinitions
        default: nil
        }
    }
}

extension NotFoundPage: MustacheParent {
    public func child(named name: String) -> Any? {
        switch name {
        case "layout": self.layout
        default: nil
        }
    }
}

extension ArticlesPage: MustacheParent {
    public func child(named name: String) -> Any? {
        switch name {
        case "layout": self.layout
        case "articles": self.articles
        default: nil
        }
    }
}

extension TagSummary: MustacheParent {
    public func child(named name: String) -> Any? {
        switch name {
        case "name": self.name
        case "url": self.url
        case "count": self.count
        case "countText": self.countText
        default: nil
        }
    }
}

extension TagsPage: MustacheParent {
    public func child(named name: String) -> Any? {
        switch name {
        case "layout": self.layout
        case "tags": self.tags
        case "hasTags": self.hasTags
        default: nil
        }
    }
}

extension TagPage: MustacheParent {
    public func child(named name: String) -> Any? {
        switch name {
        case "layout": self.layout
        case "name": self.name
        case "countText": self.countText
        case "articles": self.articles
        default: nil
        }
    }
}

extension SearchPage: MustacheParent {
    public func child(named name: String) -> Any? {
        switch name {
        case "layout": self.layout
        case "indexURL": self.indexURL
        default: nil
        }
    }
}
