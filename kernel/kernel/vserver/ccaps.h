/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Linux-VServer - Context capability policy (ccaps.c), for KUnit
 *
 * Copyright (C) 2026 The vserver authors
 */

#ifndef _VSERVER_CCAPS_H
#define _VSERVER_CCAPS_H

#include <linux/types.h>

struct file_system_type;

bool vs_mount_type_granted(const struct file_system_type *type, u64 ccaps);
u64 vs_ioctl_ccap(umode_t mode, dev_t rdev, unsigned int cmd);

#endif /* _VSERVER_CCAPS_H */
