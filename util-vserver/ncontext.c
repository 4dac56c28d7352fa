// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * ncontext - create a network context or enter one, then run a command in it
 *
 * util-vserver's ncontext (ABI §6.1 step 2, where chbind runs it, and §6.4):
 * net_create, or net_migrate when the network context exists.
 *
 * Copyright (C) 2026 The vserver authors
 */
#include <errno.h>
#include <getopt.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>

#include <linux/vserver/network.h>
#include <vserver.h>

#include "common.h"
#include "net.h"

/* util-vserver: `ncontext --create` exits with 254 when the network context exists. */
#define EXIT_EXISTS 254

enum mode { MODE_NONE, MODE_CREATE, MODE_MIGRATE, MODE_MIGRATE_SELF };

struct args {
	enum mode mode;
	bool have_nid;
	uint32_t nid;
	struct vc_mask64 flags; /* --flag changes to NXF_INIT_SET (--create) */
	bool silent;
	bool silentexist;
};

static void __attribute__((noreturn)) usage(void)
{
	printf("Usage: %s --create --nid NID [options] [--] COMMAND [ARG]...\n"
	       "       %s --migrate --nid NID [options] [--] COMMAND [ARG]...\n"
	       "       %s --migrate-self [options] [--] COMMAND [ARG]...\n"
	       "\n"
	       "Create a network context, or move into one, and run COMMAND there.\n"
	       "\n"
	       "Options:\n"
	       "      --create         create network context NID and enter it\n"
	       "      --migrate        enter the existing network context NID\n"
	       "      --migrate-self   stay in the current network context\n"
	       "      --nid NID        the network context: 2..65535, or 'self'\n"
	       "      --flag LIST      with --create: network flags to set (!NAME clears)\n"
	       "      --silent         do not print the new network context's id\n"
	       "      --silentexist    say nothing when the network context exists (exit 254)\n"
	       "  -h, --help           display this help and exit\n"
	       "  -V, --version        display version and exit\n"
	       "\n"
	       "Not supported yet: --disconnect, --syncsock, --syncmsg.\n"
	       "\n"
	       "Exit status: COMMAND's, or 1 on failure, 2 for a bad command line, 254\n"
	       "when --create finds the network context exists, 126/127 when COMMAND\n"
	       "cannot be run or found.\n",
	       program_invocation_short_name, program_invocation_short_name,
	       program_invocation_short_name);
	exit(VS_EXIT_OK);
}

static void add_flags(struct args *a, const char *list)
{
	struct vc_mask64 m;
	size_t off, len;

	if (vc_parse_list(VC_NAMES_NFLAGS, list, &m, &off, &len) < 0)
		vs_usage_error("unknown network flag '%.*s'", (int)len, list + off);
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
	OPT_CREATE = 256, OPT_MIGRATE, OPT_MIGRATE_SELF, OPT_NID, OPT_FLAG, OPT_SILENT,
	OPT_SILENTEXIST, OPT_UNSUPPORTED,
};

static const struct option longopts[] = {
	{ "create", no_argument, NULL, OPT_CREATE },
	{ "migrate", no_argument, NULL, OPT_MIGRATE },
	{ "migrate-self", no_argument, NULL, OPT_MIGRATE_SELF },
	{ "nid", required_argument, NULL, OPT_NID },
	{ "flag", required_argument, NULL, OPT_FLAG },
	{ "silent", no_argument, NULL, OPT_SILENT },
	{ "silentexist", no_argument, NULL, OPT_SILENTEXIST },
	{ "disconnect", no_argument, NULL, OPT_UNSUPPORTED },
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
	case OPT_NID:
		a->nid = vs_nid_arg(optarg);
		a->have_nid = true;
		break;
	case OPT_FLAG:
		add_flags(a, optarg);
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
	if (a->mode == MODE_CREATE && !a->have_nid)
		vs_usage_error("--create needs --nid: this kernel does not choose network context ids");
	if (a->mode == MODE_MIGRATE && !a->have_nid)
		vs_usage_error("--migrate needs --nid");
	if (a->mode == MODE_MIGRATE_SELF && a->have_nid)
		vs_usage_error("--migrate-self takes no --nid: it stays in the current network context");
	if (a->mode != MODE_CREATE && a->flags.mask)
		vs_usage_error("--flag is possible with --create only; use nattribute");
	if (optind >= argc)
		vs_usage_error("no command given");
}

/*
 * Without --flag the kernel's default flags apply (no data, as util-vserver
 * calls net_create); with it, the changes on top of those defaults.
 */
static int create(const struct args *a)
{
	const uint64_t flags = (NXF_INIT_SET & ~a->flags.mask) | (a->flags.value & a->flags.mask);

	if (vc_net_create(a->nid, a->flags.mask ? &flags : NULL) < 0) {
		if (errno == EEXIST) {
			if (!a->silentexist)
				vs_warn("cannot create network context %u: it exists already",
					a->nid);
			exit(EXIT_EXISTS);
		}
		vs_warn_syscall("cannot create network context %u", a->nid);
		return -1;
	}
	if (!a->silent)
		printf("New network context is %u\n", a->nid);
	fflush(stdout);
	return 0;
}

static int enter(const struct args *a)
{
	switch (a->mode) {
	case MODE_CREATE:
		return create(a);
	case MODE_MIGRATE:
		if (vc_net_migrate(a->nid) < 0) {
			vs_warn_nid(a->nid, "cannot enter network context %u", a->nid);
			return -1;
		}
		return 0;
	default:
		/* util-vserver only checks that the caller has a network context */
		if (vc_get_task_nid(0) < 0) {
			vs_warn_syscall("cannot find the current network context");
			return -1;
		}
		return 0;
	}
}

int main(int argc, char *argv[])
{
	struct args a = { .mode = MODE_NONE };
	int c;

	while ((c = getopt_long(argc, argv, "+hV", longopts, NULL)) != -1)
		parse_one(&a, c, argv);
	check_args(&a, argc);
	if (enter(&a) < 0)
		return VS_EXIT_FAIL;
	vs_exec(argv + optind);
}
