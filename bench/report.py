#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-only
"""Turn the console logs of `make bench` into results.json, results.md and
chart.png (gnuplot) under build/bench/.

Each log line "VSB SETTING JSON" is one result: SETTING is host, ns, ctx,
guest, net-*, life-*, density-start or density-mem; the log's name says the
kernel (vanilla-N.log, bench-N.log, density-MODE.log)."""
import argparse
import datetime
import json
import os
import re
import statistics
import subprocess
import sys

OPS = [
    ("getpid", "getpid"),
    ("stat", "stat (3 components)"),
    ("open_close", "open+close"),
    ("read_4k", "read 4 KiB (page cache)"),
    ("fork_exit_wait", "fork+exit+wait"),
    ("fork_exec_wait", "fork+exec+wait (static)"),
    ("pipe_pingpong", "pipe ping-pong"),
    ("unix_pingpong", "unix socket ping-pong"),
    ("tcp_connect_accept_close", "TCP connect+accept+close"),
    ("tcp_1mib", "TCP 1 MiB transfer"),
    ("udp_send_recv", "UDP send+recv 64 B"),
    ("socket_bind_close", "socket+bind+close"),
    ("kill0", "kill(self, 0)"),
    ("sched_yield", "sched_yield"),
]
# (column, kernel, setting in the log)
SETTINGS = {
    "a": ("vanilla", "host"),
    "b": ("bench", "host"),
    "c": ("bench", "ctx"),
    "d": ("bench", "guest"),
    "ns_a": ("vanilla", "ns"),
    "ns_b": ("bench", "ns"),
}
TARGET = {"b": 1.005, "c": 1.02, "d": 1.02}


def parse(paths):
    """{(kernel, setting): [json, ...]} from every log."""
    res = {}
    for path in paths:
        name = os.path.basename(path)
        kernel = "bench" if name.startswith(("bench", "density")) else "vanilla"
        with open(path, errors="replace") as f:
            for line in f:
                m = re.match(r"^VSB (\S+) (\{.*\})\s*$", line)
                if m:
                    res.setdefault((kernel, m.group(1)), []).append(json.loads(m.group(2)))
    return res


def summary(values):
    return {"min": min(values), "median": statistics.median(values),
            "max": max(values), "n": len(values)}


def micro(res):
    """{op: {col: summary of ns/op over every run of every boot}}."""
    out = {}
    for op, _ in OPS + [("ctx_create_destroy", "")]:
        for col, key in SETTINGS.items():
            runs = [v for r in res.get(key, []) if r.get("op") == op for v in r["ns"]]
            if runs:
                out.setdefault(op, {})[col] = summary(runs)
    return out


def lifecycle(res, m):
    def pick(setting, field):
        vals = [r[field] for r in res.get(("bench", setting), []) if r.get(field, -1) >= 0]
        return summary(vals) if vals else None

    life = {
        "vserver": {
            "start_until_init": pick("life-start", "to_stamp"),
            "start_command": pick("life-start", "total"),
            "start_cpu": pick("life-start", "cpu"),
            "exec_until_command_runs": pick("life-exec", "to_stamp"),
            "exec_command": pick("life-exec", "total"),
            "exec_cpu": pick("life-exec", "cpu"),
            "enter_until_command_runs": pick("life-enter", "to_stamp"),
            "enter_cpu": pick("life-enter", "cpu"),
            "stop_command": pick("life-stop", "total"),
            "stop_cpu": pick("life-stop", "cpu"),
        },
        "namespaces": {
            "start_until_init": pick("life-ns-start", "to_stamp"),
            "start_command": pick("life-ns-start", "total"),
            "start_cpu": pick("life-ns-start", "cpu"),
            "exec_until_command_runs": pick("life-ns-exec", "to_stamp"),
            "exec_command": pick("life-ns-exec", "total"),
            "exec_cpu": pick("life-ns-exec", "cpu"),
            "stop_command": pick("life-ns-stop", "total"),
        },
    }
    ctx = m.get("ctx_create_destroy", {}).get("b")
    fork = m.get("fork_exit_wait", {}).get("b")
    if ctx and fork:
        life["ctx_create_destroy"] = {
            "with_fork_exit_wait": ctx,
            "fork_exit_wait": fork,
            "context_alone_median": ctx["median"] - fork["median"],
        }
    return life


def network(res):
    out = {}
    for kernel in ("vanilla", "bench"):
        for model in ("net-host", "net-veth", "net-ctx"):
            for r in res.get((kernel, model), []):
                d = out.setdefault(kernel, {}).setdefault(model, {})
                d.setdefault(r["op"], []).extend(r["ns"])
    for kernel in out:
        for model in out[kernel]:
            for op, vals in out[kernel][model].items():
                out[kernel][model][op] = summary(vals)
    return out


KMEM = ("Slab", "KernelStack", "PageTables", "Percpu")


def density(res):
    out = {}
    for r in res.get(("bench", "density-mem"), []):
        out.setdefault(r["mode"], {"mem": {}, "start": []})["mem"][r["n"]] = r
    for r in res.get(("bench", "density-start"), []):
        out.setdefault(r["mode"], {"mem": {}, "start": []})["start"].append(r)
    report = {}
    for mode, d in out.items():
        base = d["mem"].get(0)
        if not base:
            continue
        rows = []
        for n in sorted(k for k in d["mem"] if k):
            cur = d["mem"][n]
            kb = {k: cur["meminfo"].get(k, 0) - base["meminfo"].get(k, 0) for k in KMEM}
            slab = {}
            for cache, (objs, pages) in cur["slab"].items():
                b0 = base["slab"].get(cache, [0, 0])
                if objs - b0[0]:
                    slab[cache] = objs - b0[0]
            prev = max([k for k in d["mem"] if k < n] or [0])
            step = [s for s in d["start"] if prev < s["i"] <= n]
            starts = [s["total"] for s in step]
            cpus = [s["cpu"] for s in step if s.get("cpu", -1) >= 0]
            last = [s["total"] for s in d["start"] if n - min(10, n) < s["i"] <= n]
            rows.append({
                "n": n,
                "kernel_kib_per_guest": sum(kb.values()) / n,
                "meminfo_kib_per_guest": {k: v / n for k, v in kb.items()},
                "slab_objects_bytes_per_guest": {k: v / n for k, v in
                                                 sorted(slab.items(), key=lambda x: -x[1])},
                "start_ns_mean": statistics.mean(starts) if starts else None,
                "start_cpu_ns_mean": statistics.mean(cpus) if cpus else None,
                "start_ns_last10_mean": statistics.mean(last) if last else None,
            })
        report[mode] = rows
    return report


def fmt_ns(ns):
    if ns is None:
        return "–"
    if ns >= 1e6:
        return "%.2f ms" % (ns / 1e6)
    if ns >= 1e4:
        return "%.1f µs" % (ns / 1e3)
    return "%.0f ns" % ns


def ratio(m, op, col, ref="a"):
    if col in m.get(op, {}) and ref in m.get(op, {}):
        return m[op][col]["median"] / m[op][ref]["median"]
    return None


def fmt_ratio(r, target=None):
    if r is None:
        return "–"
    s = "%.4f" % r
    if target:
        s += " ✓" if r <= target else " ✗"
    return s


def markdown(meta, m, life, net, dens):
    L = []
    L.append("Measured %s at commit `%s`: Linux %s, %s, `-accel tcg -icount "
             "shift=0,align=off,sleep=off`, 1 vCPU, 1 GiB; %d boots per kernel × %d runs "
             "per op (each run ≥ %d ms of guest time). `make bench` took %d min %d s."
             % (meta["date"], meta["commit"], meta["kernel"], meta["qemu"], meta["boots"],
                meta["runs"], meta["min_ms"], meta["seconds"] // 60, meta["seconds"] % 60))
    L.append("")
    L.append("Settings: **a** unpatched kernel; **b** patched, host context; **c** patched, in a "
             "security context (xid) " + ("and a network context (nid) holding one address"
                                          if meta.get("nid") else
                                          "— *without a network context (nid)*")
             + "; **d** patched, inside a `vserver` guest (its own pid/mount/uts/ipc "
             "namespaces, pivot_root, proc/devpts/tmpfs mounts" +
             (", a nid with one address" if meta.get("nid") else ", no nid") + "); **ns** the "
             "LXC-style reference: plain pid/mount/uts/ipc namespaces + chroot (a) on the "
             "unpatched and (b) on the patched kernel. Ratios are of medians; ✓/✗ against the "
             "targets (b ≤ 1.005, c and d ≤ 1.02).")
    L.append("")
    L.append("| Operation | a: ns/op median (min–max) | b/a | c/a | d/a | ns(a)/a | d/ns(b) |")
    L.append("|---|---|---|---|---|---|---|")
    for op, label in OPS:
        if op not in m or "a" not in m[op]:
            continue
        a = m[op]["a"]
        d_ns = ratio(m, op, "d", "ns_b")
        L.append("| %s | %s (%s–%s) | %s | %s | %s | %s | %s |" % (
            label, fmt_ns(a["median"]), fmt_ns(a["min"]), fmt_ns(a["max"]),
            fmt_ratio(ratio(m, op, "b"), TARGET["b"]),
            fmt_ratio(ratio(m, op, "c"), TARGET["c"]),
            fmt_ratio(ratio(m, op, "d"), TARGET["d"]),
            fmt_ratio(ratio(m, op, "ns_a")), fmt_ratio(d_ns)))
    L.append("")
    L.append("Spread of the runs (max/min − 1, worst setting): " + ", ".join(
        "%s %.2f %%" % (op, 100 * max(s["max"] / s["min"] - 1 for s in m[op].values()))
        for op, _ in OPS if op in m) + ".")
    L.append("")
    L.append("**Lifecycle** (patched kernel, guest time, median of %d; min–max). Times include "
             "what the guest spends idle waiting for a timer (with `sleep=off` icount jumps to it); "
             "CPU times are the run time the scheduler accounted to the command and the "
             "children it waited for, without idle time and kernel threads:" % meta["runs_life"])
    L.append("")
    L.append("| Step | vserver | namespaces + chroot |")
    L.append("|---|---|---|")

    def cell(d):
        return "%s (%s–%s)" % (fmt_ns(d["median"]), fmt_ns(d["min"]), fmt_ns(d["max"])) if d else "–"
    rows = [
        ("start until the guest's init runs", "start_until_init"),
        ("start command, until it returns", "start_command"),
        ("exec until the command runs", "exec_until_command_runs"),
        ("exec command, until it returns", "exec_command"),
        ("enter until a command runs", "enter_until_command_runs"),
        ("stop, until the guest is gone", "stop_command"),
        ("CPU time of start (the command and the children it waited for)", "start_cpu"),
        ("CPU time of exec", "exec_cpu"),
        ("CPU time of enter", "enter_cpu"),
        ("CPU time of stop", "stop_cpu"),
    ]
    for label, key in rows:
        L.append("| %s | %s | %s |" % (label, cell(life["vserver"].get(key)),
                                       cell(life["namespaces"].get(key))))
    c = life.get("ctx_create_destroy")
    if c:
        L.append("")
        L.append("Context create+destroy: fork + `ctx_create` + exit + wait %s, minus fork+exit+wait "
                 "%s = **%s** for the context itself (target ≤ 20 µs)."
                 % (fmt_ns(c["with_fork_exit_wait"]["median"]), fmt_ns(c["fork_exit_wait"]["median"]),
                    fmt_ns(c["context_alone_median"])))
    L.append("")
    L.append("**Network** (patched kernel; a TCP sink and a client in two peers; connection = "
             "connect, FIN, server's close; stream = 64 KiB writes):")
    L.append("")
    L.append("| Model | connections/s | µs/connection | stream MiB/s |")
    L.append("|---|---|---|---|")
    names = {"net-host": "host, loopback (reference)",
             "net-veth": "two netns + veth (LXC model)",
             "net-ctx": "two contexts, shared stack" +
                        (", each with a nid and one address" if meta.get("nid") else
                         " (no nid)")}
    for model in ("net-host", "net-veth", "net-ctx"):
        d = net.get("bench", {}).get(model)
        if not d:
            continue
        cr = d.get("tcp_conn_rate")
        st = d.get("tcp_stream_1mib")
        L.append("| %s | %s | %s | %s |" % (
            names[model], "%.0f" % (1e9 / cr["median"]) if cr else "–",
            "%.1f" % (cr["median"] / 1e3) if cr else "–",
            "%.0f" % (1e9 / st["median"]) if st else "–"))
    v, cx = net.get("bench", {}).get("net-veth"), net.get("bench", {}).get("net-ctx")
    if v and cx:
        L.append("")
        L.append("Guest-to-guest connection rate against veth: **%.3f×** (target ≥ 1.3×); "
                 "throughput %.3f×." % (
                     v["tcp_conn_rate"]["median"] / cx["tcp_conn_rate"]["median"],
                     v["tcp_stream_1mib"]["median"] / cx["tcp_stream_1mib"]["median"]))
    L.append("")
    if dens:
        L.append("**Density** (patched kernel, 1 GiB, `slab_nomerge`; kernel memory = Slab + "
                 "KernelStack + PageTables + Percpu from /proc/meminfo, after dropping "
                 "reclaimable caches; per guest = delta / N):")
        L.append("")
        L.append("| Mode | N | kernel KiB per guest | of it Slab / KernelStack / PageTables / Percpu "
                 "| start, guests added at this N: mean time, mean CPU |")
        L.append("|---|---|---|---|---|")
        names = {"proc": "one plain process", "ns": "namespaces + chroot + 3 mounts",
                 "vserver": "vserver guest"}
        for mode in ("proc", "ns", "vserver"):
            for r in dens.get(mode, []):
                mi = r["meminfo_kib_per_guest"]
                L.append("| %s | %d | %.1f | %.1f / %.1f / %.1f / %.1f | %s, %s |" % (
                    names[mode], r["n"], r["kernel_kib_per_guest"], mi["Slab"], mi["KernelStack"],
                    mi["PageTables"], mi["Percpu"], fmt_ns(r["start_ns_mean"]),
                    fmt_ns(r.get("start_cpu_ns_mean"))))
        proc = {r["n"]: r for r in dens.get("proc", [])}
        L.append("")
        for r in dens.get("vserver", []):
            p = proc.get(r["n"])
            if p:
                L.append("N = %d: a vserver guest costs **%.1f KiB** of kernel memory beyond its one "
                         "process (target ≤ 16 KiB); largest slab deltas per guest: %s." % (
                             r["n"], r["kernel_kib_per_guest"] - p["kernel_kib_per_guest"],
                             ", ".join("%s %.0f B" % kv for kv in
                                       list(r["slab_objects_bytes_per_guest"].items())[:8])))
    return "\n".join(L) + "\n"


def chart(out, m):
    dat = os.path.join(out, "chart.dat")
    with open(dat, "w") as f:
        f.write("# op b/a c/a d/a\n")
        for op, label in OPS:
            vals = [ratio(m, op, col) for col in ("b", "c", "d")]
            f.write('"%s" %s\n' % (label, " ".join("%.5f" % v if v else "NaN" for v in vals)))
    png = os.path.join(out, "chart.png")
    script = """
set terminal pngcairo size 1100,560 font "DejaVu Sans,10"
set output '%s'
set title "vserver: patched / unpatched Linux 6.12, guest instructions under QEMU -icount, lower is better; dashed: targets (b 1.005, c and d 1.02)"
set style data histograms
set style histogram clustered gap 1
set style fill solid 0.85 border -1
set boxwidth 0.9
set xtics rotate by -35 scale 0 nomirror
set ylabel "time per operation / unpatched"
set yrange [0.9:*]
set grid ytics
set key top left
set xrange [-0.6:%d.6]
set arrow from graph 0, first 1.005 to graph 1, first 1.005 nohead dt 2 lc rgb "#264653"
set arrow from graph 0, first 1.02 to graph 1, first 1.02 nohead dt 2 lc rgb "#e76f51"
set key top center
plot '%s' using 2:xtic(1) title "b: host context" lc rgb "#264653", \\
     '' using 3 title "c: in a context (xid + nid)" lc rgb "#2a9d8f", \\
     '' using 4 title "d: in a vserver guest (namespaces)" lc rgb "#e9c46a"
""" % (png, len(OPS) - 1, dat)
    subprocess.run(["gnuplot"], input=script, text=True, check=True)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--out", required=True)
    ap.add_argument("--commit", default="?")
    ap.add_argument("--kernel", default="?")
    ap.add_argument("--qemu", default="?")
    ap.add_argument("--seconds", type=int, default=0)
    ap.add_argument("--boots", type=int, default=1)
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--min-ms", type=int, default=20)
    ap.add_argument("logs", nargs="+")
    a = ap.parse_args()
    res = parse(a.logs)
    if not res:
        sys.exit("report: no results in %s" % " ".join(a.logs))
    m = micro(res)
    life = lifecycle(res, m)
    net = network(res)
    dens = density(res)
    meta = {
        "date": datetime.date.today().isoformat(), "commit": a.commit, "kernel": a.kernel,
        "qemu": a.qemu, "seconds": a.seconds, "boots": a.boots, "runs": a.runs,
        "runs_life": (life["vserver"]["start_until_init"] or {}).get("n", 0),
        "min_ms": a.min_ms,
        # the VM script says whether the contexts got network contexts
        "nid": any("nid: network contexts are used" in open(f, errors="replace").read()
                   for f in a.logs),
    }
    results = {"meta": meta, "micro_ns_per_op": m,
               "ratios": {op: {c: ratio(m, op, c) for c in ("b", "c", "d", "ns_a")}
                          for op, _ in OPS if op in m},
               "lifecycle_ns": life, "network_ns": net, "density": dens}
    with open(os.path.join(a.out, "results.json"), "w") as f:
        json.dump(results, f, indent=1, ensure_ascii=False)
    md = markdown(meta, m, life, net, dens)
    with open(os.path.join(a.out, "results.md"), "w") as f:
        f.write(md)
    chart(a.out, m)
    sys.stdout.write(md)


if __name__ == "__main__":
    main()
