#!/bin/bash
# Scenario 12 — disconnect while one multipath path is dead (its portal blackholed after the
# attach): the disconnect completes within a bound and leaves nothing behind.
# testbed-timeout: 150
source "$TB_DIR/guest/lib.sh"

BOUND_MS=$(bound_ms 60000)
setup_single deadpath
multipath_conninfo "$P1" "$P3"

cli connect connect --connection-info "$TB_TMP/ci.json" --multipath --verbose
expect_rc connect 0
attach_metrics connect
expect_device connect
expect_eq "paths under the dm device" 2 "$(slaves_of "$DEVNODE" | grep -c '^sd')"

blackhole_on 127.0.0.3
# Let the initiator notice (noop-out every 5 s, timeout 5 s) so the path really is dead, not just idle.
sleep 12
echo "session states: $(cat /sys/class/iscsi_session/session*/state | tr '\n' ' ')"
multipath -ll

disconnect_clean connect --multipath
expect_le "disconnect with a dead path (ms)" "$BOUND_MS" "$CLI_MS"
blackhole_off
finish
