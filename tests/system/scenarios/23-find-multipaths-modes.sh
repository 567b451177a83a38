#!/bin/bash
# Scenario 23 — issue 12, distribution multipath defaults on the real kernel: the bed runs find_multipaths no, real hosts
# run yes (Debian/Ubuntu's multipath-tools default), smart or strict (RHEL's mpathconf). Under each, with an empty
# /etc/multipath/wwids, a multipath attach over two portals must produce the map with both paths (the CLI whitelists the
# WWID with `multipath -a`, as os-brick does), and detach must leave nothing. The control, under strict: the same LUN's two
# paths logged in with plain iscsiadm (no `multipath -a`, WWID not in /etc/multipath/wwids) get no map.
# testbed-timeout: 240
source "$TB_DIR/guest/lib.sh"

set_find_multipaths() {
    cat >/etc/multipath.conf <<CONF
defaults {
    user_friendly_names yes
    find_multipaths $1
    polling_interval 2
}
CONF
    rm -f /etc/multipath/wwids
    multipathd reconfigure >/dev/null
    # multipathd prints "yes" as "on".
    local shown=$1; [[ $1 == yes ]] && shown='(yes|on)'
    wait_for 10 'multipathd show config 2>/dev/null | grep -qE "find_multipaths \"?'"$shown"'"'
}
trap 'set_find_multipaths no' EXIT

# plain_paths_get_no_map : under strict, log in both paths of LUN 1 without the CLI; the WWID is not whitelisted, so
# multipathd must leave the two disks alone. Everything made here is undone (sessions, node records).
plain_paths_get_no_map() {
    local p disks wwid
    for p in "$P1" "$P2"; do
        iscsiadm -m node -T "$IQN" -p "$p" -o new >/dev/null &&
            iscsiadm -m node -T "$IQN" -p "$p" --login >/dev/null || fail "plain iscsiadm login to $p"
    done
    wait_for 20 '[[ $(sd_devices | grep -c .) -eq 2 ]]'
    udevadm settle -t 10
    disks=$(sd_devices | tr '\n' ' ')
    expect_eq "strict, plain login: SCSI disks of the two paths" 2 "$(wc -w <<<"$disks")"
    wwid=$(udevadm info -q property -n "/dev/${disks%% *}" | sed -n 's/^ID_SERIAL=//p')
    check "strict, plain login: the LUN has a WWID ($wwid)" test -n "$wwid"
    expect_eq "strict, plain login: lines for it in /etc/multipath/wwids" 0 "$({ grep -sF "/$wwid/" /etc/multipath/wwids || true; } | grep -c .)"
    # multipathd acts on the disks' uevents; two polling intervals more give it every chance to build a map.
    sleep 5
    expect_eq "strict, plain login: dm maps over the two paths (none without multipath -a)" "" "$(dm_devices)"
    note "find_multipaths strict, plain iscsiadm login of 2 paths (WWID ${wwid:-?} not whitelisted): $(dm_devices | grep -c .) map(s)"
    [[ -z $(dm_devices) ]] || multipath -F >/dev/null 2>&1
    for p in "$P1" "$P2"; do
        iscsiadm -m node -T "$IQN" -p "$p" --logout >/dev/null
        iscsiadm -m node -T "$IQN" -p "$p" -o delete >/dev/null
    done
    wait_for 20 '[[ -z $(sd_devices) ]]'
    expect_eq "strict, plain login: sessions and node records after logout" "0 0" \
        "$(session_count) $(iscsiadm -m node 2>/dev/null | grep -c .)"
}

setup_single fmp
multipath_conninfo "$P1" "$P2"
for mode in strict yes smart; do
    check "find_multipaths $mode in multipathd's config" set_find_multipaths "$mode"
    [[ $mode == strict ]] && plain_paths_get_no_map
    cli "connect-$mode" connect --connection-info "$TB_TMP/ci.json" --multipath --verbose
    expect_rc "connect-$mode" 0
    expect_device "connect-$mode"
    check "find_multipaths $mode: the path is a dm device" test "${DEVNODE#/dev/dm-}" != "$DEVNODE"
    expect_eq "find_multipaths $mode: paths under the map" 2 "$(slaves_of "$DEVNODE" | grep -c '^sd')"
    # Only when no map was there yet once the disks were found (with yes the second path may already have made it).
    [[ $mode == strict ]] && check "find_multipaths strict: the WWID was whitelisted" grep -qE -- '^multipath -a ' "$TB_TMP/connect-$mode.procs"
    note "find_multipaths $mode: attach $CLI_MS ms, multipath -a run: $(grep -c -- '^multipath -a ' "$TB_TMP/connect-$mode.procs")"
    [[ -n $DEVNODE && $mode == strict ]] && check_io "$DEV" "$(backing 1 1)" 9
    disconnect_clean "connect-$mode" --multipath
done
finish
