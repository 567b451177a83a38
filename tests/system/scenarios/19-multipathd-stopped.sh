#!/bin/bash
# Scenario 19 — multipathd stopped, multipath requested (issue 13): connect --multipath ends at once
# with the host-check error (exit 8) saying multipathd is not running — no login, no node record.
source "$TB_DIR/guest/lib.sh"

setup_single nompathd
multipath_conninfo "$P1" "$P2"
trap 'pgrep -x multipathd >/dev/null || multipathd' EXIT
pkill -x multipathd
wait_for 10 '! pgrep -x multipathd >/dev/null' && pass "multipathd stopped" || fail "multipathd still running"

cli connect connect --connection-info "$TB_TMP/ci.json" --multipath --verbose
expect_rc connect 8
inner=$(json connect '.elapsed_ms')
expect_le "connector time to the host-check error (ms)" "$(bound_ms 1000)" "$inner"
expect_eq "the finding" problem "$(json connect '.host_check.checks[] | select(.requirement == "multipathd") | .status')"
check "the fix says how to start multipathd" grep -q "systemctl enable --now multipathd" "$TB_TMP/connect.out"
check "no node command ran" test -z "$(grep -- '-m node' "$TB_TMP/connect.procs")"
iscsiadm -m node >/dev/null 2>&1; expect_eq "node records (iscsiadm -m node exit)" 21 "$?"
expect_eq "sessions" 0 "$(session_count)"
metric attach_ms "$CLI_MS ($inner)"
note "multipathd stopped: host-check error after ${inner} ms in the connector, $CLI_MS ms wall with .NET start"
finish
