// SPDX-License-Identifier: GPL-2.0-only
/*
 * Host test of the tools' shared parsers (util-vserver/common.c: numbers,
 * contexts, signals, limits and resource names) and of the checks
 * libvserver's context wrappers make before any system call. Needs no
 * vserver kernel.
 *
 * Copyright (C) 2026 The vserver authors
 */
#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

#include <linux/vserver/inode.h>
#include <linux/vserver/limit.h>
#include <linux/vserver/network.h>

#include <vserver.h>

#include "common.h"
#include "net.h"

static int n, failed;

static void ok(int cond, const char *what)
{
	n++;
	if (!cond)
		failed++;
	printf("%sok %d - %s\n", cond ? "" : "not ", n, what);
}

static void test_parse_uint(void)
{
	unsigned long v = 99;

	ok(vs_parse_uint("42", 100, &v) == 0 && v == 42, "parse_uint: 42");
	ok(vs_parse_uint("0", 0, &v) == 0 && v == 0, "parse_uint: 0 within max 0");
	errno = 0;
	ok(vs_parse_uint("101", 100, &v) < 0 && errno == ERANGE, "parse_uint: above max is ERANGE");
	ok(vs_parse_uint("99999999999999999999999", ~0UL, &v) < 0 && errno == ERANGE,
	   "parse_uint: overflow is ERANGE");
	v = 7;
	ok(vs_parse_uint("-1", 100, &v) < 0 && errno == EINVAL && v == 7,
	   "parse_uint: a sign is EINVAL, nothing written");
	ok(vs_parse_uint(" 1", 100, &v) < 0 && errno == EINVAL, "parse_uint: leading space");
	ok(vs_parse_uint("1x", 100, &v) < 0 && errno == EINVAL, "parse_uint: trailing text");
	ok(vs_parse_uint("", 100, &v) < 0 && errno == EINVAL, "parse_uint: empty");
}

static void test_parse_xid(void)
{
	uint32_t xid = 5;

	ok(vs_parse_xid("42", &xid) == 0 && xid == 42, "parse_xid: 42");
	ok(vs_parse_xid("4294967295", &xid) == 0 && xid == 0xFFFFFFFFU, "parse_xid: 2^32-1");
	errno = 0;
	ok(vs_parse_xid("4294967296", &xid) < 0 && errno == EINVAL, "parse_xid: 2^32 is EINVAL");
	ok(vs_parse_xid("web", &xid) < 0 && errno == EINVAL, "parse_xid: names are EINVAL");
}

static void test_signals(void)
{
	char buf[16];

	ok(vs_parse_signal("9") == SIGKILL, "signal: 9");
	ok(vs_parse_signal("0") == 0, "signal: 0");
	ok(vs_parse_signal("KILL") == SIGKILL, "signal: KILL");
	ok(vs_parse_signal("SIGTERM") == SIGTERM, "signal: SIGTERM");
	ok(vs_parse_signal("hup") == SIGHUP, "signal: hup, any case");
	ok(vs_parse_signal("sigint") == SIGINT, "signal: sigint");
	ok(vs_parse_signal("CHLD") == SIGCHLD, "signal: CHLD");
	ok(vs_parse_signal("65") == -1, "signal: 65 is too high");
	ok(vs_parse_signal("NOSUCH") == -1, "signal: unknown name");
	ok(vs_parse_signal("SIG") == -1, "signal: SIG alone");
	ok(!strcmp(vs_signal_name(SIGKILL, buf, sizeof(buf)), "KILL"), "signal name: KILL");
	ok(!strcmp(vs_signal_name(0, buf, sizeof(buf)), "0"), "signal name: 0 has none");
}

static void test_parse_limit(void)
{
	uint64_t v = 99;

	ok(vs_parse_limit("0", &v) == 0 && v == 0, "parse_limit: 0");
	ok(vs_parse_limit("1234", &v) == 0 && v == 1234, "parse_limit: 1234");
	ok(vs_parse_limit("0x1F", &v) == 0 && v == 31, "parse_limit: 0x1F");
	ok(vs_parse_limit("1k", &v) == 0 && v == 1000, "parse_limit: 1k is 1000");
	ok(vs_parse_limit("1K", &v) == 0 && v == 1024, "parse_limit: 1K is 1024");
	ok(vs_parse_limit("2m", &v) == 0 && v == 2000000, "parse_limit: 2m");
	ok(vs_parse_limit("2M", &v) == 0 && v == 2097152, "parse_limit: 2M");
	ok(vs_parse_limit("0x10K", &v) == 0 && v == 16384, "parse_limit: 0x10K");
	ok(vs_parse_limit("inf", &v) == 0 && v == CRLIM_INFINITY, "parse_limit: inf");
	ok(vs_parse_limit("INF", &v) == 0 && v == CRLIM_INFINITY, "parse_limit: INF");
	ok(vs_parse_limit("0xfffffffffffffffd", &v) == 0 && v == CRLIM_KEEP - 1,
	   "parse_limit: the largest number");
	v = 5;
	errno = 0;
	ok(vs_parse_limit("0xfffffffffffffffe", &v) < 0 && errno == ERANGE && v == 5,
	   "parse_limit: CRLIM_KEEP is ERANGE, nothing written");
	ok(vs_parse_limit("99999999999999999999", &v) < 0 && errno == ERANGE,
	   "parse_limit: overflow is ERANGE");
	ok(vs_parse_limit("18014398509481984K", &v) < 0 && errno == ERANGE,
	   "parse_limit: overflow by the unit is ERANGE");
	ok(vs_parse_limit("", &v) < 0 && errno == EINVAL, "parse_limit: empty");
	ok(vs_parse_limit("k", &v) < 0 && errno == EINVAL, "parse_limit: a unit alone");
	ok(vs_parse_limit("1kX", &v) < 0 && errno == EINVAL, "parse_limit: text after the unit");
	ok(vs_parse_limit("1G", &v) < 0 && errno == EINVAL, "parse_limit: unknown unit");
	ok(vs_parse_limit("-1", &v) < 0 && errno == EINVAL, "parse_limit: a sign");
	ok(vs_parse_limit(" 1", &v) < 0 && errno == EINVAL, "parse_limit: a space");
	ok(vs_parse_limit("0x", &v) < 0 && errno == EINVAL, "parse_limit: 0x alone");
	ok(vs_parse_limit("infinity", &v) < 0 && errno == EINVAL, "parse_limit: infinity");
}

static void test_rlimit_names(void)
{
	int i, prev = -1, sorted = 1, round = 1;

	ok(vs_rlimit_id("nproc") == RLIMIT_NPROC, "rlimit: nproc is RLIMIT_NPROC");
	ok(vs_rlimit_id("NSOCK") == VLIMIT_NSOCK, "rlimit: NSOCK, any case");
	ok(vs_rlimit_id("dentry") == VLIMIT_DENTRY, "rlimit: dentry is 22");
	ok(vs_rlimit_id("sigpending") == -1, "rlimit: sigpending has no name");
	ok(vs_rlimit_id("mapped") == -1, "rlimit: mapped has no name");
	ok(vs_rlimit_name(RLIMIT_AS) && !strcmp(vs_rlimit_name(RLIMIT_AS), "as"),
	   "rlimit: the name of RLIMIT_AS");
	ok(!vs_rlimit_name(RLIMIT_SIGPENDING) && !vs_rlimit_name(VLIMIT_MAPPED) &&
		   !vs_rlimit_name(VLIMIT_NLIMITS) && !vs_rlimit_name(-1),
	   "rlimit: no name for 11, 23, 24, -1");
	for (i = 0; i < VS_RLIMIT_NAMES; i++) {
		sorted &= vs_rlimit_names[i].id > prev && vs_rlimit_names[i].id < VLIMIT_NLIMITS;
		round &= vs_rlimit_id(vs_rlimit_name(vs_rlimit_names[i].id)) ==
			 vs_rlimit_names[i].id;
		prev = vs_rlimit_names[i].id;
	}
	ok(sorted, "rlimit: names in the order of their ids, all below VLIMIT_NLIMITS");
	ok(round, "rlimit: name and id map to each other");
}

static void test_names(void)
{
	char buf[VS_NAME_MAX + 1];

	ok(!strcmp(vs_context_name(0, buf, sizeof(buf)), "MAIN"), "context name: 0 is MAIN");
	ok(!strcmp(vs_context_name(1, buf, sizeof(buf)), "ALL_PROC"),
	   "context name: 1 is ALL_PROC");
}

/* Checks before the call: they must not depend on the kernel. */
static void test_lib_checks(void)
{
	char name[80];

	memset(name, 'x', 65);
	name[65] = '\0';
	errno = 0;
	ok(vc_set_vhi_name(42, VHIN_CONTEXT, name) == -1 && errno == E2BIG,
	   "set_vhi_name: 65 bytes is E2BIG before the call");
	errno = 0;
	ok(vc_set_vhi_name(42, VHIN_CONTEXT, NULL) == -1 && errno == EINVAL,
	   "set_vhi_name: NULL is EINVAL");
}

static void test_iattr(void)
{
	char buf[VS_IATTR_SHOWN + 1], names[64];

	ok(!strcmp(vs_iattr_string(IATTR_TAG | IATTR_BARRIER, IATTR_BARRIER, buf), "----B----"),
	   "iattr string: a barrier, tag not supported");
	ok(!strcmp(vs_iattr_string(IATTR_TAG, IATTR_BARRIER, buf), "----b----"),
	   "iattr string: barrier supported but clear");
	ok(!strcmp(vs_iattr_string(0xFFFFFFFF, 0xFFFFFFFF, buf), "AWHMBUICX"),
	   "iattr string: every bit, in util-vserver's order");
	ok(!strcmp(vs_iattr_string(IATTR_IMMUTABLE, IATTR_FLAGS | IATTR_IMMUTABLE | IATTR_TAG, buf),
		   "awh---I-x"),
	   "iattr string: lower case for supported, clear bits");
	ok(!strcmp(vs_iattr_names(IATTR_IMMUTABLE | IATTR_IXUNLINK, names, sizeof(names)),
		   "iunlink,immutable"),
	   "iattr names: util-vserver's, in bit order");
	ok(!strcmp(vs_iattr_names(0x40000000, names, sizeof(names)), ""),
	   "iattr names: an unknown bit has none");
}

static char visited[1024];

static int record(const char *path, const struct stat *st, void *arg)
{
	const char *root = arg;

	snprintf(visited + strlen(visited), sizeof(visited) - strlen(visited), "%s%s%s",
		 visited[0] ? " " : "", path + strlen(root), S_ISDIR(st->st_mode) ? "/" : "");
	return strstr(path, "fail") ? -1 : 0;
}

static void touch(const char *dir, const char *name)
{
	char p[512];

	snprintf(p, sizeof(p), "%s/%s", dir, name);
	if (name[strlen(name) - 1] == '/')
		mkdir(p, 0755);
	else
		close(open(p, O_CREAT | O_WRONLY, 0644));
}

/* vs_walk() with its message on stderr dropped: stdout is TAP. */
static unsigned long quiet_walk(const char *path, char *root)
{
	const int saved = dup(2), null = open("/dev/null", O_WRONLY);
	unsigned long failed;

	dup2(null, 2);
	failed = vs_walk(path, 0, record, root);
	dup2(saved, 2);
	close(null);
	close(saved);
	return failed;
}

/* vs_walk: the order and choice of util-vserver's showattr and setattr. */
static void test_walk(void)
{
	char root[] = "/tmp/vs-walk-XXXXXX", path[600];
	static const char *const tree[] = { "b", "a", "d/", "d/z", "d/e/", "d/e/y", ".h/",
					    ".h/x", "c/", "fail" };
	unsigned long failed;
	size_t i;

	if (!mkdtemp(root)) {
		ok(0, "walk: mkdtemp");
		return;
	}
	for (i = 0; i < sizeof(tree) / sizeof(tree[0]); i++)
		touch(root, tree[i]);
	visited[0] = '\0';
	failed = vs_walk(root, 0, record, root);
	ok(!strcmp(visited, "/ /a /b /c/ /d/ /fail") && failed == 1,
	   "walk: a directory, then its entries by name, no dot files");
	visited[0] = '\0';
	failed = vs_walk(root, VS_WALK_DIR_ITSELF, record, root);
	ok(!strcmp(visited, "/") && failed == 0, "walk: DIR_ITSELF visits the directory only");
	visited[0] = '\0';
	snprintf(path, sizeof(path), "%s/d/", root);
	vs_walk(path, VS_WALK_RECURSE | VS_WALK_DOTFILES, record, root);
	ok(!strcmp(visited, "/d// /d/z /d/e/ /d/e/y"),
	   "walk: RECURSE: files first, then each subdirectory; trailing slashes dropped");
	visited[0] = '\0';
	vs_walk(root, VS_WALK_RECURSE | VS_WALK_DOTFILES, record, root);
	ok(!strcmp(visited, "/ /a /b /fail /.h/ /.h/x /c/ /d/ /d/z /d/e/ /d/e/y"),
	   "walk: DOTFILES and RECURSE over the whole tree");
	visited[0] = '\0';
	snprintf(path, sizeof(path), "%s/nonexistent", root);
	ok(quiet_walk(path, root) == 1 && !visited[0],
	   "walk: a missing file is one failure, without a call");
	snprintf(path, sizeof(path), "rm -rf '%s'", root);
	if (system(path) != 0)
		ok(0, "walk: clean up");
}

/* naddress's argument @s for @opt, shown as vs_net_addr_string() shows it. */
static const char *addr_text(enum vs_addr_opt opt, const char *s, struct vc_net_addr *a)
{
	static char buf[128];
	const char *why = NULL;

	if (vs_parse_net_addr(opt, s, a, &why) < 0)
		snprintf(buf, sizeof(buf), "error: %s", why ? why : "(no reason)");
	else
		vs_net_addr_string(a, buf, sizeof(buf));
	return buf;
}

static int addr_is(enum vs_addr_opt opt, const char *s, const char *want, uint16_t type)
{
	struct vc_net_addr a = { .vna_type = 0xdead };
	const char *got = addr_text(opt, s, &a);

	if (strcmp(got, want)) {
		printf("# %s: got '%s', want '%s'\n", s, got, want);
		return 0;
	}
	if (type && a.vna_type != type) {
		printf("# %s: type %#x, want %#x\n", s, a.vna_type, type);
		return 0;
	}
	return 1;
}

static int mask4_is(const char *s, const char *mask)
{
	struct vc_net_addr a;
	struct in_addr m;

	inet_pton(AF_INET, mask, &m);
	return vs_parse_net_addr(VS_ADDR_IP, s, &a, NULL) == 0 &&
	       a.vna_v4_mask.s_addr == m.s_addr;
}

static int fails(enum vs_addr_opt opt, const char *s, const char *why)
{
	struct vc_net_addr a = { .vna_type = 0xdead };
	const char *w = NULL;

	errno = 0;
	return vs_parse_net_addr(opt, s, &a, &w) < 0 && errno == EINVAL && w &&
	       strstr(w, why) && a.vna_type == 0xdead;
}

static void test_net_addr(void)
{
	const uint16_t v4 = NXA_TYPE_IPV4, v6 = NXA_TYPE_IPV6;
	struct vc_net_addr a;
	char buf[64];

	ok(addr_is(VS_ADDR_IP, "10.88.0.1/32", "10.88.0.1/32", v4 | NXA_TYPE_ADDR),
	   "naddress: --ip A/32 is one address");
	ok(addr_is(VS_ADDR_IP, "10.88.0.1/16", "10.88.0.1/16", v4 | NXA_TYPE_ADDR),
	   "naddress: --ip A/16 stays one address with its prefix (util-vserver)");
	ok(mask4_is("10.88.0.1/16", "255.255.0.0"), "naddress: /16 is the mask 255.255.0.0");
	ok(addr_is(VS_ADDR_IP, "10.88.0.1", "10.88.0.1/24", v4 | NXA_TYPE_ADDR) &&
		   mask4_is("10.88.0.1", "255.255.255.0"),
	   "naddress: IPv4 without a prefix gets util-vserver's /24");
	ok(addr_is(VS_ADDR_IP, "10.88.0.1/255.255.255.128", "10.88.0.1/25", 0),
	   "naddress: a netmask instead of a prefix");
	ok(addr_is(VS_ADDR_IP, "0.0.0.0", "0.0.0.0/0", v4 | NXA_TYPE_MASK) &&
		   mask4_is("0.0.0.0", "0.0.0.0"),
	   "naddress: 0.0.0.0 is the network of every address");
	ok(addr_is(VS_ADDR_MASK, "10.88.0.77/24", "10.88.0.0/24", v4 | NXA_TYPE_MASK),
	   "naddress: --mask keeps the network bits only");
	ok(addr_is(VS_ADDR_IP, "fd88::1", "fd88::1/64", v6 | NXA_TYPE_ADDR),
	   "naddress: IPv6 without a prefix gets util-vserver's /64");
	ok(addr_is(VS_ADDR_IP, "fd88::1/128", "fd88::1/128", v6 | NXA_TYPE_ADDR),
	   "naddress: IPv6 with a prefix");
	ok(vs_parse_net_addr(VS_ADDR_IP, "fd88::1/120", &a, NULL) == 0 && a.vna_prefix == 120 &&
		   a.vna_v6_mask.s6_addr[14] == 0xff && a.vna_v6_mask.s6_addr[15] == 0,
	   "naddress: IPv6 /120 mask");
	ok(addr_is(VS_ADDR_MASK, "fd88::1:2/112", "fd88::1:0/112", v6 | NXA_TYPE_MASK),
	   "naddress: IPv6 --mask keeps the network bits only");
	ok(addr_is(VS_ADDR_RANGE, "10.88.0.10-10.88.0.20", "10.88.0.10-10.88.0.20",
		   v4 | NXA_TYPE_RANGE),
	   "naddress: --range FIRST-END");
	ok(addr_is(VS_ADDR_BCAST, "10.88.0.255", "broadcast 10.88.0.255",
		   v4 | NXA_TYPE_ADDR | NXA_MOD_BCAST),
	   "naddress: --bcast");
	ok(addr_is(VS_ADDR_LBACK, "127.0.0.2", "loopback 127.0.0.2",
		   v4 | NXA_TYPE_ADDR | NXA_MOD_LBACK),
	   "naddress: --lback");
	ok(vs_parse_net_addr(VS_ADDR_IP, "10.88.0.1/24", &a, NULL) == 0 &&
		   !strcmp(vs_net_addr_ip(&a, buf, sizeof(buf)), "10.88.0.1"),
	   "naddress: the address alone, as util-vserver prints it");
	ok(fails(VS_ADDR_IP, "10.88.0.1/33", "0..32"), "naddress: IPv4 prefix 33 is refused");
	ok(fails(VS_ADDR_IP, "fd88::1/129", "0..128"), "naddress: IPv6 prefix 129 is refused");
	ok(fails(VS_ADDR_IP, "10.88.0.1/", "0..32"), "naddress: an empty prefix is refused");
	ok(fails(VS_ADDR_IP, "10.88.0.1/-1", "0..32"), "naddress: a negative prefix is refused");
	ok(fails(VS_ADDR_IP, "10.88.0.1/255.0.255.0", "contiguous"),
	   "naddress: a netmask with a hole is refused");
	ok(fails(VS_ADDR_IP, "10.88.0.1/ffff::", "IPv4 netmask"),
	   "naddress: an IPv6 netmask for an IPv4 address is refused");
	ok(fails(VS_ADDR_IP, "host.example", "not an IPv4 or IPv6"),
	   "naddress: names are not looked up");
	ok(fails(VS_ADDR_IP, "10.88.0.256", "not an IPv4 or IPv6"), "naddress: 10.88.0.256");
	ok(fails(VS_ADDR_RANGE, "10.88.0.20-10.88.0.20", "after its first"),
	   "naddress: an empty range is refused");
	ok(fails(VS_ADDR_RANGE, "10.88.0.1", "FIRST-END"), "naddress: a range needs two ends");
	ok(fails(VS_ADDR_RANGE, "fd88::1-fd88::9", "IPv4"), "naddress: ranges are IPv4 only");
	ok(fails(VS_ADDR_BCAST, "fd88::ff", "IPv4"), "naddress: the broadcast is IPv4");
	ok(fails(VS_ADDR_LBACK, "10.88.0.1/8", "not an IPv4"),
	   "naddress: the loopback address takes no prefix");
}

static void test_parse_nid(void)
{
	uint32_t nid = 7;

	ok(vs_parse_nid("260", &nid) == 0 && nid == 260, "parse_nid: 260");
	errno = 0;
	ok(vs_parse_nid("26x", &nid) < 0 && errno == EINVAL && nid == 260,
	   "parse_nid: 26x is EINVAL, nothing written");
	ok(vs_parse_nid("", &nid) < 0 && errno == EINVAL, "parse_nid: empty is EINVAL");
}

int main(void)
{
	test_parse_uint();
	test_parse_xid();
	test_signals();
	test_parse_limit();
	test_rlimit_names();
	test_names();
	test_lib_checks();
	test_iattr();
	test_walk();
	test_net_addr();
	test_parse_nid();
	printf("1..%d\n", n);
	return failed != 0;
}
