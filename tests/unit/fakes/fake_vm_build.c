/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Fakes of vm_build.c's functions; see fakes.h. vm_build() does what the
 * boot then relies on: the VM exists with its vCPUs (stopped) on their
 * harts, and says whether it owns the console UART.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "fakes.h"

#include <core/cpu.h>
#include <core/vm.h>
#include <core/vm_build.h>

static struct vcpu vcpu_pool[MAX_CPUS];
static unsigned vcpu_pool_used;

int vm_build(unsigned id, const struct vm_config *cfg, const unsigned *harts)
{
    struct vm *vm = &vms[id];
    struct fake_build b = {id, harts};

    FAKE_LOG(fake.build, fake.build_n, b);
    if (fake.build_fails)
        return fake.build_fails;
    vm->id = id;
    vm->cfg = cfg;
    vm->vcpu_num = (unsigned)cfg->platform.cpu_num;
    vm->state = VM_RUNNING;
    vm->uart.emulated = !fake.build_uart_owned;
    if (id == 0)
        vcpu_pool_used = 0; /* VM 0 is built first: a new boot */
    assert_true(vcpu_pool_used + vm->vcpu_num <= MAX_CPUS);
    vm->vcpus = &vcpu_pool[vcpu_pool_used];
    vcpu_pool_used += vm->vcpu_num;
    for (unsigned i = 0; i < vm->vcpu_num; i++) {
        vm->vcpus[i] = (struct vcpu){
            .vm = vm, .id = i, .hart = harts[i], .state = VCPU_STOPPED};
        cpus[harts[i]].vcpu = &vm->vcpus[i];
    }
    return 0;
}

int vm_claim_placed_regions(const struct config *cfg)
{
    (void)cfg;
    fake.claim_n++;
    return fake.claim_fails;
}

void vm_load_image(struct vm *vm)
{
    fake.load_image_n++;
    fake.load_image_vm = vm;
}

void vm_clear_share(struct vm *vm, unsigned share, unsigned shares)
{
    (void)vm;
    (void)share;
    (void)shares;
    fail_msg("vm_clear_share is not faked");
}

void vm_boot_clear(struct vcpu *vcpu)
{
    FAKE_LOG(fake.boot_clear, fake.boot_clear_n, vcpu);
}
