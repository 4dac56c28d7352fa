// SPDX-License-Identifier: GPL-2.0-only
/*
 * vserver selftests - spaces: the namespaces a context keeps for its guest
 * (set_space, enter_space, the masks) and the uts fields of vhi_name.
 *
 * Copyright (C) 2026 The vserver authors
 */
#include <fcntl.h>
#include <sched.h>
#include <sys/mount.h>
#include <sys/stat.h>

#include "common.h"

#define SUPPORTED 0x6C020200ULL /* FS NEWNS NEWUTS NEWIPC NEWPID NEWNET */
#define DEFAULT 0x0C020200ULL	/* FS NEWNS NEWUTS NEWIPC */

static long set_space(uint32_t xid, uint64_t mask, uint32_t index)
{
	struct vcmd_space_mask_v2 d = { .mask = mask, .index = index };

	return vs_call(VCMD_set_space, xid, &d);
}

static long enter_space(uint32_t xid, uint64_t mask, uint32_t index)
{
	struct vcmd_space_mask_v2 d = { .mask = mask, .index = index };

	return vs_call(VCMD_enter_space, xid, &d);
}

TEST(masks)
{
	struct vcmd_space_mask_v1 m = { 0 };

	ASSERT_EQ(0, vs_call(VCMD_get_space_mask, 0, &m));
	EXPECT_EQ(SUPPORTED, m.mask);
	ASSERT_EQ(0, vs_call(VCMD_get_space_mask_v0, 0, &m));
	EXPECT_EQ(DEFAULT, m.mask);
	ASSERT_EQ(0, vs_call(VCMD_get_space_default, 0, &m));
	EXPECT_EQ(DEFAULT, m.mask);
	errno = 0;
	EXPECT_EQ(-1, vs_call(VCMD_get_space_mask, 0, (void *)1));
	EXPECT_EQ(EFAULT, errno);
	/* Level 0: any host user. */
	ASSERT_EQ(0, setgid(65534));
	ASSERT_EQ(0, setuid(65534));
	EXPECT_EQ(0, vs_call(VCMD_get_space_default, 0, &m));
}

TEST(set_space_errors)
{
	ASSERT_EQ(130, vs_create(130, VXF_INIT_SET));
	errno = 0;
	EXPECT_EQ(-1, set_space(VS_SELF, CLONE_NEWUTS, 2));
	EXPECT_EQ(EINVAL, errno);
	/* User namespaces are not supported; nor unknown bits. */
	errno = 0;
	EXPECT_EQ(-1, set_space(VS_SELF, CLONE_NEWUSER, 0));
	EXPECT_EQ(EINVAL, errno);
	errno = 0;
	EXPECT_EQ(-1, set_space(VS_SELF, 0x1, 0));
	EXPECT_EQ(EINVAL, errno);
	errno = 0;
	EXPECT_EQ(-1, vs_call(VCMD_set_space, VS_SELF, (void *)1));
	EXPECT_EQ(EFAULT, errno);
	EXPECT_EQ(0, set_space(VS_SELF, 0, 0));
}

/*
 * A new pid namespace without a process has no "pid for children" to keep:
 * set_space must refuse it and leave the slot empty (it used to store NULL,
 * and a later enter_space oopsed on it).
 */
static int pidns_without_process(void *arg)
{
	if (vs_create(132, VXF_INIT_SET) != 132)
		return 1;
	if (unshare(CLONE_NEWPID))
		return 2;
	errno = 0;
	if (set_space(VS_SELF, CLONE_NEWPID, 0) != -1 || errno != EINVAL)
		return 3;
	errno = 0;
	if (set_space(VS_SELF, CLONE_NEWPID | CLONE_NEWUTS, 0) != -1 || errno != EINVAL)
		return 4;
	return 0;
}

TEST(set_space_pid_without_process)
{
	pid_t guest = vs_spawn(pidns_without_process, NULL);
	int status;
	pid_t pid;

	ASSERT_LT(0, guest);
	/* Nothing was stored, not even the uts namespace of the second call. */
	errno = 0;
	EXPECT_EQ(-1, enter_space(132, CLONE_NEWPID, 0));
	EXPECT_EQ(EINVAL, errno);
	errno = 0;
	EXPECT_EQ(-1, enter_space(132, CLONE_NEWUTS, 0));
	EXPECT_EQ(EINVAL, errno);
	pid = fork();
	if (!pid)
		_exit(enter_space(132, 0, 0) ? 100 + errno : 0);
	waitpid(pid, &status, 0);
	EXPECT_EQ(0, WEXITSTATUS(status));
	vs_reap(guest);
}

/* The guest: own uts, ipc and mount namespaces, stored in slot 0. */
static int make_guest(void *arg)
{
	mkdir("/tmp/vs-spaces", 0755);
	if (vs_create(131, VXF_INIT_SET) != 131)
		return 1;
	if (unshare(CLONE_NEWUTS | CLONE_NEWIPC | CLONE_NEWNS))
		return 2;
	if (sethostname("guest131", 8))
		return 3;
	if (mount("none", "/tmp/vs-spaces", "tmpfs", 0, NULL) ||
	    mkdir("/tmp/vs-spaces/guest131", 0755))
		return 4;
	if (set_space(VS_SELF, DEFAULT, 0))
		return 5;
	return 0;
}

/* Run @fn in a child after entering slot @index of 131 with @mask. */
static int entered(uint64_t mask, uint32_t index, int (*fn)(void))
{
	int status;
	pid_t pid = fork();

	if (!pid)
		_exit(enter_space(131, mask, index) ? 100 + errno : fn());
	waitpid(pid, &status, 0);
	return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

static int hostname_is_guest(void)
{
	char name[65] = { 0 };

	gethostname(name, sizeof(name) - 1);
	return strcmp(name, "guest131") ? 1 : 0;
}

static int sees_guest_mount(void)
{
	struct stat st;

	return stat("/tmp/vs-spaces/guest131", &st) ? 1 : 0;
}

TEST(enter_slots)
{
	struct vcmd_space_mask_v1 m = { .mask = CLONE_NEWUTS };
	char status[512];
	pid_t guest = vs_spawn(make_guest, NULL), pid;
	int st;

	ASSERT_LT(0, guest);
	/* The host itself is untouched. */
	EXPECT_EQ(1, hostname_is_guest());
	EXPECT_EQ(1, sees_guest_mount());
	EXPECT_EQ(0, entered(CLONE_NEWUTS, 0, hostname_is_guest));
	EXPECT_EQ(0, entered(CLONE_NEWNS | CLONE_FS, 0, sees_guest_mount));
	/* Mask 0: the whole slot. */
	EXPECT_EQ(0, entered(0, 0, sees_guest_mount));
	/* v1 (slot 0) and v0 (no data, the whole slot). */
	pid = fork();
	if (!pid)
		_exit(vs_call(VCMD_enter_space_v1, 131, &m) ? 1 :
		      hostname_is_guest());
	waitpid(pid, &st, 0);
	EXPECT_EQ(0, WEXITSTATUS(st));
	pid = fork();
	if (!pid)
		_exit(vs_call(VCMD_enter_space_v0, 131, NULL) ? 1 :
		      sees_guest_mount());
	waitpid(pid, &st, 0);
	EXPECT_EQ(0, WEXITSTATUS(st));
	/* Not stored: EINVAL; empty slot 1 enters nothing; slot 2 EINVAL. */
	EXPECT_EQ(100 + EINVAL, entered(CLONE_NEWNET, 0, hostname_is_guest));
	EXPECT_EQ(1, entered(0, 1, hostname_is_guest));
	EXPECT_EQ(100 + EINVAL, entered(CLONE_NEWUTS, 2, hostname_is_guest));
	/* /proc/virtual/131/status shows the slots. */
	ASSERT_LT(0, read_file("/proc/virtual/131/status", status, sizeof(status)));
	EXPECT_NE(NULL, strstr(status, "Spaces:\t0c020200 00000000\n")) {
		TH_LOG("%s", status);
	}
	vs_reap(guest);
}

/* /proc/virtual/<xid>/nsproxy shows slot 0: its uts names and ipc limits. */
TEST(proc_nsproxy)
{
	pid_t guest = vs_spawn(make_guest, NULL);
	char buf[2048];

	ASSERT_LT(0, guest);
	ASSERT_LT(0, read_file("/proc/virtual/131/nsproxy", buf, sizeof(buf)));
	EXPECT_NE(NULL, strstr(buf, "NSProxy:\t"));
	EXPECT_NE(NULL, strstr(buf, "\nNodeName:\tguest131\n"));
	EXPECT_NE(NULL, strstr(buf, "\nSysName:\tLinux\n"));
	EXPECT_NE(NULL, strstr(buf, "\nSEMS:\t\t"));
	EXPECT_NE(NULL, strstr(buf, "\nMSG:\t\t"));
	EXPECT_NE(NULL, strstr(buf, "\nSHM:\t\t"));
	/* Slot 1 was never set. */
	EXPECT_EQ(0, read_file("/proc/virtual/131/nsproxy1", buf, sizeof(buf)));
	vs_reap(guest);
}

TEST(vhi_uts_fields)
{
	struct vcmd_vhi_name_v0 n = { .field = VHIN_NODENAME };
	pid_t guest = vs_spawn(make_guest, NULL);
	char host[65] = { 0 };

	ASSERT_LT(0, guest);
	ASSERT_EQ(0, vs_call(VCMD_get_vhi_name, 131, &n));
	EXPECT_STREQ("guest131", n.name);
	/* Renaming through the context renames the guest's namespace... */
	strcpy(n.name, "renamed");
	ASSERT_EQ(0, vs_call(VCMD_set_vhi_name, 131, &n));
	memset(n.name, 0, sizeof(n.name));
	ASSERT_EQ(0, vs_call(VCMD_get_vhi_name, 131, &n));
	EXPECT_STREQ("renamed", n.name);
	/* ...and not the host's. */
	gethostname(host, sizeof(host) - 1);
	EXPECT_STRNE("renamed", host);
	n.field = VHIN_DOMAINNAME;
	strcpy(n.name, "example.org");
	EXPECT_EQ(0, vs_call(VCMD_set_vhi_name, 131, &n));
	n.field = 9;
	errno = 0;
	EXPECT_EQ(-1, vs_call(VCMD_get_vhi_name, 131, &n));
	EXPECT_EQ(EINVAL, errno);
	vs_reap(guest);
}

TEST(enter_space_not_from_guest)
{
	pid_t guest = vs_spawn(make_guest, NULL);
	int status;
	pid_t pid;

	ASSERT_LT(0, guest);
	pid = fork();
	ASSERT_LE(0, pid);
	if (!pid) {
		if (vs_create(132, VXF_INIT_SET) != 132)
			_exit(1);
		/*
		 * ADMIN from a guest: EPERM, before the lookup (ABI §1.5
		 * step 6 comes before step 8), so 131 is not even probed.
		 */
		if (enter_space(131, CLONE_NEWUTS, 0) != -1 || errno != EPERM)
			_exit(2);
		_exit(enter_space(VS_SELF, 0, 0) != -1 || errno != EPERM ? 3 : 0);
	}
	ASSERT_EQ(pid, waitpid(pid, &status, 0));
	EXPECT_EQ(0, WEXITSTATUS(status));
	vs_reap(guest);
}

/*
 * The unshare mask: during setup anything goes; past it, a guest makes only
 * the namespace kinds its mask has, by unshare(2) or clone(2), user
 * namespaces included (they need no capability).
 */
TEST(unshare_mask)
{
	struct vcmd_umask um = { .umask = CLONE_NEWUTS, .mask = ~0ULL };
	int status;
	pid_t pid;

	ASSERT_EQ(133, vs_create(133, VXF_INIT_SET));
	ASSERT_EQ(0, vs_call(VCMD_set_umask, VS_SELF, &um));
	pid = fork();
	ASSERT_LE(0, pid);
	if (!pid)
		_exit(unshare(CLONE_NEWIPC) ? 1 : 0);
	waitpid(pid, &status, 0);
	EXPECT_EQ(0, WEXITSTATUS(status));

	ASSERT_EQ(0, vs_set_cflags(VS_SELF, 0, VXF_STATE_SETUP));
	EXPECT_EQ(0, unshare(CLONE_NEWUTS));
	errno = 0;
	EXPECT_EQ(-1, unshare(CLONE_NEWIPC));
	EXPECT_EQ(EPERM, errno);
	errno = 0;
	EXPECT_EQ(-1, unshare(CLONE_NEWUSER));
	EXPECT_EQ(EPERM, errno);
	errno = 0;
	pid = syscall(SYS_clone, CLONE_NEWNET | SIGCHLD, 0, 0, 0, 0);
	if (!pid)
		_exit(0);
	EXPECT_EQ(-1, pid);
	EXPECT_EQ(EPERM, errno);
	/* A plain fork is not a namespace. */
	pid = fork();
	ASSERT_LE(0, pid);
	if (!pid)
		_exit(0);
	waitpid(pid, &status, 0);
	EXPECT_EQ(0, WEXITSTATUS(status));
}

TEST_HARNESS_MAIN
