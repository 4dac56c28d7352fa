// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * vserver - build, start, stop, enter and inspect a guest
 *
 * `vserver NAME COMMAND [ARGS]`, util-vserver's interface (ABI §6.1-6.3),
 * as one C program with a command table instead of a tree of shell
 * scripts. The guest's configuration is /etc/vservers/NAME (ABI §7).
 *
 * Copyright (C) 2026 The vserver authors
 */
#include <errno.h>
#include <getopt.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <vserver.h>

#include "common.h"
#include "vserver/guest.h"

struct vs_paths vs_paths = {
	.confdir = "/etc/vservers",
	.rundir = "/var/run/vservers",
};

static void __attribute__((noreturn)) usage(void)
{
	printf("Usage: vserver [OPTION] NAME COMMAND [ARG]...\n"
	       "\n"
	       "Build, start, stop, enter and inspect the guest NAME, configured in\n"
	       "/etc/vservers/NAME.\n"
	       "\n"
	       "Commands:\n"
	       "  build -m METHOD [OPT]... [-- ARG]...  create the guest (see vserver(8))\n"
	       "  start                 start the guest\n"
	       "  stop [--timeout SEC]  shut it down, then kill what is left\n"
	       "  restart               stop, then start\n"
	       "  enter                 a login shell inside the running guest\n"
	       "  exec COMMAND [ARG]... run a command inside the running guest\n"
	       "  status [--json]       say whether it runs (exit 3 when not)\n"
	       "  running               exit 0 when it runs, 1 when not; no output\n"
	       "  delete [--force]      remove its configuration and files\n"
	       "\n"
	       "Options:\n"
	       "  -h, --help            show this help and exit\n"
	       "  -V, --version         show the version and exit\n"
	       "\n"
	       "Environment: VSERVER_CONFDIR (default /etc/vservers), VSERVER_RUNDIR\n"
	       "(default /var/run/vservers).\n"
	       "Exit status: 0 success, 1 failure, 2 usage error, 3 'status' of a stopped\n"
	       "guest; exec and enter pass on the command's status.\n");
	exit(VS_EXIT_OK);
}

/* Commands without options of their own reject any. */
static void no_args(const char *cmd, int argc, char **argv)
{
	if (argc > 1)
		vs_usage_error("'%s' takes no arguments, not '%s'", cmd, argv[1]);
}

static int cmd_status(const char *name, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "json", no_argument, NULL, 'j' },
		{ NULL, 0, NULL, 0 },
	};
	bool json = false;
	uint32_t tasks;
	struct vs_config *c;
	bool running;
	int o;

	optind = 1;
	while ((o = getopt_long(argc, argv, "+", opts, NULL)) != -1) {
		if (o != 'j')
			vs_try_help();
		json = true;
	}
	if (optind < argc)
		vs_usage_error("'status' takes no arguments, not '%s'", argv[optind]);
	c = vs_guest_load(name);
	if (!c)
		return VS_EXIT_FAIL;
	running = vs_guest_running(c, &tasks);
	if (json) {
		printf("{\"name\":");
		vs_json_string(stdout, c->name);
		printf(",\"running\":%s,\"xid\":%u,\"tasks\":%u,\"root\":", running ? "true" : "false",
		       c->xid, tasks);
		vs_json_string(stdout, c->vdir);
		printf("}\n");
	} else if (running) {
		printf("Vserver '%s' is running at context '%u' with %u processes\n", c->name,
		       c->xid, tasks);
	} else {
		printf("Vserver '%s' is stopped\n", c->name);
	}
	vs_config_free(c);
	return running ? VS_EXIT_OK : VSERVER_EXIT_STOPPED;
}

static int cmd_running(const char *name, int argc, char **argv)
{
	struct vs_config *c;
	bool running;

	no_args("running", argc, argv);
	c = vs_guest_load(name);
	if (!c)
		return VS_EXIT_FAIL;
	running = vs_guest_running(c, NULL);
	vs_config_free(c);
	return running ? VS_EXIT_OK : VS_EXIT_FAIL;
}

static int cmd_restart(const char *name, int argc, char **argv)
{
	char *none[] = { "start", NULL };
	int rc;

	no_args("restart", argc, argv);
	rc = vs_cmd_stop(name, 1, (char *[]){ "stop", NULL });
	if (rc != VS_EXIT_OK)
		return rc;
	return vs_cmd_start(name, 1, none);
}

static int cmd_delete(const char *name, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "force", no_argument, NULL, 'f' },
		{ NULL, 0, NULL, 0 },
	};
	char failed[PATH_MAX], question[PATH_MAX + 128];
	bool force = false;
	struct vs_config *c;
	int o, rc = VS_EXIT_OK;

	optind = 1;
	while ((o = getopt_long(argc, argv, "+f", opts, NULL)) != -1) {
		if (o != 'f')
			vs_try_help();
		force = true;
	}
	if (optind < argc)
		vs_usage_error("'delete' takes no arguments, not '%s'", argv[optind]);
	c = vs_guest_load(name);
	if (!c)
		return VS_EXIT_FAIL;
	if (vs_guest_running(c, NULL)) {
		vs_warn("'%s' is running: stop it first with 'vserver %s stop'", c->name, c->name);
		vs_config_free(c);
		return VS_EXIT_FAIL;
	}
	vs_pathf(question, sizeof(question), "Delete guest '%s': its files in %s and %s?",
		 c->name, c->vdir, c->cfgdir);
	if (!force && (!isatty(STDIN_FILENO) || !vs_ask(question))) {
		vs_warn("'%s' not deleted%s", c->name,
			isatty(STDIN_FILENO) ? "" : ": not a terminal to ask on, use --force");
		vs_config_free(c);
		return VS_EXIT_FAIL;
	}
	if (vs_remove_tree(c->vdir, failed, sizeof(failed)) < 0) {
		vs_warn("cannot remove %s: %m", failed);
		rc = VS_EXIT_FAIL;
	} else {
		vs_guest_clear_run(c);
		if (vs_remove_tree(c->cfgdir, failed, sizeof(failed)) < 0) {
			vs_warn("cannot remove %s: %m", failed);
			rc = VS_EXIT_FAIL;
		}
	}
	vs_config_free(c);
	return rc;
}

static const struct command {
	const char *name;
	int (*run)(const char *name, int argc, char **argv);
} commands[] = {
	{ "build", vs_cmd_build },
	{ "delete", cmd_delete },
	{ "enter", vs_cmd_enter },
	{ "exec", vs_cmd_exec },
	{ "restart", cmd_restart },
	{ "running", cmd_running },
	{ "start", vs_cmd_start },
	{ "status", cmd_status },
	{ "stop", vs_cmd_stop },
};

int main(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "help", no_argument, NULL, 'h' },
		{ "version", no_argument, NULL, 'V' },
		{ NULL, 0, NULL, 0 },
	};
	const char *env;
	size_t i;
	int o;

	while ((o = getopt_long(argc, argv, "+hV", opts, NULL)) != -1) {
		switch (o) {
		case 'h':
			usage();
		default:
			vs_other_option(o);
		}
	}
	vs_inject_init();
	env = getenv("VSERVER_CONFDIR");
	if (env && *env)
		vs_paths.confdir = env;
	env = getenv("VSERVER_RUNDIR");
	if (env && *env)
		vs_paths.rundir = env;
	if (argc == optind)
		vs_usage_error("missing guest name and command");
	if (argc - optind < 2)
		vs_usage_error("missing command after '%s'", argv[optind]);
	for (i = 0; i < sizeof(commands) / sizeof(commands[0]); i++)
		if (!strcmp(argv[optind + 1], commands[i].name))
			return commands[i].run(argv[optind], argc - optind - 1, argv + optind + 1);
	vs_usage_error("unknown command '%s': build, start, stop, restart, enter, exec, status, "
		       "running or delete", argv[optind + 1]);
}
