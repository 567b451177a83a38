#!/usr/bin/env bash
# Installs (Debian, as root) what the live-migration tests need, before the unit tests run:
#   libvirt-clients + libxml2-utils  virt-xml-validate (a shell script around xmllint) for libvirt's domain schema
#   qemu-system-x86 qemu-block-extra  QEMU with its libiscsi block driver (block-iscsi.so) for the real migration
#   tgt jq python3                    the iSCSI target, and the QMP/JSON helpers of tests/system/migration/run.sh
# Without apt-get or root it only reports what is missing (exit 0): the tests themselves then skip outside CI and
# fail under CI=true.
set -uo pipefail
packages=(libvirt-clients libxml2-utils qemu-system-x86 qemu-block-extra tgt jq python3)
missing=()
for p in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
((${#missing[@]})) || exit 0
if ! command -v apt-get >/dev/null || [[ $(id -u) != 0 ]]; then
    echo "migration tests: missing packages ${missing[*]} (need root and apt-get to install them)"
    exit 0
fi
echo "migration tests: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq && apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
