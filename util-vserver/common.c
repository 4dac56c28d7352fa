// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * vserver tools - shared helpers
 *
 * Copyright (C) 2026 The vserver authors
 */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

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

void vs_warn_syscall(const char *what)
{
	int err = errno;

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
