// SPDX-License-Identifier: GPL-2.0-only
/*
 * Linux-VServer - The vserver syscall: command table and permission checks
 *
 * Copyright (C) 2026 The vserver authors
 */

#include <linux/bsearch.h>
#include <linux/compat.h>
#include <linux/capability.h>
#include <linux/errno.h>
#include <linux/kernel.h>
#include <linux/syscalls.h>
#include <linux/uaccess.h>
#include <linux/vserver/context.h>
#include <linux/vserver/network.h>
#include <linux/vserver/switch.h>

#include "common.h"
#include "context.h"
#include "cred.h"
#include "network.h"
#include "switch.h"

/*
 * One line per command word, sorted by word: { word, level, target, flags,
 * data direction, data size, handler }. A command that is not listed here
 * does not exist for userspace (ENOSYS), whatever the UAPI header says.
 */
#define IN VS_D_IN
#define OUT VS_D_OUT
#define INOUT (VS_D_IN | VS_D_OUT)
#define I VS_F_INFO
#define A VS_F_ADMIN
#define RS (VS_F_ARES | VS_F_SETUP)
#define VXI VS_TGT_VXI
#define NXI VS_TGT_NXI
#define NONE VS_TGT_NONE

/* clang-format off */
const struct vs_cmd vs_cmd_table[] = {
	{ VCMD_get_version,	0, NONE, 0, 0, 0, vs_get_version },
	{ VCMD_get_vci,		0, NONE, 0, 0, 0, vs_get_vci },
	{ VCMD_set_vhi_name,	7, VXI, RS, IN, 72, vs_set_vhi_name },
	{ VCMD_get_vhi_name,	3, VXI, I, INOUT, 72, vs_get_vhi_name },
	{ VCMD_ctx_create_v0,	5, NONE, 0, 0, 0, vs_ctx_create },
	{ VCMD_ctx_create,	5, NONE, 0, IN | VS_D_OPT, 8, vs_ctx_create },
	{ VCMD_enter_space_v0,	5, VXI, A, 0, 0, vs_enter_space },
	{ VCMD_enter_space_v1,	5, VXI, A, IN, 8, vs_enter_space },
	{ VCMD_enter_space,	5, VXI, A, IN, 16, vs_enter_space },
	{ VCMD_set_space_v1,	7, VXI, RS, IN, 8, vs_set_space },
	{ VCMD_set_space,	7, VXI, RS, IN, 16, vs_set_space },
	{ VCMD_get_space_mask_v0, 0, NONE, 0, OUT, 8, vs_get_space_mask_v0 },
	{ VCMD_ctx_migrate_v0,	5, VXI, A | VS_F_SPECTATOR, 0, 0, vs_ctx_migrate },
	{ VCMD_ctx_migrate,	5, VXI, A | VS_F_SPECTATOR, IN, 8, vs_ctx_migrate },
	{ VCMD_ctx_kill,	6, VXI, VS_F_ARES, IN, 8, vs_ctx_kill },
	{ VCMD_get_badness,	3, VXI, I, OUT, 8, vs_get_badness },
	{ VCMD_set_badness,	7, VXI, RS, IN, 8, vs_set_badness },
	{ VCMD_net_create_v0,	5, NONE, 0, 0, 0, vs_net_create },
	{ VCMD_net_create,	5, NONE, 0, IN | VS_D_OPT, 8, vs_net_create },
	{ VCMD_net_add,		8, NXI, RS, IN, 36, vs_net_add_v0 },
	{ VCMD_net_add_ipv4_v1,	8, NXI, RS, IN, 12, vs_net_add_ipv4 },
	{ VCMD_net_add_ipv4,	8, NXI, RS, IN, 16, vs_net_add_ipv4 },
	{ VCMD_net_remove,	8, NXI, RS, IN, 36, vs_net_remove_v0 },
	{ VCMD_net_rem_ipv4_v1,	8, NXI, RS, IN, 12, vs_net_rem_ipv4 },
	{ VCMD_net_rem_ipv4,	8, NXI, RS, IN, 16, vs_net_rem_ipv4 },
	{ VCMD_net_add_ipv6,	8, NXI, RS, IN, 40, vs_net_add_ipv6 },
	{ VCMD_net_remove_ipv6,	8, NXI, RS, IN, 40, vs_net_remove_ipv6 },
	{ VCMD_net_migrate,	5, NXI, A | VS_F_SPECTATOR, 0, 0, vs_net_migrate },
	{ VCMD_get_iattr,	2, NONE, 0, INOUT | VS_D_NATIVE, 24, vs_get_iattr },
	{ VCMD_set_iattr,	7, NONE, 0, INOUT | VS_D_NATIVE, 24, vs_set_iattr },
	{ VCMD_fget_iattr,	2, NONE, 0, OUT, 12, vs_fget_iattr },
	{ VCMD_fset_iattr,	7, NONE, 0, IN, 12, vs_fset_iattr },
	{ VCMD_ctx_stat,	3, VXI, I, OUT, 8, vs_ctx_stat },
	{ VCMD_sock_stat,	3, VXI, I, INOUT, 40, vs_sock_stat },
	{ VCMD_task_xid,	2, NONE, 0, 0, 0, vs_get_task_xid },
	{ VCMD_task_nid,	2, NONE, 0, 0, 0, vs_get_task_nid },
	{ VCMD_task_tag,	2, NONE, 0, 0, 0, vs_get_task_xid },
	{ VCMD_vx_info,		3, VXI, I, OUT, 8, vs_vx_info },
	{ VCMD_nx_info,		3, NXI, I, OUT, 4, vs_nx_info },
	{ VCMD_wait_exit,	4, VXI, I, OUT | VS_D_ALWAYS, 8, vs_wait_exit },
	{ VCMD_get_cflags,	3, VXI, I, OUT, 16, vs_get_cflags },
	{ VCMD_set_cflags,	7, VXI, RS, IN, 16, vs_set_cflags },
	{ VCMD_get_ccaps,	3, VXI, I, OUT, 16, vs_get_ccaps },
	{ VCMD_set_ccaps,	7, VXI, RS, IN, 16, vs_set_ccaps },
	{ VCMD_get_nflags,	3, NXI, I, OUT, 16, vs_get_nflags },
	{ VCMD_set_nflags,	7, NXI, RS, IN, 16, vs_set_nflags },
	{ VCMD_get_ncaps,	3, NXI, I, OUT, 16, vs_get_ncaps },
	{ VCMD_set_ncaps,	7, NXI, RS, IN, 16, vs_set_ncaps },
	{ VCMD_get_bcaps,	3, VXI, I, OUT, 16, vs_get_bcaps },
	{ VCMD_set_bcaps,	7, VXI, RS, IN, 16, vs_set_bcaps },
	{ VCMD_get_umask,	3, VXI, I, OUT, 16, vs_get_umask },
	{ VCMD_set_umask,	7, VXI, RS, IN, 16, vs_set_umask },
	{ VCMD_get_wmask,	3, VXI, I, OUT, 16, vs_get_wmask },
	{ VCMD_set_wmask,	7, VXI, RS, IN, 16, vs_set_wmask },
	{ VCMD_get_space_mask,	0, NONE, 0, OUT, 8, vs_get_space_mask },
	{ VCMD_get_space_default, 0, NONE, 0, OUT, 8, vs_get_space_default },
};

/* clang-format on */

#undef IN
#undef OUT
#undef INOUT
#undef I
#undef A
#undef RS
#undef VXI
#undef NXI
#undef NONE

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
		return -VS_ENOCMD;
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
	const struct vx_info *const vxi = vs_cred(current_cred())->vxi;

	/* Host and spectator tasks always hold CAP_CONTEXT. */
	if (cap == VS_CAP_CONTEXT)
		return !vxi || (READ_ONCE(vxi->bcaps) & BIT_ULL(VS_CAP_CONTEXT));
	return capable(cap);
}

static void current_caller(struct vs_caller *const caller)
{
	const struct vs_cred *const c = vs_cred(current_cred());

	caller->capable = current_capable;
	caller->xid = c->xid;
	caller->vxi = c->vxi;
	caller->in_setup = c->vxi &&
			   (READ_ONCE(c->vxi->flags) & VXF_STATE_SETUP);
	caller->nid = c->nid;
	caller->nxi = c->nxi;
}

/*
 * ABI §1.5 step 8: a negative id is the caller's own context; 0 and 1 have
 * no structure; a context the caller cannot see does not exist for it.
 */
static struct vx_info *lookup_vxi(const u32 id,
				  const struct vs_caller *const caller)
{
	struct vx_info *vxi;

	if ((s32)id < 0)
		vxi = vx_get(caller->vxi);
	else if (id <= 1 || !vs_xid_sees(caller->xid, id))
		vxi = NULL;
	else
		vxi = vx_lookup(id);
	return vxi ?: ERR_PTR(-ESRCH);
}

/* The same for network contexts, by the caller's nid. */
static struct nx_info *lookup_nxi(const u32 id,
				  const struct vs_caller *const caller)
{
	struct nx_info *nxi;

	if ((s32)id < 0)
		nxi = nx_get(caller->nxi);
	else if (id <= 1 || !vs_xid_sees(caller->nid, id))
		nxi = NULL;
	else
		nxi = nx_lookup(id);
	return nxi ?: ERR_PTR(-ESRCH);
}

static_assert(VXF_STATE_ADMIN == NXF_STATE_ADMIN);

static int get_target(const struct vs_cmd *const c, struct vs_call *const call,
		      const struct vs_caller *const caller)
{
	u64 flags;

	if (c->target == VS_TGT_NONE ||
	    (call->id == 0 && (c->flags & VS_F_ZIDOK)))
		return 0;
	if (c->target == VS_TGT_VXI) {
		struct vx_info *const vxi = lookup_vxi(call->id, caller);

		if (IS_ERR(vxi))
			return PTR_ERR(vxi);
		call->vxi = vxi;
		flags = READ_ONCE(vxi->flags);
	} else {
		struct nx_info *const nxi = lookup_nxi(call->id, caller);

		if (IS_ERR(nxi))
			return PTR_ERR(nxi);
		call->nxi = nxi;
		flags = READ_ONCE(nxi->flags);
	}
	/* VXF_STATE_ADMIN and NXF_STATE_ADMIN are the same bit (asserted above). */
	if ((c->flags & VS_F_ADMIN) && c->cmd != VCMD_ctx_kill &&
	    !(flags & VXF_STATE_ADMIN))
		return -EACCES;
	return 0;
}

static int copy_in(const struct vs_cmd *const c, struct vs_call *const call)
{
	memset(call->buf, 0, sizeof(call->buf));
	if (!(c->dir & VS_D_IN))
		return 0;
	if (!call->data && (c->dir & VS_D_OPT))
		return 0;
	if (copy_from_user(call->buf, call->data, c->size))
		return -EFAULT;
	call->has_data = true;
	return 0;
}

static long run(const struct vs_cmd *const c, struct vs_call *const call,
		const struct vs_caller *const caller)
{
	long ret;

	/* Structures with a pointer have another layout for i386 callers. */
	if ((c->dir & VS_D_NATIVE) && in_compat_syscall())
		return -VS_ENOCMD;
	/* Step 5: id 1 is the spectator, entered by host tasks only. */
	if ((c->flags & VS_F_SPECTATOR) && call->id == 1) {
		if (caller->xid != 0)
			return -EPERM;
		if (c->target == VS_TGT_NXI)
			ret = vs_nx_migrate(NULL, 1);
		else
			ret = vs_migrate(NULL, 1);
		return ret ?: 1;
	}
	ret = vs_check_admin(c, caller);
	if (ret)
		return ret;
	ret = get_target(c, call, caller);
	if (ret)
		return ret;
	ret = copy_in(c, call);
	if (ret)
		return ret;
	ret = c->handler(call);
	if ((c->dir & VS_D_OUT) && (ret >= 0 || (c->dir & VS_D_ALWAYS)) &&
	    copy_to_user(call->data, call->buf, c->size))
		return -EFAULT;
	return ret;
}

/**
 * sys_vserver - The Linux-VServer command multiplexer
 * @cmd: command word, see <linux/vserver/switch.h>
 * @id: context, network context, pid, tag or fd, depending on @cmd
 * @data: command-specific structure, or NULL
 *
 * Possible returned errors are, in the order they are checked (ABI §1.5):
 *
 * - %ENOSYS: unknown command word, or the caller lacks CAP_CONTEXT;
 * - %EPERM: the caller lacks CAP_SYS_ADMIN (commands of level > 1) or
 *   CAP_SYS_RESOURCE (ADMIN commands); a migration to the spectator (id 1)
 *   from a task that is not on the host; an ADMIN command from inside a
 *   context that is not in setup;
 * - %ESRCH: the target context does not exist, or the caller cannot see it;
 * - %EACCES: an ADMIN command on a context without VXF_STATE_ADMIN;
 * - %EFAULT: @data cannot be read;
 * - then the command's own errors, and %EFAULT if @data cannot be written.
 *
 * Return: a command-specific value >= 0 on success.
 */
SYSCALL_DEFINE3(vserver, u32, cmd, u32, id, void __user *, data)
{
	struct vs_call call = { .cmd = cmd, .id = id, .data = data };
	struct vs_caller caller;
	const struct vs_cmd *c;
	long ret;

	if (!vs_initialized) {
		pr_warn_once("the vserver LSM is not enabled: add \"vserver\" to the lsm= boot parameter or CONFIG_LSM\n");
		return -VS_ENOCMD;
	}

	c = vs_find_cmd(cmd);
	if (!c)
		return -VS_ENOCMD;
	current_caller(&caller);
	ret = vs_check_caps(c, &caller);
	if (ret)
		return ret;
	/* Setup, for a network command, is that of the network context. */
	if (c->target == VS_TGT_NXI)
		caller.in_setup = caller.nxi &&
				  (READ_ONCE(caller.nxi->flags) & NXF_STATE_SETUP);
	ret = run(c, &call, &caller);
	vx_put(call.vxi);
	nx_put(call.nxi);
	return ret;
}
