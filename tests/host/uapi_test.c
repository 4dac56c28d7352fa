// SPDX-License-Identifier: GPL-2.0-only
/*
 * Host test of the vserver UAPI headers: command words, constants, layouts
 *
 * Copyright (C) 2026 The vserver authors
 *
 * Every expected value below is written out from the ABI document
 * (spec/vserver-abi.md: §3.1 for command words, §3.2 for layouts, §1 to §4
 * for constants), never computed from the headers under test.
 *
 * Build and run from this directory:
 *
 *   cc -Wall -Wextra -Werror -D__user= -I../../kernel/include/uapi \
 *      uapi_test.c -o uapi_test && ./uapi_test
 *
 * -D__user= does what headers_install does to installed headers: it strips
 * the kernel's __user annotation of the pointer members.  The file defines
 * __user empty itself when the command line does not.
 *
 * Output is TAP; the exit status is 1 if any check failed.
 *
 * With -DUAPI_TEST_STATIC every check becomes a static assertion and no libc
 * header is used, so that "cc -m32 -fsyntax-only -DUAPI_TEST_STATIC ..."
 * checks the i386 column of §3.2 on a host without a 32-bit libc
 * (uapi_selfcontained.sh does that).
 */

#ifndef __user
#define __user
#endif

#include <stddef.h>

#include <linux/vserver/context.h>
#include <linux/vserver/inode.h>
#include <linux/vserver/limit.h>
#include <linux/vserver/network.h>
#include <linux/vserver/switch.h>

#if defined(__x86_64__) && !defined(__ILP32__)
#define ABI_X86_64 1
#define ABI_NAME "x86_64"
#elif defined(__i386__)
#define ABI_X86_64 0
#define ABI_NAME "i386"
#else
#error "the ABI document gives layouts for x86_64 and i386 only"
#endif

/* The value of the x86_64 or of the i386 column, for the ABI compiled for. */
#define ABI(x86_64, i386) (ABI_X86_64 ? (x86_64) : (i386))

#ifdef UAPI_TEST_STATIC

#define CHECK_EQ(what, got, want) _Static_assert((got) == (want), what)
#define CHECK_EQ64(what, got, size, want)				\
	_Static_assert((got) == (want) && (size) == 8, what)
#define CHECK_FIELD(what, off, size, sign, woff, wsize, wsign)		\
	_Static_assert((off) == (woff) && (size) == (wsize) &&		\
			       (sign) == (wsign),			\
		       what)

#else /* !UAPI_TEST_STATIC */

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>

#define MAX_RESULTS 1024

static struct {
	const char *what;
	bool ok;
	char diag[96];
} results[MAX_RESULTS];
static unsigned int nr_results;

static void record(const char *const what, const bool ok, const char *diag)
{
	if (nr_results >= MAX_RESULTS) {
		fprintf(stderr, "too many checks, raise MAX_RESULTS\n");
		exit(2);
	}
	results[nr_results].what = what;
	results[nr_results].ok = ok;
	snprintf(results[nr_results].diag, sizeof(results[0].diag), "%s",
		 diag);
	nr_results++;
}

static void check_eq(const char *const what, const unsigned long long got,
		     const unsigned long long want)
{
	char diag[96];

	snprintf(diag, sizeof(diag), "got %llu (0x%llx), want %llu (0x%llx)", got,
		 got, want, want);
	record(what, got == want, diag);
}

static void check_field(const char *const what, const size_t off,
			const size_t size, const char sign, const size_t woff,
			const size_t wsize, const char wsign)
{
	char diag[96];

	snprintf(diag, sizeof(diag),
		 "got offset %zu size %zu sign %c, want %zu %zu %c", off, size,
		 sign, woff, wsize, wsign);
	record(what, off == woff && size == wsize && sign == wsign, diag);
}

static void check_eq64(const char *const what, const unsigned long long got,
		       const size_t size, const unsigned long long want)
{
	char diag[96];

	snprintf(diag, sizeof(diag), "got 0x%llx (%zu bytes), want 0x%llx (8)",
		 got, size, want);
	record(what, got == want && size == 8, diag);
}

#define CHECK_EQ(what, got, want) check_eq(what, (got), (want))
#define CHECK_EQ64(what, got, size, want) check_eq64(what, got, size, want)
#define CHECK_FIELD(what, off, size, sign, woff, wsize, wsign)		\
	check_field(what, off, size, sign, woff, wsize, wsign)

#endif /* UAPI_TEST_STATIC */

/*
 * Command words of §3.1: name, hex word, category, number, version.  The
 * hex word and the Cat/No/Ver triple are both copied from the table, so the
 * second check also pins VC_CATEGORY(), VC_COMMAND() and VC_VERSION().
 */
/* clang-format off */
#define COMMANDS(X)							\
	X(get_version,		0x00000000,  0,  0, 0)			\
	X(get_vci,		0x00010000,  0,  1, 0)			\
	X(set_vhi_name,		0x02010000,  2,  1, 0)			\
	X(get_vhi_name,		0x02020000,  2,  2, 0)			\
	X(set_mapping,		0x06010000,  6,  1, 0)			\
	X(unset_mapping,	0x06020000,  6,  2, 0)			\
	X(ctx_create_v0,	0x09010000,  9,  1, 0)			\
	X(ctx_create,		0x09010001,  9,  1, 1)			\
	X(ctx_create_v2,	0x09010002,  9,  1, 2)			\
	X(enter_space_v0,	0x0A010000, 10,  1, 0)			\
	X(enter_space_v1,	0x0A010001, 10,  1, 1)			\
	X(enter_space,		0x0A010002, 10,  1, 2)			\
	X(cleanup_namespace,	0x0A020000, 10,  2, 0)			\
	X(set_space_v0,		0x0A030000, 10,  3, 0)			\
	X(set_space_v1,		0x0A030001, 10,  3, 1)			\
	X(set_space,		0x0A030002, 10,  3, 2)			\
	X(get_space_mask_v0,	0x0A040000, 10,  4, 0)			\
	X(get_pflags,		0x0A050000, 10,  5, 0)			\
	X(set_pflags,		0x0A060000, 10,  6, 0)			\
	X(ctx_migrate_v0,	0x0B010000, 11,  1, 0)			\
	X(ctx_migrate,		0x0B010001, 11,  1, 1)			\
	X(ctx_kill,		0x0C010000, 12,  1, 0)			\
	X(set_sched_v2,		0x0E010002, 14,  1, 2)			\
	X(set_sched_v3,		0x0E010003, 14,  1, 3)			\
	X(set_sched_v4,		0x0E010004, 14,  1, 4)			\
	X(set_sched,		0x0E010005, 14,  1, 5)			\
	X(get_sched,		0x0E020005, 14,  2, 5)			\
	X(sched_info,		0x0E030000, 14,  3, 0)			\
	X(set_prio_bias,	0x0E040000, 14,  4, 0)			\
	X(get_prio_bias,	0x0E050000, 14,  5, 0)			\
	X(get_badness,		0x14050000, 20,  5, 0)			\
	X(set_badness,		0x14060000, 20,  6, 0)			\
	X(net_create_v0,	0x19010000, 25,  1, 0)			\
	X(net_create,		0x19010001, 25,  1, 1)			\
	X(net_add,		0x1A010000, 26,  1, 0)			\
	X(net_remove,		0x1A020000, 26,  2, 0)			\
	X(net_add_ipv4_v1,	0x1A010001, 26,  1, 1)			\
	X(net_rem_ipv4_v1,	0x1A020001, 26,  2, 1)			\
	X(net_add_ipv4,		0x1A010002, 26,  1, 2)			\
	X(net_rem_ipv4,		0x1A020002, 26,  2, 2)			\
	X(net_add_ipv6,		0x1A030001, 26,  3, 1)			\
	X(net_remove_ipv6,	0x1A040001, 26,  4, 1)			\
	X(add_match_ipv4,	0x1A050000, 26,  5, 0)			\
	X(get_match_ipv4,	0x1A060000, 26,  6, 0)			\
	X(add_match_ipv6,	0x1A070000, 26,  7, 0)			\
	X(get_match_ipv6,	0x1A080000, 26,  8, 0)			\
	X(net_migrate,		0x1B010000, 27,  1, 0)			\
	X(tag_migrate,		0x23010000, 35,  1, 0)			\
	X(add_dlimit,		0x24010000, 36,  1, 0)			\
	X(rem_dlimit,		0x24020000, 36,  2, 0)			\
	X(set_dlimit,		0x24050000, 36,  5, 0)			\
	X(get_dlimit,		0x24060000, 36,  6, 0)			\
	X(get_iattr,		0x26010001, 38,  1, 1)			\
	X(set_iattr,		0x26020001, 38,  2, 1)			\
	X(fget_iattr,		0x26030000, 38,  3, 0)			\
	X(fset_iattr,		0x26040000, 38,  4, 0)			\
	X(ctx_stat,		0x28000000, 40,  0, 0)			\
	X(rlimit_stat,		0x28010000, 40,  1, 0)			\
	X(virt_stat,		0x28030000, 40,  3, 0)			\
	X(sock_stat,		0x28050000, 40,  5, 0)			\
	X(task_xid,		0x2E010000, 46,  1, 0)			\
	X(task_nid,		0x2E020000, 46,  2, 0)			\
	X(task_tag,		0x2E030000, 46,  3, 0)			\
	X(vx_info,		0x2E050000, 46,  5, 0)			\
	X(nx_info,		0x2E060000, 46,  6, 0)			\
	X(wait_exit,		0x30630000, 48, 99, 0)			\
	X(get_cflags,		0x34010000, 52,  1, 0)			\
	X(set_cflags,		0x34020000, 52,  2, 0)			\
	X(get_ccaps_v0,		0x34030000, 52,  3, 0)			\
	X(set_ccaps_v0,		0x34040000, 52,  4, 0)			\
	X(get_ccaps,		0x34030001, 52,  3, 1)			\
	X(set_ccaps,		0x34040001, 52,  4, 1)			\
	X(get_nflags,		0x34050000, 52,  5, 0)			\
	X(set_nflags,		0x34060000, 52,  6, 0)			\
	X(get_ncaps,		0x34070000, 52,  7, 0)			\
	X(set_ncaps,		0x34080000, 52,  8, 0)			\
	X(get_bcaps,		0x34090000, 52,  9, 0)			\
	X(set_bcaps,		0x340A0000, 52, 10, 0)			\
	X(get_umask,		0x340D0000, 52, 13, 0)			\
	X(set_umask,		0x340E0000, 52, 14, 0)			\
	X(get_wmask,		0x340F0000, 52, 15, 0)			\
	X(set_wmask,		0x34100000, 52, 16, 0)			\
	X(get_space_mask,	0x36000001, 54,  0, 1)			\
	X(get_space_default,	0x36010000, 54,  1, 0)			\
	X(dump_history,		0x38010000, 56,  1, 0)			\
	X(read_history,		0x38050000, 56,  5, 0)			\
	X(read_monitor,		0x38060000, 56,  6, 0)			\
	X(get_rlimit,		0x3C010000, 60,  1, 0)			\
	X(set_rlimit,		0x3C020000, 60,  2, 0)			\
	X(get_rlimit_mask,	0x3C030000, 60,  3, 0)			\
	X(reset_hits,		0x3C070000, 60,  7, 0)			\
	X(reset_minmax,		0x3C090000, 60,  9, 0)			\
	X(create_context,	0x01010000,  1,  1, 0)			\
	X(new_s_context,	0x3F010001, 63,  1, 1)			\
	X(set_ipv4root,		0x3F020003, 63,  2, 3)
/* clang-format on */

#define PACK(cat, num, ver)                                                    \
	(((unsigned long long)(cat) << 32) | ((unsigned long long)(num) << 16) | \
	 (unsigned long long)(ver))

#define CHECK_COMMAND(name, hex, cat, num, ver)				\
	CHECK_EQ("VCMD_" #name " is " #hex, VCMD_##name, hex);		\
	CHECK_EQ("VCMD_" #name " decodes to " #cat "/" #num "/" #ver,	\
		 PACK(VC_CATEGORY(VCMD_##name), VC_COMMAND(VCMD_##name), \
		      VC_VERSION(VCMD_##name)),				\
		 PACK(cat, num, ver));					\
	CHECK_EQ("VCMD_" #name " has no reserved bit set",		\
		 VCMD_##name & VC_CMD_RESERVED_MASK, 0);

static void check_commands(void)
{
	COMMANDS(CHECK_COMMAND)
}

/*
 * Constants, as the ABI document gives them.  CHECK_CONST64 also pins the
 * width: the flag words are 64 bits, and a 32-bit constant would go wrong
 * under ~ in a masked update.
 */
#define CHECK_CONST(name, want) CHECK_EQ(#name " is " #want, name, want)
#define CHECK_CONST64(name, want)					\
	CHECK_EQ64(#name " is " #want ", 64 bits", name, sizeof(name), want)

static void check_switch_constants(void)
{
	CHECK_CONST(VCI_VERSION, 0x00020308);
	CHECK_CONST(VSERVER_SYSCALL_X86_64, 236);
	CHECK_CONST(VSERVER_SYSCALL_I386, 273);
	CHECK_CONST(VC_CMD_RESERVED_MASK, 0xC000F000);

	CHECK_CONST(VC_CAT_VERSION, 0);
	CHECK_CONST(VC_CAT_VSETUP, 1);
	CHECK_CONST(VC_CAT_VHOST, 2);
	CHECK_CONST(VC_CAT_DEVICE, 6);
	CHECK_CONST(VC_CAT_VPROC, 9);
	CHECK_CONST(VC_CAT_PROCALT, 10);
	CHECK_CONST(VC_CAT_PROCMIG, 11);
	CHECK_CONST(VC_CAT_PROCTRL, 12);
	CHECK_CONST(VC_CAT_SCHED, 14);
	CHECK_CONST(VC_CAT_MEMCTRL, 20);
	CHECK_CONST(VC_CAT_VNET, 25);
	CHECK_CONST(VC_CAT_NETALT, 26);
	CHECK_CONST(VC_CAT_NETMIG, 27);
	CHECK_CONST(VC_CAT_NETCTRL, 28);
	CHECK_CONST(VC_CAT_TAGMIG, 35);
	CHECK_CONST(VC_CAT_DLIMIT, 36);
	CHECK_CONST(VC_CAT_INODE, 38);
	CHECK_CONST(VC_CAT_VSTAT, 40);
	CHECK_CONST(VC_CAT_VINFO, 46);
	CHECK_CONST(VC_CAT_EVENT, 48);
	CHECK_CONST(VC_CAT_FLAGS, 52);
	CHECK_CONST(VC_CAT_VSPACE, 54);
	CHECK_CONST(VC_CAT_DEBUG, 56);
	CHECK_CONST(VC_CAT_RLIMIT, 60);
	CHECK_CONST(VC_CAT_SYSTEST, 61);
	CHECK_CONST(VC_CAT_COMPAT, 63);

	/* The encoding at its limits, and its masking of each field. */
	CHECK_EQ("VC_CMD(COMPAT, 0xFF, 0xFFF) is 0x3FFF0FFF",
		 VC_CMD(COMPAT, 0xFF, 0xFFF), 0x3FFF0FFF);
	CHECK_EQ("VC_CMD masks number and version to 8 and 12 bits",
		 VC_CMD(VERSION, 0x1FF, 0x1FFF), 0x00FF0FFF);
	CHECK_EQ("VC_CATEGORY(0x3FFF0FFF) is 63", VC_CATEGORY(0x3FFF0FFFU), 63);
	CHECK_EQ("VC_COMMAND(0x3FFF0FFF) is 255", VC_COMMAND(0x3FFF0FFFU), 255);
	CHECK_EQ("VC_VERSION(0x3FFF0FFF) is 4095", VC_VERSION(0x3FFF0FFFU),
		 4095);
	CHECK_EQ("VC_CATEGORY ignores the reserved bits",
		 VC_CATEGORY(0xFFFFFFFFU), 63);
	CHECK_EQ("VC_VERSION ignores the reserved bits",
		 VC_VERSION(0xFFFFFFFFU), 0xFFF);
	CHECK_EQ("VC_CMD yields an unsigned int",
		 sizeof(VC_CMD(VERSION, 0, 0)) == sizeof(unsigned int) &&
			 VC_CMD(VERSION, 0, 0) - 1 > 0,
		 1);

	CHECK_CONST(VCI_KCBIT_NO_DYNAMIC, 0);
	CHECK_CONST(VCI_KCBIT_PROC_SECURE, 4);
	CHECK_CONST(VCI_KCBIT_HARDCPU, 5);
	CHECK_CONST(VCI_KCBIT_IDLELIMIT, 6);
	CHECK_CONST(VCI_KCBIT_IDLETIME, 7);
	CHECK_CONST(VCI_KCBIT_COWBL, 8);
	CHECK_CONST(VCI_KCBIT_FULLCOWBL, 9);
	CHECK_CONST(VCI_KCBIT_SPACES, 10);
	CHECK_CONST(VCI_KCBIT_NETV2, 11);
	CHECK_CONST(VCI_KCBIT_MEMCG, 12);
	CHECK_CONST(VCI_KCBIT_MEMCG_SWAP, 13);
	CHECK_CONST(VCI_KCBIT_DEBUG, 16);
	CHECK_CONST(VCI_KCBIT_HISTORY, 20);
	CHECK_CONST(VCI_KCBIT_TAGGED, 24);
	CHECK_CONST(VCI_KCBIT_PPTAG, 28);
	CHECK_CONST(VCI_KCBIT_MORE, 31);
	CHECK_CONST(VCI_TAGGED_MASK, 7);
	CHECK_CONST(VCI_TAGGED_NONE, 0);
	CHECK_CONST(VCI_TAGGED_UID16, 1);
	CHECK_CONST(VCI_TAGGED_GID16, 2);
	CHECK_CONST(VCI_TAGGED_ID24, 3);
	CHECK_CONST(VCI_TAGGED_INTERN, 4);
	CHECK_CONST(VCI_TAGGED_RUNTIME, 5);
	CHECK_CONST(VCI_TAGGED_UNKNOWN, 7);
	/* §2.2: the typical value without memcg. */
	CHECK_EQ("VCI bits of the typical kernel without memcg are 0x13000F11",
		 (1U << VCI_KCBIT_NO_DYNAMIC) | (1U << VCI_KCBIT_PROC_SECURE) |
			 (1U << VCI_KCBIT_COWBL) |
			 (1U << VCI_KCBIT_FULLCOWBL) |
			 (1U << VCI_KCBIT_SPACES) | (1U << VCI_KCBIT_NETV2) |
			 (VCI_TAGGED_ID24 << VCI_KCBIT_TAGGED) |
			 (1U << VCI_KCBIT_PPTAG),
		 0x13000F11);
}

static void check_context_constants(void)
{
	CHECK_CONST(VX_ID_HOST, 0);
	CHECK_CONST(VX_ID_SPECTATOR, 1);
	CHECK_CONST(VX_ID_STATIC_MIN, 2);
	CHECK_CONST(VX_ID_STATIC_MAX, 49151);
	CHECK_CONST(VX_ID_CREATE_MAX, 65535);

	CHECK_CONST64(VXF_INFO_LOCK, 0x0000000000000001ULL);
	CHECK_CONST64(VXF_INFO_SCHED, 0x0000000000000002ULL);
	CHECK_CONST64(VXF_INFO_NPROC, 0x0000000000000004ULL);
	CHECK_CONST64(VXF_INFO_PRIVATE, 0x0000000000000008ULL);
	CHECK_CONST64(VXF_INFO_INIT, 0x0000000000000010ULL);
	CHECK_CONST64(VXF_INFO_HIDE, 0x0000000000000020ULL);
	CHECK_CONST64(VXF_INFO_ULIMIT, 0x0000000000000040ULL);
	CHECK_CONST64(VXF_INFO_NSPACE, 0x0000000000000080ULL);
	CHECK_CONST64(VXF_SCHED_HARD, 0x0000000000000100ULL);
	CHECK_CONST64(VXF_SCHED_PRIO, 0x0000000000000200ULL);
	CHECK_CONST64(VXF_SCHED_PAUSE, 0x0000000000000400ULL);
	CHECK_CONST64(VXF_VIRT_MEM, 0x0000000000010000ULL);
	CHECK_CONST64(VXF_VIRT_UPTIME, 0x0000000000020000ULL);
	CHECK_CONST64(VXF_VIRT_CPU, 0x0000000000040000ULL);
	CHECK_CONST64(VXF_VIRT_LOAD, 0x0000000000080000ULL);
	CHECK_CONST64(VXF_VIRT_TIME, 0x0000000000100000ULL);
	CHECK_CONST64(VXF_HIDE_MOUNT, 0x0000000001000000ULL);
	CHECK_CONST64(VXF_HIDE_NETIF, 0x0000000002000000ULL);
	CHECK_CONST64(VXF_HIDE_VINFO, 0x0000000004000000ULL);
	CHECK_CONST64(VXF_STATE_SETUP, 0x0000000100000000ULL);
	CHECK_CONST64(VXF_STATE_INIT, 0x0000000200000000ULL);
	CHECK_CONST64(VXF_STATE_ADMIN, 0x0000000400000000ULL);
	CHECK_CONST64(VXF_SC_HELPER, 0x0000001000000000ULL);
	CHECK_CONST64(VXF_REBOOT_KILL, 0x0000002000000000ULL);
	CHECK_CONST64(VXF_PERSISTENT, 0x0000004000000000ULL);
	CHECK_CONST64(VXF_FORK_RSS, 0x0001000000000000ULL);
	CHECK_CONST64(VXF_PROLIFIC, 0x0002000000000000ULL);
	CHECK_CONST64(VXF_IGNEG_NICE, 0x0010000000000000ULL);
	CHECK_CONST64(VXF_IGNEG_IONICE, 0x0020000000000000ULL);
	CHECK_CONST64(VXF_ONE_TIME, 0x0000000700000000ULL);
	CHECK_CONST64(VXF_INIT_SET, 0x0000000700000000ULL);

	CHECK_CONST64(VXC_SET_UTSNAME, 0x00000001ULL);
	CHECK_CONST64(VXC_SET_RLIMIT, 0x00000002ULL);
	CHECK_CONST64(VXC_FS_SECURITY, 0x00000004ULL);
	CHECK_CONST64(VXC_FS_TRUSTED, 0x00000008ULL);
	CHECK_CONST64(VXC_TIOCSTI, 0x00000010ULL);
	CHECK_CONST64(VXC_RAW_ICMP, 0x00000100ULL);
	CHECK_CONST64(VXC_SYSLOG, 0x00001000ULL);
	CHECK_CONST64(VXC_OOM_ADJUST, 0x00002000ULL);
	CHECK_CONST64(VXC_AUDIT_CONTROL, 0x00004000ULL);
	CHECK_CONST64(VXC_SECURE_MOUNT, 0x00010000ULL);
	CHECK_CONST64(VXC_SECURE_REMOUNT, 0x00020000ULL);
	CHECK_CONST64(VXC_BINARY_MOUNT, 0x00040000ULL);
	CHECK_CONST64(VXC_DEV_MOUNT, 0x00080000ULL);
	CHECK_CONST64(VXC_QUOTA_CTL, 0x00100000ULL);
	CHECK_CONST64(VXC_ADMIN_MAPPER, 0x00200000ULL);
	CHECK_CONST64(VXC_ADMIN_CLOOP, 0x00400000ULL);
	CHECK_CONST64(VXC_KTHREAD, 0x01000000ULL);
	CHECK_CONST64(VXC_NAMESPACE, 0x02000000ULL);
	/* §4.2: util-vserver's --secure ccaps. */
	CHECK_EQ("VXC_SET_UTSNAME|VXC_RAW_ICMP|VXC_AUDIT_CONTROL is 0x4101",
		 VXC_SET_UTSNAME | VXC_RAW_ICMP | VXC_AUDIT_CONTROL, 0x4101);

	CHECK_CONST64(VXM_SET_INIT, 0x00000001ULL);
	CHECK_CONST64(VXM_SET_REAPER, 0x00000002ULL);

	CHECK_CONST(VHIN_CONTEXT, 0);
	CHECK_CONST(VHIN_SYSNAME, 1);
	CHECK_CONST(VHIN_NODENAME, 2);
	CHECK_CONST(VHIN_RELEASE, 3);
	CHECK_CONST(VHIN_VERSION, 4);
	CHECK_CONST(VHIN_MACHINE, 5);
	CHECK_CONST(VHIN_DOMAINNAME, 6);

	CHECK_CONST(VSERVER_SPACE_SLOTS, 2);
	CHECK_CONST(VSERVER_SPACE_MASK_V0, 0x1C020200);
	CHECK_CONST(VSERVER_SPACE_MASK_FULL, 0x7C020200);
	CHECK_CONST(VSERVER_SPACE_DEFAULT, 0x0C020200);

	CHECK_CONST(VS_CMD_STARTUP, 0x00000001);
	CHECK_CONST(VS_CMD_SHUTDOWN, 0x00000002);
	CHECK_CONST(VS_CMD_NETUP, 0x00000003);
	CHECK_CONST(VS_CMD_NETDOWN, 0x00000004);
	CHECK_CONST(VS_CMD_OOM, 0xDEADBEEF);
}

static void check_network_constants(void)
{
	CHECK_CONST64(NXF_INFO_LOCK, 0x0000000000000001ULL);
	CHECK_CONST64(NXF_INFO_PRIVATE, 0x0000000000000008ULL);
	CHECK_CONST64(NXF_SINGLE_IP, 0x0000000000000100ULL);
	CHECK_CONST64(NXF_LBACK_REMAP, 0x0000000000000200ULL);
	CHECK_CONST64(NXF_LBACK_ALLOW, 0x0000000000000400ULL);
	CHECK_CONST64(NXF_HIDE_NETIF, 0x0000000002000000ULL);
	CHECK_CONST64(NXF_HIDE_LBACK, 0x0000000004000000ULL);
	CHECK_CONST64(NXF_STATE_SETUP, 0x0000000100000000ULL);
	CHECK_CONST64(NXF_STATE_ADMIN, 0x0000000400000000ULL);
	CHECK_CONST64(NXF_SC_HELPER, 0x0000001000000000ULL);
	CHECK_CONST64(NXF_PERSISTENT, 0x0000004000000000ULL);
	CHECK_CONST64(NXF_ONE_TIME, 0x0000000500000000ULL);
	CHECK_CONST64(NXF_INIT_SET, 0x0000000406000200ULL);

	CHECK_CONST64(NXC_TUN_CREATE, 0x00000001ULL);
	CHECK_CONST64(NXC_RAW_ICMP, 0x00000100ULL);
	CHECK_CONST64(NXC_MULTICAST, 0x00001000ULL);

	CHECK_CONST(NXA_TYPE_NONE, 0x0000);
	CHECK_CONST(NXA_TYPE_IPV4, 0x0001);
	CHECK_CONST(NXA_TYPE_IPV6, 0x0002);
	CHECK_CONST(NXA_TYPE_ADDR, 0x0010);
	CHECK_CONST(NXA_TYPE_MASK, 0x0020);
	CHECK_CONST(NXA_TYPE_RANGE, 0x0040);
	CHECK_CONST(NXA_TYPE_ANY, 0x00FF);
	CHECK_CONST(NXA_MOD_BCAST, 0x0100);
	CHECK_CONST(NXA_MOD_LBACK, 0x0200);
	/* §3.3: the type words util-vserver sends to net_add_ipv4_v1. */
	CHECK_EQ("NXA_TYPE_ADDR|NXA_MOD_BCAST is 0x0110",
		 NXA_TYPE_ADDR | NXA_MOD_BCAST, 0x0110);
	CHECK_EQ("NXA_TYPE_ADDR|NXA_MOD_LBACK is 0x0210",
		 NXA_TYPE_ADDR | NXA_MOD_LBACK, 0x0210);

	CHECK_CONST(VXA_SOCK_UNSPEC, 0);
	CHECK_CONST(VXA_SOCK_UNIX, 1);
	CHECK_CONST(VXA_SOCK_INET, 2);
	CHECK_CONST(VXA_SOCK_INET6, 3);
	CHECK_CONST(VXA_SOCK_PACKET, 4);
	CHECK_CONST(VXA_SOCK_OTHER, 5);
	CHECK_CONST(VXA_SOCK_NR, 6);
	CHECK_CONST(VXA_SOCK_RECV, 0);
	CHECK_CONST(VXA_SOCK_SEND, 1);
	CHECK_CONST(VXA_SOCK_FAIL, 2);
}

static void check_inode_limit_constants(void)
{
	CHECK_CONST(IATTR_TAG, 0x01000000);
	CHECK_CONST(IATTR_ADMIN, 0x00000001);
	CHECK_CONST(IATTR_WATCH, 0x00000002);
	CHECK_CONST(IATTR_HIDE, 0x00000004);
	CHECK_CONST(IATTR_FLAGS, 0x00000007);
	CHECK_CONST(IATTR_BARRIER, 0x00010000);
	CHECK_CONST(IATTR_IXUNLINK, 0x00020000);
	CHECK_CONST(IATTR_IMMUTABLE, 0x00040000);
	CHECK_CONST(IATTR_COW, 0x00080000);
	CHECK_CONST(FS_BARRIER_FL, 0x04000000);
	CHECK_CONST(FS_IXUNLINK_FL, 0x08000000);
	CHECK_CONST(FS_COW_FL, 0x20000000);

	CHECK_CONST(CDLIM_UNSET, 0);
	CHECK_CONST(CDLIM_INFINITY, 0xFFFFFFFF);
	CHECK_CONST(CDLIM_KEEP, 0xFFFFFFFE);
	CHECK_CONST(DLIME_UNIT, 0);
	CHECK_CONST(DLIME_KILO, 1);
	CHECK_CONST(DLIME_MEGA, 2);
	CHECK_CONST(DLIME_GIGA, 3);
	CHECK_CONST(DLIMF_SHIFT, 0x10);
	CHECK_CONST(DLIMS_USED, 0);
	CHECK_CONST(DLIMS_TOTAL, 2);

	CHECK_CONST(DATTR_CREATE, 0x00000001);
	CHECK_CONST(DATTR_OPEN, 0x00000002);
	CHECK_CONST(DATTR_REMAP, 0x00000010);
	CHECK_CONST(DATTR_MASK, 0x00000013);

	CHECK_CONST(VLIMIT_NSOCK, 16);
	CHECK_CONST(VLIMIT_OPENFD, 17);
	CHECK_CONST(VLIMIT_ANON, 18);
	CHECK_CONST(VLIMIT_SHMEM, 19);
	CHECK_CONST(VLIMIT_SEMARY, 20);
	CHECK_CONST(VLIMIT_NSEMS, 21);
	CHECK_CONST(VLIMIT_DENTRY, 22);
	CHECK_CONST(VLIMIT_MAPPED, 23);
	CHECK_CONST(VLIMIT_NLIMITS, 24);
	CHECK_CONST64(CRLIM_UNSET, 0x0000000000000000ULL);
	CHECK_CONST64(CRLIM_INFINITY, 0xFFFFFFFFFFFFFFFFULL);
	CHECK_CONST64(CRLIM_KEEP, 0xFFFFFFFFFFFFFFFEULL);
}

/*
 * Layouts of §3.2, "x86_64 / i386": SIZE() pins sizeof, the FIELD macros pin
 * a member's offset, size and, for integers, signedness ('u' or 's'; '-' for
 * pointers and char arrays).
 */
#define MEMBER(st, m) (((struct vcmd_##st *)0)->m)
/* Compares with 1, not 0, which -Wtype-limits would flag for unsigned. */
#define SIGN_OF(e) ((__typeof__(e))-1 < (__typeof__(e))1 ? 's' : 'u')

#define SIZE(st, s64, s32)						\
	CHECK_EQ("sizeof(struct vcmd_" #st ") is " #s64 " / " #s32,	\
		 sizeof(struct vcmd_##st), ABI(s64, s32))

#define FIELD_CHECK(st, f, o64, o32, s64, s32, sign, wsign)		\
	CHECK_FIELD("struct vcmd_" #st "." #f " at " #o64 " / " #o32	\
		    ", " #s64 " / " #s32 " bytes, sign " #wsign,	\
		    offsetof(struct vcmd_##st, f), sizeof(MEMBER(st, f)), \
		    sign, ABI(o64, o32), ABI(s64, s32), wsign)

/* An integer member. */
#define FIELD_U(st, f, o64, o32, sz)					\
	FIELD_CHECK(st, f, o64, o32, sz, sz, SIGN_OF(MEMBER(st, f)), 'u')
#define FIELD_S(st, f, o64, o32, sz)					\
	FIELD_CHECK(st, f, o64, o32, sz, sz, SIGN_OF(MEMBER(st, f)), 's')
/* An array of unsigned integers. */
#define FIELD_UA(st, f, o64, o32, sz)					\
	FIELD_CHECK(st, f, o64, o32, sz, sz, SIGN_OF(MEMBER(st, f[0])), 'u')
/* A pointer (8 / 4 bytes) or a char array. */
#define FIELD_P(st, f, o64, o32)					\
	FIELD_CHECK(st, f, o64, o32, 8, 4, '-', '-')
#define FIELD_C(st, f, o64, o32, sz)					\
	FIELD_CHECK(st, f, o64, o32, sz, sz, '-', '-')

static void check_layouts(void)
{
	SIZE(vx_info_v0, 8, 8);
	FIELD_U(vx_info_v0, xid, 0, 0, 4);
	FIELD_U(vx_info_v0, initpid, 4, 4, 4);

	SIZE(ctx_stat_v0, 8, 8);
	FIELD_U(ctx_stat_v0, usecnt, 0, 0, 4);
	FIELD_U(ctx_stat_v0, tasks, 4, 4, 4);

	SIZE(ctx_create, 8, 8);
	FIELD_U(ctx_create, flagword, 0, 0, 8);

	SIZE(ctx_migrate, 8, 8);
	FIELD_U(ctx_migrate, flagword, 0, 0, 8);

	SIZE(flags_v0, 16, 16);
	FIELD_U(flags_v0, flagword, 0, 0, 8);
	FIELD_U(flags_v0, mask, 8, 8, 8);

	SIZE(caps_v0, 24, 24);
	FIELD_U(caps_v0, bcaps, 0, 0, 8);
	FIELD_U(caps_v0, ccaps, 8, 8, 8);
	FIELD_U(caps_v0, cmask, 16, 16, 8);

	SIZE(caps_v1, 16, 16);
	FIELD_U(caps_v1, ccaps, 0, 0, 8);
	FIELD_U(caps_v1, cmask, 8, 8, 8);

	SIZE(bcaps, 16, 16);
	FIELD_U(bcaps, bcaps, 0, 0, 8);
	FIELD_U(bcaps, bmask, 8, 8, 8);

	SIZE(umask, 16, 16);
	FIELD_U(umask, umask, 0, 0, 8);
	FIELD_U(umask, mask, 8, 8, 8);

	SIZE(wmask, 16, 16);
	FIELD_U(wmask, wmask, 0, 0, 8);
	FIELD_U(wmask, mask, 8, 8, 8);

	SIZE(badness_v0, 8, 8);
	FIELD_S(badness_v0, bias, 0, 0, 8);

	SIZE(net_caps_v0, 16, 16);
	FIELD_U(net_caps_v0, ncaps, 0, 0, 8);
	FIELD_U(net_caps_v0, cmask, 8, 8, 8);

	SIZE(vhi_name_v0, 72, 72);
	FIELD_U(vhi_name_v0, field, 0, 0, 4);
	FIELD_C(vhi_name_v0, name, 4, 4, 65);

	SIZE(virt_stat_v0, 48, 48);
	FIELD_U(virt_stat_v0, offset, 0, 0, 8);
	FIELD_U(virt_stat_v0, uptime, 8, 8, 8);
	FIELD_U(virt_stat_v0, nr_threads, 16, 16, 4);
	FIELD_U(virt_stat_v0, nr_running, 20, 20, 4);
	FIELD_U(virt_stat_v0, nr_uninterruptible, 24, 24, 4);
	FIELD_U(virt_stat_v0, nr_onhold, 28, 28, 4);
	FIELD_U(virt_stat_v0, nr_forks, 32, 32, 4);
	FIELD_UA(virt_stat_v0, load, 36, 36, 12);

	SIZE(sock_stat_v0, 40, 40);
	FIELD_U(sock_stat_v0, field, 0, 0, 4);
	FIELD_UA(sock_stat_v0, count, 4, 4, 12);
	FIELD_UA(sock_stat_v0, total, 16, 16, 24);

	SIZE(rlimit_v0, 32, 28);
	FIELD_U(rlimit_v0, id, 0, 0, 4);
	FIELD_U(rlimit_v0, minimum, 8, 4, 8);
	FIELD_U(rlimit_v0, softlimit, 16, 12, 8);
	FIELD_U(rlimit_v0, maximum, 24, 20, 8);

	SIZE(rlimit_mask_v0, 12, 12);
	FIELD_U(rlimit_mask_v0, minimum, 0, 0, 4);
	FIELD_U(rlimit_mask_v0, softlimit, 4, 4, 4);
	FIELD_U(rlimit_mask_v0, maximum, 8, 8, 4);

	SIZE(rlimit_stat_v0, 32, 32);
	FIELD_U(rlimit_stat_v0, id, 0, 0, 4);
	FIELD_U(rlimit_stat_v0, hits, 4, 4, 4);
	FIELD_U(rlimit_stat_v0, value, 8, 8, 8);
	FIELD_U(rlimit_stat_v0, minimum, 16, 16, 8);
	FIELD_U(rlimit_stat_v0, maximum, 24, 24, 8);

	SIZE(nx_info_v0, 4, 4);
	FIELD_U(nx_info_v0, nid, 0, 0, 4);

	SIZE(net_create, 8, 8);
	FIELD_U(net_create, flagword, 0, 0, 8);

	SIZE(net_addr_v0, 36, 36);
	FIELD_U(net_addr_v0, type, 0, 0, 2);
	FIELD_U(net_addr_v0, count, 2, 2, 2);
	FIELD_UA(net_addr_v0, ip, 4, 4, 16);
	FIELD_UA(net_addr_v0, mask, 20, 20, 16);

	SIZE(net_addr_ipv4_v1, 12, 12);
	FIELD_U(net_addr_ipv4_v1, type, 0, 0, 2);
	FIELD_U(net_addr_ipv4_v1, flags, 2, 2, 2);
	FIELD_U(net_addr_ipv4_v1, ip, 4, 4, 4);
	FIELD_U(net_addr_ipv4_v1, mask, 8, 8, 4);

	SIZE(net_addr_ipv4_v2, 16, 16);
	FIELD_U(net_addr_ipv4_v2, type, 0, 0, 2);
	FIELD_U(net_addr_ipv4_v2, flags, 2, 2, 2);
	FIELD_U(net_addr_ipv4_v2, ip, 4, 4, 4);
	FIELD_U(net_addr_ipv4_v2, ip2, 8, 8, 4);
	FIELD_U(net_addr_ipv4_v2, mask, 12, 12, 4);

	SIZE(net_addr_ipv6_v1, 40, 40);
	FIELD_U(net_addr_ipv6_v1, type, 0, 0, 2);
	FIELD_U(net_addr_ipv6_v1, flags, 2, 2, 2);
	FIELD_U(net_addr_ipv6_v1, prefix, 4, 4, 4);
	FIELD_UA(net_addr_ipv6_v1, ip, 8, 8, 16);
	FIELD_UA(net_addr_ipv6_v1, mask, 24, 24, 16);

	SIZE(space_mask_v1, 8, 8);
	FIELD_U(space_mask_v1, mask, 0, 0, 8);

	SIZE(space_mask_v2, 16, 12);
	FIELD_U(space_mask_v2, mask, 0, 0, 8);
	FIELD_U(space_mask_v2, index, 8, 8, 4);

	SIZE(iattr_v1, 24, 16);
	FIELD_P(iattr_v1, name, 0, 0);
	FIELD_U(iattr_v1, tag, 8, 4, 4);
	FIELD_U(iattr_v1, flags, 12, 8, 4);
	FIELD_U(iattr_v1, mask, 16, 12, 4);

	SIZE(fiattr_v0, 12, 12);
	FIELD_U(fiattr_v0, tag, 0, 0, 4);
	FIELD_U(fiattr_v0, flags, 4, 4, 4);
	FIELD_U(fiattr_v0, mask, 8, 8, 4);

	SIZE(dlimit_base_v0, 16, 8);
	FIELD_P(dlimit_base_v0, name, 0, 0);
	FIELD_U(dlimit_base_v0, flags, 8, 4, 4);

	SIZE(dlimit_v0, 32, 28);
	FIELD_P(dlimit_v0, name, 0, 0);
	FIELD_U(dlimit_v0, space_used, 8, 4, 4);
	FIELD_U(dlimit_v0, space_total, 12, 8, 4);
	FIELD_U(dlimit_v0, inodes_used, 16, 12, 4);
	FIELD_U(dlimit_v0, inodes_total, 20, 16, 4);
	FIELD_U(dlimit_v0, reserved, 24, 20, 4);
	FIELD_U(dlimit_v0, flags, 28, 24, 4);

	SIZE(set_mapping_v0, 24, 12);
	FIELD_P(set_mapping_v0, device, 0, 0);
	FIELD_P(set_mapping_v0, target, 8, 4);
	FIELD_U(set_mapping_v0, flags, 16, 8, 4);

	SIZE(ctx_kill_v0, 8, 8);
	FIELD_S(ctx_kill_v0, pid, 0, 0, 4);
	FIELD_S(ctx_kill_v0, sig, 4, 4, 4);

	SIZE(wait_exit_v0, 8, 8);
	FIELD_S(wait_exit_v0, reboot_cmd, 0, 0, 4);
	FIELD_S(wait_exit_v0, exit_code, 4, 4, 4);

	SIZE(prio_bias, 8, 8);
	FIELD_S(prio_bias, cpu_id, 0, 0, 4);
	FIELD_S(prio_bias, prio_bias, 4, 4, 4);

	SIZE(read_history_v0, 16, 12);
	FIELD_U(read_history_v0, index, 0, 0, 4);
	FIELD_U(read_history_v0, count, 4, 4, 4);
	FIELD_P(read_history_v0, data, 8, 8);
}

#ifdef UAPI_TEST_STATIC

/* Only compiled (-fsyntax-only): refers to the checks so none is unused. */
void uapi_test_static(void);
void uapi_test_static(void)
{
	check_commands();
	check_switch_constants();
	check_context_constants();
	check_network_constants();
	check_inode_limit_constants();
	check_layouts();
}

#else /* !UAPI_TEST_STATIC */

#define COMMAND_WORD(name, hex, cat, num, ver) VCMD_##name,

static void check_commands_distinct(void)
{
	static const unsigned int words[] = { COMMANDS(COMMAND_WORD) };
	const size_t n = sizeof(words) / sizeof(words[0]);
	char diag[96] = "";
	size_t i, j;

	for (i = 0; i < n; i++)
		for (j = i + 1; j < n; j++)
			if (words[i] == words[j] && !diag[0])
				snprintf(diag, sizeof(diag),
					 "0x%08x appears twice", words[i]);
	record("all command words are distinct", !diag[0], diag);
}

int main(void)
{
	unsigned int i, failed = 0;

	check_commands();
	check_commands_distinct();
	check_switch_constants();
	check_context_constants();
	check_network_constants();
	check_inode_limit_constants();
	check_layouts();

	printf("1..%u\n", nr_results);
	printf("# ABI: %s\n", ABI_NAME);
	for (i = 0; i < nr_results; i++) {
		printf("%sok %u - %s\n", results[i].ok ? "" : "not ", i + 1,
		       results[i].what);
		if (!results[i].ok) {
			printf("# %s\n", results[i].diag);
			failed++;
		}
	}
	if (failed)
		printf("# %u of %u checks failed\n", failed, nr_results);
	return failed ? 1 : 0;
}

#endif /* !UAPI_TEST_STATIC */
