/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Build-time configuration check. Linked with the configuration compiled
 * for the host and the platform description, it runs the same
 * config_check() the hypervisor runs at boot, so a bad configuration stops
 * the build with the VM and the field named.
 *
 *   config_check NAME HYP_START HYP_END   (addresses in hex, from bao.elf)
 */
#include <core/config.h>
#include <core/config_check.h>
#include <core/platform.h>
#include <stdio.h>
#include <stdlib.h>

static uint64_t parse_hex(const char *s)
{
    char *end;
    unsigned long long v = strtoull(s, &end, 16);

    if (*s == '\0' || *end != '\0') {
        fprintf(stderr, "config_check: bad address '%s'\n", s);
        exit(2);
    }
    return v;
}

static void warn(const char *msg, void *name)
{
    fprintf(stderr, "warning: config '%s': %s\n", (const char *)name, msg);
}

static void note(const char *msg, void *name)
{
    fprintf(stderr, "note: config '%s': %s\n", (const char *)name, msg);
}

int main(int argc, char **argv)
{
    struct config_target target =
        config_target_for_platform(&platform, (1UL << platform.max_harts) - 1);
    struct config_error err;
    uint64_t hyp_start, hyp_end;

    if (argc != 4) {
        fprintf(stderr, "usage: %s NAME HYP_START HYP_END\n", argv[0]);
        return 2;
    }
    hyp_start = parse_hex(argv[2]);
    hyp_end = parse_hex(argv[3]);
    target.hyp_base = hyp_start;
    target.hyp_size = (hyp_end - hyp_start + 0xfff) & ~0xfffUL;
    if (config_check(&config, &target, NULL, &err)) {
        fprintf(stderr, "error: config '%s': %s\n", argv[1], err.msg);
        return 1;
    }
    config_unapplied(&config, &target, warn, argv[1]);
    config_notes(&config, &target, note, argv[1]);
    printf("config '%s': %zu VM%s checked for %s\n", argv[1],
           config.vmlist_size, config.vmlist_size == 1 ? "" : "s",
           platform.name);
    return 0;
}
