// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * vserver NAME enter / exec
 *
 * Join the running guest (ABI §6.2): its namespaces and root from the
 * context's space slot 0 (enter_space, which only the host may do), then
 * the context itself (ctx_migrate, which applies its capability bounds);
 * then fork, so the command is in the guest's pid namespace. The command
 * gets a clean environment and no descriptor of the host beyond the
 * standard streams of exec. enter runs the guest's shell on a terminal of
 * the guest's own devpts, relayed to the user's terminal, so no host
 * terminal is ever open inside the guest.
 *
 * Copyright (C) 2026 The vserver authors
 */
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <termios.h>
#include <unistd.h>

#include <vserver.h>

#include "../common.h"
#include "guest.h"

#define MAX_ARGS 32

/* A wait status as an exit status: 128 + signal, like a shell. */
static int exit_status(int st)
{
	return WIFEXITED(st) ? WEXITSTATUS(st) : 128 + WTERMSIG(st);
}

static int wait_child(pid_t pid)
{
	int st;

	while (waitpid(pid, &st, 0) < 0)
		if (errno != EINTR)
			return VS_EXIT_FAIL;
	return exit_status(st);
}

static void clean_env(const char *shell)
{
	const char *term = getenv("TERM");
	char tbuf[64];

	snprintf(tbuf, sizeof(tbuf), "%s", term ? term : "linux");
	clearenv();
	setenv("PATH", GUEST_PATH, 1);
	setenv("HOME", "/root", 1);
	setenv("USER", "root", 1);
	setenv("LOGNAME", "root", 1);
	setenv("TERM", tbuf, 1);
	setenv("SHELL", shell, 1);
	setenv("container", "vserver", 1);
}

/* In a child of the host: become a task of the guest. Reports and _exits. */
static void join_guest(const struct vs_config *c)
{
	/* Its network context first: only a host task may migrate. */
	if (vs_guest_uses_nid(c) && vc_net_migrate(c->nid) < 0) {
		vs_warn_syscall("cannot enter network context %u of '%s'", c->nid, c->name);
		_exit(VS_EXIT_FAIL);
	}
	if (vc_enter_namespace(c->xid, 0, 0) < 0) {
		vs_warn_syscall("cannot enter the namespaces of '%s'", c->name);
		_exit(VS_EXIT_FAIL);
	}
	if (vc_ctx_migrate(c->xid, 0) < 0) {
		vs_warn_syscall("cannot enter context %u of '%s'", c->xid, c->name);
		_exit(VS_EXIT_FAIL);
	}
	if (chdir("/") < 0) {
		vs_warn("cannot enter the root of '%s': %m", c->name);
		_exit(VS_EXIT_FAIL);
	}
}

static void __attribute__((noreturn)) run(char **argv)
{
	signal(SIGINT, SIG_DFL);
	signal(SIGQUIT, SIG_DFL);
	clean_env(argv[0]);
	execvp(argv[0], argv);
	vs_warn("cannot execute %s in the guest: %m", argv[0]);
	_exit(errno == ENOENT ? VS_EXIT_NOEXEC : VS_EXIT_EXEC);
}

/* The guest's pid namespace applies to children: the command is one. */
static void __attribute__((noreturn)) fork_run(char **argv)
{
	pid_t pid = fork();

	if (pid < 0) {
		vs_warn("cannot fork in the guest: %m");
		_exit(VS_EXIT_FAIL);
	}
	if (pid == 0)
		run(argv);
	_exit(wait_child(pid));
}

static const struct vs_config *load_running(const char *name, struct vs_config **c)
{
	*c = vs_guest_load(name);
	if (!*c)
		return NULL;
	if (!vs_guest_running(*c, NULL)) {
		vs_warn("'%s' is not running: start it with 'vserver %s start'", name, name);
		vs_config_free(*c);
		*c = NULL;
	}
	return *c;
}

int vs_cmd_exec(const char *name, int argc, char **argv)
{
	struct vs_config *c;
	pid_t pid;
	int rc;

	if (argc < 2)
		vs_usage_error("'exec' needs a command to run in the guest");
	if (!load_running(name, &c))
		return VS_EXIT_FAIL;
	fflush(NULL);
	pid = fork();
	if (pid < 0) {
		vs_warn("cannot fork: %m");
		vs_config_free(c);
		return VS_EXIT_FAIL;
	}
	if (pid == 0) {
		join_guest(c);
		syscall(SYS_close_range, 3U, ~0U, 0U);
		fork_run(argv + 1);
	}
	signal(SIGINT, SIG_IGN);
	signal(SIGQUIT, SIG_IGN);
	rc = wait_child(pid);
	signal(SIGINT, SIG_DFL);
	signal(SIGQUIT, SIG_DFL);
	vs_config_free(c);
	return rc;
}

/* --- enter: a terminal of the guest, relayed --------------------------------------- */

static int send_fd(int sock, int fd)
{
	char data = 'T';
	union {
		struct cmsghdr h;
		char buf[CMSG_SPACE(sizeof(int))];
	} u = { 0 };
	struct iovec iov = { &data, 1 };
	struct msghdr msg = {
		.msg_iov = &iov, .msg_iovlen = 1,
		.msg_control = u.buf, .msg_controllen = sizeof(u.buf),
	};
	struct cmsghdr *h = CMSG_FIRSTHDR(&msg);

	h->cmsg_level = SOL_SOCKET;
	h->cmsg_type = SCM_RIGHTS;
	h->cmsg_len = CMSG_LEN(sizeof(int));
	memcpy(CMSG_DATA(h), &fd, sizeof(int));
	return sendmsg(sock, &msg, 0) == 1 ? 0 : -1;
}

static int recv_fd(int sock)
{
	char data;
	union {
		struct cmsghdr h;
		char buf[CMSG_SPACE(sizeof(int))];
	} u;
	struct iovec iov = { &data, 1 };
	struct msghdr msg = {
		.msg_iov = &iov, .msg_iovlen = 1,
		.msg_control = u.buf, .msg_controllen = sizeof(u.buf),
	};
	struct cmsghdr *h;
	int fd;

	if (recvmsg(sock, &msg, MSG_CMSG_CLOEXEC) != 1)
		return -1;
	h = CMSG_FIRSTHDR(&msg);
	if (!h || h->cmsg_type != SCM_RIGHTS || h->cmsg_len != CMSG_LEN(sizeof(int))) {
		errno = EPROTO;
		return -1;
	}
	memcpy(&fd, CMSG_DATA(h), sizeof(int));
	return fd;
}

/* In the guest: a new pty of the guest's devpts; the master goes to the host. */
static void __attribute__((noreturn)) guest_pty(int sock, char **argv)
{
	char slave[64];
	pid_t pid;
	int master;

	master = posix_openpt(O_RDWR | O_NOCTTY | O_CLOEXEC);
	if (master < 0 || grantpt(master) < 0 || unlockpt(master) < 0 ||
	    ptsname_r(master, slave, sizeof(slave)) != 0) {
		vs_warn("cannot open a terminal in the guest (is devpts mounted on /dev/pts "
			"and /dev/ptmx there?): %m");
		_exit(VS_EXIT_FAIL);
	}
	if (send_fd(sock, master) < 0) {
		vs_warn("cannot pass the terminal on: %m");
		_exit(VS_EXIT_FAIL);
	}
	close(sock);
	pid = fork();
	if (pid < 0) {
		vs_warn("cannot fork in the guest: %m");
		_exit(VS_EXIT_FAIL);
	}
	if (pid == 0) {
		int fd;

		close(master);
		if (setsid() < 0 || (fd = open(slave, O_RDWR)) < 0 ||
		    ioctl(fd, TIOCSCTTY, 0) < 0 || dup2(fd, 0) < 0 || dup2(fd, 1) < 0 ||
		    dup2(fd, 2) < 0) {
			vs_warn("cannot set up the terminal %s: %m", slave);
			_exit(VS_EXIT_FAIL);
		}
		if (fd > 2)
			close(fd);
		run(argv);
	}
	close(master);
	_exit(wait_child(pid));
}

static volatile sig_atomic_t winch = 1;

static void on_winch(int sig)
{
	(void)sig;
	winch = 1;
}

static int copy(int from, int to)
{
	char buf[4096];
	ssize_t n = read(from, buf, sizeof(buf)), off = 0;

	if (n <= 0)
		return -1;
	while (off < n) {
		ssize_t w = write(to, buf + off, (size_t)(n - off));

		if (w < 0) {
			if (errno == EINTR)
				continue;
			return -1;
		}
		off += w;
	}
	return 0;
}

/* Relay the user's terminal and the guest's until the guest side closes. */
static void relay(int master)
{
	struct pollfd p[2] = { { STDIN_FILENO, POLLIN, 0 }, { master, POLLIN, 0 } };
	struct sigaction sa = { .sa_handler = on_winch };
	struct winsize ws;

	sigaction(SIGWINCH, &sa, NULL);
	for (;;) {
		if (winch) {
			winch = 0;
			if (ioctl(STDIN_FILENO, TIOCGWINSZ, &ws) == 0)
				ioctl(master, TIOCSWINSZ, &ws);
		}
		if (poll(p, 2, -1) < 0) {
			if (errno == EINTR)
				continue;
			return;
		}
		if (p[1].revents & (POLLIN | POLLHUP | POLLERR)) {
			if (copy(master, STDOUT_FILENO) < 0)
				return;
		}
		if (p[0].revents & (POLLIN | POLLHUP)) {
			if (copy(STDIN_FILENO, master) < 0)
				p[0].fd = -1; /* the user's side ended: keep showing output */
		}
	}
}

static int enter_tty(const struct vs_config *c, char **argv)
{
	struct termios saved, raw;
	int sv[2], master, rc;
	pid_t pid;

	if (socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, sv) < 0) {
		vs_warn("cannot create a socket pair: %m");
		return VS_EXIT_FAIL;
	}
	fflush(NULL);
	pid = fork();
	if (pid < 0) {
		vs_warn("cannot fork: %m");
		return VS_EXIT_FAIL;
	}
	if (pid == 0) {
		close(sv[0]);
		join_guest(c);
		/* the socket stays open (it is CLOEXEC), every other host descriptor goes */
		if (sv[1] != 3) {
			if (dup3(sv[1], 3, O_CLOEXEC) < 0)
				_exit(VS_EXIT_FAIL);
			sv[1] = 3;
		}
		syscall(SYS_close_range, 4U, ~0U, 0U);
		guest_pty(sv[1], argv);
	}
	close(sv[1]);
	master = recv_fd(sv[0]);
	close(sv[0]);
	if (master < 0)
		return wait_child(pid) ? : VS_EXIT_FAIL;
	signal(SIGINT, SIG_IGN);
	signal(SIGQUIT, SIG_IGN);
	tcgetattr(STDIN_FILENO, &saved);
	raw = saved;
	cfmakeraw(&raw);
	tcsetattr(STDIN_FILENO, TCSANOW, &raw);
	relay(master);
	tcsetattr(STDIN_FILENO, TCSANOW, &saved);
	close(master);
	rc = wait_child(pid);
	return rc;
}

int vs_cmd_enter(const char *name, int argc, char **argv)
{
	char *args[MAX_ARGS + 1], *save, *w;
	struct vs_config *c;
	int n = 0, rc;

	if (argc > 1)
		vs_usage_error("'enter' takes no arguments, not '%s': use 'exec' to run a command",
			       argv[1]);
	if (!load_running(name, &c))
		return VS_EXIT_FAIL;
	for (w = strtok_r(c->shell, " \t", &save); w && n < MAX_ARGS;
	     w = strtok_r(NULL, " \t", &save))
		args[n++] = w;
	args[n] = NULL;
	if (!n) {
		vs_warn("%s/shell is empty", c->cfgdir);
		vs_config_free(c);
		return VS_EXIT_FAIL;
	}
	if (isatty(STDIN_FILENO)) {
		rc = enter_tty(c, args);
	} else {
		/* no terminal to relay: a shell reading the standard input */
		char *exec_args[MAX_ARGS + 2] = { "exec" };

		memcpy(exec_args + 1, args, sizeof(char *) * (size_t)(n + 1));
		rc = vs_cmd_exec(name, n + 1, exec_args);
	}
	vs_config_free(c);
	return rc;
}
