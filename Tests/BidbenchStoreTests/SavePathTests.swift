import BidbenchCore
import Foundation
import Testing

@testable import BidbenchStore

/// The fast save path of issue 18: a table is serialised straight into one byte buffer, a save after
/// a few edits renders only the rows that differ, and the journal stays small and precise.
@Suite struct SavePathTests {
    /// Fields that need quoting, and ones that look as if they might but do not.
    static let tricky = [
        "", "plain", "a,b", "say \"hi\"", "two\nlines", "cr\rhere", " lead", "trail ", " ", "  both  ", "需求，中文", "“引号”",
        " \u{301}accent on a space", "ends with a space and accent \u{301}", "x\r\ny", "\"", ",", "\n\n", "emoji 👍🏽 ok",
    ]

    /// A generated workspace saved into `<dir>/w` by actor `gen` and loaded back: the common start
    /// of the save tests (`ws` is what was generated, `loaded` what the folder holds now).
    static func generatedFolder(vendors: Int, requirements: Int, evaluators: Int, seed: UInt64) throws -> (
        dir: TempDir, folder: String, ws: Workspace, loaded: LoadedWorkspace
    ) {
        let dir = TempDir()
        let folder = dir.path + "/w"
        let ws = WorkspaceGenerator.generate(vendors: vendors, requirements: requirements, evaluators: evaluators, seed: seed)
        try WorkspaceStore.initialize(folder: folder, name: ws.settings.name, language: ws.settings.language)
        _ = try WorkspaceStore.save(ws, over: try WorkspaceStore.load(folder: folder), actor: "gen")
        return (dir, folder, ws, try WorkspaceStore.load(folder: folder))
    }

    @Test func aRecordAppendedAsBytesIsExactlyWhatWritePrints() {
        for a in Self.tricky {
            for b in ["", "z", " q "] {
                var out: [UInt8] = [0x41]
                let feeds = CSV.appendRecord([a, b, a], to: &out)
                let text = CSV.write([[a, b, a]])
                #expect(out == [0x41] + Array(text.utf8), "field \(a.debugDescription)")
                #expect(feeds == text.utf8.filter { $0 == 10 }.count, "field \(a.debugDescription)")
            }
        }
        // The exact rules, worked by hand.
        var out: [UInt8] = []
        CSV.appendRecord(["a\"b", " x", "y", "1,5", " \u{301}"], to: &out)
        #expect(String(decoding: out, as: UTF8.self) == "\"a\"\"b\",\" x\",y,\"1,5\", \u{301}\n")
    }

    /// A table with quotes, newlines and unknown columns renders to the bytes it was read from, and
    /// line numbers count the newlines inside quoted fields.
    @Test func aRenderedTableKeepsItsBytesAndLineNumbers() throws {
        let text =
            "id,department,module,title,detail,priority,weight,acceptance,status,criterion,source,owner_note\n"
            + "R01,D1,财务,\"多行\n标题\",\"说 \"\"是\"\"\",must,1,,draft,,,x\n"
            + "R02,D1,财务,\" 前后空格 \",,should,2,,draft,,,\n"
        let log = ProblemLog()
        let parsed = try #require(Schema.requirements.parse(Array(text.utf8), path: "requirements.csv", log: log))
        #expect(log.problems.isEmpty)
        let rendered = Schema.requirements.render(parsed.rows, layout: parsed.layout)
        #expect(String(decoding: rendered.bytes, as: UTF8.self) == text)
        #expect(rendered.lines == [2, 4])
        #expect(rendered.order == [0, 1])
    }

    /// One edit of a requirement, a gate answer and a score in a generated workspace: the files
    /// written are byte for byte the full rendering, the journal names exactly the edited rows with
    /// their cells before and after, and `journal --verify` passes.
    @Test func aSaveAfterAFewEditsWritesTheFullRenderingAndJournalsOnlyTheEditedRows() throws {
        let (dir, folder, _, loaded) = try Self.generatedFolder(vendors: 6, requirements: 400, evaluators: 2, seed: 5)
        #expect(loaded.problems.isEmpty)

        var edited = loaded.workspace
        let r = 137
        let oldTitle = edited.requirements[r].title
        edited.requirements[r].title = "新标题, with \"quotes\"\nand a second line"
        edited.gates[3].note = "  padded note  "
        let evaluator = try #require(edited.scores.keys.sorted().first)
        let oldScore = edited.scores[evaluator]![2].score
        edited.scores[evaluator]![2].score = oldScore == 5 ? 4 : 5
        edited.requirements[9].weight = edited.requirements[9].weight  // equal: not a change
        let saved = try WorkspaceStore.save(edited, over: loaded, actor: "张伟")
        let scoresFile = Schema.scoresFile(evaluator: evaluator)
        #expect(Set(saved.written) == ["requirements.csv", "gates.csv", scoresFile])
        for rel in saved.written {
            #expect(dir.text("w/" + rel) == WorkspaceStore.renderedText(of: rel, in: edited), "\(rel)")
        }
        let reloaded = try WorkspaceStore.load(folder: folder)
        #expect(reloaded.problems.isEmpty)
        #expect(reloaded.workspace == edited)

        let entries = try Journal.read(folder: folder).filter { $0.actor == "张伟" }
        #expect(entries.count == 3)
        let req = try #require(entries.first { $0.table == "requirements.csv" })
        #expect(req.action == "update" && req.rows == 400 && req.added.isEmpty && req.removed.isEmpty)
        #expect(req.changes.map(\.key) == [edited.requirements[r].id])
        #expect(req.changes.first?.before["title"]?.stringValue == oldTitle)
        #expect(req.changes.first?.after["title"]?.stringValue == edited.requirements[r].title)
        #expect(req.changes.first?.after["department"]?.stringValue == edited.requirements[r].department)
        let gate = try #require(entries.first { $0.table == "gates.csv" })
        #expect(gate.changes.map(\.key) == ["\(edited.gates[3].vendor)/\(edited.gates[3].requirement)"])
        #expect(gate.changes.first?.after["note"]?.stringValue == "  padded note  ")
        let score = try #require(entries.first { $0.table == scoresFile })
        #expect(score.changes.count == 1)
        #expect(score.changes.first?.before["score"]?.stringValue == NumberText.format(oldScore))
        #expect(Journal.verify(folder: folder).ok)
    }

    /// An edit that changes a row's key (a renamed id) is a removal and an addition; the slow path
    /// (both renderings compared whole) journals it as such.
    @Test func aRenamedIdIsJournaledAsRemovedAndAdded() throws {
        let (dir, folder, _, loaded) = try Self.generatedFolder(vendors: 3, requirements: 50, evaluators: 1, seed: 2)
        var edited = loaded.workspace
        // The last requirement (no gate answers point at a should/could one): pick one without gates.
        let gated = Set(edited.gates.map(\.requirement))
        let i = try #require(edited.requirements.lastIndex { !gated.contains($0.id) })
        let oldID = edited.requirements[i].id
        edited.requirements[i].id = "RX-renamed"
        _ = try WorkspaceStore.save(edited, over: loaded, actor: "lead")
        let entry = try #require(try Journal.read(folder: folder).last { $0.table == "requirements.csv" })
        #expect(entry.added == ["RX-renamed"])
        #expect(entry.removed == [oldID])
        #expect(entry.changes.isEmpty)
        #expect(dir.text("w/requirements.csv") == WorkspaceStore.renderedText(of: "requirements.csv", in: edited))
    }

    /// An import-like save over a generated workspace: 600 rows added and two existing rows edited.
    /// The entry lists the added ids as one run and the two edits in full, is a small fraction of
    /// the data it describes, and the chain verifies.
    @Test func anImportIsJournaledCompactlyWithTheEditedRowsInFull() throws {
        let (dir, folder, ws, loaded) = try Self.generatedFolder(vendors: 4, requirements: 300, evaluators: 1, seed: 9)
        let journalBefore = Journal.chains(folder: folder).reduce(0) { $0 + (dir.bytes("w/" + $1)?.count ?? 0) }

        var imported = loaded.workspace
        let template = imported.requirements[0]
        for n in 301...900 {
            var r = template
            r.id = String(format: "R%05d", n)
            r.title = "导入的需求 \(n)"
            imported.requirements.append(r)
        }
        imported.requirements[4].title = "改过的标题"
        imported.requirements[250].status = .dropped
        _ = try WorkspaceStore.save(imported, over: loaded, actor: "import by 李娜")

        let entry = try #require(try Journal.read(folder: folder).last { $0.table == "requirements.csv" })
        #expect(entry.actor == "import by 李娜")
        #expect(entry.rows == 900)
        #expect(entry.added == ["R00301..R00900"])
        #expect(entry.changes.map(\.key) == [imported.requirements[4].id, imported.requirements[250].id])
        #expect(entry.changes[0].before["title"]?.stringValue == ws.requirements[4].title)
        #expect(entry.changes[0].after["title"]?.stringValue == "改过的标题")
        #expect(entry.changes[1].after["status"]?.stringValue == "dropped")
        #expect(entry.sha256 == FileIO.sha256Hex(try #require(dir.bytes("w/requirements.csv"))))
        let journalAfter = Journal.chains(folder: folder).reduce(0) { $0 + (dir.bytes("w/" + $1)?.count ?? 0) }
        let data = try #require(dir.bytes("w/requirements.csv")).count
        #expect(Double(journalAfter - journalBefore) <= 0.10 * Double(data), "\(journalAfter - journalBefore) bytes for \(data)")
        #expect(Journal.verify(folder: folder).ok)
    }

    /// Run compression reads the trailing digits of each key once, on its bytes: prefixes in any
    /// script, widths that must match, and more than 12 digits (not a number: listed as they are).
    @Test func keyRunsWithPrefixesInAnyScript() {
        #expect(Journal.compressKeys(["需求01", "需求02", "需求03", "需求04"]) == ["需求01..需求04"])
        #expect(Journal.compressKeys(["V1/R008", "V1/R009", "V1/R010", "V2/R011"]) == ["V1/R008..V1/R010", "V2/R011"])
        let long = ["A1234567890123", "A1234567890124", "A1234567890125"]
        #expect(Journal.compressKeys(long) == long)
        #expect(Journal.compressKeys(["x9", "x10"]) == ["x9", "x10"])
    }

    /// Saves after `preparedForSaves` splice the edited records into the kept rendering: save after
    /// save, each file on disk is byte for byte the full rendering of what was saved, the journal
    /// holds the same edits, and the kept rendering follows rows that moved in the model, a record
    /// that grew a line, the first and the last row, and an unknown column added (whole rendering).
    @Test func savesThroughTheKeptRenderingWriteExactlyTheFullRendering() throws {
        let (dir, folder, _, _) = try Self.generatedFolder(vendors: 3, requirements: 300, evaluators: 1, seed: 9)
        // A byte-order mark and an unknown column, as a spreadsheet leaves them.
        let file = "requirements.csv"
        var text = try #require(dir.text("w/" + file))
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        lines[0] += ",备注"
        for i in 1..<lines.count where !lines[i].isEmpty { lines[i] += i == 5 ? ",\"有, 逗号\"" : "," }
        text = "\u{FEFF}" + lines.joined(separator: "\n")
        dir.write("w/" + file, text)
        var current = try WorkspaceStore.load(folder: folder).preparedForSaves()
        #expect(current.problems.isEmpty)
        #expect(current.rendered[file]?.bytes == Array(text.utf8))

        let n = current.workspace.requirements.count
        let steps: [(String, (inout Workspace) -> Void)] = [
            ("one title", { $0.requirements[137].title = "新标题, with \"quotes\"" }),
            ("a second line", { $0.requirements[10].detail += "\n第二行\n第三行" }),
            (
                "first and last",
                {
                    $0.requirements[0].weight = 7
                    $0.requirements[n - 1].acceptance = "验收: 全部通过"
                }
            ),
            ("rows moved in the model, no bytes change", { $0.requirements.swapAt(3, 200) }),
            (
                "after the move",
                {
                    $0.requirements[3].title += " (改)"
                    $0.requirements[200].status = $0.requirements[200].status == .confirmed ? .draft : .confirmed
                }
            ),
            ("the line taken back", { $0.requirements[10].detail = "一行" }),
            (
                "a new requirement, last by id",
                {
                    var r = $0.requirements[5]
                    r.id = "R99999"
                    r.title = "新需求, 末尾"
                    $0.requirements.append(r)
                }
            ),
            (
                "two new ones in the middle, one edit",
                {
                    var r = $0.requirements[7]
                    r.id = "R00150b"
                    r.detail = "两行\n说明"
                    $0.requirements.append(r)
                    r.id = "R00150a"
                    $0.requirements.append(r)
                    $0.requirements[1].title = "改"
                }
            ),
            ("an unknown column added", { $0.requirements[42].extra["新列"] = "x" }),
            ("after the whole rendering", { $0.requirements[43].title = "again spliced" }),
        ]
        var spliced = 0
        for (name, edit) in steps {
            var edited = current.workspace
            edit(&edited)
            let plain = try WorkspaceStore.load(folder: folder)  // the same files, nothing kept
            let via = current
            if let cached = via.rendered[file] {
                let r = Schema.requirements.renderChange(
                    edited.requirements, over: via.workspace.requirements, layout: via.layouts[file], cached: cached)
                if r?.new.spliced != nil { spliced += 1 }
            }
            current = try WorkspaceStore.save(edited, over: via, actor: "lead")
            let expected = Schema.requirements.render(edited.requirements, layout: plain.layouts[file]).bytes
            let onDisk = dir.bytes("w/" + file)
            #expect(onDisk == expected, "\(name): the file is the full rendering")
            let kept = current.rendered[file]?.bytes
            #expect(kept == expected, "\(name): the kept rendering is the file")
            let reloaded = try WorkspaceStore.load(folder: folder)
            #expect(reloaded.problems.isEmpty, "\(name)")
            #expect(reloaded.workspace.requirements.map(\.id).sorted() == edited.requirements.map(\.id).sorted(), "\(name)")
        }
        #expect(spliced == 8, "every step but the move and the new column splices")
        let entries = try Journal.read(folder: folder).filter { $0.actor == "lead" }
        #expect(entries.map(\.changes.count) == [1, 1, 2, 2, 1, 0, 1, 1, 1])
        #expect(entries.map(\.added) == [[], [], [], [], [], ["R99999"], ["R00150a", "R00150b"], [], []])
        #expect(Journal.verify(folder: folder).ok)
    }

    /// What a save may leave unchecked: a requirement added keeps the gate answers known valid (they
    /// can only refer to requirements that are still there); one removed, or renamed, does not, and
    /// the save then refuses the answers left pointing at nothing.
    @Test func anAddedRequirementKeepsTheGatesKnownValidARemovedOneDoesNot() throws {
        let ws = WorkspaceGenerator.generate(vendors: 3, requirements: 40, evaluators: 1, seed: 3)
        var added = ws
        var r = ws.requirements[0]
        r.id = "R99999"
        added.requirements.append(r)
        #expect(WorkspaceStore.knownValid(added, over: ws, changed: ["requirements.csv"]) == ["gates.csv", "scores/"])
        var renamed = ws
        let answered = try #require(ws.gates.first?.requirement)
        let index = try #require(ws.requirements.firstIndex { $0.id == answered })
        renamed.requirements[index].id = "R99998"
        #expect(WorkspaceStore.knownValid(renamed, over: ws, changed: ["requirements.csv"]) == ["scores/"])

        let dir = TempDir()
        let folder = dir.path + "/w"
        try WorkspaceStore.initialize(folder: folder, name: ws.settings.name, language: ws.settings.language)
        let first = try WorkspaceStore.save(ws, over: try WorkspaceStore.load(folder: folder), actor: "gen")
        #expect(throws: StoreError.self) { try WorkspaceStore.save(renamed, over: first, actor: "lead") }
        let saved = try WorkspaceStore.save(added, over: first, actor: "lead")
        #expect(saved.written == ["requirements.csv"])
    }
}
