import Foundation
import Testing

@testable import BidbenchStore

/// `InputFile.utf8Text`: a contract read straight into a string, or nil so that the caller reads
/// the bytes and decides (GB18030, an error naming the byte).
@Suite struct InputFileTests {
    @Test func validUTF8IsReadAsItIs() throws {
        let dir = TempDir()
        let text = "\u{FEFF}第一条 服务内容\r\n乙方应于30日内交付。\nThe Supplier shall deliver.\n"
        dir.write("c.txt", text)
        let read = try #require(try InputFile.utf8Text(dir.url("c.txt")))
        #expect(Array(read.utf8) == Array(text.utf8))
        dir.write("short.txt", "abc")
        #expect(try InputFile.utf8Text(dir.url("short.txt")) == "abc")
    }

    @Test func anythingThatIsNotPlainValidUTF8GoesTheLongWay() throws {
        let dir = TempDir()
        // GB18030 bytes of 合同 (would be repaired to U+FFFD), a stray continuation byte, a real U+FFFD
        // (cannot be told from a repair), an empty file, and a folder.
        let cases: [(String, [UInt8])] = [
            ("gb.txt", [0xBA, 0xCF, 0xCD, 0xAC, 0x0A]),
            ("stray.txt", Array("abc".utf8) + [0x80] + Array("def".utf8)),
            ("fffd.txt", Array("a\u{FFFD}b".utf8)),
            ("empty.txt", []),
        ]
        for (name, bytes) in cases {
            dir.write(name, bytes)
            #expect(try InputFile.utf8Text(dir.url(name)) == nil, "\(name)")
            #expect(try InputFile.bytes(dir.url(name)) == bytes, "\(name)")
        }
        try FileManager.default.createDirectory(atPath: dir.url("folder"), withIntermediateDirectories: false)
        #expect(try InputFile.utf8Text(dir.url("folder")) == nil)
    }

    @Test func aMissingFileIsNamed() {
        let dir = TempDir()
        #expect {
            _ = try InputFile.utf8Text(dir.url("nope.txt"))
        } throws: { error in
            "\(error)".contains(dir.url("nope.txt")) && "\(error)".contains("No such file")
        }
    }
}
