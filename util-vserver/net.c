// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * vserver tools - network contexts: ids and the addresses naddress takes
 *
 * Copyright (C) 2026 The vserver authors
 */
#include <arpa/inet.h>
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include <linux/vserver/network.h>

#include "common.h"
#include "net.h"

int vs_parse_nid(const char *s, uint32_t *ret)
{
	return vs_parse_id(s, vc_get_task_nid, ret);
}

uint32_t vs_nid_arg(const char *s)
{
	return vs_id_arg(s, vc_get_task_nid, "network context");
}

bool vs_nid_exists(uint32_t nid)
{
	uint32_t id;

	return vc_get_nx_info(nid, &id) == 0;
}

void vs_warn_nid(uint32_t nid, const char *fmt, ...)
{
	const int err = errno;
	char what[512];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(what, sizeof(what), fmt, ap);
	va_end(ap);
	/* ESRCH is also "no such entry" or "no such process": ask the kernel */
	if (err == ESRCH && !vs_nid_exists(nid) && errno == ESRCH)
		vs_warn("%s: %s (there is no network context %u)", what, strerror(err), nid);
	else {
		errno = err;
		vs_warn_syscall("%s", what);
	}
	errno = err;
}

/* --- addresses ------------------------------------------------------------ */

/* A netmask of @prefix leading one bits, @len bytes. */
static void prefix_to_mask(unsigned int prefix, uint8_t *mask, size_t len)
{
	size_t i;

	for (i = 0; i < len; i++, prefix = prefix > 8 ? prefix - 8 : 0)
		mask[i] = prefix >= 8 ? 0xff : (uint8_t)(0xff00 >> prefix);
}

/* The prefix of a contiguous netmask, or -1 when it has a hole. */
static int mask_to_prefix(const uint8_t *mask, size_t len)
{
	uint8_t want[16];
	unsigned int prefix = 0;
	size_t i;
	int b;

	for (i = 0; i < len; i++)
		for (b = 7; b >= 0; b--)
			prefix += (mask[i] >> b) & 1;
	prefix_to_mask(prefix, want, len);
	return memcmp(want, mask, len) ? -1 : (int)prefix;
}

/* An address of either family into @a (its IP and the family bit). */
static int parse_ip(const char *s, struct vc_net_addr *a)
{
	if (inet_pton(AF_INET, s, &a->vna_v4_ip) == 1) {
		a->vna_type = NXA_TYPE_IPV4;
		return 0;
	}
	if (inet_pton(AF_INET6, s, &a->vna_v6_ip) == 1) {
		a->vna_type = NXA_TYPE_IPV6;
		return 0;
	}
	return -1;
}

/* The part after '/': a prefix length or a netmask of the address's family. */
static int parse_suffix(const char *s, struct vc_net_addr *a, const char **why)
{
	const bool v4 = a->vna_type == NXA_TYPE_IPV4;
	const size_t len = v4 ? 4 : 16;
	uint8_t *mask = v4 ? (uint8_t *)&a->vna_v4_mask : a->vna_v6_mask.s6_addr;
	unsigned long prefix;
	int p;

	if (!strchr(s, '.') && !strchr(s, ':')) {
		if (vs_parse_uint(s, v4 ? 32 : 128, &prefix) < 0) {
			*why = v4 ? "the prefix of an IPv4 address is 0..32" :
				    "the prefix of an IPv6 address is 0..128";
			return -1;
		}
		prefix_to_mask((unsigned int)prefix, mask, len);
		a->vna_prefix = (uint16_t)prefix;
		return 0;
	}
	if (inet_pton(v4 ? AF_INET : AF_INET6, s, mask) != 1) {
		*why = v4 ? "not an IPv4 netmask" : "not an IPv6 netmask";
		return -1;
	}
	p = mask_to_prefix(mask, len);
	if (p < 0) {
		*why = "the netmask is not contiguous";
		return -1;
	}
	a->vna_prefix = (uint16_t)p;
	return 0;
}

/* --ip and --mask: ADDR[/PREFIX|/NETMASK]. */
static int parse_prefixed(const char *s, struct vc_net_addr *a, const char **why)
{
	char buf[INET6_ADDRSTRLEN + 64];
	char *slash;

	if (strlen(s) >= sizeof(buf)) {
		*why = "not an IPv4 or IPv6 address";
		return -1;
	}
	strcpy(buf, s);
	slash = strchr(buf, '/');
	if (slash)
		*slash++ = '\0';
	if (parse_ip(buf, a) < 0) {
		*why = "not an IPv4 or IPv6 address";
		return -1;
	}
	if (slash)
		return parse_suffix(slash, a, why);
	/* util-vserver's defaults */
	if (a->vna_type == NXA_TYPE_IPV4)
		return parse_suffix("24", a, why);
	return parse_suffix("64", a, why);
}

/* A network keeps only its network bits. */
static void clear_host_bits(struct vc_net_addr *a)
{
	size_t i;

	if (a->vna_type & NXA_TYPE_IPV4) {
		a->vna_v4_ip.s_addr &= a->vna_v4_mask.s_addr;
		return;
	}
	for (i = 0; i < 16; i++)
		a->vna_v6_ip.s6_addr[i] &= a->vna_v6_mask.s6_addr[i];
}

static int parse_v4(const char *s, struct in_addr *ret, const char **why)
{
	if (inet_pton(AF_INET, s, ret) == 1)
		return 0;
	*why = strchr(s, ':') ? "only an IPv4 address is possible here" : "not an IPv4 address";
	return -1;
}

/* --range A-B */
static int parse_range(const char *s, struct vc_net_addr *a, const char **why)
{
	char buf[2 * INET_ADDRSTRLEN];
	char *dash;

	dash = strlen(s) < sizeof(buf) ? strchr(strcpy(buf, s), '-') : NULL;
	if (!dash) {
		*why = strchr(s, ':') ? "ranges are IPv4 only" :
					"expected FIRST-END, two IPv4 addresses";
		return -1;
	}
	*dash++ = '\0';
	if (parse_v4(buf, &a->vna_v4_ip, why) < 0 || parse_v4(dash, &a->vna_v4_ip2, why) < 0)
		return -1;
	if (ntohl(a->vna_v4_ip2.s_addr) <= ntohl(a->vna_v4_ip.s_addr)) {
		*why = "the end of a range must come after its first address";
		return -1;
	}
	a->vna_type = NXA_TYPE_IPV4 | NXA_TYPE_RANGE;
	return 0;
}

int vs_parse_net_addr(enum vs_addr_opt opt, const char *s, struct vc_net_addr *ret,
		      const char **ret_why)
{
	struct vc_net_addr a;
	const char *why = NULL;
	int err;

	memset(&a, 0, sizeof(a));
	switch (opt) {
	case VS_ADDR_IP:
	case VS_ADDR_MASK:
		err = parse_prefixed(s, &a, &why);
		if (err)
			break;
		a.vna_type |= opt == VS_ADDR_IP ? NXA_TYPE_ADDR : NXA_TYPE_MASK;
		/* util-vserver's library: 0.0.0.0 is "any address" */
		if ((a.vna_type & NXA_TYPE_IPV4) && !a.vna_v4_ip.s_addr) {
			a.vna_type = NXA_TYPE_IPV4 | NXA_TYPE_MASK;
			a.vna_v4_mask.s_addr = 0;
			a.vna_prefix = 0;
		}
		if (a.vna_type & NXA_TYPE_MASK)
			clear_host_bits(&a);
		break;
	case VS_ADDR_RANGE:
		err = parse_range(s, &a, &why);
		break;
	case VS_ADDR_BCAST:
	case VS_ADDR_LBACK:
		err = parse_v4(s, &a.vna_v4_ip, &why);
		a.vna_type = NXA_TYPE_IPV4 | NXA_TYPE_ADDR |
			     (opt == VS_ADDR_BCAST ? NXA_MOD_BCAST : NXA_MOD_LBACK);
		break;
	default:
		why = "unknown kind of address";
		err = -1;
	}
	if (err) {
		if (ret_why)
			*ret_why = why;
		errno = EINVAL;
		return -1;
	}
	*ret = a;
	return 0;
}

const char *vs_net_addr_ip(const struct vc_net_addr *a, char *buf, size_t size)
{
	char s[INET6_ADDRSTRLEN];

	if (a->vna_type & NXA_TYPE_IPV6)
		inet_ntop(AF_INET6, &a->vna_v6_ip, s, sizeof(s));
	else
		inet_ntop(AF_INET, &a->vna_v4_ip, s, sizeof(s));
	snprintf(buf, size, "%s", s);
	return buf;
}

const char *vs_net_addr_string(const struct vc_net_addr *a, char *buf, size_t size)
{
	char ip[INET6_ADDRSTRLEN], ip2[INET_ADDRSTRLEN];

	vs_net_addr_ip(a, ip, sizeof(ip));
	if (a->vna_type & NXA_MOD_BCAST)
		snprintf(buf, size, "broadcast %s", ip);
	else if (a->vna_type & NXA_MOD_LBACK)
		snprintf(buf, size, "loopback %s", ip);
	else if (a->vna_type & NXA_TYPE_RANGE)
		snprintf(buf, size, "%s-%s", ip,
			 inet_ntop(AF_INET, &a->vna_v4_ip2, ip2, sizeof(ip2)));
	else
		snprintf(buf, size, "%s/%u", ip, a->vna_prefix);
	return buf;
}
