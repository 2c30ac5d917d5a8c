/* SPDX-License-Identifier: Apache-2.0 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>

#include "dtb_fixture.h"

void *dtb_fixture(const char *dir, const char *name, size_t *size)
{
    char path[4096];
    void *data;
    long n;
    FILE *f;

    snprintf(path, sizeof(path), "%s/%s", dir, name);
    f = fopen(path, "rb");
    assert_non_null(f);
    assert_int_equal(fseek(f, 0, SEEK_END), 0);
    n = ftell(f);
    assert_true(n > 0);
    assert_int_equal(fseek(f, 0, SEEK_SET), 0);
    data = malloc((size_t)n);
    assert_non_null(data);
    assert_int_equal(fread(data, 1, (size_t)n, f), (size_t)n);
    fclose(f);
    if (size)
        *size = (size_t)n;
    return data;
}

const char *dtb_fixture_dir(int argc, char **argv)
{
    const char *dir = argc > 1 ? argv[1] : getenv("FDT_TEST_DATA_DIR");

    if (!dir)
        fprintf(stderr, "usage: %s <directory of .dtb fixtures>\n", argv[0]);
    return dir;
}
