namespace IscsiConnector.Linux.Internal;

/// <summary>How to fix each host-check problem on Linux: one place, so the texts stay consistent with docs/troubleshooting.md.</summary>
internal static class HostCheckFixes
{
    public const string InstallOpenIscsi =
        "install open-iscsi (Debian/Ubuntu: apt-get install open-iscsi; RHEL/Fedora: dnf install iscsi-initiator-utils) and make sure iscsiadm is on PATH (/usr/sbin or /sbin)";

    public const string IscsiAdmHung = "check that iscsiadm can run at all (iscsiadm --version) and that nothing holds its lock in /run/lock/iscsi";

    public const string RunAsRoot =
        "run as root, or configure a root helper (RootHelper = [\"sudo\", \"-n\"]; CLI --root-helper \"sudo -n\") with the sudoers rules of docs/deployment.md";

    public const string AllowHelper =
        "allow this user to run iscsiadm, tee, cat, blockdev, multipath and multipathd through the root helper without a password (sudoers or rootwrap rules: docs/deployment.md); test with: sudo -n iscsiadm --version";

    public const string StartIscsid =
        "start iscsid (systemctl enable --now iscsid.socket iscsid, or run iscsid); in a container, share the host's network namespace (hostNetwork: true) to reach the host's iscsid, or run iscsid in the container";

    public const string CreateInitiatorName =
        "write one: echo \"InitiatorName=$(iscsi-iname)\" > /etc/iscsi/initiatorname.iscsi, then restart iscsid (open-iscsi's package creates it on install or first start; in a container, mount the host's /etc/iscsi)";

    public const string AllowCat = "allow 'cat /etc/iscsi/initiatorname.iscsi' through the root helper (docs/deployment.md)";

    public const string StartMultipathd =
        "start multipathd (systemctl enable --now multipathd; package multipath-tools or device-mapper-multipath), or attach without multipath";

    public static string LoadTransport(string module) =>
        $"load the kernel module: modprobe {module} (on Ubuntu it may be in linux-modules-extra-$(uname -r)); in a container, load it on the host";
}
