/*
 * fl_file.c - cache-folder creation and atomic file replacement (see
 * fl_file.h).
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "fl_file.h"

bool fl_make_dirs(const char *dir)
{
	char *p = fl_strdup(dir);
	size_t i;
	bool ok = true;
	struct stat sb;

	if (p == NULL)
		return false;
	for (i = 1; p[i] != '\0' && ok; i++) {
		if (p[i] != '/')
			continue;
		p[i] = '\0';
		if (mkdir(p, 0755) != 0 && errno != EEXIST)
			ok = false;
		p[i] = '/';
	}
	if (ok && mkdir(p, 0755) != 0 && errno != EEXIST)
		ok = false;
	ok = ok && stat(p, &sb) == 0 && S_ISDIR(sb.st_mode);
	free(p);
	return ok;
}

static int write_all(int fd, const void *data, size_t len)
{
	const char *p = data;
	while (len > 0) {
		ssize_t w = write(fd, p, len);
		if (w < 0) {
			if (errno == EINTR)
				continue;
			return -1;
		}
		p += w;
		len -= (size_t)w;
	}
	return 0;
}

int fl_write_file_atomic(const char *path, const void *data, size_t len, fulint_error *err)
{
	size_t plen = strlen(path);
	char *tmp = fl_malloc(plen + 8);
	int fd, rc = 0;

	if (tmp == NULL)
		return fl_error_set(err, FULINT_ERR_NOMEM, path, 0, 0, "out of memory");
	memcpy(tmp, path, plen);
	memcpy(tmp + plen, ".XXXXXX", 8);
	fd = mkstemp(tmp);
	if (fd < 0) {
		rc = fl_error_set(err, FULINT_ERR_IO, path, 0, 0, "cannot create %s: %s", tmp, strerror(errno));
		free(tmp);
		return rc;
	}
	if (write_all(fd, data, len) != 0 || fsync(fd) != 0)
		rc = fl_error_set(err, FULINT_ERR_IO, path, 0, 0, "cannot write %s: %s", tmp, strerror(errno));
	if (close(fd) != 0 && rc == 0)
		rc = fl_error_set(err, FULINT_ERR_IO, path, 0, 0, "cannot write %s: %s", tmp, strerror(errno));
	if (rc == 0 && rename(tmp, path) != 0)
		rc = fl_error_set(err, FULINT_ERR_IO, path, 0, 0, "cannot rename %s: %s", tmp, strerror(errno));
	if (rc != 0)
		unlink(tmp);
	free(tmp);
	return rc;
}
