#include "fdt.h"

#include <stddef.h>

/* Structure block tokens (DT spec 5.4.1). */
#define TOKEN_BEGIN_NODE 1
#define TOKEN_END_NODE 2
#define TOKEN_PROP 3
#define TOKEN_NOP 4
#define TOKEN_END 9

/* Header (DT spec 5.2): ten big-endian 32-bit fields. */
#define HDR_MAGIC 0
#define HDR_TOTALSIZE 4
#define HDR_OFF_DT_STRUCT 8
#define HDR_OFF_DT_STRINGS 12
#define HDR_VERSION 20
#define HDR_LAST_COMP_VERSION 24
#define HDR_SIZE_DT_STRINGS 32
#define HDR_SIZE_DT_STRUCT 36
#define HDR_SIZE 40

/* Sanity limit on totalsize, so a stray pointer cannot claim all memory. */
#define FDT_MAX_SIZE (16U << 20)

uint32_t fdt_be32(const void *p)
{
    const uint8_t *b = p;

    return (uint32_t)b[0] << 24 | (uint32_t)b[1] << 16 | (uint32_t)b[2] << 8 |
           b[3];
}

int fdt_open(struct fdt *fdt, unsigned long addr)
{
    const uint8_t *b = (const uint8_t *)addr;

    if (addr == 0 || fdt_be32(b + HDR_MAGIC) != FDT_MAGIC)
        return FDT_ERR_MAGIC;

    uint32_t total = fdt_be32(b + HDR_TOTALSIZE);
    uint32_t version = fdt_be32(b + HDR_VERSION);
    uint32_t off_struct = fdt_be32(b + HDR_OFF_DT_STRUCT);
    uint32_t off_strings = fdt_be32(b + HDR_OFF_DT_STRINGS);
    uint32_t size_strings = fdt_be32(b + HDR_SIZE_DT_STRINGS);
    uint32_t size_struct;

    /* Version 17 is current and readable by version-16 parsers. */
    if (total < HDR_SIZE || total > FDT_MAX_SIZE || version < 16 ||
        fdt_be32(b + HDR_LAST_COMP_VERSION) > 17)
        return FDT_ERR_HEADER;
    if (off_struct > total || off_strings > total || (off_struct & 3))
        return FDT_ERR_HEADER;
    /* size_dt_struct exists from version 17 on. */
    size_struct =
        version >= 17 ? fdt_be32(b + HDR_SIZE_DT_STRUCT) : total - off_struct;
    if (size_struct > total - off_struct || size_strings > total - off_strings)
        return FDT_ERR_HEADER;

    fdt->blob = b;
    fdt->struct_off = off_struct;
    fdt->struct_size = size_struct;
    fdt->strings_off = off_strings;
    fdt->strings_size = size_strings;
    return FDT_OK;
}

/* The 32-bit word at off in the structure block. */
static bool struct_word(const struct fdt *fdt, uint32_t off, uint32_t *value)
{
    if (fdt->struct_size < 4 || off > fdt->struct_size - 4)
        return false;
    *value = fdt_be32(fdt->blob + fdt->struct_off + off);
    return true;
}

/* Length of the string at p if its NUL is within limit bytes, else -1. */
static long bounded_strlen(const uint8_t *p, uint32_t limit)
{
    for (uint32_t i = 0; i < limit; i++)
        if (p[i] == '\0')
            return i;
    return -1;
}

static uint32_t align4(uint32_t v)
{
    return (v + 3) & ~3U;
}

/*
 * Decodes the token at off into *token and returns the offset of the token
 * after it (payload skipped), or -1 if the token or its payload does not fit
 * in the structure block or the token is unknown.
 */
static long next_token(const struct fdt *fdt, long off, uint32_t *token)
{
    if (off < 0 || !struct_word(fdt, (uint32_t)off, token))
        return -1;

    uint32_t o = (uint32_t)off + 4;
    switch (*token) {
    case TOKEN_BEGIN_NODE: {
        long n = bounded_strlen(fdt->blob + fdt->struct_off + o,
                                fdt->struct_size - o);
        if (n < 0)
            return -1;
        o = align4(o + (uint32_t)n + 1);
        break;
    }
    case TOKEN_PROP: {
        uint32_t len, nameoff;
        if (!struct_word(fdt, o, &len) || !struct_word(fdt, o + 4, &nameoff))
            return -1;
        o += 8;
        if (len > fdt->struct_size - o)
            return -1;
        o = align4(o + len);
        break;
    }
    case TOKEN_END_NODE:
    case TOKEN_NOP:
    case TOKEN_END:
        break;
    default:
        return -1;
    }
    return o <= fdt->struct_size ? (long)o : -1;
}

/* Offset of the first token inside node (after its name), or -1. */
static long node_body(const struct fdt *fdt, long node)
{
    uint32_t token;
    long next = next_token(fdt, node, &token);

    return next >= 0 && token == TOKEN_BEGIN_NODE ? next : -1;
}

/* From off, skips properties and NOPs up to a FDT_BEGIN_NODE and returns its
 * offset; -1 at the end of the enclosing node (or on a malformed tree). */
static long skip_to_node(const struct fdt *fdt, long off)
{
    while (off >= 0) {
        uint32_t token;
        long next = next_token(fdt, off, &token);
        if (next < 0)
            return -1;
        if (token == TOKEN_BEGIN_NODE)
            return off;
        if (token != TOKEN_PROP && token != TOKEN_NOP)
            return -1;
        off = next;
    }
    return -1;
}

long fdt_root(const struct fdt *fdt)
{
    long off = 0;
    uint32_t token;

    for (;;) {
        long next = next_token(fdt, off, &token);
        if (next < 0)
            return -1;
        if (token == TOKEN_BEGIN_NODE)
            return off;
        if (token != TOKEN_NOP)
            return -1;
        off = next;
    }
}

long fdt_first_child(const struct fdt *fdt, long node)
{
    return skip_to_node(fdt, node_body(fdt, node));
}

long fdt_next_sibling(const struct fdt *fdt, long node)
{
    unsigned long depth = 0;
    long off = node;

    /* Skip node's subtree; every step moves forward, so this ends. */
    for (;;) {
        uint32_t token;
        long next = next_token(fdt, off, &token);
        if (next < 0 || token == TOKEN_END)
            return -1;
        if (token == TOKEN_BEGIN_NODE) {
            depth++;
        } else if (token == TOKEN_END_NODE) {
            if (depth == 0)
                return -1;
            if (--depth == 0)
                return skip_to_node(fdt, next);
        }
        off = next;
    }
}

const char *fdt_name(const struct fdt *fdt, long node)
{
    if (node_body(fdt, node) < 0)
        return "";
    return (const char *)(fdt->blob + fdt->struct_off + node + 4);
}

static bool streq(const char *a, const char *b)
{
    while (*a && *a == *b) {
        a++;
        b++;
    }
    return *a == *b;
}

bool fdt_name_is(const struct fdt *fdt, long node, const char *base)
{
    const char *name = fdt_name(fdt, node);

    while (*base && *name == *base) {
        name++;
        base++;
    }
    return *base == '\0' && (*name == '\0' || *name == '@');
}

long fdt_subnode(const struct fdt *fdt, long parent, const char *name)
{
    for (long n = fdt_first_child(fdt, parent); n >= 0;
         n = fdt_next_sibling(fdt, n))
        if (streq(fdt_name(fdt, n), name))
            return n;
    return -1;
}

/* True if the strings block holds name at nameoff. */
static bool prop_name_is(const struct fdt *fdt, uint32_t nameoff,
                         const char *name)
{
    const uint8_t *s = fdt->blob + fdt->strings_off;

    for (uint32_t i = nameoff; i < fdt->strings_size; i++, name++) {
        if (s[i] != (uint8_t)*name)
            return false;
        if (*name == '\0')
            return true;
    }
    return false; /* ran off the strings block */
}

const void *fdt_prop(const struct fdt *fdt, long node, const char *name,
                     uint32_t *len)
{
    long off = node_body(fdt, node);

    while (off >= 0) {
        uint32_t token, plen, nameoff;
        long next = next_token(fdt, off, &token);
        if (next < 0)
            return NULL;
        if (token == TOKEN_PROP) {
            /* next_token checked that both words and the value fit. */
            struct_word(fdt, (uint32_t)off + 4, &plen);
            struct_word(fdt, (uint32_t)off + 8, &nameoff);
            if (prop_name_is(fdt, nameoff, name)) {
                *len = plen;
                return fdt->blob + fdt->struct_off + off + 12;
            }
        } else if (token != TOKEN_NOP) {
            return NULL; /* properties come before any child node */
        }
        off = next;
    }
    return NULL;
}

bool fdt_prop_num(const struct fdt *fdt, long node, const char *name,
                  uint64_t *value)
{
    uint32_t len;
    const uint8_t *p = fdt_prop(fdt, node, name, &len);

    if (!p || (len != 4 && len != 8))
        return false;
    *value = fdt_be32(p);
    if (len == 8)
        *value = *value << 32 | fdt_be32(p + 4);
    return true;
}

bool fdt_prop_has_string(const struct fdt *fdt, long node, const char *name,
                         const char *s)
{
    uint32_t len;
    const char *p = fdt_prop(fdt, node, name, &len);

    if (!p)
        return false;
    /* Compare s against each NUL-terminated entry inside the value. */
    for (uint32_t i = 0; i < len;) {
        uint32_t j = 0;
        while (i + j < len && p[i + j] != '\0' && p[i + j] == s[j])
            j++;
        if (i + j < len && p[i + j] == '\0' && s[j] == '\0')
            return true;
        while (i < len && p[i] != '\0')
            i++;
        i++; /* past the NUL */
    }
    return false;
}
