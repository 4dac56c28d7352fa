// SPDX-License-Identifier: LGPL-2.1-or-later
/*
 * libvserver - the network context (nid) commands
 *
 * Copyright (C) 2026 The vserver authors
 */
#include <errno.h>
#include <string.h>

#include <linux/vserver/network.h>

#include "vserver.h"

int vc_net_create(uint32_t nid, const uint64_t *flags)
{
	struct vcmd_net_create d = { .flagword = flags ? *flags : 0 };

	return (int)vserver(VCMD_net_create, nid, flags ? &d : NULL);
}

int vc_net_migrate(uint32_t nid)
{
	return (int)vserver(VCMD_net_migrate, nid, NULL);
}

int vc_get_task_nid(pid_t pid)
{
	return (int)vserver(VCMD_task_nid, (uint32_t)pid, NULL);
}

int vc_get_nx_info(uint32_t nid, uint32_t *ret)
{
	struct vcmd_nx_info_v0 d = { 0 };

	if (vserver(VCMD_nx_info, nid, &d) < 0)
		return -1;
	*ret = d.nid;
	return 0;
}

int vc_get_nflags(uint32_t nid, struct vc_mask64 *ret)
{
	struct vcmd_flags_v0 d = { 0, 0 };

	if (vserver(VCMD_get_nflags, nid, &d) < 0)
		return -1;
	ret->value = d.flagword;
	ret->mask = d.mask;
	return 0;
}

int vc_set_nflags(uint32_t nid, const struct vc_mask64 *flags)
{
	struct vcmd_flags_v0 d = { flags->value, flags->mask };

	return vserver(VCMD_set_nflags, nid, &d) < 0 ? -1 : 0;
}

int vc_get_ncaps(uint32_t nid, struct vc_mask64 *ret)
{
	struct vcmd_net_caps_v0 d = { 0, 0 };

	if (vserver(VCMD_get_ncaps, nid, &d) < 0)
		return -1;
	ret->value = d.ncaps;
	ret->mask = d.cmask;
	return 0;
}

int vc_set_ncaps(uint32_t nid, const struct vc_mask64 *ncaps)
{
	struct vcmd_net_caps_v0 d = { ncaps->value, ncaps->mask };

	return vserver(VCMD_set_ncaps, nid, &d) < 0 ? -1 : 0;
}

static int addr4(uint32_t nid, const struct vc_net_addr *a, uint16_t type, int add)
{
	if (type == NXA_TYPE_RANGE) {
		struct vcmd_net_addr_ipv4_v2 d = {
			.type = type, .flags = a->vna_flags, .ip = a->vna_v4_ip.s_addr,
			.ip2 = a->vna_v4_ip2.s_addr, .mask = a->vna_v4_mask.s_addr,
		};

		return vserver(add ? VCMD_net_add_ipv4 : VCMD_net_rem_ipv4, nid, &d) < 0 ? -1 : 0;
	}
	struct vcmd_net_addr_ipv4_v1 d = {
		.type = type, .flags = a->vna_flags, .ip = a->vna_v4_ip.s_addr,
		.mask = a->vna_v4_mask.s_addr,
	};

	return vserver(add ? VCMD_net_add_ipv4_v1 : VCMD_net_rem_ipv4_v1, nid, &d) < 0 ? -1 : 0;
}

static int addr6(uint32_t nid, const struct vc_net_addr *a, uint16_t type, int add)
{
	struct vcmd_net_addr_ipv6_v1 d = {
		.type = type, .flags = a->vna_flags, .prefix = a->vna_prefix,
	};

	memcpy(d.ip, &a->vna_v6_ip, sizeof(d.ip));
	memcpy(d.mask, &a->vna_v6_mask, sizeof(d.mask));
	return vserver(add ? VCMD_net_add_ipv6 : VCMD_net_remove_ipv6, nid, &d) < 0 ? -1 : 0;
}

/*
 * The kernel takes the type without its family bit. NXA_TYPE_ANY covers
 * both families (as util-vserver's remove-all does: IPv6, then IPv4).
 */
static int addr_cmd(uint32_t nid, const struct vc_net_addr *a, int add)
{
	const uint16_t type = a->vna_type & (uint16_t)~(NXA_TYPE_IPV4 | NXA_TYPE_IPV6);

	if ((a->vna_type & 0xff) == NXA_TYPE_ANY) {
		if (add) {
			errno = EINVAL;
			return -1;
		}
		if (addr6(nid, a, NXA_TYPE_ANY, 0) < 0 && errno != ENOSYS)
			return -1;
		return addr4(nid, a, NXA_TYPE_ANY, 0);
	}
	if (a->vna_type & NXA_TYPE_IPV6)
		return addr6(nid, a, type, add);
	return addr4(nid, a, type, add);
}

int vc_net_add(uint32_t nid, const struct vc_net_addr *addr)
{
	return addr_cmd(nid, addr, 1);
}

int vc_net_remove(uint32_t nid, const struct vc_net_addr *addr)
{
	return addr_cmd(nid, addr, 0);
}
