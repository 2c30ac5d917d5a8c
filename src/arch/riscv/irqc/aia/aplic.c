/* SPDX-License-Identifier: Apache-2.0 */
/* The physical supervisor APLIC domain, MSI or direct delivery (aplic.h). */
#include <aia/aplic.h>
#include <aia/aplic_regs.h>
#include <core/platform.h>
#include <stdint.h>

/* The priority of every source in direct mode: all are equal, and the
 * lowest number is the highest priority (AIA 4.8.2); 0 is not allowed. */
#define APLIC_DIRECT_IPRIO 1
/* AIA 4.8.1.1 idelivery: 1 = the IDC delivers. */
#define APLIC_IDC_DELIVER 1

static bool delivers_msis;

static volatile uint32_t *reg(uint64_t offset)
{
    return (volatile uint32_t *)(uintptr_t)(platform.arch.aia.aplic.base +
                                            offset);
}

static uint64_t per_source(uint64_t base, unsigned id)
{
    return base + (uint64_t)(id - 1) * APLIC_REG_SIZE;
}

static volatile uint32_t *idc_reg(unsigned hart_index, uint64_t offset)
{
    return reg(APLIC_IDC_BASE + (uint64_t)hart_index * APLIC_IDC_SIZE + offset);
}

void aplic_init(bool msi)
{
    delivers_msis = msi;
    *reg(APLIC_DOMAINCFG) = 0;
    for (unsigned id = 1; id <= platform.arch.aia.aplic.num_sources; id++)
        *reg(per_source(APLIC_SOURCECFG_BASE, id)) = APLIC_SM_INACTIVE;
    *reg(APLIC_DOMAINCFG) = APLIC_DOMAINCFG_IE | (msi ? APLIC_DOMAINCFG_DM : 0);
}

void aplic_target(unsigned id, unsigned hart_index, unsigned file,
                  unsigned eiid)
{
    uint32_t low = delivers_msis ? (file & APLIC_TARGET_GUEST_MASK)
                                           << APLIC_TARGET_GUEST_SHIFT |
                                       (eiid & APLIC_TARGET_EIID_MASK)
                                 : APLIC_DIRECT_IPRIO;

    *reg(per_source(APLIC_TARGET_BASE, id)) =
        hart_index << APLIC_TARGET_HART_SHIFT | low;
}

void aplic_configure(unsigned id, unsigned sm, unsigned hart_index,
                     unsigned file, unsigned eiid)
{
    *reg(APLIC_CLRIENUM) = id;
    *reg(per_source(APLIC_SOURCECFG_BASE, id)) = sm;
    aplic_target(id, hart_index, file, eiid);
}

void aplic_enable(unsigned id, bool on)
{
    *reg(on ? APLIC_SETIENUM : APLIC_CLRIENUM) = id;
}

bool aplic_asserted(unsigned id)
{
    return (*reg(APLIC_IN_CLRIP_BASE + id / 32 * APLIC_REG_SIZE) >> (id % 32)) &
           1;
}

void aplic_resend(unsigned id)
{
    *reg(APLIC_SETIPNUM_LE) = id;
}

void aplic_idc_init(unsigned hart_index)
{
    *idc_reg(hart_index, APLIC_IDC_IFORCE) = 0;
    *idc_reg(hart_index, APLIC_IDC_ITHRESHOLD) = 0; /* AIA 4.8.1.3: none */
    *idc_reg(hart_index, APLIC_IDC_IDELIVERY) = APLIC_IDC_DELIVER;
}

unsigned aplic_claim(unsigned hart_index)
{
    return *idc_reg(hart_index, APLIC_IDC_CLAIMI) >> APLIC_TOPI_ID_SHIFT &
           APLIC_TOPI_ID_MASK;
}
