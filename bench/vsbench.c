// SPDX-License-Identifier: GPL-2.0-only
/*
 * vsbench - system call micro-benchmarks and lifecycle timers for `make bench`
 *
 * Static, so that the same binary runs on the host, in a context and inside
 * a guest's root. Time is CLOCK_MONOTONIC: under QEMU with -icount it counts
 * guest instructions (shift=0: one instruction, one nanosecond), so the
 * figures are repeatable and compare code paths, not cache behaviour.
 *
 *   vsbench micro [--dir DIR] [--min-ms MS] [--runs N] [--only OP,...]
 *       every operation, one JSON line each:
 *       {"op":"getpid","iters":N,"ns":[ns/op of run 1, run 2, ...]}
 *   vsbench now                 print CLOCK_MONOTONIC in ns
 *   vsbench stamp FILE          write CLOCK_MONOTONIC (ns) to FILE, exit
 *   vsbench init [FILE]         a minimal init: stamp FILE, then wait for
 *                               SIGINT/SIGTERM (exit) and reap orphans;
 *                               also what it does when called as .../init
 *   vsbench time [--stamp FILE [--detach]] [--wait-exit PID] [--quiet] CMD...
 *                               run CMD, print its time (see cmd_time)
 *   vsbench nsstart ROOT [PIDFILE]  the LXC-style start: namespaces + chroot
 *   vsbench serve ADDR PORT     TCP sink: accept, read to EOF, close; forever
 *   vsbench client ADDR PORT [--bind ADDR] [--min-ms MS] [--runs N]
 *       connection rate (connect+close against `serve`) and throughput
 *       (one stream), one JSON line each
 *
 * Copyright (C) 2026 The vserver authors
 */
#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sched.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <poll.h>
#include <sys/mount.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "vserver.h"

static void die(const char *const what)
{
	fprintf(stderr, "vsbench: %s: %s\n", what, strerror(errno));
	exit(1);
}

static uint64_t now_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (uint64_t)ts.tv_sec * 1000000000ULL + (uint64_t)ts.tv_nsec;
}

/* --- state shared by the operations ------------------------------------------ */

static char path_file[4096];	/* a 4 KiB file in DIR */
static char self_exe[4096];	/* this binary, for fork+exec */
static int file_fd = -1;
static int pp_fd[2] = { -1, -1 };	/* ping-pong: our end, for pipe and unix */
static int pp_rfd = -1;
static pid_t peer = -1;		/* the ping-pong or sink child */
static int tcp_lfd = -1;		/* loopback listener */
static struct sockaddr_in tcp_addr;
static int tcp_cfd = -1;		/* connected stream for the 1 MiB transfer */
static int udp_fd = -1;
static struct sockaddr_in udp_addr;
static uint32_t ctx_xid = 40000;
static char buf[65536];

static void op_getpid(long n)
{
	while (n--)
		syscall(SYS_getpid);
}

static void op_stat(long n)
{
	struct stat st;

	while (n--)
		if (stat(path_file, &st) < 0)
			die("stat");
}

static void op_open_close(long n)
{
	while (n--) {
		const int fd = open(path_file, O_RDONLY);

		if (fd < 0)
			die("open");
		close(fd);
	}
}

static void op_read4k(long n)
{
	while (n--)
		if (pread(file_fd, buf, 4096, 0) != 4096)
			die("pread");
}

static void op_fork(long n)
{
	while (n--) {
		const pid_t p = fork();

		if (p < 0)
			die("fork");
		if (!p)
			_exit(0);
		waitpid(p, NULL, 0);
	}
}

static void op_fork_exec(long n)
{
	while (n--) {
		const pid_t p = fork();

		if (p < 0)
			die("fork");
		if (!p) {
			execl(self_exe, "vsbench", "true", (char *)NULL);
			_exit(127);
		}
		waitpid(p, NULL, 0);
	}
}

/* One byte there and back: the echo child runs until its end closes. */
static void echo_child(const int fd)
{
	char c;

	while (read(fd, &c, 1) == 1)
		if (write(fd, &c, 1) != 1)
			break;
	_exit(0);
}

static void op_pingpong(long n)
{
	char c = 'x';

	while (n--)
		if (write(pp_fd[0], &c, 1) != 1 || read(pp_rfd, &c, 1) != 1)
			die("ping-pong");
}

static void setup_pipe(void)
{
	int a[2], b[2];

	if (pipe(a) < 0 || pipe(b) < 0)
		die("pipe");
	peer = fork();
	if (peer < 0)
		die("fork");
	if (!peer) {
		char c;

		close(a[1]);
		close(b[0]);
		while (read(a[0], &c, 1) == 1)
			if (write(b[1], &c, 1) != 1)
				break;
		_exit(0);
	}
	close(a[0]);
	close(b[1]);
	pp_fd[0] = a[1];
	pp_rfd = b[0];
}

static void setup_unix(void)
{
	int sv[2];

	if (socketpair(AF_UNIX, SOCK_STREAM, 0, sv) < 0)
		die("socketpair");
	peer = fork();
	if (peer < 0)
		die("fork");
	if (!peer) {
		close(sv[0]);
		echo_child(sv[1]);
	}
	close(sv[1]);
	pp_fd[0] = sv[0];
	pp_rfd = sv[0];
}

static void teardown_peer(void)
{
	if (pp_fd[0] >= 0)
		close(pp_fd[0]);
	if (pp_rfd >= 0 && pp_rfd != pp_fd[0])
		close(pp_rfd);
	if (tcp_cfd >= 0)
		close(tcp_cfd);
	pp_fd[0] = pp_rfd = tcp_cfd = -1;
	if (peer > 0)
		waitpid(peer, NULL, 0);
	peer = -1;
}

static int tcp_listener(struct sockaddr_in *const addr)
{
	socklen_t len = sizeof(*addr);
	const int one = 1;
	int fd = socket(AF_INET, SOCK_STREAM, 0);

	if (fd < 0)
		die("socket");
	setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one));
	memset(addr, 0, sizeof(*addr));
	addr->sin_family = AF_INET;
	addr->sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	if (bind(fd, (struct sockaddr *)addr, sizeof(*addr)) < 0 || listen(fd, 128) < 0 ||
	    getsockname(fd, (struct sockaddr *)addr, &len) < 0)
		die("tcp listener");
	return fd;
}

static void setup_tcp_accept(void)
{
	tcp_lfd = tcp_listener(&tcp_addr);
}

static void teardown_tcp_accept(void)
{
	close(tcp_lfd);
	tcp_lfd = -1;
}

/*
 * connect, accept, close: one process, the handshake completes in softirq
 * on loopback. The accepted side closes first so that TIME_WAIT stays with
 * the listener's port and never eats ephemeral ports.
 */
static void op_tcp_conn(long n)
{
	while (n--) {
		const int c = socket(AF_INET, SOCK_STREAM, 0);
		int a;

		if (c < 0 || connect(c, (struct sockaddr *)&tcp_addr, sizeof(tcp_addr)) < 0)
			die("connect");
		a = accept(tcp_lfd, NULL, NULL);
		if (a < 0)
			die("accept");
		close(a);
		close(c);
	}
}

/* The sink child reads 1 MiB, answers one byte, and again until EOF. */
static void setup_tcp_stream(void)
{
	struct sockaddr_in addr;
	const int lfd = tcp_listener(&addr);

	peer = fork();
	if (peer < 0)
		die("fork");
	if (!peer) {
		const int fd = accept(lfd, NULL, NULL);
		long got = 0;
		ssize_t r;

		if (fd < 0)
			_exit(1);
		while ((r = read(fd, buf, sizeof(buf))) > 0) {
			got += r;
			if (got >= 1 << 20) {
				got -= 1 << 20;
				if (write(fd, "k", 1) != 1)
					break;
			}
		}
		_exit(0);
	}
	close(lfd);
	tcp_cfd = socket(AF_INET, SOCK_STREAM, 0);
	if (tcp_cfd < 0 || connect(tcp_cfd, (struct sockaddr *)&addr, sizeof(addr)) < 0)
		die("connect");
}

static void op_tcp_1m(long n)
{
	char c;

	while (n--) {
		long left = 1 << 20;

		while (left > 0) {
			const ssize_t w = write(tcp_cfd, buf, left < (long)sizeof(buf) ? left : (long)sizeof(buf));

			if (w <= 0)
				die("tcp write");
			left -= w;
		}
		if (read(tcp_cfd, &c, 1) != 1)
			die("tcp ack");
	}
}

static void setup_udp(void)
{
	socklen_t len = sizeof(udp_addr);

	udp_fd = socket(AF_INET, SOCK_DGRAM, 0);
	if (udp_fd < 0)
		die("socket");
	memset(&udp_addr, 0, sizeof(udp_addr));
	udp_addr.sin_family = AF_INET;
	udp_addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	if (bind(udp_fd, (struct sockaddr *)&udp_addr, sizeof(udp_addr)) < 0 ||
	    getsockname(udp_fd, (struct sockaddr *)&udp_addr, &len) < 0)
		die("udp bind");
}

static void teardown_udp(void)
{
	close(udp_fd);
	udp_fd = -1;
}

/* One 64-byte datagram to ourselves and back out of the queue. */
static void op_udp(long n)
{
	while (n--) {
		if (sendto(udp_fd, buf, 64, 0, (struct sockaddr *)&udp_addr, sizeof(udp_addr)) != 64 ||
		    recv(udp_fd, buf, sizeof(buf), 0) != 64)
			die("udp");
	}
}

static void op_socket_bind(long n)
{
	struct sockaddr_in a = {
		.sin_family = AF_INET,
		.sin_addr.s_addr = htonl(INADDR_LOOPBACK),
	};

	while (n--) {
		const int fd = socket(AF_INET, SOCK_STREAM, 0);

		if (fd < 0 || bind(fd, (struct sockaddr *)&a, sizeof(a)) < 0)
			die("socket+bind");
		close(fd);
	}
}

static void op_kill0(long n)
{
	const pid_t self = getpid();

	while (n--)
		if (kill(self, 0) < 0)
			die("kill");
}

static void op_yield(long n)
{
	while (n--)
		sched_yield();
}

/*
 * A context created and destroyed: a child creates context @ctx_xid (and
 * is moved into it), exits, and the context ends with its last task. The
 * cost of the context alone is this minus fork+exit+wait.
 */
static void op_ctx(long n)
{
	while (n--) {
		const uint32_t xid = ctx_xid;
		const pid_t p = fork();
		int st;

		if (p < 0)
			die("fork");
		if (!p)
			_exit(vc_ctx_create(xid, NULL) < 0 ? 1 : 0);
		waitpid(p, &st, 0);
		if (!WIFEXITED(st) || WEXITSTATUS(st))
			die("ctx_create");
		/* The next id: an ended context may wait for RCU to be freed. */
		ctx_xid = ctx_xid >= 49000 ? 40000 : ctx_xid + 1;
	}
}

struct op {
	const char *name;
	void (*run)(long n);
	void (*setup)(void);
	void (*teardown)(void);
	int needs_vserver;
};

static const struct op ops[] = {
	{ "getpid", op_getpid, NULL, NULL, 0 },
	{ "stat", op_stat, NULL, NULL, 0 },
	{ "open_close", op_open_close, NULL, NULL, 0 },
	{ "read_4k", op_read4k, NULL, NULL, 0 },
	{ "fork_exit_wait", op_fork, NULL, NULL, 0 },
	{ "fork_exec_wait", op_fork_exec, NULL, NULL, 0 },
	{ "pipe_pingpong", op_pingpong, setup_pipe, teardown_peer, 0 },
	{ "unix_pingpong", op_pingpong, setup_unix, teardown_peer, 0 },
	{ "tcp_connect_accept_close", op_tcp_conn, setup_tcp_accept, teardown_tcp_accept, 0 },
	{ "tcp_1mib", op_tcp_1m, setup_tcp_stream, teardown_peer, 0 },
	{ "udp_send_recv", op_udp, setup_udp, teardown_udp, 0 },
	{ "socket_bind_close", op_socket_bind, NULL, NULL, 0 },
	{ "kill0", op_kill0, NULL, NULL, 0 },
	{ "sched_yield", op_yield, NULL, NULL, 0 },
	{ "ctx_create_destroy", op_ctx, NULL, NULL, 1 },
};

static uint64_t timed(const struct op *const o, const long n)
{
	const uint64_t t0 = now_ns();

	o->run(n);
	return now_ns() - t0;
}

/*
 * Double the count until one run lasts @min_ns, scale it to @min_ns, then
 * measure @runs runs of that count. Calibration doubles as the warm-up.
 */
static void measure(const struct op *const o, const uint64_t min_ns, const int runs)
{
	long n = 1;
	uint64_t t;
	int i;

	if (o->setup)
		o->setup();
	/* The first call may fill caches or allocate (a listener's queue). */
	timed(o, 1);
	for (;;) {
		t = timed(o, n);
		if (t >= min_ns / 4 || n >= 1L << 30)
			break;
		n *= 2;
	}
	n = (long)((double)n * (double)min_ns / (double)(t ? t : 1)) + 1;
	printf("{\"op\":\"%s\",\"iters\":%ld,\"ns\":[", o->name, n);
	for (i = 0; i < runs; i++) {
		t = timed(o, n);
		printf("%s%.2f", i ? "," : "", (double)t / (double)n);
	}
	printf("]}\n");
	fflush(stdout);
	if (o->teardown)
		o->teardown();
}

static int in_list(const char *const list, const char *const name)
{
	const size_t len = strlen(name);
	const char *p = list;

	if (!list)
		return 1;
	while ((p = strstr(p, name))) {
		if ((p == list || p[-1] == ',') && (p[len] == ',' || !p[len]))
			return 1;
		p += len;
	}
	return 0;
}

static int cmd_micro(int argc, char **argv)
{
	const char *dir = "/tmp", *only = NULL;
	long min_ms = 20;
	int runs = 5, i, fd;
	ssize_t len;
	char d[2048];

	for (i = 0; i < argc; i++) {
		if (!strcmp(argv[i], "--dir") && i + 1 < argc)
			dir = argv[++i];
		else if (!strcmp(argv[i], "--min-ms") && i + 1 < argc)
			min_ms = atol(argv[++i]);
		else if (!strcmp(argv[i], "--runs") && i + 1 < argc)
			runs = atoi(argv[++i]);
		else if (!strcmp(argv[i], "--only") && i + 1 < argc)
			only = argv[++i];
		else {
			fprintf(stderr, "vsbench: micro: unknown argument '%s'\n", argv[i]);
			return 2;
		}
	}
	len = readlink("/proc/self/exe", self_exe, sizeof(self_exe) - 1);
	if (len < 0)
		die("readlink /proc/self/exe");
	self_exe[len] = 0;
	snprintf(d, sizeof(d), "%s/vsbench.%d", dir, (int)getpid());
	if (mkdir(d, 0755) < 0)
		die(d);
	snprintf(path_file, sizeof(path_file), "%s/file", d);
	fd = open(path_file, O_RDWR | O_CREAT | O_TRUNC, 0644);
	memset(buf, 'v', sizeof(buf));
	if (fd < 0 || write(fd, buf, 4096) != 4096)
		die(path_file);
	file_fd = fd;
	signal(SIGPIPE, SIG_IGN);
	for (i = 0; i < (int)(sizeof(ops) / sizeof(ops[0])); i++) {
		if (!in_list(only, ops[i].name))
			continue;
		/* Contexts are created from the host only. */
		if (ops[i].needs_vserver && (vc_get_version() < 0 || vc_get_task_xid(0) != 0))
			continue;
		measure(&ops[i], (uint64_t)min_ms * 1000000ULL, runs);
	}
	close(file_fd);
	unlink(path_file);
	rmdir(d);
	return 0;
}

/* --- lifecycle helpers -------------------------------------------------------- */

static int stamp(const char *const file)
{
	FILE *f = fopen(file, "w");

	if (!f)
		die(file);
	fprintf(f, "%llu\n", (unsigned long long)now_ns());
	return fclose(f) ? 1 : 0;
}

static volatile sig_atomic_t stop_init;

static void on_stop(int sig)
{
	(void)sig;
	stop_init = 1;
}

static int cmd_init(int argc, char *const *argv)
{
	struct sigaction sa = { .sa_handler = on_stop };

	if (argc > 0)
		stamp(argv[0]);
	sigaction(SIGINT, &sa, NULL);
	sigaction(SIGTERM, &sa, NULL);
	while (!stop_init) {
		/* Orphans of the guest are ours to reap; pause otherwise. */
		if (waitpid(-1, NULL, WNOHANG) <= 0)
			pause();
	}
	return 0;
}

static uint64_t read_stamp(const char *const file)
{
	unsigned long long v = 0;
	FILE *f = fopen(file, "r");

	if (!f)
		return 0;
	if (fscanf(f, "%llu", &v) != 1)
		v = 0;
	fclose(f);
	return v;
}

static void nap_us(const long us)
{
	const struct timespec ts = { 0, us * 1000 };

	nanosleep(&ts, NULL);
}

/*
 * vsbench time [--stamp FILE] [--detach] [--wait-exit PID] [--quiet] CMD [ARG...]
 *
 * Runs CMD and prints {"total":ns,"to_stamp":ns,"cpu":ns,"pid":N}: total
 * is until CMD exited (with --detach: until the stamp appeared; with
 * --wait-exit: until PID exited as well); cpu is the run time of CMD and
 * the descendants it waited for (precise: the scheduler's sum_exec_runtime;
 * it leaves out idle time, which -icount sleep=off skips to the next
 * timer, and kernel threads); to_stamp is from the start to the time
 * written into FILE, which is emptied first, and waited for (10 s at most)
 * after CMD exits. --quiet: CMD's standard
 * output goes to /dev/null.
 */
static uint64_t children_cpu_ns(void)
{
	struct rusage ru;

	if (getrusage(RUSAGE_CHILDREN, &ru) < 0)
		die("getrusage");
	return ((uint64_t)ru.ru_utime.tv_sec + (uint64_t)ru.ru_stime.tv_sec) * 1000000000ULL +
	       ((uint64_t)ru.ru_utime.tv_usec + (uint64_t)ru.ru_stime.tv_usec) * 1000ULL;
}

static int cmd_time(int argc, char **argv)
{
	const char *stampf = NULL;
	uint64_t cpu0;
	long long cpu = -1;
	int detach = 0, quiet = 0, pidfd = -1, st = 0, i;
	uint64_t t0, total, s = 0;
	pid_t p;

	for (i = 0; i < argc && argv[i][0] == '-'; i++) {
		if (!strcmp(argv[i], "--stamp") && i + 1 < argc) {
			stampf = argv[++i];
		} else if (!strcmp(argv[i], "--detach")) {
			detach = 1;
		} else if (!strcmp(argv[i], "--quiet")) {
			quiet = 1;
		} else if (!strcmp(argv[i], "--wait-exit") && i + 1 < argc) {
			pidfd = (int)syscall(SYS_pidfd_open, atoi(argv[++i]), 0);
			if (pidfd < 0)
				die("pidfd_open");
		} else {
			break;
		}
	}
	if (i >= argc || (detach && !stampf)) {
		fprintf(stderr, "vsbench: usage: time [--stamp FILE [--detach]] [--wait-exit PID] [--quiet] CMD...\n");
		return 2;
	}
	if (stampf) {
		FILE *f = fopen(stampf, "w");

		if (!f)
			die(stampf);
		fclose(f);
	}
	cpu0 = children_cpu_ns();
	t0 = now_ns();
	p = fork();
	if (p < 0)
		die("fork");
	if (!p) {
		if (quiet) {
			const int null = open("/dev/null", O_WRONLY);

			if (null < 0 || dup2(null, 1) < 0)
				die("/dev/null");
		}
		execvp(argv[i], argv + i);
		fprintf(stderr, "vsbench: cannot run %s: %s\n", argv[i], strerror(errno));
		_exit(127);
	}
	if (detach) {
		while (!(s = read_stamp(stampf)))
			nap_us(50);
	} else {
		waitpid(p, &st, 0);
		cpu = (long long)(children_cpu_ns() - cpu0);
	}
	/* A command that starts something need not wait for it to run. */
	if (stampf && !s) {
		const uint64_t give_up = now_ns() + 10000000000ULL;

		while (!(s = read_stamp(stampf)) && now_ns() < give_up)
			nap_us(50);
	}
	if (pidfd >= 0) {
		struct pollfd pfd = { .fd = pidfd, .events = POLLIN };

		while (poll(&pfd, 1, -1) < 0 && errno == EINTR)
			;
	}
	total = now_ns() - t0;
	if (stampf && !s)
		s = read_stamp(stampf);
	printf("{\"total\":%llu,\"to_stamp\":%lld,\"cpu\":%lld,\"pid\":%d}\n",
	       (unsigned long long)total, s ? (long long)(s - t0) : -1LL, cpu, (int)p);
	if (detach)
		return 0;
	return WIFEXITED(st) ? WEXITSTATUS(st) : 1;
}

static void must_mount(const char *src, const char *dst, const char *type,
		       unsigned long flags, const char *data)
{
	if (mount(src, dst, type, flags, data) < 0) {
		fprintf(stderr, "vsbench: mount %s on %s: %s\n", type ? type : src, dst,
			strerror(errno));
		_exit(1);
	}
}

/*
 * vsbench nsstart ROOT [PIDFILE]: the LXC-style baseline of `vserver NAME start`,
 * what `unshare --fork --pid --mount --uts --ipc` + chroot do, with the
 * mounts of a vserver guest's default fstab (proc, devpts, tmpfs /tmp):
 * new namespaces, a child that is pid 1 there, mounts, chroot, exec
 * /sbin/init. Returns once init is started, as `vserver start` does; the
 * middle process exits, so each guest is one process, as with vserver.
 * PIDFILE gets init's pid (as the host sees it).
 */
static int cmd_nsstart(int argc, char **argv)
{
	char path[4096];
	pid_t mid, p;
	int st;

	if (argc < 1 || argc > 2) {
		fprintf(stderr, "vsbench: usage: nsstart ROOT [PIDFILE]\n");
		return 2;
	}
	mid = fork();
	if (mid < 0)
		die("fork");
	if (!mid) {
		if (unshare(CLONE_NEWNS | CLONE_NEWUTS | CLONE_NEWIPC | CLONE_NEWPID) < 0)
			die("unshare");
		p = fork();
		if (p < 0)
			die("fork");
		if (p) {
			FILE *f = argc > 1 ? fopen(argv[1], "w") : NULL;

			if (f) {
				fprintf(f, "%d\n", (int)p);
				fclose(f);
			}
			_exit(0);
		}
		must_mount(NULL, "/", NULL, MS_REC | MS_PRIVATE, NULL);
		snprintf(path, sizeof(path), "%s/proc", argv[0]);
		must_mount("proc", path, "proc", MS_NOSUID | MS_NODEV | MS_NOEXEC, NULL);
		snprintf(path, sizeof(path), "%s/dev/pts", argv[0]);
		must_mount("devpts", path, "devpts", 0, "newinstance,gid=5,mode=620,ptmxmode=666");
		snprintf(path, sizeof(path), "%s/tmp", argv[0]);
		must_mount("tmpfs", path, "tmpfs", 0, "size=64m,mode=1777");
		if (sethostname("guest", 5) < 0 || chroot(argv[0]) < 0 || chdir("/") < 0)
			die("chroot");
		/* Like a started guest, init keeps nothing of its starter's. */
		st = open("/dev/null", O_RDWR);
		if (st < 0 || dup2(st, 0) < 0 || dup2(st, 1) < 0 || dup2(st, 2) < 0)
			die("/dev/null");
		if (st > 2)
			close(st);
		execl("/sbin/init", "init", (char *)NULL);
		die("exec /sbin/init");
	}
	waitpid(mid, &st, 0);
	return WIFEXITED(st) ? WEXITSTATUS(st) : 1;
}

/* --- network between two peers -------------------------------------------------- */

static struct sockaddr_in inet_addr_port(const char *const addr, const char *const port)
{
	struct sockaddr_in a = { .sin_family = AF_INET, .sin_port = htons((uint16_t)atoi(port)) };

	if (inet_pton(AF_INET, addr, &a.sin_addr) != 1) {
		fprintf(stderr, "vsbench: '%s' is not an IPv4 address\n", addr);
		exit(2);
	}
	return a;
}

static int cmd_serve(int argc, char **argv)
{
	struct sockaddr_in a;
	const int one = 1;
	int lfd;

	if (argc != 2) {
		fprintf(stderr, "vsbench: usage: serve ADDR PORT\n");
		return 2;
	}
	a = inet_addr_port(argv[0], argv[1]);
	lfd = socket(AF_INET, SOCK_STREAM, 0);
	if (lfd < 0)
		die("socket");
	setsockopt(lfd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one));
	if (bind(lfd, (struct sockaddr *)&a, sizeof(a)) < 0 || listen(lfd, 128) < 0)
		die("serve: bind/listen");
	signal(SIGCHLD, SIG_IGN);
	for (;;) {
		const int fd = accept(lfd, NULL, NULL);

		if (fd < 0)
			continue;
		/* Close at once when the client does (the rate test), else sink. */
		while (read(fd, buf, sizeof(buf)) > 0)
			;
		close(fd);
	}
}

static int connect_one(const struct sockaddr_in *const to, const struct sockaddr_in *const from)
{
	const int fd = socket(AF_INET, SOCK_STREAM, 0);

	if (fd < 0)
		die("socket");
	if (from && bind(fd, (const struct sockaddr *)from, sizeof(*from)) < 0)
		die("bind");
	if (connect(fd, (const struct sockaddr *)to, sizeof(*to)) < 0)
		die("connect");
	return fd;
}

/* Connections: connect, then close after the server's accept saw EOF... */
static void conn_run(const struct sockaddr_in *to, const struct sockaddr_in *from, long n)
{
	while (n--) {
		const int fd = connect_one(to, from);

		/* ...so wait for the server to close its end first. */
		shutdown(fd, SHUT_WR);
		while (read(fd, buf, sizeof(buf)) > 0)
			;
		close(fd);
	}
}

static int cmd_client(int argc, char **argv)
{
	struct sockaddr_in to, from, *fromp = NULL;
	long min_ms = 200, n;
	int runs = 5, i, fd;
	uint64_t t;

	if (argc < 2) {
		fprintf(stderr, "vsbench: usage: client ADDR PORT [--bind ADDR] [--min-ms MS] [--runs N]\n");
		return 2;
	}
	to = inet_addr_port(argv[0], argv[1]);
	for (i = 2; i < argc; i++) {
		if (!strcmp(argv[i], "--bind") && i + 1 < argc) {
			from = inet_addr_port(argv[++i], "0");
			fromp = &from;
		} else if (!strcmp(argv[i], "--min-ms") && i + 1 < argc) {
			min_ms = atol(argv[++i]);
		} else if (!strcmp(argv[i], "--runs") && i + 1 < argc) {
			runs = atoi(argv[++i]);
		} else {
			fprintf(stderr, "vsbench: client: unknown argument '%s'\n", argv[i]);
			return 2;
		}
	}
	/* Connection rate: the server closes after the client's FIN. */
	for (n = 1;; n *= 2) {
		const uint64_t t0 = now_ns();

		conn_run(&to, fromp, n);
		t = now_ns() - t0;
		if (t >= (uint64_t)min_ms * 250000ULL)
			break;
	}
	n = (long)((double)n * (double)min_ms * 1e6 / (double)t) + 1;
	printf("{\"op\":\"tcp_conn_rate\",\"iters\":%ld,\"ns\":[", n);
	for (i = 0; i < runs; i++) {
		const uint64_t t0 = now_ns();

		conn_run(&to, fromp, n);
		printf("%s%.2f", i ? "," : "", (double)(now_ns() - t0) / (double)n);
	}
	printf("]}\n");
	fflush(stdout);
	/* Throughput: one stream, ns per MiB. */
	memset(buf, 'v', sizeof(buf));
	fd = connect_one(&to, fromp);
	for (n = 1;; n *= 2) {
		const uint64_t t0 = now_ns();
		long k;

		for (k = 0; k < n * 16; k++)
			if (write(fd, buf, sizeof(buf)) != sizeof(buf))
				die("write");
		t = now_ns() - t0;
		if (t >= (uint64_t)min_ms * 250000ULL)
			break;
	}
	n = (long)((double)n * (double)min_ms * 1e6 / (double)t) + 1;
	printf("{\"op\":\"tcp_stream_1mib\",\"iters\":%ld,\"ns\":[", n);
	for (i = 0; i < runs; i++) {
		const uint64_t t0 = now_ns();
		long k;

		for (k = 0; k < n * 16; k++)
			if (write(fd, buf, sizeof(buf)) != sizeof(buf))
				die("write");
		printf("%s%.2f", i ? "," : "", (double)(now_ns() - t0) / (double)n);
	}
	printf("]}\n");
	close(fd);
	return 0;
}

static void usage(void)
{
	fputs("usage: vsbench micro [--dir DIR] [--min-ms MS] [--runs N] [--only OP,...]\n"
	      "       vsbench now | stamp FILE | init [FILE] | true | nsstart ROOT [PIDFILE]\n"
	      "       vsbench time [--stamp FILE [--detach]] [--wait-exit PID] [--quiet] CMD [ARG...]\n"
	      "       vsbench serve ADDR PORT | client ADDR PORT [--bind ADDR] [--min-ms MS] [--runs N]\n",
	      stderr);
}

int main(int argc, char **argv)
{
	const char *base = strrchr(argv[0], '/');

	/*
	 * As a guest's /sbin/init: stamp the start into /vsbench-stamp when
	 * the harness made that file (no new inode otherwise: density counts
	 * every byte), then wait to be stopped.
	 */
	if (!strcmp(base ? base + 1 : argv[0], "init")) {
		char *const f[] = { "/vsbench-stamp" };

		return cmd_init(access(f[0], W_OK) ? 0 : 1, f);
	}
	if (argc < 2) {
		usage();
		return 2;
	}
	if (!strcmp(argv[1], "true"))
		return 0;
	if (!strcmp(argv[1], "micro"))
		return cmd_micro(argc - 2, argv + 2);
	if (!strcmp(argv[1], "now")) {
		printf("%llu\n", (unsigned long long)now_ns());
		return 0;
	}
	if (!strcmp(argv[1], "stamp") && argc == 3)
		return stamp(argv[2]);
	if (!strcmp(argv[1], "init"))
		return cmd_init(argc - 2, argv + 2);
	if (!strcmp(argv[1], "time"))
		return cmd_time(argc - 2, argv + 2);
	if (!strcmp(argv[1], "nsstart"))
		return cmd_nsstart(argc - 2, argv + 2);
	if (!strcmp(argv[1], "serve"))
		return cmd_serve(argc - 2, argv + 2);
	if (!strcmp(argv[1], "client"))
		return cmd_client(argc - 2, argv + 2);
	usage();
	return 2;
}
