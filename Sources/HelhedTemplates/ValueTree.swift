/// A view model as templates read it: every value the model encodes, in one array, depth first, so that rendering a
/// page allocates a few arrays instead of a box per value, and a lookup compares numbers.
///
/// An object's fields follow it (each followed by its own subtree), as do a list's elements; `end` skips a subtree.
struct ValueTree {
    enum Kind: UInt8 {
        /// An explicit nil inside a list (a nil field is left out, as if the field did not exist).
        case null
        case text
        case html
        case integer
        case decimal
        case flag
        case list
        case object
    }

    struct Node {
        var kind: Kind
        /// The field's name, numbered by the library; -1 for list elements and the model itself.
        var key: Int32
        /// The index after this node's subtree.
        var end: Int32
        /// text: byte count; list: element count.
        var count: Int32
        /// text: offset in `textBytes`; html: index in `htmls`; integer: the value; decimal: its bit pattern;
        /// flag: 0 or 1.
        var payload: Int
    }

    var nodes: [Node] = []
    /// The UTF-8 of every text value, one after the other (copied once, then read in place while rendering).
    var textBytes: [UInt8] = []
    var htmls: [[UInt8]] = []

    /// The field `key` of the object at `index`.
    @inline(__always)
    func field(_ key: Int32, of index: Int) -> Int? {
        nodes.withUnsafeBufferPointer { nodes in
            guard nodes[index].kind == .object else { return nil }
            var child = index + 1
            let end = Int(nodes[index].end)
            while child < end {
                if nodes[child].key == key { return child }
                child = Int(nodes[child].end)
            }
            return nil
        }
    }
}
