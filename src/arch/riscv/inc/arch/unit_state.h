/* SPDX-License-Identifier: Apache-2.0 */
/*
 * The FP and vector register files (unit_state.S). Call only on a hart
 * that has the extension, with sstatus.FS (or VS) not Off.
 */
#ifndef ARCH_UNIT_STATE_H
#define ARCH_UNIT_STATE_H

void unit_fpu_clear_d(void);  /* f0-f31 and fcsr = 0, FLEN = 64 */
void unit_fpu_clear_f(void);  /* f0-f31 and fcsr = 0, FLEN = 32 */
void unit_vector_clear(void); /* v0-v31, vstart, vcsr = 0; vtype.vill */

#endif
