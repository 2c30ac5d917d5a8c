/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Build-time generator of the device trees of VMs. Linked with the
 * configuration compiled for the host and the platform description, it
 * writes, for every VM without a user-supplied `dtb`, the source of the tree
 * that VM boots with, in two variants: vCPUs with Sstc (vm<i>.dts) and
 * without (vm<i>-nosstc.dts); the hypervisor picks one at boot after probing
 * the harts. It also writes vm_dtbs.S, which embeds the compiled blobs and
 * indexes them:
 *
 *   vm_dtb_table: per VM, { sstc blob, its size, nosstc blob, its size }
 *                 (all 0 for a VM that brings its own dtb)
 *   vm_dtb_count: config.vmlist_size
 *
 *   vm_dtb OUTDIR [NAME]
 *
 * The configuration is first checked with the checks the hypervisor makes
 * (without knowing where the hypervisor image lies: tools/config_check.c
 * adds that once bao.elf is linked), so an invalid one fails here with the
 * same message, named NAME, and never reaches dtc as a broken tree.
 *
 * What a tree holds follows the Devicetree Specification and the Linux
 * bindings for RISC-V cpus, the SiFive PLIC, memory and chosen.
 */
#include <config.h>
#include <config_check.h>
#include <config_query.h>
#include <errno.h>
#include <inttypes.h>
#include <ipc_layout.h>
#include <platform.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <vm_layout.h>

#define IRQ_S_EXT 9  /* scause code of a supervisor external interrupt */
#define IRQ_M_EXT 11 /* and of a machine external interrupt */

#define MAX_EXTS 48
#define EXT_LEN 32

static const char *prog = "vm_dtb";

/* An output file; errors are remembered and reported at close. */
struct out {
    FILE *f;
    char path[4096];
};

static void die(const char *fmt, ...)
    __attribute__((format(printf, 1, 2), noreturn));

static void die(const char *fmt, ...)
{
    va_list ap;

    fprintf(stderr, "%s: ", prog);
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fputc('\n', stderr);
    exit(1);
}

static void out_open(struct out *o, const char *dir, const char *name,
                     const char *who)
{
    int n = snprintf(o->path, sizeof(o->path), "%s/%s", dir, name);

    if (n < 0 || (size_t)n >= sizeof(o->path))
        die("%s: output path too long: %s/%s", who, dir, name);
    o->f = fopen(o->path, "w");
    if (!o->f)
        die("%s: cannot write %s: %s", who, o->path, strerror(errno));
}

static void out_close(struct out *o, const char *who)
{
    bool bad = ferror(o->f) != 0;

    if (fclose(o->f) != 0 || bad)
        die("%s: cannot write %s: %s", who, o->path,
            errno ? strerror(errno) : "I/O error");
}

/* A DTS string literal: quotes, backslashes and control characters escaped. */
static void put_string(FILE *f, const char *s)
{
    fputc('"', f);
    for (; *s; s++) {
        unsigned char c = (unsigned char)*s;

        if (c == '"' || c == '\\')
            fprintf(f, "\\%c", c);
        else if (c == '\n')
            fputs("\\n", f);
        else if (c == '\t')
            fputs("\\t", f);
        else if (c < 0x20 || c == 0x7f)
            fprintf(f, "\\x%02x", c);
        else
            fputc(c, f);
    }
    fputc('"', f);
}

/* Two cells, high word first, as #address-cells or #size-cells = <2>. */
static void put_cells2(FILE *f, uint64_t v)
{
    fprintf(f, "0x%" PRIx32 " 0x%" PRIx32, (uint32_t)(v >> 32), (uint32_t)v);
}

static void put_reg2(FILE *f, const char *indent, uint64_t base, uint64_t size)
{
    fprintf(f, "%sreg = <", indent);
    put_cells2(f, base);
    fputc(' ', f);
    put_cells2(f, size);
    fputs(">;\n", f);
}

/* ------------------------------------------------------------------------ */
/* The ISA a vCPU offers */

struct isa {
    unsigned xlen;
    char letters[27]; /* single-letter extensions, canonical order */
    size_t num_multi;
    char multi[MAX_EXTS][EXT_LEN]; /* multi-letter ones, lowercase */
};

/* Canonical order of single-letter extensions (unprivileged spec, ch. 27). */
static const char letter_order[] = "iemafdqlcbkjtpvnh";

static size_t letter_rank(char c)
{
    const char *p = strchr(letter_order, c);

    return p ? (size_t)(p - letter_order) : sizeof(letter_order) + (size_t)c;
}

static void add_letter(struct isa *isa, char c)
{
    size_t n = strlen(isa->letters), i;

    if (c == 'h' || strchr(isa->letters, c))
        return; /* a guest never sees the hypervisor extension */
    if (n + 1 >= sizeof(isa->letters))
        die("platform guest_isa has too many extensions");
    for (i = n; i > 0 && letter_rank(isa->letters[i - 1]) > letter_rank(c); i--)
        isa->letters[i] = isa->letters[i - 1];
    isa->letters[i] = c;
    isa->letters[n + 1] = '\0';
}

/* Multi-letter extensions: Z ones, then S ones, then X ones. */
static int multi_class(const char *e)
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

static bool has_multi(const struct isa *isa, const char *e)
{
    for (size_t i = 0; i < isa->num_multi; i++)
        if (strcmp(isa->multi[i], e) == 0)
            return true;
    return false;
}

/* Kept in the given order; an added one goes after those of its class
 * that sort before it. */
static void add_multi(struct isa *isa, const char *e, size_t len, bool sorted)
{
    char name[EXT_LEN];
    size_t at = isa->num_multi;

    if (len == 0)
        return;
    if (len >= EXT_LEN || isa->num_multi >= MAX_EXTS)
        die("platform guest_isa: extension list too long");
    memcpy(name, e, len);
    name[len] = '\0';
    if (has_multi(isa, name))
        return;
    if (sorted) {
        for (at = 0; at < isa->num_multi; at++) {
            int a = multi_class(isa->multi[at]), b = multi_class(name);

            if (a > b || (a == b && strcmp(isa->multi[at], name) > 0))
                break;
        }
    }
    memmove(isa->multi[at + 1], isa->multi[at],
            (isa->num_multi - at) * sizeof(isa->multi[0]));
    memcpy(isa->multi[at], name, len + 1);
    isa->num_multi++;
}

static void remove_multi(struct isa *isa, const char *e)
{
    for (size_t i = 0; i < isa->num_multi; i++) {
        if (strcmp(isa->multi[i], e) != 0)
            continue;
        memmove(isa->multi[i], isa->multi[i + 1],
                (isa->num_multi - i - 1) * sizeof(isa->multi[0]));
        isa->num_multi--;
        return;
    }
}

/*
 * "rv64imafdc_zicsr_..." into its parts: lowercase, "g" expanded, "h"
 * dropped, "sstc" present exactly when `sstc`. Version numbers are not
 * supported (the platform description does not use them).
 */
static void parse_isa(const char *s, bool sstc, struct isa *isa)
{
    char buf[512];
    size_t i, n = strlen(s), start;

    memset(isa, 0, sizeof(*isa));
    if (n >= sizeof(buf))
        die("platform guest_isa is too long");
    for (i = 0; i <= n; i++)
        buf[i] = (char)(s[i] >= 'A' && s[i] <= 'Z' ? s[i] - 'A' + 'a' : s[i]);
    if (strncmp(buf, "rv64", 4) == 0)
        isa->xlen = 64;
    else if (strncmp(buf, "rv32", 4) == 0)
        isa->xlen = 32;
    else
        die("platform guest_isa '%s' does not start with rv32 or rv64", s);

    for (i = 4; buf[i] && buf[i] != '_' && !strchr("zsx", buf[i]); i++) {
        if (buf[i] < 'a' || buf[i] > 'z')
            die("platform guest_isa '%s': unexpected '%c'", s, buf[i]);
        if (buf[i] == 'g') {
            for (const char *g = "imafd"; *g; g++)
                add_letter(isa, *g);
            add_multi(isa, "zicsr", 5, true);
            add_multi(isa, "zifencei", 8, true);
        } else {
            add_letter(isa, buf[i]);
        }
    }
    while (buf[i]) {
        if (buf[i] == '_') {
            i++;
            continue;
        }
        for (start = i; buf[i] && buf[i] != '_'; i++)
            ;
        add_multi(isa, buf + start, i - start, false);
    }
    if (!strchr(isa->letters, 'i') && !strchr(isa->letters, 'e'))
        die("platform guest_isa '%s' has no base integer ISA", s);
    remove_multi(isa, "sstc");
    if (sstc)
        add_multi(isa, "sstc", 4, true);
}

static void put_isa(FILE *f, const struct isa *isa)
{
    fprintf(f, "\t\t\triscv,isa = \"rv%u%s", isa->xlen, isa->letters);
    for (size_t i = 0; i < isa->num_multi; i++)
        fprintf(f, "_%s", isa->multi[i]);
    fputs("\";\n", f);
    fprintf(f, "\t\t\triscv,isa-base = \"rv%ui\";\n", isa->xlen);
    fputs("\t\t\triscv,isa-extensions = ", f);
    for (const char *c = isa->letters; *c; c++)
        fprintf(f, "%s\"%c\"", c == isa->letters ? "" : ", ", *c);
    for (size_t i = 0; i < isa->num_multi; i++)
        fprintf(f, ", \"%s\"", isa->multi[i]);
    fputs(";\n", f);
}

/* ------------------------------------------------------------------------ */
/* One VM's tree */

static bool has_irq(const struct vm_dev_region *d, uint64_t irq)
{
    if (!d->interrupts)
        return false;
    for (size_t i = 0; i < d->interrupt_num; i++)
        if (d->interrupts[i] == irq)
            return true;
    return false;
}

static bool dev_in_region(const struct platform_device *pd,
                          const struct vm_dev_region *d)
{
    return pd->size && d->size && pd->base >= d->pa &&
           pd->base + pd->size >= pd->base &&
           pd->base + pd->size <= d->pa + d->size;
}

/* The interrupt of platform device `pd`, if the VM has it. */
static bool dev_irq_given(const struct platform_device *pd,
                          const struct vm_dev_region *d)
{
    return pd->irq != 0 && has_irq(d, pd->irq);
}

/* Interrupt `irq` of region `d` is shown by a device node of that region. */
static bool irq_shown(const struct vm_dev_region *d, uint64_t irq)
{
    bool matched = false;

    for (unsigned k = 0; k < platform.num_devices; k++) {
        const struct platform_device *pd = &platform.devices[k];

        if (!dev_in_region(pd, d))
            continue;
        matched = true;
        if (pd->irq == irq)
            return true;
    }
    /* A region matching no device has a node of its own with them all. */
    return !matched && d->size != 0;
}

static void put_irqs(FILE *f, const char *indent, const uint64_t *irqs,
                     size_t n)
{
    fprintf(f, "%sinterrupt-parent = <&plic>;\n%sinterrupts = <", indent,
            indent);
    for (size_t i = 0; i < n; i++)
        fprintf(f, "%s%" PRIu64, i ? " " : "", irqs[i]);
    fputs(">;\n", f);
}

static void put_cpus(FILE *f, const struct vm_config *cfg, bool sstc)
{
    struct isa isa;

    parse_isa(platform.guest_isa, sstc, &isa);
    fputs("\tcpus {\n\t\t#address-cells = <1>;\n\t\t#size-cells = <0>;\n", f);
    fprintf(f, "\t\ttimebase-frequency = <%" PRIu32 ">;\n",
            platform.timebase_hz);
    for (size_t n = 0; n < cfg->platform.cpu_num; n++) {
        fprintf(f, "\n\t\tcpu@%zx {\n", n);
        fputs("\t\t\tdevice_type = \"cpu\";\n", f);
        fprintf(f, "\t\t\treg = <%zu>;\n", n);
        fputs("\t\t\tcompatible = \"riscv\";\n", f);
        fputs("\t\t\tstatus = \"okay\";\n", f);
        put_isa(f, &isa);
        fputs("\t\t\tmmu-type = ", f);
        put_string(f, platform.guest_mmu_type);
        fputs(";\n", f);
        fprintf(f, "\n\t\t\tcpu%zu_intc: interrupt-controller {\n", n);
        /* No interrupt-map refers to it: 0 address cells (and dtc 1.6
         * wants them said for every interrupt provider). */
        fputs("\t\t\t\t#address-cells = <0>;\n", f);
        fputs("\t\t\t\t#interrupt-cells = <1>;\n", f);
        fputs("\t\t\t\tinterrupt-controller;\n", f);
        fputs("\t\t\t\tcompatible = \"riscv,cpu-intc\";\n", f);
        fputs("\t\t\t};\n\t\t};\n", f);
    }
    fputs("\t};\n", f);
}

static void put_plic(FILE *f, const struct vm_config *cfg, uint64_t base)
{
    fprintf(f, "\n\t\tplic: interrupt-controller@%" PRIx64 " {\n", base);
    fputs("\t\t\tcompatible = \"sifive,plic-1.0.0\", \"riscv,plic0\";\n", f);
    put_reg2(f, "\t\t\t", base, platform.plic.size);
    fputs("\t\t\t#address-cells = <0>;\n", f);
    fputs("\t\t\t#interrupt-cells = <1>;\n", f);
    fputs("\t\t\tinterrupt-controller;\n", f);
    fprintf(f, "\t\t\triscv,ndev = <%u>;\n",
            platform.plic.num_sources ? platform.plic.num_sources - 1 : 0);
    /* Contexts 2n and 2n + 1: vCPU n's M-mode and S-mode. */
    fputs("\t\t\tinterrupts-extended = <", f);
    for (size_t n = 0; n < cfg->platform.cpu_num; n++)
        fprintf(f, "%s&cpu%zu_intc %d &cpu%zu_intc %d", n ? " " : "", n,
                IRQ_M_EXT, n, IRQ_S_EXT);
    fputs(">;\n\t\t};\n", f);
}

static void put_device(FILE *f, const struct platform_device *pd,
                       const struct vm_dev_region *d, bool plic)
{
    uint64_t gpa = d->va + (pd->base - d->pa);

    fprintf(f, "\n\t\t%s@%" PRIx64 " {\n", pd->name, gpa);
    fputs("\t\t\tcompatible = ", f);
    put_string(f, pd->compatible);
    fputs(";\n", f);
    put_reg2(f, "\t\t\t", gpa, pd->size);
    if (pd->props)
        fprintf(f, "\t\t\t%s\n", pd->props);
    if (plic && dev_irq_given(pd, d)) {
        uint64_t irq = pd->irq;

        put_irqs(f, "\t\t\t", &irq, 1);
    }
    fputs("\t\t};\n", f);
}

/* A region of the config that is not a device the platform knows. */
static void put_passthrough(FILE *f, const struct vm_dev_region *d, bool plic)
{
    fprintf(f, "\n\t\tpassthrough@%" PRIx64 " {\n", d->va);
    fputs("\t\t\tcompatible = \"baobab,passthrough\";\n", f);
    put_reg2(f, "\t\t\t", d->va, d->size);
    if (plic && d->interrupts && d->interrupt_num)
        put_irqs(f, "\t\t\t", d->interrupts, d->interrupt_num);
    fputs("\t\t};\n", f);
}

/*
 * An inter-VM shared-memory window, in Bao's binding: "bao,ipcshmem" with
 * reg, the channels (offset, size) when two VMs share it, the interrupts
 * the peers' notifications raise and `id`, the index the IPC notify
 * hypercall takes.
 */
static void put_ipc(FILE *f, size_t vm, size_t i, bool plic)
{
    const struct ipc *c = &config.vmlist[vm].platform.ipcs[i];
    struct ipc_channels ch;

    fprintf(f, "\n\t\tbao-ipc@%" PRIx64 " {\n", c->base);
    fputs("\t\t\tcompatible = \"bao,ipcshmem\";\n", f);
    put_reg2(f, "\t\t\t", c->base, c->size);
    if (ipc_channels(&config, vm, i, &ch)) {
        fprintf(f, "\t\t\tread-channel = <0x%" PRIx64 " 0x%" PRIx64 ">;\n",
                ch.read_offset, ch.size);
        fprintf(f, "\t\t\twrite-channel = <0x%" PRIx64 " 0x%" PRIx64 ">;\n",
                ch.write_offset, ch.size);
    }
    if (plic && c->interrupts && c->interrupt_num)
        put_irqs(f, "\t\t\t", c->interrupts, c->interrupt_num);
    fprintf(f, "\t\t\tid = <%zu>;\n", i);
    fputs("\t\t};\n", f);
}

/* The platform's console UART, which VMs not owning it get emulated. */
static const struct platform_device *console_device(void)
{
    for (unsigned k = 0; k < platform.num_devices; k++) {
        if (platform.devices[k].base == platform.console_uart.base)
            return &platform.devices[k];
    }
    return NULL;
}

/* The UART the VM gets emulated: unless it is the only VM listing it. */
static const struct platform_device *emulated_uart(size_t vm)
{
    if (vm_owns_console_uart(&config, vm, platform.console_uart.base,
                             platform.console_uart.size))
        return NULL;
    return console_device();
}

/* A devs[] entry that is the console UART several VMs list: not shown,
 * the emulated UART's node stands for it. */
static bool is_emulated_entry(size_t vm, size_t j)
{
    return vm_dev_is_emulated_uart(&config, vm, j, platform.console_uart.base,
                                   platform.console_uart.size);
}

static bool soc_empty(size_t vm, const struct vm_platform *p)
{
    if (p->arch.irqc.plic.base || (p->ipcs && p->ipc_num) || emulated_uart(vm))
        return false;
    for (size_t j = 0; p->devs && j < p->dev_num; j++)
        if (p->devs[j].size)
            return false;
    return true;
}

static void put_soc(FILE *f, size_t vm, const struct vm_config *cfg)
{
    const struct vm_platform *p = &cfg->platform;
    bool plic = p->arch.irqc.plic.base != 0;
    const struct platform_device *uart = emulated_uart(vm);

    if (soc_empty(vm, p))
        return;
    fputs("\n\tsoc {\n\t\tcompatible = \"simple-bus\";\n\t\tranges;\n", f);
    fputs("\t\t#address-cells = <2>;\n\t\t#size-cells = <2>;\n", f);
    if (plic)
        put_plic(f, cfg, p->arch.irqc.plic.base);
    for (size_t j = 0; p->devs && j < p->dev_num; j++) {
        const struct vm_dev_region *d = &p->devs[j];
        bool matched = false;

        if (!d->size || is_emulated_entry(vm, j))
            continue;
        for (unsigned k = 0; k < platform.num_devices; k++) {
            if (!dev_in_region(&platform.devices[k], d))
                continue;
            put_device(f, &platform.devices[k], d, plic);
            matched = true;
        }
        if (!matched)
            put_passthrough(f, d, plic);
    }
    if (uart) {
        /* Emulated in place: same address and interrupt as the real one. */
        const struct vm_dev_region identity = {
            .pa = uart->base,
            .va = uart->base,
            .size = uart->size,
            .interrupt_num = 1,
            .interrupts = (irqid_t[]){uart->irq},
        };

        put_device(f, uart, &identity, plic);
    }
    for (size_t j = 0; p->ipcs && j < p->ipc_num; j++)
        put_ipc(f, vm, j, plic);
    fputs("\t};\n", f);
}

/* Interrupts given to the VM that no node above shows (for example those
 * of a region without memory): listed here so that nothing is hidden. */
static void put_other_irqs(FILE *f, const struct vm_platform *p)
{
    uint64_t irqs[256];
    size_t n = 0;

    if (!p->arch.irqc.plic.base)
        return;
    for (size_t j = 0; p->devs && j < p->dev_num; j++) {
        const struct vm_dev_region *d = &p->devs[j];

        for (size_t i = 0; d->interrupts && i < d->interrupt_num; i++) {
            if (irq_shown(d, d->interrupts[i]))
                continue;
            if (n == sizeof(irqs) / sizeof(irqs[0]))
                die("too many interrupts");
            irqs[n++] = d->interrupts[i];
        }
    }
    if (!n)
        return;
    fputs("\n\tpassthrough-interrupts {\n", f);
    fputs("\t\tcompatible = \"baobab,passthrough\";\n", f);
    put_irqs(f, "\t\t", irqs, n);
    fputs("\t};\n", f);
}

/* The node path of the console UART in the VM's tree, if it has it. */
static bool stdout_path(size_t vm, const struct vm_platform *p, char *buf,
                        size_t len)
{
    const struct platform_device *uart = console_device();

    if (!uart)
        return false;
    if (emulated_uart(vm)) {
        snprintf(buf, len, "/soc/%s@%" PRIx64, uart->name, uart->base);
        return true;
    }
    /* Passed through: at the guest address of the region holding it. */
    for (size_t j = 0; p->devs && j < p->dev_num; j++) {
        const struct vm_dev_region *d = &p->devs[j];

        if (!dev_in_region(uart, d))
            continue;
        snprintf(buf, len, "/soc/%s@%" PRIx64, uart->name,
                 d->va + (uart->base - d->pa));
        return true;
    }
    return false;
}

static void put_chosen(FILE *f, size_t vm, const struct vm_config *cfg)
{
    struct vm_layout l;
    char path[128];

    fputs("\n\tchosen {\n", f);
    if (cfg->bootargs) {
        fputs("\t\tbootargs = ", f);
        put_string(f, cfg->bootargs);
        fputs(";\n", f);
    }
    if (cfg->initrd.size && vm_layout_compute(cfg, &l)) {
        fputs("\t\tlinux,initrd-start = <", f);
        put_cells2(f, l.initrd_gpa);
        fputs(">;\n\t\tlinux,initrd-end = <", f);
        put_cells2(f, l.initrd_gpa + l.initrd_size);
        fputs(">;\n", f);
    }
    if (stdout_path(vm, &cfg->platform, path, sizeof(path))) {
        fputs("\t\tstdout-path = ", f);
        put_string(f, path);
        fputs(";\n", f);
    }
    fputs("\t};\n", f);
}

static void put_tree(FILE *f, size_t vm, const struct vm_config *cfg, bool sstc)
{
    const struct vm_platform *p = &cfg->platform;
    char model[256];

    fprintf(f,
            "// SPDX-License-Identifier: Apache-2.0\n"
            "// VM %zu's device tree, generated from the configuration by "
            "tools/vm_dtb.c\n"
            "// (vCPUs %s Sstc). Edit the configuration, not this file.\n"
            "/dts-v1/;\n\n/ {\n",
            vm, sstc ? "with" : "without");
    fputs("\t#address-cells = <2>;\n\t#size-cells = <2>;\n", f);
    fputs("\tcompatible = \"baobab,vm\";\n", f);
    snprintf(model, sizeof(model), "Baobab VM %zu on %s", vm, platform.name);
    fputs("\tmodel = ", f);
    put_string(f, model);
    fputs(";\n", f);

    put_chosen(f, vm, cfg);
    fputc('\n', f);
    put_cpus(f, cfg, sstc);
    for (size_t i = 0; p->regions && i < p->region_num; i++) {
        const struct vm_mem_region *r = &p->regions[i];

        fprintf(f, "\n\tmemory@%" PRIx64 " {\n", r->base);
        fputs("\t\tdevice_type = \"memory\";\n", f);
        put_reg2(f, "\t\t", r->base, r->size);
        fputs("\t};\n", f);
    }
    put_soc(f, vm, cfg);
    put_other_irqs(f, p);
    fputs("};\n", f);
}

/* ------------------------------------------------------------------------ */

static void write_tree(const char *dir, size_t vm, bool sstc)
{
    char name[64], who[32];
    struct out o = {0};

    snprintf(who, sizeof(who), "VM %zu", vm);
    snprintf(name, sizeof(name), "vm%zu%s.dts", vm, sstc ? "" : "-nosstc");
    out_open(&o, dir, name, who);
    put_tree(o.f, vm, &config.vmlist[vm], sstc);
    out_close(&o, who);
}

static void write_table(const char *dir)
{
    struct out o = {0};

    out_open(&o, dir, "vm_dtbs.S", "vm_dtbs.S");
    fputs("/* Generated by tools/vm_dtb.c: the VMs' device trees. */\n", o.f);
    for (size_t i = 0; i < config.vmlist_size; i++) {
        if (config.vmlist[i].dtb.size)
            continue;
        for (int v = 0; v < 2; v++) {
            const char *sfx = v ? "-nosstc" : "";
            const char *lbl = v ? "nosstc" : "sstc";

            fprintf(o.f,
                    "\t.section .rodata\n\t.balign 8\n"
                    ".Lvm%zu_%s:\n\t.incbin \"%s/vm%zu%s.dtb\"\n"
                    ".Lvm%zu_%s_end:\n"
                    "\t.if .Lvm%zu_%s_end - .Lvm%zu_%s > %d\n"
                    "\t.error \"VM %zu: device tree larger than its "
                    "%d-byte slot\"\n\t.endif\n",
                    i, lbl, dir, i, sfx, i, lbl, i, lbl, i, lbl,
                    VM_DTB_SLOT_SIZE, i, VM_DTB_SLOT_SIZE);
        }
    }
    fputs("\n\t.section .rodata\n\t.balign 8\n", o.f);
    fputs("\t.global vm_dtb_table\n\t.type vm_dtb_table, @object\n", o.f);
    fputs("vm_dtb_table:\n", o.f);
    for (size_t i = 0; i < config.vmlist_size; i++) {
        if (config.vmlist[i].dtb.size) {
            fprintf(o.f, "\t.quad 0, 0, 0, 0 /* VM %zu: user dtb */\n", i);
            continue;
        }
        fprintf(o.f,
                "\t.quad .Lvm%zu_sstc, .Lvm%zu_sstc_end - .Lvm%zu_sstc\n"
                "\t.quad .Lvm%zu_nosstc, .Lvm%zu_nosstc_end - .Lvm%zu_nosstc\n",
                i, i, i, i, i, i);
    }
    fputs("\t.size vm_dtb_table, . - vm_dtb_table\n\n", o.f);
    fputs("\t.global vm_dtb_count\n\t.type vm_dtb_count, @object\n", o.f);
    fprintf(o.f, "vm_dtb_count:\n\t.quad %zu\n", config.vmlist_size);
    fputs("\t.size vm_dtb_count, 8\n", o.f);
    out_close(&o, "vm_dtbs.S");
}

int main(int argc, char **argv)
{
    struct config_target target =
        config_target_for_platform(&platform, (1UL << platform.max_harts) - 1);
    struct config_error err;
    const char *dir, *name;

    if (argc < 2 || argc > 3) {
        fprintf(stderr, "usage: %s OUTDIR [NAME]\n", argv[0]);
        return 2;
    }
    dir = argv[1];
    name = argc == 3 ? argv[2] : "?";
    if (strpbrk(dir, "\"\\\n"))
        die("output directory '%s' cannot be named in assembly", dir);
    /* Where the hypervisor lies is not known yet (hyp_size 0). */
    if (config_check(&config, &target, NULL, &err)) {
        fprintf(stderr, "error: config '%s': %s\n", name, err.msg);
        return 1;
    }
    for (size_t i = 0; i < config.vmlist_size; i++) {
        if (config.vmlist[i].dtb.size)
            continue;
        write_tree(dir, i, true);
        write_tree(dir, i, false);
    }
    write_table(dir);
    return 0;
}
