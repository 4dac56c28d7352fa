// SPDX-License-Identifier: GPL-2.0-only
/*
 * Host test of the guest configuration reader (util-vserver/config.c):
 * configuration trees are built under a mkdtemp() directory, loaded, and
 * every field or every error report (file, line, value, errno) checked.
 *
 * Copyright (C) 2026 The vserver authors
 */
#include <arpa/inet.h>
#include <errno.h>
#include <ftw.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "config.h"

static int n, failed;

static void check(int cond, const char *fmt, ...)
{
	va_list ap;

	n++;
	if (!cond)
		failed++;
	printf("%sok %d - ", cond ? "" : "not ", n);
	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
	putchar('\n');
}

static char root[256]; /* the configuration root, /tmp/vsconfig.XXXXXX/etc */

/* --- building trees ------------------------------------------------------- */

static void die(const char *what, const char *path)
{
	fprintf(stderr, "config_test: %s %s: %s\n", what, path, strerror(errno));
	exit(2);
}

/* mkdir -p for the parent directories of @path */
static void make_parents(const char *path)
{
	char buf[PATH_MAX];
	char *p;

	snprintf(buf, sizeof(buf), "%s", path);
	for (p = buf + 1; (p = strchr(p, '/')); p++) {
		*p = '\0';
		if (mkdir(buf, 0755) < 0 && errno != EEXIST)
			die("mkdir", buf);
		*p = '/';
	}
}

/* Write ROOT/REL (REL starts with the guest's name) with @text. */
static void put(const char *rel, const char *text)
{
	char path[PATH_MAX];
	FILE *f;

	snprintf(path, sizeof(path), "%s/%s", root, rel);
	make_parents(path);
	f = fopen(path, "w");
	if (!f || fputs(text, f) < 0 || fclose(f) != 0)
		die("write", path);
}

static void put_dir(const char *rel)
{
	char path[PATH_MAX];

	snprintf(path, sizeof(path), "%s/%s/", root, rel);
	make_parents(path);
}

static void put_link(const char *rel, const char *target)
{
	char path[PATH_MAX];

	snprintf(path, sizeof(path), "%s/%s", root, rel);
	make_parents(path);
	if (symlink(target, path) < 0)
		die("symlink", path);
}

static int rm_entry(const char *path, const struct stat *st, int flag, struct FTW *ftw)
{
	(void)st, (void)flag, (void)ftw;
	return remove(path);
}

/* --- loading --------------------------------------------------------------- */

static struct vs_config *load(const char *name)
{
	struct vs_config *c = NULL;
	struct vs_config_error err;

	if (vs_config_load(root, name, &c, &err) < 0) {
		printf("# %s: %s (%s:%d, '%s')\n", name, err.msg, err.file, err.line, err.value);
		return NULL;
	}
	return c;
}

/*
 * Load @name and expect failure with @errnum, reported at ROOT/@file
 * (@file "" for no file), line @line, value @value and a message that
 * contains @msg.
 */
static void expect_error(const char *desc, const char *name, int errnum, const char *file,
			 int line, const char *value, const char *msg)
{
	struct vs_config *const sentinel = (struct vs_config *)&n;
	struct vs_config *c = sentinel;
	struct vs_config_error err;
	char want_file[PATH_MAX];
	int r;

	memset(&err, 'x', sizeof(err));
	if (*file)
		snprintf(want_file, sizeof(want_file), "%s/%s", root, file);
	else
		want_file[0] = '\0';
	errno = 0;
	r = vs_config_load(root, name, &c, &err);
	if (r == -1 && errno == errnum && c == sentinel && !strcmp(err.file, want_file) &&
	    err.line == line && !strcmp(err.value, value) && strstr(err.msg, msg)) {
		check(1, "%s", desc);
		return;
	}
	printf("# r=%d errno=%d(%s) file=%s line=%d value='%s'\n# msg=%s\n", r, errno,
	       strerror(errno), err.file, err.line, err.value, err.msg);
	check(0, "%s", desc);
}

/* A guest that would load, to be spoilt by one file. */
static void make_guest(const char *name)
{
	char rel[PATH_MAX];

	snprintf(rel, sizeof(rel), "%s/context", name);
	put(rel, "42\n");
}

/* make_guest(@name) with @text in @file. */
static void guest_with(const char *name, const char *file, const char *text)
{
	char rel[PATH_MAX];

	make_guest(name);
	snprintf(rel, sizeof(rel), "%s/%s", name, file);
	put(rel, text);
}

static char *ip_text(const struct vs_config_iface *i, char *buf)
{
	inet_ntop(i->family, &i->addr, buf, INET6_ADDRSTRLEN);
	return buf;
}

/* --- the full guest --------------------------------------------------------- */

static void make_full(void)
{
	put("full/context", "42\n");
	put("full/ncontext", " 43 \n");
	put("full/tag", "44");
	put_link("full/vdir", "/srv/guests/full");
	put("full/uts/context", "/etc/vservers/full\n");
	put("full/uts/sysname", "Linux\n");
	put("full/uts/nodename", "full.example.org\n");
	put("full/uts/release", "6.12.0-vs\n");
	put("full/uts/version", "#1 SMP PREEMPT\n");
	put("full/uts/machine", "x86_64\n");
	put("full/uts/domainname", "example.org\n");
	put("full/hostname", "legacy-ignored\n");
	put("full/bcapabilities", "CAP_NET_RAW\n!sys_admin # not in guests\n^40\n");
	put("full/ccapabilities", "set_utsname, secure_mount\n");
	put("full/flags", "virt_mem\nfakeinit\n");
	put("full/cflags", "!virt_mem,hide_netif\n");
	put("full/nflags", "hide_netif\n");
	put("full/ncapabilities", "raw_icmp\n");
	put("full/umask", "newns newuts\n");
	put("full/interfaces/dev", "br0\n");
	put("full/interfaces/b0/ip", "10.0.0.2/24\n");
	put("full/interfaces/b0/dev", "eth0\n");
	put("full/interfaces/a0/ip", "2001:db8::1\n");
	put("full/interfaces/a0/prefix", "64\n");
	put("full/interfaces/a0/nodev", "");
	put("full/interfaces/c0/ip", "192.168.1.5\n");
	put("full/interfaces/c0/mask", "255.255.254.0\n");
	put("full/interfaces/d0/ip", "not an address\n");
	put("full/interfaces/d0/disabled", "");
	put("full/fstab", "# the usual\nnone /proc proc defaults\n\n"
			  "  none /tmp tmpfs size=16m,mode=1777 0 0\n"
			  "/dev/sdb1 /mnt/my\\040dir ext4 ro 1 2\n");
	put("full/apps/init/style", "plain\n");
	put("full/apps/init/mark", "default\n");
	put("full/apps/init/killseq", "15 5\nSIGKILL # last\n");
	put("full/apps/init/runlevel", "2\n");
	put("full/apps/init/runlevel.stop", "0\n");
	put("full/rlimits/nproc", "100\n");
	put("full/rlimits/nofile.soft", "1K\n");
	put("full/rlimits/nofile.hard", "0x800\n");
	put("full/rlimits/as", "inf\n");
	put("full/rlimits/rss", "2m\n");
	put("full/rlimits/openfd.min", "5M\n");
	put("full/rlimits/unknown", "garbage\n");
	put("full/shell", "/bin/bash -login\n");
	put("full/spaces/pid", "");
	put("full/spaces/net", "");
	put("full/noncontext", "");
	put("full/nonamespace", "");
	put("full/some-unknown-file", "whatever\n");
}

static void check_full_ids(const struct vs_config *c)
{
	char want[PATH_MAX];

	snprintf(want, sizeof(want), "%s/full", root);
	check(!strcmp(c->name, "full") && !strcmp(c->cfgdir, want), "full: name and cfgdir");
	check(!strcmp(c->vdir, "/srv/guests/full"), "full: vdir from the symlink");
	check(c->has_context && c->xid == 42 && c->nid == 43 && c->tag == 44,
	      "full: context 42, ncontext 43, tag 44");
}

static void check_full_uts(const struct vs_config *c)
{
	check(!strcmp(c->uts[VHIN_CONTEXT], "/etc/vservers/full") &&
		      !strcmp(c->uts[VHIN_SYSNAME], "Linux") &&
		      !strcmp(c->uts[VHIN_NODENAME], "full.example.org") &&
		      !strcmp(c->uts[VHIN_RELEASE], "6.12.0-vs") &&
		      !strcmp(c->uts[VHIN_VERSION], "#1 SMP PREEMPT") &&
		      !strcmp(c->uts[VHIN_MACHINE], "x86_64") &&
		      !strcmp(c->uts[VHIN_DOMAINNAME], "example.org"),
	      "full: all seven uts names (uts/ wins over legacy hostname)");
}

static void check_full_masks(const struct vs_config *c)
{
	check(c->bcaps.value == ((1ULL << 13) | (1ULL << 40)) &&
		      c->bcaps.mask == ((1ULL << 13) | (1ULL << 21) | (1ULL << 40)),
	      "full: bcapabilities");
	check(c->ccaps.value == 0x10001 && c->ccaps.mask == 0x10001, "full: ccapabilities");
	check(c->cflags.value == 0x2000010 && c->cflags.mask == 0x2010010,
	      "full: flags, then cflags on top");
	check(c->nflags.value == 0x2000000 && c->nflags.mask == 0x2000000, "full: nflags");
	check(c->ncaps.value == 0x100 && c->ncaps.mask == 0x100, "full: ncapabilities");
	check(c->umask.value == 0x4020000 && c->umask.mask == 0x4020000, "full: umask");
}

static void check_full_ifaces(const struct vs_config *c)
{
	const struct vs_config_iface *i = c->ifaces;
	char buf[INET6_ADDRSTRLEN];

	check(c->n_ifaces == 4 && !strcmp(i[0].name, "a0") && !strcmp(i[1].name, "b0") &&
		      !strcmp(i[2].name, "c0") && !strcmp(i[3].name, "d0"),
	      "full: four interfaces, sorted by name");
	if (c->n_ifaces != 4)
		return;
	check(!i[0].disabled && i[0].family == AF_INET6 && !strcmp(ip_text(&i[0], buf), "2001:db8::1") &&
		      i[0].prefix == 64 && i[0].nodev && !i[0].dev[0],
	      "full: a0 is 2001:db8::1/64, nodev");
	check(i[1].family == AF_INET && !strcmp(ip_text(&i[1], buf), "10.0.0.2") &&
		      i[1].prefix == 24 && !i[1].nodev && !strcmp(i[1].dev, "eth0"),
	      "full: b0 is 10.0.0.2/24 on eth0 (prefix from ip)");
	check(i[2].family == AF_INET && !strcmp(ip_text(&i[2], buf), "192.168.1.5") &&
		      i[2].prefix == 23 && !strcmp(i[2].dev, "br0"),
	      "full: c0 is 192.168.1.5/23 (from mask) on br0 (default dev)");
	check(i[3].disabled && !i[3].family, "full: d0 is disabled and not judged");
}

static void check_full_mounts(const struct vs_config *c)
{
	const struct vs_config_mount *m = c->mounts;

	check(c->n_mounts == 3, "full: three fstab entries");
	if (c->n_mounts != 3)
		return;
	check(!strcmp(m[0].spec, "none") && !strcmp(m[0].file, "/proc") &&
		      !strcmp(m[0].vfstype, "proc") && !strcmp(m[0].options, "defaults") &&
		      m[0].dump == 0 && m[0].pass == 0 && m[0].line == 2,
	      "full: fstab line 2, /proc");
	check(!strcmp(m[1].file, "/tmp") && !strcmp(m[1].options, "size=16m,mode=1777") &&
		      m[1].line == 4,
	      "full: fstab line 4, /tmp with options");
	check(!strcmp(m[2].spec, "/dev/sdb1") && !strcmp(m[2].file, "/mnt/my dir") &&
		      !strcmp(m[2].vfstype, "ext4") && m[2].dump == 1 && m[2].pass == 2,
	      "full: fstab \\040 escape, dump 1, pass 2");
}

static void check_full_rest(const struct vs_config *c)
{
	const struct vs_config_rlimit *r = c->rlimits;

	check(c->init.style == VS_INIT_PLAIN && !strcmp(c->init.mark, "default") &&
		      !strcmp(vs_init_style_name(c->init.style), "plain"),
	      "full: init style plain, mark default");
	check(c->init.n_killseq == 3 && c->init.killseq[0] == 15 && c->init.killseq[1] == 5 &&
		      c->init.killseq[2] == 9,
	      "full: killseq 15 5 SIGKILL");
	check(!strcmp(c->init.runlevel_start, "2") && !strcmp(c->init.runlevel_stop, "0"),
	      "full: runlevels 2 and 0");
	check(r[6].min == 100 && r[6].soft == 100 && r[6].hard == 100,
	      "full: rlimits/nproc sets min, soft and hard");
	check(r[7].min == CRLIM_KEEP && r[7].soft == 1024 && r[7].hard == 0x800,
	      "full: nofile.soft 1K, nofile.hard 0x800, min kept");
	check(r[9].hard == CRLIM_INFINITY && r[5].hard == 2000000 && r[17].min == 5 * 1048576 &&
		      r[17].soft == CRLIM_KEEP,
	      "full: as inf, rss 2m, openfd.min 5M");
	check(r[0].min == CRLIM_KEEP && r[0].hard == CRLIM_KEEP, "full: cpu not configured: kept");
	check(!strcmp(c->shell, "/bin/bash -login"), "full: shell");
	check(c->space_pid && c->space_net && c->noncontext && c->nonamespace,
	      "full: spaces/pid, spaces/net, noncontext, nonamespace");
}

static void test_full(void)
{
	struct vs_config *c;

	make_full();
	c = load("full");
	check(c != NULL, "full: loads");
	if (!c)
		return;
	check_full_ids(c);
	check_full_uts(c);
	check_full_masks(c);
	check_full_ifaces(c);
	check_full_mounts(c);
	check_full_rest(c);
	vs_config_free(c);
}

/* --- defaults --------------------------------------------------------------- */

static void check_minimal(const struct vs_config *c)
{
	int uts_empty = 1, keep = 1;
	size_t i;

	for (i = 0; i <= VHIN_DOMAINNAME; i++)
		uts_empty &= !c->uts[i][0];
	for (i = 0; i < VLIMIT_NLIMITS; i++)
		keep &= c->rlimits[i].min == CRLIM_KEEP && c->rlimits[i].soft == CRLIM_KEEP &&
			c->rlimits[i].hard == CRLIM_KEEP;
	check(!c->has_context && c->xid == 0 && c->nid == 0 && c->tag == 0,
	      "minimal: no context (allowed at load)");
	check(!strcmp(c->vdir, "/vservers/min"), "minimal: vdir /vservers/NAME");
	check(uts_empty && keep, "minimal: no uts names, every rlimit kept");
	check(!c->bcaps.mask && !c->ccaps.mask && !c->cflags.mask && !c->nflags.mask &&
		      !c->ncaps.mask && !c->umask.mask,
	      "minimal: no flag or capability changes");
	check(!c->n_ifaces && !c->n_mounts, "minimal: no interfaces, no mounts");
	check(c->init.style == VS_INIT_SYSV && c->init.n_killseq == 3 && c->init.killseq[0] == 15 &&
		      c->init.killseq[1] == 5 && c->init.killseq[2] == 9 && !c->init.mark[0],
	      "minimal: sysv, killseq 15 5 9, no mark");
	check(!strcmp(c->init.runlevel_start, "3") && !strcmp(c->init.runlevel_stop, "6"),
	      "minimal: sysv runlevels 3 and 6");
	check(!strcmp(c->shell, "/bin/sh -l"), "minimal: shell /bin/sh -l");
	check(!c->space_pid && !c->space_net && !c->noncontext && !c->nonamespace,
	      "minimal: no switches");
}

static void test_minimal(void)
{
	struct vs_config *c;

	put_dir("min");
	c = load("min");
	check(c != NULL, "minimal: an empty directory loads");
	if (c)
		check_minimal(c);
	vs_config_free(c);

	put("ctxonly/context", "42\n");
	put("ctxonly/apps/init/style", "gentoo\n");
	put("ctxonly/apps/init/killseq", "# nothing\n");
	c = load("ctxonly");
	check(c && c->has_context && c->xid == 42 && c->nid == 42 && c->tag == 42,
	      "ncontext and tag default to the context");
	check(c && !strcmp(c->init.runlevel_start, "default") && !c->init.runlevel_stop[0] &&
		      c->init.n_killseq == 3,
	      "gentoo: start runlevel 'default'; an empty killseq keeps 15 5 9");
	vs_config_free(c);
}

/* .defaults/: vdirbase, shell, nonamespace; relative vdir links. */
static void test_defaults(void)
{
	struct vs_config *c;
	char want[PATH_MAX];

	put_link(".defaults/vdirbase", "/data/vs");
	put(".defaults/shell", "/bin/zsh\n");
	put(".defaults/nonamespace", "");
	put_dir("dflt");
	c = load("dflt");
	check(c && !strcmp(c->vdir, "/data/vs/dflt"), ".defaults/vdirbase symlink gives the vdir");
	check(c && !strcmp(c->shell, "/bin/zsh") && c->nonamespace,
	      ".defaults/shell and .defaults/nonamespace apply");
	vs_config_free(c);

	put("forced/namespace", "");
	put_link("forced/vdir", "../../guests/forced");
	c = load("forced");
	snprintf(want, sizeof(want), "%s/forced/../../guests/forced", root);
	check(c && !c->nonamespace, "a guest's 'namespace' overrides .defaults/nonamespace");
	check(c && !strcmp(c->vdir, want), "a relative vdir link is taken from the guest's directory");
	vs_config_free(c);

	put("vfile/vdir", "/srv/vfile\n");
	put_dir("vdirdir/vdir");
	c = load("vfile");
	check(c && !strcmp(c->vdir, "/srv/vfile"), "vdir as a file naming the path");
	vs_config_free(c);
	c = load("vdirdir");
	snprintf(want, sizeof(want), "%s/vdirdir/vdir", root);
	check(c && !strcmp(c->vdir, want), "vdir as a directory");
	vs_config_free(c);
	unlink(strcat(strcpy(want, root), "/.defaults/vdirbase"));
	unlink(strcat(strcpy(want, root), "/.defaults/shell"));
	unlink(strcat(strcpy(want, root), "/.defaults/nonamespace"));
}

/* --- errors ------------------------------------------------------------------ */

static void test_id_errors(void)
{
	guest_with("e-xid", "context", "4x2\n");
	expect_error("bad xid: not a number", "e-xid", EINVAL, "e-xid/context", 1, "4x2",
		     "context: '4x2' is not a number: a static context id is 2..49151");
	guest_with("e-range", "context", "70000\n");
	expect_error("xid out of range: 70000", "e-range", EINVAL, "e-range/context", 1, "70000",
		     "context: '70000' is out of range: a static context id is 2..49151");
	guest_with("e-one", "context", "1\n");
	expect_error("xid out of range: 1 (the spectator)", "e-one", EINVAL, "e-one/context", 1,
		     "1", "is out of range");
	guest_with("e-nid", "ncontext", "-5\n");
	expect_error("bad ncontext", "e-nid", EINVAL, "e-nid/ncontext", 1, "-5",
		     "ncontext: '-5' is not a number: a network context id");
	guest_with("e-tag", "tag", "99999999999999999999999\n");
	expect_error("tag overflowing 64 bits", "e-tag", EINVAL, "e-tag/tag", 1,
		     "99999999999999999999999", "is out of range");
}

static void test_uts_errors(void)
{
	const char *long_name = "a-very-long-host-name-that-is-longer-than-sixty-four-bytes-"
				"in-total.example.org";

	guest_with("e-uts", "uts/nodename", long_name);
	expect_error("uts name longer than 64 bytes", "e-uts", EINVAL, "e-uts/uts/nodename", 1,
		     long_name, "is 79 bytes long: a uts name is at most 64 bytes");
	guest_with("e-uts2", "domainname", long_name);
	expect_error("legacy domainname is checked as well", "e-uts2", EINVAL, "e-uts2/domainname",
		     1, long_name, "domainname:");
}

static void test_list_errors(void)
{
	guest_with("e-bcap", "bcapabilities", "chown\n# kill\n  frobnicate,kill\n");
	expect_error("bad capability on line 3 of bcapabilities", "e-bcap", EINVAL,
		     "e-bcap/bcapabilities", 3, "frobnicate",
		     "bcapabilities: 'frobnicate' is not a capability such as sys_admin");
	guest_with("e-flag", "flags", "virt_mem,nosuchflag\n");
	expect_error("bad flag", "e-flag", EINVAL, "e-flag/flags", 1, "nosuchflag",
		     "'nosuchflag' is not a context flag");
	guest_with("e-cflag", "cflags", "\n\n!!fakeinit\n");
	expect_error("bad cflags token, with its '!'", "e-cflag", EINVAL, "e-cflag/cflags", 3,
		     "!!fakeinit", "cflags: '!!fakeinit'");
	guest_with("e-umask", "umask", "newns ^64\n");
	expect_error("bad umask bit number", "e-umask", EINVAL, "e-umask/umask", 1, "^64",
		     "is not a namespace");
	guest_with("e-ncap", "ncapabilities", "tun_create ping\n");
	expect_error("ncapabilities: ping is a ccap alias only", "e-ncap", EINVAL,
		     "e-ncap/ncapabilities", 1, "ping", "is not a network capability");
}

static void test_iface_errors(void)
{
	guest_with("e-ip", "interfaces/x/ip", "10.0.0.300\n");
	expect_error("bad IP", "e-ip", EINVAL, "e-ip/interfaces/x/ip", 1, "10.0.0.300",
		     "is not an IPv4 or IPv6 address");
	guest_with("e-p32", "interfaces/x/ip", "10.0.0.1\n");
	put("e-p32/interfaces/x/prefix", "33\n");
	expect_error("IPv4 prefix 33", "e-p32", EINVAL, "e-p32/interfaces/x/prefix", 1, "33",
		     "an IPv4 prefix is 0..32");
	guest_with("e-ip32", "interfaces/x/ip", "10.0.0.1/33\n");
	expect_error("IPv4 address/33", "e-ip32", EINVAL, "e-ip32/interfaces/x/ip", 1,
		     "10.0.0.1/33", "prefix 33 is too long: an IPv4 prefix is 0..32");
	guest_with("e-p128", "interfaces/x/ip", "2001:db8::1\n");
	put("e-p128/interfaces/x/prefix", "129\n");
	expect_error("IPv6 prefix 129", "e-p128", EINVAL, "e-p128/interfaces/x/prefix", 1, "129",
		     "an IPv6 prefix is 0..128");
	guest_with("e-mask", "interfaces/x/ip", "10.0.0.1\n");
	put("e-mask/interfaces/x/mask", "255.0.255.0\n");
	put("e-mask/interfaces/x/dev", "eth0\n");
	expect_error("non-contiguous netmask", "e-mask", EINVAL, "e-mask/interfaces/x/mask", 1,
		     "255.0.255.0", "is not a netmask");
	guest_with("e-noip", "interfaces/x/dev", "eth0\n");
	expect_error("interface without ip", "e-noip", EINVAL, "e-noip/interfaces/x/ip", 0, "",
		     "is missing");
	guest_with("e-nodev", "interfaces/x/ip", "10.0.0.1\n");
	expect_error("interface without dev or nodev", "e-nodev", EINVAL,
		     "e-nodev/interfaces/x/dev", 0, "", "create 'nodev'");
	guest_with("e-dev", "interfaces/x/ip", "10.0.0.1\n");
	put("e-dev/interfaces/x/dev", "a-device-name-too-long\n");
	expect_error("device name too long", "e-dev", EINVAL, "e-dev/interfaces/x/dev", 1,
		     "a-device-name-too-long", "is not a network device name");
}

static void test_rlimit_errors(void)
{
	guest_with("e-rl", "rlimits/nproc.soft", "12x\n");
	expect_error("bad rlimit value", "e-rl", EINVAL, "e-rl/rlimits/nproc.soft", 1, "12x",
		     "rlimits/nproc.soft: '12x' is not a limit");
	guest_with("e-rl2", "rlimits/as", "99999999999999999999M\n");
	expect_error("rlimit overflowing 64 bits", "e-rl2", EINVAL, "e-rl2/rlimits/as", 1,
		     "99999999999999999999M", "is not a limit");
	guest_with("e-rl3", "rlimits/nofile", "-1\n");
	expect_error("negative rlimit", "e-rl3", EINVAL, "e-rl3/rlimits/nofile", 1, "-1",
		     "is not a limit");
}

static void test_init_errors(void)
{
	guest_with("e-style", "apps/init/style", "upstart\n");
	expect_error("bad init style", "e-style", EINVAL, "e-style/apps/init/style", 1, "upstart",
		     "'upstart' is not an init style: expected sysv, plain");
	guest_with("e-kill", "apps/init/killseq", "15 5 FOO\n");
	expect_error("killseq: bad signal name", "e-kill", EINVAL, "e-kill/apps/init/killseq", 1,
		     "FOO", "'FOO' is not a signal");
	guest_with("e-kill2", "apps/init/killseq", "15\n\nsoon 9\n");
	expect_error("killseq: bad wait, line 3", "e-kill2", EINVAL, "e-kill2/apps/init/killseq", 3,
		     "soon", "is not a wait in seconds");
	guest_with("e-kill3", "apps/init/killseq", "15 # term\n5\n");
	expect_error("killseq: ends with a wait", "e-kill3", EINVAL, "e-kill3/apps/init/killseq", 2,
		     "5", "is a wait at the end");
	guest_with("e-kill4", "apps/init/killseq", "65\n");
	expect_error("killseq: signal 65", "e-kill4", EINVAL, "e-kill4/apps/init/killseq", 1, "65",
		     "1..64");
	guest_with("e-rlvl", "apps/init/runlevel", "3 5\n");
	expect_error("runlevel with a blank", "e-rlvl", EINVAL, "e-rlvl/apps/init/runlevel", 1,
		     "3 5", "is not a runlevel");
}

static void test_fstab_errors(void)
{
	guest_with("e-fstab", "fstab", "none /proc proc defaults\n# x\nnone /tmp\n");
	expect_error("fstab line with two fields", "e-fstab", EINVAL, "e-fstab/fstab", 3,
		     "none /tmp", "the line has 2 fields: expected 'spec file vfstype options");
	guest_with("e-fstab2", "fstab", "none proc proc defaults\n");
	expect_error("fstab relative mount point", "e-fstab2", EINVAL, "e-fstab2/fstab", 1,
		     "none proc proc defaults", "'proc' is not an absolute mount point");
	guest_with("e-fstab3", "fstab", "\n\nnone /proc proc defaults 0 x\n");
	expect_error("fstab bad pass", "e-fstab3", EINVAL, "e-fstab3/fstab", 3,
		     "none /proc proc defaults 0 x", "'x' is not a number");
	guest_with("e-fstab4", "fstab", "a /b c d 0 0 extra\n");
	expect_error("fstab line with seven fields", "e-fstab4", EINVAL, "e-fstab4/fstab", 1,
		     "a /b c d 0 0 extra", "has 7 fields");
}

static void test_other_errors(void)
{
	char long_name[80];

	expect_error("nonexistent guest: ENOENT", "nosuch", ENOENT, "nosuch", 0, "nosuch",
		     "no guest 'nosuch'");
	expect_error("bad name ../x", "../x", EINVAL, "", 0, "../x", "is not a guest name");
	expect_error("bad name .hidden", ".hidden", EINVAL, "", 0, ".hidden", "is not a guest name");
	expect_error("bad name (empty)", "", EINVAL, "", 0, "", "is not a guest name");
	memset(long_name, 'g', 65);
	long_name[65] = '\0';
	expect_error("bad name: 65 bytes", long_name, EINVAL, "", 0, long_name,
		     "is not a guest name");
	put("plainfile", "not a guest\n");
	expect_error("a file, not a guest directory: ENOTDIR", "plainfile", ENOTDIR, "plainfile", 0,
		     "plainfile", "cannot open");
	guest_with("e-vdir", "vdir", "relative/path\n");
	expect_error("vdir file with a relative path", "e-vdir", EINVAL, "e-vdir/vdir", 1,
		     "relative/path", "is not an absolute path");
	make_guest("e-dirfile");
	put_dir("e-dirfile/ncontext");
	expect_error("a directory where a file belongs", "e-dirfile", EINVAL, "e-dirfile/ncontext",
		     0, "", "is not a regular file");
}

static void test_api(void)
{
	struct vs_config *c = NULL;

	make_guest("api");
	errno = 0;
	check(vs_config_load(root, "nosuch", &c, NULL) == -1 && errno == ENOENT && !c,
	      "err may be NULL");
	errno = 0;
	check(vs_config_load(NULL, "api", &c, NULL) == -1 && errno == EINVAL, "NULL root: EINVAL");
	check(vs_config_load(root, "api", &c, NULL) == 0 && c && c->xid == 42, "loads with NULL err");
	vs_config_free(c);
	vs_config_free(NULL);
	check(!vs_init_style_name((enum vs_init_style)99) &&
		      !strcmp(vs_init_style_name(VS_INIT_RESCUE), "rescue"),
	      "vs_init_style_name");
}

int main(void)
{
	char top[] = "/tmp/vsconfig.XXXXXX";

	if (!mkdtemp(top))
		die("mkdtemp", top);
	snprintf(root, sizeof(root), "%s/etc", top);
	put_dir("");
	printf("1..92\n");
	test_full();
	test_minimal();
	test_defaults();
	test_id_errors();
	test_uts_errors();
	test_list_errors();
	test_iface_errors();
	test_rlimit_errors();
	test_init_errors();
	test_fstab_errors();
	test_other_errors();
	test_api();
	nftw(top, rm_entry, 16, FTW_DEPTH | FTW_PHYS);
	return failed ? 1 : 0;
}
