// SPDX-License-Identifier: GPL-2.0-only
/*
 * Linux-VServer - Address isolation of guest sockets on the shared stack
 *
 * A socket belongs to the network context of the task that created it
 * (accepted sockets to their listener's). For a socket of nid 0 every LSM
 * hook here is one load and a branch (the inline checks of <net/vserver.h>
 * as much). For a guest socket (IPv4 and IPv6; TCP,
 * UDP, raw and ping):
 *
 * - bind: the address must be one of the context's (an entry, its
 *   broadcast or its loopback address), else ``EADDRNOTAVAIL``; with
 *   NXF_LBACK_REMAP, 127.0.0.1 becomes the context's loopback address. A
 *   wildcard bind stays one (``EADDRNOTAVAIL`` if the context has no entry
 *   of the family), but the socket receives only what is addressed to the
 *   context: its addresses, broadcast, loopback address, and the multicast
 *   groups it joined (the socket lookups ask vs_sk_rcv4() and
 *   vs_sk_rcv6()). Two wildcard sockets of contexts without a common
 *   address do not conflict on a port, nor share a reuseport group
 *   (vs_sk_addrs_meet()), so two guests may both listen on 0.0.0.0:80.
 *   With NXF_SINGLE_IP the wildcard becomes the context's first address
 *   (as ::ffff:a.b.c.d for a dual-stack socket of a guest without IPv6),
 *   if it has one (networks only name none).
 * - connect, sendto: 127.0.0.1 as destination becomes the context's
 *   loopback address with LBACK_REMAP; host loopback is unreachable
 *   otherwise (unless LBACK_ALLOW). The source of every route a guest
 *   socket takes is the context's (vs_route4(), vs_route6()): the one
 *   routing chose if it is, else the context's address on the device the
 *   packet leaves by, else its first address, so the source is never a
 *   host address. A source given with IP_PKTINFO or IPV6_PKTINFO must be
 *   the context's.
 * - socket options that set or fake the source address (IP_HDRINCL,
 *   IP_TRANSPARENT, IP_FREEBIND, their IPv6 twins, the sticky IPV6_PKTINFO)
 *   are refused; multicast membership needs NXC_MULTICAST.
 * - socket(2): packet sockets are refused; raw sockets only for ICMP and
 *   ICMPv6 with NXC_RAW_ICMP (CAP_NET_RAW is still needed besides).
 * - what the guest reads of the stack: with NXF_HIDE_NETIF only its own
 *   addresses, devices, routes and sockets; with NXF_HIDE_LBACK its
 *   loopback address shows as 127.0.0.1 (the vs_*_hidden() and
 *   vs_*_shown() functions, called from patches/).
 *
 * The sockaddr the bind, connect and sendmsg hooks receive is the kernel's
 * copy of the caller's, which the protocol then reads: the rewrites above
 * change that copy, and nothing the caller passed.
 *
 * Copyright (C) 2026 The vserver authors
 */

#include <linux/in.h>
#include <linux/in6.h>
#include <linux/inetdevice.h>
#include <linux/lsm_hooks.h>
#include <linux/netlink.h>
#include <linux/net.h>
#include <linux/socket.h>
#include <linux/vserver.h>
#include <linux/vserver/network.h>
#include <net/addrconf.h>
#include <net/inet_connection_sock.h>
#include <net/inet_sock.h>
#include <net/ip6_fib.h>
#include <net/ip_fib.h>
#include <net/ipv6.h>
#include <net/nexthop.h>
#include <net/route.h>
#include <net/sock.h>
#include <net/vserver.h>

#include "common.h"
#include "cred.h"
#include "network.h"

static struct nx_info *sock_nxi(const struct socket *const sock)
{
	return sock->sk ? vs_sock(sock->sk)->nxi : NULL;
}

static bool is_inet(const struct sock *const sk)
{
	return sk->sk_family == AF_INET || sk->sk_family == AF_INET6;
}

/* --- socket creation ---------------------------------------------------- */

static int hook_socket_create(const int family, const int type,
			      const int protocol, const int kern)
{
	const struct nx_info *const nxi = vs_cred(current_cred())->nxi;

	if (kern || !nxi)
		return 0;
	if (family == AF_PACKET)
		return -EPERM;
	/*
	 * sock_diag (ss) lists every socket of the network namespace: with
	 * NXF_HIDE_NETIF a guest finds no such interface, as on a kernel
	 * without it, and ss reads the /proc/net files instead, which show
	 * the guest its own sockets only.
	 */
	if (family == AF_NETLINK && protocol == NETLINK_SOCK_DIAG &&
	    (READ_ONCE(nxi->flags) & NXF_HIDE_NETIF))
		return -EPROTONOSUPPORT;
	if (type == SOCK_RAW && (family == AF_INET || family == AF_INET6)) {
		const int icmp = family == AF_INET ? IPPROTO_ICMP : IPPROTO_ICMPV6;

		if (protocol != icmp || !(READ_ONCE(nxi->ncaps) & NXC_RAW_ICMP))
			return -EPERM;
	}
	return 0;
}

static int hook_socket_post_create(struct socket *const sock, const int family,
				   const int type, const int protocol,
				   const int kern)
{
	struct nx_info *const nxi = vs_cred(current_cred())->nxi;

	if (!kern && nxi && sock->sk)
		vs_sock(sock->sk)->nxi = nx_get(nxi);
	return 0;
}

static void hook_sk_free_security(struct sock *const sk)
{
	nx_put(vs_sock(sk)->nxi);
	vs_sock(sk)->nxi = NULL;
}

static void hook_sk_clone_security(const struct sock *const sk,
				   struct sock *const newsk)
{
	vs_sock(newsk)->nxi = nx_get(vs_sock(sk)->nxi);
}

/*
 * The server end of a UNIX stream connection is made by the connecting
 * task, without socket_post_create: it is the listener's, as TCP's
 * accepted sockets are (sk_clone_security).
 */
static int hook_unix_stream_connect(struct sock *const sock,
				    struct sock *const other,
				    struct sock *const newsk)
{
	vs_sock(newsk)->nxi = nx_get(vs_sock(other)->nxi);
	return 0;
}

/* --- addresses ------------------------------------------------------------ */

/* Check, or rewrite, a local IPv4 address of a guest socket. */
static int local4(const struct nx_info *const nxi, __be32 *const a)
{
	const u64 flags = READ_ONCE(nxi->flags);

	if (*a == htonl(INADDR_ANY)) {
		if (flags & NXF_SINGLE_IP)
			*a = nx_v4_first(nxi);
		return *a || nx_has_family(nxi, false) ? 0 : -EADDRNOTAVAIL;
	}
	if (*a == htonl(INADDR_LOOPBACK) && (flags & NXF_LBACK_REMAP)) {
		*a = READ_ONCE(nxi->lback);
		return 0;
	}
	if (ipv4_is_loopback(*a) && (flags & NXF_LBACK_ALLOW))
		return 0;
	if (ipv4_is_multicast(*a))
		return (READ_ONCE(nxi->ncaps) & NXC_MULTICAST) ? 0 : -EADDRNOTAVAIL;
	return nx_v4_allowed(nxi, *a) ? 0 : -EADDRNOTAVAIL;
}

/*
 * As local4() for IPv6. The wildcard stays the wildcard when the guest has
 * an address the socket can receive on: an IPv6 one, or for a dual-stack
 * socket (@v4ok: not IPV6_V6ONLY) an IPv4 one. With NXF_SINGLE_IP it
 * becomes the first IPv6 address, else the IPv4 one (as ::ffff:a.b.c.d),
 * if the guest has one.
 */
static int local6(const struct nx_info *const nxi, struct in6_addr *const a,
		  const bool v4ok)
{
	const u64 flags = READ_ONCE(nxi->flags);

	if (ipv6_addr_v4mapped(a)) {
		__be32 v4 = a->s6_addr32[3];
		int err = local4(nxi, &v4);

		if (!err)
			ipv6_addr_set_v4mapped(v4, a);
		return err;
	}
	if (ipv6_addr_any(a)) {
		if (flags & NXF_SINGLE_IP) {
			__be32 v4;

			if (nx_v6_first(nxi, a))
				return 0;
			v4 = v4ok ? nx_v4_first(nxi) : 0;
			if (v4) {
				ipv6_addr_set_v4mapped(v4, a);
				return 0;
			}
		}
		return nx_has_family(nxi, true) ||
		       (v4ok && nx_has_family(nxi, false)) ? 0 : -EADDRNOTAVAIL;
	}
	if (ipv6_addr_loopback(a))
		return (flags & NXF_LBACK_ALLOW) ? 0 : -EADDRNOTAVAIL;
	if (ipv6_addr_is_multicast(a))
		return (READ_ONCE(nxi->ncaps) & NXC_MULTICAST) ? 0 : -EADDRNOTAVAIL;
	return nx_v6_allowed(nxi, a) ? 0 : -EADDRNOTAVAIL;
}

/*
 * A destination of a guest socket: 127.0.0.1 becomes its loopback address
 * with LBACK_REMAP; the host's loopback is out of reach otherwise;
 * multicast needs NXC_MULTICAST.
 */
static int remote4(const struct nx_info *const nxi, __be32 *const a)
{
	const u64 flags = READ_ONCE(nxi->flags);

	if (*a == htonl(INADDR_LOOPBACK) && (flags & NXF_LBACK_REMAP))
		*a = READ_ONCE(nxi->lback);
	else if (ipv4_is_loopback(*a) && *a != READ_ONCE(nxi->lback) &&
		 !(flags & NXF_LBACK_ALLOW))
		return -ENETUNREACH;
	if (ipv4_is_multicast(*a) && !(READ_ONCE(nxi->ncaps) & NXC_MULTICAST))
		return -EPERM;
	return 0;
}

static int remote6(const struct nx_info *const nxi, struct in6_addr *const a)
{
	if (ipv6_addr_v4mapped(a)) {
		__be32 v4 = a->s6_addr32[3];
		int err = remote4(nxi, &v4);

		if (!err)
			ipv6_addr_set_v4mapped(v4, a);
		return err;
	}
	if (ipv6_addr_loopback(a) && !(READ_ONCE(nxi->flags) & NXF_LBACK_ALLOW))
		return -ENETUNREACH;
	if (ipv6_addr_is_multicast(a) &&
	    !(READ_ONCE(nxi->ncaps) & NXC_MULTICAST))
		return -EPERM;
	return 0;
}

/* The sockaddr of a bind, connect or sendto, if it is one we check. */
static struct sockaddr_in *as_in(const struct socket *const sock,
				 struct sockaddr *const a, const int len)
{
	if (sock->sk->sk_family != AF_INET || len < (int)sizeof(struct sockaddr_in))
		return NULL;
	/* inet_bind() takes AF_UNSPEC with INADDR_ANY, for old programs. */
	if (a->sa_family != AF_INET && a->sa_family != AF_UNSPEC)
		return NULL;
	return (struct sockaddr_in *)a;
}

static struct sockaddr_in6 *as_in6(const struct socket *const sock,
				   struct sockaddr *const a, const int len)
{
	if (sock->sk->sk_family != AF_INET6 || a->sa_family != AF_INET6 ||
	    len < SIN6_LEN_RFC2133)
		return NULL;
	return (struct sockaddr_in6 *)a;
}

static int hook_socket_bind(struct socket *const sock,
			    struct sockaddr *const address, const int addrlen)
{
	const struct nx_info *const nxi = sock_nxi(sock);
	struct sockaddr_in *sin;
	struct sockaddr_in6 *sin6;

	if (likely(!nxi) || !is_inet(sock->sk))
		return 0;
	sin = as_in(sock, address, addrlen);
	if (sin)
		return local4(nxi, &sin->sin_addr.s_addr);
	sin6 = as_in6(sock, address, addrlen);
	if (sin6)
		return local6(nxi, &sin6->sin6_addr, !sock->sk->sk_ipv6only);
	/* A malformed address: the protocol refuses it. */
	return 0;
}

/*
 * Check and rewrite a destination. The source is the route's business:
 * vs_route4() and vs_route6() make it one of the context's.
 */
static int outgoing(struct socket *const sock, const struct nx_info *const nxi,
		    struct sockaddr *const address, const int addrlen)
{
	struct sockaddr_in *sin;
	struct sockaddr_in6 *sin6;

	if (!address)
		return 0;
	sin = as_in(sock, address, addrlen);
	if (sin && sin->sin_family == AF_INET)
		return remote4(nxi, &sin->sin_addr.s_addr);
	sin6 = as_in6(sock, address, addrlen);
	if (sin6)
		return remote6(nxi, &sin6->sin6_addr);
	return 0;
}

static int hook_socket_connect(struct socket *const sock,
			       struct sockaddr *const address, const int addrlen)
{
	const struct nx_info *const nxi = sock_nxi(sock);

	if (likely(!nxi) || !is_inet(sock->sk))
		return 0;
	/* AF_UNSPEC disconnects a datagram socket: nothing to check. */
	if (addrlen >= (int)sizeof(sa_family_t) && address->sa_family == AF_UNSPEC)
		return 0;
	return outgoing(sock, nxi, address, addrlen);
}

/* A source address in IP_PKTINFO / IPV6_PKTINFO must be the guest's. */
static int check_cmsgs(const struct nx_info *const nxi, struct msghdr *const msg)
{
	struct cmsghdr *cmsg;

	if (!msg->msg_controllen)
		return 0;
	if (msg->msg_control_is_user)
		return -EINVAL;
	for_each_cmsghdr(cmsg, msg) {
		if (!CMSG_OK(msg, cmsg))
			return -EINVAL;
		if (cmsg->cmsg_level == SOL_IP && cmsg->cmsg_type == IP_PKTINFO &&
		    cmsg->cmsg_len >= CMSG_LEN(sizeof(struct in_pktinfo))) {
			const struct in_pktinfo *const p = CMSG_DATA(cmsg);
			__be32 a = p->ipi_spec_dst.s_addr;

			if (a && a != READ_ONCE(nxi->lback) &&
			    !nx_v4_allowed(nxi, a))
				return -EADDRNOTAVAIL;
		}
		if (cmsg->cmsg_level == SOL_IPV6 &&
		    cmsg->cmsg_type == IPV6_PKTINFO &&
		    cmsg->cmsg_len >= CMSG_LEN(sizeof(struct in6_pktinfo))) {
			const struct in6_pktinfo *const p = CMSG_DATA(cmsg);

			if (!ipv6_addr_any(&p->ipi6_addr) &&
			    !nx_v6_allowed(nxi, &p->ipi6_addr))
				return -EADDRNOTAVAIL;
		}
	}
	return 0;
}

static int hook_socket_sendmsg(struct socket *const sock,
			       struct msghdr *const msg, const int size)
{
	const struct nx_info *const nxi = sock_nxi(sock);
	int err;

	if (likely(!nxi) || !is_inet(sock->sk))
		return 0;
	err = check_cmsgs(nxi, msg);
	if (err)
		return err;
	/* A connected TCP socket was bound when it connected. */
	if (sock->sk->sk_type == SOCK_STREAM && !msg->msg_name)
		return 0;
	return outgoing(sock, nxi, msg->msg_name, msg->msg_namelen);
}

static int hook_socket_setsockopt(struct socket *const sock, const int level,
				  const int optname)
{
	const struct nx_info *const nxi = sock_nxi(sock);
	const bool mcast = nxi && (READ_ONCE(nxi->ncaps) & NXC_MULTICAST);

	if (likely(!nxi))
		return 0;
	if (level == SOL_IP) {
		switch (optname) {
		case IP_HDRINCL:
		case IP_TRANSPARENT:
		case IP_FREEBIND:
			return -EPERM;
		case IP_ADD_MEMBERSHIP:
		case IP_ADD_SOURCE_MEMBERSHIP:
		case MCAST_JOIN_GROUP:
		case MCAST_JOIN_SOURCE_GROUP:
			return mcast ? 0 : -EPERM;
		}
	} else if (level == SOL_IPV6) {
		switch (optname) {
		case IPV6_HDRINCL:
		case IPV6_TRANSPARENT:
		case IPV6_FREEBIND:
		case IPV6_PKTINFO:
			return -EPERM;
		case IPV6_ADD_MEMBERSHIP:
		case MCAST_JOIN_GROUP:
		case MCAST_JOIN_SOURCE_GROUP:
			return mcast ? 0 : -EPERM;
		}
	}
	return 0;
}

/* --- wildcard sockets: what they receive, where they send from ------------ */

DEFINE_STATIC_KEY_FALSE(vs_nx_used);
unsigned int vs_sock_blob __ro_after_init;

/**
 * vs_nx_start - Turn the address checks of <net/vserver.h> on
 *
 * Called before the first network context exists: no socket can belong to
 * one earlier. Never turned off again.
 *
 * Context: process context, may sleep (static_branch_enable()).
 */
void vs_nx_start(void)
{
	if (!static_key_enabled(&vs_nx_used))
		static_branch_enable(&vs_nx_used);
}

/* An address a wildcard socket of @nxi takes traffic for. */
static bool takes4(const struct nx_info *const nxi, const __be32 a)
{
	if (ipv4_is_multicast(a))
		return true; /* joining a group needed NXC_MULTICAST */
	if (ipv4_is_loopback(a) && (READ_ONCE(nxi->flags) & NXF_LBACK_ALLOW))
		return true;
	return nx_v4_allowed(nxi, a);
}

static bool takes6(const struct nx_info *const nxi, const struct in6_addr *const a)
{
	if (ipv6_addr_v4mapped(a))
		return takes4(nxi, a->s6_addr32[3]);
	if (ipv6_addr_is_multicast(a))
		return true;
	if (ipv6_addr_loopback(a) && (READ_ONCE(nxi->flags) & NXF_LBACK_ALLOW))
		return true;
	return nx_v6_allowed(nxi, a);
}

bool __vs_sk_rcv4(const struct sock *const sk, const __be32 daddr)
{
	return !daddr || takes4(vs_sock(sk)->nxi, daddr);
}

bool __vs_sk_rcv6(const struct sock *const sk, const struct in6_addr *const daddr)
{
	return ipv6_addr_any(daddr) || takes6(vs_sock(sk)->nxi, daddr);
}

/* The network context of a socket in a bind bucket (TIME_WAIT has none). */
static const struct nx_info *bucket_nxi(const struct sock *const sk)
{
	return sk_fullsock(sk) ? vs_sock(sk)->nxi : NULL;
}

/* Does the address @sk is bound to (not the wildcard) reach @nxi's socket? */
static bool bound_reaches(const struct nx_info *const nxi,
			  const struct sock *const sk)
{
#if IS_ENABLED(CONFIG_IPV6)
	if (sk->sk_family == AF_INET6)
		return takes6(nxi, &sk->sk_v6_rcv_saddr);
#endif
	return takes4(nxi, sk->sk_rcv_saddr);
}

bool __vs_sk_addrs_meet(const struct sock *const sk, const struct sock *const sk2)
{
	const struct nx_info *const n1 = bucket_nxi(sk);
	const struct nx_info *const n2 = bucket_nxi(sk2);
	const bool wild1 = n1 && inet_rcv_saddr_any(sk);
	const bool wild2 = n2 && inet_rcv_saddr_any(sk2);

	if (wild1 && wild2)
		return n1 == n2 || nx_addrs_meet(n1, n2);
	if (wild1)
		return inet_rcv_saddr_any(sk2) || bound_reaches(n1, sk2);
	if (wild2)
		return inet_rcv_saddr_any(sk) || bound_reaches(n2, sk);
	return true;
}

/* An address of the guest's on @dev, else its first one; 0 when none. */
static __be32 dev_source4(const struct nx_info *const nxi,
			  const struct net_device *const dev)
{
	const struct in_device *in_dev;
	const struct in_ifaddr *ifa;
	__be32 a = 0;

	rcu_read_lock();
	in_dev = dev ? __in_dev_get_rcu(dev) : NULL;
	if (in_dev) {
		in_dev_for_each_ifa_rcu(ifa, in_dev) {
			if (nx_v4_allowed(nxi, ifa->ifa_local)) {
				a = ifa->ifa_local;
				break;
			}
		}
	}
	rcu_read_unlock();
	return a ? a : nx_v4_first(nxi);
}

/*
 * The source of a guest's packet to @daddr that leaves by @dev, routing
 * having chosen @src: @src if it is the guest's (or the host's loopback
 * with LBACK_ALLOW), its loopback address towards itself, else an address
 * of the guest's on @dev, else its first; 0 when it has none.
 */
static __be32 source4(const struct nx_info *const nxi, const __be32 src,
		      const __be32 daddr, const struct net_device *const dev)
{
	if (daddr == READ_ONCE(nxi->lback))
		return daddr;
	if (ipv4_is_loopback(src) && ipv4_is_loopback(daddr) &&
	    (READ_ONCE(nxi->flags) & NXF_LBACK_ALLOW))
		return src;
	if (src && src != READ_ONCE(nxi->bcast) && nx_v4_allowed(nxi, src))
		return src;
	return dev_source4(nxi, dev);
}

/* The guest's own loopback address as source is local: see vs_route4_flow(). */
static void lback_source(const struct nx_info *const nxi, struct flowi4 *const fl4)
{
	if (fl4->saddr == READ_ONCE(nxi->lback) && ipv4_is_loopback(fl4->saddr))
		fl4->flowi4_flags |= FLOWI_FLAG_ANYSRC;
}

void __vs_route4_flow(const struct sock *const sk, struct flowi4 *const fl4)
{
	lback_source(vs_sock(sk)->nxi, fl4);
}

struct rtable *__vs_route4(struct net *const net, struct flowi4 *const fl4,
			   const struct sock *const sk, struct rtable *const rt)
{
	const struct nx_info *const nxi = vs_sock(sk)->nxi;
	__be32 a;

	if (IS_ERR(rt))
		return rt;
	a = source4(nxi, fl4->saddr, fl4->daddr, rt->dst.dev);
	if (a == fl4->saddr)
		return rt;
	ip_rt_put(rt);
	if (!a)
		return ERR_PTR(-EADDRNOTAVAIL);
	fl4->saddr = a;
	lback_source(nxi, fl4);
	return __ip_route_output_key(net, fl4);
}

__be32 __vs_connect_src4(const struct sock *const sk, const __be32 src,
			 const __be32 daddr, const struct net_device *const dev)
{
	return source4(vs_sock(sk)->nxi, src, daddr, dev);
}

/*
 * As source4(), for IPv6: *@a is routing's choice on entry and the guest's
 * on return; false when the guest has no IPv6 address.
 */
static bool source6(const struct nx_info *const nxi, const struct in6_addr *const daddr,
		    const struct net_device *const dev, struct in6_addr *const a)
{
	const struct inet6_ifaddr *ifp;
	const struct inet6_dev *idev;
	bool found = false;

	if (ipv6_addr_loopback(a) && ipv6_addr_loopback(daddr) &&
	    (READ_ONCE(nxi->flags) & NXF_LBACK_ALLOW))
		return true;
	if (!ipv6_addr_any(a) && nx_v6_allowed(nxi, a))
		return true;
	rcu_read_lock();
	idev = dev ? __in6_dev_get(dev) : NULL;
	if (idev) {
		list_for_each_entry_rcu(ifp, &idev->addr_list, if_list) {
			if (!(ifp->flags & IFA_F_TENTATIVE) &&
			    nx_v6_allowed(nxi, &ifp->addr)) {
				*a = ifp->addr;
				found = true;
				break;
			}
		}
	}
	rcu_read_unlock();
	return found || nx_v6_first(nxi, a);
}

int __vs_route6(const struct sock *const sk, const struct dst_entry *const dst,
		struct flowi6 *const fl6)
{
	return source6(vs_sock(sk)->nxi, &fl6->daddr,
		       dst && !dst->error ? dst->dev : NULL, &fl6->saddr) ?
		       0 : -EADDRNOTAVAIL;
}

/**
 * vs_route_src4 - The source a route lookup of current's answers
 * @src: the source routing chose for @daddr (0: none)
 * @daddr: the destination looked up
 * @dev: the device the route leaves by
 *
 * Called from inet_rtm_getroute() (patches/0037): ``ip route get`` in a
 * guest names the source its sockets would send from, never a host
 * address.
 *
 * Return: @src for a task of nid 0, else the guest's source (0: none).
 */
__be32 vs_route_src4(const __be32 src, const __be32 daddr,
		     const struct net_device *const dev)
{
	const struct nx_info *const nxi = vs_cred(current_cred())->nxi;

	return nxi && src ? source4(nxi, src, daddr, dev) : src;
}

/**
 * vs_route_src6 - As vs_route_src4(), for IPv6
 * @src: the source routing chose, replaced by the guest's
 * @daddr: the destination looked up
 * @dev: the device the route leaves by
 *
 * Called from rt6_fill_node() (patches/0037).
 *
 * Return: false when the guest has no IPv6 source to show.
 */
bool vs_route_src6(struct in6_addr *const src, const struct in6_addr *const daddr,
		   const struct net_device *const dev)
{
	const struct nx_info *const nxi = vs_cred(current_cred())->nxi;

	return !nxi || source6(nxi, daddr, dev, src);
}

/* --- HIDE_NETIF: what a guest sees of the shared stack -------------------- */

/* Current's network context when it hides foreign interfaces, else NULL. */
static const struct nx_info *hiding_nxi(void)
{
	const struct nx_info *const nxi = vs_cred(current_cred())->nxi;

	if (likely(!nxi) || !(READ_ONCE(nxi->flags) & NXF_HIDE_NETIF))
		return NULL;
	return nxi;
}

/**
 * vs_addr4_hidden - Is a local IPv4 address hidden from current?
 * @addr: the address
 *
 * Called from address dumps (patches/0015), under RCU.
 *
 * Return: true when current's network context hides foreign interfaces
 * and @addr is not one of its addresses.
 */
bool vs_addr4_hidden(const __be32 addr)
{
	const struct nx_info *const nxi = hiding_nxi();

	return nxi && !nx_v4_allowed(nxi, addr);
}

/** vs_addr6_hidden - As vs_addr4_hidden(), for IPv6 (@addr). */
bool vs_addr6_hidden(const struct in6_addr *const addr)
{
	const struct nx_info *const nxi = hiding_nxi();

	return nxi && !nx_v6_allowed(nxi, addr);
}

static bool dev_carries(const struct nx_info *const nxi,
			const struct net_device *const dev)
{
	const struct in_device *const in_dev = __in_dev_get_rcu(dev);
	const struct inet6_dev *const idev = __in6_dev_get(dev);
	const struct inet6_ifaddr *ifa6;
	const struct in_ifaddr *ifa;

	if (in_dev)
		in_dev_for_each_ifa_rcu(ifa, in_dev)
			if (nx_v4_allowed(nxi, ifa->ifa_local))
				return true;
	if (idev)
		list_for_each_entry_rcu(ifa6, &idev->addr_list, if_list)
			if (nx_v6_allowed(nxi, &ifa6->addr))
				return true;
	return false;
}

/**
 * vs_netdev_hidden - Is a network device hidden from current?
 * @dev: the device; NULL (a proxy neighbour of every device) is hidden
 *       from a guest that hides foreign interfaces
 *
 * Called from link dumps, RTM_GETLINK and /proc/net/dev (patches/0015),
 * where the device ioctls look a device up by name or index
 * (patches/0026): a hidden device answers ``ENODEV``, as one that does not
 * exist, as does the input device of a route lookup (patches/0036), and
 * from neighbour dumps, RTM_GETNEIGH and /proc/net/arp (patches/0029).
 *
 * Return: true when current's network context hides foreign interfaces
 * and @dev carries none of its addresses.
 */
bool vs_netdev_hidden(const struct net_device *const dev)
{
	const struct nx_info *const nxi = hiding_nxi();
	bool carries;

	if (!nxi)
		return false;
	if (!dev)
		return true;
	rcu_read_lock();
	carries = dev_carries(nxi, dev);
	rcu_read_unlock();
	return !carries;
}

/*
 * Routes (ABI §4.6 HIDE_NETIF, this project's rule): a route is shown when
 * the guest may see every device it leaves by, its preferred source, if it
 * has one, is one of the guest's addresses, and, for the routes whose
 * destination is an address of this machine (local, broadcast, anycast),
 * that destination is the guest's. A route without a device (unreachable,
 * blackhole, prohibit) is hidden.
 */
static bool fib4_devs_seen(const struct nx_info *const nxi,
			   struct fib_info *const fi)
{
	const unsigned int n = fib_info_num_path(fi);
	unsigned int i;

	for (i = 0; i < n; i++) {
		const struct fib_nh_common *const nhc = fib_info_nhc(fi, i);

		if (!nhc || !nhc->nhc_dev || !dev_carries(nxi, nhc->nhc_dev))
			return false;
	}
	return n > 0;
}

/**
 * vs_fib4_hidden - Is an IPv4 route hidden from current?
 * @fi: the route's information (devices, preferred source)
 * @type: its RTN_* type
 * @dst: its destination
 *
 * Called from RTM_GETROUTE dumps and /proc/net/route (patches/0025), and
 * for the route a lookup with RTM_F_FIB_MATCH answers (patches/0036).
 *
 * Return: true when current's network context hides foreign interfaces
 * and the route does not pass the rule above.
 */
bool vs_fib4_hidden(struct fib_info *const fi, const u8 type, const __be32 dst)
{
	const struct nx_info *const nxi = hiding_nxi();
	bool seen;

	if (!nxi)
		return false;
	if (!fi)
		return true;
	if ((type == RTN_LOCAL || type == RTN_BROADCAST) &&
	    !nx_v4_allowed(nxi, dst))
		return true;
	if (fi->fib_prefsrc && !nx_v4_allowed(nxi, fi->fib_prefsrc))
		return true;
	rcu_read_lock();
	seen = fib4_devs_seen(nxi, fi);
	rcu_read_unlock();
	return !seen;
}

/**
 * vs_fib6_hidden - Is an IPv6 route hidden from current?
 * @f6i: the route
 *
 * As vs_fib4_hidden(), for RTM_GETROUTE dumps, /proc/net/ipv6_route and
 * RTM_F_FIB_MATCH lookups.
 * The device looked at is that of the route's first next hop. The prefix
 * route the kernel adds for a /128 address names that address: it counts
 * as a local route.
 *
 * Return: true when current's network context hides foreign interfaces
 * and the route does not pass the rule above.
 */
bool vs_fib6_hidden(struct fib6_info *const f6i)
{
	const struct nx_info *const nxi = hiding_nxi();
	const struct fib6_nh *nh;
	bool seen;

	if (!nxi)
		return false;
	if ((f6i->fib6_type == RTN_LOCAL || f6i->fib6_type == RTN_ANYCAST ||
	     (f6i->fib6_protocol == RTPROT_KERNEL && f6i->fib6_dst.plen == 128)) &&
	    !nx_v6_allowed(nxi, &f6i->fib6_dst.addr))
		return true;
	if (f6i->fib6_prefsrc.plen &&
	    !nx_v6_allowed(nxi, &f6i->fib6_prefsrc.addr))
		return true;
	rcu_read_lock();
	nh = f6i->nh ? nexthop_fib6_nh(f6i->nh) : f6i->fib6_nh;
	seen = nh && nh->fib_nh_dev && dev_carries(nxi, nh->fib_nh_dev);
	rcu_read_unlock();
	return !seen;
}

/*
 * A route lookup (RTM_GETROUTE without NLM_F_DUMP, ``ip route get``) names
 * the device the packet would leave by, and, for a local or broadcast
 * route, tells that the destination is an address of this machine. Its
 * answer is hidden as the dumps hide the route: a guest gets the error of a
 * lookup that finds no route. The source address the answer gives is not
 * looked at here.
 */

/**
 * vs_rt4_hidden - Is the answer of an IPv4 route lookup hidden from current?
 * @rt: the route the lookup found
 * @dst: the destination looked up
 *
 * Called from inet_rtm_getroute() (patches/0036).
 *
 * Return: true when current's network context hides foreign interfaces
 * and @rt leaves by a device it may not see, or is a local or broadcast
 * route to an address that is not the context's.
 */
bool vs_rt4_hidden(const struct rtable *const rt, const __be32 dst)
{
	const struct nx_info *const nxi = hiding_nxi();

	if (!nxi)
		return false;
	if ((rt->rt_type == RTN_LOCAL || rt->rt_type == RTN_BROADCAST) &&
	    !nx_v4_allowed(nxi, dst))
		return true;
	return vs_netdev_hidden(rt->dst.dev);
}

/**
 * vs_rt6_hidden - As vs_rt4_hidden(), for IPv6
 * @rt: the route the lookup found
 * @dst: the destination looked up
 *
 * Called from inet6_rtm_getroute() (patches/0036).
 *
 * Return: true when current's network context hides foreign interfaces
 * and @rt leaves by a device it may not see, or is a local or anycast
 * route to an address that is not the context's.
 */
bool vs_rt6_hidden(const struct rt6_info *const rt,
		   const struct in6_addr *const dst)
{
	const struct nx_info *const nxi = hiding_nxi();

	if (!nxi)
		return false;
	if ((rt->rt6i_flags & (RTF_LOCAL | RTF_ANYCAST)) &&
	    !nx_v6_allowed(nxi, dst))
		return true;
	return vs_netdev_hidden(rt->dst.dev);
}

/**
 * vs_sock_hidden - Is a socket hidden from current in /proc/net?
 * @sk: a socket of /proc/net/{tcp,tcp6,udp,udp6,unix}: a full socket, or a
 *      TCP time-wait or request socket
 *
 * Return: true when current's network context hides foreign interfaces
 * and @sk is not its own. Time-wait and request sockets carry no network
 * context: they are hidden from such guests.
 */
bool vs_sock_hidden(const struct sock *const sk)
{
	const struct nx_info *const nxi = hiding_nxi();

	if (!nxi)
		return false;
	return !sk_fullsock(sk) || vs_sock(sk)->nxi != nxi;
}

/* --- HIDE_LBACK: the guest's loopback address shows as 127.0.0.1 --------- */

/* Current's network context when it hides its loopback address, else NULL. */
static const struct nx_info *lback_hiding_nxi(void)
{
	const struct nx_info *const nxi = vs_cred(current_cred())->nxi;

	if (likely(!nxi) || !(READ_ONCE(nxi->flags) & NXF_HIDE_LBACK))
		return NULL;
	return nxi;
}

static __be32 shown4(const struct nx_info *const nxi, const __be32 addr)
{
	return addr == READ_ONCE(nxi->lback) ? htonl(INADDR_LOOPBACK) : addr;
}

/**
 * __vs_addr4_shown - An IPv4 address of a socket, as current sees it
 * @addr: the address
 *
 * Called for the lines of /proc/net/tcp and /proc/net/udp (patches/0027;
 * time-wait and request sockets patches/0035), and for the destination of
 * the IP_PKTINFO control message (patches/0030).
 *
 * Return: 127.0.0.1 when current's network context has NXF_HIDE_LBACK
 * and @addr is its loopback address, else @addr.
 */
__be32 __vs_addr4_shown(const __be32 addr)
{
	const struct nx_info *const nxi = lback_hiding_nxi();

	return nxi ? shown4(nxi, addr) : addr;
}

/**
 * vs_addr6_shown - An IPv6 address of a socket, as current sees it
 * @addr: the address
 * @buf: room for the address shown, when it is not @addr
 *
 * Called for the lines of /proc/net/tcp6, udp6, raw6 and icmp6
 * (patches/0035): a dual-stack socket on the guest's loopback address
 * holds it IPv4-mapped.
 *
 * Return: @buf holding ::ffff:127.0.0.1 when current's network context has
 * NXF_HIDE_LBACK and @addr is its loopback address IPv4-mapped, else @addr.
 */
const struct in6_addr *vs_addr6_shown(const struct in6_addr *const addr,
				      struct in6_addr *const buf)
{
	const struct nx_info *const nxi = lback_hiding_nxi();

	if (likely(!nxi) || !ipv6_addr_v4mapped(addr) ||
	    addr->s6_addr32[3] != READ_ONCE(nxi->lback))
		return addr;
	ipv6_addr_set_v4mapped(htonl(INADDR_LOOPBACK), buf);
	return buf;
}

/**
 * __vs_sockaddr_to_user - Show a socket address to current
 * @kaddr: the kernel's copy of the address, about to be copied to user
 *         space (getsockname, getpeername, accept, recvfrom, recvmsg)
 * @klen: its length
 *
 * With NXF_HIDE_LBACK, the context's loopback address becomes 127.0.0.1,
 * also as an IPv4-mapped IPv6 address (patches/0027).
 */
void __vs_sockaddr_to_user(struct sockaddr_storage *const kaddr, const int klen)
{
	const struct nx_info *const nxi = lback_hiding_nxi();

	if (likely(!nxi))
		return;
	if (kaddr->ss_family == AF_INET && klen >= (int)sizeof(struct sockaddr_in)) {
		struct sockaddr_in *const sin = (struct sockaddr_in *)kaddr;

		sin->sin_addr.s_addr = shown4(nxi, sin->sin_addr.s_addr);
	} else if (kaddr->ss_family == AF_INET6 && klen >= SIN6_LEN_RFC2133) {
		struct sockaddr_in6 *const sin6 = (struct sockaddr_in6 *)kaddr;

		if (ipv6_addr_v4mapped(&sin6->sin6_addr))
			sin6->sin6_addr.s6_addr32[3] =
				shown4(nxi, sin6->sin6_addr.s6_addr32[3]);
	}
}

static struct security_hook_list vs_net_hooks[] __ro_after_init = {
	LSM_HOOK_INIT(socket_create, hook_socket_create),
	LSM_HOOK_INIT(socket_post_create, hook_socket_post_create),
	LSM_HOOK_INIT(sk_free_security, hook_sk_free_security),
	LSM_HOOK_INIT(sk_clone_security, hook_sk_clone_security),
	LSM_HOOK_INIT(unix_stream_connect, hook_unix_stream_connect),
	LSM_HOOK_INIT(socket_bind, hook_socket_bind),
	LSM_HOOK_INIT(socket_connect, hook_socket_connect),
	LSM_HOOK_INIT(socket_sendmsg, hook_socket_sendmsg),
	LSM_HOOK_INIT(socket_setsockopt, hook_socket_setsockopt),
};

void __init vs_add_net_hooks(void)
{
	/* <net/vserver.h> reads a socket's nxi at the start of our blob. */
	BUILD_BUG_ON(offsetof(struct vs_sock, nxi) != 0);
	vs_sock_blob = vs_blob_sizes.lbs_sock;
	security_add_hooks(vs_net_hooks, ARRAY_SIZE(vs_net_hooks), &vs_lsmid);
}
