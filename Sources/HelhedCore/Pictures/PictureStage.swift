import Foundation

/// One picture of the content made for one use.
struct PictureJob: Sendable, Hashable {
    /// The source's path inside the site (and `Content/`), e.g. `billeder/kort.jpg`.
    let sitePath: String
    let source: URL
    let use: PictureUse
}

/// A picture's variants as the site publishes them: each next to its source, named by its width and a hash of its
/// bytes (`billeder/kort-800w-1a2b3c4d.webp`), so a changed picture gets new names and hosts may cache them for good.
struct SitePicture: Sendable, Hashable {
    let sitePath: String
    let picture: CachedPicture
    let use: PictureUse

    var facts: PictureFacts { picture.facts }

    func path(of variant: PictureVariant) -> String {
        let slash = sitePath.lastIndex(of: "/")
        let folder = slash.map { String(sitePath[...$0]) } ?? ""
        let name = slash.map { String(sitePath[sitePath.index(after: $0)...]) } ?? sitePath
        let stem = use == .card ? Self.cardStem(name) : name
        return folder + PictureMarkup.variantFileName(sourceFileName: stem, variant: variant)
    }

    /// `kort.jpg` → `kort-kort.jpg`: "kort" (Danish for card) keeps a card's names apart from the text's.
    private static func cardStem(_ name: String) -> String {
        guard let dot = name.lastIndex(of: ".") else { return name + "-kort" }
        return name[..<dot] + "-kort" + name[dot...]
    }

    var outputFiles: [OutputFile] {
        picture.variants.map { OutputFile(path: path(of: $0), contents: .copy(picture.file(of: $0))) }
    }

    /// The variant of `format` closest to `width` (the smallest at least as wide, else the largest).
    func variant(_ format: PictureFormat, width: Int) -> PictureVariant? {
        let candidates = picture.variants.filter { $0.format == format }.sorted { $0.width < $1.width }
        return candidates.first { $0.width >= width } ?? candidates.last
    }
}

/// What the pictures stage made: every raster picture of the content as variants (or why it cannot be), and each
/// article's `image:` as card variants.
struct SitePictures: Sendable {
    /// By the picture's path inside the site. A picture no page shows is made but not published, and its problem is
    /// reported only where a page uses it.
    var prose: [String: Result<SitePicture, PictureError>] = [:]
    /// By article index.
    var cards: [Int: SitePicture] = [:]

    static let none = SitePictures()

    /// Changes whenever any picture's variants or problem do; a body's memo compares it (a body showing no picture
    /// is rendered again too, which keeps the memo's inputs simple; pictures change rarely).
    var fingerprint: Int {
        var hasher = Hasher()
        for path in prose.keys.sorted() {
            hasher.combine(path)
            switch prose[path] {
            case .success(let picture)?: hasher.combine(picture)
            case .failure(let error)?: hasher.combine(error)
            case nil: break
            }
        }
        return hasher.finalize()
    }

    func isProcessed(_ sitePath: String) -> Bool { prose[sitePath] != nil }

    /// The files the site publishes besides its pages and theme: the variants of every picture a body shows, the
    /// cards, and the content's other files; a picture's original only where a body asks for it (`original: true`,
    /// or a link to the picture itself).
    /// `allOriginals` (`original: true` in `site.yml`) publishes every picture's original, shown or not.
    func publishedFiles(staticFiles: [StaticFile], bodies: some Sequence<RenderedBody>, allOriginals: Bool = false) -> [OutputFile] {
        var shown: Set<String> = []
        var originals: Set<String> = []
        for body in bodies {
            shown.formUnion(body.pictures)
            originals.formUnion(body.originals)
        }
        var files = staticFiles.filter { allOriginals || !isProcessed($0.sitePath) || originals.contains($0.sitePath) }
            .map { OutputFile(path: $0.sitePath, contents: .copy($0.source)) }
        for path in shown.sorted() {
            if case .success(let picture)? = prose[path] { files += picture.outputFiles }
        }
        for index in cards.keys.sorted() { files += cards[index]!.outputFiles }
        // The same card for two articles, or a picture used as a card and in text, is one set of files.
        var seen: Set<String> = []
        return files.filter { seen.insert($0.path).inserted }
    }
}

/// The pictures stage, between the site index and the Markdown: every raster picture under `Content/` (JPEG, PNG,
/// WebP, HEIC/AVIF) through `PictureMaker` on all cores, one libvips image per task; the cache in `.helhed-cache/`
/// keeps a build from processing a picture it made before, and the memo keeps `helhed serve` from even reading a
/// picture whose file is unchanged. Articles' `image:` are resolved like Markdown pictures and made into cards.
struct PictureStage {
    let pages: SitePages
    let maker: PictureMaker
    let memo: PictureMemo

    func make(into diagnostics: inout Diagnostics) -> SitePictures {
        let site = pages.site
        let proseJobs = site.staticFiles.filter { PictureFiles.isProcessed(sitePath: $0.sitePath) }
            .map { PictureJob(sitePath: $0.sitePath, source: $0.source, use: .prose) }
        var cardJobs: [(article: Int, job: PictureJob, line: Int)] = []
        let resolver = LinkResolver(site: site, generatedSitePaths: pages.generatedSitePaths)
        for (index, article) in site.articles.enumerated() {
            guard let image = article.image else { continue }
            let problem: Message
            switch resolver.resolve(image.value, from: article.source, isImage: true) {
            case .file(let sitePath, _) where PictureFiles.isProcessed(sitePath: sitePath):
                let source = site.staticFiles.first { $0.sitePath == sitePath }!.source
                cardJobs.append((index, PictureJob(sitePath: sitePath, source: source, use: .card), image.line))
                continue
            case .broken(let message):
                problem = message
            default:
                problem = Message(.imageNotAPicture, ["path": image.value])
            }
            diagnostics.append(.error(article.source.path, line: image.line, .imageFieldProblem, parts: ["problem": problem]))
        }

        let jobs = proseJobs + cardJobs.map(\.job)
        let maker = self.maker
        let made = memo.map(jobs, key: { $0 }, inputs: { SourceStamp(FileStamp(path: $0.source.path)) }) { job, _ in
            Result { () throws(PictureError) in
                SitePicture(sitePath: job.sitePath, picture: try maker.make(job.source, for: job.use).picture, use: job.use)
            }
        }
        var pictures = SitePictures()
        for (job, result) in zip(proseJobs, made) { pictures.prose[job.sitePath] = result }
        for (card, result) in zip(cardJobs, made.dropFirst(proseJobs.count)) {
            switch result {
            case .success(let picture):
                pictures.cards[card.article] = picture
            case .failure(let error):
                diagnostics.append(.error(site.articles[card.article].source.path, line: card.line,
                                          "front matter: 'image': the picture \(card.job.sitePath) cannot be used: \(error)"))
            }
        }
        return pictures
    }
}

/// The pictures stage's memo: each picture's variants in the cache, while its file's stamp stays.
typealias PictureMemo = StageMemo<PictureJob, SourceStamp, Result<SitePicture, PictureError>>
