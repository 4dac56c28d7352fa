// SPDX-License-Identifier: GPL-2.0-only
/*
 * vserver selftests - isolation between contexts, one channel per test,
 * for every direction (fixture variants):
 *
 *   host (0) ---> guest A (300)        sees, acts
 *   guest A ----> host                 does not see
 *   guest A ----> guest B (301)        does not see
 *   guest A ----> guest A              sees, acts
 *   spectator --> guest A              sees, does not act
 *   spectator --> host                 sees, does not act
 *
 * "Does not see": the task does not exist (/proc: ENOENT, calls: ESRCH).
 * "Does not act": it exists but is out of reach (EPERM/EACCES).
 * process_vm_readv and kcmp answer EPERM either way when the pid resolves
 * (no existence leak beyond what the pid lookup of ptrace already hides is
 * tested here).
 *
 * The plain variants share the host's pid namespace, as contexts started
 * the util-vserver way do. The pidns_* variants give each guest a pid
 * namespace of its own, as `vserver start` does (the guest's first task is
 * pid 1 there and creates the context), and add what such a namespace can
 * hold without it being the guest's:
 *
 *   guest A ----> host task in A's pid namespace   does not see
 *                 (a host tool that joined it, as `vserver exec` does
 *                 before it enters the context)
 *   guest A ----> task of B in A's pid namespace   does not see
 *
 * A guest in its own namespace names tasks by that namespace's pids; a task
 * outside has none there, so the guest tries the global pid it could guess
 * (the namespace answers ESRCH, for process_vm_readv and kcmp too), the
 * host's /proc (by global pid: reachable if the guest kept the host's /proc
 * mount), and its own /proc mounted in its namespace (nsproc_*). A pidfd the
 * host opened and the actor inherited (pidfd_inherited_*, every variant)
 * needs no pid lookup: the checks on the task behind it must stop it.
 *
 * Then kill(-1) and the walks of setpriority(PRIO_USER) and
 * ioprio_set(IOPRIO_WHO_USER) from a guest, and TIOCSTI into a terminal of
 * the host (fixture host_tty).
 *
 * The targets are helper processes; each check runs in an "actor" child
 * that first enters the actor's context (and, for a guest with a pid
 * namespace, that namespace), so the test process stays on the host and
 * can reap everything.
 *
 * Copyright (C) 2026 The vserver authors
 */
#include <dirent.h>
#include <fcntl.h>
#include <poll.h>
#include <sched.h>
#include <sys/ioctl.h>
#include <sys/mount.h>
#include <sys/ptrace.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/uio.h>
#include <termios.h>
#include <linux/kcmp.h>

#include "common.h"

#define XID_A 300
#define XID_B 301
/* Where a guest actor with a pid namespace mounts its own /proc. */
#define OWN_PROC "/tmp/vs-iso-proc"

enum actor { ACTOR_HOST, ACTOR_GUEST_A, ACTOR_SPECTATOR };
enum target {
	TARGET_HOST, TARGET_A, TARGET_B,
	TARGET_HOST_IN_A, TARGET_B_IN_A,	/* pidns only: in A's namespace */
	NTARGETS
};

/* Read by process_vm_readv: the helpers are forks, same address. */
static volatile int marker = 0x5a5a;

FIXTURE(iso)
{
	pid_t pid[NTARGETS];	/* global pids */
	pid_t nspid[NTARGETS];	/* the pid in A's namespace; 0: not in it */
	pid_t helper[NTARGETS];	/* the host task waiting for a target in a namespace */
	pid_t init[2];		/* pidns: pid 1 of A's and of B's namespace */
	int nsfd[2];		/* pidns: pidfds of those */
};

FIXTURE_VARIANT(iso)
{
	enum actor actor;
	enum target target;
	bool sees;
	bool acts;
	bool pidns;	/* guests have pid namespaces of their own */
	bool in_ns;	/* the target's pid resolves in the actor's namespace */
};

/* clang-format off */
FIXTURE_VARIANT_ADD(iso, host_to_guest) {
	.actor = ACTOR_HOST, .target = TARGET_A, .sees = true, .acts = true,
	.in_ns = true,
};
FIXTURE_VARIANT_ADD(iso, guest_to_host) {
	.actor = ACTOR_GUEST_A, .target = TARGET_HOST, .sees = false, .acts = false,
	.in_ns = true,
};
FIXTURE_VARIANT_ADD(iso, guest_to_sibling) {
	.actor = ACTOR_GUEST_A, .target = TARGET_B, .sees = false, .acts = false,
	.in_ns = true,
};
FIXTURE_VARIANT_ADD(iso, guest_to_same) {
	.actor = ACTOR_GUEST_A, .target = TARGET_A, .sees = true, .acts = true,
	.in_ns = true,
};
FIXTURE_VARIANT_ADD(iso, spectator_to_guest) {
	.actor = ACTOR_SPECTATOR, .target = TARGET_A, .sees = true, .acts = false,
	.in_ns = true,
};
FIXTURE_VARIANT_ADD(iso, spectator_to_host) {
	.actor = ACTOR_SPECTATOR, .target = TARGET_HOST, .sees = true, .acts = false,
	.in_ns = true,
};
FIXTURE_VARIANT_ADD(iso, pidns_host_to_guest) {
	.actor = ACTOR_HOST, .target = TARGET_A, .sees = true, .acts = true,
	.pidns = true, .in_ns = true,
};
FIXTURE_VARIANT_ADD(iso, pidns_guest_to_host) {
	.actor = ACTOR_GUEST_A, .target = TARGET_HOST, .sees = false, .acts = false,
	.pidns = true, .in_ns = false,
};
FIXTURE_VARIANT_ADD(iso, pidns_guest_to_host_in_ns) {
	.actor = ACTOR_GUEST_A, .target = TARGET_HOST_IN_A, .sees = false, .acts = false,
	.pidns = true, .in_ns = true,
};
FIXTURE_VARIANT_ADD(iso, pidns_guest_to_sibling) {
	.actor = ACTOR_GUEST_A, .target = TARGET_B, .sees = false, .acts = false,
	.pidns = true, .in_ns = false,
};
FIXTURE_VARIANT_ADD(iso, pidns_guest_to_sibling_in_ns) {
	.actor = ACTOR_GUEST_A, .target = TARGET_B_IN_A, .sees = false, .acts = false,
	.pidns = true, .in_ns = true,
};
FIXTURE_VARIANT_ADD(iso, pidns_guest_to_same) {
	.actor = ACTOR_GUEST_A, .target = TARGET_A, .sees = true, .acts = true,
	.pidns = true, .in_ns = true,
};
FIXTURE_VARIANT_ADD(iso, pidns_spectator_to_guest) {
	.actor = ACTOR_SPECTATOR, .target = TARGET_A, .sees = true, .acts = false,
	.pidns = true, .in_ns = true,
};
/* clang-format on */

static int stay_host(void *arg)
{
	return 0;
}

/* Create the context and end its setup, as a started guest has. */
static int become_guest(void *arg)
{
	const uint32_t xid = (uintptr_t)arg;

	if (vs_create(xid, VXF_INIT_SET) != xid)
		return 1;
	return vs_set_cflags(VS_SELF, 0, VXF_STATE_SETUP) ? 2 : 0;
}

/* Join a running context, as `vserver exec` does. */
static int join_guest(void *arg)
{
	return vs_migrate_to((uintptr_t)arg) ? 1 : 0;
}

/*
 * The guest's first task, as `vserver start` makes it: cloned into a new
 * pid namespace (pid 1 there), it creates context @xid and ends its setup.
 * Returns its global pid, or -1.
 */
static pid_t spawn_init(uint32_t xid)
{
	int p[2];
	char c;
	pid_t pid;

	if (pipe(p))
		return -1;
	pid = syscall(SYS_clone, CLONE_NEWPID | SIGCHLD, NULL, NULL, NULL, NULL);
	if (pid < 0)
		return -1;
	if (!pid) {
		close(p[0]);
		if (getpid() != 1 || become_guest((void *)(uintptr_t)xid))
			_exit(1);
		if (write(p[1], "r", 1) != 1)
			_exit(99);
		for (;;)
			pause();
	}
	close(p[1]);
	if (read(p[0], &c, 1) != 1) {
		close(p[0]);
		waitpid(pid, NULL, 0);
		return -1;
	}
	close(p[0]);
	return pid;
}

/*
 * vs_spawn() in the pid namespace of pidfd @nsfd: a host helper joins the
 * namespace and forks the target there, then waits for it and exits with
 * the signal that ended it (0 otherwise). Returns the target's global pid
 * and the helper's in @helper, or -1.
 */
static pid_t spawn_in(int nsfd, int (*fn)(void *), void *arg, pid_t *helper)
{
	pid_t h, t = -1;
	int p[2], st;

	if (pipe(p))
		return -1;
	h = fork();
	if (h < 0)
		return -1;
	if (!h) {
		close(p[0]);
		if (!setns(nsfd, CLONE_NEWPID))
			t = vs_spawn(fn, arg);
		if (write(p[1], &t, sizeof(t)) != sizeof(t) || t < 0)
			_exit(0);
		close(p[1]);
		if (waitpid(t, &st, 0) != t)
			_exit(0);
		_exit(WIFSIGNALED(st) ? WTERMSIG(st) : 0);
	}
	close(p[1]);
	if (read(p[0], &t, sizeof(t)) != sizeof(t))
		t = -1;
	close(p[0]);
	if (t < 0) {
		waitpid(h, NULL, 0);
		return -1;
	}
	*helper = h;
	return t;
}

/* End a target spawn_in() made: its helper reaps it and ends too. */
static int reap_in(pid_t t, pid_t helper)
{
	int st = 0;

	kill(t, SIGKILL);
	waitpid(helper, &st, 0);
	return WEXITSTATUS(st);
}

/* The pid of global pid @pid in the innermost namespace it has one in. */
static pid_t inner_pid(pid_t pid)
{
	char path[64], buf[4096], *p, *end;
	long last = -1;

	snprintf(path, sizeof(path), "/proc/%d/status", pid);
	if (read_file(path, buf, sizeof(buf)) < 0)
		return -1;
	p = strstr(buf, "\nNSpid:");
	if (!p)
		return -1;
	for (p += 7; *p && *p != '\n'; p = end) {
		long v = strtol(p, &end, 10);

		if (end == p)
			break;
		last = v;
	}
	return last;
}

static void cleanup(FIXTURE_DATA(iso) *self)
{
	int i;

	for (i = 0; i < NTARGETS; i++) {
		if (self->helper[i] > 0)
			reap_in(self->pid[i], self->helper[i]);
		else
			vs_reap(self->pid[i]);
		self->pid[i] = self->helper[i] = 0;
	}
	for (i = 0; i < 2; i++) {
		vs_reap(self->init[i]);
		if (self->nsfd[i] > 0)
			close(self->nsfd[i]);
		self->init[i] = self->nsfd[i] = 0;
	}
}

static bool in_a_ns(enum target t)
{
	return t == TARGET_A || t == TARGET_HOST_IN_A || t == TARGET_B_IN_A;
}

static uint32_t target_xid(enum target t)
{
	return t == TARGET_A ? XID_A : t == TARGET_B || t == TARGET_B_IN_A ? XID_B : 0;
}

static int setup_pidns(FIXTURE_DATA(iso) *self, enum target t)
{
	const bool need_b = t == TARGET_B || t == TARGET_B_IN_A;
	pid_t pid = -1, *h = &self->helper[t];

	mkdir(OWN_PROC, 0755);
	self->init[0] = spawn_init(XID_A);
	if (self->init[0] < 0)
		return -1;
	self->nsfd[0] = syscall(SYS_pidfd_open, self->init[0], 0);
	if (need_b) {
		self->init[1] = spawn_init(XID_B);
		if (self->init[1] < 0)
			return -1;
		self->nsfd[1] = syscall(SYS_pidfd_open, self->init[1], 0);
	}
	if (self->nsfd[0] < 0 || self->nsfd[1] < 0)
		return -1;
	switch (t) {
	case TARGET_HOST:
		pid = vs_spawn(stay_host, NULL);
		break;
	case TARGET_A:
		pid = spawn_in(self->nsfd[0], join_guest, (void *)XID_A, h);
		break;
	case TARGET_B:
		pid = spawn_in(self->nsfd[1], join_guest, (void *)XID_B, h);
		break;
	case TARGET_HOST_IN_A:
		pid = spawn_in(self->nsfd[0], stay_host, NULL, h);
		break;
	case TARGET_B_IN_A:
		pid = spawn_in(self->nsfd[0], join_guest, (void *)XID_B, h);
		break;
	default:
		return -1;
	}
	self->pid[t] = pid;
	if (pid <= 0)
		return -1;
	if (in_a_ns(t)) {
		self->nspid[t] = inner_pid(pid);
		if (self->nspid[t] <= 1)
			return -1;
	}
	return 0;
}

FIXTURE_SETUP(iso)
{
	int r = 0;

	if (variant->pidns) {
		r = setup_pidns(self, variant->target);
	} else {
		self->pid[TARGET_HOST] = vs_spawn(stay_host, NULL);
		self->pid[TARGET_A] = vs_spawn(become_guest, (void *)XID_A);
		self->pid[TARGET_B] = vs_spawn(become_guest, (void *)XID_B);
		if (self->pid[TARGET_HOST] <= 0 || self->pid[TARGET_A] <= 0 ||
		    self->pid[TARGET_B] <= 0)
			r = -1;
	}
	/* A failed setup gets no teardown: leave nothing behind for the next. */
	if (r)
		cleanup(self);
	ASSERT_EQ(0, r);
}

FIXTURE_TEARDOWN(iso)
{
	cleanup(self);
}

/* What an actor knows of its target. */
struct view {
	pid_t pid;		/* as the actor names it: in its pid namespace, or
				 * the global pid it guesses when there is none */
	pid_t gpid;		/* the global pid, for the host's /proc */
	const char *proc;	/* the actor's own /proc */
	uint32_t xid;		/* the target's context */
	int pidfd;		/* opened by the host before the actor entered */
};

typedef int (*check_fn)(const struct view *t);

/* A guest actor with a pid namespace: join it, mount a /proc of it, enter A. */
static int run_in_pidns(const FIXTURE_DATA(iso) *self, struct view *w,
			const check_fn fn, const int out)
{
	pid_t pid;
	int r, st;

	if (unshare(CLONE_NEWNS) ||
	    mount(NULL, "/", NULL, MS_REC | MS_PRIVATE, NULL) ||
	    setns(self->nsfd[0], CLONE_NEWPID))
		return 1;
	pid = fork();
	if (pid < 0)
		return 1;
	if (!pid) {
		if (mount("proc", OWN_PROC, "proc", MS_NOSUID | MS_NODEV | MS_NOEXEC, NULL) ||
		    vs_migrate_to(XID_A))
			_exit(1);
		w->proc = OWN_PROC;
		r = fn(w);
		_exit(write(out, &r, sizeof(r)) == sizeof(r) ? 0 : 1);
	}
	waitpid(pid, &st, 0);
	return 0;
}

/*
 * Run @fn on the variant's target in a child that first enters the
 * variant's actor context; returns what @fn returned (0 or an errno), or
 * -1 if the child could not become the actor.
 */
static int act(const FIXTURE_DATA(iso) *self, const FIXTURE_VARIANT(iso) *const v,
	       const check_fn fn)
{
	struct view w = {
		.gpid = self->pid[v->target],
		.proc = "/proc",
		.xid = target_xid(v->target),
		.pidfd = -1,
	};
	int p[2], r = -1, status;
	pid_t pid;

	w.pid = w.gpid;
	if (v->pidns && v->actor == ACTOR_GUEST_A && self->nspid[v->target])
		w.pid = self->nspid[v->target];
	if (pipe(p))
		return -1;
	pid = fork();
	if (pid < 0)
		return -1;
	if (!pid) {
		close(p[0]);
		w.pidfd = syscall(SYS_pidfd_open, w.gpid, 0);
		if (v->actor == ACTOR_GUEST_A && v->pidns)
			_exit(run_in_pidns(self, &w, fn, p[1]));
		if (v->actor == ACTOR_GUEST_A && vs_migrate_to(XID_A))
			_exit(1);
		if (v->actor == ACTOR_SPECTATOR &&
		    vs_call(VCMD_ctx_migrate, 1, NULL) != 1)
			_exit(1);
		r = fn(&w);
		_exit(write(p[1], &r, sizeof(r)) == sizeof(r) ? 0 : 1);
	}
	close(p[1]);
	if (read(p[0], &r, sizeof(r)) != sizeof(r))
		r = -1;
	close(p[0]);
	waitpid(pid, &status, 0);
	return r;
}

/*
 * The errno of a call naming a target out of sight: @hidden when its pid
 * resolves in the actor's pid namespace (vserver hides it), ESRCH when it
 * does not (the namespace does).
 */
#define UNSEEN(hidden) (variant->in_ns ? (hidden) : ESRCH)

/* Expected errno: 0 when acting is allowed, @seen / @unseen otherwise. */
#define EXPECT_ACT(fn, seen, unseen)                                          \
	EXPECT_EQ(variant->acts ? 0 : variant->sees ? (seen) : (unseen),      \
		  act(self, variant, fn))

#define EXPECT_SEE(fn, unseen)                                                \
	EXPECT_EQ(variant->sees ? 0 : (unseen), act(self, variant, fn))

static int err(const long r)
{
	return r < 0 ? errno : 0;
}

static int do_kill0(const struct view *t) { return err(kill(t->pid, 0)); }
static int do_kill_cont(const struct view *t) { return err(kill(t->pid, SIGCONT)); }
static int do_tgkill(const struct view *t) { return err(syscall(SYS_tgkill, t->pid, t->pid, 0)); }

static int do_sigqueue(const struct view *t)
{
	siginfo_t si = { .si_signo = SIGCONT, .si_code = SI_QUEUE };

	si.si_pid = getpid();
	si.si_uid = getuid();
	return err(syscall(SYS_rt_sigqueueinfo, t->pid, SIGCONT, &si));
}

static int do_pidfd_send_signal(const struct view *t)
{
	int fd = syscall(SYS_pidfd_open, t->pid, 0), r;

	if (fd < 0)
		return errno;
	r = err(syscall(SYS_pidfd_send_signal, fd, 0, NULL, 0));
	close(fd);
	return r;
}

static int do_pidfd_getfd(const struct view *t)
{
	int fd = syscall(SYS_pidfd_open, t->pid, 0), r;

	if (fd < 0)
		return errno;
	r = syscall(SYS_pidfd_getfd, fd, 0, 0);
	r = r < 0 ? errno : (close(r), 0);
	close(fd);
	return r;
}

/* A pidfd of the host's, inherited: no pid lookup in the way. */
static int do_pidfd_inherited_signal(const struct view *t)
{
	if (t->pidfd < 0)
		return -1;
	return err(syscall(SYS_pidfd_send_signal, t->pidfd, SIGCONT, NULL, 0));
}

static int do_pidfd_inherited_getfd(const struct view *t)
{
	int r;

	if (t->pidfd < 0)
		return -1;
	r = syscall(SYS_pidfd_getfd, t->pidfd, 0, 0);
	return r < 0 ? errno : (close(r), 0);
}

/* @proc/@pid@what */
static void proc_path(const char *proc, pid_t pid, const char *what,
		      char *buf, size_t size)
{
	snprintf(buf, size, "%s/%d%s", proc, pid, what);
}

static int proc_stat_at(const char *proc, pid_t pid)
{
	char path[64];
	struct stat st;

	proc_path(proc, pid, "", path, sizeof(path));
	return err(stat(path, &st));
}

static int proc_status_at(const char *proc, pid_t pid)
{
	char path[64], buf[256];
	int fd, r;

	proc_path(proc, pid, "/status", path, sizeof(path));
	fd = open(path, O_RDONLY);
	if (fd < 0)
		return errno;
	r = err(read(fd, buf, sizeof(buf)));
	close(fd);
	return r;
}

static int proc_readdir_at(const char *proc, pid_t pid)
{
	char name[16];
	struct dirent *de;
	DIR *d = opendir(proc);
	int found = 0;

	if (!d)
		return errno;
	snprintf(name, sizeof(name), "%d", pid);
	while ((de = readdir(d)))
		found |= !strcmp(de->d_name, name);
	closedir(d);
	return found ? 0 : ENOENT;
}

static int proc_link_at(const char *proc, pid_t pid, const char *what)
{
	char path[64], buf[256];

	proc_path(proc, pid, what, path, sizeof(path));
	return err(readlink(path, buf, sizeof(buf)));
}

static int proc_open_at(const char *proc, pid_t pid, const char *what, int flags)
{
	char path[64];
	int fd;

	proc_path(proc, pid, what, path, sizeof(path));
	fd = open(path, flags);
	if (fd < 0)
		return errno;
	close(fd);
	return 0;
}

/* The host's /proc, by global pid. */
static int do_proc_stat(const struct view *t) { return proc_stat_at("/proc", t->gpid); }
static int do_proc_readdir(const struct view *t) { return proc_readdir_at("/proc", t->gpid); }
static int do_proc_status(const struct view *t) { return proc_status_at("/proc", t->gpid); }
static int do_proc_environ(const struct view *t) { return proc_open_at("/proc", t->gpid, "/environ", O_RDONLY); }
static int do_proc_mem(const struct view *t) { return proc_open_at("/proc", t->gpid, "/mem", O_RDONLY); }
static int do_proc_root(const struct view *t) { return proc_link_at("/proc", t->gpid, "/root"); }
static int do_proc_cwd(const struct view *t) { return proc_link_at("/proc", t->gpid, "/cwd"); }
/* The fd directory is guarded by its mode; its links by ptrace rules. */
static int do_proc_fd(const struct view *t) { return proc_link_at("/proc", t->gpid, "/fd/0"); }
/* A namespace link: what setns(2) would take. */
static int do_proc_ns(const struct view *t) { return proc_link_at("/proc", t->gpid, "/ns/pid"); }

/* The actor's own /proc, by the pid it names the target with. */
static int do_nsproc_stat(const struct view *t) { return proc_stat_at(t->proc, t->pid); }
static int do_nsproc_readdir(const struct view *t) { return proc_readdir_at(t->proc, t->pid); }
static int do_nsproc_status(const struct view *t) { return proc_status_at(t->proc, t->pid); }
static int do_nsproc_root(const struct view *t) { return proc_link_at(t->proc, t->pid, "/root"); }

static int do_ptrace(const struct view *t)
{
	/* SEIZE does not stop the target; the tracer's exit detaches. */
	return err(ptrace(PTRACE_SEIZE, t->pid, 0, 0));
}

static int do_vm_readv(const struct view *t)
{
	int v = 0;
	struct iovec l = { &v, sizeof(v) };
	struct iovec r = { (void *)&marker, sizeof(v) };

	if (process_vm_readv(t->pid, &l, 1, &r, 1, 0) < 0)
		return errno;
	return v == 0x5a5a ? 0 : EIO;
}

static int do_kcmp(const struct view *t)
{
	return err(syscall(SYS_kcmp, getpid(), t->pid, KCMP_VM, 0, 0));
}

static int do_setpriority(const struct view *t) { return err(setpriority(PRIO_PROCESS, t->pid, 0)); }

static int do_getpriority(const struct view *t)
{
	errno = 0;
	getpriority(PRIO_PROCESS, t->pid);
	return errno;
}

static int do_setaffinity(const struct view *t)
{
	cpu_set_t s;

	CPU_ZERO(&s);
	CPU_SET(0, &s);
	return err(sched_setaffinity(t->pid, sizeof(s), &s));
}

static int do_getaffinity(const struct view *t)
{
	cpu_set_t s;

	return err(sched_getaffinity(t->pid, sizeof(s), &s));
}

static int do_getscheduler(const struct view *t) { return err(sched_getscheduler(t->pid)); }

static int do_setscheduler(const struct view *t)
{
	struct sched_param p = { 0 };

	return err(sched_setscheduler(t->pid, SCHED_OTHER, &p));
}

static int do_prlimit_get(const struct view *t)
{
	struct rlimit r;

	return err(prlimit(t->pid, RLIMIT_NOFILE, NULL, &r));
}

static int do_prlimit_set(const struct view *t)
{
	struct rlimit r;

	if (prlimit(t->pid, RLIMIT_NOFILE, NULL, &r) < 0)
		return errno;
	return err(prlimit(t->pid, RLIMIT_NOFILE, &r, NULL));
}

static int do_getpgid(const struct view *t) { return err(getpgid(t->pid)); }
static int do_getsid(const struct view *t) { return err(getsid(t->pid)); }

static int do_ioprio_get(const struct view *t) { return err(syscall(SYS_ioprio_get, 1, t->pid)); }
static int do_ioprio_set(const struct view *t)
{
	long p = syscall(SYS_ioprio_get, 1, t->pid);

	if (p < 0)
		return errno;
	return err(syscall(SYS_ioprio_set, 1, t->pid, p));
}

static int do_task_xid(const struct view *t)
{
	/* The context of the task the pid names, not of another one. */
	long x = vs_call(VCMD_task_xid, t->pid, NULL);

	if (x < 0)
		return errno;
	return (uint32_t)x == t->xid ? 0 : EIO;
}

TEST_F(iso, kill_sig0) { EXPECT_ACT(do_kill0, EPERM, ESRCH); }
TEST_F(iso, kill_sigcont) { EXPECT_ACT(do_kill_cont, EPERM, ESRCH); }
TEST_F(iso, tgkill) { EXPECT_ACT(do_tgkill, EPERM, ESRCH); }
TEST_F(iso, rt_sigqueueinfo) { EXPECT_ACT(do_sigqueue, EPERM, ESRCH); }
TEST_F(iso, pidfd_send_signal) { EXPECT_ACT(do_pidfd_send_signal, EPERM, ESRCH); }
TEST_F(iso, pidfd_getfd) { EXPECT_ACT(do_pidfd_getfd, EPERM, ESRCH); }
/*
 * pidfd_send_signal finds no task behind a pidfd of a task out of sight
 * (ESRCH), and refuses a pidfd of a pid namespace that is neither the
 * actor's nor below it (EINVAL) before it looks.
 */
TEST_F(iso, pidfd_inherited_signal)
{
	EXPECT_ACT(do_pidfd_inherited_signal, EPERM, variant->in_ns ? ESRCH : EINVAL);
}
TEST_F(iso, pidfd_inherited_getfd) { EXPECT_ACT(do_pidfd_inherited_getfd, EPERM, EPERM); }
TEST_F(iso, proc_lookup) { EXPECT_SEE(do_proc_stat, ENOENT); }
TEST_F(iso, proc_readdir) { EXPECT_SEE(do_proc_readdir, ENOENT); }
TEST_F(iso, proc_status) { EXPECT_SEE(do_proc_status, ENOENT); }
TEST_F(iso, proc_environ) { EXPECT_ACT(do_proc_environ, EACCES, ENOENT); }
TEST_F(iso, proc_mem) { EXPECT_ACT(do_proc_mem, EACCES, ENOENT); }
TEST_F(iso, proc_fd) { EXPECT_ACT(do_proc_fd, EACCES, ENOENT); }
TEST_F(iso, proc_root) { EXPECT_ACT(do_proc_root, EACCES, ENOENT); }
TEST_F(iso, proc_cwd) { EXPECT_ACT(do_proc_cwd, EACCES, ENOENT); }
TEST_F(iso, proc_ns) { EXPECT_ACT(do_proc_ns, EACCES, ENOENT); }
TEST_F(iso, nsproc_lookup) { EXPECT_SEE(do_nsproc_stat, ENOENT); }
TEST_F(iso, nsproc_readdir) { EXPECT_SEE(do_nsproc_readdir, ENOENT); }
TEST_F(iso, nsproc_status) { EXPECT_SEE(do_nsproc_status, ENOENT); }
TEST_F(iso, nsproc_root) { EXPECT_ACT(do_nsproc_root, EACCES, ENOENT); }
TEST_F(iso, ptrace_seize) { EXPECT_ACT(do_ptrace, EPERM, ESRCH); }
TEST_F(iso, process_vm_readv) { EXPECT_ACT(do_vm_readv, EPERM, UNSEEN(EPERM)); }
TEST_F(iso, kcmp) { EXPECT_ACT(do_kcmp, EPERM, UNSEEN(EPERM)); }
TEST_F(iso, setpriority) { EXPECT_ACT(do_setpriority, EPERM, ESRCH); }
TEST_F(iso, getpriority) { EXPECT_SEE(do_getpriority, ESRCH); }
TEST_F(iso, sched_setaffinity) { EXPECT_ACT(do_setaffinity, EPERM, ESRCH); }
TEST_F(iso, sched_setscheduler) { EXPECT_ACT(do_setscheduler, EPERM, ESRCH); }
TEST_F(iso, sched_getaffinity) { EXPECT_SEE(do_getaffinity, ESRCH); }
TEST_F(iso, sched_getscheduler) { EXPECT_SEE(do_getscheduler, ESRCH); }
TEST_F(iso, prlimit_get) { EXPECT_SEE(do_prlimit_get, ESRCH); }
TEST_F(iso, prlimit_set) { EXPECT_ACT(do_prlimit_set, EPERM, ESRCH); }
TEST_F(iso, getpgid) { EXPECT_SEE(do_getpgid, ESRCH); }
TEST_F(iso, getsid) { EXPECT_SEE(do_getsid, ESRCH); }
TEST_F(iso, ioprio_get) { EXPECT_SEE(do_ioprio_get, ESRCH); }
TEST_F(iso, ioprio_set) { EXPECT_ACT(do_ioprio_set, EPERM, ESRCH); }
TEST_F(iso, task_xid) { EXPECT_SEE(do_task_xid, ESRCH); }

/*
 * A guest with a pid namespace of its own, looking at the host's /proc
 * mount (procfs shows the pids of the namespace it was mounted in): the
 * host's processes stay hidden there too.
 */
TEST(pidns_guest_host_proc)
{
	pid_t host = vs_spawn(stay_host, NULL);
	pid_t outer;
	int status;

	ASSERT_LT(0, host);
	outer = fork();
	ASSERT_LE(0, outer);
	if (!outer) {
		const pid_t me = getpid(); /* a pid of the host's namespace */
		pid_t inner;

		if (vs_create(XID_A, VXF_INIT_SET) != XID_A ||
		    unshare(CLONE_NEWPID))
			_exit(1);
		inner = fork();
		if (!inner) {
			if (getpid() != 1)
				_exit(2);
			if (proc_stat_at("/proc", host) != ENOENT)
				_exit(3);
			if (proc_readdir_at("/proc", host) != ENOENT)
				_exit(4);
			/* Its own context's process is there; host init is not. */
			if (proc_stat_at("/proc", me) || proc_readdir_at("/proc", me))
				_exit(5);
			if (proc_stat_at("/proc", 1) != ENOENT)
				_exit(6);
			_exit(0);
		}
		waitpid(inner, &status, 0);
		_exit(WIFEXITED(status) ? WEXITSTATUS(status) : 9);
	}
	ASSERT_EQ(outer, waitpid(outer, &status, 0));
	EXPECT_EQ(0, WEXITSTATUS(status));
	vs_reap(host);
}

/* kill(-1) from a guest reaches its own context only. */
TEST(kill_all_from_guest)
{
	pid_t host = vs_spawn(stay_host, NULL);
	pid_t a = vs_spawn(become_guest, (void *)XID_A);
	pid_t b = vs_spawn(become_guest, (void *)XID_B);
	pid_t actor;
	int status;

	ASSERT_LT(0, host);
	ASSERT_LT(0, a);
	ASSERT_LT(0, b);
	actor = fork();
	ASSERT_LE(0, actor);
	if (!actor) {
		if (vs_migrate_to(XID_A))
			_exit(1);
		/* Success: it signalled a. */
		_exit(kill(-1, SIGUSR1) ? 2 : 0);
	}
	ASSERT_EQ(actor, waitpid(actor, &status, 0));
	EXPECT_EQ(0, WEXITSTATUS(status));
	/* a died of it; host and b did not. */
	ASSERT_EQ(a, waitpid(a, &status, 0));
	EXPECT_TRUE(WIFSIGNALED(status));
	EXPECT_EQ(0, waitpid(host, &status, WNOHANG));
	EXPECT_EQ(0, waitpid(b, &status, WNOHANG));
	vs_reap(host);
	vs_reap(b);
}

/* SIGIO goes out on behalf of whoever set the owner, not of the opener. */
TEST(sigio_to_host)
{
	pid_t host = vs_spawn(stay_host, NULL);
	int p[2], status;
	pid_t actor;

	ASSERT_LT(0, host);
	/* Opened on the host, handed to the guest (here: inherited). */
	ASSERT_EQ(0, pipe(p));
	actor = fork();
	ASSERT_LE(0, actor);
	if (!actor) {
		if (vs_create(XID_A, VXF_INIT_SET) != XID_A)
			_exit(1);
		if (fcntl(p[0], F_SETOWN, host) ||
		    fcntl(p[0], F_SETFL, O_ASYNC | O_NONBLOCK))
			_exit(2);
		if (write(p[1], "x", 1) != 1)
			_exit(3);
		_exit(0);
	}
	ASSERT_EQ(actor, waitpid(actor, &status, 0));
	EXPECT_EQ(0, WEXITSTATUS(status));
	/* The default action of SIGIO would have killed it. */
	usleep(100000);
	EXPECT_EQ(0, waitpid(host, &status, WNOHANG));
	vs_reap(host);
}

/* The same SIGIO between tasks of one context is delivered. */
TEST(sigio_same_context)
{
	int p[2], status;
	pid_t actor;

	ASSERT_EQ(0, pipe(p));
	actor = fork();
	ASSERT_LE(0, actor);
	if (!actor) {
		pid_t victim;

		if (vs_create(XID_A, VXF_INIT_SET) != XID_A)
			_exit(1);
		victim = fork();
		if (!victim) {
			pause();
			_exit(0);
		}
		if (fcntl(p[0], F_SETOWN, victim) ||
		    fcntl(p[0], F_SETFL, O_ASYNC | O_NONBLOCK) ||
		    write(p[1], "x", 1) != 1)
			_exit(2);
		waitpid(victim, &status, 0);
		_exit(WIFSIGNALED(status) && WTERMSIG(status) == SIGIO ? 0 : 3);
	}
	ASSERT_EQ(actor, waitpid(actor, &status, 0));
	EXPECT_EQ(0, WEXITSTATUS(status));
}

/*
 * PTRACE_TRACEME: a host task cannot make a parent that moved into a guest
 * its tracer. A guest child of a host parent can (the host acts on all).
 */
TEST(traceme)
{
	pid_t creator = vs_spawn(become_guest, (void *)XID_A);
	int go[2], status;
	pid_t parent;

	ASSERT_LT(0, creator);
	ASSERT_EQ(0, pipe(go));
	parent = fork();
	ASSERT_LE(0, parent);
	if (!parent) {
		pid_t child = fork();
		char c;

		if (!child) {
			/* Wait until the parent is in the guest. */
			if (read(go[0], &c, 1) != 1)
				_exit(1);
			_exit(ptrace(PTRACE_TRACEME, 0, 0, 0) == -1 &&
			      errno == EPERM ? 0 : 2);
		}
		if (vs_migrate_to(XID_A))
			_exit(3);
		if (write(go[1], "g", 1) != 1)
			_exit(4);
		waitpid(child, &status, 0);
		_exit(WIFEXITED(status) ? WEXITSTATUS(status) : 5);
	}
	ASSERT_EQ(parent, waitpid(parent, &status, 0));
	EXPECT_EQ(0, WEXITSTATUS(status));

	/* A guest child of a host parent may ask to be traced. */
	parent = fork();
	ASSERT_LE(0, parent);
	if (!parent) {
		if (vs_migrate_to(XID_A))
			_exit(1);
		_exit(ptrace(PTRACE_TRACEME, 0, 0, 0) ? 2 : 0);
	}
	ASSERT_EQ(parent, waitpid(parent, &status, 0));
	EXPECT_EQ(0, WEXITSTATUS(status));
	vs_reap(creator);
}

/*
 * kill(-1) from a guest with a pid namespace reaches the namespace's tasks
 * of its own context only: not a host task or a task of another context
 * that is in the namespace too (nor the namespace's init, by Linux's rule).
 */
TEST(pidns_kill_all_from_guest)
{
	pid_t init = spawn_init(XID_A), b = vs_spawn(become_guest, (void *)XID_B);
	pid_t a, host, other, ha = 0, hh = 0, hb = 0, actor;
	int nsfd, status;

	ASSERT_LT(0, init);
	ASSERT_LT(0, b);
	nsfd = syscall(SYS_pidfd_open, init, 0);
	ASSERT_LE(0, nsfd);
	a = spawn_in(nsfd, join_guest, (void *)XID_A, &ha);
	host = spawn_in(nsfd, stay_host, NULL, &hh);
	other = spawn_in(nsfd, join_guest, (void *)XID_B, &hb);
	ASSERT_LT(0, a);
	ASSERT_LT(0, host);
	ASSERT_LT(0, other);
	actor = fork();
	ASSERT_LE(0, actor);
	if (!actor) {
		pid_t in;

		if (setns(nsfd, CLONE_NEWPID))
			_exit(1);
		in = fork();
		if (!in)
			_exit(vs_migrate_to(XID_A) ? 1 : kill(-1, SIGUSR1) ? 2 : 0);
		waitpid(in, &status, 0);
		_exit(WIFEXITED(status) ? WEXITSTATUS(status) : 3);
	}
	ASSERT_EQ(actor, waitpid(actor, &status, 0));
	EXPECT_EQ(0, WEXITSTATUS(status));
	/* a died of it (its helper says so); the others did not. */
	ASSERT_EQ(ha, waitpid(ha, &status, 0));
	EXPECT_EQ(SIGUSR1, WEXITSTATUS(status));
	usleep(100000);
	EXPECT_EQ(0, waitpid(hh, &status, WNOHANG));
	EXPECT_EQ(0, waitpid(hb, &status, WNOHANG));
	EXPECT_EQ(0, kill(init, 0));
	reap_in(host, hh);
	reap_in(other, hb);
	vs_reap(b);
	vs_reap(init);
	close(nsfd);
}

#define IOPRIO_WHO_PROCESS 1
#define IOPRIO_WHO_USER 3
#define IOPRIO_BE_7 ((2 << 13) | 7)

/*
 * setpriority(PRIO_USER) and ioprio_set(IOPRIO_WHO_USER) from guest root
 * walk every task of uid 0 the caller's pid namespace holds: the guest's
 * own tasks change, a host task stays as it was.
 */
static void renice_all_of_root(struct __test_metadata *const _metadata, bool pidns)
{
	pid_t init = 0, helper = 0, target, actor;
	int nsfd = -1, nice_before, io_before, status;

	if (pidns) {
		init = spawn_init(XID_A);
		ASSERT_LT(0, init);
		nsfd = syscall(SYS_pidfd_open, init, 0);
		ASSERT_LE(0, nsfd);
		/* A host task where the guest's walk passes. */
		target = spawn_in(nsfd, stay_host, NULL, &helper);
	} else {
		init = vs_spawn(become_guest, (void *)XID_A);
		ASSERT_LT(0, init);
		target = vs_spawn(stay_host, NULL);
	}
	ASSERT_LT(0, target);
	errno = 0;
	nice_before = getpriority(PRIO_PROCESS, target);
	ASSERT_EQ(0, errno);
	io_before = syscall(SYS_ioprio_get, IOPRIO_WHO_PROCESS, target);
	ASSERT_LE(0, io_before);
	actor = fork();
	ASSERT_LE(0, actor);
	if (!actor) {
		pid_t in;

		if (pidns && setns(nsfd, CLONE_NEWPID))
			_exit(1);
		in = fork();
		if (!in) {
			if (vs_migrate_to(XID_A))
				_exit(1);
			setpriority(PRIO_USER, 0, 7);
			/* The walk ran: it changed the guest's own task. */
			if (getpriority(PRIO_PROCESS, 0) != 7)
				_exit(2);
			/* This walk stops at the first task it may not change. */
			syscall(SYS_ioprio_set, IOPRIO_WHO_USER, 0, IOPRIO_BE_7);
			_exit(0);
		}
		waitpid(in, &status, 0);
		_exit(WIFEXITED(status) ? WEXITSTATUS(status) : 4);
	}
	ASSERT_EQ(actor, waitpid(actor, &status, 0));
	EXPECT_EQ(0, WEXITSTATUS(status));
	EXPECT_EQ(nice_before, getpriority(PRIO_PROCESS, target));
	EXPECT_EQ(io_before, syscall(SYS_ioprio_get, IOPRIO_WHO_PROCESS, target));
	EXPECT_EQ(0, getpriority(PRIO_PROCESS, 0));
	if (helper)
		reap_in(target, helper);
	else
		vs_reap(target);
	vs_reap(init);
	if (nsfd >= 0)
		close(nsfd);
}

TEST(renice_all_of_root_from_guest) { renice_all_of_root(_metadata, false); }
TEST(pidns_renice_all_of_root_from_guest) { renice_all_of_root(_metadata, true); }

/*
 * TIOCSTI: a terminal of the host that reaches a guest task (inherited, or
 * its controlling terminal, as for a command started from an
 * administrator's shell) must not let it type into the host's session.
 * Only the context capability VXC_TIOCSTI allows it (vserver(2)'s context
 * capabilities). Guests here have util-vserver's secure bounding set: no
 * CAP_SYS_ADMIN.
 */
#define SECURE_BCAPS 0xFFFFFFFFB44C04FFULL
#define LEGACY_TIOCSTI "/proc/sys/dev/tty/legacy_tiocsti"

/* A pty of the host; the slave in raw mode, so input is readable at once. */
static int host_pty(int *master, int *slave)
{
	struct termios t;
	char name[64];

	*master = posix_openpt(O_RDWR | O_NOCTTY);
	if (*master < 0 || grantpt(*master) || unlockpt(*master) ||
	    ptsname_r(*master, name, sizeof(name)))
		return -1;
	*slave = open(name, O_RDWR | O_NOCTTY);
	if (*slave < 0 || tcgetattr(*slave, &t))
		return -1;
	cfmakeraw(&t);
	return tcsetattr(*slave, TCSANOW, &t);
}

/* Is @c in the terminal's input, where its reader (a shell) takes it? */
static bool arrived(int slave, char c)
{
	struct pollfd p = { .fd = slave, .events = POLLIN };
	char got = 0;

	return poll(&p, 1, 200) == 1 && read(slave, &got, 1) == 1 && got == c;
}

/*
 * TIOCSTI of @c into @fd from a child: on the host (@xid 0), or as root of
 * guest @xid past setup with context capabilities @ccaps; with @ctty the
 * terminal is the child's controlling one first. Returns 0 or the errno,
 * -1 when the child could not get that far.
 */
static int sti(int fd, char c, uint32_t xid, uint64_t ccaps, bool ctty)
{
	int p[2], r = -1;
	pid_t pid;

	if (pipe(p))
		return -1;
	pid = fork();
	if (pid < 0)
		return -1;
	if (!pid) {
		struct vcmd_caps_v1 cc = { .ccaps = ccaps, .cmask = ~0ULL };

		close(p[0]);
		if (ctty && (setsid() < 0 || ioctl(fd, TIOCSCTTY, 0)))
			_exit(1);
		if (xid && (vs_create(xid, VXF_INIT_SET) != xid ||
			    vs_set_bcaps(VS_SELF, SECURE_BCAPS) ||
			    vs_call(VCMD_set_ccaps, VS_SELF, &cc) ||
			    vs_set_cflags(VS_SELF, 0, VXF_STATE_SETUP)))
			_exit(1);
		r = ioctl(fd, TIOCSTI, &c) ? errno : 0;
		_exit(write(p[1], &r, sizeof(r)) == sizeof(r) ? 0 : 1);
	}
	close(p[1]);
	if (read(p[0], &r, sizeof(r)) != sizeof(r))
		r = -1;
	close(p[0]);
	waitpid(pid, NULL, 0);
	return r;
}

/* Set dev.tty.legacy_tiocsti to @v; @old gets the value it had. */
static int legacy_tiocsti(const char *v, char *old, size_t size)
{
	FILE *f;

	if (old && read_file(LEGACY_TIOCSTI, old, size) < 0)
		return -1;
	f = fopen(LEGACY_TIOCSTI, "w");
	if (!f)
		return -1;
	fputs(v, f);
	return fclose(f);
}

FIXTURE(host_tty)
{
	int master, slave;
	char legacy[8];
};

FIXTURE_SETUP(host_tty)
{
	ASSERT_EQ(0, host_pty(&self->master, &self->slave));
	/* Linux's default (LEGACY_TIOCSTI=n); the legacy test turns it on. */
	ASSERT_EQ(0, legacy_tiocsti("0", self->legacy, sizeof(self->legacy)));
}

FIXTURE_TEARDOWN(host_tty)
{
	legacy_tiocsti(self->legacy, NULL, 0);
	close(self->slave);
	close(self->master);
}

TEST_F(host_tty, tiocsti_host)
{
	EXPECT_EQ(0, sti(self->slave, 'h', 0, 0, false));
	EXPECT_TRUE(arrived(self->slave, 'h'));
}

TEST_F(host_tty, tiocsti_guest_inherited_fd)
{
	int r = sti(self->slave, 'g', 302, 0, false);

	EXPECT_NE(-1, r);
	EXPECT_NE(0, r);
	EXPECT_FALSE(arrived(self->slave, 'g'));
}

TEST_F(host_tty, tiocsti_guest_ctty)
{
	int r = sti(self->slave, 'c', 303, 0, true);

	EXPECT_NE(-1, r);
	EXPECT_NE(0, r);
	EXPECT_FALSE(arrived(self->slave, 'c'));
}

/*
 * dev.tty.legacy_tiocsti=1 (the default of kernels built with
 * LEGACY_TIOCSTI=y) lets any task type into its controlling terminal:
 * a guest must still not type into the host's.
 */
TEST_F(host_tty, tiocsti_guest_ctty_legacy)
{
	int r;

	ASSERT_EQ(0, legacy_tiocsti("1", NULL, 0));
	r = sti(self->slave, 'l', 304, 0, true);
	EXPECT_NE(-1, r);
	EXPECT_NE(0, r);
	EXPECT_FALSE(arrived(self->slave, 'l'));
}

/* With the context capability, guest root may. */
TEST_F(host_tty, tiocsti_guest_ccap)
{
	EXPECT_EQ(0, sti(self->slave, 'k', 305, VXC_TIOCSTI, false));
	EXPECT_TRUE(arrived(self->slave, 'k'));
}

TEST_HARNESS_MAIN
