#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0.0' }
# Every lab server: connect with the defaults a Windows admin would use (pinned certificate for TLS), upload, list, download.

BeforeDiscovery {
    Import-Module -Name (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    $labSkip = [bool](Get-FtpLabSkipReason)   # skip where the lab cannot run, except under CI=true
    $serverNames = @(
        'vsftpd-plain', 'vsftpd-plain6', 'vsftpd-explicit', 'vsftpd-explicit-tls12', 'vsftpd-implicit',
        'proftpd-plain', 'proftpd-explicit', 'proftpd-implicit',
        'pureftpd-plain', 'pureftpd-explicit',
        'pyftpdlib-plain', 'pyftpdlib-explicit'
    )
}

BeforeAll {
    Import-Module -Name (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    $manifest = Import-FtpToolsForTest
    $lab = Start-FtpLab -Server @(
        'vsftpd-plain', 'vsftpd-plain6', 'vsftpd-explicit', 'vsftpd-explicit-tls12', 'vsftpd-implicit',
        'proftpd-plain', 'proftpd-explicit', 'proftpd-implicit',
        'pureftpd-plain', 'pureftpd-explicit',
        'pyftpdlib-plain', 'pyftpdlib-explicit'
    )
}

AfterAll {
    Get-FtpSession | Disconnect-FtpServer
    Stop-FtpLab -Lab $lab
}

Describe 'Round trip on <_>' -ForEach $serverNames -Skip:$labSkip {
    BeforeAll {
        $server = $lab.Servers[$_]
        $s = Connect-LabServer -Server $server
    }
    AfterAll { if ($s) { Disconnect-FtpServer -Session $s } }

    It 'reports the session properties' {
        $s.IsConnected | Should -BeTrue
        [string]$s.Encryption | Should -Be ([string]$server.encryption)
        if ([string]$server.encryption -eq 'None') { $s.TlsProtocol | Should -BeNullOrEmpty }
        else { $s.TlsProtocol | Should -Not -BeNullOrEmpty }
        $s.Greeting | Should -Not -BeNullOrEmpty
        $s.CurrentDirectory | Should -Not -BeNullOrEmpty
    }

    It 'uploads, lists and downloads a file byte-for-byte' {
        $remote = '/' + (New-UniqueName -Prefix 'matrix')
        New-FtpDirectory -Session $s -Path $remote | Out-Null
        $local = New-RandomFile -Path (Join-Path $TestDrive "$($server.name).bin") -Size 333KB -Seed 42
        Send-FtpItem -Session $s -LiteralPath $local.FullName -Destination $remote
        Get-Sha256 -LiteralPath (Get-ServerPath -Server $server -RemotePath "$remote/$($local.Name)") | Should -Be (Get-Sha256 -LiteralPath $local.FullName)
        $listed = Get-FtpChildItem -Session $s -Path $remote
        $listed.Name | Should -Be $local.Name
        $listed.Length | Should -Be $local.Length
        $dest = New-Item -ItemType Directory -Path (Join-Path $TestDrive (New-UniqueName -Prefix 'dl'))
        $listed | Receive-FtpItem -Destination $dest.FullName
        Get-Sha256 -LiteralPath (Join-Path $dest.FullName $local.Name) | Should -Be (Get-Sha256 -LiteralPath $local.FullName)
        Remove-FtpItem -Session $s -LiteralPath $remote -Recurse
        Test-FtpPath -Session $s -LiteralPath $remote | Should -BeFalse
    }

    It 'answers NOOP with 200' {
        (Invoke-FtpCommand -Session $s -Command 'NOOP').Code | Should -Be 200
    }
}
