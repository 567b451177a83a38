#!/bin/bash
# Scenario 17 — iscsid stopped (issue 13): connect ends at once with the host-check error (exit 8) that
# says iscsid is not running and how to start it — no portal tried, no node record made. Before the
# host check, each portal was tried (iscsiadm spends ~10 s trying to start iscsid, then exits 20).
source "$TB_DIR/guest/lib.sh"

setup_single noiscsid
trap 'pgrep -x iscsid >/dev/null || iscsid' EXIT
kill "$(cat /run/iscsid.pid 2>/dev/null)" 2>/dev/null || pkill -x iscsid
wait_for 10 '! pgrep -x iscsid >/dev/null' && pass "iscsid stopped" || fail "iscsid still running"

cli connect connect --connection-info "$TB_TMP/ci.json" --verbose
expect_rc connect 8
inner=$(json connect '.elapsed_ms')
expect_le "connector time to the host-check error (ms)" "$(bound_ms 1000)" "$inner"
expect_eq "the finding" problem "$(json connect '.host_check.checks[] | select(.requirement == "iscsid") | .status')"
check "the fix says how to start iscsid" grep -q "systemctl enable --now iscsid" "$TB_TMP/connect.out"
expect_eq "portals tried" 0 "$(json connect '.portals | length')"
check "no node command ran" test -z "$(grep -- '-m node' "$TB_TMP/connect.procs")"
iscsiadm -m node >/dev/null 2>&1; expect_eq "node records (iscsiadm -m node exit)" 21 "$?"

cli check check
expect_rc check 8
metric attach_ms "$CLI_MS ($inner)"
note "iscsid stopped: host-check error after ${inner} ms in the connector, $CLI_MS ms wall with .NET start"
finish
