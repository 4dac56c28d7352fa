// SPDX-License-Identifier: GPL-2.0-only
/*
 * Linux-VServer - Spaces: the namespaces a context keeps for its guest
 *
 * Each context has two slots (ABI §3.3). set_space stores the caller's
 * namespaces of the kinds in its mask into a slot; enter_space moves a host
 * task into them, through the same install hooks and commit as setns(2).
 * Slot 0's uts namespace is the one get/set_vhi_name read and write.
 *
 * Copyright (C) 2026 The vserver authors
 */

#include <linux/fs_struct.h>
#include <linux/ipc_namespace.h>
#include <linux/mutex.h>
#include <linux/nsproxy.h>
#include <linux/proc_ns.h>
#include <linux/rwsem.h>
#include <linux/sched.h>
#include <linux/seq_file.h>
#include <linux/string.h>
#include <linux/utsname.h>
#include <linux/vserver.h>
#include <linux/vserver/context.h>
#include <linux/vserver/switch.h>

#include "common.h"
#include "context.h"
#include "cred.h"
#include "switch.h"

/* The namespace kinds a slot holds, in the order of vx_space.ns[]. */
static const struct {
	u32 flag;
	const struct proc_ns_operations *ops;
} kinds[VX_SPACE_KINDS] = {
	{ CLONE_NEWNS, &mntns_operations },
	{ CLONE_NEWUTS, &utsns_operations },
	{ CLONE_NEWIPC, &ipcns_operations },
	{ CLONE_NEWPID, &pidns_for_children_operations },
	{ CLONE_NEWNET, &netns_operations },
};

/* What set_space accepts: no user namespaces (uapi switch.h says why). */
#define VS_SPACE_SUPPORTED (CLONE_FS | CLONE_NEWNS | CLONE_NEWUTS |  \
			    CLONE_NEWIPC | CLONE_NEWPID | CLONE_NEWNET)
#define VS_SPACE_V0 (CLONE_FS | CLONE_NEWNS | CLONE_NEWUTS | CLONE_NEWIPC)

static void slot_release(struct vx_space *const s)
{
	int i;

	for (i = 0; i < VX_SPACE_KINDS; i++) {
		if (s->ns[i])
			kinds[i].ops->put(s->ns[i]);
		s->ns[i] = NULL;
	}
	if (s->fs)
		free_fs_struct(s->fs);
	s->fs = NULL;
	s->nsmask = 0;
}

/**
 * vx_release_spaces - Drop the namespaces a context keeps
 * @vxi: the context, at teardown or free
 */
void vx_release_spaces(struct vx_info *const vxi)
{
	int i;

	mutex_lock(&vxi->space_lock);
	for (i = 0; i < VX_SPACE_SLOTS; i++)
		slot_release(&vxi->space[i]);
	mutex_unlock(&vxi->space_lock);
}

static int mask_args(struct vs_call *const call, u64 *const mask,
		     u32 *const index)
{
	const struct vcmd_space_mask_v2 *const d = (void *)call->buf;

	*mask = call->has_data ? d->mask : 0;
	/* v1 has no index: slot 0. */
	*index = VC_VERSION(call->cmd) == 2 ? d->index : 0;
	return *index < VX_SPACE_SLOTS ? 0 : -EINVAL;
}

/**
 * vx_store_space - Keep current's namespaces of @mask in slot @index
 * @vxi: the context
 * @mask: CLONE_* bits, within VS_SPACE_SUPPORTED (checked by the caller)
 * @index: the slot, below VX_SPACE_SLOTS
 *
 * Return: 0, -EINVAL for a kind current has no namespace of (a new pid
 * namespace without a process yet: the slot is left as it was), -ENOMEM.
 */
int vx_store_space(struct vx_info *const vxi, const u64 mask, const u32 index)
{
	struct ns_common *ns[VX_SPACE_KINDS] = {};
	struct fs_struct *fs = NULL;
	struct vx_space *s;
	int i, err;

	/*
	 * Take every reference first: a kind the caller has no namespace of
	 * (pid for children after unshare(CLONE_NEWPID) of a task whose new
	 * namespace has no process yet) fails the call, and the slot is left
	 * as it was.
	 */
	for (i = 0; i < VX_SPACE_KINDS; i++) {
		if (!(mask & kinds[i].flag))
			continue;
		ns[i] = kinds[i].ops->get(current);
		if (!ns[i]) {
			err = -EINVAL;
			goto out_put;
		}
	}
	if (mask & CLONE_FS) {
		fs = copy_fs_struct(current->fs);
		if (!fs) {
			err = -ENOMEM;
			goto out_put;
		}
	}
	s = &vxi->space[index];
	mutex_lock(&vxi->space_lock);
	for (i = 0; i < VX_SPACE_KINDS; i++) {
		if (!ns[i])
			continue;
		swap(s->ns[i], ns[i]);
	}
	if (fs) {
		swap(s->fs, fs);
		if (fs)
			free_fs_struct(fs);
	}
	s->nsmask |= mask;
	mutex_unlock(&vxi->space_lock);
	err = 0;
	/* ns[] now holds the replaced namespaces, if any. */
out_put:
	for (i = 0; i < VX_SPACE_KINDS; i++)
		if (ns[i])
			kinds[i].ops->put(ns[i]);
	return err;
}

/**
 * vs_set_space - Keep the caller's namespaces in a slot (set_space v1/v2)
 * @call: call->vxi = the context; data = struct vcmd_space_mask_v1/v2
 *
 * Return: 0, -EINVAL for an index >= 2 or a kind outside the supported
 * mask (user namespaces included) or one the caller has no namespace of
 * (a new pid namespace without a process yet), -ENOMEM.
 */
long vs_set_space(struct vs_call *const call)
{
	u64 mask;
	u32 index;
	int err;

	err = mask_args(call, &mask, &index);
	if (err)
		return err;
	if (mask & ~(u64)VS_SPACE_SUPPORTED)
		return -EINVAL;
	return vx_store_space(call->vxi, mask, index);
}

static int enter_locked(const struct vx_space *const s, const u64 mask)
{
	const unsigned int flags = mask & ~CLONE_FS;
	struct nsset nsset = {};
	int i, err = 0;

	if (flags) {
		err = prepare_nsset(flags, &nsset);
		if (err)
			return err;
		for (i = 0; i < VX_SPACE_KINDS && !err; i++)
			if (flags & kinds[i].flag)
				err = s->ns[i]->ops->install(&nsset, s->ns[i]);
		if (!err)
			commit_nsset(&nsset);
		put_nsset(&nsset);
	}
	if (!err && (mask & CLONE_FS)) {
		set_fs_root(current->fs, &s->fs->root);
		set_fs_pwd(current->fs, &s->fs->pwd);
	}
	return err;
}

/**
 * vs_enter_space - Move the caller into a slot's namespaces (enter_space)
 * @call: call->vxi = the context; data = v0: none, v1/v2: the space mask
 *
 * Return: 0, -EINVAL for an index >= 2 or a mask outside the slot's,
 * -EACCES into a PRIVATE context past setup, or what setns(2) would
 * answer for one of the namespaces.
 */
long vs_enter_space(struct vs_call *const call)
{
	struct vx_info *const vxi = call->vxi;
	const u64 flags = READ_ONCE(vxi->flags);
	const struct vx_space *s;
	u64 mask;
	u32 index;
	int err;

	err = mask_args(call, &mask, &index);
	if (err)
		return err;
	if ((flags & VXF_INFO_PRIVATE) && !(flags & VXF_STATE_SETUP))
		return -EACCES;
	s = &vxi->space[index];
	mutex_lock(&vxi->space_lock);
	if (!mask)
		mask = s->nsmask;
	if (mask & ~s->nsmask)
		err = -EINVAL;
	else
		err = enter_locked(s, mask);
	mutex_unlock(&vxi->space_lock);
	return err;
}

static long put_mask(struct vs_call *const call, const u64 mask)
{
	((struct vcmd_space_mask_v1 *)call->buf)->mask = mask;
	return 0;
}

long vs_get_space_mask_v0(struct vs_call *const call)
{
	return put_mask(call, VS_SPACE_V0);
}

long vs_get_space_mask(struct vs_call *const call)
{
	return put_mask(call, VS_SPACE_SUPPORTED);
}

long vs_get_space_default(struct vs_call *const call)
{
	return put_mask(call, VS_SPACE_V0);
}

/* The uts_namespace member behind a VHIN_* field. */
static char *uts_field(struct uts_namespace *const uts, const u32 field)
{
	switch (field) {
	case VHIN_SYSNAME:
		return uts->name.sysname;
	case VHIN_NODENAME:
		return uts->name.nodename;
	case VHIN_RELEASE:
		return uts->name.release;
	case VHIN_VERSION:
		return uts->name.version;
	case VHIN_MACHINE:
		return uts->name.machine;
	case VHIN_DOMAINNAME:
		return uts->name.domainname;
	}
	return NULL;
}

/**
 * vx_uts_name - Read or write a uts field of space slot 0
 * @vxi: the context
 * @field: VHIN_SYSNAME..VHIN_DOMAINNAME
 * @name: 65 bytes, read from or written to
 * @write: direction
 *
 * Return: 0, or -EINVAL for another field or when slot 0 has no uts
 * namespace.
 */
int vx_uts_name(struct vx_info *const vxi, const u32 field, char *const name,
		const bool write)
{
	struct ns_common *ns;
	char *f;
	int err = -EINVAL;

	mutex_lock(&vxi->space_lock);
	ns = vxi->space[0].ns[1];
	if (ns) {
		struct uts_namespace *const uts =
			container_of(ns, struct uts_namespace, ns);

		f = uts_field(uts, field);
		if (f && write) {
			down_write(&uts_sem);
			memcpy(f, name, __NEW_UTS_LEN);
			f[__NEW_UTS_LEN] = '\0';
			up_write(&uts_sem);
			err = 0;
		} else if (f) {
			down_read(&uts_sem);
			memcpy(name, f, __NEW_UTS_LEN + 1);
			up_read(&uts_sem);
			err = 0;
		}
	}
	mutex_unlock(&vxi->space_lock);
	return err;
}

/**
 * vx_space_show - /proc/virtual/<xid>/nsproxy (slot 0) and nsproxy1 (slot 1)
 * @m: the file
 * @vxi: the context
 * @index: the slot
 *
 * Empty while the slot holds nothing; else (ABI §5.1) the namespaces it
 * holds, the uts names and the System V IPC limits of its namespaces.
 */
void vx_space_show(struct seq_file *const m, struct vx_info *const vxi,
		   const unsigned int index)
{
	const struct vx_space *const s = &vxi->space[index];
	struct uts_namespace *uts;
	struct ipc_namespace *ipc;

	mutex_lock(&vxi->space_lock);
	if (!s->nsmask)
		goto out;
	seq_printf(m, "NSProxy:\t%08llx [%p,%p,%p]\n", s->nsmask, s->ns[0],
		   s->ns[1], s->ns[2]);
	if (s->ns[1]) {
		uts = container_of(s->ns[1], struct uts_namespace, ns);
		down_read(&uts_sem);
		seq_printf(m, "SysName:\t%.*s\nNodeName:\t%.*s\nRelease:\t%.*s\n",
			   __NEW_UTS_LEN, uts->name.sysname, __NEW_UTS_LEN,
			   uts->name.nodename, __NEW_UTS_LEN, uts->name.release);
		seq_printf(m, "Version:\t%.*s\nMachine:\t%.*s\nDomainName:\t%.*s\n",
			   __NEW_UTS_LEN, uts->name.version, __NEW_UTS_LEN,
			   uts->name.machine, __NEW_UTS_LEN, uts->name.domainname);
		up_read(&uts_sem);
	}
	if (s->ns[2]) {
		ipc = container_of(s->ns[2], struct ipc_namespace, ns);
		seq_printf(m, "SEMS:\t\t%d %d %d %d  %d\n", ipc->sem_ctls[0],
			   ipc->sem_ctls[1], ipc->sem_ctls[2], ipc->sem_ctls[3],
			   ipc->used_sems);
		seq_printf(m, "MSG:\t\t%d %d %d\n", ipc->msg_ctlmax,
			   ipc->msg_ctlmnb, ipc->msg_ctlmni);
		seq_printf(m, "SHM:\t\t%zu %zu  %d %zu\n", ipc->shm_ctlmax,
			   ipc->shm_ctlall, ipc->shm_ctlmni, ipc->shm_tot);
	}
out:
	mutex_unlock(&vxi->space_lock);
}

/* The namespace kinds the unshare mask governs. */
#define VS_NEW_NAMESPACES (CLONE_NEWNS | CLONE_NEWUTS | CLONE_NEWIPC | \
			   CLONE_NEWUSER | CLONE_NEWPID | CLONE_NEWNET | \
			   CLONE_NEWCGROUP | CLONE_NEWTIME)

/**
 * vs_unshare - May current make namespaces of the kinds in @flags?
 * @flags: CLONE_* flags of clone(2) (the task_alloc hook) or unshare(2)
 *         (patches/0017)
 *
 * A task of a context past its setup may only make the kinds its
 * context's unshare mask (set_umask) has; the setup is free (vserver start
 * and util-vserver make the guest's namespaces then), and so is the host.
 *
 * Return: 0 or -EPERM.
 */
int vs_unshare(const unsigned long flags)
{
	const struct vx_info *const vxi = vs_cred(current_cred())->vxi;
	u64 vflags;

	if (!vxi || !(flags & VS_NEW_NAMESPACES))
		return 0;
	vflags = READ_ONCE(vxi->flags);
	if (vflags & VXF_STATE_SETUP)
		return 0;
	return (flags & VS_NEW_NAMESPACES & ~READ_ONCE(vxi->umask)) ? -EPERM : 0;
}
