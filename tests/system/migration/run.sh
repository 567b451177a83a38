#!/usr/bin/env bash
# A REAL live migration in libiscsi mode (spec 003), on this host's loopback, in seconds:
#   tgtd exports ONE backing file through two targets: "source" (127.0.0.1, LUN 1, no CHAP) and
#   "destination" (127.0.0.2, LUN 5, CHAP). A paused TCG QEMU (-S, no NIC, -nodefaults) runs a virtio-blk
#   disk from the source target through QEMU's libiscsi; a second QEMU waits with -incoming, its disk made
#   ONLY from what the library (the CLI's `libiscsi` command) produced for the destination target.
#   Data written through the source disk (qemu-io) is read back through the destination disk after
#   `migrate` completed and the source QEMU is gone. The source domain XML is rewritten with the CLI's
#   `device-paths` + `migrate-xml` and must validate against libvirt's schema and name the same target.
# Two runs: (1) -blockdev JSON with CHAP; (2) the iscsi:// URL through the failover path: the first
# destination portal (127.0.0.3) refuses, the library must choose 127.0.0.2.
#
# usage: tests/system/migration/run.sh        (after `dotnet build -c Release`; test.sh runs it as a stage)
# Environment: CI=true makes missing prerequisites a failure instead of "SKIPPED";
#   MIGRATION_TGT_CONTROL_PORT (default 24911), MIGRATION_ISCSI_PORT (23261), MIGRATION_QEMU_PORT (24444);
#   ISCSI_CONNECTOR_CLI: a command to run instead of `dotnet samples/.../Release/net10.0/iscsi-connector.dll`.
set -euo pipefail

main() {
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../../.." && pwd)
control_port=${MIGRATION_TGT_CONTROL_PORT:-24911}
port=${MIGRATION_ISCSI_PORT:-23261}
qemu_port=${MIGRATION_QEMU_PORT:-24444}
started=$(date +%s%N)

say() { echo "migration: $*"; }
skip() {
    if [[ ${CI:-} == true ]]; then echo "FAILED: the live-migration test cannot run in CI: $*" >&2; exit 1; fi
    echo "SKIPPED: $*"; exit 0
}
failures=0
pass() { echo "CHECK PASS: $*"; }
fail() { echo "CHECK FAIL: $*"; failures=$((failures + 1)); }
expect_eq() { if [[ $2 == "$3" ]]; then pass "$1 ($3)"; else fail "$1: expected '$2', got '$3'"; fi; }

# --- prerequisites --------------------------------------------------------------------------------
[[ $(uname -s) == Linux ]] || skip "needs Linux"
[[ $(id -u) == 0 ]] || skip "tgtd needs root"
for tool in qemu-system-x86_64 tgtd tgtadm jq python3 virt-xml-validate xmllint; do
    command -v "$tool" >/dev/null || skip "$tool not found (tests/system/migration/packages.sh installs it)"
done
compgen -G "/usr/lib/x86_64-linux-gnu/qemu/block-iscsi.so" >/dev/null ||
    qemu-system-x86_64 -blockdev driver=iscsi,help 2>&1 | grep -q portal ||
    skip "QEMU has no libiscsi block driver (install qemu-block-extra)"
if [[ -n ${ISCSI_CONNECTOR_CLI:-} ]]; then
    read -r -a cli_cmd <<<"$ISCSI_CONNECTOR_CLI"
else
    dll="$repo/src/IscsiConnector.Cli/bin/Release/net10.0/iscsi-connector.dll"
    [[ -f $dll ]] || skip "the CLI is not built ($dll); run dotnet build -c Release first"
    cli_cmd=(dotnet "$dll")
fi
for p in "$control_port" "$port" "$qemu_port"; do
    ! ss -Hltn "sport = :$p" | grep -q . || skip "port $p is in use (set MIGRATION_TGT_CONTROL_PORT / MIGRATION_ISCSI_PORT / MIGRATION_QEMU_PORT)"
done

work=$(mktemp -d /tmp/iscsi-migration.XXXXXX)
tgtd_pid="" qemu_pids=()
trap cleanup EXIT
cli() { "${cli_cmd[@]}" "$@"; }
tgt() { tgtadm -C "$control_port" --lld iscsi "$@"; }

# --- target: one backing file, two targets --------------------------------------------------------
src_iqn=iqn.2026-11.test.migration:source
dst_iqn=iqn.2026-11.test.migration:destination
chap_user=miguser
chap_password=migration-secret-42
truncate -s 64M "$work/volume.img"
tgtd -f -C "$control_port" --iscsi "portal=127.0.0.1:$port" >"$work/tgtd.log" 2>&1 &
tgtd_pid=$!
for _ in $(seq 50); do tgt --op show --mode sys >/dev/null 2>&1 && break; sleep 0.1; done
tgt --op new --mode portal --param "portal=127.0.0.2:$port"
tgt --op new --mode target --tid 1 -T "$src_iqn"
tgt --op bind --mode target --tid 1 -I ALL
tgt --op new --mode logicalunit --tid 1 --lun 1 -b "$work/volume.img"
tgt --op new --mode target --tid 2 -T "$dst_iqn"
tgt --op bind --mode target --tid 2 -I ALL
tgt --op new --mode logicalunit --tid 2 --lun 5 -b "$work/volume.img"
tgt --op new --mode account --user "$chap_user" --password "$chap_password"
tgt --op bind --mode account --tid 2 --user "$chap_user"
say "tgtd (control port $control_port): $src_iqn lun 1 on 127.0.0.1:$port, $dst_iqn lun 5 (CHAP) on 127.0.0.2:$port, one backing file"

serial=58a84f6d-3f0c-4e19-a0af-eb657b790657
# qemu-io -d takes a qdev path with a block backend: for virtio-blk-pci that is the backend child, not vd0.
VBLK=/machine/peripheral/vd0/virtio-backend
conninfo() { # FILE PORTAL IQN LUN [jq args…]
    local out=$1 portal=$2 iqn=$3 lun=$4; shift 4
    jq -n --arg p "$portal" --arg q "$iqn" --argjson l "$lun" --arg v "$serial" "$@" \
        '{driver_volume_type: "iscsi", data: ({target_portal: $p, target_iqn: $q, target_lun: $l, volume_id: $v} + $ARGS.named)}' >"$out"
}
conninfo "$work/src.json" "127.0.0.1:$port" "$src_iqn" 1
conninfo "$work/dst.json" "127.0.0.2:$port" "$dst_iqn" 5 --arg auth_method CHAP --arg auth_username "$chap_user" --arg auth_password "$chap_password"
# Failover: the primary 127.0.0.3 refuses (nothing listens there), the alternative is the destination portal.
conninfo "$work/dst-failover.json" "127.0.0.3:$port" "$dst_iqn" 5 --arg auth_method CHAP --arg auth_username "$chap_user" --arg auth_password "$chap_password" \
    --argjson target_alternative_portals "[\"127.0.0.2:$port\"]" --argjson target_alternative_iqns "[\"$dst_iqn\"]" --argjson target_alternative_luns '[5]'

# The QEMU secret object gets the CHAP password from a 0600 file, never from a command line.
install -m 600 /dev/null "$work/chap.secret"
printf '%s' "$chap_password" >"$work/chap.secret"

# The source QEMU's disk, from the library too (each dotnet start costs seconds under load: once for both runs).
cli libiscsi --connection-info "$work/src.json" --node-name vol --no-probe >"$work/src-lib.json"

migrate_once 1 blockdev "$work/dst.json" 0
migrate_once 2 url "$work/dst-failover.json" 1

ms=$((($(date +%s%N) - started) / 1000000))
if ((failures)); then echo "FAILED: $failures check(s) failed" >&2; exit 1; fi
say "all checks passed in $((ms / 1000)).$((ms % 1000 / 100)) s"
}

# migrate_once RUN MODE DST_CONNECTION_INFO OFFSET_MIB : one source QEMU, one destination QEMU, one migration.
migrate_once() {
    local run=$1 mode=$2 dst_info=$3 offset=$(($4 * 1048576)) dir="$work/run$1"
    local pattern=0x5a
    mkdir -p "$dir"
    say "run $run: destination disk from the library's ${mode}, $(jq -r .data.target_portal "$dst_info") first"

    # What the library makes of the destination's connection_info (TCP probe only, no login on this host).
    cp "$work/src-lib.json" "$dir/src-lib.json"
    cli libiscsi --connection-info "$dst_info" --node-name vol --probe-timeout 1 \
        --initiator-name "iqn.2026-11.test.migration:dst-host-$run" >"$dir/dst-lib.json"
    expect_eq "run $run: destination portal chosen" "127.0.0.2:$port" "$(jq -r .portal "$dir/dst-lib.json")"
    if [[ $mode == url ]]; then
        expect_eq "run $run: the dead first portal was probed and refused" "127.0.0.3:$port=false" \
            "$(jq -r '.portals[0] | "\(.portal)=\(.reachable)"' "$dir/dst-lib.json")"
    fi
    if grep -q -- "$chap_password" "$dir/dst-lib.json"; then fail "run $run: the CHAP password is in the libiscsi output"; fi

    # The orchestrator's side: source domain XML (the library's own disk for the source target), the
    # destination map from the destination's libiscsi output, the rewrite; libvirt's schema must accept both.
    jq -r .disk_xml "$dir/src-lib.json" | domain_xml >"$dir/source-domain.xml"
    cli device-paths --libiscsi "$serial=$dir/dst-lib.json" >"$dir/map.json"
    cli migrate-xml --domain-xml "$dir/source-domain.xml" --device-paths "$dir/map.json" --output "$dir/destination-domain.xml" >"$dir/rewrite.json"
    for xml in source-domain destination-domain; do
        if virt-xml-validate "$dir/$xml.xml" domain >"$dir/$xml.validate" 2>&1; then pass "run $run: $xml.xml validates against libvirt's domain schema"
        else fail "run $run: $xml.xml does not validate: $(cat "$dir/$xml.validate")"; fi
    done
    expect_eq "run $run: rewritten disk names the destination target" "$dst_iqn/5 on 127.0.0.2:$port" "$(jq -r '.disks[0].new_source' "$dir/rewrite.json")"

    # QEMU: the source disk from the source target; the destination's exactly as the library produced it.
    local src_qmp="$dir/src.qmp" dst_qmp="$dir/dst.qmp" dst_disk
    start_qemu src "$dir" -blockdev "$(jq -c .blockdev "$dir/src-lib.json")" -device virtio-blk-pci,drive=vol,id=vd0
    if [[ $mode == blockdev ]]; then
        dst_disk=(-blockdev "$(jq -c .blockdev "$dir/dst-lib.json")")
    else
        dst_disk=(-drive "$(jq -r .drive "$dir/dst-lib.json"),if=none,id=vol")
        expect_eq "run $run: the -drive options are the URL with the user and secret beside it" \
            "file=iscsi://127.0.0.2:$port/$dst_iqn/5,file.user=$chap_user,file.password-secret=iscsi-chap0,file.initiator-name=iqn.2026-11.test.migration:dst-host-$run,format=raw" \
            "$(jq -r .drive "$dir/dst-lib.json")"
    fi
    start_qemu dst "$dir" -object "secret,id=$(jq -r .password_secret "$dir/dst-lib.json"),file=$work/chap.secret" \
        "${dst_disk[@]}" -device virtio-blk-pci,drive=vol,id=vd0 -incoming "tcp:127.0.0.1:$qemu_port"

    hmp "$src_qmp" "qemu-io -d $VBLK \"write -P $pattern $offset 64k\""
    wait_line "$dir/src.out" "wrote 65536/65536 bytes at offset $offset" || fail "run $run: the write through the source disk did not complete"
    expect_eq "run $run: the write reached the backing file (byte at ${offset})" 5a "$(od -An -tx1 -j "$offset" -N1 "$work/volume.img" | tr -d ' ')"

    local t0 status
    t0=$(date +%s%N)
    "$here/qmp.py" "$src_qmp" migrate "{\"uri\": \"tcp:127.0.0.1:$qemu_port\"}" >/dev/null
    for _ in $(seq 300); do
        status=$("$here/qmp.py" "$src_qmp" query-migrate | jq -r .status)
        [[ $status == completed || $status == failed || $status == cancelled ]] && break
        sleep 0.1
    done
    expect_eq "run $run: migration status" completed "$status"
    say "run $run: migrated in $((($(date +%s%N) - t0) / 1000000)) ms"
    expect_eq "run $run: source QEMU after migration" postmigrate "$("$here/qmp.py" "$src_qmp" query-status | jq -r .status)"
    # The source goes away (and logs out of the source target) before the destination reads.
    "$here/qmp.py" "$src_qmp" quit >/dev/null || true
    wait "${qemu_pids[@]: -2:1}" 2>/dev/null || true
    for _ in $(seq 30); do (($(nexus_count 1) == 0)) && break; sleep 0.1; done
    expect_eq "run $run: sessions on the source target after the source QEMU quit" 0 "$(nexus_count 1)"
    expect_eq "run $run: sessions on the destination target" 1 "$(nexus_count 2)"

    hmp "$dst_qmp" "qemu-io -d $VBLK \"read -P $pattern $offset 64k\""
    if wait_line "$dir/dst.out" "read 65536/65536 bytes at offset $offset" && ! grep -q "Pattern verification failed" "$dir/dst.out"; then
        pass "run $run: 64 KiB of $pattern written through the source disk read back through the destination disk"
    else
        fail "run $run: the destination did not read back the pattern: $(tr '\n' ' ' <"$dir/dst.out")"
    fi
    # The check can fail: a wrong pattern at the same place must be reported.
    hmp "$dst_qmp" "qemu-io -d $VBLK \"read -P 0x00 $offset 64k\""
    if wait_line "$dir/dst.out" "Pattern verification failed"; then pass "run $run: control read with a wrong pattern fails"
    else fail "run $run: a read with a wrong pattern was not reported"; fi
    "$here/qmp.py" "$dst_qmp" quit >/dev/null || true
    wait "${qemu_pids[@]: -2}" 2>/dev/null || true
}

# The smallest domain libvirt's schema accepts around one disk (read from standard input).
domain_xml() {
    printf "<domain type='kvm'>\n  <name>migration-test</name>\n  <memory unit='KiB'>65536</memory>\n  <os>\n    <type arch='x86_64' machine='pc'>hvm</type>\n  </os>\n  <devices>\n"
    sed 's/^/    /'
    printf "\n  </devices>\n</domain>\n"
}

# start_qemu NAME DIR ARGS… : paused (-S), TCG, no NIC, no default devices; qemu-io output lands in NAME.out.
start_qemu() {
    local name=$1 dir=$2; shift 2
    qemu-system-x86_64 -S -nodefaults -nic none -machine pc,accel=tcg -m 32 -display none -monitor none -serial none \
        -qmp "unix:$dir/$name.qmp,server=on,wait=off" "$@" >"$dir/$name.out" 2>"$dir/$name.err" &
    qemu_pids+=($!)
    for _ in $(seq 100); do [[ -S $dir/$name.qmp ]] && return 0; sleep 0.1; done
    fail "QEMU $name did not start: $(cat "$dir/$name.err")"
    return 1
}

# hmp QMP COMMAND-LINE : a monitor command; HMP reports errors as text, which fails the check.
hmp() {
    local reply
    reply=$("$here/qmp.py" "$1" human-monitor-command "$(jq -cn --arg c "$2" '{"command-line": $c}')")
    [[ $reply == '""' ]] || fail "monitor command '$2' answered $reply"
}

# wait_line FILE TEXT : QEMU prints qemu-io results on its standard output, a moment after the command returns.
wait_line() { for _ in $(seq 50); do grep -qF -- "$2" "$1" && return 0; sleep 0.1; done; return 1; }

# nexus_count TID : initiators logged in to a target (tgtadm's I_T nexus list).
nexus_count() {
    tgt --op show --mode target | awk -v t="Target $1:" '$0 ~ /^Target / {on = index($0, t) == 1} on && /I_T nexus: / {n++} END {print n + 0}'
}

cleanup() {
    local pid
    for pid in "${qemu_pids[@]}"; do kill "$pid" 2>/dev/null || true; done
    if [[ -n $tgtd_pid ]]; then
        tgt --op delete --mode target --tid 1 --force >/dev/null 2>&1 || true
        tgt --op delete --mode target --tid 2 --force >/dev/null 2>&1 || true
        tgtadm -C "$control_port" --op delete --mode system >/dev/null 2>&1 || true
        sleep 0.2
        kill "$tgtd_pid" 2>/dev/null || true
    fi
    wait 2>/dev/null || true
    if ((failures)) || [[ -n ${keep:-} ]]; then echo "migration: work dir kept: $work"; else rm -rf "$work"; fi
}

main "$@"
