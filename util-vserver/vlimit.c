// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * vlimit - set or show the resource limits of a context
 *
 * util-vserver's vlimit (ABI §3.3 "Resource limits", §4.4, §6.1 step 10,
 * §6.4): set_rlimit for each limit given on the command line or found in
 * --dir, then, with -a, get_rlimit_mask and get_rlimit for the listing,
 * then COMMAND. Its options, its listing and its --dir files are
 * util-vserver's; unlike util-vserver it checks every value before the
 * first call and stops at the first limit the kernel refuses, without
 * running COMMAND: a guest must not start with half of its limits.
 *
 * This kernel does not implement the limit commands yet (they answer
 * ENOSYS); vlimit then says so in one line and a hint, and fails.
 *
 * Copyright (C) 2026 The vserver authors
 */
#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <inttypes.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <vserver.h>

#include "common.h"

/* What vs_warn_syscall_feature() says this kernel lacks after an ENOSYS. */
#define FEATURE "context limits"

/* The mask bits are 32 wide; ids from VLIMIT_NLIMITS up have no slot. */
#define MASK_BITS 32

/* Which limits -M, -S and -H select for the next --RESOURCE option. */
enum { LIM_MIN = 1, LIM_SOFT = 2, LIM_HARD = 4 };

struct args {
	const char *xid_text;		/* --xid, resolved after the other options */
	uint32_t xid;
	bool all;			/* -a */
	bool json;			/* --json, with -a */
	bool numeric;			/* -n: ids instead of names in the listing */
	bool decimal;			/* -d: decimal instead of hex in the listing */
	unsigned int which;		/* -M/-S/-H given since the last --RESOURCE */
	uint32_t given;			/* bit n: resource n has limits to set */
	struct vc_rlimit lim[VLIMIT_NLIMITS];	/* VC_LIM_KEEP where not given */
	const char *dir;
	bool missingok;
};

static void __attribute__((noreturn)) usage(void)
{
	printf("Usage: %s [--xid XID] [-a [-n] [-d] [--json]] [[-M] [-S] [-H] --RESOURCE VALUE]...\n"
	       "              [--dir DIR [--missingok]] [--] [COMMAND [ARG]...]\n"
	       "\n"
	       "Set the resource limits of a context, show them with -a, then run COMMAND\n"
	       "if given. RESOURCE is one of cpu, fsize, data, stack, core, rss, nproc,\n"
	       "nofile, memlock, as, locks, msgqueue, nsock, openfd, anon, shmem, semary,\n"
	       "nsems, dentry, or a resource id 0..%d. VALUE is a number (decimal or 0x\n"
	       "hex) with an optional K or M (x1024) or k or m (x1000), or 'inf'.\n"
	       "\n"
	       "The vserver kernel of this release has no context limits yet: the limit\n"
	       "commands answer ENOSYS. Memory and CPU are meant for cgroup v2: vlimit(8).\n"
	       "\n"
	       "Options:\n"
	       "  -c, --xid XID         the context: a number, or 'self' (the default)\n"
	       "  -a, --all             show the limits the kernel has, after setting any\n"
	       "  -n                    with -a: resource ids instead of names\n"
	       "  -d                    with -a: decimal values instead of hexadecimal\n"
	       "      --json            with -a: one JSON object\n"
	       "  -M, --minimum         the next --RESOURCE sets the minimum\n"
	       "  -S, --soft            the next --RESOURCE sets the soft limit\n"
	       "  -H, --hard            the next --RESOURCE sets the hard limit (the default\n"
	       "                        when none of -M, -S, -H is given)\n"
	       "      --RESOURCE VALUE  set the selected limits of RESOURCE to VALUE\n"
	       "      --dir DIR         read limits from the files DIR/RESOURCE (all three)\n"
	       "                        and DIR/RESOURCE.{min,soft,hard}, for the resources\n"
	       "                        not given on the command line\n"
	       "      --missingok       with --dir: a missing DIR is no error\n"
	       "  -h, --help            display this help and exit\n"
	       "  -V, --version         display version and exit\n"
	       "\n"
	       "Exit status: COMMAND's when given, else 0; 1 when a limit cannot be set or\n"
	       "read, 2 for a bad command line, 126/127 when COMMAND cannot be run or found.\n",
	       program_invocation_short_name, VLIMIT_NLIMITS - 1);
	exit(VS_EXIT_OK);
}

/* util-vserver's name of resource @id, or "id N" for one without a name. */
static const char *res_name(int id, char buf[12])
{
	const char *name = vs_rlimit_name(id);

	if (name)
		return name;
	snprintf(buf, 12, "id %d", id);
	return buf;
}

/* --RESOURCE VALUE: the limits -M/-S/-H selected (the hard one by default). */
static void add_limit(struct args *a, int id, const char *value)
{
	const unsigned int which = a->which ? a->which : LIM_HARD;
	struct vc_rlimit *l = &a->lim[id];
	char buf[12];
	uint64_t v;

	if (vs_parse_limit(value, &v) < 0) {
		if (errno == ERANGE)
			vs_usage_error("invalid %s limit '%s': too large (at most 0x%llx, or inf)",
				       res_name(id, buf), value,
				       (unsigned long long)(VC_LIM_KEEP - 1));
		vs_usage_error("invalid %s limit '%s': expected a number (decimal or 0x hex) "
			       "with an optional K, M, k or m, or inf", res_name(id, buf), value);
	}
	if (which & LIM_MIN)
		l->min = v;
	if (which & LIM_SOFT)
		l->soft = v;
	if (which & LIM_HARD)
		l->hard = v;
	a->given |= 1U << id;
	a->which = 0;
}

enum { OPT_XID = 256, OPT_DIR, OPT_MISSINGOK, OPT_JSON, OPT_RES = 512 /* + resource id */ };

#define N_FIXED_OPTS 11
#define N_OPTS (N_FIXED_OPTS + VS_RLIMIT_NAMES + VLIMIT_NLIMITS + 1)

/* The fixed options, one per resource name, one per resource id ("--6"). */
static const struct option *longopts(void)
{
	static const struct option fixed[N_FIXED_OPTS] = {
		{ "xid", required_argument, NULL, OPT_XID },
		{ "all", no_argument, NULL, 'a' },
		{ "minimum", no_argument, NULL, 'M' },
		{ "soft", no_argument, NULL, 'S' },
		{ "hard", no_argument, NULL, 'H' },
		{ "dir", required_argument, NULL, OPT_DIR },
		{ "missingok", no_argument, NULL, OPT_MISSINGOK },
		{ "json", no_argument, NULL, OPT_JSON },
		{ "help", no_argument, NULL, 'h' },
		{ "version", no_argument, NULL, 'V' },
		{ NULL, 0, NULL, 0 },
	};
	static char ids[VLIMIT_NLIMITS][4];
	static struct option opts[N_OPTS];
	int i, n = N_FIXED_OPTS - 1;

	memcpy(opts, fixed, sizeof(fixed));
	for (i = 0; i < VS_RLIMIT_NAMES; i++)
		opts[n++] = (struct option){ vs_rlimit_names[i].name, required_argument, NULL,
					     OPT_RES + vs_rlimit_names[i].id };
	for (i = 0; i < VLIMIT_NLIMITS; i++) {
		snprintf(ids[i], sizeof(ids[i]), "%d", i);
		opts[n++] = (struct option){ ids[i], required_argument, NULL, OPT_RES + i };
	}
	opts[n] = (struct option){ NULL, 0, NULL, 0 };
	return opts;
}

static void parse_one(struct args *a, int c)
{
	if (c >= OPT_RES && c < OPT_RES + VLIMIT_NLIMITS) {
		add_limit(a, c - OPT_RES, optarg);
		return;
	}
	switch (c) {
	case OPT_XID:
	case 'c':
		a->xid_text = optarg;
		break;
	case 'a':
		a->all = true;
		break;
	case 'n':
		a->numeric = true;
		break;
	case 'd':
		a->decimal = true;
		break;
	case OPT_JSON:
		a->json = true;
		break;
	case 'M':
		a->which |= LIM_MIN;
		break;
	case 'S':
		a->which |= LIM_SOFT;
		break;
	case 'H':
		a->which |= LIM_HARD;
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

static void parse_args(struct args *a, int argc, char *argv[])
{
	const struct option *opts = longopts();
	int c, i;

	for (i = 0; i < VLIMIT_NLIMITS; i++)
		a->lim[i] = (struct vc_rlimit){ VC_LIM_KEEP, VC_LIM_KEEP, VC_LIM_KEEP };
	while ((c = getopt_long(argc, argv, "+c:anMSHdhV", opts, NULL)) != -1)
		parse_one(a, c);
	if (a->which)
		vs_usage_error("-M, -S and -H select the limits of the --RESOURCE option after "
			       "them, and none follows");
	if (a->missingok && !a->dir)
		vs_usage_error("--missingok goes with --dir");
	if ((a->json || a->numeric || a->decimal) && !a->all)
		vs_usage_error("-n, -d and --json go with -a");
	if (!a->given && !a->dir && !a->all && optind >= argc)
		vs_usage_error("nothing to do: give --RESOURCE VALUE, --dir DIR or -a");
}

/* DIR/FILE: 1 and its limit in *ret, 0 when it does not exist, -1 after a message. */
static int read_limit_file(int dirfd, const char *dir, const char *file, uint64_t *ret)
{
	cleanup_fd int fd = openat(dirfd, file, O_RDONLY | O_CLOEXEC);
	char buf[128];
	ssize_t n;

	if (fd < 0 && errno == ENOENT)
		return 0;
	n = fd < 0 ? -1 : read(fd, buf, sizeof(buf) - 1);
	if (n < 0) {
		vs_warn("cannot read %s/%s: %m", dir, file);
		return -1;
	}
	while (n > 0 && isspace((unsigned char)buf[n - 1]))
		n--;
	buf[n] = '\0';
	if (vs_parse_limit(buf, ret) < 0) {
		vs_warn("%s/%s: '%.40s' is not a limit: expected a number (decimal or 0x hex) with "
			"an optional K, M, k or m, or inf", dir, file, buf);
		return -1;
	}
	return 1;
}

/* RES sets all three limits, RES.min, RES.soft and RES.hard one each. */
static int read_resource(struct args *a, int dirfd, int id, const char *name)
{
	static const char *const suffix[] = { "", ".min", ".soft", ".hard" };
	struct vc_rlimit *l = &a->lim[id];
	char file[32];
	uint64_t v;
	int i, r;

	for (i = 0; i < 4; i++) {
		snprintf(file, sizeof(file), "%s%s", name, suffix[i]);
		r = read_limit_file(dirfd, a->dir, file, &v);
		if (r < 0)
			return -1;
		if (r == 0)
			continue;
		if (i == 0 || i == 1)
			l->min = v;
		if (i == 0 || i == 2)
			l->soft = v;
		if (i == 0 || i == 3)
			l->hard = v;
		a->given |= 1U << id;
	}
	return 0;
}

/*
 * --dir: util-vserver's rlimits/ directory (ABI §7). A resource given on
 * the command line keeps its value there, as util-vserver's vlimit does.
 */
static int read_dir(struct args *a)
{
	cleanup_fd int dirfd = open(a->dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	const uint32_t cli = a->given;
	int i;

	if (dirfd < 0) {
		if (errno == ENOENT && a->missingok)
			return 0;
		vs_warn("cannot open %s: %m", a->dir);
		return -1;
	}
	for (i = 0; i < VS_RLIMIT_NAMES; i++) {
		const struct vs_rlimit_name *rn = &vs_rlimit_names[i];

		if (!(cli & (1U << rn->id)) && read_resource(a, dirfd, rn->id, rn->name) < 0)
			return -1;
	}
	return 0;
}

static int set_limits(const struct args *a)
{
	char buf[12];
	int id;

	for (id = 0; id < VLIMIT_NLIMITS; id++) {
		if (!(a->given & (1U << id)))
			continue;
		if (vc_set_rlimit(a->xid, id, &a->lim[id]) < 0) {
			vs_warn_syscall_feature(FEATURE, "cannot set the %s limit of context %u",
						res_name(id, buf), a->xid);
			return -1;
		}
	}
	return 0;
}

/* One value of the listing: util-vserver's N/A, inf, hex or decimal. */
static const char *fmt_value(const struct args *a, bool has, uint64_t v, char buf[24])
{
	if (!has)
		return "N/A";
	if (v == VC_LIM_INFINITY)
		return "inf";
	snprintf(buf, 24, a->decimal ? "%" PRIu64 : "0x%" PRIx64, v);
	return buf;
}

static void print_text(const struct args *a, int id, const struct vc_rlimit_mask *m,
		       const struct vc_rlimit *l)
{
	const uint32_t bit = 1U << id;
	char name[12], lo[24], so[24], hi[24], col[3][32];
	const char *n = a->numeric ? NULL : vs_rlimit_name(id);
	int i;

	if (n) {
		for (i = 0; n[i] && i < 11; i++)
			name[i] = (char)toupper((unsigned char)n[i]);
		name[i] = '\0';
	} else {
		snprintf(name, sizeof(name), "%d", id);
	}
	/* util-vserver's columns: the name, then each value at 10, 30 and 50 */
	snprintf(col[0], sizeof(col[0]), "  %s", fmt_value(a, m->min & bit, l->min, lo));
	snprintf(col[1], sizeof(col[1]), "  %s", fmt_value(a, m->soft & bit, l->soft, so));
	snprintf(col[2], sizeof(col[2]), "  %s", fmt_value(a, m->hard & bit, l->hard, hi));
	printf("%-10s%-20s%-20s%s\n", name, col[0], col[1], col[2]);
}

/* A JSON value: null when the kernel has no such limit, "inf", or the number. */
static void json_value(bool has, uint64_t v)
{
	if (!has)
		printf("null");
	else if (v == VC_LIM_INFINITY)
		printf("\"inf\"");
	else
		printf("%" PRIu64, v);
}

static void print_json(int id, const struct vc_rlimit_mask *m, const struct vc_rlimit *l,
		       bool first)
{
	const uint32_t bit = 1U << id;
	const char *name = vs_rlimit_name(id);

	printf("%s{\"resource\": ", first ? "" : ", ");
	if (name)
		vs_json_string(stdout, name);
	else
		printf("null");
	printf(", \"id\": %d, \"minimum\": ", id);
	json_value(m->min & bit, l->min);
	printf(", \"soft\": ");
	json_value(m->soft & bit, l->soft);
	printf(", \"hard\": ");
	json_value(m->hard & bit, l->hard);
	printf("}");
}

/* -a: every limit the kernel has; all are read before anything is printed. */
static int show_all(const struct args *a)
{
	struct vc_rlimit lim[MASK_BITS];
	struct vc_rlimit_mask m;
	uint32_t any;
	char buf[12];
	int id;
	bool first = true;

	if (vc_get_rlimit_mask(a->xid, &m) < 0) {
		vs_warn_syscall_feature(FEATURE, "cannot list the limits of context %u", a->xid);
		return -1;
	}
	any = m.min | m.soft | m.hard;
	for (id = 0; id < MASK_BITS; id++) {
		if ((any & (1U << id)) && vc_get_rlimit(a->xid, id, &lim[id]) < 0) {
			vs_warn_syscall_feature(FEATURE, "cannot get the %s limit of context %u",
						res_name(id, buf), a->xid);
			return -1;
		}
	}
	if (a->json)
		printf("{\"xid\": %u, \"limits\": [", a->xid);
	for (id = 0; id < MASK_BITS; id++) {
		if (!(any & (1U << id)))
			continue;
		if (a->json)
			print_json(id, &m, &lim[id], first);
		else
			print_text(a, id, &m, &lim[id]);
		first = false;
	}
	if (a->json)
		printf("]}\n");
	return 0;
}

int main(int argc, char *argv[])
{
	struct args a = { .xid_text = NULL };

	parse_args(&a, argc, argv);
	a.xid = vs_xid_arg(a.xid_text ? a.xid_text : "self");
	if (a.dir && read_dir(&a) < 0)
		return VS_EXIT_FAIL;
	if ((a.given || a.all) && a.xid <= 1) {
		vs_warn("context %u is the %s, which has no limits: give --xid", a.xid,
			a.xid ? "spectator" : "host");
		return VS_EXIT_FAIL;
	}
	if (set_limits(&a) < 0 || (a.all && show_all(&a) < 0))
		return VS_EXIT_FAIL;
	fflush(stdout);
	if (optind < argc)
		vs_exec(argv + optind);
	return VS_EXIT_OK;
}
