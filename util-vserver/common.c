// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * vserver tools - shared helpers
 *
 * Copyright (C) 2026 The vserver authors
 */
#include <ctype.h>
#include <errno.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <vserver.h>

#include "common.h"

#ifndef VS_TOOLS_VERSION
#define VS_TOOLS_VERSION "unknown"
#endif

void vs_warn(const char *fmt, ...)
{
	int saved = errno;
	va_list ap;

	fprintf(stderr, "%s: ", program_invocation_short_name);
	va_start(ap, fmt);
	errno = saved; /* for %m */
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	errno = saved;
}

void vs_warn_syscall(const char *fmt, ...)
{
	const int err = errno;
	char what[512];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(what, sizeof(what), fmt, ap);
	va_end(ap);
	vs_warn("%s: %s", what, strerror(err));
	if (err == ENOSYS)
		fprintf(stderr,
			"Hint: this kernel does not have the vserver patch, or its vserver LSM is\n"
			"not enabled (add \"vserver\" to the lsm= boot parameter), or this task's\n"
			"context lacks CAP_CONTEXT.\n");
	else if (err == EPERM)
		fprintf(stderr, "Hint: this command needs root on the host (xid 0).\n");
	errno = err;
}

void vs_usage_error(const char *fmt, ...)
{
	va_list ap;

	fprintf(stderr, "%s: ", program_invocation_short_name);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fprintf(stderr, "\nTry '%s --help' for more information.\n",
		program_invocation_short_name);
	exit(VS_EXIT_USAGE);
}

void vs_try_help(void)
{
	fprintf(stderr, "Try '%s --help' for more information.\n",
		program_invocation_short_name);
	exit(VS_EXIT_USAGE);
}

void vs_print_version(void)
{
	printf("%s (vserver tools) %s\n", program_invocation_short_name, VS_TOOLS_VERSION);
}

void vs_json_string(FILE *f, const char *s)
{
	fputc('"', f);
	for (; *s; s++) {
		unsigned char c = (unsigned char)*s;

		if (c == '"' || c == '\\')
			fprintf(f, "\\%c", c);
		else if (c < 0x20)
			fprintf(f, "\\u%04x", c);
		else
			fputc(c, f);
	}
	fputc('"', f);
}

int vs_parse_uint(const char *s, unsigned long max, unsigned long *ret)
{
	unsigned long v;
	char *end;

	if (!s || !isdigit((unsigned char)s[0])) {
		errno = EINVAL;
		return -1;
	}
	errno = 0;
	v = strtoul(s, &end, 10);
	if (*end) {
		errno = EINVAL;
		return -1;
	}
	if (errno == ERANGE || v > max) {
		errno = ERANGE;
		return -1;
	}
	*ret = v;
	return 0;
}

int vs_parse_xid(const char *s, uint32_t *ret)
{
	unsigned long v;
	int xid;

	if (s && !strcmp(s, "self")) {
		xid = vc_get_task_xid(0);
		if (xid < 0)
			return -1;
		*ret = (uint32_t)xid;
		return 0;
	}
	if (vs_parse_uint(s, UINT32_MAX, &v) < 0) {
		errno = EINVAL;
		return -1;
	}
	*ret = (uint32_t)v;
	return 0;
}

uint32_t vs_xid_arg(const char *s)
{
	uint32_t xid;

	if (vs_parse_xid(s, &xid) == 0)
		return xid;
	if (errno == EINVAL)
		vs_usage_error("invalid context '%s': expected a number or 'self'", s);
	vs_warn_syscall("cannot find the context of this process");
	exit(VS_EXIT_FAIL);
}

int vs_parse_signal(const char *s)
{
	unsigned long v;
	int sig;

	if (vs_parse_uint(s, NSIG - 1, &v) == 0)
		return (int)v;
	if (!strncasecmp(s, "SIG", 3))
		s += 3;
	for (sig = 1; sig < NSIG; sig++) {
		const char *name = sigabbrev_np(sig);

		if (name && !strcasecmp(name, s))
			return sig;
	}
	return -1;
}

const char *vs_signal_name(int sig, char *buf, size_t size)
{
	const char *name = sigabbrev_np(sig);

	if (name)
		snprintf(buf, size, "%s", name);
	else
		snprintf(buf, size, "%d", sig);
	return buf;
}

const char *vs_context_name(uint32_t xid, char *buf, size_t size)
{
	char name[VS_NAME_MAX + 1];
	const char *base;

	if (xid == 0)
		snprintf(buf, size, "MAIN");
	else if (xid == 1)
		snprintf(buf, size, "ALL_PROC");
	else if (vc_get_vhi_name(xid, VHIN_CONTEXT, name, sizeof(name)) < 0)
		snprintf(buf, size, "%s", "");
	else {
		/* "/etc/vservers/NAME" or "/etc/vservers/NAME/": NAME */
		size_t len = strlen(name);

		while (len > 1 && name[len - 1] == '/')
			name[--len] = '\0';
		base = strrchr(name, '/');
		snprintf(buf, size, "%s", base && base[1] ? base + 1 : name);
	}
	return buf;
}

int vs_enter_spectator(void)
{
	const int xid = vc_get_task_xid(0);

	if (xid < 0)
		return -1;
	if (xid == 1)
		return 0;
	return vc_ctx_migrate(1, 0) < 0 ? -1 : 0;
}

void vs_exec(char *const argv[])
{
	execvp(argv[0], argv);
	vs_warn("cannot execute %s: %m", argv[0]);
	exit(errno == ENOENT ? VS_EXIT_NOEXEC : VS_EXIT_EXEC);
}
