/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Writing device tree source (Devicetree Specification, ch. 6): nodes,
 * properties and their values, in the layout the generated trees use: a
 * blank line before every node, one tab of indent per level, one property
 * a line. The caller decides what the tree holds (tools/vm_dtb.c).
 */
#ifndef DTS_EMIT_H
#define DTS_EMIT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

struct dts {
    FILE *f;
    unsigned depth;  /* nodes open */
    unsigned values; /* values of the current property written so far */
    unsigned cells;  /* cells of the current <...> written so far */
};

/* A writer for `f`, at the top of the file. */
struct dts dts_start(FILE *f);

/* "// text": a comment line. */
void dts_comment(struct dts *d, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
/* The "/dts-v1/;" tag a source starts with. */
void dts_version(struct dts *d);

/* "[label: ]name {", with the name from the format ("cpu@%zx"). */
void dts_node_begin(struct dts *d, const char *label, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
void dts_node_end(struct dts *d);

/* Whole properties. */
void dts_prop_empty(struct dts *d, const char *name);
void dts_prop_string(struct dts *d, const char *name, const char *s);
void dts_prop_u32(struct dts *d, const char *name, uint32_t v); /* decimal */
/* A 64-bit value in two cells (#address-cells or #size-cells = <2>). */
void dts_prop_u64(struct dts *d, const char *name, uint64_t v);
/* reg = <base size>, both in two cells. */
void dts_prop_reg2(struct dts *d, uint64_t base, uint64_t size);
/* A property written elsewhere, as text ("clock-frequency = <...>;"). */
void dts_prop_text(struct dts *d, const char *text);

/*
 * A property of several values, written piece by piece: dts_prop_begin,
 * then strings and <...> cell lists (comma-separated), then dts_prop_end.
 */
void dts_prop_begin(struct dts *d, const char *name);
void dts_string(struct dts *d, const char *s); /* quoted and escaped */
void dts_cells_begin(struct dts *d);
void dts_cell(struct dts *d, uint64_t v);            /* decimal */
void dts_cell_hex(struct dts *d, uint64_t v);        /* 0x... */
void dts_cell_u64(struct dts *d, uint64_t v);        /* two cells, in hex */
void dts_cell_ref(struct dts *d, const char *label); /* &label */
void dts_cells_end(struct dts *d);
void dts_prop_end(struct dts *d);

#endif
