/* SPDX-License-Identifier: Apache-2.0 */
/* IPI ping-pong test via the SBI IPI extension. */
#ifndef BAREMETAL_IPI_H
#define BAREMETAL_IPI_H

/* Boot hart: pings each other running hart in turn and awaits the reply.
 * Returns the number of replies received. */
unsigned int ipi_run_boot(unsigned int *expected);

/* Other harts: waits for the boot hart's IPI (the handler replies). */
void ipi_run_secondary(void);

#endif
