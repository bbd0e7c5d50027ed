import BidbenchCore
import Foundation
import Testing

@testable import BidbenchStore

@Suite struct ValidationTests {
    /// Loads the fixture with some files replaced and returns the problems as `file:line: field: message`.
    func problems(_ replace: [String: String]) throws -> [String] {
        let dir = Fixture.folder()
        dir.write(replace)
        return try WorkspaceStore.load(folder: dir.path).problems.map(\.description)
    }

    static let reqHeader = "id,department,module,title,detail,priority,weight,acceptance,status,criterion,source\n"

    @Test func everyBadCellIsReportedWithItsLine() throws {
        let req =
            Self.reqHeader + """
                R1,D1,MES,a,,必须,abc,,draft,,
                R2,D1,MES,b,"two
                lines",应该,1,,done,,
                R3,D1,MES,c,,sometimes,-2,,draft,,
                R1,D9,MES,d,,must,1,,draft,C7,
                R5,D1,MES,e,,must,1,,draft,

                """
        #expect(
            try problems(["requirements.csv": req, "gates.csv": "vendor,requirement,answer,note\n"]) == [
                #"requirements.csv:2: weight: "abc" is not a number (expected a decimal such as 5 or 0.35)"#,
                #"requirements.csv:3: status: "done" is not one of draft, confirmed, merged, dropped"#,
                #"requirements.csv:5: priority: "sometimes" is not one of must, should, could, won't"#,
                #"requirements.csv:5: weight: -2 is negative (expected a weight of 0 or more)"#,
                #"requirements.csv:6: id: duplicate requirement id "R1" (first on line 2)"#,
                #"requirements.csv:6: department: "D9" is not a department id in departments.csv"#,
                #"requirements.csv:6: criterion: "C7" is not a criterion id in criteria.csv"#,
                "requirements.csv:7: has 10 fields, expected 11 (the header has 11 columns)",
            ])
    }

    @Test func chinesePrioritiesAreAccepted() throws {
        let dir = Fixture.folder()
        dir.write("requirements.csv", Self.reqHeader + "R1,D1,M,a,,必须,1,,已确认,,\nR2,D1,M,b,,暂不,1,,,,\n")
        let loaded = try WorkspaceStore.load(folder: dir.path)
        #expect(loaded.problems == [])
        #expect(loaded.workspace.requirements.map(\.priority) == [.must, .wont])
        #expect(loaded.workspace.requirements.map(\.status) == [.confirmed, .draft])
    }

    @Test func numbersMoneyDatesAndRangesAcrossTables() throws {
        let found = try problems([
            "vendors.csv": "id,name,contact,qualifications,references,notes,sme,bid_price\nV1,甲,,,,,maybe,1.234\nV2,乙,,,,,否,-5\n",
            "prices.csv":
                "vendor,item,category,model,unit_price,quantity,start_year,years,notes\nV1,a,licence,one_time,-10,1,,,\nV3,b,other,monthly,10,x,0,,\n",
            "scores/张伟.csv": "vendor,criterion,score,note\nV1,C1,10.5,\nV2,C9,-1,\nV2,C1,七,\n",
            "payments.csv":
                "contract,milestone,percent,due,condition,status\nK1,a,30,2027-02-30,,planned\nK1,b,60,2027-06-30,,sent\nK2,a,100,,,planned\n",
            "risks.csv":
                "id,type,title,likelihood,impact,mitigation,owner,trigger,threshold,status\nX1,weather,t,0,6,,,,,open\nX2,vendor,t,3,3,,,,,gone\n",
            "changes.csv": "contract,id,date,description,price_delta,status\nK1,CO1,2027/03/01,d,12.345,approved\n",
        ])
        #expect(
            found == [
                #"vendors.csv:2: sme: "maybe" is not true or false (also yes/no, 1/0, 是/否)"#,
                #"vendors.csv:2: bid_price: "1.234" is not an amount of money (expected a decimal with at most two decimals such as 1286000 or 99.50)"#,
                "vendors.csv:3: bid_price: -5 is negative (expected a price of 0 or more)",
                #"prices.csv:2: category: "licence" is not one of license, subscription, implementation, customization, data_migration, training, maintenance, hardware, other"#,
                "prices.csv:2: unit_price: -10 is negative (expected a price of 0 or more)",
                #"prices.csv:3: model: "monthly" is not one of one_time, annual, per_user_annual, per_user_one_time, percent_of_license"#,
                #"prices.csv:3: quantity: "x" is not a whole number (expected digits such as 12)"#,
                #"prices.csv:3: vendor: "V3" is not a vendor id in vendors.csv"#,
                "prices.csv:3: start_year: 0 is not a horizon year (expected 1 or more)",
                #"payments.csv:2: due: "2027-02-30" is not a valid date (expected YYYY-MM-DD, e.g. 2027-03-31)"#,
                #"payments.csv:2: percent: the milestones of contract "K1" sum to 90 %, expected 100 %"#,
                #"payments.csv:3: status: "sent" is not one of planned, due, paid"#,
                #"payments.csv:4: contract: "K2" is not a contract id in contracts.csv"#,
                #"changes.csv:2: date: "2027/03/01" is not a valid date (expected YYYY-MM-DD, e.g. 2027-03-31)"#,
                #"changes.csv:2: price_delta: "12.345" is not an amount of money (expected a decimal with at most two decimals such as 1286000 or 99.50)"#,
                #"risks.csv:2: type: "weather" is not one of technical, market, personnel, vendor, data_security, compliance, financial"#,
                "risks.csv:2: likelihood: 0 is outside 1–5",
                "risks.csv:2: impact: 6 is outside 1–5",
                #"risks.csv:3: status: "gone" is not one of open, watching, closed"#,
                #"scores/张伟.csv:2: score: 10.5 is outside the scale 0…10"#,
                #"scores/张伟.csv:3: criterion: "C9" is not a criterion id in criteria.csv"#,
                "scores/张伟.csv:3: score: -1 is outside the scale 0…10",
                #"scores/张伟.csv:4: score: "七" is not a number (expected a score such as 7 or 8.5)"#,
            ])
    }

    /// A CLI pass: a NUL in a title was imported and `check` said OK; git then took the file for binary.
    @Test func aNULInATableIsAProblemAndRefusedOnImport() throws {
        let found = try problems(["budget.csv": "fiscal_year,cost_center,category,amount\n2027,信\u{0}息部,,100\n"])
        #expect(
            found == [
                "budget.csv:2: contains a NUL character (byte 48), which a table cannot hold (git would take the file for binary): remove it"
            ])
        let dir = Fixture.folder()
        let base = try WorkspaceStore.load(folder: dir.path).workspace
        guard
            case .failure(let f) = Importer.importTable(
                kind: .requirements, fileBytes: Array("title,department\n看\u{0}板,D1\n".utf8), fileName: "in.csv", into: base)
        else {
            Issue.record("a NUL was imported")
            return
        }
        #expect(f.problems.map(\.description).first?.hasPrefix("in.csv:2: contains a NUL character (byte 20)") == true, "\(f.problems)")
    }

    /// A CLI pass: `import budget` with fiscal_year 27 made an envelope for the year 27.
    @Test func aFiscalYearIsFourDigits() throws {
        let found = try problems(["budget.csv": "fiscal_year,cost_center,category,amount\n27,信息部,,100\n2027,信息部,,100\n"])
        #expect(found == ["budget.csv:2: fiscal_year: 27 is not a four-digit year (expected e.g. 2027)"])
    }

    @Test func fileLevelProblems() throws {
        let gb18030: [UInt8] = Array("id,name,contact,head_count\nD1,".utf8) + [0xD6, 0xD0, 0xCE, 0xC4] + Array(",,1\n".utf8)
        let dir = Fixture.folder()
        dir.write("departments.csv", gb18030)
        dir.write(
            "criteria.csv",
            "id,parent,name,kind,weight,source\n<<<<<<< HEAD\nC1,,功能,benefit,0.6,panel\n=======\nC1,,功能,benefit,0.5,panel\n>>>>>>> theirs\n"
        )
        dir.write("vendors.csv", "id,contact,notes\nV1,,\n")
        dir.write("gates.csv", "")
        let found = try WorkspaceStore.load(folder: dir.path).problems.map(\.description)
        #expect(
            found == [
                "departments.csv:2: is not valid UTF-8 (byte 30 is 0xD6); it was probably saved as GB18030/GBK (Excel or WPS in Chinese): save it again as \"CSV UTF-8\", or use `bidbench import … --encoding gb18030`",
                "criteria.csv:2: git merge conflict marker (<<<<<<<): while the merge is in progress, bidbench resolve merges the tables row by row (or keep one side and remove the <<<<<<< ======= >>>>>>> lines), then run bidbench check",
                "vendors.csv:1: name: required column is missing from the header (expected columns: id,name,contact,qualifications,references,notes,sme,bid_price)",
                "gates.csv:0: the file is empty; expected a header row: vendor,requirement,answer,note",
            ])
    }

    @Test func contractPathsMustStayInsideTheWorkspace() throws {
        let header =
            "id,vendor,title,file,signed,effective,term_months,auto_renew,renewal_months,notice_days,value,warranty_months,status\n"
        let dir = Fixture.folder()
        symlink("/etc/hostname", dir.url("contracts/link.md"))
        dir.write("contracts/gbk.txt", [0xBA, 0xCF, 0xCD, 0xAC, 0x0A])
        dir.write(
            "contracts.csv",
            header + """
                K1,V1,t,../../etc/passwd,,,12,false,12,0,0,0,draft
                K2,V1,t,/etc/passwd,,,12,false,12,0,0,0,draft
                K3,V1,t,contracts/link.md,,,12,false,12,0,0,0,draft
                K4,V1,t,contracts/missing.md,,,12,false,12,0,0,0,draft
                K5,V1,t,contracts/gbk.txt,,,12,false,12,0,0,0,draft
                K6,V1,t,contracts/../contracts/k1.md,,,12,false,12,0,0,0,draft

                """)
        dir.write("payments.csv", "contract,milestone,percent,due,condition,status\n")
        dir.write("reviews.csv", "contract,clause,status,line,note\n")
        dir.write("changes.csv", "contract,id,date,description,price_delta,status\n")
        let loaded = try WorkspaceStore.load(folder: dir.path)
        #expect(
            loaded.problems.map(\.description) == [
                #"contracts.csv:2: file: "../../etc/passwd" points outside the workspace folder; refused"#,
                #"contracts.csv:3: file: "/etc/passwd" is not a path inside the workspace (expected a relative path such as contracts/a.md)"#,
                #"contracts.csv:4: file: "contracts/link.md" leads outside the workspace folder through a symbolic link; refused"#,
            ])
        // A missing text, or one in GB18030, is that contract's business: noted (see the next test).
        #expect(loaded.workspace.contractTexts.keys.sorted() == ["contracts/../contracts/k1.md", "contracts/gbk.txt"])
        #expect(loaded.workspace.contractTexts["contracts/gbk.txt"] == "合同\n")
        #expect(
            loaded.workspace.contractTextNotes.sorted { $0.key < $1.key }.map(\.value.en) == [
                "contracts/gbk.txt is not UTF-8: read as GB18030 (save it as UTF-8 to be sure)",
                #"contracts.csv:5: contract text "contracts/missing.md" not found in the workspace folder"#,
            ])
        #expect(PathSafety.problem("contracts/a/../../../x") == #""contracts/a/../../../x" points outside the workspace folder; refused"#)
        #expect(PathSafety.problem("contracts/a.md") == nil)
    }

    /// A contract text that is missing, in UTF-16 or no text at all affects that contract only: the
    /// workspace stays writable (it was read-only for everyone until legal fixed the file).
    @Test func anUnreadableContractTextLeavesTheWorkspaceWritable() throws {
        let header =
            "id,vendor,title,file,signed,effective,term_months,auto_renew,renewal_months,notice_days,value,warranty_months,status\n"
        let dir = Fixture.folder()
        dir.write("contracts/utf16.txt", [0xFF, 0xFE, 0x08, 0x54, 0x0C, 0x54, 0x0A, 0x00])
        dir.write("contracts/scan.pdf", Array("%PDF-1.4\n%\u{E2}\u{E3}\n".utf8) + [0xE2, 0xE3, 0xCF, 0xD3])
        dir.write(
            "contracts.csv",
            header + """
                K1,V1,t,contracts/utf16.txt,,,12,false,12,0,0,0,draft
                K2,V1,t,contracts/scan.pdf,,,12,false,12,0,0,0,draft
                K3,V1,t,contracts/gone.txt,,,12,false,12,0,0,0,draft

                """)
        dir.write("vendors.csv", "id,name,contact,qualifications,references,notes,sme,bid_price\nV1,云帆,,,,,false,\nV2,智链,,,,,false,\n")
        let loaded = try WorkspaceStore.load(folder: dir.path)
        #expect(loaded.problems == [])
        #expect(!loaded.readOnly)
        #expect(loaded.workspace.contractTexts == ["contracts/utf16.txt": "合同\n"])
        #expect(
            loaded.workspace.contractTextNotes.sorted { $0.key < $1.key }.map(\.value.zh) == [
                "contracts.csv:4: 工作区文件夹中找不到合同正文 “contracts/gone.txt”",
                "contracts/scan.pdf 是 PDF, 不是文本: 请先转换, 例如 pdftotext -layout contracts/scan.pdf contract.txt",
                "contracts/utf16.txt 不是 UTF-8: 已按 UTF-16 读取 (另存为 UTF-8 更稳妥)",
            ])
        var w = loaded.workspace
        w.vendors[0].notes = "已联系"
        let saved = try WorkspaceStore.save(w, over: loaded, actor: "t")
        #expect(saved.written == ["vendors.csv"])
    }

    @Test func settingsAreTypeCheckedAndUnknownKeysKept() throws {
        let dir = Fixture.folder()
        dir.write(
            "workspace.json",
            """
            {
              "schema": 1,
              "name": "x",
              "scale": "ten",
              "language": "fr",
              "revealed": 1,
              "fiscal_year_start": "13-01",
              "future_key": {"nested": [true, null, 2.5]}
            }

            """)
        let loaded = try WorkspaceStore.load(folder: dir.path)
        #expect(
            loaded.problems.map(\.description) == [
                "workspace.json:4: scale: \"ten\" is not a number",
                "workspace.json:5: language: \"fr\" is not one of zh, en",
                "workspace.json:6: revealed: 1 is not true or false",
                "workspace.json:7: fiscal_year_start: \"13-01\" is not a month-day (expected MM-DD, e.g. 04-01)",
            ])
        #expect(loaded.workspace.settings.extra == ["future_key": #"{"nested":[true,null,2.5]}"#])
        dir.write("workspace.json", "{\"schema\": 1, \"name\": \"x\"")
        #expect(
            try WorkspaceStore.load(folder: dir.path).problems.map(\.description) == [
                "workspace.json:0: is not valid JSON (check for a missing comma or quote)"
            ])
        dir.write("workspace.json", "{\"schema\": 2}")
        #expect(
            try WorkspaceStore.load(folder: dir.path).problems.map(\.description)
                == ["workspace.json:1: schema: 2 is newer than this Bidbench understands (schema 1); upgrade Bidbench"])
    }

    @Test func ahpMatricesReadFractionsAndCheckReciprocity() throws {
        let dir = Fixture.folder()
        dir.write("ahp/top.csv", ",C1,C2\nC1,1,4\nC2,1/3,1\n")
        dir.write("ahp/C1.csv", ",C1,C2\nC1,1,x\nC2,1\n")
        let loaded = try WorkspaceStore.load(folder: dir.path)
        #expect(
            loaded.problems.map(\.description) == [
                #"ahp/C1.csv:2: C2: "x" is not a positive judgement (expected 1–9 or a fraction such as 1/3)"#,
                "ahp/C1.csv:3: has 2 fields, expected 3 (a name and 2 judgements)",
                "ahp/top.csv:3: C1: not reciprocal: C1 vs C2 is 4 but C2 vs C1 is 1/3 (expected 1/4)",
            ])
    }

    @Test func problemDescriptionOmitsAMissingField() {
        #expect(Problem(file: "a.csv", line: 3, field: "x", message: "m").description == "a.csv:3: x: m")
        #expect(Problem(file: "a.csv", line: 0, message: "m").description == "a.csv:0: m")
        #expect(
            Problem(file: "a.csv", line: 3, field: nil, message: "m").json.compact
                == #"{"file":"a.csv","line":3,"field":null,"message":"m"}"#)
    }

    @Test func controlCharactersFromFilesAreMadeVisible() throws {
        let found = try problems([
            "risks.csv": "id,type,title,likelihood,impact,mitigation,owner,trigger,threshold,status\nX1,vendor,t,\u{1B}[31m,3,,,,,open\n"
        ])
        #expect(found == [#"risks.csv:2: likelihood: "\u{1B}[31m" is not a whole number (expected digits such as 12)"#])
    }
}

@Suite struct ReferenceTests {
    @Test func emptyReferencesAndSkippedRowsAreReportedOnce() throws {
        let dir = Fixture.folder()
        // R10 has a field too many, so it is skipped: the gate pointing at it is not reported as well.
        dir.write(
            "requirements.csv",
            Fixture.files["requirements.csv"]!.replacingOccurrences(of: "R10,D1,MES,看板,,could", with: "R10,D1,MES,看板,,,could"))
        dir.write("gates.csv", "vendor,requirement,answer,note\nV1,R10,meets,\n,R1,no,\n")
        let found = try WorkspaceStore.load(folder: dir.path).problems.map(\.description)
        #expect(
            found == [
                "requirements.csv:5: has 12 fields, expected 11 (the header has 11 columns)",
                "gates.csv:3: vendor: is empty; every row needs a vendor",
            ])
        dir.write("requirements.csv", Fixture.files["requirements.csv"]!.replacingOccurrences(of: "R2,D2,", with: "R2,,"))
        dir.write("gates.csv", Fixture.files["gates.csv"]!)
        #expect(
            try WorkspaceStore.load(folder: dir.path).problems.map(\.description)
                == ["requirements.csv:4: department: is empty; expected a department id from departments.csv"])
    }

    /// Gate answers: a repeated vendor/requirement pair is named wherever it stands (a sorted file is
    /// checked without making a key per answer), and an unknown vendor on every row that names it.
    @Test func gateAnswersRepeatedPairsAndUnknownVendorsOnEveryRow() throws {
        let dir = Fixture.folder()
        let header = "vendor,requirement,answer,note\n"
        dir.write("gates.csv", header + "V1,R1,meets,\nV1,R2,meets,\nV9,R1,no,\nV9,R2,no,\nV2,R1,partly,\n")
        #expect(
            try WorkspaceStore.load(folder: dir.path).problems.map(\.description) == [
                "gates.csv:4: vendor: \"V9\" is not a vendor id in vendors.csv",
                "gates.csv:5: vendor: \"V9\" is not a vendor id in vendors.csv",
            ])
        // An unknown requirement is reported for every vendor that answers it, in the same place of
        // each vendor's run (the run before is compared first).
        dir.write("gates.csv", header + "V1,R1,meets,\nV1,R77,meets,\nV2,R1,no,\nV2,R77,no,\n")
        #expect(
            try WorkspaceStore.load(folder: dir.path).problems.map(\.description) == [
                "gates.csv:3: requirement: \"R77\" is not a requirement id in requirements.csv",
                "gates.csv:5: requirement: \"R77\" is not a requirement id in requirements.csv",
            ])
        dir.write("gates.csv", header + "V1,R1,meets,\nV2,R1,no,\nV1,R1,no,\n")
        #expect(
            try WorkspaceStore.load(folder: dir.path).problems.map(\.description) == [
                "gates.csv:4: requirement: duplicate vendor, requirement pair \"V1, R1\" (first on line 2)"
            ])
        // In order: adjacent repeats are not increasing either.
        dir.write("gates.csv", header + "V1,R1,meets,\nV1,R1,no,\n")
        #expect(
            try WorkspaceStore.load(folder: dir.path).problems.map(\.description) == [
                "gates.csv:3: requirement: duplicate vendor, requirement pair \"V1, R1\" (first on line 2)"
            ])
        func answers(_ pairs: [(String, String)]) -> [GateAnswer] {
            pairs.map { GateAnswer(vendor: $0.0, requirement: $0.1, answer: .meets) }
        }
        #expect(Validator.pairsIncrease(answers([("V1", "R1"), ("V1", "R2"), ("V2", "R1")])))
        #expect(Validator.pairsIncrease([]))
        #expect(!Validator.pairsIncrease(answers([("V1", "R2"), ("V1", "R1")])))
        #expect(!Validator.pairsIncrease(answers([("V1", "R1"), ("V1", "R1")])))
        // A comma could make two pairs one key; a non-ASCII id has another normal form: checked in full.
        #expect(!Validator.pairsIncrease(answers([("V1", "R1"), ("V1, R", "R2")])))
        #expect(!Validator.pairsIncrease(answers([("V1", "R1"), ("V１", "R2")])))
        // U+212A KELVIN SIGN is canonically "K": equal as Strings, but not plain.
        #expect(!Validator.pairsIncrease(answers([("VK", "R1"), ("V\u{212A}", "R2")])))
        #expect(!Validator.pairsIncrease(answers([("V1", "RK"), ("V2", "RK"), ("V2", "R\u{212A}")])))
        #expect(!Validator.pairsIncrease(answers([("V1", "RA"), ("V1", "RK"), ("V2", "RA"), ("V2", "R\u{212A}")])))
        // Runs that repeat the previous run are taken from it: the same answer as checking every
        // neighbour (written out here), on random files of runs that mostly repeat.
        func byDefinition(_ gates: [GateAnswer]) -> Bool {
            func plain(_ s: String) -> Bool { s.utf8.allSatisfy { $0 < 0x80 && $0 != 0x2C } }
            for i in gates.indices {
                guard plain(gates[i].vendor), plain(gates[i].requirement) else { return false }
                if i > 0 {
                    let a = (Array(gates[i - 1].vendor.utf8), Array(gates[i - 1].requirement.utf8))
                    let b = (Array(gates[i].vendor.utf8), Array(gates[i].requirement.utf8))
                    let less = a.0.lexicographicallyPrecedes(b.0) || (a.0 == b.0 && a.1.lexicographicallyPrecedes(b.1))
                    guard less else { return false }
                }
            }
            return true
        }
        var g = SplitMix64(seed: 23)
        let requirements = ["R1", "R2", "R3", "R4", "RK", "R\u{212A}", "R,5", "R６"]
        var increasing = 0
        for _ in 0..<3_000 {
            var gates: [GateAnswer] = []
            var run = Array(requirements[0..<4])
            for v in 0..<g.int(below: 5) {
                // Mostly the previous run again; sometimes one requirement changed, dropped or added.
                if g.int(below: 3) == 0 { run[g.int(below: run.count)] = requirements[g.int(below: requirements.count)] }
                if g.int(below: 6) == 0 { run.removeLast() }
                if g.int(below: 6) == 0 { run.append(requirements[g.int(below: requirements.count)]) }
                if run.isEmpty { run = ["R1"] }
                let vendor = g.int(below: 12) == 0 ? "V\u{212A}" : g.int(below: 12) == 0 ? "V\(v - 1)" : "V\(v)"
                gates += run.map { GateAnswer(vendor: vendor, requirement: $0, answer: .meets) }
            }
            let expected = byDefinition(gates)
            if expected { increasing += 1 }
            #expect(Validator.pairsIncrease(gates) == expected, "\(gates.map { ($0.vendor, $0.requirement) })")
        }
        #expect(increasing > 300 && increasing < 2_700)
    }

    /// Ids are compared as they look (NFKC): a full-width `V１` beside `V1` is a duplicate, and so are
    /// two vendors of one name (screens, handouts and blind sheets could not tell them apart).
    @Test func lookAlikeIdsAndRepeatedVendorNamesAreDuplicates() throws {
        let dir = Fixture.folder()
        var w = try WorkspaceStore.load(folder: dir.path).workspace
        var twin = w.vendors[0]
        twin.id = "V１"
        w.vendors.append(twin)
        #expect(
            WorkspaceStore.validate(w).map(\.description).filter { $0.hasPrefix("vendors.csv") } == [
                "vendors.csv:4: id: duplicate vendor id \"V１\" (looks the same as \"V1\") (first on line 2)",
                "vendors.csv:4: name: duplicate vendor name \"\(twin.name)\" (first on line 2)",
            ])
    }

    /// Invisible characters and duplicate ids in the five tables that others refer to, listed table by
    /// table and, on one line, the invisible id before the duplicate one (pinned when each table's
    /// visibility check moved into that table's validator).
    @Test func invisibleAndDuplicateIdsAreListedTableByTableInOrder() throws {
        let dir = Fixture.folder()
        var w = try WorkspaceStore.load(folder: dir.path).workspace
        w.departments[0].id += "\u{200B}"
        w.departments.append(w.departments[0])
        w.requirements[0].id += "\u{202E}"
        w.requirements.append(w.requirements[0])
        w.criteria[0].name += "\u{2066}"
        w.criteria.append(w.criteria[0])
        w.vendors[0].id += "\u{200D}"
        w.vendors.append(w.vendors[0])
        w.contracts[0].id += "\u{FEFF}"
        w.contracts.append(w.contracts[0])
        #expect(
            WorkspaceStore.validate(w).map(\.description) == [
                "departments.csv:2: id: \"D1\\u{200B}\" contains the invisible or direction-control character U+200B; ids and names must look like what they are",
                "departments.csv:3: id: \"D1\\u{200B}\" contains the invisible or direction-control character U+200B; ids and names must look like what they are",
                "departments.csv:3: id: duplicate department id \"D1\\u{200B}\" (first on line 2)",
                "requirements.csv:2: id: \"R1\\u{202E}\" contains the invisible or direction-control character U+202E; ids and names must look like what they are",
                "requirements.csv:2: department: \"D1\" is not a department id in departments.csv",
                "requirements.csv:4: id: \"R1\\u{202E}\" contains the invisible or direction-control character U+202E; ids and names must look like what they are",
                "requirements.csv:4: id: duplicate requirement id \"R1\\u{202E}\" (first on line 2)",
                "requirements.csv:4: department: \"D1\" is not a department id in departments.csv",
                "requirements.csv:7: department: \"D1\" is not a department id in departments.csv",
                "criteria.csv:2: name: \"功能\\u{2066}\" contains the invisible or direction-control character U+2066; ids and names must look like what they are",
                "criteria.csv:3: name: \"功能\\u{2066}\" contains the invisible or direction-control character U+2066; ids and names must look like what they are",
                "criteria.csv:3: id: duplicate criterion id \"C1\" (first on line 2)",
                "vendors.csv:2: id: \"V1\\u{200D}\" contains the invisible or direction-control character U+200D; ids and names must look like what they are",
                "vendors.csv:3: id: \"V1\\u{200D}\" contains the invisible or direction-control character U+200D; ids and names must look like what they are",
                "vendors.csv:3: id: duplicate vendor id \"V1\\u{200D}\" (first on line 2)",
                "vendors.csv:3: name: duplicate vendor name \"甲软件\" (first on line 2)",
                "gates.csv:2: vendor: \"V1\" is not a vendor id in vendors.csv",
                "gates.csv:2: requirement: \"R1\" is not a requirement id in requirements.csv",
                "gates.csv:3: requirement: \"R1\" is not a requirement id in requirements.csv",
                "prices.csv:2: vendor: \"V1\" is not a vendor id in vendors.csv",
                "prices.csv:3: vendor: \"V1\" is not a vendor id in vendors.csv",
                "payments.csv:2: contract: \"K1\" is not a contract id in contracts.csv",
                "payments.csv:3: contract: \"K1\" is not a contract id in contracts.csv",
                "contracts.csv:2: id: \"K1\\u{FEFF}\" contains the invisible or direction-control character U+FEFF; ids and names must look like what they are",
                "contracts.csv:2: vendor: \"V1\" is not a vendor id in vendors.csv",
                "contracts.csv:3: id: \"K1\\u{FEFF}\" contains the invisible or direction-control character U+FEFF; ids and names must look like what they are",
                "contracts.csv:3: id: duplicate contract id \"K1\\u{FEFF}\" (first on line 2)",
                "contracts.csv:3: vendor: \"V1\" is not a vendor id in vendors.csv",
                "reviews.csv:2: contract: \"K1\" is not a contract id in contracts.csv",
                "reviews.csv:3: contract: \"K1\" is not a contract id in contracts.csv",
                "changes.csv:2: contract: \"K1\" is not a contract id in contracts.csv",
                "scores/张伟.csv:2: vendor: \"V1\" is not a vendor id in vendors.csv",
            ])
    }

    /// A finance pass: two approved change orders, each below the largest amount, summed past it and
    /// stopped `budget`, `delivery` and the Budget screen with a trap while `check` said OK. `check`
    /// names the row where the contract's value with its change orders no longer fits; the budget and
    /// the milestones say it is too large instead of trapping.
    @Test func aContractValueWithChangeOrdersTooLargeForAnAmountIsReportedAtItsRow() throws {
        let changes = """
            contract,id,date,description,price_delta,status
            K1,CO1,2027-03-01,增加报表,-1500.25,approved
            K1,CO2,2027-04-01,大,50000000000000000,approved
            K1,CO3,2027-04-02,大,50000000000000000,proposed

            """
        #expect(
            try ValidationTests().problems(["changes.csv": changes]) == [
                "changes.csv:4: price_delta: contract K1's value with its change orders up to CO3 is too large for an amount (at most 92,233,720,368,547,758.07)"
            ])
        let dir = Fixture.folder()
        dir.write(["changes.csv": changes])
        let ws = try WorkspaceStore.load(folder: dir.path).workspace
        let k = ws.contracts[0]
        #expect(ChangeOrders.currentValueIfItFits(of: k, changes: ws.changes) == nil)
        #expect(
            ChangeOrders.currentValue(of: k, changes: Array(ws.changes.prefix(2)))
                == Money(minor: 50_000_000_000_000_000_00 + 1_286_000_00 - 1_500_25))
        var allApproved = ws.changes
        for i in allApproved.indices { allApproved[i].status = "approved" }
        #expect(ChangeOrders.currentValue(of: k, changes: allApproved) == Money(minor: .max))
        #expect(throws: BudgetError.self) { try BudgetModel.installments(contract: k, changes: ws.changes, milestones: ws.payments) }
        #expect(throws: BudgetError.self) {
            try BudgetModel.control(ws, proposedVendor: nil, scenario: Scenario(settings: ws.settings), changes: nil)
        }
    }
}
