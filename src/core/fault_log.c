/* SPDX-License-Identifier: Apache-2.0 */
#include <core/fault_log.h>

bool fault_log_admit(struct fault_log *log, uint64_t now, uint64_t window,
                     unsigned *dropped)
{
    *dropped = 0;
    if (log->reported == 0 || now - log->window_start >= window) {
        *dropped = log->suppressed;
        log->window_start = now;
        log->reported = 0;
        log->suppressed = 0;
    }
    if (log->reported < FAULT_LOG_BURST) {
        log->reported++;
        return true;
    }
    log->suppressed++;
    return false;
}
