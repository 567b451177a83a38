#!/bin/bash
# Scenario 28 — issue 12, discovery CHAP (one-way and mutual) on the real kernel. tgtd has no discovery
# authentication, so this one target is the kernel's own LIO (configfs, a file-backed LUN 1 on 127.0.0.9:3261) with
# enforce_discovery_auth. A multipath attach given one portal runs SendTargets discovery: with a wrong discovery
# secret LIO refuses the discovery (the attach goes on with the given portal, as documented); with the right one-way
# secret and then with mutual discovery CHAP (the initiator checks LIO's discovery secret) the discovery finds the
# target; a wrong discovery_auth_password_in makes the initiator refuse LIO. No secret on any stderr line; nothing left.
#
# LIO's configfs auth attributes keep every byte written, a trailing newline included ("echo secret >password"
# makes the secret "secret\n", and then the right secret is refused): they are written with printf '%s'. A control with
# the user name written by echo shows LIO's refusal ("CHAP_N values do not match!" in dmesg).
# ~80-90 s under TCG; part of the default run (./test.sh), as issue 12 asks of the real-host items.
# testbed-timeout: 150
source "$TB_DIR/guest/lib.sh"

T=/sys/kernel/config/target
LIQN=iqn.2024-01.test.testbed:lio-disc
LP=127.0.0.9:3261
D=$T/iscsi/discovery_auth
TPG=$T/iscsi/$LIQN/tpgt_1
DEVDIR=$T/core/fileio_0/lio1
DSECRET="Tb-disc-$RANDOM$RANDOM"
TSECRET="Tb-tdisc-$RANDOM$RANDOM"
WRONG="Tb-wrong-$RANDOM$RANDOM"
# put FILE VALUE : a configfs write without a newline.
put() { printf '%s' "$2" >"$1"; }
lio_down() {
    put "$D/enforce_discovery_auth" 0 2>/dev/null
    for a in userid password userid_mutual password_mutual; do put "$D/$a" NULL 2>/dev/null; done
    put "$TPG/enable" 0 2>/dev/null
    rm -f "$TPG/lun/lun_1/lio1"; rmdir "$TPG/lun/lun_1" "$TPG/np/$LP" "$TPG" "$T/iscsi/$LIQN" 2>/dev/null
    rmdir "$DEVDIR" "$T/core/fileio_0" 2>/dev/null
}
trap lio_down EXIT
lio_up() {
    modprobe -a target_core_mod target_core_file iscsi_target_mod &&
        { mountpoint -q /sys/kernel/config || mount -t configfs none /sys/kernel/config; } &&
        mkdir -p "$DEVDIR" "$T/iscsi" &&
        truncate -s 16M "$TB_TMP/lio.img" &&
        put "$DEVDIR/control" "fd_dev_name=$TB_TMP/lio.img,fd_dev_size=16777216" &&
        put "$DEVDIR/wwn/vpd_unit_serial" d15c0028-0000-4000-8000-000000000028 &&
        put "$DEVDIR/enable" 1 &&
        mkdir -p "$TPG/lun/lun_1" && ln -s "$DEVDIR" "$TPG/lun/lun_1/lio1" &&
        mkdir "$TPG/np/$LP" &&
        put "$TPG/attrib/generate_node_acls" 1 && put "$TPG/attrib/cache_dynamic_acls" 1 &&
        put "$TPG/attrib/demo_mode_write_protect" 0 && put "$TPG/attrib/authentication" 0 &&
        put "$TPG/enable" 1 &&
        put "$D/userid" duser && put "$D/password" "$DSECRET" && put "$D/enforce_discovery_auth" 1
}
check "LIO target with discovery authentication on $LP" lio_up || finish
dmesg -C

# The control that names the cause: the right account, but LIO's userid written with echo ("duser\n"). Plain iscsiadm,
# the record made and deleted here.
echo_userid_refused() {
    local rc a=(-m discoverydb -t sendtargets -p "$LP" -I default)
    echo duser >"$D/userid"
    iscsiadm "${a[@]}" -o new >/dev/null &&
        iscsiadm "${a[@]}" -o update -n discovery.sendtargets.auth.authmethod -v CHAP \
            -n discovery.sendtargets.auth.username -v duser -n discovery.sendtargets.auth.password -v "$DSECRET" >/dev/null
    iscsiadm "${a[@]}" --discover -o nonpersistent >/dev/null 2>&1
    rc=$?
    iscsiadm "${a[@]}" -o delete >/dev/null
    put "$D/userid" duser
    expect_eq "userid written with echo: the right secret's discovery is refused (iscsiadm exit code)" 24 "$rc"
    local said
    said=$(dmesg -c | grep -iE 'chap|auth|login')
    sed 's/^/  dmesg: /' <<<"$said" | tail -n 8
    check "userid written with echo: LIO says CHAP_N values do not match" grep -q 'CHAP_N values do not match' <<<"$said"
}
echo_userid_refused

ci() { # FILE PASSWORD [USER_IN PASSWORD_IN]
    local f=$1 p=$2; shift 2
    conninfo "$f" --arg target_portal "$LP" --arg target_iqn "$LIQN" --argjson target_lun 1 \
        --arg discovery_auth_method CHAP --arg discovery_auth_username duser --arg discovery_auth_password "$p" \
        ${1:+--arg discovery_auth_username_in "$1" --arg discovery_auth_password_in "$2"}
}
no_secrets_in() {
    if grep -qF -e "$DSECRET" -e "$TSECRET" -e "$WRONG" "$TB_TMP/$1.err"; then fail "a CHAP secret appears on $1's stderr"
    else pass "no CHAP secret on $1's stderr ($(wc -l <"$TB_TMP/$1.err") lines)"; fi
}
# attach_detach NAME CI EXPECT : EXPECT is "found", or the text iscsiadm's refusal must contain.
attach_detach() {
    cli "$1" connect --connection-info "$2" --multipath --verbose
    expect_rc "$1 connect" 0
    no_secrets_in "$1"
    check "$1: SendTargets discovery ran with -o nonpersistent" grep -q -- '--discover -o nonpersistent' "$TB_TMP/$1.procs"
    if [[ $3 == found ]]; then
        check "$1: the discovery found the target" grep -q 'SendTargets discovery on .* found 1 path' "$TB_TMP/$1.err"
    else
        check "$1: the discovery was refused ($3)" grep -q "SendTargets discovery failed.*$3" "$TB_TMP/$1.err"
    fi
    # What LIO logged about the discovery logins (its CHAP errors name no secret).
    dmesg -c | grep -iE 'chap|auth|login' | sed 's/^/  dmesg: /' | tail -n 8
    expect_device "$1"
    check "$1: the path is a dm map (LIO reports a WWID)" test "${DEVNODE#/dev/dm-}" != "$DEVNODE"
    [[ -n $DEVNODE ]] && check_io "$DEV" "$TB_TMP/lio.img" 2
    cp "$2" "$TB_TMP/ci.json"
    disconnect_clean "$1" --multipath
    expect_eq "$1: node records after disconnect" 0 "$(iscsiadm -m node 2>/dev/null | grep -c .)"
    expect_eq "$1: discovery records after disconnect" 0 "$(iscsiadm -m discoverydb 2>/dev/null | grep -c .)"
}

ci "$TB_TMP/wrong.json" "$WRONG"
attach_detach wrong "$TB_TMP/wrong.json" 'initiator failed authorization'
ci "$TB_TMP/oneway.json" "$DSECRET"
attach_detach oneway "$TB_TMP/oneway.json" found

put "$D/userid_mutual" tdisc && put "$D/password_mutual" "$TSECRET"
check "LIO authenticates itself on discovery (authenticate_target)" grep -qx 1 "$D/authenticate_target"
ci "$TB_TMP/mutual.json" "$DSECRET" tdisc "$TSECRET"
attach_detach mutual "$TB_TMP/mutual.json" found
ci "$TB_TMP/mutualbad.json" "$DSECRET" tdisc "$WRONG"
attach_detach mutualbad "$TB_TMP/mutualbad.json" 'received incorrect CHAP response from target'
finish
