#!/bin/bash
# Scenario 26 — issue 12, mutual CHAP on the real kernel: tgtd authenticates the initiator (incoming account) and
# the initiator authenticates tgtd (outgoing account, connection_info auth_username_in/auth_password_in). The right
# pair attaches; a wrong target secret makes the initiator refuse the target (no session, no record left); no secret
# appears on any stderr line. (Discovery CHAP cannot be shown here: tgtd has no discovery authentication.)
source "$TB_DIR/guest/lib.sh"

IQN=$(iqn mchap)
SECRET="Tb-in-$RANDOM$RANDOM"
TSECRET="Tb-out-$RANDOM$RANDOM"
WRONG="Tb-wrong-$RANDOM$RANDOM"
make_target 1 mchap && add_lun 1 1 32 && add_chap 1 chapuser "$SECRET" &&
    tgtadm --lld iscsi --op new --mode account --user tgtuser --password "$TSECRET" &&
    tgtadm --lld iscsi --op bind --mode account --tid 1 --user tgtuser --outgoing || { fail "target setup"; finish; }
ci() {
    conninfo "$1" --arg target_portal "$P1" --arg target_iqn "$IQN" --argjson target_lun 1 \
        --arg auth_method CHAP --arg auth_username chapuser --arg auth_password "$SECRET" \
        --arg auth_username_in tgtuser --arg auth_password_in "$2"
}
ci "$TB_TMP/bad.json" "$WRONG"
ci "$TB_TMP/ci.json" "$TSECRET"
no_secrets_in() {
    if grep -qF -e "$SECRET" -e "$TSECRET" -e "$WRONG" "$TB_TMP/$1.err"; then fail "a CHAP secret appears on $1's stderr"
    else pass "no CHAP secret on $1's stderr ($(wc -l <"$TB_TMP/$1.err") lines)"; fi
}

cli bad connect --connection-info "$TB_TMP/bad.json" --verbose
check "a wrong target secret fails the attach (exit $CLI_RC)" test "$CLI_RC" -ne 0
no_secrets_in bad
expect_eq "sessions after the refused target" 0 "$(session_count)"
expect_eq "node records after the refused target" 0 "$(iscsiadm -m node 2>/dev/null | grep -c .)"

cli good connect --connection-info "$TB_TMP/ci.json" --verbose
expect_rc "connect with mutual CHAP" 0
no_secrets_in good
expect_device good
expect_eq "session username" chapuser "$(cat /sys/class/iscsi_session/session*/username 2>/dev/null | head -n1)"
expect_eq "session username_in (the target's)" tgtuser "$(cat /sys/class/iscsi_session/session*/username_in 2>/dev/null | head -n1)"
[[ -n $DEVNODE ]] && check_io "$DEV" "$(backing 1 1)" 3

disconnect_clean good
no_secrets_in disconnect
finish
