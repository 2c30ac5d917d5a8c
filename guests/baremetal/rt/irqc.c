/* SPDX-License-Identifier: Apache-2.0 */
/* The device tree's interrupt controller, PLIC or APLIC (irqc.h). */
#include "irqc.h"

#include <lib/fdt.h>

#include "dtb.h"
#include "plic.h"

/* AIA 4.5: a domain's registers; 4.8.1: hart index h's IDC at 0x4000+32h. */
#define APLIC_DOMAINCFG 0x0000
#define APLIC_DOMAINCFG_IE (1u << 8) /* DM 0: direct delivery */
#define APLIC_SOURCECFG(i) (0x0004 + 4 * ((i)-1))
#define APLIC_SM_EDGE1 4
#define APLIC_SM_LEVEL1 6
#define APLIC_SETIENUM 0x1edc
#define APLIC_TARGET(i) (0x3004 + 4 * ((i)-1))
#define APLIC_TARGET_HART_SHIFT 18
#define APLIC_IDC(h) (0x4000 + 32 * (h))
#define APLIC_IDELIVERY 0x00
#define APLIC_ITHRESHOLD 0x08
#define APLIC_CLAIMI 0x1c
#define APLIC_TOPI_ID_SHIFT 16

static unsigned long aplic_base; /* 0: the PLIC */

static void aplic_write(unsigned long off, uint32_t v)
{
    *(volatile uint32_t *)(aplic_base + off) = v;
}

static uint32_t aplic_read(unsigned long off)
{
    return *(volatile uint32_t *)(aplic_base + off);
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
}

const char *irqc_name(void)
{
    return aplic_base ? "aplic" : "plic";
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
    /* The guest's hart index is its hart id: the IDCs follow the harts. */
    aplic_write(APLIC_SOURCECFG(irq), level ? APLIC_SM_LEVEL1 : APLIC_SM_EDGE1);
    aplic_write(APLIC_TARGET(irq),
                (uint32_t)hart << APLIC_TARGET_HART_SHIFT | 1);
    aplic_write(APLIC_IDC(hart) + APLIC_ITHRESHOLD, 0);
    aplic_write(APLIC_IDC(hart) + APLIC_IDELIVERY, 1);
    aplic_write(APLIC_SETIENUM, irq);
    aplic_write(APLIC_DOMAINCFG, APLIC_DOMAINCFG_IE);
}

unsigned irqc_claim(unsigned long hart)
{
    if (!aplic_base)
        return plic_read(PLIC_CLAIM(PLIC_S_CONTEXT(hart)));
    return aplic_read(APLIC_IDC(hart) + APLIC_CLAIMI) >> APLIC_TOPI_ID_SHIFT;
}

void irqc_complete(unsigned long hart, unsigned irq)
{
    if (!aplic_base)
        plic_write(PLIC_CLAIM(PLIC_S_CONTEXT(hart)), irq);
}
