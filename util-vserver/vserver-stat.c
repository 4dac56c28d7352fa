// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * vserver-stat - the running contexts and their process counts
 *
 * util-vserver's vserver-stat for kernels >= 0x00020306 (ABI §6.4): move
 * to the spectator context, ask task_xid for every process in /proc and
 * count them per context. The memory and CPU columns of util-vserver need
 * commands this kernel lacks (virt_stat, rlimit_stat), so they are left
 * out.
 *
 * Copyright (C) 2026 The vserver authors
 */
#include <dirent.h>
#include <errno.h>
#include <getopt.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <vserver.h>

#include "common.h"

struct count {
	uint32_t xid;
	unsigned int procs;
};

struct counts {
	struct count *c;
	size_t n;
	size_t size;
};

static void __attribute__((noreturn)) usage(void)
{
	printf("Usage: %s [--json]\n"
	       "\n"
	       "Show the contexts that have processes: CTX (the xid), PROC (its processes)\n"
	       "and NAME (the last component of its context name, as vuname sets it).\n"
	       "The host (xid 0) is left out. Needs root on the host: it moves to the\n"
	       "spectator context, which sees every process.\n"
	       "\n"
	       "Options:\n"
	       "      --json      print a JSON array of {xid, procs, name}\n"
	       "  -h, --help      display this help and exit\n"
	       "  -V, --version   display version and exit\n"
	       "\n"
	       "Exit status: 0, 1 on failure, 2 for a bad command line.\n",
	       program_invocation_short_name);
	exit(VS_EXIT_OK);
}

/* Count one more process in context @xid; -1 without memory. */
static int count(struct counts *cs, uint32_t xid)
{
	struct count *bigger;
	size_t i;

	for (i = 0; i < cs->n; i++)
		if (cs->c[i].xid == xid) {
			cs->c[i].procs++;
			return 0;
		}
	if (cs->n == cs->size) {
		bigger = realloc(cs->c, (cs->size = cs->size * 2 + 16) * sizeof(*cs->c));
		if (!bigger)
			return -1;
		cs->c = bigger;
	}
	cs->c[cs->n++] = (struct count){ xid, 1 };
	return 0;
}

static bool is_pid(const char *name, pid_t *ret)
{
	unsigned long v;

	if (vs_parse_uint(name, INT32_MAX, &v) < 0 || v == 0)
		return false;
	*ret = (pid_t)v;
	return true;
}

/*
 * Walk /proc. A process that exits meanwhile (ESRCH) is not counted, and
 * neither is vserver-stat itself (it sits in the spectator context).
 */
static int walk_proc(struct counts *cs)
{
	cleanup_dir DIR *d = opendir("/proc");
	const struct dirent *e;
	pid_t pid;
	int xid;

	if (!d) {
		vs_warn("cannot open /proc: %m");
		return -1;
	}
	while ((errno = 0, e = readdir(d))) {
		if (!is_pid(e->d_name, &pid) || pid == getpid())
			continue;
		xid = vc_get_task_xid(pid);
		if (xid < 0 && errno == ESRCH)
			continue;
		if (xid < 0) {
			vs_warn_syscall("cannot get the context of process %d", pid);
			return -1;
		}
		if (xid != 0 && count(cs, (uint32_t)xid) < 0) {
			vs_warn("cannot count processes: %m");
			return -1;
		}
	}
	if (errno) {
		vs_warn("cannot read /proc: %m");
		return -1;
	}
	return 0;
}

static int by_xid(const void *a, const void *b)
{
	const struct count *x = a, *y = b;

	return (x->xid > y->xid) - (x->xid < y->xid);
}

static void print_table(const struct counts *cs)
{
	char name[VS_NAME_MAX + 1];
	size_t i;

	printf("CTX    PROC NAME\n");
	for (i = 0; i < cs->n; i++)
		printf("%-5u %5u %s\n", cs->c[i].xid, cs->c[i].procs,
		       vs_context_name(cs->c[i].xid, name, sizeof(name)));
}

static void print_json(const struct counts *cs)
{
	char name[VS_NAME_MAX + 1];
	size_t i;

	printf("[");
	for (i = 0; i < cs->n; i++) {
		printf("%s\n  {\"xid\": %u, \"procs\": %u, \"name\": ", i ? "," : "", cs->c[i].xid,
		       cs->c[i].procs);
		vs_json_string(stdout, vs_context_name(cs->c[i].xid, name, sizeof(name)));
		printf("}");
	}
	printf("%s]\n", cs->n ? "\n" : "");
}

int main(int argc, char *argv[])
{
	enum { OPT_JSON = 256 };
	static const struct option longopts[] = {
		{ "json", no_argument, NULL, OPT_JSON },
		{ "help", no_argument, NULL, 'h' },
		{ "version", no_argument, NULL, 'V' },
		{ NULL, 0, NULL, 0 },
	};
	struct counts cs = { NULL, 0, 0 };
	bool json = false;
	int c, ret;

	while ((c = getopt_long(argc, argv, "+hV", longopts, NULL)) != -1) {
		switch (c) {
		case OPT_JSON:
			json = true;
			break;
		case 'h':
			usage();
		default:
			vs_other_option(c);
		}
	}
	if (optind < argc)
		vs_usage_error("unexpected argument '%s'", argv[optind]);
	if (vs_enter_spectator() < 0) {
		vs_warn_syscall("cannot enter the spectator context");
		return VS_EXIT_FAIL;
	}
	ret = walk_proc(&cs);
	if (ret == 0) {
		if (cs.n)
			qsort(cs.c, cs.n, sizeof(*cs.c), by_xid);
		if (json)
			print_json(&cs);
		else
			print_table(&cs);
	}
	free(cs.c);
	return ret < 0 ? VS_EXIT_FAIL : VS_EXIT_OK;
}
