// SPDX-License-Identifier: GPL-2.0-only
/*
 * Linux-VServer - LSM registration
 *
 * Copyright (C) 2026 The vserver authors
 */

#include <linux/init.h>
#include <linux/lsm_hooks.h>
#include <uapi/linux/lsm.h>

#include "common.h"
#include "cred.h"

bool vs_initialized __ro_after_init;

const struct lsm_id vs_lsmid = {
	.name = VSERVER_NAME,
	.id = LSM_ID_VSERVER,
};

struct lsm_blob_sizes vs_blob_sizes __ro_after_init = {
	.lbs_cred = sizeof(struct vs_cred),
	.lbs_file = sizeof(struct vs_file),
	.lbs_inode = sizeof(struct vs_inode),
	.lbs_task = sizeof(struct vs_task),
	.lbs_sock = sizeof(struct vs_sock),
};

static int __init vs_init(void)
{
	vs_add_cred_hooks();
	vs_add_task_hooks();
	vs_add_inode_hooks();
	vs_add_net_hooks();
	vs_add_ccap_hooks();
	vs_cacct_init();
	vs_initialized = true;
	pr_info("Up and running.\n");
	return 0;
}

DEFINE_LSM(vserver) = {
	.name = VSERVER_NAME,
	.init = vs_init,
	.blobs = &vs_blob_sizes,
};
