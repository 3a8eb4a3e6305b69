#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0.0' }
# Test-FtpConnection against the loopback lab: the report, -Quiet, the splattable recommendation, SFTP host keys and
# argument errors. The firewall and NAT scenarios are in Netns.Tests.ps1.

BeforeDiscovery {
    Import-Module -Name (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    $labSkip = [bool](Get-FtpLabSkipReason)   # skip where the lab cannot run, except under CI=true
}

BeforeAll {
    Import-Module -Name (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    $manifest = Import-FtpToolsForTest
    $lab = Start-FtpLab -Server 'vsftpd-explicit', 'openssh-sftp'
    $explicit = $lab.Servers['vsftpd-explicit']
    $sftp = $lab.Servers['openssh-sftp']
    $credential = New-TestCredential -Server $explicit
}

AfterAll {
    Get-FtpSession | Disconnect-FtpServer
    Stop-FtpLab -Lab $lab
}

Describe 'Test-FtpConnection (FTP)' -Skip:$labSkip {
    BeforeAll {
        $t = Test-FtpConnection -ComputerName $explicit.host -Port $explicit.port -Credential $credential -CertificateThumbprint $explicit.certificateSha256 -Timeout 5
    }

    It 'returns a report whose recommendation splats into Connect-FtpServer' {
        $t.Success | Should -BeTrue
        $t.Recommended.Parameters | Should -BeOfType [hashtable]
        $t.Recommended.Parameters.Keys | Should -Not -Contain 'Credential'
        $p = $t.Recommended.Parameters
        $s = Connect-FtpServer @p -Credential $credential
        try {
            $s.Encryption | Should -Be 'Explicit'
            $s.Port | Should -Be ([int]$explicit.port)
        }
        finally { Disconnect-FtpServer -Session $s }
    }

    It 'tries explicit FTPS, logs in and lists over each data connection, and prints the total time' {
        $steps = @($t.Attempts | ForEach-Object { '{0}/{1}' -f $_.Step, $_.DataConnection })
        $steps | Should -Contain 'Tls/'
        $steps | Should -Contain 'Login/'
        $steps | Should -Contain 'Listing/EPSV'
        $steps | Should -Contain 'Listing/PASV'
        $steps | Should -Contain 'Listing/Active'
        ($t | Out-String -Width 200) | Should -Match ('works, \d+ attempts in \d+\.\d s')
        ($t | Out-String -Width 400) | Should -Match "Recommended: Connect-FtpServer -ComputerName '127\.0\.0\.1' -Port $($explicit.port) -Encryption Explicit"
    }

    It 'never shows the password' {
        ($t | Out-String -Width 400) | Should -Not -Match ([regex]::Escape($explicit.password))
        ($t | ConvertTo-Json -Depth 6) | Should -Not -Match ([regex]::Escape($explicit.password))
    }

    It 'answers -Quiet with a single Boolean' {
        $q = Test-FtpConnection -ComputerName "$($explicit.host):$($explicit.port)" -Credential $credential -CertificateThumbprint $explicit.certificateSha256 -Timeout 5 -Quiet
        $q | Should -BeOfType [bool]
        $q | Should -BeTrue
    }

    It 'names the certificate thumbprint to pin when the certificate is not trusted, and does not fall back to plain FTP' {
        $u = Test-FtpConnection -ComputerName $explicit.host -Port $explicit.port -Credential $credential -Timeout 5
        $u.Success | Should -BeFalse
        ($u.Diagnosis -join ' ') | Should -Match "-CertificateThumbprint $($explicit.certificateSha256)"
        @($u.Attempts | Where-Object Encryption -eq 'None').Count | Should -Be 0
    }

    It 'reports a refused port without waiting' {
        $listener = [System.Net.Sockets.TcpListener]::new([System.Net.IPAddress]::Loopback, 0)
        $listener.Start(); $closed = $listener.LocalEndpoint.Port; $listener.Stop()
        $c = Test-FtpConnection -ComputerName 127.0.0.1 -Port $closed -Timeout 5
        $c.Success | Should -BeFalse
        $c.Diagnosis[0] | Should -BeLike "Nothing listens on port $closed of 127.0.0.1*"
        $c.Elapsed.TotalSeconds | Should -BeLessThan 3
    }
}

Describe 'Test-FtpConnection (SFTP)' -Skip:$labSkip {
    It 'prints the host key fingerprint to pin and stops before the password' {
        $r = Test-FtpConnection -ComputerName "sftp://$($sftp.host):$($sftp.port)" -Credential (New-TestCredential -Server $sftp) -Timeout 10
        $r.Success | Should -BeFalse
        $r.Protocol | Should -Be 'Sftp'
        $pins = @($sftp.hostKeys | ForEach-Object { [string]$_.fingerprint })
        $shown = [regex]::Match(($r.Diagnosis -join ' '), "-HostKeyFingerprint '(SHA256:[^']+)'").Groups[1].Value
        $shown | Should -BeIn $pins
    }

    It 'authenticates and lists with the pinned key' {
        $pins = @($sftp.hostKeys | ForEach-Object { [string]$_.fingerprint })
        $r = Test-FtpConnection -ComputerName $sftp.host -Port $sftp.port -Protocol Sftp -Credential (New-TestCredential -Server $sftp) -HostKeyFingerprint $pins -Timeout 10
        $r.Success | Should -BeTrue
        @($r.Attempts | ForEach-Object Step) | Should -Be @('Reachability', 'Greeting', 'HostKey', 'Authentication', 'Listing')
        $r.Recommended.Parameters.Protocol | Should -Be 'Sftp'
    }
}

Describe 'Test-FtpConnection arguments' -Skip:$labSkip {
    It 'refuses an unknown scheme as an invalid argument' {
        { Test-FtpConnection -ComputerName 'http://example.invalid' -Timeout 1 } | Should -Throw -ErrorId 'FtpTools.InvalidArgument*'
    }

    It 'refuses SFTP-only parameters for FTP, naming them' {
        { Test-FtpConnection -ComputerName 127.0.0.1 -HostKeyFingerprint 'SHA256:x' -Timeout 1 } | Should -Throw '*-HostKeyFingerprint belongs to SFTP only*'
    }
}
