// SPDX-License-Identifier: GPL-2.0-only
/*
 * vserver selftests - the syscall entry: version, configuration bits,
 * unknown commands, arguments that must be ignored, both x86 entries,
 * /proc/virtual/info and the LSM registration.
 *
 * Copyright (C) 2026 The vserver authors
 */
#include <fcntl.h>
#include <pwd.h>
#include <sys/stat.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <sys/prctl.h>

#include "common.h"

/*
 * The VCI bits this kernel reports, bit for bit: a bit appears here in the
 * same change that implements its feature (see vs_vci()).
 */
#define EXPECTED_VCI                                                          \
	((1U << VCI_KCBIT_NO_DYNAMIC) | (1U << VCI_KCBIT_SPACES) |            \
	 (1U << VCI_KCBIT_NETV2))

TEST(get_version)
{
	ASSERT_EQ(0x00020308, vs_call(VCMD_get_version, 63, NULL));
	ASSERT_EQ(VCI_VERSION, vs_call(VCMD_get_version, 0, NULL));
}

TEST(get_version_ignores_id_and_data)
{
	static const uint32_t ids[] = { 0, 1, 2, 63, 49151, 65535, 65536,
					0x7fffffff, 0xfffffffe, 0xffffffff };
	void *bad = mmap(NULL, 4096, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	size_t i;

	ASSERT_NE(MAP_FAILED, bad);
	for (i = 0; i < sizeof(ids) / sizeof(ids[0]); i++) {
		EXPECT_EQ(0x00020308, vs_call(VCMD_get_version, ids[i], NULL));
		/* data is not used: neither a bad nor a kernel pointer faults. */
		EXPECT_EQ(0x00020308, vs_call(VCMD_get_version, ids[i], bad));
		EXPECT_EQ(0x00020308,
			  vs_call(VCMD_get_version, ids[i], (void *)0xffffffff81000000UL));
		EXPECT_EQ(EXPECTED_VCI, vs_call(VCMD_get_vci, ids[i], (void *)-1L));
	}
	munmap(bad, 4096);
}

TEST(get_vci)
{
	long vci = vs_call(VCMD_get_vci, 0, NULL);

	ASSERT_EQ(EXPECTED_VCI, vci);
	EXPECT_TRUE(vci & (1 << VCI_KCBIT_NO_DYNAMIC));
	/* Never negative as an int: util-vserver would take it for an error. */
	EXPECT_EQ(0, vci & (1UL << VCI_KCBIT_MORE));
}

/* Words that are not commands of this kernel: all ENOSYS, data untouched. */
TEST(unknown_commands_enosys)
{
	static const uint32_t words[] = {
		0x00000001,	/* get_version, another version */
		0x00010001,	/* get_vci v1 */
		0x00020000,	/* VERSION category, unknown number */
		0x40000000,	/* reserved bit 30 */
		0x80000000,	/* reserved bit 31 */
		0x00001000,	/* reserved bit 12 */
		0x0000F000,	/* reserved bits 15..12 */
		0x80010000,	/* get_vci with bit 31 */
		0x01010000,	/* legacy create_context */
		0x3F010001,	/* legacy new_s_context */
		0x3F020003,	/* legacy set_ipv4root */
		0x0A020000,	/* cleanup_namespace, gone in 2.3 */
		0x0A050000,	/* get_pflags, gone */
		0x0E010005,	/* set_sched v5, token buckets removed */
		0x09010002,	/* ctx_create v2, only in util-vserver's header */
		0x3D000000,	/* SYSTEST category */
		0xFFFFFFFF,
	};
	char canary[64];
	size_t i;

	for (i = 0; i < sizeof(words) / sizeof(words[0]); i++) {
		memset(canary, 0x5a, sizeof(canary));
		errno = 0;
		EXPECT_EQ(-1, vs_call(words[i], 42, canary)) {
			TH_LOG("cmd 0x%08x", words[i]);
		}
		EXPECT_EQ(ENOSYS, errno) {
			TH_LOG("cmd 0x%08x", words[i]);
		}
		EXPECT_EQ(0x5a, canary[0]);
		/* An unknown word is refused before data is looked at. */
		errno = 0;
		EXPECT_EQ(-1, vs_call(words[i], 0, (void *)-1L));
		EXPECT_EQ(ENOSYS, errno);
	}
}

/* The i386 syscall table (ia32 emulation) reaches the same dispatcher. */
TEST(i386_entry)
{
	EXPECT_EQ(0x00020308, vs_call_int80(VCMD_get_version, 63, 0));
	EXPECT_EQ(EXPECTED_VCI, vs_call_int80(VCMD_get_vci, 0, 0));
	EXPECT_EQ(-ENOSYS, vs_call_int80(0x3F010001, 0, 0));
}

/* Level-0 commands need no privilege: any host user may ask. */
TEST(unprivileged_host_user)
{
	if (getuid() != 0)
		SKIP(return, "needs root to drop to nobody");
	ASSERT_EQ(0, prctl(PR_SET_KEEPCAPS, 0));
	ASSERT_EQ(0, setgid(65534));
	ASSERT_EQ(0, setuid(65534));
	EXPECT_EQ(0x00020308, vs_call(VCMD_get_version, 0, NULL));
	EXPECT_EQ(EXPECTED_VCI, vs_call(VCMD_get_vci, 0, NULL));
	errno = 0;
	EXPECT_EQ(-1, vs_call(0x3F010001, 0, NULL));
	EXPECT_EQ(ENOSYS, errno);
}

TEST(proc_virtual_info)
{
	char buf[256], expected[256];

	ASSERT_LT(0, read_file("/proc/virtual/info", buf, sizeof(buf)));
	snprintf(expected, sizeof(expected),
		 "VCIVersion:\t0002:0308\nVCISyscall:\t236\nVCIKernel:\t%08x\n",
		 EXPECTED_VCI);
	EXPECT_STREQ(expected, buf);
}

/* Mode 0444 and no write operation: even root cannot change it. */
TEST(proc_virtual_info_readonly)
{
	struct stat st;
	int fd;

	ASSERT_EQ(0, stat("/proc/virtual/info", &st));
	EXPECT_EQ(0444, st.st_mode & 07777);
	/* Root may open it (CAP_DAC_OVERRIDE), but a write must fail. */
	fd = open("/proc/virtual/info", O_WRONLY);
	if (fd >= 0) {
		EXPECT_EQ(-1, write(fd, "x", 1));
		close(fd);
	}
	ASSERT_EQ(0, setgid(65534));
	ASSERT_EQ(0, setuid(65534));
	EXPECT_EQ(-1, open("/proc/virtual/info", O_WRONLY));
	EXPECT_EQ(EACCES, errno);
}

TEST(lsm_registered)
{
	char buf[512];

	EXPECT_EQ(1, lsm_active(VS_LSM_ID));
	ASSERT_LT(0, read_file("/sys/kernel/security/lsm", buf, sizeof(buf)));
	EXPECT_NE(NULL, strstr(buf, "vserver")) {
		TH_LOG("active LSMs: %s", buf);
	}
}

TEST_HARNESS_MAIN
