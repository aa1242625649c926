/*
 * cli_input.c - reading drafts for fulint(1): regular files, FIFOs and
 * stdin, with a size cap, and one-line errors naming what failed.
 *
 * Never writes to the files it reads.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli.h"

/*
 * Read all of `fd` into a new buffer (NUL-terminated for convenience).
 * Fails with a message in `why` when the input is larger than `cap`.
 */
static int read_fd(int fd, size_t cap, char **out, size_t *len, char *why, size_t why_size)
{
	size_t size = 0, alloc = 65536;
	char *buf = malloc(alloc + 1);
	*out = NULL;
	*len = 0;
	if (buf == NULL) {
		snprintf(why, why_size, "out of memory");
		return -1;
	}
	for (;;) {
		ssize_t n;
		if (size == alloc) {
			char *nb;
			if (alloc > cap) {
				free(buf);
				snprintf(why, why_size, "larger than %zu MiB; fulint reads drafts, not archives", cap >> 20);
				return -1;
			}
			alloc *= 2;
			nb = realloc(buf, alloc + 1);
			if (nb == NULL) {
				free(buf);
				snprintf(why, why_size, "out of memory");
				return -1;
			}
			buf = nb;
		}
		n = read(fd, buf + size, alloc - size);
		if (n < 0) {
			if (errno == EINTR)
				continue;
			snprintf(why, why_size, "%s", strerror(errno));
			free(buf);
			return -1;
		}
		if (n == 0)
			break;
		size += (size_t)n;
	}
	if (size > cap) {
		free(buf);
		snprintf(why, why_size, "larger than %zu MiB; fulint reads drafts, not archives", cap >> 20);
		return -1;
	}
	buf[size] = '\0';
	*out = buf;
	*len = size;
	return 0;
}

int cli_read_input(const char *path, char **out, size_t *len, char *why, size_t why_size)
{
	struct stat st;
	int fd, rc;
	if (strcmp(path, "-") == 0)
		return read_fd(STDIN_FILENO, CLI_MAX_INPUT, out, len, why, why_size);
	fd = open(path, O_RDONLY | O_CLOEXEC | O_NOCTTY);
	if (fd < 0) {
		snprintf(why, why_size, "%s", strerror(errno));
		return -1;
	}
	if (fstat(fd, &st) != 0) {
		snprintf(why, why_size, "%s", strerror(errno));
		close(fd);
		return -1;
	}
	if (S_ISDIR(st.st_mode)) {
		snprintf(why, why_size, "is a directory; give the draft files inside it");
		close(fd);
		return -1;
	}
	if (S_ISREG(st.st_mode) && (unsigned long long)st.st_size > CLI_MAX_INPUT) {
		snprintf(why, why_size, "larger than %zu MiB; fulint reads drafts, not archives",
		         (size_t)CLI_MAX_INPUT >> 20);
		close(fd);
		return -1;
	}
	rc = read_fd(fd, CLI_MAX_INPUT, out, len, why, why_size);
	close(fd);
	return rc;
}
