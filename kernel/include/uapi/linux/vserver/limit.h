/* SPDX-License-Identifier: GPL-2.0 WITH Linux-syscall-note */
/*
 * Linux-VServer - User space API: context resource limits
 *
 * Copyright (C) 2026 The vserver authors
 */

#ifndef _UAPI_LINUX_VSERVER_LIMIT_H
#define _UAPI_LINUX_VSERVER_LIMIT_H

#include <linux/types.h>

/**
 * DOC: vserver_limits
 *
 * Context resource limits
 * ~~~~~~~~~~~~~~~~~~~~~~~
 *
 * A context has a limit slot for each resource id below %VLIMIT_NLIMITS: a
 * soft and a hard limit, the current value, the minimum and maximum observed
 * since the last reset_minmax, and how often the hard limit was hit.  An
 * allocation that would take the current value above the hard limit fails.
 *
 * Ids 0 to 15 are the RLIMIT_* numbers of <linux/resource.h>, counted for the
 * whole context; ids 16 and up are vserver's own (VLIMIT_*):
 *
 * ==  =================  =============================  ==========
 * Id  Name               What                           /proc row
 * ==  =================  =============================  ==========
 * 5   RLIMIT_RSS         resident memory                RSS
 * 6   RLIMIT_NPROC       tasks                          PROC
 * 7   RLIMIT_NOFILE      open files                     FILES
 * 8   RLIMIT_MEMLOCK     locked memory                  VML
 * 9   RLIMIT_AS          address space                  VM
 * 10  RLIMIT_LOCKS       file locks                     LOCKS
 * 12  RLIMIT_MSGQUEUE    POSIX message queue bytes      MSGQ
 * 16  VLIMIT_NSOCK       sockets                        SOCK
 * 17  VLIMIT_OPENFD      open file descriptors          OFD
 * 18  VLIMIT_ANON        anonymous memory               ANON
 * 19  VLIMIT_SHMEM       SysV shared memory             SHM
 * 20  VLIMIT_SEMARY      SysV semaphore arrays          SEMA
 * 21  VLIMIT_NSEMS       SysV semaphores                SEMS
 * 22  VLIMIT_DENTRY      dentries                       DENT
 * 23  VLIMIT_MAPPED      mapped pages                   RMAP
 * ==  =================  =============================  ==========
 *
 * The /proc row is the line of /proc/virtual/<xid>/limit.  get_rlimit_mask
 * tells which ids have a hard limit (get_rlimit and set_rlimit fail with
 * ``EINVAL`` for the others); in the VServer 2.3.8 reference these are
 * NPROC, NOFILE, LOCKS, MSGQUEUE, NSOCK, OPENFD, SHMEM and DENTRY, and
 * SEMARY, NSEMS and MAPPED are counted without a limit (rlimit_stat works for
 * both).  Memory is limited with the memory cgroup instead.
 *
 * Limit values are 64-bit: %CRLIM_INFINITY is no limit, %CRLIM_KEEP leaves a
 * limit unchanged in set_rlimit, %CRLIM_UNSET is an unset minimum.
 */
/* clang-format off */
#define VLIMIT_NSOCK		16
#define VLIMIT_OPENFD		17
#define VLIMIT_ANON		18
#define VLIMIT_SHMEM		19
#define VLIMIT_SEMARY		20
#define VLIMIT_NSEMS		21
#define VLIMIT_DENTRY		22
#define VLIMIT_MAPPED		23
#define VLIMIT_NLIMITS		24

#define CRLIM_UNSET		0ULL
#define CRLIM_INFINITY		0xFFFFFFFFFFFFFFFFULL
#define CRLIM_KEEP		0xFFFFFFFFFFFFFFFEULL
/* clang-format on */

/**
 * struct vcmd_rlimit_v0 - One resource limit of a context
 * @id: the resource id
 * @minimum: get: always %CRLIM_UNSET; set: ignored
 * @softlimit: the soft limit
 * @maximum: the hard limit
 *
 * Taken by get_rlimit (@id in, the rest out) and set_rlimit (in).
 * set_rlimit leaves a limit given as %CRLIM_KEEP unchanged, then lowers the
 * soft limit to the hard limit if needed.
 *
 * The layout follows the natural alignment of each ABI, as in the original
 * interface: 4 bytes of padding after @id on x86_64 (size 32), none on i386
 * (size 28, @minimum at 4).  32-bit programs on an x86_64 kernel use the i386
 * layout.
 */
struct vcmd_rlimit_v0 {
	__u32 id;
	__u64 minimum;
	__u64 softlimit;
	__u64 maximum;
};

/**
 * struct vcmd_rlimit_mask_v0 - Which resources can be limited
 * @minimum: resource ids (bit n for id n) with a minimum
 * @softlimit: resource ids with a soft limit
 * @maximum: resource ids with a hard limit
 *
 * Written by get_rlimit_mask.
 */
struct vcmd_rlimit_mask_v0 {
	__u32 minimum;
	__u32 softlimit;
	__u32 maximum;
};

/**
 * struct vcmd_rlimit_stat_v0 - Usage of one resource by a context
 * @id: the resource id; ``EINVAL`` unless it is limited or counted
 * @hits: how often the hard limit was hit
 * @value: the current value
 * @minimum: the lowest value since the last reset_minmax
 * @maximum: the highest value since the last reset_minmax
 *
 * Taken by rlimit_stat (@id in, the rest out).
 */
struct vcmd_rlimit_stat_v0 {
	__u32 id;
	__u32 hits;
	__u64 value;
	__u64 minimum;
	__u64 maximum;
};

#endif /* _UAPI_LINUX_VSERVER_LIMIT_H */
