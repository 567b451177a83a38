#!/bin/bash
# Scenario 6 — multipath with only target_portal given: the connector has to find the paths with a
# sendtargets discovery. (tgtd answers a SendTargets only with the portal it was asked on, so one
# path is the expected result here; the point is the discovery path and a clean detach.)
source "$TB_DIR/guest/lib.sh"

IQN=$(iqn disc)
make_target 1 disc && add_lun 1 1 64 || { fail "target setup"; finish; }
conninfo "$TB_TMP/ci.json" --arg target_portal "$P1" --arg target_iqn "$IQN" --argjson target_lun 1

cli connect connect --connection-info "$TB_TMP/ci.json" --multipath --verbose
expect_rc connect 0
attach_metrics connect
check "the CLI ran a sendtargets discovery" grep -qE -- '-m (discovery|discoverydb)' "$TB_TMP/connect.procs"
expect_device connect
expect_eq "sessions to $P1" 1 "$(sessions_for "$IQN" "$P1" | grep -c .)"
note "$(slaves_of "$DEVNODE" | grep -c '^sd') path(s) under $DEVNODE"
[[ -n $DEVNODE ]] && check_io "$DEV" "$(backing 1 1)" 13

cli disconnect disconnect --connection-info "$TB_TMP/ci.json" --device-info "$TB_TMP/connect.out" --multipath --verbose
expect_rc disconnect 0
metric detach_ms "$CLI_MS"
expect_eq "dm devices after disconnect" "" "$(dm_devices)"
expect_eq "sessions after disconnect" 0 "$(session_count)"
iscsiadm -m discovery >/dev/null 2>&1 && note "sendtargets discovery record left in the discovery db (as os-brick does)"
finish
