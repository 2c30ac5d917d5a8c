/* SPDX-License-Identifier: Apache-2.0 */
/*
 * A VM's bookkeeping (src/core/vm.c): which guest-physical ranges are its
 * RAM, contiguous or cache-coloured in host memory; and when no VM is left
 * to run.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <string.h>

#include <core/vm.h>

static struct vm vm;

static int setup(void **state)
{
    (void)state;
    memset(&vm, 0, sizeof(vm));
    /* 64 KiB contiguous at 0x80000000, 64 KiB of colours 1 and 3 of 4 at
     * 0x90000000 (host pages 1, 3, 5, 7, ... of the span at 0x200000000). */
    vm.mem[0] = (struct vm_mem){.gpa = 0x80000000,
                                .size = 0x10000,
                                .pages = {.base = 0x100000000, .pages = 16}};
    vm.mem[1] = (struct vm_mem){
        .gpa = 0x90000000,
        .size = 0x10000,
        .pages = {.base = 0x200000000, .pages = 16, .mask = 0xa, .colours = 4}};
    vm.mem_num = 2;
    return 0;
}

static void test_ram_ranges(void **state)
{
    (void)state;
    assert_true(vm_gpa_is_ram(&vm, 0x80000000, 0x10000));
    assert_true(vm_gpa_is_ram(&vm, 0x9000f000, 0x1000));
    assert_true(vm_gpa_is_ram(&vm, 0x90000000, 0x10000)); /* whole, coloured */
    assert_false(vm_gpa_is_ram(&vm, 0x8000ffff, 2));      /* past the end */
    assert_false(vm_gpa_is_ram(&vm, 0x7ffff000, 0x1000));
    assert_false(vm_gpa_is_ram(&vm, 0xa0000000, 1));
}

static void test_the_piece_holding_an_address(void **state)
{
    (void)state;
    assert_ptr_equal(vm_mem_at(&vm, 0x8000ffff, 0), &vm.mem[0]);
    assert_ptr_equal(vm_mem_at(&vm, 0x90000000, 0x10000), &vm.mem[1]);
    assert_null(vm_mem_at(&vm, 0x8000ffff, 2)); /* runs past the piece */
    assert_null(vm_mem_at(&vm, 0x90010000, 0));
}

static void test_a_restarting_vm_keeps_the_machine_on(void **state)
{
    (void)state;
    memset(vms, 0, sizeof(vms));
    vm_count = 2;
    vms[0].state = VM_SHUTDOWN;
    vms[1].state = VM_RUNNING;
    assert_false(vm_all_shut_down());
    vms[1].state = VM_RESTARTING;
    assert_false(vm_all_shut_down());
    vms[1].state = VM_SHUTDOWN;
    assert_true(vm_all_shut_down());
}

#define T(f) cmocka_unit_test_setup(f, setup)

int main(void)
{
    const struct CMUnitTest tests[] = {
        T(test_ram_ranges),
        T(test_the_piece_holding_an_address),
        T(test_a_restarting_vm_keeps_the_machine_on),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
