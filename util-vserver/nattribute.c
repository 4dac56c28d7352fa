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

#include "common.h"
#include "net.h"

/* What --get prints, in this order, with these keys. */
enum attr { ATTR_FLAGS, ATTR_NCAPS, N_ATTRS };

struct attr_info {
	const char *key;
	const char *what; /* for messages */
	enum vc_names table;
	int (*get)(uint32_t nid, struct vc_mask64 *ret);
	int (*set)(uint32_t nid, const struct vc_mask64 *v);
};

static const struct attr_info attrs[N_ATTRS] = {
	[ATTR_FLAGS] = { "flags", "network flag", VC_NAMES_NFLAGS, vc_get_nflags,
			 vc_set_nflags },
	[ATTR_NCAPS] = { "ncapabilities", "network capability", VC_NAMES_NCAPS, vc_get_ncaps,
			 vc_set_ncaps },
};

/* The order util-vserver applies them in: capabilities, then flags. */
static const enum attr set_order[N_ATTRS] = { ATTR_NCAPS, ATTR_FLAGS };

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

/* Apply change @c on top of @acc: later options override earlier ones. */
static void merge(struct vc_mask64 *acc, const struct vc_mask64 *c)
{
	acc->value = (acc->value & ~c->mask) | (c->value & c->mask);
	acc->mask |= c->mask;
}

static void add_list(struct args *a, enum attr which, const char *list)
{
	struct vc_mask64 m;
	size_t off, len;

	if (vc_parse_list(attrs[which].table, list, &m, &off, &len) < 0)
		vs_usage_error("unknown %s '%.*s'", attrs[which].what, (int)len, list + off);
	merge(&a->change[which], &m);
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
		add_list(a, ATTR_FLAGS, optarg);
		break;
	case OPT_NCAP:
		add_list(a, ATTR_NCAPS, optarg);
		break;
	case OPT_SECURE:
		a->secure = true;
		break;
	case OPT_JSON:
		a->json = true;
		break;
	case 'h':
		usage();
	case 'V':
		vs_print_version();
		exit(VS_EXIT_OK);
	default:
		vs_try_help();
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
		merge(&out[i], &a->change[i]);
	}
}

static int do_set(const struct args *a)
{
	struct vc_mask64 c[N_ATTRS];
	int i;

	changes(a, c);
	for (i = 0; i < N_ATTRS; i++) {
		const enum attr w = set_order[i];

		if (c[w].mask && attrs[w].set(a->nid, &c[w]) < 0) {
			vs_warn_nid(a->nid, "cannot set the %s of network context %u", attrs[w].key,
				    a->nid);
			return -1;
		}
	}
	return 0;
}

/* Print "a","b" for the list "a,b". */
static void json_list(const char *list)
{
	char item[256];
	const char *p = list;
	bool first = true;

	putchar('[');
	while (*p) {
		const size_t len = strcspn(p, ",");

		snprintf(item, sizeof(item), "%.*s", (int)len, p);
		printf("%s", first ? "" : ", ");
		vs_json_string(stdout, item);
		first = false;
		p += len + (p[len] == ',');
	}
	putchar(']');
}

static int do_get(const struct args *a)
{
	char text[N_ATTRS][1024];
	struct vc_mask64 v;
	int i;

	for (i = 0; i < N_ATTRS; i++) {
		if (attrs[i].get(a->nid, &v) < 0) {
			vs_warn_nid(a->nid, "cannot get the %s of network context %u", attrs[i].key,
				    a->nid);
			return -1;
		}
		if (vc_format_bits(attrs[i].table, v.value, text[i], sizeof(text[i])) < 0) {
			vs_warn("cannot name the %s of network context %u: %m", attrs[i].key,
				a->nid);
			return -1;
		}
	}
	if (a->json)
		printf("{\"nid\": %u", a->nid);
	for (i = 0; i < N_ATTRS; i++) {
		if (!a->json) {
			printf("%s:%s%s\n", attrs[i].key, text[i][0] ? " " : "", text[i]);
			continue;
		}
		printf(", \"%s\": ", attrs[i].key);
		json_list(text[i]);
	}
	if (a->json)
		printf("}\n");
	return 0;
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
	if ((a.get ? do_get(&a) : do_set(&a)) < 0)
		return VS_EXIT_FAIL;
	fflush(stdout);
	if (optind < argc)
		vs_exec(argv + optind);
	return VS_EXIT_OK;
}
