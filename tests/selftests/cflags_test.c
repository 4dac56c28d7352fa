// SPDX-License-Identifier: GPL-2.0-only
/*
 * vserver selftests - context flags that change what a guest sees:
 * INFO_INIT (fake init), HIDE_MOUNT, INFO_HIDE
 *
 * Copyright (C) 2026 The vserver authors
 */
#include <dirent.h>
#include <fcntl.h>
#include <sched.h>
#include <sys/mount.h>
#include <sys/stat.h>

#include "common.h"

/* --- INFO_INIT ----------------------------------------------------------- */

/*
 * Become the init of a new context @xid (in the host's pid namespace) with
 * @flags; *real gets the global pid.
 */
static int become_init(uint32_t xid, uint64_t flags, pid_t *real)
{
	*real = getpid();
	if (vs_create(xid, VXF_INIT_SET | flags) != xid)
		return -1;
	return vs_set_cflags(VS_SELF, 0, VXF_STATE_SETUP | VXF_STATE_INIT);
}

static bool proc_lists(const char *name)
{
	struct dirent *d;
	bool found = false;
	DIR *dir = opendir("/proc");

	if (!dir)
		return false;
	while ((d = readdir(dir)))
		if (!strcmp(d->d_name, name))
			found = true;
	closedir(dir);
	return found;
}

/* The pid field of /proc/@pid/stat, -1 when it cannot be read. */
static long stat_pid(const char *pid)
{
	char path[64], buf[256];

	snprintf(path, sizeof(path), "/proc/%s/stat", pid);
	if (read_file(path, buf, sizeof(buf)) <= 0)
		return -1;
	return strtol(buf, NULL, 10);
}

TEST(info_init_is_pid_1)
{
	char name[16];
	pid_t real, child;
	int status;

	ASSERT_EQ(0, become_init(630, VXF_INFO_INIT, &real));
	ASSERT_NE(1, real);
	EXPECT_EQ(1, getpid());
	/* 1 names init, in /proc and for kill(2). */
	EXPECT_EQ(real, stat_pid("1"));
	EXPECT_TRUE(proc_lists("1"));
	snprintf(name, sizeof(name), "%d", real);
	EXPECT_FALSE(proc_lists(name));
	child = fork();
	ASSERT_LE(0, child);
	if (!child) {
		if (getppid() != 1)
			_exit(1);
		if (kill(1, 0))
			_exit(2);
		_exit(0);
	}
	ASSERT_EQ(child, waitpid(child, &status, 0));
	EXPECT_EQ(0, WEXITSTATUS(status));
}

static volatile sig_atomic_t got_usr1;

static void on_usr1(int sig)
{
	got_usr1 = 1;
}

/* A signal to 1 reaches the guest's init, never the host's. */
TEST(info_init_kill_1)
{
	pid_t real, child;
	int status;

	signal(SIGUSR1, on_usr1);
	ASSERT_EQ(0, become_init(631, VXF_INFO_INIT, &real));
	child = fork();
	ASSERT_LE(0, child);
	if (!child)
		_exit(kill(1, SIGUSR1) ? 1 : 0);
	ASSERT_EQ(child, waitpid(child, &status, 0));
	EXPECT_EQ(0, WEXITSTATUS(status));
	EXPECT_EQ(1, got_usr1);
}

/* Without the flag numbers are real; 1 is the host's init, out of sight. */
TEST(info_init_off)
{
	pid_t real;

	ASSERT_EQ(0, become_init(632, 0, &real));
	EXPECT_EQ(real, getpid());
	errno = 0;
	EXPECT_EQ(-1, kill(1, 0));
	EXPECT_EQ(ESRCH, errno);
	EXPECT_EQ(-1, stat_pid("1"));
}

/* With the flag but no init yet, 1 is nobody. */
TEST(info_init_before_init)
{
	ASSERT_EQ(633, vs_create(633, VXF_INIT_SET | VXF_INFO_INIT));
	ASSERT_EQ(0, vs_set_cflags(VS_SELF, 0, VXF_STATE_SETUP));
	EXPECT_NE(1, getpid());
	errno = 0;
	EXPECT_EQ(-1, kill(1, 0));
	EXPECT_EQ(ESRCH, errno);
}

static int init_634(void *arg)
{
	pid_t real;

	return become_init(634, VXF_INFO_INIT, &real) ? 1 : 0;
}

/* The host sees the real pid. */
TEST(info_init_host_view)
{
	pid_t child = vs_spawn(init_634, NULL);
	char name[16];

	ASSERT_LT(0, child);
	snprintf(name, sizeof(name), "%d", child);
	EXPECT_EQ(child, stat_pid(name));
	EXPECT_TRUE(proc_lists(name));
	/* And 1 is still the host's own init for the host. */
	EXPECT_EQ(1, stat_pid("1"));
	vs_reap(child);
}

/* --- HIDE_MOUNT ---------------------------------------------------------- */

#define HM_SRC "/tmp/vs-hm-src"
#define HM_ROOT "/tmp/vs-hm"

/*
 * A guest @xid with @flags, chrooted into a bind mount of HM_SRC (like a
 * guest root bound from a host directory), with its own /proc.
 */
static int hm_guest(uint32_t xid, uint64_t flags)
{
	mkdir(HM_SRC, 0755);
	mkdir(HM_ROOT, 0755);
	if (vs_create(xid, VXF_INIT_SET | flags) != xid ||
	    unshare(CLONE_NEWNS) ||
	    mount(NULL, "/", NULL, MS_REC | MS_PRIVATE, NULL) ||
	    mount(HM_SRC, HM_ROOT, NULL, MS_BIND, NULL))
		return -1;
	mkdir(HM_ROOT "/proc", 0755);
	if (mount("proc", HM_ROOT "/proc", "proc", 0, NULL) ||
	    chroot(HM_ROOT) || chdir("/"))
		return -1;
	return vs_set_cflags(VS_SELF, 0, VXF_STATE_SETUP);
}

TEST(hide_mount_hides_host_side)
{
	char buf[4096];

	ASSERT_EQ(0, hm_guest(640, VXF_HIDE_MOUNT));
	ASSERT_LT(0, read_file("/proc/self/mounts", buf, sizeof(buf)));
	EXPECT_NE(NULL, strstr(buf, "/dev/root / tmpfs "));
	/* Mounts outside the root stay out (Linux). */
	EXPECT_EQ(NULL, strstr(buf, " /tmp"));
	ASSERT_LT(0, read_file("/proc/self/mountinfo", buf, sizeof(buf)));
	EXPECT_EQ(NULL, strstr(buf, "vs-hm-src"));
	EXPECT_NE(NULL, strstr(buf, " / / rw"));
	EXPECT_NE(NULL, strstr(buf, " - tmpfs /dev/root "));
	ASSERT_LT(0, read_file("/proc/self/mountstats", buf, sizeof(buf)));
	EXPECT_NE(NULL, strstr(buf, "device /dev/root mounted on / "));
}

TEST(hide_mount_off)
{
	char buf[4096];

	ASSERT_EQ(0, hm_guest(641, 0));
	ASSERT_LT(0, read_file("/proc/self/mountinfo", buf, sizeof(buf)));
	EXPECT_NE(NULL, strstr(buf, " /vs-hm-src / rw"));
	ASSERT_LT(0, read_file("/proc/self/mounts", buf, sizeof(buf)));
	EXPECT_EQ(NULL, strstr(buf, "/dev/root"));
}

static int hidden_642(void *arg)
{
	return hm_guest(642, VXF_HIDE_MOUNT) ? 1 : 0;
}

/* The host reads a hidden guest's mount lists unchanged. */
TEST(hide_mount_host_view)
{
	pid_t child = vs_spawn(hidden_642, NULL);
	char path[64], buf[4096];

	ASSERT_LT(0, child);
	snprintf(path, sizeof(path), "/proc/%d/mountinfo", child);
	EXPECT_LT(0, read_file(path, buf, sizeof(buf)));
	EXPECT_NE(NULL, strstr(buf, " /vs-hm-src / rw"));
	vs_reap(child);
}

/* --- INFO_HIDE ----------------------------------------------------------- */

TEST(info_hide)
{
	struct stat st;

	ASSERT_EQ(650, vs_create(650, VXF_INIT_SET | VXF_INFO_HIDE));
	ASSERT_EQ(0, vs_set_cflags(VS_SELF, 0, VXF_STATE_SETUP));
	errno = 0;
	EXPECT_EQ(-1, stat("/proc/virtual/650", &st));
	EXPECT_EQ(ENOENT, errno);
	EXPECT_EQ(0, stat("/proc/virtual/info", &st));
}

TEST(info_hide_off)
{
	struct stat st;

	ASSERT_EQ(651, vs_create(651, VXF_INIT_SET));
	ASSERT_EQ(0, vs_set_cflags(VS_SELF, 0, VXF_STATE_SETUP));
	EXPECT_EQ(0, stat("/proc/virtual/651", &st));
}

TEST_HARNESS_MAIN
