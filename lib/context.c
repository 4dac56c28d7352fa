// SPDX-License-Identifier: LGPL-2.1-or-later
/*
 * libvserver - the context (xid) commands
 *
 * One wrapper per command the kernel implements (ABI §3.1, §3.3): each
 * fills the command's structure, issues it, and copies the result out only
 * when the call succeeded. Commands the kernel lacks fail with ENOSYS from
 * the kernel itself; nothing here second-guesses it, except the name length
 * of set_vhi_name, which util-vserver also checks before the call.
 *
 * Copyright (C) 2026 The vserver authors
 */
#include <errno.h>
#include <string.h>

#include <linux/vserver/network.h>

#include "vserver.h"

int vc_get_task_xid(pid_t pid)
{
	return (int)vserver(VCMD_task_xid, (uint32_t)pid, NULL);
}

int vc_get_task_tag(pid_t pid)
{
	return (int)vserver(VCMD_task_tag, (uint32_t)pid, NULL);
}

int vc_get_vx_info(uint32_t xid, struct vc_vx_info *ret)
{
	struct vcmd_vx_info_v0 d = { 0 };

	if (vserver(VCMD_vx_info, xid, &d) < 0)
		return -1;
	ret->xid = d.xid;
	ret->initpid = (pid_t)d.initpid;
	return 0;
}

int vc_ctx_stat(uint32_t xid, struct vc_ctx_stat *ret)
{
	struct vcmd_ctx_stat_v0 d = { 0 };

	if (vserver(VCMD_ctx_stat, xid, &d) < 0)
		return -1;
	ret->usecnt = d.usecnt;
	ret->tasks = d.tasks;
	return 0;
}

int vc_sock_stat(uint32_t xid, uint32_t field, struct vc_sock_stat *ret)
{
	struct vcmd_sock_stat_v0 d = { .field = field };
	unsigned int i;

	if (vserver(VCMD_sock_stat, xid, &d) < 0)
		return -1;
	for (i = 0; i < 3; i++) {
		ret->count[i] = d.count[i];
		ret->total[i] = d.total[i];
	}
	return 0;
}

int vc_ctx_create(uint32_t xid, const uint64_t *flags)
{
	struct vcmd_ctx_create d = { .flagword = flags ? *flags : 0 };

	return (int)vserver(VCMD_ctx_create, xid, flags ? &d : NULL);
}

int vc_ctx_migrate(uint32_t xid, uint64_t vxm_flags)
{
	struct vcmd_ctx_migrate d = { .flagword = vxm_flags };

	return (int)vserver(VCMD_ctx_migrate, xid, &d);
}

/*
 * The flag, capability and mask commands all take { value, mask } pairs of
 * 64-bit words (vcmd_flags_v0, vcmd_caps_v1, vcmd_bcaps, vcmd_umask,
 * vcmd_wmask), which is struct vc_mask64.
 */
static int get_pair(uint32_t cmd, uint32_t xid, struct vc_mask64 *ret)
{
	uint64_t d[2] = { 0, 0 };

	if (vserver(cmd, xid, d) < 0)
		return -1;
	ret->value = d[0];
	ret->mask = d[1];
	return 0;
}

static int set_pair(uint32_t cmd, uint32_t xid, const struct vc_mask64 *v)
{
	uint64_t d[2] = { v->value, v->mask };

	return vserver(cmd, xid, d) < 0 ? -1 : 0;
}

int vc_get_cflags(uint32_t xid, struct vc_mask64 *ret)
{
	return get_pair(VCMD_get_cflags, xid, ret);
}

int vc_set_cflags(uint32_t xid, const struct vc_mask64 *flags)
{
	return set_pair(VCMD_set_cflags, xid, flags);
}

int vc_get_ccaps(uint32_t xid, struct vc_mask64 *ret)
{
	return get_pair(VCMD_get_ccaps, xid, ret);
}

int vc_set_ccaps(uint32_t xid, const struct vc_mask64 *ccaps)
{
	return set_pair(VCMD_set_ccaps, xid, ccaps);
}

int vc_get_bcaps(uint32_t xid, struct vc_mask64 *ret)
{
	return get_pair(VCMD_get_bcaps, xid, ret);
}

int vc_set_bcaps(uint32_t xid, const struct vc_mask64 *bcaps)
{
	return set_pair(VCMD_set_bcaps, xid, bcaps);
}

int vc_get_umask(uint32_t xid, struct vc_mask64 *ret)
{
	return get_pair(VCMD_get_umask, xid, ret);
}

int vc_set_umask(uint32_t xid, const struct vc_mask64 *umask)
{
	return set_pair(VCMD_set_umask, xid, umask);
}

int vc_get_wmask(uint32_t xid, struct vc_mask64 *ret)
{
	return get_pair(VCMD_get_wmask, xid, ret);
}

int vc_set_wmask(uint32_t xid, const struct vc_mask64 *wmask)
{
	return set_pair(VCMD_set_wmask, xid, wmask);
}

int vc_get_badness(uint32_t xid, int64_t *ret)
{
	struct vcmd_badness_v0 d = { 0 };

	if (vserver(VCMD_get_badness, xid, &d) < 0)
		return -1;
	*ret = d.bias;
	return 0;
}

int vc_set_badness(uint32_t xid, int64_t bias)
{
	struct vcmd_badness_v0 d = { .bias = bias };

	return vserver(VCMD_set_badness, xid, &d) < 0 ? -1 : 0;
}

int vc_get_vhi_name(uint32_t xid, int field, char *buf, size_t size)
{
	struct vcmd_vhi_name_v0 d = { .field = (uint32_t)field };
	size_t len;

	if (vserver(VCMD_get_vhi_name, xid, &d) < 0)
		return -1;
	/* The kernel copies 65 bytes; do not trust it to end them. */
	len = strnlen(d.name, sizeof(d.name) - 1);
	if (!buf || len >= size) {
		errno = ERANGE;
		return -1;
	}
	memcpy(buf, d.name, len);
	buf[len] = '\0';
	return 0;
}

int vc_set_vhi_name(uint32_t xid, int field, const char *name)
{
	struct vcmd_vhi_name_v0 d = { .field = (uint32_t)field };
	size_t len;

	if (!name) {
		errno = EINVAL;
		return -1;
	}
	len = strlen(name);
	if (len >= sizeof(d.name)) {
		errno = E2BIG;
		return -1;
	}
	memcpy(d.name, name, len + 1);
	return vserver(VCMD_set_vhi_name, xid, &d) < 0 ? -1 : 0;
}

int vc_ctx_kill(uint32_t xid, pid_t pid, int sig)
{
	struct vcmd_ctx_kill_v0 d = { .pid = pid, .sig = sig };

	return vserver(VCMD_ctx_kill, xid, &d) < 0 ? -1 : 0;
}

int vc_wait_exit(uint32_t xid, struct vc_wait_exit *ret)
{
	struct vcmd_wait_exit_v0 d = { 0, 0 };

	if (vserver(VCMD_wait_exit, xid, &d) < 0)
		return -1;
	ret->reboot_cmd = d.reboot_cmd;
	ret->exit_code = d.exit_code;
	return 0;
}
