// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * vserver-info - what the kernel offers, as util-vserver's tool reports it
 *
 * Copyright (C) 2026 The vserver authors
 */
#include <errno.h>
#include <getopt.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/utsname.h>

#include <vserver.h>

#include "common.h"

static bool quiet, json;

static void usage(void)
{
	printf("Usage: %s [options] <NAME|XID|-> <TAG> [ARG]\n"
	       "\n"
	       "Report what the running kernel offers. NAME or XID selects a guest for the\n"
	       "guest-specific tags; '-' means none.\n"
	       "\n"
	       "Tags:\n"
	       "  APIVER          print the kernel's vserver interface version (0x00020308)\n"
	       "  VCI             print the kernel's configuration bits\n"
	       "  FEATURE NAME    exit 0 if util-vserver would use feature NAME, 1 if not;\n"
	       "                  FEATURE without NAME lists the feature names\n"
	       "  SYSINFO         print the kernel, interface version, bits and features\n"
	       "\n"
	       "Options:\n"
	       "  -q, --quiet     print nothing, answer with the exit status only\n"
	       "      --json      machine-readable output (SYSINFO, APIVER, VCI)\n"
	       "  -h, --help      display this help and exit\n"
	       "  -V, --version   display version and exit\n"
	       "\n"
	       "Exit status: 0 success (or the feature is there), 1 failure (or it is\n"
	       "not), 2 bad command line.\n",
	       program_invocation_short_name);
	exit(VS_EXIT_OK);
}

static int tag_apiver(void)
{
	int v = vc_get_version();

	if (v < 0) {
		vs_warn_syscall("cannot get the vserver interface version");
		return VS_EXIT_FAIL;
	}
	if (json)
		printf("{\"apiver\": \"0x%08x\"}\n", (unsigned int)v);
	else if (!quiet)
		printf("0x%08x\n", (unsigned int)v);
	return VS_EXIT_OK;
}

static int tag_vci(void)
{
	int64_t vci = vc_get_vci();

	if (vci < 0) {
		vs_warn_syscall("cannot get the vserver configuration bits");
		return VS_EXIT_FAIL;
	}
	if (json)
		printf("{\"vci\": \"0x%08x\"}\n", (unsigned int)vci);
	else if (!quiet)
		printf("0x%08x\n", (unsigned int)vci);
	return VS_EXIT_OK;
}

static int tag_feature(const char *name)
{
	int r;
	unsigned int i;

	if (!name) {
		for (i = 0; vc_feature_name(i); i++)
			printf("%s\n", vc_feature_name(i));
		return VS_EXIT_OK;
	}
	if (vc_feature_check(name, 0, 0) < 0)
		vs_usage_error("unknown feature '%s' (FEATURE without a name lists them)", name);
	r = vc_feature_supported(name);
	if (r < 0) {
		vs_warn_syscall("cannot query the kernel");
		return VS_EXIT_FAIL;
	}
	return r ? VS_EXIT_OK : VS_EXIT_FAIL;
}

static int tag_sysinfo(void)
{
	struct utsname u;
	int v = vc_get_version();
	int64_t vci;
	unsigned int i;

	if (v < 0) {
		vs_warn_syscall("cannot get the vserver interface version");
		return VS_EXIT_FAIL;
	}
	vci = vc_get_vci();
	if (vci < 0) {
		vs_warn_syscall("cannot get the vserver configuration bits");
		return VS_EXIT_FAIL;
	}
	if (uname(&u) < 0) {
		vs_warn("cannot get the kernel release: %m");
		return VS_EXIT_FAIL;
	}
	if (quiet)
		return VS_EXIT_OK;
	if (json) {
		printf("{\"kernel\": ");
		vs_json_string(stdout, u.release);
		printf(", \"apiver\": \"0x%08x\", \"vci\": \"0x%08x\", \"features\": [",
		       (unsigned int)v, (unsigned int)vci);
		for (i = 0; vc_feature_name(i); i++) {
			if (vc_feature_check(vc_feature_name(i), v, (uint32_t)vci) != 1)
				continue;
			printf("%s\"%s\"", i ? ", " : "", vc_feature_name(i));
		}
		printf("]}\n");
		return VS_EXIT_OK;
	}
	printf("Kernel:      %s\n", u.release);
	printf("VS-API:      0x%08x (%d.%d.%d)\n", (unsigned int)v, v >> 16,
	       (v >> 8) & 0xff, v & 0xff);
	printf("VCI:         0x%08x\n", (unsigned int)vci);
	printf("Features:   ");
	for (i = 0; vc_feature_name(i); i++)
		if (vc_feature_check(vc_feature_name(i), v, (uint32_t)vci) == 1)
			printf(" %s", vc_feature_name(i));
	printf("\n");
	return VS_EXIT_OK;
}

int main(int argc, char *argv[])
{
	enum { OPT_JSON = 256 };
	static const struct option longopts[] = {
		{ "quiet", no_argument, NULL, 'q' },
		{ "json", no_argument, NULL, OPT_JSON },
		{ "help", no_argument, NULL, 'h' },
		{ "version", no_argument, NULL, 'V' },
		{ NULL, 0, NULL, 0 },
	};
	const char *tag;
	int c;

	while ((c = getopt_long(argc, argv, "+qhV", longopts, NULL)) != -1) {
		switch (c) {
		case 'q':
			quiet = true;
			break;
		case OPT_JSON:
			json = true;
			break;
		case 'h':
			usage();
			break;
		default:
			vs_other_option(c);
		}
	}
	if (argc - optind < 2)
		vs_usage_error("expected <NAME|XID|-> <TAG>");
	tag = argv[optind + 1];
	if (strcmp(argv[optind], "-"))
		vs_usage_error("guest '%s': guest-specific tags are not available yet; use '-'",
			       argv[optind]);
	if (!strcasecmp(tag, "APIVER") && argc - optind == 2)
		return tag_apiver();
	if (!strcasecmp(tag, "VCI") && argc - optind == 2)
		return tag_vci();
	if (!strcasecmp(tag, "FEATURE") && argc - optind <= 3)
		return tag_feature(argv[optind + 2]);
	if (!strcasecmp(tag, "SYSINFO") && argc - optind == 2)
		return tag_sysinfo();
	vs_usage_error("unknown tag '%s' or wrong number of arguments", tag);
}
