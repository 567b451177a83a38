#!/bin/bash
# Scenario 0 — the bed proves itself with raw iscsiadm only (no product code): the target answers
# discovery on every portal, a login makes a SCSI disk appear (sysfs and udev's by-path link),
# multipathd builds a map with two paths, data written lands in the target's backing file, and
# logout/flush/delete leave nothing behind. If this fails, every other result is meaningless.
# testbed-timeout: 150
source "$TB_DIR/guest/lib.sh"

IQN=$(iqn bed)
make_target 1 bed && add_lun 1 1 64 || { fail "target setup"; finish; }
pass "target $IQN with a 64 MiB LUN 1"

t0=$(now_ms)
run iscsiadm -m discovery -t sendtargets -p "$P1" && pass "sendtargets discovery on $P1" || fail "discovery on $P1"
run iscsiadm -m discovery -t sendtargets -p "$P2" && pass "sendtargets discovery on $P2" || fail "discovery on $P2"
t_login=$(now_ms)
run iscsiadm -m node -T "$IQN" -p "$P1" --login && pass "login $P1" || fail "login $P1"
metric attach_ms "$(($(now_ms) - t_login))"

s1=$(sessions_for "$IQN" "$P1")
wait_for 20 '[[ -n $(disk_of "$s1" 1) ]]'
d1=$(disk_of "$s1" 1)
[[ -n $d1 ]] && pass "disk /dev/$d1 for $s1 LUN 1 in sysfs" || fail "no disk for $s1 LUN 1"
expect_eq "wwid" "naa.60000000000000000e00000000010001" "$(cat /sys/block/$d1/device/wwid 2>/dev/null)"
udevadm settle -t 30
link=/dev/disk/by-path/ip-$P1-iscsi-$IQN-lun-1
check "udev by-path link $link" test "$(readlink -f "$link")" = "/dev/$d1"
check_io "/dev/$d1" "$(backing 1 1)" 3

run iscsiadm -m node -T "$IQN" -p "$P2" --login && pass "login $P2" || fail "login $P2"
s2=$(sessions_for "$IQN" "$P2")
wait_for 20 '[[ -n $(disk_of "$s2" 1) ]]'
d2=$(disk_of "$s2" 1)
[[ -n $d2 ]] && pass "second path /dev/$d2" || fail "no disk for $s2"

# multipathd (find_multipaths no) builds the map by itself once both paths are there.
wait_for 30 '[[ $(ls /sys/block/dm-*/slaves 2>/dev/null | grep -c "^sd") == 2 ]]' &&
    pass "multipathd built a map over 2 paths" || fail "no dm map with 2 paths"
run multipath -ll
dm=$(dm_devices | head -n1)
map=$(cat /sys/block/$dm/dm/name 2>/dev/null)
check "map $map readable at /dev/mapper/$map" test -b "/dev/mapper/$map"
check_io "/dev/mapper/$map" "$(backing 1 1)" 7
echo "bed attach (2 discoveries + 2 logins + map): $(($(now_ms) - t0)) ms"

t_detach=$(now_ms)
run multipath -f "$map" && pass "multipath -f $map" || fail "flush $map"
run iscsiadm -m node -T "$IQN" -p "$P1" --logout && pass "logout $P1" || fail "logout $P1"
run iscsiadm -m node -T "$IQN" -p "$P2" --logout && pass "logout $P2" || fail "logout $P2"
run iscsiadm -m node -T "$IQN" -o delete && pass "node records deleted" || fail "node delete"
metric detach_ms "$(($(now_ms) - t_detach))"
wait_for 10 '[[ -z $(sd_devices) ]]' && pass "no /sys/block/sd* left" || fail "disks left: $(sd_devices)"

# Facts the product relies on (RECIPE.md), re-proved on every run.
run iscsiadm -m session; expect_eq "'-m session' with nothing there" 21 "$?"
run iscsiadm -m node; expect_eq "'-m node' with nothing there" 21 "$?"
run iscsiadm -m node -T "$IQN" -p "$P1" --logout; expect_eq "logout without a session" 21 "$?"

# Dead portals answer within login_timeout when it is lowered (the bed's blackhole and refused port work).
blackhole_on 127.0.0.3
for p in "$P3" "$P_REFUSED"; do
    iscsiadm -m node -o new -T "$IQN" -p "$p" >/dev/null
    iscsiadm -m node -T "$IQN" -p "$p" -o update -n node.conn[0].timeo.login_timeout -v 2
    iscsiadm -m node -T "$IQN" -p "$p" -o update -n node.session.initial_login_retry_max -v 0
    t=$(now_ms)
    run iscsiadm -m node -T "$IQN" -p "$p" --login
    rc=$?
    expect_eq "login to dead portal $p fails with 8" 8 "$rc"
    expect_le "dead portal $p costs" "$(bound_ms 8000)" "$(($(now_ms) - t))"
    iscsiadm -m node -T "$IQN" -p "$p" -o delete
done
blackhole_off
metric procs "-"
finish
