/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Flattened devicetree reader: header, structure block walking and
 * property access. Written from the Devicetree Specification v0.4,
 * chapter 5. See fdt.h for the API contract and trust model.
 */
#include <lib/fdt.h>

#include <lib/string.h>
#include <lib/util.h>

/* Header (DT spec 5.2). */
#define FDT_MAGIC 0xd00dfeedu
#define FDT_MIN_VERSION 16u         /* oldest layout we parse */
#define FDT_MAX_COMP_VERSION 17u    /* newest layout we understand */
#define FDT_HEADER_SIZE_V16 36u     /* fields up to size_dt_strings */
#define FDT_HEADER_SIZE_V17 40u     /* v17 adds size_dt_struct */
#define FDT_STRUCT_SIZE_VERSION 17u /* first version with size_dt_struct */

/* Byte offsets of the header fields (DT spec 5.2). */
#define HDR_MAGIC 0u
#define HDR_TOTALSIZE 4u
#define HDR_OFF_DT_STRUCT 8u
#define HDR_OFF_DT_STRINGS 12u
#define HDR_OFF_MEM_RSVMAP 16u
#define HDR_VERSION 20u
#define HDR_LAST_COMP_VERSION 24u
#define HDR_SIZE_DT_STRINGS 32u
#define HDR_SIZE_DT_STRUCT 36u

/* Memory reservation block (DT spec 5.3). */
#define FDT_RSVMAP_ALIGN 8u
#define FDT_RSV_ENTRY_SIZE 16u /* u64 address + u64 size */

/* Structure block tokens (DT spec 5.4.1). */
#define FDT_BEGIN_NODE 0x1u
#define FDT_END_NODE 0x2u
#define FDT_PROP 0x3u
#define FDT_NOP 0x4u
#define FDT_END 0x9u
#define FDT_TOKEN_SIZE 4u       /* tokens are big-endian u32 ... */
#define FDT_STRUCT_ALIGN 4u     /* ... on 4-byte boundaries */
#define FDT_PROP_HEADER_SIZE 8u /* u32 len + u32 nameoff after FDT_PROP */
#define FDT_PROP_NAMEOFF 4u     /* nameoff follows len in that header */

/*
 * Larger blobs are rejected so that any offset inside one, plus a little
 * padding, still fits in the int offsets of the API. Real trees are a few
 * KiB to a few MiB.
 */
#define FDT_MAX_TOTALSIZE (1u << 30)

/* reg decoding limits: we return 64-bit values (DT spec 2.3.5 defaults). */
#define FDT_DEFAULT_ADDR_CELLS 2u
#define FDT_DEFAULT_SIZE_CELLS 1u
#define FDT_MAX_ADDR_CELLS 2u
#define FDT_MAX_SIZE_CELLS 2u
#define FDT_CELL_SIZE 4u

/* Validated geometry of a blob; every access goes through it. */
struct fdt_view {
    const uint8_t *base;
    uint32_t totalsize;
    uint32_t rsvmap_off;
    uint32_t struct_off;
    uint32_t struct_size;
    uint32_t strings_off;
    uint32_t strings_size;
};

/* ---- Small helpers ------------------------------------------------------ */

uint32_t fdt_be32(const void *p)
{
    const uint8_t *b = p;

    return ((uint32_t)b[0] << 24) | ((uint32_t)b[1] << 16) |
           ((uint32_t)b[2] << 8) | (uint32_t)b[3];
}

uint64_t fdt_be64(const void *p)
{
    const uint8_t *b = p;

    return ((uint64_t)fdt_be32(b) << 32) | fdt_be32(b + 4);
}

/* Length of the string at s if it ends within max bytes, else -1. */
static int32_t bounded_str_len(const uint8_t *s, uint32_t max)
{
    for (uint32_t i = 0; i < max; i++)
        if (s[i] == '\0')
            return (int32_t)i;
    return -1;
}

/* True if [off, off + size) lies inside a region of region_size bytes. */
static bool range_fits(uint32_t off, uint32_t size, uint32_t region_size)
{
    return off <= region_size && size <= region_size - off;
}

/* ---- Header ------------------------------------------------------------- */

static uint32_t hdr(const void *blob, uint32_t field)
{
    return fdt_be32((const uint8_t *)blob + field);
}

/* Blocks must start after the header and end inside totalsize. */
static bool block_fits(uint32_t off, uint32_t size, uint32_t header_size,
                       uint32_t totalsize)
{
    return off >= header_size && range_fits(off, size, totalsize);
}

/*
 * Parse and validate the header of a blob in a buffer of max_size bytes.
 * Reads nothing beyond max_size, nor beyond the header before totalsize
 * has been checked.
 */
static int view_init(const void *blob, size_t max_size, struct fdt_view *v)
{
    if (blob == NULL)
        return FDT_ERR_BADMAGIC;
    if (max_size < FDT_HEADER_SIZE_V16)
        return FDT_ERR_TRUNCATED;
    if (hdr(blob, HDR_MAGIC) != FDT_MAGIC)
        return FDT_ERR_BADMAGIC;

    uint32_t version = hdr(blob, HDR_VERSION);
    if (version < FDT_MIN_VERSION ||
        hdr(blob, HDR_LAST_COMP_VERSION) > FDT_MAX_COMP_VERSION)
        return FDT_ERR_BADVERSION;

    bool has_struct_size = version >= FDT_STRUCT_SIZE_VERSION;
    uint32_t header_size =
        has_struct_size ? FDT_HEADER_SIZE_V17 : FDT_HEADER_SIZE_V16;

    /* header_size <= totalsize <= max_size: the rest of the header is ours. */
    v->base = blob;
    v->totalsize = hdr(blob, HDR_TOTALSIZE);
    if (v->totalsize > max_size)
        return FDT_ERR_TRUNCATED;
    if (v->totalsize < header_size || v->totalsize > FDT_MAX_TOTALSIZE)
        return FDT_ERR_BADLAYOUT;

    v->rsvmap_off = hdr(blob, HDR_OFF_MEM_RSVMAP);
    v->struct_off = hdr(blob, HDR_OFF_DT_STRUCT);
    v->strings_off = hdr(blob, HDR_OFF_DT_STRINGS);
    v->strings_size = hdr(blob, HDR_SIZE_DT_STRINGS);
    if (has_struct_size)
        v->struct_size = hdr(blob, HDR_SIZE_DT_STRUCT);
    else if (v->struct_off <= v->totalsize)
        /* v16 does not record it: bound the walk by the blob instead. */
        v->struct_size = v->totalsize - v->struct_off;
    else
        return FDT_ERR_BADLAYOUT;

    /* A reservation map holds at least its terminating entry. */
    if (v->rsvmap_off % FDT_RSVMAP_ALIGN != 0 ||
        !block_fits(v->rsvmap_off, FDT_RSV_ENTRY_SIZE, header_size,
                    v->totalsize))
        return FDT_ERR_BADLAYOUT;
    if (v->struct_off % FDT_STRUCT_ALIGN != 0 ||
        !block_fits(v->struct_off, v->struct_size, header_size, v->totalsize))
        return FDT_ERR_BADLAYOUT;
    if (!block_fits(v->strings_off, v->strings_size, header_size, v->totalsize))
        return FDT_ERR_BADLAYOUT;
    return 0;
}

/*
 * Accessors trust totalsize (fdt_check() compared it with the buffer) but
 * re-derive and re-check everything else on each call.
 */
static int view_from_blob(const void *blob, struct fdt_view *v)
{
    return view_init(blob, FDT_MAX_TOTALSIZE, v);
}

uint32_t fdt_totalsize(const void *blob)
{
    if (blob == NULL || hdr(blob, HDR_MAGIC) != FDT_MAGIC)
        return 0;
    return hdr(blob, HDR_TOTALSIZE);
}

/* ---- Memory reservation block (DT spec 5.3) ----------------------------- */

/*
 * Entry index of the reservation map: 0, FDT_ERR_NOTFOUND at or past the
 * (0, 0) terminator, FDT_ERR_BADLAYOUT if the map runs off the blob.
 */
static int rsv_entry(const struct fdt_view *v, int index, uint64_t *addr,
                     uint64_t *size)
{
    uint32_t off = v->rsvmap_off;

    for (int i = 0; range_fits(off, FDT_RSV_ENTRY_SIZE, v->totalsize); i++) {
        uint64_t a = fdt_be64(v->base + off);
        uint64_t s = fdt_be64(v->base + off + 8);
        if (a == 0 && s == 0)
            return FDT_ERR_NOTFOUND;
        if (i == index) {
            *addr = a;
            *size = s;
            return 0;
        }
        off += FDT_RSV_ENTRY_SIZE;
    }
    return FDT_ERR_BADLAYOUT;
}

int fdt_mem_rsv(const void *blob, int index, uint64_t *addr, uint64_t *size)
{
    struct fdt_view v;
    uint64_t a, s;
    int err = view_from_blob(blob, &v);
    if (err < 0)
        return err;
    if (index < 0)
        return FDT_ERR_NOTFOUND;

    err = rsv_entry(&v, index, &a, &s);
    if (err == 0 && addr != NULL)
        *addr = a;
    if (err == 0 && size != NULL)
        *size = s;
    return err;
}

/* ---- Structure block tokens --------------------------------------------- */

static const uint8_t *struct_at(const struct fdt_view *v, int off)
{
    return v->base + v->struct_off + (uint32_t)off;
}

/*
 * Decode the token at off and compute where the next token starts,
 * checking that the token's payload (node name or property header and
 * value) lies inside the structure block. Always *next > off, which is
 * what makes every walk terminate.
 */
static int next_token(const struct fdt_view *v, int off, uint32_t *token,
                      int *next)
{
    if (off < 0 || (uint32_t)off % FDT_STRUCT_ALIGN != 0 ||
        !range_fits((uint32_t)off, FDT_TOKEN_SIZE, v->struct_size))
        return FDT_ERR_BADSTRUCTURE;

    uint32_t payload = (uint32_t)off + FDT_TOKEN_SIZE;
    uint32_t room = v->struct_size - payload;
    *token = fdt_be32(struct_at(v, off));

    switch (*token) {
    case FDT_BEGIN_NODE: {
        int32_t name_len = bounded_str_len(struct_at(v, (int)payload), room);
        if (name_len < 0)
            return FDT_ERR_BADSTRUCTURE;
        payload += (uint32_t)name_len + 1;
        break;
    }
    case FDT_PROP: {
        if (room < FDT_PROP_HEADER_SIZE)
            return FDT_ERR_BADSTRUCTURE;
        uint32_t value_len = fdt_be32(struct_at(v, (int)payload));
        if (value_len > room - FDT_PROP_HEADER_SIZE)
            return FDT_ERR_BADSTRUCTURE;
        payload += FDT_PROP_HEADER_SIZE + value_len;
        break;
    }
    case FDT_END_NODE:
    case FDT_NOP:
    case FDT_END:
        break;
    default:
        return FDT_ERR_BADSTRUCTURE;
    }
    *next = (int)ALIGN_UP(payload, FDT_STRUCT_ALIGN);
    return 0;
}

/* Name of the property whose FDT_PROP token is at off, or NULL. */
static const char *prop_name_at(const struct fdt_view *v, int off)
{
    uint32_t name_off =
        fdt_be32(struct_at(v, off) + FDT_TOKEN_SIZE + FDT_PROP_NAMEOFF);
    if (name_off >= v->strings_size)
        return NULL;

    const uint8_t *name = v->base + v->strings_off + name_off;
    if (bounded_str_len(name, v->strings_size - name_off) < 0)
        return NULL;
    return (const char *)name;
}

/*
 * Check that node is the offset of an FDT_BEGIN_NODE token and return the
 * offset of the first token after its name (its properties) in *body.
 */
static int node_body(const struct fdt_view *v, int node, int *body)
{
    uint32_t token;

    if (next_token(v, node, &token, body) < 0 || token != FDT_BEGIN_NODE)
        return FDT_ERR_BADOFFSET;
    return 0;
}

/* ---- Whole-blob validation ---------------------------------------------- */

/* The reservation map must reach its terminator inside the blob. */
static int check_rsvmap(const struct fdt_view *v)
{
    uint64_t addr, size;
    int err = rsv_entry(v, -1, &addr, &size); /* -1: walk to the end */

    return err == FDT_ERR_NOTFOUND ? 0 : err;
}

/*
 * Walk the structure block once, enforcing the grammar of DT spec 5.4.2:
 * one root node; inside a node, properties come before subnodes; nodes
 * are balanced; the block ends with FDT_END. NOPs may appear anywhere.
 */
static int check_struct(const struct fdt_view *v)
{
    int off = 0;
    int depth = 0;
    bool root_seen = false;
    bool props_allowed = false;

    for (;;) {
        uint32_t token;
        int next;
        int err = next_token(v, off, &token, &next);
        if (err < 0)
            return err;

        switch (token) {
        case FDT_BEGIN_NODE:
            if (depth == 0 && root_seen)
                return FDT_ERR_BADSTRUCTURE; /* second root */
            root_seen = true;
            depth++;
            props_allowed = true;
            break;
        case FDT_PROP:
            if (!props_allowed)
                return FDT_ERR_BADSTRUCTURE;
            if (prop_name_at(v, off) == NULL)
                return FDT_ERR_BADSTRING;
            break;
        case FDT_END_NODE:
            if (depth == 0)
                return FDT_ERR_BADSTRUCTURE;
            depth--;
            props_allowed = false;
            break;
        case FDT_END:
            return root_seen && depth == 0 ? 0 : FDT_ERR_BADSTRUCTURE;
        default: /* FDT_NOP */
            break;
        }
        off = next;
    }
}

int fdt_check(const void *blob, size_t max_size)
{
    struct fdt_view v;
    int err = view_init(blob, max_size, &v);

    if (err == 0)
        err = check_rsvmap(&v);
    if (err == 0)
        err = check_struct(&v);
    return err;
}

const char *fdt_strerror(int err)
{
    switch (err) {
    case 0:
        return "ok";
    case FDT_ERR_NOTFOUND:
        return "not found";
    case FDT_ERR_BADMAGIC:
        return "bad magic";
    case FDT_ERR_BADVERSION:
        return "unsupported version";
    case FDT_ERR_TRUNCATED:
        return "truncated blob";
    case FDT_ERR_BADLAYOUT:
        return "bad block layout";
    case FDT_ERR_BADSTRUCTURE:
        return "malformed structure block";
    case FDT_ERR_BADSTRING:
        return "bad property name offset";
    case FDT_ERR_BADOFFSET:
        return "offset is not a node";
    case FDT_ERR_BADPATH:
        return "bad path";
    case FDT_ERR_BADVALUE:
        return "bad property value";
    case FDT_ERR_NOSPACE:
        return "output array too small";
    default:
        return "unknown error";
    }
}

/* ---- Node walking ------------------------------------------------------- */

/* The root is the first node of the block, possibly after NOPs. */
static int root_node(const struct fdt_view *v)
{
    int off = 0;

    for (;;) {
        uint32_t token;
        int next;
        int err = next_token(v, off, &token, &next);
        if (err < 0)
            return err;
        if (token == FDT_BEGIN_NODE)
            return off;
        if (token != FDT_NOP)
            return FDT_ERR_BADSTRUCTURE;
        off = next;
    }
}

int fdt_next_node(const void *blob, int offset, int *depth)
{
    struct fdt_view v;
    int off;
    int err = view_from_blob(blob, &v);
    if (err < 0)
        return err;

    if (offset == -1) {
        if (depth != NULL)
            *depth = 0;
        return root_node(&v);
    }
    err = node_body(&v, offset, &off);
    if (err < 0)
        return err;

    for (;;) {
        uint32_t token;
        int next;
        err = next_token(&v, off, &token, &next);
        if (err < 0)
            return err;
        if (token == FDT_BEGIN_NODE) {
            if (depth != NULL)
                (*depth)++;
            return off;
        }
        if (token == FDT_END_NODE && depth != NULL && --(*depth) < 0)
            return FDT_ERR_NOTFOUND;
        if (token == FDT_END)
            return FDT_ERR_NOTFOUND;
        off = next;
    }
}

const char *fdt_node_name(const void *blob, int node)
{
    struct fdt_view v;
    int body;

    if (view_from_blob(blob, &v) < 0 || node_body(&v, node, &body) < 0)
        return NULL;
    return (const char *)struct_at(&v, node) + FDT_TOKEN_SIZE;
}

/*
 * Does node_name match the first len chars of name? Either exactly, or
 * name omits the unit address (DT spec 2.2.1: "node-name@unit-address").
 * '@' is not a valid unit-address character, so a name that has its own
 * "@unit" can only match exactly.
 */
static bool node_name_matches(const char *node_name, const char *name,
                              size_t len)
{
    if (node_name == NULL || strncmp(node_name, name, len) != 0)
        return false;
    return node_name[len] == '\0' || node_name[len] == '@';
}

static int subnode_n(const void *blob, int parent, const char *name, size_t len)
{
    int depth = 0;
    int node;

    for (node = fdt_next_node(blob, parent, &depth); node >= 0;
         node = fdt_next_node(blob, node, &depth)) {
        if (depth == 1 &&
            node_name_matches(fdt_node_name(blob, node), name, len))
            return node;
    }
    return node;
}

int fdt_subnode(const void *blob, int parent, const char *name)
{
    if (name == NULL)
        return FDT_ERR_NOTFOUND;
    return subnode_n(blob, parent, name, strlen(name));
}

int fdt_path(const void *blob, const char *path)
{
    if (path == NULL || path[0] != '/')
        return FDT_ERR_BADPATH;

    int node = fdt_next_node(blob, -1, NULL);
    const char *p = path;
    while (node >= 0) {
        while (*p == '/')
            p++;
        if (*p == '\0')
            break;
        size_t len = 0;
        while (p[len] != '/' && p[len] != '\0')
            len++;
        node = subnode_n(blob, node, p, len);
        p += len;
    }
    return node;
}

/* Nesting depth of node (root = 0), found by walking from the root. */
static int node_depth(const void *blob, int node)
{
    int depth = 0;
    int off;

    for (off = fdt_next_node(blob, -1, &depth); off >= 0 && off < node;
         off = fdt_next_node(blob, off, &depth))
        ;
    if (off == node)
        return depth;
    /* Walked past it: a BEGIN_NODE token not in the tree (e.g. in a value). */
    return off < 0 && off != FDT_ERR_NOTFOUND ? off : FDT_ERR_BADOFFSET;
}

int fdt_parent(const void *blob, int node)
{
    int target = node_depth(blob, node);
    if (target < 0)
        return target;
    if (target == 0)
        return FDT_ERR_NOTFOUND;

    /* The parent is the last node at depth target - 1 before node. */
    int depth = 0;
    int parent = FDT_ERR_NOTFOUND;
    for (int off = fdt_next_node(blob, -1, &depth); off >= 0;
         off = fdt_next_node(blob, off, &depth)) {
        if (off == node)
            return parent;
        if (depth == target - 1)
            parent = off;
    }
    return FDT_ERR_BADOFFSET;
}

/* ---- Properties --------------------------------------------------------- */

static const void *prop_fail(int *len, int err)
{
    if (len != NULL)
        *len = err;
    return NULL;
}

const void *fdt_prop(const void *blob, int node, const char *name, int *len)
{
    struct fdt_view v;
    int off;
    int err = view_from_blob(blob, &v);
    if (err == 0)
        err = node_body(&v, node, &off);
    if (err < 0)
        return prop_fail(len, err);
    if (name == NULL)
        return prop_fail(len, FDT_ERR_NOTFOUND);

    /* Properties precede subnodes (DT spec 5.4.2): stop at anything else. */
    for (;;) {
        uint32_t token;
        int next;
        err = next_token(&v, off, &token, &next);
        if (err < 0)
            return prop_fail(len, err);
        if (token == FDT_PROP) {
            const char *prop_name = prop_name_at(&v, off);
            if (prop_name == NULL)
                return prop_fail(len, FDT_ERR_BADSTRING);
            if (strcmp(prop_name, name) == 0) {
                const uint8_t *hdr_at = struct_at(&v, off) + FDT_TOKEN_SIZE;
                if (len != NULL)
                    *len = (int)fdt_be32(hdr_at);
                return hdr_at + FDT_PROP_HEADER_SIZE;
            }
        } else if (token != FDT_NOP) {
            return prop_fail(len, FDT_ERR_NOTFOUND);
        }
        off = next;
    }
}

bool fdt_prop_u32(const void *blob, int node, const char *name, uint32_t *out)
{
    int len;
    const void *val = fdt_prop(blob, node, name, &len);

    if (val == NULL || len != (int)FDT_CELL_SIZE)
        return false;
    *out = fdt_be32(val);
    return true;
}

bool fdt_set_prop_u32(void *blob, int node, const char *name, uint32_t val)
{
    int len;
    uint8_t *p = (uint8_t *)(uintptr_t)fdt_prop(blob, node, name, &len);

    if (p == NULL || len != (int)FDT_CELL_SIZE)
        return false;
    p[0] = (uint8_t)(val >> 24);
    p[1] = (uint8_t)(val >> 16);
    p[2] = (uint8_t)(val >> 8);
    p[3] = (uint8_t)val;
    return true;
}

bool fdt_prop_u64(const void *blob, int node, const char *name, uint64_t *out)
{
    int len;
    const void *val = fdt_prop(blob, node, name, &len);

    if (val == NULL)
        return false;
    if (len == (int)FDT_CELL_SIZE)
        *out = fdt_be32(val);
    else if (len == (int)(2 * FDT_CELL_SIZE))
        *out = fdt_be64(val);
    else
        return false;
    return true;
}

/* Is the value (len bytes) exactly the string s plus its NUL? */
static bool value_is_string(const char *val, int len, const char *s)
{
    size_t n = strlen(s);

    return len >= 0 && (size_t)len == n + 1 && memcmp(val, s, n) == 0 &&
           val[n] == '\0';
}

bool fdt_prop_streq(const void *blob, int node, const char *name,
                    const char *value)
{
    int len;
    const char *val = fdt_prop(blob, node, name, &len);

    return val != NULL && value != NULL && value_is_string(val, len, value);
}

bool fdt_stringlist_contains(const char *list, int len, const char *s)
{
    if (list == NULL || s == NULL || len <= 0)
        return false;

    size_t n = strlen(s);
    size_t start = 0;
    for (size_t i = 0; i < (size_t)len; i++) {
        if (list[i] != '\0')
            continue;
        if (i - start == n && memcmp(list + start, s, n) == 0)
            return true;
        start = i + 1;
    }
    return false;
}

bool fdt_node_is_okay(const void *blob, int node)
{
    int len;
    const char *status = fdt_prop(blob, node, "status", &len);

    if (status == NULL)
        return len == FDT_ERR_NOTFOUND;
    return value_is_string(status, len, "okay") ||
           value_is_string(status, len, "ok");
}

bool fdt_node_is_compatible(const void *blob, int node, const char *compat)
{
    int len;
    const char *list = fdt_prop(blob, node, "compatible", &len);

    return list != NULL && fdt_stringlist_contains(list, len, compat);
}

/* ---- reg (DT spec 2.3.6) ------------------------------------------------ */

struct reg_layout {
    const uint8_t *cells;
    uint32_t addr_cells;
    uint32_t size_cells;
    int count;
};

static uint32_t cells_or_default(const void *blob, int node, const char *name,
                                 uint32_t fallback)
{
    uint32_t cells;

    return fdt_prop_u32(blob, node, name, &cells) ? cells : fallback;
}

static int reg_layout(const void *blob, int node, struct reg_layout *r)
{
    int len;
    const void *reg = fdt_prop(blob, node, "reg", &len);
    if (reg == NULL)
        return len;

    int parent = fdt_parent(blob, node);
    if (parent < 0)
        return parent == FDT_ERR_NOTFOUND ? FDT_ERR_BADVALUE : parent;
    r->addr_cells = cells_or_default(blob, parent, "#address-cells",
                                     FDT_DEFAULT_ADDR_CELLS);
    r->size_cells =
        cells_or_default(blob, parent, "#size-cells", FDT_DEFAULT_SIZE_CELLS);
    if (r->addr_cells < 1 || r->addr_cells > FDT_MAX_ADDR_CELLS ||
        r->size_cells > FDT_MAX_SIZE_CELLS)
        return FDT_ERR_BADVALUE;

    uint32_t entry_size = (r->addr_cells + r->size_cells) * FDT_CELL_SIZE;
    if ((uint32_t)len % entry_size != 0)
        return FDT_ERR_BADVALUE;
    r->cells = reg;
    r->count = (int)((uint32_t)len / entry_size);
    return 0;
}

/* Big-endian number made of n (0..2) cells. */
static uint64_t read_cells(const uint8_t *p, uint32_t n)
{
    uint64_t value = 0;

    for (uint32_t i = 0; i < n; i++)
        value = (value << 32) | fdt_be32(p + i * FDT_CELL_SIZE);
    return value;
}

int fdt_reg_count(const void *blob, int node)
{
    struct reg_layout r;
    int err = reg_layout(blob, node, &r);

    return err < 0 ? err : r.count;
}

bool fdt_reg(const void *blob, int node, int index, uint64_t *addr,
             uint64_t *size)
{
    struct reg_layout r;

    if (reg_layout(blob, node, &r) < 0 || index < 0 || index >= r.count)
        return false;

    uint32_t entry_cells = r.addr_cells + r.size_cells;
    const uint8_t *entry =
        r.cells + (uint32_t)index * entry_cells * FDT_CELL_SIZE;
    if (addr != NULL)
        *addr = read_cells(entry, r.addr_cells);
    if (size != NULL)
        *size = read_cells(entry + r.addr_cells * FDT_CELL_SIZE, r.size_cells);
    return true;
}
