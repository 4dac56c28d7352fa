// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * vattribute - set or show the flags, capabilities and unshare mask of a
 * context
 *
 * util-vserver's vattribute (ABI §6.4, and §6.1 step 16 where `vserver
 * start` runs it inside the new context).
 *
 * Copyright (C) 2026 The vserver authors
 */
#include <errno.h>
#include <getopt.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <vserver.h>

#include "attrs.h"
#include "common.h"

/*
 * util-vserver's --secure (ABI §4.2, §4.3): the context capabilities it
 * calls insecure (all but SET_UTSNAME, RAW_ICMP and AUDIT_CONTROL) and the
 * bounding capabilities it calls insecure (computed in 32 bits, so every
 * capability from 32 up stays) are cleared; HIDE_NETIF is set.
 */
#define SECURE_CCAPS (VXC_SET_UTSNAME | VXC_RAW_ICMP | VXC_AUDIT_CONTROL)
#define SECURE_BCAPS 0xFFFFFFFFB44C04FFULL
#define ALL_ONES (~(uint64_t)0)

/* What --get prints, in util-vserver's order and with its names. */
enum attr { ATTR_BCAPS, ATTR_CCAPS, ATTR_FLAGS, ATTR_UMASK, N_ATTRS };

static const struct vs_attr attr[N_ATTRS] = {
	[ATTR_BCAPS] = { "bcapabilities", "bounding capability", VC_NAMES_BCAPS, vc_get_bcaps,
			 vc_set_bcaps },
	[ATTR_CCAPS] = { "ccapabilities", "context capability", VC_NAMES_CCAPS, vc_get_ccaps,
			 vc_set_ccaps },
	[ATTR_FLAGS] = { "flags", "context flag", VC_NAMES_CFLAGS, vc_get_cflags, vc_set_cflags },
	[ATTR_UMASK] = { "umask", "namespace", VC_NAMES_UMASK, vc_get_umask, vc_set_umask },
};

/* The order util-vserver applies them in: capabilities, flags, umask. */
static const unsigned int set_order[N_ATTRS] = { ATTR_CCAPS, ATTR_BCAPS, ATTR_FLAGS, ATTR_UMASK };

static void warn(uint32_t xid, const char *message)
{
	(void)xid;
	vs_warn_syscall("%s", message);
}

static const struct vs_attrs attrs = {
	.id_key = "xid",
	.id_what = "context",
	.attr = attr,
	.n = N_ATTRS,
	.set_order = set_order,
	.warn = warn,
};

struct args {
	bool get;
	bool json;
	bool have_xid;
	uint32_t xid;
	bool secure;
	struct vc_mask64 change[N_ATTRS]; /* the --flag, --ccap ... options */
};

static void __attribute__((noreturn)) usage(void)
{
	printf("Usage: %s [--xid XID] --set [--flag LIST] [--ccap LIST] [--bcap LIST]\n"
	       "                  [--umask LIST] [--secure] [--] [COMMAND [ARG]...]\n"
	       "       %s [--xid XID] --get [--json] [--] [COMMAND [ARG]...]\n"
	       "\n"
	       "Change or show the attributes of a context, then run COMMAND if given.\n"
	       "A LIST holds names separated by commas; !NAME or ~NAME clears a bit,\n"
	       "^N names bit N, 'all' and 'none' name every bit and no bit.\n"
	       "\n"
	       "Options:\n"
	       "      --xid XID       the context: a number, or 'self' (the default)\n"
	       "      --set           change the attributes (the default)\n"
	       "      --get           print them, one 'key: names' per line\n"
	       "      --flag LIST     context flags, e.g. fakeinit,!persistent\n"
	       "      --ccap LIST     context capabilities, e.g. set_utsname\n"
	       "      --bcap LIST     bounding capabilities, e.g. !sys_admin\n"
	       "      --umask LIST    namespaces the guest may unshare, e.g. newuts\n"
	       "      --secure        util-vserver's secure capabilities and flags, applied\n"
	       "                      before the other options\n"
	       "      --json          with --get: one JSON object\n"
	       "  -h, --help          display this help and exit\n"
	       "  -V, --version       display version and exit\n"
	       "\n"
	       "Exit status: COMMAND's when given, else 0; 1 on failure, 2 for a bad\n"
	       "command line, 126/127 when COMMAND cannot be run or found.\n",
	       program_invocation_short_name, program_invocation_short_name);
	exit(VS_EXIT_OK);
}

enum { OPT_XID = 256, OPT_SET, OPT_GET, OPT_FLAG, OPT_CCAP, OPT_BCAP, OPT_UMASK, OPT_SECURE,
       OPT_JSON };

static const struct option longopts[] = {
	{ "xid", required_argument, NULL, OPT_XID },
	{ "set", no_argument, NULL, OPT_SET },
	{ "get", no_argument, NULL, OPT_GET },
	{ "flag", required_argument, NULL, OPT_FLAG },
	{ "ccap", required_argument, NULL, OPT_CCAP },
	{ "bcap", required_argument, NULL, OPT_BCAP },
	{ "umask", required_argument, NULL, OPT_UMASK },
	{ "secure", no_argument, NULL, OPT_SECURE },
	{ "json", no_argument, NULL, OPT_JSON },
	{ "help", no_argument, NULL, 'h' },
	{ "version", no_argument, NULL, 'V' },
	{ NULL, 0, NULL, 0 },
};

static void parse_one(struct args *a, int c)
{
	switch (c) {
	case OPT_XID:
		a->xid = vs_xid_arg(optarg);
		a->have_xid = true;
		break;
	case OPT_SET:
		a->get = false;
		break;
	case OPT_GET:
		a->get = true;
		break;
	case OPT_FLAG:
	case OPT_CCAP:
	case OPT_BCAP:
	case OPT_UMASK: {
		const enum attr w = c == OPT_FLAG ? ATTR_FLAGS : c == OPT_CCAP ? ATTR_CCAPS :
				    c == OPT_BCAP ? ATTR_BCAPS : ATTR_UMASK;

		vs_attr_add_list(&attr[w], &a->change[w], optarg);
		break;
	}
	case OPT_SECURE:
		a->secure = true;
		break;
	case OPT_JSON:
		a->json = true;
		break;
	case 'h':
		usage();
	default:
		vs_other_option(c);
	}
}

/* What --set sends: --secure first, then the options on top of it. */
static void changes(const struct args *a, struct vc_mask64 out[N_ATTRS])
{
	const struct vc_mask64 secure[N_ATTRS] = {
		[ATTR_BCAPS] = { SECURE_BCAPS, ALL_ONES },
		[ATTR_CCAPS] = { SECURE_CCAPS, ALL_ONES },
		[ATTR_FLAGS] = { VXF_HIDE_NETIF, VXF_HIDE_NETIF },
		[ATTR_UMASK] = { 0, 0 },
	};
	int i;

	for (i = 0; i < N_ATTRS; i++) {
		out[i] = a->secure ? secure[i] : (struct vc_mask64){ 0, 0 };
		vs_attr_merge(&out[i], &a->change[i]);
	}
}

static int do_set(const struct args *a)
{
	struct vc_mask64 c[N_ATTRS];

	changes(a, c);
	return vs_attrs_set(&attrs, a->xid, c);
}

int main(int argc, char *argv[])
{
	struct args a = { .get = false };
	int c, xid;

	while ((c = getopt_long(argc, argv, "+hV", longopts, NULL)) != -1)
		parse_one(&a, c);
	if (a.json && !a.get)
		vs_usage_error("--json goes with --get");
	if (a.get && (a.secure || a.change[ATTR_BCAPS].mask || a.change[ATTR_CCAPS].mask ||
		      a.change[ATTR_FLAGS].mask || a.change[ATTR_UMASK].mask))
		vs_usage_error("--flag, --ccap, --bcap, --umask and --secure go with --set");
	if (!a.have_xid) {
		xid = vc_get_task_xid(0);
		if (xid < 0) {
			vs_warn_syscall("cannot find the context of this process");
			return VS_EXIT_FAIL;
		}
		a.xid = (uint32_t)xid;
	}
	if (a.xid <= 1) {
		vs_warn("context %u is the %s, which has no attributes: give --xid", a.xid,
			a.xid ? "spectator" : "host");
		return VS_EXIT_FAIL;
	}
	if ((a.get ? vs_attrs_print(&attrs, a.xid, a.json) : do_set(&a)) < 0)
		return VS_EXIT_FAIL;
	fflush(stdout);
	if (optind < argc)
		vs_exec(argv + optind);
	return VS_EXIT_OK;
}
