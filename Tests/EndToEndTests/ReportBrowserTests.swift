import Foundation
import Testing

/// The repository root, from this file's path.
private let reportPackageRoot: String = {
    var url = URL(fileURLWithPath: #filePath)
    for _ in 0..<3 { url.deleteLastPathComponent() }
    return url.path
}()

/// The built `bidbench` binary next to the test bundle.
private let reportBinary: String = {
    let debug = URL(fileURLWithPath: reportPackageRoot).appendingPathComponent(".build/debug/bidbench").path
    if FileManager.default.isExecutableFile(atPath: debug) { return debug }
    return Bundle.main.bundleURL.deletingLastPathComponent().appendingPathComponent("bidbench").path
}()

/// Runs a program; returns its exit status, standard output and standard error.
@discardableResult
private func reportRun(_ exe: String, _ args: [String]) throws -> (status: Int32, out: String, err: String) {
    let p = Process()
    p.executableURL = URL(fileURLWithPath: exe)
    p.arguments = args
    let out = Pipe(), err = Pipe()
    p.standardOutput = out
    p.standardError = err
    try p.run()
    let o = out.fileHandleForReading.readDataToEndOfFile()
    let e = err.fileHandleForReading.readDataToEndOfFile()
    p.waitUntilExit()
    return (p.terminationStatus, String(decoding: o, as: UTF8.self), String(decoding: e, as: UTF8.self))
}

/// A fresh temporary folder holding a copy of a demo workspace (outside git, so no commit line).
private func reportDemoCopy(_ name: String) throws -> (dir: String, workspace: String) {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("bidbench-report-\(UUID().uuidString)").path
    try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    let ws = dir + "/ws"
    try FileManager.default.copyItem(atPath: reportPackageRoot + "/data/" + name, toPath: ws)
    return (dir, ws)
}

@Suite(.serialized) struct ReportBrowserTests {
    /// Renders the demo report with the built binary and screenshots it with a real headless browser.
    @Test(arguments: ["demo", "demo-en"])
    func demoReportRendersInHeadlessChromium(demo: String) throws {
        let (dir, ws) = try reportDemoCopy(demo)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let html = dir + "/report.html"
        let r = try reportRun(reportBinary, ["report", "-w", ws, "--today", "2026-12-01", "-o", html])
        #expect(r.status == 0, "report failed: \(r.err)")
        let text = try String(contentsOfFile: html, encoding: .utf8)
        #expect(text.components(separatedBy: "<svg").count - 1 >= 5)
        #expect(!text.contains("http://") && !text.contains("https://") && !text.lowercased().contains("<script"))

        let png = dir + "/out.png"
        let browser = "/usr/bin/chromium-headless-shell"
        #expect(FileManager.default.isExecutableFile(atPath: browser), "install chromium-headless-shell and fonts-noto-cjk")
        let shot = try reportRun(browser, ["--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--screenshot=\(png)",
                                           "--window-size=1200,1600", "file://\(html)"])
        #expect(shot.status == 0, "browser failed: \(shot.err)")
        let data = try Data(contentsOf: URL(fileURLWithPath: png))
        #expect(Array(data.prefix(8)) == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
        // A blank 1200×1600 page compresses to a few kilobytes; charts and text make it far larger.
        #expect(data.count > 60_000, "screenshot is only \(data.count) bytes")
        if let keep = ProcessInfo.processInfo.environment["BIDBENCH_KEEP_SCREENSHOT"] {
            try? FileManager.default.removeItem(atPath: keep + "-" + demo + ".png")
            try FileManager.default.copyItem(atPath: png, toPath: keep + "-" + demo + ".png")
            try? FileManager.default.removeItem(atPath: keep + "-" + demo + ".html")
            try FileManager.default.copyItem(atPath: html, toPath: keep + "-" + demo + ".html")
        }
    }
}
