// SPDX-License-Identifier: GPL-2.0-only
/*
 * Host test of the tools' shared parsers (util-vserver/common.c) and of the
 * checks libvserver's context wrappers make before any system call. Needs
 * no vserver kernel.
 *
 * Copyright (C) 2026 The vserver authors
 */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>

#include <vserver.h>

#include "common.h"

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

int main(void)
{
	test_parse_uint();
	test_parse_xid();
	test_signals();
	test_names();
	test_lib_checks();
	printf("1..%d\n", n);
	return failed != 0;
}
