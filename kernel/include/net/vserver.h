/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Linux-VServer - Address checks on the IPv4 and IPv6 paths
 *
 * A guest socket (one of a network context) bound to the wildcard receives
 * only what is addressed to its context, conflicts on its port only with
 * sockets that could take the same traffic, and its packets leave from one
 * of its context's addresses. The socket lookups, the bind-conflict checks
 * and the output route lookups of IPv4 and IPv6 call the functions here
 * (patches/ name the sites).
 *
 * Host sockets pay a patched-out jump until the first network context is
 * created (the static key vs_nx_used), then two loads and a branch: the
 * inline test reads the socket's network context from its LSM blob.
 *
 * Copyright (C) 2026 The vserver authors
 */

#ifndef _NET_VSERVER_H
#define _NET_VSERVER_H

#include <linux/err.h>
#include <linux/jump_label.h>
#include <linux/vserver.h>
#include <net/ipv6.h>
#include <net/sock.h>

struct dst_entry;
struct flowi4;
struct net_device;
struct flowi6;
struct rtable;

#ifdef CONFIG_VSERVER

/*
 * Where the vserver part of a socket's LSM blob starts (its nxi first);
 * the static key vs_nx_used is declared in <linux/vserver.h>.
 */
extern unsigned int vs_sock_blob __ro_after_init;

bool __vs_sk_rcv4(const struct sock *sk, __be32 daddr);
bool __vs_sk_rcv6(const struct sock *sk, const struct in6_addr *daddr);
bool __vs_sk_addrs_meet(const struct sock *sk, const struct sock *sk2);
void __vs_route4_flow(const struct sock *sk, struct flowi4 *fl4);
struct rtable *__vs_route4(struct net *net, struct flowi4 *fl4,
			   const struct sock *sk, struct rtable *rt);
__be32 __vs_connect_src4(const struct sock *sk, __be32 src, __be32 daddr,
			 const struct net_device *dev);
int __vs_route6(const struct sock *sk, const struct dst_entry *dst,
		struct flowi6 *fl6);

/* Is @sk, a full socket, one of a network context? */
static inline bool vs_sk_guest(const struct sock *sk)
{
	return static_branch_unlikely(&vs_nx_used) &&
	       *(void *const *)(sk->sk_security + vs_sock_blob);
}

/**
 * vs_sk_rcv4 - May @sk receive an IPv4 packet addressed to @daddr?
 * @sk: a full socket whose bound address the lookup has matched
 * @daddr: the packet's destination (0: a lookup that names none)
 *
 * Return: false for a guest's wildcard socket and an address that is not
 * its context's.
 */
static inline bool vs_sk_rcv4(const struct sock *sk, __be32 daddr)
{
	return !vs_sk_guest(sk) || sk->sk_rcv_saddr || __vs_sk_rcv4(sk, daddr);
}

/** vs_sk_rcv6 - As vs_sk_rcv4(), for IPv6 (@sk, @daddr) */
static inline bool vs_sk_rcv6(const struct sock *sk,
			      const struct in6_addr *daddr)
{
	return !vs_sk_guest(sk) || !ipv6_addr_any(&sk->sk_v6_rcv_saddr) ||
	       __vs_sk_rcv6(sk, daddr);
}

/**
 * vs_sk_addrs_meet - Can two sockets on one port take the same traffic?
 * @sk: a socket (full, or in TIME_WAIT)
 * @sk2: another
 *
 * Return: false when one is a guest's wildcard socket and the other's
 * address (or context) has no address in common with it: their binds do
 * not conflict, and they never share a reuseport group.
 */
static inline bool vs_sk_addrs_meet(const struct sock *sk,
				    const struct sock *sk2)
{
	return !static_branch_unlikely(&vs_nx_used) ||
	       __vs_sk_addrs_meet(sk, sk2);
}

/**
 * vs_route4_flow - Prepare a guest's IPv4 flow for its route lookup
 * @fl4: the flow about to be looked up
 * @sk: the socket that sends, or NULL
 *
 * A guest's loopback address (127.x.y.1, NXF_LBACK_REMAP) is local through
 * lo's 127.0.0.0/8 without being an address of lo, so routing would check
 * it in the local table on every lookup; the flow is marked to skip that
 * check (a loopback source never leaves by another device anyway).
 */
static inline void vs_route4_flow(struct flowi4 *fl4, const struct sock *sk)
{
	if (sk && static_branch_unlikely(&vs_nx_used) && sk_fullsock(sk) &&
	    vs_sk_guest(sk))
		__vs_route4_flow(sk, fl4);
}

/**
 * vs_route4 - Give a guest's IPv4 packet a source of its context
 * @net: the namespace of the lookup
 * @fl4: the flow @rt was looked up for
 * @sk: the socket that sends, or NULL
 * @rt: the route found
 *
 * Return: @rt, or the route for the source chosen in its place (then
 * @fl4->saddr is that source), or an ERR_PTR (@rt released).
 */
static inline struct rtable *vs_route4(struct net *net, struct flowi4 *fl4,
				       const struct sock *sk, struct rtable *rt)
{
	if (!sk || !static_branch_unlikely(&vs_nx_used) || !sk_fullsock(sk) ||
	    !vs_sk_guest(sk))
		return rt;
	return __vs_route4(net, fl4, sk, rt);
}

/**
 * vs_connect_src4 - The source of a guest's connection, chosen early
 * @sk: the connecting socket
 * @src: the source the first lookup of ip_route_connect() chose
 * @daddr: the destination
 * @dev: the device that lookup's route leaves by
 *
 * Chosen where ip_route_connect() learns the source (as vs_route4() would
 * choose it), so that the route looked up next has the guest's source
 * already and vs_route4() has nothing to look up again.
 *
 * Return: @src for a host socket, else the guest's source (0: none).
 */
static inline __be32 vs_connect_src4(const struct sock *sk, __be32 src,
				     __be32 daddr, const struct net_device *dev)
{
	return vs_sk_guest(sk) ? __vs_connect_src4(sk, src, daddr, dev) : src;
}

/**
 * vs_route6 - Give a guest's IPv6 packet a source of its context
 * @sk: the socket that sends, or NULL
 * @dst: the route found for @fl6 without a source
 * @fl6: the flow, its source as routing chose it
 *
 * Return: 0 (@fl6->saddr may have changed), or -EADDRNOTAVAIL when the
 * context has no IPv6 address.
 */
static inline int vs_route6(const struct sock *sk, const struct dst_entry *dst,
			    struct flowi6 *fl6)
{
	if (!sk || !static_branch_unlikely(&vs_nx_used) || !sk_fullsock(sk) ||
	    !vs_sk_guest(sk))
		return 0;
	return __vs_route6(sk, dst, fl6);
}

#else /* !CONFIG_VSERVER */

/* Every socket receives what its bound address matches. */
static inline bool vs_sk_rcv4(const struct sock *sk, __be32 daddr)
{
	return true;
}

static inline bool vs_sk_rcv6(const struct sock *sk,
			      const struct in6_addr *daddr)
{
	return true;
}

/* Bind conflicts are Linux's. */
static inline bool vs_sk_addrs_meet(const struct sock *sk,
				    const struct sock *sk2)
{
	return true;
}

/* Routing chooses the source. */
static inline void vs_route4_flow(struct flowi4 *fl4, const struct sock *sk)
{
}

static inline __be32 vs_connect_src4(const struct sock *sk, __be32 src,
				     __be32 daddr, const struct net_device *dev)
{
	return src;
}

static inline struct rtable *vs_route4(struct net *net, struct flowi4 *fl4,
				       const struct sock *sk, struct rtable *rt)
{
	return rt;
}

static inline int vs_route6(const struct sock *sk, const struct dst_entry *dst,
			    struct flowi6 *fl6)
{
	return 0;
}

#endif /* CONFIG_VSERVER */

#endif /* _NET_VSERVER_H */
