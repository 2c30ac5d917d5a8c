/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Exception probes for modes: each probe runs a function that must raise
 * exactly one exception, which the mode's trap hook records with
 * probe_record() (and steps over). probes_run() runs a table of them and
 * prints "<mode>: <probe> scause=<n> ok" or "<mode>: FAIL <probe>: ...",
 * then "<mode>: ok" if all passed.
 */
#ifndef BAREMETAL_PROBE_H
#define BAREMETAL_PROBE_H

#include <stdbool.h>

struct probe {
    const char *name;
    void (*run)(void);
    unsigned long cause;         /* the scause expected */
    unsigned long (*tval)(void); /* the stval expected; NULL: any */
    bool paged;                  /* run with the guest's own Sv39 table */
    /* A cause that says the hart cannot build the probe's situation (and
     * why, printed instead of the result); 0: none. */
    unsigned long unbuildable_cause;
    const char *unbuildable_why;
};

/* True while a probe runs: the trap hook records only then. */
extern volatile bool probing;

/* From the trap hook: count the exception, keep its scause and stval. */
void probe_record(unsigned long scause);

bool probes_run(const char *mode, const struct probe *probes, unsigned int n);

#endif
