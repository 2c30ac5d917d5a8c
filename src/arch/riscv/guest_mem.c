/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Small transfers to and from guest-physical memory with the hypervisor
 * load/store instructions (priv. spec 8.3). vsatp is cleared around them so
 * the address is taken as guest-physical whatever the guest's paging is.
 */
#include <arch/csr.h>
#include <arch/mmu.h>
#include <core/arch_hooks.h>
#include <stddef.h>
#include <stdint.h>

static uint8_t hlv_b(uint64_t gpa)
{
    unsigned long v;

    __asm__ volatile(".option push\n.option arch, +h\n"
                     "hlv.bu %0, (%1)\n.option pop"
                     : "=r"(v)
                     : "r"(gpa)
                     : "memory");
    return (uint8_t)v;
}

static void hsv_b(uint64_t gpa, uint8_t v)
{
    __asm__ volatile(".option push\n.option arch, +h\n"
                     "hsv.b %0, (%1)\n.option pop"
                     :
                     : "r"(v), "r"(gpa)
                     : "memory");
}

void arch_guest_read(struct vm *vm, uint64_t gpa, void *dst, size_t len)
{
    unsigned long vsatp = csr_swap(CSR_VSATP, 0);
    uint8_t *d = dst;

    (void)vm;
    for (size_t i = 0; i < len; i++)
        d[i] = hlv_b(gpa + i);
    csr_write(CSR_VSATP, vsatp);
}

void arch_guest_write(struct vm *vm, uint64_t gpa, const void *src, size_t len)
{
    unsigned long vsatp = csr_swap(CSR_VSATP, 0);
    const uint8_t *s = src;

    (void)vm;
    for (size_t i = 0; i < len; i++)
        hsv_b(gpa + i, s[i]);
    csr_write(CSR_VSATP, vsatp);
}

void guest_zero(uint64_t gpa, uint64_t size);

void arch_guest_clear(struct vm *vm, uint64_t gpa, uint64_t size)
{
    unsigned long vsatp = csr_swap(CSR_VSATP, 0);

    /* At boot this hart has not entered the VM yet: take its stage 2. */
    mmu_vm_activate(vm);
    guest_zero(gpa, size);
    csr_write(CSR_VSATP, vsatp);
}
