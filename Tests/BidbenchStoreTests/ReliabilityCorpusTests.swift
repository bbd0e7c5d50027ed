import BidbenchCore
import Foundation
import Testing

@testable import BidbenchStore

/// The bad-input corpus (`Corpus/<case>/`): each case is the valid `Fixture` workspace with the
/// case's files laid over it (plus files generated here for cases too big to commit). Loading must
/// report exactly the lines of `expected.txt`, change no file, and refuse a save.
@Suite struct ReliabilityCorpusTests {
    static let corpus = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Corpus").path

    static let cases: [String] = ((try? FileManager.default.contentsOfDirectory(atPath: corpus)) ?? []).filter { !$0.hasPrefix(".") }
        .sorted()

    /// Files too big to commit, generated for the case of that name.
    static func generated(_ name: String) -> [String: [UInt8]] {
        let header = "id,department,module,title,detail,priority,weight,acceptance,status,criterion,source\n"
        switch name {
        case "huge-field":
            // A valid 1 MB field, then a 1 MB quoted field that never ends.
            let detail = String(repeating: "需", count: 350_000)  // 1 050 000 bytes
            return [
                "requirements.csv": Array(
                    (header + "R1,D1,MES,工单追溯,\"\(detail)\",must,0.35,,confirmed,C1,\n"
                        + "R2,D2,FI,多币种,\"" + String(repeating: "x", count: 1_000_000)).utf8)
            ]
        case "rows-100k":
            var text = header
            text.reserveCapacity(5_000_000)
            for k in 1...100_000 {
                let dept = k == 50_000 ? "D9" : (k % 2 == 0 ? "D2" : "D1")
                let weight = k == 99_999 ? "heavy" : "1"
                text += "R\(k),\(dept),MES,需求 \(k),,should,\(weight),,draft,C1,\n"
            }
            return ["requirements.csv": Array(text.utf8)]
        default:
            return [:]
        }
    }

    /// Every regular file under `root` (hidden ones too) and the SHA-256 of its bytes.
    static func snapshot(_ root: String) -> [String: String] {
        var out: [String: String] = [:]
        let fm = FileManager.default
        for rel in (fm.subpaths(atPath: root) ?? []) {
            var isDir: ObjCBool = false
            guard fm.fileExists(atPath: root + "/" + rel, isDirectory: &isDir), !isDir.boolValue else { continue }
            out[rel] = FileIO.sha256Hex(Array(fm.contents(atPath: root + "/" + rel) ?? Data()))
        }
        return out
    }

    /// The fixture with the case's files (all but expected.txt) laid over it.
    static func build(_ name: String) throws -> TempDir {
        let dir = Fixture.folder()
        let src = corpus + "/" + name
        for rel in FileManager.default.subpaths(atPath: src) ?? [] where rel != "expected.txt" {
            var isDir: ObjCBool = false
            guard FileManager.default.fileExists(atPath: src + "/" + rel, isDirectory: &isDir), !isDir.boolValue else { continue }
            dir.write(rel, Array(try Data(contentsOf: URL(fileURLWithPath: src + "/" + rel))))
        }
        for (rel, bytes) in generated(name) { dir.write(rel, bytes) }
        return dir
    }

    /// Each kind of bad input the loader must survive has a case whose expected problems say that
    /// kind of thing, so a case cannot be emptied or swapped for an easier one unnoticed; a new case
    /// may be added without touching this list, but it must expect at least one problem.
    @Test func everyKindOfBadInputHasACaseThatReportsIt() throws {
        let kinds: [(name: String, says: String)] = [
            ("bad-utf8", "departments.csv:3: is not valid UTF-8 (byte 54 is 0xFF)"),
            ("conflict-markers", "requirements.csv:2: git merge conflict marker (<<<<<<<)"),
            ("dangling-references", "gates.csv:3: vendor: \"V9\" is not a vendor id in vendors.csv"),
            ("duplicate-ids", "vendors.csv:4: id: duplicate vendor id \"V2\" (first on line 3)"),
            ("empty-files", "criteria.csv:0: the file is empty; expected a header row"),
            ("gb18030-without-flag", "it was probably saved as GB18030/GBK"),
            ("huge-field", "requirements.csv:3: unclosed quote"),
            ("path-traversal", "contracts.csv:2: file: \"../../etc/passwd\" points outside the workspace folder; refused"),
            ("rows-100k", "requirements.csv:100000: weight: \"heavy\" is not a number"),
            ("unclosed-quote", "requirements.csv:2: unclosed quote"),
            ("wrong-column-count", "vendors.csv:3: has 9 fields, expected 8"),
        ]
        for kind in kinds {
            #expect(Self.cases.contains(kind.name), "no corpus case \(kind.name) in \(Self.corpus)")
            let expected = (try? String(contentsOfFile: Self.corpus + "/\(kind.name)/expected.txt", encoding: .utf8)) ?? ""
            #expect(expected.contains(kind.says), "\(kind.name)/expected.txt does not say: \(kind.says)")
        }
        for name in Self.cases {
            let expected = try String(contentsOfFile: Self.corpus + "/\(name)/expected.txt", encoding: .utf8)
            #expect(!expected.trimmed.isEmpty, "\(name)/expected.txt expects no problem: a bad-input case must expect one")
        }
    }

    @Test(arguments: cases)
    func loadReportsExactlyTheExpectedProblemsAndChangesNothing(_ name: String) throws {
        let dir = try Self.build(name)
        let before = Self.snapshot(dir.path)
        let loaded = try WorkspaceStore.load(folder: dir.path)
        let expected = try String(contentsOfFile: Self.corpus + "/\(name)/expected.txt", encoding: .utf8)
            .split(separator: "\n").map(String.init)
        let actual = loaded.problems.map(\.description)
        #expect(actual == expected, "actual problems of \(name):\n\(actual.joined(separator: "\n"))")
        #expect(loaded.readOnly)
        #expect(Self.snapshot(dir.path) == before, "loading changed files")

        // A save over a read-only workspace is refused and writes nothing (not even the lock).
        var changed = loaded.workspace
        changed.settings.name = "改名"
        #expect(throws: StoreError.readOnly(loaded.problems)) {
            _ = try WorkspaceStore.save(changed, over: loaded, actor: "tester")
        }
        #expect(Self.snapshot(dir.path) == before, "a refused save changed files")
        #expect(!dir.exists(".bidbench"))
    }

    @Test func aOneMegabyteFieldLoadsSavesAndReloadsIntact() throws {
        let dir = Fixture.folder()
        let detail = String(repeating: "需", count: 350_000) + "\n\"end\", 结束"
        let header = "id,department,module,title,detail,priority,weight,acceptance,status,criterion,source\n"
        dir.write("requirements.csv", header + "R1,D1,MES,工单追溯,\(CSV.escape(detail)),must,0.35,,confirmed,C1,\n")
        let loaded = try WorkspaceStore.load(folder: dir.path)
        #expect(loaded.problems == [])
        #expect(loaded.workspace.requirements.map(\.detail) == [detail])
        var w = loaded.workspace
        w.requirements[0].title = "工单追溯 2"
        let saved = try WorkspaceStore.save(w, over: loaded, actor: "tester")
        #expect(saved.written == ["requirements.csv"])
        let again = try WorkspaceStore.load(folder: dir.path)
        #expect(again.problems == [])
        #expect(again.workspace.requirements.map(\.detail) == [detail])
    }

    /// A problem message quotes the offending cell whole, so a 1 MB bad cell makes a 1 MB line in
    /// `bidbench check` and the TUI's problem list.
    @Test func aHugeBadCellIsQuotedShortened() throws {
        let dir = Fixture.folder()
        let header = "id,department,module,title,detail,priority,weight,acceptance,status,criterion,source\n"
        dir.write("requirements.csv", header + "R1,D1,MES,工单追溯,,must,\(String(repeating: "9x", count: 500_000)),,confirmed,C1,\n")
        let problems = try WorkspaceStore.load(folder: dir.path).problems
        #expect(problems.count == 1)
        #expect(
            problems.allSatisfy { $0.description.utf8.count < 1_000 }, "a problem line of \(problems.map(\.description.utf8.count)) bytes")
    }

    /// The fixture itself is clean, so every problem above comes from the case's files.
    @Test func theBaseFixtureLoadsWithoutProblems() throws {
        let dir = Fixture.folder()
        #expect(try WorkspaceStore.load(folder: dir.path).problems == [])
    }
}
