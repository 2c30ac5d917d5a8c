/* SPDX-License-Identifier: Apache-2.0 */
/*
 * What a configuration file includes, as in Bao: `#include <config.h>`.
 * The only flat header on a configuration's include path (the
 * hypervisor's own headers are namespaced: <core/...>, <arch/...>,
 * <lib/...>), so it cannot collide with a guest's own config.h.
 */
#ifndef BAOBAB_CONFIG_API_H
#define BAOBAB_CONFIG_API_H

#include <core/config.h>

#endif
