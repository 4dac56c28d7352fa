/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * vserver tools - shared helpers: messages, exit codes, parsing
 *
 * Copyright (C) 2026 The vserver authors
 */
#ifndef VS_TOOLS_COMMON_H
#define VS_TOOLS_COMMON_H

#include <dirent.h>
#include <stdbool.h>
#include <sys/stat.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

/* Exit codes shared by every tool (documented in each man page). */
#define VS_EXIT_OK 0
#define VS_EXIT_FAIL 1	/* the operation failed, or the answer is "no" */
#define VS_EXIT_USAGE 2 /* bad command line */
#define VS_EXIT_EXEC 126	/* the command to run could not be executed */
#define VS_EXIT_NOEXEC 127	/* the command to run does not exist */

#define VS_PRINTF(a, b) __attribute__((format(printf, a, b)))

/* "prog: message" on stderr; with %m as in printf(3) of glibc. */
void vs_warn(const char *fmt, ...) VS_PRINTF(1, 2);

/*
 * Report a failed vserver(2) call: "prog: MESSAGE: strerror(errno)", then a
 * hint when errno is ENOSYS (the kernel lacks the patch, or, when
 * get_version works, only this command) or EPERM (the caller lacks
 * privileges). MESSAGE is formatted as by printf(3).
 */
void vs_warn_syscall(const char *fmt, ...) VS_PRINTF(1, 2);

/*
 * As vs_warn_syscall(), for a command of a kernel feature that is not
 * implemented everywhere yet: when the kernel answered ENOSYS although it
 * has the vserver patch (get_version works), the hint says that it has no
 * @feature yet (e.g. "context limits") instead of blaming the patch. So
 * does vs_warn_syscall(), saying "this command" then.
 */
void vs_warn_syscall_feature(const char *feature, const char *fmt, ...) VS_PRINTF(2, 3);

/* "prog: message" + "Try 'prog --help'" and exit VS_EXIT_USAGE. */
void vs_usage_error(const char *fmt, ...) VS_PRINTF(1, 2) __attribute__((noreturn));

/* "Try 'prog --help'" and exit VS_EXIT_USAGE (getopt already said why). */
void vs_try_help(void) __attribute__((noreturn));

/* Write the version line of the tools. */
void vs_print_version(void);

/*
 * The last case of every tool's option switch: -V/--version prints the
 * version and exits 0, anything else is a usage error (exit 2).
 */
void vs_other_option(int c) __attribute__((noreturn));

/* Print @s as a JSON string literal (with quotes) to @f. */
void vs_json_string(FILE *f, const char *s);

/* --- resources: release with __attribute__((cleanup)) ------------------- */

static inline void vs_freep(void *p)
{
	free(*(void **)p);
}

static inline void vs_closep(const int *fd)
{
	if (*fd >= 0)
		close(*fd);
}

static inline void vs_closedirp(DIR **d)
{
	if (*d)
		closedir(*d);
}

static inline void vs_fclosep(FILE **f)
{
	if (*f)
		fclose(*f);
}

#define cleanup_free __attribute__((cleanup(vs_freep)))
#define cleanup_fd __attribute__((cleanup(vs_closep)))
#define cleanup_dir __attribute__((cleanup(vs_closedirp)))
#define cleanup_file __attribute__((cleanup(vs_fclosep)))

/* Take ownership away from a cleanup variable. */
static inline void *steal_ptr(void *pp)
{
	void **p = pp;
	void *v = *p;

	*p = NULL;
	return v;
}

/* --- parsing command lines ---------------------------------------------- */

/*
 * Parse a decimal number in 0..@max (no sign, no spaces, no trailing
 * text). Returns 0, or -1 with errno EINVAL (not a number) or ERANGE.
 */
int vs_parse_uint(const char *s, unsigned long max, unsigned long *ret);

/*
 * Parse a context id as util-vserver's --xid takes it: a number, or "self"
 * for the caller's own context (its task_xid). Guest names are not known
 * yet. Returns 0, or -1 with errno EINVAL (bad text, reported as a usage
 * error) or the error of task_xid.
 */
int vs_parse_xid(const char *s, uint32_t *ret);

/*
 * The same for any kind of id: a number, or "self" for what @self_id (a
 * task_xid/task_nid wrapper) says of the caller; vs_id_arg() reports a bad
 * value as a usage error naming @what ("context", "network context").
 */
int vs_parse_id(const char *s, int (*self_id)(pid_t), uint32_t *ret);
uint32_t vs_id_arg(const char *s, int (*self_id)(pid_t), const char *what);

/*
 * Parse --xid for a tool: as vs_parse_xid(), and a bad value is a usage
 * error (exit 2), a failing task_xid a failure (exit 1).
 */
uint32_t vs_xid_arg(const char *s);

/*
 * A signal number from "9", "KILL", "SIGKILL" or "kill": 0..NSIG-1, or -1
 * for anything else.
 */
int vs_parse_signal(const char *s);

/* The name of signal @sig without "SIG" ("KILL"), or its number as text. */
const char *vs_signal_name(int sig, char *buf, size_t size);

/*
 * Parse a resource limit as util-vserver's vlimit and rlimits/ files write
 * it: "inf" (CRLIM_INFINITY), or a decimal or 0x hexadecimal number with an
 * optional unit K or M (times 1024, 1024^2) or k or m (1000, 1000^2). The
 * kernel's special values CRLIM_KEEP and above cannot be given as numbers.
 * Returns 0, or -1 with errno EINVAL (not a limit) or ERANGE (too large).
 */
int vs_parse_limit(const char *s, uint64_t *ret);

/* --- context resource limits --------------------------------------------- */

/* A resource util-vserver names (ABI §4.4): its option and file name, its id. */
struct vs_rlimit_name {
	const char *name;
	int id;
};

#define VS_RLIMIT_NAMES 19

/* cpu, fsize, ..., dentry, in the order of their ids. */
extern const struct vs_rlimit_name vs_rlimit_names[VS_RLIMIT_NAMES];

/* The id of resource @name (any case), or -1. */
int vs_rlimit_id(const char *name);

/*
 * The name of resource @id, or NULL for an id util-vserver gives none (11
 * sigpending, 13-15, 23 mapped, and anything from VLIMIT_NLIMITS up).
 */
const char *vs_rlimit_name(int id);

/* --- contexts ------------------------------------------------------------ */

/* The longest context or uts name the kernel keeps, in bytes. */
#define VS_NAME_MAX 64

/*
 * The name tools show for context @xid: "MAIN" (0), "ALL_PROC" (1), else
 * the last component of its CONTEXT name (util-vserver stores the guest's
 * configuration directory there), or "" when it has none or it cannot be
 * read. Writes at most @size bytes into @buf and returns @buf.
 */
const char *vs_context_name(uint32_t xid, char *buf, size_t size);

/*
 * Move the caller to the spectator context (xid 1), which sees every
 * process, as util-vserver's vps and vserver-stat do. Nothing to do when
 * it is there already. Returns 0, or -1 with errno (EPERM: only host root
 * may do this).
 */
int vs_enter_spectator(void);

/*
 * Execute @argv[0] from PATH. Only returns by exiting: 127 when the
 * program does not exist, 126 when it cannot be run, after saying so.
 */
void vs_exec(char *const argv[]) __attribute__((noreturn));

/* --- inode attributes --------------------------------------------------- */

/* util-vserver's IATTR_WRITE: set and shown by its tools, ignored by the kernel. */
#define VS_IATTR_WRITE 0x00000008U

/* The bits showattr shows, in its order. */
#define VS_IATTR_SHOWN 9

/* One of them: its IATTR_* value, showattr's letter and util-vserver's name. */
struct vs_iattr_bit {
	uint32_t bit;
	char letter;
	const char *name;
};

extern const struct vs_iattr_bit vs_iattr_bits[VS_IATTR_SHOWN];

/*
 * showattr's 9 characters for @flags and @mask (get_iattr's answer): per
 * bit of vs_iattr_bits, its letter in upper case when set, in lower case
 * when supported (in @mask) but clear, '-' when not in @mask. Writes 10
 * bytes with the NUL into @buf and returns it.
 */
const char *vs_iattr_string(uint32_t flags, uint32_t mask, char buf[VS_IATTR_SHOWN + 1]);

/*
 * The names of the bits of @bits that vs_iattr_bits knows, separated by
 * commas, into @buf (truncated to @size); "" for none. Returns @buf.
 */
const char *vs_iattr_names(uint32_t bits, char *buf, size_t size);

/* --- walking files as util-vserver's setattr and showattr do ------------- */

enum {
	VS_WALK_DIR_ITSELF = 1,	/* a directory is one file: its entries are not visited */
	VS_WALK_RECURSE = 2,	/* visit subdirectories as well (-R) */
	VS_WALK_DOTFILES = 4,	/* visit entries whose name starts with '.' (-a) */
	VS_WALK_XDEV = 8,	/* do not descend into another filesystem (-x) */
};

/* Called per file with its path and lstat(2); returns 0, or -1 after a message. */
typedef int vs_walk_fn(const char *path, const struct stat *st, void *arg);

/*
 * Call @fn for @path. When @path is a directory and @flags lacks
 * VS_WALK_DIR_ITSELF: for the directory, then for each of its entries as
 * "PATH/NAME" (sorted by name, without "." and ".."); with VS_WALK_RECURSE
 * subdirectories are not passed to @fn with the other entries but walked
 * the same way after them. Symbolic links are never followed. Returns the
 * number of failures: those of @fn, and the files and directories that
 * could not be read (each said on stderr).
 */
unsigned long vs_walk(const char *path, unsigned int flags, vs_walk_fn *fn, void *arg);

#endif
