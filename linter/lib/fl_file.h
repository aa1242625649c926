/*
 * fl_file.h - the file-system chores the caches share: making the cache
 * folder and replacing a file atomically.
 *
 * What it is not: a cache.  fl_spellcache and fl_blobcache own their
 * formats and decide what to trust; this module only writes bytes so that
 * a reader sees the old file or the new one, never half of one.
 */
#ifndef FL_FILE_H
#define FL_FILE_H

#include "fl_base.h"

/* mkdir -p `dir` (mode 0755); false when it cannot be made or is not a folder. */
bool fl_make_dirs(const char *dir);

/*
 * Write data[0..len) to `path` atomically: a temporary file beside it
 * (mkstemp, mode 0600), fsync, rename over `path`.  On failure nothing at
 * `path` changes, the temporary file is removed, and FULINT_ERR_IO (or
 * FULINT_ERR_NOMEM) is returned with a message in `err`.
 */
int fl_write_file_atomic(const char *path, const void *data, size_t len, fulint_error *err);

#endif /* FL_FILE_H */
