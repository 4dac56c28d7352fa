// SPDX-License-Identifier: LGPL-2.1-or-later
/*
 * libvserver - the space (namespace) commands
 *
 * A context keeps two slots of namespaces (ABI §3.1 "Spaces"): slot 0 the
 * guest's namespaces, slot 1 its mount namespace and root after pivot_root.
 * util-vserver calls these vc_set_namespace/vc_enter_namespace.
 *
 * Copyright (C) 2026 The vserver authors
 */
#include <errno.h>

#include "vserver.h"

int vc_enter_namespace(uint32_t xid, uint64_t mask, uint32_t index)
{
	struct vcmd_space_mask_v2 d = { .mask = mask, .index = index };

	return vserver(VCMD_enter_space, xid, &d) < 0 ? -1 : 0;
}

int vc_set_namespace(uint32_t xid, uint64_t mask, uint32_t index)
{
	struct vcmd_space_mask_v2 d = { .mask = mask, .index = index };

	return vserver(VCMD_set_space, xid, &d) < 0 ? -1 : 0;
}

static int64_t get_mask(uint32_t cmd)
{
	struct vcmd_space_mask_v1 d = { 0 };

	if (vserver(cmd, 0, &d) < 0)
		return -1;
	return (int64_t)(d.mask & 0x7fffffffffffffffULL);
}

int64_t vc_get_space_mask(void)
{
	return get_mask(VCMD_get_space_mask);
}

int64_t vc_get_space_default(void)
{
	int64_t m = get_mask(VCMD_get_space_default);

	/* util-vserver's fallback for kernels without get_space_default */
	if (m < 0 && errno == ENOSYS)
		m = get_mask(VCMD_get_space_mask);
	return m;
}
