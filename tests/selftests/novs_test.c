// SPDX-License-Identifier: GPL-2.0-only
/*
 * vserver selftests - the patched kernel built with CONFIG_VSERVER=n:
 * the syscall slots stay ENOSYS and nothing of VServer is visible.
 *
 * Copyright (C) 2026 The vserver authors
 */
#include <sys/stat.h>

#include "common.h"

TEST(x86_64_entry_enosys)
{
	errno = 0;
	EXPECT_EQ(-1, vs_call(VCMD_get_version, 0, NULL));
	EXPECT_EQ(ENOSYS, errno);
	errno = 0;
	EXPECT_EQ(-1, vs_call(VCMD_get_vci, 0, NULL));
	EXPECT_EQ(ENOSYS, errno);
}

TEST(i386_entry_enosys)
{
	EXPECT_EQ(-ENOSYS, vs_call_int80(VCMD_get_version, 0, 0));
}

TEST(no_proc_virtual)
{
	struct stat st;

	EXPECT_EQ(-1, stat("/proc/virtual", &st));
	EXPECT_EQ(ENOENT, errno);
}

TEST(no_vserver_lsm)
{
	EXPECT_EQ(0, lsm_active(VS_LSM_ID));
}

TEST_HARNESS_MAIN
