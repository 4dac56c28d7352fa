// SPDX-License-Identifier: GPL-2.0-only
/*
 * vserver selftests - the vshelper (ABI §4.17): /proc/sys/kernel/vshelper,
 * the events it is run for, its arguments and environment, a failing
 * startup/netup, and that no guest can choose it.
 *
 * The helper here is a shell script that appends one line per call to a
 * log: "ACTION XID VS_CMD VS_UID VS_PID", and fails while a flag file
 * exists. Contexts 520-529, network contexts 530-539.
 *
 * Copyright (C) 2026 The vserver authors
 */
#include <fcntl.h>
#include <sys/reboot.h>
#include <sys/stat.h>
#include <linux/reboot.h>
#include <linux/vserver/network.h>

#include "common.h"

#define SYSCTL "/proc/sys/kernel/vshelper"
#define HELPER "/tmp/vsh-helper.sh"
#define LOG "/tmp/vsh.log"
#define FAIL "/tmp/vsh.fail"

static int write_file(const char *path, const char *text)
{
	int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0755);
	ssize_t n;

	if (fd < 0)
		return -1;
	n = write(fd, text, strlen(text));
	close(fd);
	return n == (ssize_t)strlen(text) ? 0 : -1;
}

/* Wait up to 5 s for @line in the log (the reboot events do not wait). */
static int logged(const char *line)
{
	char buf[4096];
	int i;

	for (i = 0; i < 50; i++) {
		if (read_file(LOG, buf, sizeof(buf)) > 0 && strstr(buf, line))
			return 1;
		usleep(100000);
	}
	return 0;
}

FIXTURE(helper)
{
	char old[256];
};

FIXTURE_SETUP(helper)
{
	ssize_t n = read_file(SYSCTL, self->old, sizeof(self->old));

	ASSERT_LT(0, n);
	if (self->old[n - 1] == '\n')
		self->old[n - 1] = '\0';
	ASSERT_EQ(0, write_file(HELPER,
				"#!/bin/sh\n"
				"echo \"$1 $2 $VS_CMD ${VS_UID:--} ${VS_PID:--}\" >>" LOG "\n"
				"[ -e " FAIL " ] && exit 1\n"
				"exit 0\n"));
	unlink(LOG);
	unlink(FAIL);
	ASSERT_EQ(0, write_file(SYSCTL, HELPER));
}

FIXTURE_TEARDOWN(helper)
{
	write_file(SYSCTL, self->old);
	unlink(FAIL);
}

TEST(default_path)
{
	char buf[256];

	ASSERT_LT(0, read_file(SYSCTL, buf, sizeof(buf)));
	EXPECT_STREQ("/sbin/vshelper\n", buf);
}

TEST_F(helper, startup_and_shutdown)
{
	int st;
	pid_t pid = fork();

	ASSERT_LE(0, pid);
	if (!pid)
		_exit(vs_create(520, VXF_INIT_SET | VXF_SC_HELPER) == 520 ? 0 : 1);
	waitpid(pid, &st, 0);
	EXPECT_EQ(0, WEXITSTATUS(st));
	/* Both waited for: in the log already. */
	EXPECT_TRUE(logged("startup 520 00000001 - -\n"));
	EXPECT_TRUE(logged("shutdown 520 00000002 - -\n"));
}

TEST_F(helper, failing_startup_refuses_the_context)
{
	char buf[4096] = "";

	ASSERT_EQ(0, write_file(FAIL, "1"));
	errno = 0;
	EXPECT_EQ(-1, vs_create(521, VXF_INIT_SET | VXF_SC_HELPER));
	EXPECT_EQ(ENOEXEC, errno);
	EXPECT_FALSE(vs_exists(521));
	EXPECT_TRUE(logged("startup 521 00000001"));
	/* A context that never started has no shutdown. */
	usleep(300000);
	read_file(LOG, buf, sizeof(buf));
	EXPECT_EQ(NULL, strstr(buf, "shutdown 521"));
	EXPECT_EQ(0, unlink(FAIL));
}

TEST_F(helper, no_helper_without_the_flag)
{
	int st;
	pid_t pid = fork();

	if (!pid)
		_exit(vs_create(522, VXF_INIT_SET) == 522 ? 0 : 1);
	waitpid(pid, &st, 0);
	EXPECT_EQ(0, WEXITSTATUS(st));
	usleep(300000);
	EXPECT_EQ(-1, access(LOG, F_OK));
}

static long net_create(uint32_t nid, uint64_t flags)
{
	struct vcmd_net_create d = { .flagword = flags };

	return vs_call(VCMD_net_create, nid, &d);
}

TEST_F(helper, netup_and_netdown)
{
	int st;
	pid_t pid = fork();

	if (!pid)
		_exit(net_create(530, NXF_INIT_SET | NXF_SC_HELPER) == 530 ? 0 : 1);
	waitpid(pid, &st, 0);
	EXPECT_EQ(0, WEXITSTATUS(st));
	EXPECT_TRUE(logged("netup 530 00000003 - -\n"));
	EXPECT_TRUE(logged("netdown 530 00000004 - -\n"));
	ASSERT_EQ(0, write_file(FAIL, "1"));
	errno = 0;
	EXPECT_EQ(-1, net_create(531, NXF_INIT_SET | NXF_SC_HELPER));
	EXPECT_EQ(ENOEXEC, errno);
	EXPECT_EQ(-1, access("/proc/virtnet/531", F_OK));
}

/* reboot(2) of a guest in the host's pid namespace: the helper is told. */
TEST_F(helper, guest_reboot_runs_the_helper)
{
	char line[64];
	int p[2], st;
	pid_t pid;

	ASSERT_EQ(0, pipe(p));
	pid = fork();
	if (!pid) {
		pid_t me = getpid();

		if (vs_create(523, VXF_INIT_SET) != 523 ||
		    vs_set_cflags(VS_SELF, 0, VXF_STATE_SETUP))
			_exit(1);
		if (write(p[1], &me, sizeof(me)) != sizeof(me))
			_exit(2);
		_exit(reboot(LINUX_REBOOT_CMD_HALT) ? 10 + errno : 0);
	}
	waitpid(pid, &st, 0);
	/* Not the machine: the call returned, the helper is to stop the guest. */
	EXPECT_EQ(0, WEXITSTATUS(st));
	ASSERT_EQ(sizeof(pid), read(p[0], &pid, sizeof(pid)));
	snprintf(line, sizeof(line), "halt 523 cdef0123 0 %d\n", pid);
	EXPECT_TRUE(logged(line));
}

/* Without a helper to run, a guest's stop command fails with EPERM. */
TEST_F(helper, guest_reboot_without_helper_is_eperm)
{
	int st;
	pid_t pid;

	ASSERT_EQ(0, write_file(SYSCTL, "/nonexistent/vshelper"));
	pid = fork();
	if (!pid) {
		if (vs_create(524, VXF_INIT_SET) != 524 ||
		    vs_set_cflags(VS_SELF, 0, VXF_STATE_SETUP))
			_exit(1);
		_exit(reboot(LINUX_REBOOT_CMD_RESTART) == -1 && errno == EPERM ? 0 : 2);
	}
	waitpid(pid, &st, 0);
	EXPECT_EQ(0, WEXITSTATUS(st));
}

/* Whoever sets the path runs code as host root: no guest may, even in setup. */
TEST_F(helper, guest_cannot_set_the_path)
{
	char buf[256];
	int st;
	pid_t pid = fork();

	if (!pid) {
		int fd;

		if (vs_create(525, VXF_INIT_SET) != 525)
			_exit(1);
		fd = open(SYSCTL, O_WRONLY);
		if (fd < 0)
			_exit(2);
		_exit(write(fd, "/tmp/evil", 9) == -1 && errno == EPERM ? 0 : 3);
	}
	waitpid(pid, &st, 0);
	EXPECT_EQ(0, WEXITSTATUS(st));
	ASSERT_LT(0, read_file(SYSCTL, buf, sizeof(buf)));
	EXPECT_STREQ(HELPER "\n", buf);
}

TEST_HARNESS_MAIN
