/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Linux-VServer - Common definitions
 *
 * Copyright (C) 2026 The vserver authors
 */

#ifndef _VSERVER_COMMON_H
#define _VSERVER_COMMON_H

#define VSERVER_NAME "vserver"

#ifdef pr_fmt
#undef pr_fmt
#endif

#define pr_fmt(fmt) VSERVER_NAME ": " fmt

/*
 * CAP_CONTEXT does not exist in Linux 6.12. The ABI numbers it 63; we model
 * it as bit 63 of a context's bounding mask. Host tasks always hold it.
 */
#define VS_CAP_CONTEXT 63

struct lsm_id;

extern bool vs_initialized;
extern const struct lsm_id vs_lsmid;

void vs_add_cred_hooks(void);
void vs_add_task_hooks(void);
void vs_add_inode_hooks(void);
void vs_add_net_hooks(void);
void vs_add_ccap_hooks(void);
void vs_cacct_init(void);

#endif /* _VSERVER_COMMON_H */
