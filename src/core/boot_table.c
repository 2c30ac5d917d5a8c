/* SPDX-License-Identifier: Apache-2.0 */
#include <boot_table.h>
#include <console.h>
#include <lib/format.h>
#include <lib/util.h>
#include <vm.h>

static void print_vcpus(const struct vm *vm)
{
    char line[128];
    int n = 0;

    for (unsigned i = 0; i < vm->vcpu_num && n < (int)sizeof(line); i++)
        n += snprintf(line + n, sizeof(line) - (size_t)n, " %u->%u", i,
                      vm->vcpus[i].hart);
    log_info("  vCPU->hart:%s", line);
}

static void print_memory(const struct vm *vm)
{
    for (unsigned i = 0; i < vm->mem_num; i++) {
        const struct vm_mem *m = &vm->mem[i];
        bool mib = m->size >= MIB;

        log_info("  mem  0x%09lx-0x%09lx -> 0x%09lx (%lu %s)", m->gpa,
                 m->gpa + m->size - 1, m->hpa,
                 mib ? m->size / MIB : m->size / KIB, mib ? "MiB" : "KiB");
    }
}

static void print_devices(const struct vm *vm)
{
    const struct vm_platform *p = &vm->cfg->platform;

    for (size_t i = 0; i < p->dev_num; i++) {
        const struct vm_dev_region *d = &p->devs[i];
        char irqs[64] = "";
        int n = 0;

        for (size_t j = 0; j < d->interrupt_num && n < (int)sizeof(irqs); j++)
            n += snprintf(irqs + n, sizeof(irqs) - (size_t)n, " %lu",
                          d->interrupts[j]);
        log_info("  dev  0x%09lx-0x%09lx -> 0x%09lx irqs:%s", d->va,
                 d->va + d->size - 1, d->pa, n ? irqs : " none");
    }
    if (p->dev_num == 0)
        log_info("  dev  none");
}

void boot_table_print(void)
{
    for (unsigned id = 0; id < vm_count; id++) {
        const struct vm *vm = &vms[id];
        log_info("VM %u: %u vCPU%s, entry 0x%lx, image %zu bytes", id,
                 vm->vcpu_num, vm->vcpu_num == 1 ? "" : "s", vm->cfg->entry,
                 vm->cfg->image.size);
        print_vcpus(vm);
        print_memory(vm);
        print_devices(vm);
    }
}
