import BidbenchCore
import Foundation
import Testing

@testable import BidbenchStore

/// `availability.csv` and the contract's `availability_target`: bytes on disk, bad rows named, imports.
@Suite struct AvailabilityStoreTests {
    @Test func badAvailabilityRowsAreNamedByFileLineAndFieldAndNothingIsWritten() throws {
        let dir = Fixture.folder()
        dir.write(
            "availability.csv",
            """
            contract,month,percent,downtime_minutes,service_minutes,note
            K1,2027-13,99.9,,,
            K1,2027-04,101,,,
            K9,2027-05,99.9,,,
            K1,2027-06,,,,
            K1,2027-07,,50000,,
            K1,2027-08,99.9,324,,
            K1,2027-09,abc,,,
            K1,2027-04,99,,,

            """)
        dir.write(
            "contracts.csv",
            """
            id,vendor,title,file,signed,effective,term_months,auto_renew,renewal_months,notice_days,value,warranty_months,status,availability_target
            K1,V1,ERP 实施合同,contracts/k1.md,2026-12-20,2027-01-01,36,true,12,60,1286000,12,signed,150

            """)
        let before = DeliveryStoreTests.snapshot(dir)
        let l = try WorkspaceStore.load(folder: dir.path)
        #expect(
            Set(l.problems.map(\.description)) == [
                "availability.csv:2: month: \"2027-13\" is not a month (expected YYYY-MM, e.g. 2027-04)",
                "availability.csv:3: percent: 101 is outside 0–100",
                "availability.csv:4: contract: \"K9\" is not a contract id in contracts.csv",
                "availability.csv:5: percent: is empty; give the percent or the downtime_minutes",
                // July has 31 × 1440 = 44 640 minutes.
                "availability.csv:6: downtime_minutes: 50000 is more than the 44640 service minutes of the month",
                // August: 324 of 44 640 minutes down is 99.27 %, not 99.9.
                "availability.csv:7: percent: 99.9 does not match the downtime (324 of 44640 minutes is 99.27%)",
                "availability.csv:8: percent: \"abc\" is not a percentage (expected e.g. 99.5 or 99.5%)",
                "availability.csv:8: percent: is empty; give the percent or the downtime_minutes",
                "availability.csv:9: month: duplicate contract, month pair \"K1, 2027-04\" (first on line 3)",
                "contracts.csv:2: availability_target: \"150\" is not a percentage above 0 and at most 100 (e.g. 99.5)",
            ])
        #expect(l.readOnly)
        #expect(DeliveryStoreTests.snapshot(dir) == before)
    }

    @Test func importWithChineseHeadersWritesCanonicalRowsAndRefusesABadFileWhole() throws {
        let dir = Fixture.folder()
        let file = dir.url("monthly.csv")
        try "合同,月份,可用率,停机分钟,备注\nK1,2027-04,,324,MES 宕机\nK1,2027-03,99.8%,,\n".write(toFile: file, atomically: true, encoding: .utf8)
        let r = try Importer.importFile(kind: .availability, path: file, folder: dir.path, actor: "t")
        guard case .success(let ok) = r else {
            Issue.record("the import should pass: \(r)")
            return
        }
        #expect(ok.summary == "imported 2 months of availability into \(dir.path)")
        #expect(
            dir.text("availability.csv")
                == """
                contract,month,percent,downtime_minutes,service_minutes,note
                K1,2027-03,99.8,,,
                K1,2027-04,,324,,MES 宕机

                """)
        let w = try WorkspaceStore.load(folder: dir.path).workspace
        let d = DeliveryStatus.build(w, contract: w.contracts[0], today: Day(iso: "2027-05-10")!)
        #expect(d.support.availability.map(\.percent) == [99.8, 99.25])

        let before = DeliveryStoreTests.snapshot(dir)
        let bad = dir.url("bad.csv")
        try "合同,月份,可用率\nK1,2027-05,99.9\nK1,2027-06,-1\n".write(toFile: bad, atomically: true, encoding: .utf8)
        guard case .failure(let f) = try Importer.importFile(kind: .availability, path: bad, folder: dir.path, actor: "t") else {
            Issue.record("the import should be refused")
            return
        }
        #expect(f.problems.map(\.description) == ["\(bad):3: percent: -1 is outside 0–100"])
        #expect(DeliveryStoreTests.snapshot(dir).filter { $0.key != "bad.csv" } == before)
    }
}
