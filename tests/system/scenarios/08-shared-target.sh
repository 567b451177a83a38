#!/bin/bash
# Scenario 8 — two LUNs of one target share one session: attaching LUN 2 reuses LUN 1's session;
# detaching LUN 1 removes only LUN 1's disk and keeps the session, and LUN 2 stays readable.
source "$TB_DIR/guest/lib.sh"

IQN=$(iqn shared)
make_target 1 shared && add_lun 1 1 32 && add_lun 1 2 32 || { fail "target setup"; finish; }
conninfo "$TB_TMP/ci1.json" --arg target_portal "$P1" --arg target_iqn "$IQN" --argjson target_lun 1
conninfo "$TB_TMP/ci2.json" --arg target_portal "$P1" --arg target_iqn "$IQN" --argjson target_lun 2

cli c1 connect --connection-info "$TB_TMP/ci1.json" --verbose
expect_rc "connect LUN 1" 0
attach_metrics c1
expect_device c1
dev1=$DEVNODE
cli c2 connect --connection-info "$TB_TMP/ci2.json" --verbose
expect_rc "connect LUN 2" 0
expect_device c2
dev2=$DEVNODE
dev2_path=$DEV
s=$(sessions_for "$IQN" "$P1")
expect_eq "one session for both LUNs" 1 "$(echo -n "$s" | grep -c .)"
expect_eq "LUN 2's outcome" already_logged_in "$(portal_field c2 "$P1" outcome)"
expect_eq "LUN 1 path" "/dev/$(disk_of "$s" 1)" "$dev1"
expect_eq "LUN 2 path" "/dev/$(disk_of "$s" 2)" "$dev2"
[[ -n $dev2 ]] && check_io "$dev2_path" "$(backing 1 2)" 4

cli d1 disconnect --connection-info "$TB_TMP/ci1.json" --device-info "$TB_TMP/c1.out" --verbose
expect_rc "disconnect LUN 1" 0
metric detach_ms "$CLI_MS"
expect_eq "session kept for LUN 2" "$s" "$(sessions_for "$IQN" "$P1")"
expect_eq "LUN 1 disk removed" "" "$(disk_of "$s" 1)"
expect_eq "LUN 2 disk still there" "/dev/$(disk_of "$s" 2)" "$dev2"
[[ -n $dev2 ]] && check_io "$dev2_path" "$(backing 1 2)" 6

cli d2 disconnect --connection-info "$TB_TMP/ci2.json" --device-info "$TB_TMP/c2.out" --verbose
expect_rc "disconnect LUN 2" 0
expect_eq "sessions after both disconnects" 0 "$(session_count)"
finish
