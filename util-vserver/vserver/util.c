// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * vserver - file helpers, the run file, failure injection
 *
 * Copyright (C) 2026 The vserver authors
 */
#define _XOPEN_SOURCE 700
#include <errno.h>
#include <fcntl.h>
#include <dirent.h>
#include <ftw.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <vserver.h>

#include "../common.h"
#include "guest.h"

int vs_pathf(char *buf, size_t size, const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(buf, size, fmt, ap);
	va_end(ap);
	if (n < 0 || (size_t)n >= size) {
		buf[0] = '\0';
		errno = ENAMETOOLONG;
		return -1;
	}
	return 0;
}

int vs_mkdir_p(const char *path, mode_t mode)
{
	char buf[PATH_MAX];
	char *p;

	if (snprintf(buf, sizeof(buf), "%s", path) >= (int)sizeof(buf)) {
		errno = ENAMETOOLONG;
		return -1;
	}
	for (p = buf + 1; ; p++) {
		if (*p != '/' && *p)
			continue;
		const char c = *p;

		*p = '\0';
		if (mkdir(buf, mode) < 0 && errno != EEXIST)
			return -1;
		*p = c;
		if (!c)
			break;
	}
	return 0;
}

int vs_write_file(const char *path, const char *text, mode_t mode)
{
	const size_t len = strlen(text);
	cleanup_fd int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC | O_NOFOLLOW, mode);
	ssize_t n;

	if (fd < 0)
		return -1;
	n = write(fd, text, len);
	if (n < 0)
		return -1;
	if ((size_t)n != len) {
		errno = ENOSPC;
		return -1;
	}
	return 0;
}

static char *rm_failed;
static size_t rm_failed_size;

static int rm_one(const char *path, const struct stat *st, int type, struct FTW *ftw)
{
	(void)st;
	(void)ftw;
	if ((type == FTW_DP ? rmdir(path) : unlink(path)) < 0 && errno != ENOENT) {
		snprintf(rm_failed, rm_failed_size, "%s", path);
		return -1;
	}
	return 0;
}

int vs_remove_tree(const char *path, char *failed, size_t size)
{
	struct stat st;

	snprintf(failed, size, "%s", path);
	if (lstat(path, &st) < 0)
		return errno == ENOENT ? 0 : -1;
	if (!S_ISDIR(st.st_mode))
		return unlink(path);
	rm_failed = failed;
	rm_failed_size = size;
	/* FTW_MOUNT: a filesystem still mounted below stops the removal there. */
	return nftw(path, rm_one, 32, FTW_DEPTH | FTW_PHYS | FTW_MOUNT) == 0 ? 0 : -1;
}

bool vs_ask(const char *question)
{
	char line[16];

	fprintf(stderr, "%s [y/N] ", question);
	fflush(stderr);
	if (!fgets(line, sizeof(line), stdin))
		return false;
	return line[0] == 'y' || line[0] == 'Y';
}

/* Read once: the guest's task clears its environment before its last steps. */
static char fail_at[32];

void vs_inject_init(void)
{
	const char *at = getenv("VSERVER_FAIL_AT");

	snprintf(fail_at, sizeof(fail_at), "%s", at ? at : "");
}

bool vs_inject(const char *step)
{
	if (!fail_at[0] || strcmp(fail_at, step))
		return false;
	errno = EIO;
	return true;
}

void vs_guest_runfile(const struct vs_config *c, char *buf, size_t size)
{
	snprintf(buf, size, "%s/%s", vs_paths.rundir, c->name);
}

void vs_guest_clear_run(const struct vs_config *c)
{
	char path[PATH_MAX];

	vs_guest_runfile(c, path, sizeof(path));
	unlink(path);
	vs_pathf(path, sizeof(path), "%s/run", c->cfgdir);
	unlink(path);
}

int vs_guest_write_run(const struct vs_config *c)
{
	char path[PATH_MAX], link[PATH_MAX], text[16];

	if (vs_mkdir_p(vs_paths.rundir, 0755) < 0)
		return -1;
	vs_guest_runfile(c, path, sizeof(path));
	snprintf(text, sizeof(text), "%u\n", c->xid);
	if (vs_write_file(path, text, 0644) < 0)
		return -1;
	vs_pathf(link, sizeof(link), "%s/run", c->cfgdir);
	unlink(link);
	if (symlink(path, link) < 0) {
		unlink(path);
		return -1;
	}
	return 0;
}

/* The loader's message starts with the file's name: keep it once, in full. */
static const char *strip_file(const struct vs_config_error *err)
{
	const char *colon = strstr(err->msg, ": ");
	size_t n, flen = strlen(err->file);

	if (!colon)
		return err->msg;
	n = (size_t)(colon - err->msg);
	if (n <= flen && !strncmp(err->file + flen - n, err->msg, n))
		return colon + 2;
	return err->msg;
}

struct vs_config *vs_guest_load(const char *name)
{
	struct vs_config_error err;
	struct vs_config *c = NULL;

	if (vs_config_load(vs_paths.confdir, name, &c, &err) == 0)
		return c;
	if (errno == ENOENT) {
		vs_warn("no guest '%s' (%s/%s does not exist): create it with 'vserver %s build'",
			name, vs_paths.confdir, name, name);
	} else if (err.msg[0]) {
		if (err.line)
			vs_warn("%s:%d: %s", err.file, err.line, strip_file(&err));
		else if (err.file[0])
			vs_warn("%s: %s", err.file, strip_file(&err));
		else
			vs_warn("%s", err.msg);
	} else {
		vs_warn("cannot read the configuration of '%s': %m", name);
	}
	return NULL;
}

bool vs_guest_running(const struct vs_config *c, uint32_t *tasks)
{
	struct vc_vx_info info;
	struct vc_ctx_stat st;
	char ctxname[VS_NAME_MAX + 1];

	if (tasks)
		*tasks = 0;
	if (!c->has_context || vc_get_vx_info(c->xid, &info) < 0)
		return false;
	if (vc_get_vhi_name(c->xid, VHIN_CONTEXT, ctxname, sizeof(ctxname)) < 0 ||
	    strcmp(ctxname, c->cfgdir))
		return false;
	if (vc_ctx_stat(c->xid, &st) < 0)
		return false;
	if (tasks)
		*tasks = st.tasks;
	return st.tasks > 0;
}

bool vs_guest_uses_nid(const struct vs_config *c)
{
	size_t i;

	if (c->noncontext)
		return false;
	for (i = 0; i < c->n_ifaces; i++)
		if (!c->ifaces[i].disabled)
			return true;
	return false;
}

int vs_run(char *const argv[])
{
	int st;
	pid_t pid;

	fflush(NULL);
	pid = fork();
	if (pid < 0) {
		vs_warn("cannot fork: %m");
		return -1;
	}
	if (pid == 0) {
		execvp(argv[0], argv);
		vs_warn("cannot execute %s: %m", argv[0]);
		_exit(errno == ENOENT ? VS_EXIT_NOEXEC : VS_EXIT_EXEC);
	}
	while (waitpid(pid, &st, 0) < 0) {
		if (errno != EINTR) {
			vs_warn("cannot wait for %s: %m", argv[0]);
			return -1;
		}
	}
	if (WIFEXITED(st) && WEXITSTATUS(st) == 0)
		return 0;
	if (WIFEXITED(st))
		vs_warn("%s failed with exit status %d", argv[0], WEXITSTATUS(st));
	else
		vs_warn("%s was killed by signal %d", argv[0], WTERMSIG(st));
	return -1;
}

/* Run one hook program: PROGRAM ACTION NAME, on the host. */
static int run_hook(const char *prog, const char *action, const char *name)
{
	char *const argv[] = { (char *)prog, (char *)action, (char *)name, NULL };

	return vs_run(argv);
}

static int name_cmp(const struct dirent **a, const struct dirent **b)
{
	return strcmp((*a)->d_name, (*b)->d_name);
}

int vs_guest_hook(const struct vs_config *c, const char *action)
{
	char path[PATH_MAX], dir[PATH_MAX];
	struct dirent **list = NULL;
	int n, i, rc = 0;

	vs_pathf(path, sizeof(path), "%s/scripts/%s", c->cfgdir, action);
	if (access(path, F_OK) == 0 && run_hook(path, action, c->name) < 0)
		rc = -1;
	vs_pathf(dir, sizeof(dir), "%s/scripts/%s.d", c->cfgdir, action);
	n = scandir(dir, &list, NULL, name_cmp);
	for (i = 0; i < n; i++) {
		if (list[i]->d_name[0] != '.' && rc == 0) {
			vs_pathf(path, sizeof(path), "%s/%s", dir, list[i]->d_name);
			if (access(path, X_OK) == 0 && run_hook(path, action, c->name) < 0)
				rc = -1;
		}
		free(list[i]);
	}
	free(list);
	return rc;
}
