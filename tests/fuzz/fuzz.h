/*
 * fuzz.h - what every fuzz target in tests/fuzz/ shares: the libFuzzer
 * entry point's prototype (so -Wmissing-prototypes is happy under gcc, where
 * the same target is linked with replay.c instead of libFuzzer) and an
 * invariant check that stops the run loudly.
 *
 * What it is not: part of the library.  Targets may use the library's
 * internal headers (they test the modules directly), but never change its
 * behaviour.
 */
#ifndef FULINT_FUZZ_H
#define FULINT_FUZZ_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

/* Run one input.  Returns 0 (libFuzzer reserves other values). */
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/*
 * Optional one-time set-up, run before the first input and outside the
 * per-input timeout (libFuzzer calls it when a target defines it; so does
 * replay.c).  Returns 0.
 */
int LLVMFuzzerInitialize(int *argc, char ***argv);

/*
 * A broken invariant is a bug like a crash: print where and abort, so that
 * both libFuzzer and the replay driver record it.
 */
#define FUZZ_CHECK(cond)                                                                  \
	do {                                                                              \
		if (!(cond)) {                                                            \
			fprintf(stderr, "%s:%d: invariant failed: %s\n", __FILE__, __LINE__, #cond); \
			abort();                                                          \
		}                                                                         \
	} while (0)

#endif /* FULINT_FUZZ_H */
