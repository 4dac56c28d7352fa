// SPDX-License-Identifier: LGPL-2.1-or-later
/*
 * libvserver - inode attributes (barrier, immutable, ...)
 *
 * Copyright (C) 2026 The vserver authors
 */
#include <errno.h>

#include <linux/vserver/inode.h>

#include "vserver.h"

int vc_get_iattr(const char *path, struct vc_iattr *ret)
{
	struct vcmd_iattr_v1 d = { .name = path };

	if (!path) {
		errno = EFAULT;
		return -1;
	}
	if (vserver(VCMD_get_iattr, 0, &d) < 0)
		return -1;
	ret->tag = d.tag;
	ret->flags = d.flags;
	ret->mask = d.mask;
	return 0;
}

int vc_set_iattr(const char *path, uint32_t flags, uint32_t mask)
{
	struct vcmd_iattr_v1 d = { .name = path, .flags = flags, .mask = mask };

	if (!path) {
		errno = EFAULT;
		return -1;
	}
	return vserver(VCMD_set_iattr, 0, &d) < 0 ? -1 : 0;
}

int vc_fget_iattr(int fd, struct vc_iattr *ret)
{
	struct vcmd_fiattr_v0 d = { 0 };

	if (vserver(VCMD_fget_iattr, (uint32_t)fd, &d) < 0)
		return -1;
	ret->tag = d.tag;
	ret->flags = d.flags;
	ret->mask = d.mask;
	return 0;
}

int vc_fset_iattr(int fd, uint32_t flags, uint32_t mask)
{
	struct vcmd_fiattr_v0 d = { .flags = flags, .mask = mask };

	return vserver(VCMD_fset_iattr, (uint32_t)fd, &d) < 0 ? -1 : 0;
}
