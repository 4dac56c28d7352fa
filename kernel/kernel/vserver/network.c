// SPDX-License-Identifier: GPL-2.0-only
/*
 * Linux-VServer - Network contexts: the id table and the address lists
 *
 * Lookup and lifecycle are the id table's (idtab.c), shared with contexts.
 * The address lists are read on every bind, connect and send of a guest
 * socket, so readers take no lock: a change copies the lists, edits the
 * copy and publishes it with RCU.
 *
 * Copyright (C) 2026 The vserver authors
 */

#include <linux/err.h>
#include <linux/inet.h>
#include <linux/ipv6.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/vserver/network.h>
#include <net/ipv6.h>

#include "common.h"
#include "helper.h"
#include "network.h"

static_assert(NXF_STATE_SETUP == VS_ID_STATE_SETUP);
static_assert(NXF_PERSISTENT == VS_ID_PERSISTENT);
static_assert(offsetof(struct nx_info, nid) == offsetof(struct vs_id, id));
static_assert(offsetof(struct nx_info, proc) == offsetof(struct vs_id, proc));

static int net_proc_attach(struct vs_id *const id)
{
	return nx_proc_attach(container_of(id, struct nx_info, head));
}

static void net_proc_detach(struct vs_id *const id)
{
	nx_proc_detach(container_of(id, struct nx_info, head));
}

/* The network context is gone: tell the vshelper (netdown), and wait. */
static void net_ended(struct vs_id *const id)
{
	if (READ_ONCE(id->flags) & NXF_SC_HELPER)
		vs_helper("netdown", id->id, VS_HELPER_NETDOWN, false, true);
}

static void net_free(struct vs_id *const id)
{
	struct nx_info *const nxi = container_of(id, struct nx_info, head);

	/* No reader is left: the last reference is gone. */
	kfree(rcu_dereference_protected(nxi->addrs, 1));
	kfree_rcu(nxi, rcu);
}

static const struct vs_idtab_ops net_ops = {
	.proc_attach = net_proc_attach,
	.proc_detach = net_proc_detach,
	.ended = net_ended,
	.free = net_free,
};

static struct vs_idtab nx_tab = VS_IDTAB_INIT(nx_tab, &net_ops);

unsigned int nx_count_total(void)
{
	return atomic_read(&nx_tab.total);
}

unsigned int nx_count_active(void)
{
	return atomic_read(&nx_tab.nactive);
}

/** nx_put - Drop a reference (any context) */
void nx_put(struct nx_info *const nxi)
{
	if (nxi)
		vs_id_put(&nx_tab, &nxi->head);
}

/**
 * nx_lookup - Find an active network context by id
 * @nid: the id
 *
 * Return: a new reference, or NULL.
 */
struct nx_info *nx_lookup(const u32 nid)
{
	struct vs_id *const id = vs_id_lookup(&nx_tab, nid);

	return id ? container_of(id, struct nx_info, head) : NULL;
}

/**
 * nx_create - Create and hash a network context
 * @nid: the id, NX_NID_MIN..NX_NID_MAX (checked by the caller)
 * @flags: its initial flags
 *
 * Starts with no address, broadcast 255.255.255.255 and the loopback
 * address 127.0.0.1 ^ ((nid & 0xffff) << 8) (ABI §3.3).
 *
 * Return: the network context with a reference for the caller, or
 * ERR_PTR(-EBUSY) when @nid exists and is in setup, -EEXIST when it exists
 * otherwise, -ENOMEM.
 */
struct nx_info *nx_create(const u32 nid, const u64 flags)
{
	struct nx_info *const nxi = kzalloc(sizeof(*nxi), GFP_KERNEL_ACCOUNT);
	int err;

	if (!nxi)
		return ERR_PTR(-ENOMEM);
	vs_nx_start();
	vs_id_init(&nx_tab, &nxi->head, nid, flags);
	mutex_init(&nxi->addr_lock);
	nxi->bcast = htonl(INADDR_BROADCAST);
	nxi->lback = htonl(INADDR_LOOPBACK ^ ((nid & 0xffff) << 8));
	err = vs_id_insert(&nx_tab, &nxi->head);
	if (err) {
		nx_put(nxi);
		return ERR_PTR(err);
	}
	return nxi;
}

/** nx_release_unused - End a network context without tasks, unless persistent */
void nx_release_unused(struct nx_info *const nxi)
{
	vs_id_release_unused(&nx_tab, &nxi->head);
}

void nx_task_enter(struct nx_info *const nxi)
{
	vs_id_task_enter(&nxi->head);
}

/** nx_task_leave - Count one task less; the last one ends the context */
void nx_task_leave(struct nx_info *const nxi)
{
	if (vs_id_task_leave(&nxi->head))
		vs_id_release_unused(&nx_tab, &nxi->head);
}

u64 nx_flags_mask(const struct nx_info *const nxi)
{
	return vs_id_flags_mask(&nxi->head, NXF_ONE_TIME);
}

/**
 * nx_set_flags - Masked update of the network flags (set_nflags)
 * @nxi: the network context
 * @flags: new values of the bits in @mask
 * @mask: bits to change
 *
 * Return: the flags before the change.
 */
u64 nx_set_flags(struct nx_info *const nxi, const u64 flags, const u64 mask)
{
	return vs_id_set_flags(&nx_tab, &nxi->head, flags, mask, NXF_ONE_TIME);
}

/* --- address lists ------------------------------------------------------- */

/* A copy of the current lists to edit; under addr_lock. */
static struct nx_addrs *copy_addrs(struct nx_info *const nxi)
{
	const struct nx_addrs *const old =
		rcu_dereference_protected(nxi->addrs,
					  lockdep_is_held(&nxi->addr_lock));
	struct nx_addrs *const new = kzalloc(sizeof(*new), GFP_KERNEL_ACCOUNT);

	if (new && old) {
		new->n4 = old->n4;
		new->n6 = old->n6;
		memcpy(new->v4, old->v4, old->n4 * sizeof(old->v4[0]));
		memcpy(new->v6, old->v6, old->n6 * sizeof(old->v6[0]));
	}
	return new;
}

/* Publish @new (NULL when both lists are empty); under addr_lock. */
static void publish(struct nx_info *const nxi, struct nx_addrs *new)
{
	struct nx_addrs *old;

	if (new && !new->n4 && !new->n6) {
		kfree(new);
		new = NULL;
	}
	old = rcu_replace_pointer(nxi->addrs, new,
				  lockdep_is_held(&nxi->addr_lock));
	if (old)
		kfree_rcu(old, rcu);
}

/*
 * One list of an nx_addrs copy, as bytes: entries are compared whole
 * (struct nx_addr4 and nx_addr6 have no padding, and callers fill every
 * field).
 */
struct addr_list {
	u8 *entries;
	unsigned int *n;
	size_t size;
};

static struct addr_list list_of(struct nx_addrs *const l, const bool v6)
{
	if (v6)
		return (struct addr_list){ (u8 *)l->v6, &l->n6, sizeof(l->v6[0]) };
	return (struct addr_list){ (u8 *)l->v4, &l->n4, sizeof(l->v4[0]) };
}

static_assert(sizeof(struct nx_addr4) == 16);
static_assert(sizeof(struct nx_addr6) == 40);

/* Add (@add) or remove the entry @e of one list; takes addr_lock. */
static int edit(struct nx_info *const nxi, const bool v6, const void *const e,
		const bool add)
{
	struct nx_addrs *new;
	struct addr_list l;
	unsigned int i;
	bool second = false;
	int err = 0;

	mutex_lock(&nxi->addr_lock);
	new = copy_addrs(nxi);
	if (!new) {
		err = -ENOMEM;
		goto out;
	}
	l = list_of(new, v6);
	for (i = 0; i < *l.n; i++)
		if (!memcmp(l.entries + i * l.size, e, l.size))
			break;
	if (add && i < *l.n)
		err = -EEXIST;
	else if (add && *l.n >= NX_ADDR_MAX)
		err = -ENOSPC;
	else if (!add && i == *l.n)
		err = -ESRCH;
	if (err) {
		kfree(new);
		goto out;
	}
	if (add) {
		second = *l.n > 0;
		memcpy(l.entries + *l.n * l.size, e, l.size);
		(*l.n)++;
	} else {
		memmove(l.entries + i * l.size, l.entries + (i + 1) * l.size,
			(*l.n - i - 1) * l.size);
		(*l.n)--;
	}
	publish(nxi, new);
	/* ABI §3.3: a second IPv4 address ends SINGLE_IP. */
	if (second && !v6)
		nx_set_flags(nxi, 0, NXF_SINGLE_IP);
out:
	mutex_unlock(&nxi->addr_lock);
	return err;
}

/**
 * nx_add4 - Append an IPv4 entry
 * @nxi: the network context
 * @e: the entry, every field set
 *
 * Adding to a non-empty list clears NXF_SINGLE_IP (ABI §3.3).
 *
 * Return: 0, -EEXIST for an identical entry, -ENOSPC beyond NX_ADDR_MAX,
 * -ENOMEM.
 */
int nx_add4(struct nx_info *const nxi, const struct nx_addr4 *const e)
{
	return edit(nxi, false, e, true);
}

/**
 * nx_remove4 - Remove the IPv4 entry equal to @e in every field
 * @nxi: the network context
 * @e: the entry
 *
 * Return: 0, -ESRCH when there is none, -ENOMEM.
 */
int nx_remove4(struct nx_info *const nxi, const struct nx_addr4 *const e)
{
	return edit(nxi, false, e, false);
}

/** nx_add6 - Append an IPv6 entry; as nx_add4() (@nxi, @e) */
int nx_add6(struct nx_info *const nxi, const struct nx_addr6 *const e)
{
	return edit(nxi, true, e, true);
}

/** nx_remove6 - Remove the IPv6 entry equal to @e; as nx_remove4() (@nxi) */
int nx_remove6(struct nx_info *const nxi, const struct nx_addr6 *const e)
{
	return edit(nxi, true, e, false);
}

/** nx_clear - Remove every IPv4 (@v4) and/or IPv6 (@v6) entry; 0 or -ENOMEM */
int nx_clear(struct nx_info *const nxi, const bool v4, const bool v6)
{
	struct nx_addrs *new;

	mutex_lock(&nxi->addr_lock);
	new = copy_addrs(nxi);
	if (new) {
		if (v4)
			new->n4 = 0;
		if (v6)
			new->n6 = 0;
		publish(nxi, new);
	}
	mutex_unlock(&nxi->addr_lock);
	return new ? 0 : -ENOMEM;
}

void nx_set_bcast(struct nx_info *const nxi, const __be32 a)
{
	mutex_lock(&nxi->addr_lock);
	WRITE_ONCE(nxi->bcast, a);
	mutex_unlock(&nxi->addr_lock);
}

void nx_set_lback(struct nx_info *const nxi, const __be32 a)
{
	mutex_lock(&nxi->addr_lock);
	WRITE_ONCE(nxi->lback, a);
	mutex_unlock(&nxi->addr_lock);
}

static bool match4(const struct nx_addr4 *const e, const __be32 a)
{
	switch (e->type) {
	case NXA_TYPE_ADDR:
		/* the address, or the broadcast address of its network */
		return a == e->ip ||
		       (e->mask != htonl(INADDR_BROADCAST) && e->mask &&
			a == (e->ip | ~e->mask));
	case NXA_TYPE_MASK:
		return (a & e->mask) == e->ip;
	case NXA_TYPE_RANGE:
		return ntohl(e->ip) <= ntohl(a) && ntohl(a) < ntohl(e->ip2);
	}
	return false;
}

/**
 * nx_v4_allowed - May a socket of @nxi use local IPv4 address @a?
 * @nxi: the network context
 * @a: the address
 *
 * Multicast is the caller's business.
 *
 * Return: true for an address one of its entries covers, its broadcast
 * and its loopback address.
 */
bool nx_v4_allowed(const struct nx_info *const nxi, const __be32 a)
{
	const struct nx_addrs *l;
	unsigned int i;
	bool ok = false;

	if (a == READ_ONCE(nxi->lback) || a == READ_ONCE(nxi->bcast))
		return true;
	rcu_read_lock();
	l = rcu_dereference(nxi->addrs);
	for (i = 0; l && i < l->n4 && !ok; i++)
		ok = match4(&l->v4[i], a);
	rcu_read_unlock();
	return ok;
}

/**
 * nx_v4_first - The context's first IPv4 address
 * @nxi: the network context
 *
 * What a wildcard bind becomes with NXF_SINGLE_IP, and the source of last
 * resort of a guest's packet (net.c).
 *
 * Return: the first single-address entry, else the first address of the
 * first range, else 0: a context with networks only (MASK entries) names
 * no address of its own.
 */
__be32 nx_v4_first(const struct nx_info *const nxi)
{
	const struct nx_addrs *l;
	__be32 a = 0;
	unsigned int i;

	rcu_read_lock();
	l = rcu_dereference(nxi->addrs);
	for (i = 0; l && i < l->n4 && !a; i++)
		if (l->v4[i].type == NXA_TYPE_ADDR)
			a = l->v4[i].ip;
	for (i = 0; l && i < l->n4 && !a; i++)
		if (l->v4[i].type == NXA_TYPE_RANGE)
			a = l->v4[i].ip;
	rcu_read_unlock();
	return a;
}

static bool match6(const struct nx_addr6 *const e, const struct in6_addr *const a)
{
	return !ipv6_masked_addr_cmp(&e->ip, &e->mask, a);
}

/** nx_v6_allowed - May a socket of @nxi use local IPv6 address @a? */
bool nx_v6_allowed(const struct nx_info *const nxi, const struct in6_addr *const a)
{
	const struct nx_addrs *l;
	unsigned int i;
	bool ok = false;

	if (ipv6_addr_v4mapped(a))
		return nx_v4_allowed(nxi, a->s6_addr32[3]);
	rcu_read_lock();
	l = rcu_dereference(nxi->addrs);
	for (i = 0; l && i < l->n6 && !ok; i++)
		ok = match6(&l->v6[i], a);
	rcu_read_unlock();
	return ok;
}

/** nx_v6_first - The first single-address IPv6 entry; false when none */
bool nx_v6_first(const struct nx_info *const nxi, struct in6_addr *const ret)
{
	const struct nx_addrs *l;
	unsigned int i;
	bool found = false;

	rcu_read_lock();
	l = rcu_dereference(nxi->addrs);
	for (i = 0; l && i < l->n6 && !found; i++) {
		if (l->v6[i].type != NXA_TYPE_ADDR)
			continue;
		*ret = l->v6[i].ip;
		found = true;
	}
	rcu_read_unlock();
	return found;
}

/**
 * nx_has_family - Does the context hold an entry of IPv4 (@v6 false) or IPv6?
 * @nxi: the network context
 * @v6: the family
 *
 * Return: true when a wildcard socket of that family has something to
 * receive on.
 */
bool nx_has_family(const struct nx_info *const nxi, const bool v6)
{
	const struct nx_addrs *l;
	bool has;

	rcu_read_lock();
	l = rcu_dereference(nxi->addrs);
	has = l && (v6 ? l->n6 : l->n4);
	rcu_read_unlock();
	return has;
}

/* The addresses an IPv4 entry covers, as a host-order interval. */
static bool span4(const struct nx_addr4 *const e, u32 *const lo, u32 *const hi)
{
	switch (e->type) {
	case NXA_TYPE_MASK:
		*lo = ntohl(e->ip & e->mask);
		*hi = *lo | ~ntohl(e->mask);
		return true;
	case NXA_TYPE_RANGE:
		*lo = ntohl(e->ip);
		*hi = ntohl(e->ip2) - 1;
		return *lo <= *hi;
	}
	*lo = ntohl(e->ip);
	*hi = *lo;
	return true;
}

/** nx_addr4_meet - Do two IPv4 entries cover a common address? (@a, @b) */
bool nx_addr4_meet(const struct nx_addr4 *const a, const struct nx_addr4 *const b)
{
	u32 alo, ahi, blo, bhi;

	return span4(a, &alo, &ahi) && span4(b, &blo, &bhi) &&
	       alo <= bhi && blo <= ahi;
}

/** nx_addr6_meet - Do two IPv6 entries cover a common address? (@a, @b) */
bool nx_addr6_meet(const struct nx_addr6 *const a, const struct nx_addr6 *const b)
{
	unsigned int i;

	for (i = 0; i < 4; i++)
		if ((a->ip.s6_addr32[i] ^ b->ip.s6_addr32[i]) &
		    a->mask.s6_addr32[i] & b->mask.s6_addr32[i])
			return false;
	return true;
}

/**
 * nx_addrs_meet - Do two network contexts share an address?
 * @a: one network context
 * @b: the other
 *
 * Two wildcard sockets of different contexts on one port conflict only
 * when an address would reach both. The broadcast addresses do not count
 * (every context has 255.255.255.255 at first, and a broadcast goes to
 * every socket that takes it); equal loopback addresses do.
 *
 * Return: true when an entry of @a and one of @b cover a common address.
 */
bool nx_addrs_meet(const struct nx_info *const a, const struct nx_info *const b)
{
	const struct nx_addrs *la, *lb;
	unsigned int i, j;
	bool meet = READ_ONCE(a->lback) == READ_ONCE(b->lback);

	rcu_read_lock();
	la = rcu_dereference(a->addrs);
	lb = rcu_dereference(b->addrs);
	for (i = 0; la && lb && i < la->n4 && !meet; i++)
		for (j = 0; j < lb->n4 && !meet; j++)
			meet = nx_addr4_meet(&la->v4[i], &lb->v4[j]);
	for (i = 0; la && lb && i < la->n6 && !meet; i++)
		for (j = 0; j < lb->n6 && !meet; j++)
			meet = nx_addr6_meet(&la->v6[i], &lb->v6[j]);
	rcu_read_unlock();
	return meet;
}
