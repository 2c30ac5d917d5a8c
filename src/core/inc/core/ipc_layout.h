/* SPDX-License-Identifier: Apache-2.0 */
/*
 * How two VMs sharing a memory object split it into channels, as their
 * device trees say ("bao,ipcshmem": read-channel, write-channel). Each
 * writes into its own channel and reads the other's: the VM listed first
 * writes at offset 0, the other at offset channel_size. Shared by the
 * device-tree generator and the configuration check.
 */
#ifndef IPC_LAYOUT_H
#define IPC_LAYOUT_H

#include <core/config.h>
#include <stdbool.h>
#include <stdint.h>

struct ipc_channels {
    uint64_t read_offset, write_offset, size;
};

/* How many VMs map shmem object `shmem_id`. */
size_t ipc_sharers(const struct config *cfg, size_t shmem_id);
/*
 * The channels of VM vm's ipcs[i], when exactly two VMs share its object;
 * false otherwise (no channels to describe).
 */
bool ipc_channels(const struct config *cfg, size_t vm, size_t i,
                  struct ipc_channels *out);

#endif
