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
#include <linux/fs.h>
#include <linux/fs_context.h>
#include <linux/loop.h>
#include <linux/lsm_hooks.h>
#include <linux/magic.h>
#include <linux/major.h>
#include <linux/miscdevice.h>
#include <linux/mount.h>
#include <linux/nsproxy.h>
#include <linux/sched.h>
#include <linux/string.h>
#include <linux/utsname.h>
#include <linux/vserver.h>
#include <linux/vserver/context.h>

#include "ccaps.h"
#include "common.h"
#include "cred.h"

/**
 * vs_ccap_granted - Does a context capability grant current an operation?
 * @ccap: the VXC_* bit of the operation
 *
 * Only for root (euid 0) of a guest (xid > 1) whose context holds @ccap.
 * VXC_SET_UTSNAME only changes a uts namespace of the guest's own, never
 * the host's; VXC_SECURE_MOUNT likewise only changes a mount namespace of
 * the guest's own.
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
	if (ccap == VXC_SECURE_MOUNT &&
	    current->nsproxy->mnt_ns == init_nsproxy.mnt_ns)
		return false;
	return true;
}

/*
 * Filesystems whose every mount is a new instance of the guest's own, or
 * of its namespaces: the only types VXC_SECURE_MOUNT alone grants. Types
 * that expose the host's kernel objects (sysfs, cgroup, debugfs, devtmpfs,
 * binfmt_misc, ...) are never granted by a context capability.
 */
static const char *const vs_private_fs[] = {
	"devpts", "mqueue", "proc", "ramfs", "tmpfs",
};

/**
 * vs_mount_type_granted - Do context capabilities grant a filesystem type?
 * @type: the filesystem type
 * @ccaps: the context's capabilities
 *
 * VXC_SECURE_MOUNT grants the types in vs_private_fs[]; filesystems on a
 * block device need VXC_DEV_MOUNT as well (and a device node the guest
 * may open), filesystems with binary or network mount data (nfs, coda)
 * need VXC_BINARY_MOUNT.
 *
 * Return: true when @ccaps grant creating a superblock of @type.
 */
bool vs_mount_type_granted(const struct file_system_type *const type,
			   const u64 ccaps)
{
	const int flags = type->fs_flags;

	if (!(ccaps & VXC_SECURE_MOUNT))
		return false;
	if ((flags & FS_BINARY_MOUNTDATA) && !(ccaps & VXC_BINARY_MOUNT))
		return false;
	if (flags & FS_REQUIRES_DEV)
		return ccaps & VXC_DEV_MOUNT;
	if (flags & FS_BINARY_MOUNTDATA)
		return true;
	return match_string(vs_private_fs, ARRAY_SIZE(vs_private_fs),
			    type->name) >= 0;
}

/**
 * vs_mount_capable - May current create a superblock of @fc's type?
 * @fc: the filesystem context, its type and source set
 *
 * Asked by mount_capable() (mount(2), fsconfig(FSCONFIG_CMD_CREATE)) after
 * the capability check failed: guest root in a mount namespace of its
 * own, with the context capabilities vs_mount_type_granted() wants.
 *
 * Return: true to let the mount go ahead.
 */
bool vs_mount_capable(const struct fs_context *fc)
{
	if (!vs_ccap_granted(VXC_SECURE_MOUNT))
		return false;
	return vs_mount_type_granted(fc->fs_type,
				     READ_ONCE(vs_cred(current_cred())->vxi->ccaps));
}

/**
 * vs_mnt_flags - Mount flags a guest's new mount gets in any case
 * @sb: the superblock the new mount shows
 *
 * A mount a guest task makes (mount(2), fsmount(2)) ignores device nodes
 * unless its context holds VXC_DEV_MOUNT: a guest that may create a
 * filesystem must not reach the host's devices through it. devpts is the
 * exception, its nodes are the ptys of that very instance.
 *
 * Return: MNT_NODEV or 0, to add to the new mount's flags.
 */
unsigned int vs_mnt_flags(const struct super_block *sb)
{
	const struct vx_info *const vxi = vs_cred(current_cred())->vxi;

	if (!vxi || (READ_ONCE(vxi->ccaps) & VXC_DEV_MOUNT) ||
	    sb->s_magic == DEVPTS_SUPER_MAGIC)
		return 0;
	return MNT_NODEV;
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

/**
 * vs_ioctl_ccap - The context capability an ioctl needs from a guest task
 * @mode: the file's inode mode
 * @rdev: its device number
 * @cmd: the ioctl
 *
 * Loop devices and /dev/loop-control need VXC_ADMIN_CLOOP (reading a loop
 * device's status is free), /dev/mapper/control VXC_ADMIN_MAPPER.
 *
 * Return: the VXC_* bit, or 0 when no context capability is needed.
 */
u64 vs_ioctl_ccap(const umode_t mode, const dev_t rdev, const unsigned int cmd)
{
	if (S_ISBLK(mode) && MAJOR(rdev) == LOOP_MAJOR) {
		if ((cmd & 0xff00) != (LOOP_SET_FD & 0xff00) ||
		    cmd == LOOP_GET_STATUS || cmd == LOOP_GET_STATUS64)
			return 0;
		return VXC_ADMIN_CLOOP;
	}
	if (!S_ISCHR(mode) || MAJOR(rdev) != MISC_MAJOR)
		return 0;
	switch (MINOR(rdev)) {
	case LOOP_CTRL_MINOR:
		return VXC_ADMIN_CLOOP;
	case MAPPER_CTRL_MINOR:
		return VXC_ADMIN_MAPPER;
	}
	return 0;
}

/*
 * Loop and device-mapper administration attach files and devices to new
 * block devices that every context sees: a guest needs VXC_ADMIN_CLOOP or
 * VXC_ADMIN_MAPPER for it, whatever the device node's mode says. With
 * VXC_ADMIN_MAPPER guest root passes device-mapper's CAP_SYS_ADMIN check
 * too (patches/0021).
 */
static int hook_file_ioctl(struct file *file, unsigned int cmd,
			   unsigned long arg)
{
	const struct vx_info *const vxi = vs_cred(current_cred())->vxi;
	const struct inode *inode;
	u64 need;

	if (likely(!vxi))
		return 0;
	inode = file_inode(file);
	need = vs_ioctl_ccap(inode->i_mode, inode->i_rdev, cmd);
	if (need && !(READ_ONCE(vxi->ccaps) & need))
		return -EPERM;
	return 0;
}

#ifdef CONFIG_IO_URING
/*
 * VXC_KTHREAD: an io_uring SQPOLL thread is the kernel thread a task can
 * have the kernel create and keep polling on its behalf; a guest needs the
 * context capability for it.
 */
static int hook_uring_sqpoll(void)
{
	const struct vx_info *const vxi = vs_cred(current_cred())->vxi;

	if (vxi && !(READ_ONCE(vxi->ccaps) & VXC_KTHREAD))
		return -EPERM;
	return 0;
}
#endif

static struct security_hook_list vs_ccap_hooks[] __ro_after_init = {
	LSM_HOOK_INIT(syslog, hook_syslog),
	LSM_HOOK_INIT(file_ioctl, hook_file_ioctl),
	LSM_HOOK_INIT(file_ioctl_compat, hook_file_ioctl),
#ifdef CONFIG_IO_URING
	LSM_HOOK_INIT(uring_sqpoll, hook_uring_sqpoll),
#endif
};

void __init vs_add_ccap_hooks(void)
{
	security_add_hooks(vs_ccap_hooks, ARRAY_SIZE(vs_ccap_hooks), &vs_lsmid);
}
