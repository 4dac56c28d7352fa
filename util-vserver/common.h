/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * vserver tools - shared helpers: messages, exit codes, parsing
 *
 * Copyright (C) 2026 The vserver authors
 */
#ifndef VS_TOOLS_COMMON_H
#define VS_TOOLS_COMMON_H

#include <stdio.h>

/* Exit codes shared by every tool (documented in each man page). */
#define VS_EXIT_OK 0
#define VS_EXIT_FAIL 1	/* the operation failed, or the answer is "no" */
#define VS_EXIT_USAGE 2 /* bad command line */

#define VS_PRINTF(a, b) __attribute__((format(printf, a, b)))

/* "prog: message" on stderr; with %m as in printf(3) of glibc. */
void vs_warn(const char *fmt, ...) VS_PRINTF(1, 2);

/*
 * Report a failed vserver(2) call: the message, then a hint when errno says
 * the kernel lacks the patch (ENOSYS) or the caller lacks privileges.
 */
void vs_warn_syscall(const char *what);

/* "prog: message" + "Try 'prog --help'" and exit VS_EXIT_USAGE. */
void vs_usage_error(const char *fmt, ...) VS_PRINTF(1, 2) __attribute__((noreturn));

/* "Try 'prog --help'" and exit VS_EXIT_USAGE (getopt already said why). */
void vs_try_help(void) __attribute__((noreturn));

/* Write the version line of the tools. */
void vs_print_version(void);

/* Print @s as a JSON string literal (with quotes) to @f. */
void vs_json_string(FILE *f, const char *s);

#endif
