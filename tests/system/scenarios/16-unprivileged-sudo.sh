#!/bin/bash
# Scenario 16 — unprivileged with a root helper (issue 13): an ordinary user runs the CLI with
# `--root-helper "sudo -n"` and a sudoers file written here (the sample of docs/deployment.md). Attach
# (single and multipath), extend and detach work with nothing left behind; sysfs writes went through
# `sudo -n tee`, records through `sudo -n iscsiadm`. The same user without the sudoers rule is refused
# cleanly: the host check says so (exit 8) before any record or login.
# testbed-timeout: 420
source "$TB_DIR/guest/lib.sh"

USER_NAME=tbuser
useradd -m -s /bin/bash "$USER_NAME" 2>/dev/null
# sudo resolves the host name; the guest's is not in /etc/hosts (it would add a warning line to every stderr).
grep -q testbed-guest /etc/hosts 2>/dev/null || echo "127.0.1.1 testbed-guest" >>/etc/hosts

# The sample sudoers rules (docs/deployment.md), with this user's name.
write_sudoers() {
    cat >/etc/sudoers.d/iscsi-connector <<SUDOERS
Defaults:$USER_NAME !requiretty
$USER_NAME ALL=(root) NOPASSWD: /usr/sbin/iscsiadm, /usr/sbin/multipath, /usr/sbin/multipathd, /usr/sbin/blockdev --flushbufs /dev/*, \\
    /usr/bin/tee /sys/class/scsi_host/host*/scan, /usr/bin/tee /sys/block/sd*/device/delete, /usr/bin/tee /sys/block/sd*/device/rescan, \\
    /usr/bin/cat /etc/iscsi/initiatorname.iscsi
SUDOERS
    chmod 0440 /etc/sudoers.d/iscsi-connector
}
trap 'rm -f /etc/sudoers.d/iscsi-connector; userdel -r "$USER_NAME" >/dev/null 2>&1' EXIT

# cli_user NAME ARGS… : like `cli`, as $USER_NAME (no root), with that user's home.
cli_user() {
    local name=$1; shift
    local t0
    : >"$TB_TMP/$name.procs"
    chmod 666 "$TB_TMP/$name.procs"
    echo "\$ (as $USER_NAME) iscsi-connector $*"
    t0=$(now_ms)
    runuser -u "$USER_NAME" -- env HOME="/home/$USER_NAME" DOTNET_CLI_HOME="/home/$USER_NAME" TESTBED_PROC_LOG="$TB_TMP/$name.procs" \
        "${CLI[@]}" "$@" >"$TB_TMP/$name.out" 2>"$TB_TMP/$name.err"
    CLI_RC=$?
    CLI_MS=$(($(now_ms) - t0))
    echo "[rc=$CLI_RC, $CLI_MS ms wall]"
    sed 's/^/  stdout: /' "$TB_TMP/$name.out" | head -c 4000
    sed 's/^/  stderr: /' "$TB_TMP/$name.err" | head -n 60
}

check "$USER_NAME is not root" test "$(id -u "$USER_NAME")" != 0
write_sudoers
run visudo -c -f /etc/sudoers.d/iscsi-connector || fail "the sample sudoers file does not parse"
check "sudo -n lets $USER_NAME run iscsiadm" runuser -u "$USER_NAME" -- sudo -n iscsiadm --version

IQN=$(iqn unpriv)
make_target 1 unpriv && add_lun 1 1 64 || { fail "target setup"; finish; }
multipath_conninfo "$P1" "$P2"

# --- host check through the helper
cli_user check check --root-helper "sudo -n" --multipath
expect_rc check 0
expect_eq "privileges finding" "the root helper 'sudo -n' runs iscsiadm" "$(json check '.checks[] | select(.requirement == "privileges") | .detail')"
expect_eq "initiator name read through the helper" "iqn.2024-01.test.testbed:initiator" "$(json check '.checks[] | select(.requirement == "initiator_name") | .detail')"

# --- single path (failover mode)
conninfo "$TB_TMP/ci1.json" --arg target_portal "$P1" --arg target_iqn "$IQN" --argjson target_lun 1
cli_user c1 connect --connection-info "$TB_TMP/ci1.json" --root-helper "sudo -n" --verbose
expect_rc c1 0
attach_metrics c1
expect_device c1
check "the LUN scan went through 'sudo -n tee'" grep -q "Running sudo -n tee /sys/class/scsi_host/host[0-9]*/scan" "$TB_TMP/c1.err"
check "the record was asked of iscsiadm, not read from /etc/iscsi/nodes" grep -q "Running sudo -n iscsiadm -m node -T $IQN -p $P1 -I default -o show" "$TB_TMP/c1.err"
[[ -n $DEVNODE ]] && check_io "$DEV" "$(backing 1 1)" 5

check "LUN grown to 96 MiB on the target" grow_lun 1 1 96
cli_user e1 extend --connection-info "$TB_TMP/ci1.json" --root-helper "sudo -n" --verbose
expect_rc e1 0
expect_eq "extend's size_bytes" $((96 << 20)) "$(json e1 '.size_bytes')"
check "the rescan went through 'sudo -n tee'" grep -q "Running sudo -n tee /sys/block/sd[a-z]*/device/rescan" "$TB_TMP/e1.err"

cli_user d1 disconnect --connection-info "$TB_TMP/ci1.json" --device-info "$TB_TMP/c1.out" --root-helper "sudo -n" --verbose
expect_rc d1 0
metric detach_ms "$CLI_MS"
check "the disk delete went through 'sudo -n tee'" grep -q "Running sudo -n tee /sys/block/sd[a-z]*/device/delete" "$TB_TMP/d1.err"
expect_eq "sessions after the single-path disconnect" 0 "$(session_count)"
wait_for 10 '[[ -z $(sd_devices) && -z $(dm_devices) ]]'
expect_eq "disks after the single-path disconnect" "" "$(sd_devices)$(dm_devices)"
iscsiadm -m node >/dev/null 2>&1; expect_eq "node records after the single-path disconnect (iscsiadm -m node exit)" 21 "$?"

# --- multipath over two portals
cli_user c2 connect --connection-info "$TB_TMP/ci.json" --multipath --root-helper "sudo -n" --verbose
expect_rc c2 0
expect_device c2
check "multipath path is a dm device" test "${DEVNODE#/dev/dm-}" != "$DEVNODE"
expect_eq "paths under the dm device" 2 "$(slaves_of "$DEVNODE" | grep -c '^sd')"
[[ -n $DEVNODE ]] && check_io "$DEV" "$(backing 1 1)" 70
cli_user d2 disconnect --connection-info "$TB_TMP/ci.json" --device-info "$TB_TMP/c2.out" --multipath --root-helper "sudo -n" --verbose
expect_rc d2 0
expect_eq "sessions after the multipath disconnect" 0 "$(session_count)"
wait_for 10 '[[ -z $(sd_devices) && -z $(dm_devices) ]]'
expect_eq "disks and maps after the multipath disconnect" "" "$(sd_devices)$(dm_devices)"

# --- the same user, sudo not allowed: refused cleanly before anything is created
rm -f /etc/sudoers.d/iscsi-connector
cli_user r1 connect --connection-info "$TB_TMP/ci1.json" --root-helper "sudo -n"
expect_rc r1 8
expect_eq "the refusal names the helper" problem "$(json r1 '.host_check.checks[] | select(.requirement == "privileges") | .status')"
check "the refusal quotes sudo" grep -q "a password is required" "$TB_TMP/r1.out"
check "one error line, no stack trace" test "$(grep -c '   at ' "$TB_TMP/r1.err")" = 0
expect_eq "sessions after the refusal" 0 "$(session_count)"
iscsiadm -m node >/dev/null 2>&1; expect_eq "node records after the refusal (iscsiadm -m node exit)" 21 "$?"
note "unprivileged attach $(json c1 '.elapsed_ms') ms in the connector; refusal after $(json r1 '.elapsed_ms') ms"
finish
