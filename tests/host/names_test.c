// SPDX-License-Identifier: GPL-2.0-only
/*
 * Host test of libvserver's name tables (vc_name_to_bits, vc_bit_to_name,
 * vc_parse_list, vc_format_bits) against the ABI document's tables
 * (§4.1-4.3, 4.6, 4.7, 4.12). Expected values are the document's numbers,
 * written out here, not taken from the UAPI headers, so that a wrong
 * header value shows up too.
 *
 * Copyright (C) 2026 The vserver authors
 */
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <vserver-names.h>

static int n, failed;

static void check(int cond, const char *fmt, const char *arg)
{
	n++;
	if (!cond)
		failed++;
	printf("%sok %d - ", cond ? "" : "not ", n);
	printf(fmt, arg);
	putchar('\n');
}

struct spec_name {
	const char *name;
	uint64_t bits;
};

/* §4.1: every util-vserver name, aliases and pseudo names included. */
static const struct spec_name cflags[] = {
	{ "lock", 0x1 }, { "info_lock", 0x1 }, { "sched", 0x2 }, { "nproc", 0x4 },
	{ "private", 0x8 }, { "fakeinit", 0x10 }, { "info_init", 0x10 },
	{ "hideinfo", 0x20 }, { "ulimit", 0x40 }, { "namespace", 0x80 },
	{ "info_nspace", 0x80 }, { "sched_hard", 0x100 }, { "sched_prio", 0x200 },
	{ "sched_pause", 0x400 }, { "virt_mem", 0x10000 }, { "virt_uptime", 0x20000 },
	{ "virt_cpu", 0x40000 }, { "virt_load", 0x80000 }, { "virt_time", 0x100000 },
	{ "hide_mount", 0x1000000 }, { "hide_netif", 0x2000000 }, { "hide_vinfo", 0x4000000 },
	{ "state_setup", 0x100000000ULL }, { "state_init", 0x200000000ULL },
	{ "state_admin", 0x400000000ULL }, { "sc_helper", 0x1000000000ULL },
	{ "reboot_kill", 0x2000000000ULL }, { "persistent", 0x4000000000ULL },
	{ "fork_rss", 0x1000000000000ULL }, { "prolific", 0x2000000000000ULL },
	{ "igneg_nice", 0x10000000000000ULL }, { "igneg_ionice", 0x20000000000000ULL },
	{ "default", 0x1000020000ULL }, { "secure", 0x2000000 },
};

/* §4.2 */
static const struct spec_name ccaps[] = {
	{ "set_utsname", 0x1 }, { "utsname", 0x1 }, { "set_rlimit", 0x2 }, { "rlimit", 0x2 },
	{ "fs_security", 0x4 }, { "fs_trusted", 0x8 }, { "tiocsti", 0x10 },
	{ "raw_icmp", 0x100 }, { "icmp", 0x100 }, { "ping", 0x100 }, { "syslog", 0x1000 },
	{ "oom_adjust", 0x2000 }, { "audit_control", 0x4000 }, { "secure_mount", 0x10000 },
	{ "mount", 0x10000 }, { "secure_remount", 0x20000 }, { "remount", 0x20000 },
	{ "binary_mount", 0x40000 }, { "dev_mount", 0x80000 }, { "quota_ctl", 0x100000 },
	{ "admin_mapper", 0x200000 }, { "admin_cloop", 0x400000 }, { "kthread", 0x1000000 },
	{ "namespace", 0x2000000 },
};

/* §4.3: util-vserver's 34 names, the newer capabilities, and CONTEXT. */
static const struct spec_name bcaps[] = {
	{ "chown", 0 }, { "dac_override", 1 }, { "dac_read_search", 2 }, { "fowner", 3 },
	{ "fsetid", 4 }, { "kill", 5 }, { "setgid", 6 }, { "setuid", 7 }, { "setpcap", 8 },
	{ "linux_immutable", 9 }, { "net_bind_service", 10 }, { "net_broadcast", 11 },
	{ "net_admin", 12 }, { "net_raw", 13 }, { "ipc_lock", 14 }, { "ipc_owner", 15 },
	{ "sys_module", 16 }, { "sys_rawio", 17 }, { "sys_chroot", 18 }, { "sys_ptrace", 19 },
	{ "sys_pacct", 20 }, { "sys_admin", 21 }, { "sys_boot", 22 }, { "sys_nice", 23 },
	{ "sys_resource", 24 }, { "sys_time", 25 }, { "sys_tty_config", 26 }, { "mknod", 27 },
	{ "lease", 28 }, { "audit_write", 29 }, { "audit_control", 30 }, { "setfcap", 31 },
	{ "mac_override", 32 }, { "mac_admin", 33 }, { "syslog", 34 }, { "wake_alarm", 35 },
	{ "block_suspend", 36 }, { "audit_read", 37 }, { "context", 63 },
};

/* §4.6 */
static const struct spec_name nflags[] = {
	{ "lock", 0x1 }, { "info_lock", 0x1 }, { "private", 0x8 }, { "single_ip", 0x100 },
	{ "lback_remap", 0x200 }, { "remap_lback", 0x200 }, { "lback_allow", 0x400 },
	{ "hide_netif", 0x2000000 }, { "hide_lback", 0x4000000 },
	{ "state_setup", 0x100000000ULL }, { "state_admin", 0x400000000ULL },
	{ "sc_helper", 0x1000000000ULL }, { "persistent", 0x4000000000ULL },
};

/* §4.7 */
static const struct spec_name ncaps[] = {
	{ "tun_create", 0x1 }, { "raw_icmp", 0x100 },
};

/* §4.12 */
static const struct spec_name umask_names[] = {
	{ "fs", 0x200 }, { "newns", 0x20000 }, { "newuts", 0x4000000 }, { "newipc", 0x8000000 },
	{ "newuser", 0x10000000 }, { "newpid", 0x20000000 }, { "newnet", 0x40000000 },
};

static uint64_t bits_of(enum vc_names t, const char *name)
{
	uint64_t bits = 0xdeadbeef;

	if (vc_name_to_bits(t, name, strlen(name), &bits) < 0)
		return 0xdeadbeef;
	return bits;
}

static int single_bit(uint64_t v)
{
	return v && !(v & (v - 1));
}

/*
 * Every name gives its bits; a single-bit name's bit has a canonical name
 * that gives the same bit back.
 */
static void check_table(enum vc_names t, const char *tname, const struct spec_name *names,
			size_t count, int bit_numbers)
{
	int names_ok = 1, round_ok = 1;
	size_t i;

	for (i = 0; i < count; i++) {
		uint64_t want = bit_numbers ? (uint64_t)1 << names[i].bits : names[i].bits;
		const char *canon;

		if (bits_of(t, names[i].name) != want) {
			names_ok = 0;
			printf("# %s: %s\n", tname, names[i].name);
		}
		if (!single_bit(want))
			continue;
		canon = vc_bit_to_name(t, (unsigned int)__builtin_ctzll(want));
		if (!canon || bits_of(t, canon) != want) {
			round_ok = 0;
			printf("# %s: no round trip for %s\n", tname, names[i].name);
		}
	}
	check(names_ok, "%s: every name of the spec has the spec's value", tname);
	check(round_ok, "%s: every bit's canonical name gives the bit back", tname);
}

static void test_tables(void)
{
#define TAB(t, a, b) check_table(t, #a, a, sizeof(a) / sizeof(a[0]), b)
	TAB(VC_NAMES_CFLAGS, cflags, 0);
	TAB(VC_NAMES_CCAPS, ccaps, 0);
	TAB(VC_NAMES_BCAPS, bcaps, 1);
	TAB(VC_NAMES_NFLAGS, nflags, 0);
	TAB(VC_NAMES_NCAPS, ncaps, 0);
	TAB(VC_NAMES_UMASK, umask_names, 0);
#undef TAB
}

static void test_names(void)
{
	check(bits_of(VC_NAMES_CFLAGS, "fakeinit") == bits_of(VC_NAMES_CFLAGS, "info_init"),
	      "%s", "cflags: fakeinit = info_init");
	check(!strcmp(vc_bit_to_name(VC_NAMES_CFLAGS, 4), "fakeinit"), "%s",
	      "cflags: bit 4 is called fakeinit");
	check(!strcmp(vc_bit_to_name(VC_NAMES_CFLAGS, 25), "hide_netif"), "%s",
	      "cflags: 0x02000000 prints as hide_netif, not secure");
	check(!strcmp(vc_bit_to_name(VC_NAMES_CCAPS, 8), "raw_icmp"), "%s",
	      "ccaps: 0x100 prints as raw_icmp");
	check(!strcmp(vc_bit_to_name(VC_NAMES_NFLAGS, 9), "lback_remap"), "%s",
	      "nflags: 0x200 prints as lback_remap");
	check(bits_of(VC_NAMES_CFLAGS, "VXF_INFO_INIT") == 0x10 &&
		      bits_of(VC_NAMES_CFLAGS, "vxf_fakeinit") == 0x10,
	      "%s", "cflags: optional vxf_ prefix, any case");
	check(bits_of(VC_NAMES_CCAPS, "VXC_SET_UTSNAME") == 1, "%s", "ccaps: vxc_ prefix");
	check(bits_of(VC_NAMES_NFLAGS, "NXF_HIDE_NETIF") == 0x2000000, "%s", "nflags: nxf_ prefix");
	check(bits_of(VC_NAMES_NCAPS, "nxc_Raw_Icmp") == 0x100, "%s", "ncaps: nxc_ prefix");
	check(bits_of(VC_NAMES_CFLAGS, "nxf_lock") == 0xdeadbeef &&
		      bits_of(VC_NAMES_CFLAGS, "vxf_") == 0xdeadbeef,
	      "%s", "cflags: another table's prefix, or the prefix alone, is refused");
	check(bits_of(VC_NAMES_CFLAGS, "FakeInit") == 0x10 &&
		      bits_of(VC_NAMES_UMASK, "NEWNET") == 0x40000000,
	      "%s", "names are case-insensitive");
	check(bits_of(VC_NAMES_CCAPS, "dev_mount2") == 0xdeadbeef &&
		      bits_of(VC_NAMES_CCAPS, "dev_moun") == 0xdeadbeef,
	      "%s", "no prefix or extension matching");
}

static void test_bcap_names(void)
{
	check(bits_of(VC_NAMES_BCAPS, "cap_sys_admin") == 1ULL << 21 &&
		      bits_of(VC_NAMES_BCAPS, "SYS_ADMIN") == 1ULL << 21 &&
		      bits_of(VC_NAMES_BCAPS, "CAP_SYS_ADMIN") == 1ULL << 21,
	      "%s", "bcaps: cap_sys_admin, SYS_ADMIN, CAP_SYS_ADMIN");
	check(bits_of(VC_NAMES_BCAPS, "net_raw") == 1ULL << 13 &&
		      bits_of(VC_NAMES_BCAPS, "Cap_Net_Raw") == 1ULL << 13,
	      "%s", "bcaps: net_raw in any case");
	check(bits_of(VC_NAMES_BCAPS, "CAP_CONTEXT") == 1ULL << 63, "%s",
	      "bcaps: CAP_CONTEXT is bit 63");
	check(!strcmp(vc_bit_to_name(VC_NAMES_BCAPS, 21), "SYS_ADMIN") &&
		      !strcmp(vc_bit_to_name(VC_NAMES_BCAPS, 63), "CONTEXT"),
	      "%s", "bcaps: canonical names as util-vserver prints them");
	check(bits_of(VC_NAMES_BCAPS, "cap_12") == 0xdeadbeef &&
		      bits_of(VC_NAMES_BCAPS, "cap_") == 0xdeadbeef &&
		      bits_of(VC_NAMES_BCAPS, "sys_admin_x") == 0xdeadbeef &&
		      bits_of(VC_NAMES_BCAPS, "cap_cap_chown") == 0xdeadbeef,
	      "%s", "bcaps: libcap's numeric and other spellings are refused");
	check(bits_of(VC_NAMES_BCAPS, "12") == 12, "%s",
	      "bcaps: a plain number is a mask value, as in util-vserver");
	errno = 0;
	check(!vc_bit_to_name(VC_NAMES_BCAPS, 62) && errno == ENOENT, "%s",
	      "bcaps: bit 62 has no name (ENOENT)");
}

static void test_bit_numbers(void)
{
	uint64_t b;

	check(bits_of(VC_NAMES_CFLAGS, "^0") == 1 && bits_of(VC_NAMES_UMASK, "^63") == 1ULL << 63,
	      "%s", "^0 and ^63");
	check(bits_of(VC_NAMES_BCAPS, "^40") == 1ULL << 40, "%s", "bcaps: ^40");
	errno = 0;
	check(vc_name_to_bits(VC_NAMES_CFLAGS, "^64", 3, &b) < 0 && errno == EINVAL, "%s",
	      "^64 is EINVAL");
	check(bits_of(VC_NAMES_CFLAGS, "^") == 0xdeadbeef &&
		      bits_of(VC_NAMES_CFLAGS, "^x") == 0xdeadbeef &&
		      bits_of(VC_NAMES_CFLAGS, "^-1") == 0xdeadbeef &&
		      bits_of(VC_NAMES_CFLAGS, "^1000000000000") == 0xdeadbeef,
	      "%s", "^, ^x, ^-1 and huge numbers are refused");
	check(bits_of(VC_NAMES_CFLAGS, "0x02000000") == 0x2000000 &&
		      bits_of(VC_NAMES_CFLAGS, "16") == 16,
	      "%s", "plain numbers are mask values (hex and decimal)");
	check(bits_of(VC_NAMES_CFLAGS, "0x") == 0xdeadbeef &&
		      bits_of(VC_NAMES_CFLAGS, "12ab") == 0xdeadbeef,
	      "%s", "malformed numbers are refused");
	check(vc_name_to_bits(VC_NAMES_CFLAGS, "lockXXX", 4, &b) == 0 && b == 1, "%s",
	      "the name is the first len bytes");
	errno = 0;
	check(vc_name_to_bits(VC_NAMES_CFLAGS, "", 0, &b) < 0 && errno == EINVAL, "%s",
	      "empty name is EINVAL");
	errno = 0;
	check(vc_name_to_bits((enum vc_names)42, "lock", 4, &b) < 0 && errno == EINVAL, "%s",
	      "unknown table is EINVAL");
}

/* Parse @text and compare with @value/@mask. */
static int parses_to(enum vc_names t, const char *text, uint64_t value, uint64_t mask)
{
	struct vc_mask64 m = { 1234, 5678 };
	size_t off = 99, len = 99;

	if (vc_parse_list(t, text, &m, &off, &len) < 0) {
		printf("# '%s' failed at %zu+%zu\n", text, off, len);
		return 0;
	}
	if (m.value != value || m.mask != mask || off != 99 || len != 99) {
		printf("# '%s' gave %#llx/%#llx\n", text, (unsigned long long)m.value,
		       (unsigned long long)m.mask);
		return 0;
	}
	return 1;
}

/* Parse @text, expecting the bad token at @off/@len. */
static int fails_at(enum vc_names t, const char *text, size_t want_off, size_t want_len)
{
	struct vc_mask64 m = { 1234, 5678 };
	size_t off = 99, len = 99;

	errno = 0;
	if (vc_parse_list(t, text, &m, &off, &len) == 0 || errno != EINVAL) {
		printf("# '%s' did not fail with EINVAL\n", text);
		return 0;
	}
	if (off != want_off || len != want_len || m.value != 1234 || m.mask != 5678) {
		printf("# '%s': bad token at %zu+%zu\n", text, off, len);
		return 0;
	}
	return 1;
}

static void test_lists(void)
{
	const uint64_t all = ~(uint64_t)0;

	check(parses_to(VC_NAMES_CFLAGS, "", 0, 0) && parses_to(VC_NAMES_CFLAGS, " \n,\t", 0, 0),
	      "%s", "empty lists change nothing");
	check(parses_to(VC_NAMES_CFLAGS, "lock,fakeinit private\thideinfo\nnproc\r\n", 0x3d, 0x3d),
	      "%s", "commas, spaces, tabs, newlines and CRLF separate");
	check(parses_to(VC_NAMES_CFLAGS, "lock,!lock", 0, 1) &&
		      parses_to(VC_NAMES_CFLAGS, "~fakeinit", 0, 0x10),
	      "%s", "! and ~ clear: value 0, mask 1");
	check(parses_to(VC_NAMES_CFLAGS, "!lock,lock", 1, 1), "%s", "later tokens win");
	check(parses_to(VC_NAMES_CFLAGS, "# all of this\nlock # , private\n#nproc\nulimit#x", 0x41,
			0x41),
	      "%s", "# comments run to the end of the line");
	check(parses_to(VC_NAMES_CFLAGS, "none", 0, all) &&
		      parses_to(VC_NAMES_CFLAGS, "lock none fakeinit", 0x10, all),
	      "%s", "none clears everything");
	check(parses_to(VC_NAMES_UMASK, "all", 0x7C020200, 0x7C020200), "%s",
	      "umask: all = VSERVER_SPACE_MASK_FULL");
	check(parses_to(VC_NAMES_NCAPS, "all,!multicast", 0x101, 0x1101), "%s",
	      "ncaps: all = the known bits");
	check(parses_to(VC_NAMES_CCAPS, "ALL,!utsname", 0x37F711E, 0x37F711F), "%s",
	      "ccaps: all = the known bits");
	check(parses_to(VC_NAMES_BCAPS, "all", all, all) &&
		      parses_to(VC_NAMES_BCAPS, "none,chown", 1, all),
	      "%s", "bcaps: all and none");
	check(parses_to(VC_NAMES_CFLAGS, "default,secure", 0x1002020000ULL, 0x1002020000ULL),
	      "%s", "cflags: default and secure pseudo flags");
	check(parses_to(VC_NAMES_BCAPS,
			"all,!setpcap,!linux_immutable,!net_broadcast,!net_admin,!net_raw,"
			"!ipc_lock,!ipc_owner,!sys_module,!sys_rawio,!sys_pacct,!sys_admin,"
			"!sys_nice,!sys_resource,!sys_time,!mknod,!audit_control",
			0xFFFFFFFFB44C04FFULL, all),
	      "%s", "bcaps: all minus util-vserver's insecure set = 0xFFFFFFFFB44C04FF");
}

static void test_bad_lists(void)
{
	check(fails_at(VC_NAMES_CFLAGS, "lock, bogus ,private", 6, 5), "%s",
	      "bad token: offset and length");
	check(fails_at(VC_NAMES_CFLAGS, "lock\n# bogus\n  !nope\n", 15, 5), "%s",
	      "bad negated token: reported with its '!', comments skipped");
	check(fails_at(VC_NAMES_CFLAGS, "lock,!", 5, 1) && fails_at(VC_NAMES_CFLAGS, "~", 0, 1),
	      "%s", "a lone ! or ~ is a bad token");
	check(fails_at(VC_NAMES_CFLAGS, "!none", 0, 5), "%s", "!none is a bad token");
	check(fails_at(VC_NAMES_CFLAGS, "!!lock", 0, 6), "%s", "!!lock is a bad token");
	check(fails_at(VC_NAMES_UMASK, "newns,^64", 6, 3), "%s", "^64 is a bad token");
	check(fails_at(VC_NAMES_BCAPS, "chown,kill\nsys_admin,frobnicate#x", 21, 10), "%s",
	      "bcaps: unknown capability");
	check(fails_at(VC_NAMES_NFLAGS, "fakeinit", 0, 8), "%s",
	      "nflags: a cflag name is a bad token");
}

static void test_format(void)
{
	char buf[256];
	int r;

	check(vc_format_bits(VC_NAMES_CFLAGS, 0x10 | 0x1 | 0x800, buf, sizeof(buf)) == 0 &&
		      !strcmp(buf, "lock,fakeinit,^11"),
	      "%s", "cflags 0x811 is lock,fakeinit,^11");
	check(vc_format_bits(VC_NAMES_BCAPS, (1ULL << 63) | (1ULL << 21) | (1ULL << 62), buf,
			     sizeof(buf)) == 0 &&
		      !strcmp(buf, "SYS_ADMIN,^62,CONTEXT"),
	      "%s", "bcaps: SYS_ADMIN,^62,CONTEXT");
	strcpy(buf, "junk");
	check(vc_format_bits(VC_NAMES_UMASK, 0, buf, sizeof(buf)) == 0 && !strcmp(buf, ""), "%s",
	      "no bits: empty string");
	check(vc_format_bits(VC_NAMES_UMASK, 0x7C020200, buf, sizeof(buf)) == 0 &&
		      !strcmp(buf, "fs,newns,newuts,newipc,newuser,newpid,newnet"),
	      "%s", "umask: all names in bit order");
	strcpy(buf, "sentinel");
	errno = 0;
	r = vc_format_bits(VC_NAMES_CFLAGS, 0x11, buf, 13); /* "lock,fakeinit" is 13 */
	check(r == -1 && errno == ENOSPC && !strcmp(buf, "sentinel"), "%s",
	      "ENOSPC without the room for the NUL, buffer untouched");
	check(vc_format_bits(VC_NAMES_CFLAGS, 0x11, buf, 14) == 0 && !strcmp(buf, "lock,fakeinit"),
	      "%s", "exactly enough room");
	errno = 0;
	check(vc_format_bits(VC_NAMES_CFLAGS, 0, buf, 0) == -1 && errno == ENOSPC, "%s",
	      "size 0 is ENOSPC even for no bits");
}

/* Format every bit of a table and parse it back: the same bits. */
static void test_round_trip(void)
{
	static const char *const tname[] = { "cflags", "ccaps", "bcaps", "nflags", "ncaps", "umask" };
	char buf[1024];
	unsigned int t;

	for (t = VC_NAMES_CFLAGS; t <= VC_NAMES_UMASK; t++) {
		struct vc_mask64 m = { 0, 0 };
		int ok = vc_format_bits(t, ~(uint64_t)0, buf, sizeof(buf)) == 0 &&
			 vc_parse_list(t, buf, &m, NULL, NULL) == 0 && m.value == ~(uint64_t)0;

		check(ok, "%s: all 64 bits format and parse back", tname[t]);
	}
}

static void test_bit_to_name_errors(void)
{
	errno = 0;
	check(!vc_bit_to_name(VC_NAMES_CFLAGS, 64) && errno == EINVAL, "%s", "bit 64: EINVAL");
	errno = 0;
	check(!vc_bit_to_name(VC_NAMES_CFLAGS, 11) && errno == ENOENT, "%s",
	      "unnamed cflag bit 11: ENOENT");
	errno = 0;
	check(!vc_bit_to_name((enum vc_names)-1, 0) && errno == EINVAL, "%s", "bad table: EINVAL");
}

int main(void)
{
	printf("1..76\n");
	test_tables();
	test_names();
	test_bcap_names();
	test_bit_numbers();
	test_lists();
	test_bad_lists();
	test_format();
	test_round_trip();
	test_bit_to_name_errors();
	return failed ? 1 : 0;
}
