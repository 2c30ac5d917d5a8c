/* SPDX-License-Identifier: Apache-2.0 */
/*
 * The emulated console UART (src/core/vm_uart.c) over the real 16550 model
 * (vuart.c), irq.c, vm.c and the configuration checks that say who owns
 * the UART: which VM gets one, how its interrupt level follows the
 * register state, where transmitted bytes go and how much typed input it
 * has room for. The guest's accesses go through the handler vm_uart_init
 * registered, as the MMIO emulation calls it.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <string.h>

#include "fakes.h"

#include <core/config.h>
#include <core/platform.h>
#include <core/vm.h>
#include <core/vm_uart.h>

#define UART_BASE 0x10000000UL
#define UART_SIZE 0x100UL
#define UART_IRQ 10

struct platform platform = {
    .name = "test",
    .console_uart = {.base = UART_BASE, .size = UART_SIZE, .irq = UART_IRQ},
};

static irqid_t uart_irq[] = {UART_IRQ};
static struct vm_dev_region the_uart = {.pa = UART_BASE,
                                        .va = UART_BASE,
                                        .size = UART_SIZE,
                                        .interrupt_num = 1,
                                        .interrupts = uart_irq};
/* VM 1 alone lists the UART: it owns it; VMs 0 and 2 get the emulated. */
static struct vm_config one_lister[3] = {
    {.platform = {.cpu_num = 1}},
    {.platform = {.cpu_num = 1, .dev_num = 1, .devs = &the_uart}},
    {.platform = {.cpu_num = 1}},
};
/* VMs 0 and 1 both list it: neither owns it. */
static struct vm_config two_listers[2] = {
    {.platform = {.cpu_num = 1, .dev_num = 1, .devs = &the_uart}},
    {.platform = {.cpu_num = 1, .dev_num = 1, .devs = &the_uart}},
};
struct config config;

static struct vcpu vcpu0; /* VM 0's, making the accesses */

static int setup(void **state)
{
    (void)state;
    fake_reset();
    memset(vms, 0, sizeof(vms));
    config = (struct config){.vmlist_size = 3, .vmlist = one_lister};
    for (unsigned i = 0; i < 3; i++) {
        vms[i].id = i;
        vms[i].cfg = &one_lister[i];
        vms[i].state = VM_RUNNING;
    }
    vm_count = 3;
    vcpu0 = (struct vcpu){.vm = &vms[0]};
    return 0;
}

/* VM 0 with its emulated UART, the log cleared. */
static int setup_uart(void **state)
{
    setup(state);
    assert_int_equal(vm_uart_init(&vms[0]), 0);
    fake_reset();
    return 0;
}

static const struct vm_emul *window(const struct vm *vm)
{
    return vm_find_emul(vm, UART_BASE);
}

static void guest_write(uint64_t reg, uint8_t value)
{
    uint64_t v = value;

    assert_int_equal(window(&vms[0])->access(&vcpu0, reg, 1, true, &v), 0);
}

static uint8_t guest_read(uint64_t reg)
{
    uint64_t v = 0xff00;

    assert_int_equal(window(&vms[0])->access(&vcpu0, reg, 1, false, &v), 0);
    return (uint8_t)v;
}

/* The level last driven onto VM 0's UART source. */
static bool line(void)
{
    assert_true(fake.set_level_n > 0);
    assert_ptr_equal(fake.level.vm, &vms[0]);
    assert_int_equal(fake.level.id, UART_IRQ);
    return fake.level.level;
}

/* ---- Who gets one --------------------------------------------------------*/

static void a_vm_without_the_uart_gets_the_emulated_one(void **state)
{
    const struct vm_emul *w;

    (void)state;
    assert_int_equal(vm_uart_init(&vms[0]), 0);
    assert_true(vms[0].uart.emulated);
    w = window(&vms[0]);
    assert_non_null(w);
    assert_int_equal(w->base, UART_BASE);
    assert_int_equal(w->size, UART_SIZE);
    assert_null(vm_find_emul(&vms[0], UART_BASE + UART_SIZE));
    /* Its interrupt is a virtual source of the VM's controller. */
    assert_true(vm_virq_is_virtual(&vms[0], UART_IRQ));
    assert_int_equal(fake.add_virtual_n, 1);
    assert_ptr_equal(fake.add_virtual[0].vm, &vms[0]);
    assert_int_equal(fake.add_virtual[0].id, UART_IRQ);
    assert_true(vm_uart_takes_input(&vms[0]));
}

static void the_vm_owning_the_uart_gets_none(void **state)
{
    (void)state;
    assert_int_equal(vm_uart_init(&vms[1]), 0);
    assert_false(vms[1].uart.emulated);
    assert_null(window(&vms[1]));
    assert_int_equal(vms[1].virq_num, 0);
    assert_int_equal(fake.add_virtual_n, 0);
    /* Typed input is not the hypervisor's to give it. */
    assert_false(vm_uart_takes_input(&vms[1]));
    assert_int_equal(vm_uart_rx_room(&vms[1]), 0);
    vm_uart_rx(&vms[1], 'x');
    assert_int_equal(vm_uart_getc(&vms[1]), -1);
    assert_int_equal(fake.set_level_n, 0);
}

static void several_listers_each_get_the_emulated_one(void **state)
{
    (void)state;
    config = (struct config){.vmlist_size = 2, .vmlist = two_listers};
    vms[0].cfg = &two_listers[0];
    vms[1].cfg = &two_listers[1];
    assert_int_equal(vm_uart_init(&vms[0]), 0);
    assert_int_equal(vm_uart_init(&vms[1]), 0);
    assert_true(vms[0].uart.emulated);
    assert_true(vms[1].uart.emulated);
    assert_non_null(window(&vms[1]));
}

static void init_fails_without_room(void **state)
{
    (void)state;
    vms[0].emul_num = MAX_VM_EMUL;
    assert_int_equal(vm_uart_init(&vms[0]), -1);
    vms[2].virq_num = MAX_VM_VIRQS;
    assert_int_equal(vm_uart_init(&vms[2]), -1);
    assert_int_equal(vms[2].emul_num, 0);
}

/* ---- The guest's side ----------------------------------------------------*/

static void the_interrupt_follows_the_registers(void **state)
{
    (void)state;
    guest_write(VUART_IER, VUART_IER_ERBFI);
    assert_false(line());
    vm_uart_rx(&vms[0], 'a');
    assert_true(line());
    assert_true(guest_read(VUART_LSR) & VUART_LSR_DR);
    assert_int_equal(guest_read(VUART_RBR), 'a');
    assert_false(line());
    /* THRE: raised when enabled, acknowledged by reading IIR. */
    guest_write(VUART_IER, VUART_IER_ETBEI);
    assert_true(line());
    assert_int_equal(guest_read(VUART_IIR) & 0x0f, VUART_IIR_THRE);
    assert_false(line());
}

static void transmitted_bytes_go_to_the_console(void **state)
{
    (void)state;
    guest_write(VUART_THR, 'h');
    guest_write(VUART_THR, 'i');
    assert_string_equal(fake.out, "hi");
    assert_ptr_equal(fake.out_vm, &vms[0]);
    /* Other registers are not output. */
    guest_write(VUART_SCR, 'x');
    assert_int_equal(fake.out_n, 2);
}

static void only_byte_accesses_are_valid(void **state)
{
    uint64_t v = 'x';

    (void)state;
    assert_int_equal(window(&vms[0])->access(&vcpu0, VUART_THR, 4, true, &v),
                     -1);
    assert_int_equal(window(&vms[0])->access(&vcpu0, VUART_LSR, 2, false, &v),
                     -1);
    assert_int_equal(fake.out_n, 0);
    assert_int_equal(fake.set_level_n, 0);
}

/* A board whose UART has 32-bit registers 4 bytes apart (DesignWare,
 * XScale): the emulated one is laid out the same, as the VM's tree says. */
static void a_wide_uart_is_emulated_in_its_layout(void **state)
{
    uint64_t v = 'w';

    (void)state;
    platform.console_uart.reg_shift = 2;
    platform.console_uart.reg_width = 4;
    assert_int_equal(
        window(&vms[0])->access(&vcpu0, VUART_THR << 2, 4, true, &v), 0);
    assert_int_equal(
        window(&vms[0])->access(&vcpu0, VUART_LSR << 2, 4, false, &v), 0);
    assert_true(v & 0x20); /* LSR: transmitter empty */
    /* Between registers, or 2 bytes wide: no register. */
    assert_int_equal(
        window(&vms[0])->access(&vcpu0, (VUART_THR << 2) + 1, 1, true, &v), -1);
    assert_int_equal(
        window(&vms[0])->access(&vcpu0, VUART_LSR << 2, 2, false, &v), -1);
    platform.console_uart.reg_shift = 0;
    platform.console_uart.reg_width = 0;
    assert_string_equal(fake.out, "w");
}

static void a_completed_interrupt_still_asserted_is_raised_again(void **state)
{
    (void)state;
    guest_write(VUART_IER, VUART_IER_ERBFI);
    vm_uart_rx(&vms[0], 'a');
    vm_uart_rx(&vms[0], 'b');
    fake.set_level_n = 0;
    vm_virq_completed(&vms[0], UART_IRQ);
    assert_int_equal(fake.set_level_n, 1);
    assert_true(line());
    /* Drained: the next completion leaves it low. */
    guest_read(VUART_RBR);
    guest_read(VUART_RBR);
    vm_virq_completed(&vms[0], UART_IRQ);
    assert_false(line());
}

/* ---- Input ---------------------------------------------------------------*/

static void input_room_is_what_the_fifo_has_left(void **state)
{
    (void)state;
    assert_int_equal(vm_uart_rx_room(&vms[0]), VUART_RX_FIFO_SIZE);
    for (unsigned i = 0; i < VUART_RX_FIFO_SIZE; i++)
        vm_uart_rx(&vms[0], (char)('a' + i % 26));
    assert_int_equal(vm_uart_rx_room(&vms[0]), 0);
    /* One more is lost, and the guest is told of the overrun. */
    vm_uart_rx(&vms[0], '!');
    assert_true(guest_read(VUART_LSR) & VUART_LSR_OE);
    /* Every byte read makes room, and the console hears of it. */
    assert_int_equal(guest_read(VUART_RBR), 'a');
    assert_int_equal(vm_uart_rx_room(&vms[0]), 1);
    assert_int_equal(fake.input_room_n, 2); /* LSR and RBR reads */
    assert_ptr_equal(fake.input_room_vm, &vms[0]);
}

static void sbi_reads_take_input_in_order(void **state)
{
    (void)state;
    vm_uart_rx(&vms[0], 'o');
    vm_uart_rx(&vms[0], 'k');
    assert_int_equal(vm_uart_getc(&vms[0]), 'o');
    assert_int_equal(vm_uart_getc(&vms[0]), 'k');
    assert_int_equal(fake.input_room_n, 2);
    assert_int_equal(vm_uart_getc(&vms[0]), -1);
    assert_int_equal(fake.input_room_n, 2); /* nothing taken: no room made */
}

static void a_vm_that_is_down_takes_no_input(void **state)
{
    (void)state;
    vms[0].state = VM_RESTARTING;
    assert_false(vm_uart_takes_input(&vms[0]));
    vms[0].state = VM_SHUTDOWN;
    assert_false(vm_uart_takes_input(&vms[0]));
    vms[0].state = VM_RUNNING;
    assert_true(vm_uart_takes_input(&vms[0]));
}

static void reset_returns_to_power_on(void **state)
{
    (void)state;
    guest_write(VUART_IER, VUART_IER_ERBFI);
    guest_write(VUART_SCR, 0x5a);
    vm_uart_rx(&vms[0], 'a');
    assert_true(line());
    vm_uart_reset(&vms[0]);
    assert_false(line());
    assert_int_equal(vm_uart_rx_room(&vms[0]), VUART_RX_FIFO_SIZE);
    assert_int_equal(guest_read(VUART_IER), 0);
    assert_int_equal(guest_read(VUART_SCR), 0);
    assert_int_equal(vm_uart_getc(&vms[0]), -1);
}

#define T(f) cmocka_unit_test_setup(f, setup)
#define U(f) cmocka_unit_test_setup(f, setup_uart)

int main(void)
{
    const struct CMUnitTest tests[] = {
        T(a_vm_without_the_uart_gets_the_emulated_one),
        T(the_vm_owning_the_uart_gets_none),
        T(several_listers_each_get_the_emulated_one),
        T(init_fails_without_room),
        cmocka_unit_test_setup(a_wide_uart_is_emulated_in_its_layout,
                               setup_uart),
        U(the_interrupt_follows_the_registers),
        U(transmitted_bytes_go_to_the_console),
        U(only_byte_accesses_are_valid),
        U(a_completed_interrupt_still_asserted_is_raised_again),
        U(input_room_is_what_the_fifo_has_left),
        U(sbi_reads_take_input_in_order),
        U(a_vm_that_is_down_takes_no_input),
        U(reset_returns_to_power_on),
    };

    return cmocka_run_group_tests(tests, NULL, NULL);
}
