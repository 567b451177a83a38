#!/usr/bin/env bash
# Builds the test bed's tiny initramfs: busybox + the few kernel modules needed to mount the host's
# root over 9p (read-only) with a tmpfs overlay, then switch_root into the guest init script.
# Built at test time from the host's own modules, so it always matches the kernel we boot.
#
# usage: build-initramfs.sh <kernel-version> <output.cpio.gz>
set -euo pipefail

kver=$1
out=$2
here=$(cd "$(dirname "$0")" && pwd)

staging=$(mktemp -d)
trap 'rm -rf "$staging"' EXIT

mkdir -p "$staging"/{bin,dev,proc,sys,lower,upper,newroot,modules}
cp /bin/busybox "$staging/bin/busybox"
for applet in sh mount umount mkdir insmod switch_root echo cat cut sleep; do
    ln -s busybox "$staging/bin/$applet"
done

# `modprobe -a --show-depends` prints "insmod <path>" lines in load order (with repeats for shared
# dependencies). Keep the first occurrence of each, in order, and write the load list for init.
: >"$staging/modules/load-order"
modprobe -a -S "$kver" --show-depends virtio_pci 9pnet_virtio 9p overlay |
    awk '$1 == "insmod" && !seen[$2]++ { print $2 }' |
    while read -r ko; do
        base=$(basename "$ko")
        case $ko in
            *.ko) cp "$ko" "$staging/modules/$base" ;;
            *.ko.xz) xz -dc "$ko" >"$staging/modules/${base%.xz}"; base=${base%.xz} ;;
            *.ko.zst) zstd -qdc "$ko" >"$staging/modules/${base%.zst}"; base=${base%.zst} ;;
            *) echo "build-initramfs: unexpected module file $ko" >&2; exit 1 ;;
        esac
        echo "$base" >>"$staging/modules/load-order"
    done

cp "$here/initramfs-init.sh" "$staging/init"
chmod +x "$staging/init"

(cd "$staging" && find . -print0 | cpio --null -o -H newc --quiet) | gzip -1 >"$out"
