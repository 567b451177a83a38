#!/bin/bash
# Scenario 27 — issue 12's storm (quick variant: STORM_ROUNDS=2; the full one is a separate command, see
# docs/testbed.md): five volumes on two shared targets — three LUNs single-path on one target, two LUNs multipath
# over two portals on the other — attached by five CLI processes at once, some of them SIGKILLed mid-attach; then a
# cleanup pass (disconnect of each killed volume, concurrently) while the survivors stay attached; every survivor's
# data must still read back (a vanished or unreadable device is a wrong logout); then all are detached at once and
# nothing may be left. Prints operations, kills, leaks and wrong logouts.
# testbed-timeout: 300
source "$TB_DIR/guest/lib.sh"

ROUNDS=${STORM_ROUNDS:-2}
make_target 1 storm-a && add_lun 1 1 16 && add_lun 1 2 16 && add_lun 1 3 16 &&
    make_target 2 storm-b && add_lun 2 1 16 && add_lun 2 2 16 || { fail "target setup"; finish; }
vols=(a1 a2 a3 b1 b2)
for l in 1 2 3; do
    conninfo "$TB_TMP/ci-a$l.json" --arg target_portal "$P1" --arg target_iqn "$(iqn storm-a)" --argjson target_lun "$l"
done
for l in 1 2; do
    conninfo "$TB_TMP/ci-b$l.json" --arg target_portal "$P1" --arg target_iqn "$(iqn storm-b)" --argjson target_lun "$l" \
        --argjson target_portals "[\"$P1\",\"$P2\"]" --argjson target_iqns "[\"$(iqn storm-b)\",\"$(iqn storm-b)\"]" \
        --argjson target_luns "[$l,$l]"
done
mp() { [[ $1 == b* ]] && echo --multipath; }
tid() { [[ $1 == a* ]] && echo 1 || echo 2; }

ops=0 kills=0 wrong=0 leaks=0
for round in $(seq 1 "$ROUNDS"); do
    declare -A pid=() killed=() rc=()
    for v in "${vols[@]}"; do
        # shellcheck disable=SC2046
        cli_bg "c$round$v" connect --connection-info "$TB_TMP/ci-$v.json" $(mp "$v")
        pid[$v]=$CLI_PID; ops=$((ops + 1))
    done
    sleep "0.$((RANDOM % 9 + 1))"
    for v in "${vols[@]}"; do
        if ((RANDOM % 3 == 0)) && kill -0 "${pid[$v]}" 2>/dev/null && kill -9 "${pid[$v]}" 2>/dev/null; then
            killed[$v]=1; kills=$((kills + 1))
        fi
    done
    for v in "${vols[@]}"; do wait "${pid[$v]}"; rc[$v]=$?; done
    survivors=()
    for v in "${vols[@]}"; do
        [[ -n ${killed[$v]:-} ]] && continue
        CLI_RC=${rc[$v]}; expect_rc "round $round connect $v" 0
        expect_device "c$round$v"
        if [[ -n $DEVNODE ]] && check_io "$DEV" "$(backing "$(tid "$v")" "${v:1}")" 4; then
            cp "$TB_TMP/pattern" "$TB_TMP/pattern-$v"; survivors+=("$v")
        fi
    done
    victims=$(printf '%s ' "${!killed[@]}")
    note "round $round: killed ${victims:-none}, survivors ${survivors[*]:-none}"

    # Cleanup pass of the killed attaches, concurrently, with the survivors attached on the same targets. A SIGKILLed
    # CLI's iscsiadm children live on (a login may still complete): the pass starts once they are gone.
    wait_for 60 '! pgrep -x iscsiadm >/dev/null' || fail "round $round: iscsiadm processes still running 60 s after the kills"
    cpids=()
    for v in "${!killed[@]}"; do
        # shellcheck disable=SC2046
        cli_bg "x$round$v" disconnect --connection-info "$TB_TMP/ci-$v.json" $(mp "$v")
        cpids+=("$CLI_PID"); ops=$((ops + 1))
    done
    for p in "${cpids[@]}"; do wait "$p"; done
    for v in "${!killed[@]}"; do
        [[ $(jq -r '.clean // empty' "$TB_TMP/x$round$v.out") == true ]] || fail "round $round cleanup of killed $v was not clean: $(tail -n1 "$TB_TMP/x$round$v.err")"
    done
    for v in "${survivors[@]}"; do
        dev=$(jq -r .path "$TB_TMP/c$round$v.out")
        if ! dd if="$dev" of="$TB_TMP/readback-$v" bs=1M skip=4 count=1 iflag=direct status=none 2>/dev/null ||
            ! cmp -s "$TB_TMP/pattern-$v" "$TB_TMP/readback-$v"; then
            wrong=$((wrong + 1)); fail "round $round: survivor $v lost its device or data during the cleanup pass"
        fi
    done

    # Everyone detaches at once.
    dpids=()
    for v in "${survivors[@]}"; do
        # shellcheck disable=SC2046
        cli_bg "d$round$v" disconnect --connection-info "$TB_TMP/ci-$v.json" --device-info "$TB_TMP/c$round$v.out" $(mp "$v")
        dpids+=("$CLI_PID"); ops=$((ops + 1))
    done
    for p in "${dpids[@]}"; do wait "$p"; done
    wait_for 10 '[[ -z $(dm_devices) && $(session_count) == 0 ]]'
    if ! leak_check >/dev/null; then leaks=$((leaks + 1)); fail "round $round left: $LEAKS"; force_cleanup; fi
done

echo "STORM: rounds=$ROUNDS operations=$ops kills=$kills leaks=$leaks wrong_logouts=$wrong"
note "storm: $ROUNDS rounds, $ops operations, $kills kills, $leaks leaks, $wrong wrong logouts"
expect_eq "rounds that leaked" 0 "$leaks"
expect_eq "wrong logouts" 0 "$wrong"
finish
