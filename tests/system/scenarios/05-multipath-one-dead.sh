#!/bin/bash
# Scenario 5 — multipath over three portals, one blackholed: the dm device has the two live paths,
# and the third portal is reported as failed.
# testbed-timeout: 120
source "$TB_DIR/guest/lib.sh"

IQN=$(iqn mp3)
make_target 1 mp3 && add_lun 1 1 64 || { fail "target setup"; finish; }
blackhole_on 127.0.0.3
conninfo "$TB_TMP/ci.json" --arg target_portal "$P1" --arg target_iqn "$IQN" --argjson target_lun 1 \
    --argjson target_portals "[\"$P1\",\"$P2\",\"$P3\"]" --argjson target_iqns "[\"$IQN\",\"$IQN\",\"$IQN\"]" \
    --argjson target_luns "[1,1,1]"

cli connect connect --connection-info "$TB_TMP/ci.json" --multipath --login-timeout 2 --verbose
expect_rc connect 0
attach_metrics connect
expect_device connect
expect_eq "paths under the dm device" 2 "$(slaves_of "$DEVNODE" | grep -c '^sd')"
expect_eq "outcome of $P1" logged_in "$(portal_field connect "$P1" outcome)"
expect_eq "outcome of $P2" logged_in "$(portal_field connect "$P2" outcome)"
expect_eq "outcome of blackholed $P3" failed "$(portal_field connect "$P3" outcome)"
check "an error is reported for $P3" test -n "$(portal_field connect "$P3" error)"
note "dead portal cost $(portal_field connect "$P3" elapsed_ms) ms"
[[ -n $DEVNODE ]] && check_io "$DEV" "$(backing 1 1)" 11

cli disconnect disconnect --connection-info "$TB_TMP/ci.json" --device-info "$TB_TMP/connect.out" --multipath --verbose
expect_rc disconnect 0
metric detach_ms "$CLI_MS"
blackhole_off
expect_eq "dm devices after disconnect" "" "$(dm_devices)"
expect_eq "sessions after disconnect" 0 "$(session_count)"
finish
