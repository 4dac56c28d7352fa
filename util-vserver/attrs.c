// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * vserver tools - the attribute words of a context or network context
 *
 * Copyright (C) 2026 The vserver authors
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "attrs.h"
#include "common.h"

void vs_attr_merge(struct vc_mask64 *acc, const struct vc_mask64 *c)
{
	acc->value = (acc->value & ~c->mask) | (c->value & c->mask);
	acc->mask |= c->mask;
}

void vs_attr_add_list(const struct vs_attr *attr, struct vc_mask64 *acc, const char *list)
{
	struct vc_mask64 m;
	size_t off, len;

	if (vc_parse_list(attr->table, list, &m, &off, &len) < 0)
		vs_usage_error("unknown %s '%.*s'", attr->what, (int)len, list + off);
	vs_attr_merge(acc, &m);
}

static void warn_call(const struct vs_attrs *s, uint32_t id, const char *verb,
		      const struct vs_attr *attr)
{
	char message[256];
	const int err = errno;

	snprintf(message, sizeof(message), "cannot %s the %s of %s %u", verb, attr->key,
		 s->id_what, id);
	errno = err;
	s->warn(id, message);
}

int vs_attrs_set(const struct vs_attrs *s, uint32_t id, const struct vc_mask64 *change)
{
	unsigned int i;

	for (i = 0; i < s->n; i++) {
		const struct vs_attr *attr = &s->attr[s->set_order[i]];
		const struct vc_mask64 *c = &change[s->set_order[i]];

		if (c->mask && attr->set(id, c) < 0) {
			warn_call(s, id, "set", attr);
			return -1;
		}
	}
	return 0;
}

/* Print ["a", "b"] for the list "a,b". */
static void json_list(const char *list)
{
	char item[256];
	const char *p = list;
	bool first = true;

	putchar('[');
	while (*p) {
		const size_t len = strcspn(p, ",");

		snprintf(item, sizeof(item), "%.*s", (int)len, p);
		printf("%s", first ? "" : ", ");
		vs_json_string(stdout, item);
		first = false;
		p += len + (p[len] == ',');
	}
	putchar(']');
}

int vs_attrs_print(const struct vs_attrs *s, uint32_t id, bool json)
{
	char text[VS_ATTRS_MAX][2048];
	struct vc_mask64 v;
	unsigned int i;

	if (s->n > VS_ATTRS_MAX) {
		vs_warn("%u attribute words are more than %d", s->n, VS_ATTRS_MAX);
		return -1;
	}
	for (i = 0; i < s->n; i++) {
		if (s->attr[i].get(id, &v) < 0) {
			warn_call(s, id, "get", &s->attr[i]);
			return -1;
		}
		if (vc_format_bits(s->attr[i].table, v.value, text[i], sizeof(text[i])) < 0) {
			vs_warn("cannot name the %s of %s %u: %m", s->attr[i].key, s->id_what, id);
			return -1;
		}
	}
	if (json)
		printf("{\"%s\": %u", s->id_key, id);
	for (i = 0; i < s->n; i++) {
		if (!json) {
			printf("%s:%s%s\n", s->attr[i].key, text[i][0] ? " " : "", text[i]);
			continue;
		}
		printf(", \"%s\": ", s->attr[i].key);
		json_list(text[i]);
	}
	if (json)
		printf("}\n");
	return 0;
}
