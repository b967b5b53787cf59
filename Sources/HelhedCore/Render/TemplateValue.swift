import Mustache

/// A value as the compiled templates read it: typed, so rendering a page asks no dynamic casts and copies no view
/// model into an `Any` box per lookup (both were most of the cost of rendering a page). swift-mustache still reads the
/// same values as `Any` through `child(named:)`, which `TemplateModel` derives from `field(_:)`: one table per model.
public enum TemplateValue {
    case text(String)
    case html(HTML)
    case number(Int)
    case flag(Bool)
    case model(any TemplateModel)
    case list(any TemplateList)

    /// The value as swift-mustache sees it.
    public var templateAny: Any {
        switch self {
        case .text(let text): text
        case .html(let html): html
        case .number(let number): number
        case .flag(let flag): flag
        case .model(let model): model.templateAny
        case .list(let list): list.templateAny
        }
    }

    /// A field of this value: only models have fields.
    func field(_ name: FieldName) -> TemplateValue? {
        guard case .model(let model) = self else { return nil }
        return model.field(name)
    }
}

/// Every name a view model answers, so that a template's names are matched once, when it is compiled, and a lookup
/// is a switch on a number (as strings, each lookup compared the name with a model's names one after the other).
/// `ViewModelLookupTests` checks that every field of every model answers to its case.
public enum ModelField: String, Sendable {
    case absoluteURL
    case aliases
    case articles
    case articlesURL
    case assets
    case body
    case breadcrumbs
    case canonicalURL
    case contents
    case count
    case countText
    case current
    case date
    case dateISO
    case definitions
    case description
    case documentTitle
    case favicon
    case featured
    case feedURL
    case glossaryURL
    case groups
    case hasAliases
    case hasArticles
    case hasBreadcrumbs
    case hasContents
    case hasDefinitions
    case hasRelated
    case hasSubsections
    case hasTags
    case hasTerms
    case hasUsedIn
    case homeURL
    case id
    case indexURL
    case kind
    case label
    case language
    case layout
    case letter
    case letters
    case name
    case nav
    case openGraphType
    case publisher
    case related
    case script
    case searchScript
    case searchURL
    case site
    case stylesheet
    case subsections
    case summary
    case tags
    case tagsURL
    case termCount
    case terms
    case text
    case title
    case updated
    case updatedISO
    case url
    case usedIn
}

/// A name a template asks for: its text, and its `ModelField` when a view model can have it.
public struct FieldName: Sendable {
    public let text: String
    public let field: ModelField?

    public init(_ text: String) {
        self.text = text
        field = ModelField(rawValue: text)
    }
}

/// A view model: answers a template's names with typed values.
public protocol TemplateModel: MustacheParent {
    /// nil when the model has no such field, or the field is an empty optional (swift-mustache then keeps looking
    /// further down the context stack, so both must read alike).
    func field(_ name: FieldName) -> TemplateValue?
    /// What swift-mustache is given for this model (the model itself; an adapter gives what it wraps).
    var templateAny: Any { get }
}

extension TemplateModel {
    public var templateAny: Any { self }

    public func child(named name: String) -> Any? {
        field(FieldName(name))?.templateAny
    }
}

/// What a page template renders: a view model that can be compared with the last build's.
public typealias PageModel = TemplateModel & Hashable & Sendable

/// A list a section iterates. Elements are read in place (`field(_:ofElementAt:)`), never copied into boxes.
public protocol TemplateList {
    var count: Int { get }
    /// `{{.}}` inside the section.
    func element(at index: Int) -> TemplateValue?
    func field(_ name: FieldName, ofElementAt index: Int) -> TemplateValue?
    var templateAny: Any { get }
}

extension Array: TemplateList where Element: TemplateModel {
    public func element(at index: Int) -> TemplateValue? { .model(self[index]) }

    // Specialized for the lists pages repeat most: the generic code copies the whole element (a retain and a release
    // of each of its fields) for every name a template asks of it.
    @_specialize(where Element == ArticleCard)
    @_specialize(where Element == Definition)
    @_specialize(where Element == ContentsSection)
    @_specialize(where Element == ContentsLink)
    @_specialize(where Element == NavLink)
    @_specialize(where Element == TagLink)
    @_specialize(where Element == PageLink)
    @_specialize(where Element == TermCard)
    public func field(_ name: FieldName, ofElementAt index: Int) -> TemplateValue? { self[index].field(name) }
    public var templateAny: Any { self }
}

/// A list of texts (a term's aliases).
public struct TextList: TemplateList {
    public let texts: [String]

    public init(_ texts: [String]) {
        self.texts = texts
    }

    public var count: Int { texts.count }
    public func element(at index: Int) -> TemplateValue? { .text(texts[index]) }
    public func field(_ name: FieldName, ofElementAt index: Int) -> TemplateValue? { nil }
    public var templateAny: Any { texts }
}

// MARK: Values that are not Helhed's view models

extension TemplateValue {
    /// Any value swift-mustache could render (dictionaries, other structs, sequences), read the way swift-mustache
    /// reads it; nil for an empty optional. Helhed's pages never need this (their models are `TemplateModel`s), but
    /// the compiled templates render anything swift-mustache does, and the tests compare the two on such values.
    init?(any value: Any) {
        switch value {
        case let text as String: self = .text(text)
        case let flag as Bool: self = .flag(flag)
        case let number as Int: self = .number(number)
        case let html as HTML: self = .html(html)
        case let model as any TemplateModel: self = .model(model)
        case let list as any TemplateList: self = .list(list)
        default:
            let mirror = Mirror(reflecting: value)
            if mirror.displayStyle == .optional {
                guard let wrapped = mirror.children.first?.value else { return nil }
                self.init(any: wrapped)
            } else if let sequence = value as? MustacheSequenceValue {
                self = .list(AnyList(elements: sequence.elements, templateAny: value))
            } else if let parent = value as? MustacheParent {
                self = .model(ParentModel(parent: parent))
            } else {
                self = .model(MirrorModel(templateAny: value))
            }
        }
    }

    /// A value a dictionary or a list holds: there an empty optional is a value too (`{{x}}` renders it as "nil").
    init(held value: Any) {
        self = TemplateValue(any: value) ?? .model(MirrorModel(templateAny: value))
    }
}

/// The sequences swift-mustache iterates (`MustacheSequence`: arrays, sets, reversed collections).
private protocol MustacheSequenceValue {
    var elements: [Any] { get }
}

extension Array: MustacheSequenceValue {
    fileprivate var elements: [Any] { map { $0 } }
}

extension Set: MustacheSequenceValue {
    fileprivate var elements: [Any] { map { $0 } }
}

extension ReversedCollection: MustacheSequenceValue {
    fileprivate var elements: [Any] { map { $0 } }
}

private struct AnyList: TemplateList {
    let elements: [Any]
    let templateAny: Any

    var count: Int { elements.count }
    func element(at index: Int) -> TemplateValue? { TemplateValue(held: elements[index]) }
    func field(_ name: FieldName, ofElementAt index: Int) -> TemplateValue? { element(at: index)?.field(name) }
}

/// A `MustacheParent` that is not a view model (a dictionary).
private struct ParentModel: TemplateModel {
    let parent: MustacheParent

    func field(_ name: FieldName) -> TemplateValue? { parent.child(named: name.text).map(TemplateValue.init(held:)) }
    var templateAny: Any { parent }
}

/// Anything else, asked through `Mirror` as swift-mustache does.
private struct MirrorModel: TemplateModel {
    let templateAny: Any

    func field(_ name: FieldName) -> TemplateValue? {
        guard let child = Mirror(reflecting: templateAny).children.first(where: { $0.label == name.text })?.value else { return nil }
        return TemplateValue(any: child)
    }
}
