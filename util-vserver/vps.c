// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * vps - ps(1) with the context of each process
 *
 * util-vserver's vps (ABI §6.4): move to the spectator context, run ps
 * with the given arguments, and insert after its PID column the xid and the
 * name of each process's context. util-vserver's scripts find a guest's
 * processes with `vps axf | egrep "^ *[^ ]+ +XID "`, so the column comes
 * right after PID, as in util-vserver, not first.
 *
 * Copyright (C) 2026 The vserver authors
 */
#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include <vserver.h>

#include "common.h"

#define XID_WIDTH 5	  /* util-vserver's CTXNR_WIDTH */
#define NAME_WIDTH 14	  /* the name, so that the column is 20 wide */
#define MAX_CONTEXTS 256  /* names remembered */

/* One line of ps's output, split around its PID field. */
struct row {
	const char *text;
	size_t len;
	size_t pid_end;		/* offset just after the PID field */
	pid_t pid;		/* -1: a line without a process, shown as it is */
};

struct ps_output {
	char *buf;		/* all of it, lines NUL-terminated in place */
	struct row *rows;	/* rows[0] is the header */
	size_t n_rows;
	size_t col;		/* where the new column goes */
	size_t cmd_col;		/* where the command starts, 0 when unknown */
	pid_t ps_pid;
};

static void __attribute__((noreturn)) usage(void)
{
	printf("Usage: %s [--json] [--] [PS-ARGUMENT]...\n"
	       "\n"
	       "Run ps(1) with PS-ARGUMENTs in the spectator context, which sees every\n"
	       "process, and add after its PID column the context of each process: its\n"
	       "xid and name (MAIN for the host, ALL_PROC for the spectator, else the last\n"
	       "component of the context's name, as vuname sets it). Every argument but\n"
	       "the options below, given first, goes to ps. Needs root on the host.\n"
	       "\n"
	       "Options:\n"
	       "      --json      print a JSON array of {pid, xid, context, cmd} instead\n"
	       "      --help      display this help and exit\n"
	       "      --version   display version and exit\n"
	       "\n"
	       "Exit status: ps's; 1 when vps itself fails, 127 when there is no ps.\n",
	       program_invocation_short_name);
	exit(VS_EXIT_OK);
}

/* --- running ps ---------------------------------------------------------- */

static char *read_all(int fd)
{
	size_t len = 0, size = 16384;
	cleanup_free char *buf = malloc(size);
	ssize_t n;

	while (buf) {
		if (len + 1 >= size) {
			char *bigger = realloc(buf, size *= 2);

			if (!bigger)
				return NULL;
			buf = bigger;
		}
		n = read(fd, buf + len, size - len - 1);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0) {
			if (n < 0)
				return NULL;
			buf[len] = '\0';
			return steal_ptr(&buf);
		}
		len += (size_t)n;
	}
	return NULL;
}

static void __attribute__((noreturn)) run_ps(int out, char *argv[])
{
	const int null = open("/dev/null", O_RDONLY | O_CLOEXEC);

	if (null < 0 || dup2(null, STDIN_FILENO) < 0 || dup2(out, STDOUT_FILENO) < 0) {
		vs_warn("cannot start ps: %m");
		_exit(VS_EXIT_FAIL);
	}
	argv[0] = "ps";
	execvp("ps", argv);
	vs_warn("cannot execute ps: %m");
	_exit(errno == ENOENT ? VS_EXIT_NOEXEC : VS_EXIT_EXEC);
}

/*
 * Run ps with @argv[1..] (argv[0] is overwritten), put its output in
 * @ps->buf and return its wait status, or -1 after a message.
 */
static int capture_ps(char *argv[], struct ps_output *ps)
{
	int p[2], status;

	fflush(stdout);
	if (pipe2(p, O_CLOEXEC) < 0 || (ps->ps_pid = fork()) < 0) {
		vs_warn("cannot start ps: %m");
		return -1;
	}
	if (ps->ps_pid == 0)
		run_ps(p[1], argv);
	close(p[1]);
	ps->buf = read_all(p[0]);
	close(p[0]);
	if (waitpid(ps->ps_pid, &status, 0) < 0 || !ps->buf) {
		vs_warn("cannot read the output of ps: %m");
		return -1;
	}
	return status;
}

/* --- parsing its output -------------------------------------------------- */

/* Offset and length of whitespace-separated field @i of @s, or -1. */
static int field(const char *s, int i, size_t *ret_off, size_t *ret_len)
{
	size_t p = 0, start;

	for (;;) {
		while (s[p] == ' ' || s[p] == '\t')
			p++;
		if (!s[p])
			return -1;
		start = p;
		while (s[p] && s[p] != ' ' && s[p] != '\t')
			p++;
		if (i-- == 0) {
			*ret_off = start;
			*ret_len = p - start;
			return 0;
		}
	}
}

/* Which field of the header is PID (not PPID, PGID...), or -1. */
static int pid_field(const char *header)
{
	size_t off, len;
	int i;

	for (i = 0; field(header, i, &off, &len) == 0; i++)
		if (len == 3 && !strncmp(header + off, "PID", 3))
			return i;
	return -1;
}

/* Where the command starts: the header's last field, if it names it. */
static size_t cmd_column(const char *header)
{
	static const char *const names[] = { "COMMAND", "CMD", "ARGS", "COMM" };
	size_t off = 0, len = 0, o, l;
	unsigned int i;
	int f;

	for (f = 0; field(header, f, &o, &l) == 0; f++) {
		off = o;
		len = l;
	}
	for (i = 0; i < sizeof(names) / sizeof(names[0]); i++)
		if (len == strlen(names[i]) && !strncmp(header + off, names[i], len))
			return off;
	return 0;
}

static int parse_row(struct row *r, int pid_idx, bool header)
{
	size_t off, len;
	unsigned long pid;
	char num[16];

	r->len = strlen(r->text);
	if (field(r->text, pid_idx, &off, &len) < 0 || len >= sizeof(num))
		return -1;
	r->pid_end = off + len;
	if (header)
		return 0;
	snprintf(num, sizeof(num), "%.*s", (int)len, r->text + off);
	if (vs_parse_uint(num, INT32_MAX, &pid) < 0)
		return -1;
	r->pid = (pid_t)pid;
	return 0;
}

/* Split @ps->buf into rows; -1 when it does not look like ps's output. */
static int parse_output(struct ps_output *ps)
{
	size_t n = 0, i;
	char *p, *nl;
	int idx;

	for (p = ps->buf; *p; p++)
		n += *p == '\n';
	ps->rows = calloc(n + 1, sizeof(*ps->rows));
	if (!ps->rows)
		return -1;
	for (p = ps->buf; *p; p = nl + 1) {
		nl = strchrnul(p, '\n');
		ps->rows[ps->n_rows++].text = p;
		if (!*nl)
			break;
		*nl = '\0';
	}
	idx = ps->n_rows ? pid_field(ps->rows[0].text) : -1;
	if (idx < 0)
		return -1;
	for (i = 0; i < ps->n_rows; i++) {
		if (parse_row(&ps->rows[i], idx, i == 0) < 0) {
			if (i == 0)
				return -1;
			ps->rows[i].pid = -1;
			continue;
		}
		if (ps->rows[i].pid_end > ps->col)
			ps->col = ps->rows[i].pid_end;
	}
	ps->cmd_col = cmd_column(ps->rows[0].text);
	return 0;
}

/* --- contexts ------------------------------------------------------------ */

struct ctx_name {
	int xid;
	char name[VS_NAME_MAX + 1];
};

static struct ctx_name names[MAX_CONTEXTS];
static size_t n_names;

/* The context of @pid: -1 when it cannot be told (the process is gone). */
static int xid_of(const struct ps_output *ps, pid_t pid)
{
	/* ps itself has exited by now; it ran where vps runs. */
	return vc_get_task_xid(pid == ps->ps_pid ? 0 : pid);
}

static const char *name_of(int xid)
{
	static char buf[VS_NAME_MAX + 1];
	size_t i;

	if (xid < 0)
		return "";
	for (i = 0; i < n_names; i++)
		if (names[i].xid == xid)
			return names[i].name;
	if (n_names == MAX_CONTEXTS)
		return vs_context_name((uint32_t)xid, buf, sizeof(buf));
	names[n_names].xid = xid;
	return vs_context_name((uint32_t)xid, names[n_names++].name, sizeof(names[0].name));
}

/* --- output -------------------------------------------------------------- */

/* Where to insert on row @r: after its PID, over spaces up to the column. */
static size_t insert_at(const struct ps_output *ps, const struct row *r)
{
	size_t p = r->pid_end;

	while (p < ps->col && r->text[p] == ' ')
		p++;
	return p;
}

static void print_row(const struct ps_output *ps, const struct row *r, bool header)
{
	const size_t at = insert_at(ps, r);
	char num[16];
	int xid = 0;

	if (!header && r->pid < 0) {
		puts(r->text);
		return;
	}
	if (!header)
		xid = xid_of(ps, r->pid);
	if (header)
		snprintf(num, sizeof(num), "XID");
	else if (xid < 0)
		snprintf(num, sizeof(num), "ERR");
	else
		snprintf(num, sizeof(num), "%d", xid);
	printf("%.*s %*s %-*s%s\n", (int)at, r->text, XID_WIDTH, num, NAME_WIDTH,
	       header ? "CONTEXT" : name_of(xid), r->text + at);
}

static void print_text(const struct ps_output *ps)
{
	size_t i;

	for (i = 0; i < ps->n_rows; i++)
		print_row(ps, &ps->rows[i], i == 0);
}

static const char *cmd_of(const struct ps_output *ps, const struct row *r)
{
	const char *s = r->text + r->pid_end;

	if (ps->cmd_col && ps->cmd_col < r->len)
		s = r->text + ps->cmd_col;
	while (*s == ' ' || *s == '\t')
		s++;
	return s;
}

static void print_json(const struct ps_output *ps)
{
	size_t i;

	bool first = true;

	printf("[");
	for (i = 1; i < ps->n_rows; i++) {
		const struct row *r = &ps->rows[i];
		int xid;

		if (r->pid < 0)
			continue;
		xid = xid_of(ps, r->pid);
		printf("%s\n  {\"pid\": %d, \"xid\": ", first ? "" : ",", r->pid);
		first = false;
		if (xid < 0)
			printf("null");
		else
			printf("%d", xid);
		printf(", \"context\": ");
		vs_json_string(stdout, name_of(xid));
		printf(", \"cmd\": ");
		vs_json_string(stdout, cmd_of(ps, r));
		printf("}");
	}
	printf("%s]\n", first ? "" : "\n");
}

/* --- main ---------------------------------------------------------------- */

/* ps's exit status, as vps's. */
static int exit_like(int status)
{
	if (WIFEXITED(status))
		return WEXITSTATUS(status);
	return VS_EXIT_FAIL;
}

/* Our options come first; everything from the first other one is ps's. */
static int parse_args(int argc, char *argv[], bool *json)
{
	int i;

	for (i = 1; i < argc; i++) {
		if (!strcmp(argv[i], "--help"))
			usage();
		if (!strcmp(argv[i], "--version")) {
			vs_print_version();
			exit(VS_EXIT_OK);
		}
		if (!strcmp(argv[i], "--json"))
			*json = true;
		else if (!strcmp(argv[i], "--"))
			return i;
		else
			break;
	}
	return i - 1;
}

int main(int argc, char *argv[])
{
	struct ps_output ps = { 0 };
	bool json = false;
	const int skip = parse_args(argc, argv, &json);
	int status;

	if (vs_enter_spectator() < 0) {
		vs_warn_syscall("cannot enter the spectator context");
		return VS_EXIT_FAIL;
	}
	status = capture_ps(argv + skip, &ps);
	if (status < 0)
		return VS_EXIT_FAIL;
	if (parse_output(&ps) < 0) {
		if (status != 0)
			return exit_like(status); /* ps said why */
		vs_warn("cannot parse the output of ps: no PID column");
		return VS_EXIT_FAIL;
	}
	if (json)
		print_json(&ps);
	else
		print_text(&ps);
	free(ps.rows);
	free(ps.buf);
	return exit_like(status);
}
