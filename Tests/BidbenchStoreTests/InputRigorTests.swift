import BidbenchCore
import Foundation
import Testing

@testable import BidbenchStore

/// Input that looked valid but meant something else (issue 21 items 5–7).
@Suite struct InputRigorTests {
    /// The fixture with one text replaced in one file, loaded.
    static func loaded(_ file: String, _ from: String, _ to: String) throws -> (TempDir, LoadedWorkspace) {
        let dir = Fixture.folder()
        let text = try #require(Fixture.files[file])
        #expect(text.contains(from))
        dir.write(file, text.replacingOccurrences(of: from, with: to))
        return (dir, try WorkspaceStore.load(folder: dir.path))
    }

    @Test func aCommaInMoneyIsOnlyAThousandsSeparator() throws {
        #expect(Money(parsing: "1,234.56") == Money(minor: 123_456))
        #expect(Money(parsing: "12,345,678") == Money(minor: 1_234_567_800))
        #expect(Money(parsing: "-1,234") == Money(minor: -123_400))
        for bad in ["1234,56", "1,5", "-1,5", "1,23", ",123", "1234,567", "1,2345", "12,34.5"] {
            #expect(Money(parsing: bad) == nil, "\(bad) was accepted")
        }
        for (shown, refused) in [("1234,56", true), ("1,5", true), ("-1,5", true), ("1,286,000", false)] {
            let (_, l) = try Self.loaded("vendors.csv", ",true,1286000\n", ",true,\"\(shown)\"\n")
            if refused {
                #expect(
                    l.problems.map(\.description) == [
                        "vendors.csv:2: bid_price: \"\(shown)\": a comma is accepted only as a thousands separator in groups of three (1,234.56); write a decimal with a point (1234.56)"
                    ])
                #expect(l.problems.first?.messageZH?.contains("逗号只能用作千位分隔符") == true)
            } else {
                #expect(l.problems == [])
                #expect(l.workspace.vendors[0].bidPrice == Money(minor: 128_600_000))
            }
        }
    }

    @Test func datesAreLimitedToTheYears1900To9999() throws {
        let (_, early) = try Self.loaded("contracts.csv", ",2026-12-20,", ",1899-12-31,")
        #expect(early.problems.map(\.description) == ["contracts.csv:2: signed: \"1899-12-31\" is out of range: years 1900–9999 only"])
        let (_, late) = try Self.loaded("contracts.csv", ",2026-12-20,", ",10000-01-01,")
        #expect(late.problems.map(\.description).first?.hasPrefix("contracts.csv:2: signed: \"10000-01-01\" is not a valid date") == true)
        let (_, last) = try Self.loaded("contracts.csv", ",2026-12-20,2027-01-01,", ",9999-12-01,9999-12-31,")
        // The year 9999 itself is accepted (other rules, such as a change dated before the contract, may still apply).
        #expect(!last.problems.contains { $0.message.contains("out of range") || $0.message.contains("not a valid date") })
    }

    @Test func invisibleAndDirectionCharactersAreRefusedInIdsAndNames() throws {
        let (_, zw) = try Self.loaded("vendors.csv", "V2,乙科技", "V2\u{200B},乙科技")
        #expect(
            zw.problems.map(\.description).contains(
                "vendors.csv:3: id: \"V2\\u{200B}\" contains the invisible or direction-control character U+200B; ids and names must look like what they are"
            ))
        let (_, bidi) = try Self.loaded("vendors.csv", "V2,乙科技", "V2,乙\u{202E}技科")
        #expect(
            bidi.problems.map(\.description).contains {
                $0.hasPrefix("vendors.csv:3: name: \"乙\\u{202E}技科\" contains") && $0.contains("U+202E")
            })
        #expect(EvaluatorName.problem("张\u{200D}伟")?.en.contains("U+200D") == true)
        #expect(EvaluatorName.problem("张伟") == nil)
    }

    @Test func evaluatorNamesFitAFileName() throws {
        let long = String(repeating: "评", count: 61)  // 183 bytes
        #expect(
            EvaluatorName.problem(long)?.en == "is 183 bytes long in UTF-8; at most 180 bytes (about 60 Chinese characters) fit a file name"
        )
        #expect(EvaluatorName.problem(String(repeating: "评", count: 60)) == nil)
        #expect(EvaluatorName.problem("../x") != nil && EvaluatorName.problem("a/b") != nil)
        // A tab is shown, not printed raw; a name with a space around it would be a look-alike sheet.
        #expect(
            EvaluatorName.problem("a\tb")?.en
                == #""a\u{9}b" cannot be a file name (no leading dot, slash, backslash or control characters)"#)
        #expect(EvaluatorName.problem(" 张伟")?.en == #"" 张伟" begins or ends with a space; names are compared as typed, so write it without"#)
        #expect(EvaluatorName.problem("张伟 ") != nil && EvaluatorName.problem("张 伟") == nil)
        // The same rule at save: a clear message, not ENAMETOOLONG from a temp file.
        let dir = Fixture.folder()
        let l = try WorkspaceStore.load(folder: dir.path)
        var w = l.workspace
        w.scores[long] = [Score(vendor: "V1", criterion: "C1", score: 5)]
        #expect(throws: StoreError.self) { try WorkspaceStore.save(w, over: l, actor: "lead") }
        #expect(WorkspaceStore.validate(w).map(\.message).contains { $0.contains("183 bytes long") })
    }

    /// José.csv in NFC and in NFD are one evaluator twice: reported, never one silently dropped.
    @Test func evaluatorFilesEqualAfterNormalisationAreReported() throws {
        let dir = Fixture.folder()
        let nfc = "Jos\u{E9}"
        let nfd = "Jose\u{301}"
        dir.write("scores/\(nfc).csv", "vendor,criterion,score,note\nV1,C1,5,\n")
        dir.write("scores/\(nfd).csv", "vendor,criterion,score,note\nV1,C1,9,\n")
        let l = try WorkspaceStore.load(folder: dir.path)
        #expect(l.readOnly)
        #expect(
            l.problems.map(\.message).contains {
                $0.contains("the same evaluator name as scores/") && $0.contains("differ only in Unicode normalisation")
            })
    }

    @Test func aMillionColumnHeaderIsRefusedCheaply() throws {
        let dir = Fixture.folder()
        var header = "id,department,title"
        header.reserveCapacity(3_000_000)
        for i in 0..<1_000_000 { header += ",c\(i % 10)" }
        dir.write("requirements.csv", header + "\nR1,D1,x\n")
        let l = try WorkspaceStore.load(folder: dir.path)
        #expect(l.problems.map(\.description).contains("requirements.csv:1: more than 1000 columns, the most a table may have"))
        let cell = String(repeating: "长", count: 800_000)  // 2.4 MB
        dir.write("requirements.csv", Fixture.files["requirements.csv"]!.replacingOccurrences(of: "多币种,", with: "\(cell),"))
        let big = try WorkspaceStore.load(folder: dir.path)
        #expect(big.problems.map(\.message).contains { $0.hasSuffix("is longer than 2 MB, the most a cell may hold") })
    }
}
