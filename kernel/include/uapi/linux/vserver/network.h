/* SPDX-License-Identifier: GPL-2.0 WITH Linux-syscall-note */
/*
 * Linux-VServer - User space API: network contexts (nid)
 *
 * Copyright (C) 2026 The vserver authors
 */

#ifndef _UAPI_LINUX_VSERVER_NETWORK_H
#define _UAPI_LINUX_VSERVER_NETWORK_H

#include <linux/types.h>
#include <linux/vserver/context.h>

/**
 * DOC: vserver_nflags
 *
 * Network context flags
 * ~~~~~~~~~~~~~~~~~~~~~
 *
 * A network context's flags are a 64-bit word, read and changed with
 * get_nflags and set_nflags through &struct vcmd_flags_v0:
 *
 * - %NXF_INFO_PRIVATE: once the network context has left setup, nobody may
 *   migrate into it (``EACCES``).
 * - %NXF_SINGLE_IP: binding to 0.0.0.0 binds to the first IPv4 address
 *   (see `Network addresses`_ for wildcard sockets without it). Cleared
 *   when a second address is added.
 * - %NXF_LBACK_REMAP: binding to 127.0.0.1 binds to the network context's
 *   loopback address.
 * - %NXF_LBACK_ALLOW: the network context may use loopback addresses.
 * - %NXF_HIDE_NETIF: interfaces and addresses the context's list does not
 *   cover are invisible to it (see `Hidden interfaces`_).
 * - %NXF_HIDE_LBACK: the network context's loopback address shows as
 *   127.0.0.1 to its tasks (also as ::ffff:127.0.0.1): in the addresses of
 *   getsockname, getpeername, accept, recvfrom and recvmsg, in the lines of
 *   /proc/net/tcp, tcp6, udp and udp6, and as the destination the
 *   IP_PKTINFO control message reports (IPV6_PKTINFO for IPv4-mapped
 *   packets). The host sees the real address.
 * - %NXF_STATE_SETUP: the network context is being set up (one-time).
 * - %NXF_STATE_ADMIN: the host may administer it (one-time).
 * - %NXF_SC_HELPER: run the vshelper (netup, netdown) when it starts and ends.
 * - %NXF_PERSISTENT: the network context survives without tasks; setting and
 *   clearing take and drop a reference.
 *
 * %NXF_INFO_LOCK is known to util-vserver only, and has no effect.  The STATE
 * bits (%NXF_ONE_TIME) can only be cleared.  net_create without flags uses
 * %NXF_INIT_SET (the value of a default kernel configuration), which has no
 * %NXF_STATE_SETUP.
 */
/* clang-format off */
#define NXF_INFO_LOCK		0x0000000000000001ULL
#define NXF_INFO_PRIVATE	0x0000000000000008ULL
#define NXF_SINGLE_IP		0x0000000000000100ULL
#define NXF_LBACK_REMAP		0x0000000000000200ULL
#define NXF_LBACK_ALLOW		0x0000000000000400ULL
#define NXF_HIDE_NETIF		0x0000000002000000ULL
#define NXF_HIDE_LBACK		0x0000000004000000ULL
#define NXF_STATE_SETUP		0x0000000100000000ULL
#define NXF_STATE_ADMIN		0x0000000400000000ULL
#define NXF_SC_HELPER		0x0000001000000000ULL
#define NXF_PERSISTENT		0x0000004000000000ULL

#define NXF_ONE_TIME		(NXF_STATE_SETUP | NXF_STATE_ADMIN)
#define NXF_INIT_SET		(NXF_STATE_ADMIN | NXF_HIDE_NETIF | \
				 NXF_HIDE_LBACK | NXF_LBACK_REMAP)
/* clang-format on */

/**
 * DOC: vserver_hide_netif
 *
 * Hidden interfaces
 * ~~~~~~~~~~~~~~~~~
 *
 * A task whose network context has %NXF_HIDE_NETIF sees of the shared
 * stack:
 *
 * - addresses: only those the context's list covers (RTM_GETADDR dumps,
 *   /proc/net/if_inet6, SIOCGIFCONF, SIOCGIFADDR and its family);
 * - devices: only those that carry one of those addresses (RTM_GETLINK and
 *   its dumps, /proc/net/dev). The device ioctls that name a device or an
 *   index (SIOCGIFFLAGS, SIOCGIFINDEX, SIOCGIFNAME, SIOCGIFHWADDR,
 *   SIOCGIFMTU, SIOCGIFMETRIC, SIOCGIFMAP, SIOCGIFTXQLEN, SIOCETHTOOL, the
 *   SIOCSIF* ones, ...) answer ``ENODEV`` for any other device, as for one
 *   that does not exist;
 * - routes (RTM_GETROUTE dumps, /proc/net/route, /proc/net/ipv6_route):
 *   a route is shown when the task may see every device it leaves by (for
 *   IPv6 that of its first next hop), its preferred source, if it has one,
 *   is one of the context's addresses, and, for local, broadcast and
 *   anycast routes and the kernel's route to a /128 address, its
 *   destination is one of them. Routes without a device (unreachable,
 *   blackhole, prohibit) are hidden;
 * - route lookups (RTM_GETROUTE without NLM_F_DUMP, ``ip route get``): when
 *   the route found leaves by a device the task may not see, or is a local,
 *   broadcast or anycast route to an address that is not the context's, the
 *   answer is ``ENETUNREACH``, as when no route matches (the dumps hide such
 *   routes). With RTM_F_FIB_MATCH the answer is the matched route itself:
 *   ``ENETUNREACH`` too when the dumps hide it. An input device (RTA_IIF)
 *   the task may not see is ``ENODEV``;
 * - neighbours (RTM_GETNEIGH and its dumps, /proc/net/arp): only those of
 *   the devices it sees; RTM_GETNEIGH on another device is ``ENODEV``;
 * - sockets: only the context's own in /proc/net/{tcp,tcp6,udp,udp6,unix};
 *   sock_diag (NETLINK_SOCK_DIAG, what ss(8) reads first) cannot be opened
 *   (``EPROTONOSUPPORT``, as on a kernel without it), so ss falls back to
 *   those files.
 *
 * Not hidden: /sys/class/net (guests have no sysfs and cannot mount one).
 *
 * Whatever the flag, the source address a route lookup of a guest task
 * answers (RTA_PREFSRC) is the one its sockets would send from (see
 * `Network addresses`_), never a host address.
 *
 * The flag acts on what the task reads, not on what it may use: a route
 * it does not see still carries its packets.
 */

/**
 * DOC: vserver_ncaps
 *
 * Network context capabilities
 * ~~~~~~~~~~~~~~~~~~~~~~~~~~~~
 *
 * Read and changed with get_ncaps and set_ncaps (&struct vcmd_net_caps_v0):
 *
 * - %NXC_TUN_CREATE: create tun and tap devices.
 * - %NXC_RAW_ICMP: open raw ICMP sockets (ping).
 * - %NXC_MULTICAST: bind to multicast addresses.
 */
/* clang-format off */
#define NXC_TUN_CREATE		0x00000001ULL
#define NXC_RAW_ICMP		0x00000100ULL
#define NXC_MULTICAST		0x00001000ULL
/* clang-format on */

/**
 * DOC: vserver_naddr
 *
 * Network addresses
 * ~~~~~~~~~~~~~~~~~
 *
 * A network context has a list of IPv4 entries (address, second address,
 * mask, type, flags), a list of IPv6 entries (address, mask, prefix, type,
 * flags), an IPv4 broadcast address (initially 255.255.255.255) and an IPv4
 * loopback address (initially 127.0.0.1 with the nid in its middle bytes,
 * e.g. 127.0.42.1 for nid 42).  Addresses are in network byte order.
 *
 * The @type of an address structure is one of:
 *
 * - %NXA_TYPE_ADDR: one address; a bind must name it (or the broadcast).
 * - %NXA_TYPE_MASK: a network: a bind to a matches if (a & mask) == ip.
 *   0.0.0.0 with mask 0 allows any address.
 * - %NXA_TYPE_RANGE: IPv4 only (net_add_ipv4): ip <= a < ip2.
 * - %NXA_TYPE_ADDR | %NXA_MOD_BCAST: set the broadcast address to ip.
 * - %NXA_TYPE_ADDR | %NXA_MOD_LBACK: set the loopback address to ip.
 * - %NXA_TYPE_ANY: with a remove command, remove every entry of the family.
 *
 * Adding an entry that exists fails with ``EEXIST``.  Removing one takes
 * %NXA_TYPE_ADDR (for IPv6 also %NXA_TYPE_MASK) and an exact match of type,
 * flags, addresses and mask, else ``ESRCH``.  Other types are ``EINVAL``.
 *
 * Binding to an address that no entry, the broadcast or the loopback address
 * matches fails with ``EADDRNOTAVAIL`` (multicast addresses need
 * %NXC_MULTICAST).  A guest socket bound to the wildcard (0.0.0.0, ::)
 * stays bound to it, unless %NXF_SINGLE_IP makes the bind one to the first
 * IPv4 address (the first IPv6 one for ::), and needs an entry of the
 * family (for a dual-stack socket, of either) else ``EADDRNOTAVAIL``. It
 * receives only what is addressed to the guest: its entries, broadcast and
 * loopback addresses, and the multicast groups it joined. It conflicts on
 * its port with a socket bound to one of those addresses, with the host's
 * wildcard sockets, and with wildcard sockets of contexts that share an
 * address with it; with no other, and it never shares an SO_REUSEPORT
 * group with another context's socket.
 *
 * The source address of what a guest socket sends is always the guest's:
 * the one routing chose if it is the guest's, else the guest's address on
 * the device the packet leaves by, else its first address of the family
 * (``EADDRNOTAVAIL`` if it has none).
 *
 * The legacy net_add and net_remove (&struct vcmd_net_addr_v0) take the
 * family as type: %NXA_TYPE_IPV4 adds 1 to 4 addresses, with %NXA_MOD_BCAST
 * or %NXA_MOD_LBACK it sets the broadcast or loopback address from ip[0];
 * net_remove only takes %NXA_TYPE_ANY.
 */
/* clang-format off */
#define NXA_TYPE_NONE		0x0000
#define NXA_TYPE_IPV4		0x0001
#define NXA_TYPE_IPV6		0x0002
#define NXA_TYPE_ADDR		0x0010
#define NXA_TYPE_MASK		0x0020
#define NXA_TYPE_RANGE		0x0040
#define NXA_TYPE_ANY		0x00FF
#define NXA_MOD_BCAST		0x0100
#define NXA_MOD_LBACK		0x0200
/* clang-format on */

/**
 * struct vcmd_nx_info_v0 - Identity of a network context
 * @nid: the network context's id
 *
 * Written by nx_info.
 */
struct vcmd_nx_info_v0 {
	__u32 nid;
};

/**
 * struct vcmd_net_create - Flags of a new network context
 * @flagword: the network context's flags (NXF_*), exactly
 *
 * Read by net_create (v1).  Without it (NULL, as util-vserver passes) the
 * flags are %NXF_INIT_SET.
 *
 * Errors besides the dispatcher's: ``EINVAL`` for an id outside
 * %VX_ID_STATIC_MIN..%VX_ID_CREATE_MAX; ``EBUSY`` if the network context
 * exists and is in setup, ``EEXIST`` if it exists otherwise (util-vserver
 * then migrates instead); ``ENOEXEC`` if the netup helper failed.
 */
struct vcmd_net_create {
	__u64 flagword;
};

/**
 * struct vcmd_net_addr_v0 - Up to four IPv4 addresses (legacy)
 * @type: %NXA_TYPE_IPV4, optionally with %NXA_MOD_BCAST or %NXA_MOD_LBACK;
 *        %NXA_TYPE_ANY to remove
 * @count: number of addresses in @ip and @mask, 1 to 4
 * @ip: the addresses
 * @mask: their netmasks
 *
 * Read by net_add and net_remove.
 */
struct vcmd_net_addr_v0 {
	__u16 type;
	__u16 count;
	__be32 ip[4];
	__be32 mask[4];
};

/**
 * struct vcmd_net_addr_ipv4_v1 - One IPv4 entry
 * @type: NXA_TYPE_* and NXA_MOD_* (see `Network addresses`_)
 * @flags: stored with the entry; 0 in practice
 * @ip: the address
 * @mask: the netmask
 *
 * Read by net_add_ipv4_v1 and net_rem_ipv4_v1.
 */
struct vcmd_net_addr_ipv4_v1 {
	__u16 type;
	__u16 flags;
	__be32 ip;
	__be32 mask;
};

/**
 * struct vcmd_net_addr_ipv4_v2 - One IPv4 entry, with ranges
 * @type: NXA_TYPE_* and NXA_MOD_* (see `Network addresses`_)
 * @flags: stored with the entry; 0 in practice
 * @ip: the address, or the first address of a range
 * @ip2: the end of a range (excluded), else 0
 * @mask: the netmask
 *
 * Read by net_add_ipv4 and net_rem_ipv4.
 */
struct vcmd_net_addr_ipv4_v2 {
	__u16 type;
	__u16 flags;
	__be32 ip;
	__be32 ip2;
	__be32 mask;
};

/**
 * struct vcmd_net_addr_ipv6_v1 - One IPv6 entry
 * @type: %NXA_TYPE_ADDR (the mask is then all ones) or %NXA_TYPE_MASK;
 *        %NXA_TYPE_ANY to remove all
 * @flags: stored with the entry; 0 in practice
 * @prefix: the prefix length
 * @ip: the address, as the bytes of a struct in6_addr
 * @mask: the netmask, likewise
 *
 * Read by net_add_ipv6 and net_remove_ipv6.
 */
struct vcmd_net_addr_ipv6_v1 {
	__u16 type;
	__u16 flags;
	__u32 prefix;
	__u8 ip[16];
	__u8 mask[16];
};

/**
 * struct vcmd_net_caps_v0 - Masked access to the network capabilities
 * @ncaps: get: the NXC_* capabilities; set: new values for the bits in
 *         @cmask
 * @cmask: get: all ones; set: the bits to change
 *
 * Taken by get_ncaps and set_ncaps.
 */
struct vcmd_net_caps_v0 {
	__u64 ncaps;
	__u64 cmask;
};

/*
 * Socket family classes (&vcmd_sock_stat_v0.field) and the three counters
 * of each (indexes of &vcmd_sock_stat_v0.count and .total).
 */
/* clang-format off */
#define VXA_SOCK_UNSPEC		0
#define VXA_SOCK_UNIX		1
#define VXA_SOCK_INET		2
#define VXA_SOCK_INET6		3
#define VXA_SOCK_PACKET		4
#define VXA_SOCK_OTHER		5
#define VXA_SOCK_NR		6

#define VXA_SOCK_RECV		0
#define VXA_SOCK_SEND		1
#define VXA_SOCK_FAIL		2
/* clang-format on */

/**
 * struct vcmd_sock_stat_v0 - Socket traffic of a context
 * @field: the family class, VXA_SOCK_UNSPEC to VXA_SOCK_OTHER, else
 *         ``EINVAL``
 * @count: messages received, sent, and sends that failed (VXA_SOCK_RECV,
 *         _SEND, _FAIL); the low 32 bits of the kernel's counters
 * @total: their bytes: received, sent, asked to be sent by the failed sends
 *
 * Read and written by sock_stat.  The target is a context (xid), not a
 * network context: every send and receive a task of the context makes on a
 * socket of any family counts in it, by the socket's family (a receive that
 * fails counts nowhere).  Host tasks count nowhere.  Errors besides the
 * dispatcher's (``ESRCH`` for a context that does not exist, ``EFAULT``):
 * ``EINVAL`` for @field.  /proc/virtual/<xid>/cacct shows the same
 * counters.
 */
struct vcmd_sock_stat_v0 {
	__u32 field;
	__u32 count[3];
	__u64 total[3];
};

#endif /* _UAPI_LINUX_VSERVER_NETWORK_H */
