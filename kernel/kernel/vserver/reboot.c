// SPDX-License-Identifier: GPL-2.0-only
/*
 * Linux-VServer - reboot(2) inside a guest never reaches the machine
 *
 * A guest with its own pid namespace gets the namespace semantics
 * (reboot_pid_ns() ends the namespace's init, other commands fail). A guest
 * in the host's pid namespace (util-vserver's default) would otherwise
 * reboot the host: its command is recorded for wait_exit, the vshelper is
 * told (restart, halt, poweroff, swsusp: it restarts or stops the guest
 * from the host), and with VXF_REBOOT_KILL the context's processes are
 * killed. When the helper cannot run, the call fails with EPERM (unless
 * REBOOT_KILL ended the guest anyway).
 *
 * Copyright (C) 2026 The vserver authors
 */

#include <linux/pid_namespace.h>
#include <linux/reboot.h>
#include <linux/sched.h>
#include <linux/vserver.h>
#include <linux/vserver/context.h>

#include "common.h"
#include "context.h"
#include "cred.h"
#include "helper.h"

/* The vshelper's name for a stop command; NULL for the others. */
static const char *helper_action(const unsigned int cmd)
{
	switch (cmd) {
	case LINUX_REBOOT_CMD_RESTART:
	case LINUX_REBOOT_CMD_RESTART2:
		return "restart";
	case LINUX_REBOOT_CMD_HALT:
		return "halt";
	case LINUX_REBOOT_CMD_POWER_OFF:
		return "poweroff";
	case LINUX_REBOOT_CMD_SW_SUSPEND:
		return "swsusp";
	}
	return NULL;
}

static bool is_stop(const unsigned int cmd)
{
	return helper_action(cmd) || cmd == LINUX_REBOOT_CMD_KEXEC;
}

/**
 * vs_reboot - Handle reboot(2) for a task in a context
 * @cmd: the reboot command (magic numbers already checked)
 * @ret: the syscall's result when this returns true
 *
 * Return: false to let reboot(2) go on (host and spectator tasks, and
 * guests with a pid namespace of their own), true when handled here.
 */
bool vs_reboot(const unsigned int cmd, int *const ret)
{
	struct vx_info *const vxi = vs_cred(current_cred())->vxi;

	if (!vxi)
		return false;
	spin_lock(&vxi->lock);
	vxi->reboot_cmd = cmd;
	spin_unlock(&vxi->lock);
	if (task_active_pid_ns(current) != &init_pid_ns)
		return false;

	*ret = 0;
	if (!is_stop(cmd))
		return true;
	if (!helper_action(cmd) ||
	    vs_helper(helper_action(cmd), vxi->xid, cmd, true, false))
		*ret = -EPERM;
	if ((READ_ONCE(vxi->flags) & VXF_REBOOT_KILL) &&
	    cmd != LINUX_REBOOT_CMD_SW_SUSPEND && cmd != LINUX_REBOOT_CMD_KEXEC) {
		vx_kill_all(vxi, SIGKILL, false);
		*ret = 0;
	}
	return true;
}
