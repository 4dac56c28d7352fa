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

#include <linux/vserver/switch.h>

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
