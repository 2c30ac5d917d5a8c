/* SPDX-License-Identifier: Apache-2.0 */
/* The .dtb fixtures of tests/unit/data, compiled by unit.mk. */
#ifndef TESTS_UNIT_DTB_FIXTURE_H
#define TESTS_UNIT_DTB_FIXTURE_H

#include <stddef.h>

/*
 * `name` from directory `dir` in a heap buffer of its exact size (ASan
 * sees overruns); *size, if not NULL, is its size. Fails the test when it
 * cannot be read.
 */
void *dtb_fixture(const char *dir, const char *name, size_t *size);
/*
 * The fixtures' directory for a test's main(): its argument, else
 * FDT_TEST_DATA_DIR; NULL (the usage said on stderr) when neither is given.
 */
const char *dtb_fixture_dir(int argc, char **argv);

#endif
