#!/usr/bin/env bash
# Packs the three packages and checks what a package feed user gets: a README written for them (no test-bed or CI
# text, no links into the repository tree), SourceLink data in the PDBs, nothing unexpected in the tool package.
# Then builds the CLI with NativeAOT and runs `--version` and a `--simulate` connect with the native binary.
# Installs the native toolchain (clang, lld, zlib1g-dev) with apt-get when it is missing. Usage: tests/packaging/check.sh
set -uo pipefail
cd "$(dirname "$0")/../.."

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
problems=()
problem() { problems+=("$1"); echo "  FAIL: $1"; }

repo_url=https://github.com/iscsi-connector/IscsiConnector
echo "--> packing into $work/feed"
for project in src/IscsiConnector src/IscsiConnector.Testing src/IscsiConnector.Cli; do
    dotnet pack "$project" -c Release -o "$work/feed" --nologo -v quiet || problem "dotnet pack $project failed"
done

for id in IscsiConnector IscsiConnector.Testing IscsiConnector.Cli; do
    nupkg="$work/feed/$id.0.1.0.nupkg"
    [[ -f $nupkg ]] || { problem "$id: no package"; continue; }
    readme=$(unzip -p "$nupkg" README.md 2>/dev/null) || { problem "$id: README.md missing from the package"; continue; }
    # Text a package user cannot act on: the test bed, CI, paths of this machine or of the repository tree.
    if grep -nEi 'test[ -]?bed|qemu|\bCI\b|test\.sh|/work/|\]\((\.\./|docs/|samples/|tests/|src/)' <<<"$readme"; then
        problem "$id: README.md has test-bed/CI text or a relative link (above)"
    fi
    grep -q "$repo_url" <<<"$readme" || problem "$id: README.md has no absolute link to $repo_url"
    nuspec=$(unzip -p "$nupkg" "$id.nuspec")
    grep -q "<repository type=\"git\" url=\"$repo_url\"[^>]* commit=\"[0-9a-f]\{40\}\"" <<<"$nuspec" || problem "$id: nuspec lacks the repository url and commit"
    grep -q "<projectUrl>$repo_url</projectUrl>" <<<"$nuspec" || problem "$id: nuspec lacks projectUrl"
    grep -q "<releaseNotes>### " <<<"$nuspec" || problem "$id: nuspec release notes are not CHANGELOG.md's 0.1.0 section"
    # SourceLink: the portable PDB carries the JSON that maps local paths to raw files at the built commit.
    pdb=$(unzip -Z1 "$work/feed/$id.0.1.0.snupkg" | grep -m1 '\.pdb$')
    # (grep -c reads to the end: grep -q would stop early and fail the pipe under pipefail)
    if (($(unzip -p "$work/feed/$id.0.1.0.snupkg" "$pdb" | grep -ac "https://raw.githubusercontent.com/iscsi-connector/IscsiConnector/[0-9a-f]\{40\}/") > 0)); then
        echo "  ok: $id: README, repository metadata, release notes, SourceLink in $pdb"
    else
        problem "$id: $pdb has no SourceLink data for $repo_url"
    fi
done

# The tool package: the tool, its libraries and their PDBs, the tool settings; nothing else.
unexpected=$(unzip -Z1 "$work/feed/IscsiConnector.Cli.0.1.0.nupkg" | grep -vE '^(_rels/\.rels|\[Content_Types\]\.xml|package/services/metadata/core-properties/[^/]+\.psmdcp|IscsiConnector\.Cli\.nuspec|README\.md|tools/net10\.0/any/([A-Za-z0-9.-]+\.(dll|pdb)|iscsi-connector\.(deps|runtimeconfig)\.json|DotnetToolSettings\.xml))$')
[[ -z $unexpected ]] || problem "unexpected files in the tool package: $(tr '\n' ' ' <<<"$unexpected")"

echo "--> NativeAOT build of the CLI"
if ! command -v clang >/dev/null || ! command -v ld.lld >/dev/null || ! dpkg -s zlib1g-dev >/dev/null 2>&1; then
    if [[ $(id -u) == 0 ]]; then
        apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends clang lld zlib1g-dev >/dev/null
    else
        problem "clang, lld and zlib1g-dev are needed for NativeAOT (apt-get install clang lld zlib1g-dev, as root)"
    fi
fi
if dotnet publish src/IscsiConnector.Cli -c Release -r linux-x64 -p:PublishAot=true -o "$work/aot" --nologo -v quiet >"$work/publish.log" 2>&1; then
    grep -E 'warning (IL|AOT)' "$work/publish.log" && problem "NativeAOT publish has trim/AOT warnings (above)"
    exe="$work/aot/iscsi-connector"
    version=$("$exe" --version) && echo "  ok: native --version: $version" || problem "native --version failed"
    json=$("$exe" connect --simulate samples/scenarios/healthy-single.json --connection-info samples/connection-info/single.json --time-scale 0 2>"$work/stderr")
    if [[ $? == 0 ]] && grep -q '"path": "/dev/sd' <<<"$json" && grep -q '"outcome": "logged_in"' <<<"$json"; then
        echo "  ok: native --simulate connect attached $(grep -m1 '"path"' <<<"$json" | tr -d ' ,')"
    else
        problem "native --simulate connect failed: $(cat "$work/stderr") $json"
    fi
else
    tail -20 "$work/publish.log"
    problem "NativeAOT publish failed (above)"
fi

if ((${#problems[@]})); then
    printf 'packaging: %s\n' "${problems[@]}"
    exit 1
fi
echo "packaging: all checks passed"
