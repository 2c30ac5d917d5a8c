/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Reading a device-tree riscv,isa string such as
 * "rv64imafdch_zicsr_zifencei_sstc": single-letter extensions follow the
 * base, multi-letter ones are separated by underscores (unpriv. spec 27.11).
 */
#ifndef ISA_H
#define ISA_H

#include <stdbool.h>

bool isa_has_letter(const char *isa, char letter);
bool isa_has_extension(const char *isa, const char *name);

#endif
