// SPDX-License-Identifier: GPL-2.0-only
/*
 * vserver selftests - context commands: create, migrate, flags, caps,
 * masks, names, stat/info, kill, wait_exit, lifecycle and the permission
 * order of ABI §1.5 as seen from the host and from inside a context.
 *
 * Every test runs in its own forked process (the harness forks), so a test
 * that enters a context leaves the next one on the host. Each test uses its
 * own xids.
 *
 * Copyright (C) 2026 The vserver authors
 */
#include <fcntl.h>
#include <sys/mman.h>
#include <sys/prctl.h>
#include <sys/ptrace.h>
#include <sys/stat.h>
#include <sys/sysinfo.h>
#include <time.h>
#include <sys/syscall.h>
#include <linux/capability.h>

#include "common.h"

static int status_xid(pid_t pid)
{
	char path[64], buf[4096], *p;

	snprintf(path, sizeof(path), "/proc/%d/status", pid);
	if (read_file(path, buf, sizeof(buf)) < 0)
		return -1;
	p = strstr(buf, "\nVxID:\t");
	return p ? atoi(p + 7) : -2;
}

static int proc_virtual_has(uint32_t xid)
{
	char path[64];
	struct stat st;

	snprintf(path, sizeof(path), "/proc/virtual/%u", xid);
	return stat(path, &st) == 0;
}

TEST(create_moves_caller)
{
	ASSERT_EQ(0, vs_call(VCMD_task_xid, 0, NULL));
	ASSERT_EQ(100, vs_call(VCMD_ctx_create, 100, NULL));
	EXPECT_EQ(100, vs_call(VCMD_task_xid, 0, NULL));
	EXPECT_EQ(100, status_xid(getpid()));
	EXPECT_TRUE(proc_virtual_has(100));
	/* NULL data: SETUP|INIT|ADMIN. */
	EXPECT_EQ(VXF_INIT_SET, vs_get_cflags(VS_SELF));
}

TEST(create_id_range)
{
	static const uint32_t bad[] = { 0, 1, 65536, 0x7fffffff, 0xfffffffe,
					0xffffffff };
	size_t i;

	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		errno = 0;
		EXPECT_EQ(-1, vs_call(VCMD_ctx_create, bad[i], NULL)) {
			TH_LOG("xid %u", bad[i]);
		}
		EXPECT_EQ(EINVAL, errno);
	}
	EXPECT_EQ(0, vs_call(VCMD_task_xid, 0, NULL));
	/* Both ends of the range work (the upper one past util-vserver's). */
	EXPECT_EQ(65535, vs_call(VCMD_ctx_create, 65535, NULL));
}

TEST(create_low_end)
{
	EXPECT_EQ(2, vs_create(2, VXF_INIT_SET));
}

TEST(create_flags_exact)
{
	ASSERT_EQ(101, vs_create(101, VXF_STATE_ADMIN | VXF_INFO_LOCK));
	EXPECT_EQ(VXF_STATE_ADMIN | VXF_INFO_LOCK, vs_get_cflags(VS_SELF));
}

/* v0: no data, and the caller gets new uts and ipc namespaces in space 0. */
TEST(create_v0)
{
	struct vcmd_vhi_name_v0 d = { .field = VHIN_NODENAME };
	char uts0[64] = "", uts1[64] = "", ipc0[64] = "", ipc1[64] = "";

	ASSERT_LT(0, readlink("/proc/self/ns/uts", uts0, sizeof(uts0) - 1));
	ASSERT_LT(0, readlink("/proc/self/ns/ipc", ipc0, sizeof(ipc0) - 1));
	errno = 0;
	EXPECT_EQ(-1, vs_call(VCMD_ctx_create_v0, 1, NULL));
	EXPECT_EQ(EINVAL, errno);
	ASSERT_EQ(115, vs_call(VCMD_ctx_create_v0, 115, NULL));
	EXPECT_EQ(VXF_INIT_SET, vs_get_cflags(115));
	ASSERT_LT(0, readlink("/proc/self/ns/uts", uts1, sizeof(uts1) - 1));
	ASSERT_LT(0, readlink("/proc/self/ns/ipc", ipc1, sizeof(ipc1) - 1));
	EXPECT_STRNE(uts0, uts1);
	EXPECT_STRNE(ipc0, ipc1);
	/* Space 0 holds the new uts namespace: the uts fields work. */
	ASSERT_EQ(0, sethostname("v0guest", 7));
	ASSERT_EQ(0, vs_call(VCMD_get_vhi_name, VS_SELF, &d));
	EXPECT_STREQ("v0guest", d.name);
}

TEST(create_bad_pointer)
{
	errno = 0;
	EXPECT_EQ(-1, vs_call(VCMD_ctx_create, 102, (void *)1));
	EXPECT_EQ(EFAULT, errno);
	/* Nothing was created and the caller did not move. */
	EXPECT_EQ(0, vs_call(VCMD_task_xid, 0, NULL));
	EXPECT_FALSE(vs_exists(102));
}

static int create_and_wait(void *arg)
{
	return vs_create((uintptr_t)arg, VXF_INIT_SET) == (long)(uintptr_t)arg ? 0 : 1;
}

TEST(create_existing)
{
	pid_t pid = vs_spawn(create_and_wait, (void *)103);

	ASSERT_LT(0, pid);
	/* Still in setup: EBUSY. */
	errno = 0;
	EXPECT_EQ(-1, vs_create(103, VXF_INIT_SET));
	EXPECT_EQ(EBUSY, errno);
	/* Past setup: EEXIST. */
	ASSERT_EQ(0, vs_set_cflags(103, 0, VXF_STATE_SETUP));
	errno = 0;
	EXPECT_EQ(-1, vs_create(103, VXF_INIT_SET));
	EXPECT_EQ(EEXIST, errno);
	EXPECT_EQ(0, vs_call(VCMD_task_xid, 0, NULL));
	vs_reap(pid);
}

TEST(create_from_guest)
{
	ASSERT_EQ(104, vs_create(104, VXF_INIT_SET));
	/* A guest never leaves its context, not even into a new one. */
	errno = 0;
	EXPECT_EQ(-1, vs_create(105, VXF_INIT_SET));
	EXPECT_EQ(EPERM, errno);
	EXPECT_EQ(104, vs_call(VCMD_task_xid, 0, NULL));
}

TEST(teardown_on_last_exit)
{
	pid_t pid = vs_spawn(create_and_wait, (void *)106);

	ASSERT_LT(0, pid);
	EXPECT_TRUE(vs_exists(106));
	EXPECT_TRUE(proc_virtual_has(106));
	vs_reap(pid);
	EXPECT_FALSE(vs_exists(106));
	EXPECT_FALSE(proc_virtual_has(106));
	/* The id is free again. */
	pid = vs_spawn(create_and_wait, (void *)106);
	EXPECT_LT(0, pid);
	vs_reap(pid);
}

static int create_persistent(void *arg)
{
	return vs_create(107, VXF_INIT_SET | VXF_PERSISTENT) == 107 ? 0 : 1;
}

TEST(persistent)
{
	pid_t pid = vs_spawn(create_persistent, NULL);

	ASSERT_LT(0, pid);
	vs_reap(pid);
	/* No task, still there. */
	ASSERT_TRUE(vs_exists(107));
	EXPECT_TRUE(proc_virtual_has(107));
	/* Clearing PERSISTENT ends a context without tasks. */
	ASSERT_EQ(0, vs_set_cflags(107, 0, VXF_PERSISTENT));
	EXPECT_FALSE(vs_exists(107));
	EXPECT_FALSE(proc_virtual_has(107));
}

TEST(vx_info_and_stat)
{
	struct vcmd_vx_info_v0 info = { 0 };
	struct vcmd_ctx_stat_v0 st = { 0 };
	pid_t child;
	int p[2];

	ASSERT_EQ(108, vs_create(108, VXF_INIT_SET));
	ASSERT_EQ(0, vs_call(VCMD_vx_info, VS_SELF, &info));
	EXPECT_EQ(108, info.xid);
	EXPECT_EQ(0, info.initpid);
	ASSERT_EQ(0, vs_call(VCMD_ctx_stat, VS_SELF, &st));
	EXPECT_EQ(1, st.tasks);
	ASSERT_EQ(0, pipe(p));
	child = fork();
	ASSERT_LE(0, child);
	if (!child) {
		close(p[1]);
		read(p[0], &st, 1);
		_exit(0);
	}
	ASSERT_EQ(0, vs_call(VCMD_ctx_stat, VS_SELF, &st));
	EXPECT_EQ(2, st.tasks);
	EXPECT_LE(2, st.usecnt);
	close(p[1]);
	waitpid(child, NULL, 0);
	ASSERT_EQ(0, vs_call(VCMD_ctx_stat, 0xffffffff, &st));
	EXPECT_EQ(1, st.tasks);
	/* Bad pointer, ids 0 and 1 and unknown ids. */
	errno = 0;
	EXPECT_EQ(-1, vs_call(VCMD_vx_info, VS_SELF, (void *)1));
	EXPECT_EQ(EFAULT, errno);
}

/* /proc/virtual/<xid>/cvirt counts the context's threads and forks. */
TEST(proc_cvirt)
{
	char buf[512];
	pid_t child;
	int p[2];

	ASSERT_EQ(114, vs_create(114, VXF_INIT_SET));
	ASSERT_LT(0, read_file("/proc/virtual/114/cvirt", buf, sizeof(buf)));
	EXPECT_NE(NULL, strstr(buf, "BiasUptime:\t"));
	EXPECT_NE(NULL, strstr(buf, "\nnr_threads:\t1\n"));
	/* This task, reading. */
	EXPECT_NE(NULL, strstr(buf, "\nnr_running:\t1\n"));
	EXPECT_NE(NULL, strstr(buf, "\ntotal_forks:\t0\n"));
	ASSERT_EQ(0, pipe(p));
	child = fork();
	ASSERT_LE(0, child);
	if (!child) {
		char c;

		close(p[1]);
		_exit(read(p[0], &c, 1) < 0);
	}
	close(p[0]);
	ASSERT_LT(0, read_file("/proc/virtual/114/cvirt", buf, sizeof(buf)));
	EXPECT_NE(NULL, strstr(buf, "\nnr_threads:\t2\n"));
	EXPECT_NE(NULL, strstr(buf, "\ntotal_forks:\t1\n"));
	close(p[1]);
	waitpid(child, NULL, 0);
	ASSERT_LT(0, read_file("/proc/virtual/114/cvirt", buf, sizeof(buf)));
	EXPECT_NE(NULL, strstr(buf, "\nnr_threads:\t1\n"));
	EXPECT_NE(NULL, strstr(buf, "\ntotal_forks:\t1\n"));
	/* Without spaces, nsproxy and nsproxy1 are empty. */
	EXPECT_EQ(0, read_file("/proc/virtual/114/nsproxy", buf, sizeof(buf)));
	EXPECT_EQ(0, read_file("/proc/virtual/114/nsproxy1", buf, sizeof(buf)));
}

TEST(lookup_errors_from_host)
{
	struct vcmd_vx_info_v0 info;
	static const uint32_t ids[] = { 0, 1, 4242, 65535, 65536, 0xfffffffe };
	size_t i;

	for (i = 0; i < sizeof(ids) / sizeof(ids[0]); i++) {
		errno = 0;
		EXPECT_EQ(-1, vs_call(VCMD_vx_info, ids[i], &info)) {
			TH_LOG("id %u", ids[i]);
		}
		/* The host has no context structure: "self" is not found. */
		EXPECT_EQ(ESRCH, errno);
	}
	/* ESRCH comes before EFAULT. */
	errno = 0;
	EXPECT_EQ(-1, vs_call(VCMD_vx_info, 4242, (void *)1));
	EXPECT_EQ(ESRCH, errno);
}

TEST(cflags_one_time)
{
	struct vcmd_vx_info_v0 info;
	struct vcmd_flags_v0 f = { 0 };

	ASSERT_EQ(109, vs_create(109, VXF_INIT_SET));
	ASSERT_EQ(0, vs_call(VCMD_get_cflags, VS_SELF, &f));
	EXPECT_EQ(~0ULL, f.mask);
	/* Any bit is stored, legacy ones included. */
	ASSERT_EQ(0, vs_set_cflags(VS_SELF, VXF_INFO_LOCK | VXF_VIRT_MEM,
				   VXF_INFO_LOCK | VXF_VIRT_MEM));
	EXPECT_EQ(VXF_INIT_SET | VXF_INFO_LOCK | VXF_VIRT_MEM,
		  vs_get_cflags(VS_SELF));
	/* Clear STATE_INIT: cleared for good, and the mask says so. */
	ASSERT_EQ(0, vs_set_cflags(VS_SELF, 0, VXF_STATE_INIT));
	ASSERT_EQ(0, vs_set_cflags(VS_SELF, VXF_STATE_INIT, VXF_STATE_INIT));
	ASSERT_EQ(0, vs_call(VCMD_get_cflags, VS_SELF, &f));
	EXPECT_EQ(0, f.flagword & VXF_STATE_INIT);
	EXPECT_EQ(~VXF_STATE_INIT, f.mask);
	/* Clearing STATE_INIT from inside made the caller init. */
	ASSERT_EQ(0, vs_call(VCMD_vx_info, VS_SELF, &info));
	EXPECT_EQ(getpid(), info.initpid);
}

/* set/get of a { value, mask } field: (old & ~mask) | (new & mask). */
static void check_masked(struct __test_metadata *const _metadata,
			 uint32_t get, uint32_t set)
{
	/* Bit 63 stays set: in bcaps it is CAP_CONTEXT, needed to go on. */
	const uint64_t v1 = 0x80ff00ff00ff00ffULL;
	const uint64_t v2 = 0x1111111111111111ULL, m2 = 0x70f0f0f0f0f0f0f0ULL;
	uint64_t d[2] = { v1, ~0ULL };

	ASSERT_EQ(0, vs_call(set, VS_SELF, d));
	ASSERT_EQ(0, vs_call(get, VS_SELF, d));
	EXPECT_EQ(v1, d[0]);
	EXPECT_EQ(~0ULL, d[1]);
	d[0] = v2;
	d[1] = m2;
	ASSERT_EQ(0, vs_call(set, VS_SELF, d));
	ASSERT_EQ(0, vs_call(get, VS_SELF, d));
	EXPECT_EQ((v1 & ~m2) | (v2 & m2), d[0]);
	/* Bad pointers, both ways. */
	errno = 0;
	EXPECT_EQ(-1, vs_call(set, VS_SELF, (void *)1));
	EXPECT_EQ(EFAULT, errno);
	errno = 0;
	EXPECT_EQ(-1, vs_call(get, VS_SELF, (void *)1));
	EXPECT_EQ(EFAULT, errno);
}

TEST(masked_fields)
{
	uint64_t d[2];

	ASSERT_EQ(110, vs_create(110, VXF_INIT_SET));
	/* Initial values: bcaps all, ccaps, umask and wmask none. */
	ASSERT_EQ(0, vs_call(VCMD_get_bcaps, VS_SELF, d));
	EXPECT_EQ(~0ULL, d[0]);
	ASSERT_EQ(0, vs_call(VCMD_get_ccaps, VS_SELF, d));
	EXPECT_EQ(0, d[0]);
	ASSERT_EQ(0, vs_call(VCMD_get_umask, VS_SELF, d));
	EXPECT_EQ(0, d[0]);
	ASSERT_EQ(0, vs_call(VCMD_get_wmask, VS_SELF, d));
	EXPECT_EQ(0, d[0]);
	check_masked(_metadata, VCMD_get_ccaps, VCMD_set_ccaps);
	check_masked(_metadata, VCMD_get_bcaps, VCMD_set_bcaps);
	check_masked(_metadata, VCMD_get_umask, VCMD_set_umask);
	check_masked(_metadata, VCMD_get_wmask, VCMD_set_wmask);
	/* (old & ~mask) | (new & mask), exactly. */
	d[0] = 0x00ff;
	d[1] = ~0ULL;
	ASSERT_EQ(0, vs_call(VCMD_set_ccaps, VS_SELF, d));
	d[0] = 0x0f00;
	d[1] = 0x0ff0;
	ASSERT_EQ(0, vs_call(VCMD_set_ccaps, VS_SELF, d));
	ASSERT_EQ(0, vs_call(VCMD_get_ccaps, VS_SELF, d));
	EXPECT_EQ(0x0f0f, d[0]);
}

TEST(badness)
{
	struct vcmd_badness_v0 b = { .bias = -42 };

	ASSERT_EQ(111, vs_create(111, VXF_INIT_SET));
	ASSERT_EQ(0, vs_call(VCMD_set_badness, VS_SELF, &b));
	b.bias = 0;
	ASSERT_EQ(0, vs_call(VCMD_get_badness, VS_SELF, &b));
	EXPECT_EQ(-42, b.bias);
}

TEST(vhi_name)
{
	struct vcmd_vhi_name_v0 n = { .field = VHIN_CONTEXT };

	ASSERT_EQ(112, vs_create(112, VXF_INIT_SET));
	/* Empty at first. */
	ASSERT_EQ(0, vs_call(VCMD_get_vhi_name, VS_SELF, &n));
	EXPECT_EQ(0, n.name[0]);
	memset(n.name, 'x', sizeof(n.name));
	memcpy(n.name, "/etc/vservers/test", 19);
	ASSERT_EQ(0, vs_call(VCMD_set_vhi_name, VS_SELF, &n));
	memset(n.name, 0, sizeof(n.name));
	ASSERT_EQ(0, vs_call(VCMD_get_vhi_name, VS_SELF, &n));
	EXPECT_STREQ("/etc/vservers/test", n.name);
	/* A full 65-byte value keeps its terminator. */
	memset(n.name, 'y', sizeof(n.name));
	ASSERT_EQ(0, vs_call(VCMD_set_vhi_name, VS_SELF, &n));
	ASSERT_EQ(0, vs_call(VCMD_get_vhi_name, VS_SELF, &n));
	EXPECT_EQ(64, strlen(n.name));
	/* The uts fields need a uts namespace in space slot 0: none yet. */
	n.field = VHIN_NODENAME;
	errno = 0;
	EXPECT_EQ(-1, vs_call(VCMD_get_vhi_name, VS_SELF, &n));
	EXPECT_EQ(EINVAL, errno);
	n.field = 7;
	errno = 0;
	EXPECT_EQ(-1, vs_call(VCMD_set_vhi_name, VS_SELF, &n));
	EXPECT_EQ(EINVAL, errno);
}

static int create_113(void *arg)
{
	return vs_create(113, (uintptr_t)arg) == 113 ? 0 : 1;
}

TEST(migrate)
{
	struct vcmd_ctx_stat_v0 st;
	pid_t pid = vs_spawn(create_113, (void *)VXF_INIT_SET);

	ASSERT_LT(0, pid);
	ASSERT_EQ(0, vs_migrate_to(113));
	EXPECT_EQ(113, vs_call(VCMD_task_xid, 0, NULL));
	ASSERT_EQ(0, vs_call(VCMD_ctx_stat, VS_SELF, &st));
	EXPECT_EQ(2, st.tasks);
	/* Inside now: migrating again is an ADMIN command from a guest. */
	errno = 0;
	EXPECT_EQ(-1, vs_migrate_to(113));
	EXPECT_EQ(EPERM, errno);
	vs_reap(pid);
}

TEST(migrate_v0_and_set_init)
{
	struct vcmd_ctx_migrate m = { .flagword = VXM_SET_INIT };
	struct vcmd_vx_info_v0 info;
	pid_t pid = vs_spawn(create_113, (void *)VXF_INIT_SET);

	ASSERT_LT(0, pid);
	/* Unknown VXM bits. */
	m.flagword = 0x4;
	errno = 0;
	EXPECT_EQ(-1, vs_call(VCMD_ctx_migrate, 113, &m));
	EXPECT_EQ(EINVAL, errno);
	m.flagword = VXM_SET_INIT;
	ASSERT_EQ(0, vs_call(VCMD_ctx_migrate, 113, &m));
	ASSERT_EQ(0, vs_call(VCMD_vx_info, VS_SELF, &info));
	EXPECT_EQ(getpid(), info.initpid);
	EXPECT_EQ(0, vs_get_cflags(VS_SELF) & VXF_STATE_INIT);
	vs_reap(pid);
}

TEST(migrate_errors)
{
	pid_t pid = vs_spawn(create_113, (void *)(VXF_STATE_SETUP));

	ASSERT_LT(0, pid);
	/* No STATE_ADMIN: the host may not administer it. */
	errno = 0;
	EXPECT_EQ(-1, vs_migrate_to(113));
	EXPECT_EQ(EACCES, errno);
	errno = 0;
	EXPECT_EQ(-1, vs_call(VCMD_ctx_migrate_v0, 113, NULL));
	EXPECT_EQ(EACCES, errno);
	vs_reap(pid);
	/* Unknown context; bad pointer after the lookup. */
	errno = 0;
	EXPECT_EQ(-1, vs_migrate_to(4243));
	EXPECT_EQ(ESRCH, errno);
	EXPECT_EQ(0, vs_call(VCMD_task_xid, 0, NULL));
}

TEST(migrate_private)
{
	pid_t pid = vs_spawn(create_113,
			     (void *)(VXF_STATE_ADMIN | VXF_INFO_PRIVATE));

	ASSERT_LT(0, pid);
	errno = 0;
	EXPECT_EQ(-1, vs_migrate_to(113));
	EXPECT_EQ(EACCES, errno);
	vs_reap(pid);
}

TEST(migrate_bad_pointer)
{
	pid_t pid = vs_spawn(create_113, (void *)VXF_INIT_SET);

	ASSERT_LT(0, pid);
	errno = 0;
	EXPECT_EQ(-1, vs_call(VCMD_ctx_migrate, 113, (void *)1));
	EXPECT_EQ(EFAULT, errno);
	EXPECT_EQ(0, vs_call(VCMD_task_xid, 0, NULL));
	vs_reap(pid);
}

TEST(spectator)
{
	EXPECT_EQ(1, vs_call(VCMD_ctx_migrate, 1, NULL));
	EXPECT_EQ(1, vs_call(VCMD_task_xid, 0, NULL));
	EXPECT_EQ(1, status_xid(getpid()));
	/* The spectator administers nothing and creates nothing. */
	errno = 0;
	EXPECT_EQ(-1, vs_create(114, VXF_INIT_SET));
	EXPECT_EQ(EPERM, errno);
	errno = 0;
	EXPECT_EQ(-1, vs_call(VCMD_ctx_migrate, 1, NULL));
	EXPECT_EQ(EPERM, errno);
}

TEST(spectator_not_from_guest)
{
	ASSERT_EQ(115, vs_create(115, VXF_INIT_SET));
	/* Team decision 4: only the host enters the spectator context. */
	errno = 0;
	EXPECT_EQ(-1, vs_call(VCMD_ctx_migrate_v0, 1, NULL));
	EXPECT_EQ(EPERM, errno);
	EXPECT_EQ(115, vs_call(VCMD_task_xid, 0, NULL));
}

TEST(guest_sees_only_itself)
{
	pid_t pid = vs_spawn(create_113, (void *)VXF_INIT_SET), checker;
	int status;

	ASSERT_LT(0, pid);
	/* The guest side runs in a child: a guest cannot reap pid later. */
	checker = fork();
	ASSERT_LE(0, checker);
	if (!checker) {
		struct vcmd_vx_info_v0 info;

		if (vs_create(116, VXF_INIT_SET) != 116)
			_exit(10);
		if (vs_call(VCMD_vx_info, 113, &info) != -1 || errno != ESRCH)
			_exit(11);
		if (proc_virtual_has(113) || !proc_virtual_has(116))
			_exit(12);
		/* task_xid of a foreign pid: it does not exist. */
		if (vs_call(VCMD_task_xid, pid, NULL) != -1 || errno != ESRCH)
			_exit(13);
		if (vs_call(VCMD_task_xid, getppid(), NULL) != -1 ||
		    errno != ESRCH)
			_exit(14);
		_exit(0);
	}
	ASSERT_EQ(checker, waitpid(checker, &status, 0));
	EXPECT_TRUE(WIFEXITED(status));
	EXPECT_EQ(0, WEXITSTATUS(status));
	vs_reap(pid);
}

TEST(task_xid_of_others)
{
	pid_t pid = vs_spawn(create_113, (void *)VXF_INIT_SET);

	ASSERT_LT(0, pid);
	EXPECT_EQ(113, vs_call(VCMD_task_xid, pid, NULL));
	EXPECT_EQ(113, vs_call(VCMD_task_tag, pid, NULL));
	EXPECT_EQ(0, vs_call(VCMD_task_xid, 1, NULL));
	errno = 0;
	EXPECT_EQ(-1, vs_call(VCMD_task_xid, 999999, NULL));
	EXPECT_EQ(ESRCH, errno);
	vs_reap(pid);
}

/* After setup, a guest without CAP_SYS_ADMIN in bcaps: EPERM (level > 1). */
TEST(guest_after_setup)
{
	struct vcmd_flags_v0 f;

	ASSERT_EQ(117, vs_create(117, VXF_INIT_SET));
	ASSERT_EQ(0, vs_set_bcaps(VS_SELF, ~((1ULL << CAP_SYS_ADMIN) |
					     (1ULL << CAP_SYS_RESOURCE))));
	ASSERT_EQ(0, vs_endsetup());
	/* Level 0 still works. */
	EXPECT_EQ(0x00020308, vs_call(VCMD_get_version, 0, NULL));
	errno = 0;
	EXPECT_EQ(-1, vs_call(VCMD_get_cflags, VS_SELF, &f));
	EXPECT_EQ(EPERM, errno);
	errno = 0;
	EXPECT_EQ(-1, vs_call(VCMD_task_xid, 0, NULL));
	EXPECT_EQ(EPERM, errno);
	/* Unknown words still ENOSYS first. */
	errno = 0;
	EXPECT_EQ(-1, vs_call(0x3F010001, 0, NULL));
	EXPECT_EQ(ENOSYS, errno);
}

/* Without CAP_CONTEXT (bcaps bit 63) even get_version is ENOSYS. */
TEST(guest_without_cap_context)
{
	ASSERT_EQ(118, vs_create(118, VXF_INIT_SET));
	ASSERT_EQ(0, vs_set_bcaps(VS_SELF, ~(1ULL << 63)));
	/* During setup the task's own caps decide, but CAP_CONTEXT is the
	 * context's: it is gone at once. */
	errno = 0;
	EXPECT_EQ(-1, vs_call(VCMD_get_version, 0, NULL));
	EXPECT_EQ(ENOSYS, errno);
}

/* A setup command from inside, while in setup, needs no host. */
TEST(setup_commands_from_inside)
{
	ASSERT_EQ(119, vs_create(119, VXF_INIT_SET));
	EXPECT_EQ(0, vs_set_bcaps(VS_SELF, ~0ULL));
	ASSERT_EQ(0, vs_set_cflags(VS_SELF, 0, VXF_STATE_SETUP));
	/* Past setup, with CAP_SYS_ADMIN kept: ADMIN commands are host-only. */
	errno = 0;
	EXPECT_EQ(-1, vs_set_bcaps(VS_SELF, ~0ULL));
	EXPECT_EQ(EPERM, errno);
}

/* An unprivileged host user: level > 1 needs CAP_SYS_ADMIN. */
TEST(unprivileged_host_user)
{
	ASSERT_EQ(0, setgid(65534));
	ASSERT_EQ(0, setuid(65534));
	errno = 0;
	EXPECT_EQ(-1, vs_call(VCMD_task_xid, 0, NULL));
	EXPECT_EQ(EPERM, errno);
	errno = 0;
	EXPECT_EQ(-1, vs_create(120, VXF_INIT_SET));
	EXPECT_EQ(EPERM, errno);
	/* EPERM before ESRCH: the target is never looked up. */
	errno = 0;
	EXPECT_EQ(-1, vs_call(VCMD_vx_info, 4244, NULL));
	EXPECT_EQ(EPERM, errno);
}

/* CAP_SYS_ADMIN without CAP_SYS_RESOURCE: ADMIN commands are EPERM. */
TEST(admin_needs_sys_resource)
{
	struct __user_cap_header_struct h = { _LINUX_CAPABILITY_VERSION_3, 0 };
	struct __user_cap_data_struct d[2] = { 0 };
	pid_t pid = vs_spawn(create_113, (void *)VXF_INIT_SET);

	ASSERT_LT(0, pid);
	ASSERT_EQ(0, syscall(SYS_capget, &h, d));
	d[0].effective &= ~(1U << CAP_SYS_RESOURCE);
	ASSERT_EQ(0, syscall(SYS_capset, &h, d));
	errno = 0;
	EXPECT_EQ(-1, vs_migrate_to(113));
	EXPECT_EQ(EPERM, errno);
	/* INFO commands do not need it. */
	EXPECT_EQ(VXF_INIT_SET, vs_get_cflags(113));
	vs_reap(pid);
}

static int create_in_child(void *arg)
{
	return vs_create(121, VXF_INIT_SET) == 121 ? 0 : 1;
}

TEST(ctx_kill)
{
	struct vcmd_ctx_kill_v0 k = { .pid = 0, .sig = SIGKILL };
	pid_t pid = vs_spawn(create_in_child, NULL);
	int status;

	ASSERT_LT(0, pid);
	/* Bad signal, a pid outside the context. */
	k.sig = 999;
	errno = 0;
	EXPECT_EQ(-1, vs_call(VCMD_ctx_kill, 121, &k));
	EXPECT_EQ(EINVAL, errno);
	k.sig = SIGKILL;
	k.pid = getpid();
	errno = 0;
	EXPECT_EQ(-1, vs_call(VCMD_ctx_kill, 121, &k));
	EXPECT_EQ(ESRCH, errno);
	/* A stopped task is reached. */
	ASSERT_EQ(0, kill(pid, SIGSTOP));
	k.pid = 0;
	EXPECT_EQ(0, vs_call(VCMD_ctx_kill, 121, &k));
	ASSERT_EQ(pid, waitpid(pid, &status, 0));
	EXPECT_TRUE(WIFSIGNALED(status));
	EXPECT_EQ(SIGKILL, WTERMSIG(status));
	/* The test process itself was not signalled, and the context ended. */
	EXPECT_FALSE(vs_exists(121));
	/* Unknown context. */
	errno = 0;
	EXPECT_EQ(-1, vs_call(VCMD_ctx_kill, 121, &k));
	EXPECT_EQ(ESRCH, errno);
}

/* A task stopped under ptrace is reached too. */
TEST(ctx_kill_ptraced)
{
	struct vcmd_ctx_kill_v0 k = { .pid = 0, .sig = SIGKILL };
	pid_t pid = vs_spawn(create_in_child, NULL);
	int status;

	ASSERT_LT(0, pid);
	ASSERT_EQ(0, ptrace(PTRACE_SEIZE, pid, 0, 0));
	ASSERT_EQ(0, ptrace(PTRACE_INTERRUPT, pid, 0, 0));
	ASSERT_EQ(pid, waitpid(pid, &status, 0));
	ASSERT_TRUE(WIFSTOPPED(status));
	EXPECT_EQ(0, vs_call(VCMD_ctx_kill, 121, &k));
	ASSERT_EQ(pid, waitpid(pid, &status, 0));
	EXPECT_TRUE(WIFSIGNALED(status));
	EXPECT_EQ(SIGKILL, WTERMSIG(status));
}

TEST(ctx_kill_one_pid)
{
	struct vcmd_ctx_kill_v0 k = { .sig = SIGTERM };
	pid_t a = vs_spawn(create_113, (void *)VXF_INIT_SET), b;
	int status;

	ASSERT_LT(0, a);
	b = fork();
	ASSERT_LE(0, b);
	if (!b) {
		if (vs_migrate_to(113))
			_exit(1);
		pause();
		_exit(0);
	}
	while (vs_call(VCMD_task_xid, b, NULL) != 113)
		usleep(1000);
	k.pid = b;
	EXPECT_EQ(0, vs_call(VCMD_ctx_kill, 113, &k));
	ASSERT_EQ(b, waitpid(b, &status, 0));
	EXPECT_TRUE(WIFSIGNALED(status));
	EXPECT_EQ(0, kill(a, 0));
	vs_reap(a);
}

static void on_alarm(int sig)
{
}

/*
 * wait_exit needs the context to exist when it is called (ABI §3.3): the
 * guest exits on its own two seconds after creating it.
 */
TEST(wait_exit)
{
	struct vcmd_wait_exit_v0 w = { -1, -1 };
	struct sigaction sa;
	pid_t pid;

	pid = fork();
	ASSERT_LE(0, pid);
	if (!pid) {
		if (vs_create(122, VXF_INIT_SET) != 122)
			_exit(1);
		sleep(2);
		_exit(7);
	}
	while (!vs_exists(122))
		usleep(1000);
	/* Interrupted by a signal: EINTR, and the structure is written. */
	sa.sa_handler = on_alarm;
	sigemptyset(&sa.sa_mask);
	sa.sa_flags = 0; /* no SA_RESTART */
	ASSERT_EQ(0, sigaction(SIGALRM, &sa, NULL));
	alarm(1);
	errno = 0;
	EXPECT_EQ(-1, vs_call(VCMD_wait_exit, 122, &w));
	EXPECT_EQ(EINTR, errno);
	EXPECT_EQ(0, w.reboot_cmd);
	/* Now wait for real. */
	w.exit_code = -1;
	EXPECT_EQ(0, vs_call(VCMD_wait_exit, 122, &w));
	EXPECT_EQ(7 << 8, w.exit_code);
	waitpid(pid, NULL, 0);
	errno = 0;
	EXPECT_EQ(-1, vs_call(VCMD_wait_exit, 122, &w));
	EXPECT_EQ(ESRCH, errno);
}

static double boottime(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_BOOTTIME, &ts);
	return ts.tv_sec + ts.tv_nsec / 1e9;
}

static double proc_uptime(void)
{
	char buf[64];

	if (read_file("/proc/uptime", buf, sizeof(buf)) < 0)
		return -1;
	return atof(buf);
}

/* VIRT_UPTIME: /proc/uptime and sysinfo count from the context's start. */
TEST(virt_uptime)
{
	double b0, b1, up;
	struct sysinfo si;

	b0 = boottime();
	ASSERT_EQ(123, vs_create(123, VXF_INIT_SET | VXF_VIRT_UPTIME));
	sleep(1);
	up = proc_uptime();
	b1 = boottime();
	ASSERT_EQ(0, sysinfo(&si));
	/* Created between b0 and b1, at least a second ago. */
	EXPECT_LE(0.9, up);
	EXPECT_GE(b1 - b0 + 0.02, up) {
		TH_LOG("uptime %.2f, created within [%.2f, %.2f]", up, b0, b1);
	}
	EXPECT_GE((long)(b1 - b0) + 1, si.uptime);
}

TEST(uptime_without_flag)
{
	double b0 = boottime();

	ASSERT_EQ(124, vs_create(124, VXF_INIT_SET));
	/* The host's uptime. */
	EXPECT_LE(b0 - 0.02, proc_uptime());
}

FIXTURE(cycles) {};
FIXTURE_SETUP(cycles) {}
FIXTURE_TEARDOWN(cycles) {}

static unsigned int ctotal(void)
{
	char buf[256], *p;

	if (read_file("/proc/virtual/status", buf, sizeof(buf)) < 0)
		return ~0U;
	p = strstr(buf, "#CTotal:\t");
	return p ? (unsigned int)atoi(p + 9) : ~0U;
}

/*
 * The count once the contexts of earlier tests are gone too: their
 * structures go with the last cred, after an RCU grace period.
 */
static unsigned int settled_ctotal(void)
{
	unsigned int a = ctotal(), b;
	int i;

	for (i = 0; i < 25; i++, a = b) {
		usleep(200000);
		b = ctotal();
		if (a == b)
			break;
	}
	return a;
}

/* Create and destroy many contexts: none is left allocated. */
TEST_F_TIMEOUT(cycles, create_destroy, 600)
{
	const int n = 10000;
	unsigned int before = settled_ctotal();
	int i, status;

	for (i = 0; i < n; i++) {
		pid_t pid = fork();

		ASSERT_LE(0, pid);
		if (!pid)
			_exit(vs_create(200 + i % 1000, VXF_INIT_SET) < 0);
		ASSERT_EQ(pid, waitpid(pid, &status, 0));
		ASSERT_EQ(0, WEXITSTATUS(status)) {
			TH_LOG("cycle %d", i);
		}
	}
	/* Freed after an RCU grace period at most. */
	for (i = 0; i < 100 && ctotal() != before; i++)
		usleep(10000);
	EXPECT_EQ(before, ctotal());
}

TEST_HARNESS_MAIN
