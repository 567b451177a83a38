#!/bin/bash
# Scenario 7 — eight volumes on eight targets, attached concurrently (eight CLI processes at once)
# and then detached concurrently. Every volume gets its own disk, with the right data behind it.
# testbed-timeout: 300
source "$TB_DIR/guest/lib.sh"

N=8
for i in $(seq 1 $N); do
    make_target "$i" "vol$i" && add_lun "$i" 1 16 || { fail "target $i setup"; finish; }
    conninfo "$TB_TMP/ci$i.json" --arg target_portal "$P1" --arg target_iqn "$(iqn "vol$i")" --argjson target_lun 1
done

t0=$(now_ms)
pids=()
for i in $(seq 1 $N); do
    cli_bg "c$i" connect --connection-info "$TB_TMP/ci$i.json" --verbose
    pids+=("$CLI_PID")
done
for i in $(seq 1 $N); do
    wait "${pids[$((i - 1))]}"
    rc[$i]=$?
done
attach=$(($(now_ms) - t0))
metric attach_ms "$attach (all $N)"
total=0
for i in $(seq 1 $N); do total=$((total + $(procs "c$i"))); done
metric procs "$((total / N)) avg"

declare -A seen
for i in $(seq 1 $N); do
    CLI_RC=${rc[$i]}
    expect_rc "connect vol$i" 0
    sed 's/^/  stderr vol'"$i"': /' "$TB_TMP/c$i.err" | tail -n 5
    expect_device "c$i"
    s=$(sessions_for "$(iqn "vol$i")" "$P1")
    expect_eq "vol$i path is its own target's disk" "/dev/$(disk_of "$s" 1)" "$DEVNODE"
    [[ -z ${seen[$DEVNODE]:-} ]] || fail "vol$i got the same device as ${seen[$DEVNODE]}"
    seen[$DEVNODE]=vol$i
    [[ -n $DEVNODE ]] && check_io "$DEV" "$(backing "$i" 1)" 2
done
expect_eq "sessions" "$N" "$(session_count)"

t0=$(now_ms)
pids=()
for i in $(seq 1 $N); do
    cli_bg "d$i" disconnect --connection-info "$TB_TMP/ci$i.json" --device-info "$TB_TMP/c$i.out" --verbose
    pids+=("$CLI_PID")
done
for i in $(seq 1 $N); do
    wait "${pids[$((i - 1))]}"
    CLI_RC=$?
    expect_rc "disconnect vol$i" 0
    sed 's/^/  stderr vol'"$i"': /' "$TB_TMP/d$i.err" | tail -n 5
done
metric detach_ms "$(($(now_ms) - t0)) (all $N)"
expect_eq "sessions after disconnect" 0 "$(session_count)"
finish
