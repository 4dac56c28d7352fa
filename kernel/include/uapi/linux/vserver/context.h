/* SPDX-License-Identifier: GPL-2.0 WITH Linux-syscall-note */
/*
 * Linux-VServer - User space API: contexts (xid)
 *
 * Copyright (C) 2026 The vserver authors
 */

#ifndef _UAPI_LINUX_VSERVER_CONTEXT_H
#define _UAPI_LINUX_VSERVER_CONTEXT_H

#include <linux/types.h>

/**
 * DOC: vserver_ids
 *
 * Context ids
 * ~~~~~~~~~~~
 *
 * Context ids (xid) and network context ids (nid) follow the same rules:
 *
 * - %VX_ID_HOST (0): the host.  Host tasks belong to no context structure;
 *   only they may issue ``ADMIN`` commands.
 * - %VX_ID_SPECTATOR (1): the spectator, entered only by ctx_migrate or
 *   net_migrate with id 1, and only from the host.  It sees every process and
 *   every context but may act on none.  It has no context structure either.
 * - %VX_ID_STATIC_MIN to %VX_ID_STATIC_MAX: the ids util-vserver documents for
 *   guests.
 * - up to %VX_ID_CREATE_MAX: the highest id ctx_create and net_create accept.
 *   The kernel never picks an id itself (%VCI_KCBIT_NO_DYNAMIC), so
 *   0xFFFFFFFF ("dynamic") fails with ``EINVAL``.
 * - negative ids, as a lookup: the caller's own context.
 */
/* clang-format off */
#define VX_ID_HOST		0
#define VX_ID_SPECTATOR		1
#define VX_ID_STATIC_MIN	2
#define VX_ID_STATIC_MAX	49151
#define VX_ID_CREATE_MAX	65535
/* clang-format on */

/**
 * DOC: vserver_cflags
 *
 * Context flags
 * ~~~~~~~~~~~~~
 *
 * A context's flags are a 64-bit word (get_cflags, set_cflags, ctx_create).
 * The kernel stores any bit it is given; these have a meaning:
 *
 * - %VXF_INFO_PRIVATE: nobody may enter the context's spaces, nor migrate
 *   into it once it has left setup (``EACCES``).
 * - %VXF_INFO_INIT: "fake init": in a context that shares the host's pid
 *   namespace, its tasks see its init process as pid 1 (getpid(2),
 *   getppid(2), /proc readdir), and pid 1 names that process (kill(2) and
 *   every call that takes a pid, /proc/1).  The host sees real numbers.  In
 *   a pid namespace of its own a guest's init is pid 1 anyway.
 * - %VXF_INFO_HIDE: the context's tasks do not see its /proc/virtual/XID
 *   directory either (they never see another context's).
 * - %VXF_VIRT_MEM: sysinfo(2) and /proc/meminfo report the memory of the
 *   context's memory cgroup.
 * - %VXF_VIRT_UPTIME: uptime and process start times count from the creation
 *   of the context.
 * - %VXF_VIRT_CPU: CPU statistics are the context's own.
 * - %VXF_VIRT_LOAD: the load average is the context's own.
 * - %VXF_VIRT_TIME: the context has its own clock offset
 *   (&vcmd_virt_stat_v0.offset).
 * - %VXF_HIDE_MOUNT: the context's tasks read /proc/PID/mounts, mountinfo
 *   and mountstats without the host's side: mounts outside their root are
 *   skipped (as Linux does for any chroot), the mount at their root comes
 *   from "/dev/root", and mountinfo gives every mount's root within its
 *   filesystem as "/" (not the host directory a bind mount comes from).
 * - %VXF_HIDE_VINFO: /proc/PID/status of the context's tasks lacks the VxID
 *   and NxID lines.
 * - %VXF_STATE_SETUP: the context is being set up, so that ``SETUP`` commands
 *   work from inside it.
 * - %VXF_STATE_INIT: no init process designated yet.  Clearing it from a task
 *   inside the context makes that task the context's init and child reaper.
 * - %VXF_STATE_ADMIN: the host may administer the context (migrate into it,
 *   enter its spaces, change it).
 * - %VXF_SC_HELPER: run the vshelper when the context starts and ends.
 * - %VXF_REBOOT_KILL: a restart, halt or power-off reboot(2) inside the guest
 *   kills all its tasks.
 * - %VXF_PERSISTENT: the context survives without tasks.  Setting it takes a
 *   reference; clearing it drops that reference, which ends a context that
 *   has no tasks left.
 * - %VXF_IGNEG_NICE: requests for a negative nice value are ignored, without
 *   error.
 *
 * Legacy bits, stored and reported but without effect: %VXF_INFO_LOCK,
 * %VXF_INFO_SCHED, %VXF_INFO_NPROC, %VXF_INFO_ULIMIT, %VXF_INFO_NSPACE,
 * %VXF_SCHED_HARD, %VXF_SCHED_PRIO, %VXF_SCHED_PAUSE, %VXF_FORK_RSS,
 * %VXF_PROLIFIC, %VXF_IGNEG_IONICE (util-vserver only), and %VXF_HIDE_NETIF,
 * which util-vserver still sets: interfaces are hidden by %NXF_HIDE_NETIF.
 *
 * The STATE bits (%VXF_ONE_TIME) can only be cleared: set_cflags ignores a
 * request to set one again.  A context starts with %VXF_INIT_SET unless
 * ctx_create gives other flags.
 */
/* clang-format off */
#define VXF_INFO_LOCK		0x0000000000000001ULL
#define VXF_INFO_SCHED		0x0000000000000002ULL
#define VXF_INFO_NPROC		0x0000000000000004ULL
#define VXF_INFO_PRIVATE	0x0000000000000008ULL
#define VXF_INFO_INIT		0x0000000000000010ULL
#define VXF_INFO_HIDE		0x0000000000000020ULL
#define VXF_INFO_ULIMIT		0x0000000000000040ULL
#define VXF_INFO_NSPACE		0x0000000000000080ULL
#define VXF_SCHED_HARD		0x0000000000000100ULL
#define VXF_SCHED_PRIO		0x0000000000000200ULL
#define VXF_SCHED_PAUSE		0x0000000000000400ULL
#define VXF_VIRT_MEM		0x0000000000010000ULL
#define VXF_VIRT_UPTIME		0x0000000000020000ULL
#define VXF_VIRT_CPU		0x0000000000040000ULL
#define VXF_VIRT_LOAD		0x0000000000080000ULL
#define VXF_VIRT_TIME		0x0000000000100000ULL
#define VXF_HIDE_MOUNT		0x0000000001000000ULL
#define VXF_HIDE_NETIF		0x0000000002000000ULL
#define VXF_HIDE_VINFO		0x0000000004000000ULL
#define VXF_STATE_SETUP		0x0000000100000000ULL
#define VXF_STATE_INIT		0x0000000200000000ULL
#define VXF_STATE_ADMIN		0x0000000400000000ULL
#define VXF_SC_HELPER		0x0000001000000000ULL
#define VXF_REBOOT_KILL		0x0000002000000000ULL
#define VXF_PERSISTENT		0x0000004000000000ULL
#define VXF_FORK_RSS		0x0001000000000000ULL
#define VXF_PROLIFIC		0x0002000000000000ULL
#define VXF_IGNEG_NICE		0x0010000000000000ULL
#define VXF_IGNEG_IONICE	0x0020000000000000ULL

#define VXF_ONE_TIME		(VXF_STATE_SETUP | VXF_STATE_INIT | VXF_STATE_ADMIN)
#define VXF_INIT_SET		(VXF_STATE_SETUP | VXF_STATE_INIT | VXF_STATE_ADMIN)
/* clang-format on */

/**
 * DOC: vserver_ccaps
 *
 * Context capabilities
 * ~~~~~~~~~~~~~~~~~~~~
 *
 * A context capability (get_ccaps, set_ccaps) lets guest root, a task of the
 * context with effective uid 0, do one thing that Linux guards with a broad
 * capability the context's bounding set removes (mostly CAP_SYS_ADMIN).
 * Without the context capability the operation fails with ``EPERM``, even for
 * guest root.
 *
 * What this kernel does with each (those marked "Stored" are kept and
 * reported, and grant nothing yet):
 *
 * - %VXC_SET_UTSNAME: sethostname(2) and setdomainname(2), in a uts
 *   namespace of the guest's own (never the host's).  Implemented.
 * - %VXC_TIOCSTI: the TIOCSTI ioctl, on any terminal, as CAP_SYS_ADMIN
 *   would allow.  Without it a guest task gets ``EPERM`` for TIOCSTI
 *   whatever dev.tty.legacy_tiocsti says.  Implemented.
 * - %VXC_SET_RLIMIT: raising hard resource limits (setrlimit(2),
 *   prlimit(2)) as CAP_SYS_RESOURCE would, up to fs.nr_open.  Implemented.
 * - %VXC_FS_SECURITY: ``security.*`` extended attributes.  Stored.
 * - %VXC_FS_TRUSTED: ``trusted.*`` extended attributes.  Stored.
 * - %VXC_SYSLOG: syslog(2), /dev/kmsg, /proc/kmsg (the host's kernel log).
 *   Without it every task of the context gets ``EPERM`` there, whatever
 *   dmesg_restrict says; with it guest root may as CAP_SYSLOG would.
 *   Implemented.
 * - %VXC_OOM_ADJUST: changing OOM score adjustments.  Stored.
 * - %VXC_AUDIT_CONTROL: audit control.  Stored.
 * - %VXC_SECURE_MOUNT: mount(2), umount(2), pivot_root(2) and the new mount
 *   API (fsopen, fsmount, move_mount, open_tree) in a mount namespace of
 *   the guest's own (never the host's).  New filesystems only of the types
 *   private to the guest: tmpfs, ramfs, proc, devpts, mqueue (never sysfs,
 *   cgroup, devtmpfs, debugfs, ...); bind and move mounts of what it sees.
 *   Superblock remounts stay refused (a guest's root is a host
 *   filesystem).  Implemented.
 * - %VXC_DEV_MOUNT: a guest's new mounts ignore device nodes (nodev, devpts
 *   excepted) unless its context holds this; with %VXC_SECURE_MOUNT it also
 *   allows filesystems on a block device (the guest needs a device node it
 *   may open).  Implemented.
 * - %VXC_BINARY_MOUNT: with %VXC_SECURE_MOUNT, filesystems with binary or
 *   network mount data (nfs, coda).  Their kernel sockets are not the
 *   guest's: its network context's address rules do not bind them.
 *   Implemented.
 * - %VXC_QUOTA_CTL: the privileged quotactl(2) commands (setting limits,
 *   quota on/off) as CAP_SYS_ADMIN would.  Implemented.
 * - %VXC_ADMIN_MAPPER: /dev/mapper/control.  Without it every task of the
 *   context gets ``EPERM`` for its ioctls whatever the node's mode; with it
 *   guest root passes device-mapper's CAP_SYS_ADMIN check.  Implemented.
 * - %VXC_ADMIN_CLOOP: loop devices: /dev/loop-control and the loop ioctls
 *   that attach, detach or change a loop device (reading its status is
 *   free).  Without it ``EPERM`` for every task of the context.
 *   Implemented.
 * - %VXC_KTHREAD: an io_uring SQPOLL thread, the kernel thread a task can
 *   have created to poll on its behalf (Linux has no other way for a task
 *   to start a kernel thread).  Without it ``EPERM`` for every task of the
 *   context.  Implemented.
 * - %VXC_NAMESPACE: new namespaces (clone(2), unshare(2)) as CAP_SYS_ADMIN
 *   would allow, still only the kinds of the context's unshare mask.
 *   Implemented.
 *
 * Legacy, without effect: %VXC_RAW_ICMP (now %NXC_RAW_ICMP) and
 * %VXC_SECURE_REMOUNT.  util-vserver still accepts both names.
 */
/* clang-format off */
#define VXC_SET_UTSNAME		0x00000001ULL
#define VXC_SET_RLIMIT		0x00000002ULL
#define VXC_FS_SECURITY		0x00000004ULL
#define VXC_FS_TRUSTED		0x00000008ULL
#define VXC_TIOCSTI		0x00000010ULL
#define VXC_RAW_ICMP		0x00000100ULL
#define VXC_SYSLOG		0x00001000ULL
#define VXC_OOM_ADJUST		0x00002000ULL
#define VXC_AUDIT_CONTROL	0x00004000ULL
#define VXC_SECURE_MOUNT	0x00010000ULL
#define VXC_SECURE_REMOUNT	0x00020000ULL
#define VXC_BINARY_MOUNT	0x00040000ULL
#define VXC_DEV_MOUNT		0x00080000ULL
#define VXC_QUOTA_CTL		0x00100000ULL
#define VXC_ADMIN_MAPPER	0x00200000ULL
#define VXC_ADMIN_CLOOP		0x00400000ULL
#define VXC_KTHREAD		0x01000000ULL
#define VXC_NAMESPACE		0x02000000ULL
/* clang-format on */

/**
 * DOC: vserver_bcaps
 *
 * Bounding capabilities
 * ~~~~~~~~~~~~~~~~~~~~~
 *
 * A context's bounding capabilities (get_bcaps, set_bcaps) are a 64-bit map:
 * bit n is Linux capability n, and bit 63 is CAP_CONTEXT, which vserver(2)
 * requires (see the permission checks).  A new context has every bit set.
 *
 * A masked capability is gone, not hidden: a task entering the context loses
 * it from its bounding, permitted, effective, inheritable and ambient sets,
 * so capget(2) and /proc/PID/status tell the truth and no exec of a setuid or
 * file-capability program brings it back.
 */

/**
 * DOC: vserver_umask
 *
 * Unshare and warning masks
 * ~~~~~~~~~~~~~~~~~~~~~~~~~
 *
 * The unshare mask (get_umask, set_umask) holds the ``CLONE_NEW*`` bits of
 * <linux/sched.h> that tasks of the context may pass to clone(2) and
 * unshare(2): a task that holds the capability the namespace needs may create
 * it if every requested bit is in the mask, else ``EPERM`` (user namespaces
 * too, which need no capability).  Enforced once the context's setup has
 * ended; the host is not bound by it.  A new context has an empty mask.
 *
 * The warning mask (get_wmask, set_wmask) selects which warnings the kernel
 * logs about the context.  Empty at creation.
 */

/**
 * DOC: vserver_spaces
 *
 * Spaces
 * ~~~~~~
 *
 * A context has %VSERVER_SPACE_SLOTS space slots (index 0 and 1).  A slot
 * holds namespaces (mount, uts, ipc, user, pid for children, net), a copy of
 * a root and working directory, saved credentials, and the mask of the
 * ``CLONE_*`` bits stored so far.  Masks use the bits of <linux/sched.h>:
 * CLONE_FS (0x00000200: root and working directory), CLONE_NEWNS, CLONE_NEWUTS,
 * CLONE_NEWIPC, CLONE_NEWUSER, CLONE_NEWPID and CLONE_NEWNET.
 *
 * - set_space stores the **caller's** namespaces for each bit of the mask into
 *   the slot (keeping the others), copies its root and working directory for
 *   CLONE_FS and its credentials for CLONE_NEWUSER.  The mask must be within
 *   %VSERVER_SPACE_MASK_FULL, else ``EINVAL``.
 * - enter_space replaces, in the caller, each namespace whose bit is in the
 *   mask by the one stored in the slot; CLONE_FS gives the caller a private
 *   copy of the stored root and working directory, CLONE_NEWUSER the stored
 *   credentials.  Mask 0 means the whole stored mask; a bit not stored is
 *   ``EINVAL``.  ``EACCES`` if the context has %VXF_INFO_PRIVATE.
 * - the uts namespace of slot 0 is the one get_vhi_name and set_vhi_name use.
 *
 * %VSERVER_SPACE_MASK_V0 is what get_space_mask_v0 reports,
 * %VSERVER_SPACE_MASK_FULL what get_space_mask reports, and
 * %VSERVER_SPACE_DEFAULT what get_space_default reports (what a guest gets by
 * default), all on a kernel with every namespace type built in.
 */
/* clang-format off */
#define VSERVER_SPACE_SLOTS	2
/* FS | NEWNS | NEWUTS | NEWIPC | NEWUSER */
#define VSERVER_SPACE_MASK_V0	0x1C020200
/* VSERVER_SPACE_MASK_V0 | NEWPID | NEWNET */
#define VSERVER_SPACE_MASK_FULL	0x7C020200
/* FS | NEWNS | NEWUTS | NEWIPC */
#define VSERVER_SPACE_DEFAULT	0x0C020200
/* clang-format on */

/*
 * Fields of &struct vcmd_vhi_name_v0: the context name, then the members of
 * the uts namespace (struct new_utsname) of space slot 0.
 */
/* clang-format off */
#define VHIN_CONTEXT		0
#define VHIN_SYSNAME		1
#define VHIN_NODENAME		2
#define VHIN_RELEASE		3
#define VHIN_VERSION		4
#define VHIN_MACHINE		5
#define VHIN_DOMAINNAME		6
/* clang-format on */

/*
 * ctx_migrate flags (&struct vcmd_ctx_migrate), applied once the caller is in
 * the context:
 *
 * - %VXM_SET_INIT: the caller becomes the context's init process (the init
 *   pid), and %VXF_STATE_INIT is cleared.
 * - %VXM_SET_REAPER: the caller becomes the child reaper of the context.
 */
/* clang-format off */
#define VXM_SET_INIT		0x00000001ULL
#define VXM_SET_REAPER		0x00000002ULL
/* clang-format on */

/**
 * DOC: vserver_vshelper
 *
 * The vshelper
 * ~~~~~~~~~~~~
 *
 * The kernel runs the program named in /proc/sys/kernel/vshelper (default
 * /sbin/vshelper) as ``vshelper ACTION XID`` with ``HOME=/``,
 * ``TERM=linux``, ``PATH=/sbin:/usr/sbin:/bin:/usr/bin`` and ``VS_CMD`` set to
 * the event as 8 lowercase hex digits:
 *
 * - ``startup`` (%VS_CMD_STARTUP), synchronously, when ctx_create makes a
 *   context with %VXF_SC_HELPER; failure makes ctx_create fail with
 *   ``ENOEXEC``.
 * - ``shutdown`` (%VS_CMD_SHUTDOWN), synchronously, when such a context ends.
 * - ``netup`` (%VS_CMD_NETUP) and ``netdown`` (%VS_CMD_NETDOWN): likewise for
 *   network contexts with %NXF_SC_HELPER.
 * - ``restart``, ``halt``, ``poweroff``, ``swsusp``: reboot(2) inside a guest,
 *   with its LINUX_REBOOT_CMD_* value of <linux/reboot.h>, plus ``VS_UID``
 *   and ``VS_PID`` of the caller.  The host is never rebooted; the command is
 *   recorded for wait_exit.  Other reboot commands run no helper.
 * - ``oom`` (%VS_CMD_OOM).
 */
/* clang-format off */
#define VS_CMD_STARTUP		0x00000001
#define VS_CMD_SHUTDOWN		0x00000002
#define VS_CMD_NETUP		0x00000003
#define VS_CMD_NETDOWN		0x00000004
#define VS_CMD_OOM		0xDEADBEEF
/* clang-format on */

/**
 * struct vcmd_vx_info_v0 - Identity of a context
 * @xid: the context's id
 * @initpid: pid of its init process, 0 while none is designated
 *
 * Written by vx_info.
 */
struct vcmd_vx_info_v0 {
	__u32 xid;
	__u32 initpid;
};

/**
 * struct vcmd_ctx_stat_v0 - Counters of a context
 * @usecnt: references held on the context
 * @tasks: tasks in the context
 *
 * Written by ctx_stat.
 */
struct vcmd_ctx_stat_v0 {
	__u32 usecnt;
	__u32 tasks;
};

/**
 * struct vcmd_ctx_create - Flags of a new context
 * @flagword: the context's flags (VXF_*), exactly
 *
 * Read by ctx_create (v1).  Without it (NULL) the flags are %VXF_INIT_SET.
 * A new context has all bounding capabilities, no context capabilities, empty
 * unshare and warning masks, no badness, no init and empty spaces.
 *
 * Errors besides the dispatcher's: ``EINVAL`` for an id outside
 * %VX_ID_STATIC_MIN..%VX_ID_CREATE_MAX; ``EBUSY`` if the context exists and
 * is in setup, ``EEXIST`` if it exists otherwise; ``ENOEXEC`` if the startup
 * helper failed.
 */
struct vcmd_ctx_create {
	__u64 flagword;
};

/**
 * struct vcmd_ctx_migrate - How the caller joins a context
 * @flagword: VXM_* flags; util-vserver always passes 0
 *
 * Read by ctx_migrate (v1); ctx_migrate_v0 behaves as with 0.  The task's
 * counters (threads, processes, open files, dentries) move with it.
 *
 * Errors besides the dispatcher's: ``EACCES`` if the context has
 * %VXF_INFO_PRIVATE and has left setup; ``EFAULT`` if it is ending.
 */
struct vcmd_ctx_migrate {
	__u64 flagword;
};

/**
 * struct vcmd_flags_v0 - Masked access to a flag word
 * @flagword: get: the flags; set: new values for the bits in @mask
 * @mask: get: the bits that can still change (all but the one-time bits
 *        already cleared); set: the bits to change
 *
 * Taken by get_cflags and set_cflags (VXF_* flags), and by get_nflags and
 * set_nflags (NXF_* flags).  One-time bits can only be cleared.
 */
struct vcmd_flags_v0 {
	__u64 flagword;
	__u64 mask;
};

/**
 * struct vcmd_caps_v0 - Bounding and context capabilities (legacy)
 * @bcaps: bounding capabilities
 * @ccaps: context capabilities (VXC_*)
 * @cmask: the context capabilities to change
 *
 * Taken by get_ccaps_v0 and set_ccaps_v0, which are not implemented: use
 * &struct vcmd_caps_v1 and &struct vcmd_bcaps.
 */
struct vcmd_caps_v0 {
	__u64 bcaps;
	__u64 ccaps;
	__u64 cmask;
};

/**
 * struct vcmd_caps_v1 - Masked access to the context capabilities
 * @ccaps: get: the VXC_* capabilities; set: new values for the bits in @cmask
 * @cmask: get: all ones; set: the bits to change
 *
 * Taken by get_ccaps and set_ccaps.
 */
struct vcmd_caps_v1 {
	__u64 ccaps;
	__u64 cmask;
};

/**
 * struct vcmd_bcaps - Masked access to the bounding capabilities
 * @bcaps: get: the bounding capabilities; set: new values for the bits in
 *         @bmask
 * @bmask: get: all ones; set: the bits to change
 *
 * Taken by get_bcaps and set_bcaps.
 */
struct vcmd_bcaps {
	__u64 bcaps;
	__u64 bmask;
};

/**
 * struct vcmd_umask - Masked access to the unshare mask
 * @umask: get: the ``CLONE_NEW*`` bits allowed; set: new values for the bits
 *         in @mask
 * @mask: get: all ones; set: the bits to change
 *
 * Taken by get_umask and set_umask.
 */
struct vcmd_umask {
	__u64 umask;
	__u64 mask;
};

/**
 * struct vcmd_wmask - Masked access to the warning mask
 * @wmask: get: the warning mask; set: new values for the bits in @mask
 * @mask: get: all ones; set: the bits to change
 *
 * Taken by get_wmask and set_wmask.
 */
struct vcmd_wmask {
	__u64 wmask;
	__u64 mask;
};

/**
 * struct vcmd_badness_v0 - OOM score bias
 * @bias: added to the OOM score of the context's tasks
 *
 * Taken by get_badness and set_badness.
 */
struct vcmd_badness_v0 {
	__s64 bias;
};

/**
 * struct vcmd_vhi_name_v0 - One name of a context
 * @field: which name, VHIN_*
 * @name: the name; exactly 65 bytes are copied in either direction
 *
 * Taken by get_vhi_name (@field in, @name out) and set_vhi_name (both in).
 * %VHIN_CONTEXT is a string kept in the context itself (util-vserver stores
 * the guest's configuration directory there); the other fields are members of
 * the uts namespace stored in space slot 0.  ``EINVAL`` for an unknown
 * @field, or a uts field while slot 0 holds no namespaces.  Userspace
 * NUL-terminates @name.
 */
struct vcmd_vhi_name_v0 {
	__u32 field;
	char name[65];
};

/**
 * struct vcmd_space_mask_v1 - A set of namespace kinds
 * @mask: ``CLONE_*`` bits (see `Spaces`_)
 *
 * Written by get_space_mask, get_space_mask_v0 and get_space_default; read
 * by set_space_v1 and enter_space_v1, which act on space slot 0.
 */
struct vcmd_space_mask_v1 {
	__u64 mask;
};

/**
 * struct vcmd_space_mask_v2 - A set of namespace kinds of one space slot
 * @mask: ``CLONE_*`` bits (see `Spaces`_); for enter_space, 0 means every
 *        kind the slot holds
 * @index: the slot, below %VSERVER_SPACE_SLOTS, else ``EINVAL``
 *
 * Read by set_space and enter_space.  The size differs: 16 bytes on x86_64
 * (tail padding), 12 on i386.  Only @mask and @index are interpreted.
 */
struct vcmd_space_mask_v2 {
	__u64 mask;
	__u32 index;
};

/**
 * struct vcmd_ctx_kill_v0 - Signal tasks of a context
 * @pid: which tasks: 0, every task of the context; -1, every task but its
 *       init; 1, its init process (or global pid 1, which never matches, when
 *       it has none); above 1, that global pid if it belongs to the context
 * @sig: the signal
 *
 * Read by ctx_kill.  The context need not have %VXF_STATE_ADMIN, but without
 * it the call fails with ``EACCES`` when @pid > 1, or @pid < 1 while the
 * context has an init; and a signal to its init is turned into SIGINT while
 * the context has other tasks.  Returns ``ESRCH`` if no task matched (or
 * every send failed with ``EPERM``), else the result of the last send that
 * did not fail with ``EPERM``.
 */
struct vcmd_ctx_kill_v0 {
	__s32 pid;
	__s32 sig;
};

/**
 * struct vcmd_wait_exit_v0 - How a context ended
 * @reboot_cmd: the last reboot(2) command issued inside the guest, 0 if none
 * @exit_code: the last exit code recorded (init's, or the last task's)
 *
 * Written by wait_exit, which sleeps until the context has ended and no
 * vshelper runs for it.  The context must exist when the call starts
 * (``ESRCH``).  A signal interrupts the wait with ``ERESTARTSYS`` (restarted,
 * or ``EINTR``); the structure is written then too.
 */
struct vcmd_wait_exit_v0 {
	__s32 reboot_cmd;
	__s32 exit_code;
};

/**
 * struct vcmd_virt_stat_v0 - Virtualized statistics of a context
 * @offset: clock offset in ns (%VXF_VIRT_TIME), else 0
 * @uptime: ns since the context was created
 * @nr_threads: threads
 * @nr_running: running tasks
 * @nr_uninterruptible: tasks in uninterruptible sleep
 * @nr_onhold: tasks on hold
 * @nr_forks: forks since creation
 * @load: 1, 5 and 15 minute load averages, fixed point with 11 fraction bits
 *
 * Written by virt_stat.
 */
struct vcmd_virt_stat_v0 {
	__u64 offset;
	__u64 uptime;
	__u32 nr_threads;
	__u32 nr_running;
	__u32 nr_uninterruptible;
	__u32 nr_onhold;
	__u32 nr_forks;
	__u32 load[3];
};

/**
 * struct vcmd_prio_bias - Scheduling priority bias
 * @cpu_id: the cpu; for set_prio_bias, -1 means every online cpu
 * @prio_bias: added to the priority of the context's tasks, -20 to 20 (set
 *             clamps)
 *
 * Read by set_prio_bias; get_prio_bias reads @cpu_id (``EINVAL`` unless a
 * valid cpu) and writes @prio_bias.
 */
struct vcmd_prio_bias {
	__s32 cpu_id;
	__s32 prio_bias;
};

/**
 * struct vcmd_read_history_v0 - Where to copy context history entries
 * @index: first entry
 * @count: number of entries
 * @data: user buffer for them; the entry format is private to the kernel
 *
 * Read by read_history.  The size differs with the pointer: 16 bytes on
 * x86_64, 12 on i386.
 */
struct vcmd_read_history_v0 {
	__u32 index;
	__u32 count;
	void __user *data;
};

#endif /* _UAPI_LINUX_VSERVER_CONTEXT_H */
