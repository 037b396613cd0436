/* rescache.h - the compiled resource cache: the entity gazetteer and the
 * event model (most of the start-up: parsing ~8 MB of text into tries and
 * weight tables) written once as one flat file and read back with one
 * mmap and a copy per table.
 *
 * The text files under gazetteers/ stay the source.  The cache file is
 * named after a 64-bit key hashed from the format version, the program's
 * own code (the file holding it: a rebuilt program never reads an older
 * program's tables) and the name and content of every source file it
 * covers (abbreviations.tsv, entities/ and entities/cues/ *.tsv,
 * events/event-model.tsv), so a changed file is a miss, never a stale hit.
 * A hit restores tables equal to the text-loaded ones (tests/rescache.sh
 * compares outputs on the news set and the file written from each).
 *
 * Where: $EVENTLINE_CACHE if set (a directory; "off" turns the cache off),
 * else $XDG_CACHE_HOME/eventline, else $HOME/.cache/eventline.  A file that
 * is there but bad (truncated, wrong header, checksum) gets a one-line
 * warning and the text is loaded (and the file rewritten); a directory that
 * cannot be written is silently left alone.
 *
 * Pruning: a hit sets its file's mtime to now; a write then removes every
 * other resources-KEY.elc in the directory but the two most recently used
 * (three files, ~24 MB each, at most: two programs or gazetteer versions
 * used in turn both stay hits), and temporary files of a write older than
 * an hour.  No other file in the directory is touched. */
#ifndef EL_RESCACHE_H
#define EL_RESCACHE_H

#include <stdbool.h>

typedef struct el_rescache el_rescache;
typedef struct el_gazetteer el_gazetteer;
struct el_event_model;

/* The cache of gazetteer directory DIR, or NULL when it is turned off or
 * has no place. */
el_rescache *el_rescache_open(const char *dir);
/* The tables from the cache file if it is there and good: true and
 * *gz (the gazetteer without extra files) and *model (NULL: no model
 * file) set; false otherwise (a bad file is reported on stderr). */
bool el_rescache_take(el_rescache *c, el_gazetteer **gz, struct el_event_model **model);
/* Write the cache file from tables loaded from text (best effort: written
 * to a temporary name and renamed, so readers see a whole file or none),
 * then prune the directory (above). */
typedef struct el_trigger_lexicon el_trigger_lexicon;
void el_rescache_store(el_rescache *c, const el_gazetteer *gz, const el_trigger_lexicon *triggers);
void el_rescache_close(el_rescache *c);

#endif
