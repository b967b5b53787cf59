import CCmark
import Foundation

/// How cmark parses and renders.
struct MarkdownOptions: Sendable, Equatable {
    /// Keep raw HTML and unsafe link schemes (cmark's `CMARK_OPT_UNSAFE`).
    var allowsRawHTML: Bool

    init(allowsRawHTML: Bool = false) {
        self.allowsRawHTML = allowsRawHTML
    }

    var cmarkFlags: Int32 {
        allowsRawHTML ? CMARK_OPT_UNSAFE : CMARK_OPT_DEFAULT
    }
}

/// The one owner of a cmark document tree. Every node created through it ends up either in the
/// tree (freed with the root in `deinit`) or is freed at once; nothing else frees cmark memory.
///
/// A `MarkdownNode` is a borrowed handle: it is valid only while its document is alive and the node
/// has not been removed, which is why nodes never leave the document's methods' callers' scope.
final class MarkdownDocument {
    private let root: OpaquePointer
    let options: MarkdownOptions

    init(parsing source: some Collection<UInt8>, options: MarkdownOptions = .init()) {
        self.options = options
        let parsed: OpaquePointer? = source.withContiguousStorageIfAvailable { buffer in
            buffer.withMemoryRebound(to: CChar.self) { chars in
                cmark_parse_document(chars.baseAddress, chars.count, options.cmarkFlags)
            }
        } ?? Array(source).withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { chars in
                cmark_parse_document(chars.baseAddress, chars.count, options.cmarkFlags)
            }
        }
        guard let parsed else { fatalError("cmark could not allocate a document") }
        root = parsed
    }

    convenience init(parsing text: String, options: MarkdownOptions = .init()) {
        self.init(parsing: Array(text.utf8), options: options)
    }

    deinit {
        cmark_node_free(root)
    }

    var rootNode: MarkdownNode { MarkdownNode(pointer: root) }

    /// Merges adjacent text nodes, so that a `[[term]]` split by cmark's bracket handling is one literal again.
    func consolidateText() {
        cmark_consolidate_text_nodes(root)
    }

    func renderHTML() -> String {
        String(decoding: renderHTMLBytes(), as: UTF8.self)
    }

    /// The HTML as cmark wrote it, valid UTF-8 (cmark replaces invalid input sequences), copied without the check a
    /// `String` makes of every byte: a page's body is only ever copied into its page.
    func renderHTMLBytes() -> [UInt8] {
        guard let html = cmark_render_html(root, options.cmarkFlags) else { return [] }
        defer { free(html) }
        return Array(UnsafeRawBufferPointer(start: html, count: strlen(html)).bindMemory(to: UInt8.self))
    }

    /// Visits every node in document order. The visitor must not remove or replace nodes; collect them and
    /// change them after the walk.
    func walk(_ visit: (MarkdownNode, _ isEntering: Bool) -> Void) {
        guard let iterator = cmark_iter_new(root) else { return }
        defer { cmark_iter_free(iterator) }
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            visit(MarkdownNode(pointer: cmark_iter_get_node(iterator)), event == CMARK_EVENT_ENTER)
        }
    }

    // MARK: Creating nodes. Each new node is inserted at once, so the tree owns it.

    func makeText(_ literal: String) -> MarkdownNode {
        let node = MarkdownNode(pointer: cmark_node_new(CMARK_NODE_TEXT))
        cmark_node_set_literal(node.pointer, literal)
        return node
    }

    /// A text node holding a copy of `bytes` (UTF-8 without NUL, such as a piece of another node's literal).
    func makeText(_ bytes: UnsafeBufferPointer<UInt8>) -> MarkdownNode {
        let node = MarkdownNode(pointer: cmark_node_new(CMARK_NODE_TEXT))
        // cmark copies a C string; the NUL-terminated copy lives on the stack for the call (the heap if it is large).
        withUnsafeTemporaryAllocation(of: CChar.self, capacity: bytes.count + 1) { terminated in
            bytes.withMemoryRebound(to: CChar.self) { source in
                _ = terminated.initialize(fromContentsOf: source)
            }
            terminated[bytes.count] = 0
            cmark_node_set_literal(node.pointer, terminated.baseAddress)
        }
        return node
    }

    /// A link node holding a copy of `text` as its only child.
    func makeLink(url: String, title: String = "", text: String) -> MarkdownNode {
        let link = MarkdownNode(pointer: cmark_node_new(CMARK_NODE_LINK))
        cmark_node_set_url(link.pointer, url)
        cmark_node_set_title(link.pointer, title)
        cmark_node_append_child(link.pointer, makeText(text).pointer)
        return link
    }

    /// A custom inline node: cmark emits `before` and `after` verbatim (even in safe mode), so callers
    /// pass only HTML they escaped themselves.
    func makeCustomInline(before escapedHTML: String, after closingHTML: String, text: String) -> MarkdownNode {
        makeCustomInline(before: escapedHTML, after: closingHTML, wrapping: makeText(text))
    }

    /// A custom inline node (as above) around `child`, a node just made and not yet in the tree.
    func makeCustomInline(before escapedHTML: String, after closingHTML: String, wrapping child: MarkdownNode) -> MarkdownNode {
        let node = MarkdownNode(pointer: cmark_node_new(CMARK_NODE_CUSTOM_INLINE))
        cmark_node_set_on_enter(node.pointer, escapedHTML)
        cmark_node_set_on_exit(node.pointer, closingHTML)
        cmark_node_append_child(node.pointer, child.pointer)
        return node
    }

    /// A custom inline node without children: cmark emits `escapedHTML` verbatim (as above, only HTML the caller made
    /// and escaped itself), e.g. a `<picture>` in place of a picture node.
    func makeRawInline(_ escapedHTML: String) -> MarkdownNode {
        let node = MarkdownNode(pointer: cmark_node_new(CMARK_NODE_CUSTOM_INLINE))
        cmark_node_set_on_enter(node.pointer, escapedHTML)
        cmark_node_set_on_exit(node.pointer, "")
        return node
    }

    /// Replaces `old` by a custom block that keeps `old`'s children between `before` and `after`, then frees `old`.
    /// The markup is UTF-8.
    func wrapChildren(of old: MarkdownNode, inCustomBlockBefore escapedHTML: [UInt8], after closingHTML: [UInt8]) {
        let block = cmark_node_new(CMARK_NODE_CUSTOM_BLOCK)
        // cmark copies the markup, which it reads up to a NUL.
        _ = (escapedHTML + [0]).withUnsafeBufferPointer { cmark_node_set_on_enter(block, UnsafeRawPointer($0.baseAddress!).assumingMemoryBound(to: CChar.self)) }
        _ = (closingHTML + [0]).withUnsafeBufferPointer { cmark_node_set_on_exit(block, UnsafeRawPointer($0.baseAddress!).assumingMemoryBound(to: CChar.self)) }
        while let child = cmark_node_first_child(old.pointer) {
            cmark_node_append_child(block, child)
        }
        cmark_node_replace(old.pointer, block)
        cmark_node_free(old.pointer)
    }

    /// Replaces `old` with `replacements` (in order) and frees `old`.
    func replace(_ old: MarkdownNode, with replacements: [MarkdownNode]) {
        for node in replacements {
            cmark_node_insert_before(old.pointer, node.pointer)
        }
        cmark_node_unlink(old.pointer)
        cmark_node_free(old.pointer)
    }

    /// Replaces a link or image by its children (keeping the text, dropping the target), then frees it.
    func unwrap(_ node: MarkdownNode) {
        while let child = cmark_node_first_child(node.pointer) {
            cmark_node_insert_before(node.pointer, child)
        }
        cmark_node_unlink(node.pointer)
        cmark_node_free(node.pointer)
    }
}

/// A borrowed handle on a node of a `MarkdownDocument`. Strings read from it are copied at once.
struct MarkdownNode {
    let pointer: OpaquePointer

    enum Kind: Equatable {
        case document, blockQuote, list, item, codeBlock, htmlBlock, customBlock, paragraph, heading, thematicBreak
        case text, softBreak, lineBreak, code, htmlInline, customInline, emphasis, strong, link, image
        case other
    }

    var kind: Kind {
        switch cmark_node_get_type(pointer) {
        case CMARK_NODE_DOCUMENT: .document
        case CMARK_NODE_BLOCK_QUOTE: .blockQuote
        case CMARK_NODE_LIST: .list
        case CMARK_NODE_ITEM: .item
        case CMARK_NODE_CODE_BLOCK: .codeBlock
        case CMARK_NODE_HTML_BLOCK: .htmlBlock
        case CMARK_NODE_CUSTOM_BLOCK: .customBlock
        case CMARK_NODE_PARAGRAPH: .paragraph
        case CMARK_NODE_HEADING: .heading
        case CMARK_NODE_THEMATIC_BREAK: .thematicBreak
        case CMARK_NODE_TEXT: .text
        case CMARK_NODE_SOFTBREAK: .softBreak
        case CMARK_NODE_LINEBREAK: .lineBreak
        case CMARK_NODE_CODE: .code
        case CMARK_NODE_HTML_INLINE: .htmlInline
        case CMARK_NODE_CUSTOM_INLINE: .customInline
        case CMARK_NODE_EMPH: .emphasis
        case CMARK_NODE_STRONG: .strong
        case CMARK_NODE_LINK: .link
        case CMARK_NODE_IMAGE: .image
        default: .other
        }
    }

    /// The literal of a text or code node as UTF-8 bytes (copied).
    var literalBytes: [UInt8] {
        withLiteralBytes { Array($0) }
    }

    /// The literal of a text or code node, read in place: `body` sees cmark's own bytes, which stay valid during the
    /// call as long as the node is not changed. Every text node of every page is read, so not copying matters.
    func withLiteralBytes<Result>(_ body: (UnsafeBufferPointer<UInt8>) throws -> Result) rethrows -> Result {
        guard let literal = cmark_node_get_literal(pointer) else { return try body(UnsafeBufferPointer(start: nil, count: 0)) }
        return try body(UnsafeBufferPointer(start: UnsafeRawPointer(literal).assumingMemoryBound(to: UInt8.self), count: strlen(literal)))
    }

    var literal: String {
        guard let literal = cmark_node_get_literal(pointer) else { return "" }
        return String(cString: literal)
    }

    var url: String {
        get { cmark_node_get_url(pointer).map { String(cString: $0) } ?? "" }
        nonmutating set { cmark_node_set_url(pointer, newValue) }
    }

    /// A link's or picture's title (`![alt](x.jpg "title")`), empty when there is none.
    var title: String { cmark_node_get_title(pointer).map { String(cString: $0) } ?? "" }

    var headingLevel: Int { Int(cmark_node_get_heading_level(pointer)) }

    /// 1-based line in the parsed text, 0 when unknown (nodes made by a transform). Hook for the GFM extensions
    /// (Markdown/Extensions): a node they moved in from a second parse, or made, carries its page line as user data.
    var startLine: Int {
        if let pageLine = cmark_node_get_user_data(pointer) { return Int(bitPattern: pageLine) }
        return Int(cmark_node_get_start_line(pointer))
    }

    var parent: MarkdownNode? { cmark_node_parent(pointer).map(MarkdownNode.init) }

    var firstChild: MarkdownNode? { cmark_node_first_child(pointer).map(MarkdownNode.init) }

    var next: MarkdownNode? { cmark_node_next(pointer).map(MarkdownNode.init) }

    /// The text a reader sees in this node and its descendants (text and code literals). Walks with cmark's iterator,
    /// not by recursion: a heading can hold emphasis nested a hundred thousand levels deep.
    var plainText: String {
        var bytes: [UInt8] = []
        guard let iterator = cmark_iter_new(pointer) else { return "" }
        defer { cmark_iter_free(iterator) }
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            guard event == CMARK_EVENT_ENTER else { continue }
            let node = MarkdownNode(pointer: cmark_iter_get_node(iterator))
            switch node.kind {
            case .text, .code: node.withLiteralBytes { bytes.append(contentsOf: $0) }
            case .softBreak, .lineBreak: bytes.append(0x20)
            default: break
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
