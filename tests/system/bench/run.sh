#!/usr/bin/env bash
# The side-by-side bed benchmark: the real os-brick, this library in-process and the CLI (NativeAOT)
# against the same targets in one QEMU boot (docs/benchmarks.md, "Bed benchmark").
#
# usage:
#   tests/system/bench/run.sh             3 rounds of every scenario (~40 min on a quiet 2-core TCG host:
#                                         os-brick waits ~2 min per dead-portal run)
#   tests/system/bench/run.sh --rounds=5  more rounds
#   tests/system/bench/run.sh --quick     1 round, os-brick left out of its dead-portal scenarios (~5 min);
#                                         the same runs as scenario 90 of tests/system/run.sh (./test.sh)
# The summary (Markdown) is printed and kept in .testbed/bench-summary.md; every measurement is in
# .testbed/run/share/bench/. Environment: as tests/system/run.sh (TESTBED_TIMEOUT, CI, …).
# Exit code: 0 when every run behaved and (full mode) every target was met, 1 otherwise.
# The full run needs more than the bed's default watchdog (25 min).
[[ " $* " == *" --quick "* ]] || export TESTBED_TIMEOUT=${TESTBED_TIMEOUT:-5400}
exec "$(dirname "$0")/../run.sh" bench "$@"
