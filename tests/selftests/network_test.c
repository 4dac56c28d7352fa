// SPDX-License-Identifier: GPL-2.0-only
/*
 * vserver selftests - network contexts: the nid commands (success and every
 * errno), their /proc files, and address isolation with real traffic on the
 * shared stack over loopback, IPv4 and IPv6.
 *
 * Addresses: 10.77.0.1 (guest A, nid 201), 10.77.0.2 (guest B, nid 202),
 * 10.77.0.9 (the host's), fd77::1, fd77::2, fd77::9 likewise; all on lo,
 * added by the fixture. Every guest runs in a forked child that created
 * its network context, so the test process stays in nid 0.
 *
 * Copyright (C) 2026 The vserver authors
 */
#include <arpa/inet.h>
#include <fcntl.h>
#include <ifaddrs.h>
#include <net/if.h>
#include <netinet/in.h>
#include <sched.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <sys/un.h>

#include <linux/ethtool.h>
#include <linux/inet_diag.h>
#include <linux/netlink.h>
#include <linux/neighbour.h>
#include <linux/rtnetlink.h>
#include <linux/sock_diag.h>
#include <linux/sockios.h>

#include <linux/vserver/network.h>
#include <sys/mman.h>

#include "common.h"
#include "vserver.h" /* libvserver, linked in */

#define NID_A 201
#define NID_B 202

static int enter_guest(uint32_t nid, const char *v4, const char *v6);

/* --- the commands ----------------------------------------------------------- */

static long net_create(uint32_t nid, const uint64_t *flags)
{
	struct vcmd_net_create d = { .flagword = flags ? *flags : 0 };

	return vs_call(VCMD_net_create, nid, flags ? &d : NULL);
}

static long add4(uint32_t nid, uint16_t type, const char *ip, const char *mask)
{
	struct vcmd_net_addr_ipv4_v1 d = { .type = type };

	inet_pton(AF_INET, ip, &d.ip);
	inet_pton(AF_INET, mask ? mask : "255.255.255.255", &d.mask);
	return vs_call(VCMD_net_add_ipv4_v1, nid, &d);
}

static long rem4(uint32_t nid, uint16_t type, const char *ip, const char *mask)
{
	struct vcmd_net_addr_ipv4_v1 d = { .type = type };

	inet_pton(AF_INET, ip, &d.ip);
	inet_pton(AF_INET, mask ? mask : "255.255.255.255", &d.mask);
	return vs_call(VCMD_net_rem_ipv4_v1, nid, &d);
}

static long range4(uint32_t cmd, uint32_t nid, const char *ip, const char *ip2)
{
	struct vcmd_net_addr_ipv4_v2 d = { .type = NXA_TYPE_RANGE };

	inet_pton(AF_INET, ip, &d.ip);
	inet_pton(AF_INET, ip2, &d.ip2);
	return vs_call(cmd, nid, &d);
}

static long v6cmd(uint32_t cmd, uint32_t nid, uint16_t type, const char *ip,
		  uint32_t prefix)
{
	struct vcmd_net_addr_ipv6_v1 d = { .type = type, .prefix = prefix };
	unsigned int i;

	inet_pton(AF_INET6, ip, d.ip);
	for (i = 0; i < 128 && i < prefix; i++)
		d.mask[i / 8] |= 0x80 >> (i % 8);
	return vs_call(cmd, nid, &d);
}

static long set_nflags(uint32_t nid, uint64_t flags, uint64_t mask)
{
	struct vcmd_flags_v0 d = { flags, mask };

	return vs_call(VCMD_set_nflags, nid, &d);
}

static uint64_t nflags(uint32_t nid)
{
	struct vcmd_flags_v0 d = { 0, 0 };

	return vs_call(VCMD_get_nflags, nid, &d) ? ~0ULL : d.flagword;
}

static int task_nid(void)
{
	return (int)vs_call(VCMD_task_nid, 0, NULL);
}

/* Run @fn in a child; returns its exit status (or 200 + signal). */
static int in_child(int (*fn)(void *), void *arg)
{
	int st;
	pid_t pid = fork();

	if (!pid)
		_exit(fn(arg));
	waitpid(pid, &st, 0);
	return WIFEXITED(st) ? WEXITSTATUS(st) : 200 + WTERMSIG(st);
}

static int nid_exists(uint32_t nid)
{
	char path[64];

	snprintf(path, sizeof(path), "/proc/virtnet/%u", nid);
	return access(path, F_OK) == 0;
}

static unsigned int ctotal(void)
{
	char buf[256], *p;

	if (read_file("/proc/virtnet/status", buf, sizeof(buf)) < 0)
		return ~0U;
	p = strstr(buf, "#CTotal:\t");
	return p ? (unsigned int)strtoul(p + 9, NULL, 10) : ~0U;
}

/*
 * First in the file: TCP sockets of later tests linger after close (FIN,
 * TIME_WAIT) holding their network context's structure, as they should,
 * which would move the count under this test.
 */
TEST(sockets_of_a_dead_context_do_not_leak)
{
	unsigned int before = ctotal();
	int sv[2], st;
	pid_t pid;

	/* A guest passes one of its sockets to the host, then exits. */
	ASSERT_EQ(0, socketpair(AF_UNIX, SOCK_STREAM, 0, sv));
	pid = fork();
	if (!pid) {
		int fd;
		char c = 0;
		char cbuf[CMSG_SPACE(sizeof(int))] = { 0 };
		struct iovec iov = { &c, 1 };
		struct msghdr m = { .msg_iov = &iov, .msg_iovlen = 1,
				    .msg_control = cbuf, .msg_controllen = sizeof(cbuf) };
		struct cmsghdr *h = CMSG_FIRSTHDR(&m);

		if (enter_guest(250, "10.77.0.1", NULL))
			_exit(1);
		fd = socket(AF_INET, SOCK_DGRAM, 0);
		h->cmsg_level = SOL_SOCKET;
		h->cmsg_type = SCM_RIGHTS;
		h->cmsg_len = CMSG_LEN(sizeof(int));
		memcpy(CMSG_DATA(h), &fd, sizeof(int));
		_exit(sendmsg(sv[0], &m, 0) == 1 ? 0 : 2);
	}
	waitpid(pid, &st, 0);
	ASSERT_EQ(0, WEXITSTATUS(st));
	/* The context ended with its task; its structure lives in the socket. */
	EXPECT_FALSE(nid_exists(250));
	EXPECT_EQ(before + 1, ctotal());
	close(sv[0]);
	close(sv[1]); /* the queued socket goes with it */
	/* Freed after an RCU grace period. */
	for (st = 0; st < 50 && ctotal() != before; st++)
		usleep(100000);
	EXPECT_EQ(before, ctotal());
}

/* Errors in the order of ABI §1.5, for a child that created nid 210. */
static int create_errors(void *arg)
{
	uint64_t setup = NXF_STATE_SETUP | NXF_STATE_ADMIN;

	if (net_create(0, NULL) != -1 || errno != EINVAL)
		return 1;
	if (net_create(1, NULL) != -1 || errno != EINVAL)
		return 2;
	if (net_create(65536, NULL) != -1 || errno != EINVAL)
		return 3;
	if (net_create(210, NULL) != 210)
		return 4;
	if (task_nid() != 210)
		return 5;
	if (net_create(210, NULL) != -1 || errno != EEXIST)
		return 6;
	if (net_create(211, &setup) != 211)
		return 7;
	if (net_create(211, NULL) != -1 || errno != EBUSY)
		return 8;
	if (vs_call(VCMD_net_create, 212, (void *)1) != -1 || errno != EFAULT)
		return 9;
	return 0;
}

TEST(create)
{
	char buf[4096];

	EXPECT_EQ(0, in_child(create_errors, NULL));
	/* Both ended with their only task. */
	EXPECT_FALSE(nid_exists(210));
	EXPECT_FALSE(nid_exists(211));
	EXPECT_EQ(0, task_nid());
	/* The host's own line. */
	ASSERT_LT(0, read_file("/proc/self/status", buf, sizeof(buf)));
	EXPECT_NE(NULL, strstr(buf, "\nNxID:\t0\n"));
}

static int guest_creates(void *arg)
{
	if (vs_create(220, VXF_INIT_SET) != 220)
		return 1;
	return net_create(221, NULL) == -1 && errno == EPERM ? 0 : 2;
}

TEST(create_from_guest_is_eperm)
{
	EXPECT_EQ(0, in_child(guest_creates, NULL));
	EXPECT_FALSE(nid_exists(221));
}

static int nxid_line(void *arg)
{
	char buf[4096];
	uint64_t persist = NXF_INIT_SET | NXF_PERSISTENT;

	if (net_create(230, &persist) != 230)
		return 1;
	if (read_file("/proc/self/status", buf, sizeof(buf)) < 0 ||
	    !strstr(buf, "\nNxID:\t230\n"))
		return 2;
	return 0;
}

TEST(persistent_nxid_and_proc)
{
	char buf[1024];
	struct vcmd_nx_info_v0 info = { 0 };
	struct vcmd_flags_v0 f = { 0, NXF_PERSISTENT };

	ASSERT_EQ(0, in_child(nxid_line, NULL));
	/* PERSISTENT keeps it without tasks. */
	ASSERT_TRUE(nid_exists(230));
	EXPECT_EQ(0, vs_call(VCMD_nx_info, 230, &info));
	EXPECT_EQ(230, info.nid);
	ASSERT_LT(0, read_file("/proc/virtnet/230/status", buf, sizeof(buf)));
	EXPECT_NE(NULL, strstr(buf, "Tasks:\t0\n"));
	EXPECT_NE(NULL, strstr(buf, "Flags:\t0000004406000200\n"));
	ASSERT_LT(0, read_file("/proc/virtnet/230/info", buf, sizeof(buf)));
	EXPECT_NE(NULL, strstr(buf, "ID:\t230\n"));
	EXPECT_NE(NULL, strstr(buf, "Bcast:\t255.255.255.255\n"));
	/* 127.0.0.1 ^ (230 << 8) */
	EXPECT_NE(NULL, strstr(buf, "Lback:\t127.0.230.1\n"));
	ASSERT_LT(0, read_file("/proc/virtnet/status", buf, sizeof(buf)));
	EXPECT_NE(NULL, strstr(buf, "#CActive:\t"));
	/* Clearing PERSISTENT ends it. */
	EXPECT_EQ(0, vs_call(VCMD_set_nflags, 230, &f));
	EXPECT_FALSE(nid_exists(230));
	errno = 0;
	EXPECT_EQ(-1, vs_call(VCMD_nx_info, 230, &info));
	EXPECT_EQ(ESRCH, errno);
}

/* A persistent network context the host can configure: the test's nid. */
static void make_persistent(uint32_t nid)
{
	pid_t pid = fork();
	uint64_t f = NXF_INIT_SET | NXF_PERSISTENT;

	if (!pid)
		_exit(net_create(nid, &f) == (long)nid ? 0 : 1);
	waitpid(pid, NULL, 0);
}

static void end_persistent(uint32_t nid)
{
	struct vcmd_flags_v0 f = { 0, NXF_PERSISTENT };

	vs_call(VCMD_set_nflags, nid, &f);
}

TEST(flags_and_caps)
{
	struct vcmd_flags_v0 f;
	struct vcmd_net_caps_v0 c;

	make_persistent(240);
	ASSERT_TRUE(nid_exists(240));
	EXPECT_EQ(NXF_INIT_SET | NXF_PERSISTENT, nflags(240));
	f = (struct vcmd_flags_v0){ NXF_SINGLE_IP, NXF_SINGLE_IP | NXF_HIDE_LBACK };
	EXPECT_EQ(0, vs_call(VCMD_set_nflags, 240, &f));
	EXPECT_EQ((NXF_INIT_SET | NXF_PERSISTENT | NXF_SINGLE_IP) & ~NXF_HIDE_LBACK,
		  nflags(240));
	memset(&c, 0, sizeof(c));
	EXPECT_EQ(0, vs_call(VCMD_get_ncaps, 240, &c));
	EXPECT_EQ(0, c.ncaps);
	EXPECT_EQ(~0ULL, c.cmask);
	c = (struct vcmd_net_caps_v0){ NXC_RAW_ICMP | NXC_TUN_CREATE, NXC_RAW_ICMP };
	EXPECT_EQ(0, vs_call(VCMD_set_ncaps, 240, &c));
	EXPECT_EQ(0, vs_call(VCMD_get_ncaps, 240, &c));
	EXPECT_EQ(NXC_RAW_ICMP, c.ncaps);
	errno = 0;
	EXPECT_EQ(-1, vs_call(VCMD_get_ncaps, 240, (void *)1));
	EXPECT_EQ(EFAULT, errno);
	errno = 0;
	EXPECT_EQ(-1, vs_call(VCMD_get_nflags, 249, &f));
	EXPECT_EQ(ESRCH, errno);
	end_persistent(240);
	EXPECT_FALSE(nid_exists(240));
}

/*
 * STATE_ADMIN is one-time: cleared, it cannot come back, and the host can
 * no longer administer the network context (EACCES), not even to set it.
 */
static int admin_cleared(void *arg)
{
	struct vcmd_flags_v0 f = { 0, NXF_STATE_ADMIN };

	if (net_create(245, NULL) != 245)
		return 1;
	if (vs_call(VCMD_set_nflags, 245, &f))
		return 2;
	if (nflags(245) & NXF_STATE_ADMIN)
		return 3;
	f.flagword = NXF_STATE_ADMIN;
	if (vs_call(VCMD_set_nflags, 245, &f) != -1 || errno != EACCES)
		return 4;
	if (vs_call(VCMD_net_migrate, 245, NULL) != -1 || errno != EACCES)
		return 5;
	return 0;
}

TEST(state_admin_is_one_time)
{
	EXPECT_EQ(0, in_child(admin_cleared, NULL));
	EXPECT_FALSE(nid_exists(245));
}

TEST(addresses_ipv4)
{
	char buf[2048];
	struct vcmd_net_addr_v0 v0 = { .type = NXA_TYPE_IPV4, .count = 2 };

	make_persistent(241);
	EXPECT_EQ(0, add4(241, NXA_TYPE_ADDR, "10.77.1.1", NULL));
	errno = 0;
	EXPECT_EQ(-1, add4(241, NXA_TYPE_ADDR, "10.77.1.1", NULL));
	EXPECT_EQ(EEXIST, errno);
	EXPECT_EQ(0, add4(241, NXA_TYPE_MASK, "10.78.0.0", "255.255.0.0"));
	EXPECT_EQ(0, add4(241, NXA_TYPE_ADDR | NXA_MOD_BCAST, "10.77.1.255", NULL));
	EXPECT_EQ(0, add4(241, NXA_TYPE_ADDR | NXA_MOD_LBACK, "127.0.99.1", NULL));
	errno = 0;
	EXPECT_EQ(-1, add4(241, NXA_TYPE_RANGE, "10.79.0.1", NULL));
	EXPECT_EQ(EINVAL, errno); /* ranges need v2 */
	errno = 0;
	EXPECT_EQ(-1, add4(241, 0x0003, "10.79.0.1", NULL));
	EXPECT_EQ(EINVAL, errno);
	EXPECT_EQ(0, range4(VCMD_net_add_ipv4, 241, "10.79.0.1", "10.79.0.9"));
	errno = 0;
	EXPECT_EQ(-1, range4(VCMD_net_add_ipv4, 241, "10.79.0.9", "10.79.0.1"));
	EXPECT_EQ(EINVAL, errno);
	ASSERT_LT(0, read_file("/proc/virtnet/241/info", buf, sizeof(buf)));
	EXPECT_NE(NULL, strstr(buf, "Bcast:\t10.77.1.255\n"));
	EXPECT_NE(NULL, strstr(buf, "Lback:\t127.0.99.1\n"));
	EXPECT_NE(NULL, strstr(buf, "0:\t[10.77.1.1-0.0.0.0/255.255.255.255:0010]\n"));
	EXPECT_NE(NULL, strstr(buf, "1:\t[10.78.0.0-0.0.0.0/255.255.0.0:0020]\n"));
	EXPECT_NE(NULL, strstr(buf, "2:\t[10.79.0.1-10.79.0.9/0.0.0.0:0040]\n"));
	/* Removal needs an exact match. */
	errno = 0;
	EXPECT_EQ(-1, rem4(241, NXA_TYPE_ADDR, "10.77.1.2", NULL));
	EXPECT_EQ(ESRCH, errno);
	errno = 0;
	EXPECT_EQ(-1, rem4(241, NXA_TYPE_MASK, "10.78.0.0", "255.255.255.0"));
	EXPECT_EQ(ESRCH, errno);
	EXPECT_EQ(0, rem4(241, NXA_TYPE_ADDR, "10.77.1.1", NULL));
	errno = 0;
	EXPECT_EQ(-1, rem4(241, 0x0042, "10.77.1.1", NULL));
	EXPECT_EQ(EINVAL, errno);
	EXPECT_EQ(0, range4(VCMD_net_rem_ipv4, 241, "10.79.0.1", "10.79.0.9"));
	EXPECT_EQ(0, rem4(241, NXA_TYPE_ANY, "0.0.0.0", NULL));
	ASSERT_LT(0, read_file("/proc/virtnet/241/info", buf, sizeof(buf)));
	EXPECT_EQ(NULL, strstr(buf, "0:\t["));

	/* The legacy v0 commands. */
	inet_pton(AF_INET, "10.77.2.1", &v0.ip[0]);
	inet_pton(AF_INET, "10.77.2.2", &v0.ip[1]);
	v0.mask[0] = v0.mask[1] = 0xffffffff;
	EXPECT_EQ(2, vs_call(VCMD_net_add, 241, &v0));
	v0.count = 5;
	errno = 0;
	EXPECT_EQ(-1, vs_call(VCMD_net_add, 241, &v0));
	EXPECT_EQ(EINVAL, errno);
	v0.count = 0;
	errno = 0;
	EXPECT_EQ(-1, vs_call(VCMD_net_add, 241, &v0));
	EXPECT_EQ(EINVAL, errno);
	v0.type = NXA_TYPE_IPV4;
	errno = 0;
	EXPECT_EQ(-1, vs_call(VCMD_net_remove, 241, &v0));
	EXPECT_EQ(EINVAL, errno);
	v0.type = NXA_TYPE_ANY;
	EXPECT_EQ(0, vs_call(VCMD_net_remove, 241, &v0));
	errno = 0;
	EXPECT_EQ(-1, vs_call(VCMD_net_add_ipv4_v1, 241, (void *)1));
	EXPECT_EQ(EFAULT, errno);
	errno = 0;
	EXPECT_EQ(-1, add4(65536, NXA_TYPE_ADDR, "10.77.1.1", NULL));
	EXPECT_EQ(ESRCH, errno);
	end_persistent(241);
}

TEST(addresses_ipv6)
{
	char buf[2048];

	make_persistent(242);
	EXPECT_EQ(0, v6cmd(VCMD_net_add_ipv6, 242, NXA_TYPE_ADDR, "fd77::1", 128));
	errno = 0;
	EXPECT_EQ(-1, v6cmd(VCMD_net_add_ipv6, 242, NXA_TYPE_ADDR, "fd77::1", 128));
	EXPECT_EQ(EEXIST, errno);
	EXPECT_EQ(0, v6cmd(VCMD_net_add_ipv6, 242, NXA_TYPE_MASK, "fd78::", 64));
	errno = 0;
	EXPECT_EQ(-1, v6cmd(VCMD_net_add_ipv6, 242, NXA_TYPE_ADDR, "fd77::3", 129));
	EXPECT_EQ(EINVAL, errno);
	errno = 0;
	EXPECT_EQ(-1, v6cmd(VCMD_net_add_ipv6, 242, NXA_TYPE_RANGE, "fd77::3", 128));
	EXPECT_EQ(EINVAL, errno);
	ASSERT_LT(0, read_file("/proc/virtnet/242/info", buf, sizeof(buf)));
	EXPECT_NE(NULL, strstr(buf, "0:\t[fd77::1/ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff/128:0010]\n"));
	EXPECT_NE(NULL, strstr(buf, "1:\t[fd78::/ffff:ffff:ffff:ffff::/64:0020]\n"));
	errno = 0;
	EXPECT_EQ(-1, v6cmd(VCMD_net_remove_ipv6, 242, NXA_TYPE_ADDR, "fd77::2", 128));
	EXPECT_EQ(ESRCH, errno);
	EXPECT_EQ(0, v6cmd(VCMD_net_remove_ipv6, 242, NXA_TYPE_ADDR, "fd77::1", 128));
	EXPECT_EQ(0, v6cmd(VCMD_net_remove_ipv6, 242, NXA_TYPE_ANY, "::", 0));
	ASSERT_LT(0, read_file("/proc/virtnet/242/info", buf, sizeof(buf)));
	EXPECT_EQ(NULL, strstr(buf, "0:\t["));
	end_persistent(242);
}

static int spectator_nid(void *arg)
{
	if (vs_call(VCMD_net_migrate, 1, NULL) != 1)
		return 1;
	return task_nid() == 1 ? 0 : 2;
}

static int guest_no_spectator(void *arg)
{
	if (vs_create(222, VXF_INIT_SET) != 222)
		return 1;
	return vs_call(VCMD_net_migrate, 1, NULL) == -1 && errno == EPERM ? 0 : 2;
}

TEST(migrate)
{
	EXPECT_EQ(0, in_child(spectator_nid, NULL));
	EXPECT_EQ(0, in_child(guest_no_spectator, NULL));
	errno = 0;
	EXPECT_EQ(-1, vs_call(VCMD_net_migrate, 248, NULL));
	EXPECT_EQ(ESRCH, errno);
}

/* A guest sees its own network context only. */
static int guest_sees_own(void *arg)
{
	struct vcmd_nx_info_v0 info;

	if (net_create(243, NULL) != 243 || vs_create(223, VXF_INIT_SET) != 223)
		return 1;
	if (vs_call(VCMD_nx_info, 243, &info) || info.nid != 243)
		return 2;
	if (vs_call(VCMD_nx_info, 244, &info) != -1 || errno != ESRCH)
		return 3;
	if (access("/proc/virtnet/243", F_OK) || !access("/proc/virtnet/244", F_OK))
		return 4;
	return 0;
}

TEST(guest_sees_own_only)
{
	make_persistent(244);
	EXPECT_EQ(0, in_child(guest_sees_own, NULL));
	end_persistent(244);
}

/* --- isolation with traffic ------------------------------------------------- */

static void sh(const char *cmd)
{
	if (system(cmd))
		fprintf(stderr, "# failed: %s\n", cmd);
}

static void addresses_on_lo(void)
{
	sh("ip addr add 10.77.0.1/32 dev lo 2>/dev/null; ip addr add 10.77.0.2/32 dev lo 2>/dev/null;"
	   "ip addr add 10.77.0.9/32 dev lo 2>/dev/null;"
	   "ip -6 addr add fd77::1/128 dev lo 2>/dev/null;"
	   "ip -6 addr add fd77::2/128 dev lo 2>/dev/null;"
	   "ip -6 addr add fd77::9/128 dev lo 2>/dev/null; true");
}

/* Enter a new network context @nid holding @v4 and @v6 (either may be NULL). */
static int enter_guest(uint32_t nid, const char *v4, const char *v6)
{
	if (net_create(nid, NULL) != (long)nid)
		return -1;
	if (v4 && add4(nid, NXA_TYPE_ADDR, v4, NULL))
		return -1;
	if (v6 && v6cmd(VCMD_net_add_ipv6, nid, NXA_TYPE_ADDR, v6, 128))
		return -1;
	return 0;
}

static int sock_addr(int fd, char *buf, size_t size, int peer)
{
	struct sockaddr_storage ss;
	socklen_t len = sizeof(ss);
	int r = peer ? getpeername(fd, (void *)&ss, &len) : getsockname(fd, (void *)&ss, &len);

	if (r)
		return -1;
	if (ss.ss_family == AF_INET)
		inet_ntop(AF_INET, &((struct sockaddr_in *)&ss)->sin_addr, buf, size);
	else
		inet_ntop(AF_INET6, &((struct sockaddr_in6 *)&ss)->sin6_addr, buf, size);
	return 0;
}

static int bind4(int fd, const char *ip, int port)
{
	struct sockaddr_in a = { .sin_family = AF_INET, .sin_port = htons(port) };

	inet_pton(AF_INET, ip, &a.sin_addr);
	return bind(fd, (void *)&a, sizeof(a));
}

static int connect4(int fd, const char *ip, int port)
{
	struct sockaddr_in a = { .sin_family = AF_INET, .sin_port = htons(port) };

	inet_pton(AF_INET, ip, &a.sin_addr);
	return connect(fd, (void *)&a, sizeof(a));
}

static int bind6(int fd, const char *ip, int port)
{
	struct sockaddr_in6 a = { .sin6_family = AF_INET6, .sin6_port = htons(port) };

	inet_pton(AF_INET6, ip, &a.sin6_addr);
	return bind(fd, (void *)&a, sizeof(a));
}

static int connect6(int fd, const char *ip, int port)
{
	struct sockaddr_in6 a = { .sin6_family = AF_INET6, .sin6_port = htons(port) };

	inet_pton(AF_INET6, ip, &a.sin6_addr);
	return connect(fd, (void *)&a, sizeof(a));
}

/*
 * Inside guest A: what bind does with addresses. The wildcard stays the
 * wildcard, unless NXF_SINGLE_IP (*@arg) makes it the guest's address.
 */
static int guest_bind_rules(void *arg)
{
	const bool single = *(bool *)arg;
	char buf[64];
	int fd;

	if (enter_guest(NID_A, "10.77.0.1", "fd77::1"))
		return 1;
	if (single && set_nflags(NID_A, NXF_SINGLE_IP, NXF_SINGLE_IP))
		return 1;
	fd = socket(AF_INET, SOCK_STREAM, 0);
	if (bind4(fd, "10.77.0.2", 0) != -1 || errno != EADDRNOTAVAIL)
		return 2; /* another guest's */
	if (bind4(fd, "10.77.0.9", 0) != -1 || errno != EADDRNOTAVAIL)
		return 3; /* the host's */
	if (bind4(fd, "0.0.0.0", 0) || sock_addr(fd, buf, sizeof(buf), 0) ||
	    strcmp(buf, single ? "10.77.0.1" : "0.0.0.0"))
		return 4;
	close(fd);
	fd = socket(AF_INET6, SOCK_STREAM, 0);
	if (bind6(fd, "fd77::2", 0) != -1 || errno != EADDRNOTAVAIL)
		return 5;
	if (bind6(fd, "::ffff:10.77.0.9", 0) != -1 || errno != EADDRNOTAVAIL)
		return 6;
	if (bind6(fd, "::1", 0) != -1 || errno != EADDRNOTAVAIL)
		return 7;
	if (bind6(fd, "::", 0) || sock_addr(fd, buf, sizeof(buf), 0) ||
	    strcmp(buf, single ? "fd77::1" : "::"))
		return 8;
	close(fd);
	return 0;
}

/*
 * A dual-stack socket of an IPv4-only guest may bind the wildcard (it
 * takes the guest's IPv4 traffic); with NXF_SINGLE_IP it binds to the
 * IPv4 address. An IPv6-only one has nothing to receive on.
 */
static int dual_stack_v4_only(void *arg)
{
	const bool single = *(bool *)arg;
	char buf[64];
	int fd, one = 1;

	if (enter_guest(NID_A, "10.77.0.1", NULL))
		return 1;
	if (single && set_nflags(NID_A, NXF_SINGLE_IP, NXF_SINGLE_IP))
		return 1;
	fd = socket(AF_INET6, SOCK_STREAM, 0);
	if (bind6(fd, "::", 0) || sock_addr(fd, buf, sizeof(buf), 0) ||
	    strcmp(buf, single ? "::ffff:10.77.0.1" : "::"))
		return 2;
	close(fd);
	fd = socket(AF_INET6, SOCK_STREAM, 0);
	setsockopt(fd, IPPROTO_IPV6, IPV6_V6ONLY, &one, sizeof(one));
	if (bind6(fd, "::", 0) != -1 || errno != EADDRNOTAVAIL)
		return 3;
	return 0;
}

TEST(dual_stack_wildcard)
{
	bool single = false;

	addresses_on_lo();
	EXPECT_EQ(0, in_child(dual_stack_v4_only, &single));
	single = true;
	EXPECT_EQ(0, in_child(dual_stack_v4_only, &single));
}

TEST(bind_rules)
{
	bool single = false;

	addresses_on_lo();
	EXPECT_EQ(0, in_child(guest_bind_rules, &single));
	single = true;
	EXPECT_EQ(0, in_child(guest_bind_rules, &single));
}

struct listener {
	uint32_t nid;
	const char *v4, *v6, *bind_ip;
	int family, port;
	bool show_lback; /* clear NXF_HIDE_LBACK: addresses show as they are */
};

/*
 * A guest that listens on @bind_ip:@port, tells the parent it is ready,
 * accepts one connection and writes the peer's address to @out.
 */
static pid_t guest_listener(const struct listener *l, int out)
{
	int p[2];
	char c;
	pid_t pid;

	if (pipe(p))
		return -1;
	pid = fork();
	if (!pid) {
		int fd, one = 1, cfd;
		char buf[64] = "";

		close(p[0]);
		if (enter_guest(l->nid, l->v4, l->v6))
			_exit(1);
		if (l->show_lback && set_nflags(l->nid, 0, NXF_HIDE_LBACK))
			_exit(1);
		fd = socket(l->family, SOCK_STREAM, 0);
		setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one));
		if ((l->family == AF_INET ? bind4(fd, l->bind_ip, l->port) :
					    bind6(fd, l->bind_ip, l->port)) ||
		    listen(fd, 4))
			_exit(2);
		if (write(p[1], "r", 1) != 1)
			_exit(3);
		alarm(10);
		cfd = accept(fd, NULL, NULL);
		if (cfd < 0 || sock_addr(cfd, buf, sizeof(buf), 1))
			_exit(4);
		if (write(out, buf, strlen(buf) + 1) < 0)
			_exit(5);
		_exit(0);
	}
	close(p[1]);
	if (read(p[0], &c, 1) != 1) {
		close(p[0]);
		waitpid(pid, NULL, 0);
		return -1;
	}
	close(p[0]);
	return pid;
}

static int connect_from_host(int family, const char *ip, int port)
{
	int fd = socket(family, SOCK_STREAM, 0), r;

	r = family == AF_INET ? connect4(fd, ip, port) : connect6(fd, ip, port);
	close(fd);
	return r;
}

TEST(two_guests_on_the_wildcard)
{
	struct listener a = { NID_A, "10.77.0.1", NULL, "0.0.0.0", AF_INET, 8080 };
	struct listener b = { NID_B, "10.77.0.2", NULL, "0.0.0.0", AF_INET, 8080 };
	int pa[2], pb[2], st;
	char buf[64];
	pid_t ga, gb;

	addresses_on_lo();
	ASSERT_EQ(0, pipe(pa));
	ASSERT_EQ(0, pipe(pb));
	ga = guest_listener(&a, pa[1]);
	ASSERT_LT(0, ga);
	/* Both bind 0.0.0.0:8080: no EADDRINUSE, each has its own address. */
	gb = guest_listener(&b, pb[1]);
	ASSERT_LT(0, gb);
	/* The host has neither: each connection reaches its own guest. */
	EXPECT_EQ(0, connect_from_host(AF_INET, "10.77.0.2", 8080));
	waitpid(gb, &st, 0);
	EXPECT_EQ(0, WEXITSTATUS(st));
	/* B accepted it (and wrote its peer), A is still waiting. */
	EXPECT_LT(0, read(pb[0], buf, sizeof(buf)));
	EXPECT_EQ(0, waitpid(ga, &st, WNOHANG));
	errno = 0;
	EXPECT_EQ(-1, connect_from_host(AF_INET, "10.77.0.2", 8080));
	EXPECT_EQ(ECONNREFUSED, errno);
	EXPECT_EQ(0, connect_from_host(AF_INET, "10.77.0.1", 8080));
	waitpid(ga, &st, 0);
	EXPECT_EQ(0, WEXITSTATUS(st));
}

/* Guest A connects out: the source is its address, never the host's. */
static int connect_out(void *arg)
{
	const int family = *(int *)arg;
	int fd;

	if (enter_guest(NID_A, "10.77.0.1", "fd77::1"))
		return 1;
	fd = socket(family, SOCK_STREAM, 0);
	if (family == AF_INET ? connect4(fd, "10.77.0.9", 8181) :
				connect6(fd, "fd77::9", 8181))
		return 2;
	close(fd);
	/* An explicit foreign source is refused before anything is sent. */
	fd = socket(family, SOCK_STREAM, 0);
	if ((family == AF_INET ? bind4(fd, "10.77.0.9", 0) : bind6(fd, "fd77::9", 0)) != -1 ||
	    errno != EADDRNOTAVAIL)
		return 3;
	close(fd);
	return 0;
}

static void host_listener_sees(struct __test_metadata *const _metadata,
			       int family, const char *ip, const char *expect_peer)
{
	int fd = socket(family, SOCK_STREAM, 0), one = 1, cfd;
	char buf[64] = "";

	setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one));
	ASSERT_EQ(0, family == AF_INET ? bind4(fd, ip, 8181) : bind6(fd, ip, 8181));
	ASSERT_EQ(0, listen(fd, 4));
	ASSERT_EQ(0, in_child(connect_out, &family));
	cfd = accept(fd, NULL, NULL);
	ASSERT_LE(0, cfd);
	ASSERT_EQ(0, sock_addr(cfd, buf, sizeof(buf), 1));
	EXPECT_STREQ(expect_peer, buf);
	close(cfd);
	close(fd);
}

TEST(source_is_the_guests)
{
	addresses_on_lo();
	host_listener_sees(_metadata, AF_INET, "10.77.0.9", "10.77.0.1");
	host_listener_sees(_metadata, AF_INET6, "fd77::9", "fd77::1");
}

static int udp_out(void *arg)
{
	struct sockaddr_in to = { .sin_family = AF_INET, .sin_port = htons(8282) };
	int fd;

	if (enter_guest(NID_A, "10.77.0.1", NULL))
		return 1;
	inet_pton(AF_INET, "10.77.0.9", &to.sin_addr);
	fd = socket(AF_INET, SOCK_DGRAM, 0);
	if (sendto(fd, "x", 1, 0, (void *)&to, sizeof(to)) != 1)
		return 2;
	return 0;
}

TEST(udp_source_is_the_guests)
{
	struct sockaddr_in from;
	socklen_t len = sizeof(from);
	char buf[8], ip[32];
	int fd = socket(AF_INET, SOCK_DGRAM, 0);

	addresses_on_lo();
	ASSERT_EQ(0, bind4(fd, "10.77.0.9", 8282));
	ASSERT_EQ(0, in_child(udp_out, NULL));
	ASSERT_EQ(1, recvfrom(fd, buf, sizeof(buf), MSG_DONTWAIT, (void *)&from, &len));
	inet_ntop(AF_INET, &from.sin_addr, ip, sizeof(ip));
	EXPECT_STREQ("10.77.0.1", ip);
	close(fd);
}

/* Options and cmsgs that would set a foreign source, and socket kinds. */
static int spoofing(void *arg)
{
	struct sockaddr_in to = { .sin_family = AF_INET, .sin_port = htons(8383) };
	char cbuf[CMSG_SPACE(sizeof(struct in_pktinfo))] = { 0 };
	struct iovec iov = { "x", 1 };
	struct msghdr msg = {
		.msg_name = &to, .msg_namelen = sizeof(to),
		.msg_iov = &iov, .msg_iovlen = 1,
		.msg_control = cbuf, .msg_controllen = sizeof(cbuf),
	};
	struct cmsghdr *c = CMSG_FIRSTHDR(&msg);
	struct in_pktinfo *pi = (void *)CMSG_DATA(c);
	int one = 1, fd;

	if (enter_guest(NID_A, "10.77.0.1", "fd77::1"))
		return 1;
	fd = socket(AF_INET, SOCK_DGRAM, 0);
	if (setsockopt(fd, SOL_IP, IP_FREEBIND, &one, sizeof(one)) != -1 || errno != EPERM)
		return 2;
	if (setsockopt(fd, SOL_IP, IP_TRANSPARENT, &one, sizeof(one)) != -1 || errno != EPERM)
		return 3;
	inet_pton(AF_INET, "10.77.0.9", &to.sin_addr);
	c->cmsg_level = SOL_IP;
	c->cmsg_type = IP_PKTINFO;
	c->cmsg_len = CMSG_LEN(sizeof(*pi));
	inet_pton(AF_INET, "10.77.0.9", &pi->ipi_spec_dst);
	if (sendmsg(fd, &msg, 0) != -1 || errno != EADDRNOTAVAIL)
		return 4;
	inet_pton(AF_INET, "10.77.0.1", &pi->ipi_spec_dst);
	if (sendmsg(fd, &msg, 0) != 1)
		return 5;
	close(fd);
	fd = socket(AF_INET6, SOCK_DGRAM, 0);
	if (setsockopt(fd, SOL_IPV6, IPV6_FREEBIND, &one, sizeof(one)) != -1 || errno != EPERM)
		return 6;
	close(fd);
	if (socket(AF_PACKET, SOCK_RAW, 0) != -1 || errno != EPERM)
		return 7;
	/* raw ICMP only with NXC_RAW_ICMP; other raw protocols never */
	if (socket(AF_INET, SOCK_RAW, IPPROTO_ICMP) != -1 || errno != EPERM)
		return 8;
	if (socket(AF_INET, SOCK_RAW, IPPROTO_UDP) != -1 || errno != EPERM)
		return 9;
	fd = socket(AF_INET, SOCK_DGRAM, 0);
	{
		struct ip_mreqn m = { 0 };

		inet_pton(AF_INET, "239.1.1.1", &m.imr_multiaddr);
		if (setsockopt(fd, SOL_IP, IP_ADD_MEMBERSHIP, &m, sizeof(m)) != -1 ||
		    errno != EPERM)
			return 10;
	}
	return 0;
}

TEST(no_spoofing)
{
	int fd = socket(AF_INET, SOCK_DGRAM, 0);

	addresses_on_lo();
	ASSERT_EQ(0, bind4(fd, "10.77.0.9", 8383));
	EXPECT_EQ(0, in_child(spoofing, NULL));
	close(fd);
}

static int raw_icmp_with_cap(void *arg)
{
	struct vcmd_net_caps_v0 c = { NXC_RAW_ICMP, NXC_RAW_ICMP };
	int fd;

	if (enter_guest(NID_A, "10.77.0.1", NULL))
		return 1;
	if (vs_call(VCMD_set_ncaps, NID_A, &c))
		return 2;
	fd = socket(AF_INET, SOCK_RAW, IPPROTO_ICMP);
	if (fd < 0)
		return 3;
	if (socket(AF_INET, SOCK_RAW, IPPROTO_TCP) != -1 || errno != EPERM)
		return 4;
	return 0;
}

TEST(raw_icmp_needs_the_ncap)
{
	EXPECT_EQ(0, in_child(raw_icmp_with_cap, NULL));
}

/*
 * LBACK_REMAP: 127.0.0.1 in a guest is its own loopback address; the host's
 * 127.0.0.1 services are out of reach. HIDE_LBACK is cleared here, so that
 * the addresses show what the kernel made of 127.0.0.1.
 */
static int lback_client(void *arg)
{
	const uint32_t nid = *(uint32_t *)arg;
	char buf[64];
	int fd;

	if (vs_call(VCMD_net_migrate, nid, NULL))
		return 1;
	fd = socket(AF_INET, SOCK_STREAM, 0);
	if (connect4(fd, "127.0.0.1", 9090))
		return 2;
	if (sock_addr(fd, buf, sizeof(buf), 1) || strcmp(buf, "127.0.211.1"))
		return 3; /* 127.0.0.1 ^ (211 << 8) */
	close(fd);
	fd = socket(AF_INET, SOCK_STREAM, 0);
	if (connect4(fd, "127.0.0.1", 9191) != -1 || errno != ECONNREFUSED)
		return 4;
	close(fd);
	fd = socket(AF_INET, SOCK_STREAM, 0);
	if (connect4(fd, "127.0.0.2", 9191) != -1 || errno != ENETUNREACH)
		return 5;
	close(fd);
	return 0;
}

TEST(loopback_per_guest)
{
	struct listener a = { NID_A + 10, "10.77.0.1", NULL, "127.0.0.1", AF_INET, 9090, true };
	int p[2], host = socket(AF_INET, SOCK_STREAM, 0), one = 1;
	uint32_t nid = NID_A + 10;
	char buf[64];
	pid_t ga;

	addresses_on_lo();
	/* The host's own local-only service on 127.0.0.1:9191. */
	setsockopt(host, SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one));
	ASSERT_EQ(0, bind4(host, "127.0.0.1", 9191));
	ASSERT_EQ(0, listen(host, 4));
	ASSERT_EQ(0, pipe(p));
	ga = guest_listener(&a, p[1]);
	ASSERT_LT(0, ga);
	/* The guest's loopback listener is not on the host's 127.0.0.1. */
	errno = 0;
	EXPECT_EQ(-1, connect_from_host(AF_INET, "127.0.0.1", 9090));
	EXPECT_EQ(ECONNREFUSED, errno);
	/* A process of the same network context reaches it at 127.0.0.1. */
	EXPECT_EQ(0, in_child(lback_client, &nid));
	waitpid(ga, NULL, 0);
	EXPECT_LT(0, read(p[0], buf, sizeof(buf)));
	EXPECT_STREQ("127.0.211.1", buf);
	close(host);
}

/* Guest with a listener on its loopback, for the other guest's client. */
TEST(loopback_guests_apart)
{
	struct listener a = { NID_A, "10.77.0.1", NULL, "127.0.0.1", AF_INET, 9090 };
	struct listener b = { NID_B, "10.77.0.2", NULL, "127.0.0.1", AF_INET, 9090 };
	int pa[2], pb[2];
	pid_t ga, gb;

	ASSERT_EQ(0, pipe(pa));
	ASSERT_EQ(0, pipe(pb));
	ga = guest_listener(&a, pa[1]);
	ASSERT_LT(0, ga);
	gb = guest_listener(&b, pb[1]);
	ASSERT_LT(0, gb); /* the same 127.0.0.1:9090, no EADDRINUSE */
	vs_reap(ga);
	vs_reap(gb);
}

/*
 * Host wildcard listener and guests on the same port: the host's wildcard
 * bind covers every address, so a guest cannot bind the port (EADDRINUSE),
 * and the host cannot take the wildcard on a port a guest holds. Host
 * services that share ports with guests bind host addresses.
 */
static int guest_binds_7070(void *arg)
{
	int fd;

	if (enter_guest(NID_A, "10.77.0.1", NULL))
		return 1;
	fd = socket(AF_INET, SOCK_STREAM, 0);
	return bind4(fd, "0.0.0.0", 7070) == -1 && errno == EADDRINUSE ? 0 : 2;
}

TEST(host_wildcard_and_guest_same_port)
{
	int fd = socket(AF_INET, SOCK_STREAM, 0);

	addresses_on_lo();
	ASSERT_EQ(0, bind4(fd, "0.0.0.0", 7070));
	ASSERT_EQ(0, listen(fd, 1));
	EXPECT_EQ(0, in_child(guest_binds_7070, NULL));
	close(fd);
}

/* --- several addresses behind one wildcard socket ------------------------ */

/*
 * Guest A holds 10.77.0.1 and 10.77.0.3 (fd77::1, fd77::3), guest B
 * 10.77.0.2 (fd77::2); both serve the wildcard of one port, with
 * SO_REUSEADDR and SO_REUSEPORT (both as uid 0, which would put them in one
 * reuseport group if nothing kept them apart).
 */
struct wild_guest {
	uint32_t nid;
	const char *v4[2], *v6[2];
	int family, type, port;
	int pipe[2]; /* the guest reports on [1], the test reads [0] */
};

static void extra_addresses(const char *cmd)
{
	char line[256];

	snprintf(line, sizeof(line),
		 "ip addr %s 10.77.0.3/32 dev lo 2>/dev/null;"
		 "ip -6 addr %s fd77::3/128 dev lo 2>/dev/null; true", cmd, cmd);
	sh(line);
}

static int enter_wild(const struct wild_guest *g)
{
	int i;

	if (net_create(g->nid, NULL) != (long)g->nid)
		return -1;
	for (i = 0; i < 2; i++) {
		if (g->v4[i] && add4(g->nid, NXA_TYPE_ADDR, g->v4[i], NULL))
			return -1;
		if (g->v6[i] &&
		    v6cmd(VCMD_net_add_ipv6, g->nid, NXA_TYPE_ADDR, g->v6[i], 128))
			return -1;
	}
	return 0;
}

static int wild_socket(int family, int type, int port)
{
	int fd = socket(family, type, 0), one = 1;

	setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one));
	setsockopt(fd, SOL_SOCKET, SO_REUSEPORT, &one, sizeof(one));
	if (family == AF_INET6)
		setsockopt(fd, IPPROTO_IPV6, IPV6_V6ONLY, &one, sizeof(one));
	if (family == AF_INET ? bind4(fd, "0.0.0.0", port) : bind6(fd, "::", port))
		return -1;
	if (type == SOCK_STREAM && listen(fd, 8))
		return -1;
	return fd;
}

/* Read one NUL-terminated string the guest wrote. */
static int read_str(int fd, char *buf, size_t size)
{
	size_t n = 0;

	while (n < size - 1 && read(fd, buf + n, 1) == 1)
		if (!buf[n++])
			return 0;
	buf[n] = '\0';
	return -1;
}

/*
 * Start guest @g serving the wildcard: it reports "ready", then, for each
 * TCP connection, the local address it was accepted on, for each UDP
 * datagram, its text.
 */
static pid_t wild_server(struct wild_guest *g)
{
	char buf[64];
	pid_t pid;

	if (pipe(g->pipe))
		return -1;
	pid = fork();
	if (!pid) {
		int fd = enter_wild(g) ? -1 : wild_socket(g->family, g->type, g->port);

		if (fd < 0 || write(g->pipe[1], "ready", 6) != 6)
			_exit(1);
		for (;;) {
			ssize_t n;
			int c;

			if (g->type == SOCK_STREAM) {
				c = accept(fd, NULL, NULL);
				if (c < 0 || sock_addr(c, buf, sizeof(buf), 0))
					_exit(2);
				close(c);
			} else {
				n = recv(fd, buf, sizeof(buf) - 1, 0);
				if (n < 0)
					_exit(2);
				buf[n] = '\0';
			}
			if (write(g->pipe[1], buf, strlen(buf) + 1) < 0)
				_exit(3);
		}
	}
	close(g->pipe[1]);
	if (read_str(g->pipe[0], buf, sizeof(buf)) || strcmp(buf, "ready")) {
		vs_reap(pid);
		return -1;
	}
	return pid;
}

/* To @ip:@port, from a new socket: a connection, or a datagram naming @ip. */
static int sends_to(int family, int type, const char *ip, int port)
{
	struct sockaddr_storage ss = { 0 };
	struct sockaddr_in *sin = (void *)&ss;
	struct sockaddr_in6 *sin6 = (void *)&ss;
	int fd = socket(family, type, 0), r;

	if (family == AF_INET) {
		sin->sin_family = AF_INET;
		sin->sin_port = htons(port);
		inet_pton(AF_INET, ip, &sin->sin_addr);
	} else {
		sin6->sin6_family = AF_INET6;
		sin6->sin6_port = htons(port);
		inet_pton(AF_INET6, ip, &sin6->sin6_addr);
	}
	if (type == SOCK_STREAM)
		r = connect(fd, (void *)&ss, sizeof(ss)) ? errno : 0;
	else
		r = sendto(fd, ip, strlen(ip), 0, (void *)&ss, sizeof(ss)) < 0 ? errno : 0;
	close(fd);
	return r;
}

static void expect_report(struct __test_metadata *const _metadata,
			  struct wild_guest *g, const char *want)
{
	char buf[64];

	ASSERT_EQ(0, read_str(g->pipe[0], buf, sizeof(buf)));
	EXPECT_STREQ(want, buf);
}

/*
 * Where the wildcard test runs: guest A holds P.1 and P.3, guest B P.2, the
 * host has P.9, for the IPv4 prefix @v4 ("10.77.0.") and the IPv6 one @v6
 * ("fd77::"), all on device @dev.
 */
struct wild_net {
	const char *v4, *v6, *dev;
};

static void run_wild(struct __test_metadata *const _metadata,
		     const struct wild_net *n, int family, int type)
{
	const char *const pfx = family == AF_INET ? n->v4 : n->v6;
	char a4[2][32], a6[2][32], b4[32], b6[32], a1[32], a3[32], b2[32], h9[32];
	struct wild_guest a = { NID_A, { a4[0], a4[1] }, { a6[0], a6[1] }, family, type, 80 };
	struct wild_guest b = { NID_B, { b4 }, { b6 }, family, type, 80 };
	pid_t ga, gb;

	snprintf(a4[0], sizeof(a4[0]), "%s1", n->v4);
	snprintf(a4[1], sizeof(a4[1]), "%s3", n->v4);
	snprintf(a6[0], sizeof(a6[0]), "%s1", n->v6);
	snprintf(a6[1], sizeof(a6[1]), "%s3", n->v6);
	snprintf(b4, sizeof(b4), "%s2", n->v4);
	snprintf(b6, sizeof(b6), "%s2", n->v6);
	snprintf(a1, sizeof(a1), "%s1", pfx);
	snprintf(a3, sizeof(a3), "%s3", pfx);
	snprintf(b2, sizeof(b2), "%s2", pfx);
	snprintf(h9, sizeof(h9), "%s9", pfx);
	ga = wild_server(&a);
	ASSERT_LT(0, ga);
	gb = wild_server(&b);
	ASSERT_LT(0, gb); /* the same wildcard and port: no EADDRINUSE */
	EXPECT_EQ(0, sends_to(family, type, a1, 80));
	expect_report(_metadata, &a, a1);
	EXPECT_EQ(0, sends_to(family, type, a3, 80));
	expect_report(_metadata, &a, a3);
	EXPECT_EQ(0, sends_to(family, type, b2, 80));
	expect_report(_metadata, &b, b2);
	/* The host's own address reaches neither guest's wildcard socket. */
	if (type == SOCK_STREAM) {
		EXPECT_EQ(ECONNREFUSED, sends_to(family, type, h9, 80));
	} else {
		EXPECT_EQ(0, sends_to(family, type, h9, 80));
		/* Had one taken it, its next report would be h9. */
		EXPECT_EQ(0, sends_to(family, type, a1, 80));
		expect_report(_metadata, &a, a1);
		EXPECT_EQ(0, sends_to(family, type, b2, 80));
		expect_report(_metadata, &b, b2);
	}
	vs_reap(ga);
	vs_reap(gb);
	close(a.pipe[0]);
	close(b.pipe[0]);
}

static void run_wild_all(struct __test_metadata *const _metadata,
			 const struct wild_net *n)
{
	static const struct { int family, type; } k[] = {
		{ AF_INET, SOCK_STREAM }, { AF_INET, SOCK_DGRAM },
		{ AF_INET6, SOCK_STREAM }, { AF_INET6, SOCK_DGRAM },
	};
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(k); i++) {
		TH_LOG("%s: family %d, type %d", n->dev, k[i].family, k[i].type);
		run_wild(_metadata, n, k[i].family, k[i].type);
	}
}

/* Two guests on 0.0.0.0:80 and [::]:80, TCP and UDP, addresses on lo. */
TEST(wildcard_several_addresses)
{
	const struct wild_net n = { "10.77.0.", "fd77::", "lo" };

	addresses_on_lo();
	extra_addresses("add");
	run_wild_all(_metadata, &n);
	extra_addresses("del");
}

/* The same with every address on a dummy device. */
TEST(wildcard_several_addresses_dummy)
{
	const struct wild_net n = { "10.76.0.", "fd76::", "vswild0" };

	ASSERT_EQ(0, system("ip link add vswild0 type dummy && ip link set vswild0 up &&"
			    "for i in 1 2 3 9; do ip addr add 10.76.0.$i/32 dev vswild0 &&"
			    " ip -6 addr add fd76::$i/128 dev vswild0 || exit 1; done"));
	run_wild_all(_metadata, &n);
	sh("ip link del vswild0 2>/dev/null; true");
}

/* Guest A's wildcard sockets on 8091 (TCP, UDP) and [::]:8092 (TCP). */
static int hold_wildcards(void *arg)
{
	const struct wild_guest *g = arg;

	if (enter_wild(g))
		return 1;
	if (wild_socket(AF_INET, SOCK_STREAM, 8091) < 0 ||
	    wild_socket(AF_INET, SOCK_DGRAM, 8091) < 0 ||
	    wild_socket(AF_INET6, SOCK_STREAM, 8092) < 0)
		return 2;
	return 0;
}

/*
 * Bind @ip:@port from the current task, TCP and UDP (IPv6: TCP): 0 or the
 * errno when both answer alike, else -1.
 */
static int binds(const char *ip, int port)
{
	const bool v6 = strchr(ip, ':');
	int t, fd, r[2] = { 0, 0 };

	for (t = 0; t < (v6 ? 1 : 2); t++) {
		fd = socket(v6 ? AF_INET6 : AF_INET, t ? SOCK_DGRAM : SOCK_STREAM, 0);
		r[t] = (v6 ? bind6(fd, ip, port) : bind4(fd, ip, port)) ? errno : 0;
		close(fd);
	}
	return v6 || r[0] == r[1] ? r[0] : -1;
}

struct bind_try {
	struct wild_guest g; /* entered (or migrated into: no addresses) */
	const char *ip;
	int port, want;
};

static int guest_binds(void *arg)
{
	const struct bind_try *t = arg;

	if (t->g.v4[0] ? enter_wild(&t->g) : vs_call(VCMD_net_migrate, t->g.nid, NULL))
		return 100;
	return binds(t->ip, t->port) == t->want ? 0 : 1;
}

/*
 * Who may bind a port whose wildcard guest A holds: the host at its own
 * address, guest B (no address in common) at the wildcard; not the host at
 * A's address nor at the wildcard, not a guest C sharing 10.77.0.3, not A
 * again at one of its addresses.
 */
TEST(wildcard_binds_meet)
{
	struct wild_guest a = { NID_A, { "10.77.0.1", "10.77.0.3" }, { "fd77::1", "fd77::3" } };
	const struct bind_try tries[] = {
		{ { NID_B, { "10.77.0.2" }, { "fd77::2" } }, "0.0.0.0", 8091, 0 },
		{ { NID_B + 1, { "10.77.0.2" }, { "fd77::2" } }, "::", 8092, 0 },
		{ { NID_B + 2, { "10.77.0.3" } }, "0.0.0.0", 8091, EADDRINUSE },
		{ { NID_B + 3, { "10.77.0.3" }, { "fd77::3" } }, "::", 8092, EADDRINUSE },
		{ { NID_A }, "10.77.0.3", 8091, EADDRINUSE },
		{ { NID_A }, "fd77::1", 8092, EADDRINUSE },
	};
	unsigned int i;
	pid_t ga;

	addresses_on_lo();
	extra_addresses("add");
	ga = vs_spawn(hold_wildcards, &a);
	ASSERT_LT(0, ga);
	EXPECT_EQ(0, binds("10.77.0.9", 8091));
	EXPECT_EQ(0, binds("fd77::9", 8092));
	EXPECT_EQ(EADDRINUSE, binds("10.77.0.3", 8091));
	EXPECT_EQ(EADDRINUSE, binds("0.0.0.0", 8091));
	EXPECT_EQ(EADDRINUSE, binds("fd77::1", 8092));
	for (i = 0; i < ARRAY_SIZE(tries); i++) {
		const struct bind_try *const t = &tries[i];

		EXPECT_EQ(0, in_child(guest_binds, (void *)t)) {
			TH_LOG("nid %u binds %s:%d", t->g.nid, t->ip, t->port);
		}
	}
	vs_reap(ga);
	extra_addresses("del");
}

/*
 * The source of a guest's packets: the guest holds 10.99.0.1 (first, on no
 * device) and 10.77.0.3 (on lo, like the host's 10.77.0.9): towards the
 * host, from an unbound socket and one bound to 0.0.0.0:0, they leave from
 * 10.77.0.3, the guest's address on the device they leave by.
 */
static int connect_from_the_device(void *arg)
{
	const struct wild_guest g = { NID_A, { "10.99.0.1", "10.77.0.3" },
				      { "fd99::1", "fd77::3" } };
	const int family = *(int *)arg;
	const char *to = family == AF_INET ? "10.77.0.9" : "fd77::9";
	int fd, i;

	if (enter_wild(&g))
		return 1;
	for (i = 0; i < 2; i++) {
		fd = socket(family, SOCK_STREAM, 0);
		if (i && (family == AF_INET ? bind4(fd, "0.0.0.0", 0) : bind6(fd, "::", 0)))
			return 2;
		if (family == AF_INET ? connect4(fd, to, 8181) : connect6(fd, to, 8181))
			return 3;
		close(fd);
	}
	if (sends_to(family, SOCK_DGRAM, to, 8181))
		return 4;
	return 0;
}

TEST(source_from_the_device)
{
	static const int families[] = { AF_INET, AF_INET6 };
	unsigned int i;
	int j;

	addresses_on_lo();
	extra_addresses("add");
	for (i = 0; i < ARRAY_SIZE(families); i++) {
		const int f = families[i];
		const char *want = f == AF_INET ? "10.77.0.3" : "fd77::3";
		int fd = socket(f, SOCK_STREAM, 0), u = socket(f, SOCK_DGRAM, 0);
		int one = 1, cfd;
		char buf[64] = "";
		struct sockaddr_storage from;
		socklen_t len = sizeof(from);

		setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one));
		ASSERT_EQ(0, f == AF_INET ? bind4(fd, "10.77.0.9", 8181) : bind6(fd, "fd77::9", 8181));
		ASSERT_EQ(0, f == AF_INET ? bind4(u, "10.77.0.9", 8181) : bind6(u, "fd77::9", 8181));
		ASSERT_EQ(0, listen(fd, 4));
		ASSERT_EQ(0, in_child(connect_from_the_device, (void *)&f));
		for (j = 0; j < 2; j++) {
			cfd = accept(fd, NULL, NULL);
			ASSERT_LE(0, cfd);
			ASSERT_EQ(0, sock_addr(cfd, buf, sizeof(buf), 1));
			EXPECT_STREQ(want, buf) TH_LOG("connection #%d", j);
			close(cfd);
		}
		ASSERT_LT(0, recvfrom(u, buf, sizeof(buf), MSG_DONTWAIT, (void *)&from, &len));
		if (f == AF_INET)
			inet_ntop(f, &((struct sockaddr_in *)&from)->sin_addr, buf, sizeof(buf));
		else
			inet_ntop(f, &((struct sockaddr_in6 *)&from)->sin6_addr, buf, sizeof(buf));
		EXPECT_STREQ(want, buf);
		close(fd);
		close(u);
	}
	extra_addresses("del");
}

/*
 * A guest's raw ICMP socket (NXC_RAW_ICMP), unbound: the echo requests the
 * host sends to its own 10.77.0.9 never reach it, those to the guest's
 * 10.77.0.1 do. It reports the destination of each packet it reads.
 */
static uint16_t icmp_sum(const void *p, size_t n)
{
	const uint16_t *w = p;
	uint32_t s = 0;

	for (; n > 1; n -= 2)
		s += *w++;
	s = (s >> 16) + (s & 0xffff);
	return ~(s + (s >> 16));
}

static int host_pings(const char *ip)
{
	struct sockaddr_in to = { .sin_family = AF_INET };
	struct { uint8_t type, code; uint16_t sum, id, seq; } echo = { 8, 0, 0, 0x7777, 1 };
	int fd = socket(AF_INET, SOCK_RAW, IPPROTO_ICMP), r;

	inet_pton(AF_INET, ip, &to.sin_addr);
	echo.sum = icmp_sum(&echo, sizeof(echo));
	r = sendto(fd, &echo, sizeof(echo), 0, (void *)&to, sizeof(to)) == sizeof(echo) ? 0 : -1;
	close(fd);
	return r;
}

/* The guest's reader: "ready", then the destination of each packet. */
static int raw_reader(int out)
{
	struct vcmd_net_caps_v0 c = { NXC_RAW_ICMP, NXC_RAW_ICMP };
	unsigned char pkt[256];
	char ip[32];
	int fd;

	if (enter_guest(NID_A, "10.77.0.1", NULL) || vs_call(VCMD_set_ncaps, NID_A, &c))
		return 1;
	fd = socket(AF_INET, SOCK_RAW, IPPROTO_ICMP);
	if (fd < 0 || write(out, "ready", 6) != 6)
		return 2;
	alarm(10);
	for (;;) {
		ssize_t n = recv(fd, pkt, sizeof(pkt), 0);

		if (n < 20)
			return 3;
		inet_ntop(AF_INET, pkt + 16, ip, sizeof(ip));
		if (write(out, ip, strlen(ip) + 1) < 0)
			return 4;
	}
}

TEST(raw_icmp_takes_its_own)
{
	int p[2];
	char buf[64];
	pid_t g;

	addresses_on_lo();
	ASSERT_EQ(0, pipe(p));
	g = fork();
	ASSERT_LE(0, g);
	if (!g)
		_exit(raw_reader(p[1]));
	close(p[1]);
	ASSERT_EQ(0, read_str(p[0], buf, sizeof(buf)));
	ASSERT_STREQ("ready", buf);
	ASSERT_EQ(0, host_pings("10.77.0.9"));
	ASSERT_EQ(0, host_pings("10.77.0.1"));
	/* The request to 10.77.0.1 comes first: nothing for 10.77.0.9 came. */
	ASSERT_EQ(0, read_str(p[0], buf, sizeof(buf)));
	EXPECT_STREQ("10.77.0.1", buf);
	vs_reap(g);
	close(p[0]);
}

/*
 * Wildcard binds by what the context holds: a range, networks, "any",
 * nothing; then the same with NXF_SINGLE_IP (which + 4), which takes the
 * first address if there is one.
 */
static int guest_wildcard_by_entries(void *arg)
{
	const int which = *(int *)arg % 4;
	const bool single = *(int *)arg >= 4;
	const char *want;
	char buf[64];
	int fd;

	if (net_create(NID_A, NULL) != NID_A)
		return 1;
	if (which == 0 && range4(VCMD_net_add_ipv4, NID_A, "10.77.0.1", "10.77.0.3"))
		return 2;
	if (which == 1 && add4(NID_A, NXA_TYPE_MASK, "10.77.0.0", "255.255.255.0"))
		return 2;
	if (which == 2 && add4(NID_A, NXA_TYPE_MASK, "0.0.0.0", "0.0.0.0"))
		return 2;
	if (single && set_nflags(NID_A, NXF_SINGLE_IP, NXF_SINGLE_IP))
		return 2;
	fd = socket(AF_INET, SOCK_STREAM, 0);
	if (which == 3) /* nothing to receive on */
		return bind4(fd, "0.0.0.0", 0) == -1 && errno == EADDRNOTAVAIL ? 0 : 3;
	if (bind4(fd, "0.0.0.0", 0) || sock_addr(fd, buf, sizeof(buf), 0))
		return 4;
	/* SINGLE_IP takes the first address; networks and "any" name none */
	want = single && which == 0 ? "10.77.0.1" : "0.0.0.0";
	if (strcmp(buf, want))
		return 5;
	return 0;
}

TEST(wildcard_by_entries)
{
	int which;

	addresses_on_lo();
	for (which = 0; which < 8; which++)
		EXPECT_EQ(0, in_child(guest_wildcard_by_entries, &which)) {
			TH_LOG("entries #%d", which);
		}
}

/* Run @fn in a child with its stdout in @out. */
static int child_output(int (*fn)(void *), void *arg, char *out, size_t size)
{
	int p[2], st;
	ssize_t n, got = 0;
	pid_t pid;

	if (pipe(p))
		return -1;
	pid = fork();
	if (!pid) {
		close(p[0]);
		dup2(p[1], 1);
		_exit(fn(arg));
	}
	close(p[1]);
	while (got < (ssize_t)size - 1 && (n = read(p[0], out + got, size - 1 - got)) > 0)
		got += n;
	out[got] = '\0';
	close(p[0]);
	waitpid(pid, &st, 0);
	return WIFEXITED(st) ? WEXITSTATUS(st) : -1;
}

struct sh_job {
	const char *cmd;
	bool hide;
};

/* In guest A (HIDE_NETIF cleared unless j->hide), sh -c j->cmd. */
static int sh_in_guest(void *arg)
{
	const struct sh_job *const j = arg;
	struct vcmd_flags_v0 f = { 0, NXF_HIDE_NETIF };

	if (enter_guest(NID_A, "10.77.0.1", "fd77::1"))
		return 100;
	if (!j->hide && vs_call(VCMD_set_nflags, NID_A, &f))
		return 101;
	execl("/bin/sh", "sh", "-c", j->cmd, (char *)NULL);
	return 102;
}

/* Run @cmd in a guest (HIDE_NETIF as net_create sets it, or cleared), output in @out. */
static int guest_sh(const char *cmd, bool hide, char *out, size_t size)
{
	struct sh_job j = { cmd, hide };

	return child_output(sh_in_guest, &j, out, size);
}

/* HIDE_NETIF: the guest sees its own addresses, interfaces and sockets only. */
TEST(hide_netif)
{
	static char out[16384];
	int fd = socket(AF_INET, SOCK_STREAM, 0), one = 1;

	addresses_on_lo();
	sh("ip link add vsdummy0 type dummy 2>/dev/null; ip addr add 10.77.5.5/32 dev vsdummy0;"
	   "ip link set vsdummy0 up; true");
	/* A host listener on 10.77.0.9:8484 (0x2124). */
	setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one));
	ASSERT_EQ(0, bind4(fd, "10.77.0.9", 8484));
	ASSERT_EQ(0, listen(fd, 1));

	ASSERT_EQ(0, guest_sh("ip -o addr; echo ==; ip -o link; echo ==; cat /proc/net/dev;"
			      "echo ==; cat /proc/net/if_inet6; echo ==; cat /proc/net/tcp;"
			      "echo ==; ifconfig -a",
			      true, out, sizeof(out)));
	EXPECT_NE(NULL, strstr(out, "10.77.0.1/32"));
	EXPECT_NE(NULL, strstr(out, "fd77::1/128"));
	EXPECT_EQ(NULL, strstr(out, "10.77.0.9")) TH_LOG("%s", out);
	EXPECT_EQ(NULL, strstr(out, "10.77.5.5"));
	EXPECT_EQ(NULL, strstr(out, "127.0.0.1"));
	EXPECT_EQ(NULL, strstr(out, "fd77::9"));
	EXPECT_EQ(NULL, strstr(out, "vsdummy0")) TH_LOG("%s", out);
	EXPECT_EQ(NULL, strstr(out, ":2124")) TH_LOG("%s", out);
	/* lo carries the guest's address: it is its interface. */
	EXPECT_NE(NULL, strstr(out, ": lo:"));
	/* Asking for a hidden device by name shows nothing of it. */
	guest_sh("ip link show dev vsdummy0 2>&1", true, out, sizeof(out));
	EXPECT_EQ(NULL, strstr(out, "link/ether")) TH_LOG("%s", out);

	/* Without the flag the guest sees the host's stack. */
	ASSERT_EQ(0, guest_sh("ip -o addr; ip -o link; cat /proc/net/tcp; ifconfig vsdummy0",
			      false, out, sizeof(out)));
	EXPECT_NE(NULL, strstr(out, "10.77.5.5"));
	EXPECT_NE(NULL, strstr(out, "vsdummy0"));
	EXPECT_NE(NULL, strstr(out, ":2124"));
	close(fd);
	sh("ip link del vsdummy0 2>/dev/null; true");
}

/* The guest's lines of /proc/net/unix that name @path. */
static int unix_lines(const char *path)
{
	static char buf[65536];
	const char *p = buf;
	int n = 0;

	if (read_file("/proc/net/unix", buf, sizeof(buf)) < 0)
		return -1;
	while ((p = strstr(p, path))) {
		n++;
		p += strlen(path);
	}
	return n;
}

/*
 * HIDE_NETIF and UNIX sockets: the guest sees its own in /proc/net/unix,
 * the accepted end of a connection to its listener too (it is made by the
 * connecting task, as the listener's), and not the host's.
 */
static int guest_unix(void *arg)
{
	struct sockaddr_un a = { .sun_family = AF_UNIX };
	int l, c, s;

	snprintf(a.sun_path, sizeof(a.sun_path), "%s", (char *)arg);
	if (enter_guest(NID_A, "10.77.0.1", NULL))
		return 100;
	if (unix_lines(a.sun_path) != 0)
		return 1; /* the host's listener of that name is hidden */
	unlink(a.sun_path);
	l = socket(AF_UNIX, SOCK_STREAM, 0);
	c = socket(AF_UNIX, SOCK_STREAM, 0);
	if (bind(l, (void *)&a, sizeof(a)) || listen(l, 1) ||
	    connect(c, (void *)&a, sizeof(a)))
		return 2;
	s = accept(l, NULL, NULL);
	if (s < 0)
		return 3;
	/* the listener and the accepted socket carry the path */
	return unix_lines(a.sun_path) == 2 ? 0 : 10 + unix_lines(a.sun_path);
}

TEST(hide_netif_unix)
{
	struct sockaddr_un a = { .sun_family = AF_UNIX, .sun_path = "/tmp/vs-unix-host" };
	int l = socket(AF_UNIX, SOCK_STREAM, 0);

	unlink(a.sun_path);
	ASSERT_EQ(0, bind(l, (void *)&a, sizeof(a)));
	ASSERT_EQ(0, listen(l, 1));
	/* The host sees its own listener. */
	EXPECT_EQ(1, unix_lines("/tmp/vs-unix-host"));
	EXPECT_EQ(0, in_child(guest_unix, "/tmp/vs-unix-host")) TH_LOG("host's path");
	EXPECT_EQ(0, in_child(guest_unix, "/tmp/vs-unix-guest")) TH_LOG("guest's path");
	close(l);
	unlink(a.sun_path);
}

/* --- HIDE_NETIF: routes and device ioctls ------------------------------------ */

/*
 * The host's side: vsdummy0 (a dummy device) carries 10.77.5.5 and
 * fd77:5::5, none of the guest's; lo carries the guest's 10.77.0.1 and
 * fd77::1, and the host's 10.77.0.9 and fd77::9. Routes:
 *   10.78.0.0/16, fd78::/64 dev vsdummy0        hidden (foreign device)
 *   10.79.0.0/16, fd79::/64 dev lo              shown
 *   10.80.0.0/16 dev lo src 10.77.0.9           hidden (the host's source)
 *   10.81.0.0/16 dev lo src 10.77.0.1           shown (the guest's source)
 *   local 10.77.0.9, fd77::9 (kernel's)         hidden (the host's address)
 *   local 10.77.0.1, fd77::1 (kernel's)         shown
 */
static void routes_setup(void)
{
	addresses_on_lo();
	sh("ip link add vsdummy0 type dummy 2>/dev/null; ip link set vsdummy0 up;"
	   "ip addr add 10.77.5.5/32 dev vsdummy0 2>/dev/null;"
	   "ip -6 addr add fd77:5::5/128 dev vsdummy0 2>/dev/null;"
	   "ip route add 10.78.0.0/16 dev vsdummy0 2>/dev/null;"
	   "ip route add 10.79.0.0/16 dev lo 2>/dev/null;"
	   "ip route add 10.80.0.0/16 dev lo src 10.77.0.9 2>/dev/null;"
	   "ip route add 10.81.0.0/16 dev lo src 10.77.0.1 2>/dev/null;"
	   "ip -6 route add fd78::/64 dev vsdummy0 2>/dev/null;"
	   "ip -6 route add fd79::/64 dev lo 2>/dev/null; true");
}

static void routes_teardown(void)
{
	sh("ip route del 10.79.0.0/16 2>/dev/null; ip route del 10.80.0.0/16 2>/dev/null;"
	   "ip route del 10.81.0.0/16 2>/dev/null; ip -6 route del fd79::/64 2>/dev/null;"
	   "ip link del vsdummy0 2>/dev/null; true");
}

/* Append one route of an RTM_NEWROUTE message to @out: "DST/LEN oif N src S". */
static void route_line(const struct nlmsghdr *const h, FILE *out)
{
	const struct rtmsg *const rt = NLMSG_DATA(h);
	int len = RTM_PAYLOAD(h), oif = 0;
	char dst[64] = "default", src[64] = "-";
	const struct rtattr *a;

	for (a = RTM_RTA(rt); RTA_OK(a, len); a = RTA_NEXT(a, len)) {
		if (a->rta_type == RTA_DST)
			inet_ntop(rt->rtm_family, RTA_DATA(a), dst, sizeof(dst));
		else if (a->rta_type == RTA_PREFSRC)
			inet_ntop(rt->rtm_family, RTA_DATA(a), src, sizeof(src));
		else if (a->rta_type == RTA_OIF)
			oif = *(int *)RTA_DATA(a);
	}
	fprintf(out, "%s/%u oif %d src %s\n", dst, rt->rtm_dst_len, oif, src);
}

/* What `ip route show table all` asks: an RTM_GETROUTE dump of @family. */
static int route_dump(int family, FILE *out)
{
	struct {
		struct nlmsghdr h;
		struct rtmsg r;
	} req = {
		.h = { .nlmsg_len = sizeof(req), .nlmsg_type = RTM_GETROUTE,
		       .nlmsg_flags = NLM_F_REQUEST | NLM_F_DUMP, .nlmsg_seq = 1 },
		.r = { .rtm_family = family },
	};
	static char buf[32768];
	int fd = socket(AF_NETLINK, SOCK_RAW | SOCK_CLOEXEC, NETLINK_ROUTE);
	ssize_t n;

	if (fd < 0 || send(fd, &req, sizeof(req), 0) != sizeof(req))
		return -1;
	while ((n = recv(fd, buf, sizeof(buf), 0)) > 0) {
		struct nlmsghdr *h = (void *)buf;
		int left = n;

		for (; NLMSG_OK(h, left); h = NLMSG_NEXT(h, left)) {
			if (h->nlmsg_type == NLMSG_DONE) {
				close(fd);
				return 0;
			}
			if (h->nlmsg_type == NLMSG_ERROR)
				return -1;
			if (h->nlmsg_type == RTM_NEWROUTE)
				route_line(h, out);
		}
	}
	return -1;
}

static void cat(const char *path, FILE *out)
{
	static char buf[16384];
	ssize_t n = read_file(path, buf, sizeof(buf));

	if (n >= 0)
		fprintf(out, "== %s\n%s", path, buf);
}

/* In guest A (HIDE_NETIF cleared unless @arg): both route dumps and files. */
static int guest_routes(void *arg)
{
	const bool hide = *(bool *)arg;
	struct vcmd_flags_v0 f = { 0, NXF_HIDE_NETIF };

	if (enter_guest(NID_A, "10.77.0.1", "fd77::1"))
		return 100;
	if (!hide && vs_call(VCMD_set_nflags, NID_A, &f))
		return 101;
	if (route_dump(AF_INET, stdout) || route_dump(AF_INET6, stdout))
		return 102;
	cat("/proc/net/route", stdout);
	cat("/proc/net/ipv6_route", stdout);
	fflush(stdout);
	return 0;
}


/* A /proc/net/route destination: the address as the kernel prints it. */
static const char *route_hex(const char *ip, char *buf)
{
	struct in_addr a;

	inet_pton(AF_INET, ip, &a);
	sprintf(buf, "\t%08X\t", a.s_addr);
	return buf;
}

TEST(hide_netif_routes)
{
	static char out[65536];
	char hex[32], oif[32];
	bool hide = true;

	routes_setup();
	snprintf(oif, sizeof(oif), "oif %u ", if_nametoindex("vsdummy0"));
	ASSERT_NE(0, if_nametoindex("vsdummy0"));

	ASSERT_EQ(0, child_output(guest_routes, &hide, out, sizeof(out)));
	/* Routes by the guest's device, with no source or the guest's. */
	EXPECT_NE(NULL, strstr(out, "10.79.0.0/16 oif 1 ")) TH_LOG("%s", out);
	EXPECT_NE(NULL, strstr(out, "10.81.0.0/16 oif 1 src 10.77.0.1"));
	EXPECT_NE(NULL, strstr(out, "fd79::/64 oif 1 "));
	EXPECT_NE(NULL, strstr(out, "10.77.0.1/32 oif 1 ")); /* its local route */
	EXPECT_NE(NULL, strstr(out, "fd77::1/128 oif 1 "));
	/* Nothing by a foreign device, with the host's source, to its addresses. */
	EXPECT_EQ(NULL, strstr(out, oif)) TH_LOG("%s", out);
	EXPECT_EQ(NULL, strstr(out, "10.78.0.0"));
	EXPECT_EQ(NULL, strstr(out, "10.80.0.0"));
	EXPECT_EQ(NULL, strstr(out, "10.77.0.9"));
	EXPECT_EQ(NULL, strstr(out, "10.77.5.5"));
	EXPECT_EQ(NULL, strstr(out, "127.0.0"));
	EXPECT_EQ(NULL, strstr(out, "fd78::"));
	EXPECT_EQ(NULL, strstr(out, "fd77::9"));
	EXPECT_EQ(NULL, strstr(out, "fd77:5::5"));
	/* The same in /proc/net/route and /proc/net/ipv6_route. */
	EXPECT_NE(NULL, strstr(out, route_hex("10.79.0.0", hex)));
	EXPECT_NE(NULL, strstr(out, route_hex("10.81.0.0", hex)));
	EXPECT_EQ(NULL, strstr(out, route_hex("10.78.0.0", hex)));
	EXPECT_EQ(NULL, strstr(out, route_hex("10.80.0.0", hex)));
	EXPECT_NE(NULL, strstr(out, "fd790000000000000000000000000000 40 "));
	EXPECT_EQ(NULL, strstr(out, "fd780000000000000000000000000000"));
	EXPECT_EQ(NULL, strstr(out, "fd770000000000000000000000000009"));
	EXPECT_EQ(NULL, strstr(out, "vsdummy0")) TH_LOG("%s", out);

	/* Without HIDE_NETIF the guest sees the host's table. */
	hide = false;
	ASSERT_EQ(0, child_output(guest_routes, &hide, out, sizeof(out)));
	EXPECT_NE(NULL, strstr(out, "10.78.0.0/16 "));
	EXPECT_NE(NULL, strstr(out, "10.80.0.0/16 oif 1 src 10.77.0.9"));
	EXPECT_NE(NULL, strstr(out, "fd78::/64 "));
	EXPECT_NE(NULL, strstr(out, oif));
	EXPECT_NE(NULL, strstr(out, route_hex("10.78.0.0", hex)));
	EXPECT_NE(NULL, strstr(out, "vsdummy0"));
	routes_teardown();
}

/* Append attribute @type holding @len bytes of @data to the message @h. */
static void nl_attr(struct nlmsghdr *h, int type, const void *data, int len)
{
	struct rtattr *a = (void *)((char *)h + NLMSG_ALIGN(h->nlmsg_len));

	a->rta_type = type;
	a->rta_len = RTA_LENGTH(len);
	memcpy(RTA_DATA(a), data, len);
	h->nlmsg_len = NLMSG_ALIGN(h->nlmsg_len) + RTA_ALIGN(a->rta_len);
}

/*
 * What `ip route get` asks: RTM_GETROUTE for @ip without NLM_F_DUMP, with
 * @flags in rtm_flags (RTM_F_FIB_MATCH: the matched route itself) and, if
 * @iif, that input device. Prints "get IP[ fibmatch][ iif]: " and the
 * answer as route_line() does, or "error E".
 */
static void route_get(int family, const char *ip, unsigned int flags, int iif)
{
	union {
		struct nlmsghdr h;
		char buf[256];
	} req = { .h = { .nlmsg_len = NLMSG_LENGTH(sizeof(struct rtmsg)),
			 .nlmsg_type = RTM_GETROUTE, .nlmsg_flags = NLM_F_REQUEST,
			 .nlmsg_seq = 1 } };
	struct rtmsg *const r = NLMSG_DATA(&req.h);
	static char buf[8192];
	struct in6_addr dst;
	struct nlmsghdr *h = (void *)buf;
	int fd = socket(AF_NETLINK, SOCK_RAW | SOCK_CLOEXEC, NETLINK_ROUTE);
	ssize_t n;

	printf("get %s%s%s: ", ip, flags & RTM_F_FIB_MATCH ? " fibmatch" : "",
	       iif ? " iif" : "");
	r->rtm_family = family;
	r->rtm_dst_len = family == AF_INET ? 32 : 128;
	r->rtm_flags = flags;
	inet_pton(family, ip, &dst);
	nl_attr(&req.h, RTA_DST, &dst, family == AF_INET ? 4 : 16);
	if (iif)
		nl_attr(&req.h, RTA_IIF, &iif, sizeof(iif));
	if (fd < 0 || send(fd, &req, req.h.nlmsg_len, 0) < 0 ||
	    (n = recv(fd, buf, sizeof(buf), 0)) <= 0 || !NLMSG_OK(h, n))
		printf("failed\n");
	else if (h->nlmsg_type == NLMSG_ERROR)
		printf("error %d\n", ((struct nlmsgerr *)NLMSG_DATA(h))->error);
	else if (h->nlmsg_type == RTM_NEWROUTE)
		route_line(h, stdout);
	else
		printf("failed\n");
	close(fd);
}

/* In guest A (HIDE_NETIF cleared unless @arg): route lookups. */
static int guest_route_get(void *arg)
{
	const char *const ips[] = {
		"10.78.1.1", "10.79.1.1", "10.80.1.1", "10.77.5.5", "10.77.0.9",
		"10.77.0.1", "fd78::1", "fd79::1", "fd77:5::5", "fd77::9", "fd77::1",
	};
	const bool hide = *(bool *)arg;
	const int dummy = if_nametoindex("vsdummy0");
	unsigned int i;

	if (enter_guest(NID_A, "10.77.0.1", "fd77::1"))
		return 100;
	if (!hide && set_nflags(NID_A, 0, NXF_HIDE_NETIF))
		return 101;
	for (i = 0; i < sizeof(ips) / sizeof(ips[0]); i++)
		route_get(strchr(ips[i], ':') ? AF_INET6 : AF_INET, ips[i], 0, 0);
	route_get(AF_INET, "10.80.1.1", RTM_F_FIB_MATCH, 0);
	route_get(AF_INET, "10.81.1.1", RTM_F_FIB_MATCH, 0);
	route_get(AF_INET6, "fd80::1", RTM_F_FIB_MATCH, 0);
	route_get(AF_INET6, "fd79::1", RTM_F_FIB_MATCH, 0);
	route_get(AF_INET, "10.77.0.1", 0, dummy);
	route_get(AF_INET6, "fd77::1", 0, dummy);
	fflush(stdout);
	return 0;
}

/*
 * HIDE_NETIF and route lookups (the routes of routes_setup(), and
 * fd80::/64 dev lo src fd77::9): a lookup whose route leaves by a hidden
 * device, or is a local route to a host's address, fails as when no route
 * matches; with RTM_F_FIB_MATCH, also when the dumps hide the route; a
 * hidden input device does not exist. Without the flag, the host's answers.
 */
TEST(hide_netif_route_get)
{
	const char *const unreachable[] = {
		"10.78.1.1", "10.77.5.5", "10.77.0.9", "fd78::1", "fd77:5::5",
		"fd77::9", "10.80.1.1 fibmatch", "fd80::1 fibmatch",
	};
	static char out[16384];
	char want[64], oif[32];
	bool hide = true;
	unsigned int i;

	routes_setup();
	sh("ip -6 route add fd80::/64 dev lo src fd77::9 2>/dev/null; true");
	ASSERT_NE(0, if_nametoindex("vsdummy0"));
	snprintf(oif, sizeof(oif), "oif %u ", if_nametoindex("vsdummy0"));

	ASSERT_EQ(0, child_output(guest_route_get, &hide, out, sizeof(out)));
	for (i = 0; i < sizeof(unreachable) / sizeof(unreachable[0]); i++) {
		snprintf(want, sizeof(want), "get %s: error %d\n", unreachable[i], -ENETUNREACH);
		EXPECT_NE(NULL, strstr(out, want)) TH_LOG("%s: %s", want, out);
	}
	/*
	 * By the guest's device, and from the source its sockets use: its
	 * address on lo, never the route's (10.80/16 has the host's 10.77.0.9).
	 */
	EXPECT_NE(NULL, strstr(out, "get 10.79.1.1: 10.79.1.1/32 oif 1 src 10.77.0.1\n"))
		TH_LOG("%s", out);
	EXPECT_NE(NULL, strstr(out, "get 10.80.1.1: 10.80.1.1/32 oif 1 src 10.77.0.1\n"));
	EXPECT_NE(NULL, strstr(out, "get 10.77.0.1: 10.77.0.1/32 oif 1 src 10.77.0.1\n"));
	EXPECT_NE(NULL, strstr(out, "get fd79::1: fd79::1/128 oif 1 src fd77::1\n"));
	EXPECT_NE(NULL, strstr(out, "get fd77::1: fd77::1/128 oif 1 src fd77::1\n"));
	EXPECT_NE(NULL, strstr(out, "get 10.81.1.1 fibmatch: 10.81.0.0/16 oif 1 src 10.77.0.1"));
	EXPECT_NE(NULL, strstr(out, "get fd79::1 fibmatch: fd79::/64 oif 1 "));
	snprintf(want, sizeof(want), "get 10.77.0.1 iif: error %d\n", -ENODEV);
	EXPECT_NE(NULL, strstr(out, want)) TH_LOG("%s", out);
	snprintf(want, sizeof(want), "get fd77::1 iif: error %d\n", -ENODEV);
	EXPECT_NE(NULL, strstr(out, want)) TH_LOG("%s", out);
	EXPECT_EQ(NULL, strstr(out, oif)) TH_LOG("%s", out);
	/* busybox ip route get, as a guest's administrator runs it. */
	ASSERT_EQ(0, guest_sh("ip route get 10.78.1.1 2>&1; ip route get 10.79.1.1 2>&1",
			      true, out, sizeof(out)));
	EXPECT_NE(NULL, strstr(out, "unreachable")) TH_LOG("%s", out);
	EXPECT_NE(NULL, strstr(out, "10.79.1.1 dev lo")) TH_LOG("%s", out);
	EXPECT_EQ(NULL, strstr(out, "vsdummy0")) TH_LOG("%s", out);

	/* Without HIDE_NETIF the guest gets the host's answers. */
	hide = false;
	ASSERT_EQ(0, child_output(guest_route_get, &hide, out, sizeof(out)));
	snprintf(want, sizeof(want), "get 10.78.1.1: 10.78.1.1/32 %s", oif);
	EXPECT_NE(NULL, strstr(out, want)) TH_LOG("%s", out);
	snprintf(want, sizeof(want), "get fd78::1: fd78::1/128 %s", oif);
	EXPECT_NE(NULL, strstr(out, want)) TH_LOG("%s", out);
	EXPECT_NE(NULL, strstr(out, "get 10.77.5.5: 10.77.5.5/32 oif 1 "));
	/* The source is still the guest's: what its sockets would send from. */
	EXPECT_NE(NULL, strstr(out, "get 10.77.0.9: 10.77.0.9/32 oif 1 src 10.77.0.1\n"))
		TH_LOG("%s", out);
	EXPECT_NE(NULL, strstr(out, "get fd77::9: fd77::9/128 oif 1 src fd77::1\n"));
	EXPECT_NE(NULL, strstr(out, "get fd77:5::5: fd77:5::5/128 oif 1 "));
	EXPECT_NE(NULL, strstr(out, "get 10.80.1.1 fibmatch: 10.80.0.0/16 oif 1 src 10.77.0.9"));
	EXPECT_NE(NULL, strstr(out, "get fd80::1 fibmatch: fd80::/64 oif 1 src fd77::9"));
	EXPECT_EQ(NULL, strstr(out, "error -101")) TH_LOG("%s", out);
	EXPECT_EQ(NULL, strstr(out, "error -19")) TH_LOG("%s", out);
	ASSERT_EQ(0, guest_sh("ip route get 10.78.1.1 2>&1", false, out, sizeof(out)));
	EXPECT_NE(NULL, strstr(out, "10.78.1.1 dev vsdummy0")) TH_LOG("%s", out);
	sh("ip -6 route del fd80::/64 2>/dev/null; true");
	routes_teardown();
}

/*
 * What `ip neigh` asks: an RTM_GETNEIGH dump, one line per entry
 * ("DST oif N"); or, with @ifindex, RTM_GETNEIGH for @ip on that device:
 * returns the error the kernel answered (0, -ENODEV...).
 */
static int neigh_ask(FILE *out, const char *ip, int ifindex)
{
	struct {
		struct nlmsghdr h;
		struct ndmsg n;
		struct rtattr a;
		struct in_addr dst;
	} req = {
		.h = { .nlmsg_len = NLMSG_LENGTH(sizeof(struct ndmsg)),
		       .nlmsg_type = RTM_GETNEIGH, .nlmsg_seq = 1,
		       .nlmsg_flags = NLM_F_REQUEST | (ip ? 0 : NLM_F_DUMP) },
		.n = { .ndm_family = AF_INET, .ndm_ifindex = ifindex },
		.a = { .rta_len = RTA_LENGTH(sizeof(struct in_addr)), .rta_type = NDA_DST },
	};
	static char buf[32768];
	int fd = socket(AF_NETLINK, SOCK_RAW | SOCK_CLOEXEC, NETLINK_ROUTE);
	ssize_t n;

	if (ip) {
		inet_pton(AF_INET, ip, &req.dst);
		req.h.nlmsg_len = sizeof(req);
	}
	if (fd < 0 || send(fd, &req, req.h.nlmsg_len, 0) < 0)
		return -1000;
	while ((n = recv(fd, buf, sizeof(buf), 0)) > 0) {
		struct nlmsghdr *h = (void *)buf;
		int left = n;

		for (; NLMSG_OK(h, left); h = NLMSG_NEXT(h, left)) {
			const struct ndmsg *nd = NLMSG_DATA(h);
			int len = h->nlmsg_len - NLMSG_LENGTH(sizeof(*nd));
			const struct rtattr *a;
			char dst[64] = "?";

			if (h->nlmsg_type == NLMSG_DONE)
				return 0;
			if (h->nlmsg_type == NLMSG_ERROR)
				return ((struct nlmsgerr *)NLMSG_DATA(h))->error;
			if (h->nlmsg_type != RTM_NEWNEIGH)
				continue;
			for (a = (void *)((char *)nd + NLMSG_ALIGN(sizeof(*nd))); RTA_OK(a, len);
			     a = RTA_NEXT(a, len))
				if (a->rta_type == NDA_DST)
					inet_ntop(nd->ndm_family, RTA_DATA(a), dst, sizeof(dst));
			fprintf(out, "neigh %s oif %d\n", dst, nd->ndm_ifindex);
			if (ip)
				return 0;
		}
	}
	return -1001;
}

/* In a guest with 10.77.6.1 (on vsdummy1): its view of the neighbours. */
static int guest_neighbours(void *arg)
{
	const bool hide = *(bool *)arg;
	const int dummy0 = if_nametoindex("vsdummy0"), dummy1 = if_nametoindex("vsdummy1");

	if (enter_guest(NID_A, "10.77.6.1", NULL))
		return 100;
	if (!hide && set_nflags(NID_A, 0, NXF_HIDE_NETIF))
		return 101;
	if (neigh_ask(stdout, NULL, 0))
		return 102;
	printf("get-hidden %d\n", neigh_ask(stdout, "10.77.5.6", dummy0));
	printf("get-own %d\n", neigh_ask(stdout, "10.77.6.7", dummy1));
	cat("/proc/net/arp", stdout);
	fflush(stdout);
	return 0;
}

/* HIDE_NETIF: neighbours of a hidden device are hidden too. */
TEST(hide_netif_neighbours)
{
	static char out[32768];
	char want[64];
	bool hide = true;

	routes_setup();
	sh("ip link add vsdummy1 type dummy 2>/dev/null; ip link set vsdummy1 up;"
	   "ip addr add 10.77.6.1/24 dev vsdummy1 2>/dev/null;"
	   "arp -s 10.77.6.7 02:00:00:00:00:07 -i vsdummy1;"
	   "arp -s 10.77.5.6 02:00:00:00:00:06 -i vsdummy0; true");
	ASSERT_EQ(0, child_output(guest_neighbours, &hide, out, sizeof(out)));
	EXPECT_NE(NULL, strstr(out, "neigh 10.77.6.7 oif ")) TH_LOG("%s", out);
	EXPECT_NE(NULL, strstr(out, "get-own 0\n"));
	snprintf(want, sizeof(want), "get-hidden %d\n", -ENODEV);
	EXPECT_NE(NULL, strstr(out, want)) TH_LOG("%s", out);
	EXPECT_EQ(NULL, strstr(out, "10.77.5.6")) TH_LOG("%s", out);
	EXPECT_EQ(NULL, strstr(out, "vsdummy0"));
	EXPECT_NE(NULL, strstr(out, "vsdummy1")); /* in /proc/net/arp */

	/* Without HIDE_NETIF the guest sees every entry. */
	hide = false;
	ASSERT_EQ(0, child_output(guest_neighbours, &hide, out, sizeof(out)));
	EXPECT_NE(NULL, strstr(out, "neigh 10.77.5.6 oif ")) TH_LOG("%s", out);
	EXPECT_NE(NULL, strstr(out, "get-hidden 0\n"));
	EXPECT_NE(NULL, strstr(out, "vsdummy0"));
	sh("ip link del vsdummy1 2>/dev/null; true");
	routes_teardown();
}

/* One SIOCGIF* ioctl by name; returns 0 or errno. */
static int ifreq_by_name(int fd, unsigned long cmd, const char *name, struct ifreq *ifr)
{
	memset(ifr, 0, sizeof(*ifr));
	snprintf(ifr->ifr_name, sizeof(ifr->ifr_name), "%s", name);
	return ioctl(fd, cmd, ifr) ? errno : 0;
}

static const unsigned long by_name_ioctls[] = {
	SIOCGIFFLAGS, SIOCGIFINDEX, SIOCGIFMTU, SIOCGIFMETRIC, SIOCGIFMAP,
	SIOCGIFTXQLEN, SIOCGIFHWADDR, SIOCGIFADDR,
};

/*
 * In guest A: the device ioctls find lo (which carries the guest's
 * address) and do not find vsdummy0, exactly as a name that does not
 * exist; without HIDE_NETIF (@arg false) they find vsdummy0.
 */
static int guest_ioctls(void *arg)
{
	const bool hide = *(bool *)arg;
	const int dummy_index = if_nametoindex("vsdummy0");
	struct vcmd_flags_v0 f = { 0, NXF_HIDE_NETIF };
	struct ethtool_drvinfo info = { .cmd = ETHTOOL_GDRVINFO };
	struct ifreq ifr;
	unsigned int i;
	int fd;

	if (dummy_index <= 0)
		return 100;
	if (enter_guest(NID_A, "10.77.0.1", "fd77::1"))
		return 101;
	if (!hide && vs_call(VCMD_set_nflags, NID_A, &f))
		return 102;
	fd = socket(AF_INET, SOCK_DGRAM, 0);
	for (i = 0; i < sizeof(by_name_ioctls) / sizeof(by_name_ioctls[0]); i++) {
		unsigned long cmd = by_name_ioctls[i];

		if (ifreq_by_name(fd, cmd, "vsnone0", &ifr) != ENODEV)
			return 10 + i; /* the reference: no such device */
		if (ifreq_by_name(fd, cmd, "vsdummy0", &ifr) != (hide ? ENODEV : 0))
			return 20 + i;
		/* SIOCGIFADDR on lo names 127.0.0.1, an address the guest
		 * does not see (EADDRNOTAVAIL, patches/0015). */
		if (cmd != SIOCGIFADDR && ifreq_by_name(fd, cmd, "lo", &ifr))
			return 30 + i;
	}
	if (ifreq_by_name(fd, SIOCGIFINDEX, "lo", &ifr) || ifr.ifr_ifindex != 1)
		return 40;
	/* SIOCGIFNAME: by index. */
	memset(&ifr, 0, sizeof(ifr));
	ifr.ifr_ifindex = dummy_index;
	if ((ioctl(fd, SIOCGIFNAME, &ifr) ? errno : 0) != (hide ? ENODEV : 0))
		return 41;
	ifr.ifr_ifindex = 1;
	if (ioctl(fd, SIOCGIFNAME, &ifr) || strcmp(ifr.ifr_name, "lo"))
		return 42;
	/* ethtool by name. */
	memset(&ifr, 0, sizeof(ifr));
	strcpy(ifr.ifr_name, "vsdummy0");
	ifr.ifr_data = (void *)&info;
	if ((ioctl(fd, SIOCETHTOOL, &ifr) ? errno : 0) != (hide ? ENODEV : 0))
		return 43;
	return 0;
}

TEST(hide_netif_device_ioctls)
{
	bool hide = true;

	routes_setup();
	EXPECT_EQ(0, in_child(guest_ioctls, &hide));
	hide = false;
	EXPECT_EQ(0, in_child(guest_ioctls, &hide));
	routes_teardown();
}

/* --- HIDE_LBACK --------------------------------------------------------------- */

static void print_addr(const char *what, const struct sockaddr_storage *ss)
{
	char buf[64] = "?";

	if (ss->ss_family == AF_INET)
		inet_ntop(AF_INET, &((struct sockaddr_in *)ss)->sin_addr, buf, sizeof(buf));
	else if (ss->ss_family == AF_INET6)
		inet_ntop(AF_INET6, &((struct sockaddr_in6 *)ss)->sin6_addr, buf, sizeof(buf));
	printf("%s %s\n", what, buf);
}

static void print_name(const char *what, int fd, int peer)
{
	struct sockaddr_storage ss = { 0 };
	socklen_t len = sizeof(ss);

	if (peer ? getpeername(fd, (void *)&ss, &len) : getsockname(fd, (void *)&ss, &len))
		printf("%s failed\n", what);
	else
		print_addr(what, &ss);
}

struct lback_case {
	uint32_t nid;
	const char *v4;
	bool hide;
};

/*
 * A TCP listener on @ip:@port (@l), a client connected to it (@cl) and the
 * accepted end (@a, its peer in @peer if not NULL): 0, or 102, 103, 104
 * for the step that failed.
 */
static int loopback_pair(int family, const char *ip, int port, int *l, int *cl,
			 int *a, struct sockaddr_storage *peer)
{
	socklen_t len = sizeof(*peer);
	int one = 1;

	*l = socket(family, SOCK_STREAM, 0);
	setsockopt(*l, SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one));
	if ((family == AF_INET ? bind4(*l, ip, port) : bind6(*l, ip, port)) || listen(*l, 4))
		return 102;
	*cl = socket(family, SOCK_STREAM, 0);
	if (family == AF_INET ? connect4(*cl, ip, port) : connect6(*cl, ip, port))
		return 103;
	*a = accept(*l, (void *)peer, peer ? &len : NULL);
	return *a < 0 ? 104 : 0;
}

/*
 * In a guest: serve 127.0.0.1:9292 (TCP and UDP), reach it at 127.0.0.1
 * over IPv4 and as ::ffff:127.0.0.1 over IPv6, and print every address the
 * calls show, then the guest's lines of /proc/net/tcp and /proc/net/udp.
 */
static int lback_views(void *arg)
{
	const struct lback_case *const c = arg;
	struct sockaddr_storage ss = { 0 };
	char cbuf[CMSG_SPACE(sizeof(struct in_pktinfo))];
	char buf[4];
	struct iovec iov = { .iov_base = buf, .iov_len = sizeof(buf) };
	struct msghdr msg = {
		.msg_name = &ss, .msg_namelen = sizeof(ss), .msg_iov = &iov,
		.msg_iovlen = 1, .msg_control = cbuf, .msg_controllen = sizeof(cbuf),
	};
	struct cmsghdr *cm;
	int l, cl, a, u, uc, c6, r, one = 1;

	if (enter_guest(c->nid, c->v4, NULL))
		return 100;
	if (!c->hide && set_nflags(c->nid, 0, NXF_HIDE_LBACK))
		return 101;
	r = loopback_pair(AF_INET, "127.0.0.1", 9292, &l, &cl, &a, &ss);
	if (r)
		return r;
	print_addr("accept-peer", &ss);
	print_name("listener-name", l, 0);
	print_name("client-name", cl, 0);
	print_name("client-peer", cl, 1);
	print_name("accepted-name", a, 0);
	print_name("accepted-peer", a, 1);
	c6 = socket(AF_INET6, SOCK_STREAM, 0);
	if (connect6(c6, "::ffff:127.0.0.1", 9292))
		return 105;
	print_name("v6-client-name", c6, 0);
	print_name("v6-client-peer", c6, 1);

	u = socket(AF_INET, SOCK_DGRAM, 0);
	uc = socket(AF_INET, SOCK_DGRAM, 0);
	if (bind4(u, "127.0.0.1", 9292) ||
	    setsockopt(u, IPPROTO_IP, IP_PKTINFO, &one, sizeof(one)))
		return 106;
	if (connect4(uc, "127.0.0.1", 9292) || send(uc, "x", 1, 0) != 1)
		return 107;
	if (recvmsg(u, &msg, 0) != 1)
		return 108;
	print_addr("udp-source", &ss);
	/* The destination as IP_PKTINFO reports it (DNS servers read it). */
	for (cm = CMSG_FIRSTHDR(&msg); cm; cm = CMSG_NXTHDR(&msg, cm)) {
		const struct in_pktinfo *pi = (const void *)CMSG_DATA(cm);
		char ip[INET_ADDRSTRLEN];

		if (cm->cmsg_level != IPPROTO_IP || cm->cmsg_type != IP_PKTINFO)
			continue;
		printf("udp-pktinfo %s\n", inet_ntop(AF_INET, &pi->ipi_addr, ip, sizeof(ip)));
		printf("udp-pktinfo-spec %s\n",
		       inet_ntop(AF_INET, &pi->ipi_spec_dst, ip, sizeof(ip)));
	}
	cat("/proc/net/tcp", stdout);
	cat("/proc/net/udp", stdout);
	fflush(stdout);
	return 0;
}

/*
 * HIDE_LBACK (set by net_create's defaults): two guests each serve
 * 127.0.0.1:9292 on their own loopback address, and each sees 127.0.0.1
 * wherever that address shows; without the flag, the address itself.
 */
TEST(hide_lback)
{
	const char *const calls[] = {
		"accept-peer", "listener-name", "client-name", "client-peer",
		"accepted-name", "accepted-peer", "udp-source", "udp-pktinfo",
		"udp-pktinfo-spec",
	};
	struct lback_case cases[] = {
		{ NID_A, "10.77.0.1", true }, /* lback 127.0.201.1 */
		{ NID_B, "10.77.0.2", true }, /* lback 127.0.202.1 */
		{ NID_A, "10.77.0.1", false },
	};
	/* 127.0.0.1, 127.0.201.1, 127.0.202.1 as /proc/net/tcp prints them */
	const char *const hex[] = { "0100007F:244C", "01C9007F:244C", "01CA007F:244C" };
	const char *const ip[] = { "127.0.0.1", "127.0.201.1", "127.0.202.1" };
	static char out[32768];
	char want[64];
	unsigned int i, j;

	addresses_on_lo();
	for (i = 0; i < 3; i++) {
		const unsigned int shown = cases[i].hide ? 0 : 1 + (cases[i].nid == NID_B);

		ASSERT_EQ(0, child_output(lback_views, &cases[i], out, sizeof(out))) {
			TH_LOG("case %u: %s", i, out);
		}
		for (j = 0; j < sizeof(calls) / sizeof(calls[0]); j++) {
			snprintf(want, sizeof(want), "%s %s\n", calls[j], ip[shown]);
			EXPECT_NE(NULL, strstr(out, want)) TH_LOG("case %u, %s: %s", i, want, out);
		}
		snprintf(want, sizeof(want), "v6-client-peer ::ffff:%s\n", ip[shown]);
		EXPECT_NE(NULL, strstr(out, want)) TH_LOG("case %u: %s", i, out);
		snprintf(want, sizeof(want), "v6-client-name ::ffff:%s\n", ip[shown]);
		EXPECT_NE(NULL, strstr(out, want)) TH_LOG("case %u: %s", i, out);
		/* /proc/net/tcp: the listener, both ends; /proc/net/udp. */
		EXPECT_NE(NULL, strstr(out, hex[shown])) TH_LOG("case %u: %s", i, out);
		for (j = 0; j < 3; j++) {
			if (j == shown)
				continue;
			EXPECT_EQ(NULL, strstr(out, hex[j])) TH_LOG("case %u: %s", i, out);
		}
		EXPECT_EQ(NULL, strstr(out, "failed"));
	}
}

struct lback6_case {
	bool hide_netif, hide_lback;
};

/* How many times @needle occurs in @s, up to @end (or its end). */
static int count_in(const char *s, const char *end, const char *needle)
{
	int n = 0;

	while ((s = strstr(s, needle)) && (!end || s < end)) {
		n++;
		s += strlen(needle);
	}
	return n;
}

/* Append to @out the header line of @path and its lines that name port 9393. */
static void lines_9393(const char *path, FILE *out)
{
	static char buf[262144];
	char *line, *save;

	if (read_file(path, buf, sizeof(buf)) < 0)
		return;
	fprintf(out, "== %s\n", path);
	for (line = strtok_r(buf, "\n", &save); line; line = strtok_r(NULL, "\n", &save))
		if (strstr(line, ":24B1 "))
			fprintf(out, "%s\n", line);
}

/*
 * In guest A: a dual-stack TCP listener on ::ffff:127.0.0.1:9393 (LBACK_REMAP
 * makes that its loopback address), a connected pair, and a connection
 * closed by its client (a time-wait socket) over IPv6 and over IPv4; a UDP
 * socket on the same address and one connected to it. Prints the guest's
 * lines of /proc/net/tcp6, udp6 and tcp for port 9393, then holds the sockets open until its
 * stdin closes, for the host to look.
 */
static int lback6_views(void *arg)
{
	const struct lback6_case *const c = arg;
	int l, cl, a, t, ta, u, uc, i;
	char ch;

	if (enter_guest(NID_A, "10.77.0.1", NULL))
		return 100;
	if (!c->hide_netif && set_nflags(NID_A, 0, NXF_HIDE_NETIF))
		return 101;
	if (!c->hide_lback && set_nflags(NID_A, 0, NXF_HIDE_LBACK))
		return 101;
	i = loopback_pair(AF_INET6, "::ffff:127.0.0.1", 9393, &l, &cl, &a, NULL);
	if (i)
		return i;
	/* Time-wait sockets: the client closes first, over IPv6 and IPv4. */
	for (i = 0; i < 2; i++) {
		t = socket(i ? AF_INET : AF_INET6, SOCK_STREAM, 0);
		if (i ? connect4(t, "127.0.0.1", 9393) :
			connect6(t, "::ffff:127.0.0.1", 9393))
			return 105;
		ta = accept(l, NULL, NULL);
		if (ta < 0)
			return 106;
		close(t);
		close(ta);
	}
	usleep(100 * 1000);
	u = socket(AF_INET6, SOCK_DGRAM, 0);
	uc = socket(AF_INET6, SOCK_DGRAM, 0);
	if (bind6(u, "::ffff:127.0.0.1", 9393))
		return 107;
	if (connect6(uc, "::ffff:127.0.0.1", 9393) || send(uc, "x", 1, 0) != 1)
		return 108;
	lines_9393("/proc/net/tcp6", stdout);
	lines_9393("/proc/net/udp6", stdout);
	lines_9393("/proc/net/tcp", stdout);
	fflush(stdout);
	close(1);
	return read(0, &ch, 1) == 0 ? 0 : 109;
}

/*
 * child_output() for lback6_views(): once the child has printed its view,
 * read the host's view of the same files into @host, then let it go.
 */
static int lback6_run(const struct lback6_case *c, char *out, size_t size,
		      FILE *host)
{
	int p[2], g[2], st;
	ssize_t n, got = 0;
	pid_t pid;

	if (pipe(p) || pipe(g))
		return -1;
	pid = fork();
	if (!pid) {
		close(p[0]);
		close(g[1]);
		dup2(p[1], 1);
		dup2(g[0], 0);
		close(p[1]);
		close(g[0]);
		_exit(lback6_views((void *)c));
	}
	close(p[1]);
	close(g[0]);
	while (got < (ssize_t)size - 1 && (n = read(p[0], out + got, size - 1 - got)) > 0)
		got += n;
	out[got] = '\0';
	close(p[0]);
	lines_9393("/proc/net/tcp6", host);
	lines_9393("/proc/net/udp6", host);
	fflush(host);
	close(g[1]);
	waitpid(pid, &st, 0);
	return WIFEXITED(st) ? WEXITSTATUS(st) : -1;
}

/*
 * HIDE_LBACK in /proc/net/tcp6 and udp6: a guest's dual-stack sockets on
 * its loopback address (::ffff:127.0.201.1) show ::ffff:127.0.0.1 to it,
 * time-wait sockets too (seen with HIDE_NETIF cleared); the host sees the
 * real address, and so does the guest without the flag.
 */
TEST(hide_lback_proc6)
{
	/* ::ffff:127.0.0.1 and ::ffff:127.0.201.1 (port 9393) as tcp6 prints them */
	const char *const shown = "0000000000000000FFFF00000100007F:24B1";
	const char *const real = "0000000000000000FFFF000001C9007F:24B1";
	const struct lback6_case cases[] = {
		{ true, true }, { false, true }, { true, false },
	};
	static char out[65536], host[65536];
	char tw6[64], tw4[64];
	unsigned int i;

	addresses_on_lo();
	for (i = 0; i < 3; i++) {
		const char *const want = cases[i].hide_lback ? shown : real;
		const char *const not = cases[i].hide_lback ? real : shown;
		FILE *h = fmemopen(host, sizeof(host), "w");
		const char *udp, *tcp4;

		ASSERT_NE(NULL, h);
		ASSERT_EQ(0, lback6_run(&cases[i], out, sizeof(out), h)) {
			TH_LOG("case %u: %s", i, out);
		}
		fclose(h);
		udp = strstr(out, "== /proc/net/udp6");
		tcp4 = strstr(out, "== /proc/net/tcp\n");
		ASSERT_NE(NULL, udp);
		ASSERT_NE(NULL, tcp4);
		/* tcp6: the listener, both ends of the pair; udp6: both sockets. */
		EXPECT_LE(3, count_in(out, udp, want)) TH_LOG("case %u: %s", i, out);
		EXPECT_LE(2, count_in(udp, tcp4, want)) TH_LOG("case %u: %s", i, out);
		EXPECT_EQ(0, count_in(out, NULL, not)) TH_LOG("case %u: %s", i, out);
		if (!cases[i].hide_netif) {
			/* The clients' time-wait sockets, in tcp6 and tcp. */
			snprintf(tw6, sizeof(tw6), "%s 06 ", want);
			snprintf(tw4, sizeof(tw4), "%s:24B1 06 ",
				 cases[i].hide_lback ? "0100007F" : "01C9007F");
			EXPECT_NE(NULL, strstr(out, tw6)) TH_LOG("case %u: %s", i, out);
			EXPECT_NE(NULL, strstr(tcp4, tw4)) TH_LOG("case %u: %s", i, out);
			EXPECT_EQ(NULL, strstr(tcp4, cases[i].hide_lback ? "01C9007F:24B1" :
						 "0100007F:24B1"));
		}
		/* The host sees the real address. */
		udp = strstr(host, "== /proc/net/udp6");
		ASSERT_NE(NULL, udp);
		EXPECT_LE(3, count_in(host, udp, real)) TH_LOG("case %u: %s", i, host);
		EXPECT_LE(2, count_in(udp, NULL, real)) TH_LOG("case %u: %s", i, host);
		EXPECT_EQ(0, count_in(host, NULL, shown)) TH_LOG("case %u: %s", i, host);
	}
}

/* --- sock_stat ----------------------------------------------------------------- */

#define XID_S 233

/*
 * In a new context XID_S (no network context: the traffic goes over the
 * host's loopback): messages of known sizes over UNIX, INET and INET6
 * sockets, and sends that fail.
 */
static int socket_traffic(void *arg)
{
	char buf[256] = { 0 };
	int sv[2], u, u6, cl, i;

	if (vs_create(XID_S, VXF_INIT_SET) != XID_S)
		return 100;
	/* UNIX: 3 messages of 10 bytes, each read back. */
	if (socketpair(AF_UNIX, SOCK_DGRAM, 0, sv))
		return 101;
	for (i = 0; i < 3; i++)
		if (send(sv[0], buf, 10, 0) != 10 || recv(sv[1], buf, sizeof(buf), 0) != 10)
			return 102;
	/* INET: 2 datagrams of 100 bytes, and a 5-byte send without a destination. */
	u = socket(AF_INET, SOCK_DGRAM, 0);
	cl = socket(AF_INET, SOCK_DGRAM, 0);
	if (bind4(u, "127.0.0.1", 9494) || connect4(cl, "127.0.0.1", 9494))
		return 103;
	for (i = 0; i < 2; i++)
		if (send(cl, buf, 100, 0) != 100 || recv(u, buf, sizeof(buf), 0) != 100)
			return 104;
	if (send(u, buf, 5, 0) != -1 || errno != EDESTADDRREQ)
		return 105;
	/* INET6: one 7-byte datagram to itself. */
	u6 = socket(AF_INET6, SOCK_DGRAM, 0);
	if (bind6(u6, "::1", 9494) || connect6(u6, "::1", 9494))
		return 106;
	if (send(u6, buf, 7, 0) != 7 || recv(u6, buf, sizeof(buf), 0) != 7)
		return 107;
	return 0;
}

static void expect_class(struct __test_metadata *const _metadata, uint32_t field,
			 const uint32_t count[3], const uint64_t total[3])
{
	struct vc_sock_stat st;
	unsigned int i;

	ASSERT_EQ(0, vc_sock_stat(XID_S, field, &st));
	for (i = 0; i < 3; i++) {
		EXPECT_EQ(count[i], st.count[i]) TH_LOG("class %u, counter %u", field, i);
		EXPECT_EQ(total[i], st.total[i]) TH_LOG("class %u, counter %u", field, i);
	}
}

/* sock_stat: what the context's tasks sent and received, by family class. */
TEST(sock_stat)
{
	const uint32_t unix_n[3] = { 3, 3, 0 }, inet_n[3] = { 2, 2, 1 }, inet6_n[3] = { 1, 1, 0 };
	const uint64_t unix_b[3] = { 30, 30, 0 }, inet_b[3] = { 200, 200, 5 }, inet6_b[3] = { 7, 7, 0 };
	const uint32_t zero_n[3] = { 0, 0, 0 };
	const uint64_t zero_b[3] = { 0, 0, 0 };
	char buf[1024], line[128];
	pid_t pid;
	int fd;

	pid = vs_spawn(socket_traffic, NULL);
	ASSERT_LT(0, pid);
	expect_class(_metadata, VXA_SOCK_UNIX, unix_n, unix_b);
	expect_class(_metadata, VXA_SOCK_INET, inet_n, inet_b);
	expect_class(_metadata, VXA_SOCK_INET6, inet6_n, inet6_b);
	expect_class(_metadata, VXA_SOCK_UNSPEC, zero_n, zero_b);
	expect_class(_metadata, VXA_SOCK_PACKET, zero_n, zero_b);
	expect_class(_metadata, VXA_SOCK_OTHER, zero_n, zero_b);

	/* The host's own traffic counts nowhere, not in the guest either. */
	fd = socket(AF_INET, SOCK_DGRAM, 0);
	ASSERT_EQ(0, connect4(fd, "127.0.0.1", 9494));
	ASSERT_EQ(3, send(fd, "abc", 3, 0));
	close(fd);
	expect_class(_metadata, VXA_SOCK_INET, inet_n, inet_b);

	/* /proc/virtual/<xid>/cacct shows the same counters. */
	ASSERT_LT(0, read_file("/proc/virtual/233/cacct", buf, sizeof(buf)));
	EXPECT_EQ(0, strncmp(buf, "Type\t    recv #/bytes\t\t   send #/bytes\t\t    fail #/bytes\n", 56));
	snprintf(line, sizeof(line), "\nINET:\t%10u/%-10u\t%10u/%-10u\t%10u/%-10u\n", 2, 200, 2, 200, 1, 5);
	EXPECT_NE(NULL, strstr(buf, line)) TH_LOG("%s", buf);
	snprintf(line, sizeof(line), "\nUNIX:\t%10u/%-10u\t%10u/%-10u\t%10u/%-10u\n", 3, 30, 3, 30, 0, 0);
	EXPECT_NE(NULL, strstr(buf, line)) TH_LOG("%s", buf);
	EXPECT_NE(NULL, strstr(buf, "\nOTHER:\t"));
	vs_reap(pid);
}

/* sock_stat's errors, in the dispatcher's order: ESRCH, EFAULT, then EINVAL. */
TEST(sock_stat_errors)
{
	struct vcmd_sock_stat_v0 d = { .field = VXA_SOCK_INET };
	struct vc_sock_stat st = { { 42, 42, 42 }, { 42, 42, 42 } };
	struct vcmd_sock_stat_v0 *ro;
	pid_t pid;

	/* No context 60001; the host (0) and the spectator (1) have none. */
	errno = 0;
	EXPECT_EQ(-1, vs_call(VCMD_sock_stat, 60001, &d));
	EXPECT_EQ(ESRCH, errno);
	EXPECT_EQ(-1, vs_call(VCMD_sock_stat, 0, &d));
	EXPECT_EQ(ESRCH, errno);
	EXPECT_EQ(-1, vs_call(VCMD_sock_stat, 1, &d));
	EXPECT_EQ(ESRCH, errno);
	/* An unknown context is ESRCH before the pointer is read. */
	EXPECT_EQ(-1, vs_call(VCMD_sock_stat, 60001, (void *)8));
	EXPECT_EQ(ESRCH, errno);

	pid = vs_spawn(socket_traffic, NULL);
	ASSERT_LT(0, pid);
	EXPECT_EQ(0, vs_call(VCMD_sock_stat, XID_S, &d));
	EXPECT_EQ(2, d.count[VXA_SOCK_RECV]);
	/* An unreadable structure; then one it cannot write back. */
	EXPECT_EQ(-1, vs_call(VCMD_sock_stat, XID_S, NULL));
	EXPECT_EQ(EFAULT, errno);
	EXPECT_EQ(-1, vs_call(VCMD_sock_stat, XID_S, (void *)8));
	EXPECT_EQ(EFAULT, errno);
	ro = mmap(NULL, 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	ASSERT_NE(MAP_FAILED, ro);
	ro->field = VXA_SOCK_INET;
	ASSERT_EQ(0, mprotect(ro, 4096, PROT_READ));
	EXPECT_EQ(-1, vs_call(VCMD_sock_stat, XID_S, ro));
	EXPECT_EQ(EFAULT, errno);
	/* A family class past VXA_SOCK_OTHER. */
	d.field = VXA_SOCK_NR;
	EXPECT_EQ(-1, vs_call(VCMD_sock_stat, XID_S, &d));
	EXPECT_EQ(EINVAL, errno);
	d.field = 0xffffffff;
	EXPECT_EQ(-1, vs_call(VCMD_sock_stat, XID_S, &d));
	EXPECT_EQ(EINVAL, errno);
	/* Through libvserver too: nothing written on failure. */
	EXPECT_EQ(-1, vc_sock_stat(XID_S, VXA_SOCK_NR, &st));
	EXPECT_EQ(EINVAL, errno);
	EXPECT_EQ(42, st.count[0]);
	vs_reap(pid);
	munmap(ro, 4096);
}

/* --- both network models: nid, network namespace, and both ----------------- */

/*
 * A guest may have a network context on the shared stack, its own network
 * namespace, or both. Each model serves a wildcard listener and takes a
 * real connection from the host: over lo for the nid-only guest, over a
 * veth pair for a guest with its own namespace (host end 10.67.N.9/24,
 * guest end 10.67.N.1/24, and 10.67.N.2 too in its namespace for the
 * guest that also has a nid, which holds 10.67.N.1 only: the nid's rules
 * apply inside the namespace as on the shared stack).
 */
struct net_model {
	bool nid, netns;
	int net;		/* N in 10.67.N.x */
};

static bool has_ipv4(const char *ip)
{
	struct ifaddrs *ifa, *i;
	char buf[64];
	bool found = false;

	if (getifaddrs(&ifa))
		return false;
	for (i = ifa; i; i = i->ifa_next) {
		if (!i->ifa_addr || i->ifa_addr->sa_family != AF_INET)
			continue;
		inet_ntop(AF_INET, &((struct sockaddr_in *)i->ifa_addr)->sin_addr, buf, sizeof(buf));
		found |= !strcmp(buf, ip);
	}
	freeifaddrs(ifa);
	return found;
}

/* The guest: @to and @from talk to the host test process. */
static int model_guest(const struct net_model *m, int to, int from)
{
	char mine[32], other[32], cmd[256], buf[64] = "", c;
	int fd, cfd, one = 1, n;

	snprintf(mine, sizeof(mine), "10.67.%d.1", m->net);
	snprintf(other, sizeof(other), "10.67.%d.2", m->net);
	if (m->netns) {
		if (unshare(CLONE_NEWNET))
			return 10;
		/* The host moves the veth's other end in. */
		if (write(to, "n", 1) != 1 || read(from, &c, 1) != 1)
			return 11;
		snprintf(cmd, sizeof(cmd),
			 "ip link set lo up && ip link set vsveth1 up && "
			 "ip addr add %s/24 dev vsveth1 && ip addr add %s/24 dev vsveth1",
			 mine, other);
		if (system(cmd))
			return 12;
		/* Without a nid, the namespace's addresses are all the task's. */
		fd = socket(AF_INET, SOCK_STREAM, 0);
		if (bind4(fd, other, 0) || !has_ipv4(other))
			return 13;
		close(fd);
	}
	if (m->nid && enter_guest(NID_A, mine, NULL))
		return 14;
	if (m->nid) {
		/* The nid's rules, in the namespace too. */
		fd = socket(AF_INET, SOCK_STREAM, 0);
		if (bind4(fd, m->netns ? other : "10.77.0.9", 0) != -1 || errno != EADDRNOTAVAIL)
			return 15;
		close(fd);
		if (!has_ipv4(mine) || has_ipv4(other) || has_ipv4("127.0.0.1"))
			return 16; /* HIDE_NETIF */
	}
	fd = socket(AF_INET, SOCK_STREAM, 0);
	setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one));
	if (bind4(fd, "0.0.0.0", 9595) || listen(fd, 4))
		return 17;
	/* The wildcard stays the wildcard: the lookups filter for the nid. */
	if (sock_addr(fd, buf, sizeof(buf), 0) || strcmp(buf, "0.0.0.0"))
		return 18;
	if (write(to, "r", 1) != 1)
		return 19;
	alarm(10);
	/* Without a nid the host reaches it at both addresses. */
	for (n = m->nid ? 1 : 2; n > 0; n--) {
		cfd = accept(fd, NULL, NULL);
		if (cfd < 0 || sock_addr(cfd, buf, sizeof(buf), 1))
			return 20;
		if (write(to, buf, strlen(buf) + 1) < 0 || write(cfd, "hi", 2) != 2)
			return 21;
		close(cfd);
	}
	return 0;
}

/* Connect to @ip:9595 from the host; 0 when the guest said hi. */
static int host_reaches(const char *ip)
{
	int fd = socket(AF_INET, SOCK_STREAM, 0), r;
	char buf[4];

	r = connect4(fd, ip, 9595) ? errno : read(fd, buf, sizeof(buf)) == 2 ? 0 : -1;
	close(fd);
	return r;
}

static void run_model(struct __test_metadata *const _metadata, const struct net_model *m)
{
	char mine[32], other[32], host[32], cmd[256], buf[64] = "", c;
	int up[2], down[2], st;
	pid_t pid;

	snprintf(mine, sizeof(mine), "10.67.%d.1", m->net);
	snprintf(other, sizeof(other), "10.67.%d.2", m->net);
	snprintf(host, sizeof(host), "10.67.%d.9", m->net);
	addresses_on_lo();
	if (m->netns) {
		/* Busybox's ip names a veth's ends its own way: rename. */
		snprintf(cmd, sizeof(cmd),
			 "ip link add name vsveth0 type veth peer name vsveth1 &&"
			 "{ ip link show vsveth1 >/dev/null 2>&1 || ip link set veth0 name vsveth1; } &&"
			 "ip addr add %s/24 dev vsveth0 && ip link set vsveth0 up", host);
		ASSERT_EQ(0, system(cmd));
	} else {
		snprintf(cmd, sizeof(cmd), "ip addr add %s/32 dev lo", mine);
		ASSERT_EQ(0, system(cmd));
	}
	ASSERT_EQ(0, pipe(up));
	ASSERT_EQ(0, pipe(down));
	pid = fork();
	ASSERT_LE(0, pid);
	if (!pid) {
		close(up[0]);
		close(down[1]);
		_exit(model_guest(m, up[1], down[0]));
	}
	close(up[1]);
	close(down[0]);
	if (m->netns) {
		ASSERT_EQ(1, read(up[0], &c, 1));
		snprintf(cmd, sizeof(cmd), "ip link set vsveth1 netns %d", pid);
		ASSERT_EQ(0, system(cmd));
		ASSERT_EQ(1, write(down[1], "m", 1));
	}
	if (read(up[0], &c, 1) != 1) {
		waitpid(pid, &st, 0);
		ASSERT_EQ(0, WEXITSTATUS(st)) TH_LOG("the guest failed before listening");
	}
	/*
	 * An address that is not the guest's (the host's own on lo, or the
	 * second one in the guest's namespace) reaches its wildcard listener
	 * only when it has no nid.
	 */
	if (m->nid) {
		EXPECT_EQ(ECONNREFUSED, host_reaches(m->netns ? other : "10.77.0.9"));
	} else {
		EXPECT_EQ(0, host_reaches(other));
		EXPECT_LT(0, read(up[0], buf, sizeof(buf)));
		EXPECT_STREQ(host, buf);
	}
	/* Its own address does, and over the veth the peer is the host's end. */
	EXPECT_EQ(0, host_reaches(mine));
	EXPECT_LT(0, read(up[0], buf, sizeof(buf)));
	if (m->netns)
		EXPECT_STREQ(host, buf);
	waitpid(pid, &st, 0);
	EXPECT_EQ(0, WEXITSTATUS(st));
	if (m->netns)
		sh("ip link del vsveth0 2>/dev/null; true");
	else
		sh("ip addr del 10.67.1.1/32 dev lo 2>/dev/null; true");
}

TEST(model_nid_only)
{
	const struct net_model m = { .nid = true, .netns = false, .net = 1 };

	run_model(_metadata, &m);
}

TEST(model_netns_only)
{
	const struct net_model m = { .nid = false, .netns = true, .net = 2 };

	run_model(_metadata, &m);
}

TEST(model_nid_and_netns)
{
	const struct net_model m = { .nid = true, .netns = true, .net = 3 };

	run_model(_metadata, &m);
}

/* --- sock_diag ------------------------------------------------------------ */

/*
 * Does a sock_diag dump of TCP over IPv4 (what ss(8) reads) list a socket
 * with local port @port? 1 or 0, or -errno when the interface is refused.
 */
static int diag_sees_port(int port)
{
	struct {
		struct nlmsghdr nlh;
		struct inet_diag_req_v2 r;
	} req = {
		.nlh = { .nlmsg_len = sizeof(req), .nlmsg_type = SOCK_DIAG_BY_FAMILY,
			 .nlmsg_flags = NLM_F_REQUEST | NLM_F_DUMP },
		.r = { .sdiag_family = AF_INET, .sdiag_protocol = IPPROTO_TCP,
		       .idiag_states = ~0U },
	};
	static char buf[32768];
	int fd, found = 0, done = 0;

	fd = socket(AF_NETLINK, SOCK_RAW | SOCK_CLOEXEC, NETLINK_SOCK_DIAG);
	if (fd < 0)
		return -errno;
	if (send(fd, &req, sizeof(req), 0) != sizeof(req)) {
		close(fd);
		return -EIO;
	}
	while (!done) {
		ssize_t n = recv(fd, buf, sizeof(buf), 0);
		struct nlmsghdr *h = (struct nlmsghdr *)buf;

		if (n <= 0)
			break;
		for (; NLMSG_OK(h, n); h = NLMSG_NEXT(h, n)) {
			const struct inet_diag_msg *m = NLMSG_DATA(h);

			if (h->nlmsg_type == NLMSG_DONE || h->nlmsg_type == NLMSG_ERROR) {
				done = 1;
				break;
			}
			if (ntohs(m->id.idiag_sport) == port)
				found = 1;
		}
	}
	close(fd);
	return found;
}

/* In guest A (HIDE_NETIF cleared unless @arg): what sock_diag shows. */
static int guest_diag(void *arg)
{
	const bool hide = *(bool *)arg;
	struct vcmd_flags_v0 f = { 0, NXF_HIDE_NETIF };
	int r;

	if (enter_guest(NID_A, "10.77.0.1", NULL))
		return 100;
	if (!hide && vs_call(VCMD_set_nflags, NID_A, &f))
		return 101;
	r = diag_sees_port(7171);
	return r == -EPROTONOSUPPORT ? 2 : r == 1 ? 1 : r == 0 ? 0 : 102;
}

/*
 * sock_diag lists every socket of the namespace (ss): a guest with
 * HIDE_NETIF finds no such interface, as on a kernel without it, and ss
 * falls back to the /proc/net files, which show its own sockets only.
 */
TEST(hide_netif_sock_diag)
{
	int fd = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
	bool hide = true;
	pid_t pid;
	int st;

	ASSERT_LE(0, fd);
	ASSERT_EQ(0, bind4(fd, "127.0.0.1", 7171));
	ASSERT_EQ(0, listen(fd, 1));
	/* The channel exists: the host sees its listener. */
	ASSERT_EQ(1, diag_sees_port(7171));
	pid = fork();
	ASSERT_LE(0, pid);
	if (!pid)
		_exit(guest_diag(&hide));
	ASSERT_EQ(pid, waitpid(pid, &st, 0));
	EXPECT_EQ(2, WEXITSTATUS(st));
	/* Without the flag the guest sees the host's socket, as in /proc/net/tcp. */
	hide = false;
	pid = fork();
	ASSERT_LE(0, pid);
	if (!pid)
		_exit(guest_diag(&hide));
	ASSERT_EQ(pid, waitpid(pid, &st, 0));
	EXPECT_EQ(1, WEXITSTATUS(st));
	close(fd);
}

TEST_HARNESS_MAIN
