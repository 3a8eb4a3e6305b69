#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0.0' }
# Secrets: the password (and an SSH key's passphrase) never appears in any stream (verbose, which carries the protocol
# trace, debug, warnings, errors), in $Error, in ToString(), or anywhere reachable from an output object or an
# ErrorRecord: sessions, items, command results, Test-FtpConnection reports, exceptions and their Data, on FTP, FTPS
# and SFTP, after a good login and after a wrong password, a wrong host key and a refused certificate.
# Output objects are also checked as ConvertTo-Json -Depth 10 and Export-Clixml -Depth 10. An ErrorRecord is walked
# instead (every public property, 12 levels deep): its JSON at depth 10 serialises the reflection graph of the
# exception's TargetSite and of the command's metadata, which does not finish in minutes.

BeforeDiscovery {
    Import-Module -Name (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    $labSkip = [bool](Get-FtpLabSkipReason)   # skip where the lab cannot run, except under CI=true
}

BeforeAll {
    Import-Module -Name (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    $manifest = Import-FtpToolsForTest
    $lab = Start-FtpLab -Server 'vsftpd-plain', 'vsftpd-explicit', 'openssh-sftp'
    $plain = $lab.Servers['vsftpd-plain']
    $explicit = $lab.Servers['vsftpd-explicit']
    $sftp = $lab.Servers['openssh-sftp']
    $wrongSecret = 'Zq7-NeverShow-' + [guid]::NewGuid().ToString('N').Substring(0, 10)
    $sftpPins = @($sftp.hostKeys | ForEach-Object { [string]$_.fingerprint })

    function New-SftpParameters([pscredential] $Credential, [hashtable] $With = @{}) {
        $parameters = @{
            ComputerName       = $sftp.host
            Port               = [int]$sftp.port
            Protocol           = 'Sftp'
            Credential         = $Credential
            HostKeyFingerprint = $sftpPins
        }
        foreach ($key in $With.Keys) { $parameters[$key] = $With[$key] }
        $parameters
    }

    # Every string reachable from the roots through public properties, collections and dictionaries, to $MaxDepth levels;
    # reflection metadata (types, members, assemblies) is not followed. A SecureString is opaque and yields nothing.
    function Get-ReachableText([object[]] $Roots, [int] $MaxDepth = 12) {
        $seen = New-Object 'System.Collections.Generic.HashSet[object]' ([System.Collections.Generic.ReferenceEqualityComparer]::Instance)
        $texts = New-Object 'System.Collections.Generic.List[string]'
        $pending = New-Object 'System.Collections.Generic.Stack[object]'
        foreach ($root in $Roots) { $pending.Push([pscustomobject]@{ Value = $root; Depth = 0 }) }
        while ($pending.Count -gt 0) {
            $next = $pending.Pop()
            $value = $next.Value
            if ($null -eq $value) { continue }
            if ($value -is [psobject] -and $value.PSObject.BaseObject -isnot [psobject]) { $base = $value.PSObject.BaseObject } else { $base = $value }
            if ($base -is [string]) { $texts.Add($base); continue }
            if ($base -is [ValueType]) { $texts.Add([string]$base); continue }
            if ($base -is [System.Security.SecureString] -or $base -is [System.Reflection.MemberInfo] -or $base -is [System.Reflection.Assembly] -or
                $base -is [System.Reflection.Module] -or $base -is [System.Delegate] -or $base -is [scriptblock] -or
                # PowerShell's own machinery (command metadata, modules, session state, syntax trees) holds nothing of FtpTools'.
                $base -is [System.Management.Automation.CommandInfo] -or $base -is [System.Management.Automation.PSModuleInfo] -or
                $base -is [System.Management.Automation.SessionState] -or $base -is [System.Management.Automation.Runspaces.Runspace] -or
                $base -is [System.Management.Automation.Language.Ast] -or $base -is [System.Management.Automation.Language.IScriptExtent]) { continue }
            if (-not $seen.Add($base)) { continue }
            try { $texts.Add($base.ToString()) } catch { $texts.Add("ToString threw $($_.Exception.GetType().Name)") }
            if ($next.Depth -ge $MaxDepth) { continue }
            $children = New-Object 'System.Collections.Generic.List[object]'
            if ($base -is [System.Collections.IDictionary]) {
                foreach ($key in $base.Keys) { $children.Add($key); $children.Add($base[$key]) }
            }
            elseif ($base -is [System.Collections.IEnumerable]) {
                $taken = 0
                foreach ($item in $base) { $children.Add($item); if (++$taken -ge 2000) { break } }
            }
            foreach ($property in $value.PSObject.Properties) {
                if ($property.MemberType -notin 'Property', 'NoteProperty', 'CodeProperty', 'ScriptProperty', 'AliasProperty') { continue }
                try { $children.Add($property.Value) } catch { $texts.Add("getter $($property.Name) threw") }
            }
            foreach ($child in $children) { $pending.Push([pscustomobject]@{ Value = $child; Depth = $next.Depth + 1 }) }
        }
        $texts
    }

    function Assert-NoSecret([string] $Secret, [object[]] $Records, [object[]] $Outputs = @()) {
        $Secret.Length | Should -BeGreaterOrEqual 8 -Because 'a short secret could match by chance'
        $texts = @(Get-ReachableText -Roots ($Records + $Outputs))
        $texts.Count | Should -BeGreaterThan 20
        $found = @($texts | Where-Object { $_.Contains($Secret) })
        $found | Should -BeNullOrEmpty -Because 'the secret must not be reachable from any record or object'
        # The module's own objects; a FileInfo from -PassThru serialises the whole folder tree at depth 10.
        foreach ($output in @($Outputs | Where-Object { $null -ne $_ -and $_.GetType().FullName -like 'FtpTools.*' })) {
            ($output | ConvertTo-Json -Depth 10 -WarningAction SilentlyContinue) | Should -Not -Match ([regex]::Escape($Secret))
            $file = Join-Path $TestDrive ((New-UniqueName -Prefix 'clixml') + '.xml')
            $output | Export-Clixml -LiteralPath $file -Depth 10
            [System.IO.File]::ReadAllText($file) | Should -Not -Match ([regex]::Escape($Secret))
        }
    }

    # Runs the script with every stream merged into the output and returns it all with what $Error gained meanwhile.
    function Invoke-Captured([scriptblock] $Script) {
        $Error.Clear()
        $DebugPreference = 'Continue'
        $VerbosePreference = 'Continue'
        $records = @(& $Script *>&1)
        $records + @($Error)
    }
}

AfterAll {
    Get-FtpSession | Disconnect-FtpServer
    Stop-FtpLab -Lab $lab
}

Describe 'The password stays secret after a good login on <_>' -ForEach 'vsftpd-plain', 'vsftpd-explicit' -Skip:$labSkip {
    BeforeAll { $server = $lab.Servers[$_] }

    It 'appears in no stream, trace line or output object of a session that connects, lists, uploads, downloads and disconnects' {
        $server.password | Should -Not -BeNullOrEmpty
        $local = New-RandomFile -Path (Join-Path $TestDrive "$($server.name)-up.bin") -Size 10KB
        $remote = '/' + (New-UniqueName -Prefix 'secret')
        $download = New-Item -ItemType Directory -Path (Join-Path $TestDrive (New-UniqueName -Prefix 'down'))
        $captured = Invoke-Captured {
            $s = Connect-LabServer -Server $server -With @{ Verbose = $true; WarningAction = 'Continue' }
            $s
            Get-FtpSession
            New-FtpDirectory -Session $s -Path $remote -Verbose
            Send-FtpItem -Session $s -LiteralPath $local.FullName -Destination $remote -Verbose -PassThru
            Get-FtpChildItem -Session $s -Path $remote -Verbose
            Receive-FtpItem -Session $s -LiteralPath "$remote/$($local.Name)" -Destination $download.FullName -Verbose -PassThru
            Invoke-FtpCommand -Session $s -Command 'NOOP' -Verbose
            Get-FtpItem -Session $s -Path '/nothing-here' -Verbose -ErrorAction Continue
            Remove-FtpItem -Session $s -LiteralPath $remote -Recurse -Confirm:$false -Verbose
            Disconnect-FtpServer -Session $s -Verbose
        }
        @($captured | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] }).Count | Should -BeGreaterThan 10 -Because 'the trace was captured'
        @($captured | Where-Object { "$_" -like '*PASS*' }).Count | Should -BeGreaterThan 0 -Because 'the PASS command is traced, masked'
        Assert-NoSecret -Secret $server.password -Records $captured -Outputs @($captured | Where-Object { $_ -isnot [System.Management.Automation.InformationalRecord] })
    }

    It 'appears in no part of a Test-FtpConnection report' {
        $parameters = Get-LabConnectParameters -Server $server
        $test = $null
        $captured = Invoke-Captured {
            $test = Test-FtpConnection @parameters -Verbose
            $test
            $test.ToReport()
        }
        $report = @($captured | Where-Object { $_ -is [FtpTools.FtpConnectionTest] })
        $report.Count | Should -Be 1
        $report[0].Success | Should -BeTrue
        Assert-NoSecret -Secret $server.password -Records $captured -Outputs $report
    }
}

Describe 'The password stays secret when the login fails' -Skip:$labSkip {
    It 'on <Name>: a wrong password is named nowhere (error, exception, Data, $Error, trace)' -ForEach @(
        @{ Name = 'FTP'; Server = 'vsftpd-plain' }
        @{ Name = 'FTPS'; Server = 'vsftpd-explicit' }
        @{ Name = 'SFTP'; Server = 'openssh-sftp' }
    ) {
        $server = $lab.Servers[$Server]
        $credential = New-TestCredential -Server $server -Password $wrongSecret
        if ($Name -eq 'SFTP') { $parameters = New-SftpParameters -Credential $credential }
        else { $parameters = Get-LabConnectParameters -Server $server; $parameters.Credential = $credential }
        $captured = Invoke-Captured {
            try { Connect-FtpServer @parameters -Verbose -WarningAction Continue -ErrorAction Stop }
            catch { $_ }
        }
        $errors = @($captured | Where-Object { $_ -is [System.Management.Automation.ErrorRecord] })
        $errors.Count | Should -BeGreaterThan 0
        $errors[0].FullyQualifiedErrorId | Should -BeLike 'FtpTools.LoginFailed,*'
        Assert-NoSecret -Secret $wrongSecret -Records $captured -Outputs @($errors[0].Exception.ToString(), $errors[0].Exception.Data)
    }

    It 'on Test-FtpConnection (<Name>): a wrong password is in no part of the report' -ForEach @(
        @{ Name = 'FTPS'; Server = 'vsftpd-explicit' }
        @{ Name = 'SFTP'; Server = 'openssh-sftp' }
    ) {
        $server = $lab.Servers[$Server]
        $credential = New-TestCredential -Server $server -Password $wrongSecret
        $captured = Invoke-Captured {
            if ($Name -eq 'SFTP') { $test = Test-FtpConnection -ComputerName $server.host -Port ([int]$server.port) -Protocol Sftp -Credential $credential -HostKeyFingerprint $sftpPins -Verbose }
            else { $test = Test-FtpConnection -ComputerName $server.host -Port ([int]$server.port) -Credential $credential -CertificateThumbprint $server.certificateSha256 -Verbose }
            $test
            $test.ToReport()
        }
        $report = @($captured | Where-Object { $_ -is [FtpTools.FtpConnectionTest] })
        $report.Count | Should -Be 1
        $report[0].Success | Should -BeFalse
        Assert-NoSecret -Secret $wrongSecret -Records $captured -Outputs $report
    }

    It 'on SFTP with a host key that does not match the pin: the (right) password is named nowhere' {
        $parameters = New-SftpParameters -Credential (New-TestCredential -Server $sftp) -With @{ HostKeyFingerprint = 'SHA256:' + ('A' * 43) }
        $captured = Invoke-Captured {
            try { Connect-FtpServer @parameters -Verbose -ErrorAction Stop } catch { $_ }
        }
        $errors = @($captured | Where-Object { $_ -is [System.Management.Automation.ErrorRecord] })
        $errors[0].FullyQualifiedErrorId | Should -BeLike 'FtpTools.HostKey*'
        Assert-NoSecret -Secret $sftp.password -Records $captured -Outputs @($errors[0].Exception.ToString())
    }

    It 'on FTPS with a certificate that does not match the pin: the (right) password is named nowhere' {
        $parameters = Get-LabConnectParameters -Server $explicit
        $parameters.CertificateThumbprint = 'AB' * 32
        $captured = Invoke-Captured {
            try { Connect-FtpServer @parameters -Verbose -ErrorAction Stop } catch { $_ }
        }
        $errors = @($captured | Where-Object { $_ -is [System.Management.Automation.ErrorRecord] })
        $errors[0].FullyQualifiedErrorId | Should -BeLike 'FtpTools.TlsFailed,*'
        Assert-NoSecret -Secret $explicit.password -Records $captured -Outputs @($errors[0].Exception.ToString())
    }
}

Describe 'SFTP passwords and key passphrases stay secret' -Skip:$labSkip {
    It 'a good password login, listing and disconnect name the password nowhere' {
        $parameters = New-SftpParameters -Credential (New-TestCredential -Server $sftp)
        $captured = Invoke-Captured {
            $s = Connect-FtpServer @parameters -Verbose
            $s
            Get-FtpChildItem -Session $s -Path ([string]$sftp.remoteRootDirectory) -Verbose
            Disconnect-FtpServer -Session $s -Verbose
        }
        @($captured | Where-Object { $_ -is [FtpTools.FtpSession] }).Count | Should -Be 1
        Assert-NoSecret -Secret $sftp.password -Records $captured -Outputs @($captured | Where-Object { $_ -isnot [System.Management.Automation.InformationalRecord] })
    }

    It 'a key with a passphrase logs in and the passphrase is named nowhere' {
        $key = $sftp.clientKeys | Where-Object { $_.name -eq 'id_rsa_passphrase' } | Select-Object -First 1
        $passphrase = ConvertTo-SecureString -String $key.passphrase -AsPlainText -Force
        $userOnly = New-Object System.Management.Automation.PSCredential -ArgumentList $sftp.user, (New-Object System.Security.SecureString)
        $parameters = New-SftpParameters -Credential $userOnly -With @{ KeyFile = $key.path; KeyPassphrase = $passphrase }
        $captured = Invoke-Captured {
            $s = Connect-FtpServer @parameters -Verbose
            $s
            Disconnect-FtpServer -Session $s -Verbose
        }
        @($captured | Where-Object { $_ -is [FtpTools.FtpSession] }).Count | Should -Be 1
        Assert-NoSecret -Secret $key.passphrase -Records $captured -Outputs @($captured | Where-Object { $_ -isnot [System.Management.Automation.InformationalRecord] })
    }

    It 'a wrong key passphrase is named nowhere' {
        $key = $sftp.clientKeys | Where-Object { $_.name -eq 'id_rsa_passphrase' } | Select-Object -First 1
        $userOnly = New-Object System.Management.Automation.PSCredential -ArgumentList $sftp.user, (New-Object System.Security.SecureString)
        $parameters = New-SftpParameters -Credential $userOnly -With @{ KeyFile = $key.path; KeyPassphrase = (ConvertTo-SecureString -String $wrongSecret -AsPlainText -Force) }
        $captured = Invoke-Captured {
            try { Connect-FtpServer @parameters -Verbose -ErrorAction Stop } catch { $_ }
        }
        $errors = @($captured | Where-Object { $_ -is [System.Management.Automation.ErrorRecord] })
        $errors.Count | Should -BeGreaterThan 0
        Assert-NoSecret -Secret $wrongSecret -Records $captured -Outputs @($errors[0].Exception.ToString())
    }
}
