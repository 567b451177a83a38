#!/bin/bash
# Scenario 25 — issue 12 / spec 001, a path dead at attach rejoins the map when its portal comes back: a multipath attach
# over two portals with the second blackholed gets a one-path map; once the portal is back, the documented re-scan call
# (connect again with the same connection_info: idempotent, the live path is reused as it is) logs in to the returned
# portal and multipathd adds its disk to the same map; I/O and detach of the two-path map.
# testbed-timeout: 150
source "$TB_DIR/guest/lib.sh"

setup_single rejoin
blackhole_on 127.0.0.2
multipath_conninfo "$P1" "$P2"

cli c1 connect --connection-info "$TB_TMP/ci.json" --multipath --login-timeout 2 --verbose
expect_rc "connect with $P2 dead" 0
expect_device c1
first=$DEVNODE
expect_eq "paths under the map while $P2 is dead" 1 "$(slaves_of "$DEVNODE" | grep -c '^sd')"
expect_eq "outcome of blackholed $P2" failed "$(portal_field c1 "$P2" outcome)"
expect_eq "no record left for the dead portal" 0 "$(iscsiadm -m node 2>/dev/null | grep -c "$P2")"

blackhole_off
cli c2 connect --connection-info "$TB_TMP/ci.json" --multipath --login-timeout 2 --verbose
expect_rc "connect again once $P2 is back" 0
expect_device c2
expect_eq "the same map" "$first" "$DEVNODE"
expect_eq "outcome of $P1 (reused)" already_logged_in "$(portal_field c2 "$P1" outcome)"
expect_eq "outcome of $P2 (returned)" logged_in "$(portal_field c2 "$P2" outcome)"
wait_for 10 "[[ \$(slaves_of $DEVNODE | grep -c '^sd') == 2 ]]"
expect_eq "paths under the map after the re-scan call" 2 "$(slaves_of "$DEVNODE" | grep -c '^sd')"
[[ -n $DEVNODE ]] && check_io "$DEV" "$(backing 1 1)" 13

disconnect_clean c2 --multipath
finish
