// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * showattr - show the vserver attributes of files
 *
 * util-vserver's showattr (ABI §6.4): one get_iattr per file, printed as 9
 * characters, one per attribute (upper case set, lower case supported but
 * clear, '-' not supported), then the file name. Without -d a directory is
 * listed: itself, then its entries.
 *
 * Copyright (C) 2026 The vserver authors
 */
#include <errno.h>
#include <getopt.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>

#include <linux/vserver/inode.h>
#include <vserver.h>

#include "common.h"

struct args {
	unsigned int walk;
	bool json;
	unsigned long shown;	/* --json: objects printed so far */
};

static void __attribute__((noreturn)) usage(void)
{
	printf("Usage: %s [-Radx] [--json] [--] [FILE]...\n"
	       "\n"
	       "Show the vserver attributes of each FILE, or of the entries of the\n"
	       "current directory: 9 characters, then the name. The characters stand\n"
	       "for admin, watch, hide, write, barrier, iunlink, immutable, cow and tag\n"
	       "(awhmbuicx): upper case when set, lower case when supported but clear,\n"
	       "'-' when the kernel does not support it on that file.\n"
	       "\n"
	       "Options:\n"
	       "  -d                     show a directory itself, not its entries\n"
	       "  -a                     show entries whose name starts with '.' too\n"
	       "  -R                     recurse through directories\n"
	       "  -x                     with -R: stay on the filesystem of FILE\n"
	       "      --json             print a JSON array of {name, attributes, set,\n"
	       "                         supported[, tag]}\n"
	       "  -h, --help             display this help and exit\n"
	       "  -V, --version          display version and exit\n"
	       "\n"
	       "Exit status: 0, 1 when a FILE could not be read, 2 for a bad command\n"
	       "line.\n",
	       program_invocation_short_name);
	exit(VS_EXIT_OK);
}

static void parse_args(struct args *a, int argc, char *argv[])
{
	enum { OPT_JSON = 256 };
	static const struct option longopts[] = {
		{ "json", no_argument, NULL, OPT_JSON },
		{ "help", no_argument, NULL, 'h' },
		{ "version", no_argument, NULL, 'V' },
		{ NULL, 0, NULL, 0 },
	};
	bool recurse = false;
	int c;

	while ((c = getopt_long(argc, argv, "+RadxhV", longopts, NULL)) != -1) {
		switch (c) {
		case 'R':
			recurse = true;
			a->walk |= VS_WALK_RECURSE;
			break;
		case 'a':
			a->walk |= VS_WALK_DOTFILES;
			break;
		case 'd':
			a->walk |= VS_WALK_DIR_ITSELF;
			break;
		case 'x':
			a->walk |= VS_WALK_XDEV;
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
	if ((a->walk & VS_WALK_XDEV) && !recurse)
		vs_usage_error("-x goes with -R");
	if (recurse && (a->walk & VS_WALK_DIR_ITSELF))
		vs_usage_error("-R and -d exclude each other");
}

/* "a", "b" for the bits of @bits vs_iattr_bits knows. */
static void json_names(uint32_t bits)
{
	bool first = true;
	int i;

	putchar('[');
	for (i = 0; i < VS_IATTR_SHOWN; i++) {
		if (!(bits & vs_iattr_bits[i].bit))
			continue;
		printf("%s", first ? "" : ", ");
		vs_json_string(stdout, vs_iattr_bits[i].name);
		first = false;
	}
	putchar(']');
}

static void print_json(struct args *a, const char *path, const struct vc_iattr *at,
		       const char *text)
{
	printf("%s\n  {\"name\": ", a->shown++ ? "," : "[");
	vs_json_string(stdout, path);
	printf(", \"attributes\": \"%s\", \"set\": ", text);
	json_names(at->flags & at->mask);
	printf(", \"supported\": ");
	json_names(at->mask);
	if (at->mask & IATTR_TAG)
		printf(", \"tag\": %u", at->tag);
	putchar('}');
}

static int show_one(const char *path, const struct stat *st, void *arg)
{
	struct args *a = arg;
	char text[VS_IATTR_SHOWN + 1];
	struct vc_iattr at;

	(void)st;
	if (vc_get_iattr(path, &at) < 0) {
		fflush(stdout);
		vs_warn_syscall("cannot get the attributes of %s", path);
		if (errno == ENOSYS)
			exit(VS_EXIT_FAIL);	/* so will every other file */
		return -1;
	}
	vs_iattr_string(at.flags, at.mask, text);
	if (a->json)
		print_json(a, path, &at, text);
	else
		printf("%s %s\n", text, path);
	return 0;
}

int main(int argc, char *argv[])
{
	struct args a = { .walk = 0 };
	unsigned long failed = 0;
	int i;

	parse_args(&a, argc, argv);
	if (optind >= argc)
		failed = vs_walk(".", a.walk, show_one, &a);
	for (i = optind; i < argc; i++)
		failed += vs_walk(argv[i], a.walk, show_one, &a);
	if (a.json)
		printf("%s]\n", a.shown ? "\n" : "[");
	return failed ? VS_EXIT_FAIL : VS_EXIT_OK;
}
