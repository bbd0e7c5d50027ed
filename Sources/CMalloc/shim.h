// The C library's allocator settings (glibc's mallopt), for a command that reads one long text and exits.
#if defined(__has_include)
#if __has_include(<malloc.h>) && defined(__linux__)
#include <malloc.h>
#define BIDBENCH_HAS_MALLOPT 1
#endif
#endif

// Keeps memory freed between a batch command's passes in the process for its next lists, instead of
// each large list being mapped, faulted in page by page and unmapped again. No effect without glibc.
static inline void bidbench_keep_freed_memory(void) {
#ifdef BIDBENCH_HAS_MALLOPT
    mallopt(M_MMAP_THRESHOLD, 256 << 20);
    mallopt(M_TRIM_THRESHOLD, 512 << 20);
    mallopt(M_TOP_PAD, 16 << 20);
#endif
}
