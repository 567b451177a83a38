namespace IscsiConnector.Tests.Migration.Support;

/// <summary>Domain XML inputs, written as libvirt writes them (single quotes, two-space indentation).</summary>
internal static class Domains
{
    public const string Serial = "58a84f6d-3f0c-4e19-a0af-eb657b790657";
    public const string Serial2 = "7b1e9c3a-0d52-4f7e-9a31-2c6f1e8d4b90";
    public const string Serial3 = "c0ffee00-1111-4222-8333-444455556666";

    /// <summary>The smallest domain libvirt's schema accepts, around the given devices.</summary>
    public static string Wrap(string devices) => $"""
        <domain type='kvm'>
          <name>instance-00000001</name>
          <uuid>c7a5fdbd-edaf-9455-926a-d65c16db1809</uuid>
          <memory unit='KiB'>65536</memory>
          <os>
            <type arch='x86_64' machine='pc'>hvm</type>
          </os>
          <devices>
            {devices}
          </devices>
        </domain>
        """;

    /// <summary>Spec 003 EX2 [Before] (the source path joined onto one line).</summary>
    public const string Ex2Disk = """
        <disk type='block' device='disk'>
              <driver name='qemu' type='raw' cache='none'/>
              <source dev='/dev/disk/by-path/ip-192.168.0.10:3260-iscsi-iqn.abc.org.12345.opst-lun-X'/>
              <target dev='vdb' bus='virtio'/>
                <serial>58a84f6d-3f0c-4e19-a0af-eb657b790657</serial>
                <address type='pci' domain='0x0' bus='0x0' slot='0x04' function='0x0'/>
            </disk>
        """;

    /// <summary>Spec 003 EX3 [Before], as the spec writes it.</summary>
    public const string Ex3Disk = """
        <disk type='network' device='disk'>
              <driver name='qemu' type='raw'/>
              <source protocol='iscsi' name='iqn.abc.org.12345.opst/X'>
                <host name='192.168.0.10' port='3260'/>
              </source>
              <serial>58a84f6d-3f0c-4e19-a0af-eb657b790657</serial>
              <target dev='vdb' bus='virtio'/>
            </disk>
        """;

    /// <summary>A root disk from a file, a cdrom (with a serial), a disk without serial, a block volume, a
    /// libiscsi volume with CHAP (auth inside source), an rbd disk, comments everywhere.</summary>
    public static readonly string Mixed = $"""
        <domain type='kvm' id='7'>
          <!-- instance-00000007: several volumes -->
          <name>instance-00000007</name>
          <uuid>c7a5fdbd-edaf-9455-926a-d65c16db1809</uuid>
          <memory unit='KiB'>65536</memory>
          <os>
            <type arch='x86_64' machine='pc'>hvm</type>
          </os>
          <devices>
            <disk type='file' device='disk'>
              <driver name='qemu' type='qcow2' cache='none'/>
              <source file='/var/lib/nova/instances/7/disk'/>
              <target dev='vda' bus='virtio'/>
            </disk>
            <disk type='file' device='cdrom'>
              <source file='/var/lib/nova/instances/7/disk.config'/>
              <target dev='hda' bus='ide'/>
              <readonly/>
              <serial>{Serial3}</serial>
            </disk>
            <disk type='block' device='disk'>
              <source dev='/dev/sdz'/>
              <target dev='vdz' bus='virtio'/>
            </disk>
            <!-- volume 1: kernel initiator -->
            <disk type='block' device='disk'>
              <driver name='qemu' type='raw' cache='none' io='native'/>
              <source dev='/dev/disk/by-path/ip-10.0.0.1:3260-iscsi-iqn.2010-10.org.openstack:volume-1-lun-1' index='3'/>
              <target dev='vdb' bus='virtio'/>
              <serial>{Serial}</serial>
              <address type='pci' domain='0x0000' bus='0x00' slot='0x04' function='0x0'/>
            </disk>
            <disk type='network' device='disk'>
              <driver name='qemu' type='raw' cache='none'/>
              <source protocol='iscsi' name='iqn.2010-10.org.openstack:volume-2/0'>
                <host name='10.0.0.1' port='3260'/>
                <auth username='srcuser'>
                  <secret type='iscsi' usage='src-usage'/>
                </auth>
              </source>
              <target dev='vdc' bus='virtio'/>
              <serial>{Serial2}</serial>
            </disk>
            <disk type='network' device='disk'>
              <source protocol='rbd' name='volumes/volume-9'>
                <host name='10.0.0.9' port='6789'/>
              </source>
              <target dev='vdd' bus='virtio'/>
              <serial>rbd-volume-9</serial>
            </disk>
          </devices>
        </domain>
        """;
}
