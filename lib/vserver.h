/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * libvserver - the C API over the vserver(2) system call
 *
 * One function per kernel command, named vc_* as in the ABI document.
 * Every function returns -1 (or NULL) with errno set on failure, never
 * prints and never exits; output parameters (ret_*) are written only on
 * success. Constants and structures come from the UAPI headers
 * <linux/vserver/switch.h>, context.h, network.h, inode.h and limit.h.
 *
 * Copyright (C) 2026 The vserver authors
 */
#ifndef VSERVER_H
#define VSERVER_H

#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>
#include <netinet/in.h>
#include <linux/vserver/context.h>
#include <linux/vserver/limit.h>
#include <linux/vserver/switch.h>

#include "vserver-names.h"

#ifdef __cplusplus
extern "C" {
#endif

/**
 * vserver - issue one raw command
 * @cmd: a VCMD_* command word
 * @id: its id argument
 * @data: its structure, or NULL
 *
 * Returns the kernel's non-negative result, or -1 with errno.
 */
long vserver(uint32_t cmd, uint32_t id, void *data);

/** vc_get_version - the kernel's interface version, e.g. 0x00020308. */
int vc_get_version(void);

/** vc_get_vci - the kernel's configuration bits (VCI_KCBIT_*), or -1. */
int64_t vc_get_vci(void);

/**
 * vc_feature_check - would util-vserver use FEATURE with this kernel?
 * @name: a feature name as `vserver-info - FEATURE` takes it (case-insensitive)
 * @version: the interface version (vc_get_version())
 * @vci: the configuration bits (vc_get_vci())
 *
 * Pure function of its arguments. Returns 1 or 0, or -1 with errno EINVAL
 * for an unknown name.
 */
int vc_feature_check(const char *name, int version, uint32_t vci);

/** vc_feature_supported - vc_feature_check() against the running kernel. */
int vc_feature_supported(const char *name);

/**
 * vc_feature_name - the name of feature number @i (0, 1, ...), or NULL past
 * the last one: for listing them.
 */
const char *vc_feature_name(unsigned int i);

/* --- contexts (xid) -------------------------------------------------------
 *
 * @xid is a context id; VC_SELF (or any id >= 0x80000000) names the
 * caller's own context. Ids 0 (host) and 1 (spectator) have no context
 * structure: commands that look a context up fail on them with ESRCH.
 * Besides the errors listed, every call can fail with ENOSYS (no vserver
 * kernel, or no CAP_CONTEXT), EPERM (not privileged, or not allowed from
 * this context), ESRCH (no such context), EACCES (the context no longer
 * lets the host administer it) and EFAULT.
 */

/* "The caller's own context", as util-vserver writes it. */
#define VC_SELF 0xFFFFFFFEU

/* The identity of a context (vx_info). */
struct vc_vx_info {
	uint32_t xid;
	pid_t initpid;	/* its init process, 0 while none was designated */
};

/* The counters of a context (ctx_stat). */
struct vc_ctx_stat {
	uint32_t usecnt;	/* references held on it */
	uint32_t tasks;		/* tasks in it */
};

/* The socket traffic of a context in one family class (sock_stat). */
struct vc_sock_stat {
	uint32_t count[3];	/* messages received, sent, failed to send */
	uint64_t total[3];	/* their bytes (VXA_SOCK_RECV, _SEND, _FAIL) */
};

/* How a context ended (wait_exit). */
struct vc_wait_exit {
	int reboot_cmd;	/* the last reboot(2) command issued inside, 0 if none */
	int exit_code;	/* the last exit status recorded, as wait(2) encodes it */
};

/**
 * vc_get_task_xid - the context of process @pid (0: the caller)
 *
 * Returns the xid (0 for the host, 1 for the spectator), or -1 with errno
 * ESRCH when there is no such process (or the caller cannot see it).
 */
int vc_get_task_xid(pid_t pid);

/** vc_get_task_tag - the filesystem tag of process @pid (0: the caller), or -1. */
int vc_get_task_tag(pid_t pid);

/** vc_get_vx_info - the xid and init pid of context @xid. */
int vc_get_vx_info(uint32_t xid, struct vc_vx_info *ret);

/** vc_ctx_stat - the reference and task counts of context @xid. */
int vc_ctx_stat(uint32_t xid, struct vc_ctx_stat *ret);

/**
 * vc_sock_stat - the socket traffic of context @xid in family class @field
 * @field: VXA_SOCK_UNSPEC, _UNIX, _INET, _INET6, _PACKET or _OTHER
 *         (<linux/vserver/network.h>)
 *
 * Counted are the messages the context's tasks sent and received, and the
 * sends that failed, with their bytes. Returns 0, or -1 with errno EINVAL
 * (@field out of range).
 */
int vc_sock_stat(uint32_t xid, uint32_t field, struct vc_sock_stat *ret);

/**
 * vc_ctx_create - create context @xid and move the caller into it
 * @xid: the new id, 2..65535 (the kernel picks none itself)
 * @flags: its flags (VXF_*), exactly; NULL for VXF_INIT_SET
 *
 * Returns @xid, or -1 with errno EINVAL (bad id), EEXIST (it exists),
 * EBUSY (it exists and is still being set up), ENOEXEC (the vshelper
 * refused it), EPERM (the caller is not on the host).
 */
int vc_ctx_create(uint32_t xid, const uint64_t *flags);

/**
 * vc_ctx_migrate - move the caller (a host task) into context @xid
 * @vxm_flags: VXM_SET_INIT, VXM_SET_REAPER, or 0
 *
 * @xid 1 moves it to the spectator, for which the kernel returns 1.
 * Returns the kernel's result (0, or 1 for the spectator), or -1 with errno
 * EACCES (a private context past setup), EFAULT (it is ending), EINVAL
 * (unknown VXM_* bits).
 */
int vc_ctx_migrate(uint32_t xid, uint64_t vxm_flags);

/**
 * vc_get_cflags - the flags of context @xid
 *
 * @ret->value gets the flags (VXF_*), @ret->mask the bits that can still
 * change (all but the one-time bits already cleared).
 */
int vc_get_cflags(uint32_t xid, struct vc_mask64 *ret);

/**
 * vc_set_cflags - change the flags in @flags->mask to their @flags->value
 *
 * The one-time bits (VXF_ONE_TIME) can only be cleared. Clearing
 * VXF_STATE_INIT from inside the context makes the caller its init;
 * clearing VXF_STATE_SETUP from inside applies the bounding capabilities
 * to the caller.
 */
int vc_set_cflags(uint32_t xid, const struct vc_mask64 *flags);

/** vc_get_ccaps - the context capabilities (VXC_*); @ret->mask is all ones. */
int vc_get_ccaps(uint32_t xid, struct vc_mask64 *ret);

/** vc_set_ccaps - change the context capabilities in @ccaps->mask. */
int vc_set_ccaps(uint32_t xid, const struct vc_mask64 *ccaps);

/** vc_get_bcaps - the bounding capabilities (bit n = capability n, 63 = CONTEXT). */
int vc_get_bcaps(uint32_t xid, struct vc_mask64 *ret);

/** vc_set_bcaps - change the bounding capabilities in @bcaps->mask. */
int vc_set_bcaps(uint32_t xid, const struct vc_mask64 *bcaps);

/** vc_get_umask - the unshare mask (CLONE_NEW* a guest may use). */
int vc_get_umask(uint32_t xid, struct vc_mask64 *ret);

/** vc_set_umask - change the unshare mask bits in @umask->mask. */
int vc_set_umask(uint32_t xid, const struct vc_mask64 *umask);

/** vc_get_wmask - the warning mask. */
int vc_get_wmask(uint32_t xid, struct vc_mask64 *ret);

/** vc_set_wmask - change the warning mask bits in @wmask->mask. */
int vc_set_wmask(uint32_t xid, const struct vc_mask64 *wmask);

/** vc_get_badness - the OOM score bias of context @xid. */
int vc_get_badness(uint32_t xid, int64_t *ret);

/** vc_set_badness - set the OOM score bias of context @xid. */
int vc_set_badness(uint32_t xid, int64_t bias);

/**
 * vc_get_vhi_name - read name @field (VHIN_*) of context @xid into @buf
 *
 * Writes a NUL-terminated string of at most 64 bytes. Fails with ERANGE
 * when it does not fit in @size bytes (then @buf is untouched), EINVAL for
 * an unknown field or a uts field the context has no namespace for.
 */
int vc_get_vhi_name(uint32_t xid, int field, char *buf, size_t size);

/**
 * vc_set_vhi_name - set name @field (VHIN_*) of context @xid to @name
 *
 * Fails with E2BIG, before any call, for a name of 65 bytes or more; EINVAL
 * as vc_get_vhi_name().
 */
int vc_set_vhi_name(uint32_t xid, int field, const char *name);

/**
 * vc_ctx_kill - send @sig to processes of context @xid (host only)
 * @pid: 0 every process; -1 all but its init; 1 its init; > 1 that process,
 *       if it belongs to the context
 *
 * Fails with ESRCH when no process matched, EINVAL for a bad signal, EACCES
 * for some targets in a context without VXF_STATE_ADMIN.
 */
int vc_ctx_kill(uint32_t xid, pid_t pid, int sig);

/**
 * vc_wait_exit - wait until context @xid has ended
 *
 * The context must exist when the call starts (else ESRCH). A signal
 * interrupts the wait: -1 with EINTR (or the call is restarted, with
 * SA_RESTART), and @ret is not written.
 */
int vc_wait_exit(uint32_t xid, struct vc_wait_exit *ret);

/* Spaces (ABI §3.1): the namespaces a context keeps in its two slots. */

/**
 * vc_enter_namespace - enter namespaces of context @xid
 * @mask: CLONE_* bits (0: every kind slot @index holds); CLONE_FS also takes
 *        the slot's root and working directory
 * @index: the slot, 0 (the guest's namespaces) or 1 (after pivot_root)
 *
 * Fails with EINVAL (bad slot, or a kind the slot does not hold), EPERM
 * (the caller is not on the host), ESRCH (no such context).
 */
int vc_enter_namespace(uint32_t xid, uint64_t mask, uint32_t index);

/**
 * vc_set_namespace - store the caller's namespaces of @mask in slot @index
 * of context @xid (the host, or a task of the context during setup).
 */
int vc_set_namespace(uint32_t xid, uint64_t mask, uint32_t index);

/** vc_get_space_mask - the namespace kinds the kernel can keep, or -1. */
int64_t vc_get_space_mask(void);

/**
 * vc_get_space_default - the kinds a guest gets by default, or -1; falls
 * back to vc_get_space_mask() on a kernel without get_space_default.
 */
int64_t vc_get_space_default(void);

/* Inode attributes (ABI §3.4): IATTR_* bits of <linux/vserver/inode.h>. */
struct vc_iattr {
	uint32_t tag;	/* valid when IATTR_TAG is in flags */
	uint32_t flags;	/* the IATTR_* bits set */
	uint32_t mask;	/* the IATTR_* bits this inode supports */
};

/**
 * vc_get_iattr - the attributes of @path (a final symlink is not followed)
 *
 * Fails with ENOENT and the other path lookup errors, ESRCH when the
 * kernel has no inode, ENOSYS on i386 (not supported there).
 */
int vc_get_iattr(const char *path, struct vc_iattr *ret);

/**
 * vc_set_iattr - change the IATTR_* bits in @mask of @path to those of @flags
 *
 * Host only; needs CAP_LINUX_IMMUTABLE (EPERM). EINVAL for a bit the inode
 * does not support (e.g. the barrier on a file).
 */
int vc_set_iattr(const char *path, uint32_t flags, uint32_t mask);

/** vc_fget_iattr - as vc_get_iattr() for open file @fd (EBADF). */
int vc_fget_iattr(int fd, struct vc_iattr *ret);

/** vc_fset_iattr - as vc_set_iattr() for open file @fd (EBADF). */
int vc_fset_iattr(int fd, uint32_t flags, uint32_t mask);

/* Network contexts (ABI §3.3 "Network contexts"): NXF_*, NXC_*, NXA_*. */

/** vc_net_create - create network context @nid (2..65535), move the caller in */
int vc_net_create(uint32_t nid, const uint64_t *flags);

/** vc_net_migrate - move the caller (a host task) into network context @nid */
int vc_net_migrate(uint32_t nid);

/** vc_get_task_nid - the network context of process @pid (0: the caller) */
int vc_get_task_nid(pid_t pid);

/** vc_get_nx_info - 0 when network context @nid exists (its id in @ret) */
int vc_get_nx_info(uint32_t nid, uint32_t *ret);

int vc_get_nflags(uint32_t nid, struct vc_mask64 *ret);
int vc_set_nflags(uint32_t nid, const struct vc_mask64 *flags);
int vc_get_ncaps(uint32_t nid, struct vc_mask64 *ret);
int vc_set_ncaps(uint32_t nid, const struct vc_mask64 *ncaps);

/*
 * One entry of a network context's address list, util-vserver's layout:
 * vna_type is NXA_TYPE_IPV4 or NXA_TYPE_IPV6, or'ed with NXA_TYPE_ADDR,
 * _MASK or _RANGE (IPv4) and optionally NXA_MOD_BCAST or NXA_MOD_LBACK;
 * NXA_TYPE_ANY (with the family bit) removes every entry of the family.
 */
struct vc_net_addr {
	uint16_t vna_type;
	uint16_t vna_flags;
	uint16_t vna_prefix;	/* IPv6 prefix length */
	uint16_t vna_parent;
	union {
		struct {
			struct in_addr ip, ip2, mask;
		} v4;
		struct {
			struct in6_addr ip, mask;
		} v6;
	} s;
};

#define vna_v4_ip s.v4.ip
#define vna_v4_ip2 s.v4.ip2
#define vna_v4_mask s.v4.mask
#define vna_v6_ip s.v6.ip
#define vna_v6_mask s.v6.mask

/**
 * vc_net_add - add an address entry (or set broadcast/loopback)
 *
 * Fails with EEXIST for an identical entry, EINVAL for a bad type or an
 * IPv6 prefix above 128, ENOSPC beyond 64 entries of a family.
 */
int vc_net_add(uint32_t nid, const struct vc_net_addr *addr);

/** vc_net_remove - remove the entry equal in every field (ESRCH), or all (ANY) */
int vc_net_remove(uint32_t nid, const struct vc_net_addr *addr);

/*
 * Context resource limits (ABI §3.3 "Resource limits", §4.4): per context
 * and resource id (RLIMIT_* 0..15 of <sys/resource.h>, VLIMIT_* 16..23 of
 * <linux/vserver/limit.h>), a minimum, a soft and a hard limit.
 * VC_LIM_INFINITY is no limit; VC_LIM_KEEP, given to vc_set_rlimit(),
 * leaves that limit as it is. Kernels without context limits answer every
 * one of these calls with ENOSYS.
 */
#define VC_LIM_INFINITY CRLIM_INFINITY
#define VC_LIM_KEEP CRLIM_KEEP

/* One limit: util-vserver's struct vc_rlimit. */
struct vc_rlimit {
	uint64_t min;	/* get: always 0 (CRLIM_UNSET); set: ignored by the kernel */
	uint64_t soft;
	uint64_t hard;
};

/* Which resources have which limit: bit n stands for resource id n. */
struct vc_rlimit_mask {
	uint32_t min;
	uint32_t soft;
	uint32_t hard;
};

/* The usage of one resource by a context. */
struct vc_rlimit_stat {
	uint32_t hits;		/* how often the hard limit was hit */
	uint64_t value;		/* the current value */
	uint64_t minimum;	/* the lowest value since vc_reset_minmax() */
	uint64_t maximum;	/* the highest value since vc_reset_minmax() */
};

/**
 * vc_get_rlimit - the limits of @resource in context @xid
 *
 * Fails with EINVAL for a resource that has no limit (see
 * vc_get_rlimit_mask()), ESRCH for no such context.
 */
int vc_get_rlimit(uint32_t xid, int resource, struct vc_rlimit *ret);

/**
 * vc_set_rlimit - set the limits of @resource in context @xid
 * @lim: the new limits; VC_LIM_KEEP leaves one unchanged, VC_LIM_INFINITY
 *       removes it. The kernel lowers the soft limit to the hard one.
 *
 * Host only, or the context itself during its setup (EPERM). Fails with
 * EINVAL for a resource that has no limit.
 */
int vc_set_rlimit(uint32_t xid, int resource, const struct vc_rlimit *lim);

/**
 * vc_get_rlimit_mask - which resources have a minimum, soft and hard limit
 * @xid: ignored by the kernel (the answer is the same for every context);
 *       util-vserver passes the context it is about
 */
int vc_get_rlimit_mask(uint32_t xid, struct vc_rlimit_mask *ret);

/**
 * vc_rlimit_stat - the usage of @resource by context @xid
 *
 * Fails with EINVAL for a resource the kernel neither limits nor counts.
 */
int vc_rlimit_stat(uint32_t xid, int resource, struct vc_rlimit_stat *ret);

/**
 * vc_reset_minmax - set the observed minimum and maximum of every resource
 * of context @xid to its current value
 */
int vc_reset_minmax(uint32_t xid);

#ifdef __cplusplus
}
#endif

#endif /* VSERVER_H */
