import Foundation
import HelhedTemplates
import Testing

/// View models as the encoder reads them: the kinds of values synthesized and hand-written `encode(to:)` produce.
@Suite struct ValueEncoderTests {
    enum Kind: String, Encodable { case story, event }

    struct Everything: Encodable {
        let kind = Kind.event
        let labels = ["a": "b & c"]
        let small: Int8 = -3
        let large: UInt64 = .max
        let ratio = 0.5
        let optionals: [String?] = ["x", nil, "y"]
        let unused = "never encoded"
    }

    /// `encode(to:)` written by hand, with nested containers.
    struct HandWritten: Encodable {
        enum Keys: String, CodingKey { case outer, inner, list, after }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: Keys.self)
            var outer = container.nestedContainer(keyedBy: Keys.self, forKey: .outer)
            try outer.encode("indeni", forKey: .inner)
            var list = container.nestedUnkeyedContainer(forKey: .list)
            try list.encode(1)
            try list.encode(2)
            try container.encode("efter", forKey: .after)
        }
    }

    static func render(_ template: String, _ model: some Encodable) throws -> String {
        let library = try TemplateLibrary(templates: ["main": template])
        return String(decoding: library.render("main", model), as: UTF8.self)
    }

    @Test func valuesOfEveryKindRender() throws {
        #expect(try Self.render("{{kind}} {{labels.a}} {{small}} {{large}} {{ratio}} {{#optionals}}[{{.}}]{{/optionals}}", Everything())
            == "event b &amp; c -3 18446744073709551615 0.5 [x][][y]")
    }

    @Test func nestedContainersRender() throws {
        #expect(try Self.render("{{outer.inner}} {{#list}}<{{.}}>{{/list}} {{after}}", HandWritten()) == "indeni <1><2> efter")
    }

    @Test func aModelIsCheckedByItsSample() throws {
        let library = try TemplateLibrary(templates: ["main": "{{kind}} {{labels.a}} {{{ratio}}} {{unknown}}"])
        #expect(library.check("main", against: Everything()).map(\.message) == [
            "template: '{{{ratio}}}' would insert text unescaped; only HTML fields may use triple braces, write '{{ratio}}'",
            "template: 'unknown' is not a field of Everything here (fields: kind, labels, large, optionals, ratio, small, unused)",
        ])
    }
}
