// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * vspace - create namespaces, store them in a context, or enter those a
 * context keeps, then run a command
 *
 * util-vserver's vspace (ABI §6.1 steps 5, 7 and 8, §6.2 steps 1 and 4):
 * --new unshares, --set is set_space, --enter is enter_space. A context
 * keeps two spaces (slots) of namespaces: 0 for the guest's, 1 for its
 * mount namespace after pivot_root.
 *
 * Copyright (C) 2026 The vserver authors
 */
#include <errno.h>
#include <getopt.h>
#include <sched.h>
#include <signal.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <vserver.h>

#include "common.h"

/* util-vserver's library drops these from the default (ABI §3.3 "Spaces"). */
#define NOT_DEFAULT ((uint64_t)(CLONE_NEWNS | CLONE_FS))

enum op { OP_NONE, OP_NEW, OP_ENTER, OP_SET };

/* The namespace kinds, by option name; the CLONE_* bit and the short option. */
static const struct {
	const char *name;
	uint64_t bit;
	int opt;
} kinds[] = {
	{ "mount", CLONE_NEWNS, 'M' },	{ "fs", CLONE_FS, 'F' },
	{ "ipc", CLONE_NEWIPC, 'I' },	{ "uts", CLONE_NEWUTS, 'U' },
	{ "user", CLONE_NEWUSER, 'S' },	{ "pid", CLONE_NEWPID, 'P' },
	{ "net", CLONE_NEWNET, 'N' },
};

#define N_KINDS ((int)(sizeof(kinds) / sizeof(kinds[0])))

struct args {
	enum op op;
	uint32_t xid;	/* --enter's XID, or --xid */
	bool have_xid;	/* --xid given */
	bool have_index;
	uint32_t index;
	uint64_t mask;
};

static void __attribute__((noreturn)) usage(void)
{
	printf("Usage: %s --new KIND... [--] COMMAND [ARG]...\n"
	       "       %s --enter XID [KIND]... [--index N] [--] COMMAND [ARG]...\n"
	       "       %s --set [--xid XID] KIND... [--index N] [--] [COMMAND [ARG]...]\n"
	       "\n"
	       "Create new namespaces (--new), enter those context XID keeps (--enter),\n"
	       "or store the current ones in a context (--set), then run COMMAND.\n"
	       "\n"
	       "Operations:\n"
	       "  -n, --new             unshare the namespaces of KIND\n"
	       "  -e, --enter XID       enter the namespaces context XID keeps; without\n"
	       "                        KIND, all those its space holds\n"
	       "  -s, --set             store the current namespaces in the context\n"
	       "      --xid XID         with --set: the context ('self', the default)\n"
	       "      --index N         the space: 0 (the default), or 1\n"
	       "\n"
	       "KIND (--~KIND removes one again):\n"
	       "  -M, --mount           the mount namespace\n"
	       "  -F, --fs              the root and working directory\n"
	       "  -I, --ipc             the IPC namespace\n"
	       "  -U, --uts             the uts namespace (host and domain name)\n"
	       "  -S, --user            the user namespace\n"
	       "  -P, --pid             the pid namespace (COMMAND runs in it as a child)\n"
	       "  -N, --net             the network namespace\n"
	       "      --default         the kernel's default kinds without mount and fs\n"
	       "                        (uts and ipc)\n"
	       "  -m, --mask MASK       exactly the CLONE_* bits of MASK (e.g. 0x0c000000)\n"
	       "\n"
	       "  -h, --help            display this help and exit\n"
	       "  -V, --version         display version and exit\n"
	       "\n"
	       "Exit status: COMMAND's when given, else 0; 1 on failure, 2 for a bad\n"
	       "command line, 126/127 when COMMAND cannot be run or found.\n",
	       program_invocation_short_name, program_invocation_short_name,
	       program_invocation_short_name);
	exit(VS_EXIT_OK);
}

/* The option names of @mask, e.g. "uts,ipc", unknown bits in hex; "" for 0. */
static const char *kind_names(uint64_t mask, char *buf, size_t size)
{
	size_t len = 0;
	int i;

	buf[0] = '\0';
	for (i = 0; i < N_KINDS && len < size; i++) {
		if (!(mask & kinds[i].bit))
			continue;
		len += (size_t)snprintf(buf + len, size - len, "%s%s", len ? "," : "",
					kinds[i].name);
		mask &= ~kinds[i].bit;
	}
	if (mask && len < size)
		snprintf(buf + len, size - len, "%s%#llx", len ? "," : "",
			 (unsigned long long)mask);
	return buf;
}

static void set_op(struct args *a, enum op op)
{
	if (a->op != OP_NONE && a->op != op)
		vs_usage_error("--new, --enter and --set exclude each other");
	a->op = op;
}

/* --mask: a number as util-vserver reads it (decimal, 0x hex, 0 octal). */
static uint64_t parse_mask(const char *s)
{
	unsigned long long v;
	char *end;

	errno = 0;
	v = strtoull(s, &end, 0);
	if (!*s || *s == '-' || *s == '+' || *end || errno)
		vs_usage_error("invalid mask '%s': expected a number such as 0x0c000000", s);
	return v;
}

/* --default: the kernel's default kinds, as util-vserver's library gives them. */
static uint64_t default_kinds(void)
{
	const int64_t m = vc_get_space_default();

	if (m < 0) {
		vs_warn_syscall("cannot get the default namespaces");
		exit(VS_EXIT_FAIL);
	}
	return (uint64_t)m & ~NOT_DEFAULT;
}

enum {
	OPT_XID = 256, OPT_INDEX, OPT_DEFAULT, OPT_NO_DEFAULT,
	OPT_NO = 0x10000,	/* | a kind's short option: --~KIND */
};

#define KIND_OPTIONS(name, c)                           \
	{ name, no_argument, NULL, c },                 \
	{ "~" name, no_argument, NULL, OPT_NO | (c) },  \
	{ "!" name, no_argument, NULL, OPT_NO | (c) }

static const struct option longopts[] = {
	{ "new", no_argument, NULL, 'n' },
	{ "enter", required_argument, NULL, 'e' },
	{ "set", no_argument, NULL, 's' },
	{ "xid", required_argument, NULL, OPT_XID },
	{ "index", required_argument, NULL, OPT_INDEX },
	{ "mask", required_argument, NULL, 'm' },
	{ "default", no_argument, NULL, OPT_DEFAULT },
	{ "~default", no_argument, NULL, OPT_NO_DEFAULT },
	{ "!default", no_argument, NULL, OPT_NO_DEFAULT },
	KIND_OPTIONS("mount", 'M'),
	KIND_OPTIONS("fs", 'F'),
	KIND_OPTIONS("ipc", 'I'),
	KIND_OPTIONS("uts", 'U'),
	KIND_OPTIONS("user", 'S'),
	KIND_OPTIONS("pid", 'P'),
	KIND_OPTIONS("net", 'N'),
	{ "help", no_argument, NULL, 'h' },
	{ "version", no_argument, NULL, 'V' },
	{ NULL, 0, NULL, 0 },
};

/* A kind switch (-M, --~mount, ...): true when @c was one. */
static bool parse_kind(struct args *a, int c)
{
	int i;

	for (i = 0; i < N_KINDS; i++) {
		if ((c & ~OPT_NO) != kinds[i].opt)
			continue;
		if (c & OPT_NO)
			a->mask &= ~kinds[i].bit;
		else
			a->mask |= kinds[i].bit;
		return true;
	}
	return false;
}

static void parse_one(struct args *a, int c)
{
	unsigned long v;

	if (parse_kind(a, c))
		return;
	switch (c) {
	case 'n':
		set_op(a, OP_NEW);
		break;
	case 's':
		set_op(a, OP_SET);
		break;
	case 'e':
		set_op(a, OP_ENTER);
		a->xid = vs_xid_arg(optarg);
		break;
	case OPT_XID:
		a->xid = vs_xid_arg(optarg);
		a->have_xid = true;
		break;
	case OPT_INDEX:
		if (vs_parse_uint(optarg, UINT32_MAX, &v) < 0)
			vs_usage_error("invalid space index '%s': expected 0 or 1", optarg);
		a->index = (uint32_t)v;
		a->have_index = true;
		break;
	case 'm':
		a->mask = parse_mask(optarg);	/* util-vserver: replaces the kinds so far */
		break;
	case OPT_DEFAULT:
		a->mask |= default_kinds();
		break;
	case OPT_NO_DEFAULT:
		a->mask &= ~default_kinds();
		break;
	case 'h':
		usage();
	default:
		vs_other_option(c);
	}
}

static void check_args(const struct args *a, int argc)
{
	if (a->op == OP_NONE)
		vs_usage_error("no operation given: use --new, --enter XID or --set");
	if (a->op != OP_SET && a->have_xid)
		vs_usage_error("--xid goes with --set (--enter takes the context itself)");
	if (a->op == OP_NEW && a->have_index)
		vs_usage_error("--index goes with --enter and --set");
	if (a->op == OP_NEW && !a->mask)
		vs_usage_error("--new needs at least one namespace kind, e.g. --uts");
	if (a->op == OP_SET && !a->mask)
		vs_usage_error("--set needs at least one namespace kind, e.g. --uts");
	if (a->op != OP_SET && optind >= argc)
		vs_usage_error("no command given");
}

/* After a failed set_space or enter_space with EINVAL: say which part was wrong. */
static void hint_einval(const struct args *a)
{
	const int64_t supported = vc_get_space_mask();
	char names[128];

	if (a->index > 1)
		fprintf(stderr, "Hint: a context keeps two spaces, 0 and 1.\n");
	else if (supported >= 0 && (a->mask & ~(uint64_t)supported))
		fprintf(stderr, "Hint: this kernel cannot keep %s namespaces.\n",
			kind_names(a->mask & ~(uint64_t)supported, names, sizeof(names)));
	else if (a->op == OP_ENTER)
		fprintf(stderr,
			"Hint: space %u of context %u does not hold all of them (its\n"
			"'Spaces:' in /proc/virtual/%u/status shows what it holds).\n",
			a->index, a->xid, a->xid);
}

static int do_new(const struct args *a)
{
	char names[128];

	if (a->mask > UINT32_MAX)	/* unshare(2) takes an int */
		errno = EINVAL;
	else if (unshare((int)a->mask) == 0)
		return 0;
	vs_warn("cannot create new %s namespaces: %m", kind_names(a->mask, names, sizeof(names)));
	return -1;
}

static int do_enter(const struct args *a)
{
	char names[128];

	if (vc_enter_namespace(a->xid, a->mask, a->index) == 0)
		return 0;
	vs_warn_syscall("cannot enter the %s namespaces of context %u (space %u)",
			a->mask ? kind_names(a->mask, names, sizeof(names)) : "stored", a->xid,
			a->index);
	if (errno == EINVAL)
		hint_einval(a);
	return -1;
}

static int do_set(struct args *a)
{
	char names[128];
	int xid;

	if (!a->have_xid) {
		xid = vc_get_task_xid(0);
		if (xid < 0) {
			vs_warn_syscall("cannot find the context of this process");
			return -1;
		}
		a->xid = (uint32_t)xid;
	}
	if (a->xid <= 1) {
		vs_warn("context %u is the %s, which keeps no namespaces%s", a->xid,
			a->xid ? "spectator" : "host", a->have_xid ? "" : ": give --xid");
		return -1;
	}
	if (vc_set_namespace(a->xid, a->mask, a->index) == 0)
		return 0;
	vs_warn_syscall("cannot store the %s namespaces in space %u of context %u",
			kind_names(a->mask, names, sizeof(names)), a->index, a->xid);
	if (errno == EINVAL)
		hint_einval(a);
	return -1;
}

/*
 * A new or entered pid namespace holds the children of this process only
 * (pid_for_children), not the process itself: true when they differ.
 */
static bool pid_ns_pending(uint64_t mask)
{
	struct stat self, children;

	if (stat("/proc/self/ns/pid", &self) < 0)
		return mask & CLONE_NEWPID;	/* no /proc: trust the request */
	/* A new pid namespace without a process yet cannot be opened. */
	if (stat("/proc/self/ns/pid_for_children", &children) < 0)
		return errno == ENOENT || (mask & CLONE_NEWPID);
	return self.st_ino != children.st_ino || self.st_dev != children.st_dev;
}

static volatile sig_atomic_t child_pid;

/* Termination requests for vspace are meant for the command. */
static void forward(int sig)
{
	if (child_pid > 0)
		kill(child_pid, sig);
}

/* Exit as the command did: with its status, or killed by its signal. */
static void __attribute__((noreturn)) exit_like(int status)
{
	const struct rlimit no_core = { 0, 0 };
	sigset_t set;
	int sig;

	if (WIFEXITED(status))
		exit(WEXITSTATUS(status));
	sig = WTERMSIG(status);
	setrlimit(RLIMIT_CORE, &no_core);	/* the command dumped already, if at all */
	signal(sig, SIG_DFL);
	sigemptyset(&set);
	sigaddset(&set, sig);
	sigprocmask(SIG_UNBLOCK, &set, NULL);
	raise(sig);
	exit(128 + sig);
}

/*
 * Run the command as a child, so that it is in the pid namespace (as its
 * init when the namespace is new), and exit as it does.
 */
static void __attribute__((noreturn)) exec_in_child(char *const argv[])
{
	const struct sigaction fwd = { .sa_handler = forward };
	int status;
	pid_t pid;

	fflush(stdout);
	pid = fork();
	if (pid < 0) {
		vs_warn("cannot start a process in the pid namespace: %m");
		exit(VS_EXIT_FAIL);
	}
	if (pid == 0)
		vs_exec(argv);
	child_pid = pid;
	/* The terminal sends these to the command as well. */
	signal(SIGINT, SIG_IGN);
	signal(SIGQUIT, SIG_IGN);
	sigaction(SIGTERM, &fwd, NULL);
	sigaction(SIGHUP, &fwd, NULL);
	while (waitpid(pid, &status, 0) < 0) {
		if (errno != EINTR) {
			vs_warn("cannot wait for %s: %m", argv[0]);
			exit(VS_EXIT_FAIL);
		}
	}
	exit_like(status);
}

int main(int argc, char *argv[])
{
	struct args a = { .op = OP_NONE };
	int c, ret;

	while ((c = getopt_long(argc, argv, "+nse:m:MFIUSPNhV", longopts, NULL)) != -1)
		parse_one(&a, c);
	check_args(&a, argc);
	switch (a.op) {
	case OP_NEW:
		ret = do_new(&a);
		break;
	case OP_ENTER:
		ret = do_enter(&a);
		break;
	default:
		ret = do_set(&a);
		break;
	}
	if (ret < 0)
		return VS_EXIT_FAIL;
	if (optind >= argc)
		return VS_EXIT_OK;
	if (pid_ns_pending(a.mask))
		exec_in_child(argv + optind);
	vs_exec(argv + optind);
}
