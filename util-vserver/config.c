// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * vserver tools - reading a guest's configuration, /etc/vservers/NAME/
 *
 * The layout and its defaults are util-vserver's (ABI §7, and what its
 * vserver.functions and vlimit do with each file), so that an existing
 * /etc/vservers keeps working. Unlike util-vserver, which found most
 * mistakes half-way through a start, everything is checked here, before
 * anything is done, and the first bad value is reported with its file,
 * line and an explanation of what was expected.
 *
 * Copyright (C) 2026 The vserver authors
 */
#include <arpa/inet.h>
#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

#include "common.h"
#include "config.h"

/* --- resource management ------------------------------------------------- */

static void config_freep(struct vs_config **c)
{
	vs_config_free(*c);
}

#define cleanup_config __attribute__((cleanup(config_freep)))

/* --- where files are read from, and error reports ------------------------ */

/* No configuration file comes near this; anything larger is a mistake. */
#define FILE_MAX (1024 * 1024)

/* A directory to read files from: the guest's, or the root (.defaults/). */
struct src {
	int fd;
	const char *dir;
};

struct loader {
	struct src cfg;	/* ROOT/NAME */
	struct src top;	/* ROOT */
	struct vs_config *c;
	struct vs_config_error *err;
};

/*
 * Fill the error report, when the caller wants one, and fail with @errnum.
 * The message starts with @rel, so that it reads well on its own.
 */
static int vfail(const struct loader *ld, const struct src *s, const char *rel, int line,
		 const char *value, int errnum, const char *fmt, va_list ap)
{
	struct vs_config_error *e = ld->err;
	int n = 0;

	if (e) {
		if (rel)
			snprintf(e->file, sizeof(e->file), "%s/%s", s->dir, rel);
		else
			snprintf(e->file, sizeof(e->file), "%s", s->dir);
		e->line = line;
		snprintf(e->value, sizeof(e->value), "%s", value ? value : "");
		if (rel)
			n = snprintf(e->msg, sizeof(e->msg), "%s: ", rel);
		if (n >= 0 && (size_t)n < sizeof(e->msg))
			vsnprintf(e->msg + n, sizeof(e->msg) - (size_t)n, fmt, ap);
	}
	errno = errnum;
	return -1;
}

static int __attribute__((format(printf, 7, 8)))
fail(const struct loader *ld, const struct src *s, const char *rel, int line, const char *value,
     int errnum, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vfail(ld, s, rel, line, value, errnum, fmt, ap);
	va_end(ap);
	return -1;
}

/* Bad content in the guest's file @rel: EINVAL. */
static int __attribute__((format(printf, 5, 6)))
bad(const struct loader *ld, const char *rel, int line, const char *value, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vfail(ld, &ld->cfg, rel, line, value, EINVAL, fmt, ap);
	va_end(ap);
	return -1;
}

/* A failed system call on @rel, with its errno. */
static int io_fail(const struct loader *ld, const struct src *s, const char *rel)
{
	const int e = errno;

	return fail(ld, s, rel, 0, NULL, e, "cannot read: %s", strerror(e));
}

/* --- reading files ------------------------------------------------------- */

static ssize_t read_all(int fd, char *buf, size_t size)
{
	size_t done = 0;

	while (done < size) {
		ssize_t n = read(fd, buf + done, size - done);

		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0)
			return -1;
		if (n == 0)
			break;
		done += (size_t)n;
	}
	return (ssize_t)done;
}

/*
 * Read S/REL whole into a NUL-terminated buffer. Returns 1, 0 when there
 * is no such file, or -1.
 */
static int read_text(const struct loader *ld, const struct src *s, const char *rel,
		     char **ret_text)
{
	/* O_NONBLOCK: a FIFO left in the directory must not hang the tools */
	cleanup_fd int fd = openat(s->fd, rel, O_RDONLY | O_CLOEXEC | O_NOCTTY | O_NONBLOCK);
	cleanup_free char *buf = NULL;
	struct stat st;
	ssize_t len;

	if (fd < 0)
		return errno == ENOENT || errno == ENOTDIR ? 0 : io_fail(ld, s, rel);
	if (fstat(fd, &st) < 0)
		return io_fail(ld, s, rel);
	if (!S_ISREG(st.st_mode))
		return fail(ld, s, rel, 0, NULL, EINVAL, "is not a regular file");
	if (st.st_size > FILE_MAX)
		return fail(ld, s, rel, 0, NULL, EFBIG, "is larger than 1 MiB: not a configuration file");
	buf = malloc((size_t)st.st_size + 1);
	if (!buf)
		return fail(ld, s, rel, 0, NULL, ENOMEM, "out of memory");
	len = read_all(fd, buf, (size_t)st.st_size);
	if (len < 0)
		return io_fail(ld, s, rel);
	buf[len] = '\0';
	if (strlen(buf) != (size_t)len)
		return fail(ld, s, rel, 0, NULL, EINVAL, "contains a NUL byte: not a text file");
	*ret_text = steal_ptr(&buf);
	return 1;
}

static bool is_blank(char c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\v' || c == '\f';
}

/* Cut @text down to its first line without surrounding blanks. */
static char *first_line(char *text)
{
	char *end;

	text[strcspn(text, "\n")] = '\0';
	while (is_blank(*text))
		text++;
	end = text + strlen(text);
	while (end > text && is_blank(end[-1]))
		*--end = '\0';
	return text;
}

/*
 * The value of a one-value file: its first line, trimmed. Returns 1, or 0
 * when the file does not exist or the value is empty (util-vserver reads
 * it with `read`, and an empty value means "not set" there), or -1.
 */
static int read_value(const struct loader *ld, const struct src *s, const char *rel,
		      char **ret_value)
{
	cleanup_free char *text = NULL;
	const int r = read_text(ld, s, rel, &text);
	const char *v;

	if (r <= 0)
		return r;
	v = first_line(text);
	if (!*v)
		return 0;
	memmove(text, v, strlen(v) + 1);
	*ret_value = steal_ptr(&text);
	return 1;
}

static int cfg_value(const struct loader *ld, const char *rel, char **ret_value)
{
	return read_value(ld, &ld->cfg, rel, ret_value);
}

/* Does S/REL exist (following symlinks, as `test -e`)? 1, 0 or -1. */
static int present(const struct loader *ld, const struct src *s, const char *rel)
{
	struct stat st;

	if (fstatat(s->fd, rel, &st, 0) == 0)
		return 1;
	if (errno == ENOENT || errno == ENOTDIR)
		return 0;
	return io_fail(ld, s, rel);
}

/* The 1-based line of byte @off of @text. */
static int line_of(const char *text, size_t off)
{
	int line = 1;
	size_t i;

	for (i = 0; i < off && text[i]; i++)
		line += text[i] == '\n';
	return line;
}

/* --- numbers -------------------------------------------------------------- */

/* Decimal digits only; saturates at UINT64_MAX, which no range allows. */
static bool parse_decimal(const char *s, uint64_t *ret)
{
	uint64_t v = 0;

	if (!*s)
		return false;
	for (; *s; s++) {
		const unsigned int d = (unsigned int)(*s - '0');

		if (d > 9)
			return false;
		v = v > (UINT64_MAX - d) / 10 ? UINT64_MAX : v * 10 + d;
	}
	*ret = v;
	return true;
}

/* --- context ids --------------------------------------------------------- */

/* REL holds an id 2..49151. Returns 1 and sets *ret_id, 0 if absent, -1. */
static int load_id(const struct loader *ld, const char *rel, const char *what, uint32_t *ret_id)
{
	cleanup_free char *v = NULL;
	const int r = cfg_value(ld, rel, &v);
	uint64_t id;

	if (r <= 0)
		return r;
	if (!parse_decimal(v, &id))
		return bad(ld, rel, 1, v, "'%.40s' is not a number: %s is %d..%d", v, what,
			   VX_ID_STATIC_MIN, VX_ID_STATIC_MAX);
	if (id < VX_ID_STATIC_MIN || id > VX_ID_STATIC_MAX)
		return bad(ld, rel, 1, v, "'%.40s' is out of range: %s is %d..%d", v, what,
			   VX_ID_STATIC_MIN, VX_ID_STATIC_MAX);
	*ret_id = (uint32_t)id;
	return 1;
}

/* ncontext and tag default to the context (util-vserver's getFileValue chains). */
static int load_ids(struct loader *ld)
{
	struct vs_config *c = ld->c;
	const int r = load_id(ld, "context", "a static context id", &c->xid);

	if (r < 0)
		return -1;
	c->has_context = r == 1;
	c->nid = c->tag = c->xid;
	if (load_id(ld, "ncontext", "a network context id", &c->nid) < 0 ||
	    load_id(ld, "tag", "a tag", &c->tag) < 0)
		return -1;
	return 0;
}

/* --- vdir ------------------------------------------------------------------ */

static int join_path(const struct loader *ld, const struct src *s, const char *rel,
		     char *out, const char *a, const char *b)
{
	const int n = snprintf(out, PATH_MAX, "%s/%s", a, b);

	if (n < 0 || n >= PATH_MAX)
		return fail(ld, s, rel, 0, b, ENAMETOOLONG, "the path is longer than %d bytes",
			    PATH_MAX - 1);
	return 0;
}

/* A symlink: its target, relative ones taken from the link's directory. */
static int link_target(const struct loader *ld, const struct src *s, const char *rel,
		       char *out)
{
	char target[PATH_MAX], dir[PATH_MAX];
	const char *slash = strrchr(rel, '/');
	const ssize_t n = readlinkat(s->fd, rel, target, sizeof(target));

	if (n < 0)
		return io_fail(ld, s, rel);
	if (n >= (ssize_t)sizeof(target))
		return fail(ld, s, rel, 0, NULL, ENAMETOOLONG, "the link's target is too long");
	target[n] = '\0';
	if (target[0] == '/')
		return join_path(ld, s, rel, out, "", target + 1);
	if (slash)
		snprintf(dir, sizeof(dir), "%s/%.*s", s->dir, (int)(slash - rel), rel);
	else
		snprintf(dir, sizeof(dir), "%s", s->dir);
	return join_path(ld, s, rel, out, dir, target);
}

/* A file holding an absolute path on its first line. */
static int path_in_file(const struct loader *ld, const struct src *s, const char *rel,
			char *out)
{
	cleanup_free char *v = NULL;
	const int r = read_value(ld, s, rel, &v);

	if (r <= 0)
		return r < 0 ? -1 : fail(ld, s, rel, 1, "", EINVAL,
					 "is empty: expected a symlink to a directory, or its path");
	if (v[0] != '/')
		return fail(ld, s, rel, 1, v, EINVAL, "'%.40s' is not an absolute path", v);
	return join_path(ld, s, rel, out, "", v + 1);
}

/*
 * util-vserver points at directories with symlinks (vdir,
 * .defaults/vdirbase); a real directory or a file naming the path are
 * accepted too. Returns 1 and fills @out (PATH_MAX), 0 if absent, -1.
 */
static int dir_ref(const struct loader *ld, const struct src *s, const char *rel, char *out)
{
	struct stat st;

	if (fstatat(s->fd, rel, &st, AT_SYMLINK_NOFOLLOW) < 0)
		return errno == ENOENT || errno == ENOTDIR ? 0 : io_fail(ld, s, rel);
	if (S_ISLNK(st.st_mode))
		return link_target(ld, s, rel, out) < 0 ? -1 : 1;
	if (S_ISDIR(st.st_mode))
		return join_path(ld, s, rel, out, s->dir, rel) < 0 ? -1 : 1;
	if (S_ISREG(st.st_mode))
		return path_in_file(ld, s, rel, out) < 0 ? -1 : 1;
	return fail(ld, s, rel, 0, NULL, EINVAL, "is neither a symlink, a directory nor a file");
}

/* vdir, else VDIRBASE/NAME with VDIRBASE from .defaults/vdirbase or /vservers. */
static int load_vdir(struct loader *ld)
{
	struct vs_config *c = ld->c;
	char base[PATH_MAX];
	int r = dir_ref(ld, &ld->cfg, "vdir", c->vdir);

	if (r != 0)
		return r < 0 ? -1 : 0;
	r = dir_ref(ld, &ld->top, ".defaults/vdirbase", base);
	if (r < 0)
		return -1;
	if (r == 0)
		strcpy(base, "/vservers");
	return join_path(ld, &ld->cfg, "vdir", c->vdir, base, c->name);
}

/* --- uts names ------------------------------------------------------------ */

static const char *const uts_files[] = {
	[VHIN_CONTEXT] = "uts/context",	  [VHIN_SYSNAME] = "uts/sysname",
	[VHIN_NODENAME] = "uts/nodename", [VHIN_RELEASE] = "uts/release",
	[VHIN_VERSION] = "uts/version",	  [VHIN_MACHINE] = "uts/machine",
	[VHIN_DOMAINNAME] = "uts/domainname",
};

/* Where util-vserver looked before uts/ existed. */
static const char *const uts_legacy_files[] = {
	[VHIN_NODENAME] = "hostname",
	[VHIN_DOMAINNAME] = "domainname",
};

static int load_uts_name(const struct loader *ld, const char *rel, char *out)
{
	cleanup_free char *v = NULL;
	const int r = cfg_value(ld, rel, &v);

	if (r <= 0)
		return r;
	if (strlen(v) > VS_CONFIG_UTS_MAX)
		return bad(ld, rel, 1, v, "'%.20s...' is %zu bytes long: a uts name is at most %d bytes",
			   v, strlen(v), VS_CONFIG_UTS_MAX);
	strcpy(out, v);
	return 1;
}

static int load_uts(struct loader *ld)
{
	unsigned int i;
	int r;

	for (i = 0; i < sizeof(uts_files) / sizeof(uts_files[0]); i++) {
		r = load_uts_name(ld, uts_files[i], ld->c->uts[i]);
		if (r == 0 && i < sizeof(uts_legacy_files) / sizeof(uts_legacy_files[0]) &&
		    uts_legacy_files[i])
			r = load_uts_name(ld, uts_legacy_files[i], ld->c->uts[i]);
		if (r < 0)
			return -1;
	}
	return 0;
}

/* --- name lists ------------------------------------------------------------ */

struct list_file {
	const char *rel;
	enum vc_names table;
	size_t field;		/* offset of the struct vc_mask64 in struct vs_config */
	const char *expect;	/* what a name looks like */
};

/* "flags" and "cflags" are both read, in this order (util-vserver knew both). */
static const struct list_file list_files[] = {
	{ "bcapabilities", VC_NAMES_BCAPS, offsetof(struct vs_config, bcaps),
	  "a capability such as sys_admin or CAP_NET_RAW, or context" },
	{ "ccapabilities", VC_NAMES_CCAPS, offsetof(struct vs_config, ccaps),
	  "a context capability such as set_utsname or secure_mount" },
	{ "flags", VC_NAMES_CFLAGS, offsetof(struct vs_config, cflags),
	  "a context flag such as virt_uptime or fakeinit" },
	{ "cflags", VC_NAMES_CFLAGS, offsetof(struct vs_config, cflags),
	  "a context flag such as virt_uptime or fakeinit" },
	{ "nflags", VC_NAMES_NFLAGS, offsetof(struct vs_config, nflags),
	  "a network flag such as hide_netif or single_ip" },
	{ "ncapabilities", VC_NAMES_NCAPS, offsetof(struct vs_config, ncaps),
	  "a network capability: tun_create or raw_icmp" },
	{ "umask", VC_NAMES_UMASK, offsetof(struct vs_config, umask),
	  "a namespace: fs, newns, newuts, newipc, newuser, newpid or newnet" },
};

/* Apply change @m on top of @into. */
static void merge_mask(struct vc_mask64 *into, const struct vc_mask64 *m)
{
	into->value = (into->value & ~m->mask) | (m->value & m->mask);
	into->mask |= m->mask;
}

static int load_list(struct loader *ld, const struct list_file *lf)
{
	cleanup_free char *text = NULL;
	const int r = read_text(ld, &ld->cfg, lf->rel, &text);
	struct vc_mask64 m;
	size_t off, len;
	char tok[64];

	if (r <= 0)
		return r;
	if (vc_parse_list(lf->table, text, &m, &off, &len) == 0) {
		merge_mask((struct vc_mask64 *)((char *)ld->c + lf->field), &m);
		return 0;
	}
	snprintf(tok, sizeof(tok), "%.*s", (int)len, text + off);
	return bad(ld, lf->rel, line_of(text, off), tok,
		   "'%.40s' is not %s; also allowed: ^N (bit N), all, none, !NAME or ~NAME to remove",
		   tok, lf->expect);
}

static int load_lists(struct loader *ld)
{
	size_t i;

	for (i = 0; i < sizeof(list_files) / sizeof(list_files[0]); i++)
		if (load_list(ld, &list_files[i]) < 0)
			return -1;
	return 0;
}

/* --- interfaces ----------------------------------------------------------- */

static int add_iface(struct loader *ld, const char *name)
{
	struct vs_config *c = ld->c;
	struct vs_config_iface *v = realloc(c->ifaces, (c->n_ifaces + 1) * sizeof(*v));

	if (!v)
		return fail(ld, &ld->cfg, "interfaces", 0, NULL, ENOMEM, "out of memory");
	c->ifaces = v;
	memset(&v[c->n_ifaces], 0, sizeof(*v));
	snprintf(v[c->n_ifaces].name, sizeof(v->name), "%s", name);
	c->n_ifaces++;
	return 0;
}

static int cmp_iface(const void *a, const void *b)
{
	return strcmp(((const struct vs_config_iface *)a)->name,
		      ((const struct vs_config_iface *)b)->name);
}

/* The subdirectories of interfaces/, sorted; its plain files are defaults. */
static int list_ifaces(struct loader *ld)
{
	cleanup_fd int fd = openat(ld->cfg.fd, "interfaces", O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	cleanup_dir DIR *d = NULL;
	const struct dirent *de;
	struct stat st;

	if (fd < 0)
		return errno == ENOENT || errno == ENOTDIR ? 0 : io_fail(ld, &ld->cfg, "interfaces");
	d = fdopendir(fd);
	if (!d)
		return io_fail(ld, &ld->cfg, "interfaces");
	fd = -1; /* now closed with d */
	while ((errno = 0, de = readdir(d))) {
		if (de->d_name[0] == '.' || fstatat(dirfd(d), de->d_name, &st, 0) < 0 ||
		    !S_ISDIR(st.st_mode))
			continue;
		if (add_iface(ld, de->d_name) < 0)
			return -1;
	}
	if (errno)
		return io_fail(ld, &ld->cfg, "interfaces");
	qsort(ld->c->ifaces, ld->c->n_ifaces, sizeof(*ld->c->ifaces), cmp_iface);
	return 0;
}

/*
 * interfaces/IFACE/FILE, or with @fallback the default interfaces/FILE
 * (util-vserver's _getInterfaceValue: an empty own file falls back too).
 * @rel receives the file read, for messages; the interface's own one when
 * neither has a value. Returns 1 (own), 2 (default), 0 (neither) or -1.
 */
static int iface_value(const struct loader *ld, const char *iface, const char *file,
		       bool fallback, char *rel, char **ret_value)
{
	int r;

	snprintf(rel, PATH_MAX, "interfaces/%s/%s", iface, file);
	r = cfg_value(ld, rel, ret_value);
	if (r != 0 || !fallback)
		return r;
	snprintf(rel, PATH_MAX, "interfaces/%s", file);
	r = cfg_value(ld, rel, ret_value);
	if (r == 0)
		snprintf(rel, PATH_MAX, "interfaces/%s/%s", iface, file);
	return r == 1 ? 2 : r;
}

static int iface_flag(const struct loader *ld, const char *iface, const char *file)
{
	char rel[PATH_MAX];

	snprintf(rel, sizeof(rel), "interfaces/%s/%s", iface, file);
	return present(ld, &ld->cfg, rel);
}

static unsigned int max_prefix(int family)
{
	return family == AF_INET ? 32 : 128;
}

/* A prefix length @text for @ifc; @value is what the message quotes. */
static int set_prefix(const struct loader *ld, const char *rel, const char *value,
		      const char *text, struct vs_config_iface *ifc)
{
	const unsigned int max = max_prefix(ifc->family);
	const char *fam = ifc->family == AF_INET ? "IPv4" : "IPv6";
	uint64_t p;

	if (!parse_decimal(text, &p))
		return bad(ld, rel, 1, value, "'%.50s' is not a prefix length: an %s prefix is 0..%u",
			   value, fam, max);
	if (p > max)
		return bad(ld, rel, 1, value, "'%.50s': prefix %.20s is too long: an %s prefix is 0..%u",
			   value, text, fam, max);
	ifc->prefix = (unsigned int)p;
	return 0;
}

/* ip: the address, optionally with /PREFIX. Returns 1 if it had a prefix. */
static int iface_ip(const struct loader *ld, struct vs_config_iface *ifc)
{
	cleanup_free char *v = NULL;
	char rel[PATH_MAX], *slash;
	int r = iface_value(ld, ifc->name, "ip", false, rel, &v);

	if (r <= 0)
		return r < 0 ? -1 : bad(ld, rel, 0, "", "is missing: an interface needs an address "
							 "(or a 'disabled' file)");
	slash = strchr(v, '/');
	if (slash)
		*slash = '\0';
	if (inet_pton(AF_INET, v, &ifc->addr.v4) == 1)
		ifc->family = AF_INET;
	else if (inet_pton(AF_INET6, v, &ifc->addr.v6) == 1)
		ifc->family = AF_INET6;
	if (slash)
		*slash = '/';
	if (!ifc->family)
		return bad(ld, rel, 1, v, "'%.50s' is not an IPv4 or IPv6 address (with an optional "
					  "/PREFIX)", v);
	ifc->prefix = max_prefix(ifc->family);
	if (!slash)
		return 0;
	return set_prefix(ld, rel, v, slash + 1, ifc) < 0 ? -1 : 1;
}

/* A dotted IPv4 netmask with contiguous ones, as a prefix length. */
static bool mask_to_prefix(const char *s, unsigned int *ret)
{
	struct in_addr a;
	uint32_t host;

	if (inet_pton(AF_INET, s, &a) != 1)
		return false;
	host = ~ntohl(a.s_addr);
	if (host & (host + 1))
		return false;
	*ret = 32 - (unsigned int)__builtin_popcount(host);
	return true;
}

/* mask, own or default; a default one does not apply to IPv6 addresses. */
static int iface_mask(const struct loader *ld, struct vs_config_iface *ifc)
{
	cleanup_free char *v = NULL;
	char rel[PATH_MAX];
	const int r = iface_value(ld, ifc->name, "mask", true, rel, &v);

	if (r <= 0 || (r == 2 && ifc->family == AF_INET6))
		return r < 0 ? -1 : 0;
	if (ifc->family == AF_INET6)
		return bad(ld, rel, 1, v, "'%.40s': a netmask is for IPv4 addresses only: give an "
					  "IPv6 prefix length in 'prefix'", v);
	if (!mask_to_prefix(v, &ifc->prefix))
		return bad(ld, rel, 1, v, "'%.40s' is not a netmask: expected a dotted IPv4 mask "
					  "such as 255.255.255.0", v);
	return 0;
}

/* The prefix: ip's own /N, else prefix, else mask (own before default). */
static int iface_prefix(const struct loader *ld, struct vs_config_iface *ifc)
{
	cleanup_free char *v = NULL;
	char rel[PATH_MAX];
	int r = iface_ip(ld, ifc);

	if (r != 0)
		return r < 0 ? -1 : 0;
	r = iface_value(ld, ifc->name, "prefix", true, rel, &v);
	if (r < 0)
		return -1;
	if (r > 0)
		return set_prefix(ld, rel, v, v, ifc);
	return iface_mask(ld, ifc);
}

static bool valid_dev(const char *s)
{
	return *s && strlen(s) < IFNAMSIZ && strcmp(s, ".") && strcmp(s, "..") &&
	       !s[strcspn(s, "/: \t")];
}

/* dev (own or default), unless nodev (or util-vserver's older only_ip). */
static int iface_dev(const struct loader *ld, struct vs_config_iface *ifc)
{
	cleanup_free char *v = NULL;
	char rel[PATH_MAX];
	int r = iface_flag(ld, ifc->name, "nodev");

	if (r == 0)
		r = iface_flag(ld, ifc->name, "only_ip");
	if (r < 0)
		return -1;
	if (r > 0) {
		ifc->nodev = true;
		return 0;
	}
	r = iface_value(ld, ifc->name, "dev", true, rel, &v);
	if (r < 0)
		return -1;
	if (r == 0)
		return bad(ld, rel, 0, "", "is missing: name the host device for the address, or "
					   "create 'nodev' to only bind it");
	if (!valid_dev(v))
		return bad(ld, rel, 1, v, "'%.40s' is not a network device name: 1..%d bytes, "
					  "without '/', ':' or blanks", v, IFNAMSIZ - 1);
	strcpy(ifc->dev, v);
	return 0;
}

static int load_iface(const struct loader *ld, struct vs_config_iface *ifc)
{
	const int r = iface_flag(ld, ifc->name, "disabled");

	if (r < 0)
		return -1;
	/* util-vserver skips a disabled interface whole, so do not judge it */
	if (r > 0) {
		ifc->disabled = true;
		return 0;
	}
	if (iface_prefix(ld, ifc) < 0 || iface_dev(ld, ifc) < 0)
		return -1;
	return 0;
}

static int load_ifaces(struct loader *ld)
{
	size_t i;

	if (list_ifaces(ld) < 0)
		return -1;
	for (i = 0; i < ld->c->n_ifaces; i++)
		if (load_iface(ld, &ld->c->ifaces[i]) < 0)
			return -1;
	return 0;
}

/* --- fstab ------------------------------------------------------------------ */

#define FSTAB_FIELDS 6

/* fstab(5) writes blanks in fields as octal escapes, e.g. \040. */
static void unescape(char *s)
{
	char *out = s;

	for (; *s; s++) {
		if (s[0] == '\\' && s[1] >= '0' && s[1] <= '3' && s[2] >= '0' && s[2] <= '7' &&
		    s[3] >= '0' && s[3] <= '7') {
			*out++ = (char)((s[1] - '0') * 64 + (s[2] - '0') * 8 + (s[3] - '0'));
			s += 3;
		} else {
			*out++ = *s;
		}
	}
	*out = '\0';
}

/* Split @s at blanks into at most @max fields; returns how many there were. */
static int split_fields(char *s, char **fields, int max)
{
	int n = 0;

	for (;;) {
		while (is_blank(*s))
			*s++ = '\0';
		if (!*s)
			return n;
		if (n < max)
			fields[n] = s;
		n++;
		while (*s && !is_blank(*s))
			s++;
	}
}

static int fstab_number(const struct loader *ld, const char *line, int no, const char *s,
			int *ret)
{
	uint64_t v;

	if (!parse_decimal(s, &v) || v > 9999)
		return bad(ld, "fstab", no, line, "'%.40s' is not a number: the dump and pass fields "
						  "are small integers", s);
	*ret = (int)v;
	return 0;
}

static int add_mount(struct loader *ld, const struct vs_config_mount *m)
{
	struct vs_config *c = ld->c;
	struct vs_config_mount *v = realloc(c->mounts, (c->n_mounts + 1) * sizeof(*v));

	if (!v)
		return fail(ld, &ld->cfg, "fstab", m->line, NULL, ENOMEM, "out of memory");
	c->mounts = v;
	v[c->n_mounts++] = *m;
	return 0;
}

/* spec file vfstype options [dump [pass]] */
static int fstab_line(struct loader *ld, const char *line, int no)
{
	cleanup_free char *buf = strdup(line);
	char *f[FSTAB_FIELDS];
	int nf, i, dump = 0, pass = 0;

	if (!buf)
		return fail(ld, &ld->cfg, "fstab", no, NULL, ENOMEM, "out of memory");
	nf = split_fields(buf, f, FSTAB_FIELDS);
	if (nf < 4 || nf > FSTAB_FIELDS)
		return bad(ld, "fstab", no, line, "the line has %d fields: expected 'spec file vfstype "
						  "options [dump [pass]]'", nf);
	if (f[1][0] != '/')
		return bad(ld, "fstab", no, line, "'%.40s' is not an absolute mount point: expected a "
						  "path inside the guest such as /proc", f[1]);
	if ((nf > 4 && fstab_number(ld, line, no, f[4], &dump) < 0) ||
	    (nf > 5 && fstab_number(ld, line, no, f[5], &pass) < 0))
		return -1;
	for (i = 0; i < 4; i++)
		unescape(f[i]);
	if (add_mount(ld, &(struct vs_config_mount){ .spec = f[0], .file = f[1],
						     .vfstype = f[2], .options = f[3],
						     .dump = dump, .pass = pass, .line = no,
						     .buf = buf }) < 0)
		return -1;
	steal_ptr(&buf); /* now owned by the entry */
	return 0;
}

static int load_fstab(struct loader *ld)
{
	cleanup_free char *text = NULL;
	const int r = read_text(ld, &ld->cfg, "fstab", &text);
	char *line, *next;
	int no = 0;

	if (r <= 0)
		return r;
	for (line = text; line; line = next) {
		next = strchr(line, '\n');
		if (next)
			*next++ = '\0';
		no++;
		line = first_line(line);
		if (*line && *line != '#' && fstab_line(ld, line, no) < 0)
			return -1;
	}
	return 0;
}

/* --- apps/init ---------------------------------------------------------------- */

static const char *const init_styles[] = {
	[VS_INIT_SYSV] = "sysv",     [VS_INIT_PLAIN] = "plain", [VS_INIT_MINIT] = "minit",
	[VS_INIT_GENTOO] = "gentoo", [VS_INIT_OPENRC] = "openrc", [VS_INIT_ARCH] = "arch",
	[VS_INIT_RESCUE] = "rescue",
};

#define N_INIT_STYLES (sizeof(init_styles) / sizeof(init_styles[0]))

const char *vs_init_style_name(enum vs_init_style s)
{
	return (unsigned int)s < N_INIT_STYLES ? init_styles[s] : NULL;
}

static int load_init_style(struct loader *ld)
{
	static const char rel[] = "apps/init/style";
	cleanup_free char *v = NULL;
	const int r = cfg_value(ld, rel, &v);
	unsigned int i;

	if (r <= 0)
		return r;
	for (i = 0; i < N_INIT_STYLES; i++)
		if (!strcmp(v, init_styles[i])) {
			ld->c->init.style = (enum vs_init_style)i;
			return 0;
		}
	return bad(ld, rel, 1, v, "'%.40s' is not an init style: expected sysv, plain, minit, "
				  "gentoo, openrc, arch or rescue", v);
}

/* A single word of at most @max bytes into @out. */
static int load_word(const struct loader *ld, const char *rel, const char *what, char *out,
		     size_t max)
{
	cleanup_free char *v = NULL;
	const int r = cfg_value(ld, rel, &v);

	if (r <= 0)
		return r;
	if (strlen(v) > max || v[strcspn(v, " \t\r\v\f")])
		return bad(ld, rel, 1, v, "'%.40s' is not %s: a single word of at most %zu bytes", v,
			   what, max);
	strcpy(out, v);
	return 1;
}

/* util-vserver's runlevel defaults, which depend on the init style. */
static void default_runlevels(struct vs_config *c)
{
	const char *start = "", *stop = "";

	if (c->init.style == VS_INIT_SYSV) {
		start = "3";
		stop = "6";
	} else if (c->init.style == VS_INIT_ARCH)
		start = "3";
	else if (c->init.style == VS_INIT_GENTOO || c->init.style == VS_INIT_OPENRC)
		start = "default";
	if (!c->init.runlevel_start[0])
		strcpy(c->init.runlevel_start, start);
	if (!c->init.runlevel_stop[0])
		strcpy(c->init.runlevel_stop, stop);
}

/* runlevel, overridden by runlevel.start; runlevel.stop. */
static int load_runlevels(struct loader *ld)
{
	struct vs_config *c = ld->c;
	const size_t max = VS_CONFIG_RUNLEVEL_MAX;

	if (load_word(ld, "apps/init/runlevel", "a runlevel", c->init.runlevel_start, max) < 0 ||
	    load_word(ld, "apps/init/runlevel.start", "a runlevel", c->init.runlevel_start, max) < 0 ||
	    load_word(ld, "apps/init/runlevel.stop", "a runlevel", c->init.runlevel_stop, max) < 0)
		return -1;
	default_runlevels(c);
	return 0;
}

/*
 * The next blank-separated word at *pos, NUL-terminated in place, skipping
 * '#' comments; *line counts lines, *ret_line is the word's.
 */
static char *next_word(char **pos, int *line, int *ret_line)
{
	char *p = *pos, *word, *end;

	for (;;) {
		for (; isspace((unsigned char)*p); p++)
			*line += *p == '\n';
		if (*p != '#')
			break;
		p += strcspn(p, "\n");
	}
	if (!*p)
		return NULL;
	word = p;
	*ret_line = *line;
	p += strcspn(p, " \t\r\v\f\n#");
	end = p;
	if (*p == '#')
		p += strcspn(p, "\n");
	if (*p == '\n')
		(*line)++;
	if (*p)
		p++;
	*end = '\0';
	*pos = p;
	return word;
}

/* A signal: 1..64, or a name such as TERM or SIGKILL (any case). */
static int parse_signal(const char *s)
{
	uint64_t v;
	int i;

	if (parse_decimal(s, &v))
		return v >= 1 && v < NSIG ? (int)v : -1;
	if (!strncasecmp(s, "sig", 3))
		s += 3;
	for (i = 1; i < NSIG; i++)
		if (sigabbrev_np(i) && !strcasecmp(sigabbrev_np(i), s))
			return i;
	return -1;
}

static int killseq_entry(const struct loader *ld, const char *word, int line, size_t i,
			 int *ret)
{
	static const char rel[] = "apps/init/killseq";
	uint64_t wait;

	if (i >= VS_CONFIG_KILLSEQ_MAX)
		return bad(ld, rel, line, word, "'%.40s': the sequence has more than %d entries", word,
			   VS_CONFIG_KILLSEQ_MAX);
	if (i % 2 == 0) {
		*ret = parse_signal(word);
		if (*ret < 0)
			return bad(ld, rel, line, word, "'%.40s' is not a signal: expected a number "
							"1..%d or a name such as TERM; the sequence is "
							"signal [wait signal]..., e.g. 15 5 9", word,
				   NSIG - 1);
		return 0;
	}
	if (!parse_decimal(word, &wait) || wait > INT32_MAX)
		return bad(ld, rel, line, word, "'%.40s' is not a wait in seconds; the sequence is "
						"signal [wait signal]..., e.g. 15 5 9", word);
	*ret = (int)wait;
	return 0;
}

/* killseq: signal [wait signal]...; util-vserver's default is 15 5 9. */
static int load_killseq(struct loader *ld)
{
	static const char rel[] = "apps/init/killseq";
	cleanup_free char *text = NULL;
	int seq[VS_CONFIG_KILLSEQ_MAX], line = 1, wline = 0;
	const char *word = NULL, *last = NULL;
	char *pos;
	size_t n = 0;
	const int r = read_text(ld, &ld->cfg, rel, &text);

	if (r <= 0)
		return r;
	for (pos = text; (word = next_word(&pos, &line, &wline)); n++, last = word)
		if (killseq_entry(ld, word, wline, n, &seq[n]) < 0)
			return -1;
	if (n == 0)
		return 0;
	if (n % 2 == 0)
		return bad(ld, rel, wline, last, "'%.40s' is a wait at the end: the sequence is "
						 "signal [wait signal]..., e.g. 15 5 9", last);
	memcpy(ld->c->init.killseq, seq, n * sizeof(seq[0]));
	ld->c->init.n_killseq = n;
	return 0;
}

static int load_init(struct loader *ld)
{
	struct vs_config *c = ld->c;

	if (load_init_style(ld) < 0 ||
	    load_word(ld, "apps/init/mark", "a mark", c->init.mark, VS_CONFIG_MARK_MAX) < 0 ||
	    load_killseq(ld) < 0 || load_runlevels(ld) < 0)
		return -1;
	return 0;
}

/* --- rlimits ------------------------------------------------------------------ */

/*
 * rlimits/RES SUFFIX, for each resource util-vserver's vlimit --dir reads
 * (ABI §4.4, §7): 1 and *ret set, 0 if absent, -1.
 */
static int load_rlimit_file(const struct loader *ld, const char *res, const char *suffix,
			    uint64_t *ret)
{
	cleanup_free char *v = NULL;
	char rel[64];
	int r;

	snprintf(rel, sizeof(rel), "rlimits/%s%s", res, suffix);
	r = cfg_value(ld, rel, &v);
	if (r <= 0)
		return r;
	if (vs_parse_limit(v, ret) < 0)
		return bad(ld, rel, 1, v, "'%.40s' is not a limit: expected a number (decimal or 0x "
					  "hex) with an optional K or M (x1024) or k or m (x1000), "
					  "or inf", v);
	return 1;
}

/* rlimits/RES sets all three limits; RES.min, RES.soft and RES.hard override one. */
static int load_rlimit(struct loader *ld, const struct vs_rlimit_name *rn)
{
	struct vs_config_rlimit *l = &ld->c->rlimits[rn->id];
	uint64_t v;
	const int r = load_rlimit_file(ld, rn->name, "", &v);

	if (r < 0)
		return -1;
	if (r > 0)
		l->min = l->soft = l->hard = v;
	if (load_rlimit_file(ld, rn->name, ".min", &l->min) < 0 ||
	    load_rlimit_file(ld, rn->name, ".soft", &l->soft) < 0 ||
	    load_rlimit_file(ld, rn->name, ".hard", &l->hard) < 0)
		return -1;
	return 0;
}

static int load_rlimits(struct loader *ld)
{
	size_t i;

	for (i = 0; i < VS_RLIMIT_NAMES; i++)
		if (load_rlimit(ld, &vs_rlimit_names[i]) < 0)
			return -1;
	return 0;
}

/* --- the rest --------------------------------------------------------------- */

/* shell, else .defaults/shell, else "/bin/sh -l" (exists in every guest). */
static int load_shell(struct loader *ld)
{
	cleanup_free char *v = NULL;
	int r = cfg_value(ld, "shell", &v);

	if (r == 0)
		r = read_value(ld, &ld->top, ".defaults/shell", &v);
	if (r < 0)
		return -1;
	ld->c->shell = r ? steal_ptr(&v) : strdup("/bin/sh -l");
	if (!ld->c->shell)
		return fail(ld, &ld->cfg, "shell", 0, NULL, ENOMEM, "out of memory");
	return 0;
}

static int flag_file(const struct loader *ld, const struct src *s, const char *rel, bool *ret)
{
	const int r = present(ld, s, rel);

	if (r < 0)
		return -1;
	*ret = r;
	return 0;
}

/* Files whose presence is the setting (util-vserver's `test -e`). */
static int load_switches(struct loader *ld)
{
	struct vs_config *c = ld->c;
	bool dflt_nons, force_ns;

	if (flag_file(ld, &ld->cfg, "spaces/pid", &c->space_pid) < 0 ||
	    flag_file(ld, &ld->cfg, "spaces/net", &c->space_net) < 0 ||
	    flag_file(ld, &ld->cfg, "noncontext", &c->noncontext) < 0 ||
	    flag_file(ld, &ld->cfg, "nonamespace", &c->nonamespace) < 0 ||
	    flag_file(ld, &ld->cfg, "namespace", &force_ns) < 0 ||
	    flag_file(ld, &ld->top, ".defaults/nonamespace", &dflt_nons) < 0)
		return -1;
	/* isAvoidNamespace: the guest's files win over the default */
	c->nonamespace = c->nonamespace || (dflt_nons && !force_ns);
	return 0;
}

/* --- entry points ------------------------------------------------------------ */

static bool valid_name(const char *name)
{
	return name && name[0] && name[0] != '.' && !strchr(name, '/') &&
	       strlen(name) <= VS_CONFIG_NAME_MAX;
}

static int name_error(struct vs_config_error *err, const char *name)
{
	if (err) {
		memset(err, 0, sizeof(*err));
		snprintf(err->value, sizeof(err->value), "%s", name ? name : "");
		snprintf(err->msg, sizeof(err->msg),
			 "'%.40s' is not a guest name: expected a plain name of 1..%d bytes, without "
			 "'/' and not starting with '.'", name ? name : "", VS_CONFIG_NAME_MAX);
	}
	errno = EINVAL;
	return -1;
}

int vs_config_check_name(const char *name, struct vs_config_error *err)
{
	return valid_name(name) ? 0 : name_error(err, name);
}

static struct vs_config *config_new(const char *name)
{
	struct vs_config *c = calloc(1, sizeof(*c));
	size_t i;

	if (!c)
		return NULL;
	strcpy(c->name, name);
	for (i = 0; i < VLIMIT_NLIMITS; i++)
		c->rlimits[i] = (struct vs_config_rlimit){ CRLIM_KEEP, CRLIM_KEEP, CRLIM_KEEP };
	c->init.style = VS_INIT_SYSV;
	c->init.killseq[0] = SIGTERM;
	c->init.killseq[1] = 5;
	c->init.killseq[2] = SIGKILL;
	c->init.n_killseq = 3;
	return c;
}

/* Open a directory of the tree; ENOENT means there is no such guest. */
static int open_dir(const struct loader *ld, const struct src *s, int at, const char *path)
{
	const int fd = openat(at, path, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	const int e = errno;

	if (fd >= 0)
		return fd;
	if (e == ENOENT)
		return fail(ld, s, NULL, 0, ld->c->name, e, "no guest '%s': %s does not exist",
			    ld->c->name, s->dir);
	return fail(ld, s, NULL, 0, ld->c->name, e, "%s: cannot open: %s", s->dir, strerror(e));
}

static int (*const load_steps[])(struct loader *) = {
	load_ids,  load_vdir, load_uts,	    load_lists, load_ifaces,
	load_fstab, load_init, load_rlimits, load_shell, load_switches,
};

static int load_all(struct loader *ld)
{
	size_t i;

	for (i = 0; i < sizeof(load_steps) / sizeof(load_steps[0]); i++)
		if (load_steps[i](ld) < 0)
			return -1;
	return 0;
}

int vs_config_load(const char *root, const char *name, struct vs_config **ret,
		   struct vs_config_error *err)
{
	cleanup_config struct vs_config *c = NULL;
	cleanup_fd int rootfd = -1;
	cleanup_fd int cfgfd = -1;
	struct loader ld = { .err = err };

	if (!valid_name(name))
		return name_error(err, name);
	if (!root || !ret) {
		errno = EINVAL;
		return -1;
	}
	if (err)
		memset(err, 0, sizeof(*err));
	c = config_new(name);
	if (!c)
		return -1; /* ENOMEM */
	ld.c = c;
	ld.top = (struct src){ -1, root };
	ld.cfg = (struct src){ -1, c->cfgdir };
	if (join_path(&ld, &ld.top, NULL, c->cfgdir, root, name) < 0 ||
	    (rootfd = open_dir(&ld, &ld.top, AT_FDCWD, root)) < 0 ||
	    (cfgfd = open_dir(&ld, &ld.cfg, rootfd, name)) < 0)
		return -1;
	ld.top.fd = rootfd;
	ld.cfg.fd = cfgfd;
	if (load_all(&ld) < 0)
		return -1;
	*ret = steal_ptr(&c);
	return 0;
}

void vs_config_free(struct vs_config *c)
{
	size_t i;

	if (!c)
		return;
	for (i = 0; i < c->n_mounts; i++)
		free(c->mounts[i].buf);
	free(c->mounts);
	free(c->ifaces);
	free(c->shell);
	free(c);
}
