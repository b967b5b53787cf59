import Testing
@testable import HelhedTemplates

/// The buffer pages are rendered into must give exactly the bytes an array would, through growth and insertion.
@Suite struct ByteBufferTests {
    @Test func growsAndInsertsAsAnArrayWould() {
        // A fixed linear congruential sequence: the same steps on every run.
        var state: UInt64 = 3
        func below(_ bound: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return bound == 0 ? 0 : Int((state >> 33) % UInt64(bound))
        }
        var buffer = ByteBuffer(capacity: 1)
        var expected: [UInt8] = []
        for step in 0..<2_000 {
            let text = String(repeating: "æb\n", count: below(40))
            let bytes = Array(text.utf8)
            if step % 7 == 3 {
                let index = below(expected.count + 1)
                bytes.withUnsafeBufferPointer { buffer.insert($0, at: index) }
                expected.insert(contentsOf: bytes, at: index)
            } else if step % 2 == 0 {
                buffer.append(text)
                expected.append(contentsOf: bytes)
            } else {
                bytes.withUnsafeBufferPointer { buffer.append($0) }
                expected += bytes
            }
            #expect(buffer.count == expected.count)
        }
        #expect(expected.count > 64 * 1024)
        #expect(buffer.array() == expected)
    }
}
