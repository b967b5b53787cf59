import Foundation
import Testing
@testable import HelhedCore

@Suite struct DanishTextTests {
    @Test func sortsTheDanishAlphabetWithAaAsÅ() {
        let words = ["Aarhus", "Åben", "Zebra", "Æble", "Øst", "almen bolig", "Boligsocialnet", "ærlig", "Viborg", "østlig", "aarhusianer"]
        let sorted = words.sorted(by: DanishText.precedes)
        #expect(sorted == ["almen bolig", "Boligsocialnet", "Viborg", "Zebra", "Æble", "ærlig", "Øst", "østlig", "Åben", "Aarhus", "aarhusianer"])
    }

    /// The quick path of `precedes` must agree with ICU wherever it answers.
    @Test func theQuickOrderAgreesWithICU() {
        func icu(_ lhs: String, _ rhs: String) -> Bool {
            switch lhs.compare(rhs, options: [.caseInsensitive], range: nil, locale: DanishText.locale) {
            case .orderedAscending: true
            case .orderedDescending: false
            case .orderedSame: lhs < rhs
            }
        }
        var texts = ["Aarhus", "aarhus", "Åben", "Zebra", "Æble", "Øst", "almen bolig", "almenbolig", "almen-bolig", "Boligsocialnet",
                     "bolig 10", "bolig 9", "bolig", "Bolig", "bolig.", "Erfaringer med boligråd i Gellerup 12", "Erfaringer med byråd",
                     "ea", "éa", "Éb", "ab", "aab", "abb", "baa", "ba", "bå", "bz", "b z", "b-z", "b1", "", " ", "a", "A", "aA", "Aa"]
        var state: UInt64 = 11
        let pieces = ["a", "A", "aa", "b", "B", "z", "æ", "ø", "å", "é", " ", "-", "0", "9", "e", "Å", "\u{301}", ".", "o", "ö", "ü", "u",
                      "\u{308}", "\u{30A}", "y", "ő", "þ", "ð", "d", "t", "ä", "Ø"]
        for _ in 0..<700 {
            var text = ""
            for _ in 0..<(1 + Int(state % 6)) {
                state = state &* 6364136223846793005 &+ 1442695040888963407
                text += pieces[Int(state >> 33) % pieces.count]
            }
            texts.append(text)
        }
        var answered = 0
        for lhs in texts {
            for rhs in texts {
                guard let quick = DanishText.quickOrder(lhs, rhs) else { continue }
                answered += 1
                #expect(quick == icu(lhs, rhs), "\(lhs.debugDescription) vs \(rhs.debugDescription)")
            }
        }
        #expect(answered > 10_000, "the quick path should answer most pairs of plain texts")
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

    @Test func writesISODatesAsFormatDoes() throws {
        for (year, month, day) in [(1, 1, 1), (9, 9, 9), (10, 10, 10), (999, 12, 31), (1000, 2, 28), (2024, 2, 29), (9999, 12, 31)] {
            let date = try #require(Day(year: year, month: month, day: day))
            #expect(date.description == String(format: "%04d-%02d-%02d", year, month, day))
            #expect(date.rfc3339 == String(format: "%04d-%02d-%02dT00:00:00Z", year, month, day))
        }
    }

    @Test(arguments: ["i går", "2022-13-01", "2023-02-29", "22-08-20", "2022-8-20", "2022-08-20T10:00", "", "2022/08/20"])
    func rejectsWhatIsNotADate(text: String) {
        #expect(Day(iso: text) == nil)
    }
}
