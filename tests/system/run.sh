#!/usr/bin/env bash
# Real-kernel system tests for IscsiConnector: boots ONE QEMU guest (stock Debian kernel, the host's
# own root filesystem over 9p, no NIC) and runs the scenarios under tests/system/scenarios inside it,
# against a real tgtd target, real open-iscsi, udev and dm-multipath — all on the guest's loopback.
#
# usage:
#   tests/system/run.sh              run every scenario (00 = bed self-check, 01..NN = the CLI) but those
#                                    marked "# testbed-default: no" (long ones: run them by number)
#   tests/system/run.sh 0 2 9        run a subset (scenario numbers)
#   tests/system/run.sh capture      record real command output into tests/system/captures/
#   tests/system/run.sh bench [--quick] [--rounds=N]   the side-by-side benchmark against the real
#                                    os-brick (tests/system/bench/run.sh; docs/benchmarks.md)
#
# Environment:
#   CI=true                  a bed that cannot run is a failure (exit 1) instead of "SKIPPED" (exit 0)
#   TESTBED_TIMEOUT=1500     host watchdog in seconds: qemu is killed after this (a quiet 2-core host
#                            needs ~10 min for every scenario; the margin is for busy CI machines)
#   TESTBED_ACCEL=tcg|kvm    force the accelerator (default: detect)
#   TESTBED_TIME_FACTOR=1    multiply every scenario's time limit (a slow or busy host)
#   TESTBED_STORM_ROUNDS=2   rounds of scenario 27, the storm (the full storm: 20 rounds, docs/testbed.md)
#   TESTBED_SCALE_SESSIONS=30 unrelated sessions in scenario 29, the scale check (the full check: 200)
#   TESTBED_CLI=/path/exe    run this executable as the CLI in the guest instead of the published
#                            `dotnet iscsi-connector.dll` (e.g. a native build); it must be visible
#                            in the guest, i.e. anywhere on this host's filesystem
#
# Exit code: 0 all selected scenarios passed (or skipped outside CI), 1 otherwise.
set -euo pipefail

# Everything runs inside main(), which bash parses completely before running it, so editing this
# file during a (long) run cannot derail the run.
main() {
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
work="$repo/.testbed"
timeout_s=${TESTBED_TIMEOUT:-1500}
# sudo: the unprivileged root-helper scenario (16); python3, libvirt-clients and libxml2-utils: the block-mode live
# migration (15: QMP helper, virt-xml-validate, xmllint); python3-os-brick and strace: the side-by-side benchmark (90).
packages=(qemu-system-x86 linux-image-amd64 busybox-static cpio kmod open-iscsi tgt multipath-tools udev nftables iproute2 jq sudo
    python3 libvirt-clients libxml2-utils python3-os-brick strace)

log() { echo "testbed: $*"; }

# A bed that cannot run is not a test failure on a developer's laptop, but it is in CI, where the
# system tests are the only proof that the library works against a real kernel.
skip() {
    if [[ ${CI:-} == true ]]; then
        echo "FAILED: system tests cannot run in CI: $*" >&2
        exit 1
    fi
    echo "SKIPPED: $*"
    exit 0
}

# ---------------------------------------------------------------------------------------------
# 1. Arguments
mode=scenarios
selection=()
bench_args=()
for arg in "$@"; do
    case $arg in
        capture) mode=capture ;;
        bench) mode=bench ;;
        --quick | --rounds=* | --only=*) bench_args+=("$arg") ;;
        [0-9] | [0-9][0-9]) selection+=("$((10#$arg))") ;;
        -h | --help) sed -n '2,/^# Exit code/p' "$0"; exit 0 ;;
        *) echo "usage: $0 [capture] [scenario-number...]" >&2; exit 2 ;;
    esac
done
if [[ $mode == scenarios && ${#selection[@]} -eq 0 ]]; then
    # A scenario with the line "# testbed-default: no" (a long one) runs only when named.
    for f in "$here"/scenarios/[0-9][0-9]-*.sh; do
        n=$(basename "$f")
        if grep -qx '# testbed-default: no' "$f"; then log "not in the default run: $n (run it by number)"; continue; fi
        selection+=("$((10#${n%%-*}))")
    done
fi

# ---------------------------------------------------------------------------------------------
# 2. Prerequisites: Linux, root (apt and reading /boot/vmlinuz need it), the Debian packages.
[[ $(uname -s) == Linux ]] || skip "the system tests need Linux (this is $(uname -s))"
[[ $(uname -m) == x86_64 ]] || skip "the system tests need an x86_64 host (this is $(uname -m))"

missing=()
for p in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if ((${#missing[@]})); then
    command -v apt-get >/dev/null || skip "missing packages (${missing[*]}) and no apt-get to install them"
    [[ $(id -u) == 0 ]] || skip "missing packages (${missing[*]}); run as root to install them"
    log "installing ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq && apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null ||
        skip "apt-get install ${missing[*]} failed"
fi
command -v qemu-system-x86_64 >/dev/null || skip "qemu-system-x86_64 not found"
qemu-system-x86_64 --version >/dev/null 2>&1 || skip "qemu-system-x86_64 does not run here"
command -v dotnet >/dev/null || skip "dotnet not found (the CLI is built on the host)"

# The guest boots a stock kernel from /boot whose modules are on this host (the guest's root is the
# host's root, so `modprobe iscsi_tcp` inside the guest finds them). Newest such kernel wins.
kver=""
for k in $(ls /boot/vmlinuz-* 2>/dev/null | sort -V -r); do
    v=${k#/boot/vmlinuz-}
    if compgen -G "/lib/modules/$v/kernel/drivers/scsi/iscsi_tcp.ko*" >/dev/null; then kver=$v; break; fi
done
[[ -n $kver ]] || skip "no kernel in /boot with iscsi_tcp modules in /lib/modules (install linux-image-amd64)"
kernel=/boot/vmlinuz-$kver
[[ -r $kernel ]] || skip "$kernel is not readable (run as root)"

# ---------------------------------------------------------------------------------------------
# 3. Work dir: .testbed/ at the repo root (gitignored). share/ is the guest's read-write 9p share.
# One run at a time per checkout: a second run would wipe the first one's share under its guest.
mkdir -p "$work"
exec 9>"$work/lock"
flock -n 9 || { echo "testbed: another run is using $work; wait for it to finish" >&2; exit 1; }
rm -rf "$work/run"
share="$work/run/share"
mkdir -p "$share/results" "$share/logs" "$share/captures"
cp -r "$here" "$share/system"

log "building the initramfs for $kver"
"$here/host/build-initramfs.sh" "$kver" "$work/run/initrd.gz"

# ---------------------------------------------------------------------------------------------
# 4. The CLI: built here, run in the guest (it sees this host's root, so the dotnet SDK and the
#    publish output are there). Until issue 4 lands, the CLI project is a placeholder that does
#    nothing: scenarios 1+ are then reported as "NOT RUN (CLI missing)" rather than failed.
# The bed benchmark's .NET host (scenario 90 and `bench`), and the CLI as NativeAOT: when that builds,
# every scenario runs it (a per-call tool should not pay a JIT start; issue 15).
publish=()
[[ $mode == bench ]] || printf '%s\n' "${selection[@]}" | grep -qx 90 && publish+=(bench-host)
[[ -z ${TESTBED_CLI:-} ]] && { [[ $mode == bench ]] || printf '%s\n' "${selection[@]}" | grep -qv '^0$'; } && publish+=(cli-aot)
if ((${#publish[@]})); then
    log "publishing ${publish[*]}"
    bench_conf=$("$here/bench/publish.sh" "$repo" "$work" "${publish[@]}")
    aot=$(sed -n 's/^CLI_AOT=//p' <<<"$bench_conf")
    [[ -n $aot ]] && TESTBED_CLI=$aot
fi

cli_dll="$work/cli/iscsi-connector.dll"
cli_ok=0
if [[ -n ${TESTBED_CLI:-} ]]; then
    [[ -x $TESTBED_CLI ]] || { echo "TESTBED_CLI=$TESTBED_CLI is not executable" >&2; exit 2; }
    TESTBED_CLI=$(readlink -f "$TESTBED_CLI")
    cli_ok=1
elif [[ $mode == bench ]] || { [[ $mode == scenarios ]] && printf '%s\n' "${selection[@]}" | grep -qv '^0$'; }; then
    log "publishing src/IscsiConnector.Cli"
    # ReadyToRun: under TCG every JIT compilation is emulated, and precompiled code starts the tool
    # in roughly half the time (each scenario starts it several times).
    if dotnet publish "$repo/src/IscsiConnector.Cli/IscsiConnector.Cli.csproj" -c Release \
        -r linux-x64 --self-contained false -p:PublishReadyToRun=true \
        -o "$work/cli" --nologo -v quiet >"$work/run/publish.log" 2>&1; then
        if dotnet "$cli_dll" connect --help 2>&1 | grep -q -- '--connection-info'; then
            cli_ok=1
        else
            log "the CLI has no 'connect --connection-info' command yet: scenarios 1+ will not run"
        fi
    else
        log "dotnet publish failed (see $work/run/publish.log): scenarios 1+ will not run"
    fi
fi

cat >"$share/run.conf" <<EOF
MODE=$mode
SCENARIOS="${selection[*]}"
CLI_DLL=$cli_dll
CLI_CMD=${TESTBED_CLI:-}
CLI_OK=$cli_ok
TIME_FACTOR=${TESTBED_TIME_FACTOR:-1}
STORM_ROUNDS=${TESTBED_STORM_ROUNDS:-2}
SCALE_SESSIONS=${TESTBED_SCALE_SESSIONS:-30}
BENCH_ARGS="${bench_args[*]}"
${bench_conf:-}
EOF

# ---------------------------------------------------------------------------------------------
# 5. Accelerator. PVM KVM (/sys/module/kvm_pvm) cannot boot a stock kernel ("failed to set MSR"),
#    so it gets TCG; real KVM is used only after a probe boot proves it works.
qemu_base=(qemu-system-x86_64 -nodefaults -nic none -m 3072 -smp 2 -no-reboot
    -display none -monitor none -serial stdio
    -kernel "$kernel" -initrd "$work/run/initrd.gz"
    -virtfs "local,path=/,mount_tag=hostroot,security_model=none,readonly=on,multidevs=remap"
    -virtfs "local,path=$share,mount_tag=share,security_model=none,multidevs=remap")
cmdline="console=ttyS0 quiet loglevel=4 panic=-1 mitigations=off no_timer_check"
tcg=(-accel tcg,thread=multi,tb-size=512 -cpu max)
kvm=(-accel kvm -cpu host)

accel=${TESTBED_ACCEL:-}
if [[ -z $accel ]]; then
    if [[ -e /sys/module/kvm_pvm ]]; then
        log "/dev/kvm is PVM (kvm_pvm): a stock kernel cannot boot under it -> TCG"
        accel=tcg
    elif [[ -w /dev/kvm ]] &&
        timeout 60 "${qemu_base[@]}" "${kvm[@]}" -append "$cmdline testbed.probe=1" </dev/null 2>&1 |
        grep -q 'INITRAMFS: probe ok'; then
        accel=kvm
    else
        accel=tcg
    fi
fi
if [[ $accel == kvm ]]; then accel_args=("${kvm[@]}"); else accel_args=("${tcg[@]}"); fi

# ---------------------------------------------------------------------------------------------
# 6. Boot once; the guest runs everything and powers off. The watchdog kills a hung guest.
log "booting: accel=$accel kernel=$kernel mode=$mode scenarios=${selection[*]:-} timeout=${timeout_s}s"
start=$(date +%s%N)
set +e
timeout --kill-after=10 "$timeout_s" "${qemu_base[@]}" "${accel_args[@]}" -append "$cmdline" \
    </dev/null 2>&1 | tee "$work/run/console.log" | sed -u 's/^/  | /'
qemu_rc=${PIPESTATUS[0]}
set -e
wall_ms=$((($(date +%s%N) - start) / 1000000))
log "qemu exit=$qemu_rc wall=$((wall_ms / 1000)).$((wall_ms % 1000 / 100))s"
if [[ $qemu_rc == 124 || $qemu_rc == 137 ]]; then
    echo "FAILED: the guest did not finish within ${timeout_s}s (watchdog killed qemu)" >&2
fi

# ---------------------------------------------------------------------------------------------
# 7. Results. Each scenario left results/NN with: status|attach_ms|detach_ms|process_starts|note
if [[ $mode == bench ]]; then
    [[ -f $share/bench/summary.md ]] || { echo "FAILED: the benchmark did not complete (see $share/logs/bench.log)" >&2; exit 1; }
    cp "$share/bench/summary.md" "$work/bench-summary.md"
    log "summary in .testbed/bench-summary.md, measurements in $share/bench/, log $share/logs/bench.log"
    [[ $(cat "$share/bench/rc" 2>/dev/null) == 0 ]] || { echo "FAILED: see the summary's problems and targets" >&2; exit 1; }
    exit 0
fi
if [[ $mode == capture ]]; then
    if [[ -f $share/captures/.done ]]; then
        rm -f "$share/captures/.done"
        cp "$share"/captures/* "$here/captures/"
        log "captures written to tests/system/captures/"
        exit 0
    fi
    echo "FAILED: the capture run did not complete (see $work/run/console.log)" >&2
    exit 1
fi

[[ -f $share/results/boot ]] && log "guest init reached at $(cat "$share/results/boot")s uptime"
failed=0
not_run=0
printf '\n%-28s %-26s %10s %10s %9s  %s\n' scenario result attach_ms detach_ms processes note
for n in "${selection[@]}"; do
    f=$(compgen -G "$here/scenarios/$(printf %02d "$n")-*.sh" | head -n1 || true)
    name=$(basename "${f:-$(printf %02d "$n")-unknown}" .sh)
    r="$share/results/$(printf %02d "$n")"
    if [[ -f $r ]]; then
        IFS='|' read -r status attach detach procs note <"$r"
    else
        status=FAIL attach=- detach=- procs=- note="no result: the guest stopped before this scenario ended (watchdog or crash)"
    fi
    [[ $status == PASS || $status == NOT\ RUN* ]] || failed=1
    # In CI the CLI must be there: a scenario that did not run proves nothing.
    [[ $status == NOT\ RUN* && ${CI:-} == true ]] && failed=1
    [[ $status == NOT\ RUN* ]] && not_run=$((not_run + 1))
    printf '%-28s %-26s %10s %10s %9s  %s\n' "$name" "$status" "$attach" "$detach" "$procs" "$note"
done
echo
log "per-scenario logs: $work/run/share/logs/  console: $work/run/console.log"
((failed == 0)) || { echo "FAILED: at least one scenario failed" >&2; exit 1; }
if ((not_run)); then
    log "$not_run scenario(s) NOT RUN (no usable CLI, see above); every scenario that ran passed"
else
    log "all selected scenarios passed"
fi
}

main "$@"
exit
