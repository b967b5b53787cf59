import CCmark

// The cmark operations the GFM extensions need, kept beside `MarkdownDocument` and under its rule: every node made
// here is put into a tree at once, every node taken out of a tree is put into another or freed at once.

extension MarkdownNode {
    /// cmark's 1-based column (bytes) of the node's first character on its start line.
    var startColumn: Int { Int(cmark_node_get_start_column(pointer)) }

    var endLine: Int { Int(cmark_node_get_end_line(pointer)) }

    var previous: MarkdownNode? { cmark_node_previous(pointer).map(MarkdownNode.init) }

    var lastChild: MarkdownNode? { cmark_node_last_child(pointer).map(MarkdownNode.init) }

    var isOrderedListWithParenthesis: Bool {
        cmark_node_get_list_type(pointer) == CMARK_ORDERED_LIST && cmark_node_get_list_delim(pointer) == CMARK_PAREN_DELIM
    }

    /// Gives the node the line it has in the page's text (`startLine` reads it), for a node parsed from another text
    /// (a table cell's second parse) or made by a transform.
    func setPageLine(_ line: Int) {
        cmark_node_set_user_data(pointer, UnsafeMutableRawPointer(bitPattern: line))
    }

    /// Sets `setPageLine` on this node and every node inside it that has a line of its own, mapped by `pageLine`.
    func setPageLines(_ pageLine: (Int) -> Int) {
        guard let iterator = cmark_iter_new(pointer) else { return }
        defer { cmark_iter_free(iterator) }
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            guard event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator) else { continue }
            let line = Int(cmark_node_get_start_line(node))
            if line > 0, cmark_node_get_user_data(node) == nil { cmark_node_set_user_data(node, UnsafeMutableRawPointer(bitPattern: pageLine(line))) }
        }
    }
}

extension MarkdownDocument {
    /// A custom block (cmark writes `before` and `after` verbatim, so they are HTML escaped by the caller) put at once
    /// before `sibling`, or as the last child of `parent`.
    @discardableResult
    func insertCustomBlock(_ before: [UInt8], _ after: [UInt8], beforeSibling sibling: MarkdownNode) -> MarkdownNode {
        let node = Self.customNode(CMARK_NODE_CUSTOM_BLOCK, before, after)
        cmark_node_insert_before(sibling.pointer, node.pointer)
        return node
    }

    @discardableResult
    func appendCustomBlock(_ before: [UInt8], _ after: [UInt8], to parent: MarkdownNode) -> MarkdownNode {
        let node = Self.customNode(CMARK_NODE_CUSTOM_BLOCK, before, after)
        cmark_node_append_child(parent.pointer, node.pointer)
        return node
    }

    @discardableResult
    func appendCustomInline(_ before: [UInt8], _ after: [UInt8], to parent: MarkdownNode) -> MarkdownNode {
        let node = Self.customNode(CMARK_NODE_CUSTOM_INLINE, before, after)
        cmark_node_append_child(parent.pointer, node.pointer)
        return node
    }

    @discardableResult
    func insertCustomInline(_ before: [UInt8], _ after: [UInt8], beforeSibling sibling: MarkdownNode) -> MarkdownNode {
        let node = Self.customNode(CMARK_NODE_CUSTOM_INLINE, before, after)
        cmark_node_insert_before(sibling.pointer, node.pointer)
        return node
    }

    func appendSoftBreak(to parent: MarkdownNode) {
        cmark_node_append_child(parent.pointer, cmark_node_new(CMARK_NODE_SOFTBREAK))
    }

    func appendText(_ text: String, to parent: MarkdownNode) {
        cmark_node_append_child(parent.pointer, makeText(text).pointer)
    }

    /// Moves `node` (from this tree or from another document's, all made by cmark's default allocator) to the end of
    /// `parent`'s children; the tree it joins frees it.
    func append(_ node: MarkdownNode, to parent: MarkdownNode) {
        cmark_node_append_child(parent.pointer, node.pointer)
    }

    func insert(_ node: MarkdownNode, before sibling: MarkdownNode) {
        cmark_node_insert_before(sibling.pointer, node.pointer)
    }

    func insert(_ node: MarkdownNode, after sibling: MarkdownNode) {
        cmark_node_insert_after(sibling.pointer, node.pointer)
    }

    /// Moves every child of `source` (of any document) to the end of `parent`'s children.
    func moveChildren(of source: MarkdownNode, to parent: MarkdownNode) {
        while let child = cmark_node_first_child(source.pointer) {
            cmark_node_append_child(parent.pointer, child)
        }
    }

    /// Takes `node` out of its tree and frees it with everything still inside it.
    func remove(_ node: MarkdownNode) {
        cmark_node_unlink(node.pointer)
        cmark_node_free(node.pointer)
    }

    /// Drops the first `count` bytes of a text node's literal, and the node itself when nothing is left.
    func dropLeadingBytes(_ count: Int, ofText node: MarkdownNode) {
        let rest = node.withLiteralBytes { Array($0.dropFirst(count)) }
        if rest.isEmpty {
            remove(node)
        } else {
            cmark_node_set_literal(node.pointer, String(decoding: rest, as: UTF8.self))
        }
    }

    /// Replaces a text node's literal.
    func setLiteral(_ text: String, of node: MarkdownNode) {
        cmark_node_set_literal(node.pointer, text)
    }

    /// Moves the items after `item` into a new list of the same kind, put right after `item`'s list; returns it.
    func splitList(after item: MarkdownNode) -> MarkdownNode? {
        guard let list = cmark_node_parent(item.pointer), cmark_node_next(item.pointer) != nil else { return nil }
        let rest = cmark_node_new(CMARK_NODE_LIST)
        cmark_node_set_list_type(rest, cmark_node_get_list_type(list))
        cmark_node_set_list_delim(rest, cmark_node_get_list_delim(list))
        cmark_node_set_list_tight(rest, cmark_node_get_list_tight(list))
        cmark_node_insert_after(list, rest)
        while let next = cmark_node_next(item.pointer) {
            cmark_node_append_child(rest, next)
        }
        return rest.map(MarkdownNode.init)
    }

    /// Sets the number an ordered list starts at (a list the footnotes left behind keeps its own first number).
    func setListStart(_ start: Int, of list: MarkdownNode) {
        cmark_node_set_list_start(list.pointer, Int32(clamping: start))
    }

    private static func customNode(_ type: cmark_node_type, _ before: [UInt8], _ after: [UInt8]) -> MarkdownNode {
        let node = cmark_node_new(type)
        // cmark copies the markup, which it reads up to a NUL.
        _ = (before + [0]).withUnsafeBufferPointer { cmark_node_set_on_enter(node, UnsafeRawPointer($0.baseAddress!).assumingMemoryBound(to: CChar.self)) }
        _ = (after + [0]).withUnsafeBufferPointer { cmark_node_set_on_exit(node, UnsafeRawPointer($0.baseAddress!).assumingMemoryBound(to: CChar.self)) }
        return MarkdownNode(pointer: node!)
    }
}
