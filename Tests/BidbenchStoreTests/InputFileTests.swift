import Foundation
import Testing

@testable import BidbenchStore

/// `InputFile.bytes`: a contract's bytes as they are on disk, for the caller to read as UTF-8 or
/// GB18030 (or refuse, naming the byte).
@Suite struct InputFileTests {
    @Test func theBytesAreReadAsTheyAre() throws {
        let dir = TempDir()
        // UTF-8 with a byte-order mark and CRLF, GB18030 bytes of 合同, a stray continuation byte,
        // a real U+FFFD, and an empty file.
        let cases: [(String, [UInt8])] = [
            ("c.txt", Array("\u{FEFF}第一条 服务内容\r\n乙方应于30日内交付。\nThe Supplier shall deliver.\n".utf8)),
            ("gb.txt", [0xBA, 0xCF, 0xCD, 0xAC, 0x0A]),
            ("stray.txt", Array("abc".utf8) + [0x80] + Array("def".utf8)),
            ("fffd.txt", Array("a\u{FFFD}b".utf8)),
            ("empty.txt", []),
        ]
        for (name, bytes) in cases {
            dir.write(name, bytes)
            #expect(try InputFile.bytes(dir.url(name)) == bytes, "\(name)")
        }
    }

    @Test func gb18030BytesAreDecodedAndAnythingElseIsRefused() {
        #expect(InputFile.gb18030Text([0xBA, 0xCF, 0xCD, 0xAC, 0x0A]) == "合同\n")
        #expect(InputFile.gb18030Text([0xBA, 0x0A]) == nil)
    }

    /// A named pipe is opened once and read as it is written (opening it a second time waited for
    /// a writer that had gone). No time limit trait: Swift Testing counts it from when the test is
    /// scheduled, and in a full run the test waited behind long tests for a free thread for more
    /// than a minute, while its own work takes a millisecond. The writer ends a hang itself instead.
    @Test func aNamedPipeIsReadAsItIsWritten() throws {
        let dir = TempDir()
        let fifo = dir.url("pipe")
        #expect(mkfifo(fifo, 0o600) == 0)
        let text = "第一条 保密\n双方应对商业秘密保密。\n"
        let done = Flag()
        defer { done.set() }
        Thread.detachNewThread {
            // Opened without waiting (ENXIO until the reader is there) and close-on-exec (a process
            // another test starts meanwhile must not inherit the write end, or the read would never
            // see its end).
            var fd: Int32 = -1
            while fd < 0 && !done.isSet {
                fd = open(fifo, O_WRONLY | O_NONBLOCK | O_CLOEXEC)
                if fd < 0 { usleep(1_000) }
            }
            guard fd >= 0 else { return }
            _ = text.utf8CString.withUnsafeBufferPointer { write(fd, $0.baseAddress, $0.count - 1) }
            close(fd)
            // A reader that opens the pipe again waits for another writer: after 20 s one that writes
            // nothing comes, so it reads an empty text and fails the comparison instead of hanging.
            for _ in 0..<20_000 where !done.isSet { usleep(1_000) }
            if !done.isSet {
                let late = open(fifo, O_WRONLY | O_NONBLOCK | O_CLOEXEC)
                if late >= 0 { close(late) }
            }
        }
        #expect(try InputFile.bytes(fifo) == Array(text.utf8))
    }

    @Test func aMissingFileIsNamed() {
        let dir = TempDir()
        #expect {
            _ = try InputFile.bytes(dir.url("nope.txt"))
        } throws: { error in
            "\(error)".contains(dir.url("nope.txt")) && "\(error)".contains("No such file")
        }
    }
}

/// A flag one thread sets and another reads.
private final class Flag: @unchecked Sendable {
    private let lock = NSLock()
    private var value = false
    var isSet: Bool { lock.withLock { value } }
    func set() { lock.withLock { value = true } }
}
