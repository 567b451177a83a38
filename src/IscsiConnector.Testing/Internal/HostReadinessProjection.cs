namespace IscsiConnector.Testing.Internal;

/// <summary>
/// The files the host check reads, laid out as on the test bed (captured there): <c>/proc/net/unix</c> with
/// iscsid's and multipathd's listening sockets, and <c>/proc/self/status</c>
/// of a process running as root, and iscsiadm where a PATH looks for it.
/// </summary>
internal static class HostReadinessProjection
{
    public static void Add(VirtualTree tree, HostState state)
    {
        var table = "Num       RefCount Protocol Flags    Type St Inode Path\n";
        if (state.Readiness.IscsidRunning)
        {
            table += "00000000a57abb2e: 00000002 00000000 00010000 0001 01 11709 @ISCSIADM_ABSTRACT_NAMESPACE\n";
        }

        if (state.MultipathdRunning)
        {
            table += "0000000083eb3109: 00000002 00000000 00010000 0001 01 11393 @/org/kernel/linux/storage/multipathd\n";
        }

        tree.File("/proc/net/unix", table);
        if (state.Readiness.IscsiAdmInstalled)
        {
            // Debian's place is /usr/sbin (and /sbin, merged /usr); /usr/bin and /bin too, so that the check finds it
            // whatever PATH the test runner has (a user's often lacks the sbin directories).
            foreach (var dir in new[] { "/usr/sbin", "/sbin", "/usr/bin", "/bin" })
            {
                tree.File($"{dir}/iscsiadm", string.Empty);
            }
        }

        tree.File("/proc/self/status", "Name:\tsimulated\nUid:\t0\t0\t0\t0\nGid:\t0\t0\t0\t0\n");
    }
}
