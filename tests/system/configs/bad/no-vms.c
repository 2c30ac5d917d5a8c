/* SPDX-License-Identifier: Apache-2.0 */
/*
 * Malformed on purpose: no VM at all
 * expect: config: vmlist_size is 0: there is no VM to run
 */
#include <config.h>

VM_IMAGE(img, XSTR(BAOBAB_IMGS/baremetal.bin));

struct config config = {
    .vmlist_size = 0,
};
