/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Linux-VServer - The vshelper
 *
 * Copyright (C) 2026 The vserver authors
 */

#ifndef _VSERVER_HELPER_H
#define _VSERVER_HELPER_H

#include <linux/types.h>

/* VS_CMD of the lifecycle events (ABI §4.17). */
#define VS_HELPER_STARTUP 1
#define VS_HELPER_SHUTDOWN 2
#define VS_HELPER_NETUP 3
#define VS_HELPER_NETDOWN 4

int vs_helper(const char *action, u32 id, u32 cmd, bool reboot, bool wait);

#endif /* _VSERVER_HELPER_H */
