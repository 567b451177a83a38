namespace IscsiConnector.Testing.Internal;

/// <summary>
/// The files the host check reads, laid out as on the test bed (captured there): <c>/proc/net/unix</c> with
/// iscsid's and multipathd's listening sockets, and <c>/proc/self/status</c>
/// of a process running as root.
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
        tree.File("/proc/self/status", "Name:\tsimulated\nUid:\t0\t0\t0\t0\nGid:\t0\t0\t0\t0\n");
    }
}
