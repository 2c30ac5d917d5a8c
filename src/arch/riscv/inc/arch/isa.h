/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Reading a device-tree riscv,isa string such as
 * "rv64imafdch_zicsr_zifencei_sstc": single-letter extensions follow the
 * base, multi-letter ones are separated by underscores (unpriv. spec 27.11).
 */
#ifndef ARCH_ISA_H
#define ARCH_ISA_H

#include <stdbool.h>

/* 'g' counts as its letters i, m, a, f and d (unpriv. spec 27.8). */
bool isa_has_letter(const char *isa, char letter);
bool isa_has_extension(const char *isa, const char *name);

/*
 * The units whose state a hart must be handed in a known condition when a
 * vCPU starts (priv. spec, "Extension Context Status": sstatus.FS, VS).
 */
#define ISA_UNIT_F (1U << 0) /* FP registers, 32 bits wide at least */
#define ISA_UNIT_D (1U << 1) /* FP registers 64 bits wide */
#define ISA_UNIT_V (1U << 2) /* vector registers */

/* The ISA_UNIT_* bits a riscv,isa string names; 0 for a malformed one. */
unsigned isa_state_units(const char *isa);

#endif
