// SPDX-License-Identifier: GPL-2.0-only
/*
 * Linux-VServer - The context (xid) commands
 *
 * Each handler runs after the dispatcher checked permissions, looked up the
 * target (call->vxi) and copied the data structure into call->buf.
 *
 * Copyright (C) 2026 The vserver authors
 */

#include <linux/err.h>
#include <linux/pid.h>
#include <linux/pid_namespace.h>
#include <linux/rcupdate.h>
#include <linux/sched.h>
#include <linux/sched/signal.h>
#include <linux/signal.h>
#include <linux/vserver.h>
#include <linux/string.h>
#include <linux/syscalls.h>
#include <linux/vserver/context.h>
#include <linux/vserver/switch.h>

#include "common.h"
#include "context.h"
#include "cred.h"
#include "helper.h"
#include "switch.h"

#define BUF(call, type) ((type *)(call)->buf)

/* task_xid and task_tag (no tagging yet: the tag is the xid). */
long vs_get_task_xid(struct vs_call *const call)
{
	struct task_struct *task;
	long ret = -ESRCH;

	if (!call->id)
		return vs_current_xid();
	rcu_read_lock();
	task = find_task_by_vpid(call->id);
	if (task && vs_task_visible(task))
		ret = vs_task_xid(task);
	rcu_read_unlock();
	return ret;
}

long vs_vx_info(struct vs_call *const call)
{
	struct vcmd_vx_info_v0 *const d = BUF(call, struct vcmd_vx_info_v0);

	d->xid = call->vxi->xid;
	d->initpid = READ_ONCE(call->vxi->initpid);
	return 0;
}

long vs_ctx_stat(struct vs_call *const call)
{
	struct vcmd_ctx_stat_v0 *const d = BUF(call, struct vcmd_ctx_stat_v0);

	/* Less the reference this call holds. */
	d->usecnt = refcount_read(&call->vxi->usecnt) - 1;
	d->tasks = READ_ONCE(call->vxi->tasks);
	return 0;
}

/* Current reaps the orphans of its descendants, as a pid 1 would. */
static void become_reaper(void)
{
	current->signal->is_child_subreaper = 1;
	current->signal->has_child_subreaper = 1;
}

/* Current becomes the init of its context. */
static void become_init(struct vx_info *const vxi)
{
	spin_lock(&vxi->lock);
	vxi->initpid = current->pid;
	spin_unlock(&vxi->lock);
}

/**
 * vs_ctx_create - Create a context and move the caller into it (v0, v1)
 * @call: id = the new xid; data = optional struct vcmd_ctx_create (v1; v0
 *        has none, and gives the caller new uts and ipc namespaces)
 *
 * Return: the xid, or -EINVAL for an id outside 2..65535, -EPERM from a
 * task that is not on the host (a guest never leaves its context),
 * -EBUSY/-EEXIST when the id is taken, -ENOEXEC when the flags have
 * VXF_SC_HELPER and the vshelper's startup failed, -ENOMEM.
 */
long vs_ctx_create(struct vs_call *const call)
{
	const struct vcmd_ctx_create *const d = BUF(call, struct vcmd_ctx_create);
	const u64 flags = call->has_data ? d->flagword : VXF_INIT_SET;
	struct vx_info *vxi;
	int err;

	if (call->id < VX_XID_MIN || call->id > VX_XID_MAX)
		return -EINVAL;
	if (vs_current_xid() != 0)
		return -EPERM;
	vxi = vx_create(call->id, flags);
	if (IS_ERR(vxi))
		return PTR_ERR(vxi);
	/* ABI §4.17: a failing startup helper refuses the context. */
	if ((flags & VXF_SC_HELPER) &&
	    vs_helper("startup", vxi->xid, VS_HELPER_STARTUP, false, true)) {
		/* No shutdown event for a context that never started. */
		vx_set_flags(vxi, 0, VXF_SC_HELPER);
		vx_release_unused(vxi);
		vx_put(vxi);
		return -ENOEXEC;
	}
	err = vs_migrate(vxi, vxi->xid);
	if (err)
		vx_release_unused(vxi);
	/*
	 * v0's compatibility hack: the caller gets fresh uts and ipc
	 * namespaces, kept in space 0 (the original also made a user
	 * namespace; spaces keep none in this kernel).
	 */
	else if (call->cmd == VCMD_ctx_create_v0)
		err = ksys_unshare(CLONE_NEWUTS | CLONE_NEWIPC) ?:
		      vx_store_space(vxi, CLONE_NEWUTS | CLONE_NEWIPC, 0);
	vx_put(vxi);
	return err ?: call->id;
}

/**
 * vs_ctx_migrate - Move the caller (a host task) into a context
 * @call: call->vxi = the context; data = struct vcmd_ctx_migrate (v1)
 *
 * Return: 0, -EINVAL for unknown VXM_* bits, -EACCES into a PRIVATE context
 * past setup, -EFAULT into a context that is going away, -ENOMEM.
 */
long vs_ctx_migrate(struct vs_call *const call)
{
	const u64 vxm = BUF(call, struct vcmd_ctx_migrate)->flagword;
	struct vx_info *const vxi = call->vxi;
	const u64 flags = READ_ONCE(vxi->flags);
	int err;

	if (vxm & ~(VXM_SET_INIT | VXM_SET_REAPER))
		return -EINVAL;
	if ((flags & VXF_INFO_PRIVATE) && !(flags & VXF_STATE_SETUP))
		return -EACCES;
	if (!vx_is_active(vxi))
		return -EFAULT;
	err = vs_migrate(vxi, vxi->xid);
	if (err)
		return err;
	if (vxm & VXM_SET_INIT) {
		become_init(vxi);
		vx_set_flags(vxi, 0, VXF_STATE_INIT);
	}
	if (vxm & VXM_SET_REAPER)
		become_reaper();
	return 0;
}

long vs_get_cflags(struct vs_call *const call)
{
	struct vcmd_flags_v0 *const d = BUF(call, struct vcmd_flags_v0);

	d->flagword = READ_ONCE(call->vxi->flags);
	d->mask = vx_flags_mask(call->vxi);
	return 0;
}

/**
 * vs_set_cflags - Masked update of the context flags
 * @call: call->vxi = the context; data = struct vcmd_flags_v0
 *
 * When a task inside the context ends its setup, it becomes init if it
 * clears STATE_INIT, and it loses the capabilities outside the bounding set
 * the setup left (util-vserver's `vcontext --endsetup` does this right
 * before it execs the guest's init).
 *
 * Return: 0 or -ENOMEM.
 */
long vs_set_cflags(struct vs_call *const call)
{
	const struct vcmd_flags_v0 *const d = BUF(call, struct vcmd_flags_v0);
	struct vx_info *const vxi = call->vxi;
	const bool inside = vs_cred(current_cred())->vxi == vxi;
	const u64 old = vx_set_flags(vxi, d->flagword, d->mask);
	const u64 now = READ_ONCE(vxi->flags);
	const u64 cleared = old & ~now;

	/* Every task of the context, the caller's too when inside. */
	if (cleared & VXF_STATE_SETUP)
		vs_apply_bcaps_all(vxi);
	/* ABI §3.3: clearing STATE_INIT makes the caller init and reaper. */
	if (inside && (cleared & VXF_STATE_INIT)) {
		become_init(vxi);
		become_reaper();
		/* An init in the host's pid namespace is 1 only by mapping. */
		if (task_active_pid_ns(current) == &init_pid_ns)
			vx_fake_init_arm(vxi);
	}
	if (now & ~old & VXF_INFO_INIT)
		vx_fake_init_arm(vxi);
	return 0;
}

/* A 64-bit field updated as (old & ~mask) | (new & mask). */
static void masked_set(struct vx_info *const vxi, u64 *const field,
		       const u64 value, const u64 mask)
{
	spin_lock(&vxi->lock);
	*field = (*field & ~mask) | (value & mask);
	spin_unlock(&vxi->lock);
}

static long get_masked(struct vs_call *const call, const u64 *const field)
{
	u64 *const d = call->buf;

	d[0] = READ_ONCE(*field);
	d[1] = ~0ULL;
	return 0;
}

static long set_masked(struct vs_call *const call, u64 *const field)
{
	const u64 *const d = call->buf;

	masked_set(call->vxi, field, d[0], d[1]);
	return 0;
}

/* vcmd_caps_v1, vcmd_bcaps, vcmd_umask and vcmd_wmask: { value, mask }. */
long vs_get_ccaps(struct vs_call *const call)
{
	return get_masked(call, &call->vxi->ccaps);
}

long vs_set_ccaps(struct vs_call *const call)
{
	return set_masked(call, &call->vxi->ccaps);
}

long vs_get_bcaps(struct vs_call *const call)
{
	return get_masked(call, &call->vxi->bcaps);
}

long vs_set_bcaps(struct vs_call *const call)
{
	set_masked(call, &call->vxi->bcaps);
	/* Past setup, a lowered set leaves the credentials at once. */
	if (!(READ_ONCE(call->vxi->flags) & VXF_STATE_SETUP))
		vs_apply_bcaps_all(call->vxi);
	return 0;
}

long vs_get_umask(struct vs_call *const call)
{
	return get_masked(call, &call->vxi->umask);
}

long vs_set_umask(struct vs_call *const call)
{
	return set_masked(call, &call->vxi->umask);
}

long vs_get_wmask(struct vs_call *const call)
{
	return get_masked(call, &call->vxi->wmask);
}

long vs_set_wmask(struct vs_call *const call)
{
	return set_masked(call, &call->vxi->wmask);
}

long vs_get_badness(struct vs_call *const call)
{
	BUF(call, struct vcmd_badness_v0)->bias = READ_ONCE(call->vxi->badness);
	return 0;
}

long vs_set_badness(struct vs_call *const call)
{
	WRITE_ONCE(call->vxi->badness, BUF(call, struct vcmd_badness_v0)->bias);
	return 0;
}

/*
 * CONTEXT is a string of the context; the other fields live in the uts
 * namespace of space slot 0 (EINVAL while the slot has none).
 */
long vs_get_vhi_name(struct vs_call *const call)
{
	struct vcmd_vhi_name_v0 *const d = BUF(call, struct vcmd_vhi_name_v0);

	if (d->field != VHIN_CONTEXT)
		return vx_uts_name(call->vxi, d->field, d->name, false);
	spin_lock(&call->vxi->lock);
	memcpy(d->name, call->vxi->name, sizeof(d->name));
	spin_unlock(&call->vxi->lock);
	return 0;
}

long vs_set_vhi_name(struct vs_call *const call)
{
	struct vcmd_vhi_name_v0 *const d = BUF(call, struct vcmd_vhi_name_v0);

	if (d->field != VHIN_CONTEXT)
		return vx_uts_name(call->vxi, d->field, d->name, true);
	spin_lock(&call->vxi->lock);
	memcpy(call->vxi->name, d->name, sizeof(call->vxi->name));
	call->vxi->name[sizeof(call->vxi->name) - 1] = '\0';
	spin_unlock(&call->vxi->lock);
	return 0;
}

/* Send @sig to @p on behalf of the host; 0 or the send's error. */
static int kill_one(struct task_struct *const p, const int sig)
{
	return group_send_sig_info(sig, SEND_SIG_PRIV, p, PIDTYPE_TGID);
}

/**
 * vx_kill_all - Signal every process of a context on behalf of the host
 * @vxi: the context
 * @sig: the signal
 * @skip_init: leave the context's init out
 *
 * Return: -ESRCH when no process was signalled (or every send failed with
 * EPERM), else the result of the last other send.
 */
int vx_kill_all(struct vx_info *const vxi, const int sig, const bool skip_init)
{
	const pid_t initpid = READ_ONCE(vxi->initpid);
	struct task_struct *p;
	int ret = -ESRCH, err;

	rcu_read_lock();
	for_each_process(p) {
		if (vs_task_xid(p) != vxi->xid || task_pid_nr(p) <= 1)
			continue;
		if (skip_init && task_pid_nr(p) == initpid)
			continue;
		err = kill_one(p, sig);
		if (err != -EPERM)
			ret = err;
	}
	rcu_read_unlock();
	return ret;
}

static int kill_pid_in(struct vx_info *const vxi, const pid_t pid, const int sig)
{
	struct task_struct *p;
	int ret = -ESRCH;

	rcu_read_lock();
	p = find_task_by_pid_ns(pid, &init_pid_ns);
	if (p && vs_task_xid(p) == vxi->xid)
		ret = kill_one(p, sig);
	rcu_read_unlock();
	return ret;
}

/**
 * vs_ctx_kill - Signal the processes of a context (host only)
 * @call: call->vxi = the context; data = struct vcmd_ctx_kill_v0
 *
 * pid 0: every process of the context; -1: all but its init; 1: its init
 * (SIGINT instead while the host may no longer administer the context and
 * other tasks remain); > 1: that global pid, if it belongs to the context.
 *
 * Return: 0, -EINVAL for a bad signal, -EACCES as ABI §3.3 says for a
 * context without STATE_ADMIN, -ESRCH when no process matched.
 */
long vs_ctx_kill(struct vs_call *const call)
{
	const struct vcmd_ctx_kill_v0 *const d = BUF(call, struct vcmd_ctx_kill_v0);
	struct vx_info *const vxi = call->vxi;
	const bool admin = READ_ONCE(vxi->flags) & VXF_STATE_ADMIN;
	const pid_t initpid = READ_ONCE(vxi->initpid);
	int sig = d->sig;

	if (!valid_signal(sig))
		return -EINVAL;
	if (!admin && (d->pid > 1 || (d->pid < 1 && initpid)))
		return -EACCES;
	switch (d->pid) {
	case 0:
	case -1:
		return vx_kill_all(vxi, sig, d->pid == -1);
	case 1:
		if (!initpid)
			return kill_pid_in(vxi, 1, sig);
		if (!admin && READ_ONCE(vxi->tasks) > 1)
			sig = SIGINT;
		return kill_pid_in(vxi, initpid, sig);
	default:
		return d->pid > 1 ? kill_pid_in(vxi, d->pid, sig) : -ESRCH;
	}
}

/**
 * vs_wait_exit - Wait until a context has ended
 * @call: call->vxi = the context; data = struct vcmd_wait_exit_v0 (out)
 *
 * Return: 0, or -ERESTARTSYS when a signal arrived (the structure is
 * written either way).
 */
long vs_wait_exit(struct vs_call *const call)
{
	struct vcmd_wait_exit_v0 *const d = BUF(call, struct vcmd_wait_exit_v0);
	struct vx_info *const vxi = call->vxi;
	const int ret = wait_event_interruptible(vxi->exit_wq, !vx_is_active(vxi));

	spin_lock(&vxi->lock);
	d->reboot_cmd = vxi->reboot_cmd;
	d->exit_code = vxi->exit_code;
	spin_unlock(&vxi->lock);
	return ret;
}
