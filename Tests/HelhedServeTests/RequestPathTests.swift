import Testing
@testable import HelhedServe

@Suite struct RequestPathTests {
    @Test(arguments: [
        ("/", ""),
        ("/artikler/", "artikler/"),
        ("/artikler/kolding/", "artikler/kolding/"),
        ("/assets/style.78c21d5465.css", "assets/style.78c21d5465.css"),
        ("/billeder/b%C3%B8rn%20og%20unge.png", "billeder/børn og unge.png"),
        ("/rapport%2050%25.pdf", "rapport 50%.pdf"),
        ("/..a/b..", "..a/b.."),
    ])
    func acceptsOrdinaryPaths(raw: String, relative: String) throws {
        let path = try RequestPath.parse(raw).get()
        #expect(path.relative == relative)
    }

    @Test(arguments: [
        ("artikler/", RequestPath.Rejection.notAbsolute),
        ("http://127.0.0.1/etc/passwd", .notAbsolute),
        ("*", .notAbsolute),
        ("/../etc/passwd", .dotSegment),
        ("/artikler/../../etc/passwd", .dotSegment),
        ("/./index.html", .dotSegment),
        ("/..", .dotSegment),
        ("/%2e%2e/etc/passwd", .dotSegment),
        ("/%2E%2E/etc/passwd", .dotSegment),
        ("/.%2e/etc/passwd", .dotSegment),
        ("/%2e/index.html", .dotSegment),
        ("/..%2fetc%2fpasswd", .encodedSeparator),
        ("/%2fetc%2fpasswd", .encodedSeparator),
        ("/..%5cetc", .encodedSeparator),
        ("/..%5Cwindows", .encodedSeparator),
        ("/..\\etc\\passwd", .backslash),
        ("/a\\b", .backslash),
        ("/%00", .controlCharacter),
        ("/index.html%00.png", .controlCharacter),
        ("/a\u{0}b", .controlCharacter),
        ("/a%0d%0aSet-Cookie:x", .controlCharacter),
        ("/%252e%252e/etc/passwd", .doubleEncoding),
        ("/%252e%252e%252fetc", .doubleEncoding),
        ("/..%252f..%252fetc", .doubleEncoding),
        ("/a%255cb", .doubleEncoding),
        ("/%25%32%65%25%32%65/x", .doubleEncoding),
        ("//etc/passwd", .emptySegment),
        ("/artikler//x", .emptySegment),
        ("/%zz", .badPercentEscape),
        ("/%2", .badPercentEscape),
        ("/%c0%ae%c0%ae/etc", .invalidUTF8),
        ("/%ff", .invalidUTF8),
    ])
    func rejectsHostilePaths(raw: String, rejection: RequestPath.Rejection) {
        #expect(throws: rejection) { try RequestPath.parse(raw).get() }
    }
}
