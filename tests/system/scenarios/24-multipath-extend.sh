#!/bin/bash
# Scenario 24 — issue 12, multipath resize on the real kernel: the LUN grows (64 → 96 MiB) under a two-path map;
# `extend --multipath` rescans both paths and runs `multipathd resize map` (retried while multipathd answers "timeout",
# its stdout checked for "fail", as os-brick), with the target locks held; the map shows the new size and takes data there.
source "$TB_DIR/guest/lib.sh"

setup_single mpgrow
multipath_conninfo "$P1" "$P2"

cli connect connect --connection-info "$TB_TMP/ci.json" --multipath --verbose
expect_rc connect 0
expect_device connect
check "path is a dm device" test "${DEVNODE#/dev/dm-}" != "$DEVNODE"
expect_eq "map size before" $((64 << 20)) "$(size_bytes "$DEVNODE")"

check "LUN grown to 96 MiB on the target" grow_lun 1 1 96
cli extend extend --connection-info "$TB_TMP/ci.json" --multipath --verbose
expect_rc extend 0
expect_eq "extend's size_bytes" $((96 << 20)) "$(json extend '.size_bytes')"
expect_eq "map size after extend" $((96 << 20)) "$(size_bytes "$DEVNODE")"
check "multipathd resize map ran" grep -qE -- '^multipathd resize map ' "$TB_TMP/extend.procs"
note "extend took $CLI_MS ms wall, $(procs extend) process starts"
[[ -n $DEVNODE ]] && check_io "$DEV" "$(backing 1 1)" 80

disconnect_clean connect --multipath
finish
