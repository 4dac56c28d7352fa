// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * nattribute - set or show the flags and capabilities of a network context
 *
 * util-vserver's nattribute (ABI §6.4, and §6.1 step 2 where chbind runs
 * `nattribute --set --secure` in the new network context), plus --get.
 *
 * Copyright (C) 2026 The vserver authors
 */
#include <errno.h>
#include <getopt.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <linux/vserver/network.h>
#include <vserver.h>

#include "attrs.h"
#include "common.h"
#include "net.h"

/* What --get prints, in this order, with these keys. */
enum attr { ATTR_FLAGS, ATTR_NCAPS, N_ATTRS };

static const struct vs_attr attr[N_ATTRS] = {
	[ATTR_FLAGS] = { "flags", "network flag", VC_NAMES_NFLAGS, vc_get_nflags, vc_set_nflags },
	[ATTR_NCAPS] = { "ncapabilities", "network capability", VC_NAMES_NCAPS, vc_get_ncaps,
			 vc_set_ncaps },
};

/* The order util-vserver applies them in: capabilities, then flags. */
static const unsigned int set_order[N_ATTRS] = { ATTR_NCAPS, ATTR_FLAGS };

static void warn(uint32_t nid, const char *message)
{
	vs_warn_nid(nid, "%s", message);
}

static const struct vs_attrs attrs = {
	.id_key = "nid",
	.id_what = "network context",
	.attr = attr,
	.n = N_ATTRS,
	.set_order = set_order,
	.warn = warn,
};

struct args {
	bool get;
	bool json;
	bool have_nid;
	uint32_t nid;
	bool secure;
	struct vc_mask64 change[N_ATTRS]; /* the --flag and --ncap options */
};

static void __attribute__((noreturn)) usage(void)
{
	printf("Usage: %s [--nid NID] --set [--flag LIST] [--ncap LIST] [--secure]\n"
	       "                  [--] [COMMAND [ARG]...]\n"
	       "       %s [--nid NID] --get [--json] [--] [COMMAND [ARG]...]\n"
	       "\n"
	       "Change or show the attributes of a network context, then run COMMAND\n"
	       "if given. A LIST holds names separated by commas; !NAME or ~NAME clears\n"
	       "a bit, ^N names bit N, 'all' and 'none' name every bit and no bit.\n"
	       "\n"
	       "Options:\n"
	       "      --nid NID       the network context: a number, or 'self' (the default)\n"
	       "      --set           change the attributes (the default)\n"
	       "      --get           print them, one 'key: names' per line\n"
	       "      --flag LIST     network flags, e.g. hide_netif,!persistent\n"
	       "      --ncap LIST     network capabilities, e.g. raw_icmp\n"
	       "      --secure        util-vserver's secure settings (ncap raw_icmp, flag\n"
	       "                      hide_netif), applied before the other options\n"
	       "      --json          with --get: one JSON object\n"
	       "  -h, --help          display this help and exit\n"
	       "  -V, --version       display version and exit\n"
	       "\n"
	       "Exit status: COMMAND's when given, else 0; 1 on failure, 2 for a bad\n"
	       "command line, 126/127 when COMMAND cannot be run or found.\n",
	       program_invocation_short_name, program_invocation_short_name);
	exit(VS_EXIT_OK);
}

enum { OPT_NID = 256, OPT_SET, OPT_GET, OPT_FLAG, OPT_NCAP, OPT_SECURE, OPT_JSON };

static const struct option longopts[] = {
	{ "nid", required_argument, NULL, OPT_NID },
	{ "set", no_argument, NULL, OPT_SET },
	{ "get", no_argument, NULL, OPT_GET },
	{ "flag", required_argument, NULL, OPT_FLAG },
	{ "ncap", required_argument, NULL, OPT_NCAP },
	{ "secure", no_argument, NULL, OPT_SECURE },
	{ "json", no_argument, NULL, OPT_JSON },
	{ "help", no_argument, NULL, 'h' },
	{ "version", no_argument, NULL, 'V' },
	{ NULL, 0, NULL, 0 },
};

static void parse_one(struct args *a, int c)
{
	switch (c) {
	case OPT_NID:
		a->nid = vs_nid_arg(optarg);
		a->have_nid = true;
		break;
	case OPT_SET:
		a->get = false;
		break;
	case OPT_GET:
		a->get = true;
		break;
	case OPT_FLAG:
		vs_attr_add_list(&attr[ATTR_FLAGS], &a->change[ATTR_FLAGS], optarg);
		break;
	case OPT_NCAP:
		vs_attr_add_list(&attr[ATTR_NCAPS], &a->change[ATTR_NCAPS], optarg);
		break;
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

/* What --set sends: --secure first (ABI §4.6, §4.7), then the options. */
static void changes(const struct args *a, struct vc_mask64 out[N_ATTRS])
{
	const struct vc_mask64 secure[N_ATTRS] = {
		[ATTR_FLAGS] = { NXF_HIDE_NETIF, NXF_HIDE_NETIF },
		[ATTR_NCAPS] = { NXC_RAW_ICMP, NXC_RAW_ICMP },
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
	return vs_attrs_set(&attrs, a->nid, c);
}

int main(int argc, char *argv[])
{
	struct args a = { .get = false };
	int c, nid;

	while ((c = getopt_long(argc, argv, "+hV", longopts, NULL)) != -1)
		parse_one(&a, c);
	if (a.json && !a.get)
		vs_usage_error("--json goes with --get");
	if (a.get && (a.secure || a.change[ATTR_FLAGS].mask || a.change[ATTR_NCAPS].mask))
		vs_usage_error("--flag, --ncap and --secure go with --set");
	if (!a.have_nid) {
		nid = vc_get_task_nid(0);
		if (nid < 0) {
			vs_warn_syscall("cannot find the network context of this process");
			return VS_EXIT_FAIL;
		}
		a.nid = (uint32_t)nid;
	}
	if (a.nid <= 1) {
		vs_warn("network context %u is the %s, which has no attributes: give --nid", a.nid,
			a.nid ? "spectator" : "host");
		return VS_EXIT_FAIL;
	}
	if ((a.get ? vs_attrs_print(&attrs, a.nid, a.json) : do_set(&a)) < 0)
		return VS_EXIT_FAIL;
	fflush(stdout);
	if (optind < argc)
		vs_exec(argv + optind);
	return VS_EXIT_OK;
}
