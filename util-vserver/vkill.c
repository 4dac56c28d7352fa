// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * vkill - send a signal to processes of a context
 *
 * util-vserver's vkill (ABI §6.3 steps 4 and 6): one ctx_kill per pid.
 *
 * Copyright (C) 2026 The vserver authors
 */
#include <errno.h>
#include <getopt.h>
#include <limits.h>
#include <signal.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <vserver.h>

#include "common.h"

struct args {
	bool have_xid;
	uint32_t xid;
	int sig;
};

static void __attribute__((noreturn)) usage(void)
{
	printf("Usage: %s [--xid XID] [-s SIGNAL] [--] [PID]...\n"
	       "\n"
	       "Send SIGNAL (default TERM) to processes of a context. With --xid, each\n"
	       "PID is read as ctx_kill reads it:\n"
	       "  0 (the default)   every process of the context\n"
	       "  -1                every process but the context's init\n"
	       "  1                 the context's init\n"
	       "  N                 process N, if it belongs to the context\n"
	       "Without --xid, the context of each PID is looked up first.\n"
	       "\n"
	       "Options:\n"
	       "  -c, --xid XID       the context: a number, or 'self'\n"
	       "  -s, --signal SIG    the signal: a number or a name (KILL, SIGKILL)\n"
	       "  -h, --help          display this help and exit\n"
	       "  -V, --version       display version and exit\n"
	       "\n"
	       "Exit status: 0 when every signal was sent, 1 when one was not, 2 for a\n"
	       "bad command line.\n",
	       program_invocation_short_name);
	exit(VS_EXIT_OK);
}

static int parse_pid(const char *s, pid_t *ret)
{
	const bool neg = s[0] == '-';
	unsigned long v;

	if (vs_parse_uint(s + neg, INT_MAX, &v) < 0)
		return -1;
	*ret = neg ? -(pid_t)v : (pid_t)v;
	return 0;
}

/* What ctx_kill's @pid means, for messages. */
static const char *target(pid_t pid, char *buf, size_t size)
{
	if (pid == 0)
		return "every process";
	if (pid == -1)
		return "every process but init";
	if (pid == 1)
		return "the init process";
	snprintf(buf, size, "process %d", pid);
	return buf;
}

/* Signal process @pid_s (text) of the context; 0 or -1 after a message. */
static int kill_one(const struct args *a, const char *pid_s)
{
	char name[16], what[32];
	uint32_t xid = a->xid;
	pid_t pid;
	int x;

	if (parse_pid(pid_s, &pid) < 0)
		return -1; /* checked by main() */
	if (!a->have_xid) {
		x = vc_get_task_xid(pid);
		if (x < 0) {
			vs_warn_syscall("cannot find the context of process %d", pid);
			return -1;
		}
		if (x <= 1) {
			vs_warn("cannot signal process %d: it is in no context (xid %d); use kill(1)",
				pid, x);
			return -1;
		}
		xid = (uint32_t)x;
	}
	if (vc_ctx_kill(xid, pid, a->sig) == 0)
		return 0;
	vs_warn_syscall("cannot send SIG%s to %s of context %u",
			vs_signal_name(a->sig, name, sizeof(name)), target(pid, what, sizeof(what)), xid);
	return -1;
}

int main(int argc, char *argv[])
{
	static const struct option longopts[] = {
		{ "xid", required_argument, NULL, 'c' },
		{ "signal", required_argument, NULL, 's' },
		{ "help", no_argument, NULL, 'h' },
		{ "version", no_argument, NULL, 'V' },
		{ NULL, 0, NULL, 0 },
	};
	struct args a = { .sig = SIGTERM };
	int c, failed = 0;

	while ((c = getopt_long(argc, argv, "+c:s:hV", longopts, NULL)) != -1) {
		switch (c) {
		case 'c':
			a.xid = vs_xid_arg(optarg);
			a.have_xid = true;
			break;
		case 's':
			a.sig = vs_parse_signal(optarg);
			if (a.sig < 0)
				vs_usage_error("unknown signal '%s'", optarg);
			break;
		case 'h':
			usage();
		default:
			vs_other_option(c);
		}
	}
	if (optind == argc) {
		if (!a.have_xid)
			vs_usage_error("no process id given, and no --xid");
		return kill_one(&a, "0") < 0 ? VS_EXIT_FAIL : VS_EXIT_OK;
	}
	for (c = optind; c < argc; c++) {
		pid_t pid;

		if (parse_pid(argv[c], &pid) < 0)
			vs_usage_error("invalid process id '%s'", argv[c]);
	}
	for (; optind < argc; optind++)
		failed |= kill_one(&a, argv[optind]) < 0;
	return failed ? VS_EXIT_FAIL : VS_EXIT_OK;
}
