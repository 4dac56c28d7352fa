// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * vserver-autostart - start or stop the guests of one or more groups
 *
 * A guest belongs to the group named in its apps/init/mark (ABI §7). At
 * boot, vservers-default.service runs "vserver-autostart start default";
 * at shutdown "vserver-autostart stop default". Each guest is started or
 * stopped by the vserver command itself ("vserver NAME start"), so that
 * this tool needs no privileges and no kernel and knows nothing of how a
 * guest starts. This is util-vserver's start-vservers, without its shell.
 *
 * Copyright (C) 2026 The vserver authors
 */
#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <signal.h>
#include <spawn.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "common.h"
#include "config.h"

#define DEFAULT_ROOT "/etc/vservers"
#define DEFAULT_GROUP "default"
#define PARALLEL_MAX 1024

extern char **environ;

struct args {
	bool stop;
	bool dry_run;
	unsigned long parallel;	/* at most this many vserver commands at once */
	const char *root;	/* VSERVER_CONFDIR or /etc/vservers */
	const char *cmd;	/* VSERVER_CMD or "vserver" (found on PATH) */
	char **groups;
	int n_groups;
};

/* The guests of the configuration root, by name. */
struct guests {
	char **name;
	char **mark;		/* NULL where the configuration did not load */
	size_t n;
};

/* One vserver command running. */
struct job {
	const char *name;
	pid_t pid;
};

static void __attribute__((noreturn)) usage(void)
{
	printf("Usage: %s [options] start|stop [GROUP]...\n"
	       "\n"
	       "Start (or stop) every guest whose apps/init/mark is GROUP, with\n"
	       "'vserver NAME start' ('vserver NAME stop'). Without GROUP: the group\n"
	       "'default'. Groups are taken in the order given, the guests of a group\n"
	       "in the order of their names; stop takes them in the reverse order.\n"
	       "\n"
	       "Options:\n"
	       "  -n, --dry-run         print the commands, run none\n"
	       "  -j, --parallel N      run up to N commands at once (default 1)\n"
	       "  -h, --help            display this help and exit\n"
	       "  -V, --version         display version and exit\n"
	       "\n"
	       "Environment: VSERVER_CONFDIR, the configuration root (default\n"
	       "/etc/vservers); VSERVER_CMD, the vserver command (default: vserver,\n"
	       "found on PATH).\n"
	       "\n"
	       "Exit status: 0 when every guest started (stopped), 1 when one failed\n"
	       "or a guest's configuration could not be read, 2 for a bad command line.\n",
	       program_invocation_short_name);
	exit(VS_EXIT_OK);
}

static const char *env_or(const char *var, const char *def)
{
	const char *v = getenv(var);

	return v && v[0] ? v : def;
}

static void parse_args(struct args *a, int argc, char *argv[])
{
	static const struct option longopts[] = {
		{ "dry-run", no_argument, NULL, 'n' },
		{ "parallel", required_argument, NULL, 'j' },
		{ "help", no_argument, NULL, 'h' },
		{ "version", no_argument, NULL, 'V' },
		{ NULL, 0, NULL, 0 },
	};
	static char *default_group[] = { DEFAULT_GROUP };
	int c, i;

	while ((c = getopt_long(argc, argv, "nj:hV", longopts, NULL)) != -1) {
		switch (c) {
		case 'n':
			a->dry_run = true;
			break;
		case 'j':
			if (vs_parse_uint(optarg, PARALLEL_MAX, &a->parallel) < 0 || !a->parallel)
				vs_usage_error("--parallel '%s': expected a number in 1..%d", optarg,
					       PARALLEL_MAX);
			break;
		case 'h':
			usage();
		default:
			vs_other_option(c);
		}
	}
	if (optind >= argc)
		vs_usage_error("no action given: expected start or stop");
	if (strcmp(argv[optind], "start") && strcmp(argv[optind], "stop"))
		vs_usage_error("unknown action '%s': expected start or stop", argv[optind]);
	a->stop = !strcmp(argv[optind++], "stop");
	a->groups = optind < argc ? argv + optind : default_group;
	a->n_groups = optind < argc ? argc - optind : 1;
	/* "" would select every guest without a mark: never meant. */
	for (i = 0; i < a->n_groups; i++)
		if (!a->groups[i][0])
			vs_usage_error("empty group name");
}

/* A guest is a directory (or a symlink to one) not starting with '.'. */
static bool is_guest(int dirfd, const struct dirent *d)
{
	struct stat st;

	if (d->d_name[0] == '.')
		return false;
	return fstatat(dirfd, d->d_name, &st, 0) == 0 && S_ISDIR(st.st_mode);
}

static void guests_free(struct guests *g)
{
	size_t i;

	for (i = 0; i < g->n; i++) {
		free(g->name[i]);
		if (g->mark)
			free(g->mark[i]);
	}
	free(g->name);
	free(g->mark);
}

#define cleanup_guests __attribute__((cleanup(guests_free)))

static int by_name(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/*
 * The names of the guests under @root, sorted with strcmp() (the order
 * does not depend on the locale). A missing root has no guests. Returns 0,
 * or -1 after a message.
 */
static int list_guests(const char *root, struct guests *g)
{
	cleanup_dir DIR *dir = opendir(root);
	struct dirent *d;
	size_t cap = 0;

	if (!dir) {
		if (errno == ENOENT)
			return 0;
		vs_warn("cannot open %s: %m", root);
		return -1;
	}
	while ((errno = 0, d = readdir(dir))) {
		if (!is_guest(dirfd(dir), d))
			continue;
		if (g->n == cap) {
			char **more = reallocarray(g->name, cap ? 2 * cap : 16, sizeof(*more));

			if (!more)
				return vs_warn("out of memory"), -1;
			g->name = more;
			cap = cap ? 2 * cap : 16;
		}
		g->name[g->n] = strdup(d->d_name);
		if (!g->name[g->n++])
			return vs_warn("out of memory"), -1;
	}
	if (errno)
		return vs_warn("cannot read %s: %m", root), -1;
	qsort(g->name, g->n, sizeof(*g->name), by_name);
	return 0;
}

/*
 * Read each guest's mark. A guest whose configuration does not load is
 * named with the reason and left out: its group cannot be known, and
 * "vserver NAME start" would refuse it as well. Returns the number of
 * those guests, or -1 after a message when memory ran out.
 */
static int read_marks(const char *root, struct guests *g)
{
	struct vs_config_error err;
	struct vs_config *c;
	int bad = 0;
	size_t i;

	g->mark = calloc(g->n ? g->n : 1, sizeof(*g->mark));
	if (!g->mark)
		return vs_warn("out of memory"), -1;
	for (i = 0; i < g->n; i++) {
		if (vs_config_load(root, g->name[i], &c, &err) < 0) {
			vs_warn("guest '%s' skipped: %s", g->name[i], err.msg[0] ? err.msg :
				strerror(errno));
			bad++;
			continue;
		}
		g->mark[i] = strdup(c->init.mark);
		vs_config_free(c);
		if (!g->mark[i])
			return vs_warn("out of memory"), -1;
	}
	return bad;
}

static bool seen_before(const struct args *a, int i)
{
	int j;

	for (j = 0; j < i; j++)
		if (!strcmp(a->groups[j], a->groups[i]))
			return true;
	return false;
}

/*
 * The guests to act on, in start order: group by group as given (a group
 * named twice counts once), each group's guests by name. Returns their
 * count; @plan holds g->n entries.
 */
static size_t make_plan(const struct args *a, const struct guests *g, const char **plan)
{
	size_t i, n = 0;
	int k;

	for (k = 0; k < a->n_groups; k++) {
		if (seen_before(a, k))
			continue;
		for (i = 0; i < g->n; i++)
			if (g->mark[i] && !strcmp(g->mark[i], a->groups[k]))
				plan[n++] = g->name[i];
	}
	return n;
}

static pid_t spawn(const struct args *a, const char *name)
{
	char *argv[] = { (char *)a->cmd, (char *)name, a->stop ? "stop" : "start", NULL };
	pid_t pid;
	int e;

	fflush(stdout); /* or the child's output comes before ours */
	e = posix_spawnp(&pid, a->cmd, NULL, NULL, argv, environ);
	if (e) {
		errno = e;
		return -1;
	}
	return pid;
}

/*
 * Finish a progress line: " ok", or " failed (why)" for a wait @status,
 * or for a command that could not be run or waited for (@status -1, @err
 * its errno).
 */
static bool print_result(const struct args *a, int status, int err)
{
	char sig[16];

	if (status != -1 && WIFEXITED(status) && WEXITSTATUS(status) == 0) {
		printf(" ok\n");
		return true;
	}
	if (status == -1)
		printf(" failed (cannot run %s: %s)\n", a->cmd, strerror(err));
	else if (WIFEXITED(status))
		printf(" failed (exit status %d)\n", WEXITSTATUS(status));
	else
		printf(" failed (killed by SIG%s)\n",
		       vs_signal_name(WTERMSIG(status), sig, sizeof(sig)));
	return false;
}

static const char *verb(const struct args *a)
{
	return a->stop ? "Stopping" : "Starting";
}

/*
 * Run one command at a time. The progress line is written in two parts,
 * so that a guest that hangs is named while it does.
 */
static int run_serial(const struct args *a, const char *const *plan, size_t n)
{
	int failed = 0, status, err;
	pid_t pid, r;
	size_t i;

	for (i = 0; i < n; i++) {
		printf("%s guest %s...", verb(a), plan[i]);
		fflush(stdout);
		pid = spawn(a, plan[i]);
		status = -1;
		err = errno;
		if (pid > 0) {
			do
				r = waitpid(pid, &status, 0);
			while (r < 0 && errno == EINTR);
			err = errno;
			if (r < 0)
				status = -1;
		}
		failed += !print_result(a, status, err);
		fflush(stdout);
	}
	return failed;
}

/* Wait for one of @jobs, report it and take it off the list. */
static int reap_one(const struct args *a, struct job *jobs, size_t *n_jobs)
{
	int status = 0, err, failed = 0;
	size_t i;
	pid_t pid;

	do
		pid = wait(&status);
	while (pid < 0 && errno == EINTR);
	err = errno;
	if (pid < 0) {	/* ECHILD: cannot happen, but never loop on it */
		for (i = 0; i < *n_jobs; i++) {
			printf("%s guest %s...", verb(a), jobs[i].name);
			failed += !print_result(a, -1, err);
		}
		*n_jobs = 0;
		return failed;
	}
	for (i = 0; i < *n_jobs && jobs[i].pid != pid; i++)
		;
	if (i == *n_jobs)	/* not one of ours: there are no others */
		return 0;
	printf("%s guest %s...", verb(a), jobs[i].name);
	jobs[i] = jobs[--*n_jobs];
	return !print_result(a, status, 0);
}

/*
 * Up to a->parallel commands at once. Each progress line is written whole
 * when its command ends, so that lines of different guests do not mix.
 */
static int run_parallel(const struct args *a, const char *const *plan, size_t n)
{
	cleanup_free struct job *jobs = calloc(a->parallel, sizeof(*jobs));
	size_t i, n_jobs = 0;
	int failed = 0;

	if (!jobs)
		return vs_warn("out of memory"), (int)n;
	for (i = 0; i < n; i++) {
		if (n_jobs == a->parallel)
			failed += reap_one(a, jobs, &n_jobs);
		jobs[n_jobs].name = plan[i];
		jobs[n_jobs].pid = spawn(a, plan[i]);
		if (jobs[n_jobs].pid < 0) {
			const int err = errno;

			printf("%s guest %s...", verb(a), plan[i]);
			failed += !print_result(a, -1, err);
			continue;
		}
		n_jobs++;
	}
	while (n_jobs)
		failed += reap_one(a, jobs, &n_jobs);
	fflush(stdout);
	return failed;
}

/* Stop in the reverse order of start: what started first stops last. */
static void reverse(const char **plan, size_t n)
{
	size_t i;

	for (i = 0; i < n / 2; i++) {
		const char *t = plan[i];

		plan[i] = plan[n - 1 - i];
		plan[n - 1 - i] = t;
	}
}

static void print_commands(const struct args *a, const char *const *plan, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		printf("%s %s %s\n", a->cmd, plan[i], a->stop ? "stop" : "start");
}

int main(int argc, char *argv[])
{
	struct args a = { .parallel = 1 };
	cleanup_guests struct guests g = { 0 };
	cleanup_free const char **plan = NULL;
	size_t n;
	int failed;

	parse_args(&a, argc, argv);
	a.root = env_or("VSERVER_CONFDIR", DEFAULT_ROOT);
	a.cmd = env_or("VSERVER_CMD", "vserver");
	if (list_guests(a.root, &g) < 0)
		return VS_EXIT_FAIL;
	failed = read_marks(a.root, &g);
	if (failed < 0)
		return VS_EXIT_FAIL;
	plan = calloc(g.n ? g.n : 1, sizeof(*plan));
	if (!plan)
		return vs_warn("out of memory"), VS_EXIT_FAIL;
	n = make_plan(&a, &g, plan);
	if (a.stop)
		reverse(plan, n);
	if (a.dry_run)
		print_commands(&a, plan, n);
	else if (a.parallel > 1)
		failed += run_parallel(&a, plan, n);
	else
		failed += run_serial(&a, plan, n);
	return failed ? VS_EXIT_FAIL : VS_EXIT_OK;
}
