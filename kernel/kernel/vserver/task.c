// SPDX-License-Identifier: GPL-2.0-only
/*
 * Linux-VServer - Process isolation between contexts
 *
 * The rules, for a task of context A looking at a task of context B:
 *
 *   A sees B   if A is the host (0) or the spectator (1), or A == B;
 *   A acts on B if A is the host, or A == B.
 *
 * "Sees" decides /proc and every call that names a task (ESRCH when it
 * fails: a foreign task does not exist); "acts" decides signals, tracing,
 * scheduling and limits (EPERM when the task is seen but out of reach).
 * They hold with or without a pid namespace: contexts started the
 * util-vserver way share the host's.
 *
 * Copyright (C) 2026 The vserver authors
 */

#include <linux/capability.h>
#include <linux/cred.h>
#include <linux/fs.h>
#include <linux/jump_label.h>
#include <linux/lsm_hooks.h>
#include <linux/pid.h>
#include <linux/pid_namespace.h>
#include <linux/ptrace.h>
#include <linux/sched.h>
#include <linux/sched/signal.h>
#include <linux/vserver.h>
#include <linux/vserver/context.h>

#include "common.h"
#include "cred.h"

/*
 * %VXF_INFO_INIT ("fake init") for a guest that shares the host's pid
 * namespace. The mapping costs nothing until a context needs it: the key
 * is turned on, for good, once such a context has an init.
 */
DEFINE_STATIC_KEY_FALSE(vs_fake_init_used);

/**
 * vx_fake_init_arm - Turn the pid mapping on for @vxi, if it needs it
 * @vxi: a context that has just got an init, or %VXF_INFO_INIT
 *
 * Context: process context, may sleep (static_branch_enable()).
 */
void vx_fake_init_arm(const struct vx_info *const vxi)
{
	if ((READ_ONCE(vxi->flags) & VXF_INFO_INIT) && READ_ONCE(vxi->initpid) &&
	    !static_key_enabled(&vs_fake_init_used))
		static_branch_enable(&vs_fake_init_used);
}

/*
 * The global pid of the init of current's context, which its tasks see as
 * pid 1; 0 when there is none to show (no %VXF_INFO_INIT, or a pid
 * namespace of its own, where its init is pid 1 anyway).
 */
static pid_t fake_init(void)
{
	const struct vx_info *const vxi = vs_cred(current_cred())->vxi;

	if (!vxi || !(READ_ONCE(vxi->flags) & VXF_INFO_INIT) ||
	    task_active_pid_ns(current) != &init_pid_ns)
		return 0;
	return READ_ONCE(vxi->initpid);
}

/**
 * __vs_map_pid - The number current is shown for the process @nr
 * @nr: a process id in current's pid namespace
 *
 * Called through vs_map_pid() by getpid(2), getppid(2) and /proc readdir
 * once the key is on.
 *
 * Return: 1 for the init of current's context under %VXF_INFO_INIT, else
 * @nr.
 */
pid_t __vs_map_pid(const pid_t nr)
{
	const pid_t init = fake_init();

	return init && nr == init ? 1 : nr;
}

/**
 * __vs_rmap_pid - The process current means by 1
 *
 * Called through vs_rmap_pid() by find_vpid() (kill(2), ptrace(2), the
 * scheduler and limit calls, pidfd_open(2), ...) and /proc lookup, for the
 * number 1 once the key is on.
 *
 * Return: the init of current's context under %VXF_INFO_INIT, else 1.
 */
pid_t __vs_rmap_pid(void)
{
	const pid_t init = fake_init();

	return init ? init : 1;
}

/**
 * vs_task_visible - May current see @task?
 * @task: any task
 *
 * Return: true when current's context sees @task's context.
 */
bool vs_task_visible(struct task_struct *const task)
{
	const u32 viewer = vs_current_xid();

	/* The host pays one load and one branch. */
	if (!viewer)
		return true;
	return vs_xid_sees(viewer, vs_task_xid(task));
}

/**
 * vs_pid_visible - May current see the task behind @pid?
 * @pid: a pid
 *
 * Return: true when it may, or when no task is attached any more (the
 * caller then reports what it reports for a dead task).
 */
bool vs_pid_visible(struct pid *const pid)
{
	struct task_struct *t;
	bool ret = true;

	if (!vs_current_xid())
		return true;
	rcu_read_lock();
	t = pid_task(pid, PIDTYPE_PID);
	if (t)
		ret = vs_task_visible(t);
	rcu_read_unlock();
	return ret;
}

/* 0, -EPERM for a task seen but out of reach, -ESRCH for an unseen one. */
static int check_act(const u32 actor, const u32 target)
{
	if (vs_xid_acts(actor, target))
		return 0;
	return vs_xid_sees(actor, target) ? -EPERM : -ESRCH;
}

static int check_current_acts(struct task_struct *const p)
{
	const u32 actor = vs_current_xid();

	if (!actor)
		return 0;
	return check_act(actor, vs_task_xid(p));
}

static int check_current_sees(struct task_struct *const p)
{
	return vs_task_visible(p) ? 0 : -ESRCH;
}

/*
 * Always EPERM, never ESRCH: kill_pid_info_type() takes ESRCH from a send as
 * "the task died meanwhile" and retries forever. Signals to a task the
 * sender cannot see never get here: the pid lookups of kill(2) and friends
 * hide it first (patches/0010), so this refuses what is seen but out of
 * reach, and what the kernel sends on a task's behalf.
 */
static int hook_task_kill(struct task_struct *const p,
			  struct kernel_siginfo *const info, const int sig,
			  const struct cred *const cred)
{
	/* @cred is the sender's when the signal is sent on its behalf. */
	const u32 actor = cred ? vs_cred(cred)->xid : vs_current_xid();

	if (!actor)
		return 0;
	return check_act(actor, vs_task_xid(p)) ? -EPERM : 0;
}

/*
 * SIGIO is sent on behalf of whoever set the owner (F_SETOWN), not whoever
 * opened the file: a file opened on the host and passed into a guest must
 * not let the guest signal host tasks.
 */
static void hook_file_set_fowner(struct file *const file)
{
	WRITE_ONCE(vs_file(file)->fown_xid, vs_current_xid());
}

static int hook_file_send_sigiotask(struct task_struct *const tsk,
				    struct fown_struct *const fown,
				    const int sig)
{
	const u32 actor = READ_ONCE(vs_file(fown->file)->fown_xid);

	return check_act(actor, vs_task_xid(tsk)) ? -EPERM : 0;
}

static int hook_ptrace_access_check(struct task_struct *const child,
				    const unsigned int mode)
{
	return check_current_acts(child);
}

static int hook_ptrace_traceme(struct task_struct *const parent)
{
	/* The tracer-to-be must be able to act on current. */
	return check_act(vs_task_xid(parent), vs_current_xid()) ? -EPERM : 0;
}

static int hook_task_setnice(struct task_struct *const p, const int nice)
{
	return check_current_acts(p);
}

static int hook_task_setioprio(struct task_struct *const p, const int ioprio)
{
	return check_current_acts(p);
}

static int hook_task_getioprio(struct task_struct *const p)
{
	return check_current_sees(p);
}

static int hook_task_setscheduler(struct task_struct *const p)
{
	return check_current_acts(p);
}

static int hook_task_getscheduler(struct task_struct *const p)
{
	return check_current_sees(p);
}

static int hook_task_movememory(struct task_struct *const p)
{
	return check_current_acts(p);
}

static int hook_task_setpgid(struct task_struct *const p, const pid_t pgid)
{
	return check_current_acts(p);
}

static int hook_task_getpgid(struct task_struct *const p)
{
	return check_current_sees(p);
}

static int hook_task_getsid(struct task_struct *const p)
{
	return check_current_sees(p);
}

static int hook_task_prlimit(const struct cred *const cred,
			     const struct cred *const tcred,
			     const unsigned int flags)
{
	const u32 actor = vs_cred(cred)->xid;
	const u32 target = vs_cred(tcred)->xid;

	if (!actor)
		return 0;
	/* Reading a limit is seeing; changing one is acting. */
	if (flags & LSM_PRLIMIT_WRITE)
		return check_act(actor, target);
	return vs_xid_sees(actor, target) ? 0 : -ESRCH;
}

/*
 * The bounding set of a context holds for every capability check of its
 * tasks, whatever their credentials say, once setup is over (ABI §1.5).
 */
static int hook_capable(const struct cred *const cred,
			struct user_namespace *const ns, const int cap,
			const unsigned int opts)
{
	const struct vx_info *const vxi = vs_cred(cred)->vxi;
	u64 flags;

	if (!vxi)
		return 0;
	flags = READ_ONCE(vxi->flags);
	if (flags & VXF_STATE_SETUP)
		return 0;
	return (READ_ONCE(vxi->bcaps) & BIT_ULL(cap)) ? 0 : -EPERM;
}

static struct security_hook_list vs_task_hooks[] __ro_after_init = {
	LSM_HOOK_INIT(task_kill, hook_task_kill),
	LSM_HOOK_INIT(file_set_fowner, hook_file_set_fowner),
	LSM_HOOK_INIT(file_send_sigiotask, hook_file_send_sigiotask),
	LSM_HOOK_INIT(ptrace_access_check, hook_ptrace_access_check),
	LSM_HOOK_INIT(ptrace_traceme, hook_ptrace_traceme),
	LSM_HOOK_INIT(task_setnice, hook_task_setnice),
	LSM_HOOK_INIT(task_setioprio, hook_task_setioprio),
	LSM_HOOK_INIT(task_getioprio, hook_task_getioprio),
	LSM_HOOK_INIT(task_setscheduler, hook_task_setscheduler),
	LSM_HOOK_INIT(task_getscheduler, hook_task_getscheduler),
	LSM_HOOK_INIT(task_movememory, hook_task_movememory),
	LSM_HOOK_INIT(task_setpgid, hook_task_setpgid),
	LSM_HOOK_INIT(task_getpgid, hook_task_getpgid),
	LSM_HOOK_INIT(task_getsid, hook_task_getsid),
	LSM_HOOK_INIT(task_prlimit, hook_task_prlimit),
	LSM_HOOK_INIT(capable, hook_capable),
};

void __init vs_add_task_hooks(void)
{
	security_add_hooks(vs_task_hooks, ARRAY_SIZE(vs_task_hooks),
			   &vs_lsmid);
}
