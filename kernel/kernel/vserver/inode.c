// SPDX-License-Identifier: GPL-2.0-only
/*
 * Linux-VServer - Inode attributes: the chroot barrier
 *
 * A directory with IATTR_BARRIER cannot be traversed, listed or changed by
 * any task outside the host (xid != 0): administrators put it on the directory that holds
 * the guests' roots (/vservers), so no chroot escape (.. loops, directory
 * fds kept across chroot or passed over a socket) leads a guest out of its
 * root and into another's.
 *
 * The attribute lives in the "security.vserver" xattr (team decision 6) as
 * a little-endian u32 of IATTR_* bits, and in a cache in the inode blob so
 * that the permission check is one flag test. Only the host may change it.
 *
 * Copyright (C) 2026 The vserver authors
 */

#include <linux/dcache.h>
#include <linux/file.h>
#include <linux/fs.h>
#include <linux/lsm_hooks.h>
#include <linux/namei.h>
#include <linux/string.h>
#include <linux/xattr.h>
#include <linux/vserver/inode.h>

#include "common.h"
#include "cred.h"
#include "switch.h"

static const char XATTR_NAME_VSERVER[] = XATTR_SECURITY_PREFIX "vserver";

/* The bits kept in the xattr. */
#define VS_IATTR_PERSISTENT IATTR_BARRIER

static bool is_vserver_xattr(const char *const name)
{
	return !strcmp(name, XATTR_NAME_VSERVER);
}

static u32 decode(const void *const value, const size_t size)
{
	__le32 v;

	if (size != sizeof(v))
		return 0;
	memcpy(&v, value, sizeof(v));
	return le32_to_cpu(v) & VS_IATTR_PERSISTENT;
}

static void cache_set(struct inode *const inode, const u32 iattr)
{
	WRITE_ONCE(vs_inode(inode)->iattr, iattr | VS_INODE_LOADED);
}

static u32 cached(const struct inode *const inode)
{
	return READ_ONCE(vs_inode(inode)->iattr) & ~VS_INODE_LOADED;
}

static void hook_d_instantiate(struct dentry *const dentry,
			       struct inode *const inode)
{
	__le32 v;
	int len;

	/*
	 * Only directories carry the barrier: no xattr lookup for the others
	 * (every socket and pipe gets an inode too).
	 */
	if (!inode || !S_ISDIR(inode->i_mode) ||
	    (READ_ONCE(vs_inode(inode)->iattr) & VS_INODE_LOADED))
		return;
	len = __vfs_getxattr(dentry, inode, XATTR_NAME_VSERVER, &v, sizeof(v));
	cache_set(inode, len > 0 ? decode(&v, len) : 0);
}

/* Is @inode a barrier that current, a task of a context, must not touch? */
static bool guest_at_barrier(const struct inode *const inode)
{
	return vs_current_xid() && S_ISDIR(inode->i_mode) &&
	       (cached(inode) & IATTR_BARRIER);
}

/*
 * A guest can still name the barrier itself as the last component of a
 * path (".." from a cwd just below it, after chrooting deeper), and bind
 * it (with VXC_SECURE_MOUNT) or open_tree() it: every access to it is
 * refused then, not only the search that would go through it, so it can
 * neither list the other guests' roots nor change the directory for the
 * host (chmod, chown, utimes, xattrs). The host pays one load and one
 * branch.
 */
static int hook_inode_permission(struct inode *const inode, const int mask)
{
	if (!vs_current_xid() || !(mask & (MAY_EXEC | MAY_READ | MAY_WRITE |
					   MAY_APPEND)))
		return 0;
	return guest_at_barrier(inode) ? -EACCES : 0;
}

static int hook_inode_setattr(struct mnt_idmap *const idmap,
			      struct dentry *const dentry,
			      struct iattr *const attr)
{
	return guest_at_barrier(d_backing_inode(dentry)) ? -EACCES : 0;
}

static int hook_inode_setxattr(struct mnt_idmap *const idmap,
			       struct dentry *const dentry,
			       const char *const name, const void *const value,
			       const size_t size, const int flags)
{
	if (is_vserver_xattr(name) && vs_current_xid())
		return -EPERM;
	return guest_at_barrier(d_backing_inode(dentry)) ? -EACCES : 0;
}

static void hook_inode_post_setxattr(struct dentry *const dentry,
				     const char *const name,
				     const void *const value,
				     const size_t size, const int flags)
{
	if (is_vserver_xattr(name))
		cache_set(d_backing_inode(dentry), decode(value, size));
}

static int hook_inode_removexattr(struct mnt_idmap *const idmap,
				  struct dentry *const dentry,
				  const char *const name)
{
	if (is_vserver_xattr(name) && vs_current_xid())
		return -EPERM;
	return guest_at_barrier(d_backing_inode(dentry)) ? -EACCES : 0;
}

static void hook_inode_post_removexattr(struct dentry *const dentry,
					const char *const name)
{
	if (is_vserver_xattr(name))
		cache_set(d_backing_inode(dentry), 0);
}

/* What get_iattr reports: flags always carry IATTR_TAG (ABI §3.3). */
static void get_attr(struct inode *const inode, u32 *const flags,
		     u32 *const mask)
{
	*flags = IATTR_TAG | cached(inode);
	/* Only the barrier is implemented, and only on directories. */
	*mask = S_ISDIR(inode->i_mode) ? IATTR_BARRIER : 0;
}

/*
 * Change the bits of @mask to @flags. Only the barrier is implemented: the
 * other bits are not applied, as the ABI allows for a filesystem without
 * support for them. Only the host sets or clears a barrier.
 */
static int set_attr(const struct path *const path, const u32 flags,
		    const u32 mask)
{
	struct inode *const inode = d_backing_inode(path->dentry);
	__le32 v;

	if (!(mask & IATTR_BARRIER))
		return 0;
	if (!S_ISDIR(inode->i_mode))
		return -EINVAL;
	if (vs_current_xid())
		return -EPERM;
	v = cpu_to_le32((cached(inode) & ~IATTR_BARRIER) |
			(flags & IATTR_BARRIER));
	return vfs_setxattr(mnt_idmap(path->mnt), path->dentry,
			    XATTR_NAME_VSERVER, &v, sizeof(v), 0);
}

static int lookup(const struct vcmd_iattr_v1 *const d, struct path *const path)
{
	/* The ABI does not follow a final symlink. */
	return user_path_at(AT_FDCWD, (const char __user *)d->name, 0, path);
}

/**
 * vs_get_iattr - Inode attributes of a path (get_iattr v1)
 * @call: data = struct vcmd_iattr_v1, name in, the rest out
 *
 * Return: 0, or the path lookup's error (-ENOENT, -EFAULT, ...).
 */
long vs_get_iattr(struct vs_call *const call)
{
	struct vcmd_iattr_v1 *const d = (void *)call->buf;
	struct path path;
	int err;

	err = lookup(d, &path);
	if (err)
		return err;
	d->tag = 0;
	get_attr(d_backing_inode(path.dentry), &d->flags, &d->mask);
	path_put(&path);
	return 0;
}

/**
 * vs_set_iattr - Change inode attributes of a path (set_iattr v1)
 * @call: data = struct vcmd_iattr_v1
 *
 * Return: 0, -EPERM without CAP_LINUX_IMMUTABLE or when a task outside the
 * host changes a barrier, -EINVAL for a barrier on a non-directory, or the
 * path lookup's error.
 */
long vs_set_iattr(struct vs_call *const call)
{
	struct vcmd_iattr_v1 *const d = (void *)call->buf;
	struct path path;
	int err;

	if (!capable(CAP_LINUX_IMMUTABLE))
		return -EPERM;
	err = lookup(d, &path);
	if (err)
		return err;
	err = set_attr(&path, d->flags, d->mask);
	path_put(&path);
	return err;
}

long vs_fget_iattr(struct vs_call *const call)
{
	struct vcmd_fiattr_v0 *const d = (void *)call->buf;

	CLASS(fd, f)(call->id);
	if (fd_empty(f))
		return -EBADF;
	d->tag = 0;
	get_attr(file_inode(fd_file(f)), &d->flags, &d->mask);
	return 0;
}

long vs_fset_iattr(struct vs_call *const call)
{
	const struct vcmd_fiattr_v0 *const d = (void *)call->buf;

	CLASS(fd, f)(call->id);
	if (!capable(CAP_LINUX_IMMUTABLE))
		return -EPERM;
	if (fd_empty(f))
		return -EBADF;
	return set_attr(&fd_file(f)->f_path, d->flags, d->mask);
}

static struct security_hook_list vs_inode_hooks[] __ro_after_init = {
	LSM_HOOK_INIT(d_instantiate, hook_d_instantiate),
	LSM_HOOK_INIT(inode_permission, hook_inode_permission),
	LSM_HOOK_INIT(inode_setattr, hook_inode_setattr),
	LSM_HOOK_INIT(inode_setxattr, hook_inode_setxattr),
	LSM_HOOK_INIT(inode_post_setxattr, hook_inode_post_setxattr),
	LSM_HOOK_INIT(inode_removexattr, hook_inode_removexattr),
	LSM_HOOK_INIT(inode_post_removexattr, hook_inode_post_removexattr),
};

void __init vs_add_inode_hooks(void)
{
	security_add_hooks(vs_inode_hooks, ARRAY_SIZE(vs_inode_hooks),
			   &vs_lsmid);
}
