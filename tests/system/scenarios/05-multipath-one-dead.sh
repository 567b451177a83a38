#!/bin/bash
# Scenario 5 — multipath over three portals, one blackholed: the dm device has the two live paths,
# and the third portal is reported as failed.
# testbed-timeout: 120
source "$TB_DIR/guest/lib.sh"

setup_single mp3
blackhole_on 127.0.0.3
multipath_conninfo "$P1" "$P2" "$P3"

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

disconnect_clean connect --multipath
blackhole_off
finish
