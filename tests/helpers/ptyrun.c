// SPDX-License-Identifier: GPL-2.0-only
/*
 * ptyrun - run a command on a new pseudo-terminal, as a user at a terminal
 * would: `ptyrun INPUT COMMAND [ARG]...` writes INPUT to the terminal,
 * copies everything the command writes there to standard output until the
 * terminal closes, and exits with the command's status. For the CLI tests
 * of `vserver NAME enter`, which acts differently on a terminal.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/wait.h>
#include <unistd.h>

int main(int argc, char **argv)
{
	char buf[4096], *slave;
	int master, st;
	ssize_t n;
	pid_t pid;

	if (argc < 3) {
		fprintf(stderr, "usage: ptyrun INPUT COMMAND [ARG]...\n");
		return 2;
	}
	master = posix_openpt(O_RDWR | O_NOCTTY);
	if (master < 0 || grantpt(master) < 0 || unlockpt(master) < 0 ||
	    !(slave = ptsname(master))) {
		perror("ptyrun: pty");
		return 1;
	}
	pid = fork();
	if (pid < 0) {
		perror("ptyrun: fork");
		return 1;
	}
	if (pid == 0) {
		int fd;

		close(master);
		if (setsid() < 0 || (fd = open(slave, O_RDWR)) < 0 || ioctl(fd, TIOCSCTTY, 0) < 0) {
			perror("ptyrun: terminal");
			_exit(1);
		}
		dup2(fd, 0);
		dup2(fd, 1);
		dup2(fd, 2);
		if (fd > 2)
			close(fd);
		execvp(argv[2], argv + 2);
		perror("ptyrun: exec");
		_exit(127);
	}
	if (write(master, argv[1], strlen(argv[1])) < 0)
		perror("ptyrun: write");
	while ((n = read(master, buf, sizeof(buf))) > 0 || (n < 0 && errno == EINTR))
		if (n > 0 && fwrite(buf, 1, (size_t)n, stdout) != (size_t)n)
			break;
	waitpid(pid, &st, 0);
	return WIFEXITED(st) ? WEXITSTATUS(st) : 128 + WTERMSIG(st);
}
