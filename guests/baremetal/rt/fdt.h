/*
 * Small read-only walker for a flattened device tree (Devicetree
 * Specification v0.4, chapter 5 "Flattened Devicetree (DTB) Format").
 *
 * Every read is checked against the bounds of the block it belongs to, and
 * all multi-byte values are big-endian, read a byte at a time (so the blob
 * need not be aligned). A node is named by the offset of its FDT_BEGIN_NODE
 * token in the structure block; functions returning a node return a negative
 * value for "none" (or a malformed tree).
 */
#ifndef BAREMETAL_FDT_H
#define BAREMETAL_FDT_H

#include <stdbool.h>
#include <stdint.h>

#define FDT_MAGIC 0xd00dfeedU

struct fdt {
    const uint8_t *blob;
    uint32_t struct_off; /* structure block: offset and size in blob */
    uint32_t struct_size;
    uint32_t strings_off; /* strings block */
    uint32_t strings_size;
};

/* fdt_open() results. */
#define FDT_OK 0
#define FDT_ERR_MAGIC (-1)  /* no device tree at that address */
#define FDT_ERR_HEADER (-2) /* magic present, header inconsistent */

/* Big-endian 32-bit value at p. */
uint32_t fdt_be32(const void *p);

/* Checks the header at addr (which must be readable for 40 bytes when the
 * magic matches) and fills *fdt. */
int fdt_open(struct fdt *fdt, unsigned long addr);

/* The root node. */
long fdt_root(const struct fdt *fdt);

/* First child of node, and the sibling following node. */
long fdt_first_child(const struct fdt *fdt, long node);
long fdt_next_sibling(const struct fdt *fdt, long node);

/* The child of parent whose full name (unit address included) is name. */
long fdt_subnode(const struct fdt *fdt, long parent, const char *name);

/* Node name as in the tree ("" for the root, "serial@10000000"). */
const char *fdt_name(const struct fdt *fdt, long node);

/* True if the node's name is base, or base followed by '@' and a unit
 * address. */
bool fdt_name_is(const struct fdt *fdt, long node, const char *base);

/* Value and length of a property of node, or NULL if it has none. */
const void *fdt_prop(const struct fdt *fdt, long node, const char *name,
                     uint32_t *len);

/* A 1- or 2-cell property as a number; false if absent or another size. */
bool fdt_prop_num(const struct fdt *fdt, long node, const char *name,
                  uint64_t *value);

/* True if the property is a string list holding the string s. */
bool fdt_prop_has_string(const struct fdt *fdt, long node, const char *name,
                         const char *s);

#endif
