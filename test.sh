#!/usr/bin/env bash
# Runs every test of the project on a fresh machine: installs what is missing (tests/system/run.sh
# apt-gets the Debian packages of the test bed), restores, builds (warnings are errors), runs the unit
# and CLI tests, the quick benchmarks and the real-kernel system tests in QEMU. Every stage runs even
# when an earlier one failed, so one run shows everything; the exit code is non-zero if any failed.
set -uo pipefail
cd "$(dirname "$0")"

failed=()
stage() {
    local name=$1; shift
    echo "==> $name"
    "$@" || failed+=("$name")
}

# Debian packages the unit tests need (libvirt's schema validator) and the live-migration stage (QEMU, tgtd).
tests/system/migration/packages.sh

echo "==> restore and build"
dotnet restore IscsiConnector.sln && dotnet build IscsiConnector.sln --no-restore -c Release || exit 1

stage "unit and CLI tests" dotnet test IscsiConnector.sln --no-build -c Release --logger "console;verbosity=minimal"

# A real live migration in libiscsi mode on this host's loopback: tgtd, two paused QEMUs, the CLI's
# libiscsi/device-paths/migrate-xml output (docs/live-migration.md). Seconds on a quiet host.
stage "live migration (libiscsi)" tests/system/migration/run.sh

# Figures and ratios against a peer measured in the same run; non-zero when a target is missed
# (docs/benchmarks.md).
stage "benchmarks (quick)" dotnet run -c Release --no-build --project tests/IscsiConnector.Benchmarks -- --quick

# What a package feed user gets: READMEs, SourceLink, the tool package's files, the NativeAOT CLI (~2 min).
stage "packaging" tests/packaging/check.sh

# Real kernel in QEMU: tgtd, open-iscsi, udev and dm-multipath on the guest's loopback. Prints
# "SKIPPED: <reason>" and succeeds when QEMU cannot run here, except with CI=true.
stage "system tests" tests/system/run.sh

if ((${#failed[@]})); then
    printf 'FAILED: %s\n' "${failed[@]}"
    exit 1
fi
echo "all stages passed"
