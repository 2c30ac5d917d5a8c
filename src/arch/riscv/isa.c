/* SPDX-License-Identifier: Apache-2.0 */
#include <arch/isa.h>
#include <lib/string.h>

static char lower(char c)
{
    return c >= 'A' && c <= 'Z' ? (char)(c - 'A' + 'a') : c;
}

/* What "g" stands for (unpriv. spec 27.8; zicsr and zifencei are not
 * single letters). */
static bool in_g(char letter)
{
    letter = lower(letter);
    return letter == 'i' || letter == 'm' || letter == 'a' || letter == 'f' ||
           letter == 'd';
}

bool isa_has_letter(const char *isa, char letter)
{
    const char *p = isa;

    if (strncmp(p, "rv32", 4) && strncmp(p, "rv64", 4) &&
        strncmp(p, "RV32", 4) && strncmp(p, "RV64", 4))
        return false;
    for (p += 4; *p && *p != '_'; p++) {
        /* Multi-letter names start with z, s, x (or h as "h..." + more). */
        if (lower(*p) == 'z' || lower(*p) == 's' || lower(*p) == 'x')
            break;
        if (lower(*p) == lower(letter) || (lower(*p) == 'g' && in_g(letter)))
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

bool isa_has_extension(const char *isa, const char *name)
{
    size_t n = strlen(name);

    for (const char *p = strchr(isa, '_'); p; p = strchr(p + 1, '_')) {
        const char *ext = p + 1;
        size_t i = 0;

        while (i < n && ext[i] && lower(ext[i]) == lower(name[i]))
            i++;
        if (i == n && (ext[n] == '_' || ext[n] == '\0'))
            return true;
    }
    return false;
}
