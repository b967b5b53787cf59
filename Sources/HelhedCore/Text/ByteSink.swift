/// Where escaped or copied bytes go (a byte array; the pages themselves render in HelhedTemplates).
protocol ByteSink: ~Copyable {
    mutating func appendBytes(_ bytes: UnsafeBufferPointer<UInt8>)
}

extension Array: ByteSink where Element == UInt8 {
    mutating func appendBytes(_ bytes: UnsafeBufferPointer<UInt8>) {
        append(contentsOf: bytes)
    }
}
