// SPDX-License-Identifier: GPL-2.0-only
/*
 * Linux-VServer - The vshelper: user space told of a guest's events (ABI §4.17)
 *
 * /proc/sys/kernel/vshelper names a program (default /sbin/vshelper) that
 * the kernel runs, on the host with full privileges, as
 * `HELPER ACTION XID` with VS_CMD (and for reboots VS_UID, VS_PID) in its
 * environment: restart, halt, poweroff, swsusp when a guest in the host's
 * pid namespace calls reboot(2) (without waiting: util-vserver's helper
 * restarts or stops the guest); startup and shutdown when a context with
 * VXF_SC_HELPER is created and torn down, netup and netdown for a network
 * context with NXF_SC_HELPER (waiting: a failing startup or netup makes
 * the creation fail with ENOEXEC).
 *
 * Only the host may change the path: whoever sets it runs code as host root.
 *
 * Copyright (C) 2026 The vserver authors
 */

#include <linux/cred.h>
#include <linux/init.h>
#include <linux/mutex.h>
#include <linux/sched.h>
#include <linux/string.h>
#include <linux/sysctl.h>
#include <linux/umh.h>

#include "common.h"
#include "cred.h"
#include "helper.h"

#define VS_HELPER_MAX 256

static char vs_helper_path[VS_HELPER_MAX] = "/sbin/vshelper";
/* Readers copy the path under it; the sysctl writes under it. */
static DEFINE_MUTEX(vs_helper_lock);

static int proc_vshelper(const struct ctl_table *table, int write,
			 void *buffer, size_t *lenp, loff_t *ppos)
{
	int ret;

	/* A guest that chose the helper would run code as host root. */
	if (write && vs_current_xid() != 0)
		return -EPERM;
	mutex_lock(&vs_helper_lock);
	ret = proc_dostring(table, write, buffer, lenp, ppos);
	mutex_unlock(&vs_helper_lock);
	return ret;
}

static struct ctl_table vs_helper_sysctl[] = {
	{
		.procname = "vshelper",
		.data = vs_helper_path,
		.maxlen = sizeof(vs_helper_path),
		.mode = 0644,
		.proc_handler = proc_vshelper,
	},
};

static int __init vs_helper_init(void)
{
	if (vs_initialized)
		register_sysctl_init("kernel", vs_helper_sysctl);
	return 0;
}
late_initcall(vs_helper_init);

/**
 * vs_helper - Run the vshelper for an event
 * @action: "restart", "startup", ...
 * @id: the xid or nid
 * @cmd: the VS_CMD value (a reboot command, or 1..4 for the lifecycle)
 * @reboot: add VS_UID and VS_PID of current (reboot events)
 * @wait: wait for the helper to exit (else only until it was executed)
 *
 * Return: 0 on success; the helper's wait status when it failed (@wait);
 * a negative errno when it could not be run (no helper configured: -ENOENT).
 */
int vs_helper(const char *const action, const u32 id, const u32 cmd,
	      const bool reboot, const bool wait)
{
	char path[VS_HELPER_MAX], idbuf[12], cmdbuf[24], uidbuf[24], pidbuf[24];
	char *argv[4], *envp[7];

	argv[0] = path;
	argv[1] = (char *)action;
	argv[2] = idbuf;
	argv[3] = NULL;
	envp[0] = "HOME=/";
	envp[1] = "TERM=linux";
	envp[2] = "PATH=/sbin:/usr/sbin:/bin:/usr/bin";
	envp[3] = cmdbuf;
	/* VS_UID and VS_PID for reboot events only */
	envp[4] = reboot ? uidbuf : NULL;
	envp[5] = pidbuf;
	envp[6] = NULL;

	mutex_lock(&vs_helper_lock);
	strscpy(path, vs_helper_path, sizeof(path));
	mutex_unlock(&vs_helper_lock);
	if (!path[0])
		return -ENOENT;
	snprintf(idbuf, sizeof(idbuf), "%u", id);
	snprintf(cmdbuf, sizeof(cmdbuf), "VS_CMD=%08x", cmd);
	snprintf(uidbuf, sizeof(uidbuf), "VS_UID=%u",
		 from_kuid(&init_user_ns, current_uid()));
	snprintf(pidbuf, sizeof(pidbuf), "VS_PID=%d", task_pid_nr(current));
	return call_usermodehelper(path, argv, envp,
				   wait ? UMH_WAIT_PROC : UMH_WAIT_EXEC);
}
