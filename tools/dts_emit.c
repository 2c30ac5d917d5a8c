/* SPDX-License-Identifier: Apache-2.0 */
#include "dts_emit.h"

#include <inttypes.h>
#include <stdarg.h>

struct dts dts_start(FILE *f)
{
    return (struct dts){.f = f};
}

static void indent(struct dts *d)
{
    for (unsigned i = 0; i < d->depth; i++)
        fputc('\t', d->f);
}

void dts_comment(struct dts *d, const char *fmt, ...)
{
    va_list ap;

    indent(d);
    fputs("// ", d->f);
    va_start(ap, fmt);
    vfprintf(d->f, fmt, ap);
    va_end(ap);
    fputc('\n', d->f);
}

void dts_version(struct dts *d)
{
    fputs("/dts-v1/;\n", d->f);
}

void dts_node_begin(struct dts *d, const char *label, const char *fmt, ...)
{
    va_list ap;

    fputc('\n', d->f);
    indent(d);
    if (label)
        fprintf(d->f, "%s: ", label);
    va_start(ap, fmt);
    vfprintf(d->f, fmt, ap);
    va_end(ap);
    fputs(" {\n", d->f);
    d->depth++;
}

void dts_node_end(struct dts *d)
{
    d->depth--;
    indent(d);
    fputs("};\n", d->f);
}

void dts_prop_begin(struct dts *d, const char *name)
{
    indent(d);
    fprintf(d->f, "%s = ", name);
    d->values = 0;
}

void dts_prop_end(struct dts *d)
{
    fputs(";\n", d->f);
}

static void next_value(struct dts *d)
{
    if (d->values++)
        fputs(", ", d->f);
}

/* A DTS string literal: quotes, backslashes and control characters escaped. */
void dts_string(struct dts *d, const char *s)
{
    next_value(d);
    fputc('"', d->f);
    for (; *s; s++) {
        unsigned char c = (unsigned char)*s;

        if (c == '"' || c == '\\')
            fprintf(d->f, "\\%c", c);
        else if (c == '\n')
            fputs("\\n", d->f);
        else if (c == '\t')
            fputs("\\t", d->f);
        else if (c < 0x20 || c == 0x7f)
            fprintf(d->f, "\\x%02x", c);
        else
            fputc(c, d->f);
    }
    fputc('"', d->f);
}

void dts_cells_begin(struct dts *d)
{
    next_value(d);
    fputc('<', d->f);
    d->cells = 0;
}

void dts_cells_end(struct dts *d)
{
    fputc('>', d->f);
}

static void next_cell(struct dts *d)
{
    if (d->cells++)
        fputc(' ', d->f);
}

void dts_cell(struct dts *d, uint64_t v)
{
    next_cell(d);
    fprintf(d->f, "%" PRIu64, v);
}

void dts_cell_hex(struct dts *d, uint64_t v)
{
    next_cell(d);
    fprintf(d->f, "0x%" PRIx64, v);
}

/* High word first. */
void dts_cell_u64(struct dts *d, uint64_t v)
{
    dts_cell_hex(d, v >> 32);
    dts_cell_hex(d, (uint32_t)v);
}

void dts_cell_ref(struct dts *d, const char *label)
{
    next_cell(d);
    fprintf(d->f, "&%s", label);
}

void dts_prop_empty(struct dts *d, const char *name)
{
    indent(d);
    fprintf(d->f, "%s;\n", name);
}

void dts_prop_string(struct dts *d, const char *name, const char *s)
{
    dts_prop_begin(d, name);
    dts_string(d, s);
    dts_prop_end(d);
}

void dts_prop_u32(struct dts *d, const char *name, uint32_t v)
{
    dts_prop_begin(d, name);
    dts_cells_begin(d);
    dts_cell(d, v);
    dts_cells_end(d);
    dts_prop_end(d);
}

void dts_prop_u64(struct dts *d, const char *name, uint64_t v)
{
    dts_prop_begin(d, name);
    dts_cells_begin(d);
    dts_cell_u64(d, v);
    dts_cells_end(d);
    dts_prop_end(d);
}

void dts_prop_reg2(struct dts *d, uint64_t base, uint64_t size)
{
    dts_prop_begin(d, "reg");
    dts_cells_begin(d);
    dts_cell_u64(d, base);
    dts_cell_u64(d, size);
    dts_cells_end(d);
    dts_prop_end(d);
}

void dts_prop_text(struct dts *d, const char *text)
{
    indent(d);
    fprintf(d->f, "%s\n", text);
}
