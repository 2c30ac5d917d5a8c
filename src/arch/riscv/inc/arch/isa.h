/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Reading and writing device-tree riscv,isa strings such as
 * "rv64imafdch_zicsr_zifencei_sstc": single-letter extensions follow the
 * base, multi-letter ones are separated by underscores (unpriv. spec 27.11).
 * The hypervisor reads the harts' strings; the build writes the one vCPUs
 * are shown (tools/vm_dtb.c) with the same code.
 */
#ifndef ARCH_ISA_H
#define ARCH_ISA_H

#include <stdbool.h>
#include <stddef.h>

/* What "g" stands for besides multi-letter zicsr, zifencei (27.8). */
#define ISA_G_LETTERS "imafd"

/* 64 or 32 for a string whose base is rv64 or rv32 (any case), else 0. */
unsigned isa_xlen(const char *isa);

/*
 * The single-letter extensions: the `*len` characters from the returned
 * pointer, which end at the first '_' or multi-letter name (z, s or x).
 * NULL for a string without a base.
 */
const char *isa_letters(const char *isa, size_t *len);

/*
 * The multi-letter extension at or after `p` (underscores skipped): its
 * start, with its length in `*len`; NULL at the end of the string.
 */
const char *isa_next_extension(const char *p, size_t *len);

/* 'g' counts as its letters i, m, a, f and d (unpriv. spec 27.8). */
bool isa_has_letter(const char *isa, char letter);
/* Only names after an underscore count: "rv64sstc" has no sstc. */
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

/* ---- An ISA string taken apart, to be written in canonical form ---- */

#define ISA_MAX_EXTENSIONS 48
#define ISA_NAME_MAX 32 /* a multi-letter name and its NUL */
#define ISA_STRING_MAX 512

struct isa_parts {
    unsigned xlen;
    char letters[27]; /* single-letter extensions, canonical order */
    size_t num_ext;
    char ext[ISA_MAX_EXTENSIONS][ISA_NAME_MAX]; /* multi-letter, lowercase */
};

enum isa_parse_error {
    ISA_PARSE_OK = 0,
    ISA_PARSE_TOO_LONG,   /* ISA_STRING_MAX or more characters */
    ISA_PARSE_NO_BASE,    /* does not start with rv32 or rv64 */
    ISA_PARSE_BAD_LETTER, /* a single letter that is not a-z */
    ISA_PARSE_TOO_MANY,   /* ISA_MAX_EXTENSIONS, ISA_NAME_MAX exceeded */
    ISA_PARSE_NO_INTEGER, /* neither i nor e */
};

/*
 * Take `s` apart: lowercase, letters in canonical order, "g" expanded,
 * multi-letter names kept in their order (g's added in theirs), repeats
 * dropped; version numbers are not supported. On ISA_PARSE_BAD_LETTER
 * `*bad` (when not NULL) gets the letter.
 */
enum isa_parse_error isa_parse(const char *s, struct isa_parts *isa, char *bad);

void isa_remove_letter(struct isa_parts *isa, char letter);
void isa_remove_extension(struct isa_parts *isa, const char *name);
/* Added among its class (Z, then S, then X names) in sorted order. */
enum isa_parse_error isa_add_extension(struct isa_parts *isa, const char *name);

/*
 * The canonical string ("rv64imac_zicsr") into `buf`; false when it does
 * not fit in `len`.
 */
bool isa_format(const struct isa_parts *isa, char *buf, size_t len);

#endif
