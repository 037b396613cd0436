/* util.c - allocation, hashing and file helpers (see util.h). */
#include "base/util.h"

#include <ctype.h>
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <fcntl.h>
#include <poll.h>
#include <stdint.h>
#include <unistd.h>
#include <dirent.h>

static void out_of_memory(size_t n)
{
    fprintf(stderr, "eventline: out of memory (allocating %zu bytes)\n", n);
    exit(70);
}

void *el_malloc(size_t n)
{
    void *p = malloc(n ? n : 1);
    if (!p)
        out_of_memory(n);
    return p;
}

void *el_calloc(size_t count, size_t size)
{
    void *p = calloc(count ? count : 1, size ? size : 1);
    if (!p)
        out_of_memory(count * size);
    return p;
}

void *el_realloc(void *p, size_t n)
{
    void *q = realloc(p, n ? n : 1);
    if (!q)
        out_of_memory(n);
    return q;
}

char *el_strdup(const char *s)
{
    return s ? el_strndup(s, strlen(s)) : NULL;
}

char *el_strndup(const char *s, size_t n)
{
    char *p = el_malloc(n + 1);
    memcpy(p, s, n);
    p[n] = '\0';
    return p;
}

char *el_strdupf(const char *fmt, ...)
{
    char msg[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    return el_strdup(msg);
}

void *el_grow(void *p, size_t *cap, size_t need, size_t elsize)
{
    if (need <= *cap)
        return p;
    size_t ncap = *cap ? *cap : 8;
    while (ncap < need)
        ncap *= 2;
    if (ncap > SIZE_MAX / elsize)
        out_of_memory(SIZE_MAX);
    p = el_realloc(p, ncap * elsize);
    *cap = ncap;
    return p;
}

char *el_next_line(char **cursor, size_t *len)
{
    char *line = *cursor;
    if (!line || !*line)
        return NULL;
    char *nl = strchr(line, '\n');
    if (nl)
        *nl = '\0';
    *cursor = nl ? nl + 1 : NULL;
    size_t l = strlen(line);
    if (l && line[l - 1] == '\r')
        line[--l] = '\0';
    *len = l;
    return line;
}

/* A byte of a hashed string, folded to lower case if `lower` (a constant
 * in each caller, so the test costs nothing). */
static inline unsigned char hash_byte(char c, bool lower)
{
    unsigned char b = (unsigned char)c;
    return lower && b >= 'A' && b <= 'Z' ? (unsigned char)(b + 32) : b;
}

static inline uint32_t fnv1a32(const char *s, size_t n, bool lower)
{
    uint32_t h = 2166136261u;
    for (size_t i = 0; i < n; i++)
        h = (h ^ hash_byte(s[i], lower)) * 16777619u;
    return h;
}

static inline uint64_t fnv1a64(const char *s, size_t n, bool lower)
{
    uint64_t h = 0xcbf29ce484222325ull;
    for (size_t i = 0; i < n; i++)
        h = (h ^ hash_byte(s[i], lower)) * 0x100000001b3ull;
    return h;
}

uint32_t el_hash(const char *s, size_t n) { return fnv1a32(s, n, false); }
uint32_t el_hash_lower(const char *s, size_t n) { return fnv1a32(s, n, true); }
uint64_t el_hash64(const char *s, size_t n) { return fnv1a64(s, n, false); }
uint64_t el_hash64_lower(const char *s, size_t n) { return fnv1a64(s, n, true); }


const char el_err_too_large[] = "larger than the size limit";

/* How long a FIFO is given to get a writer. */
enum { FIFO_WAIT_MS = 10000 };

FILE *el_fopen_read(const char *path, const char **why)
{
    /* O_NONBLOCK: opening a FIFO without a writer returns at once instead of
     * waiting for one forever; then up to FIFO_WAIT_MS for data or a hang-up */
    int fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
    if (fd < 0) {
        *why = errno == ENOENT ? "no such file" : strerror(errno);
        return NULL;
    }
    struct stat st;
    if (fstat(fd, &st) == 0 && S_ISFIFO(st.st_mode)) {
        struct pollfd p = {fd, POLLIN, 0};
        if (poll(&p, 1, FIFO_WAIT_MS) <= 0) {
            close(fd);
            *why = "a FIFO that no writer opened (waited 10 s)";
            return NULL;
        }
    }
    int fl = fcntl(fd, F_GETFL);
    FILE *fp = fl >= 0 && fcntl(fd, F_SETFL, fl & ~O_NONBLOCK) == 0 ? fdopen(fd, "rb") : NULL;
    if (!fp) {
        *why = strerror(errno);
        close(fd);
    }
    return fp;
}

char *el_read_stream_max(FILE *fp, size_t max, size_t size_hint, size_t *len, const char **err)
{
    size_t cap = size_hint > 0 && size_hint <= max ? size_hint + 1 : 4096, n = 0;
    char *buf = el_malloc(cap);
    for (;;) {
        if (n + 1 >= cap) {
            cap *= 2;
            buf = el_realloc(buf, cap);
        }
        size_t want = cap - n - 1;
        if (want > max + 1 - n)
            want = max + 1 - n;   /* one byte past the limit tells "too large" */
        size_t got = fread(buf + n, 1, want, fp);
        n += got;
        if (n > max) {
            *err = el_err_too_large;
            free(buf);
            return NULL;
        }
        if (got == 0)
            break;
    }
    if (ferror(fp)) {
        *err = strerror(errno ? errno : EIO);
        free(buf);
        return NULL;
    }
    buf[n] = '\0';
    *len = n;
    return buf;
}

char *el_read_file_max(const char *path, size_t max, size_t *len, const char **err)
{
    struct stat st;
    FILE *fp = el_fopen_read(path, err);
    if (!fp)
        return NULL;
    if (fstat(fileno(fp), &st) == 0 && S_ISDIR(st.st_mode)) {
        fclose(fp);
        *err = "is a directory";
        return NULL;
    }
    if (S_ISREG(st.st_mode) && (uint64_t)st.st_size > max) {
        fclose(fp);
        *err = el_err_too_large;
        return NULL;
    }
    char *buf = el_read_stream_max(fp, max, st.st_size > 0 ? (size_t)st.st_size : 0, len, err);
    fclose(fp);
    return buf;
}

char *el_read_file(const char *path, size_t *len, const char **err)
{
    return el_read_file_max(path, EL_MAX_DATA_FILE, len, err);
}

char *el_read_data_file(const char *path, size_t *len, char **err)
{
    const char *why;
    char *data = el_read_file(path, len, &why);
    if (!data)
        *err = el_strdupf("%s: %s", path, why);
    return data;
}

size_t el_split_tabs(char *line, char **fields, size_t max)
{
    size_t n = 0;
    char *p = line;
    while (n < max) {
        fields[n++] = p;
        char *tab = strchr(p, '\t');
        if (!tab)
            break;
        *tab = '\0';
        p = tab + 1;
    }
    return n;
}

void el_csv_field(FILE *out, const char *s)
{
    bool formula = el_cell_is_formula(s);
    if (!strpbrk(s, ",\"\n\r")) {
        if (formula)
            fputc('\'', out);
        fputs(s, out);
        return;
    }
    fputc('"', out);
    if (formula)
        fputc('\'', out);
    for (; *s; s++) {
        if (*s == '"')
            fputc('"', out);
        fputc(*s, out);
    }
    fputc('"', out);
}

void el_fold_name(const char *s, char *out, size_t cap)
{
    size_t n = 0;
    bool space = false;
    for (const unsigned char *p = (const unsigned char *)s; *p && n + 2 < cap; p++) {
        if (isalnum(*p) || *p >= 0x80) {
            if (space && n)
                out[n++] = ' ';
            out[n++] = (char)tolower(*p);
            space = false;
        } else {
            space = true;
        }
    }
    out[n] = '\0';
    if (strncmp(out, "the ", 4) == 0)
        memmove(out, out + 4, strlen(out + 4) + 1);
}

/* el_strtof's exact case: at most 15 significant digits (the integer is
 * exact in a double) and at most 22 decimals (the power of ten too), so
 * mant / 10^k is the correctly rounded double of the decimal.  Rounding
 * that double to float gives strtof's float unless the double lies
 * exactly halfway between two floats (rounding twice could then differ):
 * that case, and every other form, goes to strtof. */
float el_strtof(const char *s, char **end)
{
    static const double pow10[] = {1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
                                   1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};
    const char *p = s;
    bool neg = *p == '-';
    if (*p == '-' || *p == '+')
        p++;
    uint64_t mant = 0;
    int sig = 0, frac = 0, ndig = 0;
    bool dot = false;
    for (;; p++) {
        if (*p >= '0' && *p <= '9') {
            if (mant || *p != '0')
                sig++;
            mant = mant * 10 + (uint64_t)(*p - '0');
            ndig++;
            frac += dot;
            if (sig > 15 || frac > 22)
                return strtof(s, end);
        } else if (*p == '.' && !dot) {
            dot = true;
        } else {
            break;
        }
    }
    /* no digit, or a form strtof reads further (exponent, hex, inf, nan) */
    if (!ndig || (*p | 0x20) == 'e' || (*p | 0x20) == 'x' || (*p | 0x20) == 'p'
        || (*p | 0x20) == 'i' || (*p | 0x20) == 'n')
        return strtof(s, end);
    double d = (double)mant / pow10[frac];
    if (neg)
        d = -d;
    /* halfway between two floats: the 29 mantissa bits a float drops are
     * 1000...0 (d is 0 or at least 1e-22, a normal float's range) */
    uint64_t bits;
    memcpy(&bits, &d, sizeof bits);
    if ((bits & 0x1FFFFFFFu) == 0x10000000u)
        return strtof(s, end);
    float f = (float)d;
    if (end)
        *end = (char *)(uintptr_t)p;
    return f;
}

static int cmp_cstr(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

char **el_list_tsv_sorted(const char *dir, size_t *n)
{
    char **names = NULL;
    size_t cap = 0;
    *n = 0;
    DIR *d = opendir(dir);
    if (!d)
        return NULL;
    for (struct dirent *de; (de = readdir(d));) {
        size_t len = strlen(de->d_name);
        if (len > 4 && strcmp(de->d_name + len - 4, ".tsv") == 0)
            EL_PUSH(names, *n, cap) = el_strdup(de->d_name);
    }
    closedir(d);
    if (!names)
        return el_calloc(1, sizeof *names);   /* opened, but no .tsv in it */
    if (*n > 1)
        qsort(names, *n, sizeof *names, cmp_cstr);
    return names;
}

int el_cmp_u64(const void *x, const void *y)
{
    uint64_t a = *(const uint64_t *)x, b = *(const uint64_t *)y;
    return a < b ? -1 : a > b;
}
