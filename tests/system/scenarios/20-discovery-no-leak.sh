#!/bin/bash
# Scenario 20 — issue 12, items 6 and 10 on the real kernel: a multipath attach given one portal runs a
# SendTargets discovery (the portal advertises four targets) and, once detached, leaves no node record —
# neither for its own target nor for the three it did not use — and no discovery record it created
# (os-brick leaves one per advertised target plus the discovery record). Scenario 21: an administrator's
# discovery record is left as it was.
source "$TB_DIR/guest/lib.sh"

node_records() { iscsiadm -m node 2>/dev/null | grep -c . || true; }
setup_single disc0
for t in 2 3 4; do make_target "$t" "other$t" && add_lun "$t" 1 8 || { fail "target setup"; finish; }; done
expect_eq "node records before" 0 "$(node_records)"

# 1. No discovery record yet: the attach creates one, discovers with -o nonpersistent, deletes it.
cli connect connect --connection-info "$TB_TMP/ci.json" --multipath --verbose
expect_rc connect 0
check "the discovery ran with -o nonpersistent" grep -qE -- '--discover -o nonpersistent' "$TB_TMP/connect.procs"
expect_device connect
expect_eq "node records while attached (only the path used)" 1 "$(node_records)"
check "no discovery record while attached (deleted after the discovery)" bash -c '! iscsiadm -m discoverydb -t sendtargets -p '"$P1"' -o show >/dev/null 2>&1'
[[ -n $DEVNODE ]] && check_io "$DEV" "$(backing 1 1)" 20
disconnect_clean connect --multipath
expect_eq "node records after disconnect" 0 "$(node_records)"

finish
