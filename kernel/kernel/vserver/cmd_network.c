// SPDX-License-Identifier: GPL-2.0-only
/*
 * Linux-VServer - The network context (nid) commands
 *
 * Each handler runs after the dispatcher checked permissions, looked up the
 * target (call->nxi) and copied the data structure into call->buf. The
 * address commands follow ABI §3.3 "Network contexts" to the errno.
 *
 * Copyright (C) 2026 The vserver authors
 */

#include <linux/err.h>
#include <linux/inet.h>
#include <linux/pid.h>
#include <linux/rcupdate.h>
#include <linux/sched.h>
#include <linux/string.h>
#include <linux/vserver.h>
#include <linux/vserver/network.h>
#include <linux/vserver/switch.h>
#include <net/ipv6.h>

#include "common.h"
#include "cred.h"
#include "helper.h"
#include "network.h"
#include "switch.h"

#define BUF(call, type) ((type *)(call)->buf)

/**
 * vs_net_create - Create a network context and move the caller into it
 * @call: id = the new nid; data = optional struct vcmd_net_create (v1)
 *
 * Return: the nid, or -EINVAL for an id outside 2..65535, -EPERM from a
 * task that is not on the host, -EBUSY/-EEXIST when the id is taken,
 * -ENOEXEC when NXF_SC_HELPER is set and the netup helper failed, -ENOMEM.
 */
long vs_net_create(struct vs_call *const call)
{
	const struct vcmd_net_create *const d = BUF(call, struct vcmd_net_create);
	const u64 flags = call->has_data ? d->flagword : NXF_INIT_SET;
	struct nx_info *nxi;
	int err;

	if (call->id < NX_NID_MIN || call->id > NX_NID_MAX)
		return -EINVAL;
	if (vs_current_xid() != 0)
		return -EPERM;
	nxi = nx_create(call->id, flags);
	if (IS_ERR(nxi))
		return PTR_ERR(nxi);
	/* ABI §4.17: a failing netup helper refuses the network context. */
	if ((flags & NXF_SC_HELPER) &&
	    vs_helper("netup", nxi->nid, VS_HELPER_NETUP, false, true)) {
		nx_set_flags(nxi, 0, NXF_SC_HELPER);
		nx_release_unused(nxi);
		nx_put(nxi);
		return -ENOEXEC;
	}
	err = vs_nx_migrate(nxi, nxi->nid);
	if (err)
		nx_release_unused(nxi);
	nx_put(nxi);
	return err ?: call->id;
}

/**
 * vs_net_migrate - Move the caller (a host task) into a network context
 * @call: call->nxi = the network context
 *
 * Return: 0, -EACCES into a PRIVATE network context past setup, -EFAULT
 * into one that is going away, -ENOMEM.
 */
long vs_net_migrate(struct vs_call *const call)
{
	struct nx_info *const nxi = call->nxi;
	const u64 flags = READ_ONCE(nxi->flags);

	if ((flags & NXF_INFO_PRIVATE) && !(flags & NXF_STATE_SETUP))
		return -EACCES;
	if (!READ_ONCE(nxi->active))
		return -EFAULT;
	return vs_nx_migrate(nxi, nxi->nid);
}

/* task_nid: as task_xid. */
long vs_get_task_nid(struct vs_call *const call)
{
	struct task_struct *task;
	long ret = -ESRCH;

	if (!call->id)
		return vs_cred(current_cred())->nid;
	rcu_read_lock();
	task = find_task_by_vpid(call->id);
	if (task && vs_task_visible(task))
		ret = vs_cred(__task_cred(task))->nid;
	rcu_read_unlock();
	return ret;
}

long vs_nx_info(struct vs_call *const call)
{
	BUF(call, struct vcmd_nx_info_v0)->nid = call->nxi->nid;
	return 0;
}

long vs_get_nflags(struct vs_call *const call)
{
	struct vcmd_flags_v0 *const d = BUF(call, struct vcmd_flags_v0);

	d->flagword = READ_ONCE(call->nxi->flags);
	d->mask = nx_flags_mask(call->nxi);
	return 0;
}

/* The STATE bits can only be cleared; clearing PERSISTENT may end it. */
long vs_set_nflags(struct vs_call *const call)
{
	const struct vcmd_flags_v0 *const d = BUF(call, struct vcmd_flags_v0);

	nx_set_flags(call->nxi, d->flagword, d->mask);
	return 0;
}

long vs_get_ncaps(struct vs_call *const call)
{
	struct vcmd_net_caps_v0 *const d = BUF(call, struct vcmd_net_caps_v0);

	d->ncaps = READ_ONCE(call->nxi->ncaps);
	d->cmask = ~0ULL;
	return 0;
}

long vs_set_ncaps(struct vs_call *const call)
{
	const struct vcmd_net_caps_v0 *const d = BUF(call, struct vcmd_net_caps_v0);
	struct nx_info *const nxi = call->nxi;

	spin_lock(&nxi->lock);
	nxi->ncaps = (nxi->ncaps & ~d->cmask) | (d->ncaps & d->cmask);
	spin_unlock(&nxi->lock);
	return 0;
}

/**
 * vs_net_add_v0 - The legacy address command (net_add)
 * @call: data = struct vcmd_net_addr_v0
 *
 * Return: the number of addresses added (1 to 4), 1 for a broadcast or
 * loopback address, -EINVAL for another type or count, or an error of
 * nx_add4() (then the addresses before the failing one stay).
 */
long vs_net_add_v0(struct vs_call *const call)
{
	const struct vcmd_net_addr_v0 *const d = BUF(call, struct vcmd_net_addr_v0);
	struct nx_addr4 e = { .type = NXA_TYPE_ADDR };
	unsigned int i;
	int err;

	switch (d->type) {
	case NXA_TYPE_IPV4:
		if (d->count < 1 || d->count > 4)
			return -EINVAL;
		for (i = 0; i < d->count; i++) {
			e.ip = d->ip[i];
			e.mask = d->mask[i];
			err = nx_add4(call->nxi, &e);
			if (err)
				return err;
		}
		return d->count;
	case NXA_TYPE_IPV4 | NXA_MOD_BCAST:
		nx_set_bcast(call->nxi, d->ip[0]);
		return 1;
	case NXA_TYPE_IPV4 | NXA_MOD_LBACK:
		nx_set_lback(call->nxi, d->ip[0]);
		return 1;
	}
	return -EINVAL;
}

/* net_remove (v0): only "remove every IPv4 address" exists. */
long vs_net_remove_v0(struct vs_call *const call)
{
	if (BUF(call, struct vcmd_net_addr_v0)->type != NXA_TYPE_ANY)
		return -EINVAL;
	return nx_clear(call->nxi, true, false);
}

/* The v1 and v2 structures as one entry: v1 has no ip2. */
static void addr4_arg(const struct vs_call *const call, struct nx_addr4 *const e)
{
	if (call->cmd == VCMD_net_add_ipv4_v1 || call->cmd == VCMD_net_rem_ipv4_v1) {
		const struct vcmd_net_addr_ipv4_v1 *const d =
			BUF(call, struct vcmd_net_addr_ipv4_v1);

		*e = (struct nx_addr4){ .ip = d->ip, .mask = d->mask,
					.type = d->type, .flags = d->flags };
	} else {
		const struct vcmd_net_addr_ipv4_v2 *const d =
			BUF(call, struct vcmd_net_addr_ipv4_v2);

		*e = (struct nx_addr4){ .ip = d->ip, .ip2 = d->ip2,
					.mask = d->mask, .type = d->type,
					.flags = d->flags };
	}
}

/**
 * vs_net_add_ipv4 - Add an IPv4 entry (net_add_ipv4_v1 and v2)
 * @call: data = struct vcmd_net_addr_ipv4_v1 or _v2
 *
 * ADDR (mask kept as given) and MASK entries; RANGE only with v2; ADDR
 * with MOD_BCAST or MOD_LBACK sets the broadcast or loopback address.
 *
 * Return: 0, -EINVAL for another type (or a range whose end is not after
 * its start), -EEXIST for an identical entry, -ENOSPC, -ENOMEM.
 */
long vs_net_add_ipv4(struct vs_call *const call)
{
	struct nx_addr4 e;

	addr4_arg(call, &e);
	switch (e.type) {
	case NXA_TYPE_ADDR:
	case NXA_TYPE_MASK:
		if (call->cmd == VCMD_net_add_ipv4)
			break;
		e.ip2 = 0;
		break;
	case NXA_TYPE_RANGE:
		if (call->cmd != VCMD_net_add_ipv4 ||
		    ntohl(e.ip2) <= ntohl(e.ip))
			return -EINVAL;
		break;
	case NXA_TYPE_ADDR | NXA_MOD_BCAST:
		nx_set_bcast(call->nxi, e.ip);
		return 0;
	case NXA_TYPE_ADDR | NXA_MOD_LBACK:
		nx_set_lback(call->nxi, e.ip);
		return 0;
	default:
		return -EINVAL;
	}
	return nx_add4(call->nxi, &e);
}

/**
 * vs_net_rem_ipv4 - Remove an IPv4 entry, or all (net_rem_ipv4_v1 and v2)
 * @call: data = struct vcmd_net_addr_ipv4_v1 or _v2
 *
 * Return: 0, -ESRCH when no entry matches in every field, -EINVAL for a
 * type other than ADDR, MASK, RANGE (v2) and ANY.
 */
long vs_net_rem_ipv4(struct vs_call *const call)
{
	struct nx_addr4 e;

	addr4_arg(call, &e);
	switch (e.type) {
	case NXA_TYPE_ANY:
		return nx_clear(call->nxi, true, false);
	case NXA_TYPE_RANGE:
		if (call->cmd != VCMD_net_rem_ipv4)
			return -EINVAL;
		fallthrough;
	case NXA_TYPE_ADDR:
	case NXA_TYPE_MASK:
		return nx_remove4(call->nxi, &e);
	}
	return -EINVAL;
}

/* An IPv6 entry from the command: ADDR has an all-ones mask. */
static int addr6_arg(const struct vs_call *const call, struct nx_addr6 *const e)
{
	const struct vcmd_net_addr_ipv6_v1 *const d =
		BUF(call, struct vcmd_net_addr_ipv6_v1);

	if (d->prefix > 128)
		return -EINVAL;
	*e = (struct nx_addr6){ .prefix = d->prefix, .type = d->type,
				.flags = d->flags };
	memcpy(&e->ip, d->ip, sizeof(e->ip));
	if (d->type == NXA_TYPE_ADDR)
		memset(&e->mask, 0xff, sizeof(e->mask));
	else
		memcpy(&e->mask, d->mask, sizeof(e->mask));
	return 0;
}

/**
 * vs_net_add_ipv6 - Add an IPv6 address or network
 * @call: data = struct vcmd_net_addr_ipv6_v1
 *
 * Return: 0, -EINVAL for a type other than ADDR and MASK or a prefix above
 * 128, -EEXIST, -ENOSPC, -ENOMEM.
 */
long vs_net_add_ipv6(struct vs_call *const call)
{
	struct nx_addr6 e;
	int err = addr6_arg(call, &e);

	if (err)
		return err;
	if (e.type != NXA_TYPE_ADDR && e.type != NXA_TYPE_MASK)
		return -EINVAL;
	return nx_add6(call->nxi, &e);
}

/** vs_net_remove_ipv6 - Remove an IPv6 entry (exact match), or all (ANY) */
long vs_net_remove_ipv6(struct vs_call *const call)
{
	struct nx_addr6 e;
	int err;

	if (BUF(call, struct vcmd_net_addr_ipv6_v1)->type == NXA_TYPE_ANY)
		return nx_clear(call->nxi, false, true);
	err = addr6_arg(call, &e);
	if (err)
		return err;
	if (e.type != NXA_TYPE_ADDR && e.type != NXA_TYPE_MASK)
		return -EINVAL;
	return nx_remove6(call->nxi, &e);
}
