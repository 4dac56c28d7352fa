// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * vserver NAME start / stop
 *
 * start is a list of steps, each with its undo (ABI §6.1 gives util-vserver's
 * order, which is kept where it matters: the barrier is in place before the
 * guest's first task exists; the task enters its root before it becomes a
 * guest task, because no guest task may pass the barrier; the context is
 * configured during setup and setup ends right before init runs).
 *
 * On the host: check the configuration, check that neither the guest nor
 * its context id runs, put the barrier on the parent of the guest's root,
 * clone the guest's first task into new mount, pid, uts and ipc namespaces
 * (and net, with spaces/net), wait for its report, write the run file.
 * In the new task (pid 1 of the new pid namespace): make the mounts private,
 * bind the root onto itself, mount the fstab, enter the root, create the
 * context, store the namespaces, set names, capabilities and flags,
 * pivot_root into the root, store the mount namespace and root, end setup
 * (this task becomes the context's init), exec init.
 *
 * Most undo is the kernel's: the mounts live in the guest's mount namespace
 * and the context ends with its last task, so a failure in the new task
 * needs only that task killed. A failure at any step, real or injected with
 * VSERVER_FAIL_AT=STEP (the step names are in steps[] below), leaves no
 * context, mount, run file or barrier that was not there before.
 *
 * stop: the guest's own shutdown (SIGINT to a plain init, which busybox and
 * sysvinit take as Ctrl-Alt-Del; the stop runlevel for sysv), a bounded
 * wait, then the kill sequence of apps/init/killseq, then the run file.
 *
 * Copyright (C) 2026 The vserver authors
 */
#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <limits.h>
#include <sched.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/mount.h>
#include <sys/socket.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include <arpa/inet.h>
#include <net/if.h>
#include <linux/openat2.h>
#include <linux/vserver/network.h>
#include <linux/vserver/inode.h>
#include <linux/vserver/limit.h>
#include <vserver.h>

#include "../common.h"
#include "guest.h"

/*
 * util-vserver's defaults (ABI §6.1 step 16, vattribute --secure), with one
 * departure: the bounding capabilities numbered 32..62 (MAC_OVERRIDE,
 * MAC_ADMIN, SYSLOG, WAKE_ALARM, BLOCK_SUSPEND, AUDIT_READ, PERFMON, BPF,
 * CHECKPOINT_RESTORE) came to Linux after util-vserver's table and were
 * kept only because it computed in 32 bits; a guest does not get them
 * unless bcapabilities names them. Bit 63 (CAP_CONTEXT) stays.
 */
const struct vc_mask64 vs_default_bcaps = { 0x80000000B44C04FFULL, ~0ULL };
const struct vc_mask64 vs_default_ccaps = { VXC_SET_UTSNAME | VXC_RAW_ICMP |
					    VXC_AUDIT_CONTROL, ~0ULL };
const struct vc_mask64 vs_default_cflags = { VXF_HIDE_NETIF | VXF_VIRT_UPTIME | VXF_SC_HELPER |
					     VXF_INFO_INIT, VXF_HIDE_NETIF | VXF_VIRT_UPTIME |
					     VXF_SC_HELPER | VXF_INFO_INIT };

/* The most interfaces/ entries one guest has. */
#define VS_IFACES_MAX 64

/* What the guest's first task tells the host: "" step when init runs. */
struct report {
	char step[32];
	int err;
	char msg[512];
};

struct starter {
	struct vs_config *c;
	int pipe[2];		/* report: guest task -> host */
	pid_t child;
	int vdirfd;		/* the guest's root, opened by the host */
	bool barrier_set;	/* this start set it: undo clears it */
	char vdirbase[PATH_MAX];
	bool added[VS_IFACES_MAX];	/* this start put ifaces[i] on its device */
};

/* The default, with what the configuration sets or clears on top. */
static void apply(struct vc_mask64 *out, const struct vc_mask64 *dflt,
		  const struct vc_mask64 *cfg)
{
	out->value = (dflt->value & ~cfg->mask) | (cfg->value & cfg->mask);
	out->mask = dflt->mask | cfg->mask;
}

/* --- in the guest's first task ----------------------------------------------- */

/* Fail the start: tell the host which step and why, and end this task. */
static void __attribute__((noreturn, format(printf, 4, 5)))
child_fail(const struct starter *s, const char *step, int err, const char *fmt, ...)
{
	struct report r = { .err = err ? err : EIO };
	va_list ap;

	snprintf(r.step, sizeof(r.step), "%s", step);
	va_start(ap, fmt);
	vsnprintf(r.msg, sizeof(r.msg), fmt, ap);
	va_end(ap);
	if (write(s->pipe[1], &r, sizeof(r)) != sizeof(r))
		_exit(VS_EXIT_FAIL);
	_exit(VS_EXIT_FAIL);
}

static const struct mount_opt {
	const char *name;
	unsigned long set, clear;
} mount_opts[] = {
	{ "defaults", 0, 0 },	  { "ro", MS_RDONLY, 0 },	  { "rw", 0, MS_RDONLY },
	{ "nosuid", MS_NOSUID, 0 }, { "suid", 0, MS_NOSUID },	  { "nodev", MS_NODEV, 0 },
	{ "dev", 0, MS_NODEV },	  { "noexec", MS_NOEXEC, 0 },	  { "exec", 0, MS_NOEXEC },
	{ "sync", MS_SYNCHRONOUS, 0 }, { "async", 0, MS_SYNCHRONOUS },
	{ "noatime", MS_NOATIME, 0 }, { "nodiratime", MS_NODIRATIME, 0 },
	{ "relatime", MS_RELATIME, 0 }, { "strictatime", MS_STRICTATIME, 0 },
	{ "bind", MS_BIND, 0 },	  { "rbind", MS_BIND | MS_REC, 0 },
};

/* Split fstab options into MS_* flags and the filesystem's own data. */
static void parse_options(const char *opts, unsigned long *flags, char *data, size_t size)
{
	char buf[1024], *save, *w;
	size_t i;

	*flags = 0;
	data[0] = '\0';
	snprintf(buf, sizeof(buf), "%s", opts);
	for (w = strtok_r(buf, ",", &save); w; w = strtok_r(NULL, ",", &save)) {
		for (i = 0; i < sizeof(mount_opts) / sizeof(mount_opts[0]); i++)
			if (!strcmp(w, mount_opts[i].name))
				break;
		if (i < sizeof(mount_opts) / sizeof(mount_opts[0])) {
			*flags = (*flags & ~mount_opts[i].clear) | mount_opts[i].set;
		} else {
			size_t len = strlen(data);

			snprintf(data + len, size - len, "%s%s", len ? "," : "", w);
		}
	}
}

/*
 * Mount one fstab line inside the guest's root. The mount point is
 * resolved with RESOLVE_IN_ROOT, so a symlink the guest planted cannot
 * point a mount outside its root.
 */
static void mount_entry(const struct starter *s, const struct vs_config_mount *m)
{
	struct open_how how = {
		.flags = O_PATH | O_DIRECTORY | O_CLOEXEC,
		.resolve = RESOLVE_IN_ROOT | RESOLVE_NO_MAGICLINKS,
	};
	const char *fstab = "fstab";
	char data[1024], target[64];
	unsigned long flags;
	int fd;

	fd = (int)syscall(SYS_openat2, s->vdirfd, m->file, &how, sizeof(how));
	if (fd < 0)
		child_fail(s, "mount-fstab", errno, "%s/%s:%d: mount point %s in the guest: %m",
			   s->c->cfgdir, fstab, m->line, m->file);
	snprintf(target, sizeof(target), "/proc/self/fd/%d", fd);
	parse_options(m->options, &flags, data, sizeof(data));
	if (mount(m->spec, target, m->vfstype, flags,
		  data[0] ? data : NULL) < 0)
		child_fail(s, "mount-fstab", errno, "%s/%s:%d: cannot mount %s on %s (%s): %m",
			   s->c->cfgdir, fstab, m->line, m->spec, m->file, m->vfstype);
	/* A bind mount takes ro and the like only on a remount. */
	if ((flags & MS_BIND) && (flags & (MS_RDONLY | MS_NOSUID | MS_NODEV | MS_NOEXEC)) &&
	    mount(NULL, target, NULL, MS_REMOUNT | MS_BIND | flags, NULL) < 0)
		child_fail(s, "mount-fstab", errno, "%s/%s:%d: cannot remount %s with '%s': %m",
			   s->c->cfgdir, fstab, m->line, m->file, m->options);
	close(fd);
}

static void iface_entry(const struct vs_config_iface *ifc, struct vc_net_addr *a)
{
	memset(a, 0, sizeof(*a));
	if (ifc->family == AF_INET) {
		a->vna_type = NXA_TYPE_IPV4 | NXA_TYPE_ADDR;
		a->vna_v4_ip = ifc->addr.v4;
		a->vna_v4_mask.s_addr = 0xffffffff;
	} else {
		a->vna_type = NXA_TYPE_IPV6 | NXA_TYPE_ADDR;
		a->vna_v6_ip = ifc->addr.v6;
		a->vna_prefix = 128;
	}
}

/*
 * The guest's network context (nid = ncontext, default the xid) with the
 * addresses of interfaces/, util-vserver's secure ncaps and the configured
 * nflags and ncaps on top of the kernel's defaults. net_create moves this
 * task into it.
 */
static void guest_network(const struct starter *s)
{
	const struct vs_config *c = s->c;
	const struct vc_mask64 secure_ncaps = { NXC_RAW_ICMP, NXC_RAW_ICMP };
	struct vc_mask64 ncaps;
	struct vc_net_addr a;
	char text[INET6_ADDRSTRLEN];
	size_t i;

	if (!vs_guest_uses_nid(c))
		return;
	if (vc_net_create(c->nid, NULL) < 0)
		child_fail(s, "network", errno, "cannot create network context %u: %m", c->nid);
	for (i = 0; i < c->n_ifaces; i++) {
		const struct vs_config_iface *ifc = &c->ifaces[i];

		if (ifc->disabled)
			continue;
		iface_entry(ifc, &a);
		if (vc_net_add(c->nid, &a) < 0 && errno != EEXIST)
			child_fail(s, "network", errno, "%s/interfaces/%s: cannot give %s to the guest: %m",
				   c->cfgdir, ifc->name,
				   inet_ntop(ifc->family, &ifc->addr, text, sizeof(text)));
	}
	apply(&ncaps, &secure_ncaps, &c->ncaps);
	if (vc_set_ncaps(c->nid, &ncaps) < 0)
		child_fail(s, "network", errno, "cannot set the network capabilities: %m");
	if (c->nflags.mask && vc_set_nflags(c->nid, &c->nflags) < 0)
		child_fail(s, "network", errno, "cannot set the network flags: %m");
}

static int ip_addr(const char *op, const struct vs_config_iface *ifc, bool quiet);

/*
 * A guest with its own network namespace (spaces/net) and interfaces/ has
 * its addresses there, on its own device of the name interfaces/N/dev
 * gives (lo is always there; another device the administrator moves in
 * from the hook scripts): its network context allows them, and nothing
 * else of the namespace. An entry whose device the namespace lacks, or
 * with nodev, is left to the administrator. Runs in the new namespace.
 */
static void netns_addresses(const struct starter *s)
{
	const struct vs_config *c = s->c;
	size_t i;

	if (!vs_guest_uses_nid(c))
		return;
	for (i = 0; i < c->n_ifaces; i++) {
		const struct vs_config_iface *ifc = &c->ifaces[i];

		if (ifc->disabled || ifc->nodev || !if_nametoindex(ifc->dev))
			continue;
		if (ip_addr("add", ifc, false) < 0)
			child_fail(s, "network", EIO, "%s/interfaces/%s: cannot add the address in the guest's network namespace",
				   c->cfgdir, ifc->name);
	}
}

/* A guest with its own network namespace (spaces/net) gets its lo up. */
static void loopback_up(const struct starter *s)
{
	struct ifreq ifr = { 0 };
	int fd = socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0);

	snprintf(ifr.ifr_name, sizeof(ifr.ifr_name), "lo");
	if (fd < 0 || ioctl(fd, SIOCGIFFLAGS, &ifr) < 0)
		child_fail(s, "network", errno, "cannot read the flags of lo: %m");
	ifr.ifr_flags |= IFF_UP;
	if (ioctl(fd, SIOCSIFFLAGS, &ifr) < 0)
		child_fail(s, "network", errno, "cannot bring lo up: %m");
	close(fd);
}

static void set_names(const struct starter *s)
{
	const struct vs_config *c = s->c;
	int f;

	if (vc_set_vhi_name(c->xid, VHIN_CONTEXT, c->cfgdir) < 0)
		child_fail(s, "uts", errno, "cannot set the context name to %s: %m", c->cfgdir);
	for (f = VHIN_SYSNAME; f <= VHIN_DOMAINNAME; f++) {
		const char *v = c->uts[f];

		if (f == VHIN_NODENAME && !v[0])
			v = c->name;	/* a guest is called by its name by default */
		if (v[0] && vc_set_vhi_name(c->xid, f, v) < 0)
			child_fail(s, "uts", errno, "cannot set uts name %d to '%s': %m", f, v);
	}
}

static void set_attributes(const struct starter *s)
{
	const struct vs_config *c = s->c;
	struct vc_mask64 bcaps, ccaps, cflags;

	apply(&bcaps, &vs_default_bcaps, &c->bcaps);
	apply(&ccaps, &vs_default_ccaps, &c->ccaps);
	apply(&cflags, &vs_default_cflags, &c->cflags);
	/* setup and init end later, when init is ready */
	cflags.mask &= ~(VXF_STATE_SETUP | VXF_STATE_INIT | VXF_STATE_ADMIN);
	if (vc_set_ccaps(c->xid, &ccaps) < 0)
		child_fail(s, "attributes", errno, "cannot set the context capabilities: %m");
	if (vc_set_bcaps(c->xid, &bcaps) < 0)
		child_fail(s, "attributes", errno, "cannot set the bounding capabilities: %m");
	if (vc_set_cflags(c->xid, &cflags) < 0)
		child_fail(s, "attributes", errno, "cannot set the context flags: %m");
	if (c->umask.mask && vc_set_umask(c->xid, &c->umask) < 0)
		child_fail(s, "attributes", errno, "cannot set the unshare mask: %m");
}

static void enter_root(const struct starter *s)
{
	/* pivot_root(".", "."): the old root lands on top of the new one */
	if (syscall(SYS_pivot_root, ".", ".") < 0)
		child_fail(s, "pivot-root", errno, "cannot pivot_root into %s: %m", s->c->vdir);
	if (umount2(".", MNT_DETACH) < 0)
		child_fail(s, "pivot-root", errno, "cannot detach the host's root: %m");
	if (chdir("/") < 0)
		child_fail(s, "pivot-root", errno, "cannot enter the new root: %m");
}

/* Standard streams on the guest's /dev/null; no other descriptor survives. */
static void clean_process(const struct starter *s)
{
	int fd = open("/dev/null", O_RDWR | O_CLOEXEC);

	if (fd < 0)
		child_fail(s, "env", errno, "cannot open /dev/null in the guest: %m");
	if (dup2(fd, 0) < 0 || dup2(fd, 1) < 0 || dup2(fd, 2) < 0)
		child_fail(s, "env", errno, "cannot redirect to /dev/null: %m");
	if (fd > 2)
		close(fd);
	if (syscall(SYS_close_range, 3U, ~0U, 4U /* CLOSE_RANGE_CLOEXEC */) < 0)
		child_fail(s, "env", errno, "cannot close the host's descriptors: %m");
	clearenv();
	setenv("PATH", GUEST_PATH, 1);
	setenv("HOME", "/", 1);
	setenv("TERM", "linux", 1);
	setenv("container", "vserver", 1);
	umask(022);
}

static volatile sig_atomic_t init_stop;

static void on_stop(int sig)
{
	(void)sig;
	init_stop = 1;
}

/*
 * The sysv style: util-vserver ran /etc/init.d/rc as a "fake init" and no
 * process stayed behind. In a pid namespace something must stay pid 1, so
 * this task does: it runs `rc RUNLEVEL`, reaps orphans, and ends (taking the
 * guest with it) on SIGINT or SIGTERM, which stop sends after running the
 * stop runlevel.
 */
static void __attribute__((noreturn)) sysv_init(const struct starter *s)
{
	struct sigaction sa = { .sa_handler = on_stop };
	struct report ok = { .step = "" };
	pid_t pid;

	sigaction(SIGINT, &sa, NULL);
	sigaction(SIGTERM, &sa, NULL);
	pid = fork();
	if (pid < 0)
		child_fail(s, "init", errno, "cannot fork the rc script: %m");
	if (pid == 0) {
		execl("/etc/init.d/rc", "rc", s->c->init.runlevel_start, (char *)NULL);
		_exit(VS_EXIT_NOEXEC);
	}
	if (write(s->pipe[1], &ok, sizeof(ok)) != sizeof(ok))
		_exit(VS_EXIT_FAIL);
	close(s->pipe[1]);
	prctl(PR_SET_NAME, "vserver-init");
	while (!init_stop)
		if (wait(NULL) < 0 && errno == ECHILD)
			pause();
	_exit(0);
}

static const char *init_path(const struct vs_config *c)
{
	return c->init.style == VS_INIT_PLAIN ? "/sbin/init" : NULL;
}

/* Every step of the new task, in order. */
static void __attribute__((noreturn)) guest_task(struct starter *s)
{
	const struct vs_config *c = s->c;
	const uint64_t spaces = CLONE_NEWUTS | CLONE_NEWIPC | CLONE_NEWPID |
				(c->space_net ? CLONE_NEWNET : 0);
	const struct vc_mask64 end_setup = { 0, VXF_STATE_SETUP | VXF_STATE_INIT };
	size_t i;

	close(s->pipe[0]);
	if (vs_inject("mount-private") ||
	    mount(NULL, "/", NULL, MS_REC | MS_PRIVATE, NULL) < 0)
		child_fail(s, "mount-private", errno, "cannot make the mounts private: %m");
	if (vs_inject("mount-root") ||
	    mount(c->vdir, c->vdir, NULL, MS_BIND | MS_REC, NULL) < 0)
		child_fail(s, "mount-root", errno, "cannot bind %s onto itself: %m", c->vdir);
	close(s->vdirfd);
	s->vdirfd = open(c->vdir, O_PATH | O_DIRECTORY | O_CLOEXEC);
	if (s->vdirfd < 0)
		child_fail(s, "mount-root", errno, "cannot open %s: %m", c->vdir);
	if (vs_inject("mount-fstab"))
		child_fail(s, "mount-fstab", errno, "injected failure");
	for (i = 0; i < c->n_mounts; i++)
		mount_entry(s, &c->mounts[i]);
	if (vs_inject("network"))
		child_fail(s, "network", errno, "injected failure");
	if (c->space_net) {
		loopback_up(s);
		netns_addresses(s);
	}
	guest_network(s);
	/* The barrier stops even a task in setup: enter the root first. */
	if (vs_inject("chdir-root") || fchdir(s->vdirfd) < 0)
		child_fail(s, "chdir-root", errno, "cannot enter %s: %m", c->vdir);
	if (vs_inject("context") || vc_ctx_create(c->xid, NULL) < 0)
		child_fail(s, "context", errno, "cannot create context %u: %m", c->xid);
	if (vs_inject("spaces") || vc_set_namespace(c->xid, spaces, 0) < 0)
		child_fail(s, "spaces", errno, "cannot store the namespaces in context %u: %m",
			   c->xid);
	if (vs_inject("uts"))
		child_fail(s, "uts", errno, "injected failure");
	set_names(s);
	if (vs_inject("attributes"))
		child_fail(s, "attributes", errno, "injected failure");
	set_attributes(s);
	if (vs_inject("pivot-root"))
		child_fail(s, "pivot-root", errno, "injected failure");
	enter_root(s);
	/* Both slots: util-vserver enters slot 1 for the root after pivot_root. */
	if (vs_inject("spaces-root") ||
	    vc_set_namespace(c->xid, CLONE_NEWNS | CLONE_FS, 0) < 0 ||
	    vc_set_namespace(c->xid, CLONE_NEWNS | CLONE_FS, 1) < 0)
		child_fail(s, "spaces-root", errno, "cannot store the guest's root: %m");
	if (vs_inject("env"))
		child_fail(s, "env", errno, "injected failure");
	clean_process(s);
	if (vs_inject("end-setup") || vc_set_cflags(c->xid, &end_setup) < 0)
		child_fail(s, "end-setup", errno, "cannot end the setup of context %u: %m", c->xid);
	if (vs_inject("init"))
		child_fail(s, "init", errno, "injected failure");
	if (c->init.style == VS_INIT_SYSV)
		sysv_init(s);
	execl(init_path(c), init_path(c), (char *)NULL);
	child_fail(s, "init", errno, "cannot execute %s in the guest: %m", init_path(c));
}

/* --- on the host -------------------------------------------------------------- */

static bool rlimits_configured(const struct vs_config *c)
{
	size_t i;

	for (i = 0; i < VLIMIT_NLIMITS; i++)
		if (c->rlimits[i].min != CRLIM_KEEP || c->rlimits[i].soft != CRLIM_KEEP ||
		    c->rlimits[i].hard != CRLIM_KEEP)
			return true;
	return false;
}

/* What this version cannot do yet is refused before anything is changed. */
static int check_config(const struct vs_config *c)
{
	if (!c->has_context) {
		vs_warn("%s/context is missing: this kernel has no dynamic contexts, so a guest "
			"needs a static context id (2..49151) there", c->cfgdir);
		return -1;
	}
	if (strlen(c->cfgdir) > VS_NAME_MAX) {
		vs_warn("%s is longer than %d bytes, the most the kernel keeps as a context's "
			"name", c->cfgdir, VS_NAME_MAX);
		return -1;
	}
	if (c->init.style != VS_INIT_PLAIN && c->init.style != VS_INIT_SYSV) {
		vs_warn("%s/apps/init/style: '%s' is not supported yet: use plain or sysv",
			c->cfgdir, vs_init_style_name(c->init.style));
		return -1;
	}
	if (rlimits_configured(c)) {
		vs_warn("%s/rlimits: context limits are not in this kernel yet (no "
			"set_rlimit): remove the directory to start without them", c->cfgdir);
		return -1;
	}
	return 0;
}

static int check_not_running(const struct vs_config *c)
{
	struct vc_vx_info info;
	char other[VS_NAME_MAX + 1];

	if (vc_get_version() < 0) {
		vs_warn_syscall("cannot talk to the kernel");
		return -1;
	}
	if (vs_inject("running")) {
		vs_warn("cannot check context %u: %m", c->xid);
		return -1;
	}
	if (vc_get_vx_info(c->xid, &info) < 0) {
		if (errno == ESRCH)
			return 0;
		vs_warn_syscall("cannot check context %u", c->xid);
		return -1;
	}
	if (vs_guest_running(c, NULL)) {
		vs_warn("'%s' is already running in context %u", c->name, c->xid);
		return -1;
	}
	vs_warn("context %u is in use (by '%s'): give '%s' another id in %s/context", c->xid,
		vs_context_name(c->xid, other, sizeof(other)), c->name, c->cfgdir);
	return -1;
}

/* The barrier on the parent of the root: guests never walk above their root. */
static int barrier_on(struct starter *s)
{
	struct vc_iattr a;
	char *slash;

	snprintf(s->vdirbase, sizeof(s->vdirbase), "%s", s->c->vdir);
	slash = strrchr(s->vdirbase, '/');
	if (!slash || slash == s->vdirbase) {
		vs_warn("%s: a guest's root needs a parent directory other than /", s->c->vdir);
		return -1;
	}
	*slash = '\0';
	if (vs_inject("barrier") || vc_get_iattr(s->vdirbase, &a) < 0) {
		vs_warn("cannot read the attributes of %s: %m", s->vdirbase);
		return -1;
	}
	if (a.flags & IATTR_BARRIER)
		return 0;
	if (vc_set_iattr(s->vdirbase, IATTR_BARRIER, IATTR_BARRIER) < 0) {
		vs_warn("cannot set the chroot barrier on %s: %m", s->vdirbase);
		return -1;
	}
	s->barrier_set = true;
	return 0;
}

static void barrier_undo(struct starter *s)
{
	if (s->barrier_set && vc_set_iattr(s->vdirbase, 0, IATTR_BARRIER) < 0)
		vs_warn("cannot clear the chroot barrier on %s again: %m", s->vdirbase);
}

/* `ip addr add|del ADDR/PREFIX dev DEV` through iproute2; 0, 1 (exists), -1. */
static int ip_addr(const char *op, const struct vs_config_iface *ifc, bool quiet)
{
	char addr[INET6_ADDRSTRLEN + 8], text[INET6_ADDRSTRLEN];
	char *argv[] = { "ip", ifc->family == AF_INET6 ? "-6" : "-4", "addr", (char *)op, addr,
			 "dev", (char *)ifc->dev, NULL };
	int pipefd[2], st;
	char err[256] = "";
	ssize_t n;
	pid_t pid;

	inet_ntop(ifc->family, &ifc->addr, text, sizeof(text));
	snprintf(addr, sizeof(addr), "%s/%u", text, ifc->prefix);
	if (pipe2(pipefd, O_CLOEXEC) < 0)
		return -1;
	fflush(NULL);
	pid = fork();
	if (pid < 0) {
		close(pipefd[0]);
		close(pipefd[1]);
		return -1;
	}
	if (pid == 0) {
		dup2(pipefd[1], 2);
		execvp(argv[0], argv);
		fprintf(stderr, "cannot execute ip (install iproute2): %s", strerror(errno));
		_exit(127);
	}
	close(pipefd[1]);
	n = read(pipefd[0], err, sizeof(err) - 1);
	close(pipefd[0]);
	waitpid(pid, &st, 0);
	if (n > 0)
		err[strcspn(err, "\n")] = '\0';
	if (WIFEXITED(st) && WEXITSTATUS(st) == 0)
		return 0;
	if (!strcmp(op, "add") && strstr(err, "xists"))
		return 1;
	if (!quiet)
		vs_warn("ip addr %s %s dev %s failed: %s", op, addr, ifc->dev,
			err[0] ? err : "(no message)");
	return -1;
}

/* Where start notes the addresses it added, for stop: RUNDIR/NAME.addrs. */
static void addrs_file(const struct vs_config *c, char *buf, size_t size)
{
	vs_pathf(buf, size, "%s/%s.addrs", vs_paths.rundir, c->name);
}

static void addresses_undo(struct starter *s)
{
	size_t i;

	for (i = 0; i < s->c->n_ifaces && i < VS_IFACES_MAX; i++)
		if (s->added[i] && ip_addr("del", &s->c->ifaces[i], false) == 0)
			s->added[i] = false;
}

/*
 * Put the guest's addresses on their host devices (unless nodev, or the
 * guest has its own network namespace: netns_addresses() puts them there). An address already there stays
 * where it is, and is not removed by stop.
 */
static int addresses_on(struct starter *s)
{
	const struct vs_config *c = s->c;
	char path[PATH_MAX], line[INET6_ADDRSTRLEN + IFNAMSIZ + 16], text[INET6_ADDRSTRLEN];
	FILE *f = NULL;
	size_t i;
	int r;

	if (!vs_guest_uses_nid(c) || c->space_net)
		return 0;
	if (c->n_ifaces > VS_IFACES_MAX) {
		vs_warn("%s/interfaces: at most %d interfaces", c->cfgdir, VS_IFACES_MAX);
		return -1;
	}
	for (i = 0; i < c->n_ifaces; i++) {
		const struct vs_config_iface *ifc = &c->ifaces[i];

		if (ifc->disabled || ifc->nodev)
			continue;
		if (vs_inject("addresses")) {
			vs_warn("cannot add the address of interfaces/%s: %m", ifc->name);
			goto undo;
		}
		r = ip_addr("add", ifc, false);
		if (r < 0)
			goto undo;
		s->added[i] = r == 0;
	}
	if (vs_mkdir_p(vs_paths.rundir, 0755) < 0)
		goto io;
	addrs_file(c, path, sizeof(path));
	f = fopen(path, "we");
	if (!f)
		goto io;
	for (i = 0; i < c->n_ifaces; i++) {
		if (!s->added[i])
			continue;
		snprintf(line, sizeof(line), "%s %u %s %s\n",
			 inet_ntop(c->ifaces[i].family, &c->ifaces[i].addr, text, sizeof(text)),
			 c->ifaces[i].prefix, c->ifaces[i].dev,
			 c->ifaces[i].family == AF_INET6 ? "6" : "4");
		fputs(line, f);
	}
	if (fclose(f) == 0)
		return 0;
io:
	vs_warn("cannot write %s: %m", path);
undo:
	addresses_undo(s);
	return -1;
}

/* stop: remove what start added, as noted in RUNDIR/NAME.addrs. */
static void addresses_off(const struct vs_config *c)
{
	char path[PATH_MAX], addr[INET6_ADDRSTRLEN], dev[IFNAMSIZ], fam[4];
	struct vs_config_iface ifc;
	unsigned int prefix;
	FILE *f;

	addrs_file(c, path, sizeof(path));
	f = fopen(path, "re");
	if (!f)
		return;
	while (fscanf(f, "%45s %u %15s %3s", addr, &prefix, dev, fam) == 4) {
		memset(&ifc, 0, sizeof(ifc));
		ifc.family = fam[0] == '6' ? AF_INET6 : AF_INET;
		if (inet_pton(ifc.family, addr, &ifc.addr) != 1)
			continue;
		ifc.prefix = prefix;
		memcpy(ifc.dev, dev, sizeof(ifc.dev));
		ip_addr("del", &ifc, false);
	}
	fclose(f);
	unlink(path);
}

/* Kill what the guest task left and wait for it: the context goes with it. */
static void guest_undo(struct starter *s)
{
	if (s->child <= 0)
		return;
	kill(s->child, SIGKILL);
	while (waitpid(s->child, NULL, 0) < 0 && errno == EINTR)
		;
	s->child = 0;
}

static int spawn(struct starter *s)
{
	const unsigned long flags = CLONE_NEWNS | CLONE_NEWPID | CLONE_NEWUTS | CLONE_NEWIPC |
				    (s->c->space_net ? CLONE_NEWNET : 0);
	struct report r;
	ssize_t n;

	if (pipe2(s->pipe, O_CLOEXEC) < 0) {
		vs_warn("cannot create a pipe: %m");
		return -1;
	}
	fflush(NULL);
	if (vs_inject("clone")) {
		vs_warn("cannot create the guest's first task: %m");
		goto fail;
	}
	s->child = (pid_t)syscall(SYS_clone, flags | SIGCHLD, NULL, NULL, NULL, NULL);
	if (s->child < 0) {
		vs_warn("cannot create the guest's first task: %m");
		goto fail;
	}
	if (s->child == 0)
		guest_task(s);
	close(s->pipe[1]);
	s->pipe[1] = -1;
	do
		n = read(s->pipe[0], &r, sizeof(r));
	while (n < 0 && errno == EINTR);
	close(s->pipe[0]);
	if (n == 0 || (n == sizeof(r) && !r.step[0]))
		return 0; /* init was executed (the pipe closed on exec) or runs */
	if (n == sizeof(r)) {
		errno = r.err;
		vs_warn("start of '%s' failed at step %s: %s", s->c->name, r.step, r.msg);
	} else {
		vs_warn("start of '%s' failed: the guest's first task ended without a word",
			s->c->name);
	}
	guest_undo(s);
	return -1;
fail:
	close(s->pipe[0]);
	close(s->pipe[1]);
	return -1;
}

int vs_cmd_start(const char *name, int argc, char **argv)
{
	struct starter s = { .vdirfd = -1 };
	int rc = VS_EXIT_FAIL;

	if (argc > 1)
		vs_usage_error("'start' takes no arguments, not '%s'", argv[1]);
	s.c = vs_guest_load(name);
	if (!s.c)
		return VS_EXIT_FAIL;
	if (check_config(s.c) < 0 || check_not_running(s.c) < 0)
		goto out;
	s.vdirfd = open(s.c->vdir, O_PATH | O_DIRECTORY | O_CLOEXEC);
	if (s.vdirfd < 0) {
		vs_warn("cannot open the guest's root %s: %m", s.c->vdir);
		goto out;
	}
	/* util-vserver's hooks: a failing (prepre-)start hook stops the start. */
	if (vs_guest_hook(s.c, "initialize") < 0 || vs_guest_hook(s.c, "prepre-start") < 0)
		goto hook_failed;
	if (barrier_on(&s) < 0)
		goto out;
	if (vs_guest_hook(s.c, "pre-start") < 0)
		goto undo_barrier_hook;
	if (addresses_on(&s) < 0)
		goto undo_barrier;
	if (spawn(&s) < 0)
		goto undo_addresses;
	if (vs_inject("runfile") || vs_guest_write_run(s.c) < 0) {
		vs_warn("cannot write the run file of '%s' in %s: %m", name, vs_paths.rundir);
		goto undo_guest;
	}
	printf("Guest '%s' started: context %u, init is host pid %d\n", name, s.c->xid,
	       (int)s.child);
	if (vs_guest_hook(s.c, "post-start") < 0)
		vs_warn("the post-start hook of '%s' failed; the guest runs", name);
	rc = VS_EXIT_OK;
	goto out;
hook_failed:
	vs_warn("start of '%s' stopped by its hook script", name);
	goto out;
undo_barrier_hook:
	vs_warn("start of '%s' stopped by its hook script", name);
	barrier_undo(&s);
	goto out;
undo_guest:
	guest_undo(&s);
undo_addresses:
	addresses_undo(&s);
	{
		char path[PATH_MAX];

		addrs_file(s.c, path, sizeof(path));
		unlink(path);
	}
undo_barrier:
	barrier_undo(&s);
out:
	if (s.vdirfd >= 0)
		close(s.vdirfd);
	vs_config_free(s.c);
	return rc;
}

/* --- stop ---------------------------------------------------------------------- */

static void on_alarm(int sig)
{
	(void)sig;
}

/* Wait up to @secs for context @xid to end; true when it did. */
static bool wait_gone(uint32_t xid, unsigned int secs)
{
	struct sigaction sa = { .sa_handler = on_alarm }; /* no SA_RESTART */
	struct vc_wait_exit ex;
	int r;

	sigaction(SIGALRM, &sa, NULL);
	alarm(secs ? secs : 1);
	r = vc_wait_exit(xid, &ex);
	alarm(0);
	if (r == 0 || errno == ESRCH)
		return true;
	return false;
}

/* Run the stop runlevel of a sysv guest inside it, as `vserver exec` would. */
static void sysv_stop(const struct vs_config *c)
{
	char *argv[] = { "/etc/init.d/rc", (char *)c->init.runlevel_stop, NULL };
	char *args[] = { "exec", argv[0], argv[1], NULL };

	printf("Running '/etc/init.d/rc %s' in '%s'\n", c->init.runlevel_stop, c->name);
	fflush(stdout);
	if (vs_cmd_exec(c->name, 3, args) != 0)
		vs_warn("the stop runlevel of '%s' failed; going on with the kill sequence",
			c->name);
}

int vs_cmd_stop(const char *name, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "timeout", required_argument, NULL, 't' },
		{ NULL, 0, NULL, 0 },
	};
	const struct vc_mask64 nonpersistent = { 0, VXF_PERSISTENT };
	unsigned long timeout = 30;
	struct vs_config *c;
	int o, rc = VS_EXIT_FAIL;
	size_t i;

	optind = 1;
	while ((o = getopt_long(argc, argv, "+t:", opts, NULL)) != -1) {
		if (o != 't')
			vs_try_help();
		if (vs_parse_uint(optarg, 3600, &timeout) < 0)
			vs_usage_error("--timeout '%s': expected seconds, 0..3600", optarg);
	}
	if (optind < argc)
		vs_usage_error("'stop' takes no arguments, not '%s'", argv[optind]);
	c = vs_guest_load(name);
	if (!c)
		return VS_EXIT_FAIL;
	if (!vs_guest_running(c, NULL)) {
		printf("Guest '%s' is not running\n", name);
		addresses_off(c);
		vs_guest_clear_run(c);
		rc = VS_EXIT_OK;
		goto out;
	}
	printf("Stopping guest '%s' (context %u)\n", name, c->xid);
	fflush(stdout);
	if (vs_guest_hook(c, "pre-stop") < 0)
		vs_warn("the pre-stop hook of '%s' failed; stopping anyway", name);
	if (vc_set_cflags(c->xid, &nonpersistent) < 0 && errno != ESRCH)
		vs_warn_syscall("cannot make context %u non-persistent", c->xid);
	/* The guest's own shutdown first. */
	if (c->init.style == VS_INIT_SYSV) {
		sysv_stop(c);
		vc_ctx_kill(c->xid, 1, SIGTERM);
	} else if (vc_ctx_kill(c->xid, 1, SIGINT) < 0 && errno != ESRCH) {
		vs_warn_syscall("cannot signal the init of '%s'", name);
	}
	if (wait_gone(c->xid, (unsigned int)timeout))
		goto stopped;
	/* Then the kill sequence: signal, wait, signal, ... */
	for (i = 0; i < c->init.n_killseq; i += 2) {
		const int sig = c->init.killseq[i];
		const unsigned int wait = i + 1 < c->init.n_killseq ? c->init.killseq[i + 1] : 5;
		char sname[16];

		printf("Sending SIG%s to the processes of '%s'\n",
		       vs_signal_name(sig, sname, sizeof(sname)), name);
		fflush(stdout);
		if (vc_ctx_kill(c->xid, 0, sig) < 0 && errno != ESRCH)
			vs_warn_syscall("cannot signal context %u", c->xid);
		if (wait_gone(c->xid, wait))
			goto stopped;
	}
	vs_warn("'%s' (context %u) still has processes after the kill sequence", name, c->xid);
	goto out;
stopped:
	addresses_off(c);
	vs_guest_clear_run(c);
	printf("Guest '%s' stopped\n", name);
	if (vs_guest_hook(c, "post-stop") < 0 || vs_guest_hook(c, "postpost-stop") < 0)
		vs_warn("a post-stop hook of '%s' failed", name);
	rc = VS_EXIT_OK;
out:
	vs_config_free(c);
	return rc;
}
