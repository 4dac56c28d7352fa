// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * vcontext - create a context or enter one, then run a command in it
 *
 * util-vserver's vcontext (ABI §6.1 step 6 and 19, §6.2 step 6) without
 * the namespace work: --chroot, --pivot-root and --namespace are refused
 * until the space commands exist.
 *
 * Copyright (C) 2026 The vserver authors
 */
#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include <vserver.h>

#include "common.h"

/* util-vserver: `vcontext --create` exits with 254 when the context exists. */
#define EXIT_EXISTS 254

enum mode { MODE_NONE, MODE_CREATE, MODE_MIGRATE, MODE_MIGRATE_SELF };

struct args {
	enum mode mode;
	bool have_xid;
	uint32_t xid;
	struct vc_mask64 flags;	/* --flag changes to VXF_INIT_SET (--create) */
	bool endsetup;
	bool initpid;
	bool disconnect;
	bool silent;
	bool silentexist;
	bool have_uid;
	uid_t uid;
};

static void __attribute__((noreturn)) usage(void)
{
	printf("Usage: %s --create --xid XID [options] [--] COMMAND [ARG]...\n"
	       "       %s --migrate --xid XID [options] [--] COMMAND [ARG]...\n"
	       "       %s --migrate-self [options] [--] COMMAND [ARG]...\n"
	       "\n"
	       "Create a security context, or move into one, and run COMMAND there.\n"
	       "\n"
	       "Options:\n"
	       "      --create         create context XID and enter it\n"
	       "      --migrate        enter the existing context XID\n"
	       "      --migrate-self   stay in the current context (to end its setup)\n"
	       "      --xid XID        the context: 2..65535, or 'self' (alias --ctx)\n"
	       "      --flag LIST      with --create: context flags to set (!NAME clears)\n"
	       "      --endsetup       end the context's setup before running COMMAND\n"
	       "      --initpid        make this process the context's init (not --create)\n"
	       "      --uid UID        run COMMAND with this numeric user id\n"
	       "      --disconnect     run COMMAND in the background, in a new session\n"
	       "      --silent         do not print the new context's id\n"
	       "      --silentexist    say nothing when the context exists (exit 254)\n"
	       "  -h, --help           display this help and exit\n"
	       "  -V, --version        display version and exit\n"
	       "\n"
	       "Not supported yet: --chroot, --pivot-root, --namespace, --vlogin,\n"
	       "--personality-type, --personality-flags, --syncsock, --syncmsg.\n"
	       "\n"
	       "Exit status: COMMAND's, or 1 on failure, 2 for a bad command line, 254\n"
	       "when --create finds the context exists, 126/127 when COMMAND cannot\n"
	       "be run or found.\n",
	       program_invocation_short_name, program_invocation_short_name,
	       program_invocation_short_name);
	exit(VS_EXIT_OK);
}

static void add_flags(struct args *a, const char *list)
{
	struct vc_mask64 m;
	size_t off, len;

	if (vc_parse_list(VC_NAMES_CFLAGS, list, &m, &off, &len) < 0)
		vs_usage_error("unknown context flag '%.*s'", (int)len, list + off);
	a->flags.value = (a->flags.value & ~m.mask) | (m.value & m.mask);
	a->flags.mask |= m.mask;
}

static void set_mode(struct args *a, enum mode m)
{
	if (a->mode != MODE_NONE && a->mode != m)
		vs_usage_error("--create, --migrate and --migrate-self exclude each other");
	a->mode = m;
}

enum {
	OPT_CREATE = 256, OPT_MIGRATE, OPT_MIGRATE_SELF, OPT_XID, OPT_FLAG, OPT_ENDSETUP,
	OPT_INITPID, OPT_UID, OPT_DISCONNECT, OPT_SILENT, OPT_SILENTEXIST, OPT_UNSUPPORTED,
};

static const struct option longopts[] = {
	{ "create", no_argument, NULL, OPT_CREATE },
	{ "migrate", no_argument, NULL, OPT_MIGRATE },
	{ "migrate-self", no_argument, NULL, OPT_MIGRATE_SELF },
	{ "xid", required_argument, NULL, OPT_XID },
	{ "ctx", required_argument, NULL, OPT_XID },
	{ "flag", required_argument, NULL, OPT_FLAG },
	{ "endsetup", no_argument, NULL, OPT_ENDSETUP },
	{ "initpid", no_argument, NULL, OPT_INITPID },
	{ "fakeinit", no_argument, NULL, OPT_INITPID },
	{ "uid", required_argument, NULL, OPT_UID },
	{ "disconnect", no_argument, NULL, OPT_DISCONNECT },
	{ "silent", no_argument, NULL, OPT_SILENT },
	{ "silentexist", no_argument, NULL, OPT_SILENTEXIST },
	{ "chroot", no_argument, NULL, OPT_UNSUPPORTED },
	{ "pivot-root", no_argument, NULL, OPT_UNSUPPORTED },
	{ "namespace", no_argument, NULL, OPT_UNSUPPORTED },
	{ "vlogin", no_argument, NULL, OPT_UNSUPPORTED },
	{ "personality-type", required_argument, NULL, OPT_UNSUPPORTED },
	{ "personality-flags", required_argument, NULL, OPT_UNSUPPORTED },
	{ "syncsock", required_argument, NULL, OPT_UNSUPPORTED },
	{ "syncmsg", required_argument, NULL, OPT_UNSUPPORTED },
	{ "help", no_argument, NULL, 'h' },
	{ "version", no_argument, NULL, 'V' },
	{ NULL, 0, NULL, 0 },
};

/* The option being parsed, for the "not supported yet" message. */
static const char *current_option(char *argv[])
{
	const char *opt = argv[optind - 1];

	/* "--syncsock FILE": optind is past the argument too */
	if (optarg && opt == optarg)
		opt = argv[optind - 2];
	return opt;
}

/* --uid: numeric only, as util-vserver (built with glibc) takes it. */
static uid_t parse_uid(const char *s)
{
	unsigned long uid;

	if (vs_parse_uint(s, UINT32_MAX - 1, &uid) < 0)
		vs_usage_error("invalid user id '%s': expected a number", s);
	return (uid_t)uid;
}

static void parse_one(struct args *a, int c, char *argv[])
{
	switch (c) {
	case OPT_CREATE:
		set_mode(a, MODE_CREATE);
		break;
	case OPT_MIGRATE:
		set_mode(a, MODE_MIGRATE);
		break;
	case OPT_MIGRATE_SELF:
		set_mode(a, MODE_MIGRATE_SELF);
		break;
	case OPT_XID:
		a->xid = vs_xid_arg(optarg);
		a->have_xid = true;
		break;
	case OPT_FLAG:
		add_flags(a, optarg);
		break;
	case OPT_ENDSETUP:
		a->endsetup = true;
		break;
	case OPT_INITPID:
		a->initpid = true;
		break;
	case OPT_UID:
		a->uid = parse_uid(optarg);
		a->have_uid = true;
		break;
	case OPT_DISCONNECT:
		a->disconnect = true;
		break;
	case OPT_SILENT:
		a->silent = true;
		break;
	case OPT_SILENTEXIST:
		a->silentexist = true;
		break;
	case OPT_UNSUPPORTED:
		vs_usage_error("%s is not supported yet", current_option(argv));
	case 'h':
		usage();
	default:
		vs_other_option(c);
	}
}

/* Invalid combinations, as util-vserver refuses them. */
static void check_args(const struct args *a, int argc)
{
	if (a->mode == MODE_NONE)
		vs_usage_error("neither --create nor --migrate nor --migrate-self given");
	if (a->mode == MODE_CREATE && !a->have_xid)
		vs_usage_error("--create needs --xid: this kernel does not choose context ids");
	if (a->mode == MODE_MIGRATE && !a->have_xid)
		vs_usage_error("--migrate needs --xid");
	if (a->mode == MODE_MIGRATE_SELF && a->have_xid)
		vs_usage_error("--migrate-self takes no --xid: it stays in the current context");
	if (a->mode == MODE_CREATE && a->initpid)
		vs_usage_error("--initpid is possible with --migrate and --migrate-self only");
	if (a->mode != MODE_CREATE && a->flags.mask)
		vs_usage_error("--flag is possible with --create only; use vattribute");
	if (optind >= argc)
		vs_usage_error("no command given");
}

static int create(const struct args *a)
{
	const uint64_t flags = (VXF_INIT_SET & ~a->flags.mask) | (a->flags.value & a->flags.mask);

	if (vc_ctx_create(a->xid, &flags) < 0) {
		if (errno == EEXIST) {
			if (!a->silentexist)
				vs_warn("cannot create context %u: it exists already", a->xid);
			exit(EXIT_EXISTS);
		}
		vs_warn_syscall("cannot create context %u", a->xid);
		return -1;
	}
	if (!a->silent)
		printf("New security context is %u\n", a->xid);
	fflush(stdout);
	return 0;
}

/*
 * Ending setup (and designating init) from inside the context: the kernel
 * then applies the bounding capabilities to this task and makes it init
 * and child reaper (ABI §6.1 step 19).
 */
static int end_setup_inside(const struct args *a, uint32_t xid)
{
	struct vc_mask64 f = { 0, 0 };

	if (a->endsetup)
		f.mask |= VXF_STATE_SETUP;
	if (a->initpid)
		f.mask |= VXF_STATE_INIT;
	if (!f.mask || vc_set_cflags(xid, &f) == 0)
		return 0;
	vs_warn_syscall("cannot change the state flags of context %u", xid);
	return -1;
}

/*
 * --migrate: a host task joins a running guest. Setup is ended from the
 * host before the move (as util-vserver does), so that migrating applies
 * the context's bounding capabilities at once; --initpid is the migration
 * flag VXM_SET_INIT.
 */
static int migrate(const struct args *a)
{
	const struct vc_mask64 f = { 0, VXF_STATE_SETUP };

	if (a->endsetup && vc_set_cflags(a->xid, &f) < 0) {
		vs_warn_syscall("cannot end the setup of context %u", a->xid);
		return -1;
	}
	if (vc_ctx_migrate(a->xid, a->initpid ? VXM_SET_INIT : 0) < 0) {
		vs_warn_syscall("cannot enter context %u", a->xid);
		return -1;
	}
	return 0;
}

static int enter(const struct args *a)
{
	int xid;

	switch (a->mode) {
	case MODE_CREATE:
		return create(a) < 0 ? -1 : end_setup_inside(a, a->xid);
	case MODE_MIGRATE:
		return migrate(a);
	default:
		xid = vc_get_task_xid(0);
		if (xid < 0) {
			vs_warn_syscall("cannot find the current context");
			return -1;
		}
		return end_setup_inside(a, (uint32_t)xid);
	}
}

/*
 * --uid, after entering the context, so that the context's bounding set
 * already applies. As in util-vserver only the user id changes: the group
 * ids stay as they were (root's, normally); callers that need other groups
 * set them before.
 */
static int change_uid(const struct args *a)
{
	if (!a->have_uid)
		return 0;
	if (setuid(a->uid) < 0 || getuid() != a->uid) {
		vs_warn("cannot change the user id to %u: %m", (unsigned int)a->uid);
		return -1;
	}
	return 0;
}

/* --disconnect: the child's end of the pipe to its parent. */
static int sync_fd = -1;

/* The child exits instead of running the command: tell the parent. */
static void tell_parent(void)
{
	if (sync_fd >= 0)
		(void)!write(sync_fd, "x", 1);
}

/*
 * --disconnect: the child does all the work and runs the command in a new
 * session; the parent waits until the command was started (the close-on-
 * exec pipe closes without a byte) and exits like the child when it never
 * got there.
 */
static void disconnect(void)
{
	int p[2], status;
	char c;
	pid_t pid;

	fflush(stdout);
	if (pipe2(p, O_CLOEXEC) < 0 || (pid = fork()) < 0) {
		vs_warn("cannot start the command in the background: %m");
		exit(VS_EXIT_FAIL);
	}
	if (pid == 0) {
		close(p[0]);
		sync_fd = p[1];
		atexit(tell_parent);
		setsid();
		return;
	}
	close(p[1]);
	if (read(p[0], &c, 1) == 0)
		exit(VS_EXIT_OK);	/* the command runs */
	if (waitpid(pid, &status, 0) < 0 || !WIFEXITED(status))
		exit(VS_EXIT_FAIL);
	exit(WEXITSTATUS(status));
}

int main(int argc, char *argv[])
{
	struct args a = { .mode = MODE_NONE };
	int c;

	while ((c = getopt_long(argc, argv, "+hV", longopts, NULL)) != -1)
		parse_one(&a, c, argv);
	check_args(&a, argc);
	if (a.disconnect)
		disconnect();
	if (enter(&a) < 0 || change_uid(&a) < 0)
		return VS_EXIT_FAIL;
	vs_exec(argv + optind);
}
