#!/bin/bash
# Scenario 6 — multipath with only target_portal given: the connector has to find the paths with a
# sendtargets discovery. (tgtd answers a SendTargets only with the portal it was asked on, so one
# path is the expected result here; the point is the discovery path and a clean detach.)
source "$TB_DIR/guest/lib.sh"

setup_single disc

cli connect connect --connection-info "$TB_TMP/ci.json" --multipath --verbose
expect_rc connect 0
attach_metrics connect
check "the CLI ran a sendtargets discovery" grep -qE -- '-m (discovery|discoverydb)' "$TB_TMP/connect.procs"
expect_device connect
expect_eq "sessions to $P1" 1 "$(sessions_for "$IQN" "$P1" | grep -c .)"
note "$(slaves_of "$DEVNODE" | grep -c '^sd') path(s) under $DEVNODE"
[[ -n $DEVNODE ]] && check_io "$DEV" "$(backing 1 1)" 13

disconnect_clean connect --multipath
iscsiadm -m discovery >/dev/null 2>&1 && note "sendtargets discovery record left in the discovery db (as os-brick does)"
finish
