import BidbenchCore
import Foundation
import Testing

@testable import BidbenchStore

/// The streaming CSV reader and the load split in two (read, then check) give exactly what the
/// one-pass load gave: the same rows, the same problems in the same order (issue 18).
@Suite struct StreamingLoadTests {
    @Test func readThenCheckedIsTheLoad() throws {
        let dir = Fixture.folder()
        // A dangling reference (V9 is no vendor) and a bad cell: one found reading, one checking.
        dir.write(
            "gates.csv",
            "vendor,requirement,answer,note\nV1,R1,meets,\nV2,R1,partly,需二次开发\nV9,R2,meets,\n")
        dir.write("departments.csv", "id,name,contact,head_count\nD1,生产部,,many\nD2,财务部,李会计,15\n")
        let unchecked = try WorkspaceStore.read(folder: dir.path)
        let texts = unchecked.loaded.problems.map(\.description)
        #expect(texts == ["departments.csv:2: head_count: \"many\" is not a whole number (expected digits such as 12)"])
        let checked = unchecked.checked()
        let load = try WorkspaceStore.load(folder: dir.path)
        #expect(checked.problems == load.problems)
        #expect(
            checked.problems.map(\.description) == [
                "departments.csv:2: head_count: \"many\" is not a whole number (expected digits such as 12)",
                "gates.csv:4: vendor: \"V9\" is not a vendor id in vendors.csv",
            ])
        #expect(checked.workspace == load.workspace)
        #expect(checked.readOnly && !unchecked.loaded.problems.isEmpty)
    }

    @Test func aCleanWorkspaceChecksCleanAndSavesAfterTheCheck() throws {
        let dir = Fixture.folder()
        let unchecked = try WorkspaceStore.read(folder: dir.path)
        let checked = unchecked.checked()
        #expect(checked.problems.isEmpty)
        var ws = checked.workspace
        ws.departments[0].headCount = 121
        _ = try WorkspaceStore.save(ws, over: checked, actor: "t")
        #expect(dir.text("departments.csv")?.contains("D1,生产部,\"王工, 13800000000\",121") == true)
    }

    @Test func aSyntaxErrorLateInAFileIsItsOnlyProblem() throws {
        let dir = Fixture.folder()
        // Row 2 has a bad number (reported while the rows stream by), row 4 an unclosed quote: the
        // file is refused with the syntax error alone, as when the whole file was parsed first.
        dir.write("departments.csv", "id,name,contact,head_count\nD1,生产部,,many\nD2,财务部,,15\nD3,\"open,,1\n")
        let load = try WorkspaceStore.load(folder: dir.path)
        let mine = load.problems.filter { $0.file == "departments.csv" }.map(\.description)
        #expect(mine == ["departments.csv:4: unclosed quote (the field starting here never ends)"])
    }

    @Test func theRecordReaderStopsDecodingButStillChecksSyntax() {
        var seen: [[String]] = []
        let bytes = Array("a,b\n1,2\n3,4\n5,\"x\"y\n".utf8)
        #expect(throws: CSV.ParseError(line: 4, message: "text after a closing quote")) {
            try CSV.forEachRecord(bytes) { _, fields in
                seen.append(fields)
                return seen.count < 2
            }
        }
        #expect(seen == [["a", "b"], ["1", "2"]])
    }

    @Test func recordsKeepTheirLinesQuotesAndBlankLines() throws {
        let text = "\u{FEFF}id,t\r\n1,\"a\r\nb\"\r\n\r\n2,\"say \"\"hi\"\"\"\n3,"
        var got: [(Int, [String])] = []
        try CSV.forEachRecord(Array(text.utf8)) { line, fields in
            got.append((line, fields))
            return true
        }
        #expect(got.map(\.0) == [1, 2, 5, 6])
        #expect(got.map(\.1) == [["id", "t"], ["1", "a\r\nb"], ["2", "say \"hi\""], ["3", ""]])
        #expect(try CSV.parse(text).map(\.fields) == got.map(\.1))
    }

    @Test func theCellAndColumnLimitsHoldWhileStreaming() {
        let wide = Array((String(repeating: "a,", count: CSV.maxColumns) + "a\n").utf8)
        #expect(throws: CSV.ParseError(line: 1, message: "more than \(CSV.maxColumns) columns, the most a table may have")) {
            try CSV.forEachRecord(wide) { _, _ in false }
        }
        let long = Array(("a,b\n1,\"" + String(repeating: "x", count: CSV.maxCellBytes + 1) + "\"\n").utf8)
        #expect(throws: CSV.ParseError(line: 2, message: "field 2 is longer than 2 MB, the most a cell may hold")) {
            try CSV.forEachRecord(long) { _, _ in true }
        }
    }
}
