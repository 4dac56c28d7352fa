// SPDX-License-Identifier: GPL-2.0-only
/*
 * vserver selftests - capabilities of guest root, and escape attempts
 *
 * The bounding set of a context (bcaps) bounds every capability check of
 * its tasks once setup is over, and is applied to their credentials (team
 * decision 2): capget tells the truth, and neither a setuid-root binary
 * nor file capabilities bring a masked capability back.
 *
 * Copyright (C) 2026 The vserver authors
 */
#include <fcntl.h>
#include <sched.h>
#include <sys/mount.h>
#include <sys/reboot.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <sys/xattr.h>
#include <linux/capability.h>
#include <linux/reboot.h>

#include <sys/klog.h>
#include <sys/utsname.h>

#include "common.h"

/* util-vserver's "secure" bounding set (ABI §4.3). */
#define SECURE_BCAPS 0xFFFFFFFFB44C04FFULL
#define BIT64(n) (1ULL << (n))

static uint64_t status_caps(const char *field)
{
	char buf[4096], *p;

	if (read_file("/proc/self/status", buf, sizeof(buf)) < 0)
		return ~0ULL;
	p = strstr(buf, field);
	return p ? strtoull(p + strlen(field), NULL, 16) : ~0ULL;
}

static uint64_t capget_field(int which)
{
	struct __user_cap_header_struct h = { _LINUX_CAPABILITY_VERSION_3, 0 };
	struct __user_cap_data_struct d[2] = { 0 };
	uint32_t lo, hi;

	if (syscall(SYS_capget, &h, d))
		return ~0ULL;
	lo = which == 0 ? d[0].effective : which == 1 ? d[0].permitted : d[0].inheritable;
	hi = which == 0 ? d[1].effective : which == 1 ? d[1].permitted : d[1].inheritable;
	return lo | (uint64_t)hi << 32;
}

/* A guest with util-vserver's secure bounding set, past setup. */
static int enter_secure_guest(uint32_t xid)
{
	if (vs_create(xid, VXF_INIT_SET) != xid)
		return -1;
	if (vs_set_bcaps(VS_SELF, SECURE_BCAPS))
		return -1;
	return vs_set_cflags(VS_SELF, 0, VXF_STATE_SETUP) ? -1 : 0;
}

TEST(bcaps_applied_at_end_of_setup)
{
	ASSERT_EQ(400, vs_create(400, VXF_INIT_SET));
	ASSERT_EQ(0, vs_set_bcaps(VS_SELF, SECURE_BCAPS));
	/* Setup: the task's own credentials still decide. */
	EXPECT_TRUE(capget_field(0) & BIT64(CAP_SYS_ADMIN));
	ASSERT_EQ(0, vs_set_cflags(VS_SELF, 0, VXF_STATE_SETUP));
	EXPECT_FALSE(capget_field(0) & BIT64(CAP_SYS_ADMIN));
	EXPECT_FALSE(capget_field(1) & BIT64(CAP_SYS_ADMIN));
	EXPECT_FALSE(status_caps("CapBnd:\t") & BIT64(CAP_SYS_ADMIN));
	EXPECT_FALSE(status_caps("CapEff:\t") & BIT64(CAP_MKNOD));
	/* What the set keeps stays. */
	EXPECT_TRUE(capget_field(0) & BIT64(CAP_CHOWN));
	EXPECT_TRUE(status_caps("CapBnd:\t") & BIT64(CAP_SYS_BOOT));
}

static int secure_creator(void *arg)
{
	return enter_secure_guest(401) ? 1 : 0;
}

TEST(bcaps_applied_at_migrate)
{
	pid_t pid = vs_spawn(secure_creator, NULL);

	ASSERT_LT(0, pid);
	ASSERT_EQ(0, vs_migrate_to(401));
	EXPECT_FALSE(capget_field(1) & BIT64(CAP_SYS_ADMIN));
	EXPECT_FALSE(status_caps("CapBnd:\t") & BIT64(CAP_NET_ADMIN));
	EXPECT_TRUE(capget_field(0) & BIT64(CAP_KILL));
	/* Now a guest: the host must reap pid; the harness does (exit). */
	kill(pid, SIGKILL);
}

/*
 * Setup ended, then the set lowered, from the host: the task inside drops
 * the caps from its own credentials (task_work on its way back to user).
 */
TEST(bcaps_applied_from_outside)
{
	int go[2], back[2], status;
	uint64_t caps[2];
	pid_t child;
	char c;

	ASSERT_EQ(0, pipe(go));
	ASSERT_EQ(0, pipe(back));
	child = fork();
	ASSERT_LE(0, child);
	if (!child) {
		if (vs_create(411, VXF_INIT_SET) != 411 ||
		    vs_set_bcaps(VS_SELF, SECURE_BCAPS))
			_exit(1);
		if (write(back[1], "r", 1) != 1 || read(go[0], &c, 1) != 1)
			_exit(2);
		caps[0] = capget_field(1);
		if (write(back[1], caps, 8) != 8 || read(go[0], &c, 1) != 1)
			_exit(3);
		caps[1] = capget_field(1);
		_exit(write(back[1], caps + 1, 8) == 8 ? 0 : 4);
	}
	ASSERT_EQ(1, read(back[0], &c, 1));
	ASSERT_EQ(0, vs_set_cflags(411, 0, VXF_STATE_SETUP));
	ASSERT_EQ(1, write(go[1], "g", 1));
	ASSERT_EQ(8, read(back[0], &caps[0], 8));
	EXPECT_FALSE(caps[0] & BIT64(CAP_SYS_ADMIN));
	EXPECT_TRUE(caps[0] & BIT64(CAP_CHOWN));
	/* Lower the set further, past setup. */
	ASSERT_EQ(0, vs_set_bcaps(411, SECURE_BCAPS & ~BIT64(CAP_CHOWN)));
	ASSERT_EQ(1, write(go[1], "g", 1));
	ASSERT_EQ(8, read(back[0], &caps[1], 8));
	EXPECT_FALSE(caps[1] & BIT64(CAP_CHOWN));
	ASSERT_EQ(child, waitpid(child, &status, 0));
	EXPECT_EQ(0, WEXITSTATUS(status));
}

/*
 * A task forked during setup held every cap; ending setup takes the masked
 * ones from it too (and the capable hook refuses them in between).
 */
TEST(end_of_setup_reaches_every_task)
{
	int go[2], done[2], status;
	pid_t child;
	char c;

	ASSERT_EQ(402, vs_create(402, VXF_INIT_SET));
	ASSERT_EQ(0, vs_set_bcaps(VS_SELF, SECURE_BCAPS));
	ASSERT_EQ(0, pipe(go));
	ASSERT_EQ(0, pipe(done));
	child = fork();
	ASSERT_LE(0, child);
	if (!child) {
		if (read(go[0], &c, 1) != 1)
			_exit(1);
		/* Forked during setup, it had the cap; now it is gone... */
		if (capget_field(0) & BIT64(CAP_SYS_ADMIN))
			_exit(2);
		/* ...and refused. */
		_exit(sethostname("escaped", 7) == -1 && errno == EPERM ? 0 : 3);
	}
	ASSERT_EQ(0, vs_set_cflags(VS_SELF, 0, VXF_STATE_SETUP));
	ASSERT_EQ(1, write(go[1], "g", 1));
	ASSERT_EQ(child, waitpid(child, &status, 0));
	EXPECT_EQ(0, WEXITSTATUS(status));
}

/* Print CapEff and CapPrm of this process (run after an exec). */
static int print_caps(void)
{
	printf("%016llx %016llx\n",
	       (unsigned long long)status_caps("CapEff:\t"),
	       (unsigned long long)status_caps("CapPrm:\t"));
	return 0;
}

/*
 * Exec @path --caps as uid 1000 in a secure guest; read its caps. Returns
 * 0, the errno of a failed exec, or -1.
 */
static int exec_caps(const char *path, uint64_t *eff, uint64_t *prm)
{
	int p[2], status, e;
	unsigned long long ce, cp;
	char buf[64] = { 0 };
	pid_t pid;

	if (pipe(p))
		return -1;
	pid = fork();
	if (pid < 0)
		return -1;
	if (!pid) {
		dup2(p[1], 1);
		if (enter_secure_guest(403))
			_exit(1);
		if (setgid(1000) || setuid(1000))
			_exit(2);
		execl(path, path, "--caps", NULL);
		printf("exec-error %d\n", errno);
		fflush(stdout);
		_exit(3);
	}
	close(p[1]);
	if (read(p[0], buf, sizeof(buf) - 1) <= 0)
		buf[0] = 0;
	close(p[0]);
	waitpid(pid, &status, 0);
	if (sscanf(buf, "exec-error %d", &e) == 1)
		return e;
	if (sscanf(buf, "%llx %llx", &ce, &cp) != 2)
		return -1;
	*eff = ce;
	*prm = cp;
	return 0;
}

static int copy_self(const char *to)
{
	char buf[65536];
	int in = open("/proc/self/exe", O_RDONLY);
	int out = open(to, O_WRONLY | O_CREAT | O_TRUNC, 0755);
	ssize_t n;

	if (in < 0 || out < 0)
		return -1;
	while ((n = read(in, buf, sizeof(buf))) > 0)
		if (write(out, buf, n) != n)
			return -1;
	close(in);
	return close(out);
}

TEST(setuid_root_exec)
{
	uint64_t eff, prm;

	ASSERT_EQ(0, copy_self("/tmp/vs-suid"));
	ASSERT_EQ(0, chmod("/tmp/vs-suid", 04755));
	ASSERT_EQ(0, exec_caps("/tmp/vs-suid", &eff, &prm));
	/* Root again, with what the bounding set allows and nothing else. */
	EXPECT_TRUE(prm & BIT64(CAP_CHOWN));
	EXPECT_FALSE(prm & BIT64(CAP_SYS_ADMIN));
	EXPECT_FALSE(eff & BIT64(CAP_SYS_ADMIN));
	EXPECT_FALSE(prm & BIT64(CAP_SYS_MODULE));
	EXPECT_EQ(0, prm & ~SECURE_BCAPS);
}

static int set_file_caps(const char *path, bool effective)
{
	struct vfs_cap_data cap = { 0 };

	cap.magic_etc = VFS_CAP_REVISION_2 |
			(effective ? VFS_CAP_FLAGS_EFFECTIVE : 0);
	cap.data[0].permitted = (1U << CAP_SYS_ADMIN) |
				(1U << CAP_NET_BIND_SERVICE);
	if (copy_self(path))
		return -1;
	return setxattr(path, "security.capability", &cap, XATTR_CAPS_SZ_2, 0);
}

/* A capability-aware binary (no effective bit) gets what the set allows. */
TEST(file_caps_exec)
{
	uint64_t eff, prm;

	ASSERT_EQ(0, set_file_caps("/tmp/vs-fcap", false));
	ASSERT_EQ(0, exec_caps("/tmp/vs-fcap", &eff, &prm));
	/* File capabilities work (this one is in the bounding set)... */
	EXPECT_TRUE(prm & BIT64(CAP_NET_BIND_SERVICE));
	/* ...and cannot grant a masked one. */
	EXPECT_FALSE(prm & BIT64(CAP_SYS_ADMIN));
	EXPECT_FALSE(eff & BIT64(CAP_SYS_ADMIN));
}

/*
 * A capability-dumb binary (effective bit) that needs a masked capability
 * does not run at all (commoncap: "insufficient to execute correctly").
 */
TEST(file_caps_exec_dumb)
{
	uint64_t eff, prm;

	ASSERT_EQ(0, set_file_caps("/tmp/vs-fcap-dumb", true));
	EXPECT_EQ(EPERM, exec_caps("/tmp/vs-fcap-dumb", &eff, &prm));
}

TEST(escape_mknod_block_device)
{
	ASSERT_EQ(0, enter_secure_guest(404));
	errno = 0;
	EXPECT_EQ(-1, mknod("/tmp/vs-sda", S_IFBLK | 0600, makedev(8, 0)));
	EXPECT_EQ(EPERM, errno);
}

TEST(escape_mount)
{
	ASSERT_EQ(0, enter_secure_guest(405));
	errno = 0;
	EXPECT_EQ(-1, mount("none", "/tmp", "tmpfs", 0, NULL));
	EXPECT_EQ(EPERM, errno);
	errno = 0;
	EXPECT_EQ(-1, umount("/proc"));
	EXPECT_EQ(EPERM, errno);
}

TEST(escape_sethostname)
{
	ASSERT_EQ(0, enter_secure_guest(406));
	errno = 0;
	EXPECT_EQ(-1, sethostname("escaped", 7));
	EXPECT_EQ(EPERM, errno);
}

/* A guest with context capabilities @ccaps, in its own uts namespace or not. */
static int ccap_guest(uint32_t xid, uint64_t ccaps, bool own_uts)
{
	struct vcmd_caps_v1 cc = { .ccaps = ccaps, .cmask = ~0ULL };

	if (vs_create(xid, VXF_INIT_SET) != xid)
		return -1;
	if (own_uts && unshare(CLONE_NEWUTS))
		return -1;
	if (vs_set_bcaps(VS_SELF, SECURE_BCAPS) || vs_call(VCMD_set_ccaps, VS_SELF, &cc))
		return -1;
	return vs_set_cflags(VS_SELF, 0, VXF_STATE_SETUP) ? -1 : 0;
}

/* Team decision 3: SET_UTSNAME lets guest root name its own uts namespace. */
TEST(ccap_set_utsname_grants)
{
	struct utsname u;
	int status;
	pid_t pid;

	ASSERT_EQ(0, ccap_guest(420, VXC_SET_UTSNAME, true));
	EXPECT_FALSE(capget_field(0) & BIT64(CAP_SYS_ADMIN));
	EXPECT_EQ(0, sethostname("guest420", 8));
	EXPECT_EQ(0, setdomainname("dom420", 6));
	ASSERT_EQ(0, uname(&u));
	EXPECT_STREQ("guest420", u.nodename);
	EXPECT_STREQ("dom420", u.domainname);
	/* Only root of the guest. */
	pid = fork();
	ASSERT_LE(0, pid);
	if (!pid) {
		if (setresuid(1000, 1000, 1000))
			_exit(1);
		_exit(sethostname("user", 4) == -1 && errno == EPERM ? 0 : 2);
	}
	ASSERT_EQ(pid, waitpid(pid, &status, 0));
	EXPECT_EQ(0, WEXITSTATUS(status));
}

/* Never the host's uts namespace, whatever the ccap. */
TEST(ccap_set_utsname_not_the_hosts)
{
	ASSERT_EQ(0, ccap_guest(421, VXC_SET_UTSNAME, false));
	errno = 0;
	EXPECT_EQ(-1, sethostname("escaped", 7));
	EXPECT_EQ(EPERM, errno);
}

/* Without the ccap, guest root in its own uts namespace may not. */
TEST(ccap_set_utsname_needed)
{
	ASSERT_EQ(0, ccap_guest(422, 0, true));
	errno = 0;
	EXPECT_EQ(-1, sethostname("guest422", 8));
	EXPECT_EQ(EPERM, errno);
	errno = 0;
	EXPECT_EQ(-1, setdomainname("dom422", 6));
	EXPECT_EQ(EPERM, errno);
}

static int write_text(const char *path, const char *text)
{
	FILE *f = fopen(path, "w");

	if (!f)
		return -1;
	fputs(text, f);
	return fclose(f);
}

/* The kernel log is the host's: only with the SYSLOG ccap. */
TEST(ccap_syslog_needed)
{
	char buf[64];

	ASSERT_EQ(0, ccap_guest(423, 0, false));
	errno = 0;
	EXPECT_EQ(-1, klogctl(10 /* SYSLOG_ACTION_SIZE_BUFFER */, NULL, 0));
	EXPECT_EQ(EPERM, errno);
	errno = 0;
	EXPECT_EQ(-1, klogctl(3 /* SYSLOG_ACTION_READ_ALL */, buf, sizeof(buf)));
	EXPECT_EQ(EPERM, errno);
	errno = 0;
	EXPECT_EQ(-1, open("/dev/kmsg", O_RDONLY));
	EXPECT_EQ(EPERM, errno);
}

/*
 * With the ccap, guest root reads the log although its bounding set lacks
 * CAP_SYSLOG, also with dmesg_restrict=1 (the restricted path).
 */
static int syslog_with_ccap(void)
{
	struct vcmd_caps_v1 cc = { .ccaps = VXC_SYSLOG, .cmask = ~0ULL };
	char buf[64];
	int fd;

	if (vs_create(424, VXF_INIT_SET) != 424 ||
	    vs_set_bcaps(VS_SELF, SECURE_BCAPS & ~BIT64(CAP_SYSLOG)) ||
	    vs_call(VCMD_set_ccaps, VS_SELF, &cc) ||
	    vs_set_cflags(VS_SELF, 0, VXF_STATE_SETUP))
		return 1;
	if (capget_field(0) & BIT64(CAP_SYSLOG))
		return 2;
	if (klogctl(10, NULL, 0) <= 0)
		return 3;
	if (klogctl(3, buf, sizeof(buf)) < 0)
		return 4;
	fd = open("/dev/kmsg", O_RDONLY | O_NONBLOCK);
	if (fd < 0)
		return 5;
	close(fd);
	return 0;
}

TEST(ccap_syslog_grants)
{
	char old[8] = "0";
	int status;
	pid_t pid;

	ASSERT_LT(0, read_file("/proc/sys/kernel/dmesg_restrict", old, sizeof(old)));
	ASSERT_EQ(0, write_text("/proc/sys/kernel/dmesg_restrict", "1"));
	pid = fork();
	ASSERT_LE(0, pid);
	if (!pid)
		_exit(syslog_with_ccap());
	waitpid(pid, &status, 0);
	write_text("/proc/sys/kernel/dmesg_restrict", old);
	EXPECT_EQ(0, WEXITSTATUS(status));
}

TEST(escape_capset)
{
	struct __user_cap_header_struct h = { _LINUX_CAPABILITY_VERSION_3, 0 };
	struct __user_cap_data_struct d[2] = { 0 };

	ASSERT_EQ(0, enter_secure_guest(407));
	ASSERT_EQ(0, syscall(SYS_capget, &h, d));
	d[0].effective |= 1U << CAP_SYS_ADMIN;
	d[0].permitted |= 1U << CAP_SYS_ADMIN;
	errno = 0;
	EXPECT_EQ(-1, syscall(SYS_capset, &h, d));
	EXPECT_EQ(EPERM, errno);
}

/* The guest keeps CAP_SYS_BOOT (util-vserver's secure set does). */
TEST(escape_reboot)
{
	char before[16], after[16];

	ASSERT_LT(0, read_file("/proc/sys/kernel/ctrl-alt-del", before,
			       sizeof(before)));
	ASSERT_EQ(0, enter_secure_guest(408));
	errno = 0;
	EXPECT_EQ(-1, reboot(RB_AUTOBOOT));
	EXPECT_EQ(EPERM, errno);
	errno = 0;
	EXPECT_EQ(-1, reboot(RB_POWER_OFF));
	EXPECT_EQ(EPERM, errno);
	errno = 0;
	EXPECT_EQ(-1, reboot(RB_KEXEC));
	EXPECT_EQ(EPERM, errno);
	/* Ctrl-Alt-Del belongs to the host: recorded, no effect. */
	EXPECT_EQ(0, reboot(RB_DISABLE_CAD));
	ASSERT_LT(0, read_file("/proc/sys/kernel/ctrl-alt-del", after,
			       sizeof(after)));
	EXPECT_STREQ(before, after);
	/* We are still running: the machine did not go down. */
}

/* With REBOOT_KILL the guest ends, the host does not; wait_exit says why. */
TEST(reboot_kill)
{
	struct vcmd_wait_exit_v0 w = { -1, -1 };
	pid_t guest, other;
	int status, go[2];
	char c;

	ASSERT_EQ(0, pipe(go));
	guest = fork();
	ASSERT_LE(0, guest);
	if (!guest) {
		if (vs_create(409, VXF_INIT_SET | VXF_REBOOT_KILL) != 409 ||
		    vs_set_bcaps(VS_SELF, SECURE_BCAPS) ||
		    vs_set_cflags(VS_SELF, 0, VXF_STATE_SETUP))
			_exit(1);
		other = fork();
		if (!other) {
			pause();
			_exit(0);
		}
		if (read(go[0], &c, 1) != 1)
			_exit(2);
		reboot(RB_HALT_SYSTEM);
		_exit(3);
	}
	while (!vs_exists(409))
		usleep(1000);
	/* wait_exit in a child, started before the guest stops. */
	other = fork();
	ASSERT_LE(0, other);
	if (!other) {
		if (vs_call(VCMD_wait_exit, 409, &w))
			_exit(1);
		_exit(w.reboot_cmd == (int)LINUX_REBOOT_CMD_HALT ? 0 : 2);
	}
	usleep(200000);
	ASSERT_EQ(1, write(go[1], "g", 1));
	ASSERT_EQ(guest, waitpid(guest, &status, 0));
	EXPECT_TRUE(WIFSIGNALED(status));
	EXPECT_EQ(SIGKILL, WTERMSIG(status));
	ASSERT_EQ(other, waitpid(other, &status, 0));
	EXPECT_EQ(0, WEXITSTATUS(status));
	EXPECT_FALSE(vs_exists(409));
}

/* A guest with its own pid namespace: the namespace's init ends. */
TEST(reboot_pid_namespace)
{
	pid_t outer;
	int status;

	outer = fork();
	ASSERT_LE(0, outer);
	if (!outer) {
		pid_t init;

		/* As util-vserver does: the namespace is made during setup. */
		if (vs_create(410, VXF_INIT_SET) != 410 ||
		    unshare(CLONE_NEWPID) ||
		    vs_set_bcaps(VS_SELF, SECURE_BCAPS) ||
		    vs_set_cflags(VS_SELF, 0, VXF_STATE_SETUP))
			_exit(1);
		init = fork();
		if (!init) {
			/* Pid 1 of the new namespace. */
			if (getpid() != 1)
				_exit(2);
			if (reboot(RB_KEXEC) != -1 || errno != EINVAL)
				_exit(3);
			reboot(RB_AUTOBOOT);
			_exit(4);
		}
		waitpid(init, &status, 0);
		/* reboot_pid_ns(): init is killed with SIGHUP for a restart. */
		_exit(WIFSIGNALED(status) && WTERMSIG(status) == SIGHUP ? 0 :
		      10 + (WIFEXITED(status) ? WEXITSTATUS(status) : 9));
	}
	ASSERT_EQ(outer, waitpid(outer, &status, 0));
	EXPECT_EQ(0, WEXITSTATUS(status));
}

int main(int argc, char **argv)
{
	if (argc > 1 && !strcmp(argv[1], "--caps"))
		return print_caps();
	return test_harness_run(argc, argv);
}
