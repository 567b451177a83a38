#!/bin/bash
# The side-by-side benchmark, guest side: the real os-brick (Debian python3-os-brick, in-process in a
# long-lived Python driver), this library in-process (a long-lived .NET host, tests/IscsiConnector.BedBench)
# and the CLI (one process per call) against the same tgtd targets and scenarios, alternating them, over
# several rounds, with a leak check after every run. Writes one line per measurement to $BENCH_OUT/results.tsv,
# the phase breakdown to $BENCH_OUT/phases-*.json, then the summary (summarise.py) to $BENCH_OUT/summary.md.
#
# usage (inside the bed, via tests/system/run.sh bench [--quick] or scenario 90):
#   guest-bench.sh [--quick] [--rounds N]
# --quick: one round, short enough for every run of ./test.sh: os-brick left out of the three scenarios where
# it waits ~2 minutes for a dead portal (iscsid's defaults: 15 s login timeout, 8 retries), the CLI only in
# the single-portal scenario, no sendtargets and shared-target scenarios.
# --only=a,b: only these scenarios (single mp-2 sendtargets shared wrong-chap eight failover-refused
# failover-blackholed mp-2live-1dead).
# Exit code: 0 when every run did what it must (attach where it must, fail where it must, no leak) and
# every bound summarise.py asserts holds; 1 otherwise.
source "$TB_DIR/guest/lib.sh"
BENCH_DIR=$TB_DIR/bench
BENCH_OUT=${BENCH_OUT:-$TB_SHARE/bench}
mkdir -p "$BENCH_OUT/answers"
: >"$BENCH_OUT/results.tsv"
quick=0 rounds=3 only=""
while (($#)); do
    case $1 in
        --quick) quick=1; rounds=1 ;;
        --rounds) rounds=$2; shift ;;
        --rounds=*) rounds=${1#--rounds=} ;;
        --only=*) only=,${1#--only=}, ;;
        *) echo "usage: $0 [--quick] [--rounds N]" >&2; exit 2 ;;
    esac
    shift
done

# --- the real tools, not the bed's counting wrappers -----------------------------------------------
# The bed replaces iscsiadm & co. with a bash wrapper (guest/count-wrapper.sh) that costs a bash start
# (~0.2 s under TCG) per command; both sides count their processes themselves here, so the real
# binaries go back for the benchmark and the wrappers are restored afterwards.
wrapped=()
for cmd in iscsiadm blockdev multipath multipathd dmsetup udevadm kpartx sg_inq lsblk; do
    real=$(type -P "$cmd") || continue
    grep -q TESTBED_PROC_LOG "$real" 2>/dev/null || continue
    cp "$real" "$TB_TMP/wrapper.$cmd"
    rm -f "$real" && cp "/mnt/hostroot$real" "$real"
    wrapped+=("$cmd:$real")
done
restore_wrappers() {
    local w
    for w in "${wrapped[@]}"; do
        rm -f "${w#*:}" && cp "$TB_TMP/wrapper.${w%%:*}" "${w#*:}"
    done
}

# --- the three contenders --------------------------------------------------------------------------
# Long-lived processes answer one JSON line per JSON line through two FIFOs each.
start_host() {
    local name=$1; shift
    mkfifo "$TB_TMP/$name.in" "$TB_TMP/$name.out"
    "$@" <"$TB_TMP/$name.in" >"$TB_TMP/$name.out" 2>>"$BENCH_OUT/$name.stderr" &
    eval "exec {${name}_w}>\"$TB_TMP/$name.in\" {${name}_r}<\"$TB_TMP/$name.out\""
    local ready
    local -n rfd=${name}_r
    IFS= read -r -t 300 ready <&"$rfd" || { echo "BENCH: $name did not start (see $name.stderr)"; return 1; }
    echo "BENCH: $name ready: $ready"
}

# ask HOST JSON : sends one command, leaves the answer in ANSWER.
ask() {
    local -n wfd=${1}_w rfd=${1}_r
    printf '%s\n' "$2" >&"$wfd"
    ANSWER=""
    IFS= read -r -t 900 ANSWER <&"$rfd" || ANSWER='{"ok":false,"error_type":"NoAnswer","error":"no answer within 900 s"}'
}

CLI_AOT=${CLI_AOT:-}
if [[ -n $CLI_AOT && -x $CLI_AOT ]]; then CLI_EXE=("$CLI_AOT"); else CLI_EXE=("${CLI[@]}"); fi

# --- recording -------------------------------------------------------------------------------------
BAD=0
# record SCENARIO IMPL ROUND OP MS INNER_MS PROCS OK NOTE
record() {
    printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$@" >>"$BENCH_OUT/results.tsv"
    log "BENCH: $1 $2 r$3 $4: ${5} ms (inner ${6}) procs $7 ok $8 ${9}"
}
problem() { echo "BENCH PROBLEM: $*"; echo "$*" >>"$BENCH_OUT/problems.txt"; BAD=1; }

# bench_reset : back to "no session, no record, no device", keeping the targets (unlike force_cleanup).
bench_reset() {
    multipath -F >/dev/null 2>&1
    iscsiadm -m session -u >/dev/null 2>&1
    multipath -F >/dev/null 2>&1
    dmsetup remove_all --force >/dev/null 2>&1
    iscsiadm -m node -o delete >/dev/null 2>&1
    rm -rf /etc/iscsi/nodes/* /etc/iscsi/send_targets/* 2>/dev/null
    udevadm settle -t 30
}

# after_run SCENARIO IMPL : the leak check after every run; a leak is a problem, then cleaned up.
after_run() {
    wait_for 10 '[[ -z $(dm_devices) && -z $(sd_devices) ]]'
    if ! leak_check >/dev/null 2>&1; then
        problem "$1/$2 left behind: $LEAKS"
        bench_reset
    fi
}

# --- one attach and one detach by each contender ----------------------------------------------------
# Every function: IMPL SCENARIO ROUND DATA(json of connection_info.data) MULTIPATH(true|false) NAME
# sets RUN_OK, RUN_PATH; records the measurement.

jsonf() { jq -r "$2" <<<"$1"; }

attach() {
    local impl=$1 sc=$2 round=$3 data=$4 mp=$5 name=$6 t0 ms inner procs ok out
    case $impl in
        osbrick | ours | ours-noprobe)
            ask "${impl%-noprobe}" "$(jq -cn --arg name "$name" --argjson data "$data" --argjson mp "$mp" --argjson trace "${TRACE:-false}" \
                --argjson options "$(options_of "$impl")" '{op: "connect", name: $name, data: $data, multipath: $mp, trace: $trace, options: $options}')"
            out=$ANSWER
            printf '%s\n' "$out" >"$TB_TMP/$impl.$name.attach.json"
            printf '%s\n' "$out" >"$BENCH_OUT/answers/$sc.$impl.r$round.${OPNAME:-attach}.json"
            ms=$(jsonf "$out" .ms); inner=$(jsonf "$out" '.connector_ms // "-"'); procs=$(jsonf "$out" .procs)
            ok=$(jsonf "$out" .ok); RUN_PATH=$(jsonf "$out" '.path // empty')
            ;;
        cli)
            jq -n --argjson data "$data" '{driver_volume_type: "iscsi", data: $data}' >"$TB_TMP/cli.$name.ci.json"
            local mpflag=()
            [[ $mp == true ]] && mpflag=(--multipath)
            t0=$(now_ms)
            "${CLI_EXE[@]}" connect --connection-info "$TB_TMP/cli.$name.ci.json" "${mpflag[@]}" \
                >"$TB_TMP/cli.$name.out" 2>"$TB_TMP/cli.$name.err"
            local rc=$?
            ms=$(($(now_ms) - t0))
            inner=$(jq -r '.elapsed_ms // "-"' "$TB_TMP/cli.$name.out" 2>/dev/null || echo -)
            procs=-; ok=false; ((rc == 0)) && ok=true
            RUN_PATH=$(jq -r '.path // empty' "$TB_TMP/cli.$name.out" 2>/dev/null)
            CLI_LAST_RC=$rc
            cat "$TB_TMP/cli.$name.out" "$TB_TMP/cli.$name.err" >"$BENCH_OUT/answers/$sc.cli.r$round.${OPNAME:-attach}.txt" 2>/dev/null
            ;;
    esac
    RUN_OK=$ok
    record "$sc" "$impl" "$round" "${OPNAME:-attach}" "$ms" "$inner" "$procs" "$ok" "${RUN_PATH:-}"
}

detach() {
    local impl=$1 sc=$2 round=$3 data=$4 mp=$5 name=$6 t0 ms procs ok out
    case $impl in
        osbrick | ours | ours-noprobe)
            local device_info='{}'
            [[ $impl == osbrick ]] && device_info=$(jq -c '.device_info // {}' "$TB_TMP/$impl.$name.attach.json")
            ask "${impl%-noprobe}" "$(jq -cn --arg name "$name" --argjson data "$data" --argjson mp "$mp" --argjson di "$device_info" --argjson trace "${TRACE:-false}" \
                --argjson options "$(options_of "$impl")" '{op: "disconnect", name: $name, data: $data, multipath: $mp, device_info: $di, trace: $trace, options: $options}')"
            out=$ANSWER
            printf '%s\n' "$out" >"$TB_TMP/$impl.$name.detach.json"
            printf '%s\n' "$out" >"$BENCH_OUT/answers/$sc.$impl.r$round.${OPNAME:-detach}.json"
            ms=$(jsonf "$out" .ms); procs=$(jsonf "$out" .procs); ok=$(jsonf "$out" .ok)
            ;;
        cli)
            local mpflag=()
            [[ $mp == true ]] && mpflag=(--multipath)
            t0=$(now_ms)
            "${CLI_EXE[@]}" disconnect --connection-info "$TB_TMP/cli.$name.ci.json" --device-info "$TB_TMP/cli.$name.out" "${mpflag[@]}" \
                >"$TB_TMP/cli.$name.dout" 2>"$TB_TMP/cli.$name.derr"
            local rc=$?
            ms=$(($(now_ms) - t0)); procs=-; ok=false; ((rc == 0)) && ok=true
            ;;
    esac
    [[ $ok == true ]] || problem "$sc/$impl round $round: detach of $name failed: $(head -c 300 "$TB_TMP/$impl.$name.detach.json" "$TB_TMP/cli.$name.derr" 2>/dev/null)"
    record "$sc" "$impl" "$round" "${OPNAME:-detach}" "$ms" - "$procs" "$ok" ""
}

# options_of IMPL : the connector options a contender runs with (ours-noprobe: ProbePortals off, the "before" of issue 15).
options_of() { [[ $1 == ours-noprobe ]] && echo '{"probe_portals": false}' || echo null; }

# order ROUND [SCENARIO] : the contenders in this round's order (rotated each round: no one always goes first).
# In the dead-portal scenarios ours also runs without probing, to show what probing changes in the same run.
order() {
    local all=(osbrick ours cli) i out=()
    [[ ${2:-} == failover-* || ${2:-} == mp-2live-1dead ]] && all+=(ours-noprobe)
    local n=${#all[@]}
    for ((i = 0; i < n; i++)); do out+=("${all[(i + $1) % n]}"); done
    echo "${out[@]}"
}

# takes_part IMPL SCENARIO : whether a contender runs a scenario (all do, except in quick mode).
takes_part() {
    ((quick)) || return 0
    case $1 in
        osbrick) [[ $2 != failover-blackholed && $2 != failover-refused && $2 != mp-2live-1dead ]] ;;
        cli) [[ $2 == single ]] ;;
        ours-noprobe) return 1 ;;
        *) return 0 ;;
    esac
}

# selected SCENARIO : whether the scenario runs at all (--only, and quick mode's subset).
selected() {
    [[ -z $only || $only == *",$1,"* ]] || return 1
    ((quick)) && [[ $1 == sendtargets || $1 == shared ]] && return 1
    return 0
}

# attach_detach SCENARIO DATA MULTIPATH EXPECT(dm|sd) : every contender, every round.
attach_detach() {
    local sc=$1 data=$2 mp=$3 expect=$4 round impl node
    for ((round = 1; round <= rounds; round++)); do
        for impl in $(order "$round" "$sc"); do
            takes_part "$impl" "$sc" || continue
            attach "$impl" "$sc" "$round" "$data" "$mp" "$sc"
            if [[ $RUN_OK != true ]]; then
                problem "$sc/$impl round $round: attach failed: $(head -c 400 "$TB_TMP/$impl.$sc.attach.json" "$TB_TMP/cli.$sc.err" 2>/dev/null)"
            else
                node=$(readlink -f "$RUN_PATH")
                [[ -b $node ]] || problem "$sc/$impl: $RUN_PATH is not a block device"
                [[ $expect == dm && $node != /dev/dm-* ]] && problem "$sc/$impl: expected a multipath device, got $RUN_PATH ($node)"
                if [[ -n ${EXPECT_PATHS:-} && $node == /dev/dm-* ]]; then
                    local n
                    n=$(slaves_of "$node" | grep -c '^sd')
                    [[ $n == "$EXPECT_PATHS" ]] || problem "$sc/$impl round $round: map had $n path(s) when the attach returned, expected $EXPECT_PATHS"
                    echo "$sc	$impl	$round	$n" >>"$BENCH_OUT/map-paths.tsv"
                fi
                if [[ $impl == ours && $round == "$rounds" && $sc == single ]]; then
                    cp "$TB_TMP/ours.$sc.attach.json" "$BENCH_OUT/phases-ours-attach.json"
                fi
            fi
            detach "$impl" "$sc" "$round" "$data" "$mp" "$sc"
            after_run "$sc" "$impl"
        done
    done
}

# --- scenarios -------------------------------------------------------------------------------------
ci_single() { jq -cn --arg p "$1" --arg q "$2" '{target_portal: $p, target_iqn: $q, target_lun: 1}'; }

sc_single() {
    local q; q=$(iqn bench-single)
    make_target 1 bench-single && add_lun 1 1 64 || { problem "target setup"; return; }
    local data; data=$(ci_single "$P1" "$q")
    # Warm-up, untimed in the table: the first call of each long-lived process (imports, JIT) is
    # recorded as "first call" to show what a fresh agent pays once.
    for impl in osbrick ours; do
        OPNAME=first-attach attach "$impl" single 0 "$data" false warm
        OPNAME=first-detach detach "$impl" single 0 "$data" false warm
        after_run single "$impl"
    done
    cp "$TB_TMP/ours.warm.attach.json" "$BENCH_OUT/phases-ours-first-attach.json"
    cp "$TB_TMP/ours.warm.detach.json" "$BENCH_OUT/phases-ours-first-detach.json"
    TRACE=true attach_detach single "$data" false sd
    cp "$TB_TMP/ours.single.detach.json" "$BENCH_OUT/phases-ours-detach.json"
    cp "$TB_TMP/osbrick.single.attach.json" "$BENCH_OUT/phases-osbrick-attach.json"
    cp "$TB_TMP/osbrick.single.detach.json" "$BENCH_OUT/phases-osbrick-detach.json"
    count_cli_processes "$data"
    force_cleanup >/dev/null 2>&1
}

# count_cli_processes DATA : one extra, untimed CLI attach and detach under strace, counting execve
# (less the CLI's own), so the CLI's process count is measured too, not taken from the library's.
count_cli_processes() {
    command -v strace >/dev/null || { echo "BENCH: no strace: CLI process count not measured"; return; }
    jq -n --argjson data "$1" '{driver_volume_type: "iscsi", data: $data}' >"$TB_TMP/cli.strace.ci.json"
    strace -f -qq -e trace=execve -e signal=none -o "$TB_TMP/strace.attach" \
        "${CLI_EXE[@]}" connect --connection-info "$TB_TMP/cli.strace.ci.json" >"$TB_TMP/cli.strace.out" 2>/dev/null
    strace -f -qq -e trace=execve -e signal=none -o "$TB_TMP/strace.detach" \
        "${CLI_EXE[@]}" disconnect --connection-info "$TB_TMP/cli.strace.ci.json" --device-info "$TB_TMP/cli.strace.out" >/dev/null 2>&1
    local a d
    a=$(($(grep -c ' = 0$' "$TB_TMP/strace.attach") - 1))
    d=$(($(grep -c ' = 0$' "$TB_TMP/strace.detach") - 1))
    record single cli-strace 0 attach - - "$a" true "execve under strace -f, less the CLI itself"
    record single cli-strace 0 detach - - "$d" true "execve under strace -f, less the CLI itself"
    after_run single cli-strace
}

sc_failover() {
    local sc=$1 dead=$2 q; q=$(iqn "bench-$sc")
    make_target 1 "bench-$sc" && add_lun 1 1 64 || { problem "target setup"; return; }
    [[ $dead == "$P3" ]] && blackhole_on 127.0.0.3
    # os-brick's own failover keys: the plural lists with multipath off (it ignores target_alternative_*, and then
    # retries the dead primary alone until its device wait gives up). This library reads them the same way.
    local data
    data=$(jq -cn --arg d "$dead" --arg p "$P1" --arg q "$q" \
        '{target_portal: $d, target_iqn: $q, target_lun: 1, target_portals: [$d, $p], target_iqns: [$q, $q], target_luns: [1, 1]}')
    attach_detach "$sc" "$data" false sd
    force_cleanup >/dev/null 2>&1
}

mp_data() {
    local q=$1; shift
    jq -cn --arg q "$q" --args '{target_portal: $ARGS.positional[0], target_iqn: $q, target_lun: 1,
        target_portals: $ARGS.positional, target_iqns: [$ARGS.positional[] | $q], target_luns: [$ARGS.positional[] | 1]}' "$@"
}

sc_multipath() {
    local sc=$1; shift
    local q; q=$(iqn "bench-$sc")
    make_target 1 "bench-$sc" && add_lun 1 1 64 || { problem "target setup"; return; }
    [[ " $* " == *" $P3 "* && $sc == mp-2live-1dead ]] && blackhole_on 127.0.0.3
    EXPECT_PATHS=2 attach_detach "$sc" "$(mp_data "$q" "$@")" true dm
    force_cleanup >/dev/null 2>&1
}

sc_sendtargets() {
    local q; q=$(iqn bench-sendtargets)
    make_target 1 bench-sendtargets && add_lun 1 1 64 || { problem "target setup"; return; }
    # tgtd answers a SendTargets only with the portal it was asked on (see scenario 06): one path.
    EXPECT_PATHS=1 attach_detach sendtargets "$(ci_single "$P1" "$q")" true dm
    force_cleanup >/dev/null 2>&1
}

sc_eight() {
    local i items=() round impl data
    for i in 1 2 3 4 5 6 7 8; do
        make_target "$i" "bench-eight-$i" && add_lun "$i" 1 32 || { problem "target setup"; return; }
        items+=("$(ci_single "$P1" "$(iqn "bench-eight-$i")")")
    done
    for ((round = 1; round <= rounds; round++)); do
        for impl in $(order "$round"); do
            takes_part "$impl" eight || continue
            eight_at_once "$impl" "$round" "${items[@]}"
            after_run eight "$impl"
        done
    done
    force_cleanup >/dev/null 2>&1
}

eight_at_once() {
    local impl=$1 round=$2; shift 2
    local i t0 ms procs ok devs
    case $impl in
        osbrick | ours)
            local list
            list=$(i=0; for d in "$@"; do i=$((i + 1)); jq -cn --arg n "v$i" --argjson d "$d" '{name: $n, data: $d}'; done | jq -sc .)
            ask "$impl" "$(jq -cn --argjson items "$list" '{op: "connect_many", multipath: false, items: $items}')"
            printf '%s\n' "$ANSWER" >"$TB_TMP/$impl.eight.attach.json"
            ok=$(jsonf "$ANSWER" .ok)
            devs=$(jsonf "$ANSWER" '[.items[].path // empty] | unique | length')
            record eight "$impl" "$round" attach-all "$(jsonf "$ANSWER" .ms)" - "$(jsonf "$ANSWER" .procs)" "$ok" "$devs distinct devices"
            [[ $ok == true && $devs == 8 ]] || problem "eight/$impl round $round: $devs distinct devices, ok=$ok: $(jsonf "$ANSWER" '[.items[].error // empty] | first // ""' | head -c 300)"
            # os-brick's disconnect wants the device_info its connect returned.
            list=$(jq -c '[.items | to_entries[] | {name: ("v" + ((.key + 1) | tostring)), device_info: (.value.device_info // {})}]' "$TB_TMP/$impl.eight.attach.json")
            list=$(jq -cn --argjson a "$list" --args '[range(0; $ARGS.positional | length) as $i | $a[$i] + {data: ($ARGS.positional[$i] | fromjson)}]' "$@")
            ask "$impl" "$(jq -cn --argjson items "$list" '{op: "disconnect_many", multipath: false, items: $items}')"
            ok=$(jsonf "$ANSWER" .ok)
            record eight "$impl" "$round" detach-all "$(jsonf "$ANSWER" .ms)" - "$(jsonf "$ANSWER" .procs)" "$ok" ""
            [[ $ok == true ]] || problem "eight/$impl round $round: a detach failed"
            ;;
        cli)
            i=0
            for d in "$@"; do
                i=$((i + 1))
                jq -n --argjson data "$d" '{driver_volume_type: "iscsi", data: $data}' >"$TB_TMP/cli.v$i.ci.json"
            done
            t0=$(now_ms)
            for i in 1 2 3 4 5 6 7 8; do
                "${CLI_EXE[@]}" connect --connection-info "$TB_TMP/cli.v$i.ci.json" >"$TB_TMP/cli.v$i.out" 2>"$TB_TMP/cli.v$i.err" &
            done
            ok=true
            for i in 1 2 3 4 5 6 7 8; do wait -n || ok=false; done
            ms=$(($(now_ms) - t0))
            devs=$(for i in 1 2 3 4 5 6 7 8; do jq -r '.path // empty' "$TB_TMP/cli.v$i.out" 2>/dev/null; done | sort -u | grep -c .)
            record eight cli "$round" attach-all "$ms" - - "$ok" "$devs distinct devices"
            [[ $ok == true && $devs == 8 ]] || problem "eight/cli round $round: $devs distinct devices, ok=$ok"
            t0=$(now_ms)
            for i in 1 2 3 4 5 6 7 8; do
                "${CLI_EXE[@]}" disconnect --connection-info "$TB_TMP/cli.v$i.ci.json" --device-info "$TB_TMP/cli.v$i.out" >/dev/null 2>"$TB_TMP/cli.v$i.derr" &
            done
            ok=true
            for i in 1 2 3 4 5 6 7 8; do wait -n || ok=false; done
            record eight cli "$round" detach-all "$(($(now_ms) - t0))" - - "$ok" ""
            [[ $ok == true ]] || problem "eight/cli round $round: a detach failed"
            ;;
    esac
}

sc_shared() {
    local q round impl d1 d2; q=$(iqn bench-shared)
    make_target 1 bench-shared && add_lun 1 1 32 && add_lun 1 2 32 || { problem "target setup"; return; }
    d1=$(ci_single "$P1" "$q")
    d2=$(jq -c '.target_lun = 2' <<<"$d1")
    for ((round = 1; round <= rounds; round++)); do
        for impl in $(order "$round"); do
            takes_part "$impl" shared || continue
            OPNAME=attach-lun1 attach "$impl" shared "$round" "$d1" false lun1
            OPNAME=attach-lun2 attach "$impl" shared "$round" "$d2" false lun2
            [[ $RUN_OK == true ]] || problem "shared/$impl round $round: second LUN not attached"
            OPNAME=detach-lun1 detach "$impl" shared "$round" "$d1" false lun1
            expect_sessions=$(session_count)
            [[ $expect_sessions == 1 ]] || problem "shared/$impl round $round: $expect_sessions sessions after detaching LUN 1 (LUN 2 still needs one)"
            OPNAME=detach-lun2 detach "$impl" shared "$round" "$d2" false lun2
            after_run shared "$impl"
        done
    done
    force_cleanup >/dev/null 2>&1
}

sc_wrong_chap() {
    local q round impl data; q=$(iqn bench-chap)
    make_target 1 bench-chap && add_lun 1 1 32 && add_chap 1 benchuser "right-secret-123" || { problem "target setup"; return; }
    data=$(jq -cn --arg p "$P1" --arg q "$q" \
        '{target_portal: $p, target_iqn: $q, target_lun: 1, auth_method: "CHAP", auth_username: "benchuser", auth_password: "wrong-secret-456"}')
    for ((round = 1; round <= rounds; round++)); do
        for impl in $(order "$round"); do
            takes_part "$impl" wrong-chap || continue
            OPNAME=attach-fails attach "$impl" wrong-chap "$round" "$data" false chap
            [[ $RUN_OK == false ]] || problem "wrong-chap/$impl: the attach succeeded with a wrong password"
            case $impl in
                ours) [[ $(jq -r .auth_failure "$TB_TMP/ours.chap.attach.json") == true ]] ||
                    problem "wrong-chap/ours: not reported as an authentication failure: $(head -c 300 "$TB_TMP/ours.chap.attach.json")" ;;
                cli) [[ $CLI_LAST_RC == 4 ]] || problem "wrong-chap/cli: exit code $CLI_LAST_RC, expected 4 (authentication)" ;;
                osbrick) echo "wrong-chap	osbrick	$round	$(jq -r '.error_type + ": " + .error' "$TB_TMP/osbrick.chap.attach.json" | head -c 200)" >>"$BENCH_OUT/errors.tsv" ;;
            esac
            after_run wrong-chap "$impl"
        done
    done
    force_cleanup >/dev/null 2>&1
}

# --- run -------------------------------------------------------------------------------------------
main() {
    log "BENCH: start (quick=$quick rounds=$rounds) CLI=${CLI_EXE[*]}"
    echo "quick=$quick rounds=$rounds cli=${CLI_EXE[*]} host=$BENCH_HOST" >"$BENCH_OUT/meta.txt"
    start_host osbrick /usr/bin/python3 "$BENCH_DIR/osbrick_driver.py" || return 1
    local host_cmd=("$BENCH_HOST")
    [[ $BENCH_HOST == *.dll ]] && host_cmd=(dotnet "$BENCH_HOST")
    # A node agent runs for days: its code is long since fully optimised. With few calls per run, tiered
    # compilation would still be re-compiling during the measured calls, so the host runs its precompiled
    # (ReadyToRun) code and compiles the rest once, optimised (no tiering); the first call shows the cost.
    DOTNET_TieredCompilation=0 start_host ours "${host_cmd[@]}" || return 1
    force_cleanup >/dev/null 2>&1
    selected single && sc_single
    selected failover-refused && sc_failover failover-refused "$P_REFUSED"
    selected failover-blackholed && sc_failover failover-blackholed "$P3"
    selected mp-2live-1dead && sc_multipath mp-2live-1dead "$P1" "$P2" "$P3"
    selected mp-2 && sc_multipath mp-2 "$P1" "$P2"
    selected wrong-chap && sc_wrong_chap
    selected eight && sc_eight
    selected sendtargets && sc_sendtargets
    selected shared && sc_shared
    ask osbrick '{"op":"quit"}' 2>/dev/null
    ask ours '{"op":"quit"}' 2>/dev/null
    log "BENCH: measurements done"
}

main
restore_wrappers
/usr/bin/python3 "$BENCH_DIR/summarise.py" "$BENCH_OUT" $( ((quick)) && echo --quick) >"$BENCH_OUT/summary.md"
summary_rc=$?
cat "$BENCH_OUT/summary.md"
((summary_rc == 0)) || BAD=1
exit "$BAD"
