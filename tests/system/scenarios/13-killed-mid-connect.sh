#!/bin/bash
# Scenario 13 — the CLI is killed with SIGKILL after the login but before it returns; a second
# connect reuses the session it left, and disconnect cleans everything up.
source "$TB_DIR/guest/lib.sh"

setup_single killed 32

cli_bg killed connect --connection-info "$TB_TMP/ci.json" --verbose
# Watch sysfs for the session and kill the CLI the moment it appears. The loop forks nothing (compgen and
# SECONDS are bash builtins; the bed runs one scenario at a time and starts with no session, so any session is
# this one): the NativeAOT CLI finishes its scan and disk wait within a few forks' time in the TCG guest, and a
# poll that forked (cat, date, sleep) missed it.
deadline=$((SECONDS + 60))
until compgen -G "/sys/class/iscsi_session/session*" >/dev/null || ((SECONDS > deadline)); do :; done
if kill -9 "$CLI_PID" 2>/dev/null; then
    pass "CLI killed after the login (session $(sessions_for "$IQN" "$P1") present)"
else
    fail "the CLI had already exited before the kill: the scenario proved nothing"
fi
wait "$CLI_PID"
echo "killed CLI exit status $?; stdout: $(out killed | head -c 300)"
check "the killed CLI printed no result" test ! -s "$TB_TMP/killed.out"
expect_eq "sessions left by the killed CLI" 1 "$(session_count)"

cli again connect --connection-info "$TB_TMP/ci.json" --verbose
expect_rc "connect after the kill" 0
attach_metrics again
expect_device again
expect_eq "sessions (the old one reused)" 1 "$(session_count)"
expect_eq "outcome" already_logged_in "$(portal_field again "$P1" outcome)"
[[ -n $DEVNODE ]] && check_io "$DEV" "$(backing 1 1)" 1

disconnect_clean again
finish
