#!/bin/bash
# Scenario 1 — one portal: connect attaches the LUN, data written through the returned device lands
# in the target's backing file, disconnect removes the session, the disk and the node record.
source "$TB_DIR/guest/lib.sh"

setup_single single

cli connect connect --connection-info "$TB_TMP/ci.json" --verbose
expect_rc connect 0
attach_metrics connect
expect_device connect
s=$(sessions_for "$IQN" "$P1")
expect_eq "sessions to $P1" 1 "$(echo -n "$s" | grep -c .)"
sd=$(disk_of "$s" 1)
expect_eq "path is the session's LUN 1 disk" "/dev/$sd" "$DEVNODE"
expect_eq "portals[0].outcome" logged_in "$(json connect '.portals[0].outcome')"
wwid=$(cat "/sys/block/$sd/device/wwid" 2>/dev/null)
wwn=$(json connect '.scsi_wwn // empty')
check "scsi_wwn '$wwn' names the disk's wwid '$wwid'" test -n "$wwn" -a -n "$wwid" -a "${wwn%"${wwid#naa.}"}" != "$wwn"
[[ -n $DEVNODE ]] && check_io "$DEV" "$(backing 1 1)" 5

disconnect_clean connect
wait_for 10 '[[ -z $(sd_devices) ]]' && pass "no SCSI disk left" || fail "disks left: $(sd_devices)"
finish
