import Testing
@testable import HelhedCore

/// The buffer pages are rendered into must give exactly the bytes an array would, through growth and insertion.
@Suite struct ByteBufferTests {
    @Test func growsAndInsertsAsAnArrayWould() {
        var random = SeededGenerator(seed: 3)
        var buffer = ByteBuffer(capacity: 1)
        var expected: [UInt8] = []
        for step in 0..<2_000 {
            let text = String(repeating: "æb\n", count: random.below(40))
            if step % 7 == 3 {
                let index = random.below(expected.count + 1)
                buffer.insert(text, at: index)
                expected.insert(contentsOf: text.utf8, at: index)
            } else if step % 2 == 0 {
                buffer.append(text)
                expected.append(contentsOf: text.utf8)
            } else {
                let bytes = Array(text.utf8)
                bytes.withUnsafeBufferPointer { buffer.appendBytes($0) }
                expected += bytes
            }
            #expect(buffer.count == expected.count)
        }
        #expect(expected.count > 64 * 1024)
        #expect((0..<expected.count).allSatisfy { buffer[$0] == expected[$0] })
        #expect(buffer.array() == expected)
    }
}
