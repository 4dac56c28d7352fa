// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * vwait - wait until a context has ended
 *
 * util-vserver's vwait (ABI §6.3 step 3): `vserver NAME stop` starts it in
 * the background before it stops the guest, reads the status line it
 * writes to --status-fd, and kills the guest itself when vwait exits with
 * anything but 0 or 1. Those exit codes and the status words are therefore
 * util-vserver's.
 *
 * Copyright (C) 2026 The vserver authors
 */
#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <limits.h>
#include <signal.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <vserver.h>

#include "common.h"

/* util-vserver's exit codes, one per status word. */
#define EXIT_FINISHED 0
#define EXIT_KILLED 1
#define EXIT_TIMEOUT 2
#define EXIT_ERROR 127

struct args {
	unsigned long timeout; /* seconds, 0 for none */
	bool terminate;
	int status_fd;	       /* -1: stdout */
	uint32_t xid;
};

static void __attribute__((noreturn)) usage(void)
{
	printf("Usage: %s [--timeout SECONDS] [--terminate] [--status-fd FD] [--] XID\n"
	       "\n"
	       "Wait until context XID has ended, then write one status line:\n"
	       "  FINISHED CODE   it ended; CODE is the exit status of its last process\n"
	       "                  (128 + N when signal N killed it)\n"
	       "  TIMEOUT         --timeout passed first\n"
	       "  KILLED          --timeout passed and --terminate killed it\n"
	       "  ERROR ERRNO     the kernel refused to wait (e.g. no such context)\n"
	       "\n"
	       "Options:\n"
	       "      --timeout SECONDS  give up after this long\n"
	       "      --terminate        on timeout, kill every process of the context\n"
	       "      --status-fd FD     write the status line to FD instead of stdout\n"
	       "  -h, --help             display this help and exit\n"
	       "  -V, --version          display version and exit\n"
	       "\n"
	       "Exit status (util-vserver's): 0 FINISHED, 1 KILLED, 2 TIMEOUT, 127 ERROR;\n"
	       "2 also for a bad command line.\n",
	       program_invocation_short_name);
	exit(VS_EXIT_OK);
}

static void on_alarm(int sig)
{
	(void)sig;
}

/*
 * With a timeout, SIGALRM interrupts wait_exit (EINTR: no SA_RESTART) once
 * a second, so that the loop can look at the clock. A tick that comes
 * before the call blocks is followed by the next one.
 */
static void start_ticks(void)
{
	const struct itimerval tick = { { 1, 0 }, { 1, 0 } };
	struct sigaction sa = { .sa_handler = on_alarm };

	sigemptyset(&sa.sa_mask);
	sigaction(SIGALRM, &sa, NULL);
	setitimer(ITIMER_REAL, &tick, NULL);
}

static void stop_ticks(void)
{
	const struct itimerval off = { { 0, 0 }, { 0, 0 } };

	setitimer(ITIMER_REAL, &off, NULL);
}

static time_t now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec;
}

/* The status of the last process, as a shell reports it. */
static int exit_status(int code)
{
	if (WIFSIGNALED(code))
		return 128 + WTERMSIG(code);
	return WEXITSTATUS(code);
}

static void __attribute__((format(printf, 2, 3)))
report(const struct args *a, const char *fmt, ...)
{
	const int fd = a->status_fd >= 0 ? a->status_fd : STDOUT_FILENO;
	va_list ap;

	va_start(ap, fmt);
	vdprintf(fd, fmt, ap);
	va_end(ap);
}

/* ABI §6.3: ctx_kill(XID, {1, SIGKILL}), then ctx_kill(XID, {0, SIGKILL}). */
static int terminate(const struct args *a)
{
	vc_ctx_kill(a->xid, 1, SIGKILL);
	vc_ctx_kill(a->xid, 0, SIGKILL);
	report(a, "KILLED\n");
	return EXIT_KILLED;
}

static int timed_out(const struct args *a)
{
	if (a->terminate)
		return terminate(a);
	report(a, "TIMEOUT\n");
	return EXIT_TIMEOUT;
}

static int wait_for(const struct args *a)
{
	const time_t end = now() + (time_t)a->timeout;
	struct vc_wait_exit w;
	int err;

	if (a->timeout)
		start_ticks();
	for (;;) {
		if (a->timeout && now() >= end) {
			stop_ticks();
			return timed_out(a);
		}
		if (vc_wait_exit(a->xid, &w) == 0)
			break;
		if (errno != EINTR && errno != EAGAIN) {
			err = errno;
			stop_ticks();
			vs_warn_syscall("cannot wait for context %u", a->xid);
			report(a, "ERROR %d\n", err);
			return EXIT_ERROR;
		}
	}
	stop_ticks();
	report(a, "FINISHED %d\n", exit_status(w.exit_code));
	return EXIT_FINISHED;
}

int main(int argc, char *argv[])
{
	static const struct option longopts[] = {
		{ "timeout", required_argument, NULL, 't' },
		{ "terminate", no_argument, NULL, 'T' },
		{ "status-fd", required_argument, NULL, 'f' },
		{ "help", no_argument, NULL, 'h' },
		{ "version", no_argument, NULL, 'V' },
		{ NULL, 0, NULL, 0 },
	};
	struct args a = { .status_fd = -1 };
	unsigned long v;
	int c;

	while ((c = getopt_long(argc, argv, "+hV", longopts, NULL)) != -1) {
		switch (c) {
		case 't':
			if (vs_parse_uint(optarg, UINT_MAX, &a.timeout) < 0)
				vs_usage_error("invalid timeout '%s': expected seconds", optarg);
			break;
		case 'T':
			a.terminate = true;
			break;
		case 'f':
			if (vs_parse_uint(optarg, INT_MAX, &v) < 0)
				vs_usage_error("invalid file descriptor '%s'", optarg);
			a.status_fd = (int)v;
			if (fcntl(a.status_fd, F_GETFD) < 0)
				vs_usage_error("--status-fd %d: %m", a.status_fd);
			break;
		case 'h':
			usage();
		default:
			vs_other_option(c);
		}
	}
	if (argc - optind != 1)
		vs_usage_error(optind == argc ? "no context given" : "more than one context given");
	a.xid = vs_xid_arg(argv[optind]);
	return wait_for(&a);
}
