#!/bin/bash
# Scenario 10 — extend: the LUN grows on the target (64 → 96 MiB) while attached; `extend` reports
# the new size, the device shows it, and the new space takes data.
source "$TB_DIR/guest/lib.sh"

setup_single grow

cli connect connect --connection-info "$TB_TMP/ci.json" --verbose
expect_rc connect 0
attach_metrics connect
expect_device connect
expect_eq "size before" $((64 << 20)) "$(size_bytes "$DEVNODE")"

check "LUN grown to 96 MiB on the target" grow_lun 1 1 96
run sh -c "tgtadm --lld iscsi --op show --mode target | grep -E 'LUN|Size'"

cli extend extend --connection-info "$TB_TMP/ci.json" --verbose
expect_rc extend 0
expect_eq "extend's size_bytes" $((96 << 20)) "$(json extend '.size_bytes')"
expect_eq "device size after extend" $((96 << 20)) "$(size_bytes "$DEVNODE")"
note "extend took $CLI_MS ms wall, $(procs extend) process starts"
[[ -n $DEVNODE ]] && check_io "$DEV" "$(backing 1 1)" 80

disconnect_clean connect
finish
