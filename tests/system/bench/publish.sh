#!/usr/bin/env bash
# Host side of the bed benchmark (and of the bed's CLI): publishes the .NET bench host and the CLI as
# NativeAOT, and prints run.conf lines for the guest: BENCH_HOST=… and CLI_AOT=… (empty when a build
# failed; the log says why). NativeAOT needs a C toolchain: clang, or Debian's clang-14.
# usage: publish.sh REPO WORK [bench-host] [cli-aot]
set -uo pipefail
repo=$1 work=$2; shift 2
log() { echo "testbed: $*" >&2; }
for what in "$@"; do
    case $what in
        bench-host)
            if dotnet publish "$repo/tests/IscsiConnector.BedBench/IscsiConnector.BedBench.csproj" -c Release \
                -r linux-x64 --self-contained false -p:PublishReadyToRun=true -o "$work/bench-host" --nologo -v quiet >"$work/bench-host.publish.log" 2>&1; then
                echo "BENCH_HOST=$work/bench-host/iscsi-bed-bench.dll"
            else
                log "publishing the bench host failed (see $work/bench-host.publish.log)"
                echo "BENCH_HOST="
            fi
            ;;
        cli-aot)
            linker=()
            if ! command -v clang >/dev/null; then
                if command -v clang-14 >/dev/null; then linker=(-p:CppCompilerAndLinker=clang-14); else
                    log "no clang: the CLI is not published NativeAOT"; echo "CLI_AOT="; continue
                fi
            fi
            if dotnet publish "$repo/src/IscsiConnector.Cli/IscsiConnector.Cli.csproj" -c Release -r linux-x64 \
                -p:PublishAot=true "${linker[@]}" -o "$work/cli-aot" --nologo -v quiet >"$work/cli-aot.publish.log" 2>&1 &&
                "$work/cli-aot/iscsi-connector" connect --help 2>&1 | grep -q -- '--connection-info'; then
                echo "CLI_AOT=$work/cli-aot/iscsi-connector"
            else
                log "publishing the CLI NativeAOT failed (see $work/cli-aot.publish.log)"
                echo "CLI_AOT="
            fi
            ;;
    esac
done
