/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * vserver selftests - shared helpers
 *
 * Copyright (C) 2026 The vserver authors
 */
#ifndef VS_SELFTEST_COMMON_H
#define VS_SELFTEST_COMMON_H

#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <linux/vserver/context.h>
#include <linux/vserver/switch.h>
#include <signal.h>
#include <stdlib.h>
#include <sys/wait.h>

#include "kselftest_harness.h"

#ifndef __NR_vserver
#define __NR_vserver VSERVER_SYSCALL_X86_64
#endif
#ifndef __NR_lsm_list_modules
#define __NR_lsm_list_modules 461
#endif

/* The id LSM_ID_VSERVER that patches/0003 gives the vserver LSM. */
#define VS_LSM_ID 190

static inline long vs_call(uint32_t cmd, uint32_t id, void *data)
{
	return syscall(__NR_vserver, cmd, id, data);
}

/*
 * The i386 entry (#273) from a 64-bit process: int $0x80 always goes through
 * the ia32 syscall table. Only pointer-free arguments are meaningful here.
 */
static inline long vs_call_int80(uint32_t cmd, uint32_t id, uint32_t data)
{
	long ret = VSERVER_SYSCALL_I386;

	__asm__ volatile("int $0x80"
			 : "+a"(ret)
			 : "b"(cmd), "c"(id), "d"(data)
			 : "memory", "r8", "r9", "r10", "r11");
	return ret;
}

/* The caller's own context, as util-vserver names it. */
#define VS_SELF 0xFFFFFFFEU

static inline long vs_create(uint32_t xid, uint64_t flags)
{
	struct vcmd_ctx_create d = { .flagword = flags };

	return vs_call(VCMD_ctx_create, xid, &d);
}

static inline long vs_migrate_to(uint32_t xid)
{
	struct vcmd_ctx_migrate d = { .flagword = 0 };

	return vs_call(VCMD_ctx_migrate, xid, &d);
}

static inline long vs_set_cflags(uint32_t xid, uint64_t flags, uint64_t mask)
{
	struct vcmd_flags_v0 d = { .flagword = flags, .mask = mask };

	return vs_call(VCMD_set_cflags, xid, &d);
}

static inline uint64_t vs_get_cflags(uint32_t xid)
{
	struct vcmd_flags_v0 d = { 0 };

	if (vs_call(VCMD_get_cflags, xid, &d))
		return ~0ULL;
	return d.flagword;
}

static inline long vs_set_bcaps(uint32_t xid, uint64_t bcaps)
{
	struct vcmd_bcaps d = { .bcaps = bcaps, .bmask = ~0ULL };

	return vs_call(VCMD_set_bcaps, xid, &d);
}

/* End setup from inside: what `vcontext --endsetup` does before exec. */
static inline long vs_endsetup(void)
{
	return vs_set_cflags(VS_SELF, 0, VXF_STATE_SETUP | VXF_STATE_INIT);
}

/* Does the context exist (for a host caller)? */
static inline int vs_exists(uint32_t xid)
{
	struct vcmd_vx_info_v0 d;

	return vs_call(VCMD_vx_info, xid, &d) == 0;
}

/*
 * A helper process: forks, runs @fn in the child (which then waits to be
 * killed), and returns its pid once @fn signalled through the pipe that it
 * is ready. The child's exit status is @fn's result if it fails.
 */
static inline pid_t vs_spawn(int (*fn)(void *), void *arg)
{
	int p[2];
	char c;
	pid_t pid;

	if (pipe(p))
		return -1;
	pid = fork();
	if (pid < 0)
		return -1;
	if (!pid) {
		int r;

		close(p[0]);
		r = fn(arg);
		if (r)
			_exit(r);
		if (write(p[1], "r", 1) != 1)
			_exit(99);
		for (;;)
			pause();
	}
	close(p[1]);
	if (read(p[0], &c, 1) != 1) {
		close(p[0]);
		waitpid(pid, NULL, 0);
		return -1;
	}
	close(p[0]);
	return pid;
}

static inline void vs_reap(pid_t pid)
{
	if (pid > 0) {
		kill(pid, SIGKILL);
		waitpid(pid, NULL, 0);
	}
}

/* Read a small text file into @buf; returns its length or -1. */
static inline ssize_t read_file(const char *path, char *buf, size_t size)
{
	FILE *f = fopen(path, "r");
	size_t n;

	if (!f)
		return -1;
	n = fread(buf, 1, size - 1, f);
	buf[n] = '\0';
	fclose(f);
	return (ssize_t)n;
}

/* Is @id among the active LSMs of lsm_list_modules(2)? */
static inline int lsm_active(uint64_t id)
{
	uint64_t ids[32];
	uint32_t size = sizeof(ids);
	long n = syscall(__NR_lsm_list_modules, ids, &size, 0);
	long i;

	for (i = 0; i < n; i++)
		if (ids[i] == id)
			return 1;
	return n < 0 ? -1 : 0;
}

#endif
