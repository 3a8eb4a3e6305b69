#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0.0' }
# The namespace scenarios of issue 9 through the cmdlets: pwsh runs inside the client namespace of tests/lab/netns.sh
# (a stateful firewall in front of the client, servers behind NAT, a closed passive range, an implicit port, IPv6, and
# a client behind NAT with a forwarded port range). Every run has its own namespaces, removed in AfterAll.

BeforeDiscovery {
    Import-Module -Name (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    $labSkip = [bool](Get-FtpLabSkipReason)   # skip where the lab cannot run, except under CI=true
    if (-not $labSkip -and $env:CI -ne 'true') {
        # Namespaces also need root and ip/iptables, like the xunit NatFirewallTests.
        $isRoot = (& id -u) -eq '0'
        $hasTools = [bool](Get-Command -Name ip -ErrorAction SilentlyContinue) -and ([bool](Get-Command -Name iptables -ErrorAction SilentlyContinue) -or (Test-Path -LiteralPath '/usr/sbin/iptables'))
        if (-not ($isRoot -and $hasTools)) {
            Write-Warning 'Namespace tests skipped: they need root, ip and iptables. Under CI=true they run (and fail) instead.'
            $labSkip = $true
        }
    }
}

BeforeAll {
    Import-Module -Name (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    $manifest = Import-FtpToolsForTest
    $repo = Get-FtpTestRepoRoot
    $netns = Join-Path $repo 'tests/lab/netns.sh'
    $runner = Join-Path $repo 'tests/lab/netns-cmdlets.ps1'
    $pwsh = Get-PwshPath
    $runId = -join ((1..8) | ForEach-Object { '0123456789abcdef'[(Get-Random -Maximum 16)] })
    & bash $netns reap | Out-Null
    $upOutput = & bash $netns --id $runId --owner $PID up 2>&1
    if ($LASTEXITCODE -ne 0) { throw "netns.sh up failed: $($upOutput -join "`n")" }
    $stateBase = if ($env:FTPTOOLS_LAB_NETNS_STATE) { $env:FTPTOOLS_LAB_NETNS_STATE } else { '/run/ftptools-lab-netns' }
    $envFile = Join-Path $stateBase "$runId/netns.env"
    $lab = @{}
    foreach ($line in Get-Content -LiteralPath $envFile) {
        $pair = $line -split '=', 2
        if ($pair.Count -eq 2) { $lab[$pair[0]] = $pair[1] }
    }
    # The password reaches the child through a file in a folder only root can read, never on a command line.
    $secretFolder = Join-Path ([System.IO.Path]::GetTempPath()) "ftptools-netns-pester-$runId"
    New-Item -ItemType Directory -Path $secretFolder | Out-Null
    & chmod 700 $secretFolder
    $passwordFile = Join-Path $secretFolder 'password'
    Set-Content -LiteralPath $passwordFile -Value $lab.FTT_PASSWORD -NoNewline -Encoding UTF8

    # Runs a script with FtpTools cmdlets in the client namespace; returns the runner's result object.
    function Invoke-InClient([string] $Script) {
        $output = & ip netns exec $lab.FTT_CLIENT_NETNS $pwsh -NoProfile -NonInteractive -File $runner -Module $manifest -EnvFile $envFile -PasswordFile $passwordFile -Script $Script 2>&1
        $line = @($output | ForEach-Object { "$_" } | Where-Object { $_.StartsWith('{') }) | Select-Object -Last 1
        if (-not $line) { throw "the runner printed no result (exit $LASTEXITCODE): $($output -join "`n")" }
        $line | ConvertFrom-Json
    }
}

AfterAll {
    if ($runId) { & bash $netns --id $runId down | Out-Null }
    if ($secretFolder -and (Test-Path -LiteralPath $secretFolder)) { Remove-Item -LiteralPath $secretFolder -Recurse -Force }
}

Describe 'Scenario 1: a stateful firewall in front of the client' -Skip:$labSkip {
    It 'recommends passive mode, explains active mode, and the recommendation splats into Connect-FtpServer' {
        $r = Invoke-InClient @'
$t = Test-FtpConnection $lab.FTT_PUBLIC_ADDRESS -Port $lab.FTT_NAT_TLS_PORT -Credential $cred -CertificateThumbprint $pin -Timeout 5
$p = $t.Recommended.Parameters
$s = Connect-FtpServer @p -Credential $cred
[pscustomobject]@{ Test = $t; Parameters = $p; Listed = @(Get-FtpChildItem -Path / -Session $s).Count; Encryption = $s.Encryption }
'@
        $r.Ok | Should -BeTrue -Because $r.Message
        $t = $r.Value.Test
        $t.Success | Should -BeTrue
        $r.Value.Parameters.DataConnection | Should -Be 'Auto'
        $r.Value.Parameters.Encryption | Should -Be 'Explicit'
        $r.Value.Parameters.PSObject.Properties.Name | Should -Not -Contain 'Credential'
        $r.Value.Encryption | Should -Be 'Explicit'
        $t.Diagnosis[0] | Should -BeLike 'Use explicit FTPS on port 2122 with passive mode (EPSV)*'
        $active = @($t.Attempts | Where-Object DataConnection -eq 'Active')[0]
        $active.Success | Should -BeFalse
        $active.Diagnosis | Should -BeLike "Active mode failed: the server could not connect back to $($lab.FTT_CLIENT_ADDRESS):*. A firewall or NAT in front of this computer blocks inbound connections; use passive mode (the default)."
        $active.Elapsed.TotalSeconds | Should -BeLessThan 9
    }

    It 'fails active mode within the data timeout with the actionable error' {
        $r = Invoke-InClient @'
$s = Connect-FtpServer $lab.FTT_PUBLIC_ADDRESS -Port $lab.FTT_NAT_TLS_PORT -Credential $cred -CertificateThumbprint $pin -DataConnection Active -Timeout 5
Get-FtpChildItem -Path / -Session $s
'@
        $r.Ok | Should -BeFalse
        $r.Message | Should -BeLike '*Active mode*did not connect back*within 5 s*use passive mode*'
        $r.Seconds | Should -BeLessThan 9
    }
}

Describe 'Scenario 2: a server behind NAT that advertises its private address' -Skip:$labSkip {
    It 'works by default' {
        $r = Invoke-InClient '@(Connect-FtpServer $lab.FTT_PUBLIC_ADDRESS -Port $lab.FTT_NAT_BAD_PORT -Credential $cred -Encryption None -DataConnection Passive -Timeout 5 | ForEach-Object { Get-FtpChildItem -Path / -Session $_ }).Count'
        $r.Ok | Should -BeTrue -Because $r.Message
    }

    It 'fails with -UseServerPassiveAddress, naming the private address' {
        $r = Invoke-InClient @'
$s = Connect-FtpServer $lab.FTT_PUBLIC_ADDRESS -Port $lab.FTT_NAT_BAD_PORT -Credential $cred -Encryption None -DataConnection Passive -UseServerPassiveAddress -Timeout 5
Get-FtpChildItem -Path / -Session $s
'@
        $r.Ok | Should -BeFalse
        $r.Message | Should -BeLike "*passive mode (PASV) to $($lab.FTT_PRIVATE_ADDRESS):*"
        $r.Message | Should -BeLike '*behind NAT*'
    }

    It 'is diagnosed as NAT with the control address working' {
        $r = Invoke-InClient 'Test-FtpConnection $lab.FTT_PUBLIC_ADDRESS -Port $lab.FTT_NAT_BAD_PORT -Credential $cred -Encryption None -Timeout 5'
        $r.Value.Diagnosis | Should -Contain "The server advertises the private address $($lab.FTT_PRIVATE_ADDRESS) in its 227 reply (it is behind NAT); FtpTools uses the control connection's address instead, which works."
    }
}

Describe 'Scenario 3: the server firewall drops the passive range' -Skip:$labSkip {
    It 'fails within the data timeout naming the address, the port and the likely cause' {
        $r = Invoke-InClient @'
$s = Connect-FtpServer $lab.FTT_PUBLIC_ADDRESS -Port $lab.FTT_CLOSED_PORT -Credential $cred -Encryption None -Timeout 5
Get-FtpChildItem -Path / -Session $s
'@
        $r.Ok | Should -BeFalse
        $r.Message | Should -Match "passive mode \(EPSV\) to $([regex]::Escape($lab.FTT_PUBLIC_ADDRESS)):308\d\d could not be opened \(no answer within 5 s\)"
        $r.Message | Should -BeLike "*passive port range*"
        $r.Seconds | Should -BeLessThan 9
    }

    It 'is diagnosed as a closed passive range' {
        $r = Invoke-InClient 'Test-FtpConnection $lab.FTT_PUBLIC_ADDRESS -Port $lab.FTT_CLOSED_PORT -Credential $cred -Encryption None -Timeout 3'
        $r.Value.Success | Should -BeFalse
        @($r.Value.Diagnosis | Where-Object { $_ -like 'Passive mode failed: port 308* on 10.123.0.1 did not answer. The server''s passive port range is not open in its firewall*' }).Count | Should -Be 1
    }

    It 'answers -Quiet with $false' {
        $r = Invoke-InClient 'Test-FtpConnection $lab.FTT_PUBLIC_ADDRESS -Port $lab.FTT_CLOSED_PORT -Credential $cred -Encryption None -Timeout 2 -Quiet'
        $r.Value | Should -BeFalse
    }
}

Describe 'Scenario 4: explicit FTPS through the NAT of scenario 2, TLS session reuse required' -Skip:$labSkip {
    It 'lists, uploads, downloads and deletes with the recommended settings (-Deep)' {
        $r = Invoke-InClient 'Test-FtpConnection $lab.FTT_PUBLIC_ADDRESS -Port $lab.FTT_NAT_TLS_PRIVATE_PORT -Credential $cred -CertificateThumbprint $pin -Timeout 5 -Deep'
        $r.Value.Success | Should -BeTrue
        @($r.Value.Attempts | Where-Object Step -eq 'TlsSessionReuse')[0].Success | Should -BeTrue
        @($r.Value.Attempts | Where-Object Step -eq 'Download')[0].Diagnosis | Should -Be 'Downloaded 4096 bytes, identical to those uploaded.'
    }

    It 'transfers with Send-FtpItem and Receive-FtpItem' {
        $r = Invoke-InClient @'
$s = Connect-FtpServer $lab.FTT_PUBLIC_ADDRESS -Port $lab.FTT_NAT_TLS_PRIVATE_PORT -Credential $cred -CertificateThumbprint $pin -Timeout 10
$local = Join-Path ([System.IO.Path]::GetTempPath()) ('netns-' + [guid]::NewGuid().ToString('N'))
New-Item -ItemType Directory -Path $local | Out-Null
try {
    $file = Join-Path $local 'up.bin'
    [System.IO.File]::WriteAllBytes($file, [byte[]](1..200000 | ForEach-Object { $_ % 251 }))
    Send-FtpItem -Path $file -Destination / -Session $s | Out-Null
    $down = Join-Path $local 'down'
    New-Item -ItemType Directory -Path $down | Out-Null
    Receive-FtpItem -Path /up.bin -Destination $down -Session $s | Out-Null
    Remove-FtpItem -Path /up.bin -Session $s
    (Get-FileHash $file).Hash -eq (Get-FileHash (Join-Path $down 'up.bin')).Hash
}
finally { Remove-Item -LiteralPath $local -Recurse -Force }
'@
        $r.Ok | Should -BeTrue -Because $r.Message
        $r.Value | Should -BeTrue
    }
}

Describe 'Scenario 5: a client behind NAT with a forwarded port range' -Skip:$labSkip {
    It 'works in active mode with -ActivePortRange and -ActiveExternalAddress' {
        $r = Invoke-InClient @'
$s = Connect-FtpServer $lab.FTT_NATTED_CLIENT_SERVER_ADDRESS -Port $lab.FTT_NAT_OK_PORT -Credential $cred -Encryption None -DataConnection Active -ActivePortRange $lab.FTT_FORWARDED_PORTS -ActiveExternalAddress $lab.FTT_CLIENT_ADDRESS -Timeout 5
@(Get-FtpChildItem -Path / -Session $s).Count
'@
        $r.Ok | Should -BeTrue -Because $r.Message
    }

    It 'fails without -ActiveExternalAddress with an error that names it' {
        $r = Invoke-InClient @'
$s = Connect-FtpServer $lab.FTT_NATTED_CLIENT_SERVER_ADDRESS -Port $lab.FTT_NAT_OK_PORT -Credential $cred -Encryption None -DataConnection Active -ActivePortRange $lab.FTT_FORWARDED_PORTS -Timeout 5
Get-FtpChildItem -Path / -Session $s
'@
        $r.Ok | Should -BeFalse
        $r.Message | Should -BeLike "*refuses the address this computer advertised ($($lab.FTT_CLIENT_PRIVATE_ADDRESS))*ActiveExternalAddress*"
        $r.Seconds | Should -BeLessThan 5
    }

    It 'is found by Test-FtpConnection with the forwarded range' {
        $r = Invoke-InClient 'Test-FtpConnection $lab.FTT_NATTED_CLIENT_SERVER_ADDRESS -Port $lab.FTT_NAT_OK_PORT -Credential $cred -Encryption None -ActivePortRange $lab.FTT_FORWARDED_PORTS -ActiveExternalAddress $lab.FTT_CLIENT_ADDRESS -Timeout 5'
        @($r.Value.Attempts | Where-Object DataConnection -eq 'Active')[0].Success | Should -BeTrue
    }
}

Describe 'Scenario 6: an implicit FTPS port used as explicit' -Skip:$labSkip {
    It 'is named by Test-FtpConnection within seconds' {
        $r = Invoke-InClient 'Test-FtpConnection $lab.FTT_PUBLIC_ADDRESS -Port $lab.FTT_IMPLICIT_PORT -Credential $cred -CertificateThumbprint $pin -Timeout 5'
        $r.Value.Diagnosis | Should -Contain "Port $($lab.FTT_IMPLICIT_PORT) speaks implicit FTPS; use -Encryption Implicit."
        $r.Value.Recommended.Parameters.Encryption | Should -Be 'Implicit'
        @($r.Value.Attempts | Where-Object Step -eq 'Greeting')[0].Elapsed.TotalSeconds | Should -BeLessThan 6
    }

    It 'fails Connect-FtpServer -Encryption Explicit within seconds, naming -Encryption Implicit' {
        $r = Invoke-InClient 'Connect-FtpServer $lab.FTT_PUBLIC_ADDRESS -Port $lab.FTT_IMPLICIT_PORT -Credential $cred -CertificateThumbprint $pin -Timeout 30'
        $r.Ok | Should -BeFalse
        $r.Message | Should -Match '-Encryption Implicit'
        $r.Seconds | Should -BeLessThan 9 -Because 'the wrong encryption is recognised after a short greeting wait, not after the 30 s timeout'
    }
}

Describe 'Scenario 7: IPv6 only' -Skip:$labSkip {
    It 'lists over <Mode> to an IPv6 address' -ForEach @(@{ Mode = 'ExtendedPassive' }, @{ Mode = 'Active' }) {
        $r = Invoke-InClient ('$s = Connect-FtpServer $lab.FTT_IPV6_ADDRESS -Port $lab.FTT_IPV6_PORT -Credential $cred -Encryption None -DataConnection {0} -Timeout 5; Get-FtpChildItem -Path / -Session $s | Out-Null; $s.DataConnectionMode' -f $Mode)
        $r.Ok | Should -BeTrue -Because $r.Message
        $r.Value | Should -Be $Mode
    }

    It 'is tested by Test-FtpConnection with EPSV and EPRT, not PASV' {
        $r = Invoke-InClient 'Test-FtpConnection "[$($lab.FTT_IPV6_ADDRESS)]:$($lab.FTT_IPV6_PORT)" -Credential $cred -Encryption None -Timeout 5'
        $r.Value.Success | Should -BeTrue
        @($r.Value.Attempts | Where-Object Step -eq 'Listing' | ForEach-Object DataConnection) | Should -Be @('EPSV', 'Active')
    }
}
