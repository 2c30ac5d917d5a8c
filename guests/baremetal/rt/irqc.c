/* SPDX-License-Identifier: Apache-2.0 */
/* The device tree's interrupt controller, PLIC or APLIC (irqc.h). */
#include "irqc.h"

#include <lib/fdt.h>

#include "dtb.h"
#include "plic.h"
#include "riscv.h"

/* AIA 4.5: a domain's registers; 4.8.1: hart index h's IDC at 0x4000+32h. */
#define APLIC_DOMAINCFG 0x0000
#define APLIC_DOMAINCFG_IE (1u << 8)
#define APLIC_DOMAINCFG_DM (1u << 2) /* 1: MSI delivery */
#define APLIC_SOURCECFG(i) (0x0004 + 4 * ((i)-1))
#define APLIC_SM_EDGE1 4
#define APLIC_SM_LEVEL1 6
#define APLIC_IN_CLRIP(k) (0x1d00 + 4 * (k))
#define APLIC_SETIENUM 0x1edc
#define APLIC_CLRIENUM 0x1fdc
#define APLIC_TARGET(i) (0x3004 + 4 * ((i)-1))
#define APLIC_TARGET_HART_SHIFT 18
#define APLIC_IDC(h) (0x4000 + 32 * (h))
#define APLIC_IDELIVERY 0x00
#define APLIC_ITHRESHOLD 0x08
#define APLIC_CLAIMI 0x1c
#define APLIC_TOPI_ID_SHIFT 16
#define APLIC_SETIPNUM_LE 0x2000
/* AIA 3.8, 3.9: this hart's interrupt file behind siselect/sireg, claimed
 * through stopei (as CSR numbers: the assembler may not know the names). */
#define CSR_SISELECT 0x150
#define CSR_SIREG 0x151
#define CSR_STOPEI 0x15c
#define IMSIC_EIDELIVERY 0x70
#define IMSIC_EITHRESHOLD 0x72
#define IMSIC_EIE0 0xc0
#define IMSIC_TOPEI_ID_SHIFT 16
#define IMSIC_TOPEI_ID_MASK 0x7ff

/* AIA 3.6: one 4 KiB page per interrupt file; a hart's files (its own and
 * 2^guest-index-bits - 1 guests') are together. */
#define IMSIC_FILE_SHIFT 12

static unsigned long aplic_base; /* 0: the PLIC */
static bool msi; /* the APLIC sends MSIs to the harts' interrupt files */
static unsigned long files_base;  /* the riscv,imsics node's, 0: none */
static unsigned long files_shift; /* log2 of one hart's files' bytes */
/* The sources enabled level-triggered (irqc_enable), bit i of word i/64. */
#define MAX_SOURCES 1024
static uint64_t level_src[MAX_SOURCES / 64];

#define csr_write_num(num, v)                                                  \
    __asm__ volatile("csrw " CSR_NAME(num) ", %0" ::"r"((unsigned long)(v)))

static void imsic_write(unsigned long reg, unsigned long v)
{
    csr_write_num(CSR_SISELECT, reg);
    csr_write_num(CSR_SIREG, v);
}

static unsigned long imsic_read(unsigned long reg)
{
    unsigned long v;

    csr_write_num(CSR_SISELECT, reg);
    __asm__ volatile("csrr %0, " CSR_NAME(CSR_SIREG) : "=r"(v));
    return v;
}

static void aplic_write(unsigned long off, uint32_t v)
{
    *(volatile uint32_t *)(aplic_base + off) = v;
}

static uint32_t aplic_read(unsigned long off)
{
    return *(volatile uint32_t *)(aplic_base + off);
}

static void probe_files(const void *blob)
{
    int node = fdt_next_compatible(blob, -1, "riscv,imsics");
    uint32_t guest_bits = 0;
    uint64_t base;

    if (node < 0 || !fdt_reg(blob, node, 0, &base, NULL))
        return;
    fdt_prop_u32(blob, node, "riscv,guest-index-bits", &guest_bits);
    files_base = (unsigned long)base;
    files_shift = IMSIC_FILE_SHIFT + guest_bits;
}

void irqc_probe(unsigned long dtb)
{
    const void *blob = dtb_open(dtb, NULL);
    int node;
    uint64_t base;

    if (!blob)
        return;
    node = fdt_next_compatible(blob, -1, "riscv,aplic");
    if (node >= 0 && fdt_reg(blob, node, 0, &base, NULL))
        aplic_base = (unsigned long)base;
    msi = aplic_base && fdt_prop(blob, node, "msi-parent", NULL) != NULL;
    probe_files(blob);
}

bool irqc_has_files(void)
{
    return files_base != 0;
}

unsigned long irqc_files_base(void)
{
    return files_base;
}

unsigned long irqc_file_of(unsigned long hart)
{
    return files_base + (hart << files_shift);
}

void irqc_file_send(unsigned long hart, unsigned id)
{
    *(volatile uint32_t *)irqc_file_of(hart) = id;
}

const char *irqc_name(void)
{
    return msi ? "aplic-msi" : aplic_base ? "aplic" : "plic";
}

/* MSI mode: identity `irq` (a source's own number) in this hart's file. */
void irqc_file_enable(unsigned irq)
{
    /* RV64: eie0, eie2, ... hold 64 identities each (AIA 3.8.3). */
    unsigned long reg = IMSIC_EIE0 + irq / 64 * 2;

    imsic_write(IMSIC_EITHRESHOLD, 0);
    imsic_write(reg, imsic_read(reg) | 1UL << (irq % 64));
    imsic_write(IMSIC_EIDELIVERY, 1);
}

void irqc_enable(unsigned long hart, unsigned irq, bool level)
{
    if (!aplic_base) {
        unsigned long ctx = PLIC_S_CONTEXT(hart);

        plic_write(PLIC_PRIORITY(irq), 1);
        plic_enable(ctx, irq, true);
        plic_write(PLIC_THRESHOLD(ctx), 0);
        return;
    }
    /* The guest's hart index is its hart id: the IDCs (and in MSI mode
     * the interrupt files) follow the harts. In MSI mode the target's low
     * bits are the identity, else the priority. */
    if (irq < MAX_SOURCES && level)
        level_src[irq / 64] |= 1ULL << (irq % 64);
    aplic_write(APLIC_SOURCECFG(irq), level ? APLIC_SM_LEVEL1 : APLIC_SM_EDGE1);
    aplic_write(APLIC_TARGET(irq),
                (uint32_t)hart << APLIC_TARGET_HART_SHIFT | (msi ? irq : 1));
    if (msi) {
        irqc_file_enable(irq);
    } else {
        aplic_write(APLIC_IDC(hart) + APLIC_ITHRESHOLD, 0);
        aplic_write(APLIC_IDC(hart) + APLIC_IDELIVERY, 1);
    }
    aplic_write(APLIC_SETIENUM, irq);
    /* DM may be writable (WARL, AIA 4.5.1): keep the tree's mode. */
    aplic_write(APLIC_DOMAINCFG,
                APLIC_DOMAINCFG_IE | (msi ? APLIC_DOMAINCFG_DM : 0));
}

unsigned irqc_claim(unsigned long hart)
{
    unsigned long top;

    if (!aplic_base)
        return plic_read(PLIC_CLAIM(PLIC_S_CONTEXT(hart)));
    if (!msi)
        return aplic_read(APLIC_IDC(hart) + APLIC_CLAIMI) >>
               APLIC_TOPI_ID_SHIFT;
    /* Reading and writing stopei at once claims what it read. */
    __asm__ volatile("csrrw %0, " CSR_NAME(CSR_STOPEI) ", zero" : "=r"(top));
    return (unsigned)(top >> IMSIC_TOPEI_ID_SHIFT) & IMSIC_TOPEI_ID_MASK;
}

static bool is_level(unsigned irq)
{
    return irq < MAX_SOURCES && (level_src[irq / 64] >> (irq % 64) & 1);
}

void irqc_complete(unsigned long hart, unsigned irq)
{
    if (!aplic_base)
        plic_write(PLIC_CLAIM(PLIC_S_CONTEXT(hart)), irq);
    else if (msi && is_level(irq) &&
             (aplic_read(APLIC_IN_CLRIP(irq / 32)) >> (irq % 32) & 1))
        /* A level source's MSI went out on its rising edge: if it is still
         * asserted, ask again (AIA 4.9.2). Asking only then keeps QEMU 7.2's
         * APLIC from sending for a low input. An edge source's request
         * would be an interrupt of its own. */
        aplic_write(APLIC_SETIPNUM_LE, irq);
}

void irqc_disable(unsigned long hart, unsigned irq)
{
    if (!aplic_base)
        plic_enable(PLIC_S_CONTEXT(hart), irq, false);
    else
        aplic_write(APLIC_CLRIENUM, irq);
}
