/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Linux-VServer - Security contexts (xid)
 *
 * Copyright (C) 2026 The vserver authors
 */

#ifndef _VSERVER_CONTEXT_H
#define _VSERVER_CONTEXT_H

#include <linux/atomic.h>
#include <linux/list.h>
#include <linux/mutex.h>
#include <linux/rcupdate.h>
#include <linux/refcount.h>
#include <linux/spinlock.h>
#include <linux/types.h>
#include <linux/vserver/network.h>
#include <linux/wait.h>

#include "idtab.h"

struct proc_dir_entry;

#define VX_NAME_LEN 65

/* Kinds of namespace a space slot holds: mnt, uts, ipc, pid, net. */
#define VX_SPACE_KINDS 5
#define VX_SPACE_SLOTS 2

struct fs_struct;
struct ns_common;

/**
 * struct vx_space - One space slot of a context
 * @ns: a reference to one namespace of each kind, or NULL
 * @fs: a copy of the fs_struct (root, cwd) of the task that stored CLONE_FS
 * @nsmask: the CLONE_* bits stored so far
 */
struct vx_space {
	struct ns_common *ns[VX_SPACE_KINDS];
	struct fs_struct *fs;
	u64 nsmask;
};

/**
 * struct vx_sock_acct - Socket traffic of a context in one family class
 * @count: messages received, sent, and sends that failed (indexed by
 *         VXA_SOCK_RECV, _SEND, _FAIL)
 * @total: their bytes, likewise
 *
 * One per CPU and class (&vx_info.cacct); vx_sock_acct_sum() adds them up.
 */
struct vx_sock_acct {
	u64 count[VXA_SOCK_FAIL + 1];
	u64 total[VXA_SOCK_FAIL + 1];
};

/**
 * struct vx_info - A security context: what ties the tasks of a guest together
 * @head: the id-table head (struct vs_id, see idtab.h), also reachable by
 *        its fields' names: @hlist, @rcu, @xid (2..65535), @usecnt (the
 *        hash while active, every cred and counted task, open
 *        /proc/virtual files), @lock (also protects the fields below up to
 *        @name), @tasks, @active, @flags (VXF_*), @proc (/proc/virtual/<xid>)
 * @ccaps: VXC_* context capabilities
 * @bcaps: bounding capabilities, bit n = capability n, bit 63 = CAP_CONTEXT
 * @umask: CLONE_NEW* bits guest tasks may unshare
 * @wmask: warning mask (stored, not interpreted)
 * @badness: OOM score bias (stored)
 * @initpid: global pid of the context's init, 0 when none
 * @exit_code: exit code of the last task that left, or of init
 * @reboot_cmd: last reboot(2) command issued in the context
 * @name: the VHIN_CONTEXT string (util-vserver keeps the config dir there)
 * @start_ns: creation time (CLOCK_BOOTTIME), for VXF_VIRT_UPTIME
 * @exit_wq: wait_exit sleeps here until @active turns false
 * @forks: tasks created in the context (for /proc/virtual/<xid>/cvirt)
 * @space_lock: protects @space; a mutex (namespace puts may sleep)
 * @space: the space slots
 * @cacct: socket traffic by family class (VXA_SOCK_*), for sock_stat and
 *         /proc/virtual/<xid>/cacct: per CPU, so that the tasks of a busy
 *         guest do not all write one cache line; no lock
 */
struct vx_info {
	union {
		struct vs_id head;
		struct {
			VS_ID_HEAD(xid);
		};
	};
	u64 ccaps;
	u64 bcaps;
	u64 umask;
	u64 wmask;
	s64 badness;
	pid_t initpid;
	int exit_code;
	int reboot_cmd;
	char name[VX_NAME_LEN];

	u64 start_ns;
	wait_queue_head_t exit_wq;
	atomic_long_t forks;
	struct mutex space_lock; /* see @space_lock above */
	struct vx_space space[VX_SPACE_SLOTS];
	struct vx_sock_acct __percpu *cacct;
};

/* The lowest and highest id ctx_create accepts (ABI §3.3). */
#define VX_XID_MIN 2
#define VX_XID_MAX 65535

static inline struct vx_info *vx_get(struct vx_info *const vxi)
{
	if (vxi)
		vs_id_get(&vxi->head);
	return vxi;
}

void vx_put(struct vx_info *vxi);
struct vx_info *vx_lookup(u32 xid);
struct vx_info *vx_create(u32 xid, u64 flags);
void vx_release_unused(struct vx_info *vxi);
void vx_task_enter(struct vx_info *vxi);
void vx_task_leave(struct vx_info *vxi, int code);
u64 vx_set_flags(struct vx_info *vxi, u64 flags, u64 mask);
u64 vx_flags_mask(const struct vx_info *vxi);
bool vx_is_active(struct vx_info *vxi);

int vx_kill_all(struct vx_info *vxi, int sig, bool skip_init);
void vx_release_spaces(struct vx_info *vxi);
void vx_fake_init_arm(const struct vx_info *vxi);
void vs_vx_start(void);
void vx_sock_acct_sum(const struct vx_info *vxi, unsigned int class,
		      struct vx_sock_acct *sum);
int vx_store_space(struct vx_info *vxi, u64 mask, u32 index);
int vx_uts_name(struct vx_info *vxi, u32 field, char *name, bool write);
struct seq_file;
void vx_space_show(struct seq_file *m, struct vx_info *vxi, unsigned int index);

unsigned int vx_count_total(void);
unsigned int vx_count_active(void);

int vx_proc_attach(struct vx_info *vxi);
void vx_proc_detach(struct vx_info *vxi);

#endif /* _VSERVER_CONTEXT_H */
