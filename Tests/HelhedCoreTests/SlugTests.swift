import Testing
@testable import HelhedCore

@Suite struct SlugTests {
    @Test(arguments: [
        ("Boligsocial helhedsplan", "boligsocial-helhedsplan"),
        ("Æble, Øl & Årstid", "aeble-oel-aarstid"),
        ("Café Noël", "cafe-noel"),
        ("  --Hvem betaler?-- ", "hvem-betaler"),
        ("Straße", "strasse"),
        ("50 planer i 36 kommuner", "50-planer-i-36-kommuner"),
        ("«Spark hinandens døre ind!»", "spark-hinandens-doere-ind"),
        ("", ""),
        ("???", ""),
    ])
    func slugs(title: String, expected: String) {
        #expect(Slug.make(from: title) == expected)
    }

    @Test func validSlugsAreTheirOwnSlug() {
        #expect(Slug.isValid("kolding-2022"))
        #expect(!Slug.isValid("../etc"))
        #expect(!Slug.isValid("Kolding"))
        #expect(!Slug.isValid("a--b"))
        #expect(!Slug.isValid(""))
    }
}
