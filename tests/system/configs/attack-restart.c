/* SPDX-License-Identifier: Apache-2.0 */
/*
 * configs/attack.c with the attacker under the "restart" fault policy
 * (tests/system/test_attack.py): its first bad access restarts it, and so
 * on for good, a restart loop beside the victim.
 */
#define ATTACK_FAULT_POLICY VM_FAULT_RESTART
#include "attack.c"
