#ifndef BIDBENCH_NCURSES_SHIM_H
#define BIDBENCH_NCURSES_SHIM_H
// Wide-character API without pkg-config's -D_XOPEN_SOURCE (SwiftPM drops it).
#define NCURSES_WIDECHAR 1
#include <locale.h>
#include <wchar.h>
#include <signal.h>
#include <ncursesw/curses.h>
#include <sys/ioctl.h>
#include <unistd.h>

// C globals are not concurrency-safe in Swift 6: read them through functions.
static inline WINDOW *bb_stdscr(void) { return stdscr; }
static inline int bb_lines(void) { return LINES; }
static inline int bb_cols(void) { return COLS; }
static inline int bb_colors(void) { return COLORS; }

// The terminal's size as the kernel has it now (0 on success).
static inline int bb_window_size(int *rows, int *cols) {
    struct winsize ws;
    if (ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) != 0 || ws.ws_row == 0 || ws.ws_col == 0) return -1;
    *rows = ws.ws_row; *cols = ws.ws_col;
    return 0;
}

// Macros Swift does not import.
static const attr_t bb_A_BOLD = A_BOLD;
static const attr_t bb_A_REVERSE = A_REVERSE;
static const attr_t bb_A_UNDERLINE = A_UNDERLINE;
static const attr_t bb_A_DIM = A_DIM;
static const mmask_t bb_ALL_MOUSE_EVENTS = ALL_MOUSE_EVENTS;
static const mmask_t bb_BUTTON1_PRESSED = BUTTON1_PRESSED;
static const mmask_t bb_BUTTON1_CLICKED = BUTTON1_CLICKED;
static const mmask_t bb_BUTTON1_RELEASED = BUTTON1_RELEASED;
static const mmask_t bb_BUTTON4_PRESSED = BUTTON4_PRESSED;
static const mmask_t bb_BUTTON5_PRESSED = BUTTON5_PRESSED;
static inline int bb_key_f(int n) { return KEY_F(n); }
static inline int bb_color_pair(int n) { return (int)COLOR_PAIR(n); }
#endif
