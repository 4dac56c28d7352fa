#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-only
"""Count every test of a `make test` run and print one line per suite.

Sources:
  --host FILE.tap      TAP from a host-side test program (one suite per file)
  --vm NAME=DIR        a VM run: DIR/tap.log (suites framed by '# vs-suite:'
                       markers, written by tests/initramfs/init) and
                       DIR/console.log (kernel log with KUnit's KTAP)
  --kunit SUITE        a KUnit suite that must have run in the VMs

The last line is 'N passed, N failed' (', N skipped' when tests skipped).
Exit status 1 when anything failed, was missing or did not finish.
"""
import argparse
import os
import re
import sys

RESULT = re.compile(r"^(not )?ok\b\s*(\d+)?\s*(?:-\s*)?(.*)$")
PLAN = re.compile(r"^1\.\.(\d+)")
SKIP = re.compile(r"#\s*SKIP", re.IGNORECASE)
TS = re.compile(r"^\[\s*\d+\.\d+\]\s?")
BAD = re.compile(r"(BUG|WARNING|INFO|UBSAN|Oops|Kernel panic)[: ]|KASAN|"
                 r"Call Trace:|general protection fault|list_(add|del) corruption")


class Suite:
    def __init__(self, name):
        self.name = name
        self.passed = self.failed = self.skipped = 0
        self.problems = []   # failures that are not a TAP line of their own

    def result(self, line):
        m = RESULT.match(line)
        if not m:
            return False
        if SKIP.search(line):
            self.skipped += 1
        elif m.group(1):
            self.failed += 1
            self.problems.append(line.strip())
        else:
            self.passed += 1
        return True

    def problem(self, text):
        self.failed += 1
        self.problems.append(text)

    @property
    def total(self):
        return self.passed + self.failed + self.skipped


def parse_tap(name, lines, rc=None, finished=True):
    """One TAP stream: top-level results only (subtests are indented)."""
    s = Suite(name)
    plan = None
    for line in lines:
        line = line.rstrip("\r\n")
        m = PLAN.match(line)
        if m and plan is None:
            plan = int(m.group(1))
            continue
        s.result(line)
    ran = s.total
    if not finished:
        s.problem(f"did not finish (ran {ran} of {plan if plan is not None else '?'})")
    elif plan is None:
        s.problem("no TAP plan line: the program did not run as a test")
    elif plan != ran:
        s.problem(f"planned {plan} tests, {ran} reported")
    if rc not in (None, 0) and s.failed == 0:
        s.problem(f"exited with status {rc} although no test failed")
    return s


def parse_vm(vmname, d):
    suites = []
    tap = os.path.join(d, "tap.log")
    try:
        lines = open(tap, errors="replace").read().splitlines()
    except OSError:
        lines = []
    cur, buf, done = None, [], False
    for line in lines:
        line = line.rstrip("\r")
        if line.startswith("# vs-suite: "):
            if cur:   # the previous suite never ended
                suites.append(parse_tap(f"{vmname}/{cur}", buf, finished=False))
            cur, buf = line[len("# vs-suite: "):].strip(), []
        elif line.startswith("# vs-suite-end: "):
            m = re.search(r"rc=(\d+)", line)
            suites.append(parse_tap(f"{vmname}/{cur}", buf,
                                    rc=int(m.group(1)) if m else None))
            cur, buf = None, []
        elif line.startswith("# vs-done"):
            done = True
        elif cur is not None:
            buf.append(line)
    if cur:
        suites.append(parse_tap(f"{vmname}/{cur}", buf, finished=False))
    boot = Suite(f"{vmname}/boot")
    if not done:
        boot.problem("the guest did not finish its plan (hang, crash or panic): "
                     f"see {os.path.join(d, 'console.log')}")
    console = []
    try:
        console = [TS.sub("", l.rstrip("\r\n"))
                   for l in open(os.path.join(d, "console.log"), errors="replace")]
    except OSError:
        boot.problem("no console.log: the VM did not start")
    for l in console:
        if BAD.search(l):
            boot.problem(f"kernel log: {l.strip()}")
    if boot.failed:
        suites.insert(0, boot)
        if console:
            sys.stderr.write(f"--- last lines of {vmname} console.log ---\n")
            sys.stderr.write("\n".join(console[-25:]) + "\n")
    return suites + parse_kunit(vmname, console)


def parse_kunit(vmname, console):
    """KUnit KTAP in the kernel log: test cases are the results indented
    once under a '# Subtest: SUITE' header."""
    suites, cur = [], None
    for l in console:
        m = re.match(r"^    # Subtest: (\S+)", l)
        if m:
            cur = Suite(f"{vmname}/kunit:{m.group(1)}")
            suites.append(cur)
            continue
        if cur and l.startswith("    ") and not l.startswith("     "):
            cur.result(l[4:])
        elif cur and re.match(r"^(not )?ok \d+ ", l):
            if l.startswith("not ok") and cur.failed == 0:
                cur.problem(f"suite failed: {l}")
            cur = None
    return suites


def main():
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--host", action="append", default=[])
    ap.add_argument("--vm", action="append", default=[])
    ap.add_argument("--kunit", action="append", default=[])
    a = ap.parse_args()

    suites = []
    for f in a.host:
        name = "host/" + os.path.basename(f).rsplit(".", 1)[0]
        try:
            lines = open(f, errors="replace").read().splitlines()
        except OSError:
            s = Suite(name)
            s.problem(f"{f} missing: the test was not run")
            suites.append(s)
            continue
        rc = None
        if lines and lines[-1].startswith("# exit status "):
            rc = int(lines[-1].split()[-1])
        suites.append(parse_tap(name, lines, rc=rc))
    for v in a.vm:
        name, _, d = v.partition("=")
        suites += parse_vm(name, d)
    for k in a.kunit:
        if not any(s.name.endswith("/kunit:" + k) for s in suites):
            s = Suite("kunit:" + k)
            s.problem("KUnit suite did not run (is CONFIG_VSERVER_KUNIT_TEST on?)")
            suites.append(s)

    width = max([len(s.name) for s in suites] + [10])
    for s in suites:
        extra = f", {s.skipped} skipped" if s.skipped else ""
        print(f"  {s.name:<{width}}  {s.passed} passed, {s.failed} failed{extra}")
        for p in s.problems:
            print(f"  {'':<{width}}    FAIL: {p}")
    passed = sum(s.passed for s in suites)
    failed = sum(s.failed for s in suites)
    skipped = sum(s.skipped for s in suites)
    print(f"{passed} passed, {failed} failed" + (f", {skipped} skipped" if skipped else ""))
    return 1 if failed or not suites else 0


if __name__ == "__main__":
    sys.exit(main())
