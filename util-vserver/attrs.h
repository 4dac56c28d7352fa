/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * vserver tools - the attribute words of a context or network context, as
 * vattribute and nattribute set and show them
 *
 * Copyright (C) 2026 The vserver authors
 */
#ifndef VS_TOOLS_ATTRS_H
#define VS_TOOLS_ATTRS_H

#include <stdbool.h>
#include <stdint.h>

#include <vserver.h>

/* One attribute word: flags, a capability set, the unshare mask. */
struct vs_attr {
	const char *key;  /* the key --get prints */
	const char *what; /* one of its names, for messages: "context flag" */
	enum vc_names table;
	int (*get)(uint32_t id, struct vc_mask64 *ret);
	int (*set)(uint32_t id, const struct vc_mask64 *v);
};

#define VS_ATTRS_MAX 8

/* The attribute words of one kind of id (at most VS_ATTRS_MAX). */
struct vs_attrs {
	const char *id_key;  /* "xid" or "nid", the JSON key of the id */
	const char *id_what; /* "context" or "network context" */
	const struct vs_attr *attr;
	unsigned int n;
	const unsigned int *set_order; /* the order --set applies them in */
	/* Report a failed get or set on @id; errno is the call's. */
	void (*warn)(uint32_t id, const char *message);
};

/* Apply change @c on top of @acc: later options override earlier ones. */
void vs_attr_merge(struct vc_mask64 *acc, const struct vc_mask64 *c);

/*
 * Merge the names in @list (util-vserver's syntax: NAME, !NAME, ~NAME, ^N,
 * all, none) into @acc; an unknown name is a usage error (exit 2).
 */
void vs_attr_add_list(const struct vs_attr *attr, struct vc_mask64 *acc, const char *list);

/* Send each change[i] with a mask, in set_order. Returns 0 or -1 (reported). */
int vs_attrs_set(const struct vs_attrs *s, uint32_t id, const struct vc_mask64 *change);

/*
 * Print every attribute of @id, a "key: names" line each, or with @json
 * one object. Returns 0 or -1 (reported).
 */
int vs_attrs_print(const struct vs_attrs *s, uint32_t id, bool json);

#endif
