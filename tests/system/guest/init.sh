#!/bin/bash
# The test bed's guest init (PID 1 after switch_root). The root filesystem is the host's own, read-only
# under a tmpfs overlay; /mnt/share is the read-write share with run.conf (what to run) and where
# results and logs go. Brings up the iSCSI world on the loopback — tgtd target, iscsid, udev,
# multipathd — runs the selected scenarios (or the capture script) and powers off.
set -u
export PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin
export HOME=/root TERM=dumb LANG=C.UTF-8
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
# Short-lived tool runs: no dynamic PGO instrumentation (it only costs time under emulation).
export DOTNET_TieredPGO=0

mount -t proc proc /proc
mount -t sysfs sysfs /sys
mkdir -p /dev/pts /dev/shm
mount -t devpts devpts /dev/pts
mount -t tmpfs tmpfs /dev/shm
mount -t tmpfs tmpfs /run
mount -t tmpfs -o size=1g tmpfs /tmp
# devtmpfs has no /dev/fd or /dev/std* links; bash process substitution needs /dev/fd.
ln -sf /proc/self/fd /dev/fd
ln -sf /proc/self/fd/0 /dev/stdin
ln -sf /proc/self/fd/1 /dev/stdout
ln -sf /proc/self/fd/2 /dev/stderr

poweroff_now() {
    sync
    echo o >/proc/sysrq-trigger
    sleep 30
}
trap poweroff_now EXIT

SHARE=/mnt/share
TB_DIR=$SHARE/system
source "$SHARE/run.conf"
# The CLI was built on the host. If the checkout lives where the guest mounts its own filesystems (a clone
# under /tmp, say), the guest's /tmp hides it: reach it through the untouched view of the host's root.
for var in CLI_DLL CLI_CMD BENCH_HOST CLI_AOT; do
    path=${!var:-}
    if [[ -n $path && ! -e $path && -e /mnt/hostroot$path ]]; then
        printf -v "$var" '%s' "/mnt/hostroot$path"
    fi
done
source "$TB_DIR/guest/lib.sh"
export TB_DIR TB_SHARE=$SHARE TB_TMP CLI_DLL CLI_CMD TIME_FACTOR STORM_ROUNDS SCALE_SESSIONS BENCH_HOST CLI_AOT

cut -d' ' -f1 /proc/uptime >"$SHARE/results/boot"
log "GUEST: init reached; mode=$MODE scenarios=$SCENARIOS"
hostname testbed-guest

# --- network: loopback only (the guest has no NIC) ----------------------------------------------
ip link set lo up
ip addr add 127.0.0.2/8 dev lo
ip addr add 127.0.0.3/8 dev lo
nft add table inet testbed
nft add chain inet testbed input '{ type filter hook input priority filter; policy accept; }'

log "GUEST: setup step: kernel modules"
# --- kernel modules -----------------------------------------------------------------------------
modprobe -a iscsi_tcp sd_mod dm_multipath scsi_dh_alua nf_tables || log "GUEST: modprobe failed"

log "GUEST: setup step: initiator"
# --- initiator: open-iscsi ----------------------------------------------------------------------
mkdir -p /etc/iscsi /run/lock/iscsi
echo "InitiatorName=iqn.2024-01.test.testbed:initiator" >/etc/iscsi/initiatorname.iscsi
rm -rf /etc/iscsi/nodes /etc/iscsi/send_targets /etc/iscsi/ifaces
iscsid || log "GUEST: iscsid did not start"

log "GUEST: setup step: target"
# --- target: tgtd on three loopback portals ------------------------------------------------------
mkdir -p /run/tgtd /var/run/tgtd
tgtd --iscsi portal=127.0.0.1:3260 || log "GUEST: tgtd did not start"
wait_for 20 'tgtadm --lld iscsi --op show --mode portal >/dev/null' || log "GUEST: tgtd not answering"
tgtadm --lld iscsi --op new --mode portal --param portal=127.0.0.2:3260
tgtadm --lld iscsi --op new --mode portal --param portal=127.0.0.3:3260

log "GUEST: setup step: udev"
# --- udev (for /dev/disk/by-path) and multipathd (it needs udev to see paths) ----------------------
/lib/systemd/systemd-udevd --daemon --resolve-names=never >/dev/null 2>&1
# Only the subsystems whose links we need: a full trigger costs seconds under TCG.
udevadm trigger --action=add --subsystem-match=block --subsystem-match=scsi --subsystem-match=scsi_disk >/dev/null 2>&1
udevadm settle -t 60
mkdir -p /etc/multipath
cat >/etc/multipath.conf <<'EOF'
defaults {
    user_friendly_names yes
    find_multipaths no
    polling_interval 2
}
EOF
multipathd || log "GUEST: multipathd did not start"

log "GUEST: setup step: process-count wrappers"
# --- process-count wrappers (see guest/count-wrapper.sh) -------------------------------------------
# Written with bash builtins: every exec costs ~0.2 s in the guest, and this list is long.
wrappers=()
IFS= read -r -d '' wrapper_template <"$TB_DIR/guest/count-wrapper.sh"
for cmd in iscsiadm blockdev multipath multipathd dmsetup udevadm kpartx sg_inq lsblk; do
    real=$(type -P "$cmd") || continue
    # Only regular files: an absolute symlink would make the wrapper exec itself.
    [[ -f /mnt/hostroot$real && ! -L /mnt/hostroot$real ]] || continue
    wrappers+=("$real")
done
# Unlink first: a running daemon (multipathd, udevadm) keeps its inode ("Text file busy").
rm -f "${wrappers[@]}"
for real in "${wrappers[@]}"; do
    printf '%s' "${wrapper_template//@REAL@//mnt/hostroot$real}" >"$real"
done
chmod 755 "${wrappers[@]}"

log "GUEST: bed ready"
echo "$(cut -d' ' -f1 /proc/uptime)" >"$SHARE/results/ready"

# --- run ------------------------------------------------------------------------------------------
if [[ $MODE == capture ]]; then
    bash "$TB_DIR/guest/capture.sh" "$SHARE/captures" >"$SHARE/logs/capture.log" 2>&1
    log "GUEST: capture finished (rc=$?)"
    touch "$SHARE/captures/.done"
    exit 0
fi

if [[ $MODE == bench ]]; then
    # shellcheck disable=SC2086 # BENCH_ARGS is a list of flags
    mkdir -p "$SHARE/bench"
    bash "$TB_DIR/bench/guest-bench.sh" $BENCH_ARGS >"$SHARE/logs/bench.log" 2>&1
    echo $? >"$SHARE/bench/rc"
    log "GUEST: benchmark finished (rc=$(cat "$SHARE/bench/rc"))"
    exit 0
fi

# run_scenario N : runs scenarios/NN-*.sh with a time limit, checks for leaks, cleans up, and
# writes results/NN as "status|attach_ms|detach_ms|process_starts|note".
run_scenario() {
    local n=$1 nn file name limit t0 rc status metrics attach detach procs notes logf leaks firstfail
    nn=$(printf %02d "$n")
    file=$(compgen -G "$TB_DIR/scenarios/$nn-*.sh" | head -n1)
    if [[ -z $file ]]; then
        echo "FAIL|-|-|-|no scenario file $nn-*.sh" >"$SHARE/results/$nn"
        return
    fi
    name=$(basename "$file" .sh)
    if ((n != 0)) && [[ $CLI_OK != 1 ]]; then
        echo "NOT RUN (CLI missing)|-|-|-|" >"$SHARE/results/$nn"
        return
    fi
    # A scenario may ask for a longer limit with a line "# testbed-timeout: SECONDS".
    limit=$(sed -n 's/^# testbed-timeout: *\([0-9]*\).*/\1/p' "$file" | head -n1)
    limit=${limit:-90}
    # On a slow or busy host every limit can be stretched (run.sh passes TESTBED_TIME_FACTOR).
    limit=$((limit * ${TIME_FACTOR:-1}))
    logf="$SHARE/logs/$name.log"
    metrics="$TB_TMP/metrics.$nn"
    : >"$metrics"
    log "GUEST: scenario $name (limit ${limit}s)"
    t0=$(now_ms)
    TB_METRICS=$metrics timeout -k 5 "$limit" bash "$file" >"$logf" 2>&1
    rc=$?
    {
        echo "=== scenario exit code $rc after $(($(now_ms) - t0)) ms"
        if ((rc == 124 || rc == 137)); then
            echo "=== TIMED OUT after ${limit}s"
            # The killed command's output never reached the log: show what it had written so far.
            for f in "$TB_TMP"/*.err; do
                [[ -f $f && $f -nt $metrics ]] || continue
                echo "=== last standard error lines of $(basename "$f" .err)"
                tail -n 40 "$f"
            done
        fi
        echo "=== leak check"
    } >>"$logf"
    status=PASS
    ((rc == 0)) || status=FAIL
    ((rc == 124 || rc == 137)) && status="FAIL (timeout ${limit}s)"
    leaks=""
    if ! leak_check >>"$logf" 2>&1; then
        leaks=$LEAKS
        case $status in
            PASS) status="FAIL (leak)" ;;
            "FAIL (timeout"*) status="FAIL (timeout ${limit}s, leak)" ;;
            *) status="FAIL (checks, leak)" ;;
        esac
    fi
    force_cleanup >>"$logf" 2>&1
    leak_check >/dev/null 2>&1 || echo "=== WARNING: still not clean after force_cleanup: $LEAKS" >>"$logf"
    attach=$(sed -n 's/^attach_ms=//p' "$metrics" | tail -n1)
    detach=$(sed -n 's/^detach_ms=//p' "$metrics" | tail -n1)
    procs=$(sed -n 's/^procs=//p' "$metrics" | tail -n1)
    notes=$(sed -n 's/^note=//p' "$metrics" | paste -sd ';' | tr '|' '/')
    [[ -n $leaks ]] && notes="leaked: ${leaks}${notes:+ $notes}"
    # The first failed check says most about a failure; the log has the rest.
    firstfail=$(grep -m1 '^CHECK FAIL: ' "$logf" | cut -c13-120)
    [[ -n $firstfail ]] && notes="first failure: $firstfail${notes:+; $notes}"
    notes="${notes//|//} [$(($(now_ms) - t0)) ms]"
    echo "$status|${attach:--}|${detach:--}|${procs:--}|$notes" >"$SHARE/results/$nn"
    log "GUEST: $name -> $status"
}

for n in $SCENARIOS; do
    run_scenario "$n"
done
log "GUEST: all scenarios done"
