# SPDX-License-Identifier: Apache-2.0
#
# make PLATFORM=qemu-riscv64-virt CONFIG=<name> [CONFIG_REPO=<dir>]
#      [CROSS_COMPILE=riscv64-unknown-elf-] [DEBUG=y] [CPPFLAGS=-D...]
#   builds bin/<PLATFORM>/<CONFIG>/bao.bin, bao.elf and bao.itb (a FIT
#   image of bao.bin for U-Boot's bootm).
# make run      boot that image under QEMU
# make bootdisk an SD-card-like disk image U-Boot boots it from (bootdisk.img)
# make firmware one file for -bios: our stub, OpenSBI's fw_dynamic, bao.bin
# make debug    QEMU waiting for gdb, and a gdb with the symbols
# make test     every test: unit (host, sanitizers), lint, system (QEMU), a short run of each fuzzer
# See README.md and docs/.

PLATFORM ?= qemu-riscv64-virt
CONFIG ?= baremetal
CONFIG_REPO ?= configs
CROSS_COMPILE ?= riscv64-unknown-elf-
DEBUG ?= n
VERSION := 0.1.0
# Where the image is linked; it runs wherever it is loaded (boot.S).
HYP_LINK_BASE := 0x80200000
# V=1 shows the full commands.
Q := $(if $(filter 1,$(V)),,@)

CC := $(CROSS_COMPILE)gcc
OBJCOPY := $(CROSS_COMPILE)objcopy
NM := $(CROSS_COMPILE)nm
HOSTCC ?= cc
# QEMU= chooses the QEMU for make run, the tests and the bench: a command,
# a path, or a version scripts/qemu.sh gets (7.2: Debian 12's; 10.0:
# bookworm-backports', downloaded into the cache on first use).
QEMU ?= qemu-system-riscv64
export QEMU
QEMU_VERSIONS := 7.2 10.0
QEMU_BIN = $(if $(filter $(QEMU_VERSIONS),$(QEMU)),$(shell scripts/qemu.sh $(QEMU)),$(QEMU))
PYTHON ?= /usr/bin/python3

BUILD := build/$(PLATFORM)/$(CONFIG)
BIN := bin/$(PLATFORM)/$(CONFIG)
GUEST_DIR := build/guests
GUEST_BIN := $(GUEST_DIR)/baremetal/baremetal.bin
# The Linux guest (guests/linux/build.sh) is built only for configs that
# embed one of its files (BAOBAB_LINUX/...): it downloads Debian's kernel
# on first use.
LINUX_OUT ?= $(GUEST_DIR)/linux

CONFIG_SRC := $(firstword $(wildcard $(CONFIG_REPO)/$(CONFIG).c \
                                     $(CONFIG_REPO)/$(CONFIG)/config.c))

ARCH_DIR := src/arch/riscv
PLAT_DIR := src/platform/$(PLATFORM)
ifeq ($(wildcard $(PLAT_DIR)/platform.mk),)
$(error PLATFORM=$(PLATFORM): no such platform (src/platform/$(PLATFORM)/platform.mk))
endif
include $(PLAT_DIR)/platform.mk
# What platform.mk sets: QEMU_MACHINE and, when the board shares another's
# description, PLAT_SRCS and PLAT_CPPFLAGS. Every build has every
# interrupt-controller driver ($(ARCH_DIR)/irqc/*/): the description says
# which the board has, or the device tree (the generic platform).
PLAT_SRCS ?= $(wildcard $(PLAT_DIR)/*.c)
PLAT_C := $(filter %/platform.c,$(PLAT_SRCS))
SRCS := $(wildcard src/core/*.c src/lib/*.c $(ARCH_DIR)/*.c $(ARCH_DIR)/*.S \
                   $(ARCH_DIR)/irqc/*/*.c \
                   $(PLAT_SRCS) src/platform/drivers/*.c)
OBJS := $(patsubst %,$(BUILD)/%.o,$(basename $(SRCS)))
CONFIG_OBJ := $(BUILD)/config.o

INCLUDES := -Isrc/core/inc -Isrc/lib/inc -I$(ARCH_DIR)/inc -I$(ARCH_DIR)/irqc
ARCH_FLAGS := -march=rv64imac_zicsr_zifencei -mabi=lp64 -mcmodel=medany
OPT := $(if $(filter y,$(DEBUG)),-Og,-O2)
HYP_CFLAGS := $(ARCH_FLAGS) $(OPT) -g -std=gnu11 -ffreestanding -fno-builtin \
              -fno-common -fno-pie -fno-stack-protector -nostdlib \
              -Wall -Wextra -Werror -MMD -MP
HYP_CPPFLAGS := $(INCLUDES) -DBAOBAB_VERSION=\"$(VERSION)\" \
                -DHYP_LINK_BASE=$(HYP_LINK_BASE) \
                -DBAOBAB_CONFIG_NAME=\"$(CONFIG)\" $(PLAT_CPPFLAGS) $(CPPFLAGS)
# Configs are user files: warnings are shown but do not stop the build.
CONFIG_CFLAGS := $(ARCH_FLAGS) -O2 -std=gnu11 -ffreestanding -fno-common \
                 -fno-pie -Wall -MMD -MP
CONFIG_CPPFLAGS := -Isrc/core/config_api -Isrc/core/inc -I$(ARCH_DIR)/inc \
                   -I$(dir $(CONFIG_SRC)) \
                   -Wa,-I$(dir $(CONFIG_SRC)) \
                   -DBAOBAB_IMGS=$(abspath $(GUEST_DIR)/baremetal) \
                   -DBAOBAB_LINUX=$(abspath $(LINUX_OUT)) $(CPPFLAGS)

# Host tools see the configuration compiled for the host. -std=c11 keeps
# names such as `linux` or `unix` in image paths from being macro-expanded.
HOST_DIR := $(BUILD)/host
HOST_CFLAGS := -std=c11 -g -O1 -Wall -Wextra -fno-pie -MMD -MP
HOST_CONFIG_OBJ := $(HOST_DIR)/config.o
# The configuration code the host tools and unit tests share with the
# hypervisor: the checker (its core sections and this architecture's part),
# the configuration queries and the guest memory layouts.
CONFIG_CODE_SRCS := $(sort $(wildcard src/core/config_*.c)) \
                    $(ARCH_DIR)/config_check_arch.c src/core/vm_layout.c \
                    src/core/ipc_layout.c
CONFIG_CHECKER := $(HOST_DIR)/config_check
CONFIG_CHECKER_SRCS := tools/config_check.c $(CONFIG_CODE_SRCS) $(PLAT_C)

.PHONY: all bootdisk firmware debug guests linux-guest run test test-unit test-system lint objs format bench bench-build soak \
        clean distclean deps FORCE
.DEFAULT_GOAL := all

all: $(BIN)/bao.bin $(BIN)/bao.itb

$(BIN)/bao.bin: $(BIN)/bao.elf
	$(Q)$(OBJCOPY) -O binary $< $@
	@echo "built $@ ($$(stat -c %s $@) bytes)"

# The files loaders take it in (scripts/boot_images.py, docs/boards/).
BOOT_IMAGES = $(PYTHON) scripts/boot_images.py
$(BIN)/bao.itb: $(BIN)/bao.bin scripts/boot_images.py
	$(Q)$(BOOT_IMAGES) fit $< $@ "$(CONFIG) for $(PLATFORM)"
	@echo "built $@ (FIT image for U-Boot's bootm)"

# boot.scr stays beside the disk: a board's SD card takes it as it is.
$(BIN)/boot.scr: scripts/uboot/boot.cmd scripts/boot_images.py
	@mkdir -p $(dir $@)
	$(Q)$(BOOT_IMAGES) script $@
bootdisk: $(BIN)/bootdisk.img
$(BIN)/bootdisk.img: $(BIN)/boot.scr $(BIN)/bao.bin $(BIN)/bao.itb \
                     scripts/boot_images.py
	$(Q)$(BOOT_IMAGES) disk $@ $(BIN)/boot.scr $(BIN)/bao.bin $(BIN)/bao.itb
	@echo "built $@ (MBR, FAT partition: boot.scr, bao.bin, bao.itb)"

# One file for -bios (OpenSBI's FW_PAYLOAD shape): our stub, Debian's
# OpenSBI fw_dynamic (that of the QEMU chosen, QEMU=), then bao.bin. A
# QEMU machine's only: a board's firmware is its own. $(shell) does not see
# exported variables, so QEMU is handed to it.
FW_STUB := build/firmware/dynamic_stub
OPENSBI_DIR = $(shell QEMU='$(QEMU)' $(PYTHON) scripts/qemu_env.py opensbi)
firmware: $(BIN)/firmware.bin
$(BIN)/firmware.bin: $(BIN)/bao.bin $(FW_STUB).bin scripts/boot_images.py FORCE
	@$(require_qemu_machine)
	$(Q)$(BOOT_IMAGES) firmware $(FW_STUB).bin $(OPENSBI_DIR)/fw_dynamic.bin $< $@
	@echo "built $@ (qemu-system-riscv64 -M $(QEMU_MACHINE) -bios $@)"

$(FW_STUB).bin: $(wildcard tools/firmware/dynamic_stub.*)
	@mkdir -p $(dir $@)
	$(Q)$(CC) $(ARCH_FLAGS) -nostdlib -static -Wl,--no-relax \
	    -T tools/firmware/dynamic_stub.ld -o $(FW_STUB).elf \
	    tools/firmware/dynamic_stub.S
	$(Q)$(OBJCOPY) -O binary $(FW_STUB).elf $@

# Linked twice: the first link finds the addresses stored in the image's
# data (scripts/image_relocs.py), the second links their table in, which
# boot.S applies when the image runs away from HYP_LINK_BASE; the check
# makes sure linking the table moved none of them.
LINK_HYP = $(CC) $(ARCH_FLAGS) -nostdlib -static -no-pie -Wl,--emit-relocs \
    -Wl,--defsym=HYP_LINK_BASE=$(HYP_LINK_BASE) -T $(ARCH_DIR)/linker.ld
RELOCS = $(PYTHON) scripts/image_relocs.py
RELOCS_EMPTY := $(BUILD)/relocs_empty.o
RELOCS_S := $(BUILD)/relocs.S

$(RELOCS_EMPTY):
	@mkdir -p $(dir $@)
	$(Q)printf '\t.section .hyp_relocs, "a"\n' | \
	    $(CC) $(ARCH_FLAGS) -c -x assembler - -o $@

# The image is kept only if the configuration passes the same checks the
# hypervisor makes at boot (tools/config_check.c).
$(BIN)/bao.elf: $(OBJS) $(CONFIG_OBJ) $(ARCH_DIR)/linker.ld $(CONFIG_CHECKER) \
                $(RELOCS_EMPTY) scripts/image_relocs.py
	@mkdir -p $(dir $@)
	@echo "  LD      $@"
	$(Q)$(LINK_HYP) -o $@.tmp $(OBJS) $(CONFIG_OBJ) $(DTB_OBJ) $(RELOCS_EMPTY)
	$(Q)$(RELOCS) $@.tmp $(HYP_LINK_BASE) $(RELOCS_S)
	$(Q)$(CC) $(ARCH_FLAGS) -c $(RELOCS_S) -o $(RELOCS_S:.S=.o)
	$(Q)$(LINK_HYP) -o $@.tmp $(OBJS) $(CONFIG_OBJ) $(DTB_OBJ) $(RELOCS_S:.S=.o)
	$(Q)$(RELOCS) $@.tmp $(HYP_LINK_BASE) --check $(RELOCS_S)
	@echo "  CHECK   $(CONFIG_SRC)"
	$(Q)$(CONFIG_CHECKER) $(CONFIG) $$($(NM) $@.tmp | \
	    awk '$$3 == "_image_start" { s = $$1 } $$3 == "_image_end" { e = $$1 } \
	         END { print s, e }') || { rm -f $@.tmp $@ $(BIN)/bao.bin; exit 1; }
	$(Q)mv $@.tmp $@

$(BUILD)/%.o: %.c
	@mkdir -p $(dir $@)
	@echo "  CC      $<"
	$(Q)$(CC) $(HYP_CFLAGS) $(HYP_CPPFLAGS) -c $< -o $@

$(BUILD)/%.o: %.S
	@mkdir -p $(dir $@)
	@echo "  AS      $<"
	$(Q)$(CC) $(HYP_CFLAGS) $(HYP_CPPFLAGS) -D__ASSEMBLY__ -c $< -o $@

require_config = test -n "$(CONFIG_SRC)" || { echo "error: config '$(CONFIG)' \
    not found: no $(CONFIG_REPO)/$(CONFIG).c or $(CONFIG_REPO)/$(CONFIG)/config.c" \
    >&2; exit 1; }

# The config embeds guest images (ours come from guests/). It is compiled
# on every run: the images it .incbin's are not in the dependency files,
# and CPPFLAGS may name others, so make cannot tell when they change.
# A config needs the Linux guest when, preprocessed (its includes too), it
# names a file of LINUX_OUT.
CONFIG_GUESTS := $(GUEST_BIN) $(if $(and $(CONFIG_SRC),$(shell \
    $(CC) -E $(filter-out -MMD -MP,$(CONFIG_CFLAGS)) $(CONFIG_CPPFLAGS) \
    $(CONFIG_SRC) 2>/dev/null | \
    grep -F -m1 '$(abspath $(LINUX_OUT))/')),linux-guest)

$(CONFIG_OBJ): $(CONFIG_SRC) $(CONFIG_GUESTS) FORCE
	@$(require_config)
	@mkdir -p $(dir $@)
	@echo "  CONFIG  $(CONFIG_SRC)"
	$(Q)$(CC) $(CONFIG_CFLAGS) $(CONFIG_CPPFLAGS) -c $(CONFIG_SRC) -o $@

$(HOST_CONFIG_OBJ): $(CONFIG_SRC) $(CONFIG_GUESTS) FORCE
	@$(require_config)
	@mkdir -p $(dir $@)
	$(Q)$(HOSTCC) $(HOST_CFLAGS) $(CONFIG_CPPFLAGS) -c $(CONFIG_SRC) -o $@

$(CONFIG_CHECKER): $(CONFIG_CHECKER_SRCS) $(HOST_CONFIG_OBJ)
	$(Q)$(HOSTCC) $(HOST_CFLAGS) -Werror -Isrc/core/inc -Isrc/lib/inc \
	    -I$(ARCH_DIR)/inc -I$(ARCH_DIR)/irqc $(PLAT_CPPFLAGS) -no-pie -o $@ \
	    $(CONFIG_CHECKER_SRCS) $(HOST_CONFIG_OBJ)

guests: $(GUEST_BIN)
$(GUEST_BIN): FORCE
	@$(MAKE) -s --no-print-directory -C guests/baremetal all-modes \
	    O=$(abspath $(GUEST_DIR)/baremetal) CROSS_COMPILE=$(CROSS_COMPILE)

linux-guest:
	@guests/linux/build.sh $(abspath $(LINUX_OUT))

QEMU_SMP ?= 4
QEMU_MEM ?= 4G
QEMU_CPU ?= rv64
# A Linux VM gets QEMU's devices it drives: a network card on user
# networking (restrict=on: nothing leaves QEMU; host port HOSTFWD_PORT
# reaches the guest's port 80), a virtio console on a pty, and an entropy
# source (without one the kernel's random pool stays uninitialised, which
# makes every system call slower).
HOSTFWD_PORT ?= 8080
QEMU_LINUX_DEVICES := \
    -netdev user,id=n0,restrict=on,hostfwd=tcp:127.0.0.1:$(HOSTFWD_PORT)-:80 \
    -device virtio-net-device,netdev=n0 -chardev pty,id=hvc \
    -device virtio-serial-device -device virtconsole,chardev=hvc \
    -device virtio-rng-device
QEMU_EXTRA ?= $(if $(filter linux-guest,$(CONFIG_GUESTS)),$(QEMU_LINUX_DEVICES))
# A board's description has no QEMU machine: its docs/boards/ page says how
# it boots.
require_qemu_machine = test -n "$(QEMU_MACHINE)" || { echo "error: \
PLATFORM=$(PLATFORM) is a board, not a QEMU machine: boot it as \
docs/boards/$(PLATFORM).md says" >&2; exit 1; }
run: all
	@$(require_qemu_machine)
	$(QEMU_BIN) -nographic -M $(QEMU_MACHINE) -cpu $(QEMU_CPU) -m $(QEMU_MEM) \
	    -smp $(QEMU_SMP) -bios default -kernel $(BIN)/bao.bin $(QEMU_EXTRA)

# make debug [DEBUG_GUEST=<guest ELF>]: QEMU as `make run` runs it, halted,
# and gdb with the hypervisor's symbols (and the guest's) connected to it;
# the console is on a pty (scripts/debug.sh, docs/troubleshooting.md).
DEBUG_GUEST ?=
debug: all
	@$(require_qemu_machine)
	@scripts/debug.sh $(BIN)/bao.elf $(DEBUG_GUEST) -- $(QEMU_BIN) \
	    -M $(QEMU_MACHINE) -cpu $(QEMU_CPU) -m $(QEMU_MEM) -smp $(QEMU_SMP) \
	    -bios default -kernel $(BIN)/bao.bin $(QEMU_EXTRA)

deps:
	@scripts/setup-deps.sh

include tests/unit/unit.mk
include tests/fuzz/fuzz.mk

# The bench is not a test, but its image must keep building.
test: test-unit lint test-system bench-build fuzz-smoke

bench-build:
	@for c in bench bench-ipc bench-linux bench-ipc-linux; do \
	    $(MAKE) --no-print-directory PLATFORM=$(PLATFORM) CONFIG=$$c || exit; \
	done
	@for c in bench-aia bench-aia-direct bench-ipc-aia; do \
	    $(MAKE) --no-print-directory PLATFORM=qemu-riscv64-virt-aia \
	        CONFIG=$$c || exit; \
	done
	@$(MAKE) --no-print-directory PLATFORM=qemu-riscv64-virt-aplic \
	    CONFIG=bench-aia-direct

bench:
	$(PYTHON) scripts/bench.py

# Long by design, not part of `make test`: SOAK_SECONDS (1800 by default).
soak:
	$(PYTHON) scripts/soak.py

test-system:
	$(PYTHON) -m pytest -v tests/system

# The layering's symbol check reads the hypervisor's objects (every
# interrupt-controller driver is in each build).
lint: $(OBJS)
	@scripts/lint.sh --objs $(BUILD)

# The hypervisor's objects alone (no configuration, no image).
objs: $(OBJS)

format:
	@scripts/lint.sh --fix

# A target whose recipe failed or was interrupted is not left behind to look
# up to date (an empty ELF once stopped every later build).
.DELETE_ON_ERROR:

clean:
	rm -rf build bin

FORCE:

-include $(OBJS:.o=.d) $(CONFIG_OBJ:.o=.d) $(HOST_CONFIG_OBJ:.o=.d)
include tools/vm_dtb.mk
