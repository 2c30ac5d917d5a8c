/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Read-only flattened devicetree (FDT / DTB) reader.
 *
 * Implements the blob format of the Devicetree Specification v0.4,
 * chapter 5 ("Flattened Devicetree (DTB) Format"), versions 16 and 17.
 *
 * Freestanding: needs only <stdint.h>, <stddef.h> and <stdbool.h> and the
 * string functions of lib/string.h (src/lib/string.c, or a host's libc),
 * and allocates nothing. The baremetal test guest compiles it too.
 *
 * Trust model
 *   The blob comes from firmware and may be garbage. fdt_check() validates
 *   the header against the real buffer size and walks the whole structure
 *   block once; call it before anything else. Every other function still
 *   bounds-checks each access against the header's totalsize and the
 *   struct/strings blocks, so a blob that fdt_check() would reject makes
 *   them fail with an error, never read outside [blob, blob + totalsize).
 *   The one thing they cannot know is the real buffer size, which is why
 *   fdt_check() must have confirmed that totalsize fits the buffer.
 *
 * Offsets
 *   A node is identified by the byte offset of its FDT_BEGIN_NODE token
 *   from the start of the structure block (the root node is usually 0).
 *   Functions returning int return such an offset or a count (>= 0), or
 *   one of the negative FDT_ERR_* codes below. Pass only offsets obtained
 *   from this API: a made-up one is rejected (FDT_ERR_BADOFFSET) unless it
 *   happens to hit bytes that look like a node, in which case results are
 *   meaningless but accesses stay inside the blob.
 *
 * Alignment and byte order
 *   All multi-byte fields are big-endian (DT spec 5.1) and are decoded a
 *   byte at a time, so the blob may sit at any address on any host.
 *   Property values are returned as byte pointers: decode them with
 *   fdt_be32()/fdt_be64(), never by casting to uint32_t *.
 */
#ifndef BAOBAB_FDT_H
#define BAOBAB_FDT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Error codes (always negative). */
#define FDT_ERR_NOTFOUND (-1)     /* no such node/property; end of a walk */
#define FDT_ERR_BADMAGIC (-2)     /* not a DTB (or NULL blob) */
#define FDT_ERR_BADVERSION (-3)   /* version < 16, last_comp_version > 17 */
#define FDT_ERR_TRUNCATED (-4)    /* buffer smaller than header/totalsize */
#define FDT_ERR_BADLAYOUT (-5)    /* header offsets/sizes inconsistent */
#define FDT_ERR_BADSTRUCTURE (-6) /* malformed structure block */
#define FDT_ERR_BADSTRING (-7)    /* property name outside strings block */
#define FDT_ERR_BADOFFSET (-8)    /* offset passed in is not a node */
#define FDT_ERR_BADPATH (-9)      /* path not absolute */
#define FDT_ERR_BADVALUE (-10)    /* property has an unusable size/content */
#define FDT_ERR_NOSPACE (-11)     /* caller's output array too small */

/* One physical memory range, as decoded from a reg entry. */
struct fdt_region {
    uint64_t base;
    uint64_t size;
};

/* ---- Byte order helpers (p may be unaligned) ---------------------------- */

uint32_t fdt_be32(const void *p);
uint64_t fdt_be64(const void *p);

/* ---- Whole-blob checks -------------------------------------------------- */

/*
 * Validate a blob held in a buffer of max_size bytes: header (magic,
 * version, every block inside totalsize, totalsize <= max_size), the
 * memory reservation block (terminated inside the blob) and the complete
 * structure block (known tokens, balanced nodes, names terminated,
 * property values and names in bounds, properties before subnodes,
 * FDT_END present). Returns 0 or a negative FDT_ERR_*.
 */
int fdt_check(const void *blob, size_t max_size);

/* Header totalsize, or 0 if blob is NULL or has no FDT magic. */
uint32_t fdt_totalsize(const void *blob);

/* Short English description of an FDT_ERR_* code (for log messages). */
const char *fdt_strerror(int err);

/*
 * Entry number index of the memory reservation block (DT spec 5.3).
 * Returns 0 and fills *addr / *size (either may be NULL), FDT_ERR_NOTFOUND
 * past the last entry, or another negative error.
 */
int fdt_mem_rsv(const void *blob, int index, uint64_t *addr, uint64_t *size);

/* ---- Nodes -------------------------------------------------------------- */

/*
 * Depth-first walk. offset -1 returns the root node and sets *depth to 0.
 * Otherwise returns the node following `offset` in document order; *depth
 * is incremented for every node entered and decremented for every node
 * left. If *depth drops below 0 (the walk left the subtree in which the
 * caller started at depth 0) the walk stops with FDT_ERR_NOTFOUND, which
 * is also returned at the end of the tree. depth may be NULL to walk the
 * rest of the tree without tracking nesting.
 *
 *   int depth = 0;
 *   for (int n = fdt_next_node(b, parent, &depth); n >= 0;
 *        n = fdt_next_node(b, n, &depth))
 *       if (depth == 1) ... n is a child of parent ...
 */
int fdt_next_node(const void *blob, int offset, int *depth);

/* Node name including any "@unit-address" ("" for the root), or NULL. */
const char *fdt_node_name(const void *blob, int node);

/*
 * First child of parent named name. If name has no '@', it also matches
 * a child whose name is name followed by "@unit-address" (so "memory"
 * finds "memory@80000000"). Returns the child's offset or negative.
 */
int fdt_subnode(const void *blob, int parent, const char *name);

/*
 * Node at an absolute path such as "/", "/cpus" or "/soc/serial@10000000"
 * (components matched as in fdt_subnode; aliases are not supported).
 */
int fdt_path(const void *blob, const char *path);

/* Offset of node's parent; FDT_ERR_NOTFOUND for the root. O(tree size). */
int fdt_parent(const void *blob, int node);

/* True if node's "status" is absent, "okay" or "ok" (DT spec 2.3.4). */
bool fdt_node_is_okay(const void *blob, int node);

/* True if node's "compatible" string list contains compat. */
bool fdt_node_is_compatible(const void *blob, int node, const char *compat);

/* ---- Properties --------------------------------------------------------- */

/*
 * Value of property name of node. On success returns a pointer into the
 * blob and stores the value length in *len (0 for empty properties). On
 * failure returns NULL and stores the negative error in *len. len may be
 * NULL.
 */
const void *fdt_prop(const void *blob, int node, const char *name, int *len);

/* Property holding exactly one 32-bit cell. */
bool fdt_prop_u32(const void *blob, int node, const char *name, uint32_t *out);

/* Property holding one or two cells (a u32 or a u64), widened to 64 bits. */
bool fdt_prop_u64(const void *blob, int node, const char *name, uint64_t *out);
/* Overwrite a one-cell property in place; false if there is none such. */
bool fdt_set_prop_u32(void *blob, int node, const char *name, uint32_t val);

/* True if the property is exactly the NUL-terminated string value. */
bool fdt_prop_streq(const void *blob, int node, const char *name,
                    const char *value);

/*
 * True if the string list (consecutive NUL-terminated strings, len bytes
 * in total, as in "compatible") contains s. Bytes after the last NUL are
 * ignored.
 */
bool fdt_stringlist_contains(const char *list, int len, const char *s);

/*
 * Number of (address, size) entries in node's "reg", decoded with the
 * parent's #address-cells / #size-cells (default 2 and 1, DT spec 2.3.5).
 * Supported: 1-2 address cells, 0-2 size cells. Returns the count,
 * FDT_ERR_NOTFOUND if there is no reg, FDT_ERR_BADVALUE if reg is not a
 * whole number of entries or the cell counts are unsupported.
 */
int fdt_reg_count(const void *blob, int node);

/* Entry number index of node's "reg" (see fdt_reg_count). size may be NULL. */
bool fdt_reg(const void *blob, int node, int index, uint64_t *addr,
             uint64_t *size);

/* ---- Boot-time queries (fdt_query.c) ------------------------------------ */

/*
 * Every reg entry of size > 0 of every okay child of the root whose
 * device_type is "memory" (DT spec 3.4), in tree order. Returns the number
 * of regions, FDT_ERR_NOSPACE if there are more than max, or another
 * negative error (e.g. a memory node with a malformed reg). With out ==
 * NULL only counts.
 */
int fdt_memory_regions(const void *blob, struct fdt_region *out, int max);

/*
 * Memory the OS must not use: the memory reservation block entries, then
 * the reg entries of okay children of /reserved-memory (dynamically
 * placed ones without reg are skipped). Same return convention as
 * fdt_memory_regions.
 */
int fdt_reserved_regions(const void *blob, struct fdt_region *out, int max);

/*
 * Hart ids (reg) of the okay children of /cpus whose device_type is "cpu"
 * (DT spec 3.8), in tree order. Returns the count, FDT_ERR_NOSPACE if
 * more than max, FDT_ERR_BADVALUE for a cpu without a usable 32-bit reg.
 * With hartids == NULL only counts.
 */
int fdt_cpu_harts(const void *blob, uint32_t *hartids, int max);

/*
 * timebase-frequency of /cpus, or else of the first okay cpu node having
 * one (DT spec 3.7 allows either). Accepts a 32- or 64-bit value; fails if
 * it is 0 or does not fit 32 bits.
 */
bool fdt_timebase_frequency(const void *blob, uint32_t *hz);

/*
 * "riscv,isa" string of the cpu node whose reg is hartid (whatever its
 * status). Returns the string length and sets *isa, or a negative error
 * (FDT_ERR_NOTFOUND: no such hart or no riscv,isa).
 */
int fdt_cpu_isa(const void *blob, uint32_t hartid, const char **isa);
/* The cpu node under /cpus whose reg is hartid, or a negative error. */
int fdt_cpu_node(const void *blob, uint32_t hartid);

/*
 * The first okay node after `offset` (-1: start at the root) in document
 * order whose "compatible" contains compat, or a negative error
 * (FDT_ERR_NOTFOUND at the end of the tree). Loop with the returned offset
 * to visit every such node.
 */
int fdt_next_compatible(const void *blob, int offset, const char *compat);

/* The node whose "phandle" property is phandle (DT spec 2.3.3). */
int fdt_node_by_phandle(const void *blob, uint32_t phandle);

#endif /* BAOBAB_FDT_H */
