/* SPDX-License-Identifier: Apache-2.0 */
#include <core/boot_table.h>
#include <core/config_check.h>
#include <core/config_query.h>
#include <core/console.h>
#include <core/platform.h>
#include <core/shmem.h>
#include <core/vm.h>
#include <lib/format.h>
#include <lib/util.h>

static void print_vcpus(const struct vm *vm)
{
    char line[128];
    int n = 0;

    for (unsigned i = 0; i < vm->vcpu_num && n < (int)sizeof(line); i++)
        n += snprintf(line + n, sizeof(line) - (size_t)n, " %u->%u", i,
                      vm->vcpus[i].hart);
    log_info("  vCPU->hart:%s", line);
}

#define PAGES_TEXT_MAX 80

/* "0x080600000", or "colours 0xa (of 32) in 0x080240000-0x080323fff". */
static const char *pages_text(char buf[PAGES_TEXT_MAX],
                              const struct colour_mem *p)
{
    if (!p->mask)
        snprintf(buf, PAGES_TEXT_MAX, "0x%09lx", p->base);
    else
        snprintf(buf, PAGES_TEXT_MAX,
                 "colours 0x%lx (of %u) in 0x%09lx-0x%09lx", p->mask,
                 p->colours, p->base, p->base + colour_mem_span(p) - 1);
    return buf;
}

/* "64 MiB", "64 KiB". */
static void size_text(char buf[16], uint64_t size)
{
    bool mib = size >= MIB;

    snprintf(buf, 16, "%lu %s", mib ? size / MIB : size / KIB,
             mib ? "MiB" : "KiB");
}

static void print_memory(const struct vm *vm)
{
    for (unsigned i = 0; i < vm->mem_num; i++) {
        const struct vm_mem *m = &vm->mem[i];
        char pages[PAGES_TEXT_MAX], size[16];

        size_text(size, m->size);
        log_info("  mem  0x%09lx-0x%09lx -> %s (%s)", m->gpa,
                 m->gpa + m->size - 1, pages_text(pages, &m->pages), size);
    }
}

#define IRQ_LIST_MAX 64

/* " 1 2 3", or " none"; cut short when it does not fit. */
static void format_irqs(char buf[IRQ_LIST_MAX], const irqid_t *ids, size_t num)
{
    int n = 0;

    buf[0] = '\0';
    for (size_t j = 0; j < num && n < IRQ_LIST_MAX; j++)
        n += snprintf(buf + n, IRQ_LIST_MAX - (size_t)n, " %lu", ids[j]);
    if (n == 0)
        snprintf(buf, IRQ_LIST_MAX, " none");
}

static void print_devices(const struct vm *vm)
{
    const struct vm_platform *p = &vm->cfg->platform;

    for (size_t i = 0; i < p->dev_num; i++) {
        const struct vm_dev_region *d = &p->devs[i];
        char irqs[IRQ_LIST_MAX], dma[32] = "";

        format_irqs(irqs, d->interrupts, d->interrupt_num);
        if (d->id)
            snprintf(dma, sizeof(dma), "; DMA id 0x%lx", (unsigned long)d->id);
        if (vm_dev_is_emulated_uart(&config, vm->id, i,
                                    platform.console_uart.base,
                                    platform.console_uart.size))
            log_info("  dev  0x%09lx-0x%09lx -> emulated 16550 irqs:%s", d->va,
                     d->va + d->size - 1, irqs);
        else if (!d->size)
            log_info("  dev  (no registers) irqs:%s%s", irqs, dma);
        else
            log_info("  dev  0x%09lx-0x%09lx -> 0x%09lx irqs:%s%s", d->va,
                     d->va + d->size - 1, d->pa, irqs, dma);
    }
    if (p->dev_num == 0)
        log_info("  dev  none");
}

static void print_ipcs(const struct vm *vm)
{
    const struct vm_platform *p = &vm->cfg->platform;

    for (size_t i = 0; i < p->ipc_num; i++) {
        const struct ipc *c = &p->ipcs[i];
        char irqs[IRQ_LIST_MAX];

        format_irqs(irqs, c->interrupts, c->interrupt_num);
        log_info("  ipc  0x%09lx-0x%09lx -> shmem %zu irqs:%s", c->base,
                 c->base + c->size - 1, c->shmem_id, irqs);
    }
}

static void print_shmems(void)
{
    for (size_t i = 0; i < config.shmemlist_size; i++) {
        const struct colour_mem *m = shmem_pages(i);
        char pages[PAGES_TEXT_MAX], size[16];

        size_text(size, m->pages * PAGE_SIZE);
        log_info("shmem %zu: %s -> %s", i, size, pages_text(pages, m));
    }
}

static void print_note(const char *msg, void *arg)
{
    (void)arg;
    log_info("note: %s", msg);
}

/* How the console UART is shared, as the build said (config_notes). */
static void print_notes(void)
{
    struct config_target t = config_target_for_platform(&platform, 0);

    config_notes(&config, &t, print_note, NULL);
}

void boot_table_print(void)
{
    print_shmems();
    for (unsigned id = 0; id < vm_count; id++) {
        const struct vm *vm = &vms[id];
        log_info("VM %u: %u vCPU%s, entry 0x%lx, image %zu bytes", id,
                 vm->vcpu_num, vm->vcpu_num == 1 ? "" : "s", vm->cfg->entry,
                 vm->cfg->image.size);
        print_vcpus(vm);
        print_memory(vm);
        print_devices(vm);
        print_ipcs(vm);
    }
    print_notes();
}
