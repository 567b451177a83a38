# Helper library for the test bed's guest side (sourced by guest/init.sh and by every scenario).
# Everything here runs inside the QEMU guest, as root, against the guest's own loopback only.
#
# Conventions for scenarios:
#   - a scenario is a bash script; it exits 0 when every check passed, non-zero otherwise
#     (`check`/`expect_*` print "CHECK PASS/FAIL" lines and remember failures; `finish` exits);
#   - `cli NAME args…` runs the product's CLI and leaves stdout/stderr/exit code/time/process count;
#   - `metric attach_ms N`, `metric detach_ms N`, `metric procs N`, `note TEXT` feed the results table.
# After each scenario the runner checks for leaks and cleans up forcibly (see leak_check, force_cleanup).

TB_DIR=${TB_DIR:-/mnt/share/system}
TB_SHARE=${TB_SHARE:-/mnt/share}
TB_TMP=${TB_TMP:-/tmp/tb}
mkdir -p "$TB_TMP"

# Portals. 127.0.0.3 can be blackholed with nft; nothing listens on port 3261 (refused).
P1=127.0.0.1:3260
P2=127.0.0.2:3260
P3=127.0.0.3:3260
P_REFUSED=127.0.0.1:3261
IQN_PREFIX=iqn.2024-01.test.testbed

TB_FAILED=${TB_FAILED:-0}

now_ms() { date +%s%3N; }
log() { echo "[$(cut -d' ' -f1 /proc/uptime)] $*"; }

# --- checks -------------------------------------------------------------------------------------

pass() { echo "CHECK PASS: $*"; }
fail() { echo "CHECK FAIL: $*"; TB_FAILED=1; }

# check DESCRIPTION COMMAND… : runs the command; pass when it exits 0.
check() {
    local what=$1; shift
    if "$@"; then pass "$what"; else fail "$what (command: $*)"; fi
}

# expect_eq DESCRIPTION EXPECTED ACTUAL
expect_eq() {
    if [[ $2 == "$3" ]]; then pass "$1 ($3)"; else fail "$1: expected '$2', got '$3'"; fi
}

# expect_le DESCRIPTION LIMIT VALUE (integers)
expect_le() {
    if [[ $3 =~ ^[0-9]+$ ]] && (($3 <= $2)); then pass "$1 ($3 <= $2)"; else fail "$1: '$3' is not <= $2"; fi
}

finish() { exit "$TB_FAILED"; }

# bound_ms MS : a time bound, stretched by TESTBED_TIME_FACTOR on a slow or busy host.
bound_ms() { echo $(($1 * ${TIME_FACTOR:-1})); }

# Metrics and notes for the results table (the runner reads $TB_METRICS after the scenario).
metric() { echo "$1=$2" >>"${TB_METRICS:-/dev/null}"; }
note() { echo "note=$*" >>"${TB_METRICS:-/dev/null}"; echo "NOTE: $*"; }

# run: print a command, run it, print its exit code and duration (keeps logs readable).
run() {
    local t0 rc
    echo "\$ $*"
    t0=$(now_ms)
    "$@"
    rc=$?
    echo "[rc=$rc, $(($(now_ms) - t0)) ms]"
    return $rc
}

# wait_for SECONDS 'CONDITION' : polls every 0.2 s until the shell condition holds; 1 on timeout.
# The condition is one quoted string, evaluated afresh on every poll (a "$(…)" in plain arguments
# would be expanded only once, before the first poll).
wait_for() {
    local deadline=$(($(now_ms) + $1 * 1000))
    until eval "$2" 2>/dev/null; do
        (($(now_ms) < deadline)) || return 1
        sleep 0.2
    done
}

# --- target side (tgtd) -------------------------------------------------------------------------

# make_target TID NAME : target iqn.2024-01.test.testbed:NAME open to every initiator.
make_target() {
    tgtadm --lld iscsi --op new --mode target --tid "$1" -T "$IQN_PREFIX:$2" &&
        tgtadm --lld iscsi --op bind --mode target --tid "$1" -I ALL
}

iqn() { echo "$IQN_PREFIX:$1"; }

# backing TID LUN : path of the file behind a LUN.
backing() { echo "$TB_TMP/t$1-l$2.img"; }

# add_lun TID LUN SIZE_MB : a sparse file-backed disk LUN; the serial makes `lsblk` output readable.
add_lun() {
    local f
    f=$(backing "$1" "$2")
    truncate -s "${3}M" "$f" &&
        tgtadm --lld iscsi --op new --mode logicalunit --tid "$1" --lun "$2" -b "$f" &&
        tgtadm --lld iscsi --op update --mode logicalunit --tid "$1" --lun "$2" \
            --params "vendor_id=TESTBED,product_id=T$1L$2,scsi_sn=SN-T$1-L$2"
}

# add_chap TID USER PASSWORD : only initiators that log in with these credentials get in.
add_chap() {
    tgtadm --lld iscsi --op new --mode account --user "$2" --password "$3" &&
        tgtadm --lld iscsi --op bind --mode account --tid "$1" --user "$2"
}

# blackhole_on ADDR / blackhole_off : silently drop every packet to ADDR (connect hangs).
blackhole_on() { nft add rule inet testbed input ip daddr "$1" drop; }
blackhole_off() { nft flush chain inet testbed input; }

# --- connection_info ----------------------------------------------------------------------------

# conninfo FILE JQ-ARGS… : writes {"driver_volume_type":"iscsi","data":{…}} where data is built by jq
# from named arguments, e.g. conninfo ci.json --arg target_portal "$P1" --arg target_iqn "$(iqn d1)" --argjson target_lun 1
conninfo() {
    local out=$1; shift
    jq -n "$@" '{driver_volume_type: "iscsi", data: $ARGS.named}' >"$out"
}

# --- the product's CLI --------------------------------------------------------------------------

# How to start the CLI: `dotnet iscsi-connector.dll`, or TESTBED_CLI (an executable path given to
# run.sh, e.g. a native build) instead. Started directly, so $! is the CLI's own pid.
if [[ -n ${CLI_CMD:-} ]]; then CLI=("$CLI_CMD"); else CLI=(dotnet "${CLI_DLL:-}"); fi

# cli NAME ARGS… : runs `dotnet iscsi-connector.dll ARGS…`, sets CLI_RC and CLI_MS and leaves
# $TB_TMP/NAME.out (stdout), NAME.err (stderr), NAME.procs (one line per process the CLI started,
# written by the counting wrappers, see guest/count-wrapper.sh).
cli() {
    local name=$1; shift
    local t0
    : >"$TB_TMP/$name.procs"
    echo "\$ iscsi-connector $*"
    t0=$(now_ms)
    TESTBED_PROC_LOG="$TB_TMP/$name.procs" "${CLI[@]}" "$@" >"$TB_TMP/$name.out" 2>"$TB_TMP/$name.err"
    CLI_RC=$?
    CLI_MS=$(($(now_ms) - t0))
    echo "[rc=$CLI_RC, $CLI_MS ms wall, $(procs "$name") process starts]"
    sed 's/^/  stdout: /' "$TB_TMP/$name.out" | head -c 4000
    sed 's/^/  stderr: /' "$TB_TMP/$name.err" | head -n 60
    return 0
}

# cli_bg NAME ARGS… : like cli, in the background; CLI_PID is dotnet's own pid (for kill -9).
cli_bg() {
    local name=$1; shift
    : >"$TB_TMP/$name.procs"
    echo "\$ iscsi-connector $* &"
    TESTBED_PROC_LOG="$TB_TMP/$name.procs" "${CLI[@]}" "$@" >"$TB_TMP/$name.out" 2>"$TB_TMP/$name.err" &
    CLI_PID=$!
}

# out NAME / err NAME : the captured streams.  json NAME FILTER : jq over stdout.
out() { cat "$TB_TMP/$1.out"; }
err() { cat "$TB_TMP/$1.err"; }
json() { jq -r "$2" "$TB_TMP/$1.out"; }
procs() { wc -l <"$TB_TMP/$1.procs" | tr -d ' '; }

# attach_metrics NAME : the connect's wall time ("JSON elapsed_ms" in brackets) and process count.
attach_metrics() {
    local inner
    inner=$(json "$1" '.elapsed_ms // empty' 2>/dev/null)
    metric attach_ms "$CLI_MS${inner:+ ($inner)}"
    metric procs "$(procs "$1")"
}

# --- host-side facts (sysfs) --------------------------------------------------------------------

session_count() { compgen -G '/sys/class/iscsi_session/session*' | wc -l; }
sd_devices() { for d in /sys/block/sd*; do [[ -e $d ]] && basename "$d"; done; }
dm_devices() { for d in /sys/block/dm-*; do [[ -e $d ]] && basename "$d"; done; }

# sessions_for IQN [PORTAL] : session names (sessionN) logged in to IQN (at PORTAL).
sessions_for() {
    local s addr port
    for s in /sys/class/iscsi_session/session*; do
        [[ -e $s ]] || continue
        [[ $(cat "$s/targetname") == "$1" ]] || continue
        if [[ -n ${2:-} ]]; then
            addr=$(cat /sys/class/iscsi_connection/connection${s##*session}:0/persistent_address 2>/dev/null)
            port=$(cat /sys/class/iscsi_connection/connection${s##*session}:0/persistent_port 2>/dev/null)
            [[ "$addr:$port" == "$2" ]] || continue
        fi
        basename "$s"
    done
}

# disk_of SESSION LUN : sdX behind a session's LUN (empty until the kernel has scanned it).
disk_of() {
    local d
    for d in /sys/class/iscsi_session/"$1"/device/target*/*:*:*:"$2"/block/*; do
        [[ -e $d ]] && basename "$d"
    done
}

# slaves_of DEV : sd devices under a dm device (dm-N or /dev/mapper/name or /dev/dm-N).
slaves_of() {
    local dm
    dm=$(basename "$(readlink -f "$1")")
    ls "/sys/block/$dm/slaves" 2>/dev/null
}

size_bytes() { echo $(($(cat "/sys/block/$(basename "$(readlink -f "$1")")/size") * 512)); }

# --- data integrity -----------------------------------------------------------------------------

# check_io DEVICE BACKING_FILE OFFSET_MIB : writes 1 MiB of random data at OFFSET through DEVICE
# (O_DIRECT, fsync), reads it back through DEVICE and compares it with the target's backing file.
check_io() {
    local dev=$1 file=$2 off=$3
    head -c 1048576 /dev/urandom >"$TB_TMP/pattern"
    if ! dd if="$TB_TMP/pattern" of="$dev" bs=1M seek="$off" count=1 oflag=direct conv=fsync,notrunc status=none; then
        fail "write 1 MiB at ${off} MiB through $dev"; return 1
    fi
    dd if="$dev" of="$TB_TMP/readback" bs=1M skip="$off" count=1 iflag=direct status=none
    if ! cmp -s "$TB_TMP/pattern" "$TB_TMP/readback"; then
        fail "data read back through $dev differs from what was written"; return 1
    fi
    dd if="$file" of="$TB_TMP/backing" bs=1M skip="$off" count=1 status=none
    if ! cmp -s "$TB_TMP/pattern" "$TB_TMP/backing"; then
        fail "data written through $dev is not in the target's backing file $file at ${off} MiB"; return 1
    fi
    pass "1 MiB written through $dev read back and found in $(basename "$file") at ${off} MiB"
}

# --- leaks and cleanup (run by the runner after every scenario) ---------------------------------

# leak_check : prints what was left behind; returns 1 when anything was.
leak_check() {
    local leaks=() out rc
    out=$(iscsiadm -m session 2>&1); rc=$?
    ((rc == 21)) || leaks+=("session(s): $(echo "$out" | tr '\n' ';')")
    out=$(iscsiadm -m node 2>&1); rc=$?
    ((rc == 21)) || leaks+=("node record(s): $(echo "$out" | tr '\n' ';')")
    out=$(sd_devices | tr '\n' ' ')
    [[ -z $out ]] || leaks+=("SCSI disk(s): $out")
    out=$(dmsetup ls 2>&1)
    [[ $out == "No devices found" ]] || leaks+=("dm map(s): $(echo "$out" | tr '\n' ';')")
    out=$(dm_devices | tr '\n' ' ')
    [[ -z $out ]] || leaks+=("dm device(s): $out")
    if ((${#leaks[@]})); then
        printf 'LEAK: %s\n' "${leaks[@]}"
        LEAKS=$(printf '%s; ' "${leaks[@]}")
        return 1
    fi
    echo "no leaks: no session, no node record, no SCSI disk, no dm map"
    LEAKS=""
}

# force_cleanup : brings the bed back to a clean state, whatever the scenario left.
force_cleanup() {
    blackhole_off 2>/dev/null
    multipath -F >/dev/null 2>&1
    iscsiadm -m node -U all >/dev/null 2>&1
    iscsiadm -m session -u >/dev/null 2>&1
    multipath -F >/dev/null 2>&1
    dmsetup remove_all --force >/dev/null 2>&1
    iscsiadm -m node -o delete >/dev/null 2>&1
    rm -rf /etc/iscsi/nodes/* /etc/iscsi/send_targets/* 2>/dev/null
    local tid
    for tid in $(tgtadm --lld iscsi --op show --mode target | sed -n 's/^Target \([0-9]*\):.*/\1/p'); do
        tgtadm --lld iscsi --op delete --mode target --tid "$tid" --force >/dev/null 2>&1
    done
    for u in $(tgtadm --lld iscsi --op show --mode account | sed -n '2,$p'); do
        tgtadm --lld iscsi --op delete --mode account --user "$u" >/dev/null 2>&1
    done
    rm -f "$TB_TMP"/t*-l*.img
    pgrep -x multipathd >/dev/null || multipathd
    udevadm settle -t 30
}

# --- bodies shared by several scenarios ---------------------------------------------------------

# expect_rc NAME EXPECTED : the exit code of the last `cli` run.
expect_rc() { expect_eq "$1 exit code" "$2" "$CLI_RC"; }

# portal_field NAME PORTAL FIELD : a field of the connect output's portals[] entry for PORTAL.
portal_field() { json "$1" ".portals[]? | select(.portal == \"$2\") | .$3" | head -n1; }

# expect_device NAME : the connect output's path is a block device; sets DEV (the path) and
# DEVNODE (what it resolves to, e.g. /dev/sda or /dev/dm-0).
expect_device() {
    DEV=$(json "$1" '.path // empty')
    DEVNODE=$(readlink -f "$DEV" 2>/dev/null)
    if [[ -n $DEV && -b $DEVNODE ]]; then pass "$1 returned block device $DEV ($DEVNODE)"; else fail "$1 returned no block device (path '$DEV')"; fi
}

# failover_body DEAD_PORTAL : the primary portal is dead, the alternative (127.0.0.1:3260) is
# healthy; connect must attach through the alternative and report the time lost on the dead one.
failover_body() {
    local dead=$1 IQN cost
    IQN=$(iqn failover)
    make_target 1 failover && add_lun 1 1 64 || { fail "target setup"; finish; }
    conninfo "$TB_TMP/ci.json" --arg target_portal "$dead" --arg target_iqn "$IQN" --argjson target_lun 1 \
        --argjson target_alternative_portals "[\"$P1\"]" \
        --argjson target_alternative_iqns "[\"$IQN\"]" \
        --argjson target_alternative_luns "[1]"
    cli connect connect --connection-info "$TB_TMP/ci.json" --login-timeout 2 --verbose
    expect_rc connect 0
    attach_metrics connect
    expect_device connect
    expect_eq "sessions to the dead portal $dead" 0 "$(sessions_for "$IQN" "$dead" | grep -c .)"
    expect_eq "sessions to the alternative $P1" 1 "$(sessions_for "$IQN" "$P1" | grep -c .)"
    expect_eq "path is the alternative's disk" "/dev/$(disk_of "$(sessions_for "$IQN" "$P1")" 1)" "$DEVNODE"
    expect_eq "outcome of $dead" failed "$(portal_field connect "$dead" outcome)"
    expect_eq "outcome of $P1" logged_in "$(portal_field connect "$P1" outcome)"
    cost=$(portal_field connect "$dead" elapsed_ms)
    expect_le "time reported for the dead portal (ms, login timeout 2 s)" "$(bound_ms 15000)" "${cost:-missing}"
    note "dead portal $dead cost ${cost:-?} ms"
    [[ -n $DEVNODE ]] && check_io "$DEV" "$(backing 1 1)" 5
    disconnect_clean connect
}

# grow_lun TID LUN NEW_MB : makes tgtd report a bigger LUN. tgtd reads the backing file's size only
# when the LUN is created (truncate alone, or `--op update --mode logicalunit`, change nothing — see
# captures/extend.txt), so the file is grown and the LUN deleted and re-created on it; the initiator's
# session stays logged in, and the wwid (derived from tid and lun) stays the same.
grow_lun() {
    truncate -s "${3}M" "$(backing "$1" "$2")" &&
        tgtadm --lld iscsi --op delete --mode logicalunit --tid "$1" --lun "$2" &&
        tgtadm --lld iscsi --op new --mode logicalunit --tid "$1" --lun "$2" -b "$(backing "$1" "$2")" &&
        tgtadm --lld iscsi --op update --mode logicalunit --tid "$1" --lun "$2" \
            --params "vendor_id=TESTBED,product_id=T$1L$2,scsi_sn=SN-T$1-L$2"
}

# setup_single NAME [SIZE_MB] : target 1 "NAME" with LUN 1, and $TB_TMP/ci.json for it on $P1;
# sets IQN. Ends the scenario when the target cannot be made.
setup_single() {
    IQN=$(iqn "$1")
    make_target 1 "$1" && add_lun 1 1 "${2:-64}" || { fail "target setup"; finish; }
    conninfo "$TB_TMP/ci.json" --arg target_portal "$P1" --arg target_iqn "$IQN" --argjson target_lun 1
}

# multipath_conninfo PORTAL… : $TB_TMP/ci.json listing $IQN LUN 1 at every PORTAL (target_portals…).
multipath_conninfo() {
    local portals iqns luns
    portals=$(printf '%s\n' "$@" | jq -R . | jq -sc .)
    iqns=$(printf '%s\n' "$@" | jq -R --arg q "$IQN" '$q' | jq -sc .)
    luns=$(printf '%s\n' "$@" | jq -R 1 | jq -sc .)
    conninfo "$TB_TMP/ci.json" --arg target_portal "$1" --arg target_iqn "$IQN" --argjson target_lun 1 \
        --argjson target_portals "$portals" --argjson target_iqns "$iqns" --argjson target_luns "$luns"
}

# disconnect_clean CONNECT_NAME [ARGS…] : disconnect with the device info CONNECT_NAME printed;
# expects exit 0, records the detach time, and expects no session and no dm device afterwards.
disconnect_clean() {
    local name=$1; shift
    cli disconnect disconnect --connection-info "$TB_TMP/ci.json" --device-info "$TB_TMP/$name.out" "$@" --verbose
    expect_rc disconnect 0
    metric detach_ms "$CLI_MS"
    expect_eq "sessions after disconnect" 0 "$(session_count)"
    wait_for 10 '[[ -z $(dm_devices) ]]'
    expect_eq "dm devices after disconnect" "" "$(dm_devices)"
}
