/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * vserver - the parts of the `vserver NAME COMMAND` program
 *
 * vserver.c holds the command table and the small commands; build.c,
 * start.c (start and stop) and enter.c (enter and exec) the large ones.
 * Every command returns the program's exit status and reports its own
 * errors, one line each, prefixed with "vserver: ".
 *
 * Copyright (C) 2026 The vserver authors
 */
#ifndef VS_VSERVER_GUEST_H
#define VS_VSERVER_GUEST_H

#include <stdbool.h>
#include <stdint.h>
#include <sys/types.h>

#include "../config.h"

/* Exit codes of `vserver` besides VS_EXIT_* (documented in vserver.8). */
#define VSERVER_EXIT_STOPPED 3	/* status: the guest is not running */

/* Where things live; each can be moved with an environment variable. */
struct vs_paths {
	const char *confdir;	/* VSERVER_CONFDIR, /etc/vservers */
	const char *rundir;	/* VSERVER_RUNDIR, /var/run/vservers */
};

extern struct vs_paths vs_paths;

/*
 * Load guest @name's configuration, reporting a failure as
 * "vserver: FILE:LINE: MESSAGE". Returns NULL on failure.
 */
struct vs_config *vs_guest_load(const char *name);

/*
 * Whether the guest of @c runs: its context exists and carries the guest's
 * configuration directory as its name (util-vserver's check). Fills
 * @tasks (may be NULL) with the context's task count.
 */
bool vs_guest_running(const struct vs_config *c, uint32_t *tasks);

/*
 * Whether the guest gets a network context (ABI §6.1 step 2, chbind): it
 * has an interface that is not disabled, and no "noncontext" file.
 */
bool vs_guest_uses_nid(const struct vs_config *c);

/* The run file, RUNDIR/NAME, holding the running guest's xid. */
void vs_guest_runfile(const struct vs_config *c, char *buf, size_t size);

/* Remove the run file and the cfgdir/run link (missing ones are fine). */
void vs_guest_clear_run(const struct vs_config *c);

/* Write the run file and the cfgdir/run link; -1 with errno on failure. */
int vs_guest_write_run(const struct vs_config *c);

/*
 * A failure injected for tests: true when VSERVER_FAIL_AT names @step,
 * and then errno is EIO. Every step of start, stop and build checks it.
 */
bool vs_inject(const char *step);

/* Read VSERVER_FAIL_AT; main() calls it first. */
void vs_inject_init(void);

/*
 * Run the guest's hook scripts for @action (ABI §7): scripts/ACTION, then
 * the executables of scripts/ACTION.d/ in name order, each on the host as
 * `PROGRAM ACTION NAME`. Returns 0, or -1 when one failed (reported; the
 * rest of the directory is skipped).
 */
int vs_guest_hook(const struct vs_config *c, const char *action);

/* The commands: argv[0] is the command's name, NAME was taken before. */
int vs_cmd_build(const char *name, int argc, char **argv);
int vs_cmd_start(const char *name, int argc, char **argv);
int vs_cmd_stop(const char *name, int argc, char **argv);
int vs_cmd_enter(const char *name, int argc, char **argv);
int vs_cmd_exec(const char *name, int argc, char **argv);

/* start.c: the default capabilities and flags a guest starts with. */
extern const struct vc_mask64 vs_default_bcaps, vs_default_ccaps, vs_default_cflags;

/* The guest's view of PATH: what init and commands run inside start with. */
#define GUEST_PATH "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"

/*
 * Run @argv (searched in PATH) on the host and wait for it. Returns 0 when
 * it exited with 0, else -1 after one line saying how it failed.
 */
int vs_run(char *const argv[]);

/* --- files (util.c) ------------------------------------------------------- */

/*
 * Format a path into @buf; a path that does not fit leaves "" (which no
 * call accepts) and returns -1 with errno ENAMETOOLONG.
 */
int vs_pathf(char *buf, size_t size, const char *fmt, ...) __attribute__((format(printf, 3, 4)));

/* mkdir -p with @mode for the directories it creates; -1 with errno. */
int vs_mkdir_p(const char *path, mode_t mode);

/* Write @text to @path (created with @mode, or truncated); -1 with errno. */
int vs_write_file(const char *path, const char *text, mode_t mode);

/*
 * rm -rf @path without following symlinks or crossing into other mounts;
 * a missing @path is fine. -1 with errno, and @failed names what could not
 * be removed.
 */
int vs_remove_tree(const char *path, char *failed, size_t size);

/* Ask @question on the terminal; true for an answer starting with y/Y. */
bool vs_ask(const char *question);

#endif
