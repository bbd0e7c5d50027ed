// The system zlib (zlib1g-dev), for the .xlsx zip parts: raw deflate streams as zip stores them.
#include <zlib.h>

// Inflates the raw deflate stream `src` into `dst`. Returns the bytes written; -1 when the stream is
// damaged or ends early; -2 when it holds more than `dstCap` bytes (the caller passes the declared size
// plus one, so a part that lies about its size is caught without inflating the rest).
static inline long bidbench_inflate_raw(const unsigned char *src, unsigned long srcLen, unsigned char *dst, unsigned long dstCap) {
    z_stream s = {0};
    if (inflateInit2(&s, -MAX_WBITS) != Z_OK) return -1;
    s.next_in = (Bytef *)src;
    s.avail_in = (uInt)srcLen;
    s.next_out = dst;
    s.avail_out = (uInt)dstCap;
    int r = inflate(&s, Z_FINISH);
    long n = (long)s.total_out;
    int full = s.avail_out == 0;
    inflateEnd(&s);
    if (r == Z_STREAM_END) return n;
    return full ? -2 : -1;
}

// Deflates `src` as a raw stream into `dst` (capacity at least compressBound(srcLen)); the bytes written or -1.
static inline long bidbench_deflate_raw(const unsigned char *src, unsigned long srcLen, unsigned char *dst, unsigned long dstCap) {
    z_stream s = {0};
    if (deflateInit2(&s, Z_DEFAULT_COMPRESSION, Z_DEFLATED, -MAX_WBITS, 8, Z_DEFAULT_STRATEGY) != Z_OK) return -1;
    s.next_in = (Bytef *)src;
    s.avail_in = (uInt)srcLen;
    s.next_out = dst;
    s.avail_out = (uInt)dstCap;
    int r = deflate(&s, Z_FINISH);
    long n = (long)s.total_out;
    deflateEnd(&s);
    return r == Z_STREAM_END ? n : -1;
}

static inline unsigned long bidbench_crc32(const unsigned char *buf, unsigned long len) {
    return crc32(0L, buf, (uInt)len);
}
