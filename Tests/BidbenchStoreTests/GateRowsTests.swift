import BidbenchCore
import Foundation
import Testing

@testable import BidbenchStore

/// The quick reader of `gates.csv` gives exactly what the general reader gives (rows, line numbers,
/// layout, problems), or leaves the file to it.
@Suite struct GateRowsTests {
    /// Parses with the quick reader (as a load does) and with the general reader alone.
    static func both(_ text: String) -> (quick: String, general: String, tookQuick: Bool) {
        func describe(_ spec: TableSpec<GateAnswer>) -> String {
            let log = ProblemLog()
            let parsed = spec.parse(Array(text.utf8), path: "gates.csv", log: log)
            return "\(parsed.map { "\($0.rows) \($0.lines) \($0.layout) \($0.complete)" } ?? "nil") \(log.problems.map(\.description))"
        }
        var general = Schema.gates
        general.quickRows = nil
        return (describe(Schema.gates), describe(general), GateRows.parse(Array(text.utf8)) != nil)
    }

    @Test func aSavedFileIsReadQuicklyWithTheSameRowsAndLines() {
        let text = "vendor,requirement,answer,note\nV1,R1,meets,\n\nV1,R2,partly,需二次开发\nV2,R1,no,x\ty\nV2,R2,,\n"
        let r = Self.both(text)
        #expect(r.tookQuick)
        #expect(r.quick == r.general)
        let rows = GateRows.parse(Array(text.utf8))
        #expect(rows?.lines == [2, 4, 5, 6])
        #expect(rows?.rows.map(\.answer) == [.meets, .partly, .no, .no])
        #expect(rows?.rows[1].note == "需二次开发")
    }

    @Test func everythingElseIsLeftToTheGeneralReader() {
        let header = "vendor,requirement,answer,note\n"
        for text in [
            "\u{FEFF}" + header + "V1,R1,meets,\n", header + "V1,R1,meets,\"a,b\"\n",
            header.replacingOccurrences(of: "\n", with: "\r\n") + "V1,R1,meets,\r\n",
            "requirement,vendor,answer,note\nR1,V1,meets,\n", header + " V1,R1,meets,\n", header + "V1,R1 ,meets,\n",
            header + "V1,R1,Meets,\n",
            header + "V1,R1,meets\n", header + "V1,R1,meets,,\n", header + ",R1,meets,\n", header + "\u{3000}V1,R1,meets,\n",
            header + "V1,R1,meets ,\n",
        ] {
            let r = Self.both(text)
            #expect(!r.tookQuick, "\(text.debugDescription)")
            #expect(r.quick == r.general)
        }
    }

    @Test func randomFilesReadAlikeByBothReaders() {
        var g = SplitMix64(seed: 42)
        let keys = ["V1", "V2", "供应商甲", "R1", "R10", "", " ", " V1", "V1 ", "V\t1", "\u{3000}R1", "R1\u{3000}", "Ｒ１", "a,b", "x\"y"]
        let answers = ["meets", "partly", "no", "", "meets ", " no", "Meets", "yes", "部分"]
        let notes = ["", "需二次开发", "x\ty", "a,b", "line\nbreak", "引号\"内", " padded "]
        var quick = 0
        for _ in 0..<400 {
            var lines = [g.int(below: 10) == 0 ? "vendor,requirement,answer,note,extra" : "vendor,requirement,answer,note"]
            for _ in 0..<g.int(below: 8) {
                if g.int(below: 12) == 0 {
                    lines.append("")
                    continue
                }
                // Cells as the writer quotes them (a comma, quote or line break inside), unless the
                // file is broken on purpose.
                func cell(_ s: String) -> String {
                    s.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" }) && g.int(below: 5) != 0
                        ? "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : s
                }
                let easy = g.int(below: 2) == 0
                var cells = [
                    easy ? ["V1", "V2"][g.int(below: 2)] : cell(keys[g.int(below: keys.count)]),
                    easy ? ["R1", "R2"][g.int(below: 2)] : cell(keys[g.int(below: keys.count)]),
                    easy ? ["meets", "partly", "no"][g.int(below: 3)] : answers[g.int(below: answers.count)],
                    easy ? "" : cell(notes[g.int(below: notes.count)]),
                ]
                if g.int(below: 15) == 0 { cells.removeLast() }
                lines.append(cells.joined(separator: ","))
            }
            let text = lines.joined(separator: "\n") + (g.int(below: 3) == 0 ? "" : "\n")
            let r = Self.both(text)
            #expect(r.quick == r.general, "\(text.debugDescription)")
            if r.tookQuick { quick += 1 }
        }
        // Both paths were taken.
        #expect(quick > 40)
        #expect(quick < 360)
    }
}
