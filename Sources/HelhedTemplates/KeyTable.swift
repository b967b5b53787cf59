/// The numbers of the names templates use, found by a name's UTF-8 bytes: a small open-addressing table with FNV-1a,
/// read by every field of every model encoded (a `[String: Int32]` hashed each name with SipHash and compared it as a
/// `String`, most of the cost of encoding a page).
struct KeyTable: Sendable {
    /// Slot → entry index + 1 (0: empty); a power of two, at most half full.
    private let slots: [Int32]
    /// Every name's bytes, one after the other; entry `i` is `bytes[starts[i]..<starts[i + 1]]`.
    private let bytes: [UInt8]
    private let starts: [Int]
    private let numbers: [Int32]

    init(_ names: [String: Int32]) {
        var capacity = 16
        while capacity < names.count * 2 { capacity *= 2 }
        var slots = [Int32](repeating: 0, count: capacity)
        var bytes: [UInt8] = []
        var starts = [0]
        var numbers: [Int32] = []
        for (name, number) in names.sorted(by: { $0.value < $1.value }) {
            var slot = Self.hash(Array(name.utf8)) & (capacity - 1)
            while slots[slot] != 0 { slot = (slot + 1) & (capacity - 1) }
            bytes += name.utf8
            starts.append(bytes.count)
            numbers.append(number)
            slots[slot] = Int32(numbers.count)
        }
        self.slots = slots
        self.bytes = bytes
        self.starts = starts
        self.numbers = numbers
    }

    func number(of name: String) -> Int32? {
        var name = name
        return name.withUTF8 { name in
            var slot = Self.hash(name) & (slots.count - 1)
            while true {
                let entry = Int(slots[slot])
                guard entry != 0 else { return nil }
                let start = starts[entry - 1]
                if starts[entry] - start == name.count && bytes.withUnsafeBufferPointer({ bytes in
                    name.indices.allSatisfy { bytes[start + $0] == name[$0] }
                }) {
                    return numbers[entry - 1]
                }
                slot = (slot + 1) & (slots.count - 1)
            }
        }
    }

    @inline(__always)
    private static func hash(_ bytes: some Collection<UInt8>) -> Int {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        return Int(truncatingIfNeeded: hash ^ (hash >> 29))
    }
}
