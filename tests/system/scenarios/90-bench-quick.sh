#!/bin/bash
# Scenario 90 — the bed benchmark, quick variant (tests/system/bench/guest-bench.sh --quick): the real
# os-brick, the library in-process and the NativeAOT CLI through the same scenarios, one round; fails on
# a run that misbehaves (attach, error type, leak) or on a generous ratio bound. The full, several-round
# run is `tests/system/bench/run.sh`. Needs the bench host (run.sh publishes it when 90 is selected).
# testbed-timeout: 600
source "$TB_DIR/guest/lib.sh"

[[ -n ${BENCH_HOST:-} ]] || { fail "no bench host was published (see .testbed/bench-host.publish.log)"; finish; }
BENCH_OUT=$TB_SHARE/bench-quick bash "$TB_DIR/bench/guest-bench.sh" --quick
rc=$?
check "benchmark runs behaved and the quick bounds hold (summary: .testbed/run/share/bench-quick/summary.md)" test "$rc" = 0
# The ratios, for the results table.
note "$(/usr/bin/python3 - "$TB_SHARE/bench-quick/results.tsv" <<'PY'
import statistics, sys
rows = [l.rstrip("\n").split("\t") for l in open(sys.argv[1])]
def med(sc, impl, op):
    v = [float(r[4]) for r in rows if r[0] == sc and r[1] == impl and r[3] == op and r[2] != "0" and r[4] not in ("", "-")]
    return statistics.median(v) if v else None
out = []
for sc, op in (("single", "attach"), ("single", "detach"), ("mp-2", "attach"), ("eight", "attach-all"), ("wrong-chap", "attach-fails")):
    o, b = med(sc, "ours", op), med(sc, "osbrick", op)
    if o and b:
        out.append(f"{sc} {op} {o / b:.2f}x")
print("ours/os-brick: " + ", ".join(out))
PY
)"
finish
