/* SPDX-License-Identifier: Apache-2.0 */
/* Rate limit of bad-access reports (src/core/fault_log.c). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <core/fault_log.h>

#define WINDOW 1000

static unsigned admit_many(struct fault_log *log, uint64_t now, unsigned n,
                           unsigned *dropped_sum)
{
    unsigned admitted = 0, dropped;

    for (unsigned i = 0; i < n; i++) {
        admitted += fault_log_admit(log, now, WINDOW, &dropped);
        *dropped_sum += dropped;
    }
    return admitted;
}

static void test_burst_then_silence_within_a_window(void **state)
{
    struct fault_log log = {0};
    unsigned dropped = 0;

    (void)state;
    assert_int_equal(admit_many(&log, 5, FAULT_LOG_BURST, &dropped),
                     FAULT_LOG_BURST);
    assert_int_equal(admit_many(&log, 5 + WINDOW - 1, 100, &dropped), 0);
    assert_int_equal(dropped, 0); /* nothing said yet: the window goes on */
    assert_int_equal(log.suppressed, 100);
}

static void test_next_window_reports_again_and_counts_the_dropped(void **state)
{
    struct fault_log log = {0};
    unsigned dropped = 0, d;

    (void)state;
    admit_many(&log, 0, FAULT_LOG_BURST + 7, &dropped);
    assert_true(fault_log_admit(&log, WINDOW, WINDOW, &d));
    assert_int_equal(d, 7);
    /* The new window has its own burst, minus the one just admitted. */
    dropped = 0;
    assert_int_equal(admit_many(&log, WINDOW + 1, FAULT_LOG_BURST, &dropped),
                     FAULT_LOG_BURST - 1);
    assert_int_equal(dropped, 0);
}

static void test_quiet_guest_is_never_limited(void **state)
{
    struct fault_log log = {0};
    unsigned d;

    (void)state;
    /* One fault per window, forever: each one reported, nothing dropped. */
    for (uint64_t t = 0; t < 100 * WINDOW; t += WINDOW) {
        assert_true(fault_log_admit(&log, t, WINDOW, &d));
        assert_int_equal(d, 0);
    }
}

static void test_timebase_wrap_opens_a_new_window(void **state)
{
    struct fault_log log = {0};
    unsigned dropped = 0, d;

    (void)state;
    admit_many(&log, UINT64_MAX - 10, FAULT_LOG_BURST + 1, &dropped);
    assert_true(fault_log_admit(&log, WINDOW, WINDOW, &d));
    assert_int_equal(d, 1);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_burst_then_silence_within_a_window),
        cmocka_unit_test(test_next_window_reports_again_and_counts_the_dropped),
        cmocka_unit_test(test_quiet_guest_is_never_limited),
        cmocka_unit_test(test_timebase_wrap_opens_a_new_window),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
