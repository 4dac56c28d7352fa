// SPDX-License-Identifier: GPL-2.0-only
/*
 * vserver selftests - the chroot barrier and the classic escapes
 *
 * Layout (tmpfs): /tmp/vsb is the barrier (the directory holding the guest
 * roots), /tmp/vsb/g1 the guest's root, /tmp/vsb/g2/secret another guest's
 * file. A guest chrooted into g1 tries to reach the secret.
 *
 * Copyright (C) 2026 The vserver authors
 */
#include <fcntl.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/xattr.h>
#include <linux/capability.h>
#include <linux/vserver/inode.h>

#include "common.h"

#define BARRIER "/tmp/vsb"

static long set_iattr(const char *path, uint32_t flags, uint32_t mask)
{
	struct vcmd_iattr_v1 d = { .name = path, .flags = flags, .mask = mask };

	return vs_call(VCMD_set_iattr, 0, &d);
}

static long get_iattr(const char *path, struct vcmd_iattr_v1 *d)
{
	memset(d, 0, sizeof(*d));
	d->name = path;
	return vs_call(VCMD_get_iattr, 0, d);
}

static void make_tree(struct __test_metadata *const _metadata)
{
	int fd;

	mkdir(BARRIER, 0755);
	mkdir(BARRIER "/g1", 0755);
	mkdir(BARRIER "/g1/sub", 0755);
	mkdir(BARRIER "/g2", 0755);
	fd = open(BARRIER "/g2/secret", O_WRONLY | O_CREAT, 0644);
	ASSERT_LE(0, fd);
	close(fd);
	ASSERT_EQ(0, set_iattr(BARRIER, IATTR_BARRIER, IATTR_BARRIER));
}

/*
 * Enter a context and chroot into g1, as util-vserver starts a guest: it
 * changes into the guest root first, since no task of a context, not even
 * one in setup, passes the barrier.
 */
static int enter_guest(uint32_t xid)
{
	if (chdir(BARRIER "/g1"))
		return -1;
	if (vs_create(xid, VXF_INIT_SET) != xid)
		return -1;
	return chroot(".");
}

TEST(set_get)
{
	struct vcmd_iattr_v1 d;
	uint32_t v;

	make_tree(_metadata);
	ASSERT_EQ(0, get_iattr(BARRIER, &d));
	EXPECT_EQ(IATTR_TAG | IATTR_BARRIER, d.flags);
	EXPECT_EQ(IATTR_BARRIER, d.mask);
	/* Persisted as security.vserver, little-endian IATTR bits. */
	ASSERT_EQ(4, getxattr(BARRIER, "security.vserver", &v, sizeof(v)));
	EXPECT_EQ(IATTR_BARRIER, v);
	/* A file cannot be a barrier; its mask says so. */
	ASSERT_EQ(0, get_iattr(BARRIER "/g2/secret", &d));
	EXPECT_EQ(IATTR_TAG, d.flags);
	EXPECT_EQ(0, d.mask);
	errno = 0;
	EXPECT_EQ(-1, set_iattr(BARRIER "/g2/secret", IATTR_BARRIER,
				IATTR_BARRIER));
	EXPECT_EQ(EINVAL, errno);
	/* Clear and set again. */
	ASSERT_EQ(0, set_iattr(BARRIER, 0, IATTR_BARRIER));
	ASSERT_EQ(0, get_iattr(BARRIER, &d));
	EXPECT_EQ(IATTR_TAG, d.flags);
	ASSERT_EQ(0, set_iattr(BARRIER, IATTR_BARRIER, IATTR_BARRIER));
}

TEST(errors)
{
	struct vcmd_iattr_v1 d;
	struct vcmd_fiattr_v0 f;

	make_tree(_metadata);
	errno = 0;
	EXPECT_EQ(-1, get_iattr("/tmp/vsb/nonexistent", &d));
	EXPECT_EQ(ENOENT, errno);
	d.name = (const char *)1;
	errno = 0;
	EXPECT_EQ(-1, vs_call(VCMD_get_iattr, 0, &d));
	EXPECT_EQ(EFAULT, errno);
	errno = 0;
	EXPECT_EQ(-1, vs_call(VCMD_get_iattr, 0, (void *)1));
	EXPECT_EQ(EFAULT, errno);
	errno = 0;
	EXPECT_EQ(-1, vs_call(VCMD_fget_iattr, 12345, &f));
	EXPECT_EQ(EBADF, errno);
	/* The i386 layout of iattr_v1 is not handled yet: ENOSYS, not garbage. */
	EXPECT_EQ(-ENOSYS, vs_call_int80(VCMD_get_iattr, 0, 0));
}

TEST(needs_cap_linux_immutable)
{
	struct __user_cap_header_struct h = { _LINUX_CAPABILITY_VERSION_3, 0 };
	struct __user_cap_data_struct c[2] = { 0 };

	make_tree(_metadata);
	ASSERT_EQ(0, syscall(SYS_capget, &h, c));
	c[0].effective &= ~(1U << CAP_LINUX_IMMUTABLE);
	ASSERT_EQ(0, syscall(SYS_capset, &h, c));
	errno = 0;
	EXPECT_EQ(-1, set_iattr(BARRIER, 0, IATTR_BARRIER));
	EXPECT_EQ(EPERM, errno);
}

TEST(by_fd)
{
	struct vcmd_fiattr_v0 f = { 0 };
	int fd;

	make_tree(_metadata);
	fd = open(BARRIER, O_RDONLY | O_DIRECTORY);
	ASSERT_LE(0, fd);
	ASSERT_EQ(0, vs_call(VCMD_fget_iattr, fd, &f));
	EXPECT_EQ(IATTR_TAG | IATTR_BARRIER, f.flags);
	f.flags = 0;
	f.mask = IATTR_BARRIER;
	ASSERT_EQ(0, vs_call(VCMD_fset_iattr, fd, &f));
	ASSERT_EQ(0, vs_call(VCMD_fget_iattr, fd, &f));
	EXPECT_EQ(IATTR_TAG, f.flags);
	close(fd);
}

TEST(host_traverses)
{
	make_tree(_metadata);
	EXPECT_EQ(0, access(BARRIER "/g2/secret", R_OK));
}

TEST(guest_stays_inside)
{
	make_tree(_metadata);
	ASSERT_EQ(0, enter_guest(500));
	/* Inside its root all is well. */
	EXPECT_EQ(0, access("/sub", X_OK));
	/* The classic: chroot deeper, then walk up. */
	ASSERT_EQ(0, chroot("/sub"));
	errno = 0;
	EXPECT_EQ(-1, chdir("../../.."));
	EXPECT_EQ(EACCES, errno);
	EXPECT_EQ(-1, access("../../g2/secret", F_OK));
}

TEST(dotdot_loop)
{
	int i;

	make_tree(_metadata);
	ASSERT_EQ(0, enter_guest(501));
	/* chroot deeper while cwd stays in g1: cwd is now outside the root. */
	ASSERT_EQ(0, chroot("sub"));
	/* Climb as far as it goes. */
	for (i = 0; i < 10; i++)
		chdir("..");
	/* Stopped below the barrier: still in g1. */
	EXPECT_EQ(0, access("sub", F_OK));
	errno = 0;
	EXPECT_EQ(-1, open("../g2/secret", O_RDONLY));
	EXPECT_EQ(EACCES, errno);
}

/*
 * The barrier itself, named as the last component (".." from just below
 * it), can be neither listed nor changed: a guest must not learn the
 * other guests' names nor chmod the host's directory.
 */
TEST(barrier_itself_untouchable)
{
	make_tree(_metadata);
	ASSERT_EQ(0, enter_guest(506));
	ASSERT_EQ(0, chroot("sub"));
	errno = 0;
	EXPECT_EQ(-1, open("..", O_RDONLY | O_DIRECTORY));
	EXPECT_EQ(EACCES, errno);
	errno = 0;
	EXPECT_EQ(-1, chmod("..", 0777));
	EXPECT_EQ(EACCES, errno);
	errno = 0;
	EXPECT_EQ(-1, chown("..", 1000, 1000));
	EXPECT_EQ(EACCES, errno);
	errno = 0;
	EXPECT_EQ(-1, utimensat(AT_FDCWD, "..", NULL, 0));
	EXPECT_EQ(EACCES, errno);
	errno = 0;
	EXPECT_EQ(-1, setxattr("..", "user.vs", "x", 1, 0));
	EXPECT_EQ(EACCES, errno);
	/* Its own directory (g1, the cwd) stays the guest's. */
	EXPECT_EQ(0, chmod(".", 0755));
}

TEST(fd_kept_across_chroot)
{
	int fd;

	make_tree(_metadata);
	fd = open(BARRIER "/g1", O_RDONLY | O_DIRECTORY);
	ASSERT_LE(0, fd);
	ASSERT_EQ(0, enter_guest(502));
	/* A root below the directory the fd holds. */
	ASSERT_EQ(0, chroot("sub"));
	ASSERT_EQ(0, fchdir(fd));
	errno = 0;
	EXPECT_EQ(-1, openat(fd, "../g2/secret", O_RDONLY));
	EXPECT_EQ(EACCES, errno);
	errno = 0;
	EXPECT_EQ(-1, chdir(".."));
	EXPECT_EQ(EACCES, errno);
}

static int send_fd(int sock, int fd)
{
	char c = 'f', cbuf[CMSG_SPACE(sizeof(int))] = { 0 };
	struct iovec iov = { &c, 1 };
	struct msghdr m = { .msg_iov = &iov, .msg_iovlen = 1,
			    .msg_control = cbuf, .msg_controllen = sizeof(cbuf) };
	struct cmsghdr *cm = CMSG_FIRSTHDR(&m);

	cm->cmsg_level = SOL_SOCKET;
	cm->cmsg_type = SCM_RIGHTS;
	cm->cmsg_len = CMSG_LEN(sizeof(int));
	memcpy(CMSG_DATA(cm), &fd, sizeof(int));
	return sendmsg(sock, &m, 0) == 1 ? 0 : -1;
}

static int recv_fd(int sock)
{
	char c, cbuf[CMSG_SPACE(sizeof(int))];
	struct iovec iov = { &c, 1 };
	struct msghdr m = { .msg_iov = &iov, .msg_iovlen = 1,
			    .msg_control = cbuf, .msg_controllen = sizeof(cbuf) };
	int fd = -1;

	if (recvmsg(sock, &m, 0) != 1 || !CMSG_FIRSTHDR(&m))
		return -1;
	memcpy(&fd, CMSG_DATA(CMSG_FIRSTHDR(&m)), sizeof(int));
	return fd;
}

/* A directory fd of the barrier itself, received over a unix socket. */
TEST(fd_over_unix_socket)
{
	int sv[2], status;
	pid_t guest;

	make_tree(_metadata);
	ASSERT_EQ(0, socketpair(AF_UNIX, SOCK_STREAM, 0, sv));
	guest = fork();
	ASSERT_LE(0, guest);
	if (!guest) {
		int fd;

		if (enter_guest(503))
			_exit(1);
		fd = recv_fd(sv[1]);
		if (fd < 0)
			_exit(2);
		if (openat(fd, "g2/secret", O_RDONLY) != -1 || errno != EACCES)
			_exit(3);
		if (fchdir(fd) != -1 || errno != EACCES)
			_exit(4);
		_exit(0);
	}
	{
		int fd = open(BARRIER, O_RDONLY | O_DIRECTORY);

		ASSERT_LE(0, fd);
		ASSERT_EQ(0, send_fd(sv[0], fd));
	}
	ASSERT_EQ(guest, waitpid(guest, &status, 0));
	EXPECT_EQ(0, WEXITSTATUS(status));
}

/* The guest cannot take the barrier away, even during setup as root. */
TEST(guest_cannot_remove)
{
	uint32_t v = 0;

	make_tree(_metadata);
	ASSERT_EQ(504, vs_create(504, VXF_INIT_SET));
	errno = 0;
	EXPECT_EQ(-1, removexattr(BARRIER, "security.vserver"));
	EXPECT_EQ(EPERM, errno);
	errno = 0;
	EXPECT_EQ(-1, setxattr(BARRIER, "security.vserver", &v, sizeof(v), 0));
	EXPECT_EQ(EPERM, errno);
	errno = 0;
	EXPECT_EQ(-1, set_iattr(BARRIER, 0, IATTR_BARRIER));
	EXPECT_EQ(EPERM, errno);
	/* And it holds: this guest, in setup with every capability. */
	EXPECT_EQ(-1, access(BARRIER "/g2/secret", F_OK));
	EXPECT_EQ(EACCES, errno);
}

/* The spectator is not the host: it does not traverse either. */
TEST(spectator_blocked)
{
	make_tree(_metadata);
	ASSERT_EQ(1, vs_call(VCMD_ctx_migrate, 1, NULL));
	errno = 0;
	EXPECT_EQ(-1, access(BARRIER "/g2/secret", F_OK));
	EXPECT_EQ(EACCES, errno);
}

TEST_HARNESS_MAIN
