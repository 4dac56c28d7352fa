// SPDX-License-Identifier: LGPL-2.1-or-later
/*
 * libvserver - text names of flags, capabilities and namespace bits
 *
 * util-vserver configurations name these bits in files such as
 * /etc/vservers/NAME/flags or bcapabilities, so the spellings, aliases
 * and pseudo names here are util-vserver's (ABI §4.1-4.3, 4.6, 4.7,
 * 4.12). Linux capability names come from libcap, so that a capability
 * added to Linux is known as soon as libcap knows it.
 *
 * Copyright (C) 2026 The vserver authors
 */
#include <ctype.h>
#include <errno.h>
#include <pthread.h>
#include <sched.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/capability.h>

#include <linux/vserver/context.h>
#include <linux/vserver/network.h>

#include "vserver-names.h"

#define ALL_BITS (~(uint64_t)0)
#define BIT(n) ((uint64_t)1 << (n))

/* vserver-only bounding capability: leave it and vserver(2) is refused. */
#define BCAP_CONTEXT_BIT 63

struct name {
	const char *name;
	uint64_t bits;
};

/*
 * In each table the first entry that names a single bit gives that bit's
 * canonical name; aliases and pseudo names (several bits, or a bit that
 * already has a name) come after it.
 */
/* clang-format off */
static const struct name cflag_names[] = {
	{ "lock",		VXF_INFO_LOCK },
	{ "sched",		VXF_INFO_SCHED },
	{ "nproc",		VXF_INFO_NPROC },
	{ "private",		VXF_INFO_PRIVATE },
	{ "fakeinit",		VXF_INFO_INIT },
	{ "hideinfo",		VXF_INFO_HIDE },
	{ "ulimit",		VXF_INFO_ULIMIT },
	{ "namespace",		VXF_INFO_NSPACE },
	{ "sched_hard",		VXF_SCHED_HARD },
	{ "sched_prio",		VXF_SCHED_PRIO },
	{ "sched_pause",	VXF_SCHED_PAUSE },
	{ "virt_mem",		VXF_VIRT_MEM },
	{ "virt_uptime",	VXF_VIRT_UPTIME },
	{ "virt_cpu",		VXF_VIRT_CPU },
	{ "virt_load",		VXF_VIRT_LOAD },
	{ "virt_time",		VXF_VIRT_TIME },
	{ "hide_mount",		VXF_HIDE_MOUNT },
	{ "hide_netif",		VXF_HIDE_NETIF },
	{ "hide_vinfo",		VXF_HIDE_VINFO },
	{ "state_setup",	VXF_STATE_SETUP },
	{ "state_init",		VXF_STATE_INIT },
	{ "state_admin",	VXF_STATE_ADMIN },
	{ "sc_helper",		VXF_SC_HELPER },
	{ "reboot_kill",	VXF_REBOOT_KILL },
	{ "persistent",		VXF_PERSISTENT },
	{ "fork_rss",		VXF_FORK_RSS },
	{ "prolific",		VXF_PROLIFIC },
	{ "igneg_nice",		VXF_IGNEG_NICE },
	{ "igneg_ionice",	VXF_IGNEG_IONICE },
	/* the kernel's names, so that "VXF_INFO_INIT" works too */
	{ "info_lock",		VXF_INFO_LOCK },
	{ "info_sched",		VXF_INFO_SCHED },
	{ "info_nproc",		VXF_INFO_NPROC },
	{ "info_private",	VXF_INFO_PRIVATE },
	{ "info_init",		VXF_INFO_INIT },
	{ "info_hide",		VXF_INFO_HIDE },
	{ "info_ulimit",	VXF_INFO_ULIMIT },
	{ "info_nspace",	VXF_INFO_NSPACE },
	/* util-vserver's pseudo flags */
	{ "default",		VXF_VIRT_UPTIME | VXF_SC_HELPER },
	{ "secure",		VXF_HIDE_NETIF },
};

static const struct name ccap_names[] = {
	{ "set_utsname",	VXC_SET_UTSNAME },
	{ "set_rlimit",		VXC_SET_RLIMIT },
	{ "fs_security",	VXC_FS_SECURITY },
	{ "fs_trusted",		VXC_FS_TRUSTED },
	{ "tiocsti",		VXC_TIOCSTI },
	{ "raw_icmp",		VXC_RAW_ICMP },
	{ "syslog",		VXC_SYSLOG },
	{ "oom_adjust",		VXC_OOM_ADJUST },
	{ "audit_control",	VXC_AUDIT_CONTROL },
	{ "secure_mount",	VXC_SECURE_MOUNT },
	{ "secure_remount",	VXC_SECURE_REMOUNT },
	{ "binary_mount",	VXC_BINARY_MOUNT },
	{ "dev_mount",		VXC_DEV_MOUNT },
	{ "quota_ctl",		VXC_QUOTA_CTL },
	{ "admin_mapper",	VXC_ADMIN_MAPPER },
	{ "admin_cloop",	VXC_ADMIN_CLOOP },
	{ "kthread",		VXC_KTHREAD },
	{ "namespace",		VXC_NAMESPACE },
	/* util-vserver's deprecated spellings */
	{ "utsname",		VXC_SET_UTSNAME },
	{ "rlimit",		VXC_SET_RLIMIT },
	{ "icmp",		VXC_RAW_ICMP },
	{ "ping",		VXC_RAW_ICMP },
	{ "mount",		VXC_SECURE_MOUNT },
	{ "remount",		VXC_SECURE_REMOUNT },
};

static const struct name nflag_names[] = {
	{ "lock",		NXF_INFO_LOCK },
	{ "private",		NXF_INFO_PRIVATE },
	{ "single_ip",		NXF_SINGLE_IP },
	{ "lback_remap",	NXF_LBACK_REMAP },
	{ "lback_allow",	NXF_LBACK_ALLOW },
	{ "hide_netif",		NXF_HIDE_NETIF },
	{ "hide_lback",		NXF_HIDE_LBACK },
	{ "state_setup",	NXF_STATE_SETUP },
	{ "state_admin",	NXF_STATE_ADMIN },
	{ "sc_helper",		NXF_SC_HELPER },
	{ "persistent",		NXF_PERSISTENT },
	{ "info_lock",		NXF_INFO_LOCK },
	{ "info_private",	NXF_INFO_PRIVATE },
	{ "remap_lback",	NXF_LBACK_REMAP },
};

static const struct name ncap_names[] = {
	{ "tun_create",		NXC_TUN_CREATE },
	{ "raw_icmp",		NXC_RAW_ICMP },
	/* no util-vserver name; named so that it prints as more than ^12 */
	{ "multicast",		NXC_MULTICAST },
};

static const struct name umask_names[] = {
	{ "fs",			CLONE_FS },
	{ "newns",		CLONE_NEWNS },
	{ "newuts",		CLONE_NEWUTS },
	{ "newipc",		CLONE_NEWIPC },
	{ "newuser",		CLONE_NEWUSER },
	{ "newpid",		CLONE_NEWPID },
	{ "newnet",		CLONE_NEWNET },
};
/* clang-format on */

struct table {
	const struct name *names; /* NULL for bcaps: libcap's table */
	size_t count;
	const char *prefix;	  /* optional prefix of every name */
};

#define TABLE(a, p) { a, sizeof(a) / sizeof((a)[0]), p }

static const struct table tables[] = {
	[VC_NAMES_CFLAGS] = TABLE(cflag_names, "vxf_"),
	[VC_NAMES_CCAPS] = TABLE(ccap_names, "vxc_"),
	[VC_NAMES_BCAPS] = { NULL, 0, "cap_" },
	[VC_NAMES_NFLAGS] = TABLE(nflag_names, "nxf_"),
	[VC_NAMES_NCAPS] = TABLE(ncap_names, "nxc_"),
	[VC_NAMES_UMASK] = TABLE(umask_names, NULL),
};

#define N_TABLES (sizeof(tables) / sizeof(tables[0]))

static const struct table *get_table(enum vc_names t)
{
	if ((unsigned int)t >= N_TABLES) {
		errno = EINVAL;
		return NULL;
	}
	return &tables[t];
}

/* --- bounding capabilities, named by libcap ------------------------------ */

#define BCAP_NAME_MAX 32

/*
 * libcap hands out names in allocated memory, but vc_bit_to_name() returns
 * static strings: copy them once, upper case and without "cap_" as
 * util-vserver prints them. The table never changes after that.
 */
static char bcap_names[64][BCAP_NAME_MAX];
static pthread_once_t bcap_once = PTHREAD_ONCE_INIT;

static void bcap_name_init(unsigned int bit)
{
	char *name = cap_to_name((cap_value_t)bit);
	size_t i;

	/* For a capability libcap does not know it gives the number. */
	if (name && !strncasecmp(name, "cap_", 4) && strlen(name + 4) < BCAP_NAME_MAX)
		for (i = 0; name[4 + i]; i++)
			bcap_names[bit][i] = (char)toupper((unsigned char)name[4 + i]);
	cap_free(name);
}

static void bcap_names_init(void)
{
	unsigned int bit;

	for (bit = 0; bit < BCAP_CONTEXT_BIT; bit++)
		bcap_name_init(bit);
	strcpy(bcap_names[BCAP_CONTEXT_BIT], "CONTEXT");
}

static const char *bcap_name(unsigned int bit)
{
	pthread_once(&bcap_once, bcap_names_init);
	return bcap_names[bit][0] ? bcap_names[bit] : NULL;
}

/* A Linux capability name without "cap_", e.g. "sys_admin", or "context". */
static int bcap_lookup(const char *name, size_t len, uint64_t *ret_bits)
{
	char buf[4 + BCAP_NAME_MAX];
	cap_value_t cap;

	if (len >= BCAP_NAME_MAX)
		return -1;
	snprintf(buf, sizeof(buf), "cap_%.*s", (int)len, name);
	if (!strcasecmp(buf + 4, "context")) {
		*ret_bits = BIT(BCAP_CONTEXT_BIT);
		return 0;
	}
	/* libcap also takes numbers: insist that the name is the one it prints */
	if (cap_from_name(buf, &cap) < 0 || cap < 0 || cap >= BCAP_CONTEXT_BIT ||
	    !bcap_name(cap) || strcasecmp(bcap_name(cap), buf + 4))
		return -1;
	*ret_bits = BIT(cap);
	return 0;
}

/* --- name lookup --------------------------------------------------------- */

static bool name_is(const char *name, size_t len, const char *word)
{
	return strlen(word) == len && !strncasecmp(name, word, len);
}

/*
 * The bits "all" stands for: the table's known bits. For bcaps every bit:
 * util-vserver's "all" is ~0, the secure bounding set keeps every bit
 * above 31 (ABI §4.3), and a capability newer than libcap is still one.
 */
static uint64_t table_all(const struct table *tab)
{
	uint64_t bits = 0;
	size_t i;

	if (!tab->names)
		return ALL_BITS;
	for (i = 0; i < tab->count; i++)
		bits |= tab->names[i].bits;
	return bits;
}

/* "^N": bit N, decimal, 0..63. */
static int parse_bitno(const char *s, size_t len, uint64_t *ret_bits)
{
	unsigned int n = 0;
	size_t i;

	if (len < 2)
		return -1;
	for (i = 1; i < len; i++) {
		if (!isdigit((unsigned char)s[i]))
			return -1;
		n = n * 10 + (unsigned int)(s[i] - '0');
		if (n > 63)
			return -1;
	}
	*ret_bits = BIT(n);
	return 0;
}

/* A plain number is the value itself, read as strtoull(, 0) reads it. */
static int parse_number(const char *s, size_t len, uint64_t *ret_bits)
{
	char buf[32], *end;
	unsigned long long v;

	if (len >= sizeof(buf))
		return -1;
	memcpy(buf, s, len);
	buf[len] = '\0';
	errno = 0;
	v = strtoull(buf, &end, 0);
	if (errno || *end)
		return -1;
	*ret_bits = v;
	return 0;
}

static int table_lookup(const struct table *tab, const char *s, size_t len,
			uint64_t *ret_bits)
{
	size_t plen = tab->prefix ? strlen(tab->prefix) : 0;
	size_t i;

	if (plen && len > plen && !strncasecmp(s, tab->prefix, plen)) {
		s += plen;
		len -= plen;
	}
	if (!tab->names)
		return bcap_lookup(s, len, ret_bits);
	for (i = 0; i < tab->count; i++)
		if (name_is(s, len, tab->names[i].name)) {
			*ret_bits = tab->names[i].bits;
			return 0;
		}
	return -1;
}

static int lookup(const struct table *tab, const char *s, size_t len, uint64_t *ret_bits)
{
	if (len == 0)
		return -1;
	if (name_is(s, len, "all") || name_is(s, len, "any")) {
		*ret_bits = table_all(tab);
		return 0;
	}
	if (name_is(s, len, "none")) {
		*ret_bits = 0;
		return 0;
	}
	if (s[0] == '^')
		return parse_bitno(s, len, ret_bits);
	if (isdigit((unsigned char)s[0]))
		return parse_number(s, len, ret_bits);
	return table_lookup(tab, s, len, ret_bits);
}

int vc_name_to_bits(enum vc_names t, const char *name, size_t len, uint64_t *ret_bits)
{
	const struct table *tab = get_table(t);
	uint64_t bits;

	if (!tab)
		return -1;
	if (!name || !ret_bits || lookup(tab, name, len, &bits) < 0) {
		errno = EINVAL;
		return -1;
	}
	*ret_bits = bits;
	return 0;
}

const char *vc_bit_to_name(enum vc_names t, unsigned int bit)
{
	const struct table *tab = get_table(t);
	const char *name = NULL;
	size_t i;

	if (!tab)
		return NULL;
	if (bit > 63) {
		errno = EINVAL;
		return NULL;
	}
	if (!tab->names)
		name = bcap_name(bit);
	for (i = 0; !name && i < tab->count; i++)
		if (tab->names[i].bits == BIT(bit))
			name = tab->names[i].name;
	if (!name)
		errno = ENOENT;
	return name;
}

/* --- lists --------------------------------------------------------------- */

static bool is_separator(char c)
{
	return c == ',' || c == ' ' || c == '\t' || c == '\n' || c == '\r' ||
	       c == '\v' || c == '\f';
}

/*
 * Find the next token at or after *pos, skipping separators and comments.
 * Returns false at the end of the text.
 */
static bool next_token(const char *text, size_t *pos, size_t *ret_off, size_t *ret_len)
{
	size_t p = *pos, start;

	for (;;) {
		while (is_separator(text[p]))
			p++;
		if (text[p] != '#')
			break;
		while (text[p] && text[p] != '\n')
			p++;
	}
	if (!text[p])
		return false;
	start = p;
	while (text[p] && !is_separator(text[p]) && text[p] != '#')
		p++;
	*pos = p;
	*ret_off = start;
	*ret_len = p - start;
	return true;
}

/* Apply one token ("name", "!name", "none", ...) to @acc. */
static int apply_token(const struct table *tab, const char *tok, size_t len,
		       struct vc_mask64 *acc)
{
	bool clear = tok[0] == '!' || tok[0] == '~';
	uint64_t bits;

	if (clear) {
		tok++;
		len--;
	}
	if (name_is(tok, len, "none")) {
		if (clear)
			return -1; /* "!none" has no sensible meaning */
		acc->value = 0;
		acc->mask = ALL_BITS;
		return 0;
	}
	if (lookup(tab, tok, len, &bits) < 0)
		return -1;
	if (clear)
		acc->value &= ~bits;
	else
		acc->value |= bits;
	acc->mask |= bits;
	return 0;
}

int vc_parse_list(enum vc_names t, const char *text, struct vc_mask64 *ret,
		  size_t *ret_bad_off, size_t *ret_bad_len)
{
	const struct table *tab = get_table(t);
	struct vc_mask64 acc = { 0, 0 };
	size_t pos = 0, off, len;

	if (!tab)
		return -1;
	if (!text || !ret) {
		errno = EINVAL;
		return -1;
	}
	while (next_token(text, &pos, &off, &len)) {
		if (apply_token(tab, text + off, len, &acc) < 0) {
			if (ret_bad_off)
				*ret_bad_off = off;
			if (ret_bad_len)
				*ret_bad_len = len;
			errno = EINVAL;
			return -1;
		}
	}
	*ret = acc;
	return 0;
}

/* --- formatting ---------------------------------------------------------- */

/*
 * Write the list into @buf when it fits in @size, and return its length
 * either way: measure first, so that a short buffer is left untouched.
 */
static size_t format(enum vc_names t, uint64_t bits, char *buf, size_t size)
{
	size_t len = 0;
	unsigned int bit;

	for (bit = 0; bit < 64; bit++) {
		const char *name;
		char num[8];

		if (!(bits & BIT(bit)))
			continue;
		name = vc_bit_to_name(t, bit);
		if (!name) {
			snprintf(num, sizeof(num), "^%u", bit);
			name = num;
		}
		len += (size_t)snprintf(size > len ? buf + len : NULL, size > len ? size - len : 0,
					"%s%s", len ? "," : "", name);
	}
	return len;
}

int vc_format_bits(enum vc_names t, uint64_t bits, char *buf, size_t size)
{
	if (!get_table(t))
		return -1;
	if (!buf) {
		errno = EINVAL;
		return -1;
	}
	if (format(t, bits, NULL, 0) >= size) {
		errno = ENOSPC;
		return -1;
	}
	buf[0] = '\0'; /* for no bits at all */
	format(t, bits, buf, size);
	return 0;
}
