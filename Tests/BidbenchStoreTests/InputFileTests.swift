import Foundation
import Testing

@testable import BidbenchStore

/// `InputFile.contents`: a contract read straight into a string, or its bytes so that the caller
/// decides (GB18030, an error naming the byte).
@Suite struct InputFileTests {
    @Test func validUTF8IsReadAsItIs() throws {
        let dir = TempDir()
        let text = "\u{FEFF}第一条 服务内容\r\n乙方应于30日内交付。\nThe Supplier shall deliver.\n"
        dir.write("c.txt", text)
        guard case .text(let read) = try InputFile.contents(dir.url("c.txt")) else {
            Issue.record("valid UTF-8 was not read as text")
            return
        }
        #expect(Array(read.utf8) == Array(text.utf8))
        dir.write("short.txt", "abc")
        #expect(try InputFile.contents(dir.url("short.txt")) == .text("abc"))
    }

    @Test func anythingThatIsNotPlainValidUTF8ComesAsItsBytes() throws {
        let dir = TempDir()
        // GB18030 bytes of 合同 (would be repaired to U+FFFD), a stray continuation byte, a real U+FFFD
        // (cannot be told from a repair), and an empty file.
        let cases: [(String, [UInt8])] = [
            ("gb.txt", [0xBA, 0xCF, 0xCD, 0xAC, 0x0A]),
            ("stray.txt", Array("abc".utf8) + [0x80] + Array("def".utf8)),
            ("fffd.txt", Array("a\u{FFFD}b".utf8)),
            ("empty.txt", []),
        ]
        for (name, bytes) in cases {
            dir.write(name, bytes)
            #expect(try InputFile.contents(dir.url(name)) == .bytes(bytes), "\(name)")
        }
    }

    @Test func gb18030BytesAreDecodedAndAnythingElseIsRefused() {
        #expect(InputFile.gb18030Text([0xBA, 0xCF, 0xCD, 0xAC, 0x0A]) == "合同\n")
        #expect(InputFile.gb18030Text([0xBA, 0x0A]) == nil)
    }

    /// A named pipe is opened once and read as it is written (opening it a second time waited for
    /// a writer that had gone).
    @Test(.timeLimit(.minutes(1))) func aNamedPipeIsReadAsItIsWritten() throws {
        let dir = TempDir()
        let fifo = dir.url("pipe")
        #expect(mkfifo(fifo, 0o600) == 0)
        let text = "第一条 保密\n双方应对商业秘密保密。\n"
        Thread.detachNewThread {
            // Close-on-exec: a process another test starts meanwhile must not inherit the write end
            // (it would keep the pipe open, and the read would never see its end).
            let fd = open(fifo, O_WRONLY | O_CLOEXEC)
            _ = text.utf8CString.withUnsafeBufferPointer { write(fd, $0.baseAddress, $0.count - 1) }
            close(fd)
        }
        #expect(try InputFile.contents(fifo) == .bytes(Array(text.utf8)))
    }

    @Test func aMissingFileIsNamed() {
        let dir = TempDir()
        #expect {
            _ = try InputFile.contents(dir.url("nope.txt"))
        } throws: { error in
            "\(error)".contains(dir.url("nope.txt")) && "\(error)".contains("No such file")
        }
    }
}
