#!/usr/bin/env python3
"""The one benchmark table, from the figures tests/bench/run.sh recorded.

    table.py RECORD RESULTS.md RESULTS.tsv

RECORD holds a line a figure: "speed TAB name TAB MB TAB MB/s wall TAB
MB/s CPU TAB peak RSS MB" (tests/bench/measure.py), or "acc TAB key TAB
a line a scorer printed".  Writes the table to RESULTS.md, and to
RESULTS.tsv the points of tx and of the peers measured in the same run
(program, system, accuracy, MB/s) for make bench-plot, which adds the
published peers of tests/bench/peers.tsv.  A figure the run did not make
(../shared absent, say) is shown as "-".
"""
import re
import sys


def load(path):
    speed, acc = {}, {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            kind, key, rest = line.rstrip("\n").split("\t", 2)
            if kind == "speed":
                mb, wall, cpu, rss = (float(x) for x in rest.split("\t"))
                speed[key] = (mb, wall, cpu, rss)
            else:
                acc.setdefault(key, []).append(rest)
    return speed, acc


def num(acc, key, pattern, nth=0):
    """The first group of pattern in the nth line of acc[key] that has it."""
    found = [m for m in (re.search(pattern, l) for l in acc.get(key, [])) if m]
    return float(found[nth].group(1)) if len(found) > nth else None


def f(x, fmt="%.1f"):
    return "-" if x is None else fmt % x


def mbs(speed, name):
    s = speed.get(name)
    return None if s is None else s[1]


def secs(speed, name):
    """Wall seconds of a run: its MB over its MB/s."""
    s = speed.get(name)
    return None if s is None or s[1] == 0 else s[0] / s[1]


def rss(speed, name):
    s = speed.get(name)
    return None if s is None else s[3]


def ratio(a, b):
    return None if a is None or b is None or b == 0 else a / b


def main():
    speed, acc = load(sys.argv[1])
    rows, points = [], []

    dev = "split en_ewt-dev.txt auto"
    s_f1 = num(acc, dev, r"sentence P=\S+ R=\S+ F1=([\d.]+)")
    s_b = num(acc, dev, r"boundary P=\S+ R=\S+ F1=([\d.]+)")
    r_f1 = num(acc, "split en_ewt-dev.txt rules-only", r"sentence P=\S+ R=\S+ F1=([\d.]+)")
    r_b = num(acc, "split en_ewt-dev.txt rules-only", r"boundary P=\S+ R=\S+ F1=([\d.]+)")
    i_f1 = num(acc, "split icu", r"sentence P=\S+ R=\S+ F1=([\d.]+)")
    i_b = num(acc, "split icu", r"boundary P=\S+ R=\S+ F1=([\d.]+)")
    t, tr = mbs(speed, "txsplit"), mbs(speed, "txsplit --rules-only")
    icu = mbs(speed, "ICU sentence iterator (whole process)")
    rows.append((
        "`txsplit`",
        "UD EWT dev: sentence F1 %s, in-paragraph boundary F1 %s; `--rules-only` %s, %s"
        % (f(s_f1, "%.2f"), f(s_b, "%.2f"), f(r_f1, "%.2f"), f(r_b, "%.2f")),
        "%s (`--rules-only` %s); `--jsonl` takes %s the time of plain text"
        % (f(t), f(tr), f(ratio(secs(speed, "txsplit --jsonl, the same paragraphs"),
                                secs(speed, "txsplit, the same paragraphs (plain)")), "%.2fx")),
        "%s MB on 1 GB" % f(rss(speed, "txsplit, 1 GB")),
        "ICU's sentence iterator, whole process: %s MB/s (txsplit %s of its speed), "
        "sentence F1 %s, boundary F1 %s; `cat \\| cat` %s MB/s"
        % (f(icu), f(ratio(t, icu), "%.2fx"), f(i_f1, "%.2f"), f(i_b, "%.2f"),
           f(mbs(speed, "cat | cat (txsplit's input)"), "%.0f"))))
    points += [("txsplit", "txsplit", s_f1, t), ("txsplit", "txsplit --rules-only", r_f1, tr),
               ("txsplit", "ICU iterator", i_f1, icu)]

    jp = num(acc, "fix joined  ", r"precision ([\d.]+)")
    jr = num(acc, "fix joined  ", r"recall ([\d.]+)")
    sp = num(acc, "fix slice joined  ", r"precision ([\d.]+)")
    sr = num(acc, "fix slice joined  ", r"recall ([\d.]+)")
    zp = num(acc, "fix joined, a line a document  ", r"precision ([\d.]+)")
    zr = num(acc, "fix joined, a line a document  ", r"recall ([\d.]+)")
    szp = num(acc, "fix slice joined, a line a document  ", r"precision ([\d.]+)")
    szr = num(acc, "fix slice joined, a line a document  ", r"recall ([\d.]+)")
    cl = acc.get("fix clean   ", ["-"])[0].replace("lines changed ", "")
    scl = acc.get("fix slice clean   ", ["-"])[0].replace("lines changed ", "")
    de = acc.get("fix defects", ["-"])[0]
    t = mbs(speed, "txfix (one document)")
    rows.append((
        "`txfix`",
        "joined words P %s R %s, a line a document %s, %s (own held-out slice: %s, %s; "
        "a line a document %s, %s); clean lines changed %s (slice %s); defects %s"
        % (f(jp, "%.3f"), f(jr, "%.3f"), f(zp, "%.3f"), f(zr, "%.3f"), f(sp, "%.3f"),
           f(sr, "%.3f"), f(szp, "%.3f"), f(szr, "%.3f"), cl, scl, de),
        "%s on distinct prose, %s a line a document"
        % (f(t), f(mbs(speed, "txfix -z (one document a line)"))),
        "%s MB on 1 GB" % f(rss(speed, "txfix, 1 GB")),
        "`cat \\| cat` %s MB/s" % f(mbs(speed, "cat | cat (txfix's prose)"), "%.0f")))
    if jp and jr:
        points.append(("txfix", "txfix", 2 * jp * jr / (jp + jr), t))

    def strip(kind, what):
        return num(acc, "strip cv", kind + r" \(.*" + what + r"=([\d.]+)")
    hw, hs = strip("html", "wordF1"), strip("html", "shingleF1")
    xw, xs = strip("text", "wordF1"), strip("text", "shingleF1")
    th, tt = mbs(speed, "txstrip -z --html"), mbs(speed, "txstrip -z --text")
    lx = mbs(speed, "libxml2's HTML parser alone (whole process)")
    rows.append((
        "`txstrip`",
        "WCXB dev, 5-fold CV by page: HTML word F1 %s, shingle F1 %s; text %s, %s"
        % (f(hw, "%.3f"), f(hs, "%.3f"), f(xw, "%.3f"), f(xs, "%.3f")),
        "HTML %s, text %s" % (f(th), f(tt)),
        "%s MB on a 50 MB page" % f(rss(speed, "txstrip --html, one 50 MB page")),
        "libxml2's HTML parse alone %s MB/s (txstrip %s of its speed); `cat \\| cat` %s MB/s"
        % (f(lx), f(ratio(th, lx), "%.2fx"),
           f(mbs(speed, "cat | cat (txstrip's text)"), "%.0f"))))
    points += [("txstrip", "txstrip --html", hw, th), ("txstrip", "txstrip --text", xw, tt)]

    u = num(acc, "ner uner", r"micro P=\s*\S+ R=\s*\S+ F1=\s*([\d.]+)")
    per = num(acc, "ner uner", r"PER .*F1=\s*([\d.]+)")
    org = num(acc, "ner uner", r"ORG .*F1=\s*([\d.]+)")
    loc = num(acc, "ner uner", r"LOC .*F1=\s*([\d.]+)")
    w = num(acc, "ner wnut", r"micro P=\s*\S+ R=\s*\S+ F1=\s*([\d.]+)")
    tpm = num(acc, "ner tokens", r"this\): (\d+)")
    t = mbs(speed, "txner")
    rows.append((
        "`txner`",
        "UNER EWT dev (which picked the epoch): micro F1 %s (PER %s, ORG %s, LOC %s); "
        "WNUT-17 dev %s" % (f(u), f(per), f(org), f(loc), f(w)),
        "%s (%s tokens/s)" % (f(t), f(t * tpm if t and tpm else None, "%.0f")),
        "%s MB" % f(rss(speed, "txner")),
        "`cat \\| cat` %s MB/s" % f(mbs(speed, "cat | cat (txner's input)"), "%.0f")))
    points.append(("txner", "txner", u, t))

    s1, s2 = mbs(speed, "pipeline, parallel -j 1"), mbs(speed, "pipeline, parallel -j 2")
    rows.append((
        "the four steps",
        "-",
        "JSON Lines: %s serial, %s with `parallel -j 1`, %s with `-j 2` (%s)"
        % (f(mbs(speed, "pipeline, serial")), f(s1), f(s2), f(ratio(s2, s1), "%.2fx")),
        "%s MB" % f(rss(speed, "pipeline, serial")),
        "-"))

    with open(sys.argv[2], "w", encoding="utf-8") as out:
        out.write("| program | accuracy (../shared dev data, shared scorers) | MB/s, "
                  "one core, whole process | peak RSS | baselines in the same run |\n")
        out.write("| --- | --- | --- | --- | --- |\n")
        for r in rows:
            out.write("| " + " | ".join(r) + " |\n")
    with open(sys.argv[3], "w", encoding="utf-8") as out:
        out.write("program\tsystem\taccuracy\tMBps\tsource\n")
        for prog, system, a, s in points:
            if a is not None and s is not None:
                # accuracy as a fraction, whatever scale the scorer printed
                out.write("%s\t%s\t%.4f\t%.3f\tmake bench\n"
                          % (prog, system, a / 100 if a > 1 else a, s))


if __name__ == "__main__":
    main()
