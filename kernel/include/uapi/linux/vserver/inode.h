/* SPDX-License-Identifier: GPL-2.0 WITH Linux-syscall-note */
/*
 * Linux-VServer - User space API: inode attributes, disk limits, device maps
 *
 * Copyright (C) 2026 The vserver authors
 */

#ifndef _UAPI_LINUX_VSERVER_INODE_H
#define _UAPI_LINUX_VSERVER_INODE_H

#include <linux/types.h>

/**
 * DOC: vserver_iattr
 *
 * Inode attributes
 * ~~~~~~~~~~~~~~~~
 *
 * get_iattr and set_iattr (by path, &struct vcmd_iattr_v1), fget_iattr and
 * fset_iattr (by file descriptor, &struct vcmd_fiattr_v0) read and change
 * these attributes:
 *
 * - %IATTR_TAG: the tag field is valid: the inode's filesystem tag, on a
 *   filesystem mounted with tagging (or devpts).  Setting it elsewhere is
 *   ``EINVAL``.
 * - %IATTR_ADMIN, %IATTR_WATCH, %IATTR_HIDE (together %IATTR_FLAGS): /proc
 *   entries only (else ``EINVAL``).  A hidden entry is visible to the host if
 *   it has ADMIN and to the spectator if it has WATCH, to nobody else; an
 *   entry without HIDE is visible to all.  On a kernel that reports
 *   %VCI_KCBIT_PROC_SECURE, /proc entries other than process directories
 *   start with ADMIN and HIDE (symlinks with ADMIN); the host's init scripts
 *   unhide what guests need.
 * - %IATTR_BARRIER: directories only: guests cannot traverse it (a chroot
 *   barrier around the guest's root), nor list, chmod, chown, touch or set
 *   extended attributes on it when they name it as a path's last component
 *   (``EACCES``).
 * - %IATTR_IXUNLINK: immutable, but may be unlinked: for files hard-linked
 *   between guests.  Set together with %IATTR_IMMUTABLE.
 * - %IATTR_IMMUTABLE: the inode is immutable.
 * - %IATTR_COW: regular files only: a write breaks the hard link first
 *   (copy on write).
 *
 * Bit 0x00000008 is set by util-vserver (its IATTR_WRITE) and ignored.
 *
 * Barrier, immutable-unlink and copy-on-write are stored in the
 * ``security.vserver`` extended attribute of the inode, so they work on every
 * filesystem with extended attributes (ext4, xfs, btrfs, tmpfs).
 *
 * The FS_*_FL values below are the inode-flag bits the original VServer
 * patch used for these attributes, for reference only.  They overlap with
 * mainline flags (FS_PROJINHERIT_FL is 0x20000000) and must not be passed to
 * FS_IOC_SETFLAGS: use set_iattr.
 */
/* clang-format off */
#define IATTR_ADMIN		0x00000001
#define IATTR_WATCH		0x00000002
#define IATTR_HIDE		0x00000004
#define IATTR_FLAGS		0x00000007
#define IATTR_BARRIER		0x00010000
#define IATTR_IXUNLINK		0x00020000
#define IATTR_IMMUTABLE		0x00040000
#define IATTR_COW		0x00080000
#define IATTR_TAG		0x01000000

#define FS_BARRIER_FL		0x04000000
#define FS_IXUNLINK_FL		0x08000000
#define FS_COW_FL		0x20000000
/* clang-format on */

/**
 * struct vcmd_iattr_v1 - Attributes of a path
 * @name: the path, NUL-terminated; a final symlink is not followed
 * @tag: the inode's tag, valid if %IATTR_TAG is in @mask
 * @flags: IATTR_* values
 * @mask: get: which IATTR_* bits the inode supports; set: the bits to change
 *
 * Taken by get_iattr (@name in, the rest out) and set_iattr (in, and copied
 * back).  get_iattr always reports %IATTR_TAG in @flags; @mask holds
 * IXUNLINK, IMMUTABLE and COW, BARRIER for a directory, TAG on a tagged
 * filesystem, and ADMIN, WATCH and HIDE on /proc.  ``ESRCH`` if the inode is
 * missing.  set_iattr also needs CAP_LINUX_IMMUTABLE (``EPERM``).
 *
 * The size differs with the pointer: 24 bytes on x86_64, 16 on i386.
 */
struct vcmd_iattr_v1 {
	const char __user *name;
	__u32 tag;
	__u32 flags;
	__u32 mask;
};

/**
 * struct vcmd_fiattr_v0 - Attributes of an open file
 * @tag: the inode's tag, valid if %IATTR_TAG is in @mask
 * @flags: IATTR_* values
 * @mask: fget: which IATTR_* bits the inode supports; fset: the bits to
 *        change
 *
 * Taken by fget_iattr (out) and fset_iattr (in), whose @id is the file
 * descriptor (``EBADF``).  Otherwise as &struct vcmd_iattr_v1.
 */
struct vcmd_fiattr_v0 {
	__u32 tag;
	__u32 flags;
	__u32 mask;
};

/**
 * DOC: vserver_dlimit
 *
 * Disk limits
 * ~~~~~~~~~~~
 *
 * A disk limit caps the space and inodes that files of one tag use on one
 * filesystem: statfs(2) inside the guest shows the limit, and allocation
 * beyond it fails.  The commands take the tag as @id and a path on the
 * filesystem.
 *
 * In &struct vcmd_dlimit_v0, space counts KiB, unless @flags has
 * %DLIMF_SHIFT: then bits 0-1 of @flags (shift %DLIMS_USED) give the unit of
 * space_used, and bits 2-3 (shift %DLIMS_TOTAL) the unit of space_total, as
 * an exponent e (DLIME_*): the value counts units of 1024^e bytes.
 * set_dlimit leaves any field equal to %CDLIM_KEEP unchanged;
 * %CDLIM_INFINITY means no limit.
 */
/* clang-format off */
#define CDLIM_UNSET		0U
#define CDLIM_INFINITY		0xFFFFFFFFU
#define CDLIM_KEEP		0xFFFFFFFEU

#define DLIME_UNIT		0
#define DLIME_KILO		1
#define DLIME_MEGA		2
#define DLIME_GIGA		3

#define DLIMF_SHIFT		0x10

#define DLIMS_USED		0
#define DLIMS_TOTAL		2
/* clang-format on */

/**
 * struct vcmd_dlimit_base_v0 - Which disk limit
 * @name: a path on the filesystem
 * @flags: no flag is defined; 0
 *
 * Read by add_dlimit (``EEXIST`` if the limit exists) and rem_dlimit
 * (``ESRCH`` if it does not).  The size differs with the pointer: 16 bytes
 * on x86_64, 8 on i386.
 */
struct vcmd_dlimit_base_v0 {
	const char __user *name;
	__u32 flags;
};

/**
 * struct vcmd_dlimit_v0 - A disk limit
 * @name: a path on the filesystem
 * @space_used: space in use
 * @space_total: space allowed
 * @inodes_used: inodes in use
 * @inodes_total: inodes allowed
 * @reserved: percentage of the space kept for root, 0 to 100
 * @flags: %DLIMF_SHIFT and the units (see `Disk limits`_)
 *
 * Read by set_dlimit; get_dlimit reads @name and @flags and writes the rest.
 * ``ESRCH`` if the limit does not exist; set_dlimit: ``EINVAL`` if @reserved
 * is above 100 or a used value exceeds its total.  The size differs with the
 * pointer: 32 bytes on x86_64, 28 on i386.
 */
struct vcmd_dlimit_v0 {
	const char __user *name;
	__u32 space_used;
	__u32 space_total;
	__u32 inodes_used;
	__u32 inodes_total;
	__u32 reserved;
	__u32 flags;
};

/**
 * DOC: vserver_devmap
 *
 * Device mapping
 * ~~~~~~~~~~~~~~
 *
 * Device rules decide which device nodes tasks of a context may create and
 * open, and may remap a device to another.  set_mapping and unset_mapping
 * take the context as @id, 0 for the global default.  They are optional:
 * without device mapping support they fail with ``ENOSYS``, and by default
 * block and character devices may be opened.
 *
 * - %DATTR_CREATE: the device node may be created.
 * - %DATTR_OPEN: the device may be opened.
 * - %DATTR_REMAP: the device is replaced by the target's device.
 */
/* clang-format off */
#define DATTR_CREATE		0x00000001
#define DATTR_OPEN		0x00000002
#define DATTR_REMAP		0x00000010
#define DATTR_MASK		0x00000013
/* clang-format on */

/**
 * struct vcmd_set_mapping_v0 - A device rule
 * @device: path of a device node whose device (number and type) the rule is
 *          for, or NULL to set the default of @target's device type
 * @target: path of the device node to remap to, or NULL
 * @flags: DATTR_* values
 *
 * Read by set_mapping and unset_mapping (``ENOENT`` for no such rule).  The
 * size differs with the pointers: 24 bytes on x86_64, 12 on i386.
 */
struct vcmd_set_mapping_v0 {
	const char __user *device;
	const char __user *target;
	__u32 flags;
};

#endif /* _UAPI_LINUX_VSERVER_INODE_H */
