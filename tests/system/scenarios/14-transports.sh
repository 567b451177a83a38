#!/bin/bash
# Scenario 14 — transports (spec 004, issue 6) on the real initiator: an offload iface whose hardware is
# absent is created and the check reports it; connect through it falls back to TCP (`default`) and says
# so, or with --transport-fallback fail exits 6 leaving nothing behind; an `iser` iface is created, shown
# and deleted without touching `default`. The guest has no NIC and no offload HBA, so cxgb4i hardware is
# never there: that is the point. Every iface made here is deleted again (the leak check does not look
# at ifaces, so this scenario checks that itself).
# testbed-timeout: 240
source "$TB_DIR/guest/lib.sh"

OFFLOAD=cxgb4i.00:07:43:aa:bb:cc
ISER=iser-test
iface_exists() { iscsiadm -m iface -I "$1" -o show >/dev/null 2>&1; }

setup_single transports

# (a) the offload iface: created from transport + MAC (one -o update with two -n/-v pairs), then checked.
cli create-offload iface create --transport cxgb4i --hwaddress 00:07:43:AA:BB:CC --verbose
expect_rc create-offload 0
expect_eq "iface create: name" "$OFFLOAD" "$(json create-offload '.name')"
expect_eq "iface create: created" true "$(json create-offload '.created')"
expect_eq "iface create: hwaddress read back" 00:07:43:aa:bb:cc "$(json create-offload '.hwaddress')"
expect_eq "iscsiadm's own record: transport" cxgb4i \
    "$(iscsiadm -m iface -I "$OFFLOAD" -o show | sed -n 's/^iface.transport_name = //p')"
cli create-again iface create --transport cxgb4i --hwaddress 00:07:43:aa:bb:cc
expect_rc create-again 0
expect_eq "second iface create reuses it" false "$(json create-again '.created')"
cli check-offload iface check --name "$OFFLOAD"
expect_rc check-offload 6
expect_eq "iface check: usable" false "$(json check-offload '.usable')"
expect_eq "iface check: failure" hardware_not_found "$(json check-offload '.failure')"

# (b) connect through it with the default fallback: logs in over `default` and the JSON says why.
cli connect connect --connection-info "$TB_TMP/ci.json" --transport "$OFFLOAD" --verbose
expect_rc connect 0
attach_metrics connect
expect_device connect
s=$(sessions_for "$IQN" "$P1")
expect_eq "sessions to $P1" 1 "$(echo -n "$s" | grep -c .)"
expect_eq "the session's iface in sysfs" default "$(cat "/sys/class/iscsi_session/$s/ifacename" 2>/dev/null)"
expect_eq "portals[0].iface" default "$(json connect '.portals[0].iface')"
expect_eq "portals[0].transport_fallback.requested_iface" "$OFFLOAD" "$(json connect '.portals[0].transport_fallback.requested_iface')"
expect_eq "portals[0].transport_fallback.reason" hardware_not_found "$(json connect '.portals[0].transport_fallback.reason')"
check "no node record made for $OFFLOAD" test -z "$(iscsiadm -m node 2>/dev/null | grep -F "$OFFLOAD")"
[[ -n $DEVNODE ]] && check_io "$DEV" "$(backing 1 1)" 5
disconnect_clean connect --transport "$OFFLOAD"
iscsiadm -m node >/dev/null 2>&1
expect_eq "iscsiadm -m node after disconnect (21 = no records)" 21 "$?"

# (c) fallback off: exit 6 before any login; no session, no node record.
cli connect-fail connect --connection-info "$TB_TMP/ci.json" --transport "$OFFLOAD" --transport-fallback fail --verbose
expect_rc connect-fail 6
expect_eq "failed connect: reason" hardware_not_found "$(json connect-fail '.reason')"
expect_eq "failed connect: iface" "$OFFLOAD" "$(json connect-fail '.iface')"
expect_eq "sessions after the refused connect" 0 "$(session_count)"
iscsiadm -m node >/dev/null 2>&1
expect_eq "iscsiadm -m node after the refused connect (21 = no records)" 21 "$?"
check "the refused connect ran no node command" test -z "$(grep -- '-m node' "$TB_TMP/connect-fail.procs")"

# (d) an iser iface: created, shown, deleted; `default` is the same before and after.
iscsiadm -m iface -I default -o show >"$TB_TMP/default-before.txt" 2>&1
cli create-iser iface create --transport iser --name "$ISER"
expect_rc create-iser 0
expect_eq "iser iface created" true "$(json create-iser '.created')"
cli list iface list
expect_eq "iface list names $ISER" "$ISER" "$(json list ".[] | select(.name == \"$ISER\") | .name")"
expect_eq "iface list: $ISER transport" iser "$(json list ".[] | select(.name == \"$ISER\") | .transport")"
cli show-iser iface show --name "$ISER"
expect_rc show-iser 0
expect_eq "iface show: transport" iser "$(json show-iser '.transport')"
expect_eq "iface show: hardware usable (unbound software iface)" true "$(json show-iser '.hardware.usable')"
cli delete-default iface delete --name default
expect_rc delete-default 2
cli delete-iser iface delete --name "$ISER"
expect_rc delete-iser 0
expect_eq "iser iface deleted" true "$(json delete-iser '.deleted')"
check "$ISER is gone" bash -c "! iscsiadm -m iface -I '$ISER' -o show >/dev/null 2>&1"
iscsiadm -m iface -I default -o show >"$TB_TMP/default-after.txt" 2>&1
check "iscsiadm -m iface -I default -o show unchanged" cmp -s "$TB_TMP/default-before.txt" "$TB_TMP/default-after.txt"

# The offload iface goes too, through the CLI.
cli delete-offload iface delete --name "$OFFLOAD"
expect_rc delete-offload 0
expect_eq "offload iface deleted" true "$(json delete-offload '.deleted')"
check "$OFFLOAD is gone" bash -c "! iscsiadm -m iface -I '$OFFLOAD' -o show >/dev/null 2>&1"

# Whatever failed above, leave no iface behind for the next scenario.
for i in "$OFFLOAD" "$ISER"; do iface_exists "$i" && iscsiadm -m iface -I "$i" -o delete >/dev/null 2>&1; done
finish
