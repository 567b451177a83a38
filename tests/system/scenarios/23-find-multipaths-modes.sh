#!/bin/bash
# Scenario 23 — issue 12, distribution multipath defaults on the real kernel: the bed runs find_multipaths no, real hosts
# run yes (Debian/Ubuntu's multipath-tools default), smart or strict (RHEL's mpathconf). Under each, with an empty
# /etc/multipath/wwids, a multipath attach over two portals must produce the map with both paths (the CLI whitelists the
# WWID with `multipath -a`, as os-brick does), and detach must leave nothing.
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

setup_single fmp
multipath_conninfo "$P1" "$P2"
for mode in strict yes smart; do
    check "find_multipaths $mode in multipathd's config" set_find_multipaths "$mode"
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
