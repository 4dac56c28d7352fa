/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Linux-VServer - Id tables: what contexts (xid) and network contexts (nid)
 * share
 *
 * Both kinds of object are found by id in a hash, counted by references,
 * "active" from creation until their last task leaves (unless PERSISTENT),
 * and have a /proc directory while active. This is that machinery, once.
 *
 * Copyright (C) 2026 The vserver authors
 */

#ifndef _VSERVER_IDTAB_H
#define _VSERVER_IDTAB_H

#include <linux/atomic.h>
#include <linux/hashtable.h>
#include <linux/mutex.h>
#include <linux/rcupdate.h>
#include <linux/refcount.h>
#include <linux/spinlock.h>
#include <linux/types.h>

struct proc_dir_entry;

/*
 * The bits of the flag word the id table interprets: the same values in
 * VXF_* and NXF_* (ABI §4.1, §4.6).
 */
#define VS_ID_STATE_SETUP 0x0000000100000000ULL
#define VS_ID_PERSISTENT 0x0000004000000000ULL

/*
 * The common head of struct vx_info and struct nx_info, declared with the
 * id field's name of each (xid, nid). Each embeds it in a union with a
 * struct vs_id, which has the same layout, for the code here.
 */
#define VS_ID_HEAD(id_name)                                                    \
	struct hlist_node hlist;                                               \
	struct rcu_head rcu;                                                   \
	u32 id_name;                                                           \
	refcount_t usecnt;                                                     \
	spinlock_t lock; /* see struct vs_id */                                \
	int tasks;                                                             \
	bool active;                                                           \
	u64 flags;                                                             \
	struct proc_dir_entry *proc

/**
 * struct vs_id - The head of a context or network context
 * @hlist: in the table's hash while @active; RCU for readers
 * @rcu: frees the object after the last reference
 * @id: the id
 * @usecnt: references: the hash (while active), creds, counted tasks,
 *          sockets, open /proc files
 * @lock: protects @tasks, @active, @flags and the owner's own fields (see
 *        there); a spinlock, taken from the exit path; nests inside the
 *        table's lock, never held across a sleep
 * @tasks: tasks counted in the object; 0 and not PERSISTENT ends it
 * @active: hashed and visible; false for good once torn down
 * @flags: the VXF_* or NXF_* flag word
 * @proc: its /proc directory while active
 */
struct vs_id {
	VS_ID_HEAD(id);
};

struct vs_idtab;

/**
 * struct vs_idtab_ops - What differs between the kinds of id
 * @proc_attach: create the object's /proc directory (may sleep)
 * @proc_detach: remove it, waiting for its readers
 * @ended: the object was torn down (unhashed, /proc gone): release what
 *         may sleep; may be NULL
 * @free: free the object after the last reference; from any context
 */
struct vs_idtab_ops {
	int (*proc_attach)(struct vs_id *id);
	void (*proc_detach)(struct vs_id *id);
	void (*ended)(struct vs_id *id);
	void (*free)(struct vs_id *id);
};

#define VS_IDTAB_BITS 8

/**
 * struct vs_idtab - A table of ids of one kind
 * @hash: active objects by id
 * @lock: protects @hash and the @active transitions; outside vs_id.lock
 * @lifecycle: serializes creation and teardown, so that an object torn down
 *             and created again with the same id never meets its old /proc
 *             entry; outside @lock
 * @total: objects allocated and not yet freed
 * @nactive: objects active
 * @ops: the kind's operations
 */
struct vs_idtab {
	DECLARE_HASHTABLE(hash, VS_IDTAB_BITS);
	spinlock_t lock; /* see above */
	struct mutex lifecycle; /* see above */
	atomic_t total;
	atomic_t nactive;
	const struct vs_idtab_ops *ops;
};

#define VS_IDTAB_INIT(name, the_ops)                                           \
	{                                                                      \
		.lock = __SPIN_LOCK_UNLOCKED(vs_idtab_lock),                    \
		.lifecycle = __MUTEX_INITIALIZER((name).lifecycle),            \
		.total = ATOMIC_INIT(0), .nactive = ATOMIC_INIT(0),            \
		.ops = (the_ops),                                              \
	}

static inline struct vs_id *vs_id_get(struct vs_id *const id)
{
	if (id)
		refcount_inc(&id->usecnt);
	return id;
}

void vs_id_init(struct vs_idtab *tab, struct vs_id *id, u32 nr, u64 flags);
void vs_id_put(struct vs_idtab *tab, struct vs_id *id);
struct vs_id *vs_id_lookup(struct vs_idtab *tab, u32 nr);
int vs_id_insert(struct vs_idtab *tab, struct vs_id *id);
void vs_id_release_unused(struct vs_idtab *tab, struct vs_id *id);
void vs_id_task_enter(struct vs_id *id);
bool vs_id_task_leave(struct vs_id *id);
u64 vs_id_flags_mask(const struct vs_id *id, u64 one_time);
u64 vs_id_set_flags(struct vs_idtab *tab, struct vs_id *id, u64 flags,
		    u64 mask, u64 one_time);

#endif /* _VSERVER_IDTAB_H */
