/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Linux-VServer - Hooks called from core kernel files
 *
 * Each function here is called from places in core files that the LSM
 * framework does not reach (patches/ names them: mostly one call site;
 * vs_ccap_granted() one per operation it grants, vs_mnt_flags() one per
 * mount API); each compiles to nothing when CONFIG_VSERVER=n. The network
 * ones answer one question each (is this hidden, how does this show), so
 * that every site of one kind asks the same function.
 *
 * Copyright (C) 2026 The vserver authors
 */

#ifndef _LINUX_VSERVER_H
#define _LINUX_VSERVER_H

#include <linux/cred.h>
#include <linux/jump_label.h>
#include <linux/types.h>

struct fib6_info;
struct fib_info;
struct fs_context;
struct in6_addr;
struct net_device;
struct pid;
struct proc_dir_entry;
struct rt6_info;
struct rtable;
struct sock;
struct sockaddr_storage;
struct socket;
struct seq_file;
struct super_block;
struct task_struct;
struct timespec64;

#ifdef CONFIG_VSERVER

bool vs_task_visible(struct task_struct *task);
bool vs_pid_visible(struct pid *pid);
void vs_task_exit(struct task_struct *task, long code);
void vs_proc_pid_status(struct seq_file *m, struct task_struct *task);
bool vs_proc_de_hidden(const struct proc_dir_entry *parent, const void *data);
bool vs_reboot(unsigned int cmd, int *ret);
void vs_virt_uptime(struct timespec64 *uptime);
bool vs_ccap_granted(u64 ccap);
bool vs_mount_capable(const struct fs_context *fc);
unsigned int vs_mnt_flags(const struct super_block *sb);
int vs_tiocsti(void);
bool vs_hide_mount(void);

/*
 * Fake init (VXF_INFO_INIT): inline, so that getpid(2) and find_vpid() pay
 * one patched-out jump until some context needs the mapping.
 */
DECLARE_STATIC_KEY_FALSE(vs_fake_init_used);
pid_t __vs_map_pid(pid_t nr);
pid_t __vs_rmap_pid(void);

static inline pid_t vs_map_pid(pid_t nr)
{
	if (static_branch_unlikely(&vs_fake_init_used))
		return __vs_map_pid(nr);
	return nr;
}

static inline pid_t vs_rmap_pid(pid_t nr)
{
	if (static_branch_unlikely(&vs_fake_init_used) && nr == 1)
		return __vs_rmap_pid();
	return nr;
}

bool vs_addr4_hidden(__be32 addr);
bool vs_addr6_hidden(const struct in6_addr *addr);
bool vs_netdev_hidden(const struct net_device *dev);
bool vs_fib4_hidden(struct fib_info *fi, u8 type, __be32 dst);
bool vs_fib6_hidden(struct fib6_info *f6i);
bool vs_rt4_hidden(const struct rtable *rt, __be32 dst);
bool vs_rt6_hidden(const struct rt6_info *rt, const struct in6_addr *dst);
__be32 vs_route_src4(__be32 src, __be32 daddr, const struct net_device *dev);
bool vs_route_src6(struct in6_addr *src, const struct in6_addr *daddr,
		   const struct net_device *dev);
bool vs_sock_hidden(const struct sock *sk);
const struct in6_addr *vs_addr6_shown(const struct in6_addr *addr,
				      struct in6_addr *buf);

/*
 * HIDE_LBACK on the paths every socket takes (accept, getsockname,
 * recvfrom, IP_PKTINFO): inline, so that they pay a patched-out jump until
 * the first network context exists (vs_nx_used, net.c).
 */
DECLARE_STATIC_KEY_FALSE(vs_nx_used);
__be32 __vs_addr4_shown(__be32 addr);
void __vs_sockaddr_to_user(struct sockaddr_storage *kaddr, int klen);

static inline __be32 vs_addr4_shown(__be32 addr)
{
	if (static_branch_unlikely(&vs_nx_used))
		return __vs_addr4_shown(addr);
	return addr;
}

static inline void vs_sockaddr_to_user(struct sockaddr_storage *kaddr, int klen)
{
	if (static_branch_unlikely(&vs_nx_used))
		__vs_sockaddr_to_user(kaddr, klen);
}

/*
 * Socket accounting (sock_stat): inline, so that a host task's send or
 * receive pays a patched-out jump until the first context exists, then two
 * loads and a branch (its cred's context, read from the start of our cred
 * blob).
 */
DECLARE_STATIC_KEY_FALSE(vs_vx_used);
extern unsigned int vs_cred_blob;
void __vs_sock_send(const struct socket *sock, size_t size, int ret);
void __vs_sock_recv(const struct socket *sock, int ret);

/* Is current in a context (xid >= 2)? */
static inline bool vs_current_guest(void)
{
	return static_branch_unlikely(&vs_vx_used) &&
	       *(void *const *)(current_cred()->security + vs_cred_blob);
}

static inline void vs_sock_send(const struct socket *sock, size_t size, int ret)
{
	if (vs_current_guest())
		__vs_sock_send(sock, size, ret);
}

static inline void vs_sock_recv(const struct socket *sock, int ret)
{
	if (vs_current_guest())
		__vs_sock_recv(sock, ret);
}

int vs_unshare(unsigned long flags);

#else /* !CONFIG_VSERVER */

/* Every task sees every task. */
static inline bool vs_task_visible(struct task_struct *task)
{
	return true;
}

static inline bool vs_pid_visible(struct pid *pid)
{
	return true;
}

static inline void vs_task_exit(struct task_struct *task, long code)
{
}

static inline void vs_proc_pid_status(struct seq_file *m,
				      struct task_struct *task)
{
}

static inline bool vs_proc_de_hidden(const struct proc_dir_entry *parent,
				     const void *data)
{
	return false;
}

static inline void vs_virt_uptime(struct timespec64 *uptime)
{
}

/* No context capability grants anything. */
static inline bool vs_ccap_granted(u64 ccap)
{
	return false;
}

static inline bool vs_mount_capable(const struct fs_context *fc)
{
	return false;
}

/* New mounts get the flags they ask for. */
static inline unsigned int vs_mnt_flags(const struct super_block *sb)
{
	return 0;
}

/* Mount lists show everything Linux shows. */
static inline bool vs_hide_mount(void)
{
	return false;
}

/* Process ids are what they are. */
static inline pid_t vs_map_pid(pid_t nr)
{
	return nr;
}

static inline pid_t vs_rmap_pid(pid_t nr)
{
	return nr;
}

/* TIOCSTI follows the usual rules. */
static inline int vs_tiocsti(void)
{
	return 0;
}

/* Every interface, address and socket is shown. */
static inline bool vs_addr4_hidden(__be32 addr)
{
	return false;
}

static inline bool vs_addr6_hidden(const struct in6_addr *addr)
{
	return false;
}

static inline bool vs_netdev_hidden(const struct net_device *dev)
{
	return false;
}

static inline bool vs_fib4_hidden(struct fib_info *fi, u8 type, __be32 dst)
{
	return false;
}

static inline bool vs_fib6_hidden(struct fib6_info *f6i)
{
	return false;
}

static inline bool vs_rt4_hidden(const struct rtable *rt, __be32 dst)
{
	return false;
}

static inline bool vs_rt6_hidden(const struct rt6_info *rt,
				 const struct in6_addr *dst)
{
	return false;
}

/* A route lookup names the source routing chose. */
static inline __be32 vs_route_src4(__be32 src, __be32 daddr,
				   const struct net_device *dev)
{
	return src;
}

static inline bool vs_route_src6(struct in6_addr *src,
				 const struct in6_addr *daddr,
				 const struct net_device *dev)
{
	return true;
}

static inline bool vs_sock_hidden(const struct sock *sk)
{
	return false;
}

/* Socket addresses show as they are. */
static inline __be32 vs_addr4_shown(__be32 addr)
{
	return addr;
}

static inline const struct in6_addr *vs_addr6_shown(const struct in6_addr *addr,
						    struct in6_addr *buf)
{
	return addr;
}

static inline void vs_sockaddr_to_user(struct sockaddr_storage *kaddr, int klen)
{
}

/* Socket traffic is counted nowhere. */
static inline void vs_sock_send(const struct socket *sock, size_t size, int ret)
{
}

static inline void vs_sock_recv(const struct socket *sock, int ret)
{
}

/* Any namespace may be unshared. */
static inline int vs_unshare(unsigned long flags)
{
	return 0;
}

/* reboot(2) goes its usual way. */
static inline bool vs_reboot(unsigned int cmd, int *ret)
{
	return false;
}

#endif /* CONFIG_VSERVER */

#endif /* _LINUX_VSERVER_H */
