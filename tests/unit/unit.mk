# SPDX-License-Identifier: Apache-2.0
#
# Host unit tests (cmocka, ASan + UBSan), included by the top-level Makefile.
#
#   make test-unit          build every test into build/unit/ and run them
#                           in turn; stops at the first failing test
#   make unit-<name>        build and run one (e.g. make unit-sbi)
#
# Each test links the real sources it tests (unit_<name>_SRCS) plus, where
# those call into modules it does not link, the recording fakes of just
# those modules: tests/unit/fakes/fake_<module>.c, named with
# $(call unit_fakes,<module> ...) (fake_log.c, the log they share, comes
# with them). Every src/core/*.c is linked into at least one test.
# src/lib/string.c and src/lib/format.c are never linked: the host libc
# provides the same functions (test_string and test_format rename ours to
# test them).

UNIT_DIR := tests/unit
UNIT_BUILD := build/unit
DTC ?= dtc

UNIT_CFLAGS := -std=gnu11 -g -O1 -Wall -Wextra -Werror \
               -fsanitize=address,undefined -fno-omit-frame-pointer \
               -fno-sanitize-recover=all
UNIT_CPPFLAGS := -Isrc/core/inc -Isrc/lib/inc -Isrc/arch/riscv/inc \
                 -Isrc/arch/riscv/irqc \
                 -I$(UNIT_DIR)/fakes -I$(UNIT_DIR)/support
UNIT_LDLIBS := -lcmocka
# With -fno-sanitize-recover=all any sanitizer report fails the test. A
# broken loop in the code under test fails it too, instead of hanging.
UNIT_TIMEOUT ?= 120
UNIT_ENV := ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 \
            timeout $(UNIT_TIMEOUT)

# The fakes of the given modules, and the log they record in.
unit_fakes = $(patsubst %,$(UNIT_DIR)/fakes/fake_%.c,log $(1))

UNIT_TESTS := page_table page_alloc colour config_check sbi format isa \
              fdt insn_decode vplic vuart ipc vm vm_mem string fault_log \
              machine_fit clear_plan irq vm_fault cpu vm_lifecycle vm_uart \
              console vm_build hyp_pool shmem boot_table machine init \
              guest_fault plic_irqc vaplic aia_host imsic aplic aia_fit \
              aia_irqc vaplic_irqc guest_timer bitmap dma platform_dt

unit_page_table_SRCS := src/arch/riscv/page_table.c

# lib/bitmap.h is header-only.
unit_bitmap_SRCS :=

unit_page_alloc_SRCS := src/core/page_alloc.c

unit_fault_log_SRCS := src/core/fault_log.c

unit_hyp_pool_SRCS := src/core/hyp_pool.c

unit_clear_plan_SRCS := src/core/clear_plan.c

unit_colour_SRCS := src/core/colour.c src/core/page_alloc.c

# Every file of the configuration code the tools share (Makefile): the
# configuration checks, which other modules also ask who owns the UART.
UNIT_CONFIG_CHECK_SRCS := $(CONFIG_CODE_SRCS)

unit_config_check_SRCS := $(UNIT_CONFIG_CHECK_SRCS)

unit_sbi_SRCS := $(addprefix src/arch/riscv/,sbi.c sbi_base.c sbi_time.c \
                   sbi_ipi.c sbi_rfence.c sbi_hsm.c sbi_srst.c sbi_dbcn.c \
                   sbi_legacy.c sbi_hypercall.c) \
                 src/core/vcpu.c src/core/vm.c src/core/ipc.c src/core/irq.c \
                 src/core/vm_mem.c src/core/colour.c src/core/colour_mem.c \
                 src/core/page_alloc.c \
                 src/core/cpu_wait.c \
                 $(call unit_fakes,arch cpu_self cpu console guest_timer \
                   vm_lifecycle shmem machine)

unit_ipc_SRCS := src/core/ipc.c src/core/irq.c src/core/vm.c \
                 src/core/vm_mem.c src/core/colour.c src/core/colour_mem.c \
                 src/core/page_alloc.c $(call unit_fakes,arch console shmem)

unit_vm_fault_SRCS := src/core/vm_fault.c src/core/fault_log.c \
                      src/core/vm.c \
                      $(call unit_fakes,arch console vm_lifecycle machine)

# The guest-fault path of arch, its CSRs an array (-DCSR_FAKE): MMIO
# emulation and the injection of access faults, on core's fault policy.
unit_guest_fault_SRCS := $(addprefix src/arch/riscv/,guest_fault.c \
                           mmio_emul.c insn_decode.c) \
                         src/core/vm_fault.c src/core/fault_log.c \
                         src/core/vm.c \
                         $(call unit_fakes,csr arch console vm_lifecycle \
                           machine)
unit_guest_fault_CPPFLAGS := -DCSR_FAKE

# Routing through the PLIC: the real vPLIC and interrupt ownership, the
# physical driver faked in the test, the CSRs an array.
unit_plic_irqc_SRCS := $(addprefix src/arch/riscv/irqc/plic/,plic_irqc.c \
                         vplic.c) src/arch/riscv/vcpu_lines.c \
                       src/arch/riscv/irqc.c \
                       src/core/irq.c src/core/vm.c \
                       src/core/cpu_wait.c \
                       $(call unit_fakes,csr cpu_self cpu console aia_driver)
unit_plic_irqc_CPPFLAGS := -DCSR_FAKE

# A VM's vAPLIC: the real model, core's ownership and the vCPU lines, the
# physical APLIC faked in the test, the CSRs an array.
unit_vaplic_irqc_SRCS := $(addprefix src/arch/riscv/irqc/aia/,vaplic_irqc.c \
                           vaplic.c aia_host.c) \
                         src/arch/riscv/vcpu_lines.c src/arch/riscv/irqc.c \
                         src/core/irq.c src/core/vm.c src/lib/fdt.c \
                         src/lib/fdt_query.c \
                         $(call unit_fakes,csr cpu_self cpu console \
                           plic_driver)
unit_vaplic_irqc_CPPFLAGS := -DCSR_FAKE

# The hypervisor's interrupts on an AIA machine: core's ownership, the
# APLIC and interrupt-file drivers faked in the test.
unit_aia_irqc_SRCS := $(addprefix src/arch/riscv/irqc/aia/,aia_irqc.c \
                        aia_host.c) src/arch/riscv/irqc.c \
                      src/core/irq.c src/core/vm.c src/lib/fdt.c \
                      src/lib/fdt_query.c \
                      $(call unit_fakes,csr cpu_self cpu console plic_driver)
unit_aia_irqc_CPPFLAGS := -DCSR_FAKE

unit_irq_SRCS := src/core/irq.c src/core/vm.c $(call unit_fakes,arch console)

unit_dma_SRCS := src/core/dma.c src/core/vm.c $(call unit_fakes,console machine)

unit_cpu_SRCS := src/core/cpu.c src/core/cpu_wait.c src/core/vcpu.c \
                 $(call unit_fakes,arch cpu_self console)
unit_cpu_LDLIBS := -lpthread

unit_vm_lifecycle_SRCS := src/core/vm_lifecycle.c src/core/vcpu.c \
                          src/core/vm.c src/core/irq.c src/core/dma.c \
                          src/core/cpu_wait.c \
                          $(call unit_fakes,arch cpu_self cpu console \
                            vm_build vm_uart machine)

unit_vm_uart_SRCS := src/core/vm_uart.c src/core/vuart.c src/core/vm.c \
                     src/core/irq.c $(UNIT_CONFIG_CHECK_SRCS) \
                     $(call unit_fakes,arch console)

unit_console_SRCS := src/core/console.c src/core/vm.c \
                     $(call unit_fakes,vm_uart cpu cpu_self arch)

unit_vm_build_SRCS := $(addprefix src/core/,vm_build.c vm_mem.c vm.c colour.c \
                        colour_mem.c page_alloc.c clear_plan.c ipc.c irq.c \
                        vm_uart.c vuart.c vcpu.c) \
                      $(UNIT_CONFIG_CHECK_SRCS) \
                      src/core/cpu_wait.c \
                      $(call unit_fakes,arch cpu_self cpu console shmem)

unit_shmem_SRCS := $(addprefix src/core/,shmem.c colour.c colour_mem.c \
                     page_alloc.c) $(call unit_fakes,arch console)

unit_boot_table_SRCS := src/core/boot_table.c src/core/vm.c src/core/colour.c \
                        src/core/page_alloc.c $(UNIT_CONFIG_CHECK_SRCS) \
                        $(call unit_fakes,console shmem)
# As the hypervisor is built; GCC's checks of the host's snprintf would
# otherwise find a size text of 2^44 MiB cut short.
unit_boot_table_CPPFLAGS := -fno-builtin

unit_vm_SRCS := src/core/vm.c src/core/colour.c src/core/page_alloc.c

unit_vm_mem_SRCS := src/core/vm_mem.c src/core/vm.c src/core/colour.c \
                    src/core/colour_mem.c src/core/page_alloc.c \
                    $(call unit_fakes,arch)

unit_isa_SRCS := src/arch/riscv/isa.c

unit_insn_decode_SRCS := src/arch/riscv/insn_decode.c

unit_vplic_SRCS := src/arch/riscv/irqc/plic/vplic.c

unit_vaplic_SRCS := src/arch/riscv/irqc/aia/vaplic.c

# The machine's guest-timer choice, its CSRs an array.
unit_guest_timer_SRCS := src/arch/riscv/guest_timer.c $(call unit_fakes,csr \
                           machine console)
unit_guest_timer_CPPFLAGS := -DCSR_FAKE

# The AIA drivers: the interrupt file through a model of its CSRs, the
# APLIC on a register array.
unit_imsic_SRCS := src/arch/riscv/irqc/aia/imsic.c $(call unit_fakes,csr)
unit_imsic_CPPFLAGS := -DCSR_FAKE
unit_aplic_SRCS := src/arch/riscv/irqc/aia/aplic.c

unit_vuart_SRCS := src/core/vuart.c

# Our vsnprintf under another name, next to the host's for comparison.
unit_string_SRCS := src/lib/string.c
unit_string_CPPFLAGS := -Dmemcpy=baobab_memcpy -Dmemset=baobab_memset \
                        -Dmemmove=baobab_memmove -Dmemcmp=baobab_memcmp \
                        -Dstrlen=baobab_strlen -Dstrncmp=baobab_strncmp \
                        -Dstrcmp=baobab_strcmp -Dstrnlen=baobab_strnlen \
                        -fno-builtin

unit_format_SRCS := src/lib/format.c
unit_format_CPPFLAGS := -Dvsnprintf=baobab_vsnprintf -Dsnprintf=baobab_snprintf

# The FDT reader reads .dtb fixtures compiled from tests/unit/data/*.dts.
unit_fdt_SRCS := src/lib/fdt.c src/lib/fdt_query.c
UNIT_DTB_DIR := $(UNIT_BUILD)/dtb
UNIT_DTBS := $(patsubst $(UNIT_DIR)/data/%.dts,$(UNIT_DTB_DIR)/%.dtb,\
               $(wildcard $(UNIT_DIR)/data/*.dts)) \
             $(UNIT_DTB_DIR)/tiny-v16.dtb
unit_fdt_ARGS := $(UNIT_DTB_DIR)
unit_fdt_DEPS := $(UNIT_DTBS)

# The machine fit checks read the same fixtures (qemu-virt and fit-*).
unit_machine_fit_SRCS := $(UNIT_DIR)/support/dtb_fixture.c \
                         src/core/machine_fit.c \
                         src/arch/riscv/irqc/plic/plic_fit.c \
                         $(addprefix src/arch/riscv/irqc/aia/,aia_fit.c \
                           aia_host.c) src/arch/riscv/irqc_fit.c \
                         src/lib/fdt.c src/lib/fdt_query.c \
                         $(call unit_fakes,machine)
unit_machine_fit_ARGS := $(UNIT_DTB_DIR)
unit_machine_fit_DEPS := $(UNIT_DTBS)

# The host's AIA, from the same fixtures (qemu-virt-aia, qemu-virt-aplic).
unit_aia_host_SRCS := $(UNIT_DIR)/support/dtb_fixture.c \
                      src/arch/riscv/irqc/aia/aia_host.c src/lib/fdt.c \
                      src/lib/fdt_query.c
unit_aia_host_ARGS := $(UNIT_DTB_DIR)
unit_aia_host_DEPS := $(UNIT_DTBS)

# An AIA build's machine check, on the same fixtures.
unit_aia_fit_SRCS := $(UNIT_DIR)/support/dtb_fixture.c \
                     $(addprefix src/arch/riscv/irqc/aia/,aia_fit.c \
                       aia_host.c) src/arch/riscv/irqc_fit.c \
                     src/arch/riscv/irqc/plic/plic_fit.c \
                     src/core/machine_fit.c src/lib/fdt.c src/lib/fdt_query.c
unit_aia_fit_ARGS := $(UNIT_DTB_DIR)
unit_aia_fit_DEPS := $(UNIT_DTBS)

# What the generic platform learns of the board, from the same fixtures
# and the boards' trees (board-*.dts).
unit_platform_dt_SRCS := $(UNIT_DIR)/support/dtb_fixture.c \
                         src/core/platform_dt.c src/core/machine_fit.c \
                         src/arch/riscv/irqc_probe.c \
                         src/arch/riscv/irqc/aia/aia_host.c \
                         src/arch/riscv/irqc/plic/plic_fit.c \
                         src/lib/fdt.c src/lib/fdt_query.c \
                         $(call unit_fakes,console)
unit_platform_dt_ARGS := $(UNIT_DTB_DIR)
unit_platform_dt_DEPS := $(UNIT_DTBS)

# What the boot learns of the machine, from the same fixtures.
unit_machine_SRCS := $(UNIT_DIR)/support/dtb_fixture.c src/core/machine.c \
                     src/core/machine_fit.c \
                     src/arch/riscv/machine_cpus.c src/arch/riscv/isa.c \
                     src/arch/riscv/machine_iommu.c \
                     src/lib/fdt.c src/lib/fdt_query.c \
                     $(call unit_fakes,console csr_probe)
unit_machine_ARGS := $(UNIT_DTB_DIR)
unit_machine_DEPS := $(UNIT_DTBS)

# The boot, on the real checks; what it builds and starts is faked.
unit_init_SRCS := $(UNIT_DIR)/support/dtb_fixture.c \
                  $(addprefix src/core/,init.c page_alloc.c colour.c \
                    hyp_pool.c irq.c vm.c machine_fit.c hart_bringup.c) \
                  src/arch/riscv/irqc/plic/plic_fit.c \
                  $(addprefix src/arch/riscv/irqc/aia/,aia_fit.c aia_host.c) \
                  src/arch/riscv/irqc_fit.c src/arch/riscv/irqc_probe.c \
                  $(UNIT_CONFIG_CHECK_SRCS) src/lib/fdt.c src/lib/fdt_query.c \
                  $(addprefix src/core/,platform_probe.c platform_dt.c \
                    vm_dtb_fixup.c) \
                  src/core/cpu_wait.c src/core/dma.c \
                  src/arch/riscv/machine_iommu.c \
                  $(call unit_fakes,arch cpu_self cpu console machine \
                    vm_build shmem boot_table)
unit_init_ARGS := $(UNIT_DTB_DIR)
unit_init_DEPS := $(UNIT_DTBS)

UNIT_HDRS := $(wildcard src/core/inc/core/*.h src/lib/inc/lib/*.h \
                        src/arch/riscv/inc/arch/*.h src/arch/riscv/irqc/*/*.h \
                        $(UNIT_DIR)/fakes/*.h $(UNIT_DIR)/support/*.h)
UNIT_BINS := $(UNIT_TESTS:%=$(UNIT_BUILD)/test_%)
# A test file that is not in UNIT_TESTS would silently never run.
UNIT_UNLISTED := $(filter-out $(UNIT_TESTS),\
                   $(patsubst $(UNIT_DIR)/test_%.c,%,$(wildcard $(UNIT_DIR)/test_*.c)))
# Every core file is linked into at least one test.
UNIT_CORE_UNTESTED := $(filter-out $(foreach t,$(UNIT_TESTS),$(unit_$(t)_SRCS)),\
                        $(wildcard src/core/*.c))

.PHONY: $(UNIT_TESTS:%=unit-%)

# One rule per test: build/unit/test_<name> from tests/unit/test_<name>.c.
define UNIT_TEST_RULES
$(UNIT_BUILD)/test_$(1): $(UNIT_DIR)/test_$(1).c $$(unit_$(1)_SRCS) \
                         $$(UNIT_HDRS) $(UNIT_DIR)/unit.mk
	@mkdir -p $$(dir $$@)
	@echo "  HOSTCC  $$@"
	$$(Q)$$(HOSTCC) $$(UNIT_CFLAGS) $$(UNIT_CPPFLAGS) $$(unit_$(1)_CPPFLAGS) \
	    $$< $$(unit_$(1)_SRCS) $$(UNIT_LDLIBS) $$(unit_$(1)_LDLIBS) -o $$@

unit-$(1): $(UNIT_BUILD)/test_$(1) $$(unit_$(1)_DEPS)
	@echo "  RUN     test_$(1)"
	$$(Q)$$(UNIT_ENV) $$< $$(unit_$(1)_ARGS)
endef
$(foreach t,$(UNIT_TESTS),$(eval $(call UNIT_TEST_RULES,$(t))))

# Everything is built first, then the tests run one after the other.
define UNIT_RUN_ONE
@echo "  RUN     test_$(1)"
$(Q)$(UNIT_ENV) $(UNIT_BUILD)/test_$(1) $(unit_$(1)_ARGS)

endef
test-unit: $(UNIT_BINS) $(UNIT_DTBS)
	$(if $(UNIT_UNLISTED),@echo "error: add $(UNIT_UNLISTED:%=test_%.c) to UNIT_TESTS in $(UNIT_DIR)/unit.mk" >&2; exit 1)
	$(if $(UNIT_CORE_UNTESTED),@echo "error: no unit test links $(UNIT_CORE_UNTESTED)" >&2; exit 1)
	$(foreach t,$(UNIT_TESTS),$(call UNIT_RUN_ONE,$(t)))
	@echo "unit tests: all $(words $(UNIT_TESTS)) suites passed"

# -q: the fixtures break dtc's style checks on purpose.
$(UNIT_DTB_DIR)/%.dtb: $(UNIT_DIR)/data/%.dts
	@mkdir -p $(dir $@)
	@echo "  DTC     $<"
	$(Q)$(DTC) -q -I dts -O dtb -o $@ $<

# The same tree in the older v16 layout, for that header variant.
$(UNIT_DTB_DIR)/tiny-v16.dtb: $(UNIT_DIR)/data/tiny.dts
	@mkdir -p $(dir $@)
	@echo "  DTC     $< (v16)"
	$(Q)$(DTC) -q -V 16 -I dts -O dtb -o $@ $<
