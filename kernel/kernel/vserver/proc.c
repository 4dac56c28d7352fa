// SPDX-License-Identifier: GPL-2.0-only
/*
 * Linux-VServer - /proc/virtual and the VxID line of /proc/PID/status
 *
 * /proc/virtual holds info (the interface), status (context counters) and
 * one directory per active context. Host and spectator see all of it; a
 * task in a context sees info and its own directory only (team decision 5):
 * fs/proc/generic.c asks vs_proc_de_hidden() on lookup and readdir.
 *
 * Copyright (C) 2026 The vserver authors
 */

#include <linux/cred.h>
#include <linux/init.h>
#include <linux/kernel.h>
#include <linux/minmax.h>
#include <linux/proc_fs.h>
#include <linux/sched/signal.h>
#include <linux/seq_file.h>
#include <linux/time64.h>
#include <linux/vserver.h>
#include <linux/vserver/context.h>
#include <linux/vserver/switch.h>
#include <asm/unistd.h>

#include "common.h"
#include "context.h"
#include "cred.h"
#include "network.h"
#include "switch.h"

static struct proc_dir_entry *vs_proc_virtual __ro_after_init;
static struct proc_dir_entry *vs_proc_virtnet __ro_after_init;

/* The data of /proc/virtual entries only host and spectator may see. */
static const char vs_host_only[] = "host only";

/* ABI §5.1: the version split in two hex halves, the syscall, the VCI bits. */
static int info_show(struct seq_file *const m, void *const v)
{
	seq_printf(m, "VCIVersion:\t%04x:%04x\n", VCI_VERSION >> 16,
		   VCI_VERSION & 0xffff);
	seq_printf(m, "VCISyscall:\t%d\n", __NR_vserver);
	seq_printf(m, "VCIKernel:\t%08x\n", vs_vci());
	return 0;
}

/*
 * The ABI also lists namespace counters (#NSProxy, #InitTask) taken from
 * kernel internals of its day; nothing reads them, so they are left out.
 */
static int status_show(struct seq_file *const m, void *const v)
{
	seq_printf(m, "#CTotal:\t%u\n", vx_count_total());
	seq_printf(m, "#CActive:\t%u\n", vx_count_active());
	return 0;
}

static int vx_info_show(struct seq_file *const m, void *const v)
{
	struct vx_info *const vxi = m->private;

	seq_printf(m, "ID:\t%u\n", vxi->xid);
	seq_printf(m, "Info:\t%p\n", vxi);
	seq_printf(m, "Init:\t%d\n", READ_ONCE(vxi->initpid));
	seq_printf(m, "OOM:\t%lld\n", READ_ONCE(vxi->badness));
	return 0;
}

/* util-vserver reads the Tasks: line to tell whether a guest runs. */
static int vx_status_show(struct seq_file *const m, void *const v)
{
	struct vx_info *const vxi = m->private;

	spin_lock(&vxi->lock);
	seq_printf(m, "UseCnt:\t%u\n", refcount_read(&vxi->usecnt));
	seq_printf(m, "Tasks:\t%d\n", vxi->tasks);
	seq_printf(m, "Flags:\t%016llx\n", vxi->flags);
	seq_printf(m, "BCaps:\t%016llx\n", vxi->bcaps);
	seq_printf(m, "CCaps:\t%016llx\n", vxi->ccaps);
	seq_printf(m, "Umask:\t%16llx\n", vxi->umask);
	seq_printf(m, "Wmask:\t%16llx\n", vxi->wmask);
	seq_printf(m, "Spaces:\t%08llx %08llx\n", vxi->space[0].nsmask,
		   vxi->space[1].nsmask);
	spin_unlock(&vxi->lock);
	return 0;
}

/* A directory with info and status files for @data under @parent. */
static struct proc_dir_entry *id_dir(struct proc_dir_entry *const parent,
				     const u32 id, void *const data,
				     int (*info)(struct seq_file *, void *),
				     int (*status)(struct seq_file *, void *))
{
	struct proc_dir_entry *dir;
	char name[12];

	snprintf(name, sizeof(name), "%u", id);
	dir = proc_mkdir_data(name, 0555, parent, data);
	if (!dir)
		return NULL;
	if (!proc_create_single_data("info", 0444, dir, info, data) ||
	    !proc_create_single_data("status", 0444, dir, status, data)) {
		proc_remove(dir);
		return NULL;
	}
	return dir;
}

/*
 * /proc/virtual/<xid>/cvirt (ABI §5.1): its start as uptime, its threads by
 * state, the tasks created in it. This kernel keeps no per-context load
 * average nor a hold queue: loadavg and load_updates are not shown, and
 * nr_onhold is always 0.
 */
static int vx_cvirt_show(struct seq_file *const m, void *const v)
{
	struct vx_info *const vxi = m->private;
	unsigned int running = 0, unintr = 0;
	struct task_struct *g, *t;
	struct timespec64 bias = ns_to_timespec64(vxi->start_ns);

	rcu_read_lock();
	for_each_process_thread(g, t) {
		if (READ_ONCE(vs_task(t)->counted) != vxi)
			continue;
		if (task_is_running(t))
			running++;
		else if (READ_ONCE(t->__state) & TASK_UNINTERRUPTIBLE)
			unintr++;
	}
	rcu_read_unlock();
	seq_printf(m, "BiasUptime:\t%lld.%02lu\n", (long long)bias.tv_sec,
		   bias.tv_nsec / (NSEC_PER_SEC / 100));
	seq_printf(m, "nr_threads:\t%d\n", READ_ONCE(vxi->tasks));
	seq_printf(m, "nr_running:\t%u\n", running);
	seq_printf(m, "nr_unintr:\t%u\n", unintr);
	seq_puts(m, "nr_onhold:\t0\n");
	seq_printf(m, "total_forks:\t%ld\n", atomic_long_read(&vxi->forks));
	return 0;
}

/*
 * /proc/virtual/<xid>/cacct (ABI §5.1): the socket counters of sock_stat,
 * one line per family class. The slab and page lines that follow them in
 * the original are not shown: this kernel keeps no such counters.
 */
static int vx_cacct_show(struct seq_file *const m, void *const v)
{
	static const char *const names[VXA_SOCK_NR] = {
		"UNSPEC", "UNIX", "INET", "INET6", "PACKET", "OTHER",
	};
	const struct vx_info *const vxi = m->private;
	unsigned int i, j;

	seq_puts(m, "Type\t    recv #/bytes\t\t   send #/bytes\t\t    fail #/bytes\n");
	for (i = 0; i < VXA_SOCK_NR; i++) {
		struct vx_sock_acct a;

		vx_sock_acct_sum(vxi, i, &a);
		seq_printf(m, "%s:", names[i]);
		for (j = 0; j < ARRAY_SIZE(a.count); j++)
			seq_printf(m, "\t%10lu/%-10llu", (unsigned long)a.count[j],
				   (unsigned long long)a.total[j]);
		seq_putc(m, '\n');
	}
	return 0;
}

static int vx_nsproxy_show(struct seq_file *const m, void *const v)
{
	vx_space_show(m, m->private, 0);
	return 0;
}

static int vx_nsproxy1_show(struct seq_file *const m, void *const v)
{
	vx_space_show(m, m->private, 1);
	return 0;
}

/**
 * vx_proc_attach - Create /proc/virtual/<xid>
 * @vxi: a context being created
 *
 * Return: 0 or -ENOMEM.
 */
int vx_proc_attach(struct vx_info *const vxi)
{
	struct proc_dir_entry *const dir =
		id_dir(vs_proc_virtual, vxi->xid, vxi, vx_info_show,
		       vx_status_show);

	if (!dir)
		return -ENOMEM;
	if (!proc_create_single_data("cvirt", 0444, dir, vx_cvirt_show, vxi) ||
	    !proc_create_single_data("cacct", 0444, dir, vx_cacct_show, vxi) ||
	    !proc_create_single_data("nsproxy", 0444, dir, vx_nsproxy_show, vxi) ||
	    !proc_create_single_data("nsproxy1", 0444, dir, vx_nsproxy1_show,
				     vxi)) {
		proc_remove(dir);
		return -ENOMEM;
	}
	vxi->proc = dir;
	return 0;
}

/**
 * vx_proc_detach - Remove /proc/virtual/<xid>
 * @vxi: a context being torn down
 *
 * Waits for readers of its files, so that they never see a freed context.
 */
void vx_proc_detach(struct vx_info *const vxi)
{
	proc_remove(vxi->proc);
	vxi->proc = NULL;
}

/* /proc/virtnet/status (ABI §5.2). */
static int net_status_show(struct seq_file *const m, void *const v)
{
	seq_printf(m, "#CTotal:\t%u\n", nx_count_total());
	seq_printf(m, "#CActive:\t%u\n", nx_count_active());
	return 0;
}

/* /proc/virtnet/<nid>/info: ids, broadcast, loopback, then every entry. */
static int nx_info_show(struct seq_file *const m, void *const v)
{
	struct nx_info *const nxi = m->private;
	const struct nx_addrs *l;
	unsigned int i;

	seq_printf(m, "ID:\t%u\n", nxi->nid);
	seq_printf(m, "Info:\t%p\n", nxi);
	seq_printf(m, "Bcast:\t%pI4\n", &nxi->bcast);
	seq_printf(m, "Lback:\t%pI4\n", &nxi->lback);
	rcu_read_lock();
	l = rcu_dereference(nxi->addrs);
	for (i = 0; l && i < l->n4; i++)
		seq_printf(m, "%u:\t[%pI4-%pI4/%pI4:%04x]\n", i, &l->v4[i].ip,
			   &l->v4[i].ip2, &l->v4[i].mask, l->v4[i].type);
	for (i = 0; l && i < l->n6; i++)
		seq_printf(m, "%u:\t[%pI6c/%pI6c/%u:%04x]\n", i, &l->v6[i].ip,
			   &l->v6[i].mask, l->v6[i].prefix, l->v6[i].type);
	rcu_read_unlock();
	return 0;
}

static int nx_status_show(struct seq_file *const m, void *const v)
{
	struct nx_info *const nxi = m->private;

	spin_lock(&nxi->lock);
	seq_printf(m, "UseCnt:\t%u\n", refcount_read(&nxi->usecnt));
	seq_printf(m, "Tasks:\t%d\n", nxi->tasks);
	seq_printf(m, "Flags:\t%016llx\n", nxi->flags);
	seq_printf(m, "NCaps:\t%016llx\n", nxi->ncaps);
	spin_unlock(&nxi->lock);
	return 0;
}

/** nx_proc_attach - Create /proc/virtnet/<nid>; 0 or -ENOMEM */
int nx_proc_attach(struct nx_info *const nxi)
{
	nxi->proc = id_dir(vs_proc_virtnet, nxi->nid, nxi, nx_info_show,
			   nx_status_show);
	return nxi->proc ? 0 : -ENOMEM;
}

/** nx_proc_detach - Remove /proc/virtnet/<nid>, waiting for its readers */
void nx_proc_detach(struct nx_info *const nxi)
{
	proc_remove(nxi->proc);
	nxi->proc = NULL;
}

/**
 * vs_proc_de_hidden - Is a /proc entry hidden from current?
 * @parent: the directory holding the entry
 * @data: the entry's data
 *
 * Called from procfs lookup, readdir and revalidation, under
 * proc_subdir_lock: must not sleep. Costs one compare for every entry
 * outside /proc/virtual. A guest sees its own context's directory only,
 * and none with %VXF_INFO_HIDE.
 *
 * Return: true to make the entry not exist for current.
 */
bool vs_proc_de_hidden(const struct proc_dir_entry *const parent,
		       const void *const data)
{
	const struct vs_cred *c;

	if ((parent != vs_proc_virtual && parent != vs_proc_virtnet) || !data)
		return false;
	c = vs_cred(current_cred());
	if (parent == vs_proc_virtnet)
		return c->nid > 1 && data != c->nxi;
	if (c->xid <= 1)
		return false;
	return data != c->vxi ||
	       (READ_ONCE(c->vxi->flags) & VXF_INFO_HIDE);
}

/**
 * vs_proc_pid_status - The VxID and NxID lines of /proc/PID/status
 * @m: the status file
 * @task: its task
 *
 * Omitted when the task's context has VXF_HIDE_VINFO.
 */
void vs_proc_pid_status(struct seq_file *const m, struct task_struct *const task)
{
	const struct vs_cred *c;
	u32 xid, nid;
	bool hide;

	rcu_read_lock();
	c = vs_cred(__task_cred(task));
	xid = c->xid;
	nid = c->nid;
	hide = c->vxi && (READ_ONCE(c->vxi->flags) & VXF_HIDE_VINFO);
	rcu_read_unlock();
	if (!hide)
		seq_printf(m, "VxID:\t%u\nNxID:\t%u\n", xid, nid);
}

static int __init vs_proc_init(void)
{
	struct proc_dir_entry *dir;

	if (!vs_initialized)
		return 0;

	dir = proc_mkdir("virtual", NULL);
	if (!dir)
		goto out_err;
	if (!proc_create_single("info", 0444, dir, info_show) ||
	    !proc_create_single_data("status", 0444, dir, status_show,
				     (void *)vs_host_only))
		goto out_remove;
	vs_proc_virtual = dir;

	dir = proc_mkdir("virtnet", NULL);
	if (!dir)
		goto out_err;
	/* ABI §5.2: info is that of /proc/virtual. */
	if (!proc_create_single("info", 0444, dir, info_show) ||
	    !proc_create_single_data("status", 0444, dir, net_status_show,
				     (void *)vs_host_only))
		goto out_remove;
	vs_proc_virtnet = dir;
	return 0;

out_remove:
	proc_remove(dir);
out_err:
	pr_err("cannot create /proc/virtual\n");
	return -ENOMEM;
}

fs_initcall(vs_proc_init);

/**
 * vs_virt_uptime - Uptime as a guest with VXF_VIRT_UPTIME sees it
 * @uptime: the boot-time clock reading (time namespace offset applied);
 *          for such a guest, made relative to the context's creation
 *
 * Called by /proc/uptime and sysinfo(2).
 */
void vs_virt_uptime(struct timespec64 *const uptime)
{
	const struct vx_info *const vxi = vs_cred(current_cred())->vxi;
	s64 ns;

	if (!vxi || !(READ_ONCE(vxi->flags) & VXF_VIRT_UPTIME))
		return;
	ns = timespec64_to_ns(uptime) - (s64)vxi->start_ns;
	*uptime = ns_to_timespec64(max_t(s64, ns, 0));
}

/**
 * vs_hide_mount - Does current read mount lists without the host's side?
 *
 * With %VXF_HIDE_MOUNT, /proc/PID/{mounts,mountinfo,mountstats} show a
 * guest the root of its view as coming from "/dev/root", and every mount's
 * root within its filesystem as "/" (a bind mount would name the host
 * directory it comes from). Mounts outside the reader's root are skipped
 * by Linux already. Called by fs/proc_namespace.c.
 *
 * Return: true when current's context has %VXF_HIDE_MOUNT.
 */
bool vs_hide_mount(void)
{
	const struct vx_info *const vxi = vs_cred(current_cred())->vxi;

	return vxi && (READ_ONCE(vxi->flags) & VXF_HIDE_MOUNT);
}
