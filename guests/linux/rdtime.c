/* SPDX-License-Identifier: Apache-2.0 */
/*
 * /bin/rdtime: prints the RISC-V `time` CSR (ticks of the platform's
 * timebase, 10 MHz on QEMU virt) in decimal and a newline. /etc/profile
 * runs it right before the first shell prompt, which is how `make bench`
 * measures the guest's boot time.
 *
 * A static Linux riscv64 executable without libc: build.sh compiles it
 * with the bare-metal cross compiler (-nostdlib -ffreestanding -static),
 * so it talks to the kernel with raw syscalls. Linux lets user mode read
 * `time` (it sets scounteren.TM); neither Baobab nor QEMU offsets it, so
 * under QEMU the value counts from machine reset.
 */

#define SYS_WRITE 64
#define SYS_EXIT 93

static long syscall3(long nr, long arg0, long arg1, long arg2)
{
    register long a0 __asm__("a0") = arg0;
    register long a1 __asm__("a1") = arg1;
    register long a2 __asm__("a2") = arg2;
    register long a7 __asm__("a7") = nr;

    __asm__ volatile("ecall" : "+r"(a0) : "r"(a1), "r"(a2), "r"(a7) : "memory");
    return a0;
}

static __attribute__((noreturn)) void sys_exit(int status)
{
    for (;;) {
        syscall3(SYS_EXIT, status, 0, 0);
    }
}

/* The kernel enters here with sp set up and argc/argv on the stack. */
void __attribute__((noreturn, used)) _start(void)
{
    unsigned long ticks;
    char buf[24];
    unsigned int pos = sizeof(buf);

    __asm__ volatile("rdtime %0" : "=r"(ticks));

    buf[--pos] = '\n';
    do {
        buf[--pos] = (char)('0' + ticks % 10);
        ticks /= 10;
    } while (ticks != 0);

    while (pos < sizeof(buf)) {
        long n = syscall3(SYS_WRITE, 1, (long)&buf[pos], sizeof(buf) - pos);
        if (n <= 0) {
            sys_exit(1);
        }
        pos += (unsigned int)n;
    }
    sys_exit(0);
}
