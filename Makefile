# SPDX-License-Identifier: GPL-2.0-only
# vserver: Linux-VServer for Linux 6.12. `make help` lists the targets.

VERSION := 0.1.0
B := build
PREFIX ?= /usr/local
LIBDIR ?= $(PREFIX)/lib
INCLUDEDIR ?= $(PREFIX)/include
SBINDIR ?= $(PREFIX)/sbin
MANDIR ?= $(PREFIX)/share/man
SYSTEMDUNITDIR ?= $(PREFIX)/lib/systemd/system
BASHCOMPDIR ?= $(PREFIX)/share/bash-completion/completions
DESTDIR ?=

SHELL := /bin/bash
CC ?= cc
USER_CFLAGS := -O2 -g -std=gnu11 -Wall -Wextra -Werror -D_GNU_SOURCE \
	-I$(B)/include -Ilib -DVS_TOOLS_VERSION='"$(VERSION)"'

KIMG := $(B)/bzImage
KIMG_NOVS := $(B)/bzImage-novs

.PHONY: all help deps kernel kernel-novs tree lib tools static selftests \
	initramfs host-test check test test-debian demo vm-run patch install clean distclean bench

all: lib tools

# Keep generated headers and objects between runs.
.SECONDARY:

help:
	@echo "make deps        install the Debian packages the build needs (idempotent)"
	@echo "make test        everything: checks, host tests, kernels, VM suites"
	@echo "make test-debian a debootstrap-built Debian guest in the VM (root, network)"
	@echo "make demo        boot the patched kernel with a shell (CMD='...' runs one command)"
	@echo "make vm-run      EXTRA=DIR CMD='...': run CMD in the VM with DIR at /extra"
	@echo "make kernel      build the test kernel (build/bzImage)"
	@echo "make patch       write build/patch-<kernel>-vs$(VERSION).diff"
	@echo "make check       checkpatch, W=1 and sparse on kernel code"
	@echo "make all         libvserver and the tools; make install PREFIX=... DESTDIR=..."
	@echo "make bench       unpatched vs patched kernel under QEMU -icount: build/bench/"

deps:
	@scripts/deps.sh

# --- userspace --------------------------------------------------------------

# The UAPI headers, as headers_install would export them (no __user).
UAPI_SRC := $(wildcard kernel/include/uapi/linux/vserver/*.h)
UAPI_OUT := $(UAPI_SRC:kernel/include/uapi/%=$(B)/include/%)
$(B)/include/%.h: kernel/include/uapi/%.h
	@mkdir -p $(@D)
	sed -E 's/[[:space:]]*\<__user\>//g' $< >$@

LIB_SRC := $(wildcard lib/*.c)
LIB_HDR := lib/vserver.h lib/vserver-names.h $(UAPI_OUT)
LIB_SONAME := libvserver.so.0
LIB_SO := $(B)/lib/$(LIB_SONAME).1.0

$(B)/lib/pic/%.o: lib/%.c $(LIB_HDR)
	@mkdir -p $(@D)
	$(CC) $(USER_CFLAGS) -fPIC -fvisibility=default -c -o $@ $<
$(B)/lib/static/%.o: lib/%.c $(LIB_HDR)
	@mkdir -p $(@D)
	$(CC) $(USER_CFLAGS) -c -o $@ $<
$(LIB_SO): $(LIB_SRC:lib/%.c=$(B)/lib/pic/%.o) lib/libvserver.map
	$(CC) -shared -Wl,-soname,$(LIB_SONAME) -Wl,--version-script,lib/libvserver.map \
		-o $@ $(filter %.o,$^) -lcap
	ln -sf $(notdir $@) $(B)/lib/$(LIB_SONAME)
	ln -sf $(LIB_SONAME) $(B)/lib/libvserver.so
$(B)/lib/libvserver.a: $(LIB_SRC:lib/%.c=$(B)/lib/static/%.o)
	rm -f $@ && ar rcs $@ $^
$(B)/lib/vserver.pc: lib/vserver.pc.in
	@mkdir -p $(@D)
	sed -e 's|@PREFIX@|$(PREFIX)|; s|@LIBDIR@|$(LIBDIR)|; s|@INCLUDEDIR@|$(INCLUDEDIR)|; s|@VERSION@|$(VERSION)|' $< >$@

lib: $(LIB_SO) $(B)/lib/libvserver.a $(B)/lib/vserver.pc

# Each tool is util-vserver/NAME.c with a main(); every other .c there is
# shared code linked into all tools and into the host tests. A tool too
# large for one file has the rest in util-vserver/NAME/.
TOOLS := vserver vserver-info vcontext vattribute vkill vwait vuname vlimit vps vserver-stat \
	vserver-autostart setattr showattr vspace ncontext nattribute naddress
TOOL_COMMON := $(filter-out $(TOOLS:%=util-vserver/%.c),$(wildcard util-vserver/*.c))
TOOL_DEPS := $(TOOL_COMMON) $(wildcard util-vserver/*.h) $(B)/lib/libvserver.a $(LIB_HDR)

# libcap: capability names (cap_to_name/cap_from_name), never our own table.
LDLIBS_TOOLS := -lcap
.SECONDEXPANSION:
$(B)/bin/%: util-vserver/%.c $(TOOL_DEPS) $$(wildcard util-vserver/$$*/*.[ch])
	@mkdir -p $(@D)
	$(CC) $(USER_CFLAGS) -o $@ $< $(wildcard util-vserver/$*/*.c) $(TOOL_COMMON) \
		$(B)/lib/libvserver.a $(LDLIBS_TOOLS)
$(B)/static/bin/%: util-vserver/%.c $(TOOL_DEPS) $$(wildcard util-vserver/$$*/*.[ch])
	@mkdir -p $(@D)
	$(CC) $(USER_CFLAGS) -static -o $@ $< $(wildcard util-vserver/$*/*.c) $(TOOL_COMMON) \
		$(B)/lib/libvserver.a $(LDLIBS_TOOLS)

tools: $(TOOLS:%=$(B)/bin/%)
static: $(TOOLS:%=$(B)/static/bin/%)

# --- tests ------------------------------------------------------------------

KSFT = $(shell scripts/kernel.sh pristine)/tools/testing/selftests
SELFTESTS := $(patsubst tests/selftests/%.c,$(B)/selftests/%,$(wildcard tests/selftests/*_test.c))
# libvserver is linked in: a test may check a wrapper against the kernel.
$(B)/selftests/%_test: tests/selftests/%_test.c tests/selftests/common.h $(UAPI_OUT) \
		$(B)/lib/libvserver.a
	@mkdir -p $(@D)
	$(CC) -O2 -g -static -Wall -Werror -D_GNU_SOURCE -I$(B)/include -Ilib -I$(KSFT) -o $@ $< \
		$(B)/lib/libvserver.a
selftests: $(SELFTESTS)

# Small programs the CLI tests use in the VM (tests/helpers/NAME.c).
TEST_HELPERS := $(patsubst tests/helpers/%.c,$(B)/helpers/%,$(wildcard tests/helpers/*.c))
$(B)/helpers/%: tests/helpers/%.c
	@mkdir -p $(@D)
	$(CC) -O2 -g -static -Wall -Wextra -Werror -D_GNU_SOURCE -o $@ $<

HOST_TESTS_C := $(wildcard tests/host/*_test.c)
$(B)/host/%_test: tests/host/%_test.c $(TOOL_DEPS)
	@mkdir -p $(@D)
	$(CC) $(USER_CFLAGS) -Iutil-vserver -o $@ $< $(TOOL_COMMON) $(B)/lib/libvserver.a $(LDLIBS_TOOLS)
host-test: $(HOST_TESTS_C:tests/host/%.c=$(B)/host/%) tools
	@tests/host/run.sh

tree:
	@scripts/kernel.sh tree
kernel:
	@scripts/kernel.sh build test
kernel-novs:
	@scripts/kernel.sh build novs

initramfs: static selftests $(TEST_HELPERS)
	@tests/initramfs/build.sh $(B)/initramfs.cpio

check: tools
	@scripts/check.sh

patch:
	@scripts/mkpatch.sh $(VERSION)

# Everything, in an order that fails early on cheap checks. tests/run-all.sh
# keeps going after a failing suite so that the summary counts all of them.
test: deps
	@$(MAKE) --no-print-directory lib tools static selftests
	@$(MAKE) --no-print-directory $(HOST_TESTS_C:tests/host/%.c=$(B)/host/%)
	@$(MAKE) --no-print-directory kernel kernel-novs
	@$(MAKE) --no-print-directory initramfs
	@tests/run-all.sh $(VERSION)

# Not part of test: a Debian guest built with debootstrap (root, the
# network; cached in build/debian/), started and stopped in the test VM.
# VS_KERNEL=FILE tests that kernel image instead of building build/bzImage.
test-debian: deps
	@$(MAKE) --no-print-directory lib tools static selftests
	@$(if $(VS_KERNEL),[ -f "$(VS_KERNEL)" ] || { echo "VS_KERNEL=$(VS_KERNEL): no such file" >&2; exit 2; },$(MAKE) --no-print-directory kernel)
	@$(MAKE) --no-print-directory initramfs
	@tests/debian/run.sh $(or $(VS_KERNEL),$(KIMG))

demo: kernel initramfs
ifeq ($(CMD),)
	@tests/vm.sh demo $(KIMG)
else
	@tests/vm.sh run $(KIMG) "$$VS_CMD"
endif
demo vm-run: export VS_CMD = $(CMD)

vm-run: kernel initramfs
	@[ -n "$$VS_CMD" ] || { echo "vm-run: give CMD='...' (and EXTRA=DIR to copy DIR to /extra)" >&2; exit 2; }
	@tests/vm.sh run $(KIMG) "$$VS_CMD" "$(EXTRA)"

# --- benchmarks -------------------------------------------------------------

# Not part of `make test`: it reports figures and never fails on them.
$(B)/bench/vsbench: bench/vsbench.c $(B)/lib/libvserver.a $(LIB_HDR)
	@mkdir -p $(@D)
	$(CC) -O2 -g -static -std=gnu11 -Wall -Wextra -Werror -D_GNU_SOURCE -I$(B)/include -Ilib \
		-o $@ $< $(B)/lib/libvserver.a

bench: deps
	@$(MAKE) --no-print-directory lib static selftests $(TEST_HELPERS) $(B)/bench/vsbench
	@$(MAKE) --no-print-directory initramfs
	@bench/run.sh

# --- install ----------------------------------------------------------------

# systemd units; a .in file has @SBINDIR@ in it.
UNITS := systemd/vserver@.service.in systemd/vservers.target systemd/vservers-default.service.in

install: lib tools
	install -d $(DESTDIR)$(LIBDIR)/pkgconfig $(DESTDIR)$(INCLUDEDIR)/linux/vserver \
		$(DESTDIR)$(SBINDIR) $(DESTDIR)$(MANDIR)/man8
	install -m 644 $(B)/lib/libvserver.a $(DESTDIR)$(LIBDIR)/
	install -m 755 $(LIB_SO) $(DESTDIR)$(LIBDIR)/
	ln -sf $(notdir $(LIB_SO)) $(DESTDIR)$(LIBDIR)/$(LIB_SONAME)
	ln -sf $(LIB_SONAME) $(DESTDIR)$(LIBDIR)/libvserver.so
	# Generated here: PREFIX may differ from the one the build used.
	sed -e 's|@PREFIX@|$(PREFIX)|; s|@LIBDIR@|$(LIBDIR)|; s|@INCLUDEDIR@|$(INCLUDEDIR)|; s|@VERSION@|$(VERSION)|' \
		lib/vserver.pc.in >$(DESTDIR)$(LIBDIR)/pkgconfig/vserver.pc
	install -m 644 lib/vserver.h lib/vserver-names.h $(DESTDIR)$(INCLUDEDIR)/
	install -m 644 $(UAPI_OUT) $(DESTDIR)$(INCLUDEDIR)/linux/vserver/
	install -m 755 $(TOOLS:%=$(B)/bin/%) $(DESTDIR)$(SBINDIR)/
	install -m 644 $(TOOLS:%=util-vserver/man/%.8) $(DESTDIR)$(MANDIR)/man8/
	# The units name the tools by their installed path: SBINDIR is substituted here.
	install -d $(DESTDIR)$(SYSTEMDUNITDIR) $(DESTDIR)$(BASHCOMPDIR)
	for u in $(UNITS); do \
		n=$${u##*/}; sed -e 's|@SBINDIR@|$(SBINDIR)|g' $$u >$(DESTDIR)$(SYSTEMDUNITDIR)/$${n%.in} && \
		chmod 644 $(DESTDIR)$(SYSTEMDUNITDIR)/$${n%.in} || exit 1; \
	done
	install -m 644 completion/vserver.bash $(DESTDIR)$(BASHCOMPDIR)/vserver
	ln -sf vserver $(DESTDIR)$(BASHCOMPDIR)/vserver-autostart

clean:
	rm -rf $(B)/lib $(B)/bin $(B)/static $(B)/selftests $(B)/helpers $(B)/host $(B)/include \
		$(B)/initramfs $(B)/initramfs.cpio $(B)/test $(B)/bench/vsbench

# Also the kernel trees and objects (a full rebuild takes minutes).
distclean:
	rm -rf $(B)
