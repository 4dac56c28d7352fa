// SPDX-License-Identifier: GPL-2.0-only
/*
 * Linux-VServer - /proc/virtual
 *
 * Copyright (C) 2026 The vserver authors
 */

#include <linux/init.h>
#include <linux/proc_fs.h>
#include <linux/seq_file.h>
#include <linux/vserver/switch.h>
#include <asm/unistd.h>

#include "common.h"
#include "switch.h"

/* ABI §5.1: the version split in two hex halves, the syscall, the VCI bits. */
static int info_show(struct seq_file *const m, void *const v)
{
	seq_printf(m, "VCIVersion:\t%04x:%04x\n", VCI_VERSION >> 16,
		   VCI_VERSION & 0xffff);
	seq_printf(m, "VCISyscall:\t%d\n", __NR_vserver);
	seq_printf(m, "VCIKernel:\t%08x\n", vs_vci());
	return 0;
}

static int __init vs_proc_init(void)
{
	struct proc_dir_entry *dir;

	if (!vs_initialized)
		return 0;

	dir = proc_mkdir("virtual", NULL);
	if (!dir)
		goto out_err;
	if (!proc_create_single("info", 0444, dir, info_show))
		goto out_remove;
	return 0;

out_remove:
	proc_remove(dir);
out_err:
	pr_err("cannot create /proc/virtual\n");
	return -ENOMEM;
}

fs_initcall(vs_proc_init);
