#!/bin/bash
# Scenario 4 — multipath over two portals: connect --multipath logs in to both, returns the dm
# device with two paths, I/O goes through it, disconnect flushes the map and logs out both.
source "$TB_DIR/guest/lib.sh"

setup_single mp2
multipath_conninfo "$P1" "$P2"

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

disconnect_clean connect --multipath
finish
