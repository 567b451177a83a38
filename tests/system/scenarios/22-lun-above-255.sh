#!/bin/bash
# Scenario 22 — issue 12, LUNs above 255 on the real kernel: tgtd reports LUN 300 with SAM flat space addressing, so the
# kernel numbers it 16684 and udev names it lun-0x412c000000000000. The target also has LUN 44 — what a scan of "300"
# (peripheral addressing keeps the low byte) would reach. Attach, I/O, by-path link, extend and detach of LUN 300.
source "$TB_DIR/guest/lib.sh"

IQN=$(iqn highlun)
make_target 1 highlun && add_lun 1 44 16 && add_lun 1 300 64 || { fail "target setup"; finish; }
conninfo "$TB_TMP/ci.json" --arg target_portal "$P1" --arg target_iqn "$IQN" --argjson target_lun 300

cli connect connect --connection-info "$TB_TMP/ci.json" --verbose
expect_rc connect 0
expect_device connect
expect_eq "the kernel's LUN number of the device" 16684 "$(json connect '.devices[0].hctl' | cut -d: -f4)"
expect_eq "the device is LUN 300 (tgtd's product id), not LUN 44" T1L300 "$(tr -d ' ' <"/sys/block/$(basename "$DEVNODE")/device/model")"
expect_eq "only LUN 300 was scanned" 1 "$(sd_devices | grep -c .)"
link=/dev/disk/by-path/ip-$P1-iscsi-$IQN-lun-0x412c000000000000
wait_for 10 "[[ -L $link ]]"
check "udev's by-path link $link is the device" test "$(readlink -f "$link")" = "$DEVNODE"
by_path=$(json connect '.by_path // empty')
check "connect's by_path is udev's link (or absent: udev was late)" test -z "$by_path" -o "$by_path" = "$link"
[[ -n $DEVNODE ]] && check_io "$DEV" "$(backing 1 300)" 20

check "LUN 300 grown to 96 MiB on the target" grow_lun 1 300 96
cli extend extend --connection-info "$TB_TMP/ci.json" --verbose
expect_rc extend 0
expect_eq "extend's size_bytes" $((96 << 20)) "$(json extend '.size_bytes')"
expect_eq "device size after extend" $((96 << 20)) "$(size_bytes "$DEVNODE")"

disconnect_clean connect
finish
