/* SPDX-License-Identifier: Apache-2.0 */
#include "probe.h"

#include "console.h"
#include "riscv.h"
#include "sv39.h"

volatile bool probing;
static volatile unsigned int traps;
static volatile unsigned long trap_cause;
static volatile unsigned long trap_tval;

void probe_record(unsigned long scause)
{
    trap_cause = scause;
    trap_tval = csr_read(stval);
    traps++;
}

static bool run_probe(const char *mode, const struct probe *p)
{
    traps = 0;
    if (p->paged)
        sv39_on();
    probing = true;
    p->run();
    probing = false;
    if (p->paged)
        sv39_off();
    if (traps == 1 && p->unbuildable_cause &&
        trap_cause == p->unbuildable_cause) {
        console_printf("%s: %s not buildable: %s\n", mode, p->name,
                       p->unbuildable_why);
        return true;
    }
    if (traps != 1 || trap_cause != p->cause ||
        (p->tval && trap_tval != p->tval())) {
        console_printf("%s: FAIL %s: %u traps, scause=%lu stval=0x%lx\n", mode,
                       p->name, traps, trap_cause, trap_tval);
        return false;
    }
    console_printf("%s: %s scause=%lu ok\n", mode, p->name, trap_cause);
    return true;
}

bool probes_run(const char *mode, const struct probe *probes, unsigned int n)
{
    unsigned int passed = 0;

    for (unsigned int i = 0; i < n; i++)
        passed += run_probe(mode, &probes[i]);
    if (passed == n)
        console_printf("%s: ok\n", mode);
    return passed == n;
}
