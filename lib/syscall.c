// SPDX-License-Identifier: LGPL-2.1-or-later
/*
 * libvserver - the system call and the version commands
 *
 * Copyright (C) 2026 The vserver authors
 */
#include <sys/syscall.h>
#include <unistd.h>

#include "vserver.h"

#ifndef __NR_vserver
#if defined(__x86_64__) && !defined(__ILP32__)
#define __NR_vserver VSERVER_SYSCALL_X86_64
#elif defined(__i386__)
#define __NR_vserver VSERVER_SYSCALL_I386
#else
#error "vserver: no system call number for this architecture"
#endif
#endif

long vserver(uint32_t cmd, uint32_t id, void *data)
{
	return syscall(__NR_vserver, cmd, id, data);
}

int vc_get_version(void)
{
	/* id 63 (VC_CAT_COMPAT) is what util-vserver passes; it is ignored. */
	return (int)vserver(VCMD_get_version, VC_CAT_COMPAT, NULL);
}

int64_t vc_get_vci(void)
{
	long r = vserver(VCMD_get_vci, 0, NULL);

	return r < 0 ? -1 : (int64_t)(uint32_t)r;
}
