#!/bin/bash
# Scenario 28 — issue 12, discovery CHAP (one-way and mutual) on the real kernel. tgtd has no discovery
# authentication, so this one target is the kernel's own LIO (configfs, a file-backed LUN 1 on 127.0.0.9:3261) with
# enforce_discovery_auth. A multipath attach given one portal runs SendTargets discovery: with a wrong discovery
# secret the discovery is refused (the attach goes on with the given portal, as documented); with the right one-way
# secret and then with mutual discovery CHAP (the initiator checks LIO's discovery secret) the discovery finds the
# target; a wrong discovery_auth_password_in is refused. No secret on any stderr line; nothing left.
# testbed-timeout: 150
source "$TB_DIR/guest/lib.sh"

T=/sys/kernel/config/target
LIQN=iqn.2024-01.test.testbed:lio-disc
LP=127.0.0.9:3261
D=$T/iscsi/discovery_auth
TPG=$T/iscsi/$LIQN/tpgt_1
DSECRET="Tb-disc-$RANDOM$RANDOM"
TSECRET="Tb-tdisc-$RANDOM$RANDOM"
WRONG="Tb-wrong-$RANDOM$RANDOM"
lio_down() {
    echo 0 >"$D/enforce_discovery_auth" 2>/dev/null
    echo 0 >"$TPG/enable" 2>/dev/null
    rm -f "$TPG/lun/lun_1/lio1"; rmdir "$TPG/lun/lun_1" "$TPG/np/$LP" "$TPG" "$T/iscsi/$LIQN" 2>/dev/null
    rmdir "$T/core/fileio_0/lio1" "$T/core/fileio_0" 2>/dev/null
}
trap lio_down EXIT
lio_up() {
    modprobe -a target_core_mod target_core_file iscsi_target_mod &&
        { mountpoint -q /sys/kernel/config || mount -t configfs none /sys/kernel/config; } &&
        mkdir -p "$T/core/fileio_0/lio1" "$T/iscsi" &&
        truncate -s 16M "$TB_TMP/lio.img" &&
        echo "fd_dev_name=$TB_TMP/lio.img,fd_dev_size=16777216" >"$T/core/fileio_0/lio1/control" &&
        echo 1 >"$T/core/fileio_0/lio1/enable" &&
        mkdir -p "$TPG/lun/lun_1" && ln -s "$T/core/fileio_0/lio1" "$TPG/lun/lun_1/lio1" &&
        mkdir "$TPG/np/$LP" &&
        echo 1 >"$TPG/attrib/generate_node_acls" && echo 1 >"$TPG/attrib/cache_dynamic_acls" &&
        echo 0 >"$TPG/attrib/demo_mode_write_protect" && echo 0 >"$TPG/attrib/authentication" &&
        echo 1 >"$TPG/enable" &&
        echo duser >"$D/userid" && echo "$DSECRET" >"$D/password" && echo 1 >"$D/enforce_discovery_auth"
}
check "LIO target with discovery authentication on $LP" lio_up || finish

ci() { # FILE PASSWORD [USER_IN PASSWORD_IN]
    local f=$1 p=$2; shift 2
    conninfo "$f" --arg target_portal "$LP" --arg target_iqn "$LIQN" --argjson target_lun 1 \
        --arg discovery_auth_method CHAP --arg discovery_auth_username duser --arg discovery_auth_password "$p" \
        ${1:+--arg discovery_auth_username_in "$1" --arg discovery_auth_password_in "$2"}
}
no_secrets_in() {
    if grep -qF -e "$DSECRET" -e "$TSECRET" -e "$WRONG" "$TB_TMP/$1.err"; then fail "a CHAP secret appears on $1's stderr"
    else pass "no CHAP secret on $1's stderr"; fi
}
attach_detach() { # NAME CI EXPECT(found|refused)
    cli "$1" connect --connection-info "$2" --multipath --verbose
    expect_rc "$1 connect" 0
    no_secrets_in "$1"
    check "$1: SendTargets discovery ran" grep -q -- '--discover' "$TB_TMP/$1.procs"
    if [[ $3 == found ]]; then
        check "$1: the discovery found the target" grep -q 'SendTargets discovery on .* found 1 path' "$TB_TMP/$1.err"
    else
        check "$1: the discovery was refused" grep -q 'SendTargets discovery failed' "$TB_TMP/$1.err"
    fi
    expect_device "$1"
    [[ -n $DEVNODE ]] && check_io "$DEV" "$TB_TMP/lio.img" 2
    cp "$2" "$TB_TMP/ci.json"
    disconnect_clean "$1" --multipath
    expect_eq "$1: node records after disconnect" 0 "$(iscsiadm -m node 2>/dev/null | grep -c .)"
    expect_eq "$1: discovery records after disconnect" 0 "$(iscsiadm -m discoverydb 2>/dev/null | grep -c .)"
}

ci "$TB_TMP/wrong.json" "$WRONG"
attach_detach wrong "$TB_TMP/wrong.json" refused
ci "$TB_TMP/oneway.json" "$DSECRET"
attach_detach oneway "$TB_TMP/oneway.json" found

echo tdisc >"$D/userid_mutual" && echo "$TSECRET" >"$D/password_mutual"
ci "$TB_TMP/mutual.json" "$DSECRET" tdisc "$TSECRET"
attach_detach mutual "$TB_TMP/mutual.json" found
ci "$TB_TMP/mutualbad.json" "$DSECRET" tdisc "$WRONG"
attach_detach mutualbad "$TB_TMP/mutualbad.json" refused
finish
