#!/bin/bash
# Capture mode (tests/system/run.sh capture): records real output of open-iscsi, multipath-tools,
# tgtd and sysfs inside the test bed, one file per topic, for the parsers' test fixtures.
# Each command is written as:
#   $ command
#   --- stdout
#   …
#   --- stderr
#   …
#   --- exit code: N (T ms)
# The CHAP secrets below are throwaway test values.
#
# usage: capture.sh OUTPUT_DIR
set -u
source "$TB_DIR/guest/lib.sh"
OUT=$1
mkdir -p "$OUT"
CAP_FILE=/dev/null

# topic NAME TITLE : following `cap` calls go to OUT/NAME.txt, which starts with a header.
topic() {
    CAP_FILE="$OUT/$1.txt"
    {
        echo "# $2"
        echo "# Captured by tests/system/run.sh capture (IscsiConnector test bed, QEMU guest, loopback only)."
        echo "# $(iscsiadm --version 2>&1 | head -n1); tgtd $(tgtd --version 2>&1 | head -n1);" \
            "$(multipath -h 2>&1 | head -n1); kernel $(uname -r)"
        echo
    } >"$CAP_FILE"
    echo "=== topic $1"
}

# cap COMMAND… : runs the command and records its stdout, stderr and exit code separately.
cap() {
    local t0 rc
    t0=$(now_ms)
    "$@" >"$TB_TMP/cap.out" 2>"$TB_TMP/cap.err"
    rc=$?
    {
        echo "\$ $*"
        echo "--- stdout"
        cat "$TB_TMP/cap.out"
        echo "--- stderr"
        cat "$TB_TMP/cap.err"
        echo "--- exit code: $rc ($(($(now_ms) - t0)) ms)"
        echo
    } >>"$CAP_FILE"
    cat "$TB_TMP/cap.out" "$TB_TMP/cap.err"
    echo "[rc=$rc]"
    return $rc
}

# remark TEXT : a line of explanation in the current capture file.
remark() { echo "# $*" >>"$CAP_FILE"; echo "# $*"; }

IQN=$(iqn cap1)
IQN_CHAP=$(iqn capchap)
make_target 1 cap1 && add_lun 1 1 64 && add_lun 1 2 32
make_target 2 capchap && add_lun 2 1 32 && add_chap 2 capuser capsecret-throwaway

# --- ifaces -----------------------------------------------------------------------------------------
topic iface-list "iscsiadm -m iface (no custom ifaces)"
cap iscsiadm -m iface
topic iface-default-show "iscsiadm -m iface -I default -o show"
cap iscsiadm -m iface -I default -o show
topic iface-iser-show "iscsiadm -m iface -I iser -o show"
cap iscsiadm -m iface -I iser -o show

topic iface-create "creating an offload iface (cxgb4i) whose driver is not loaded"
IFACE=cxgb4i.00:07:43:aa:bb:cc
cap iscsiadm -m iface -I "$IFACE" -o new
cap iscsiadm -m iface -I "$IFACE" -o update -n iface.transport_name -v cxgb4i
cap iscsiadm -m iface -I "$IFACE" -o update -n iface.hwaddress -v 00:07:43:aa:bb:cc
cap iscsiadm -m iface -I "$IFACE" -o show
cap iscsiadm -m iface
remark "Discovery and login through this iface (the cxgb4i driver is not loaded in the bed):"
cap iscsiadm -m discovery -t sendtargets -p "$P1" -I "$IFACE"
cap iscsiadm -m node -o new -T "$IQN" -p "$P1" -I "$IFACE"
cap iscsiadm -m node -T "$IQN" -p "$P1" -I "$IFACE" -o update -n node.conn[0].timeo.login_timeout -v 2 \
    -n node.session.initial_login_retry_max -v 0
cap iscsiadm -m node -T "$IQN" -p "$P1" -I "$IFACE" --login
cap lsmod
cap iscsiadm -m node -T "$IQN" -p "$P1" -I "$IFACE" -o delete
cap iscsiadm -m iface -I "$IFACE" -o delete
cap iscsiadm -m iface -I "$IFACE" -o show

topic iface-unknown-login "login through an iface that does not exist"
cap iscsiadm -m discovery -t sendtargets -p "$P1"
cap iscsiadm -m node -T "$IQN" -p "$P1" -I no-such-iface --login
cap iscsiadm -m node -o new -T "$IQN" -p "$P1" -I no-such-iface
cap iscsiadm -m discovery -t sendtargets -p "$P1" -I no-such-iface
cap iscsiadm -m node -o delete

# --- discoverydb ------------------------------------------------------------------------------------
topic discoverydb "sendtargets discovery records (discoverydb)"
cap iscsiadm -m discoverydb -t sendtargets -p "$P1" --discover
cap iscsiadm -m discoverydb -t sendtargets -p "$P1" -o show -P 1
cap iscsiadm -m discoverydb -t sendtargets -p "$P1" -o show
cap iscsiadm -m discovery
cap iscsiadm -m discovery -P 1
cap iscsiadm -m node
cap iscsiadm -m discoverydb -t sendtargets -p "$P1" -o delete
cap iscsiadm -m discoverydb -t sendtargets -p "$P1" -o show
cap iscsiadm -m node

# --- node records -----------------------------------------------------------------------------------
topic node-show "iscsiadm -m node -T <iqn> -p <portal> -o show (record made by discovery, and by -o new)"
cap iscsiadm -m discovery -t sendtargets -p "$P1"
cap iscsiadm -m node -T "$IQN" -p "$P1" -o show
cap iscsiadm -m node -o new -T "$IQN" -p "$P2"
cap iscsiadm -m node -T "$IQN" -p "$P2" -o show
cap iscsiadm -m node
cap iscsiadm -m node -T "$IQN" -p 127.0.0.9:3260 -o show

topic node-update-multi "does iscsiadm -m node -o update accept SEVERAL -n/-v pairs in one call?"
remark "Before: authmethod/username/login_timeout/initial_login_retry_max defaults"
cap iscsiadm -m node -T "$IQN" -p "$P1" -o update \
    -n node.session.auth.authmethod -v CHAP \
    -n node.session.auth.username -v multiuser \
    -n node.conn[0].timeo.login_timeout -v 7 \
    -n node.session.initial_login_retry_max -v 3
cap sh -c "iscsiadm -m node -T $IQN -p $P1 -o show | grep -E 'authmethod|auth.username =|login_timeout|initial_login_retry_max'"
if iscsiadm -m node -T "$IQN" -p "$P1" -o show | grep -q '^node.session.auth.username = multiuser' &&
    iscsiadm -m node -T "$IQN" -p "$P1" -o show | grep -q '^node.conn\[0\].timeo.login_timeout = 7' &&
    iscsiadm -m node -T "$IQN" -p "$P1" -o show | grep -q '^node.session.initial_login_retry_max = 3'; then
    remark "RESULT: YES - every -n/-v pair of the single call was applied."
else
    remark "RESULT: NO - not every -n/-v pair of the single call was applied (see the show output above)."
fi
cap iscsiadm -m node -T "$IQN" -p "$P1" -o update -n node.session.auth.authmethod -v None -n node.no.such.key -v 1
cap iscsiadm -m node -T "$IQN" -p 127.0.0.9:3260 -o update -n node.startup -v manual
cap iscsiadm -m node -T "$IQN" -p "$P1" -o update -n node.session.auth.authmethod -v None

# --- sessions ---------------------------------------------------------------------------------------
topic session-two "two sessions (same target through 127.0.0.1 and 127.0.0.2), session listings"
cap iscsiadm -m node -T "$IQN" -p "$P1" --login
cap iscsiadm -m node -T "$IQN" -p "$P2" --login
udevadm settle -t 30
wait_for 30 '(($(ls /sys/block/dm-*/slaves 2>/dev/null | grep -c "^sd") >= 2))'
cap iscsiadm -m session
cap iscsiadm -m session -P 1
cap iscsiadm -m session -P 3
cap iscsiadm -m node -T "$IQN" -p "$P1" --login
cap iscsiadm -m session -r 1 --rescan

topic multipath "dm-multipath over the two sessions (LUN 1 and LUN 2 of one target => two maps)"
cap multipath -ll
cap multipathd show paths
cap multipathd show maps
cap multipathd show status
cap dmsetup ls
cap dmsetup table
for dm in $(dm_devices); do
    cap ls "/sys/block/$dm/slaves" "/sys/block/$dm/holders"
    cap cat "/sys/block/$dm/dm/name" "/sys/block/$dm/dm/uuid" "/sys/block/$dm/size" "/sys/block/$dm/dev"
done
cap ls -l /dev/mapper /dev/disk/by-id /dev/disk/by-path
for sd in $(sd_devices); do
    cap ls "/sys/block/$sd/holders"
    cap cat "/sys/block/$sd/device/wwid" "/sys/block/$sd/size"
done
cap ls -l /sys/class/iscsi_session/ /sys/class/iscsi_connection/
map=$(cat "/sys/block/$(dm_devices | head -n1)/dm/name")
remark "Flushing a map while a process holds it open:"
sleep 5 <"/dev/mapper/$map" &
holder=$!
sleep 0.5
cap multipath -f "$map"
kill "$holder"; wait "$holder" 2>/dev/null
cap multipath -f "$map"
cap multipath -f no-such-map
cap multipath -ll
cap multipath -F
cap dmsetup ls

topic logout "logout and node delete"
cap iscsiadm -m node -T "$IQN" -p "$P1" --logout
cap iscsiadm -m node -T "$IQN" -p "$P1" --logout
cap iscsiadm -m session
cap iscsiadm -m node -T "$IQN" --logout
cap iscsiadm -m session
cap iscsiadm -m node -T "$IQN" -o delete
cap iscsiadm -m node -T "$IQN" -o delete

# --- CHAP -------------------------------------------------------------------------------------------
topic chap-wrong "login with wrong and with missing CHAP credentials (secret is a throwaway value)"
cap iscsiadm -m node -o new -T "$IQN_CHAP" -p "$P1"
cap iscsiadm -m node -T "$IQN_CHAP" -p "$P1" --login
cap iscsiadm -m node -T "$IQN_CHAP" -p "$P1" -o update -n node.session.auth.authmethod -v CHAP \
    -n node.session.auth.username -v capuser -n node.session.auth.password -v wrong-password
cap iscsiadm -m node -T "$IQN_CHAP" -p "$P1" --login
cap iscsiadm -m node -T "$IQN_CHAP" -p "$P1" -o update -n node.session.auth.password -v capsecret-throwaway
cap iscsiadm -m node -T "$IQN_CHAP" -p "$P1" --login
cap iscsiadm -m node -T "$IQN_CHAP" -p "$P1" --logout
cap iscsiadm -m node -T "$IQN_CHAP" -p "$P1" -o delete

# --- dead portals -----------------------------------------------------------------------------------
topic dead-portal "login and discovery to a refused (127.0.0.1:3261) and a blackholed (127.0.0.3) portal, lowered timeouts"
blackhole_on 127.0.0.3
for p in "$P_REFUSED" "$P3"; do
    cap iscsiadm -m node -o new -T "$IQN" -p "$p"
    cap iscsiadm -m node -T "$IQN" -p "$p" -o update -n node.conn[0].timeo.login_timeout -v 2 \
        -n node.session.initial_login_retry_max -v 0
    cap iscsiadm -m node -T "$IQN" -p "$p" --login
    cap iscsiadm -m node -T "$IQN" -p "$p" -o delete
    cap iscsiadm -m discoverydb -t sendtargets -p "$p" -o new
    cap iscsiadm -m discoverydb -t sendtargets -p "$p" -o update \
        -n discovery.sendtargets.timeo.login_timeout -v 2 -n discovery.sendtargets.reopen_max -v 0
    cap iscsiadm -m discoverydb -t sendtargets -p "$p" --discover
    cap iscsiadm -m discoverydb -t sendtargets -p "$p" -o delete
done
blackhole_off

# --- extend: how to make tgtd report a bigger LUN ------------------------------------------------------
topic extend "growing a LUN on tgtd and seeing the new size on the initiator"
cap iscsiadm -m discovery -t sendtargets -p "$P1"
cap iscsiadm -m node -T "$IQN" -p "$P1" --login
s=$(sessions_for "$IQN" "$P1")
wait_for 20 '[[ -n $(disk_of "$s" 1) ]]'
sd=$(disk_of "$s" 1)
cap cat "/sys/block/$sd/size"
remark "1) truncate the backing file only, then rescan the session:"
cap truncate -s 96M "$(backing 1 1)"
cap iscsiadm -m session -r "${s#session}" --rescan
cap cat "/sys/block/$sd/size"
cap sh -c "tgtadm --lld iscsi --op show --mode target | sed -n '/^Target 1:/,/^Target 2:/p' | grep -E 'LUN|Size'"
remark "2) tgtadm --op update --mode logicalunit (no size parameter exists; does it re-read the file?):"
cap tgtadm --lld iscsi --op update --mode logicalunit --tid 1 --lun 1 --params "vendor_id=TESTBED"
cap sh -c "tgtadm --lld iscsi --op show --mode target | sed -n '/^Target 1:/,/^Target 2:/p' | grep -E 'LUN|Size'"
remark "3) delete the LUN and re-create it on the same (bigger) file while the session is logged in:"
cap tgtadm --lld iscsi --op delete --mode logicalunit --tid 1 --lun 1
cap tgtadm --lld iscsi --op new --mode logicalunit --tid 1 --lun 1 -b "$(backing 1 1)"
cap tgtadm --lld iscsi --op update --mode logicalunit --tid 1 --lun 1 --params "vendor_id=TESTBED,product_id=T1L1,scsi_sn=SN-T1-L1"
cap sh -c "tgtadm --lld iscsi --op show --mode target | sed -n '/^Target 1:/,/^Target 2:/p' | grep -E 'LUN|Size'"
cap iscsiadm -m session -r "${s#session}" --rescan
cap cat "/sys/block/$sd/size" "/sys/block/$sd/device/wwid" "/sys/block/$sd/device/state"
cap sh -c "echo 1 > /sys/block/$sd/device/rescan"
cap cat "/sys/block/$sd/size"
cap blockdev --getsize64 "/dev/$sd"
cap sh -c "dmesg | tail -n 8"
cap iscsiadm -m node -T "$IQN" -p "$P1" --logout
cap iscsiadm -m node -o delete

# --- environment --------------------------------------------------------------------------------------
topic environment "test bed environment"
cap uname -a
cap iscsiadm --version
cap tgtadm --lld iscsi --op show --mode portal
cap ip -4 addr show dev lo
cap nft list ruleset
cap cat /etc/multipath.conf
force_cleanup >/dev/null 2>&1
echo "capture done"
