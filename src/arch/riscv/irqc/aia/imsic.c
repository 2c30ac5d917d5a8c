/* SPDX-License-Identifier: Apache-2.0 */
/* The hypervisor's supervisor interrupt file (imsic.h). */
#include <aia/imsic.h>
#include <arch/csr.h>
#include <stdint.h>

/* AIA 3.8: the file's registers behind siselect. */
#define IMSIC_EIDELIVERY 0x70
#define IMSIC_EITHRESHOLD 0x72
#define IMSIC_EIP0 0x80
#define IMSIC_EIE0 0xc0
/* On RV64 only the even-numbered eip/eie registers exist, 64 bits each. */
#define IMSIC_BITS_PER_REG 64
#define IMSIC_REG_STEP 2
/* AIA 3.8.1: eidelivery 1 = delivery from the file enabled. */
#define IMSIC_DELIVERY_ON 1
/* AIA 3.9: stopei holds the identity in bits 26:16. */
#define IMSIC_TOPEI_ID_SHIFT 16
#define IMSIC_TOPEI_ID_MASK 0x7ff

static void ireg_write(unsigned reg, unsigned long value)
{
    csr_write(CSR_SISELECT, reg);
    csr_write(CSR_SIREG, value);
}

/* The same registers of the guest file hstatus.VGEIN selects (AIA 2.3). */
static void guest_ireg_write(unsigned reg, unsigned long value)
{
    csr_write(CSR_VSISELECT, reg);
    csr_write(CSR_VSIREG, value);
}

static unsigned bit_reg(unsigned base, unsigned id)
{
    return base + id / IMSIC_BITS_PER_REG * IMSIC_REG_STEP;
}

/* A file as at reset: delivery off, threshold open, nothing enabled or
 * pending (up to num_ids only: QEMU faults on the other registers). */
static void clear_file(void (*write)(unsigned, unsigned long), unsigned num_ids)
{
    write(IMSIC_EIDELIVERY, 0);
    write(IMSIC_EITHRESHOLD, 0);
    for (unsigned id = 0; id <= num_ids; id += IMSIC_BITS_PER_REG) {
        write(bit_reg(IMSIC_EIE0, id), 0);
        write(bit_reg(IMSIC_EIP0, id), 0);
    }
}

void imsic_init_hart(unsigned num_ids)
{
    clear_file(ireg_write, num_ids);
    ireg_write(IMSIC_EIDELIVERY, IMSIC_DELIVERY_ON);
}

void imsic_enable(unsigned id, bool on)
{
    unsigned long bit = 1UL << (id % IMSIC_BITS_PER_REG);

    csr_write(CSR_SISELECT, bit_reg(IMSIC_EIE0, id));
    if (on)
        csr_set(CSR_SIREG, bit);
    else
        csr_clear(CSR_SIREG, bit);
}

unsigned imsic_claim(void)
{
    /* Reading and writing stopei in one instruction claims what it read. */
    return (unsigned)(csr_swap(CSR_STOPEI, 0) >> IMSIC_TOPEI_ID_SHIFT) &
           IMSIC_TOPEI_ID_MASK;
}

void imsic_guest_file_clear(unsigned num_ids)
{
    clear_file(guest_ireg_write, num_ids);
}

unsigned imsic_guest_files(void)
{
    unsigned long bits;
    unsigned n = 0;

    /* Bits GEILEN:1 of hgeie are writable, the others read 0 (priv. spec
     * 8.2.4). */
    csr_write(CSR_HGEIE, ~0UL);
    bits = csr_read(CSR_HGEIE);
    csr_write(CSR_HGEIE, 0);
    while (bits >> (n + 1) & 1)
        n++;
    return n;
}

void imsic_send(volatile void *file, unsigned id)
{
    *(volatile uint32_t *)file = id;
}
