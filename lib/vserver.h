/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * libvserver - the C API over the vserver(2) system call
 *
 * One function per kernel command, named vc_* as in the ABI document.
 * Every function returns -1 (or NULL) with errno set on failure, never
 * prints and never exits; output parameters (ret_*) are written only on
 * success. Constants and structures come from the UAPI headers
 * <linux/vserver/switch.h>, context.h, network.h, inode.h and limit.h.
 *
 * Copyright (C) 2026 The vserver authors
 */
#ifndef VSERVER_H
#define VSERVER_H

#include <stdint.h>
#include <linux/vserver/switch.h>

#include "vserver-names.h"

#ifdef __cplusplus
extern "C" {
#endif

/**
 * vserver - issue one raw command
 * @cmd: a VCMD_* command word
 * @id: its id argument
 * @data: its structure, or NULL
 *
 * Returns the kernel's non-negative result, or -1 with errno.
 */
long vserver(uint32_t cmd, uint32_t id, void *data);

/** vc_get_version - the kernel's interface version, e.g. 0x00020308. */
int vc_get_version(void);

/** vc_get_vci - the kernel's configuration bits (VCI_KCBIT_*), or -1. */
int64_t vc_get_vci(void);

/**
 * vc_feature_check - would util-vserver use FEATURE with this kernel?
 * @name: a feature name as `vserver-info - FEATURE` takes it (case-insensitive)
 * @version: the interface version (vc_get_version())
 * @vci: the configuration bits (vc_get_vci())
 *
 * Pure function of its arguments. Returns 1 or 0, or -1 with errno EINVAL
 * for an unknown name.
 */
int vc_feature_check(const char *name, int version, uint32_t vci);

/** vc_feature_supported - vc_feature_check() against the running kernel. */
int vc_feature_supported(const char *name);

/**
 * vc_feature_name - the name of feature number @i (0, 1, ...), or NULL past
 * the last one: for listing them.
 */
const char *vc_feature_name(unsigned int i);

#ifdef __cplusplus
}
#endif

#endif /* VSERVER_H */
