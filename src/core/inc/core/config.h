/* SPDX-License-Identifier: Apache-2.0 */
/*
 * The configuration format: a C file that includes this header, embeds VM
 * images with VM_IMAGE() and defines `struct config config`.
 *
 * The struct and macro names match the Bao hypervisor's v2 configuration
 * format so existing configuration files compile unchanged. Fields that are
 * not Bao's are marked "Baobab:"; each is optional and zero means the safe
 * default. docs/configuration.md is the reference.
 */
#ifndef CONFIG_H
#define CONFIG_H

#include <arch/types.h> /* struct arch_vm_platform */
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef uint64_t paddr_t;
typedef uint64_t vaddr_t;
typedef uint64_t irqid_t;
typedef uint64_t cpumap_t;
typedef uint64_t colormap_t;
typedef uint64_t streamid_t;

#define STR(x) #x
#define XSTR(x) STR(x)

/*
 * Embed a file in the hypervisor image. `img_path` is a string literal (the
 * Bao tutorials write XSTR(DIR/file.bin)). The image starts and ends on
 * page boundaries so that an `inplace` image can be mapped into its VM
 * without exposing any neighbouring bytes of the hypervisor.
 */
// clang-format off
#define VM_IMAGE(img_name, img_path)                                           \
    extern uint8_t _##img_name##_vm_beg[];                                     \
    extern uint8_t _##img_name##_vm_size[];                                    \
    __asm__(".pushsection .vm_image_" XSTR(img_name) ", \"a\"\n\t"             \
            ".balign 4096\n\t"                                                 \
            ".global _" XSTR(img_name) "_vm_beg\n\t"                           \
            "_" XSTR(img_name) "_vm_beg:\n\t"                                  \
            ".incbin " XSTR(img_path) "\n\t"                                   \
            "_" XSTR(img_name) "_vm_end:\n\t"                                  \
            ".balign 4096\n\t"                                                 \
            ".global _" XSTR(img_name) "_vm_size\n\t"                          \
            ".set _" XSTR(img_name) "_vm_size, "                               \
            "(_" XSTR(img_name) "_vm_end - _" XSTR(img_name) "_vm_beg)\n\t"    \
            ".popsection");
// clang-format on

#define VM_IMAGE_OFFSET(img_name) ((paddr_t)_##img_name##_vm_beg)
#define VM_IMAGE_SIZE(img_name) ((size_t)_##img_name##_vm_size)

/* An image embedded with VM_IMAGE, loaded at guest address `base`. */
#define VM_IMAGE_BUILTIN(img_name, image_base_addr)                            \
    {                                                                          \
        .base_addr = (image_base_addr),                                        \
        .load_addr = VM_IMAGE_OFFSET(img_name),                                \
        .size = VM_IMAGE_SIZE(img_name), .separately_loaded = false,           \
    }

/* An image a boot loader already put at physical address `load`. */
#define VM_IMAGE_LOADED(image_base_addr, image_load_addr, image_size)          \
    {                                                                          \
        .base_addr = (image_base_addr), .load_addr = (image_load_addr),        \
        .size = (image_size), .separately_loaded = true,                       \
    }

/* Baobab: an embedded blob (device tree, initrd) for the optional fields. */
#define VM_BLOB(img_name)                                                      \
    {                                                                          \
        .load_addr = VM_IMAGE_OFFSET(img_name),                                \
        .size = VM_IMAGE_SIZE(img_name),                                       \
    }

/* Kept so that configurations written for older formats still compile. */
#define CONFIG_HEADER

struct vm_mem_region {
    paddr_t base; /* guest-physical base */
    size_t size;
    colormap_t colors;
    bool place_phys; /* place at host-physical `phys` (identity if equal) */
    paddr_t phys;
};

struct ipc {
    paddr_t base; /* guest-physical base of the shared memory window */
    size_t size;
    size_t shmem_id; /* index into config.shmemlist */
    size_t interrupt_num;
    irqid_t *interrupts;
};

struct vm_dev_region {
    paddr_t pa;  /* host-physical base */
    vaddr_t va;  /* guest-physical base */
    size_t size; /* 0: interrupts only, nothing mapped */
    size_t interrupt_num;
    irqid_t *interrupts;
    streamid_t id; /* IOMMU device id of a DMA master given the VM; 0: none */
};

/*
 * Bao's Remote I/O (virtio over shared memory, a frontend VM's MMIO served
 * by a backend VM). Its fields are here so that Bao's configurations
 * compile; the checker refuses a VM that uses it: Baobab does not
 * implement it yet.
 */
enum REMIO_DEV_TYPE { REMIO_DEV_FRONTEND = 0, REMIO_DEV_BACKEND };

struct remio_shmem {
    paddr_t base;
    size_t size;
    size_t shmem_id;
};

struct remio_dev {
    vaddr_t va; /* frontend: the emulated MMIO region */
    size_t size;
    irqid_t interrupt;
    union { /* Bao's configs name it either way, by version */
        size_t bind_key;
        size_t id;
    };
    enum REMIO_DEV_TYPE type;
    struct remio_shmem shmem;
};

struct vm_platform {
    size_t cpu_num;
    size_t region_num;
    struct vm_mem_region *regions;
    size_t ipc_num;
    struct ipc *ipcs;
    size_t dev_num;
    struct vm_dev_region *devs;
    size_t remio_dev_num; /* Bao's Remote I/O: refused (not supported yet) */
    struct remio_dev *remio_devs;
    struct arch_vm_platform arch;
};

/* Baobab: what happens when a guest accesses memory it does not own. */
enum vm_fault_policy {
    VM_FAULT_INJECT = 0, /* report it; the guest takes an access fault */
    VM_FAULT_STOP,       /* report it; the VM is shut down */
    VM_FAULT_RESTART,    /* report it; the VM restarts from its image */
};

struct vm_config {
    struct {
        vaddr_t base_addr; /* where the image goes in guest-physical memory */
        paddr_t load_addr; /* where it is now (host-physical) */
        size_t size;
        bool separately_loaded; /* put there by a boot loader, not embedded */
        bool inplace; /* map the image where it is instead of copying it */
    } image;
    vaddr_t entry;
    cpumap_t cpu_affinity; /* physical harts the vCPUs may use; 0: any */
    colormap_t colors;
    struct vm_platform platform;
    enum vm_fault_policy fault_policy; /* Baobab */
    /*
     * Baobab: what the guest finds at boot besides its image. Without `dtb`
     * the build generates the VM's device tree from this configuration and
     * the platform description; `bootargs` and `initrd` go into its chosen
     * node. Both blobs are placed at the top of the region holding `entry`.
     */
    struct vm_blob {
        paddr_t load_addr;
        size_t size;
    } dtb, initrd;
    const char *bootargs;
};

struct shmem {
    size_t size;
    colormap_t colors;
    bool place_phys;
    paddr_t phys;
    /*
     * Baobab: for an object two VMs share, the size of each one's write
     * channel as their device trees describe it (the first VM writes at
     * offset 0, the second right after); 0: half the smaller window.
     */
    size_t channel_size;
};

struct config {
    struct {
        bool relocate;
        paddr_t base_addr;
        colormap_t colors;
    } hyp;
    size_t shmemlist_size;
    struct shmem *shmemlist;
    size_t vmlist_size;
    struct vm_config *vmlist;
};

extern struct config config;

#endif
