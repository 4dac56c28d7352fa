// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * naddress - add or remove the addresses of a network context
 *
 * util-vserver's naddress (ABI §3.3 "Network contexts", §6.1 step 2 where
 * chbind runs `naddress --add` in the new network context, §6.4): one
 * net_add_ipv4 / net_add_ipv6 (or remove) per address, in the order given.
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

/* The most entries one call takes: the kernel keeps 64 per family. */
#define MAX_ADDRS 256

enum mode { MODE_NONE, MODE_ADD, MODE_REMOVE, MODE_SET };

struct args {
	enum mode mode;
	bool have_nid;
	uint32_t nid;
	bool silent;
	size_t n;
	struct vc_net_addr addrs[MAX_ADDRS];
};

static void __attribute__((noreturn)) usage(void)
{
	printf("Usage: %s --add|--remove|--set [--nid NID] [--silent] [--ip ADDR[/PREFIX]]...\n"
	       "                [--mask ADDR/PREFIX]... [--range FIRST-END]... [--bcast ADDR]\n"
	       "                [--lback ADDR] [--] [COMMAND [ARG]...]\n"
	       "\n"
	       "Add or remove addresses of a network context, then run COMMAND if given.\n"
	       "IPv4 and IPv6; a PREFIX is a length or a netmask (default /24 for IPv4,\n"
	       "/64 for IPv6, as util-vserver).\n"
	       "\n"
	       "Options:\n"
	       "      --add            add the addresses given\n"
	       "      --remove         remove them (each must be there, exactly)\n"
	       "      --set            remove every address first, then add them\n"
	       "      --nid NID        the network context: a number, or 'self' (the default)\n"
	       "      --ip ADDR[/PREFIX]   an address the guest may use\n"
	       "      --mask ADDR/PREFIX   a network: every address in it\n"
	       "      --range FIRST-END    IPv4 addresses from FIRST up to END, END excluded\n"
	       "      --bcast ADDR     the IPv4 broadcast address (not with --remove)\n"
	       "      --lback ADDR     the IPv4 loopback address (not with --remove)\n"
	       "      --silent         do not print the addresses\n"
	       "  -h, --help           display this help and exit\n"
	       "  -V, --version        display version and exit\n"
	       "\n"
	       "Exit status: COMMAND's when given, else 0; 1 on failure, 2 for a bad\n"
	       "command line or address, 126/127 when COMMAND cannot be run or found.\n",
	       program_invocation_short_name);
	exit(VS_EXIT_OK);
}

static void set_mode(struct args *a, enum mode m)
{
	if (a->mode != MODE_NONE && a->mode != m)
		vs_usage_error("--add, --remove and --set exclude each other");
	a->mode = m;
}

static void add_addr(struct args *a, enum vs_addr_opt opt, const char *s)
{
	static const char *const what[] = {
		[VS_ADDR_IP] = "address", [VS_ADDR_MASK] = "network",
		[VS_ADDR_RANGE] = "range", [VS_ADDR_BCAST] = "broadcast address",
		[VS_ADDR_LBACK] = "loopback address",
	};
	const char *why = "";

	if (a->n >= MAX_ADDRS)
		vs_usage_error("too many addresses: at most %d at once", MAX_ADDRS);
	if (vs_parse_net_addr(opt, s, &a->addrs[a->n], &why) < 0)
		vs_usage_error("invalid %s '%s': %s", what[opt], s, why);
	a->n++;
}

enum {
	OPT_ADD = 256, OPT_REMOVE, OPT_SET, OPT_NID, OPT_SILENT, OPT_IP, OPT_MASK, OPT_RANGE,
	OPT_BCAST, OPT_LBACK,
};

static const struct option longopts[] = {
	{ "add", no_argument, NULL, OPT_ADD },
	{ "remove", no_argument, NULL, OPT_REMOVE },
	{ "set", no_argument, NULL, OPT_SET },
	{ "nid", required_argument, NULL, OPT_NID },
	{ "silent", no_argument, NULL, OPT_SILENT },
	{ "ip", required_argument, NULL, OPT_IP },
	{ "mask", required_argument, NULL, OPT_MASK },
	{ "range", required_argument, NULL, OPT_RANGE },
	{ "bcast", required_argument, NULL, OPT_BCAST },
	{ "lback", required_argument, NULL, OPT_LBACK },
	{ "help", no_argument, NULL, 'h' },
	{ "version", no_argument, NULL, 'V' },
	{ NULL, 0, NULL, 0 },
};

static void parse_one(struct args *a, int c)
{
	switch (c) {
	case OPT_ADD:
		set_mode(a, MODE_ADD);
		break;
	case OPT_REMOVE:
		set_mode(a, MODE_REMOVE);
		break;
	case OPT_SET:
		set_mode(a, MODE_SET);
		break;
	case OPT_NID:
		a->nid = vs_nid_arg(optarg);
		a->have_nid = true;
		break;
	case OPT_SILENT:
		a->silent = true;
		break;
	case OPT_IP:
		add_addr(a, VS_ADDR_IP, optarg);
		break;
	case OPT_MASK:
		add_addr(a, VS_ADDR_MASK, optarg);
		break;
	case OPT_RANGE:
		add_addr(a, VS_ADDR_RANGE, optarg);
		break;
	case OPT_BCAST:
		add_addr(a, VS_ADDR_BCAST, optarg);
		break;
	case OPT_LBACK:
		add_addr(a, VS_ADDR_LBACK, optarg);
		break;
	case 'h':
		usage();
	default:
		vs_other_option(c);
	}
}

static void check_args(const struct args *a)
{
	size_t i;

	if (a->mode == MODE_NONE)
		vs_usage_error("neither --add nor --remove nor --set given");
	for (i = 0; a->mode == MODE_REMOVE && i < a->n; i++)
		if (a->addrs[i].vna_type & (NXA_MOD_BCAST | NXA_MOD_LBACK))
			vs_usage_error("--bcast and --lback cannot be removed, only set again");
}

/* Why the kernel refused @a: its errno in words, and what that means here. */
static void report(const struct args *a, const struct vc_net_addr *addr, bool add)
{
	const int err = errno;
	char s[128];
	const char *meaning = NULL;

	vs_net_addr_string(addr, s, sizeof(s));
	if (err == EEXIST)
		meaning = "the network context has this entry already";
	else if (err == ESRCH && vs_nid_exists(a->nid))
		meaning = "the network context has no such entry";
	else if (err == ENOSPC)
		meaning = "a network context has at most 64 entries of each family";
	if (!meaning) {
		errno = err;
		vs_warn_nid(a->nid, "cannot %s %s %s network context %u", add ? "add" : "remove",
			    s, add ? "to" : "from", a->nid);
		return;
	}
	vs_warn("cannot %s %s %s network context %u: %s (%s)", add ? "add" : "remove", s,
		add ? "to" : "from", a->nid, strerror(err), meaning);
}

/* util-vserver prints "Adding A B ..." (the addresses alone) as it goes. */
static void tell(const struct args *a, const struct vc_net_addr *addr)
{
	char ip[64];

	if (!a->silent)
		printf(" %s", vs_net_addr_ip(addr, ip, sizeof(ip)));
}

static int apply(const struct args *a)
{
	const struct vc_net_addr any = { .vna_type = NXA_TYPE_ANY };
	const bool add = a->mode != MODE_REMOVE;
	size_t i;

	if (a->mode == MODE_SET && vc_net_remove(a->nid, &any) < 0) {
		vs_warn_nid(a->nid, "cannot remove the addresses of network context %u", a->nid);
		return -1;
	}
	if (!a->silent)
		printf(add ? "Adding" : "Removing");
	for (i = 0; i < a->n; i++) {
		if ((add ? vc_net_add : vc_net_remove)(a->nid, &a->addrs[i]) == 0) {
			tell(a, &a->addrs[i]);
			continue;
		}
		/* the line so far, then why this one failed; the rest is not tried */
		if (!a->silent)
			printf("\n");
		fflush(stdout);
		report(a, &a->addrs[i], add);
		return -1;
	}
	if (!a->silent)
		printf("\n");
	return 0;
}

int main(int argc, char *argv[])
{
	static struct args a = { .mode = MODE_NONE };
	int c, nid;

	while ((c = getopt_long(argc, argv, "+hV", longopts, NULL)) != -1)
		parse_one(&a, c);
	check_args(&a);
	if (!a.have_nid) {
		nid = vc_get_task_nid(0);
		if (nid < 0) {
			vs_warn_syscall("cannot find the network context of this process");
			return VS_EXIT_FAIL;
		}
		a.nid = (uint32_t)nid;
	}
	if (a.nid <= 1) {
		vs_warn("network context %u is the %s, which has no addresses: give --nid", a.nid,
			a.nid ? "spectator" : "host");
		return VS_EXIT_FAIL;
	}
	if (apply(&a) < 0)
		return VS_EXIT_FAIL;
	fflush(stdout);
	if (optind < argc)
		vs_exec(argv + optind);
	return VS_EXIT_OK;
}
