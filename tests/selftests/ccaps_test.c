// SPDX-License-Identifier: GPL-2.0-only
/*
 * vserver selftests - context capabilities that grant (team decision 3)
 *
 * Guest root has util-vserver's secure bounding set (no CAP_SYS_ADMIN, no
 * CAP_SYS_RESOURCE). Each context capability must give back exactly its
 * operation: every test runs the operation once without the ccap (EPERM)
 * and once with it (it works), and tries what the ccap must not open.
 * SET_UTSNAME, SYSLOG and TIOCSTI are in caps_test and isolation_test.
 *
 * Copyright (C) 2026 The vserver authors
 */
#include <fcntl.h>
#include <sched.h>
#include <sys/ioctl.h>
#include <sys/mount.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/statvfs.h>
#include <linux/capability.h>
#include <linux/dm-ioctl.h>
#include <linux/io_uring.h>
#include <linux/loop.h>
#include <linux/quota.h>
#include <linux/vserver/inode.h>

#include "common.h"

/* util-vserver's "secure" bounding set (ABI §4.3). */
#define SECURE_BCAPS 0xFFFFFFFFB44C04FFULL
#define DIR_A "/tmp/vs-ccap-a"
#define DIR_B "/tmp/vs-ccap-b"

/*
 * Become root of a new guest @xid with the secure bounding set and context
 * capabilities @ccaps, past setup. With @own_mnt the guest gets a private
 * mount namespace first; @umask is its unshare mask.
 */
static int ccap_guest(uint32_t xid, uint64_t ccaps, bool own_mnt,
		      uint64_t umask)
{
	struct vcmd_caps_v1 cc = { .ccaps = ccaps, .cmask = ~0ULL };
	struct vcmd_umask um = { .umask = umask, .mask = ~0ULL };

	mkdir(DIR_A, 0755);
	mkdir(DIR_B, 0755);
	if (vs_create(xid, VXF_INIT_SET) != xid)
		return -1;
	if (own_mnt && (unshare(CLONE_NEWNS) ||
			mount(NULL, "/", NULL, MS_REC | MS_PRIVATE, NULL)))
		return -1;
	if (vs_set_bcaps(VS_SELF, SECURE_BCAPS) ||
	    vs_call(VCMD_set_ccaps, VS_SELF, &cc) ||
	    vs_call(VCMD_set_umask, VS_SELF, &um))
		return -1;
	return vs_set_cflags(VS_SELF, 0, VXF_STATE_SETUP) ? -1 : 0;
}

/* errno of mount(2), 0 when it worked (and the mount is gone again). */
static int try_mount(const char *src, const char *type, const void *data)
{
	if (mount(src, DIR_A, type, 0, data))
		return errno;
	umount(DIR_A);
	return 0;
}

/*
 * coda's binary mount data (struct coda_mount_data), without a pseudo
 * device: it parses, and the mount fails after the permission check.
 */
static const int coda_data[2] = { 1 /* CODA_MOUNT_VERSION */, -1 };

static bool nodev(const char *path)
{
	struct statvfs st;

	return !statvfs(path, &st) && (st.f_flag & ST_NODEV);
}

/* --- SECURE_MOUNT, DEV_MOUNT, BINARY_MOUNT ------------------------------- */

TEST(mount_needs_secure_mount)
{
	ASSERT_EQ(0, ccap_guest(600, VXC_DEV_MOUNT | VXC_BINARY_MOUNT, true, 0));
	EXPECT_EQ(EPERM, try_mount("none", "tmpfs", NULL));
	EXPECT_EQ(EPERM, try_mount("proc", "proc", NULL));
	errno = 0;
	EXPECT_EQ(-1, mount("/tmp", DIR_A, NULL, MS_BIND, NULL));
	EXPECT_EQ(EPERM, errno);
	errno = 0;
	EXPECT_EQ(-1, fsopen("tmpfs", 0));
	EXPECT_EQ(EPERM, errno);
}

TEST(secure_mount_grants_private_filesystems)
{
	ASSERT_EQ(0, ccap_guest(601, VXC_SECURE_MOUNT, true, 0));
	ASSERT_EQ(0, mount("none", DIR_A, "tmpfs", 0, "size=1m"));
	/* Device nodes are ignored on it: no DEV_MOUNT. */
	EXPECT_TRUE(nodev(DIR_A));
	EXPECT_EQ(0, umount(DIR_A));
	EXPECT_EQ(0, try_mount("proc", "proc", NULL));
	EXPECT_EQ(0, try_mount("none", "mqueue", NULL));
	EXPECT_EQ(0, try_mount("none", "ramfs", NULL));
	/* A devpts instance of its own keeps its ptys usable. */
	ASSERT_EQ(0, mount("devpts", DIR_A, "devpts", 0, "ptmxmode=0666"));
	EXPECT_FALSE(nodev(DIR_A));
	EXPECT_EQ(0, umount(DIR_A));
	/* Bind mounts of what the guest sees, and moving them. */
	ASSERT_EQ(0, mount("/tmp", DIR_A, NULL, MS_BIND, NULL));
	EXPECT_EQ(0, mount(DIR_A, DIR_B, NULL, MS_MOVE, NULL));
	EXPECT_EQ(0, umount(DIR_B));
}

/* Filesystems that show the host's kernel objects are never granted. */
TEST(secure_mount_refuses_host_filesystems)
{
	ASSERT_EQ(0, ccap_guest(602, VXC_SECURE_MOUNT, true, 0));
	EXPECT_EQ(EPERM, try_mount("sysfs", "sysfs", NULL));
	EXPECT_EQ(EPERM, try_mount("cgroup2", "cgroup2", NULL));
	EXPECT_EQ(EPERM, try_mount("devtmpfs", "devtmpfs", NULL));
	EXPECT_EQ(EPERM, try_mount("securityfs", "securityfs", NULL));
	/* Block device and binary data filesystems need more ccaps. */
	EXPECT_EQ(EPERM, try_mount("/dev/vs-none", "ext4", NULL));
	EXPECT_EQ(EPERM, try_mount("none", "coda", coda_data));
}

/* Reconfiguring a superblock may change it for the host: refused. */
TEST(secure_mount_no_superblock_remount)
{
	ASSERT_EQ(0, ccap_guest(603, VXC_SECURE_MOUNT, true, 0));
	errno = 0;
	EXPECT_EQ(-1, mount(NULL, "/", NULL, MS_REMOUNT | MS_RDONLY, NULL));
	EXPECT_EQ(EPERM, errno);
	ASSERT_EQ(0, mount("none", DIR_A, "tmpfs", 0, NULL));
	errno = 0;
	EXPECT_EQ(-1, mount(NULL, DIR_A, NULL, MS_REMOUNT | MS_RDONLY, NULL));
	EXPECT_EQ(EPERM, errno);
	/* Per-mount flags of its own mount are its business. */
	EXPECT_EQ(0, mount(NULL, DIR_A, NULL,
			   MS_REMOUNT | MS_BIND | MS_RDONLY, NULL));
}

/* Like SET_UTSNAME: never in the host's mount namespace. */
TEST(secure_mount_not_the_hosts_namespace)
{
	ASSERT_EQ(0, ccap_guest(604, VXC_SECURE_MOUNT | VXC_DEV_MOUNT, false, 0));
	EXPECT_EQ(EPERM, try_mount("none", "tmpfs", NULL));
	/* EPERM comes before EINVAL (not a mount point). */
	errno = 0;
	EXPECT_EQ(-1, umount(DIR_A));
	EXPECT_EQ(EPERM, errno);
	errno = 0;
	EXPECT_EQ(-1, fsopen("tmpfs", 0));
	EXPECT_EQ(EPERM, errno);
}

/* Only root of the guest. */
TEST(secure_mount_root_only)
{
	ASSERT_EQ(0, ccap_guest(605, VXC_SECURE_MOUNT, true, 0));
	ASSERT_EQ(0, setresuid(1000, 1000, 1000));
	EXPECT_EQ(EPERM, try_mount("none", "tmpfs", NULL));
}

/* The new mount API obeys the same rules. */
TEST(secure_mount_new_api)
{
	int fs, mnt;

	ASSERT_EQ(0, ccap_guest(606, VXC_SECURE_MOUNT, true, 0));
	fs = fsopen("tmpfs", FSOPEN_CLOEXEC);
	ASSERT_LE(0, fs);
	ASSERT_EQ(0, fsconfig(fs, FSCONFIG_CMD_CREATE, NULL, NULL, 0));
	mnt = fsmount(fs, FSMOUNT_CLOEXEC, 0);
	ASSERT_LE(0, mnt);
	ASSERT_EQ(0, move_mount(mnt, "", AT_FDCWD, DIR_A,
				MOVE_MOUNT_F_EMPTY_PATH));
	EXPECT_TRUE(nodev(DIR_A));
	close(mnt);
	close(fs);
	EXPECT_EQ(0, umount(DIR_A));
	/* sysfs refuses in its own fsopen; cgroup2 is refused at creation. */
	errno = 0;
	EXPECT_EQ(-1, fsopen("sysfs", FSOPEN_CLOEXEC));
	EXPECT_EQ(EPERM, errno);
	fs = fsopen("cgroup2", FSOPEN_CLOEXEC);
	ASSERT_LE(0, fs);
	errno = 0;
	EXPECT_EQ(-1, fsconfig(fs, FSCONFIG_CMD_CREATE, NULL, NULL, 0));
	EXPECT_EQ(EPERM, errno);
	close(fs);
}

TEST(dev_mount_keeps_device_nodes)
{
	ASSERT_EQ(0, ccap_guest(607, VXC_SECURE_MOUNT | VXC_DEV_MOUNT, true, 0));
	ASSERT_EQ(0, mount("none", DIR_A, "tmpfs", 0, NULL));
	EXPECT_FALSE(nodev(DIR_A));
	EXPECT_EQ(0, umount(DIR_A));
	/* A block device filesystem gets past the permission check. */
	EXPECT_EQ(ENOENT, try_mount("/dev/vs-none", "ext4", NULL));
	/* Still no host filesystems. */
	EXPECT_EQ(EPERM, try_mount("devtmpfs", "devtmpfs", NULL));
}

TEST(binary_mount_grants_binary_data)
{
	ASSERT_EQ(0, ccap_guest(608, VXC_SECURE_MOUNT | VXC_BINARY_MOUNT,
				true, 0));
	/* Past the permission check, coda wants its pseudo device. */
	EXPECT_EQ(EINVAL, try_mount("none", "coda", coda_data));
	EXPECT_EQ(EPERM, try_mount("/dev/vs-none", "ext4", NULL));
}

/* The host mounts as before, nodev only when asked. */
TEST(host_mounts_unchanged)
{
	ASSERT_EQ(0, unshare(CLONE_NEWNS));
	ASSERT_EQ(0, mount(NULL, "/", NULL, MS_REC | MS_PRIVATE, NULL));
	mkdir(DIR_A, 0755);
	ASSERT_EQ(0, mount("none", DIR_A, "tmpfs", 0, NULL));
	EXPECT_FALSE(nodev(DIR_A));
	EXPECT_EQ(0, umount(DIR_A));
	EXPECT_EQ(0, try_mount("sysfs", "sysfs", NULL));
}

/*
 * Escapes through mounts: a guest with SECURE_MOUNT and DEV_MOUNT, in a
 * mount namespace of its own and chrooted the util-vserver way (no
 * pivot_root), with the barrier on the parent of its root, plays the
 * chroot-deeper trick (root below its cwd) and tries to bind, clone or
 * reach through /proc what lies beyond its root. The barrier holds for
 * mount(2) and open_tree(2) path walks as for any other.
 */
#define ESC "/tmp/vs-esc"

static int escape_tree(void)
{
	struct vcmd_iattr_v1 d = {
		.name = ESC, .flags = IATTR_BARRIER, .mask = IATTR_BARRIER,
	};
	int fd;

	mkdir(ESC, 0755);
	mkdir(ESC "/g1", 0755);
	mkdir(ESC "/g1/sub", 0755);
	mkdir(ESC "/g1/sub/mnt", 0755);
	mkdir(ESC "/g1/sub/proc", 0755);
	mkdir(ESC "/g2", 0755);
	fd = open(ESC "/g2/secret", O_WRONLY | O_CREAT, 0644);
	if (fd < 0)
		return -1;
	close(fd);
	return vs_call(VCMD_set_iattr, 0, &d);
}

TEST(secure_mount_no_escape)
{
	struct vcmd_caps_v1 cc = {
		.ccaps = VXC_SECURE_MOUNT | VXC_DEV_MOUNT, .cmask = ~0ULL,
	};
	int tree;

	ASSERT_EQ(0, escape_tree());
	ASSERT_EQ(0, chdir(ESC "/g1"));
	ASSERT_EQ(660, vs_create(660, VXF_INIT_SET));
	ASSERT_EQ(0, unshare(CLONE_NEWNS));
	ASSERT_EQ(0, mount(NULL, "/", NULL, MS_REC | MS_PRIVATE, NULL));
	ASSERT_EQ(0, chroot("."));
	ASSERT_EQ(0, vs_set_bcaps(VS_SELF, SECURE_BCAPS));
	ASSERT_EQ(0, vs_call(VCMD_set_ccaps, VS_SELF, &cc));
	ASSERT_EQ(0, vs_set_cflags(VS_SELF, 0, VXF_STATE_SETUP));
	/* Root in sub, cwd left above it in g1. */
	ASSERT_EQ(0, chroot("sub"));
	/* Through the barrier: refused as for any walk. */
	errno = 0;
	EXPECT_EQ(-1, mount("../g2", "/mnt", NULL, MS_BIND, NULL));
	EXPECT_EQ(EACCES, errno);
	errno = 0;
	EXPECT_EQ(-1, open_tree(AT_FDCWD, "../g2", OPEN_TREE_CLONE));
	EXPECT_EQ(EACCES, errno);
	/*
	 * The barrier itself, named by "..", can be bound: a handle on a
	 * directory that can be neither listed nor entered.
	 */
	ASSERT_EQ(0, mount("..", "/mnt", NULL, MS_BIND, NULL));
	errno = 0;
	EXPECT_EQ(-1, open("/mnt", O_RDONLY | O_DIRECTORY));
	EXPECT_EQ(EACCES, errno);
	errno = 0;
	EXPECT_EQ(-1, access("/mnt/g2/secret", F_OK));
	EXPECT_EQ(EACCES, errno);
	errno = 0;
	EXPECT_EQ(-1, chdir("/mnt"));
	EXPECT_EQ(EACCES, errno);
	EXPECT_EQ(0, umount("/mnt"));
	tree = open_tree(AT_FDCWD, "..", OPEN_TREE_CLONE);
	ASSERT_LE(0, tree);
	errno = 0;
	EXPECT_EQ(-1, openat(tree, "g2/secret", O_RDONLY));
	EXPECT_EQ(EACCES, errno);
	errno = 0;
	EXPECT_EQ(-1, openat(tree, ".", O_RDONLY | O_DIRECTORY));
	EXPECT_EQ(EACCES, errno);
	close(tree);
	/* Through a proc of its own: its cwd's parent, and the host's init. */
	ASSERT_EQ(0, mount("proc", "/proc", "proc", 0, NULL));
	errno = 0;
	EXPECT_EQ(-1, access("/proc/self/cwd/../g2/secret", F_OK));
	EXPECT_EQ(EACCES, errno);
	EXPECT_EQ(-1, access("/proc/1/root/tmp", F_OK));
	/* What it may bind (its own cwd) leads nowhere beyond. */
	ASSERT_EQ(0, mount(".", "/mnt", NULL, MS_BIND, NULL));
	EXPECT_EQ(0, access("/mnt/sub", F_OK));
	EXPECT_EQ(-1, access("/mnt/../g2/secret", F_OK));
}

/* --- SET_RLIMIT ---------------------------------------------------------- */

static int raise_nofile(void)
{
	struct rlimit r;

	if (getrlimit(RLIMIT_NOFILE, &r))
		return errno;
	r.rlim_max += 1;
	return setrlimit(RLIMIT_NOFILE, &r) ? errno : 0;
}

TEST(set_rlimit_needed)
{
	struct rlimit r;

	ASSERT_EQ(0, ccap_guest(610, 0, false, 0));
	EXPECT_EQ(EPERM, raise_nofile());
	/* Lowering needs nothing. */
	ASSERT_EQ(0, getrlimit(RLIMIT_NOFILE, &r));
	r.rlim_max -= 1;
	EXPECT_EQ(0, setrlimit(RLIMIT_NOFILE, &r));
}

TEST(set_rlimit_grants)
{
	struct rlimit r = { 1U << 30, 1U << 30 };

	ASSERT_EQ(0, ccap_guest(611, VXC_SET_RLIMIT, false, 0));
	EXPECT_EQ(0, raise_nofile());
	/* Not beyond fs.nr_open: that ceiling is the host's. */
	errno = 0;
	EXPECT_EQ(-1, setrlimit(RLIMIT_NOFILE, &r));
	EXPECT_EQ(EPERM, errno);
	ASSERT_EQ(0, setresuid(1000, 1000, 1000));
	EXPECT_EQ(EPERM, raise_nofile());
}

/* --- QUOTA_CTL ----------------------------------------------------------- */

#define QUOTA_DIR "/tmp/vs-quota"

static int set_quota(int fd, uint32_t id)
{
	struct if_dqblk dq = { .dqb_bhardlimit = 100, .dqb_valid = QIF_BLIMITS };

	return syscall(__NR_quotactl_fd, fd, QCMD(Q_SETQUOTA, USRQUOTA), id,
		       &dq) ? errno : 0;
}

/* A tmpfs with user quota, mounted by the host in a private namespace. */
static int quota_fs(void)
{
	mkdir(QUOTA_DIR, 0755);
	if (unshare(CLONE_NEWNS) ||
	    mount(NULL, "/", NULL, MS_REC | MS_PRIVATE, NULL) ||
	    mount("none", QUOTA_DIR, "tmpfs", 0, "usrquota"))
		return -1;
	return open(QUOTA_DIR, O_RDONLY | O_DIRECTORY);
}

TEST(quota_ctl_needed)
{
	struct if_dqinfo info;
	int fd = quota_fs();

	ASSERT_LE(0, fd);
	ASSERT_EQ(0, set_quota(fd, 999));
	ASSERT_EQ(0, ccap_guest(612, 0, false, 0));
	EXPECT_EQ(EPERM, set_quota(fd, 1000));
	/* What needs no privilege stays free. */
	EXPECT_EQ(0, syscall(__NR_quotactl_fd, fd, QCMD(Q_GETINFO, USRQUOTA),
			     0, &info));
}

TEST(quota_ctl_grants)
{
	struct if_dqblk dq = { 0 };
	int fd = quota_fs();

	ASSERT_LE(0, fd);
	ASSERT_EQ(0, ccap_guest(613, VXC_QUOTA_CTL, false, 0));
	EXPECT_EQ(0, set_quota(fd, 1000));
	ASSERT_EQ(0, syscall(__NR_quotactl_fd, fd, QCMD(Q_GETQUOTA, USRQUOTA),
			     1000, &dq));
	EXPECT_EQ(100, dq.dqb_bhardlimit);
	ASSERT_EQ(0, setresuid(1000, 1000, 1000));
	EXPECT_EQ(EPERM, set_quota(fd, 1001));
}

/* --- ADMIN_CLOOP, ADMIN_MAPPER ------------------------------------------- */

#define LOOP_FILE "/tmp/vs-loop.img"

static int backing_file(void)
{
	int fd = open(LOOP_FILE, O_RDWR | O_CREAT, 0600);

	if (fd < 0 || ftruncate(fd, 1 << 20))
		return -1;
	return fd;
}

TEST(admin_cloop_needed)
{
	struct loop_info64 info;
	int ctl, loop, file;

	file = backing_file();
	ASSERT_LE(0, file);
	ctl = open("/dev/loop-control", O_RDWR);
	ASSERT_LE(0, ctl);
	loop = open("/dev/loop7", O_RDWR);
	ASSERT_LE(0, loop);
	ASSERT_EQ(0, ccap_guest(614, 0, false, 0));
	errno = 0;
	EXPECT_EQ(-1, ioctl(ctl, LOOP_CTL_GET_FREE));
	EXPECT_EQ(EPERM, errno);
	errno = 0;
	EXPECT_EQ(-1, ioctl(loop, LOOP_SET_FD, file));
	EXPECT_EQ(EPERM, errno);
	errno = 0;
	EXPECT_EQ(-1, ioctl(loop, LOOP_CONFIGURE, NULL));
	EXPECT_EQ(EPERM, errno);
	/* Reading a loop device's status is free (it is unbound). */
	errno = 0;
	EXPECT_EQ(-1, ioctl(loop, LOOP_GET_STATUS64, &info));
	EXPECT_EQ(ENXIO, errno);
}

TEST(admin_cloop_grants)
{
	struct loop_info64 info;
	int ctl, loop, file;

	file = backing_file();
	ASSERT_LE(0, file);
	ASSERT_EQ(0, ccap_guest(615, VXC_ADMIN_CLOOP, false, 0));
	ctl = open("/dev/loop-control", O_RDWR);
	ASSERT_LE(0, ctl);
	EXPECT_LE(0, ioctl(ctl, LOOP_CTL_GET_FREE));
	loop = open("/dev/loop6", O_RDWR);
	ASSERT_LE(0, loop);
	ASSERT_EQ(0, ioctl(loop, LOOP_SET_FD, file));
	EXPECT_EQ(0, ioctl(loop, LOOP_GET_STATUS64, &info));
	EXPECT_EQ(0, ioctl(loop, LOOP_CLR_FD));
}

static int dm_version(int fd)
{
	struct dm_ioctl dmi = {
		.version = { DM_VERSION_MAJOR, 0, 0 },
		.data_size = sizeof(dmi),
	};

	return ioctl(fd, DM_VERSION, &dmi) ? errno : 0;
}

TEST(admin_mapper)
{
	int fd = open("/dev/mapper/control", O_RDWR);

	ASSERT_LE(0, fd);
	EXPECT_EQ(0, dm_version(fd));
	ASSERT_EQ(0, ccap_guest(616, 0, false, 0));
	EXPECT_EQ(EPERM, dm_version(fd));
	fd = open("/dev/mapper/control", O_RDWR);
	ASSERT_LE(0, fd);
	EXPECT_EQ(EPERM, dm_version(fd));
}

TEST(admin_mapper_grants)
{
	int fd;

	ASSERT_EQ(0, ccap_guest(617, VXC_ADMIN_MAPPER, false, 0));
	fd = open("/dev/mapper/control", O_RDWR);
	ASSERT_LE(0, fd);
	EXPECT_EQ(0, dm_version(fd));
	ASSERT_EQ(0, setresuid(1000, 1000, 1000));
	EXPECT_EQ(EACCES, dm_version(fd));
}

/* --- KTHREAD ------------------------------------------------------------- */

static int sqpoll_ring(void)
{
	struct io_uring_params p = { .flags = IORING_SETUP_SQPOLL };
	int fd = syscall(__NR_io_uring_setup, 4, &p);

	if (fd < 0)
		return -errno;
	close(fd);
	return 0;
}

TEST(kthread)
{
	struct io_uring_params p = { 0 };
	int fd;

	EXPECT_EQ(0, sqpoll_ring());
	ASSERT_EQ(0, ccap_guest(618, 0, false, 0));
	EXPECT_EQ(-EPERM, sqpoll_ring());
	/* A ring without a kernel thread of its own is not the ccap's. */
	fd = syscall(__NR_io_uring_setup, 4, &p);
	EXPECT_LE(0, fd);
	close(fd);
}

TEST(kthread_grants)
{
	ASSERT_EQ(0, ccap_guest(619, VXC_KTHREAD, false, 0));
	EXPECT_EQ(0, sqpoll_ring());
}

/* --- NAMESPACE ----------------------------------------------------------- */

TEST(namespace_needed)
{
	ASSERT_EQ(0, ccap_guest(620, 0, false, CLONE_NEWUTS | CLONE_NEWIPC));
	errno = 0;
	EXPECT_EQ(-1, unshare(CLONE_NEWUTS));
	EXPECT_EQ(EPERM, errno);
	errno = 0;
	EXPECT_EQ(-1, syscall(SYS_clone, CLONE_NEWIPC | SIGCHLD, 0, 0, 0, 0));
	EXPECT_EQ(EPERM, errno);
}

TEST(namespace_grants)
{
	int status;
	long pid;

	ASSERT_EQ(0, ccap_guest(621, VXC_NAMESPACE, false,
				CLONE_NEWUTS | CLONE_NEWIPC));
	EXPECT_EQ(0, unshare(CLONE_NEWUTS));
	pid = syscall(SYS_clone, CLONE_NEWIPC | SIGCHLD, 0, 0, 0, 0);
	ASSERT_LE(0, pid);
	if (!pid)
		_exit(0);
	ASSERT_EQ(pid, waitpid(pid, &status, 0));
	EXPECT_EQ(0, status);
	/* The unshare mask still bounds the kinds. */
	errno = 0;
	EXPECT_EQ(-1, unshare(CLONE_NEWNET));
	EXPECT_EQ(EPERM, errno);
	ASSERT_EQ(0, setresuid(1000, 1000, 1000));
	errno = 0;
	EXPECT_EQ(-1, unshare(CLONE_NEWIPC));
	EXPECT_EQ(EPERM, errno);
}

TEST_HARNESS_MAIN
