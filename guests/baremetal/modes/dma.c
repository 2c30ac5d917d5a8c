/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Mode "dma": a VM that owns the PCIe host (its ECAM at 0x30000000 and
 * memory window at 0x40000000, both at their physical addresses) and
 * drives QEMU's "edu" devices, DMA engines with a 4 KiB buffer, to reach
 * memory the VM does not own. The configuration gives it the edu at
 * 00:01.0 (device id 0x8) and not the one at 00:02.0 (0x10).
 *
 *   dma: round trip through 00:01.0 in own memory: ok|FAILED
 *   dma: <what>: contained|ESCAPED (<why>)
 *   dma: done, <n> attempts, <e> escaped
 *
 * An escape is judged by what comes back: the device's buffer is loaded
 * with a pattern of the VM's (Q), the device reads the target into it and
 * writes it back to the VM. A write escape first puts another pattern (P)
 * at the target: P coming back means both got through. The other VM's
 * image starts with the same code as this one (rt/start.S): that code
 * coming back means the read did. (A blocked read leaves what the device
 * makes of a failed transfer, never either.)
 *
 * Scenario: tests/system/configs/dma.c (tests/system/test_iommu.py).
 */
#include <stdbool.h>
#include <stdint.h>

#include "config.h"
#include "console.h"
#include "mode.h"
#include "riscv.h"
#include "sbi.h"

#define ECAM_BASE 0x30000000UL
#define ECAM_FN(dev) (ECAM_BASE + ((unsigned long)(dev) << 15)) /* bus 0 */
#define PCI_ID 0x00 /* vendor, device */
#define PCI_COMMAND 0x04
#define PCI_BAR0 0x10
#define PCI_COMMAND_MEM_MASTER 0x6 /* memory space, bus master */
#define EDU_ID 0x11e81234          /* QEMU's edu: 1234:11e8 */
#define EDU_BAR_SIZE 0x100000UL
#define EDU_DMA_SRC 0x80
#define EDU_DMA_DST 0x88
#define EDU_DMA_COUNT 0x90
#define EDU_DMA_CMD 0x98
#define EDU_DMA_START 0x1
#define EDU_DMA_TO_RAM 0x2
#define EDU_BUFFER 0x40000UL /* the device's buffer, in its own space */
#define DMA_TIMEOUT (5 * TIMEBASE_HZ)

#define LEN 64 /* a blocked DMA faults once per word: keep it short */

struct edu {
    unsigned slot;
    volatile uint8_t *regs;
};

extern const char _start[]; /* this image's first instruction (rt/start.S) */

static uint8_t pattern_p[LEN], pattern_q[LEN], back[LEN];
static unsigned attempts, escaped;

static volatile uint32_t *cfg32(unsigned slot, unsigned off)
{
    return (volatile uint32_t *)(ECAM_FN(slot) + off);
}

static volatile uint64_t *edu_reg(const struct edu *e, unsigned off)
{
    return (volatile uint64_t *)(e->regs + off);
}

static bool edu_open(struct edu *e, unsigned slot, unsigned long bar)
{
    uint32_t id = *cfg32(slot, PCI_ID);

    if (id != EDU_ID) {
        console_printf("dma: no edu at 00:0%x.0 (id 0x%x)\n", slot, id);
        return false;
    }
    *cfg32(slot, PCI_BAR0) = (uint32_t)bar;
    *cfg32(slot, PCI_COMMAND) = PCI_COMMAND_MEM_MASTER;
    e->slot = slot;
    e->regs = (volatile uint8_t *)bar;
    return true;
}

/* One transfer; false if the device never finishes it. */
static bool edu_dma(const struct edu *e, uint64_t src, uint64_t dst,
                    bool to_ram)
{
    uint64_t until = rdtime() + DMA_TIMEOUT;

    *edu_reg(e, EDU_DMA_SRC) = src;
    *edu_reg(e, EDU_DMA_DST) = dst;
    *edu_reg(e, EDU_DMA_COUNT) = LEN;
    *edu_reg(e, EDU_DMA_CMD) = EDU_DMA_START | (to_ram ? EDU_DMA_TO_RAM : 0);
    while (*edu_reg(e, EDU_DMA_CMD) & EDU_DMA_START) {
        if (rdtime() > until) {
            console_printf("dma: 00:0%x.0 never finished a transfer\n",
                           e->slot);
            return false;
        }
    }
    return true;
}

static uint64_t addr(const void *p)
{
    return (uint64_t)(uintptr_t)p;
}

static bool same(const uint8_t *a, const uint8_t *b)
{
    for (unsigned i = 0; i < LEN; i++) {
        if (a[i] != b[i])
            return false;
    }
    return true;
}

static void clear_back(void)
{
    for (unsigned i = 0; i < LEN; i++)
        back[i] = 0;
}

/* Device buffer := Q, then (write) target := P through it, then device
 * buffer := target, then back := device buffer. */
static void attempt(const struct edu *e, const char *what, uint64_t target,
                    bool write)
{
    bool ok = true;

    attempts++;
    clear_back();
    if (write)
        ok &= edu_dma(e, addr(pattern_p), EDU_BUFFER, false) &&
              edu_dma(e, EDU_BUFFER, target, true);
    ok &= edu_dma(e, addr(pattern_q), EDU_BUFFER, false) &&
          edu_dma(e, target, EDU_BUFFER, false) &&
          edu_dma(e, EDU_BUFFER, addr(back), true);
    if (!ok) {
        escaped++; /* a stalled device is no proof of anything */
        console_printf("dma: %s: ESCAPED (the device stalled)\n", what);
    } else if (same(back, pattern_p) || same(back, (const uint8_t *)_start)) {
        escaped++;
        console_printf("dma: %s: ESCAPED (%s)\n", what,
                       same(back, pattern_p) ? "wrote and read it back"
                                             : "read the other VM's code");
    } else {
        console_printf("dma: %s: contained (the device got none of it)\n",
                       what);
    }
}

/* A master the VM was not given: into its own memory, even. */
static void unowned(const struct edu *e, const char *what)
{
    attempts++;
    clear_back();
    if (edu_dma(e, addr(pattern_p), EDU_BUFFER, false) &&
        edu_dma(e, EDU_BUFFER, addr(back), true) && same(back, pattern_p)) {
        escaped++;
        console_printf("dma: %s: ESCAPED (it moved data)\n", what);
    } else {
        console_printf("dma: %s: contained (it moved nothing)\n", what);
    }
}

static void round_trip(const struct edu *e)
{
    clear_back();
    bool ok = edu_dma(e, addr(pattern_p), EDU_BUFFER, false) &&
              edu_dma(e, EDU_BUFFER, addr(back), true) && same(back, pattern_p);

    console_printf("dma: round trip through 00:0%x.0 in own memory: %s\n",
                   e->slot, ok ? "ok" : "FAILED");
}

void mode_main(void)
{
    struct edu mine, other;

    for (unsigned i = 0; i < LEN; i++) {
        pattern_p[i] = (uint8_t)(0xa0 + i);
        pattern_q[i] = (uint8_t)(0x30 + i);
    }
    if (!edu_open(&mine, 1, 0x40000000UL) ||
        !edu_open(&other, 2, 0x40000000UL + EDU_BAR_SIZE))
        sbi_system_reset(SBI_SRST_TYPE_SHUTDOWN, SBI_SRST_REASON_NONE);
    round_trip(&mine);
    /* The other VM's memory (placed at this host address), the hypervisor
     * and firmware's (below; this VM's own memory is elsewhere), RAM no VM
     * has. */
    attempt(&mine, "write and read the other VM's memory (0x90100000)",
            0x90100000UL, true);
    attempt(&mine, "read the other VM's code (0x90200000)", 0x90200000UL,
            false);
    attempt(&mine, "write and read RAM outside its memory (0xbff00000)",
            0xbff00000UL, true);
    attempt(&mine, "write and read the IOMMU's registers (0x3010000)",
            0x3010000UL, true);
    /* A device the VM reaches on its bus but was not given. */
    unowned(&other, "DMA in own memory by 00:02.0, not given to the VM");
    console_printf("dma: done, %u attempts, %u escaped\n", attempts, escaped);
    round_trip(&mine);
    sbi_system_reset(SBI_SRST_TYPE_SHUTDOWN, SBI_SRST_REASON_NONE);
    for (;;)
        wfi();
}
