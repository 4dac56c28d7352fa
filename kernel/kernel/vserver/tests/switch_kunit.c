// SPDX-License-Identifier: GPL-2.0-only
/*
 * Linux-VServer - KUnit tests of the command table and the permission checks
 *
 * Copyright (C) 2026 The vserver authors
 */

#include <kunit/test.h>
#include <linux/bits.h>
#include <linux/capability.h>
#include <linux/errno.h>
#include <linux/kernel.h>
#include <linux/vserver/switch.h>

#include "../common.h"
#include "../switch.h"

/*
 * What the ABI document (§3.1, §3.2) says of every command the table holds,
 * written out again here rather than derived from the table: adding a
 * command to the table without adding it here fails test_table_matches_abi.
 */
struct abi_cmd {
	u32 cmd;
	u8 perm;
	u8 target;
	u8 flags;
	u16 size;
};

#define N VS_TGT_NONE
#define X VS_TGT_VXI
#define NX VS_TGT_NXI

/* clang-format off */
static const struct abi_cmd abi_cmds[] = {
	{ 0x00000000, 0, N, 0,    0 },	/* get_version */
	{ 0x00010000, 0, N, 0,    0 },	/* get_vci */
	{ 0x02010000, 7, X, 0x0e, 72 },	/* set_vhi_name: R S */
	{ 0x02020000, 3, X, 0x01, 72 },	/* get_vhi_name: I */
	{ 0x09010000, 5, N, 0,    0 },	/* ctx_create_v0 */
	{ 0x09010001, 5, N, 0,    8 },	/* ctx_create */
	{ 0x0A010000, 5, X, 0x02, 0 },	/* enter_space_v0: A */
	{ 0x0A010001, 5, X, 0x02, 8 },	/* enter_space_v1: A */
	{ 0x0A010002, 5, X, 0x02, 16 },	/* enter_space: A */
	{ 0x0A030001, 7, X, 0x0e, 8 },	/* set_space_v1: R S */
	{ 0x0A030002, 7, X, 0x0e, 16 },	/* set_space: R S */
	{ 0x0A040000, 0, N, 0,    8 },	/* get_space_mask_v0 */
	{ 0x0B010000, 5, X, 0x02, 0 },	/* ctx_migrate_v0: A */
	{ 0x0B010001, 5, X, 0x02, 8 },	/* ctx_migrate: A */
	{ 0x0C010000, 6, X, 0x06, 8 },	/* ctx_kill: R */
	{ 0x14050000, 3, X, 0x01, 8 },	/* get_badness: I */
	{ 0x14060000, 7, X, 0x0e, 8 },	/* set_badness: R S */
	{ 0x19010000, 5, N, 0,    0 },	/* net_create_v0 */
	{ 0x19010001, 5, N, 0,    8 },	/* net_create */
	{ 0x1A010000, 8, NX, 0x0e, 36 },	/* net_add (v0): R S */
	{ 0x1A010001, 8, NX, 0x0e, 12 },	/* net_add_ipv4_v1: R S */
	{ 0x1A010002, 8, NX, 0x0e, 16 },	/* net_add_ipv4 (v2): R S */
	{ 0x1A020000, 8, NX, 0x0e, 36 },	/* net_remove (v0): R S */
	{ 0x1A020001, 8, NX, 0x0e, 12 },	/* net_rem_ipv4_v1: R S */
	{ 0x1A020002, 8, NX, 0x0e, 16 },	/* net_rem_ipv4 (v2): R S */
	{ 0x1A030001, 8, NX, 0x0e, 40 },	/* net_add_ipv6: R S */
	{ 0x1A040001, 8, NX, 0x0e, 40 },	/* net_remove_ipv6: R S */
	{ 0x1B010000, 5, NX, 0x02, 0 },	/* net_migrate: A */
	{ 0x26010001, 2, N, 0,    24 },	/* get_iattr */
	{ 0x26020001, 7, N, 0,    24 },	/* set_iattr */
	{ 0x26030000, 2, N, 0,    12 },	/* fget_iattr */
	{ 0x26040000, 7, N, 0,    12 },	/* fset_iattr */
	{ 0x28000000, 3, X, 0x01, 8 },	/* ctx_stat: I */
	{ 0x28050000, 3, X, 0x01, 40 },	/* sock_stat: I */
	{ 0x2E010000, 2, N, 0,    0 },	/* task_xid */
	{ 0x2E020000, 2, N, 0,    0 },	/* task_nid */
	{ 0x2E030000, 2, N, 0,    0 },	/* task_tag */
	{ 0x2E050000, 3, X, 0x01, 8 },	/* vx_info: I */
	{ 0x2E060000, 3, NX, 0x01, 4 },	/* nx_info: I */
	{ 0x30630000, 4, X, 0x01, 8 },	/* wait_exit: I */
	{ 0x34010000, 3, X, 0x01, 16 },	/* get_cflags: I */
	{ 0x34020000, 7, X, 0x0e, 16 },	/* set_cflags: R S */
	{ 0x34030001, 3, X, 0x01, 16 },	/* get_ccaps: I */
	{ 0x34040001, 7, X, 0x0e, 16 },	/* set_ccaps: R S */
	{ 0x34050000, 3, NX, 0x01, 16 },	/* get_nflags: I */
	{ 0x34060000, 7, NX, 0x0e, 16 },	/* set_nflags: R S */
	{ 0x34070000, 3, NX, 0x01, 16 },	/* get_ncaps: I */
	{ 0x34080000, 7, NX, 0x0e, 16 },	/* set_ncaps: R S */
	{ 0x34090000, 3, X, 0x01, 16 },	/* get_bcaps: I */
	{ 0x340A0000, 7, X, 0x0e, 16 },	/* set_bcaps: R S */
	{ 0x340D0000, 3, X, 0x01, 16 },	/* get_umask: I */
	{ 0x340E0000, 7, X, 0x0e, 16 },	/* set_umask: R S */
	{ 0x340F0000, 3, X, 0x01, 16 },	/* get_wmask: I */
	{ 0x34100000, 7, X, 0x0e, 16 },	/* set_wmask: R S */
	{ 0x36000001, 0, N, 0,    8 },	/* get_space_mask */
	{ 0x36010000, 0, N, 0,    8 },	/* get_space_default */
};

/* clang-format on */

#undef N
#undef X
#undef NX

static void test_table_sorted_unique(struct kunit *const test)
{
	size_t i;

	KUNIT_ASSERT_GT(test, vs_cmd_count, 0);
	for (i = 1; i < vs_cmd_count; i++)
		KUNIT_EXPECT_LT_MSG(test, vs_cmd_table[i - 1].cmd,
				    vs_cmd_table[i].cmd, "entry %zu", i);
}

static void test_table_entries_valid(struct kunit *const test)
{
	size_t i;

	for (i = 0; i < vs_cmd_count; i++) {
		const struct vs_cmd *const c = &vs_cmd_table[i];

		KUNIT_EXPECT_NOT_NULL_MSG(test, c->handler, "cmd %08x", c->cmd);
		KUNIT_EXPECT_EQ_MSG(test, c->cmd & VC_CMD_RESERVED_MASK, 0,
				    "cmd %08x", c->cmd);
		KUNIT_EXPECT_LE_MSG(test, c->perm, VS_PERM_MAX, "cmd %08x",
				    c->cmd);
		KUNIT_EXPECT_EQ_MSG(test,
				    c->flags & ~(VS_F_MASK | VS_F_SPECTATOR), 0,
				    "cmd %08x", c->cmd);
		KUNIT_EXPECT_LE_MSG(test, c->target, VS_TGT_NXI, "cmd %08x",
				    c->cmd);
		/* Administration needs the host's CAP_SYS_ADMIN (perm > 1). */
		if (c->flags & VS_F_ADMIN)
			KUNIT_EXPECT_GE_MSG(test, c->perm, 5, "cmd %08x",
					    c->cmd);
		/* SETUP widens an ADMIN command; alone it means nothing. */
		if (c->flags & VS_F_SETUP)
			KUNIT_EXPECT_TRUE_MSG(test, c->flags & VS_F_ADMIN,
					      "cmd %08x", c->cmd);
		/* An information command never administers. */
		if (c->flags & VS_F_INFO)
			KUNIT_EXPECT_FALSE_MSG(test, c->flags & VS_F_ADMIN,
					       "cmd %08x", c->cmd);
		/* "id 0 is no target" only makes sense with a target. */
		if (c->flags & VS_F_ZIDOK)
			KUNIT_EXPECT_NE_MSG(test, c->target, VS_TGT_NONE,
					    "cmd %08x", c->cmd);
	}
}

static void test_table_matches_abi(struct kunit *const test)
{
	size_t i;

	KUNIT_EXPECT_EQ(test, vs_cmd_count, ARRAY_SIZE(abi_cmds));
	for (i = 0; i < ARRAY_SIZE(abi_cmds); i++) {
		const struct abi_cmd *const a = &abi_cmds[i];
		const struct vs_cmd *const c = vs_find_cmd(a->cmd);

		KUNIT_ASSERT_NOT_NULL_MSG(test, c, "cmd %08x", a->cmd);
		KUNIT_EXPECT_EQ_MSG(test, c->perm, a->perm, "cmd %08x", a->cmd);
		KUNIT_EXPECT_EQ_MSG(test, c->target, a->target, "cmd %08x",
				    a->cmd);
		KUNIT_EXPECT_EQ_MSG(test, c->flags & VS_F_MASK, a->flags,
				    "cmd %08x", a->cmd);
		KUNIT_EXPECT_EQ_MSG(test, c->size, a->size, "cmd %08x", a->cmd);
	}
}

/* Only the three migrate words know the spectator (ABI §1.5 step 5). */
static void test_table_spectator(struct kunit *const test)
{
	size_t i;

	for (i = 0; i < vs_cmd_count; i++) {
		const u32 cmd = vs_cmd_table[i].cmd;
		const bool migrate = cmd == VCMD_ctx_migrate ||
				     cmd == VCMD_ctx_migrate_v0 ||
				     cmd == VCMD_net_migrate;

		KUNIT_EXPECT_EQ_MSG(test,
				    !!(vs_cmd_table[i].flags & VS_F_SPECTATOR),
				    migrate, "cmd %08x", cmd);
	}
}

/* The data direction agrees with the size, and the buffer holds it. */
static void test_table_data(struct kunit *const test)
{
	size_t i;

	for (i = 0; i < vs_cmd_count; i++) {
		const struct vs_cmd *const c = &vs_cmd_table[i];
		const bool moves = c->dir & (VS_D_IN | VS_D_OUT);

		KUNIT_EXPECT_EQ_MSG(test, c->dir & ~VS_D_MASK, 0, "cmd %08x",
				    c->cmd);
		KUNIT_EXPECT_EQ_MSG(test, moves, c->size != 0, "cmd %08x",
				    c->cmd);
		KUNIT_EXPECT_LE_MSG(test, c->size, VS_BUF_SIZE, "cmd %08x",
				    c->cmd);
		if (c->dir & VS_D_OPT)
			KUNIT_EXPECT_TRUE_MSG(test, c->dir & VS_D_IN,
					      "cmd %08x", c->cmd);
		if (c->dir & VS_D_ALWAYS)
			KUNIT_EXPECT_TRUE_MSG(test, c->dir & VS_D_OUT,
					      "cmd %08x", c->cmd);
	}
}

static void test_find_cmd(struct kunit *const test)
{
	size_t i;

	for (i = 0; i < vs_cmd_count; i++)
		KUNIT_EXPECT_PTR_EQ(test, vs_find_cmd(vs_cmd_table[i].cmd),
				    &vs_cmd_table[i]);

	/* Another version, reserved bits, legacy and unknown words. */
	KUNIT_EXPECT_NULL(test, vs_find_cmd(VCMD_get_version | 1));
	KUNIT_EXPECT_NULL(test, vs_find_cmd(VCMD_get_vci | 0x1000));
	KUNIT_EXPECT_NULL(test, vs_find_cmd(VCMD_get_version | 0x40000000));
	KUNIT_EXPECT_NULL(test, vs_find_cmd(0x3F010001)); /* new_s_context */
	KUNIT_EXPECT_NULL(test, vs_find_cmd(0xFFFFFFFF));
}

/* A caller whose capabilities are the bits of fake_caps. */
static u64 fake_caps;
static unsigned int fake_calls;

static bool fake_capable(const int cap)
{
	fake_calls++;
	return fake_caps & BIT_ULL(cap);
}

static int check(const struct vs_cmd *const c, const u64 caps, const u32 xid,
		 const bool in_setup)
{
	const struct vs_caller caller = {
		.capable = fake_capable,
		.xid = xid,
		.in_setup = in_setup,
	};
	int err;

	fake_caps = caps;
	err = vs_check_caps(c, &caller);
	return err ? err : vs_check_admin(c, &caller);
}

#define ALL_CAPS (BIT_ULL(VS_CAP_CONTEXT) | BIT_ULL(CAP_SYS_ADMIN) | \
		  BIT_ULL(CAP_SYS_RESOURCE))

static void test_check_order(struct kunit *const test)
{
	const struct vs_cmd info = { .perm = 0 };
	const struct vs_cmd admin = { .perm = 5, .flags = VS_F_ADMIN };
	const struct vs_cmd setup = { .perm = 7,
				      .flags = VS_F_ARES | VS_F_SETUP };

	/* Step 2: no CAP_CONTEXT is ENOSYS, before anything else. */
	KUNIT_EXPECT_EQ(test, check(&info, 0, 0, false), -VS_ENOCMD);
	KUNIT_EXPECT_EQ(test, check(&admin, 0, 0, false), -VS_ENOCMD);
	KUNIT_EXPECT_EQ(test, check(&info, BIT_ULL(VS_CAP_CONTEXT), 0, false),
			0);
	/* Step 3: level > 1 needs CAP_SYS_ADMIN. */
	KUNIT_EXPECT_EQ(test,
			check(&admin,
			      ALL_CAPS & ~BIT_ULL(CAP_SYS_ADMIN), 0, false),
			-EPERM);
	/* Step 4: ADMIN and ARES need CAP_SYS_RESOURCE. */
	KUNIT_EXPECT_EQ(test,
			check(&admin,
			      ALL_CAPS & ~BIT_ULL(CAP_SYS_RESOURCE), 0, false),
			-EPERM);
	KUNIT_EXPECT_EQ(test, check(&admin, ALL_CAPS, 0, false), 0);
	/* Step 6: ADMIN only from the host ... */
	KUNIT_EXPECT_EQ(test, check(&admin, ALL_CAPS, 42, false), -EPERM);
	KUNIT_EXPECT_EQ(test, check(&admin, ALL_CAPS, 42, true), -EPERM);
	/* ... or, for SETUP commands, from a context being set up. */
	KUNIT_EXPECT_EQ(test, check(&setup, ALL_CAPS, 42, false), -EPERM);
	KUNIT_EXPECT_EQ(test, check(&setup, ALL_CAPS, 42, true), 0);
	KUNIT_EXPECT_EQ(test, check(&setup, ALL_CAPS, 0, false), 0);
}

static void test_check_lazy(struct kunit *const test)
{
	const struct vs_cmd info = { .perm = 0 };
	const struct vs_cmd admin = { .perm = 5, .flags = VS_F_ADMIN };

	/* A level 0 command asks for CAP_CONTEXT only. */
	fake_calls = 0;
	KUNIT_EXPECT_EQ(test, check(&info, ALL_CAPS, 0, false), 0);
	KUNIT_EXPECT_EQ(test, fake_calls, 1);
	/* A failed check stops the chain: no further capability is asked. */
	fake_calls = 0;
	KUNIT_EXPECT_EQ(test, check(&admin, BIT_ULL(VS_CAP_CONTEXT), 0, false),
			-EPERM);
	KUNIT_EXPECT_EQ(test, fake_calls, 2);
}

static void test_vci(struct kunit *const test)
{
	const u32 vci = vs_vci();

	KUNIT_EXPECT_TRUE(test, vci & BIT(VCI_KCBIT_NO_DYNAMIC));
	/* Bit 31 would turn the int return value negative. */
	KUNIT_EXPECT_FALSE(test, vci & BIT(VCI_KCBIT_MORE));
	/* The token-bucket scheduler bits were removed from the ABI. */
	KUNIT_EXPECT_FALSE(test, vci & (BIT(VCI_KCBIT_HARDCPU) |
					BIT(VCI_KCBIT_IDLELIMIT) |
					BIT(VCI_KCBIT_IDLETIME)));
}

static struct kunit_case vserver_switch_test_cases[] = {
	KUNIT_CASE(test_table_sorted_unique),
	KUNIT_CASE(test_table_entries_valid),
	KUNIT_CASE(test_table_matches_abi),
	KUNIT_CASE(test_table_spectator),
	KUNIT_CASE(test_table_data),
	KUNIT_CASE(test_find_cmd),
	KUNIT_CASE(test_check_order),
	KUNIT_CASE(test_check_lazy),
	KUNIT_CASE(test_vci),
	{}
};

static struct kunit_suite vserver_switch_test_suite = {
	.name = "vserver_switch",
	.test_cases = vserver_switch_test_cases,
};

kunit_test_suite(vserver_switch_test_suite);
