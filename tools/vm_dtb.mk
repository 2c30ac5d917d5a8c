# SPDX-License-Identifier: Apache-2.0
#
# The VMs' device trees (included by the top-level Makefile).
#
# tools/vm_dtb.c, linked with the configuration compiled for the host and
# the platform description, writes into $(DTB_DIR) the source of the tree of
# every VM that has no `dtb` of its own, with and without Sstc, and
# vm_dtbs.S, which embeds the blobs and indexes them (vm_dtb_table,
# vm_dtb_count). Each source is compiled by dtc, and any dtc warning fails
# the build. $(DTB_OBJ) is what the hypervisor links; $(BIN)/vm<i>.dts is
# the tree for users to read next to bao.bin.

DTB_DIR := $(BUILD)/dtb
DTB_OBJ := $(BUILD)/vm_dtbs.o
DTB_TOOL := $(HOST_DIR)/vm_dtb
# The tool: the tree policy (vm_dtb.c) and the DTS writer, with the
# configuration code the checker shares, the ISA strings and the platform.
DTB_TOOL_SRCS := tools/vm_dtb.c tools/dts_emit.c $(CONFIG_CODE_SRCS) \
                 $(ARCH_DIR)/isa.c $(PLAT_C)
DTC ?= dtc

$(DTB_TOOL): $(DTB_TOOL_SRCS) tools/dts_emit.h $(HOST_CONFIG_OBJ)
	@mkdir -p $(dir $@)
	$(Q)$(HOSTCC) $(HOST_CFLAGS) -Werror -Isrc/core/inc -Isrc/lib/inc \
	    -I$(ARCH_DIR)/inc -I$(ARCH_DIR)/irqc $(PLAT_CPPFLAGS) -no-pie -o $@ \
	    $(DTB_TOOL_SRCS) $(HOST_CONFIG_OBJ)

# The host configuration is rebuilt on every run, so the trees always follow
# the configuration. vm_dtbs.S refuses a blob larger than its slot.
$(DTB_OBJ): $(DTB_TOOL)
	@echo "  DTB     $(DTB_DIR)"
	$(Q)rm -rf $(DTB_DIR) $(BIN)/vm*.dts && mkdir -p $(DTB_DIR) $(BIN)
	$(Q)$(DTB_TOOL) $(DTB_DIR) $(CONFIG)
	$(Q)for src in $(DTB_DIR)/*.dts; do \
	    [ -e "$$src" ] || continue; \
	    dtb=$${src%.dts}.dtb; \
	    $(DTC) -I dts -O dtb -o $$dtb $$src 2>$$dtb.log; rc=$$?; \
	    if [ $$rc -ne 0 ] || [ -s $$dtb.log ]; then \
	        cat $$dtb.log >&2; \
	        echo "error: dtc rejected or warned about $$src" >&2; exit 1; \
	    fi; \
	    rm -f $$dtb.log; \
	done
	$(Q)for src in $(DTB_DIR)/vm*.dts; do \
	    case $$src in *-nosstc.dts) continue ;; esac; \
	    [ -e "$$src" ] && cp $$src $(BIN)/; \
	done; true
	@echo "  AS      $(DTB_DIR)/vm_dtbs.S"
	$(Q)$(CC) $(HYP_CFLAGS) $(HYP_CPPFLAGS) -D__ASSEMBLY__ -c \
	    $(DTB_DIR)/vm_dtbs.S -o $@

# Built (and checked) before every image. The link command names $(DTB_OBJ)
# itself; a prerequisite written in the Makefile before this file is
# included would see it still undefined, hence this line.
$(BIN)/bao.elf: $(DTB_OBJ)
