#!/usr/bin/env bash
# Runs every test of the project on a fresh machine: installs what is missing, restores, builds
# (warnings are errors), runs the unit tests, and then the real-kernel system tests in QEMU.
set -euo pipefail
cd "$(dirname "$0")"

echo "==> restore and build"
dotnet restore IscsiConnector.sln
dotnet build IscsiConnector.sln --no-restore -c Release

echo "==> unit tests"
dotnet test IscsiConnector.sln --no-build -c Release --logger "console;verbosity=minimal"

echo "==> system tests (real kernel in QEMU: tgtd, open-iscsi, udev, dm-multipath on the guest's loopback)"
# Prints "SKIPPED: <reason>" and succeeds when QEMU cannot run here, except with CI=true.
tests/system/run.sh
