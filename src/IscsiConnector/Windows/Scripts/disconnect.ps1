# iscsi-connector script: disconnect
# Ends the sessions the caller verified as the volume's and removes the target portals no session uses any
# more, in one process: Unregister-IscsiSession (a persistent login would come back at boot),
# Disconnect-IscsiTarget, Get-IscsiConnection, Remove-IscsiTargetPortal, Update-HostStorageCache.
# Every value arrives as data (ISCSI_CONNECTOR_ARGUMENTS); nothing is ever spliced into this text. The whole
# script is one statement so that 'powershell -Command -' runs it as a unit.
& {
    $ErrorActionPreference = 'Stop'
    $ProgressPreference = 'SilentlyContinue'
    # Windows PowerShell 5.1 serialises arrays as {"value":[...],"Count":n} while this ETS type data is loaded.
    Remove-TypeData -TypeName System.Array -ErrorAction SilentlyContinue
    $a = ConvertFrom-Json -InputObject $env:ISCSI_CONNECTOR_ARGUMENTS
    $reply = [ordered]@{ Script = 'disconnect'; Ok = $false; Step = 'sessions'; Disconnected = @(); Missing = @(); PortalsRemoved = @(); PortalsKept = @(); Error = $null }
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
        $present = @(Get-IscsiSession)
        foreach ($id in @($a.SessionIdentifiers)) {
            $session = $present | Where-Object { $_.SessionIdentifier -eq $id } | Select-Object -First 1
            if ($null -eq $session) {
                $reply.Missing += $id
                continue
            }
            if ($session.IsPersistent) { Unregister-IscsiSession -SessionIdentifier $id }
            Disconnect-IscsiTarget -SessionIdentifier $id -Confirm:$false
            $reply.Disconnected += $id
        }
        $reply.Step = 'portals'
        $remaining = @(Get-IscsiSession | ForEach-Object { Get-IscsiConnection -IscsiSession $_ })
        foreach ($p in @($a.Portals)) {
            $used = @($remaining | Where-Object { $_.TargetAddress -eq $p.TargetPortalAddress -and $_.TargetPortNumber -eq $p.TargetPortalPortNumber })
            $known = @(Get-IscsiTargetPortal | Where-Object { $_.TargetPortalAddress -eq $p.TargetPortalAddress -and $_.TargetPortalPortNumber -eq $p.TargetPortalPortNumber })
            if ($used.Count -gt 0 -or $known.Count -eq 0) {
                $reply.PortalsKept += $p
                continue
            }
            $r = @{ TargetPortalAddress = $p.TargetPortalAddress; TargetPortalPortNumber = $p.TargetPortalPortNumber }
            if ($p.InitiatorPortalAddress) { $r.InitiatorPortalAddress = $p.InitiatorPortalAddress }
            Remove-IscsiTargetPortal @r -Confirm:$false
            $reply.PortalsRemoved += $p
        }
        $reply.Step = 'cache'
        Update-HostStorageCache
        $reply.Ok = $true
    } catch {
        $reply.Error = & $describe $_ 'Failed'
    }
    ConvertTo-Json -InputObject $reply -Depth 6 -Compress
}

