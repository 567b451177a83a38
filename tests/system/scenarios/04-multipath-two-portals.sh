#!/bin/bash
# Scenario 4 — multipath over two portals: connect --multipath logs in to both, returns the dm
# device with two paths, I/O goes through it, disconnect flushes the map and logs out both.
source "$TB_DIR/guest/lib.sh"

IQN=$(iqn mp2)
make_target 1 mp2 && add_lun 1 1 64 || { fail "target setup"; finish; }
conninfo "$TB_TMP/ci.json" --arg target_portal "$P1" --arg target_iqn "$IQN" --argjson target_lun 1 \
    --argjson target_portals "[\"$P1\",\"$P2\"]" --argjson target_iqns "[\"$IQN\",\"$IQN\"]" \
    --argjson target_luns "[1,1]"

cli connect connect --connection-info "$TB_TMP/ci.json" --multipath --verbose
expect_rc connect 0
attach_metrics connect
expect_device connect
check "path is a dm device" test "${DEVNODE#/dev/dm-}" != "$DEVNODE"
expect_eq "paths under the dm device" 2 "$(slaves_of "$DEVNODE" | grep -c '^sd')"
check "multipath_id reported" test -n "$(json connect '.multipath_id // empty')"
expect_eq "outcome of $P1" logged_in "$(portal_field connect "$P1" outcome)"
expect_eq "outcome of $P2" logged_in "$(portal_field connect "$P2" outcome)"
[[ -n $DEVNODE ]] && check_io "$DEV" "$(backing 1 1)" 9

cli disconnect disconnect --connection-info "$TB_TMP/ci.json" --device-info "$TB_TMP/connect.out" --multipath --verbose
expect_rc disconnect 0
metric detach_ms "$CLI_MS"
expect_eq "dm devices after disconnect" "" "$(dm_devices)"
expect_eq "sessions after disconnect" 0 "$(session_count)"
finish
