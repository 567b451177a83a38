#!/bin/sh
# Test-bed wrapper installed (inside the guest only) in place of iscsiadm, blockdev, multipath,
# multipathd, dmsetup, udevadm, … to count the processes the CLI starts. The CLI runs with
# TESTBED_PROC_LOG=<file> in its environment; its children inherit it and append one line here.
# Processes started by anything else (udev rules, the test bed) have no TESTBED_PROC_LOG and are
# not counted. guest/init.sh replaces @REAL@ with the real binary in the untouched host root.
name=${0##*/}
if [ -n "${TESTBED_PROC_LOG:-}" ]; then
    # Redact CHAP secrets: the value after "-v" when the preceding "-n" names a password.
    line=$name key= prev=
    for a in "$@"; do
        if [ "$prev" = "-n" ]; then key=$a; fi
        if [ "$prev" = "-v" ]; then
            case $key in *password*) a='***' ;; esac
        fi
        line="$line $a"
        prev=$a
    done
    printf '%s\n' "$line" >>"$TESTBED_PROC_LOG"
fi
exec @REAL@ "$@"
