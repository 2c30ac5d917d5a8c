/* SPDX-License-Identifier: Apache-2.0 */
#include "checks.h"

#include "console.h"
#include "sbi.h"
#include "smp.h"

#include <lib/util.h>

extern char secondary_entry[]; /* start.S */

/* An EID that no SBI implementation is expected to define. */
#define EID_UNKNOWN 0x0ABCDEF0

struct check {
    const char *name;
    long expect;
    long (*run)(void); /* returns the value compared against expect */
};

/* Absent extensions probe as value 0 with SBI_SUCCESS (probe_extension). */
static long probe_unknown(void)
{
    struct sbiret r = sbi_probe_extension(EID_UNKNOWN);
    return r.error != SBI_SUCCESS ? r.error : r.value;
}

/* nharts is one past the last hart id, so it must be rejected. */
static long status_invalid(void)
{
    return sbi_hart_get_status(nharts).error;
}

/* Starting a hart that is already running must be refused (HSM hart_start). */
static long start_running(void)
{
    return sbi_hart_start(boot_hart, (unsigned long)secondary_entry,
                          SMP_OPAQUE(boot_hart))
        .error;
}

/* Calls into an unimplemented extension return NOT_SUPPORTED (spec ch. 3). */
static long unknown_ext_call(void)
{
    return sbi_ecall(EID_UNKNOWN, 0, 0, 0, 0).error;
}

/*
 * The legacy console (SBI spec 5.2) still works: a whole line through
 * console_putchar, which must show on the console; its last error.
 */
static long legacy_putchar(void)
{
    long error = 0;

    for (const char *c = "check: legacy console line\n"; *c; c++)
        error = sbi_legacy_console_putchar(*c);
    return error;
}

static const struct check checks[] = {
    {"probe-unknown", 0, probe_unknown},
    {"status-invalid", SBI_ERR_INVALID_PARAM, status_invalid},
    {"start-running", SBI_ERR_ALREADY_AVAILABLE, start_running},
    {"unknown-ext-call", SBI_ERR_NOT_SUPPORTED, unknown_ext_call},
    {"legacy-putchar", 0, legacy_putchar},
};

void checks_run(void)
{
    unsigned int passed = 0;

    for (unsigned int i = 0; i < ARRAY_SIZE(checks); i++) {
        long got = checks[i].run();
        if (got == checks[i].expect) {
            console_printf("check: %s ok\n", checks[i].name);
            passed++;
        } else {
            console_printf("check: %s FAIL (got %ld)\n", checks[i].name, got);
        }
    }
    console_printf("baremetal: checks %u/%u passed\n", passed,
                   (unsigned int)ARRAY_SIZE(checks));
}
