/* SPDX-License-Identifier: Apache-2.0 */
/* SBI conformance self-checks run by the boot hart. */
#ifndef BAREMETAL_CHECKS_H
#define BAREMETAL_CHECKS_H

/* Prints one "check: <name> ok|FAIL (got X)" line per check and a summary. */
void checks_run(void);

#endif
