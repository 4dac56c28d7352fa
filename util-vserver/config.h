/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * vserver tools - reading a guest's configuration, /etc/vservers/NAME/
 *
 * The util-vserver "recent" layout (ABI §7): one value or list per file.
 * vs_config_load() reads what `vserver NAME start` needs, checks every
 * value it reads, and either returns a complete struct vs_config or fails
 * with the first problem found, naming the file, the line and the value.
 * It never prints and never exits.
 *
 * Copyright (C) 2026 The vserver authors
 */
#ifndef VS_TOOLS_CONFIG_H
#define VS_TOOLS_CONFIG_H

#include <limits.h>
#include <net/if.h>
#include <netinet/in.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <linux/vserver/context.h>
#include <linux/vserver/limit.h>

#include "vserver-names.h"

#define VS_CONFIG_NAME_MAX 64	  /* a guest's name, in bytes */
#define VS_CONFIG_UTS_MAX 64	  /* a uts name; the kernel's buffers hold 65 */
#define VS_CONFIG_KILLSEQ_MAX 16  /* entries of apps/init/killseq */
#define VS_CONFIG_RUNLEVEL_MAX 31 /* a runlevel name, e.g. "3" or "default" */
#define VS_CONFIG_MARK_MAX 64	  /* apps/init/mark */

/* apps/init/style */
enum vs_init_style {
	VS_INIT_SYSV,	/* /etc/init.d/rc RUNLEVEL (the default) */
	VS_INIT_PLAIN,	/* /sbin/init as fake init */
	VS_INIT_MINIT,
	VS_INIT_GENTOO,
	VS_INIT_OPENRC,
	VS_INIT_ARCH,
	VS_INIT_RESCUE,
};

/* interfaces/NAME/: one address of the guest. */
struct vs_config_iface {
	char name[NAME_MAX + 1]; /* the directory's name; entries are sorted by it */
	bool disabled;		 /* "disabled" exists: nothing else was read */
	int family;		 /* AF_INET or AF_INET6 */
	union {
		struct in_addr v4;
		struct in6_addr v6;
	} addr;
	unsigned int prefix;	/* from ip's /N, prefix or mask; else 32 or 128 */
	char dev[IFNAMSIZ];	/* host device, "" with nodev */
	bool nodev;		/* only bind the address, do not add it to a device */
};

/* One line of fstab: spec file vfstype options [dump [pass]]. */
struct vs_config_mount {
	char *spec;
	char *file;		/* absolute, inside the guest's root */
	char *vfstype;
	char *options;
	int dump;
	int pass;
	int line;		/* in fstab, for messages */
	char *buf;		/* owns the strings above */
};

/*
 * rlimits/RES{,.min,.soft,.hard}: CRLIM_KEEP where nothing is configured,
 * CRLIM_INFINITY for "inf"; the plain file sets all three (util-vserver's
 * vlimit --dir), the suffixed ones override it.
 */
struct vs_config_rlimit {
	uint64_t min;
	uint64_t soft;
	uint64_t hard;
};

struct vs_config {
	char name[VS_CONFIG_NAME_MAX + 1]; /* the guest's name (its directory) */
	char cfgdir[PATH_MAX];		   /* ROOT/NAME */
	char vdir[PATH_MAX];		   /* the guest's root directory */

	bool has_context;		   /* "context" exists: start needs it */
	uint32_t xid;			   /* context, 0 when absent */
	uint32_t nid;			   /* ncontext, default xid */
	uint32_t tag;			   /* tag, default xid */

	/* the uts/ files, indexed by VHIN_*; "" when not configured */
	char uts[VHIN_DOMAINNAME + 1][VS_CONFIG_UTS_MAX + 1];

	struct vc_mask64 bcaps;		   /* bcapabilities */
	struct vc_mask64 ccaps;		   /* ccapabilities */
	struct vc_mask64 cflags;	   /* flags, then cflags */
	struct vc_mask64 nflags;	   /* nflags */
	struct vc_mask64 ncaps;		   /* ncapabilities */
	struct vc_mask64 umask;		   /* umask */

	struct vs_config_iface *ifaces;
	size_t n_ifaces;
	struct vs_config_mount *mounts;	   /* fstab */
	size_t n_mounts;

	struct {
		enum vs_init_style style;
		char mark[VS_CONFIG_MARK_MAX + 1];		/* "" when none */
		int killseq[VS_CONFIG_KILLSEQ_MAX];		/* signal, wait, signal, ... */
		size_t n_killseq;				/* odd; default 15 5 9 */
		char runlevel_start[VS_CONFIG_RUNLEVEL_MAX + 1]; /* style's default if unset */
		char runlevel_stop[VS_CONFIG_RUNLEVEL_MAX + 1];
	} init;

	struct vs_config_rlimit rlimits[VLIMIT_NLIMITS]; /* indexed by resource id */

	char *shell;			   /* shell, .defaults/shell, or "/bin/sh -l" */
	bool space_pid;			   /* spaces/pid exists */
	bool space_net;			   /* spaces/net exists */
	bool noncontext;		   /* noncontext exists: no network context */
	bool nonamespace;		   /* nonamespace (or .defaults/nonamespace
					      without namespace) exists */
};

/* Where and why loading failed. */
struct vs_config_error {
	char file[PATH_MAX]; /* the file (or directory) at fault, "" for a bad name */
	int line;	     /* 1-based, 0 when not about a line */
	char value[128];     /* the offending value, possibly truncated */
	char msg[256];	     /* "FILE: 'VALUE' is ...: what is expected" */
};

/**
 * vs_config_load - read the configuration of guest @name
 * @root: the configuration root, normally "/etc/vservers"
 * @name: the guest: a plain name (no '/', no leading '.', at most 64 bytes)
 * @ret: the configuration, written only on success; vs_config_free() it
 * @err: filled on failure (may be NULL)
 *
 * Unknown files are ignored; a malformed value in a known file is an
 * error. Returns 0, or -1 with errno: EINVAL for a bad name or bad content,
 * ENOENT when the guest's directory does not exist, ENOTDIR, ENOMEM, or the
 * error of a file that could not be read.
 */
int vs_config_load(const char *root, const char *name, struct vs_config **ret,
		   struct vs_config_error *err);

/**
 * vs_config_check_name - 0 if @name can name a guest, else -1 with errno
 * EINVAL and @err (may be NULL) saying why; what vs_config_load() checks.
 */
int vs_config_check_name(const char *name, struct vs_config_error *err);

/** vs_config_free - free a configuration (NULL is fine). */
void vs_config_free(struct vs_config *c);

/** vs_init_style_name - "sysv", "plain", ..., or NULL. */
const char *vs_init_style_name(enum vs_init_style s);

#endif
