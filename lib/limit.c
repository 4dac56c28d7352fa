// SPDX-License-Identifier: LGPL-2.1-or-later
/*
 * libvserver - the context resource limit commands
 *
 * get_rlimit, set_rlimit, get_rlimit_mask, rlimit_stat and reset_minmax
 * (ABI §3.3 "Resource limits", §4.4), with util-vserver's names and
 * structures. The kernel structures are those of <linux/vserver/limit.h>,
 * whose natural alignment is each ABI's layout (32 bytes for rlimit_v0 on
 * x86_64, 28 on i386), so a 32-bit build of this file speaks the i386
 * layout without help.
 *
 * Copyright (C) 2026 The vserver authors
 */
#include <string.h>

#include <linux/vserver/limit.h>

#include "vserver.h"

int vc_get_rlimit(uint32_t xid, int resource, struct vc_rlimit *ret)
{
	struct vcmd_rlimit_v0 d = { .id = (uint32_t)resource };

	if (vserver(VCMD_get_rlimit, xid, &d) < 0)
		return -1;
	ret->min = d.minimum;
	ret->soft = d.softlimit;
	ret->hard = d.maximum;
	return 0;
}

int vc_set_rlimit(uint32_t xid, int resource, const struct vc_rlimit *lim)
{
	struct vcmd_rlimit_v0 d = {
		.id = (uint32_t)resource,
		.minimum = lim->min,
		.softlimit = lim->soft,
		.maximum = lim->hard,
	};

	return vserver(VCMD_set_rlimit, xid, &d) < 0 ? -1 : 0;
}

int vc_get_rlimit_mask(uint32_t xid, struct vc_rlimit_mask *ret)
{
	struct vcmd_rlimit_mask_v0 d = { 0, 0, 0 };

	if (vserver(VCMD_get_rlimit_mask, xid, &d) < 0)
		return -1;
	ret->min = d.minimum;
	ret->soft = d.softlimit;
	ret->hard = d.maximum;
	return 0;
}

int vc_rlimit_stat(uint32_t xid, int resource, struct vc_rlimit_stat *ret)
{
	struct vcmd_rlimit_stat_v0 d = { .id = (uint32_t)resource };

	if (vserver(VCMD_rlimit_stat, xid, &d) < 0)
		return -1;
	ret->hits = d.hits;
	ret->value = d.value;
	ret->minimum = d.minimum;
	ret->maximum = d.maximum;
	return 0;
}

int vc_reset_minmax(uint32_t xid)
{
	return vserver(VCMD_reset_minmax, xid, NULL) < 0 ? -1 : 0;
}
