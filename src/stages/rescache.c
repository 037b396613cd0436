/* rescache.c - the compiled resource cache (see rescache.h).
 *
 * File: 8-byte magic, then 64-bit little-endian format version, key,
 * payload length and payload hash, then the payload: blob sections
 * (base/blob.h) of the gazetteer, a model flag and the event model.
 * After a write the directory is pruned to the KEEP most recently used
 * files (a hit touches its file's mtime). */
#include "config.h"
#include "stages/rescache.h"
#include "stages/entity/gazetteer.h"
#include "stages/event/event_internal.h"
#include "base/blob.h"
#include "base/util.h"

#include <dirent.h>
#include <dlfcn.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#define MAGIC "ELRCACHE"
enum { FORMAT = 1, HEADER = 40 };
/* Pruning: the most recently used files kept (the current one among them),
 * and the age after which a left-over temporary file is removed. */
enum { KEEP = 3, STALE_TMP_SECONDS = 3600 };

struct el_rescache {
    char *dir;        /* the gazetteer directory */
    char *cache_dir;  /* where the file goes */
    char *path;       /* the file for this key */
    uint64_t key;
};

/* Hash the content of a file (mapped), or a marker when it is absent. */
static uint64_t hash_file(uint64_t h, const char *path)
{
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    struct stat st;
    if (fd < 0 || fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
        if (fd >= 0)
            close(fd);
        return el_blob_hash(h, "\0absent", 7);
    }
    size_t len = (size_t)st.st_size;
    void *p = len ? mmap(NULL, len, PROT_READ, MAP_PRIVATE, fd, 0) : NULL;
    close(fd);
    h = el_blob_hash(h, &len, sizeof len);
    if (p == MAP_FAILED)
        return el_blob_hash(h, "\0unreadable", 11);
    h = el_blob_hash(h, p, len);
    if (p)
        munmap(p, len);
    return h;
}

/* Hash the name and content of every *.tsv of DIR/sub in the order the
 * gazetteer loads them (sorted by name). */
static uint64_t hash_tsv_dir(uint64_t h, const char *dir, const char *sub)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/%s", dir, sub);
    size_t n;
    char **names = el_list_tsv_sorted(path, &n);
    if (!names)
        return el_blob_hash(h, "\0nodir", 6);
    for (size_t i = 0; i < n; i++) {
        h = el_blob_hash(h, names[i], strlen(names[i]) + 1);
        snprintf(path, sizeof path, "%s/%s/%s", dir, sub, names[i]);
        h = hash_file(h, path);
        free(names[i]);
    }
    free(names);
    return h;
}

/* The file holding this code: a shared library, else the program. */
static const char *code_file(void)
{
    Dl_info info;
    if (dladdr((void *)(uintptr_t)el_rescache_open, &info) && info.dli_fname
        && strstr(info.dli_fname, ".so"))
        return info.dli_fname;
    return "/proc/self/exe";
}

static uint64_t cache_key(const char *dir)
{
    uint64_t h = el_blob_hash(0x656c7263ull, MAGIC, 8);
    h = el_blob_hash(h, &(uint64_t){FORMAT}, 8);
    h = hash_file(h, code_file());
    char path[4096];
    snprintf(path, sizeof path, "%s/abbreviations.tsv", dir);
    h = hash_file(h, path);
    h = hash_tsv_dir(h, dir, "entities");
    h = hash_tsv_dir(h, dir, "entities/cues");
    snprintf(path, sizeof path, "%s/events/event-model.tsv", dir);
    return hash_file(h, path);
}

/* $EVENTLINE_CACHE, $XDG_CACHE_HOME/eventline, $HOME/.cache/eventline, or
 * NULL (off, or nowhere). */
static char *cache_dir(void)
{
    const char *env = getenv("EVENTLINE_CACHE");
    if (env && *env)
        return strcmp(env, "off") == 0 ? NULL : el_strdup(env);
    const char *xdg = getenv("XDG_CACHE_HOME");
    if (xdg && *xdg == '/')
        return el_strdupf("%s/eventline", xdg);
    const char *home = getenv("HOME");
    if (home && *home == '/')
        return el_strdupf("%s/.cache/eventline", home);
    return NULL;
}

el_rescache *el_rescache_open(const char *dir)
{
    char *cdir = cache_dir();
    if (!cdir)
        return NULL;
    el_rescache *c = el_calloc(1, sizeof *c);
    c->dir = el_strdup(dir);
    c->cache_dir = cdir;
    c->key = cache_key(dir);
    c->path = el_strdupf("%s/resources-%016llx.elc", cdir, (unsigned long long)c->key);
    return c;
}

void el_rescache_close(el_rescache *c)
{
    if (!c)
        return;
    free(c->dir);
    free(c->cache_dir);
    free(c->path);
    free(c);
}

static uint64_t le64(const unsigned char *p)
{
    uint64_t v = 0;
    for (int i = 7; i >= 0; i--)
        v = v << 8 | p[i];
    return v;
}

/* The header's complaint about a file of len bytes, or NULL if it is ours. */
static const char *check_header(const el_rescache *c, const unsigned char *p, size_t len)
{
    if (len < HEADER || memcmp(p, MAGIC, 8) != 0)
        return "not a resource cache file";
    if (le64(p + 8) != FORMAT)
        return "another format version";
    if (le64(p + 16) != c->key)
        return "another key";
    if (le64(p + 24) != len - HEADER)
        return "truncated";
    if (le64(p + 32) != el_blob_hash(FORMAT, p + HEADER, len - HEADER))
        return "checksum mismatch";
    return NULL;
}

/* Restore the tables from a good file's payload. */
static const char *restore(const el_rescache *c, el_blob_r *r, el_gazetteer **gz,
                           el_event_model **model)
{
    *gz = el_gazetteer_restore(c->dir, r);
    if (!*gz)
        return "bad gazetteer tables";
    *model = NULL;
    if (el_blob_get_u64(r) && !(*model = el_event_model_restore(r))) {
        el_gazetteer_free(*gz);
        *gz = NULL;
        return "bad event model tables";
    }
    return NULL;
}

bool el_rescache_take(el_rescache *c, el_gazetteer **gz, el_event_model **model)
{
    *gz = NULL;
    *model = NULL;
    int fd = open(c->path, O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return false;   /* a miss */
    struct stat st;
    const char *why = NULL;
    void *p = MAP_FAILED;
    if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode))
        why = "not a regular file";
    else if ((size_t)st.st_size < HEADER)
        why = "truncated";
    else if ((p = mmap(NULL, (size_t)st.st_size, PROT_READ, MAP_PRIVATE, fd, 0)) == MAP_FAILED)
        why = strerror(errno);
    close(fd);
    if (!why)
        why = check_header(c, p, (size_t)st.st_size);
    if (!why) {
        el_blob_r r = {(const unsigned char *)p + HEADER, (size_t)st.st_size - HEADER, 0, false};
        why = restore(c, &r, gz, model);
    }
    if (p != MAP_FAILED)
        munmap(p, (size_t)st.st_size);
    if (why)
        fprintf(stderr, "eventline: %s: warning: bad resource cache (%s); loading the text "
                "gazetteers\n", c->path, why);
    else
        utimensat(AT_FDCWD, c->path, NULL, 0);   /* used now: for the pruning's order */
    return !why;
}

/* mkdir -p of the cache directory (its parent at most one level up). */
static bool make_dir(const char *dir)
{
    if (mkdir(dir, 0777) == 0 || errno == EEXIST)
        return true;
    char *parent = el_strdup(dir), *slash = strrchr(parent, '/');
    bool ok = false;
    if (slash && slash != parent) {
        *slash = '\0';
        ok = (mkdir(parent, 0777) == 0 || errno == EEXIST)
             && (mkdir(dir, 0777) == 0 || errno == EEXIST);
    }
    free(parent);
    return ok;
}

static bool write_all(int fd, const char *p, size_t n)
{
    while (n) {
        ssize_t k = write(fd, p, n);
        if (k < 0 && errno == EINTR)
            continue;
        if (k <= 0)
            return false;
        p += k;
        n -= (size_t)k;
    }
    return true;
}

static void put_le64(char *out, uint64_t v)
{
    for (int i = 0; i < 8; i++)
        out[i] = (char)(v >> (8 * i));
}

/* The cache's own file names: resources-<16 hex>.elc, and the temporary
 * files of a write, resources-<16 hex>.elc.<pid>.tmp. */
static bool is_entry(const char *name)
{
    if (strncmp(name, "resources-", 10) != 0 || strspn(name + 10, "0123456789abcdef") != 16)
        return false;
    return strcmp(name + 26, ".elc") == 0;
}

static bool is_tmp(const char *name)
{
    if (strncmp(name, "resources-", 10) != 0 || strspn(name + 10, "0123456789abcdef") != 16
        || strncmp(name + 26, ".elc.", 5) != 0)
        return false;
    size_t digits = strspn(name + 31, "0123456789");
    return digits > 0 && strcmp(name + 31 + digits, ".tmp") == 0;
}

typedef struct {
    char *name;
    struct timespec used;   /* mtime: written or last hit */
} entry;

/* Newest first; equal times by name, so the order is total. */
static int cmp_entry(const void *a, const void *b)
{
    const entry *x = a, *y = b;
    if (x->used.tv_sec != y->used.tv_sec)
        return x->used.tv_sec < y->used.tv_sec ? 1 : -1;
    if (x->used.tv_nsec != y->used.tv_nsec)
        return x->used.tv_nsec < y->used.tv_nsec ? 1 : -1;
    return strcmp(x->name, y->name);
}

/* Remove every cache file but the KEEP most recently used (the current file
 * is always kept), and temporary files older than STALE_TMP_SECONDS (a write
 * that died).  Other files in the directory are never touched.  Each program
 * or gazetteer edit is a new key and a new 24 MB file, so without this the
 * directory only grows. */
static void prune(const el_rescache *c)
{
    DIR *d = opendir(c->cache_dir);
    if (!d)
        return;
    entry *v = NULL;
    size_t n = 0, cap = 0;
    const char *self = strrchr(c->path, '/') + 1;
    struct timespec now;
    clock_gettime(CLOCK_REALTIME, &now);
    struct dirent *de;
    while ((de = readdir(d))) {
        bool tmp = is_tmp(de->d_name);
        struct stat st;
        if ((!tmp && !is_entry(de->d_name)) || strcmp(de->d_name, self) == 0
            || fstatat(dirfd(d), de->d_name, &st, AT_SYMLINK_NOFOLLOW) != 0 || !S_ISREG(st.st_mode))
            continue;
        if (tmp) {
            if (now.tv_sec - st.st_mtim.tv_sec > STALE_TMP_SECONDS)
                unlinkat(dirfd(d), de->d_name, 0);
            continue;
        }
        if (n == cap)
            v = el_realloc(v, (cap = cap ? 2 * cap : 8) * sizeof *v);
        v[n++] = (entry){el_strdup(de->d_name), st.st_mtim};
    }
    if (n)   /* qsort must not be given a null array, even of length 0 */
        qsort(v, n, sizeof *v, cmp_entry);
    for (size_t i = 0; i < n; i++) {
        if (i + 1 >= KEEP)   /* the current file takes one of the KEEP places */
            unlinkat(dirfd(d), v[i].name, 0);
        free(v[i].name);
    }
    free(v);
    closedir(d);
}

void el_rescache_store(el_rescache *c, const el_gazetteer *gz, const el_trigger_lexicon *triggers)
{
    const el_event_model *model = triggers->model;
    el_buf w = EL_BUF_INIT;
    el_buf_put(&w, MAGIC, 8);
    el_buf_put(&w, (char[32]){0}, 32);   /* the header's numbers, below */
    el_gazetteer_save(gz, &w);
    el_blob_put_u64(&w, model != NULL);
    if (model)
        el_event_model_save(model, &w);
    put_le64(w.data + 8, FORMAT);
    put_le64(w.data + 16, c->key);
    put_le64(w.data + 24, w.len - HEADER);
    put_le64(w.data + 32, el_blob_hash(FORMAT, w.data + HEADER, w.len - HEADER));
    char *tmp = el_strdupf("%s.%ld.tmp", c->path, (long)getpid());
    int fd = make_dir(c->cache_dir) ? open(tmp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0666) : -1;
    if (fd >= 0) {
        bool ok = write_all(fd, w.data, w.len);
        ok = close(fd) == 0 && ok;
        if (!ok || rename(tmp, c->path) != 0)
            unlink(tmp);
        else
            prune(c);
    }
    free(tmp);
    el_buf_free(&w);
}
