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

bool vs_initialized __ro_after_init;

static const struct lsm_id vs_lsmid = {
	.name = VSERVER_NAME,
	.id = LSM_ID_VSERVER,
};

static int __init vs_init(void)
{
	/*
	 * No hooks yet: registering the id makes the LSM visible to
	 * lsm_list_modules(2) and /sys/kernel/security/lsm, and gives the
	 * hook families that follow one place to add themselves.
	 */
	security_add_hooks(NULL, 0, &vs_lsmid);
	vs_initialized = true;
	pr_info("Up and running.\n");
	return 0;
}

DEFINE_LSM(vserver) = {
	.name = VSERVER_NAME,
	.init = vs_init,
};
