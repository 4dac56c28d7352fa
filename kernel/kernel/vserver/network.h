/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Linux-VServer - Network contexts (nid)
 *
 * Copyright (C) 2026 The vserver authors
 */

#ifndef _VSERVER_NETWORK_H
#define _VSERVER_NETWORK_H

#include <linux/in6.h>
#include <linux/mutex.h>
#include <linux/rcupdate.h>
#include <linux/types.h>

#include "idtab.h"

/* The most entries of one family a network context holds. */
#define NX_ADDR_MAX 64

/**
 * struct nx_addr4 - One IPv4 entry (ABI §3.3 "Network contexts")
 * @ip: the address, the network, or the first address of a range
 * @ip2: the end of a range (excluded), else 0
 * @mask: the netmask (all ones for ADDR)
 * @type: NXA_TYPE_ADDR, _MASK or _RANGE
 * @flags: stored as given
 */
struct nx_addr4 {
	__be32 ip;
	__be32 ip2;
	__be32 mask;
	u16 type;
	u16 flags;
};

/**
 * struct nx_addr6 - One IPv6 entry
 * @ip: the address or network
 * @mask: the netmask (all ones for ADDR)
 * @prefix: the prefix length as given
 * @type: NXA_TYPE_ADDR or _MASK
 * @flags: stored as given
 */
struct nx_addr6 {
	struct in6_addr ip;
	struct in6_addr mask;
	u32 prefix;
	u16 type;
	u16 flags;
};

/**
 * struct nx_addrs - The address lists of a network context, read under RCU
 * @rcu: frees a replaced list
 * @n4: entries in @v4
 * @n6: entries in @v6
 * @v4: the IPv4 entries, in the order they were added
 * @v6: the IPv6 entries
 *
 * Never changed once published: an update publishes a new copy.
 */
struct nx_addrs {
	struct rcu_head rcu;
	unsigned int n4;
	unsigned int n6;
	struct nx_addr4 v4[NX_ADDR_MAX];
	struct nx_addr6 v6[NX_ADDR_MAX];
};

/**
 * struct nx_info - A network context: the addresses a guest may use
 * @head: the id-table head (idtab.h), its fields also reachable by name:
 *        @nid (2..65535), @usecnt (the hash while active, creds, counted
 *        tasks, sockets, open /proc/virtnet files), @lock (also protects
 *        @ncaps), @tasks, @active, @flags (NXF_*), @proc
 * @ncaps: NXC_* network capabilities
 * @bcast: the broadcast address (255.255.255.255 at first)
 * @lback: the loopback address 127.0.0.1 binds and connects go to with
 *         NXF_LBACK_REMAP (127.<nid high>.<nid low>.1 at first)
 * @addr_lock: serializes changes of @addrs, @bcast and @lback
 * @addrs: the address lists, NULL while empty
 */
struct nx_info {
	union {
		struct vs_id head;
		struct {
			VS_ID_HEAD(nid);
		};
	};
	u64 ncaps;
	__be32 bcast;
	__be32 lback;
	struct mutex addr_lock; /* see @addr_lock above */
	struct nx_addrs __rcu *addrs;
};

#define NX_NID_MIN 2
#define NX_NID_MAX 65535

static inline struct nx_info *nx_get(struct nx_info *const nxi)
{
	if (nxi)
		vs_id_get(&nxi->head);
	return nxi;
}

void nx_put(struct nx_info *nxi);
struct nx_info *nx_lookup(u32 nid);
struct nx_info *nx_create(u32 nid, u64 flags);
void nx_release_unused(struct nx_info *nxi);
void nx_task_enter(struct nx_info *nxi);
void nx_task_leave(struct nx_info *nxi);
u64 nx_set_flags(struct nx_info *nxi, u64 flags, u64 mask);
u64 nx_flags_mask(const struct nx_info *nxi);
unsigned int nx_count_total(void);
unsigned int nx_count_active(void);

int nx_add4(struct nx_info *nxi, const struct nx_addr4 *e);
int nx_remove4(struct nx_info *nxi, const struct nx_addr4 *e);
int nx_add6(struct nx_info *nxi, const struct nx_addr6 *e);
int nx_remove6(struct nx_info *nxi, const struct nx_addr6 *e);
int nx_clear(struct nx_info *nxi, bool v4, bool v6);
void nx_set_bcast(struct nx_info *nxi, __be32 a);
void nx_set_lback(struct nx_info *nxi, __be32 a);

bool nx_v4_allowed(const struct nx_info *nxi, __be32 a);
__be32 nx_v4_first(const struct nx_info *nxi);
bool nx_v6_allowed(const struct nx_info *nxi, const struct in6_addr *a);
bool nx_v6_first(const struct nx_info *nxi, struct in6_addr *ret);
bool nx_has_family(const struct nx_info *nxi, bool v6);
bool nx_addr4_meet(const struct nx_addr4 *a, const struct nx_addr4 *b);
bool nx_addr6_meet(const struct nx_addr6 *a, const struct nx_addr6 *b);
bool nx_addrs_meet(const struct nx_info *a, const struct nx_info *b);

void vs_nx_start(void);
int nx_proc_attach(struct nx_info *nxi);
void nx_proc_detach(struct nx_info *nxi);

#endif /* _VSERVER_NETWORK_H */
