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
#include <linux/seq_file.h>
#include <linux/time64.h>
#include <linux/vserver.h>
#include <linux/vserver/context.h>
#include <linux/vserver/switch.h>
#include <asm/unistd.h>

#include "common.h"
#include "context.h"
#include "cred.h"
#include "switch.h"

static struct proc_dir_entry *vs_proc_virtual __ro_after_init;

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

/**
 * vx_proc_attach - Create /proc/virtual/<xid>
 * @vxi: a context being created
 *
 * Return: 0 or -ENOMEM.
 */
int vx_proc_attach(struct vx_info *const vxi)
{
	struct proc_dir_entry *dir;
	char name[12];

	snprintf(name, sizeof(name), "%u", vxi->xid);
	dir = proc_mkdir_data(name, 0555, vs_proc_virtual, vxi);
	if (!dir)
		return -ENOMEM;
	if (!proc_create_single_data("info", 0444, dir, vx_info_show, vxi) ||
	    !proc_create_single_data("status", 0444, dir, vx_status_show, vxi)) {
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

/**
 * vs_proc_de_hidden - Is a /proc entry hidden from current?
 * @parent: the directory holding the entry
 * @data: the entry's data
 *
 * Called from procfs lookup, readdir and revalidation, under
 * proc_subdir_lock: must not sleep. Costs one compare for every entry
 * outside /proc/virtual.
 *
 * Return: true to make the entry not exist for current.
 */
bool vs_proc_de_hidden(const struct proc_dir_entry *const parent,
		       const void *const data)
{
	const struct vs_cred *c;

	if (parent != vs_proc_virtual || !data)
		return false;
	c = vs_cred(current_cred());
	if (c->xid <= 1)
		return false;
	return data != c->vxi;
}

/**
 * vs_proc_pid_status - The VxID and NxID lines of /proc/PID/status
 * @m: the status file
 * @task: its task
 *
 * Omitted when the task's context has VXF_HIDE_VINFO. There are no network
 * contexts yet: every task is in nid 0.
 */
void vs_proc_pid_status(struct seq_file *const m, struct task_struct *const task)
{
	const struct vs_cred *c;
	bool hide;
	u32 xid;

	rcu_read_lock();
	c = vs_cred(__task_cred(task));
	xid = c->xid;
	hide = c->vxi && (READ_ONCE(c->vxi->flags) & VXF_HIDE_VINFO);
	rcu_read_unlock();
	if (!hide)
		seq_printf(m, "VxID:\t%u\nNxID:\t0\n", xid);
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
