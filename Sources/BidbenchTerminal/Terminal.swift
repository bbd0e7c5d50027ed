import BidbenchUI
import CNcursesw

#if canImport(Glibc)
    import Glibc
#endif

/// Signal actions in force before ours, restored before a crash is re-raised. Written once at start-up,
/// before any handler can run; read only from signal handlers.
nonisolated(unsafe) private var previousActions: [Int32: sigaction] = [:]

/// The session's claim file, its bytes, and room to read it back (`Terminal.releaseOnTermination`):
/// allocated before any handler can use them and never freed, read by the termination handler with
/// async-signal-safe calls only.
nonisolated(unsafe) private var claimPath: UnsafeMutablePointer<CChar>?
nonisolated(unsafe) private var claimBytes: UnsafeMutableBufferPointer<UInt8>?
nonisolated(unsafe) private var claimScratch: UnsafeMutableBufferPointer<UInt8>?
/// Where a termination leaves word that it lost unsaved edits (`Terminal.noteUnsavedWork`), and
/// whether there are any; read by the handler with async-signal-safe calls only.
nonisolated(unsafe) private var lostMarkerPath: UnsafeMutablePointer<CChar>?
nonisolated(unsafe) private var unsavedWork: Int32 = 0

/// Leaves the marker file when the session had unsaved edits (the next session says they were lost).
private func markLostWork() {
    guard unsavedWork != 0, let path = lostMarkerPath else { return }
    let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_NOFOLLOW | O_CLOEXEC, 0o600)
    if fd >= 0 { close(fd) }
}

/// Removes the claim file if it still holds exactly our bytes (nobody else's claim is touched).
private func releaseClaim() {
    guard let path = claimPath, let bytes = claimBytes?.baseAddress, let count = claimBytes?.count,
        let scratch = claimScratch?.baseAddress
    else { return }
    let fd = open(path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC)
    guard fd >= 0 else { return }
    let n = read(fd, scratch, count + 1)
    close(fd)
    if n == count && memcmp(scratch, bytes, count) == 0 { unlink(path) }
}

/// The only code that touches ncurses: sets the terminal up, draws the cells of a Canvas that changed
/// since the last frame, turns input into `Event`s, and restores the terminal on exit, signals and crashes.
@MainActor
public final class Terminal {
    private var last: Canvas?
    private let useColor: Bool
    private var active = false
    /// Cells written to the terminal by the last `draw` (the benchmark reads it).
    public private(set) var cellsSentLastFrame = 0

    /// Starts curses. `noColor` is true when `NO_COLOR` is set (colours are dropped; bold/reverse stay).
    public init(noColor: Bool) {
        setlocale(LC_ALL, "")
        // A parent that blocks signals (a thread pool's mask is inherited through exec) would
        // silently stop resizes from reaching ncurses and make the app deaf to SIGTERM.
        var winch = sigset_t()
        sigemptyset(&winch)
        for sig in [SIGWINCH, SIGTERM, SIGINT, SIGHUP, SIGQUIT] { sigaddset(&winch, sig) }
        sigprocmask(SIG_UNBLOCK, &winch, nil)
        initscr()
        active = true
        raw()
        noecho()
        nonl()
        keypad(bb_stdscr(), true)
        // Arrows typed before `keypad` switched the terminal to application mode come in normal mode
        // (`ESC [ B`, not the terminfo's `ESC O B`) and read as Esc, `[`, `B` (a re-test pass: that
        // changed the department filter, or closed the problems list). Both forms are keys.
        for (sequence, key) in [
            ("\u{1B}[A", KEY_UP), ("\u{1B}[B", KEY_DOWN), ("\u{1B}[C", KEY_RIGHT), ("\u{1B}[D", KEY_LEFT),
            ("\u{1B}[H", KEY_HOME), ("\u{1B}[F", KEY_END),
        ] where key_defined(sequence) == 0 {
            define_key(sequence, key)
        }
        set_escdelay(25)
        curs_set(0)
        mousemask(bb_ALL_MOUSE_EVENTS, nil)
        mouseinterval(0)
        var color = false
        if !noColor && has_colors() {
            start_color()
            use_default_colors()
            let colors: [Int16] = [
                Int16(COLOR_RED), Int16(COLOR_GREEN), Int16(COLOR_YELLOW), Int16(COLOR_BLUE),
                Int16(COLOR_MAGENTA), Int16(COLOR_CYAN), Int16(COLOR_WHITE),
            ]
            for (i, c) in colors.enumerated() { init_pair(Int16(i + 1), c, -1) }
            color = true
        }
        useColor = color
        Terminal.installRestoreHandlers()
    }

    /// The terminal's size in cells.
    public var size: (width: Int, height: Int) { (Int(bb_cols()), Int(bb_lines())) }

    /// Draws only the cells that differ from the previous frame, then refreshes.
    public func draw(_ canvas: Canvas) {
        let changed = canvas.changes(from: last)
        if last == nil || last!.width != canvas.width || last!.height != canvas.height { clearok(bb_stdscr(), true) }
        for (x, y) in changed {
            let cell = canvas[x, y]
            put(cell, x: x, y: y)
        }
        cellsSentLastFrame = changed.count
        last = canvas
        refresh()
    }

    private func put(_ cell: Cell, x: Int, y: Int) {
        var attrs: attr_t = 0
        let st = cell.style
        if st.bold { attrs |= bb_A_BOLD }
        if st.reverse { attrs |= bb_A_REVERSE }
        if st.underline { attrs |= bb_A_UNDERLINE }
        if st.dim || st.fg == .gray { attrs |= bb_A_DIM }
        var pair: Int16 = 0
        if useColor {
            switch st.fg {
            case .red: pair = 1
            case .green: pair = 2
            case .yellow: pair = 3
            case .blue: pair = 4
            case .magenta: pair = 5
            case .cyan: pair = 6
            case .normal, .gray: pair = 0
            }
        }
        var wchars: [wchar_t] = cell.text.unicodeScalars.prefix(4).map { wchar_t(bitPattern: $0.value) }
        if wchars.isEmpty { wchars = [wchar_t(32)] }
        wchars.append(0)
        var cc = cchar_t()
        setcchar(&cc, wchars, attrs, pair, nil)
        mvadd_wch(Int32(y), Int32(x), &cc)
    }

    /// Waits for the next input and decodes it; nil when input has ended. With `idleAfter`
    /// (milliseconds), returns `.idle` when no input came in that time, so the caller can look at
    /// the disk between keys.
    public func nextEvent(idleAfter: Int32? = nil) -> Event? {
        if let missed = resizeWhileBusy() { return missed }
        wtimeout(bb_stdscr(), idleAfter ?? -1)
        while true {
            var wch: wint_t = 0
            let r = wget_wch(bb_stdscr(), &wch)
            if r == ERR {
                // A timeout and the end of input both give ERR: a hang-up shows in poll.
                guard idleAfter != nil else { return nil }
                var p = pollfd(fd: 0, events: Int16(POLLIN), revents: 0)
                if poll(&p, 1, 0) < 0 || p.revents & Int16(POLLHUP | POLLERR | POLLNVAL) != 0 { return nil }
                return resizeWhileBusy() ?? .idle
            }
            if r == KEY_CODE_YES {
                if let e = decodeKeyCode(Int32(wch)) { return e }
                continue
            }
            if let k = decodeChar(UInt32(wch)) { return .key(k) }
        }
    }

    /// A resize that arrived while the program was busy (a save, a report, building the contract
    /// rules): ncurses notes the SIGWINCH but only reports it after the next key, so the screen
    /// would stay wrong until then. The kernel's size is compared with ncurses' before waiting.
    private func resizeWhileBusy() -> Event? {
        var rows: Int32 = 0
        var cols: Int32 = 0
        guard bb_window_size(&rows, &cols) == 0, rows != bb_lines() || cols != bb_cols() else { return nil }
        resizeterm(rows, cols)
        last = nil
        return .resize(width: Int(cols), height: Int(rows))
    }

    private func decodeChar(_ v: UInt32) -> Key? {
        switch v {
        case 9: return .tab
        case 10, 13: return .enter
        case 27: return .escape
        case 8, 127: return .backspace
        case 1...26: return .ctrl(Character(Unicode.Scalar(v + 96)!))
        case 0, 28...31: return nil
        default:
            guard let sc = Unicode.Scalar(v) else { return nil }
            return .char(Character(sc))
        }
    }

    private func decodeKeyCode(_ code: Int32) -> Event? {
        switch code {
        case KEY_UP: return .key(.up)
        case KEY_DOWN: return .key(.down)
        case KEY_LEFT: return .key(.left)
        case KEY_RIGHT: return .key(.right)
        case KEY_HOME: return .key(.home)
        case KEY_END: return .key(.end)
        case KEY_NPAGE: return .key(.pageDown)
        case KEY_PPAGE: return .key(.pageUp)
        case KEY_BTAB: return .key(.backTab)
        case KEY_BACKSPACE: return .key(.backspace)
        case KEY_DC: return .key(.delete)
        case KEY_ENTER: return .key(.enter)
        case KEY_RESIZE:
            last = nil
            let (w, h) = size
            return .resize(width: w, height: h)
        case KEY_MOUSE:
            var ev = MEVENT()
            guard getmouse(&ev) == OK else { return nil }
            if ev.bstate & (bb_BUTTON1_PRESSED | bb_BUTTON1_CLICKED) != 0 { return .click(x: Int(ev.x), y: Int(ev.y)) }
            if ev.bstate & bb_BUTTON4_PRESSED != 0 { return .scroll(up: true) }
            if ev.bstate & bb_BUTTON5_PRESSED != 0 { return .scroll(up: false) }
            return nil
        default:
            let f1 = bb_key_f(1)
            if code >= f1 && code < f1 + 12 { return .key(.f(Int(code - f1 + 1))) }
            return nil
        }
    }

    /// The claim file a termination signal removes when it still holds `content` (nil: none). Set
    /// once per claim taken; the previous one's memory is kept (a handler may be reading it).
    /// Whether the session holds unsaved edits now: a termination signal (a closed terminal window)
    /// then leaves `lostMarker` (given to `releaseOnTermination`) for the next session to say so — a
    /// meeting pass closed a window on an unsaved score and the next session said nothing.
    public static func noteUnsavedWork(_ dirty: Bool) { unsavedWork = dirty ? 1 : 0 }

    public static func releaseOnTermination(path: String?, content: [UInt8], lostMarker: String? = nil) {
        if let lostMarker, lostMarkerPath == nil { lostMarkerPath = strdup(lostMarker) }
        guard let path, !content.isEmpty else {
            claimPath = nil
            return
        }
        let bytes = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: content.count)
        _ = bytes.initialize(from: content)
        // One byte more than the claim: a longer file (someone else's) reads back longer.
        let scratch = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: content.count + 1)
        scratch.initialize(repeating: 0)
        claimPath = nil
        claimBytes = bytes
        claimScratch = scratch
        claimPath = strdup(path)
    }

    /// Ends curses and gives the terminal back as it was.
    /// Drops the keys typed but not read yet (ncurses' `flushinp`).
    public func discardTypeAhead() { flushinp() }

    public func shutdown() {
        guard active else { return }
        active = false
        endwin()
    }

    /// atexit + signal handlers so that a crash or a kill never leaves the terminal broken.
    private static func installRestoreHandlers() {
        atexit { endwin() }
        // Fatal faults: restore the screen, put the old handler back and return, so the fault repeats
        // under the old handler (Swift's backtracer then prints on a normal screen).
        for sig in [SIGSEGV, SIGILL, SIGBUS, SIGFPE] {
            var act = sigaction()
            act.__sigaction_handler.sa_handler = { sig in
                endwin()
                if var old = previousActions[sig] { sigaction(sig, &old, nil) } else { signal(sig, SIG_DFL) }
            }
            sigemptyset(&act.sa_mask)
            var old = sigaction()
            sigaction(sig, &act, &old)
            previousActions[sig] = old
        }
        // Termination requests: restore the screen, then die by the same signal.
        for sig in [SIGTRAP, SIGABRT, SIGTERM, SIGHUP, SIGINT, SIGQUIT] {
            var act = sigaction()
            act.__sigaction_handler.sa_handler = { sig in
                endwin()
                // A closed terminal window (SIGHUP) or a kill: the session's claim goes with it, or
                // it would keep others out (from another host a claim is never taken for dead).
                if sig == SIGTERM || sig == SIGHUP || sig == SIGINT || sig == SIGQUIT {
                    markLostWork()
                    releaseClaim()
                }
                signal(sig, SIG_DFL)
                raise(sig)
            }
            sigemptyset(&act.sa_mask)
            sigaction(sig, &act, nil)
        }
    }
}
