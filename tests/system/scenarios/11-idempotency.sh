#!/bin/bash
# Scenario 11 — idempotency: connecting twice returns the same device over one session; the second
# disconnect of an already detached volume succeeds too.
source "$TB_DIR/guest/lib.sh"

setup_single idem 32

cli c1 connect --connection-info "$TB_TMP/ci.json" --verbose
expect_rc "first connect" 0
attach_metrics c1
expect_device c1
first=$DEVNODE
cli c2 connect --connection-info "$TB_TMP/ci.json" --verbose
expect_rc "second connect" 0
expect_device c2
expect_eq "second connect returns the same device" "$first" "$DEVNODE"
expect_eq "sessions" 1 "$(session_count)"
expect_eq "second connect's outcome" already_logged_in "$(portal_field c2 "$P1" outcome)"
note "second connect: $(procs c2) process starts"

cli d1 disconnect --connection-info "$TB_TMP/ci.json" --device-info "$TB_TMP/c2.out" --verbose
expect_rc "first disconnect" 0
metric detach_ms "$CLI_MS"
cli d2 disconnect --connection-info "$TB_TMP/ci.json" --device-info "$TB_TMP/c2.out" --verbose
expect_rc "second disconnect (nothing left to detach)" 0
expect_eq "sessions after disconnect" 0 "$(session_count)"
finish
