// SPDX-License-Identifier: GPL-2.0-only
/*
 * Linux-VServer - Context identity in credentials and tasks
 *
 * Copyright (C) 2026 The vserver authors
 */

#include <linux/capability.h>
#include <linux/cred.h>
#include <linux/lsm_hooks.h>
#include <linux/sched.h>
#include <linux/sched/signal.h>
#include <linux/slab.h>
#include <linux/task_work.h>
#include <linux/vserver.h>
#include <linux/vserver/context.h>

#include "common.h"
#include "cred.h"

static void hook_cred_transfer(struct cred *const new,
			       const struct cred *const old)
{
	struct vs_cred *const n = vs_cred(new);

	*n = *vs_cred(old);
	vx_get(n->vxi);
	nx_get(n->nxi);
}

static int hook_cred_prepare(struct cred *const new,
			     const struct cred *const old, const gfp_t gfp)
{
	hook_cred_transfer(new, old);
	return 0;
}

static void hook_cred_free(struct cred *const cred)
{
	vx_put(vs_cred(cred)->vxi);
	nx_put(vs_cred(cred)->nxi);
}

static int hook_task_alloc(struct task_struct *const task,
			   const unsigned long clone_flags)
{
	/*
	 * copy_process() has given @task its cred already, and nobody else
	 * can see @task yet.
	 */
	const struct cred *const cred = rcu_dereference_protected(task->cred, 1);
	struct vx_info *const vxi = vs_cred(cred)->vxi;
	struct nx_info *const nxi = vs_cred(cred)->nxi;
	/* clone(2) with CLONE_NEW*: the unshare mask (current is the parent) */
	const int err = vs_unshare(clone_flags);

	if (err)
		return err;
	if (vxi) {
		vs_task(task)->counted = vx_get(vxi);
		vx_task_enter(vxi);
		atomic_long_inc(&vxi->forks);
	}
	if (nxi) {
		vs_task(task)->counted_nx = nx_get(nxi);
		nx_task_enter(nxi);
	}
	return 0;
}

static void task_uncount_nx(struct task_struct *const task)
{
	struct nx_info *const nxi = vs_task(task)->counted_nx;

	if (!nxi)
		return;
	vs_task(task)->counted_nx = NULL;
	nx_task_leave(nxi);
	nx_put(nxi);
}

static void task_uncount(struct task_struct *const task, const int code)
{
	struct vx_info *const vxi = vs_task(task)->counted;

	task_uncount_nx(task);
	if (!vxi)
		return;
	vs_task(task)->counted = NULL;
	vx_task_leave(vxi, code);
	vx_put(vxi);
}

/* Only reached for a task that never ran (copy_process() failed). */
static void hook_task_free(struct task_struct *const task)
{
	task_uncount(task, 0);
}

/**
 * vs_task_exit - A task leaves its context when it exits
 * @task: the exiting task (current)
 * @code: its exit code
 *
 * Called from do_exit(): "tasks in the context" counts tasks that can still
 * run, and the last one ends the context.
 */
void vs_task_exit(struct task_struct *const task, const long code)
{
	struct vx_info *const vxi = vs_task(task)->counted;

	if (!vxi) {
		task_uncount_nx(task);
		return;
	}
	spin_lock(&vxi->lock);
	if (vxi->initpid == task->pid) {
		vxi->initpid = 0;
		vxi->exit_code = code;
	}
	spin_unlock(&vxi->lock);
	task_uncount(task, code);
}

static kernel_cap_t bcaps_to_cap(const u64 bcaps)
{
	/* Bit 63 (CAP_CONTEXT) has no Linux capability behind it. */
	return (kernel_cap_t){ .val = bcaps & CAP_VALID_MASK };
}

static void limit_caps(struct cred *const new, const u64 bcaps)
{
	const kernel_cap_t b = bcaps_to_cap(bcaps);

	new->cap_bset = cap_intersect(new->cap_bset, b);
	new->cap_permitted = cap_intersect(new->cap_permitted, b);
	new->cap_effective = cap_intersect(new->cap_effective, b);
	new->cap_inheritable = cap_intersect(new->cap_inheritable, b);
	new->cap_ambient = cap_intersect(new->cap_ambient, b);
}

/**
 * vs_apply_bcaps - Take the context's masked capabilities from current
 * @vxi: current's context
 *
 * Team decision 2: masked capabilities are gone from the credentials, not
 * just refused, so capget(2) and /proc/PID/status tell the truth and no
 * exec (setuid root, file capabilities) brings them back.
 *
 * Return: 0 or -ENOMEM.
 */
int vs_apply_bcaps(struct vx_info *const vxi)
{
	struct cred *const new = prepare_creds();

	if (!new)
		return -ENOMEM;
	limit_caps(new, READ_ONCE(vxi->bcaps));
	return commit_creds(new);
}

struct bcaps_work {
	struct callback_head cb;
};

/* Runs in the task itself on its way back to user space. */
static void bcaps_work_fn(struct callback_head *const cb)
{
	struct vx_info *const vxi = vs_cred(current_cred())->vxi;

	kfree(container_of(cb, struct bcaps_work, cb));
	if (vxi && !(READ_ONCE(vxi->flags) & VXF_STATE_SETUP))
		vs_apply_bcaps(vxi);
}

/**
 * vs_apply_bcaps_all - Make every task of a context drop its masked caps
 * @vxi: the context, past setup
 *
 * Only a task can replace its own credentials: each task of the context
 * (current included) gets a task_work that applies the bounding set when
 * it next returns to user space. Until then the capable hook refuses the
 * masked capabilities anyway; this makes capget(2) and /proc tell the
 * truth when setup was ended, or the set lowered, from outside.
 */
void vs_apply_bcaps_all(struct vx_info *const vxi)
{
	struct task_struct *g, *t;
	struct bcaps_work *w;

	rcu_read_lock();
	for_each_process_thread(g, t) {
		if (vs_task_xid(t) != vxi->xid)
			continue;
		w = kmalloc(sizeof(*w), GFP_ATOMIC);
		if (!w)
			break;
		init_task_work(&w->cb, bcaps_work_fn);
		/* Fails only for a task that is exiting. */
		if (task_work_add(t, &w->cb, TWA_RESUME))
			kfree(w);
	}
	rcu_read_unlock();
}

/**
 * vs_migrate - Move current into a context, or to the spectator
 * @vxi: the context, or NULL with @xid 1 for the spectator
 * @xid: the target id
 *
 * Only host tasks migrate (the dispatcher makes sure): a task never leaves
 * a context. A context past setup applies its bounding set at once.
 *
 * Return: 0 or -ENOMEM.
 */
int vs_migrate(struct vx_info *const vxi, const u32 xid)
{
	struct vs_task *const t = vs_task(current);
	struct cred *new;
	struct vs_cred *c;

	if (WARN_ON_ONCE(vs_current_xid() > 1 || t->counted))
		return -EPERM;
	new = prepare_creds();
	if (!new)
		return -ENOMEM;
	c = vs_cred(new);
	vx_put(c->vxi);
	c->vxi = vx_get(vxi);
	c->xid = xid;
	if (vxi && !(READ_ONCE(vxi->flags) & VXF_STATE_SETUP))
		limit_caps(new, READ_ONCE(vxi->bcaps));
	if (vxi) {
		t->counted = vx_get(vxi);
		vx_task_enter(vxi);
	}
	return commit_creds(new);
}

/**
 * vs_nx_migrate - Move current into a network context, or to nid 1
 * @nxi: the network context, or NULL with @nid 1 for the spectator
 * @nid: the target id
 *
 * Only host tasks migrate (the dispatcher makes sure); a host task may
 * change its network context, and leaves the old one then.
 *
 * Return: 0 or -ENOMEM.
 */
int vs_nx_migrate(struct nx_info *const nxi, const u32 nid)
{
	struct cred *const new = prepare_creds();
	struct vs_cred *c;

	if (!new)
		return -ENOMEM;
	c = vs_cred(new);
	nx_put(c->nxi);
	c->nxi = nx_get(nxi);
	c->nid = nid;
	task_uncount_nx(current);
	if (nxi) {
		vs_task(current)->counted_nx = nx_get(nxi);
		nx_task_enter(nxi);
	}
	return commit_creds(new);
}

static struct security_hook_list vs_cred_hooks[] __ro_after_init = {
	LSM_HOOK_INIT(cred_prepare, hook_cred_prepare),
	LSM_HOOK_INIT(cred_transfer, hook_cred_transfer),
	LSM_HOOK_INIT(cred_free, hook_cred_free),
	LSM_HOOK_INIT(task_alloc, hook_task_alloc),
	LSM_HOOK_INIT(task_free, hook_task_free),
};

void __init vs_add_cred_hooks(void)
{
	security_add_hooks(vs_cred_hooks, ARRAY_SIZE(vs_cred_hooks),
			   &vs_lsmid);
}
