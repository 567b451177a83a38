#!/bin/bash
# Scenario 21 — issue 12, item 6 on the real kernel: an administrator's discovery record (its own timeouts)
# is used by a multipath attach's SendTargets discovery as it is — never created, updated or deleted by the
# CLI — and is exactly as it was after the detach; no node record is left.
source "$TB_DIR/guest/lib.sh"

node_records() { iscsiadm -m node 2>/dev/null | grep -c . || true; }
setup_single disc1
iscsiadm -m discoverydb -t sendtargets -p "$P1" -o new >/dev/null
iscsiadm -m discoverydb -t sendtargets -p "$P1" -o update -n discovery.sendtargets.timeo.login_timeout -v 29 \
    -n discovery.sendtargets.reopen_max -v 4 >/dev/null
before=$(iscsiadm -m discoverydb -t sendtargets -p "$P1" -o show | grep -v '^#')
cli connect2 connect --connection-info "$TB_TMP/ci.json" --multipath --verbose
expect_rc connect2 0
check "the administrator's discovery record was not updated" bash -c '! grep -qE -- "-m discoverydb .* -o (new|update|delete)" '"$TB_TMP/connect2.procs"
expect_device connect2
disconnect_clean connect2 --multipath
after=$(iscsiadm -m discoverydb -t sendtargets -p "$P1" -o show | grep -v '^#')
expect_eq "administrator's discovery record unchanged" "$before" "$after"
expect_eq "node records after the second disconnect" 0 "$(node_records)"
iscsiadm -m discoverydb -t sendtargets -p "$P1" -o delete >/dev/null 2>&1
finish
