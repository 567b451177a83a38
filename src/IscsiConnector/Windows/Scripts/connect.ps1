# iscsi-connector script: connect
# One portal attempt in one process: the target portal (New-IscsiTargetPortal, the discovery record), the
# target (Get-IscsiTarget), a session (reused, or Connect-IscsiTarget), then the LUN's disk
# (Update-HostStorageCache, MSiSCSIInitiator_SessionClass devices, Get-Disk), polled until a deadline.
# Every value arrives as data: a JSON block in ISCSI_CONNECTOR_ARGUMENTS, CHAP secrets in their own
# environment variables. This text is the same for every call; nothing is ever spliced into it.
# The whole script is one statement so that 'powershell -Command -' (which reads standard input line by
# line) runs it as a unit; the blank line after the closing brace ends it.
& {
    $ErrorActionPreference = 'Stop'
    $ProgressPreference = 'SilentlyContinue'
    # Windows PowerShell 5.1 serialises arrays as {"value":[...],"Count":n} while this ETS type data is loaded.
    Remove-TypeData -TypeName System.Array -ErrorAction SilentlyContinue
    $a = ConvertFrom-Json -InputObject $env:ISCSI_CONNECTOR_ARGUMENTS
    $reply = [ordered]@{ Script = 'connect'; Ok = $false; Step = 'portal'; PortalCreated = $false; SessionCreated = $false; Session = $null; Connections = @(); Device = $null; Disk = $null; Error = $null }
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
    $findSession = {
        foreach ($s in @(Get-IscsiSession | Where-Object { $_.TargetNodeAddress -eq $a.NodeAddress -and $_.IsConnected })) {
            if ($a.InitiatorPortalAddress -and $s.InitiatorPortalAddress -ne $a.InitiatorPortalAddress) { continue }
            $through = @(Get-IscsiConnection -IscsiSession $s | Where-Object { $_.TargetAddress -eq $a.TargetPortalAddress -and $_.TargetPortNumber -eq $a.TargetPortalPortNumber })
            if ($through.Count -gt 0) { return $s }
        }
    }
    try {
        $portal = Get-IscsiTargetPortal | Where-Object { $_.TargetPortalAddress -eq $a.TargetPortalAddress -and $_.TargetPortalPortNumber -eq $a.TargetPortalPortNumber } | Select-Object -First 1
        if ($null -eq $portal) {
            $p = @{ TargetPortalAddress = $a.TargetPortalAddress; TargetPortalPortNumber = $a.TargetPortalPortNumber }
            if ($a.InitiatorPortalAddress) { $p.InitiatorPortalAddress = $a.InitiatorPortalAddress }
            if ($a.InitiatorInstanceName) { $p.InitiatorInstanceName = $a.InitiatorInstanceName }
            $portal = New-IscsiTargetPortal @p
            $reply.PortalCreated = $true
        }
        $reply.Step = 'target'
        $target = Get-IscsiTarget -IscsiTargetPortal $portal | Where-Object { $_.NodeAddress -eq $a.NodeAddress } | Select-Object -First 1
        if ($null -eq $target) {
            $reply.Error = [ordered]@{ Reason = 'TargetNotOffered'; Code = $null; ErrorId = 'TargetNotOffered'; Category = 'ObjectNotFound'; Message = 'The portal does not offer the target.' }
        } else {
            $reply.Step = 'session'
            $session = & $findSession
            if ($null -eq $session) {
                $c = @{ NodeAddress = $a.NodeAddress; TargetPortalAddress = $a.TargetPortalAddress; TargetPortalPortNumber = $a.TargetPortalPortNumber; IsMultipathEnabled = [bool]$a.IsMultipathEnabled; IsPersistent = [bool]$a.IsPersistent }
                if ($a.InitiatorPortalAddress) { $c.InitiatorPortalAddress = $a.InitiatorPortalAddress }
                if ($a.InitiatorInstanceName) { $c.InitiatorInstanceName = $a.InitiatorInstanceName }
                if ($a.AuthenticationType -ne 'NONE') {
                    $c.AuthenticationType = $a.AuthenticationType
                    $c.ChapUsername = $a.ChapUsername
                    $c.ChapSecret = $env:ISCSI_CONNECTOR_CHAP_SECRET
                }
                if ($a.AuthenticationType -eq 'MUTUALCHAP') {
                    # The Microsoft initiator verifies every target with one initiator-wide secret.
                    Set-IscsiChapSecret -ChapSecret $env:ISCSI_CONNECTOR_INITIATOR_CHAP_SECRET
                }
                $null = Connect-IscsiTarget @c
                $reply.SessionCreated = $true
                $session = & $findSession
            }
            $reply.Step = 'disk'
            $reply.Session = $session | Select-Object SessionIdentifier, TargetNodeAddress, InitiatorNodeAddress, InitiatorPortalAddress, InitiatorInstanceName, AuthenticationType, IsConnected, IsPersistent, NumberOfConnections
            $reply.Connections = @(Get-IscsiConnection -IscsiSession $session | Select-Object ConnectionIdentifier, InitiatorAddress, InitiatorPortNumber, TargetAddress, TargetPortNumber)
            $deadline = [DateTime]::UtcNow.AddSeconds($a.DiskTimeoutSeconds)
            $device = $null
            do {
                Update-HostStorageCache
                $device = Get-CimInstance -Namespace root/wmi -ClassName MSiSCSIInitiator_SessionClass | Where-Object { $_.SessionId -eq $session.SessionIdentifier } | ForEach-Object { $_.Devices } | Where-Object { $_.ScsiLun -eq $a.Lun -and $_.DeviceType -eq 7 } | Select-Object -First 1
                if ($null -ne $device) { break }
                Start-Sleep -Milliseconds $a.PollMilliseconds
            } while ([DateTime]::UtcNow -lt $deadline)
            if ($null -eq $device) {
                $reply.Error = [ordered]@{ Reason = 'NoDisk'; Code = $null; ErrorId = 'NoDisk'; Category = 'ObjectNotFound'; Message = 'The LUN did not appear as a disk before the deadline.' }
            } else {
                $reply.Device = $device | Select-Object ScsiPortNumber, ScsiPathId, ScsiTargetId, ScsiLun, DeviceNumber, DeviceType, LegacyName
                $reply.Disk = Get-Disk -Number $device.DeviceNumber | Select-Object Number, Path, Location, SerialNumber, UniqueId, UniqueIdFormat, Size, IsOffline, BusType
                $reply.Ok = $true
            }
        }
    } catch {
        $reply.Error = & $describe $_ 'Failed'
    }
    ConvertTo-Json -InputObject $reply -Depth 6 -Compress
}

