// SPDX-License-Identifier: GPL-2.0-only
/*
 * KUnit tests for the context capability policy: which filesystem types a
 * guest's ccaps let it mount, which ioctls need a ccap.
 *
 * Copyright (C) 2026 The vserver authors
 */

#include <kunit/test.h>
#include <linux/fs.h>
#include <linux/kdev_t.h>
#include <linux/loop.h>
#include <linux/major.h>
#include <linux/miscdevice.h>
#include <linux/stat.h>
#include <linux/vserver/context.h>

#include "../ccaps.h"

#define SECURE VXC_SECURE_MOUNT
#define ALL_MOUNT (VXC_SECURE_MOUNT | VXC_DEV_MOUNT | VXC_BINARY_MOUNT)

static struct file_system_type fs(const char *const name, const int flags)
{
	return (struct file_system_type){ .name = name, .fs_flags = flags };
}

static void test_mount_private_types(struct kunit *const test)
{
	static const char *const ok[] = {
		"tmpfs", "ramfs", "proc", "devpts", "mqueue",
	};
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(ok); i++) {
		struct file_system_type t = fs(ok[i], FS_USERNS_MOUNT);

		KUNIT_EXPECT_TRUE_MSG(test, vs_mount_type_granted(&t, SECURE),
				      "%s", ok[i]);
		/* Nothing without SECURE_MOUNT, whatever else is held. */
		KUNIT_EXPECT_FALSE_MSG(test,
				       vs_mount_type_granted(&t, ALL_MOUNT & ~SECURE),
				       "%s", ok[i]);
	}
}

/* Types that show the host's objects: never, whatever the ccaps. */
static void test_mount_host_types(struct kunit *const test)
{
	static const char *const never[] = {
		"sysfs", "cgroup", "cgroup2", "devtmpfs", "debugfs", "tracefs",
		"securityfs", "binfmt_misc", "bpf", "configfs", "pstore",
		"tmpfs2", "proc ", "",
	};
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(never); i++) {
		struct file_system_type t = fs(never[i], FS_USERNS_MOUNT);

		KUNIT_EXPECT_FALSE_MSG(test, vs_mount_type_granted(&t, ~0ULL),
				       "'%s'", never[i]);
	}
}

static void test_mount_block_and_binary(struct kunit *const test)
{
	struct file_system_type ext4 = fs("ext4", FS_REQUIRES_DEV);
	struct file_system_type nfs = fs("nfs", FS_BINARY_MOUNTDATA);
	struct file_system_type btrfs =
		fs("btrfs", FS_REQUIRES_DEV | FS_BINARY_MOUNTDATA);
	/* A block filesystem with a private type's name is still one. */
	struct file_system_type fake = fs("tmpfs", FS_REQUIRES_DEV);

	KUNIT_EXPECT_FALSE(test, vs_mount_type_granted(&ext4, SECURE));
	KUNIT_EXPECT_TRUE(test,
			  vs_mount_type_granted(&ext4, SECURE | VXC_DEV_MOUNT));
	KUNIT_EXPECT_FALSE(test, vs_mount_type_granted(&ext4, VXC_DEV_MOUNT));
	KUNIT_EXPECT_FALSE(test, vs_mount_type_granted(&nfs, SECURE));
	KUNIT_EXPECT_FALSE(test,
			   vs_mount_type_granted(&nfs, SECURE | VXC_DEV_MOUNT));
	KUNIT_EXPECT_TRUE(test,
			  vs_mount_type_granted(&nfs, SECURE | VXC_BINARY_MOUNT));
	KUNIT_EXPECT_FALSE(test,
			   vs_mount_type_granted(&btrfs, SECURE | VXC_DEV_MOUNT));
	KUNIT_EXPECT_FALSE(test, vs_mount_type_granted(&btrfs,
						       SECURE | VXC_BINARY_MOUNT));
	KUNIT_EXPECT_TRUE(test, vs_mount_type_granted(&btrfs, ALL_MOUNT));
	KUNIT_EXPECT_FALSE(test, vs_mount_type_granted(&fake, SECURE));
}

static void test_ioctl_loop(struct kunit *const test)
{
	const dev_t loop0 = MKDEV(LOOP_MAJOR, 0);
	static const unsigned int admin[] = {
		LOOP_SET_FD, LOOP_CLR_FD, LOOP_SET_STATUS, LOOP_SET_STATUS64,
		LOOP_CHANGE_FD, LOOP_SET_CAPACITY, LOOP_SET_DIRECT_IO,
		LOOP_SET_BLOCK_SIZE, LOOP_CONFIGURE,
	};
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(admin); i++)
		KUNIT_EXPECT_EQ_MSG(test, vs_ioctl_ccap(S_IFBLK, loop0, admin[i]),
				    VXC_ADMIN_CLOOP, "cmd %#x", admin[i]);
	KUNIT_EXPECT_EQ(test, vs_ioctl_ccap(S_IFBLK, loop0, LOOP_GET_STATUS), 0);
	KUNIT_EXPECT_EQ(test, vs_ioctl_ccap(S_IFBLK, loop0, LOOP_GET_STATUS64),
			0);
	/* Generic block ioctls keep their own checks. */
	KUNIT_EXPECT_EQ(test, vs_ioctl_ccap(S_IFBLK, loop0, BLKGETSIZE64), 0);
	/* Character major 7 is the console (vcs), not loop. */
	KUNIT_EXPECT_EQ(test, vs_ioctl_ccap(S_IFCHR, MKDEV(LOOP_MAJOR, 0),
					    LOOP_SET_FD), 0);
	/* Other block devices. */
	KUNIT_EXPECT_EQ(test, vs_ioctl_ccap(S_IFBLK, MKDEV(8, 0), LOOP_SET_FD),
			0);
}

static void test_ioctl_misc(struct kunit *const test)
{
	const dev_t ctl = MKDEV(MISC_MAJOR, LOOP_CTRL_MINOR);
	const dev_t dm = MKDEV(MISC_MAJOR, MAPPER_CTRL_MINOR);

	KUNIT_EXPECT_EQ(test, vs_ioctl_ccap(S_IFCHR, ctl, LOOP_CTL_GET_FREE),
			VXC_ADMIN_CLOOP);
	KUNIT_EXPECT_EQ(test, vs_ioctl_ccap(S_IFCHR, ctl, 0), VXC_ADMIN_CLOOP);
	KUNIT_EXPECT_EQ(test, vs_ioctl_ccap(S_IFCHR, dm, 0xc138fd00),
			VXC_ADMIN_MAPPER);
	/* Another misc device, or a block device with those numbers. */
	KUNIT_EXPECT_EQ(test, vs_ioctl_ccap(S_IFCHR, MKDEV(MISC_MAJOR, 1), 0),
			0);
	KUNIT_EXPECT_EQ(test, vs_ioctl_ccap(S_IFBLK, dm, 0), 0);
	KUNIT_EXPECT_EQ(test, vs_ioctl_ccap(S_IFREG, 0, LOOP_SET_FD), 0);
}

static struct kunit_case vserver_ccaps_test_cases[] = {
	KUNIT_CASE(test_mount_private_types),
	KUNIT_CASE(test_mount_host_types),
	KUNIT_CASE(test_mount_block_and_binary),
	KUNIT_CASE(test_ioctl_loop),
	KUNIT_CASE(test_ioctl_misc),
	{}
};

static struct kunit_suite vserver_ccaps_test_suite = {
	.name = "vserver_ccaps",
	.test_cases = vserver_ccaps_test_cases,
};

kunit_test_suite(vserver_ccaps_test_suite);
