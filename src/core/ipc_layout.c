/* SPDX-License-Identifier: Apache-2.0 */
#include <core/ipc_layout.h>

/* VM vm's first window onto object shmem_id, or NULL. */
static const struct ipc *window(const struct config *cfg, size_t vm,
                                size_t shmem_id)
{
    const struct vm_platform *p = &cfg->vmlist[vm].platform;

    for (size_t i = 0; p->ipcs && i < p->ipc_num; i++) {
        if (p->ipcs[i].shmem_id == shmem_id)
            return &p->ipcs[i];
    }
    return NULL;
}

size_t ipc_sharers(const struct config *cfg, size_t shmem_id)
{
    size_t n = 0;

    for (size_t v = 0; v < cfg->vmlist_size; v++)
        n += window(cfg, v, shmem_id) != NULL;
    return n;
}

bool ipc_channels(const struct config *cfg, size_t vm, size_t i,
                  struct ipc_channels *out)
{
    const struct ipc *mine = &cfg->vmlist[vm].platform.ipcs[i];
    const struct ipc *peer = NULL;
    bool first = true;
    size_t smaller;

    if (mine->shmem_id >= cfg->shmemlist_size ||
        ipc_sharers(cfg, mine->shmem_id) != 2)
        return false;
    for (size_t v = 0; v < cfg->vmlist_size && !peer; v++) {
        if (v != vm)
            peer = window(cfg, v, mine->shmem_id);
        if (peer && v < vm)
            first = false;
    }
    smaller = mine->size < peer->size ? mine->size : peer->size;
    out->size = cfg->shmemlist[mine->shmem_id].channel_size
                    ? cfg->shmemlist[mine->shmem_id].channel_size
                    : smaller / 2;
    out->write_offset = first ? 0 : out->size;
    out->read_offset = first ? out->size : 0;
    return true;
}
