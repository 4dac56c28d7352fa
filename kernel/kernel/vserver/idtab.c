// SPDX-License-Identifier: GPL-2.0-only
/*
 * Linux-VServer - Id tables: lookup, creation and teardown by id
 *
 * An object lives in the hash ("active") from its creation until its last
 * task leaves, unless it is PERSISTENT. Teardown unhashes it, so no command
 * and no /proc lookup finds it again; the structure itself lives on until
 * the last reference (a cred, a counted task, a socket) goes. Lookup is
 * modelled on kernel/ucount.c: RCU readers, allocation outside the lock,
 * a second look before inserting.
 *
 * Copyright (C) 2026 The vserver authors
 */

#include <linux/err.h>
#include <linux/lockdep.h>

#include "common.h"
#include "idtab.h"

/**
 * vs_id_init - Prepare a freshly allocated object
 * @tab: its table
 * @id: the object's head, zeroed
 * @nr: its id
 * @flags: its initial flags
 *
 * The object starts with the hash's reference and counts in @tab's total.
 */
void vs_id_init(struct vs_idtab *const tab, struct vs_id *const id,
		const u32 nr, const u64 flags)
{
	id->id = nr;
	refcount_set(&id->usecnt, 1);
	spin_lock_init(&id->lock);
	id->flags = flags;
	atomic_inc(&tab->total);
}

/**
 * vs_id_put - Drop a reference
 * @tab: the object's table
 * @id: the object, or NULL
 *
 * May be called from any context (cred_free runs from an RCU callback):
 * everything that sleeps was released at teardown.
 */
void vs_id_put(struct vs_idtab *const tab, struct vs_id *const id)
{
	if (!id || !refcount_dec_and_test(&id->usecnt))
		return;
	WARN_ON_ONCE(id->active || id->tasks);
	atomic_dec(&tab->total);
	tab->ops->free(id);
}

static struct vs_id *find_locked(struct vs_idtab *const tab, const u32 nr)
{
	struct vs_id *id;

	hash_for_each_possible_rcu(tab->hash, id, hlist, nr,
				   lockdep_is_held(&tab->lock) ||
				   lockdep_is_held(&tab->lifecycle))
		if (id->id == nr)
			return id;
	return NULL;
}

/**
 * vs_id_lookup - Find an active object by id
 * @tab: the table
 * @nr: the id
 *
 * Return: a new reference, or NULL if no active object has that id.
 */
struct vs_id *vs_id_lookup(struct vs_idtab *const tab, const u32 nr)
{
	struct vs_id *id;

	rcu_read_lock();
	id = find_locked(tab, nr);
	if (id && (!READ_ONCE(id->active) ||
		   !refcount_inc_not_zero(&id->usecnt)))
		id = NULL;
	rcu_read_unlock();
	return id;
}

/**
 * vs_id_insert - Make a new object active: hash it, give it its /proc entry
 * @tab: the table
 * @id: the object, from vs_id_init()
 *
 * Return: 0 (the caller keeps its reference, the hash has its own), or
 * -EBUSY when the id exists and is still in setup, -EEXIST when it exists
 * otherwise, -ENOMEM; then the caller still owns @id and puts it.
 */
int vs_id_insert(struct vs_idtab *const tab, struct vs_id *const id)
{
	struct vs_id *old;
	int err;

	might_sleep();
	mutex_lock(&tab->lifecycle);
	old = find_locked(tab, id->id);
	if (old) {
		err = (READ_ONCE(old->flags) & VS_ID_STATE_SETUP) ? -EBUSY :
								      -EEXIST;
		goto out;
	}
	err = tab->ops->proc_attach(id);
	if (err)
		goto out;
	vs_id_get(id);
	spin_lock(&tab->lock);
	id->active = true;
	hash_add_rcu(tab->hash, &id->hlist, id->id);
	atomic_inc(&tab->nactive);
	spin_unlock(&tab->lock);
out:
	mutex_unlock(&tab->lifecycle);
	return err;
}

/**
 * vs_id_release_unused - End an object that has no task and is not persistent
 * @tab: its table
 * @id: the object
 *
 * Unhashes it, removes its /proc entry and calls the kind's @ended. Sleeps.
 */
void vs_id_release_unused(struct vs_idtab *const tab, struct vs_id *const id)
{
	bool unhashed = false;

	might_sleep();
	mutex_lock(&tab->lifecycle);
	spin_lock(&tab->lock);
	spin_lock(&id->lock);
	if (id->active && !id->tasks && !(id->flags & VS_ID_PERSISTENT)) {
		id->active = false;
		hash_del_rcu(&id->hlist);
		atomic_dec(&tab->nactive);
		unhashed = true;
	}
	spin_unlock(&id->lock);
	spin_unlock(&tab->lock);
	if (unhashed)
		tab->ops->proc_detach(id);
	mutex_unlock(&tab->lifecycle);
	if (!unhashed)
		return;
	if (tab->ops->ended)
		tab->ops->ended(id);
	/* The hash's reference. */
	vs_id_put(tab, id);
}

/** vs_id_task_enter - Count one more task in an object */
void vs_id_task_enter(struct vs_id *const id)
{
	spin_lock(&id->lock);
	id->tasks++;
	spin_unlock(&id->lock);
}

/**
 * vs_id_task_leave - Count one task less
 * @id: the object
 *
 * Return: true when that was the last task: the caller then calls
 * vs_id_release_unused() (after any bookkeeping of its own).
 */
bool vs_id_task_leave(struct vs_id *const id)
{
	bool last;

	spin_lock(&id->lock);
	if (WARN_ON_ONCE(id->tasks <= 0)) {
		spin_unlock(&id->lock);
		return false;
	}
	last = !--id->tasks;
	spin_unlock(&id->lock);
	return last;
}

/**
 * vs_id_flags_mask - The flag bits that may still change
 * @id: the object
 * @one_time: the kind's one-time bits (they can only be cleared)
 *
 * Return: all ones, less the one-time bits that are already cleared.
 */
u64 vs_id_flags_mask(const struct vs_id *const id, const u64 one_time)
{
	return ~(one_time & ~READ_ONCE(id->flags));
}

/**
 * vs_id_set_flags - Masked update of the flag word
 * @tab: the object's table
 * @id: the object
 * @flags: new values of the bits in @mask
 * @mask: bits to change
 * @one_time: the kind's one-time bits
 *
 * A request to set a one-time bit that is already clear is ignored.
 * Clearing PERSISTENT ends an object without tasks.
 *
 * Return: the flags before the change.
 */
u64 vs_id_set_flags(struct vs_idtab *const tab, struct vs_id *const id,
		    const u64 flags, const u64 mask, const u64 one_time)
{
	u64 old, new, m;

	spin_lock(&id->lock);
	old = id->flags;
	m = mask & vs_id_flags_mask(id, one_time);
	new = (old & ~m) | (flags & m);
	id->flags = new;
	spin_unlock(&id->lock);

	if ((old & VS_ID_PERSISTENT) && !(new & VS_ID_PERSISTENT))
		vs_id_release_unused(tab, id);
	return old;
}
