/* SPDX-License-Identifier: GPL-2.0 WITH Linux-syscall-note */
/*
 * Linux-VServer - User space API: the vserver system call and its commands
 *
 * Copyright (C) 2026 The vserver authors
 */

#ifndef _UAPI_LINUX_VSERVER_SWITCH_H
#define _UAPI_LINUX_VSERVER_SWITCH_H

/**
 * DOC: vserver_syscall
 *
 * The system call
 * ~~~~~~~~~~~~~~~
 *
 * ``long vserver(__u32 cmd, __u32 id, void *data)`` is system call
 * %VSERVER_SYSCALL_X86_64 on x86_64 and %VSERVER_SYSCALL_I386 on i386 (also
 * for i386 programs on an x86_64 kernel): the slots mainline reserves for
 * Linux-VServer.  It takes exactly three arguments:
 *
 * - @cmd: a command word built by VC_CMD() from a category, a command number
 *   and a version.  The kernel matches the whole word, so each version of a
 *   command is a command of its own, with its own data layout.  The bits of
 *   %VC_CMD_RESERVED_MASK are zero in every command word.
 * - @id: what the command acts on: a context id (xid), a network context id
 *   (nid), a filesystem tag, a pid, a file descriptor, the id of a context to
 *   create, or nothing; each command below says which.
 * - @data: the command's structure (read, written, or both), or NULL for a
 *   command that takes none.
 *
 * Although @id is unsigned, the kernel reads it as a signed int when it names
 * a context or a network context: **any negative value names the caller's own
 * context** (util-vserver passes 0xFFFFFFFE, "self").  The host (0) and the
 * spectator (1) have no context structure, so looking them up fails.
 *
 * Return value: 0 on success, except for the commands that return a value:
 * get_version (%VCI_VERSION), get_vci (the VCI bits), task_xid, task_nid and
 * task_tag (the id), ctx_create and net_create (the new id), ctx_migrate and
 * net_migrate with @id 1 (1), and net_add v0 (the number of addresses added).
 * Errors are returned as a negative errno (``-1`` and ``errno`` through
 * libc's syscall()).  A command word that the kernel does not know, or whose
 * support it was built without, fails with ``ENOSYS``.
 */

/**
 * DOC: vserver_permissions
 *
 * Permission checks
 * ~~~~~~~~~~~~~~~~~
 *
 * Each command has a fixed privilege level (0 to 9), a target kind and flags,
 * given after each command word below as ``[level, target, flags]``.
 *
 * Targets: ``VXI``, @id names a context that the dispatcher looks up;
 * ``NXI``, @id names a network context that the dispatcher looks up; any
 * other target (``xid``, ``nid``, ``tag``, ``pid``, ``fd``, ``-``) is left to
 * the command.
 *
 * Flags:
 *
 * - ``INFO``: the command only reports state.
 * - ``ADMIN``: the command administers its target.  Only host tasks (xid 0)
 *   may issue it, and a target context must still have %VXF_STATE_ADMIN
 *   (%NXF_STATE_ADMIN for a network context).
 * - ``ARES``: ``ADMIN``, for a command that changes resources or settings.
 * - ``SETUP``: the ``ADMIN`` command may also be issued by a task whose own
 *   context is still being set up (%VXF_STATE_SETUP).
 * - ``ZIDOK``: @id 0 is accepted and means "no context": the command acts on
 *   the global defaults.
 *
 * The dispatcher checks, in this order (the order and the errors are ABI):
 *
 * 1. ``ENOSYS``: the command word is unknown or not built in.
 * 2. ``ENOSYS`` (not ``EPERM``): the caller lacks CAP_CONTEXT.  This
 *    vserver-only capability is bit 63 of a context's bounding capabilities
 *    (&struct vcmd_bcaps); host tasks always hold it.  Userspace tells "no
 *    vserver kernel" from "not allowed" by ``ENOSYS`` against ``EPERM``.
 * 3. ``EPERM``: the level is above 1 and the caller lacks CAP_SYS_ADMIN.
 * 4. ``EPERM``: the command is ``ADMIN`` or ``ARES`` and the caller lacks
 *    CAP_SYS_RESOURCE.
 * 5. ctx_migrate (v0 and v1) and net_migrate with @id 1: ``EPERM`` unless the
 *    caller is a host task (xid 0), whatever the state of its context;
 *    otherwise the caller enters the spectator context (xid or nid 1) and
 *    the call returns 1.  No lookup takes place.
 * 6. ``EPERM``: the command is ``ADMIN``, the caller is not a host task, and
 *    the command is not ``SETUP`` or the caller's context has left setup.
 * 7. ``ZIDOK`` and @id 0: no lookup, go to step 10.
 * 8. Target ``VXI``: ``ESRCH`` if no live context has that id (always so for
 *    0 and 1); ``EACCES`` if the command is ``ADMIN``, is not ctx_kill, and
 *    the context lacks %VXF_STATE_ADMIN.
 * 9. Target ``NXI``: likewise with network contexts and %NXF_STATE_ADMIN.
 * 10. The command runs, with its own checks and errors.
 *
 * A guest that left setup normally lacks CAP_SYS_ADMIN and CAP_SYS_RESOURCE
 * (util-vserver removes them from its bounding capabilities), so only the
 * level 0 commands still work from inside it.
 */

/*
 * System call numbers of vserver(2).  The i386 number is also the one of i386
 * programs running on an x86_64 kernel.
 */
#define VSERVER_SYSCALL_X86_64 236
#define VSERVER_SYSCALL_I386 273

/**
 * DOC: vserver_command_word
 *
 * Command words
 * ~~~~~~~~~~~~~
 *
 * ====== ===== ==================================================
 * Bits   Width Field
 * ====== ===== ==================================================
 * 31..30 2     reserved, zero
 * 29..24 6     category (VC_CAT_*), VC_CATEGORY()
 * 23..16 8     command number within the category, VC_COMMAND()
 * 15..12 4     reserved, zero
 * 11..0  12    version of the command, VC_VERSION()
 * ====== ===== ==================================================
 *
 * VC_CMD() takes the category as the suffix of its VC_CAT_ name, e.g.
 * ``VC_CMD(VERSION, 0, 0)``, and yields an unsigned int that can also be used
 * in ``#if`` and ``case`` labels.
 */
/* clang-format off */
#define VC_CAT_VERSION		0	/* version and configuration */
#define VC_CAT_VSETUP		1	/* legacy create_context only */
#define VC_CAT_VHOST		2	/* uts and context names */
#define VC_CAT_DEVICE		6	/* device mapping */
#define VC_CAT_VPROC		9	/* context creation */
#define VC_CAT_PROCALT		10	/* spaces (namespaces) */
#define VC_CAT_PROCMIG		11	/* context migration */
#define VC_CAT_PROCTRL		12	/* signals */
#define VC_CAT_SCHED		14	/* scheduler */
#define VC_CAT_MEMCTRL		20	/* OOM badness */
#define VC_CAT_VNET		25	/* network context creation */
#define VC_CAT_NETALT		26	/* network addresses */
#define VC_CAT_NETMIG		27	/* network context migration */
#define VC_CAT_NETCTRL		28	/* unused */
#define VC_CAT_TAGMIG		35	/* filesystem tag migration */
#define VC_CAT_DLIMIT		36	/* disk limits */
#define VC_CAT_INODE		38	/* inode attributes */
#define VC_CAT_VSTAT		40	/* statistics */
#define VC_CAT_VINFO		46	/* task and context information */
#define VC_CAT_EVENT		48	/* waiting for a context to end */
#define VC_CAT_FLAGS		52	/* flags, capabilities, masks */
#define VC_CAT_VSPACE		54	/* space masks */
#define VC_CAT_DEBUG		56	/* history */
#define VC_CAT_RLIMIT		60	/* context resource limits */
#define VC_CAT_SYSTEST		61	/* unused */
#define VC_CAT_COMPAT		63	/* legacy 1.x commands */

#define VC_CMD(cat, num, ver)						\
	((((VC_CAT_##cat) & 0x3FU) << 24) | (((num) & 0xFFU) << 16) |	\
	 ((ver) & 0xFFFU))

#define VC_CATEGORY(cmd)	(((cmd) >> 24) & 0x3F)
#define VC_COMMAND(cmd)		(((cmd) >> 16) & 0xFF)
#define VC_VERSION(cmd)		((cmd) & 0xFFF)

#define VC_CMD_RESERVED_MASK	0xC000F000U
/* clang-format on */

/*
 * Interface version returned by get_version and shown in /proc/virtual/info:
 * 2.3.8, the last version of the VServer 2.3 command interface.
 */
#define VCI_VERSION 0x00020308

/**
 * DOC: vserver_vci
 *
 * Kernel configuration bits
 * ~~~~~~~~~~~~~~~~~~~~~~~~~
 *
 * get_vci returns a bitmap; these are the bit numbers.  util-vserver chooses
 * its code paths from them, so a kernel reports only what it implements.
 *
 * - %VCI_KCBIT_NO_DYNAMIC: the kernel never chooses context ids itself;
 *   creation needs an explicit id.
 * - %VCI_KCBIT_PROC_SECURE: /proc entries are hidden from guests by default.
 * - %VCI_KCBIT_HARDCPU, %VCI_KCBIT_IDLELIMIT, %VCI_KCBIT_IDLETIME: the
 *   historical token-bucket scheduler; never set.
 * - %VCI_KCBIT_COWBL, %VCI_KCBIT_FULLCOWBL: copy-on-write link breaking
 *   (%IATTR_COW); set together.
 * - %VCI_KCBIT_SPACES: the space commands (set_space, enter_space, ...).
 * - %VCI_KCBIT_NETV2: the v1 and v2 network address commands.
 * - %VCI_KCBIT_MEMCG, %VCI_KCBIT_MEMCG_SWAP: memory cgroup (and swap
 *   accounting) available.  With MEMCG, util-vserver uses cgroup paths.
 * - %VCI_KCBIT_DEBUG: debugging support.
 * - %VCI_KCBIT_HISTORY: the history commands (dump_history, read_history).
 * - %VCI_KCBIT_TAGGED: a 3-bit field, how inodes carry a tag: one of
 *   VCI_TAGGED_*.
 * - %VCI_KCBIT_PPTAG: per-process filesystem tags (tag_migrate).
 * - %VCI_KCBIT_MORE: reserved, zero, so the value is never negative as an
 *   int.
 */
/* clang-format off */
#define VCI_KCBIT_NO_DYNAMIC	0
#define VCI_KCBIT_PROC_SECURE	4
#define VCI_KCBIT_HARDCPU	5
#define VCI_KCBIT_IDLELIMIT	6
#define VCI_KCBIT_IDLETIME	7
#define VCI_KCBIT_COWBL		8
#define VCI_KCBIT_FULLCOWBL	9
#define VCI_KCBIT_SPACES	10
#define VCI_KCBIT_NETV2		11
#define VCI_KCBIT_MEMCG		12
#define VCI_KCBIT_MEMCG_SWAP	13
#define VCI_KCBIT_DEBUG		16
#define VCI_KCBIT_HISTORY	20
#define VCI_KCBIT_TAGGED	24
#define VCI_KCBIT_PPTAG		28
#define VCI_KCBIT_MORE		31

/* Values of the field at VCI_KCBIT_TAGGED, (vci >> 24) & VCI_TAGGED_MASK. */
#define VCI_TAGGED_MASK		0x7
#define VCI_TAGGED_NONE		0	/* no inode tagging */
#define VCI_TAGGED_UID16	1	/* tag in the upper 16 bits of the uid */
#define VCI_TAGGED_GID16	2	/* tag in the upper 16 bits of the gid */
#define VCI_TAGGED_ID24		3	/* 8 bits each in the top of uid and gid */
#define VCI_TAGGED_INTERN	4	/* a separate tag field */
#define VCI_TAGGED_RUNTIME	5
#define VCI_TAGGED_UNKNOWN	7
/* clang-format on */

/**
 * DOC: vserver_commands
 *
 * Commands
 * ~~~~~~~~
 *
 * Each command word is named after its command; where several versions are
 * defined the current one has no suffix and the others carry ``_v<N>``.  Its
 * comment says what it does, its structure (&struct vcmd_<name>, declared in
 * <linux/vserver/context.h>, network.h, inode.h or limit.h) and whether that
 * is read (in), written (out) or both, then ``[level, target, flags]``.
 * Words documented as "not implemented" fail with ``ENOSYS``; they stay
 * reserved so that no new command reuses them.
 */
/* clang-format off */

/* Version and configuration: both work from anywhere, even inside a guest. */

/* Return %VCI_VERSION; @id and @data ignored. [0, -, -] */
#define VCMD_get_version		VC_CMD(VERSION, 0, 0)
/* Return the VCI bits (VCI_KCBIT_*); @id and @data ignored. [0, -, -] */
#define VCMD_get_vci			VC_CMD(VERSION, 1, 0)

/* Context and uts names, VHIN_* fields. */

/* Set one name of the context; vhi_name_v0, in. [7, VXI, ARES SETUP] */
#define VCMD_set_vhi_name		VC_CMD(VHOST, 1, 0)
/* Read one name of the context; vhi_name_v0, in/out. [3, VXI, INFO] */
#define VCMD_get_vhi_name		VC_CMD(VHOST, 2, 0)

/* Device mapping; @id 0 means the global default. Optional (else ENOSYS). */

/* Add a device rule or default; set_mapping_v0, in. [8, VXI, ARES ZIDOK] */
#define VCMD_set_mapping		VC_CMD(DEVICE, 1, 0)
/* Remove a device rule or default; set_mapping_v0, in. [8, VXI, ARES ZIDOK] */
#define VCMD_unset_mapping		VC_CMD(DEVICE, 2, 0)

/*
 * Context creation: @id is the new xid, VX_ID_STATIC_MIN to VX_ID_CREATE_MAX.
 * The caller moves into the new context; the call returns its xid.
 */

/*
 * Create a context with %VXF_INIT_SET and fresh uts and ipc namespaces in
 * space 0 (the original also made a user namespace: spaces keep none in
 * this kernel); no data. [5, xid, -]
 */
#define VCMD_ctx_create_v0		VC_CMD(VPROC, 1, 0)
/* Create a context; ctx_create, in, may be NULL. [5, xid, -] */
#define VCMD_ctx_create			VC_CMD(VPROC, 1, 1)

/*
 * Spaces: the namespaces and root a context keeps for its tasks to enter.
 *
 * A space here holds no user namespace (%CLONE_NEWUSER is not in the masks
 * get_space_mask, get_space_mask_v0 and get_space_default report, and
 * set_space answers ``EINVAL`` for it), a decision, not a gap: the original
 * stored the caller's credentials and enter_space installed them, which
 * here would hand a host task a guest's credentials with the context
 * identity they carry; and the permission check of every command is made
 * in the initial user namespace, so a task inside a child user namespace
 * could not store it anyway.  Guests live in the initial user namespace;
 * their unshare mask decides whether they may make user namespaces.
 */

/* Enter all namespaces stored in space 0; no data. [5, VXI, ADMIN] */
#define VCMD_enter_space_v0		VC_CMD(PROCALT, 1, 0)
/* Enter namespaces of space 0; space_mask_v1, in. [5, VXI, ADMIN] */
#define VCMD_enter_space_v1		VC_CMD(PROCALT, 1, 1)
/* Enter namespaces of a space; space_mask_v2, in. [5, VXI, ADMIN] */
#define VCMD_enter_space		VC_CMD(PROCALT, 1, 2)
/*
 * Store the caller's namespaces in space 0; space_mask_v1, in.
 * [7, VXI, ARES SETUP]
 */
#define VCMD_set_space_v1		VC_CMD(PROCALT, 3, 1)
/*
 * Store the caller's namespaces in a space; space_mask_v2, in.
 * [7, VXI, ARES SETUP]
 */
#define VCMD_set_space			VC_CMD(PROCALT, 3, 2)
/*
 * Namespace kinds of the old API (%VSERVER_SPACE_MASK_V0 without
 * %CLONE_NEWUSER, see above); space_mask_v1, out. [0, -, -]
 */
#define VCMD_get_space_mask_v0		VC_CMD(PROCALT, 4, 0)

/* Migration: the caller moves into context @id; @id 1 is the spectator. */

/* Move into a context; no data. [5, VXI, ADMIN] */
#define VCMD_ctx_migrate_v0		VC_CMD(PROCMIG, 1, 0)
/* Move into a context; ctx_migrate, in. [5, VXI, ADMIN] */
#define VCMD_ctx_migrate		VC_CMD(PROCMIG, 1, 1)

/* Signal tasks of a context; ctx_kill_v0, in. [6, VXI, ARES] */
#define VCMD_ctx_kill			VC_CMD(PROCTRL, 1, 0)

/* Scheduler. */

/* Token-bucket scheduler settings (sched_v5). Not implemented. */
#define VCMD_set_sched			VC_CMD(SCHED, 1, 5)
/* Read token-bucket scheduler settings. Not implemented. */
#define VCMD_get_sched			VC_CMD(SCHED, 2, 5)
/* Per-cpu scheduler usage. Not implemented. */
#define VCMD_sched_info			VC_CMD(SCHED, 3, 0)
/* Set the priority bias; prio_bias, in. [7, VXI, ARES SETUP] */
#define VCMD_set_prio_bias		VC_CMD(SCHED, 4, 0)
/* Read the priority bias of a cpu; prio_bias, in/out. [3, VXI, INFO] */
#define VCMD_get_prio_bias		VC_CMD(SCHED, 5, 0)

/* OOM badness. */

/* Read the OOM score bias; badness_v0, out. [3, VXI, INFO] */
#define VCMD_get_badness		VC_CMD(MEMCTRL, 5, 0)
/* Set the OOM score bias; badness_v0, in. [7, VXI, ARES SETUP] */
#define VCMD_set_badness		VC_CMD(MEMCTRL, 6, 0)

/*
 * Network context creation: @id is the new nid, VX_ID_STATIC_MIN to
 * VX_ID_CREATE_MAX.  The caller moves into it; the call returns its nid.
 */

/* Create a network context with %NXF_INIT_SET; no data. [5, nid, -] */
#define VCMD_net_create_v0		VC_CMD(VNET, 1, 0)
/* Create a network context; net_create, in, may be NULL. [5, nid, -] */
#define VCMD_net_create			VC_CMD(VNET, 1, 1)

/* Network addresses (NXA_* types). All [8, NXI, ARES SETUP]. */

/*
 * Add up to 4 IPv4 addresses, or set broadcast or loopback; net_addr_v0,
 * in.  Returns the number of addresses added, or 1.
 */
#define VCMD_net_add			VC_CMD(NETALT, 1, 0)
/* Remove all IPv4 addresses (%NXA_TYPE_ANY only); net_addr_v0, in. */
#define VCMD_net_remove			VC_CMD(NETALT, 2, 0)
/*
 * Add an IPv4 address or network, set broadcast or loopback;
 * net_addr_ipv4_v1, in.
 */
#define VCMD_net_add_ipv4_v1		VC_CMD(NETALT, 1, 1)
/* Remove an IPv4 entry, or all of them; net_addr_ipv4_v1, in. */
#define VCMD_net_rem_ipv4_v1		VC_CMD(NETALT, 2, 1)
/* As net_add_ipv4_v1, also ranges; net_addr_ipv4_v2, in. */
#define VCMD_net_add_ipv4		VC_CMD(NETALT, 1, 2)
/* As net_rem_ipv4_v1; net_addr_ipv4_v2, in. */
#define VCMD_net_rem_ipv4		VC_CMD(NETALT, 2, 2)
/* Add an IPv6 address or network; net_addr_ipv6_v1, in. Needs IPv6. */
#define VCMD_net_add_ipv6		VC_CMD(NETALT, 3, 1)
/* Remove an IPv6 entry, or all of them; net_addr_ipv6_v1, in. Needs IPv6. */
#define VCMD_net_remove_ipv6		VC_CMD(NETALT, 4, 1)

/* Move into a network context; no data. [5, NXI, ADMIN] */
#define VCMD_net_migrate		VC_CMD(NETMIG, 1, 0)

/* Set the caller's filesystem tag to @id & 0xFFFF; no data. [5, tag, ADMIN] */
#define VCMD_tag_migrate		VC_CMD(TAGMIG, 1, 0)

/* Disk limits, per (filesystem, tag); @id is the tag. */

/* Create a disk limit; dlimit_base_v0, in. [8, tag, ARES] */
#define VCMD_add_dlimit			VC_CMD(DLIMIT, 1, 0)
/* Remove a disk limit; dlimit_base_v0, in. [8, tag, ARES] */
#define VCMD_rem_dlimit			VC_CMD(DLIMIT, 2, 0)
/* Change a disk limit; dlimit_v0, in. [7, tag, ARES] */
#define VCMD_set_dlimit			VC_CMD(DLIMIT, 5, 0)
/* Read a disk limit; dlimit_v0, in/out. [3, tag, INFO] */
#define VCMD_get_dlimit			VC_CMD(DLIMIT, 6, 0)

/* Inode attributes (IATTR_*). */

/* Read the attributes of a path; iattr_v1, in/out. [2, -, -] */
#define VCMD_get_iattr			VC_CMD(INODE, 1, 1)
/*
 * Change the attributes of a path; iattr_v1, in/out. Also needs
 * CAP_LINUX_IMMUTABLE. [7, -, -]
 */
#define VCMD_set_iattr			VC_CMD(INODE, 2, 1)
/* Read the attributes of open file @id; fiattr_v0, out. [2, fd, -] */
#define VCMD_fget_iattr			VC_CMD(INODE, 3, 0)
/*
 * Change the attributes of open file @id; fiattr_v0, in. Also needs
 * CAP_LINUX_IMMUTABLE. [7, fd, -]
 */
#define VCMD_fset_iattr			VC_CMD(INODE, 4, 0)

/* Statistics. */

/* Reference and task counts; ctx_stat_v0, out. [3, VXI, INFO] */
#define VCMD_ctx_stat			VC_CMD(VSTAT, 0, 0)
/* Usage of one resource; rlimit_stat_v0, in/out. [3, VXI, INFO] */
#define VCMD_rlimit_stat		VC_CMD(VSTAT, 1, 0)
/* Uptime, task counters, load; virt_stat_v0, out. [3, VXI, INFO] */
#define VCMD_virt_stat			VC_CMD(VSTAT, 3, 0)
/* Socket traffic of one family class; sock_stat_v0, in/out. [3, VXI, INFO] */
#define VCMD_sock_stat			VC_CMD(VSTAT, 5, 0)

/*
 * Task information: @id is a pid in the initial pid namespace, 0 for the
 * caller.  Returns the id, or -ESRCH for no such task.
 */

/* Return the task's xid; no data. [2, pid, -] */
#define VCMD_task_xid			VC_CMD(VINFO, 1, 0)
/* Return the task's nid; no data. [2, pid, -] */
#define VCMD_task_nid			VC_CMD(VINFO, 2, 0)
/* Return the task's filesystem tag; no data. [2, pid, -] */
#define VCMD_task_tag			VC_CMD(VINFO, 3, 0)
/* Context id and init pid; vx_info_v0, out. [3, VXI, INFO] */
#define VCMD_vx_info			VC_CMD(VINFO, 5, 0)
/* Network context id; nx_info_v0, out. [3, NXI, INFO] */
#define VCMD_nx_info			VC_CMD(VINFO, 6, 0)

/* Wait until the context is gone; wait_exit_v0, out. [4, VXI, INFO] */
#define VCMD_wait_exit			VC_CMD(EVENT, 99, 0)

/* Flags, capabilities and masks: masked updates, see each structure. */

/* Read the context flags (VXF_*); flags_v0, out. [3, VXI, INFO] */
#define VCMD_get_cflags			VC_CMD(FLAGS, 1, 0)
/* Change context flags; flags_v0, in. [7, VXI, ARES SETUP] */
#define VCMD_set_cflags			VC_CMD(FLAGS, 2, 0)
/* Bounding and context capabilities; caps_v0, out. Not implemented. */
#define VCMD_get_ccaps_v0		VC_CMD(FLAGS, 3, 0)
/* Bounding and context capabilities; caps_v0, in. Not implemented. */
#define VCMD_set_ccaps_v0		VC_CMD(FLAGS, 4, 0)
/* Read the context capabilities (VXC_*); caps_v1, out. [3, VXI, INFO] */
#define VCMD_get_ccaps			VC_CMD(FLAGS, 3, 1)
/* Change context capabilities; caps_v1, in. [7, VXI, ARES SETUP] */
#define VCMD_set_ccaps			VC_CMD(FLAGS, 4, 1)
/* Read the network flags (NXF_*); flags_v0, out. [3, NXI, INFO] */
#define VCMD_get_nflags			VC_CMD(FLAGS, 5, 0)
/* Change network flags; flags_v0, in. [7, NXI, ARES SETUP] */
#define VCMD_set_nflags			VC_CMD(FLAGS, 6, 0)
/* Read the network capabilities (NXC_*); net_caps_v0, out. [3, NXI, INFO] */
#define VCMD_get_ncaps			VC_CMD(FLAGS, 7, 0)
/* Change network capabilities; net_caps_v0, in. [7, NXI, ARES SETUP] */
#define VCMD_set_ncaps			VC_CMD(FLAGS, 8, 0)
/* Read the bounding capabilities; bcaps, out. [3, VXI, INFO] */
#define VCMD_get_bcaps			VC_CMD(FLAGS, 9, 0)
/* Change bounding capabilities; bcaps, in. [7, VXI, ARES SETUP] */
#define VCMD_set_bcaps			VC_CMD(FLAGS, 10, 0)
/* Read the unshare mask; umask, out. [3, VXI, INFO] */
#define VCMD_get_umask			VC_CMD(FLAGS, 13, 0)
/* Change the unshare mask; umask, in. [7, VXI, ARES SETUP] */
#define VCMD_set_umask			VC_CMD(FLAGS, 14, 0)
/* Read the warning mask; wmask, out. [3, VXI, INFO] */
#define VCMD_get_wmask			VC_CMD(FLAGS, 15, 0)
/* Change the warning mask; wmask, in. [7, VXI, ARES SETUP] */
#define VCMD_set_wmask			VC_CMD(FLAGS, 16, 0)

/* Space masks: work from anywhere, even inside a guest. */

/* Namespace kinds a space can hold; space_mask_v1, out. [0, -, -] */
#define VCMD_get_space_mask		VC_CMD(VSPACE, 0, 1)
/* Namespace kinds a guest gets by default; space_mask_v1, out. [0, -, -] */
#define VCMD_get_space_default		VC_CMD(VSPACE, 1, 0)

/* History of context events. Optional (else ENOSYS). */

/* Print the history to the kernel log; no data. [9, -, -] */
#define VCMD_dump_history		VC_CMD(DEBUG, 1, 0)
/* Copy history entries out; read_history_v0, in. [9, -, -] */
#define VCMD_read_history		VC_CMD(DEBUG, 5, 0)

/* Context resource limits (VLIMIT_* and RLIMIT_* ids). */

/* Read one limit; rlimit_v0, in/out. [3, VXI, INFO] */
#define VCMD_get_rlimit			VC_CMD(RLIMIT, 1, 0)
/* Change one limit; rlimit_v0, in. [7, VXI, ARES SETUP] */
#define VCMD_set_rlimit			VC_CMD(RLIMIT, 2, 0)
/* Which limits exist; rlimit_mask_v0, out. [0, -, -] */
#define VCMD_get_rlimit_mask		VC_CMD(RLIMIT, 3, 0)
/* Zero all hit counters; no data. [2, VXI, -] */
#define VCMD_reset_hits			VC_CMD(RLIMIT, 7, 0)
/*
 * Reset observed minimum and maximum to the current value; no data.
 * [2, VXI, -]
 */
#define VCMD_reset_minmax		VC_CMD(RLIMIT, 9, 0)

/*
 * Historical command words of older VServer kernels and of util-vserver's
 * own headers.  Not implemented; never to be reused.
 */
#define VCMD_create_context		VC_CMD(VSETUP, 1, 0)
#define VCMD_ctx_create_v2		VC_CMD(VPROC, 1, 2)
#define VCMD_cleanup_namespace		VC_CMD(PROCALT, 2, 0)
#define VCMD_set_space_v0		VC_CMD(PROCALT, 3, 0)
#define VCMD_get_pflags			VC_CMD(PROCALT, 5, 0)
#define VCMD_set_pflags			VC_CMD(PROCALT, 6, 0)
#define VCMD_set_sched_v2		VC_CMD(SCHED, 1, 2)
#define VCMD_set_sched_v3		VC_CMD(SCHED, 1, 3)
#define VCMD_set_sched_v4		VC_CMD(SCHED, 1, 4)
#define VCMD_add_match_ipv4		VC_CMD(NETALT, 5, 0)
#define VCMD_get_match_ipv4		VC_CMD(NETALT, 6, 0)
#define VCMD_add_match_ipv6		VC_CMD(NETALT, 7, 0)
#define VCMD_get_match_ipv6		VC_CMD(NETALT, 8, 0)
#define VCMD_read_monitor		VC_CMD(DEBUG, 6, 0)
#define VCMD_new_s_context		VC_CMD(COMPAT, 1, 1)
#define VCMD_set_ipv4root		VC_CMD(COMPAT, 2, 3)

/* clang-format on */

#endif /* _UAPI_LINUX_VSERVER_SWITCH_H */
