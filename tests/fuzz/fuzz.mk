# SPDX-License-Identifier: Apache-2.0
#
# Fuzzing (libFuzzer, with Debian's clang; ASan and UBSan), included by the
# top-level Makefile:
#
#   make fuzz-build           build every harness into build/fuzz/
#   make fuzz                 run each for FUZZ_SECONDS (default 60) on its
#                             corpus in build/fuzz/corpus/<name>, seeded
#                             from tests/fuzz/corpus/<name>; print what ran
#   make fuzz-smoke           the same for 10 s each (what `make test` runs)
#   make fuzz-<name>          one harness, FUZZ_SECONDS long
#
# Each harness (tests/fuzz/fuzz_<name>.c) links the real sources it fuzzes
# (fuzz_<name>_SRCS), as the unit tests do. A crash leaves its input in
# build/fuzz/crash-<name>-*: `build/fuzz/<name> <file>` replays it. The
# corpus grows in build/ (kept between runs); copy inputs worth keeping
# into tests/fuzz/corpus/<name>.

FUZZ_DIR := tests/fuzz
FUZZ_BUILD := build/fuzz
FUZZ_CC ?= clang
FUZZ_SECONDS ?= 60
FUZZ_CFLAGS := -std=gnu11 -g -O1 -Wall -Wextra -Werror \
               -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=all
FUZZ_CPPFLAGS := $(UNIT_CPPFLAGS) -I$(FUZZ_DIR)

FUZZERS := insn_decode vplic vaplic vuart fdt config_check sbi

fuzz_insn_decode_SRCS := src/arch/riscv/insn_decode.c
fuzz_vplic_SRCS := src/arch/riscv/irqc/plic/vplic.c
fuzz_vaplic_SRCS := src/arch/riscv/irqc/aia/vaplic.c
fuzz_vuart_SRCS := src/core/vuart.c
fuzz_fdt_SRCS := src/lib/fdt.c src/lib/fdt_query.c \
                 src/arch/riscv/irqc/aia/aia_host.c
# The device trees of the unit tests seed the FDT reader's corpus.
fuzz_fdt_SEEDS := $(UNIT_DTBS)
fuzz_config_check_SRCS := $(CONFIG_CODE_SRCS)
# The SBI handlers on the unit tests' fakes, as test_sbi links them.
fuzz_sbi_SRCS := $(unit_sbi_SRCS)
fuzz_sbi_LDLIBS := -lcmocka

.PHONY: fuzz fuzz-build fuzz-smoke $(FUZZERS:%=fuzz-%)

define newline


endef

define FUZZ_RULES
$(FUZZ_BUILD)/$(1): $(FUZZ_DIR)/fuzz_$(1).c $$(fuzz_$(1)_SRCS) \
                    $(FUZZ_DIR)/fuzz_input.h $(FUZZ_DIR)/fuzz.mk
	@mkdir -p $$(dir $$@)
	@echo "  FUZZCC  $$@"
	$$(Q)$$(FUZZ_CC) $$(FUZZ_CFLAGS) $$(FUZZ_CPPFLAGS) $$< \
	    $$(fuzz_$(1)_SRCS) $$(fuzz_$(1)_LDLIBS) -o $$@

fuzz-$(1): $(FUZZ_BUILD)/$(1) $$(fuzz_$(1)_SEEDS)
	@scripts/fuzz.sh $(1) $(FUZZ_SECONDS) $$(fuzz_$(1)_SEEDS)
endef
$(foreach f,$(FUZZERS),$(eval $(call FUZZ_RULES,$(f))))

fuzz-build: $(FUZZERS:%=$(FUZZ_BUILD)/%)

fuzz: fuzz-build $(foreach f,$(FUZZERS),$(fuzz_$(f)_SEEDS))
	@rm -f $(FUZZ_BUILD)/totals
	$(foreach f,$(FUZZERS),@scripts/fuzz.sh $(f) $(FUZZ_SECONDS) \
	    $(fuzz_$(f)_SEEDS)$(newline))
	@scripts/fuzz.sh --total

fuzz-smoke:
	@$(MAKE) --no-print-directory fuzz FUZZ_SECONDS=10
