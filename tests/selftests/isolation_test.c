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
 * process_vm_readv and kcmp answer EPERM either way (no existence leak
 * beyond what the pid lookup of ptrace already hides is tested here).
 *
 * The targets are helper processes; each check runs in an "actor" child
 * that first enters the actor's context, so the test process stays on the
 * host and can reap everything. No pid namespace here: contexts started
 * the util-vserver way share the host's.
 *
 * Copyright (C) 2026 The vserver authors
 */
#include <dirent.h>
#include <fcntl.h>
#include <sched.h>
#include <sys/ptrace.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/uio.h>
#include <linux/kcmp.h>

#include "common.h"

#define XID_A 300
#define XID_B 301

enum actor { ACTOR_HOST, ACTOR_GUEST_A, ACTOR_SPECTATOR };
enum target { TARGET_HOST, TARGET_A, TARGET_B };

/* Read by process_vm_readv: the helpers are forks, same address. */
static volatile int marker = 0x5a5a;

FIXTURE(iso)
{
	pid_t pid[3];
};

FIXTURE_VARIANT(iso)
{
	enum actor actor;
	enum target target;
	bool sees;
	bool acts;
};

/* clang-format off */
FIXTURE_VARIANT_ADD(iso, host_to_guest) {
	.actor = ACTOR_HOST, .target = TARGET_A, .sees = true, .acts = true,
};
FIXTURE_VARIANT_ADD(iso, guest_to_host) {
	.actor = ACTOR_GUEST_A, .target = TARGET_HOST, .sees = false, .acts = false,
};
FIXTURE_VARIANT_ADD(iso, guest_to_sibling) {
	.actor = ACTOR_GUEST_A, .target = TARGET_B, .sees = false, .acts = false,
};
FIXTURE_VARIANT_ADD(iso, guest_to_same) {
	.actor = ACTOR_GUEST_A, .target = TARGET_A, .sees = true, .acts = true,
};
FIXTURE_VARIANT_ADD(iso, spectator_to_guest) {
	.actor = ACTOR_SPECTATOR, .target = TARGET_A, .sees = true, .acts = false,
};
FIXTURE_VARIANT_ADD(iso, spectator_to_host) {
	.actor = ACTOR_SPECTATOR, .target = TARGET_HOST, .sees = true, .acts = false,
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

FIXTURE_SETUP(iso)
{
	self->pid[TARGET_HOST] = vs_spawn(stay_host, NULL);
	self->pid[TARGET_A] = vs_spawn(become_guest, (void *)XID_A);
	self->pid[TARGET_B] = vs_spawn(become_guest, (void *)XID_B);
	ASSERT_LT(0, self->pid[TARGET_HOST]);
	ASSERT_LT(0, self->pid[TARGET_A]);
	ASSERT_LT(0, self->pid[TARGET_B]);
}

FIXTURE_TEARDOWN(iso)
{
	int i;

	for (i = 0; i < 3; i++)
		vs_reap(self->pid[i]);
}

typedef int (*check_fn)(pid_t target);

/*
 * Run @fn(target) in a child that first enters the variant's actor
 * context; returns what @fn returned (0 or an errno), or -1 if the child
 * could not enter the context.
 */
static int act(const FIXTURE_VARIANT(iso) *const v, const pid_t target,
	       const check_fn fn)
{
	int p[2], r = -1, status;
	pid_t pid;

	if (pipe(p))
		return -1;
	pid = fork();
	if (pid < 0)
		return -1;
	if (!pid) {
		close(p[0]);
		if (v->actor == ACTOR_GUEST_A && vs_migrate_to(XID_A))
			_exit(1);
		if (v->actor == ACTOR_SPECTATOR &&
		    vs_call(VCMD_ctx_migrate, 1, NULL) != 1)
			_exit(1);
		r = fn(target);
		_exit(write(p[1], &r, sizeof(r)) == sizeof(r) ? 0 : 1);
	}
	close(p[1]);
	if (read(p[0], &r, sizeof(r)) != sizeof(r))
		r = -1;
	close(p[0]);
	waitpid(pid, &status, 0);
	return r;
}

#define TARGET (self->pid[variant->target])

/* Expected errno: 0 when acting is allowed, @seen / @unseen otherwise. */
#define EXPECT_ACT(fn, seen, unseen)                                          \
	EXPECT_EQ(variant->acts ? 0 : variant->sees ? (seen) : (unseen),      \
		  act(variant, TARGET, fn))

#define EXPECT_SEE(fn, unseen)                                                \
	EXPECT_EQ(variant->sees ? 0 : (unseen), act(variant, TARGET, fn))

static int err(const long r)
{
	return r < 0 ? errno : 0;
}

static int do_kill0(pid_t t) { return err(kill(t, 0)); }
static int do_kill_cont(pid_t t) { return err(kill(t, SIGCONT)); }
static int do_tgkill(pid_t t) { return err(syscall(SYS_tgkill, t, t, 0)); }

static int do_sigqueue(pid_t t)
{
	siginfo_t si = { .si_signo = SIGCONT, .si_code = SI_QUEUE };

	si.si_pid = getpid();
	si.si_uid = getuid();
	return err(syscall(SYS_rt_sigqueueinfo, t, SIGCONT, &si));
}

static int do_pidfd_send_signal(pid_t t)
{
	int fd = syscall(SYS_pidfd_open, t, 0), r;

	if (fd < 0)
		return errno;
	r = err(syscall(SYS_pidfd_send_signal, fd, 0, NULL, 0));
	close(fd);
	return r;
}

static int do_pidfd_getfd(pid_t t)
{
	int fd = syscall(SYS_pidfd_open, t, 0), r;

	if (fd < 0)
		return errno;
	r = syscall(SYS_pidfd_getfd, fd, 0, 0);
	r = r < 0 ? errno : (close(r), 0);
	close(fd);
	return r;
}

static int proc_path(pid_t t, const char *what, char *buf, size_t size)
{
	return snprintf(buf, size, "/proc/%d%s", t, what);
}

static int do_proc_stat(pid_t t)
{
	char path[64];
	struct stat st;

	proc_path(t, "", path, sizeof(path));
	return err(stat(path, &st));
}

static int do_proc_status(pid_t t)
{
	char path[64], buf[256];
	int fd, r;

	proc_path(t, "/status", path, sizeof(path));
	fd = open(path, O_RDONLY);
	if (fd < 0)
		return errno;
	r = err(read(fd, buf, sizeof(buf)));
	close(fd);
	return r;
}

static int do_proc_readdir(pid_t t)
{
	char name[16];
	struct dirent *de;
	DIR *d = opendir("/proc");
	int found = 0;

	if (!d)
		return errno;
	snprintf(name, sizeof(name), "%d", t);
	while ((de = readdir(d)))
		found |= !strcmp(de->d_name, name);
	closedir(d);
	return found ? 0 : ENOENT;
}

static int do_proc_open(pid_t t, const char *what, int flags)
{
	char path[64];
	int fd;

	proc_path(t, what, path, sizeof(path));
	fd = open(path, flags);
	if (fd < 0)
		return errno;
	close(fd);
	return 0;
}

static int do_proc_environ(pid_t t) { return do_proc_open(t, "/environ", O_RDONLY); }
static int do_proc_mem(pid_t t) { return do_proc_open(t, "/mem", O_RDONLY); }

static int do_proc_link(pid_t t, const char *what)
{
	char path[64], buf[256];

	proc_path(t, what, path, sizeof(path));
	return err(readlink(path, buf, sizeof(buf)));
}

static int do_proc_root(pid_t t) { return do_proc_link(t, "/root"); }
static int do_proc_cwd(pid_t t) { return do_proc_link(t, "/cwd"); }
/* The fd directory is guarded by its mode; its links by ptrace rules. */
static int do_proc_fd(pid_t t) { return do_proc_link(t, "/fd/0"); }

static int do_ptrace(pid_t t)
{
	/* SEIZE does not stop the target; the tracer's exit detaches. */
	return err(ptrace(PTRACE_SEIZE, t, 0, 0));
}

static int do_vm_readv(pid_t t)
{
	int v = 0;
	struct iovec l = { &v, sizeof(v) };
	struct iovec r = { (void *)&marker, sizeof(v) };

	if (process_vm_readv(t, &l, 1, &r, 1, 0) < 0)
		return errno;
	return v == 0x5a5a ? 0 : EIO;
}

static int do_kcmp(pid_t t)
{
	return err(syscall(SYS_kcmp, getpid(), t, KCMP_VM, 0, 0));
}

static int do_setpriority(pid_t t) { return err(setpriority(PRIO_PROCESS, t, 0)); }

static int do_getpriority(pid_t t)
{
	errno = 0;
	getpriority(PRIO_PROCESS, t);
	return errno;
}

static int do_setaffinity(pid_t t)
{
	cpu_set_t s;

	CPU_ZERO(&s);
	CPU_SET(0, &s);
	return err(sched_setaffinity(t, sizeof(s), &s));
}

static int do_getaffinity(pid_t t)
{
	cpu_set_t s;

	return err(sched_getaffinity(t, sizeof(s), &s));
}

static int do_getscheduler(pid_t t) { return err(sched_getscheduler(t)); }

static int do_setscheduler(pid_t t)
{
	struct sched_param p = { 0 };

	return err(sched_setscheduler(t, SCHED_OTHER, &p));
}

static int do_prlimit_get(pid_t t)
{
	struct rlimit r;

	return err(prlimit(t, RLIMIT_NOFILE, NULL, &r));
}

static int do_prlimit_set(pid_t t)
{
	struct rlimit r;

	if (prlimit(t, RLIMIT_NOFILE, NULL, &r) < 0)
		return errno;
	return err(prlimit(t, RLIMIT_NOFILE, &r, NULL));
}

static int do_getpgid(pid_t t) { return err(getpgid(t)); }
static int do_getsid(pid_t t) { return err(getsid(t)); }

static int do_ioprio_get(pid_t t) { return err(syscall(SYS_ioprio_get, 1, t)); }
static int do_ioprio_set(pid_t t)
{
	long p = syscall(SYS_ioprio_get, 1, t);

	if (p < 0)
		return errno;
	return err(syscall(SYS_ioprio_set, 1, t, p));
}

static int do_task_xid(pid_t t)
{
	/* Only the host and the spectator have CAP_SYS_ADMIN here. */
	return err(vs_call(VCMD_task_xid, t, NULL));
}

TEST_F(iso, kill_sig0) { EXPECT_ACT(do_kill0, EPERM, ESRCH); }
TEST_F(iso, kill_sigcont) { EXPECT_ACT(do_kill_cont, EPERM, ESRCH); }
TEST_F(iso, tgkill) { EXPECT_ACT(do_tgkill, EPERM, ESRCH); }
TEST_F(iso, rt_sigqueueinfo) { EXPECT_ACT(do_sigqueue, EPERM, ESRCH); }
TEST_F(iso, pidfd_send_signal) { EXPECT_ACT(do_pidfd_send_signal, EPERM, ESRCH); }
TEST_F(iso, pidfd_getfd) { EXPECT_ACT(do_pidfd_getfd, EPERM, ESRCH); }
TEST_F(iso, proc_lookup) { EXPECT_SEE(do_proc_stat, ENOENT); }
TEST_F(iso, proc_readdir) { EXPECT_SEE(do_proc_readdir, ENOENT); }
TEST_F(iso, proc_status) { EXPECT_SEE(do_proc_status, ENOENT); }
TEST_F(iso, proc_environ) { EXPECT_ACT(do_proc_environ, EACCES, ENOENT); }
TEST_F(iso, proc_mem) { EXPECT_ACT(do_proc_mem, EACCES, ENOENT); }
TEST_F(iso, proc_fd) { EXPECT_ACT(do_proc_fd, EACCES, ENOENT); }
TEST_F(iso, proc_root) { EXPECT_ACT(do_proc_root, EACCES, ENOENT); }
TEST_F(iso, proc_cwd) { EXPECT_ACT(do_proc_cwd, EACCES, ENOENT); }
TEST_F(iso, ptrace_seize) { EXPECT_ACT(do_ptrace, EPERM, ESRCH); }
TEST_F(iso, process_vm_readv) { EXPECT_ACT(do_vm_readv, EPERM, EPERM); }
TEST_F(iso, kcmp) { EXPECT_ACT(do_kcmp, EPERM, EPERM); }
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
			if (do_proc_stat(host) != ENOENT)
				_exit(3);
			if (do_proc_readdir(host) != ENOENT)
				_exit(4);
			/* Its own context's process is there; host init is not. */
			if (do_proc_stat(me) || do_proc_readdir(me))
				_exit(5);
			if (do_proc_stat(1) != ENOENT)
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

TEST_HARNESS_MAIN
