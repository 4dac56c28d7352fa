// SPDX-License-Identifier: GPL-2.0-only
/*
 * Linux-VServer - The vserver syscall: command table and permission checks
 *
 * Copyright (C) 2026 The vserver authors
 */

#include <linux/bsearch.h>
#include <linux/capability.h>
#include <linux/errno.h>
#include <linux/kernel.h>
#include <linux/syscalls.h>
#include <linux/vserver/switch.h>

#include "common.h"
#include "switch.h"

/*
 * One line per command word, sorted by word. A command that is not listed
 * here does not exist for userspace (ENOSYS), whatever the UAPI header says.
 */
/* clang-format off */
const struct vs_cmd vs_cmd_table[] = {
	{ VCMD_get_version,	0, VS_TGT_NONE, 0,	0, vs_get_version },
	{ VCMD_get_vci,		0, VS_TGT_NONE, 0,	0, vs_get_vci },
};

/* clang-format on */

const size_t vs_cmd_count = ARRAY_SIZE(vs_cmd_table);

static int cmp_cmd(const void *key, const void *elt)
{
	const u32 cmd = *(const u32 *)key;
	const struct vs_cmd *const c = elt;

	if (cmd < c->cmd)
		return -1;
	return cmd > c->cmd;
}

/**
 * vs_find_cmd - Look a command word up in the table
 * @cmd: the whole 32-bit word; different versions are different words
 *
 * Return: the descriptor, or NULL for an unknown word.
 */
const struct vs_cmd *vs_find_cmd(const u32 cmd)
{
	return bsearch(&cmd, vs_cmd_table, vs_cmd_count, sizeof(vs_cmd_table[0]),
		       cmp_cmd);
}

/**
 * vs_check_caps - Capability checks of the dispatcher, steps 2 to 4 of ABI §1.5
 * @c: the command
 * @caller: the caller
 *
 * The order is ABI and tested: util-vserver tells "no vserver kernel" from
 * "not allowed" by ENOSYS against EPERM.
 *
 * Return: 0, -ENOSYS without CAP_CONTEXT, -EPERM without CAP_SYS_ADMIN for
 * perm > 1, -EPERM without CAP_SYS_RESOURCE for ADMIN and ARES commands.
 */
int vs_check_caps(const struct vs_cmd *const c,
		  const struct vs_caller *const caller)
{
	if (!caller->capable(VS_CAP_CONTEXT))
		return -ENOSYS;
	if (c->perm > 1 && !caller->capable(CAP_SYS_ADMIN))
		return -EPERM;
	if ((c->flags & VS_F_ARES) && !caller->capable(CAP_SYS_RESOURCE))
		return -EPERM;
	return 0;
}

/**
 * vs_check_admin - The host-or-setup check of the dispatcher, ABI §1.5 step 6
 * @c: the command
 * @caller: the caller
 *
 * Return: 0, or -EPERM for an ADMIN command issued from a context other than
 * the host, unless the command may also be used during setup and the
 * caller's own context is still being set up.
 */
int vs_check_admin(const struct vs_cmd *const c,
		   const struct vs_caller *const caller)
{
	if (!(c->flags & VS_F_ADMIN) || caller->xid == 0)
		return 0;
	if ((c->flags & VS_F_SETUP) && caller->in_setup)
		return 0;
	return -EPERM;
}

static bool current_capable(const int cap)
{
	/*
	 * Every task is a host task until contexts exist; host tasks always
	 * hold CAP_CONTEXT.
	 */
	if (cap == VS_CAP_CONTEXT)
		return true;
	return capable(cap);
}

/**
 * sys_vserver - The Linux-VServer command multiplexer
 * @cmd: command word, see <linux/vserver/switch.h>
 * @id: context, network context, pid, tag or fd, depending on @cmd
 * @data: command-specific structure, or NULL
 *
 * Possible returned errors are, in the order they are checked:
 *
 * - %ENOSYS: unknown command word, or the caller lacks CAP_CONTEXT;
 * - %EPERM: the caller lacks CAP_SYS_ADMIN (commands of level > 1) or
 *   CAP_SYS_RESOURCE (ADMIN commands), or issues an ADMIN command from
 *   inside a context that is not in setup;
 * - then the command's own errors.
 *
 * Return: a command-specific value >= 0 on success.
 */
SYSCALL_DEFINE3(vserver, u32, cmd, u32, id, void __user *, data)
{
	const struct vs_caller caller = {
		.capable = current_capable,
		.xid = 0,
		.in_setup = false,
	};
	const struct vs_call call = { .cmd = cmd, .id = id, .data = data };
	const struct vs_cmd *c;
	int err;

	if (!vs_initialized) {
		pr_warn_once("the vserver LSM is not enabled: add \"vserver\" to the lsm= boot parameter or CONFIG_LSM\n");
		return -ENOSYS;
	}

	c = vs_find_cmd(cmd);
	if (!c)
		return -ENOSYS;

	err = vs_check_caps(c, &caller);
	if (err)
		return err;
	err = vs_check_admin(c, &caller);
	if (err)
		return err;

	return c->handler(&call);
}
