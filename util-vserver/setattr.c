// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * setattr - set or clear the vserver attributes of files: the chroot
 * barrier, immutable and immutable-but-unlinkable, copy on write, and the
 * /proc visibility flags
 *
 * util-vserver's setattr (ABI §6.4): one set_iattr per file, with the bits
 * to set as flags and the bits to change as mask. This kernel keeps only
 * the barrier (directories); it accepts the other bits and leaves them
 * alone, which setattr says in a warning.
 *
 * Copyright (C) 2026 The vserver authors
 */
#include <errno.h>
#include <getopt.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <linux/vserver/inode.h>
#include <vserver.h>

#include "common.h"

/*
 * The attribute options, util-vserver's: --NAME sets the bits, --~NAME and
 * --!NAME clear them. X(index, name, bits).
 */
#define ATTRIBUTES(X)                                                   \
	X(0, "barrier", IATTR_BARRIER)                                  \
	X(1, "iunlink", IATTR_IMMUTABLE | IATTR_IXUNLINK)               \
	X(2, "immu", IATTR_IMMUTABLE | IATTR_IXUNLINK)                  \
	X(3, "ixunlink", IATTR_IXUNLINK)                                \
	X(4, "iunlink-but-not-immutable", IATTR_IXUNLINK)               \
	X(5, "immutable", IATTR_IMMUTABLE)                              \
	X(6, "cow", IATTR_COW)                                          \
	X(7, "hide", IATTR_HIDE)                                        \
	X(8, "watch", IATTR_WATCH)                                      \
	X(9, "admin", IATTR_ADMIN)                                      \
	X(10, "write", VS_IATTR_WRITE)

#define ATTR_BITS(i, name, bits) [i] = (bits),
static const uint32_t attr_bits[] = { ATTRIBUTES(ATTR_BITS) };

#define N_ATTRS ((int)(sizeof(attr_bits) / sizeof(attr_bits[0])))

enum { OPT_SET = 256, OPT_CLEAR = OPT_SET + N_ATTRS };

#define ATTR_OPTIONS(i, name, bits)                             \
	{ name, no_argument, NULL, OPT_SET + (i) },             \
	{ "~" name, no_argument, NULL, OPT_CLEAR + (i) },       \
	{ "!" name, no_argument, NULL, OPT_CLEAR + (i) },

static const struct option longopts[] = {
	ATTRIBUTES(ATTR_OPTIONS)
	{ "help", no_argument, NULL, 'h' },
	{ "version", no_argument, NULL, 'V' },
	{ NULL, 0, NULL, 0 },
};

struct args {
	uint32_t set;	/* bits to set */
	uint32_t clear;	/* bits to clear; they win over set */
	unsigned int walk;
};

static void __attribute__((noreturn)) usage(void)
{
	printf("Usage: %s [-Rx] [--[~]ATTRIBUTE]... [--] FILE...\n"
	       "\n"
	       "Set or clear vserver attributes of each FILE (a directory itself, not\n"
	       "its entries, unless -R is given). --~ATTRIBUTE and --!ATTRIBUTE clear it;\n"
	       "an attribute both set and cleared is cleared.\n"
	       "\n"
	       "Attributes:\n"
	       "      --barrier          a directory guests cannot traverse (chroot barrier)\n"
	       "      --iunlink          immutable, but may be unlinked (alias --immu)\n"
	       "      --ixunlink         the unlink permission alone (alias\n"
	       "                         --iunlink-but-not-immutable)\n"
	       "      --immutable        immutable\n"
	       "      --cow              copy on write (regular files)\n"
	       "      --hide, --watch, --admin\n"
	       "                         /proc entries: hidden, except to the spectator\n"
	       "                         (watch) and the host (admin)\n"
	       "      --write            util-vserver's write bit (not used by the kernel)\n"
	       "\n"
	       "Options:\n"
	       "  -R                     recurse through directories\n"
	       "  -x                     with -R: stay on the filesystem of FILE\n"
	       "  -h, --help             display this help and exit\n"
	       "  -V, --version          display version and exit\n"
	       "\n"
	       "This kernel keeps only the barrier; it leaves the other attributes alone,\n"
	       "and setattr warns when it did.\n"
	       "\n"
	       "Exit status: 0, 1 when a FILE could not be changed, 2 for a bad command\n"
	       "line.\n",
	       program_invocation_short_name);
	exit(VS_EXIT_OK);
}

static void parse_args(struct args *a, int argc, char *argv[])
{
	bool recurse = false, xdev = false;
	int c;

	while ((c = getopt_long(argc, argv, "+RxhV", longopts, NULL)) != -1) {
		if (c >= OPT_SET && c < OPT_SET + N_ATTRS) {
			a->set |= attr_bits[c - OPT_SET];
			continue;
		}
		if (c >= OPT_CLEAR && c < OPT_CLEAR + N_ATTRS) {
			a->clear |= attr_bits[c - OPT_CLEAR];
			continue;
		}
		switch (c) {
		case 'R':
			recurse = true;
			break;
		case 'x':
			xdev = true;
			break;
		case 'h':
			usage();
		default:
			vs_other_option(c);
		}
	}
	if (!(a->set | a->clear))
		vs_usage_error("no attribute given, e.g. --barrier or --~barrier");
	if (optind >= argc)
		vs_usage_error("no file given");
	if (xdev && !recurse)
		vs_usage_error("-x goes with -R");
	/* As util-vserver: without -R a directory is changed itself. */
	a->walk = recurse ? VS_WALK_RECURSE | VS_WALK_DOTFILES : VS_WALK_DIR_ITSELF;
	if (xdev)
		a->walk |= VS_WALK_XDEV;
}

/*
 * The kernel answers 0 for attributes it does not keep on this inode
 * (ABI §3.3, set_iattr): say which of the requested ones it left alone.
 */
static void warn_unsupported(const char *path, uint32_t mask)
{
	struct vc_iattr now;
	char names[128];

	mask &= ~VS_IATTR_WRITE;
	if (!mask || vc_get_iattr(path, &now) < 0 || !(mask & ~now.mask))
		return;
	vs_warn("warning: %s: this kernel does not keep %s there; left unchanged", path,
		vs_iattr_names(mask & ~now.mask, names, sizeof(names)));
}

static int set_one(const char *path, const struct stat *st, void *arg)
{
	const struct args *a = arg;
	const uint32_t mask = a->set | a->clear;

	if (vc_set_iattr(path, a->set & ~a->clear, mask) == 0) {
		warn_unsupported(path, mask);
		return 0;
	}
	vs_warn_syscall("cannot set the attributes of %s", path);
	if (errno == ENOSYS)
		exit(VS_EXIT_FAIL);	/* so will every other file */
	if (errno == EINVAL && (mask & IATTR_BARRIER) && !S_ISDIR(st->st_mode))
		fprintf(stderr, "Hint: only a directory can be a barrier.\n");
	return -1;
}

int main(int argc, char *argv[])
{
	struct args a = { .set = 0 };
	unsigned long failed = 0;
	int i;

	parse_args(&a, argc, argv);
	for (i = optind; i < argc; i++)
		failed += vs_walk(argv[i], a.walk, set_one, &a);
	return failed ? VS_EXIT_FAIL : VS_EXIT_OK;
}
