# SPDX-License-Identifier: Apache-2.0
#
# Host unit tests (cmocka, ASan + UBSan), included by the top-level Makefile.
#
#   make test-unit          build every test into build/unit/ and run them
#                           in turn; stops at the first failing test
#   make unit-<name>        build and run one (e.g. make unit-sbi)
#
# Each test links the real sources it tests (unit_<name>_SRCS) plus, where
# those call into other modules, the recording fakes in tests/unit/fakes/.
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
                 -I$(UNIT_DIR)/fakes
UNIT_LDLIBS := -lcmocka
# With -fno-sanitize-recover=all any sanitizer report fails the test. A
# broken loop in the code under test fails it too, instead of hanging.
UNIT_TIMEOUT ?= 120
UNIT_ENV := ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 \
            timeout $(UNIT_TIMEOUT)

UNIT_TESTS := page_table page_alloc colour config_check sbi format isa \
              fdt insn_decode vplic vuart ipc vm vm_mem string fault_log \
              machine_fit clear_plan

unit_page_table_SRCS := src/arch/riscv/page_table.c

unit_page_alloc_SRCS := src/core/page_alloc.c

unit_fault_log_SRCS := src/core/fault_log.c

unit_clear_plan_SRCS := src/core/clear_plan.c

unit_colour_SRCS := src/core/colour.c src/core/page_alloc.c

# Every file of the configuration code the tools share (Makefile).
unit_config_check_SRCS := $(CONFIG_CODE_SRCS)

unit_sbi_SRCS := $(addprefix src/arch/riscv/,sbi.c sbi_base.c sbi_time.c \
                   sbi_ipi.c sbi_rfence.c sbi_hsm.c sbi_srst.c sbi_dbcn.c \
                   sbi_legacy.c sbi_hypercall.c) \
                 src/core/vcpu.c src/core/vm.c src/core/ipc.c \
                 src/core/colour.c src/core/page_alloc.c \
                 $(UNIT_DIR)/fakes/fakes.c

unit_ipc_SRCS := src/core/ipc.c src/core/vm.c src/core/colour.c \
                 src/core/page_alloc.c $(UNIT_DIR)/fakes/fakes.c

unit_vm_SRCS := src/core/vm.c src/core/colour.c src/core/page_alloc.c \
                $(UNIT_DIR)/fakes/fakes.c

unit_vm_mem_SRCS := src/core/vm_mem.c src/core/vm.c src/core/colour.c \
                    src/core/page_alloc.c $(UNIT_DIR)/fakes/fakes.c

unit_isa_SRCS := src/core/isa.c

unit_insn_decode_SRCS := src/arch/riscv/insn_decode.c

unit_vplic_SRCS := src/arch/riscv/vplic.c

unit_vuart_SRCS := src/core/vuart.c

# Our vsnprintf under another name, next to the host's for comparison.
unit_string_SRCS := src/lib/string.c
unit_string_CPPFLAGS := -Dmemcpy=baobab_memcpy -Dmemset=baobab_memset \
                        -Dmemmove=baobab_memmove -Dmemcmp=baobab_memcmp \
                        -Dstrlen=baobab_strlen -Dstrncmp=baobab_strncmp \
                        -Dstrcmp=baobab_strcmp -fno-builtin

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
unit_machine_fit_SRCS := src/core/machine_fit.c src/lib/fdt.c \
                         src/lib/fdt_query.c
unit_machine_fit_ARGS := $(UNIT_DTB_DIR)
unit_machine_fit_DEPS := $(UNIT_DTBS)

UNIT_HDRS := $(wildcard src/core/inc/*.h src/lib/inc/*.h src/lib/inc/lib/*.h \
                        src/arch/riscv/inc/arch/*.h $(UNIT_DIR)/fakes/*.h)
UNIT_BINS := $(UNIT_TESTS:%=$(UNIT_BUILD)/test_%)
# A test file that is not in UNIT_TESTS would silently never run.
UNIT_UNLISTED := $(filter-out $(UNIT_TESTS),\
                   $(patsubst $(UNIT_DIR)/test_%.c,%,$(wildcard $(UNIT_DIR)/test_*.c)))

.PHONY: $(UNIT_TESTS:%=unit-%)

# One rule per test: build/unit/test_<name> from tests/unit/test_<name>.c.
define UNIT_TEST_RULES
$(UNIT_BUILD)/test_$(1): $(UNIT_DIR)/test_$(1).c $$(unit_$(1)_SRCS) \
                         $$(UNIT_HDRS) $(UNIT_DIR)/unit.mk
	@mkdir -p $$(dir $$@)
	@echo "  HOSTCC  $$@"
	$$(Q)$$(HOSTCC) $$(UNIT_CFLAGS) $$(UNIT_CPPFLAGS) $$(unit_$(1)_CPPFLAGS) \
	    $$< $$(unit_$(1)_SRCS) $$(UNIT_LDLIBS) -o $$@

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
