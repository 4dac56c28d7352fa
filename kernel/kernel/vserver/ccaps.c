// SPDX-License-Identifier: GPL-2.0-only
/*
 * Linux-VServer - Context capabilities that grant an operation
 *
 * Team decision 3: a context capability (VXC_*) lets root of a guest do
 * one operation its bounding set otherwise forbids (it lacks the broad
 * capability, e.g. CAP_SYS_ADMIN). Core hooks (patches/) ask here after
 * their usual capability check failed.
 *
 * Copyright (C) 2026 The vserver authors
 */

#include <linux/cred.h>
#include <linux/lsm_hooks.h>
#include <linux/nsproxy.h>
#include <linux/sched.h>
#include <linux/utsname.h>
#include <linux/vserver.h>
#include <linux/vserver/context.h>

#include "common.h"
#include "cred.h"

/**
 * vs_ccap_granted - Does a context capability grant current an operation?
 * @ccap: the VXC_* bit of the operation
 *
 * Only for root (euid 0) of a guest (xid > 1) whose context holds @ccap.
 * VXC_SET_UTSNAME only changes a uts namespace of the guest's own, never
 * the host's.
 *
 * Return: true to let the operation go ahead.
 */
bool vs_ccap_granted(const u64 ccap)
{
	const struct vs_cred *const c = vs_cred(current_cred());

	if (!c->vxi || !(READ_ONCE(c->vxi->ccaps) & ccap))
		return false;
	if (!uid_eq(current_euid(), GLOBAL_ROOT_UID))
		return false;
	if (ccap == VXC_SET_UTSNAME &&
	    current->nsproxy->uts_ns == &init_uts_ns)
		return false;
	return true;
}

/**
 * vs_tiocsti - May current fake terminal input (TIOCSTI)?
 *
 * A guest would otherwise type into the host's shell through a terminal
 * it inherited or was handed. VXC_TIOCSTI allows it to guest root as
 * CAP_SYS_ADMIN would.
 *
 * Return: 0 for host and spectator (the usual rules apply), 1 to allow,
 * -EPERM to refuse.
 */
int vs_tiocsti(void)
{
	if (!vs_cred(current_cred())->vxi)
		return 0;
	return vs_ccap_granted(VXC_TIOCSTI) ? 1 : -EPERM;
}

/*
 * The kernel log is the host's: syslog(2), /dev/kmsg and /proc/kmsg are
 * refused to every task of a context without VXC_SYSLOG, whatever
 * dmesg_restrict says. With it, the restricted actions go through
 * vs_ccap_granted() (patches/0016).
 */
static int hook_syslog(const int type)
{
	const struct vx_info *const vxi = vs_cred(current_cred())->vxi;

	if (vxi && !(READ_ONCE(vxi->ccaps) & VXC_SYSLOG))
		return -EPERM;
	return 0;
}

static struct security_hook_list vs_ccap_hooks[] __ro_after_init = {
	LSM_HOOK_INIT(syslog, hook_syslog),
};

void __init vs_add_ccap_hooks(void)
{
	security_add_hooks(vs_ccap_hooks, ARRAY_SIZE(vs_ccap_hooks), &vs_lsmid);
}
