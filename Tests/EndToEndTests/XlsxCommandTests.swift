import BidbenchStore
import Foundation
import Testing

/// `import … FILE.xlsx`, `export … --format xlsx`, `template survey` and `import survey` with the built binary.
@Suite struct XlsxCommandTests {
    static func fixture(_ name: String) -> String {
        packageRoot.appendingPathComponent("Tests/BidbenchStoreTests/Fixtures/xlsx/\(name)").path
    }

    /// Every file under a folder with its bytes.
    static func files(_ folder: String) -> [String: Data] {
        var out: [String: Data] = [:]
        let e = FileManager.default.enumerator(atPath: folder)
        while let rel = e?.nextObject() as? String {
            var dir: ObjCBool = false
            if FileManager.default.fileExists(atPath: folder + "/" + rel, isDirectory: &dir), !dir.boolValue {
                out[rel] = FileManager.default.contents(atPath: folder + "/" + rel)
            }
        }
        return out
    }

    @Test func aNeedsWorkbookIntoAFreshWorkspaceCreatesItsDepartments() throws {
        let tmp = TempDir()
        let ws = tmp.path + "/fresh"
        #expect(try bidbench("init", ws).status == 0)
        let strict = try bidbench(
            "import", "requirements", Self.fixture("requirements-openpyxl.xlsx"), "--sheet", "需求", "--strict", "-w", ws)
        #expect(strict.status == 1)
        #expect(
            strict.err.contains("requirements-openpyxl.xlsx:需求!A3: department: \"财务部\" is not a department id or name in departments.csv"))
        let r = try bidbench("import", "requirements", Self.fixture("requirements-openpyxl.xlsx"), "--sheet", "需求", "-w", ws)
        #expect(r.status == 0)
        #expect(r.out == "imported 3 requirements (R1–R3); created departments 财务部 (D01), 生产部 (D02), 采购部 (D03) into \(ws)\n")
        #expect(
            try String(contentsOfFile: ws + "/departments.csv", encoding: .utf8)
                == "id,name,contact,head_count\nD01,财务部,,0\nD02,生产部,,0\nD03,采购部,,0\n")
    }

    @Test func aZipBombIsRefusedAndNothingChanges() throws {
        let tmp = TempDir()
        let ws = try tmp.demoCopy()
        let before = Self.files(ws)
        let r = try bidbench("import", "requirements", Self.fixture("bomb.xlsx"), "-w", ws)
        #expect(r.status == 1)
        #expect(
            r.err == """
                \(Self.fixture("bomb.xlsx")):0: part xl/worksheets/sheet1.xml expands from 174818 to 60000124 bytes (more than 200 times); refused as a possible zip bomb
                \(Self.fixture("bomb.xlsx")): not imported (1 problem(s)); the workspace is unchanged

                """)
        #expect(Self.files(ws) == before)
    }

    @Test func exportsAreWorkbooksAndTheBlindMatrixIsRefused() throws {
        let tmp = TempDir()
        let ws = try tmp.demoCopy()
        for kind in ["requirements", "scores", "matrix", "tco", "scenarios", "clause-review"] {
            let out = tmp.path + "/\(kind).xlsx"
            let r = try bidbench("export", kind, "--format", "xlsx", "-o", out, "--lang", "zh", "-w", ws)
            #expect(r.status == 0, "\(kind): \(r.err)")
            let bytes = try #require(FileManager.default.contents(atPath: out))
            #expect(bytes.prefix(4) == Data([0x50, 0x4B, 0x03, 0x04]), "\(kind)")
        }
        let csv = try bidbench("export", "matrix", "-w", ws)
        #expect(csv.status == 64)
        #expect(csv.err.hasPrefix("Error: matrix is a workbook: use --format xlsx -o FILE.xlsx"))

        let settings = ws + "/workspace.json"
        let json = try String(contentsOfFile: settings, encoding: .utf8)
        try json.replacingOccurrences(of: "\"revealed\": true", with: "\"revealed\": false").write(
            toFile: settings, atomically: true, encoding: .utf8)
        let blind = try bidbench("export", "matrix", "--format", "xlsx", "-o", tmp.path + "/blind.xlsx", "--lang", "en", "-w", ws)
        #expect(blind.status == 1)
        #expect(blind.err.hasPrefix("bidbench export matrix: the panel is blind (workspace.json: \"revealed\": false)"))
        #expect(!FileManager.default.fileExists(atPath: tmp.path + "/blind.xlsx"))
    }

    @Test func surveyWorkbooksGoOutAndComeBackInOneCommand() throws {
        let tmp = TempDir()
        let ws = try tmp.demoCopy()
        let finance = tmp.path + "/财务部需求调研.xlsx"
        let purchasing = tmp.path + "/采购部需求调研.xlsx"
        #expect(
            try bidbench("template", "survey", "--department", "财务部", "-o", finance, "--lang", "zh", "-w", ws).out == "wrote \(finance)\n")
        let made = try bidbench("template", "survey", "--department", "采购部", "-o", purchasing, "--lang", "zh", "-w", ws)
        #expect(made.out == "wrote \(purchasing) (采购部 is not a department yet: importing the workbook creates it)\n")
        // Returned unchanged, the finance workbook changes nothing; the purchasing one has no rows yet.
        let r = try bidbench("import", "survey", finance, purchasing, "-w", ws)
        #expect(r.status == 0, "\(r.err)")
        #expect(
            r.out == """
                财务部需求调研.xlsx (财务部): 0 new, 0 updated, 12 unchanged
                采购部需求调研.xlsx (采购部): 0 new, 0 updated, 0 unchanged
                created 采购部 (D06)
                imported 2 survey workbook(s) into \(ws)

                """)
    }

    @Test(.requires(.tmux)) func theTUIImportsAWorkbookAndNamesTheNewDepartment() throws {
        let tmp = TempDir()
        let ws = try tmp.demoCopy()
        let book = tmp.path + "/needs.xlsx"
        let sheet = XlsxSheet(
            name: "需求",
            rows: [
                [.header("部门"), .header("模块"), .header("需求"), .header("权重")],
                [.text("采购部"), .text("SRM"), .text("供应商门户"), .formula("1+1", cached: 2, style: .general)],
            ])
        try XlsxWriter.write([sheet]).write(to: URL(fileURLWithPath: book))
        let t = try TmuxSession(args: ["-w", ws], width: 160, height: 30)
        try t.waitFor(text: "[1 需求]")
        try t.keys(":")
        try t.type("import requirements \(book)")
        try t.keys("Enter")
        try t.waitFor(text: "已导入 1 条 R48; 已新建部门 采购部 (D06); 已取 1 个公式单元格的保存值 — Ctrl-S 保存, u 撤销")
        try t.keys(":")
        try t.type("q!")
        try t.keys("Enter")
        try t.waitFor("exit") { _ in (try? t.exited()) == true }
    }
}
