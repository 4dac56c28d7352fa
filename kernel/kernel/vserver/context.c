// SPDX-License-Identifier: GPL-2.0-only
/*
 * Linux-VServer - Security contexts: the id table of contexts
 *
 * Lookup, creation and teardown are the id table's (idtab.c); what is
 * particular to a context happens here: its defaults, its namespaces going
 * away with it, wait_exit being woken.
 *
 * Copyright (C) 2026 The vserver authors
 */

#include <linux/err.h>
#include <linux/slab.h>
#include <linux/timekeeping.h>
#include <linux/vserver/context.h>

#include "common.h"
#include "context.h"
#include "helper.h"

/* The id table interprets these bits, and reaches the head's fields by name. */
static_assert(VXF_STATE_SETUP == VS_ID_STATE_SETUP);
static_assert(VXF_PERSISTENT == VS_ID_PERSISTENT);
static_assert(offsetof(struct vx_info, xid) == offsetof(struct vs_id, id));
static_assert(offsetof(struct vx_info, proc) == offsetof(struct vs_id, proc));

static int ctx_proc_attach(struct vs_id *const id)
{
	return vx_proc_attach(container_of(id, struct vx_info, head));
}

static void ctx_proc_detach(struct vs_id *const id)
{
	vx_proc_detach(container_of(id, struct vx_info, head));
}

/*
 * The guest is gone: its namespaces go too, the vshelper is told (waiting
 * for it, its result ignored), and wait_exit returns.
 */
static void ctx_ended(struct vs_id *const id)
{
	struct vx_info *const vxi = container_of(id, struct vx_info, head);

	vx_release_spaces(vxi);
	if (READ_ONCE(vxi->flags) & VXF_SC_HELPER)
		vs_helper("shutdown", vxi->xid, VS_HELPER_SHUTDOWN, false, true);
	wake_up_all(&vxi->exit_wq);
}

/*
 * The counters go at once: only holders of a reference (a cred, a command,
 * an open /proc file) touch them, and the last one is gone.
 */
static void ctx_free(struct vs_id *const id)
{
	struct vx_info *const vxi = container_of(id, struct vx_info, head);

	free_percpu(vxi->cacct);
	kfree_rcu(vxi, rcu);
}

static const struct vs_idtab_ops ctx_ops = {
	.proc_attach = ctx_proc_attach,
	.proc_detach = ctx_proc_detach,
	.ended = ctx_ended,
	.free = ctx_free,
};

static struct vs_idtab vx_tab = VS_IDTAB_INIT(vx_tab, &ctx_ops);

unsigned int vx_count_total(void)
{
	return atomic_read(&vx_tab.total);
}

unsigned int vx_count_active(void)
{
	return atomic_read(&vx_tab.nactive);
}

/**
 * vx_put - Drop a reference
 * @vxi: the context, or NULL
 *
 * May be called from any context (cred_free runs from an RCU callback).
 */
void vx_put(struct vx_info *const vxi)
{
	if (vxi)
		vs_id_put(&vx_tab, &vxi->head);
}

/**
 * vx_lookup - Find an active context by id
 * @xid: the id
 *
 * Return: a new reference, or NULL if no active context has that id.
 */
struct vx_info *vx_lookup(const u32 xid)
{
	struct vs_id *const id = vs_id_lookup(&vx_tab, xid);

	return id ? container_of(id, struct vx_info, head) : NULL;
}

/**
 * vx_create - Create and hash a context
 * @xid: the id, VX_XID_MIN..VX_XID_MAX (checked by the caller)
 * @flags: its initial flags
 *
 * Return: the context with a reference for the caller, or ERR_PTR(-EBUSY)
 * when @xid exists and is still in setup, -EEXIST when it exists otherwise,
 * -ENOMEM.
 */
struct vx_info *vx_create(const u32 xid, const u64 flags)
{
	struct vx_info *const vxi = kzalloc(sizeof(*vxi), GFP_KERNEL_ACCOUNT);
	int err;

	if (!vxi)
		return ERR_PTR(-ENOMEM);
	vxi->cacct = __alloc_percpu_gfp(sizeof(*vxi->cacct) * VXA_SOCK_NR,
					__alignof__(*vxi->cacct),
					GFP_KERNEL_ACCOUNT);
	if (!vxi->cacct) {
		kfree(vxi);
		return ERR_PTR(-ENOMEM);
	}
	vs_vx_start();
	vs_id_init(&vx_tab, &vxi->head, xid, flags);
	mutex_init(&vxi->space_lock);
	init_waitqueue_head(&vxi->exit_wq);
	/* Every capability, CAP_CONTEXT included (ABI §3.3). */
	vxi->bcaps = ~0ULL;
	/* Boot time, as /proc/uptime counts it (suspend included). */
	vxi->start_ns = ktime_get_boottime_ns();
	err = vs_id_insert(&vx_tab, &vxi->head);
	if (err) {
		vx_put(vxi);
		return ERR_PTR(err);
	}
	return vxi;
}

/**
 * vx_release_unused - End a context that has no task and is not persistent
 * @vxi: the context
 *
 * Unhashes it (no command or /proc lookup finds it again), removes its
 * /proc/virtual entry and wakes wait_exit. Sleeps.
 */
void vx_release_unused(struct vx_info *const vxi)
{
	vs_id_release_unused(&vx_tab, &vxi->head);
}

bool vx_is_active(struct vx_info *const vxi)
{
	return READ_ONCE(vxi->active);
}

/** vx_task_enter - Count one more task in a context */
void vx_task_enter(struct vx_info *const vxi)
{
	vs_id_task_enter(&vxi->head);
}

/**
 * vx_task_leave - Count one task less, and end the context with the last one
 * @vxi: the context
 * @code: the leaving task's exit code (or 0 when it migrates)
 */
void vx_task_leave(struct vx_info *const vxi, const int code)
{
	WRITE_ONCE(vxi->exit_code, code);
	if (vs_id_task_leave(&vxi->head))
		vx_release_unused(vxi);
}

/**
 * vx_flags_mask - The flag bits set_cflags may still change
 * @vxi: the context
 *
 * Return: all ones, less the one-time bits that are already cleared.
 */
u64 vx_flags_mask(const struct vx_info *const vxi)
{
	return vs_id_flags_mask(&vxi->head, VXF_ONE_TIME);
}

/**
 * vx_set_flags - Masked update of the context flags (set_cflags)
 * @vxi: the context
 * @flags: new values of the bits in @mask
 * @mask: bits to change
 *
 * One-time bits can only be cleared. Clearing PERSISTENT ends a context
 * without tasks.
 *
 * Return: the flags before the change.
 */
u64 vx_set_flags(struct vx_info *const vxi, const u64 flags, const u64 mask)
{
	return vs_id_set_flags(&vx_tab, &vxi->head, flags, mask, VXF_ONE_TIME);
}
