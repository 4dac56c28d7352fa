// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * vserver NAME build - create a guest's configuration and root
 *
 * Methods: skeleton (configuration and an empty root), busybox (a tiny
 * static guest), debootstrap (Debian through Debian's debootstrap), template
 * (unpack an archive). The configuration goes to CONFDIR/NAME, the root to
 * VDIRBASE/NAME (util-vserver's layout, ABI §7); a failure at any point
 * removes both, so a failed build leaves nothing behind. An existing guest
 * is replaced only with --force.
 *
 * Copyright (C) 2026 The vserver authors
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <sys/wait.h>
#include <unistd.h>

#include <linux/vserver/inode.h>
#include <vserver.h>

#include "../common.h"
#include "guest.h"

/* Static xids (ABI §2.1); build picks the lowest free one without --context. */
#define XID_MIN 2
#define XID_STATIC_MAX 49151

struct build {
	const char *name;
	const char *method;
	unsigned long xid;
	const char *hostname;
	const char *rootdir;	/* VDIRBASE */
	bool force;
	char cfgdir[PATH_MAX];
	char vdir[PATH_MAX];
	bool made_cfgdir, made_vdir;
	int nargs;		/* the method's arguments, after -- */
	char **args;
};

static void __attribute__((noreturn)) build_usage(void)
{
	printf("Usage: vserver NAME build -m METHOD [OPTION]... [-- METHOD-ARG]...\n"
	       "\n"
	       "Methods:\n"
	       "  skeleton     the configuration and an empty root directory\n"
	       "  busybox      a small static guest from the host's busybox (-- -b PATH to\n"
	       "               use another static busybox)\n"
	       "  debootstrap  Debian: -- -d SUITE [-m MIRROR] [-- DEBOOTSTRAP-OPTION]...\n"
	       "  template     unpack an archive: -- -t ARCHIVE\n"
	       "\n"
	       "Options:\n"
	       "  -m, --method METHOD   how to fill the root (required)\n"
	       "      --context XID     the guest's context, 2..49151 (default: the lowest\n"
	       "                        one no other guest has)\n"
	       "      --hostname NAME   its host name (default: the guest's name)\n"
	       "      --rootdir DIR     where guest roots live (default /vservers)\n"
	       "      --force           replace an existing guest of that name\n"
	       "  -h, --help            show this help\n");
	exit(VS_EXIT_OK);
}

/* --- rollback ---------------------------------------------------------------- */

static void undo(struct build *b)
{
	char failed[PATH_MAX];

	if (b->made_vdir && vs_remove_tree(b->vdir, failed, sizeof(failed)) < 0)
		vs_warn("cannot remove %s while undoing the build: %m", failed);
	if (b->made_cfgdir && vs_remove_tree(b->cfgdir, failed, sizeof(failed)) < 0)
		vs_warn("cannot remove %s while undoing the build: %m", failed);
}

/* --- small writers ----------------------------------------------------------- */

static int put(const char *dir, const char *rel, mode_t mode, const char *fmt, ...)
	VS_PRINTF(4, 5);

static int put(const char *dir, const char *rel, mode_t mode, const char *fmt, ...)
{
	char path[PATH_MAX], *text;
	va_list ap;
	int r;

	vs_pathf(path, sizeof(path), "%s/%s", dir, rel);
	va_start(ap, fmt);
	r = vasprintf(&text, fmt, ap);
	va_end(ap);
	if (r < 0)
		return -1;
	r = vs_write_file(path, text, mode);
	if (r < 0)
		vs_warn("cannot write %s: %m", path);
	free(text);
	return r;
}

static int mkdirs(const char *root, const char *const *dirs, mode_t mode)
{
	char path[PATH_MAX];

	for (; *dirs; dirs++) {
		vs_pathf(path, sizeof(path), "%s/%s", root, *dirs);
		if (vs_mkdir_p(path, mode) < 0) {
			vs_warn("cannot create %s: %m", path);
			return -1;
		}
	}
	return 0;
}

/* --- the configuration ------------------------------------------------------- */

static bool xid_taken(unsigned long xid)
{
	cleanup_dir DIR *d = opendir(vs_paths.confdir);
	struct dirent *de;
	struct vc_vx_info info;

	if (vc_get_vx_info((uint32_t)xid, &info) == 0)
		return true;
	if (!d)
		return false;
	while ((de = readdir(d))) {
		char path[PATH_MAX], text[32] = "";
		FILE *f;

		if (de->d_name[0] == '.')
			continue;
		vs_pathf(path, sizeof(path), "%s/%s/context", vs_paths.confdir, de->d_name);
		f = fopen(path, "re");
		if (!f)
			continue;
		if (fgets(text, sizeof(text), f) && strtoul(text, NULL, 10) == xid) {
			fclose(f);
			return true;
		}
		fclose(f);
	}
	return false;
}

static int pick_xid(struct build *b)
{
	unsigned long x;

	if (b->xid) {
		if (xid_taken(b->xid)) {
			vs_warn("context %lu is taken by another guest or a running context: "
				"choose another --context", b->xid);
			return -1;
		}
		return 0;
	}
	for (x = XID_MIN; x <= XID_STATIC_MAX; x++)
		if (!xid_taken(x)) {
			b->xid = x;
			return 0;
		}
	vs_warn("no free context id in %d..%d: give one with --context", XID_MIN, XID_STATIC_MAX);
	return -1;
}

static int write_config(struct build *b, const char *style)
{
	static const char *const dirs[] = { "uts", "apps/init", NULL };
	char link[PATH_MAX];

	if (mkdirs(b->cfgdir, dirs, 0755) < 0 ||
	    put(b->cfgdir, "context", 0644, "%lu\n", b->xid) < 0 ||
	    put(b->cfgdir, "name", 0644, "%s\n", b->name) < 0 ||
	    put(b->cfgdir, "uts/nodename", 0644, "%s\n", b->hostname) < 0 ||
	    put(b->cfgdir, "apps/init/style", 0644, "%s\n", style) < 0 ||
	    put(b->cfgdir, "fstab", 0644,
		"# mounted into the guest by 'vserver %s start', in its own mount namespace\n"
		"proc\t/proc\tproc\tnosuid,nodev,noexec\t0 0\n"
		"devpts\t/dev/pts\tdevpts\tgid=5,mode=620,ptmxmode=666\t0 0\n"
		"tmpfs\t/tmp\ttmpfs\tsize=64m,mode=1777\t0 0\n", b->name) < 0)
		return -1;
	vs_pathf(link, sizeof(link), "%s/vdir", b->cfgdir);
	if (symlink(b->vdir, link) < 0) {
		vs_warn("cannot create %s: %m", link);
		return -1;
	}
	return 0;
}

/* --- methods ----------------------------------------------------------------- */

static const char *const root_dirs[] = {
	"bin", "sbin", "usr/bin", "usr/sbin", "etc/init.d", "dev/pts", "dev/shm", "proc", "sys",
	"root", "var/log", "var/run", "run", "home", NULL,
};

struct devnode {
	const char *name;
	mode_t mode;
	unsigned int major, minor;
};

/* What a guest needs in /dev; no disks, no consoles of the host. */
static const struct devnode dev_nodes[] = {
	{ "null", 0666, 1, 3 }, { "zero", 0666, 1, 5 },	   { "full", 0666, 1, 7 },
	{ "random", 0666, 1, 8 }, { "urandom", 0666, 1, 9 }, { "tty", 0666, 5, 0 },
};

static int make_dev(const char *vdir)
{
	static const char *const links[][2] = {
		{ "ptmx", "pts/ptmx" }, { "fd", "/proc/self/fd" }, { "stdin", "/proc/self/fd/0" },
		{ "stdout", "/proc/self/fd/1" }, { "stderr", "/proc/self/fd/2" },
	};
	char path[PATH_MAX];
	size_t i;

	for (i = 0; i < sizeof(dev_nodes) / sizeof(dev_nodes[0]); i++) {
		const struct devnode *d = &dev_nodes[i];

		vs_pathf(path, sizeof(path), "%s/dev/%s", vdir, d->name);
		if (mknod(path, S_IFCHR | d->mode, makedev(d->major, d->minor)) < 0 ||
		    chmod(path, d->mode) < 0) {
			vs_warn("cannot create the device %s: %m", path);
			return -1;
		}
	}
	for (i = 0; i < sizeof(links) / sizeof(links[0]); i++) {
		vs_pathf(path, sizeof(path), "%s/dev/%s", vdir, links[i][0]);
		if (symlink(links[i][1], path) < 0) {
			vs_warn("cannot create %s: %m", path);
			return -1;
		}
	}
	return 0;
}

static int copy_file(const char *from, const char *to, mode_t mode)
{
	cleanup_fd int in = open(from, O_RDONLY | O_CLOEXEC);
	cleanup_fd int out = -1;
	char buf[65536];
	ssize_t n;

	if (in < 0) {
		vs_warn("cannot open %s: %m", from);
		return -1;
	}
	out = open(to, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode);
	if (out < 0) {
		vs_warn("cannot create %s: %m", to);
		return -1;
	}
	while ((n = read(in, buf, sizeof(buf))) > 0)
		if (write(out, buf, (size_t)n) != n) {
			vs_warn("cannot write %s: %m", to);
			return -1;
		}
	if (n < 0) {
		vs_warn("cannot read %s: %m", from);
		return -1;
	}
	return 0;
}

/* One symlink per applet, as `busybox --install -s` would make them. */
static int busybox_links(const char *busybox, const char *vdir)
{
	char cmd[PATH_MAX + 32], line[PATH_MAX], path[PATH_MAX * 2];
	FILE *p;
	int n = 0, rc = 0;

	snprintf(cmd, sizeof(cmd), "'%s' --list-full", busybox);
	p = popen(cmd, "re");
	if (!p) {
		vs_warn("cannot run %s --list-full: %m", busybox);
		return -1;
	}
	while (fgets(line, sizeof(line), p)) {
		line[strcspn(line, "\n")] = '\0';
		if (!line[0] || !strcmp(line, "bin/busybox") || !strcmp(line, "linuxrc") || strstr(line, "..") ||
		    line[0] == '/')
			continue;
		vs_pathf(path, sizeof(path), "%s/%s", vdir, line);
		if (symlink("/bin/busybox", path) < 0 && errno != EEXIST) {
			vs_warn("cannot create %s: %m", path);
			rc = -1;
			break;
		}
		n++;
	}
	if (pclose(p) != 0 && rc == 0) {
		vs_warn("%s --list-full failed: is it a busybox binary?", busybox);
		rc = -1;
	}
	if (rc == 0 && n == 0) {
		vs_warn("%s lists no applets", busybox);
		rc = -1;
	}
	return rc;
}

static int etc_files(const struct build *b)
{
	return put(b->vdir, "etc/passwd", 0644,
		   "root:x:0:0:root:/root:/bin/sh\nnobody:x:65534:65534:nobody:/:/bin/false\n") ||
	       put(b->vdir, "etc/group", 0644, "root:x:0:\ntty:x:5:\nnogroup:x:65534:\n") ||
	       put(b->vdir, "etc/hostname", 0644, "%s\n", b->hostname) ||
	       put(b->vdir, "etc/hosts", 0644, "127.0.0.1\tlocalhost\n127.0.1.1\t%s\n",
		   b->hostname);
}

/* /tmp gets a tmpfs from the fstab; the directory below is sticky too. */
static int make_tmp(const char *vdir)
{
	char path[PATH_MAX];

	vs_pathf(path, sizeof(path), "%s/tmp", vdir);
	if (mkdir(path, 01777) < 0 || chmod(path, 01777) < 0) {
		vs_warn("cannot create %s: %m", path);
		return -1;
	}
	return 0;
}

static int method_skeleton(struct build *b)
{
	if (b->nargs) {
		vs_warn("the skeleton method takes no arguments, not '%s'", b->args[0]);
		errno = EINVAL;
		return -1;
	}
	return mkdirs(b->vdir, root_dirs, 0755) || make_tmp(b->vdir) || make_dev(b->vdir) ||
	       etc_files(b) ? -1 : 0;
}

static int method_busybox(struct build *b)
{
	const char *busybox = getenv("VSERVER_BUSYBOX");
	char path[PATH_MAX];
	int o;

	if (!busybox || !*busybox)
		busybox = "/bin/busybox";
	optind = 0;
	while ((o = getopt(b->nargs + 1, b->args - 1, "+b:")) != -1) {
		if (o != 'b') {
			vs_warn("busybox method: the only option is -b PATH");
			return -1;
		}
		busybox = optarg;
	}
	if (optind < b->nargs + 1) {
		vs_warn("busybox method: unexpected argument '%s'", b->args[optind - 1]);
		return -1;
	}
	printf("Installing %s and its applets\n", busybox);
	vs_pathf(path, sizeof(path), "%s/bin/busybox", b->vdir);
	if (mkdirs(b->vdir, root_dirs, 0755) || make_tmp(b->vdir) || make_dev(b->vdir) || etc_files(b) ||
	    copy_file(busybox, path, 0755) || busybox_links(busybox, b->vdir))
		return -1;
	/*
	 * busybox init: Ctrl-Alt-Del (SIGINT, what 'vserver stop' sends to a
	 * plain init) powers the guest off; no consoles, the guest has none.
	 */
	return put(b->vdir, "etc/inittab", 0644,
		   "# busybox init of guest %s (see 'vserver %s start', 'stop')\n"
		   "::sysinit:/etc/init.d/rcS\n"
		   "::ctrlaltdel:/sbin/poweroff\n"
		   "::shutdown:/etc/init.d/rcK\n", b->name, b->name) ||
	       put(b->vdir, "etc/init.d/rcS", 0755,
		   "#!/bin/sh\n# Runs once when the guest starts.\n"
		   "[ -x /etc/rc.local ] && /etc/rc.local\nexit 0\n") ||
	       put(b->vdir, "etc/init.d/rcK", 0755,
		   "#!/bin/sh\n# Runs once when the guest stops.\nexit 0\n") ||
	       put(b->vdir, "etc/profile", 0644,
		   "export PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin\n"
		   "PS1='\\u@\\h:\\w\\$ '\n") ? -1 : 0;
}

/*
 * debootstrap's /dev holds what a Debian system needs on a machine of its
 * own, the console (5:1) among them: a guest opening that reads from and
 * writes to the host's console. The guest gets the set the other methods
 * make instead (its terminals come from its own devpts).
 */
static int replace_dev(const char *vdir)
{
	static const char *const dirs[] = { "dev", "dev/pts", "dev/shm", NULL };
	char path[PATH_MAX], failed[PATH_MAX];

	vs_pathf(path, sizeof(path), "%s/dev", vdir);
	if (vs_remove_tree(path, failed, sizeof(failed)) < 0) {
		vs_warn("cannot remove %s: %m", failed);
		return -1;
	}
	return mkdirs(vdir, dirs, 0755) || make_dev(vdir) ? -1 : 0;
}

static int method_debootstrap(struct build *b)
{
	const char *suite = NULL, *mirror = "http://deb.debian.org/debian";
	char *argv[64];
	int o, n = 0, i;

	optind = 0;
	while ((o = getopt(b->nargs + 1, b->args - 1, "+d:m:")) != -1) {
		if (o == 'd') {
			suite = optarg;
		} else if (o == 'm') {
			mirror = optarg;
		} else {
			vs_warn("debootstrap method: use -- -d SUITE [-m MIRROR] [-- OPTION...]");
			return -1;
		}
	}
	if (!suite) {
		vs_warn("debootstrap method: which Debian suite? give -- -d SUITE, e.g. -d bookworm");
		return -1;
	}
	/*
	 * minbase has no init; a guest needs one that runs without consoles.
	 * debootstrap keeps only its last --include, so the caller's packages
	 * join ours in one option instead of replacing sysvinit-core.
	 */
	char include[4096] = "--include=sysvinit-core";

	argv[n++] = "debootstrap";
	argv[n++] = "--variant=minbase";
	argv[n++] = include;
	for (i = optind - 1; i < b->nargs && n < 58; i++) {
		const char *pkgs = NULL;

		if (!strncmp(b->args[i], "--include=", 10))
			pkgs = b->args[i] + 10;
		else if (!strcmp(b->args[i], "--include") && i + 1 < b->nargs)
			pkgs = b->args[++i];
		if (!pkgs) {
			argv[n++] = b->args[i];
			continue;
		}
		if (*pkgs && strlen(include) + 1 + strlen(pkgs) >= sizeof(include)) {
			vs_warn("debootstrap method: the --include list is too long");
			return -1;
		}
		if (*pkgs)
			strcat(strcat(include, ","), pkgs);
	}
	argv[n++] = (char *)suite;
	argv[n++] = b->vdir;
	argv[n++] = (char *)mirror;
	argv[n] = NULL;
	printf("Running debootstrap for %s into %s (a few minutes; its progress follows)\n",
	       suite, b->vdir);
	fflush(stdout);
	if (vs_run(argv) < 0)
		return -1;
	/*
	 * The guest has no terminals: drop the gettys, and let Ctrl-Alt-Del
	 * (what 'vserver stop' sends) halt instead of reboot.
	 */
	char inittab[PATH_MAX + 16];

	vs_pathf(inittab, sizeof(inittab), "%s/etc/inittab", b->vdir);
	char *const sed[] = {
		"sed", "-i", "-e", "s|^\\([0-9]*:[0-9]*:respawn:/sbin/getty.*\\)|#\\1|",
		"-e", "s|^ca:\\(.*\\)-r now|ca:\\1-h now|", inittab, NULL,
	};
	if (vs_run(sed) < 0 || replace_dev(b->vdir) < 0)
		return -1;
	return put(b->vdir, "etc/hostname", 0644, "%s\n", b->hostname);
}

static int method_template(struct build *b)
{
	const char *archive = NULL;
	int o;

	optind = 0;
	while ((o = getopt(b->nargs + 1, b->args - 1, "+t:")) != -1) {
		if (o != 't') {
			vs_warn("template method: use -- -t ARCHIVE");
			return -1;
		}
		archive = optarg;
	}
	if (!archive) {
		vs_warn("template method: which archive? give -- -t ARCHIVE");
		return -1;
	}
	if (access(archive, R_OK) < 0) {
		vs_warn("cannot read %s: %m", archive);
		return -1;
	}
	printf("Unpacking %s into %s\n", archive, b->vdir);
	fflush(stdout);
	char *const tar[] = { "tar", "-x", "-p", "--numeric-owner", "-f", (char *)archive,
			      "-C", b->vdir, NULL };
	return vs_run(tar);
}

static const struct method {
	const char *name;
	const char *style;	/* apps/init/style */
	int (*fill)(struct build *b);
} methods[] = {
	{ "skeleton", "plain", method_skeleton },
	{ "busybox", "plain", method_busybox },
	{ "debootstrap", "plain", method_debootstrap },
	{ "template", "plain", method_template },
};

/* --- the command ------------------------------------------------------------- */

static void default_rootdir(struct build *b, char *buf, size_t size)
{
	char link[PATH_MAX];
	ssize_t n;

	vs_pathf(link, sizeof(link), "%s/.defaults/vdirbase", vs_paths.confdir);
	n = readlink(link, buf, size - 1);
	if (n > 0 && buf[0] == '/') {
		buf[n] = '\0';
		b->rootdir = buf;
	} else {
		b->rootdir = "/vservers";
	}
}

/* Replace an existing guest (--force): it must not run. */
static int remove_existing(struct build *b)
{
	struct vs_config *c;
	char failed[PATH_MAX];
	struct stat st;

	if (lstat(b->cfgdir, &st) < 0 && lstat(b->vdir, &st) < 0)
		return 0;
	if (!b->force) {
		vs_warn("guest '%s' exists (%s or %s): use --force to replace it", b->name,
			b->cfgdir, b->vdir);
		return -1;
	}
	if (vs_config_load(vs_paths.confdir, b->name, &c, NULL) == 0) {
		bool running = vs_guest_running(c, NULL);

		vs_config_free(c);
		if (running) {
			vs_warn("'%s' is running: stop it before replacing it", b->name);
			return -1;
		}
	}
	printf("Removing the old guest '%s'\n", b->name);
	if (vs_remove_tree(b->vdir, failed, sizeof(failed)) < 0 ||
	    vs_remove_tree(b->cfgdir, failed, sizeof(failed)) < 0) {
		vs_warn("cannot remove %s: %m", failed);
		return -1;
	}
	return 0;
}

static int set_barrier(const char *dir)
{
	if (vs_inject("build-barrier"))
		goto fail;
	if (vc_set_iattr(dir, IATTR_BARRIER, IATTR_BARRIER) == 0)
		return 0;
	if (errno == ENOSYS) {
		vs_warn("warning: this kernel has no vserver support, so %s has no chroot "
			"barrier yet: 'vserver start' sets it", dir);
		return 0;
	}
fail:
	vs_warn("cannot set the chroot barrier on %s: %m", dir);
	return -1;
}

static int build(struct build *b, const struct method *m)
{
	printf("Building guest '%s' (%s) in %s, context %lu\n", b->name, m->name, b->vdir, b->xid);
	if (vs_mkdir_p(b->rootdir, 0755) < 0) {
		vs_warn("cannot create %s: %m", b->rootdir);
		return -1;
	}
	if (set_barrier(b->rootdir) < 0)
		return -1;
	if (vs_mkdir_p(vs_paths.confdir, 0755) < 0 || mkdir(b->cfgdir, 0755) < 0) {
		vs_warn("cannot create %s: %m", b->cfgdir);
		return -1;
	}
	b->made_cfgdir = true;
	if (mkdir(b->vdir, 0755) < 0) {
		vs_warn("cannot create %s: %m", b->vdir);
		return -1;
	}
	b->made_vdir = true;
	if (write_config(b, m->style) < 0)
		return -1;
	if (vs_inject("build-fill")) {
		vs_warn("cannot fill %s: %m", b->vdir);
		return -1;
	}
	if (m->fill(b) < 0)
		return -1;
	/* What start will read must load: prove it now. */
	struct vs_config *c = vs_guest_load(b->name);

	if (!c)
		return -1;
	vs_config_free(c);
	return 0;
}

int vs_cmd_build(const char *name, int argc, char **argv)
{
	enum { OPT_CONTEXT = 256, OPT_HOSTNAME, OPT_ROOTDIR, OPT_FORCE };
	static const struct option opts[] = {
		{ "method", required_argument, NULL, 'm' },
		{ "context", required_argument, NULL, OPT_CONTEXT },
		{ "hostname", required_argument, NULL, OPT_HOSTNAME },
		{ "rootdir", required_argument, NULL, OPT_ROOTDIR },
		{ "force", no_argument, NULL, OPT_FORCE },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	struct build b = { .name = name };
	struct vs_config_error err;
	const struct method *m = NULL;
	char rootbuf[PATH_MAX];
	size_t i;
	int o;

	optind = 1;
	while ((o = getopt_long(argc, argv, "+m:h", opts, NULL)) != -1) {
		switch (o) {
		case 'm':
			b.method = optarg;
			break;
		case OPT_CONTEXT:
			if (vs_parse_uint(optarg, XID_STATIC_MAX, &b.xid) < 0 || b.xid < XID_MIN)
				vs_usage_error("--context '%s': expected a context id in %d..%d",
					       optarg, XID_MIN, XID_STATIC_MAX);
			break;
		case OPT_HOSTNAME:
			if (!*optarg || strlen(optarg) > VS_NAME_MAX)
				vs_usage_error("--hostname '%s': expected 1..%d bytes", optarg,
					       VS_NAME_MAX);
			b.hostname = optarg;
			break;
		case OPT_ROOTDIR:
			if (optarg[0] != '/')
				vs_usage_error("--rootdir '%s': expected an absolute path", optarg);
			b.rootdir = optarg;
			break;
		case OPT_FORCE:
			b.force = true;
			break;
		case 'h':
			build_usage();
		default:
			vs_try_help();
		}
	}
	b.nargs = argc - optind;
	b.args = argv + optind;
	if (!b.method)
		vs_usage_error("build needs a method: -m skeleton, busybox, debootstrap or template");
	for (i = 0; i < sizeof(methods) / sizeof(methods[0]); i++)
		if (!strcmp(methods[i].name, b.method))
			m = &methods[i];
	if (!m)
		vs_usage_error("unknown build method '%s': skeleton, busybox, debootstrap or template",
			       b.method);
	if (vs_config_check_name(name, &err) < 0) {
		vs_warn("%s", err.msg);
		return VS_EXIT_USAGE;
	}
	if (!b.hostname)
		b.hostname = strlen(name) <= VS_NAME_MAX ? name : "guest";
	if (!b.rootdir)
		default_rootdir(&b, rootbuf, sizeof(rootbuf));
	snprintf(b.cfgdir, sizeof(b.cfgdir), "%s/%s", vs_paths.confdir, name);
	snprintf(b.vdir, sizeof(b.vdir), "%s/%s", b.rootdir, name);
	if (strlen(b.cfgdir) > VS_NAME_MAX) {
		vs_warn("%s is longer than %d bytes, the most the kernel keeps as a context's "
			"name: choose a shorter guest name", b.cfgdir, VS_NAME_MAX);
		return VS_EXIT_FAIL;
	}
	if (remove_existing(&b) < 0 || pick_xid(&b) < 0)
		return VS_EXIT_FAIL;
	if (build(&b, m) < 0) {
		vs_warn("building '%s' failed; removing what was made", name);
		undo(&b);
		return VS_EXIT_FAIL;
	}
	printf("Guest '%s' is ready: start it with 'vserver %s start'\n", name, name);
	return VS_EXIT_OK;
}
