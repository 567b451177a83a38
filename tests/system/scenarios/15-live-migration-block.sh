#!/bin/bash
# Scenario 15 — a REAL live migration in block mode (spec 003): one backing file behind two targets, A
# (127.0.0.1, LUN 1: the source host's path) and B (127.0.0.2, LUN 2: the destination host's path). The CLI
# attaches the volume through both with the kernel initiator; `device-paths` (from B's connect output) and
# `migrate-xml` (on a source domain XML naming A's by-path link) give the destination path. A nested,
# paused TCG QEMU (-S, no kernel, no NIC: just the disk) runs on A's path, a second one waits with
# -incoming on the path read from the REWRITTEN XML; 64 KiB of 0x5a written through the source disk
# (qemu-io) is read back through the destination disk after `migrate` completed and the source quit.
# Then the source attachment is disconnected (the cleanup after a successful migration), then B's.
# testbed-timeout: 420
source "$TB_DIR/guest/lib.sh"

SERIAL=58a84f6d-3f0c-4e19-a0af-eb657b790657
QMP="python3 $TB_DIR/migration/qmp.py"
# qemu-io -d takes a qdev path with a block backend: for virtio-blk-pci that is the backend child.
VBLK=/machine/peripheral/vd0/virtio-backend
for tool in qemu-system-x86_64 python3 xmllint virt-xml-validate; do
    command -v "$tool" >/dev/null || { fail "$tool is not available in the guest (the host's root): install it on the host"; finish; }
done

IQN_A=$(iqn migration-a)
IQN_B=$(iqn migration-b)
make_target 1 migration-a && add_lun 1 1 64 || { fail "target A setup"; finish; }
# Target B exports the SAME backing file as LUN 2: what a storage array does when it maps one volume to
# the destination host's own target.
make_target 2 migration-b &&
    tgtadm --lld iscsi --op new --mode logicalunit --tid 2 --lun 2 -b "$(backing 1 1)" ||
    { fail "target B setup"; finish; }
conninfo "$TB_TMP/ci-a.json" --arg target_portal "$P1" --arg target_iqn "$IQN_A" --argjson target_lun 1 --arg volume_id "$SERIAL"
conninfo "$TB_TMP/ci-b.json" --arg target_portal "$P2" --arg target_iqn "$IQN_B" --argjson target_lun 2 --arg volume_id "$SERIAL"

# --- the source host's attachment, and the destination host's (pre-migration) ---------------------
cli src connect --connection-info "$TB_TMP/ci-a.json"
expect_rc "connect through target A (source path)" 0
attach_metrics src
cli dst connect --connection-info "$TB_TMP/ci-b.json"
expect_rc "connect through target B (destination path)" 0
# udev's by-path links: the names a libvirt domain uses, and what the map must hand the source host.
SRC_PATH=$(json src '.by_path')
DST_BYPATH=$(json dst '.by_path')
expect_eq "the source attachment's by_path" "/dev/disk/by-path/ip-$P1-iscsi-$IQN_A-lun-1" "$SRC_PATH"
expect_eq "the destination attachment's by_path" "/dev/disk/by-path/ip-$P2-iscsi-$IQN_B-lun-2" "$DST_BYPATH"
[[ -b $(readlink -f "$SRC_PATH") && -b $(readlink -f "$DST_BYPATH") ]] || { fail "no block devices: '$SRC_PATH' '$DST_BYPATH'"; finish; }
pass "source path $SRC_PATH ($(readlink -f "$SRC_PATH")), destination path $DST_BYPATH ($(readlink -f "$DST_BYPATH"))"

cli map device-paths --attachment "$SERIAL=$TB_TMP/dst.out"
expect_rc device-paths 0
expect_eq "device_path of the serial is B's by-path link" "$DST_BYPATH" "$(json map ".device_path[\"$SERIAL\"]")"
cp "$TB_TMP/map.out" "$TB_TMP/map.json"

# --- the source domain XML and its rewrite ---------------------------------------------------------
cat >"$TB_TMP/source.xml" <<XML
<domain type='kvm'>
  <name>instance-00000015</name>
  <memory unit='KiB'>32768</memory>
  <os>
    <type arch='x86_64' machine='pc'>hvm</type>
  </os>
  <devices>
    <disk type='block' device='disk'>
      <driver name='qemu' type='raw' cache='none' io='native'/>
      <source dev='$SRC_PATH'/>
      <target dev='vdb' bus='virtio'/>
      <serial>$SERIAL</serial>
    </disk>
  </devices>
</domain>
XML
cli rewrite migrate-xml --domain-xml "$TB_TMP/source.xml" --device-paths "$TB_TMP/map.json" --output "$TB_TMP/dest.xml"
expect_rc migrate-xml 0
for f in source dest; do
    check "$f.xml validates against libvirt's domain schema" virt-xml-validate "$TB_TMP/$f.xml" domain
done
NEW_PATH=$(xmllint --xpath "string(/domain/devices/disk[serial='$SERIAL']/source/@dev)" "$TB_TMP/dest.xml")
expect_eq "the rewritten XML's source dev" "$DST_BYPATH" "$NEW_PATH"

# --- nested QEMU: migrate a paused VM from the source path to the rewritten destination path --------
# cache.direct: the two paths are two kernel block devices over one LUN file; O_DIRECT keeps either
# side's page cache out of the way, as libvirt's cache='none' does.
qemu_vm() { # NAME PATH ARGS…
    local name=$1 path=$2; shift 2
    qemu-system-x86_64 -S -nodefaults -nic none -machine pc,accel=tcg -m 32 -display none -monitor none -serial none \
        -blockdev "{\"driver\":\"host_device\",\"filename\":\"$path\",\"node-name\":\"vol\",\"cache\":{\"direct\":true}}" \
        -device virtio-blk-pci,drive=vol,id=vd0 -qmp "unix:$TB_TMP/$name.qmp,server=on,wait=off" "$@" \
        >"$TB_TMP/$name.qemu.out" 2>"$TB_TMP/$name.qemu.err" &
}
# HMP reports errors as text: anything but an empty reply fails the check.
hmp() {
    local reply
    reply=$($QMP "$1" human-monitor-command "$(jq -cn --arg c "$2" '{"command-line": $c}')")
    [[ $reply == '""' ]] || fail "monitor command '$2' answered $reply"
}
seen() { wait_for "$3" "grep -qF -- '$2' '$1'"; }

t0=$(now_ms)
qemu_vm src "$SRC_PATH"; SRC_QEMU=$!
qemu_vm dst "$NEW_PATH" -incoming tcp:127.0.0.1:4444; DST_QEMU=$!
if ! wait_for 120 "[[ -S $TB_TMP/src.qmp && -S $TB_TMP/dst.qmp ]]"; then
    fail "nested QEMU did not start: $(cat "$TB_TMP"/src.qemu.err "$TB_TMP"/dst.qemu.err | tr '\n' ' ')"
else
    note "nested QEMUs up in $(($(now_ms) - t0)) ms"
    hmp "$TB_TMP/src.qmp" "qemu-io -d $VBLK \"write -P 0x5a 0 64k\""
    seen "$TB_TMP/src.qemu.out" "wrote 65536/65536 bytes at offset 0" 60 && pass "64 KiB of 0x5a written through the source disk"
    expect_eq "the write reached the LUN's backing file" 5a "$(od -An -tx1 -N1 "$(backing 1 1)" | tr -d ' ')"
    t1=$(now_ms)
    $QMP "$TB_TMP/src.qmp" migrate '{"uri": "tcp:127.0.0.1:4444"}' >/dev/null
    wait_for 180 "[[ \$($QMP $TB_TMP/src.qmp query-migrate | jq -r .status) =~ ^(completed|failed|cancelled)\$ ]]"
    expect_eq "migration status" completed "$($QMP "$TB_TMP/src.qmp" query-migrate | jq -r .status)"
    note "migration took $(($(now_ms) - t1)) ms (nested TCG)"
    $QMP "$TB_TMP/src.qmp" quit >/dev/null; wait "$SRC_QEMU" 2>/dev/null
    hmp "$TB_TMP/dst.qmp" "qemu-io -d $VBLK \"read -P 0x5a 0 64k\""
    if seen "$TB_TMP/dst.qemu.out" "read 65536/65536 bytes at offset 0" 60 && ! grep -q "Pattern verification failed" "$TB_TMP/dst.qemu.out"; then
        pass "0x5a read back through the destination disk ($NEW_PATH) after the migration"
    else
        fail "the destination did not read the pattern back: $(tr '\n' ' ' <"$TB_TMP/dst.qemu.out")"
    fi
    hmp "$TB_TMP/dst.qmp" "qemu-io -d $VBLK \"read -P 0x00 0 64k\""
    seen "$TB_TMP/dst.qemu.out" "Pattern verification failed" 60 && pass "control: a wrong pattern is reported"
    $QMP "$TB_TMP/dst.qmp" quit >/dev/null
fi
kill "$SRC_QEMU" "$DST_QEMU" 2>/dev/null; wait "$SRC_QEMU" "$DST_QEMU" 2>/dev/null

# --- cleanup after success: the source attachment first, then (end of the test) the destination's ---
cli dsrc disconnect --connection-info "$TB_TMP/ci-a.json" --device-info "$TB_TMP/src.out"
expect_rc "disconnect the source attachment" 0
expect_eq "sessions to target A after its disconnect" 0 "$(sessions_for "$IQN_A" | grep -c .)"
expect_eq "the destination's session is untouched" 1 "$(sessions_for "$IQN_B" "$P2" | grep -c .)"
cli ddst disconnect --connection-info "$TB_TMP/ci-b.json" --device-info "$TB_TMP/dst.out"
expect_rc "disconnect the destination attachment" 0
metric detach_ms "$CLI_MS"
expect_eq "sessions at the end" 0 "$(session_count)"
finish
