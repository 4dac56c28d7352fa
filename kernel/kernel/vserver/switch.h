/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Linux-VServer - Command table and dispatcher of the vserver syscall
 *
 * Copyright (C) 2026 The vserver authors
 */

#ifndef _VSERVER_SWITCH_H
#define _VSERVER_SWITCH_H

#include <linux/compiler_types.h>
#include <linux/errno.h>
#include <linux/types.h>

/*
 * The VServer ABI (§1.5) answers ENOSYS for a command the caller may not
 * know of: an unknown or unimplemented command word, a caller without
 * CAP_CONTEXT, a kernel whose vserver LSM is off. Userspace probes the
 * syscall with it, as for a missing syscall. One name for that answer.
 */
#define VS_ENOCMD ENOSYS

struct vx_info;
struct nx_info;

/* Dispatcher flags of a command (ABI §1.5). */
#define VS_F_INFO 0x01 /* reads state only */
#define VS_F_ADMIN 0x02 /* host only, target must have STATE_ADMIN */
#define VS_F_ARES 0x06 /* ADMIN, and the command changes resources */
#define VS_F_SETUP 0x08 /* also allowed from inside a context in setup */
#define VS_F_ZIDOK 0x10 /* id 0 means "no target" */
#define VS_F_MASK 0x1f
/* Not ABI: id 1 moves the caller to the spectator (ABI §1.5 step 5). */
#define VS_F_SPECTATOR 0x20

/* How the dispatcher moves the data structure (struct vs_cmd @dir). */
#define VS_D_IN 0x01 /* copied in before the handler runs */
#define VS_D_OUT 0x02 /* copied out when the handler returns >= 0 */
#define VS_D_OPT 0x04 /* data may be NULL (the handler sees @has_data) */
#define VS_D_ALWAYS 0x08 /* copied out whatever the handler returns */
#define VS_D_NATIVE 0x10 /* holds a pointer: i386 layout not handled yet */
#define VS_D_MASK 0x1f

/* Room for the largest structure a command takes (vhi_name_v0, 72). */
#define VS_BUF_SIZE 72

/* Highest static privilege level of a command; above 1 needs CAP_SYS_ADMIN. */
#define VS_PERM_MAX 9

/**
 * enum vs_target - How the dispatcher interprets the id argument
 * @VS_TGT_NONE: the command looks at the id itself (or ignores it)
 * @VS_TGT_VXI: the id names a context, looked up before the handler runs
 * @VS_TGT_NXI: the id names a network context
 */
enum vs_target {
	VS_TGT_NONE,
	VS_TGT_VXI,
	VS_TGT_NXI,
};

/**
 * struct vs_call - One invocation of the syscall, as handlers see it
 * @cmd: the command word
 * @id: the id argument, unchanged
 * @data: the data pointer, unchecked
 * @vxi: the target context for VS_TGT_VXI commands (a reference)
 * @nxi: the target network context for VS_TGT_NXI commands (a reference)
 * @has_data: @buf holds the caller's structure (false: VS_D_OPT and NULL)
 * @buf: kernel copy of the structure, moved as the command's @dir says
 */
struct vs_call {
	u32 cmd;
	u32 id;
	void __user *data;
	struct vx_info *vxi;
	struct nx_info *nxi;
	bool has_data;
	u64 buf[VS_BUF_SIZE / sizeof(u64)];
};

/**
 * struct vs_cmd - Static descriptor of one command word
 * @cmd: the command word (exact match, version included)
 * @perm: privilege level 0..VS_PERM_MAX
 * @target: enum vs_target
 * @flags: VS_F_* bits
 * @dir: VS_D_* bits
 * @size: size of the data structure on x86_64, 0 when data is unused
 * @handler: runs the command once every check passed
 *
 * The table of these is sorted by @cmd; KUnit checks that, and that every
 * field is consistent with the ABI document.
 */
struct vs_cmd {
	u32 cmd;
	u8 perm;
	u8 target;
	u8 flags;
	u8 dir;
	u16 size;
	long (*handler)(struct vs_call *call);
};

/**
 * struct vs_caller - What the permission checks need to know of the caller
 * @capable: tells whether the caller holds a capability; VS_CAP_CONTEXT
 *           is asked for like any other. Called lazily, in check order, so
 *           that a denied check never touches PF_SUPERPRIV or audit.
 * @xid: the caller's context id (0 for the host)
 * @in_setup: the caller's own context (or, for VS_TGT_NXI commands, network
 *            context) still has the STATE_SETUP flag
 * @vxi: the caller's own context, NULL for host and spectator (no reference:
 *       current's cred holds one for the whole call)
 * @nid: the caller's network context id
 * @nxi: the caller's own network context, NULL for nid 0 and 1
 */
struct vs_caller {
	bool (*capable)(int cap);
	u32 xid;
	bool in_setup;
	struct vx_info *vxi;
	u32 nid;
	struct nx_info *nxi;
};

extern const struct vs_cmd vs_cmd_table[];
extern const size_t vs_cmd_count;

const struct vs_cmd *vs_find_cmd(u32 cmd);
int vs_check_caps(const struct vs_cmd *c, const struct vs_caller *caller);
int vs_check_admin(const struct vs_cmd *c, const struct vs_caller *caller);

u32 vs_vci(void);

/* Handlers, one per command word (version.c, cmd_*.c, cacct.c). */
long vs_get_version(struct vs_call *call);
long vs_get_vci(struct vs_call *call);
long vs_get_task_xid(struct vs_call *call);
long vs_vx_info(struct vs_call *call);
long vs_ctx_stat(struct vs_call *call);
long vs_sock_stat(struct vs_call *call);
long vs_ctx_create(struct vs_call *call);
long vs_ctx_migrate(struct vs_call *call);
long vs_ctx_kill(struct vs_call *call);
long vs_wait_exit(struct vs_call *call);
long vs_get_cflags(struct vs_call *call);
long vs_set_cflags(struct vs_call *call);
long vs_get_ccaps(struct vs_call *call);
long vs_set_ccaps(struct vs_call *call);
long vs_get_bcaps(struct vs_call *call);
long vs_set_bcaps(struct vs_call *call);
long vs_get_umask(struct vs_call *call);
long vs_set_umask(struct vs_call *call);
long vs_get_wmask(struct vs_call *call);
long vs_set_wmask(struct vs_call *call);
long vs_get_badness(struct vs_call *call);
long vs_set_badness(struct vs_call *call);
long vs_get_vhi_name(struct vs_call *call);
long vs_get_iattr(struct vs_call *call);
long vs_set_space(struct vs_call *call);
long vs_enter_space(struct vs_call *call);
long vs_get_space_mask_v0(struct vs_call *call);
long vs_get_space_mask(struct vs_call *call);
long vs_get_space_default(struct vs_call *call);
long vs_set_iattr(struct vs_call *call);
long vs_fget_iattr(struct vs_call *call);
long vs_fset_iattr(struct vs_call *call);
long vs_set_vhi_name(struct vs_call *call);
long vs_net_create(struct vs_call *call);
long vs_net_migrate(struct vs_call *call);
long vs_get_task_nid(struct vs_call *call);
long vs_nx_info(struct vs_call *call);
long vs_get_nflags(struct vs_call *call);
long vs_set_nflags(struct vs_call *call);
long vs_get_ncaps(struct vs_call *call);
long vs_set_ncaps(struct vs_call *call);
long vs_net_add_v0(struct vs_call *call);
long vs_net_remove_v0(struct vs_call *call);
long vs_net_add_ipv4(struct vs_call *call);
long vs_net_rem_ipv4(struct vs_call *call);
long vs_net_add_ipv6(struct vs_call *call);
long vs_net_remove_ipv6(struct vs_call *call);

#endif /* _VSERVER_SWITCH_H */
