/* SPDX-License-Identifier: Apache-2.0 */
#include <core/machine_fit.h>
#include <lib/fdt.h>
#include <lib/format.h>
#include <lib/util.h>
#include <stdarg.h>

/* Device-tree binding: serial/8250.yaml of the Linux DT binding docs. */
/* UARTs the NS16550 driver drives (device-tree bindings serial/8250.yaml
 * and snps-dw-apb-uart.yaml; register layout from reg-shift and
 * reg-io-width). An XScale UART's IER unit-enable bit the driver keeps. */
static const char *const uart_compatibles[] = {
    "ns16550a", "ns16550", "snps,dw-apb-uart", "intel,xscale-uart"};

bool machine_fit_is_uart(const void *dtb, int node)
{
    for (size_t i = 0; i < ARRAY_SIZE(uart_compatibles); i++) {
        if (fdt_node_is_compatible(dtb, node, uart_compatibles[i]))
            return true;
    }
    return false;
}

void machine_fit_say(char *buf, size_t size, const char *fmt, ...)
{
    va_list ap;

    va_start(ap, fmt);
    vsnprintf(buf, size, fmt, ap);
    va_end(ap);
}

bool machine_dtb_usable(const void *dtb)
{
    return dtb && fdt_check(dtb, HOST_DTB_MAX_SIZE) == 0;
}

bool machine_fit_node_base(const void *dtb, int node, uint64_t *base)
{
    return fdt_reg(dtb, node, 0, base, NULL);
}

bool machine_fit_find_at(const void *dtb, const char *const *compats, size_t n,
                         uint64_t want, bool *found, uint64_t *other)
{
    *found = false;
    for (size_t i = 0; i < n; i++) {
        for (int node = fdt_next_compatible(dtb, -1, compats[i]); node >= 0;
             node = fdt_next_compatible(dtb, node, compats[i])) {
            uint64_t base;

            if (!machine_fit_node_base(dtb, node, &base))
                continue;
            if (base == want)
                return true;
            if (!*found)
                *other = base;
            *found = true;
        }
    }
    return false;
}

int machine_fit_console(const void *dtb, const struct platform *p,
                        struct machine_fit_error *err)
{
    uint64_t want = p->console_uart.base, other = 0;
    bool found;

    if (!machine_dtb_usable(dtb) ||
        machine_fit_find_at(dtb, uart_compatibles, ARRAY_SIZE(uart_compatibles),
                            want, &found, &other))
        return 0;
    if (found)
        machine_fit_say(
            err->msg, sizeof(err->msg),
            "this machine has its NS16550-family UART at 0x%lx; the "
            "build expects its console UART at 0x%lx (platform %s)",
            (unsigned long)other, (unsigned long)want, p->name);
    else
        machine_fit_say(
            err->msg, sizeof(err->msg),
            "this machine has no NS16550-family UART; the build expects "
            "its console UART at 0x%lx (platform %s)",
            (unsigned long)want, p->name);
    return -1;
}

/* "2,3": the hart ids in mask, for messages. */
static void hart_list(uint64_t mask, char *buf, size_t size)
{
    size_t len = 0;

    buf[0] = '\0';
    for (unsigned h = 0; h < 64 && len < size; h++) {
        if (mask & (1UL << h))
            len += (size_t)snprintf(buf + len, size - len, "%s%u",
                                    len ? "," : "", h);
    }
}

/* "VM 0: 3, VM 1: 1": each VM's vCPU count, for messages. */
static void vcpu_list(const struct config *cfg, char *buf, size_t size)
{
    size_t len = 0;

    buf[0] = '\0';
    for (size_t i = 0; i < cfg->vmlist_size && len < size; i++)
        len += (size_t)snprintf(buf + len, size - len, "%sVM %lu: %lu",
                                i ? ", " : "", (unsigned long)i,
                                (unsigned long)cfg->vmlist[i].platform.cpu_num);
}

int machine_fit_harts(const struct config *cfg, const char *config_name,
                      uint64_t hart_mask, struct machine_fit_error *err)
{
    unsigned needed = 0, have = popcount64(hart_mask);
    char harts[64], vcpus[96];

    hart_list(hart_mask, harts, sizeof(harts));
    for (size_t i = 0; i < cfg->vmlist_size; i++) {
        const struct vm_config *vm = &cfg->vmlist[i];
        uint64_t missing = vm->cpu_affinity & ~hart_mask;
        char lacks[64];

        needed += (unsigned)vm->platform.cpu_num;
        if (!missing)
            continue;
        hart_list(missing, lacks, sizeof(lacks));
        machine_fit_say(
            err->msg, sizeof(err->msg),
            "this machine has harts %s; the build expects harts %s too, "
            "for VM %lu's cpu_affinity 0x%lx (config %s)",
            harts, lacks, (unsigned long)i, (unsigned long)vm->cpu_affinity,
            config_name);
        return -1;
    }
    if (needed <= have)
        return 0;
    vcpu_list(cfg, vcpus, sizeof(vcpus));
    machine_fit_say(
        err->msg, sizeof(err->msg),
        "this machine has %u harts (%s); the build expects %u, one per "
        "vCPU (config %s: %s vCPUs)",
        have, harts, needed, config_name, vcpus);
    return -1;
}

static bool in_ram(const struct mem_range *ram, unsigned ram_num, uint64_t base,
                   uint64_t size)
{
    for (unsigned i = 0; i < ram_num; i++) {
        if (base >= ram[i].base && size <= ram[i].size &&
            base - ram[i].base <= ram[i].size - size)
            return true;
    }
    return false;
}

/* "0x80000000-0x8fffffff, ...": the machine's RAM, for messages. */
static void ram_list(const struct mem_range *ram, unsigned ram_num, char *buf,
                     size_t size)
{
    size_t len = 0;

    buf[0] = '\0';
    for (unsigned i = 0; i < ram_num && len < size; i++)
        len += (size_t)snprintf(buf + len, size - len, "%s0x%lx-0x%lx",
                                i ? ", " : "", (unsigned long)ram[i].base,
                                (unsigned long)(ram[i].base + ram[i].size - 1));
}

static int ram_error(const struct mem_range *ram, unsigned ram_num,
                     const char *what, uint64_t base, uint64_t size,
                     const char *config_name, struct machine_fit_error *err)
{
    char have[96];

    ram_list(ram, ram_num, have, sizeof(have));
    machine_fit_say(err->msg, sizeof(err->msg),
                    "this machine has RAM at %s; the build expects RAM at "
                    "0x%lx-0x%lx for %s (config %s)",
                    have, (unsigned long)base, (unsigned long)(base + size - 1),
                    what, config_name);
    return -1;
}

int machine_fit_ram(const struct config *cfg, const char *config_name,
                    const struct mem_range *ram, unsigned ram_num,
                    struct machine_fit_error *err)
{
    char what[48];

    for (size_t v = 0; v < cfg->vmlist_size; v++) {
        const struct vm_config *vm = &cfg->vmlist[v];

        for (size_t i = 0; i < vm->platform.region_num; i++) {
            const struct vm_mem_region *r = &vm->platform.regions[i];

            if (!r->place_phys || in_ram(ram, ram_num, r->phys, r->size))
                continue;
            machine_fit_say(what, sizeof(what), "VM %lu regions[%lu]",
                            (unsigned long)v, (unsigned long)i);
            return ram_error(ram, ram_num, what, r->phys, r->size, config_name,
                             err);
        }
        if (vm->image.separately_loaded &&
            !in_ram(ram, ram_num, vm->image.load_addr, vm->image.size)) {
            machine_fit_say(what, sizeof(what), "VM %lu's loaded image",
                            (unsigned long)v);
            return ram_error(ram, ram_num, what, vm->image.load_addr,
                             vm->image.size, config_name, err);
        }
    }
    for (size_t i = 0; i < cfg->shmemlist_size; i++) {
        const struct shmem *s = &cfg->shmemlist[i];

        if (!s->place_phys || in_ram(ram, ram_num, s->phys, s->size))
            continue;
        machine_fit_say(what, sizeof(what), "shmemlist[%lu]", (unsigned long)i);
        return ram_error(ram, ram_num, what, s->phys, s->size, config_name,
                         err);
    }
    return 0;
}
