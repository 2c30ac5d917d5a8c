/* SPDX-License-Identifier: Apache-2.0 */
#include <arch/isa.h>
#include <lib/string.h>

static char lower(char c)
{
    return c >= 'A' && c <= 'Z' ? (char)(c - 'A' + 'a') : c;
}

/* What "g" stands for (zicsr and zifencei are not single letters). */
static bool in_g(char letter)
{
    letter = lower(letter);
    return letter && strchr(ISA_G_LETTERS, letter);
}

/* Multi-letter names start with z, s or x (h only as "h" + more letters). */
static bool starts_multi(char c)
{
    c = lower(c);
    return c == 'z' || c == 's' || c == 'x';
}

unsigned isa_xlen(const char *isa)
{
    if (lower(isa[0]) != 'r' || lower(isa[1]) != 'v')
        return 0;
    if (isa[2] == '6' && isa[3] == '4')
        return 64;
    if (isa[2] == '3' && isa[3] == '2')
        return 32;
    return 0;
}

const char *isa_letters(const char *isa, size_t *len)
{
    size_t n = 0;

    if (!isa_xlen(isa))
        return NULL;
    isa += 4;
    while (isa[n] && isa[n] != '_' && !starts_multi(isa[n]))
        n++;
    *len = n;
    return isa;
}

const char *isa_next_extension(const char *p, size_t *len)
{
    size_t n = 0;

    while (*p == '_')
        p++;
    if (!*p)
        return NULL;
    while (p[n] && p[n] != '_')
        n++;
    *len = n;
    return p;
}

bool isa_has_letter(const char *isa, char letter)
{
    size_t n;
    const char *p = isa_letters(isa, &n);

    for (size_t i = 0; p && i < n; i++) {
        if (lower(p[i]) == lower(letter) ||
            (lower(p[i]) == 'g' && in_g(letter)))
            return true;
    }
    return false;
}

unsigned isa_state_units(const char *isa)
{
    unsigned units = 0;

    if (isa_has_letter(isa, 'f'))
        units |= ISA_UNIT_F;
    /* D depends on F (unpriv. spec 21.1). */
    if ((units & ISA_UNIT_F) && isa_has_letter(isa, 'd'))
        units |= ISA_UNIT_D;
    if (isa_has_letter(isa, 'v'))
        units |= ISA_UNIT_V;
    return units;
}

static bool same_name(const char *ext, size_t len, const char *name)
{
    size_t i = 0;

    while (i < len && name[i] && lower(ext[i]) == lower(name[i]))
        i++;
    return i == len && name[i] == '\0';
}

bool isa_has_extension(const char *isa, const char *name)
{
    const char *p = strchr(isa, '_');
    size_t len;

    while (p && (p = isa_next_extension(p, &len))) {
        if (same_name(p, len, name))
            return true;
        p += len;
    }
    return false;
}

/* ---- Canonical form ---- */

/* Canonical order of single-letter extensions (unprivileged spec, ch. 27). */
static const char letter_order[] = "iemafdqlcbkjtpvnh";

static size_t letter_rank(char c)
{
    const char *p = strchr(letter_order, c);

    return p ? (size_t)(p - letter_order) : sizeof(letter_order) + (size_t)c;
}

static void add_letter(struct isa_parts *isa, char c)
{
    size_t n = strlen(isa->letters), i;

    if (strchr(isa->letters, c))
        return;
    /* At most 26 distinct letters: the array always has room. */
    for (i = n; i > 0 && letter_rank(isa->letters[i - 1]) > letter_rank(c); i--)
        isa->letters[i] = isa->letters[i - 1];
    isa->letters[i] = c;
    isa->letters[n + 1] = '\0';
}

void isa_remove_letter(struct isa_parts *isa, char letter)
{
    char *p = strchr(isa->letters, lower(letter));

    if (letter && p)
        memmove(p, p + 1, strlen(p));
}

/* Z names, then S names, then X names. */
static int ext_class(const char *e)
{
    switch (e[0]) {
    case 'z':
        return 0;
    case 's':
        return 1;
    case 'x':
        return 2;
    default:
        return 3;
    }
}

static bool has_ext(const struct isa_parts *isa, const char *e)
{
    for (size_t i = 0; i < isa->num_ext; i++) {
        if (strcmp(isa->ext[i], e) == 0)
            return true;
    }
    return false;
}

/* At the end, or (`sorted`) after those of its class that sort before it. */
static enum isa_parse_error add_ext(struct isa_parts *isa, const char *e,
                                    size_t len, bool sorted)
{
    char name[ISA_NAME_MAX];
    size_t at = isa->num_ext;

    if (len == 0)
        return ISA_PARSE_OK;
    if (len >= ISA_NAME_MAX || isa->num_ext >= ISA_MAX_EXTENSIONS)
        return ISA_PARSE_TOO_MANY;
    for (size_t i = 0; i < len; i++)
        name[i] = lower(e[i]);
    name[len] = '\0';
    if (has_ext(isa, name))
        return ISA_PARSE_OK;
    if (sorted) {
        for (at = 0; at < isa->num_ext; at++) {
            int a = ext_class(isa->ext[at]), b = ext_class(name);

            if (a > b || (a == b && strcmp(isa->ext[at], name) > 0))
                break;
        }
    }
    memmove(isa->ext[at + 1], isa->ext[at],
            (isa->num_ext - at) * sizeof(isa->ext[0]));
    memcpy(isa->ext[at], name, len + 1);
    isa->num_ext++;
    return ISA_PARSE_OK;
}

enum isa_parse_error isa_add_extension(struct isa_parts *isa, const char *name)
{
    return add_ext(isa, name, strlen(name), true);
}

void isa_remove_extension(struct isa_parts *isa, const char *name)
{
    for (size_t i = 0; i < isa->num_ext; i++) {
        if (strcmp(isa->ext[i], name) != 0)
            continue;
        memmove(isa->ext[i], isa->ext[i + 1],
                (isa->num_ext - i - 1) * sizeof(isa->ext[0]));
        isa->num_ext--;
        return;
    }
}

static enum isa_parse_error add_letters(struct isa_parts *isa, const char *p,
                                        size_t n, char *bad)
{
    for (size_t i = 0; i < n; i++) {
        char c = lower(p[i]);

        if (c < 'a' || c > 'z') {
            if (bad)
                *bad = c;
            return ISA_PARSE_BAD_LETTER;
        }
        if (c != 'g') {
            add_letter(isa, c);
            continue;
        }
        for (const char *g = ISA_G_LETTERS; *g; g++)
            add_letter(isa, *g);
        if (add_ext(isa, "zicsr", 5, true) || add_ext(isa, "zifencei", 8, true))
            return ISA_PARSE_TOO_MANY;
    }
    return ISA_PARSE_OK;
}

enum isa_parse_error isa_parse(const char *s, struct isa_parts *isa, char *bad)
{
    enum isa_parse_error e;
    const char *p;
    size_t n;

    memset(isa, 0, sizeof(*isa));
    if (strlen(s) >= ISA_STRING_MAX)
        return ISA_PARSE_TOO_LONG;
    isa->xlen = isa_xlen(s);
    p = isa_letters(s, &n);
    if (!p)
        return ISA_PARSE_NO_BASE;
    e = add_letters(isa, p, n, bad);
    for (p += n; !e && (p = isa_next_extension(p, &n)); p += n)
        e = add_ext(isa, p, n, false);
    if (e)
        return e;
    if (!strchr(isa->letters, 'i') && !strchr(isa->letters, 'e'))
        return ISA_PARSE_NO_INTEGER;
    return ISA_PARSE_OK;
}

/* Append `s` at `*at`; false when it does not fit. */
static bool put(char *buf, size_t len, size_t *at, const char *s)
{
    size_t n = strlen(s);

    if (*at + n >= len)
        return false;
    memcpy(buf + *at, s, n + 1);
    *at += n;
    return true;
}

bool isa_format(const struct isa_parts *isa, char *buf, size_t len)
{
    size_t at = 0;

    if (len == 0 || !put(buf, len, &at, isa->xlen == 32 ? "rv32" : "rv64") ||
        !put(buf, len, &at, isa->letters))
        return false;
    for (size_t i = 0; i < isa->num_ext; i++) {
        if (!put(buf, len, &at, "_") || !put(buf, len, &at, isa->ext[i]))
            return false;
    }
    return true;
}
