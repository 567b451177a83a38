#!/bin/bash
# Scenario 18 — iscsiadm absent (issue 13): with iscsiadm gone from the guest (moved aside in its
# overlay), connect ends at once with the host-check error (exit 8) naming the package to install —
# no failed-cleanup warning, no node record.
source "$TB_DIR/guest/lib.sh"

setup_single noadm
real=$(type -P iscsiadm)
mv "$real" "$real.hidden"
trap 'mv "$real.hidden" "$real"' EXIT
check "iscsiadm is not on PATH" bash -c '! type -P iscsiadm'

cli connect connect --connection-info "$TB_TMP/ci.json" --verbose
expect_rc connect 8
inner=$(json connect '.elapsed_ms')
expect_le "connector time to the host-check error (ms)" "$(bound_ms 1000)" "$inner"
expect_eq "the finding" problem "$(json connect '.host_check.checks[] | select(.requirement == "iscsiadm") | .status')"
check "the fix names open-iscsi" grep -q "apt-get install open-iscsi" "$TB_TMP/connect.out"
check "no cleanup warning" test -z "$(grep -i 'clean' "$TB_TMP/connect.err")"
"$real.hidden" -m node >/dev/null 2>&1; expect_eq "node records (iscsiadm -m node exit)" 21 "$?"
metric attach_ms "$CLI_MS ($inner)"
note "iscsiadm absent: host-check error after ${inner} ms in the connector, $CLI_MS ms wall with .NET start"
finish
