import Testing
@testable import HelhedCore

@Suite struct DanishTextTests {
    @Test func sortsTheDanishAlphabetWithAaAsÅ() {
        let words = ["Aarhus", "Åben", "Zebra", "Æble", "Øst", "almen bolig", "Boligsocialnet", "ærlig", "Viborg", "østlig", "aarhusianer"]
        let sorted = words.sorted(by: DanishText.precedes)
        #expect(sorted == ["almen bolig", "Boligsocialnet", "Viborg", "Zebra", "Æble", "ærlig", "Øst", "østlig", "Åben", "Aarhus", "aarhusianer"])
    }

    @Test func ordersEqualWordsStably() {
        #expect(DanishText.precedes("Helhedsplan", "helhedsplan") != DanishText.precedes("helhedsplan", "Helhedsplan"))
    }

    @Test(arguments: [
        ("helhedsplan", "H"), ("Aarhus", "Å"), ("aftale", "A"), ("Ærø", "Æ"), ("øst", "Ø"), ("Åbenrå", "Å"),
        ("Éclair", "E"), ("50 planer", "#"),
    ])
    func filesWordsUnderTheirLetter(word: String, letter: String) {
        #expect(DanishText.filingLetter(of: word) == letter)
    }

    @Test func alphabetEndsWithÆØÅ() {
        #expect(DanishText.alphabet.count == 29)
        #expect(DanishText.alphabet.suffix(3) == ["Æ", "Ø", "Å"])
    }

    @Test(arguments: [
        ("2022-08-20", "20. august 2022"), ("2022-01-01", "1. januar 2022"), ("2026-12-31", "31. december 2026"),
        ("2024-02-29", "29. februar 2024"), ("2022-05-09", "9. maj 2022"),
    ])
    func writesDatesInDanish(iso: String, danish: String) throws {
        let day = try #require(Day(iso: iso))
        #expect(day.danish == danish)
        #expect(day.description == iso)
    }

    @Test(arguments: ["i går", "2022-13-01", "2023-02-29", "22-08-20", "2022-8-20", "2022-08-20T10:00", "", "2022/08/20"])
    func rejectsWhatIsNotADate(text: String) {
        #expect(Day(iso: text) == nil)
    }
}
