// SPDX-License-Identifier: GPL-2.0-only
/*
 * Linux-VServer - Security contexts: the id hash and the lifecycle
 *
 * A context lives in the hash ("active") from ctx_create until its last task
 * leaves, unless it is PERSISTENT. Teardown unhashes it, so no command and no
 * /proc lookup finds it again, and wakes wait_exit; the structure itself
 * lives on until the last reference (a cred, a counted task) goes.
 *
 * Copyright (C) 2026 The vserver authors
 */

#include <linux/atomic.h>
#include <linux/err.h>
#include <linux/hashtable.h>
#include <linux/mutex.h>
#include <linux/slab.h>
#include <linux/timekeeping.h>
#include <linux/vserver/context.h>

#include "common.h"
#include "context.h"

#define VX_HASH_BITS 8

static DEFINE_HASHTABLE(vx_hash, VX_HASH_BITS);
/* Protects vx_hash and the @active transitions; nests outside vxi->lock. */
static DEFINE_SPINLOCK(vx_hash_lock);

/*
 * Serializes creation and teardown, so that a context torn down and created
 * again with the same id never finds its old /proc/virtual entry in place.
 * Outside vx_hash_lock.
 */
static DEFINE_MUTEX(vx_lifecycle);

static atomic_t vx_total = ATOMIC_INIT(0);
static atomic_t vx_active = ATOMIC_INIT(0);

unsigned int vx_count_total(void)
{
	return atomic_read(&vx_total);
}

unsigned int vx_count_active(void)
{
	return atomic_read(&vx_active);
}

/**
 * vx_put - Drop a reference
 * @vxi: the context, or NULL
 *
 * May be called from any context (cred_free runs from an RCU callback):
 * everything that sleeps was released at teardown.
 */
void vx_put(struct vx_info *const vxi)
{
	if (!vxi || !refcount_dec_and_test(&vxi->usecnt))
		return;
	WARN_ON_ONCE(vxi->active || vxi->tasks);
	atomic_dec(&vx_total);
	kfree_rcu(vxi, rcu);
}

static struct vx_info *find_locked(const u32 xid)
{
	struct vx_info *vxi;

	hash_for_each_possible_rcu(vx_hash, vxi, hlist, xid,
				   lockdep_is_held(&vx_hash_lock) ||
				   lockdep_is_held(&vx_lifecycle))
		if (vxi->xid == xid)
			return vxi;
	return NULL;
}

/**
 * vx_lookup - Find an active context by id
 * @xid: the id
 *
 * Return: a new reference, or NULL if no active context has that id.
 */
struct vx_info *vx_lookup(const u32 xid)
{
	struct vx_info *vxi;

	rcu_read_lock();
	vxi = find_locked(xid);
	if (vxi && (!READ_ONCE(vxi->active) ||
		    !refcount_inc_not_zero(&vxi->usecnt)))
		vxi = NULL;
	rcu_read_unlock();
	return vxi;
}

static struct vx_info *alloc_vx_info(const u32 xid, const u64 flags)
{
	struct vx_info *const vxi = kzalloc(sizeof(*vxi), GFP_KERNEL_ACCOUNT);

	if (!vxi)
		return NULL;
	vxi->xid = xid;
	/* The hash's reference. */
	refcount_set(&vxi->usecnt, 1);
	spin_lock_init(&vxi->lock);
	mutex_init(&vxi->space_lock);
	init_waitqueue_head(&vxi->exit_wq);
	vxi->flags = flags;
	/* Every capability, CAP_CONTEXT included (ABI §3.3). */
	vxi->bcaps = ~0ULL;
	/* Boot time, as /proc/uptime counts it (suspend included). */
	vxi->start_ns = ktime_get_boottime_ns();
	return vxi;
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
	struct vx_info *vxi, *old;
	int err;

	might_sleep();
	/* Allocate outside the lock, look again before inserting. */
	vxi = alloc_vx_info(xid, flags);
	if (!vxi)
		return ERR_PTR(-ENOMEM);
	atomic_inc(&vx_total);

	mutex_lock(&vx_lifecycle);
	old = find_locked(xid);
	if (old) {
		err = (READ_ONCE(old->flags) & VXF_STATE_SETUP) ? -EBUSY : -EEXIST;
		goto out_put;
	}
	err = vx_proc_attach(vxi);
	if (err)
		goto out_put;
	spin_lock(&vx_hash_lock);
	vxi->active = true;
	hash_add_rcu(vx_hash, &vxi->hlist, xid);
	atomic_inc(&vx_active);
	spin_unlock(&vx_hash_lock);
	mutex_unlock(&vx_lifecycle);
	return vx_get(vxi);

out_put:
	mutex_unlock(&vx_lifecycle);
	vx_put(vxi);
	return ERR_PTR(err);
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
	bool unhashed = false;

	might_sleep();
	mutex_lock(&vx_lifecycle);
	spin_lock(&vx_hash_lock);
	spin_lock(&vxi->lock);
	if (vxi->active && !vxi->tasks && !(vxi->flags & VXF_PERSISTENT)) {
		vxi->active = false;
		hash_del_rcu(&vxi->hlist);
		atomic_dec(&vx_active);
		unhashed = true;
	}
	spin_unlock(&vxi->lock);
	spin_unlock(&vx_hash_lock);
	if (unhashed)
		vx_proc_detach(vxi);
	mutex_unlock(&vx_lifecycle);
	if (!unhashed)
		return;

	/* The guest is gone: its namespaces go too. */
	vx_release_spaces(vxi);
	wake_up_all(&vxi->exit_wq);
	/* The hash's reference. */
	vx_put(vxi);
}

bool vx_is_active(struct vx_info *const vxi)
{
	return READ_ONCE(vxi->active);
}

/**
 * vx_task_enter - Count one more task in a context
 * @vxi: the context
 */
void vx_task_enter(struct vx_info *const vxi)
{
	spin_lock(&vxi->lock);
	vxi->tasks++;
	spin_unlock(&vxi->lock);
}

/**
 * vx_task_leave - Count one task less, and end the context with the last one
 * @vxi: the context
 * @code: the leaving task's exit code (or 0 when it migrates)
 */
void vx_task_leave(struct vx_info *const vxi, const int code)
{
	bool last;

	spin_lock(&vxi->lock);
	if (WARN_ON_ONCE(vxi->tasks <= 0)) {
		spin_unlock(&vxi->lock);
		return;
	}
	vxi->exit_code = code;
	last = !--vxi->tasks;
	spin_unlock(&vxi->lock);
	if (last)
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
	return ~(VXF_ONE_TIME & ~READ_ONCE(vxi->flags));
}

/**
 * vx_set_flags - Masked update of the context flags (set_cflags)
 * @vxi: the context
 * @flags: new values of the bits in @mask
 * @mask: bits to change
 *
 * One-time bits can only be cleared: a request to set one that is already
 * clear is ignored. Clearing PERSISTENT ends a context without tasks.
 *
 * Return: the flags before the change.
 */
u64 vx_set_flags(struct vx_info *const vxi, const u64 flags, const u64 mask)
{
	u64 old, new;

	spin_lock(&vxi->lock);
	old = vxi->flags;
	/* vx_flags_mask() leaves out the one-time bits already cleared. */
	new = (old & ~(mask & vx_flags_mask(vxi))) |
	      (flags & mask & vx_flags_mask(vxi));
	vxi->flags = new;
	spin_unlock(&vxi->lock);

	if ((old & VXF_PERSISTENT) && !(new & VXF_PERSISTENT))
		vx_release_unused(vxi);
	return old;
}
