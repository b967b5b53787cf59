import Foundation

/// Pictures: a raster picture of the content becomes the `<picture>` of its variants (`PictureMarkup`), replacing
/// the picture node in the AST; SVG, GIF and pictures on other sites stay cmark's `<img>`.
extension TransformRun {
    /// The narrowest picture that fills the text column (38rem at 16 px) on a screen of one pixel per CSS pixel.
    static let columnWidth = 608

    mutating func show(_ node: MarkdownNode, picture outcome: Result<SitePicture, PictureError>, line: Int, site: Site) {
        let address = node.url
        let picture: SitePicture
        switch outcome {
        case .success(let made):
            picture = made
        case .failure(let error):
            diagnostics.append(.error(path, line: line, "the picture \"\(address)\" cannot be used: \(error)"))
            return
        }
        let facts = picture.facts
        if facts.width < Self.columnWidth {
            diagnostics.append(.warning(path, line: line, "the picture \"\(address)\" is \(facts.width) pixels wide, narrower than the text column (\(Self.columnWidth)); it is shown at its own size, not enlarged: use one at least \(2 * Self.columnWidth) pixels wide to fill the column sharply"))
        }
        let title = node.title
        var html = PictureMarkup.html(
            variants: picture.picture.variants, fallbackFormat: facts.fallbackFormat, alt: node.plainText,
            title: title.isEmpty ? nil : title, eager: picturesShown == 0,
            url: { site.baseURL.link(to: Self.encodePath(picture.path(of: $0))) })
        if context.publishesOriginals {
            originals.insert(picture.sitePath)
            html += PictureMarkup.originalLink(url: site.baseURL.link(to: Self.encodePath(picture.sitePath)), facts: facts,
                                               fileExtension: (picture.sitePath as NSString).pathExtension)
        }
        picturesShown += 1
        pictures.insert(picture.sitePath)
        document.replace(node, with: [document.makeRawInline(html)])
    }

    /// Alt text that is only the picture's file name (`![IMG_2041.jpg](IMG_2041.jpg)`, `![kort](kort.png)`) tells a
    /// screen reader user nothing about the picture.
    mutating func warnAboutFileNameAltText(_ node: MarkdownNode) {
        // Only a description that is one text node can be a file name; reading the whole description of every
        // picture would cost a walk of its contents each, quadratic for pictures nested thousands deep.
        guard let text = node.firstChild, text.kind == .text, text.next == nil else { return }
        let alt = text.literal.trimmingWhitespace()
        guard Self.isFileName(alt, of: node.url) else { return }
        let line = context.source.fileLine(bodyLine: Self.line(of: node))
        diagnostics.append(.warning(path, line: line, "the picture \"\(node.url)\" has its file name as alt text (\"\(alt)\"); describe what the picture shows between the brackets"))
    }

    /// Whether `alt` is the file name of `address` (with or without its extension, any case), or any file name with
    /// a picture's extension.
    static func isFileName(_ alt: String, of address: String) -> Bool {
        let lowered = alt.lowercased()
        let pathPart = address.split(separator: "#", maxSplits: 1).first.map(String.init) ?? address
        let name = ((LinkResolver.removingPercentEncoding(pathPart) ?? pathPart) as NSString).lastPathComponent.lowercased()
        if !name.isEmpty, lowered == name || lowered == (name as NSString).deletingPathExtension { return true }
        let pictureExtensions = PictureFiles.processedExtensions.union(["gif", "svg", "tif", "tiff", "bmp"])
        let ext = (lowered as NSString).pathExtension
        return !lowered.contains(" ") && pictureExtensions.contains(ext) && lowered.count > ext.count + 1
    }
}
