#!/bin/sh
# PID 1 of the test bed's initramfs (busybox sh). Mounts the host's root (9p, read-only) under a
# tmpfs overlay so the guest can write anywhere without touching the host, mounts the read-write
# share at /mnt/share, and hands over to the guest init script that the host put in the share.
mount -t proc proc /proc
mount -t sysfs sysfs /sys
mount -t devtmpfs devtmpfs /dev

for m in $(cat /modules/load-order); do
    insmod "/modules/$m" || echo "INITRAMFS: insmod $m failed"
done
echo "INITRAMFS: modules loaded at $(cut -d' ' -f1 /proc/uptime)s"

# The host's KVM probe boots with testbed.probe=1: getting here proves the accelerator works.
case " $(cat /proc/cmdline) " in
    *" testbed.probe=1 "*) echo "INITRAMFS: probe ok"; echo o >/proc/sysrq-trigger; sleep 10 ;;
esac

fail() {
    echo "INITRAMFS: $*"
    echo o >/proc/sysrq-trigger
    sleep 10
}

# cache=loose: the lower layer never changes while the guest runs, and caching makes starting
# dotnet (thousands of file lookups) much faster.
mount -t 9p -o trans=virtio,version=9p2000.L,ro,cache=loose,msize=512000 hostroot /lower ||
    fail "cannot mount the host root (9p tag hostroot)"
mount -t tmpfs -o size=1536m tmpfs /upper || fail "cannot mount tmpfs"
mkdir -p /upper/data /upper/work
mount -t overlay overlay -o lowerdir=/lower,upperdir=/upper/data,workdir=/upper/work /newroot ||
    fail "cannot mount the overlay"
mkdir -p /newroot/mnt/share /newroot/mnt/hostroot
# The untouched host root stays visible at /mnt/hostroot: the guest's process-count wrappers exec
# the real binaries from there instead of copying them into the overlay.
mount -o bind /lower /newroot/mnt/hostroot
mount -t 9p -o trans=virtio,version=9p2000.L,msize=512000 share /newroot/mnt/share ||
    fail "cannot mount the share (9p tag share)"
mount --move /dev /newroot/dev
umount /proc /sys 2>/dev/null

exec switch_root /newroot /bin/bash /mnt/share/system/guest/init.sh
