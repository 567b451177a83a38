#!/bin/bash
# Scenario 9 — CHAP: the right credentials attach; a wrong password fails fast with exit code 4;
# neither secret appears in any stderr line, even with --verbose.
source "$TB_DIR/guest/lib.sh"

IQN=$(iqn chap)
SECRET="Tb-secret-$RANDOM$RANDOM"
WRONG="Tb-wrong-$RANDOM$RANDOM"
make_target 1 chap && add_lun 1 1 32 && add_chap 1 chapuser "$SECRET" || { fail "target setup"; finish; }
ci() {
    conninfo "$1" --arg target_portal "$P1" --arg target_iqn "$IQN" --argjson target_lun 1 \
        --arg auth_method CHAP --arg auth_username chapuser --arg auth_password "$2"
}
ci "$TB_TMP/bad.json" "$WRONG"
ci "$TB_TMP/good.json" "$SECRET"

no_secrets_in() {
    if grep -qF -e "$SECRET" -e "$WRONG" "$TB_TMP/$1.err"; then fail "a CHAP secret appears on $1's stderr"
    else pass "no CHAP secret on $1's stderr ($(wc -l <"$TB_TMP/$1.err") lines)"; fi
}

cli bad connect --connection-info "$TB_TMP/bad.json" --verbose
expect_rc "connect with a wrong password" 4
expect_le "wrong password fails fast (ms, wall incl. dotnet start)" "$(bound_ms 20000)" "$CLI_MS"
no_secrets_in bad
expect_eq "sessions after the failed login" 0 "$(session_count)"

cli good connect --connection-info "$TB_TMP/good.json" --verbose
expect_rc "connect with the right password" 0
attach_metrics good
no_secrets_in good
expect_device good
expect_eq "session username" chapuser "$(cat /sys/class/iscsi_session/session*/username 2>/dev/null | head -n1)"
[[ -n $DEVNODE ]] && check_io "$DEV" "$(backing 1 1)" 3

cli disconnect disconnect --connection-info "$TB_TMP/good.json" --device-info "$TB_TMP/good.out" --verbose
expect_rc disconnect 0
metric detach_ms "$CLI_MS"
no_secrets_in disconnect
expect_eq "sessions after disconnect" 0 "$(session_count)"
finish
