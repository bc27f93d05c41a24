/*
 * A WASI reactor built with Debian's clang + wasi-libc (scripts/build-c-samples.sh). Init reads
 * /data/words.txt through stdio (wasi-libc finds the preopen, opens, reads, closes) into a global
 * buffer; the exports answer from that buffer only, so the pre-initialized module needs no files.
 * `_initialize` (the reactor's constructor call) runs before `wizex.initialize`.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static char buffer[4096];
static size_t length;
static int lines;

__attribute__((export_name("wizex.initialize")))
void initialize(void) {
    FILE *f = fopen("/data/words.txt", "r");
    if (f == NULL) {
        abort(); /* init must fail loudly when the mapped file is missing */
    }
    length = fread(buffer, 1, sizeof buffer - 1, f);
    fclose(f);
    for (size_t i = 0; i < length; i++) {
        if (buffer[i] == '\n') {
            lines++;
        }
    }
}

/* FNV-1a over the bytes read during init. */
__attribute__((export_name("checksum")))
unsigned checksum(void) {
    unsigned h = 2166136261u;
    for (size_t i = 0; i < length; i++) {
        h = (h ^ (unsigned char)buffer[i]) * 16777619u;
    }
    return h;
}

__attribute__((export_name("line_count")))
int line_count(void) { return lines; }

__attribute__((export_name("byte_count")))
int byte_count(void) { return (int)length; }

/* The length of the longest line: derived from the buffer, not stored during init. */
__attribute__((export_name("longest_line")))
int longest_line(void) {
    int best = 0;
    int current = 0;
    for (size_t i = 0; i < length; i++) {
        if (buffer[i] == '\n') {
            current = 0;
        } else if (++current > best) {
            best = current;
        }
    }
    return best;
}
