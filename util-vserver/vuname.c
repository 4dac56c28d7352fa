// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * vuname - show or set the names of a context: its context name and the
 * uts names its guests see
 *
 * util-vserver's vuname (ABI §6.1 steps 13 and 15, §6.4): get_vhi_name and
 * set_vhi_name. The context name ("context") lives in the context itself;
 * the uts names live in the uts namespace stored in the context's space 0,
 * so the kernel refuses them (EINVAL) while that space is empty.
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
#include <strings.h>
#include <unistd.h>

#include <vserver.h>

#include "common.h"

/* The fields by VHIN_* number, as util-vserver names them (in lower case). */
static const char *const fields[] = {
	[VHIN_CONTEXT] = "context",	[VHIN_SYSNAME] = "sysname",
	[VHIN_NODENAME] = "nodename",	[VHIN_RELEASE] = "release",
	[VHIN_VERSION] = "version",	[VHIN_MACHINE] = "machine",
	[VHIN_DOMAINNAME] = "domainname",
};

#define N_FIELDS ((int)(sizeof(fields) / sizeof(fields[0])))

struct args {
	bool have_xid;
	uint32_t xid;
	bool set;
	const char *value[N_FIELDS];	/* -t FIELD=VALUE, NULL when not given */
	const char *dir;
	bool missingok;
};

static void __attribute__((noreturn)) usage(void)
{
	printf("Usage: %s [-g] --xid XID [FIELD]...\n"
	       "       %s -s --xid XID -t FIELD=VALUE... [--] [COMMAND [ARG]...]\n"
	       "       %s --dir DIR --xid XID [--missingok] [--] [COMMAND [ARG]...]\n"
	       "\n"
	       "Show the names of a context (all of them without FIELD, separated by\n"
	       "spaces, ??? for one that cannot be read), or set them and run COMMAND.\n"
	       "FIELD is one of context, sysname, nodename, release, version, machine,\n"
	       "domainname. This kernel keeps only 'context' (util-vserver stores the\n"
	       "guest's configuration directory there); the uts names need a uts\n"
	       "namespace stored in the context, which it cannot store yet.\n"
	       "\n"
	       "Options:\n"
	       "      --xid XID         the context: a number, or 'self'\n"
	       "  -g, --get             show the names (the default)\n"
	       "  -s, --set             set the names given with -t\n"
	       "  -t FIELD=VALUE        the value of one name, at most 64 bytes (implies -s)\n"
	       "      --dir DIR         set each name from the file DIR/FIELD\n"
	       "      --missingok       with --dir: a missing DIR is no error\n"
	       "  -h, --help            display this help and exit\n"
	       "  -V, --version         display version and exit\n"
	       "\n"
	       "Exit status: 0, or COMMAND's; 1 when a name cannot be read or set, 2 for\n"
	       "a bad command line, 126/127 when COMMAND cannot be run or found.\n",
	       program_invocation_short_name, program_invocation_short_name,
	       program_invocation_short_name);
	exit(VS_EXIT_OK);
}

static int field_of(const char *s, size_t len)
{
	int i;

	for (i = 0; i < N_FIELDS; i++)
		if (strlen(fields[i]) == len && !strncasecmp(fields[i], s, len))
			return i;
	return -1;
}

/* -t FIELD=VALUE */
static void add_value(struct args *a, const char *s)
{
	const char *eq = strchr(s, '=');
	const int f = field_of(s, eq ? (size_t)(eq - s) : strlen(s));

	if (!eq)
		vs_usage_error("-t '%s': expected FIELD=VALUE", s);
	if (f < 0)
		vs_usage_error("unknown field '%.*s'", (int)(eq - s), s);
	a->value[f] = eq + 1;
}

/* Explain the kernel's EINVAL for a uts field, after the message. */
static void hint(int field)
{
	if (errno == EINVAL && field != VHIN_CONTEXT)
		fprintf(stderr, "Hint: the uts names need a uts namespace stored in the context's\n"
				"space 0, and this kernel cannot store one yet.\n");
}

static int set_field(const struct args *a, int f, const char *value)
{
	if (vc_set_vhi_name(a->xid, f, value) == 0)
		return 0;
	if (errno == E2BIG)
		vs_warn("cannot set the %s of context %u: '%s' is longer than %d bytes", fields[f],
			a->xid, value, VS_NAME_MAX);
	else
		vs_warn_syscall("cannot set the %s of context %u to '%s'", fields[f], a->xid, value);
	hint(f);
	return -1;
}

static int set_values(const struct args *a)
{
	int f;

	for (f = 0; f < N_FIELDS; f++)
		if (a->value[f] && set_field(a, f, a->value[f]) < 0)
			return -1;
	return 0;
}

/*
 * Read DIR/FIELD: 0 and the value without its trailing newlines, 1 when
 * the file does not exist, -1 after a message.
 */
static int read_field_file(int dirfd, const char *dir, int f, char *buf, size_t size)
{
	cleanup_fd int fd = openat(dirfd, fields[f], O_RDONLY | O_CLOEXEC);
	ssize_t n;

	if (fd < 0 && errno == ENOENT)
		return 1;
	n = fd < 0 ? -1 : read(fd, buf, size - 1);
	if (n < 0) {
		vs_warn("cannot read %s/%s: %m", dir, fields[f]);
		return -1;
	}
	while (n > 0 && buf[n - 1] == '\n')
		n--;
	buf[n] = '\0';
	return 0;
}

/* --dir: one file per field, as util-vserver's uts/ directory has them. */
static int set_from_dir(const struct args *a)
{
	cleanup_fd int dirfd = open(a->dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	char value[4 * VS_NAME_MAX];
	int f, r;

	if (dirfd < 0) {
		if (errno == ENOENT && a->missingok)
			return 0;
		vs_warn("cannot open %s: %m", a->dir);
		return -1;
	}
	for (f = 0; f < N_FIELDS; f++) {
		r = read_field_file(dirfd, a->dir, f, value, sizeof(value));
		if (r < 0 || (r == 0 && set_field(a, f, value) < 0))
			return -1;
	}
	return 0;
}

/* Print one field, or "???"; 0 or -1 with errno. */
static int print_field(const struct args *a, int f, const char *sep)
{
	char buf[VS_NAME_MAX + 1];

	if (vc_get_vhi_name(a->xid, f, buf, sizeof(buf)) == 0) {
		printf("%s%s", sep, buf);
		return 0;
	}
	printf("%s???", sep);
	return -1;
}

/*
 * Print the fields named in @names (all when @n is 0) on one line. The
 * fields that cannot be read are named in one message after it.
 */
static int get_values(const struct args *a, int n, char *const names[])
{
	char failed[128] = "";
	int i, f, uts_failed = 0;

	for (i = 0; i < n; i++)
		if (field_of(names[i], strlen(names[i])) < 0)
			vs_usage_error("unknown field '%s'", names[i]);
	for (i = 0; i < (n ? n : N_FIELDS); i++) {
		f = n ? field_of(names[i], strlen(names[i])) : i;
		if (print_field(a, f, i ? " " : "") == 0)
			continue;
		snprintf(failed + strlen(failed), sizeof(failed) - strlen(failed), "%s%s",
			 failed[0] ? ", " : "", fields[f]);
		uts_failed |= f != VHIN_CONTEXT;
	}
	printf("\n");
	fflush(stdout);
	if (!failed[0])
		return 0;
	vs_warn_syscall("cannot get the %s of context %u", failed, a->xid);
	hint(uts_failed ? VHIN_SYSNAME : VHIN_CONTEXT);
	return -1;
}

static bool has_values(const struct args *a)
{
	int f;

	for (f = 0; f < N_FIELDS; f++)
		if (a->value[f])
			return true;
	return false;
}

static void parse_args(struct args *a, int argc, char *argv[])
{
	enum { OPT_XID = 256, OPT_DIR, OPT_MISSINGOK };
	static const struct option longopts[] = {
		{ "xid", required_argument, NULL, OPT_XID },
		{ "get", no_argument, NULL, 'g' },
		{ "set", no_argument, NULL, 's' },
		{ "dir", required_argument, NULL, OPT_DIR },
		{ "missingok", no_argument, NULL, OPT_MISSINGOK },
		{ "help", no_argument, NULL, 'h' },
		{ "version", no_argument, NULL, 'V' },
		{ NULL, 0, NULL, 0 },
	};
	int c;

	while ((c = getopt_long(argc, argv, "+gst:hV", longopts, NULL)) != -1) {
		switch (c) {
		case OPT_XID:
			a->xid = vs_xid_arg(optarg);
			a->have_xid = true;
			break;
		case 'g':
			a->set = false;
			break;
		case 's':
			a->set = true;
			break;
		case 't':
			add_value(a, optarg);
			a->set = true;
			break;
		case OPT_DIR:
			a->dir = optarg;
			break;
		case OPT_MISSINGOK:
			a->missingok = true;
			break;
		case 'h':
			usage();
		default:
			vs_other_option(c);
		}
	}
	if (!a->have_xid)
		vs_usage_error("no context given: use --xid");
	if (a->set && !a->dir && !has_values(a))
		vs_usage_error("--set needs -t FIELD=VALUE");
}

int main(int argc, char *argv[])
{
	struct args a = { .set = false };

	parse_args(&a, argc, argv);
	if (a.dir || a.set) {
		if ((a.dir ? set_from_dir(&a) : set_values(&a)) < 0)
			return VS_EXIT_FAIL;
		if (optind < argc)
			vs_exec(argv + optind);
		return VS_EXIT_OK;
	}
	return get_values(&a, argc - optind, argv + optind) < 0 ? VS_EXIT_FAIL : VS_EXIT_OK;
}
