/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Linux-VServer - Context identity in credentials and tasks
 *
 * Copyright (C) 2026 The vserver authors
 */

#ifndef _VSERVER_CRED_H
#define _VSERVER_CRED_H

#include <linux/cred.h>
#include <linux/fs.h>
#include <linux/lsm_hooks.h>
#include <linux/sched.h>
#include <net/sock.h>

#include "context.h"
#include "network.h"

/**
 * struct vs_cred - The context identity of a credential
 * @vxi: the context (a reference), NULL for the host and the spectator
 * @xid: 0 host, 1 spectator, else @vxi->xid
 * @nxi: the network context (a reference), NULL for nid 0 and 1
 * @nid: 0 host, 1 spectator, else @nxi->nid
 *
 * Kept in the cred so that every check (and every file opened) sees the
 * identity of the task that acts; prepare_creds() copies it to children.
 */
struct vs_cred {
	struct vx_info *vxi;
	u32 xid;
	u32 nid;
	struct nx_info *nxi;
};

/**
 * struct vs_task - What a task is counted in
 * @counted: the context whose task count includes this task (a reference)
 * @counted_nx: likewise, the network context
 *
 * Separate from the cred: a cred can be shared and outlive its task, but
 * "tasks in the context" must drop when the task exits.
 */
struct vs_task {
	struct vx_info *counted;
	struct nx_info *counted_nx;
};

/**
 * struct vs_sock - The network context of a socket
 * @nxi: the network context of the task that created it (a reference),
 *       NULL for nid 0 and 1 and for kernel sockets; accepted sockets (TCP,
 *       and the server end of a UNIX stream connection) have their
 *       listener's. Sockets keep a network context's structure alive, not
 *       the context itself.
 */
struct vs_sock {
	struct nx_info *nxi;
};

/**
 * struct vs_file - Context identity kept with an open file
 * @fown_xid: the context of the task that last set the file's owner
 *            (F_SETOWN), which SIGIO is sent on behalf of
 */
struct vs_file {
	u32 fown_xid;
};

/**
 * struct vs_inode - Inode attributes cached from the security.vserver xattr
 * @iattr: IATTR_* bits, plus VS_INODE_LOADED once the xattr was read
 */
struct vs_inode {
	u32 iattr;
};

#define VS_INODE_LOADED 0x80000000U

extern struct lsm_blob_sizes vs_blob_sizes;

static inline struct vs_cred *vs_cred(const struct cred *const cred)
{
	return cred->security + vs_blob_sizes.lbs_cred;
}

static inline struct vs_task *vs_task(const struct task_struct *const task)
{
	return task->security + vs_blob_sizes.lbs_task;
}

static inline struct vs_file *vs_file(const struct file *const file)
{
	return file->f_security + vs_blob_sizes.lbs_file;
}

static inline struct vs_sock *vs_sock(const struct sock *const sk)
{
	return sk->sk_security + vs_blob_sizes.lbs_sock;
}

static inline struct vs_inode *vs_inode(const struct inode *const inode)
{
	return inode->i_security + vs_blob_sizes.lbs_inode;
}

static inline u32 vs_current_xid(void)
{
	return vs_cred(current_cred())->xid;
}

/* The xid of @task; its cred is read under RCU. */
static inline u32 vs_task_xid(struct task_struct *const task)
{
	u32 xid;

	rcu_read_lock();
	xid = vs_cred(__task_cred(task))->xid;
	rcu_read_unlock();
	return xid;
}

/* Host (0) and spectator (1) see everything; a context sees itself. */
static inline bool vs_xid_sees(const u32 viewer, const u32 target)
{
	return viewer <= 1 || viewer == target;
}

/* Only the host acts on other contexts; the spectator acts on none. */
static inline bool vs_xid_acts(const u32 actor, const u32 target)
{
	return actor == 0 || actor == target;
}

int vs_migrate(struct vx_info *vxi, u32 xid);
int vs_nx_migrate(struct nx_info *nxi, u32 nid);
int vs_apply_bcaps(struct vx_info *vxi);
void vs_apply_bcaps_all(struct vx_info *vxi);

#endif /* _VSERVER_CRED_H */
