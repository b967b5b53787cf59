import Mustache

// Templates look fields up by name. Without these conformances swift-mustache finds each field with `Mirror`
// (reflection: it walks every stored property and demangles its type on every lookup), which was the largest cost
// of a build. `field(_:)` answers the same names, numbered (`ModelField`), with typed values (the compiled templates read them as they are;
// swift-mustache gets them as `Any` through `child(named:)`); `ViewModelLookupTests` checks every field of every
// sample against `Mirror`, so a field added to a model but not here fails the tests.

extension SiteModel: TemplateModel {
    public func field(_ name: FieldName) -> TemplateValue? {
        switch name.field {
        case .title: .text(self.title)
        case .description: .text(self.description)
        case .language: .text(self.language)
        case .publisher: self.publisher.map(TemplateValue.text)
        case .absoluteURL: .text(self.absoluteURL)
        case .homeURL: .text(self.homeURL)
        case .articlesURL: .text(self.articlesURL)
        case .glossaryURL: .text(self.glossaryURL)
        case .tagsURL: .text(self.tagsURL)
        case .searchURL: .text(self.searchURL)
        case .feedURL: .text(self.feedURL)
        default: nil
        }
    }
}

extension AssetURLs: TemplateModel {
    public func field(_ name: FieldName) -> TemplateValue? {
        switch name.field {
        case .stylesheet: .text(self.stylesheet)
        case .script: .text(self.script)
        case .searchScript: .text(self.searchScript)
        case .favicon: .text(self.favicon)
        default: nil
        }
    }
}

extension NavLink: TemplateModel {
    public func field(_ name: FieldName) -> TemplateValue? {
        switch name.field {
        case .label: .text(self.label)
        case .url: .text(self.url)
        case .current: self.current.map(TemplateValue.text)
        default: nil
        }
    }
}

extension Crumb: TemplateModel {
    public func field(_ name: FieldName) -> TemplateValue? {
        switch name.field {
        case .label: .text(self.label)
        case .url: .text(self.url)
        default: nil
        }
    }
}

extension Layout: TemplateModel {
    public func field(_ name: FieldName) -> TemplateValue? {
        switch name.field {
        case .site: .model(self.site)
        case .assets: .model(self.assets)
        case .title: .text(self.title)
        case .documentTitle: .text(self.documentTitle)
        case .description: .text(self.description)
        case .canonicalURL: .text(self.canonicalURL)
        case .openGraphType: .text(self.openGraphType)
        case .nav: .list(self.nav)
        case .breadcrumbs: .list(self.breadcrumbs)
        case .hasBreadcrumbs: .flag(self.hasBreadcrumbs)
        default: nil
        }
    }
}

extension TagLink: TemplateModel {
    public func field(_ name: FieldName) -> TemplateValue? {
        switch name.field {
        case .name: .text(self.name)
        case .url: .text(self.url)
        default: nil
        }
    }
}

extension ArticleCard: TemplateModel {
    public func field(_ name: FieldName) -> TemplateValue? {
        switch name.field {
        case .title: .text(self.title)
        case .url: .text(self.url)
        case .kind: .text(self.kind)
        case .date: .text(self.date)
        case .dateISO: .text(self.dateISO)
        case .summary: self.summary.map(TemplateValue.text)
        case .tags: .list(self.tags)
        default: nil
        }
    }
}

extension ContentsLink: TemplateModel {
    public func field(_ name: FieldName) -> TemplateValue? {
        switch name.field {
        case .text: .text(self.text)
        case .id: .text(self.id)
        default: nil
        }
    }
}

extension ContentsSection: TemplateModel {
    public func field(_ name: FieldName) -> TemplateValue? {
        switch name.field {
        case .text: .text(self.text)
        case .id: .text(self.id)
        case .subsections: .list(self.subsections)
        case .hasSubsections: .flag(self.hasSubsections)
        default: nil
        }
    }
}

extension Definition: TemplateModel {
    public func field(_ name: FieldName) -> TemplateValue? {
        switch name.field {
        case .id: .text(self.id)
        case .title: .text(self.title)
        case .url: .text(self.url)
        case .summary: .text(self.summary)
        default: nil
        }
    }
}

extension PageLink: TemplateModel {
    public func field(_ name: FieldName) -> TemplateValue? {
        switch name.field {
        case .title: .text(self.title)
        case .url: .text(self.url)
        default: nil
        }
    }
}

extension HomePage: TemplateModel {
    public func field(_ name: FieldName) -> TemplateValue? {
        switch name.field {
        case .layout: .model(self.layout)
        case .featured: .list(self.featured)
        case .articles: .list(self.articles)
        case .hasArticles: .flag(self.hasArticles)
        case .termCount: .number(self.termCount)
        default: nil
        }
    }
}

extension ArticlePage: TemplateModel {
    public func field(_ name: FieldName) -> TemplateValue? {
        switch name.field {
        case .layout: .model(self.layout)
        case .title: .text(self.title)
        case .kind: .text(self.kind)
        case .date: .text(self.date)
        case .dateISO: .text(self.dateISO)
        case .updated: self.updated.map(TemplateValue.text)
        case .updatedISO: self.updatedISO.map(TemplateValue.text)
        case .summary: self.summary.map(TemplateValue.text)
        case .tags: .list(self.tags)
        case .hasTags: .flag(self.hasTags)
        case .body: .html(self.body)
        case .contents: .list(self.contents)
        case .hasContents: .flag(self.hasContents)
        case .definitions: .list(self.definitions)
        case .hasDefinitions: .flag(self.hasDefinitions)
        default: nil
        }
    }
}

extension TermCard: TemplateModel {
    public func field(_ name: FieldName) -> TemplateValue? {
        switch name.field {
        case .title: .text(self.title)
        case .url: .text(self.url)
        case .summary: .text(self.summary)
        default: nil
        }
    }
}

extension LetterGroup: TemplateModel {
    public func field(_ name: FieldName) -> TemplateValue? {
        switch name.field {
        case .letter: .text(self.letter)
        case .id: .text(self.id)
        case .terms: .list(self.terms)
        default: nil
        }
    }
}

extension LetterLink: TemplateModel {
    public func field(_ name: FieldName) -> TemplateValue? {
        switch name.field {
        case .letter: .text(self.letter)
        case .url: .text(self.url)
        case .hasTerms: .flag(self.hasTerms)
        default: nil
        }
    }
}

extension GlossaryPage: TemplateModel {
    public func field(_ name: FieldName) -> TemplateValue? {
        switch name.field {
        case .layout: .model(self.layout)
        case .letters: .list(self.letters)
        case .groups: .list(self.groups)
        case .termCount: .number(self.termCount)
        default: nil
        }
    }
}

extension TermPage: TemplateModel {
    public func field(_ name: FieldName) -> TemplateValue? {
        switch name.field {
        case .layout: .model(self.layout)
        case .title: .text(self.title)
        case .summary: .text(self.summary)
        case .aliases: .list(TextList(self.aliases))
        case .hasAliases: .flag(self.hasAliases)
        case .body: .html(self.body)
        case .related: .list(self.related)
        case .hasRelated: .flag(self.hasRelated)
        case .usedIn: .list(self.usedIn)
        case .hasUsedIn: .flag(self.hasUsedIn)
        case .definitions: .list(self.definitions)
        case .hasDefinitions: .flag(self.hasDefinitions)
        default: nil
        }
    }
}

extension NotFoundPage: TemplateModel {
    public func field(_ name: FieldName) -> TemplateValue? {
        switch name.field {
        case .layout: .model(self.layout)
        default: nil
        }
    }
}

extension ArticlesPage: TemplateModel {
    public func field(_ name: FieldName) -> TemplateValue? {
        switch name.field {
        case .layout: .model(self.layout)
        case .articles: .list(self.articles)
        default: nil
        }
    }
}

extension TagSummary: TemplateModel {
    public func field(_ name: FieldName) -> TemplateValue? {
        switch name.field {
        case .name: .text(self.name)
        case .url: .text(self.url)
        case .count: .number(self.count)
        case .countText: .text(self.countText)
        default: nil
        }
    }
}

extension TagsPage: TemplateModel {
    public func field(_ name: FieldName) -> TemplateValue? {
        switch name.field {
        case .layout: .model(self.layout)
        case .tags: .list(self.tags)
        case .hasTags: .flag(self.hasTags)
        default: nil
        }
    }
}

extension TagPage: TemplateModel {
    public func field(_ name: FieldName) -> TemplateValue? {
        switch name.field {
        case .layout: .model(self.layout)
        case .name: .text(self.name)
        case .countText: .text(self.countText)
        case .articles: .list(self.articles)
        default: nil
        }
    }
}

extension SearchPage: TemplateModel {
    public func field(_ name: FieldName) -> TemplateValue? {
        switch name.field {
        case .layout: .model(self.layout)
        case .indexURL: .text(self.indexURL)
        default: nil
        }
    }
}
