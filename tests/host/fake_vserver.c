// SPDX-License-Identifier: GPL-2.0-only
/*
 * A fake vserver kernel for the host tests of tools whose commands the test
 * kernel does not implement yet (vlimit_test.sh): an LD_PRELOAD library
 * that takes over syscall(2) for the vserver system call, which libvserver
 * issues through it, and passes every other call on.
 *
 * It answers get_version (0x00020308), task_xid (FAKE_VS_XID, default 0),
 * get_rlimit_mask (FAKE_VS_MASK "MIN,SOFT,HARD", default 0,0,0x004B14C0, the
 * reference kernel's), get_rlimit (minimum 0, soft and hard from
 * FAKE_VS_LIMIT_<id> "SOFT,HARD", default infinity; EINVAL outside the
 * mask and from VLIMIT_NLIMITS up) and set_rlimit (EINVAL outside the mask;
 * FAKE_VS_SET_ERRNO=N fails them all with errno N); every other command is
 * ENOSYS. With FAKE_VS_ABORT set, any vserver call aborts the program:
 * for showing that there was none. Each limit
 * command is appended to the file FAKE_VS_LOG, one line each:
 *   set_rlimit XID ID MIN SOFT HARD    (values in decimal, "keep", "inf")
 *   get_rlimit XID ID
 *   get_rlimit_mask XID
 *
 * Copyright (C) 2026 The vserver authors
 */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <errno.h>
#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <linux/vserver/limit.h>
#include <linux/vserver/switch.h>

static void logf_(const char *fmt, ...)
{
	const char *path = getenv("FAKE_VS_LOG");
	va_list ap;
	FILE *f;

	if (!path || !(f = fopen(path, "a")))
		return;
	va_start(ap, fmt);
	vfprintf(f, fmt, ap);
	va_end(ap);
	fclose(f);
}

static const char *val(uint64_t v, char buf[24])
{
	if (v == CRLIM_KEEP)
		return "keep";
	if (v == CRLIM_INFINITY)
		return "inf";
	snprintf(buf, 24, "%" PRIu64, v);
	return buf;
}

static uint64_t parse(const char *s)
{
	return strcmp(s, "inf") ? strtoull(s, NULL, 0) : CRLIM_INFINITY;
}

static void mask(struct vcmd_rlimit_mask_v0 *m)
{
	const char *e = getenv("FAKE_VS_MASK");

	*m = (struct vcmd_rlimit_mask_v0){ 0, 0, 0x004B14C0 };
	if (e && sscanf(e, "%i,%i,%i", (int *)&m->minimum, (int *)&m->softlimit,
			(int *)&m->maximum) != 3)
		abort();
}

static int has_limit(uint32_t id)
{
	struct vcmd_rlimit_mask_v0 m;

	mask(&m);
	return id < 32 && ((m.minimum | m.softlimit | m.maximum) & (1U << id));
}

static long fail(int e)
{
	errno = e;
	return -1;
}

static long get_rlimit(uint32_t xid, struct vcmd_rlimit_v0 *r)
{
	char name[32], soft[32] = "inf", hard[32] = "inf";
	const char *e;

	logf_("get_rlimit %u %u\n", xid, r->id);
	if (!has_limit(r->id) || r->id >= VLIMIT_NLIMITS)
		return fail(EINVAL);
	snprintf(name, sizeof(name), "FAKE_VS_LIMIT_%u", r->id);
	e = getenv(name);
	if (e && sscanf(e, "%31[^,],%31s", soft, hard) != 2)
		abort();
	r->minimum = CRLIM_UNSET;
	r->softlimit = parse(soft);
	r->maximum = parse(hard);
	return 0;
}

static long set_rlimit(uint32_t xid, const struct vcmd_rlimit_v0 *r)
{
	const char *e = getenv("FAKE_VS_SET_ERRNO");
	char a[24], b[24], c[24];

	logf_("set_rlimit %u %u %s %s %s\n", xid, r->id, val(r->minimum, a),
	      val(r->softlimit, b), val(r->maximum, c));
	if (e)
		return fail(atoi(e));
	return has_limit(r->id) ? 0 : fail(EINVAL);
}

static long fake(uint32_t cmd, uint32_t id, void *data)
{
	const char *e;

	if (getenv("FAKE_VS_ABORT"))
		abort();
	switch (cmd) {
	case VCMD_get_version:
		return 0x00020308;
	case VCMD_task_xid:
		e = getenv("FAKE_VS_XID");
		return e ? atol(e) : 0;
	case VCMD_get_rlimit_mask:
		logf_("get_rlimit_mask %u\n", id);
		mask(data);
		return 0;
	case VCMD_get_rlimit:
		return get_rlimit(id, data);
	case VCMD_set_rlimit:
		return set_rlimit(id, data);
	}
	return fail(ENOSYS);
}

long syscall(long nr, ...)
{
	static long (*real)(long, ...);
	long a[6];
	va_list ap;
	int i;

	va_start(ap, nr);
	for (i = 0; i < 6; i++)
		a[i] = va_arg(ap, long);
	va_end(ap);
	if (nr == VSERVER_SYSCALL_X86_64)
		return fake((uint32_t)a[0], (uint32_t)a[1], (void *)a[2]);
	if (!real)
		real = (long (*)(long, ...))dlsym(RTLD_NEXT, "syscall");
	return real(nr, a[0], a[1], a[2], a[3], a[4], a[5]);
}
