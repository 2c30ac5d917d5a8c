/* SPDX-License-Identifier: Apache-2.0 */
#include "smp.h"

#include "config.h"
#include "console.h"
#include "mode.h"
#include "riscv.h"
#include "sbi.h"

extern char secondary_entry[]; /* start.S */
/* Called by secondary_entry (start.S) on the harts started here. */
void secondary_main(unsigned long hartid, unsigned long opaque);

unsigned long boot_hart;
unsigned int nharts;

/* What the harts smp_start_secondaries() starts run; published to them by
 * the release store in sbi_hart_start(). */
static void (*secondary_fn)(unsigned long hartid);

static volatile unsigned long running_mask;
/* Set once the boot hart has finished starting harts, so running_mask is
 * final; barriers must not complete before that. */
static volatile bool start_done;

unsigned int smp_count_harts(void)
{
    unsigned int n = 0;

    /*
     * Hart ids are assumed dense: HSM reports SBI_ERR_INVALID_PARAM past the
     * last one. Any other error also ends the scan (e.g. no HSM at all).
     */
    while (n < MAX_HARTS) {
        struct sbiret r = sbi_hart_get_status(n);
        if (r.error != SBI_SUCCESS)
            break;
        n++;
    }
    return n;
}

unsigned int smp_start_secondaries(void (*fn)(unsigned long hartid))
{
    unsigned int started = 0;

    secondary_fn = fn;
    running_mask = 1UL << boot_hart;
    for (unsigned long h = 0; h < nharts; h++) {
        if (h == boot_hart)
            continue;
        struct sbiret r = sbi_hart_get_status(h);
        if (r.error != SBI_SUCCESS || r.value != SBI_HSM_STATE_STOPPED) {
            console_printf("baremetal: hart %lu not stopped (error %ld "
                           "status %ld), skipped\n",
                           h, r.error, r.value);
            continue;
        }
        /* Mark it running first: it may reach a barrier before we return. */
        __atomic_fetch_or(&running_mask, 1UL << h, __ATOMIC_SEQ_CST);
        r = sbi_hart_start(h, (unsigned long)secondary_entry, SMP_OPAQUE(h));
        if (r.error != SBI_SUCCESS) {
            __atomic_fetch_and(&running_mask, ~(1UL << h), __ATOMIC_SEQ_CST);
            console_printf("baremetal: hart_start(%lu) failed (%ld)\n", h,
                           r.error);
            continue;
        }
        started++;
    }
    __atomic_store_n(&start_done, true, __ATOMIC_RELEASE);
    return started;
}

void secondary_main(unsigned long hartid, unsigned long opaque)
{
    if (opaque != SMP_OPAQUE(hartid))
        console_printf("baremetal: hart %lu bad opaque 0x%lx\n", hartid,
                       opaque);
    secondary_fn(hartid);
}

unsigned long smp_running_mask(void)
{
    return running_mask;
}

unsigned int smp_running_count(void)
{
    unsigned long m = running_mask;
    unsigned int n = 0;

    /* Open-coded: __builtin_popcountl would need libgcc without Zbb. */
    for (; m; m &= m - 1)
        n++;
    return n;
}

void smp_barrier(volatile unsigned int *arrived)
{
    __atomic_fetch_add(arrived, 1, __ATOMIC_ACQ_REL);
    while (!__atomic_load_n(&start_done, __ATOMIC_ACQUIRE) ||
           __atomic_load_n(arrived, __ATOMIC_ACQUIRE) < smp_running_count())
        cpu_relax();
}

bool smp_wait_stopped(unsigned long hartid, long *last_status)
{
    uint64_t deadline = rdtime() + TIMEBASE_HZ; /* 1 s */
    do {
        struct sbiret r = sbi_hart_get_status(hartid);
        *last_status = r.error != SBI_SUCCESS ? r.error : r.value;
        if (r.error == SBI_SUCCESS && r.value == SBI_HSM_STATE_STOPPED)
            return true;
    } while (rdtime() < deadline);
    return false;
}

long smp_start_mode_hart(mode_hart_fn fn)
{
    for (unsigned long h = 0; h < smp_count_harts(); h++) {
        if (h != boot_hart &&
            sbi_hart_start(h, (unsigned long)mode_hart_entry, (unsigned long)fn)
                    .error == SBI_SUCCESS)
            return (long)h;
    }
    return -1;
}
