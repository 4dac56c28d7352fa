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

#include <sys/resource.h>

#include <linux/vserver/inode.h>
#include <linux/vserver/limit.h>
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

/*
 * The hint after an ENOSYS. get_version is the one command every vserver
 * kernel answers: when it works, the patch is there and only @feature is
 * missing; when it fails too, the patch is absent or out of reach.
 */
static void enosys_hint(const char *feature)
{
	if (vc_get_version() >= 0) {
		if (feature)
			fprintf(stderr, "Hint: this kernel has the vserver patch, but no %s yet.\n",
				feature);
		else
			fprintf(stderr, "Hint: this kernel has the vserver patch, but not this "
					"command yet.\n");
		return;
	}
	fprintf(stderr,
		"Hint: this kernel does not have the vserver patch, or its vserver LSM is\n"
		"not enabled (add \"vserver\" to the lsm= boot parameter), or this task's\n"
		"context lacks CAP_CONTEXT.\n");
}

static void vwarn_syscall(const char *feature, const char *fmt, va_list ap)
{
	const int err = errno;
	char what[512];

	vsnprintf(what, sizeof(what), fmt, ap);
	vs_warn("%s: %s", what, strerror(err));
	if (err == ENOSYS)
		enosys_hint(feature);
	else if (err == EPERM)
		fprintf(stderr, "Hint: this command needs root on the host (xid 0).\n");
	errno = err;
}

void vs_warn_syscall(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vwarn_syscall(NULL, fmt, ap);
	va_end(ap);
}

void vs_warn_syscall_feature(const char *feature, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vwarn_syscall(feature, fmt, ap);
	va_end(ap);
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

void vs_other_option(int c)
{
	if (c != 'V')
		vs_try_help();
	vs_print_version();
	exit(VS_EXIT_OK);
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

int vs_parse_id(const char *s, int (*self_id)(pid_t), uint32_t *ret)
{
	unsigned long v;
	int id;

	if (s && !strcmp(s, "self")) {
		id = self_id(0);
		if (id < 0)
			return -1;
		*ret = (uint32_t)id;
		return 0;
	}
	if (vs_parse_uint(s, UINT32_MAX, &v) < 0) {
		errno = EINVAL;
		return -1;
	}
	*ret = (uint32_t)v;
	return 0;
}

uint32_t vs_id_arg(const char *s, int (*self_id)(pid_t), const char *what)
{
	uint32_t id;

	if (vs_parse_id(s, self_id, &id) == 0)
		return id;
	if (errno == EINVAL)
		vs_usage_error("invalid %s '%s': expected a number or 'self'", what, s);
	vs_warn_syscall("cannot find the %s of this process", what);
	exit(VS_EXIT_FAIL);
}

int vs_parse_xid(const char *s, uint32_t *ret)
{
	return vs_parse_id(s, vc_get_task_xid, ret);
}

uint32_t vs_xid_arg(const char *s)
{
	return vs_id_arg(s, vc_get_task_xid, "context");
}

static int digit_value(char c, unsigned int base)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (base == 16 && c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (base == 16 && c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

/* K and M count 1024s, k and m 1000s (util-vserver's vc_parseLimit). */
static uint64_t limit_unit(const char *suffix)
{
	if (!suffix[0])
		return 1;
	if (suffix[1])
		return 0;
	switch (suffix[0]) {
	case 'K':
		return 1024;
	case 'M':
		return 1024 * 1024;
	case 'k':
		return 1000;
	case 'm':
		return 1000 * 1000;
	}
	return 0;
}

int vs_parse_limit(const char *s, uint64_t *ret)
{
	unsigned int base = 10;
	uint64_t v = 0, unit;
	int d;

	if (!strcasecmp(s, "inf")) {
		*ret = CRLIM_INFINITY;
		return 0;
	}
	if (s[0] == '0' && (s[1] == 'x' || s[1] == 'X')) {
		base = 16;
		s += 2;
	}
	if (digit_value(*s, base) < 0)
		goto invalid;
	for (; (d = digit_value(*s, base)) >= 0; s++) {
		if (v > (UINT64_MAX - (uint64_t)d) / base)
			goto range;
		v = v * base + (uint64_t)d;
	}
	unit = limit_unit(s);
	if (!unit)
		goto invalid;
	/* CRLIM_KEEP and above are the kernel's special values */
	if (v > (CRLIM_KEEP - 1) / unit)
		goto range;
	*ret = v * unit;
	return 0;
invalid:
	errno = EINVAL;
	return -1;
range:
	errno = ERANGE;
	return -1;
}

/* clang-format off */
const struct vs_rlimit_name vs_rlimit_names[VS_RLIMIT_NAMES] = {
	{ "cpu", RLIMIT_CPU },		{ "fsize", RLIMIT_FSIZE },
	{ "data", RLIMIT_DATA },	{ "stack", RLIMIT_STACK },
	{ "core", RLIMIT_CORE },	{ "rss", RLIMIT_RSS },
	{ "nproc", RLIMIT_NPROC },	{ "nofile", RLIMIT_NOFILE },
	{ "memlock", RLIMIT_MEMLOCK },	{ "as", RLIMIT_AS },
	{ "locks", RLIMIT_LOCKS },	{ "msgqueue", RLIMIT_MSGQUEUE },
	{ "nsock", VLIMIT_NSOCK },	{ "openfd", VLIMIT_OPENFD },
	{ "anon", VLIMIT_ANON },	{ "shmem", VLIMIT_SHMEM },
	{ "semary", VLIMIT_SEMARY },	{ "nsems", VLIMIT_NSEMS },
	{ "dentry", VLIMIT_DENTRY },
};
/* clang-format on */

int vs_rlimit_id(const char *name)
{
	int i;

	for (i = 0; i < VS_RLIMIT_NAMES; i++)
		if (!strcasecmp(vs_rlimit_names[i].name, name))
			return vs_rlimit_names[i].id;
	return -1;
}

const char *vs_rlimit_name(int id)
{
	int i;

	for (i = 0; i < VS_RLIMIT_NAMES; i++)
		if (vs_rlimit_names[i].id == id)
			return vs_rlimit_names[i].name;
	return NULL;
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

/* clang-format off */
const struct vs_iattr_bit vs_iattr_bits[VS_IATTR_SHOWN] = {
	{ IATTR_ADMIN,		'a', "admin" },
	{ IATTR_WATCH,		'w', "watch" },
	{ IATTR_HIDE,		'h', "hide" },
	{ VS_IATTR_WRITE,	'm', "write" },
	{ IATTR_BARRIER,	'b', "barrier" },
	{ IATTR_IXUNLINK,	'u', "iunlink" },
	{ IATTR_IMMUTABLE,	'i', "immutable" },
	{ IATTR_COW,		'c', "cow" },
	{ IATTR_TAG,		'x', "tag" },
};
/* clang-format on */

const char *vs_iattr_string(uint32_t flags, uint32_t mask, char buf[VS_IATTR_SHOWN + 1])
{
	int i;

	for (i = 0; i < VS_IATTR_SHOWN; i++) {
		const struct vs_iattr_bit *b = &vs_iattr_bits[i];

		if (!(mask & b->bit))
			buf[i] = '-';
		else
			buf[i] = (flags & b->bit) ? (char)toupper(b->letter) : b->letter;
	}
	buf[VS_IATTR_SHOWN] = '\0';
	return buf;
}

const char *vs_iattr_names(uint32_t bits, char *buf, size_t size)
{
	size_t len = 0;
	int i;

	if (size)
		buf[0] = '\0';
	for (i = 0; i < VS_IATTR_SHOWN; i++) {
		if (!(bits & vs_iattr_bits[i].bit) || len >= size)
			continue;
		len += (size_t)snprintf(buf + len, size - len, "%s%s", len ? "," : "",
					vs_iattr_bits[i].name);
	}
	return buf;
}

struct walk {
	unsigned int flags;
	vs_walk_fn *fn;
	void *arg;
};

static int not_dot_or_dotdot(const struct dirent *e)
{
	return strcmp(e->d_name, ".") && strcmp(e->d_name, "..");
}

static int not_hidden(const struct dirent *e)
{
	return e->d_name[0] != '.';
}

/* "DIR/NAME", with DIR's trailing slashes dropped as util-vserver does; NULL after a message. */
static char *join_path(const char *dir, const char *name)
{
	size_t len = strlen(dir);
	char *p;

	while (len > 0 && dir[len - 1] == '/')
		len--;
	if (asprintf(&p, "%.*s/%s", (int)len, dir, name) < 0) {
		vs_warn("cannot walk %s: %m", dir);
		return NULL;
	}
	return p;
}

/* One entry of a directory: 0 done, 1 a subdirectory to walk later, -1 failed. */
static int walk_entry(const struct walk *w, const char *path, struct stat *st)
{
	if (lstat(path, st) < 0) {
		vs_warn("cannot access %s: %m", path);
		return -1;
	}
	if (S_ISDIR(st->st_mode) && (w->flags & VS_WALK_RECURSE))
		return 1;
	return w->fn(path, st, w->arg) < 0 ? -1 : 0;
}

static void free_dirents(struct dirent **ents, int n)
{
	int i;

	for (i = 0; i < n; i++)
		free(ents[i]);
	free(ents);
}

/*
 * The directory @path itself, then its entries; with VS_WALK_RECURSE the
 * subdirectories after the other entries, as util-vserver's -R does.
 */
static unsigned long walk_dir(const struct walk *w, const char *path, const struct stat *st)
{
	unsigned long failed = w->fn(path, st, w->arg) < 0;
	cleanup_free struct stat *sts = NULL;
	cleanup_free signed char *kind = NULL;
	struct dirent **ents = NULL;
	int n, i;

	n = scandir(path, &ents,
		    (w->flags & VS_WALK_DOTFILES) ? not_dot_or_dotdot : not_hidden, alphasort);
	if (n < 0) {
		vs_warn("cannot read the directory %s: %m", path);
		return failed + 1;
	}
	sts = calloc((size_t)n + 1, sizeof(*sts));
	kind = calloc((size_t)n + 1, sizeof(*kind));
	if (!sts || !kind) {
		vs_warn("cannot walk %s: %m", path);
		free_dirents(ents, n);
		return failed + 1;
	}
	for (i = 0; i < n; i++) {
		cleanup_free char *p = join_path(path, ents[i]->d_name);

		kind[i] = p ? walk_entry(w, p, &sts[i]) : -1;
		failed += kind[i] < 0;
	}
	for (i = 0; i < n; i++) {
		cleanup_free char *p = NULL;

		if (kind[i] != 1 || ((w->flags & VS_WALK_XDEV) && sts[i].st_dev != st->st_dev))
			continue;
		p = join_path(path, ents[i]->d_name);
		failed += p ? walk_dir(w, p, &sts[i]) : 1;
	}
	free_dirents(ents, n);
	return failed;
}

unsigned long vs_walk(const char *path, unsigned int flags, vs_walk_fn *fn, void *arg)
{
	const struct walk w = { flags, fn, arg };
	struct stat st;

	if (lstat(path, &st) < 0) {
		vs_warn("cannot access %s: %m", path);
		return 1;
	}
	if (!S_ISDIR(st.st_mode) || (flags & VS_WALK_DIR_ITSELF))
		return fn(path, &st, arg) < 0;
	return walk_dir(&w, path, &st);
}
