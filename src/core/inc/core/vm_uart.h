/* SPDX-License-Identifier: Apache-2.0 */
/*
 * The emulated console UART. Every VM that does not own the platform's
 * console UART (the only VM listing it) finds a 16550 (struct vuart) at
 * the same guest-physical address, with the same interrupt in its
 * interrupt controller: what it
 * transmits goes to the shared console, tagged, and what is typed while it
 * has the console focus arrives in its receive FIFO.
 */
#ifndef VM_UART_H
#define VM_UART_H

#include <stdbool.h>

struct vm;

/* At VM build: map the emulated UART unless the VM owns the real one. */
int vm_uart_init(struct vm *vm);
/* Back to power-on state (VM restart). */
void vm_uart_reset(struct vm *vm);
/* Whether typed input can go to the VM (it has a UART and runs). */
bool vm_uart_takes_input(const struct vm *vm);
/* A character typed for the VM. */
void vm_uart_rx(struct vm *vm, char c);
/* How many more typed characters the VM can take now. */
unsigned vm_uart_rx_room(struct vm *vm);
/* For SBI console reads: the next typed character, or -1. */
int vm_uart_getc(struct vm *vm);

#endif
