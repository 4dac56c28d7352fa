/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * vserver tools - network contexts: ids and the addresses naddress takes
 *
 * Copyright (C) 2026 The vserver authors
 */
#ifndef VS_TOOLS_NET_H
#define VS_TOOLS_NET_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <vserver.h>

/* --- network context ids ------------------------------------------------- */

/*
 * Parse a network context id as util-vserver's --nid takes it: a number,
 * or "self" for the caller's own network context (its task_nid). Returns
 * 0, or -1 with errno EINVAL (bad text) or the error of task_nid.
 */
int vs_parse_nid(const char *s, uint32_t *ret);

/*
 * Parse --nid for a tool: as vs_parse_nid(), and a bad value is a usage
 * error (exit 2), a failing task_nid a failure (exit 1).
 */
uint32_t vs_nid_arg(const char *s);

/* Does network context @nid exist (for the caller)? */
bool vs_nid_exists(uint32_t nid);

/*
 * Report a failed command on network context @nid as vs_warn_syscall()
 * does; for ESRCH the line also says that the network context does not
 * exist, when it does not. MESSAGE is formatted as by printf(3).
 */
void vs_warn_nid(uint32_t nid, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* --- addresses ------------------------------------------------------------ */

/* Which naddress option an address came with. */
enum vs_addr_opt {
	VS_ADDR_IP,	/* --ip: one address (NXA_TYPE_ADDR) */
	VS_ADDR_MASK,	/* --mask: a network (NXA_TYPE_MASK) */
	VS_ADDR_RANGE,	/* --range: IPv4 addresses A up to B, B excluded (NXA_TYPE_RANGE) */
	VS_ADDR_BCAST,	/* --bcast: the IPv4 broadcast address */
	VS_ADDR_LBACK,	/* --lback: the IPv4 loopback address */
};

/*
 * Parse the argument of naddress option @opt into an entry as util-vserver's
 * naddress builds it:
 *
 * - --ip and --mask take ADDR[/PREFIX] or ADDR/NETMASK, IPv4 or IPv6.
 *   Without a prefix IPv4 gets /24 and IPv6 /64 (util-vserver's defaults).
 *   --ip gives one address with its prefix (the kernel matches the address
 *   alone); --mask a network, whose address loses its host bits. IPv4
 *   0.0.0.0 becomes the network 0.0.0.0/0, which covers every address.
 * - --range takes A-B, two IPv4 addresses with A < B.
 * - --bcast and --lback take one IPv4 address.
 *
 * Returns 0, or -1 with errno EINVAL and *@ret_why saying what is wrong (a
 * static string); @ret is written only on success.
 */
int vs_parse_net_addr(enum vs_addr_opt opt, const char *s, struct vc_net_addr *ret,
		      const char **ret_why);

/*
 * @a as the tools show it in messages: "10.0.0.1/24", "10.0.0.0/24",
 * "fd00::1/64", "10.0.0.10-10.0.0.20", "broadcast 10.0.0.255",
 * "loopback 127.0.0.2". Returns @buf.
 */
const char *vs_net_addr_string(const struct vc_net_addr *a, char *buf, size_t size);

/* Only the address of @a ("10.0.0.1"), as util-vserver's naddress prints it. */
const char *vs_net_addr_ip(const struct vc_net_addr *a, char *buf, size_t size);

#endif
