namespace IscsiConnector.Testing.Simulation;

/// <summary>The simulated multipathd's <c>find_multipaths</c> policy (multipath.conf), simplified.</summary>
public enum FindMultipathsMode
{
    /// <summary><c>find_multipaths no</c>: every disk with a WWID gets a map at once, even with a single path.</summary>
    No,

    /// <summary><c>find_multipaths yes</c>: a map appears when a second path with the same WWID appears, when the WWID was multipathed before, or on <c>multipathd add path</c>.</summary>
    Yes,

    /// <summary><c>find_multipaths strict</c>: only WWIDs multipathed before (the wwids file) or added with <c>multipathd add path</c> get a map.</summary>
    Strict,
}
