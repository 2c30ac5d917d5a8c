/* SPDX-License-Identifier: Apache-2.0 */
/* The physical supervisor APLIC domain in MSI mode (aplic.h). */
#include <aia/aplic.h>
#include <aia/aplic_regs.h>
#include <core/platform.h>
#include <stdint.h>

static volatile uint32_t *reg(uint64_t offset)
{
    return (volatile uint32_t *)(uintptr_t)(platform.arch.aia.aplic.base +
                                            offset);
}

static uint64_t per_source(uint64_t base, unsigned id)
{
    return base + (uint64_t)(id - 1) * APLIC_REG_SIZE;
}

void aplic_init(void)
{
    *reg(APLIC_DOMAINCFG) = 0;
    for (unsigned id = 1; id <= platform.arch.aia.aplic.num_sources; id++)
        *reg(per_source(APLIC_SOURCECFG_BASE, id)) = APLIC_SM_INACTIVE;
    *reg(APLIC_DOMAINCFG) = APLIC_DOMAINCFG_IE | APLIC_DOMAINCFG_DM;
}

void aplic_target(unsigned id, unsigned hart_index, unsigned file,
                  unsigned eiid)
{
    *reg(per_source(APLIC_TARGET_BASE, id)) =
        hart_index << APLIC_TARGET_HART_SHIFT |
        (file & APLIC_TARGET_GUEST_MASK) << APLIC_TARGET_GUEST_SHIFT |
        (eiid & APLIC_TARGET_EIID_MASK);
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
