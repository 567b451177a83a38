# iscsi-connector script: host
# What the host offers, read once per attach or detach in one process: the iSCSI initiator port
# (Get-InitiatorPort: the initiator name), MPIO (Get-MSDSMGlobalDefaultLoadBalancePolicy,
# Get-MSDSMAutomaticClaimSettings), the target portals (Get-IscsiTargetPortal) and every session with its
# connections (Get-IscsiConnection), its devices (MSiSCSIInitiator_SessionClass) and their disks (Get-Disk).
# It takes no values. The whole script is one statement so that 'powershell -Command -' runs it as a unit.
& {
    $ErrorActionPreference = 'Stop'
    $ProgressPreference = 'SilentlyContinue'
    # Windows PowerShell 5.1 serialises arrays as {"value":[...],"Count":n} while this ETS type data is loaded.
    Remove-TypeData -TypeName System.Array -ErrorAction SilentlyContinue
    $reply = [ordered]@{ Script = 'host'; Ok = $false; Step = 'initiator'; InitiatorPorts = @(); Mpio = $null; TargetPortals = @(); Sessions = @(); Error = $null }
    $describe = {
        param($record, $reason)
        $code = $null
        $data = $record.Exception.PSObject.Properties['ErrorData']
        if ($null -ne $data -and $null -ne $data.Value) {
            $property = $data.Value.CimInstanceProperties['error_Code']
            if ($null -ne $property -and $null -ne $property.Value) { $code = [long]$property.Value }
        }
        if ($null -eq $code) { $code = [long]$record.Exception.HResult -band 0xFFFFFFFFL }
        [ordered]@{ Reason = $reason; Code = $code; ErrorId = [string]$record.FullyQualifiedErrorId; Category = [string]$record.CategoryInfo.Category; Message = [string]$record.Exception.Message }
    }
    try {
        # ConnectionType 2 is iSCSI (MSFT_InitiatorPort); Fibre Channel and SAS ports are not ours.
        $reply.InitiatorPorts = @(Get-InitiatorPort | Where-Object { $_.ConnectionType -eq 2 } | Select-Object NodeAddress, InstanceName, PortAddress, ConnectionType)
        $reply.Step = 'mpio'
        $mpio = [ordered]@{ Installed = $false; LoadBalancePolicy = $null; IscsiClaimed = $false }
        if ($null -ne (Get-Command -Name Get-MSDSMGlobalDefaultLoadBalancePolicy -ErrorAction SilentlyContinue)) {
            $mpio.Installed = $true
            $mpio.LoadBalancePolicy = [string](Get-MSDSMGlobalDefaultLoadBalancePolicy)
            $claims = Get-MSDSMAutomaticClaimSettings
            $mpio.IscsiClaimed = [bool]$claims['iSCSI']
        }
        $reply.Mpio = $mpio
        $reply.Step = 'portals'
        $reply.TargetPortals = @(Get-IscsiTargetPortal | Select-Object TargetPortalAddress, TargetPortalPortNumber, InitiatorInstanceName, InitiatorPortalAddress)
        $reply.Step = 'sessions'
        $wmi = @(Get-CimInstance -Namespace root/wmi -ClassName MSiSCSIInitiator_SessionClass)
        $reply.Sessions = @(foreach ($s in @(Get-IscsiSession)) {
            $devices = @($wmi | Where-Object { $_.SessionId -eq $s.SessionIdentifier } | ForEach-Object { $_.Devices } | Where-Object { $_.DeviceType -eq 7 })
            [ordered]@{
                Session = $s | Select-Object SessionIdentifier, TargetNodeAddress, InitiatorNodeAddress, InitiatorPortalAddress, InitiatorInstanceName, AuthenticationType, IsConnected, IsPersistent, NumberOfConnections
                Connections = @(Get-IscsiConnection -IscsiSession $s | Select-Object ConnectionIdentifier, InitiatorAddress, InitiatorPortNumber, TargetAddress, TargetPortNumber)
                Devices = @($devices | Select-Object ScsiPortNumber, ScsiPathId, ScsiTargetId, ScsiLun, DeviceNumber, DeviceType, LegacyName)
                Disks = @($devices | ForEach-Object { Get-Disk -Number $_.DeviceNumber | Select-Object Number, Path, Location, SerialNumber, UniqueId, UniqueIdFormat, Size, IsOffline, BusType })
            }
        })
        $reply.Ok = $true
    } catch {
        $reply.Error = & $describe $_ 'Failed'
    }
    ConvertTo-Json -InputObject $reply -Depth 6 -Compress
}

