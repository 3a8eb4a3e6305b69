#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0.0' }
# Errors an admin can act on: the real cause behind a 550 or 553, advice that fits the command, the wrong encryption for a
# port recognised within seconds, -ComputerName addresses, the server named when several sessions are open, cut-off downloads.

BeforeDiscovery {
    Import-Module -Name (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    $labSkip = [bool](Get-FtpLabSkipReason)   # skip where the lab cannot run, except under CI=true
    $unixServerDisk = [System.IO.Path]::DirectorySeparatorChar -eq '/'
    Import-Module -Name (Join-Path $PSScriptRoot 'HostileServer.psm1') -Force
    $noHostileServer = -not (Test-HostileFtpServer)
}

BeforeAll {
    Import-Module -Name (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module -Name (Join-Path $PSScriptRoot 'HostileServer.psm1') -Force
    $manifest = Import-FtpToolsForTest
    $lab = Start-FtpLab -Server 'vsftpd-plain', 'vsftpd-plain6', 'vsftpd-explicit', 'vsftpd-implicit'
    $plain = $lab.Servers['vsftpd-plain']
    $plain6 = $lab.Servers['vsftpd-plain6']
    $explicit = $lab.Servers['vsftpd-explicit']
    $implicit = $lab.Servers['vsftpd-implicit']
    $s = Connect-LabServer -Server $plain

    function Get-ThrownError([scriptblock] $Script) {
        try { & $Script; $null } catch { $_ }
    }

    # A folder made on disk by root (not the FTP user) with a file in it: the server lists it but may not change it.
    function New-LockedFolder {
        $remote = '/' + (New-UniqueName -Prefix 'locked')
        $disk = New-Item -ItemType Directory -Path (Get-ServerPath -Server $plain -RemotePath $remote)
        [System.IO.File]::WriteAllText((Join-Path $disk.FullName 'keep.txt'), 'x')
        [System.IO.File]::WriteAllText((Join-Path $disk.FullName 'secret.txt'), 'x')
        & chmod 755 $disk.FullName
        & chmod 600 (Join-Path $disk.FullName 'secret.txt')
        [pscustomobject]@{ Remote = $remote; Disk = $disk.FullName }
    }
}

AfterAll {
    Get-FtpSession | Disconnect-FtpServer
    Stop-FtpLab -Lab $lab
}

Describe 'A 550 is diagnosed, not taken for "not found"' -Skip:($labSkip -or -not $unixServerDisk) {
    It 'deleting a file the account may not delete is PermissionDenied' {
        $locked = New-LockedFolder
        Remove-FtpItem -Session $s -LiteralPath "$($locked.Remote)/keep.txt" -ErrorAction SilentlyContinue -ErrorVariable ev
        $ev[0].FullyQualifiedErrorId | Should -BeLike 'FtpTools.PermissionDenied,*'
        $ev[0].CategoryInfo.Category | Should -Be ([System.Management.Automation.ErrorCategory]::PermissionDenied)
        $ev[0].Exception.Message | Should -Match '550'
        Test-Path -LiteralPath (Join-Path $locked.Disk 'keep.txt') | Should -BeTrue
    }

    It 'downloading a file the account may not read is PermissionDenied' {
        $locked = New-LockedFolder
        $dest = New-Item -ItemType Directory -Path (Join-Path $TestDrive (New-UniqueName -Prefix 'perm'))
        Receive-FtpItem -Session $s -LiteralPath "$($locked.Remote)/secret.txt" -Destination $dest.FullName -ErrorAction SilentlyContinue -ErrorVariable ev
        $ev[0].FullyQualifiedErrorId | Should -BeLike 'FtpTools.PermissionDenied,*'
        @(Get-ChildItem -LiteralPath $dest.FullName -Force).Count | Should -Be 0
    }

    It 'a non-empty folder without -Recurse is DirectoryNotEmpty and the message names -Recurse' {
        $locked = New-LockedFolder
        Remove-FtpItem -Session $s -LiteralPath $locked.Remote -ErrorAction SilentlyContinue -ErrorVariable ev
        $ev[0].FullyQualifiedErrorId | Should -BeLike 'FtpTools.DirectoryNotEmpty,*'
        $ev[0].Exception.Message | Should -Match '-Recurse'
        $ev[0].Exception.Message | Should -Match 'keep\.txt'
    }

    It 'an upload into a missing remote folder says that the folder does not exist (vsftpd answers a bare 553)' {
        $local = New-RandomFile -Path (Join-Path $TestDrive 'to-missing.txt') -Size 10
        $missing = '/' + (New-UniqueName -Prefix 'missing')
        Send-FtpItem -Session $s -LiteralPath $local.FullName -Destination "$missing/to-missing.txt" -ErrorAction SilentlyContinue -ErrorVariable ev
        $ev[0].FullyQualifiedErrorId | Should -BeLike 'FtpTools.ItemNotFound,*'
        $ev[0].Exception.Message | Should -Match ([regex]::Escape("the remote folder $missing does not exist"))
        $ev[0].ErrorDetails.RecommendedAction | Should -Match 'New-FtpDirectory'
    }
}

Describe 'Advice fits the command' -Skip:$labSkip {
    It 'Rename-FtpItem onto an existing name does not recommend -IfExists, which it lacks' {
        $dir = '/' + (New-UniqueName -Prefix 'ren')
        New-FtpDirectory -Session $s -Path $dir | Out-Null
        $disk = Get-ServerPath -Server $plain -RemotePath $dir
        'a', 'b' | ForEach-Object { [System.IO.File]::WriteAllText((Join-Path $disk "$_.txt"), $_) }
        Rename-FtpItem -Session $s -LiteralPath "$dir/a.txt" -NewName 'b.txt' -ErrorAction SilentlyContinue -ErrorVariable ev
        $ev[0].FullyQualifiedErrorId | Should -BeLike 'FtpTools.DestinationExists,*'
        "$($ev[0].Exception.Message) $($ev[0].ErrorDetails.Message) $($ev[0].ErrorDetails.RecommendedAction)" | Should -Not -Match 'IfExists'
        Move-FtpItem -Session $s -LiteralPath "$dir/a.txt" -Destination "$dir/b.txt" -ErrorAction SilentlyContinue -ErrorVariable ev2
        "$($ev2[0].Exception.Message) $($ev2[0].ErrorDetails.RecommendedAction)" | Should -Not -Match 'IfExists'
    }

    It 'a wrong password says "Login incorrect." with one full stop' {
        $err = Get-ThrownError { Connect-LabServer -Server $plain -With @{ Credential = (New-TestCredential -Server $plain -Password 'wrong'); ErrorAction = 'Stop' } }
        $err.FullyQualifiedErrorId | Should -BeLike 'FtpTools.LoginFailed,*'
        $err.Exception.Message | Should -Match 'Login incorrect\.$'
        "$($err.Exception.Message) $($err.ErrorDetails.Message)" | Should -Not -Match '\.\.'
    }

    It 'a wrong pin is called a mismatch, not an untrusted certificate to pin' {
        $err = Get-ThrownError { Connect-LabServer -Server $explicit -With @{ CertificateThumbprint = ('AB' * 32); ErrorAction = 'Stop' } }
        $err.FullyQualifiedErrorId | Should -BeLike 'FtpTools.TlsFailed,*'
        $err.Exception.Message | Should -Match 'does not match the pinned thumbprint'
        $err.Exception.Message | Should -Match $explicit.certificateSha256
        "$($err.Exception.Message) $($err.ErrorDetails.RecommendedAction)" | Should -Not -Match 'not trusted|pin it'
    }

    It 'a refused AUTH TLS names -Encryption None and -Encryption Implicit in the exception message itself' {
        $err = Get-ThrownError { Connect-LabServer -Server $plain -With @{ Encryption = 'Explicit'; ErrorAction = 'Stop' } }
        $err.FullyQualifiedErrorId | Should -BeLike 'FtpTools.TlsFailed,*'
        $err.Exception.Message | Should -Match '-Encryption None'
        $err.Exception.Message | Should -Match '-Encryption Implicit'
    }
}

Describe 'The wrong encryption for a port is recognised within seconds' -Skip:$labSkip {
    It 'explicit FTPS against an implicit port names -Encryption Implicit' {
        $watch = [System.Diagnostics.Stopwatch]::StartNew()
        $err = Get-ThrownError { Connect-LabServer -Server $implicit -With @{ Encryption = 'Explicit'; Timeout = 30; ErrorAction = 'Stop' } }
        $watch.Elapsed.TotalSeconds | Should -BeLessThan 10
        $err.FullyQualifiedErrorId | Should -BeLike 'FtpTools.ConnectFailed,*'
        $err.Exception.Message | Should -Match 'implicit FTPS'
        $err.Exception.Message | Should -Match '-Encryption Implicit'
    }

    It 'implicit FTPS against a port with a plain greeting names -Encryption Explicit' {
        $watch = [System.Diagnostics.Stopwatch]::StartNew()
        $err = Get-ThrownError { Connect-LabServer -Server $explicit -With @{ Encryption = 'Implicit'; Timeout = 30; ErrorAction = 'Stop' } }
        $watch.Elapsed.TotalSeconds | Should -BeLessThan 10
        $err.FullyQualifiedErrorId | Should -BeLike 'FtpTools.TlsFailed,*'
        $err.Exception.Message | Should -Match 'plain FTP greeting'
        $err.Exception.Message | Should -Match '-Encryption Explicit'
        $err.Exception.Message | Should -Not -Match 'frame size'
    }
}

Describe '-ComputerName takes a port or a URL' -Skip:$labSkip {
    It 'connects to <Text>' -ForEach @(
        @{ Text = 'ftp://{host}:{port}'; Server = 'vsftpd-plain'; With = @{}; Encryption = 'None' }
        @{ Text = '{host}:{port}'; Server = 'vsftpd-plain'; With = @{ Encryption = 'None' }; Encryption = 'None' }
        @{ Text = '[::1]:{port}'; Server = 'vsftpd-plain6'; With = @{ Encryption = 'None' }; Encryption = 'None' }
        @{ Text = 'ftps://{host}:{port}'; Server = 'vsftpd-explicit'; With = @{ CertificateThumbprint = 'pin' }; Encryption = 'Explicit' }
    ) {
        $target = $lab.Servers[$Server]
        $address = $Text.Replace('{host}', [string]$target.host).Replace('{port}', [string]$target.port)
        $connect = @{ ComputerName = $address; Credential = (New-TestCredential -Server $target) }
        foreach ($key in $With.Keys) { $connect[$key] = $With[$key] }
        if ($connect.ContainsKey('CertificateThumbprint')) { $connect.CertificateThumbprint = [string]$target.certificateSha256 }
        $c = Connect-FtpServer @connect -WarningAction SilentlyContinue
        try {
            $c.Port | Should -Be $target.port
            $c.ComputerName | Should -Be $target.host
            [string]$c.Encryption | Should -Be $Encryption
        }
        finally { Disconnect-FtpServer -Session $c }
    }

    It 'refuses <Text> with FtpTools.InvalidArgument naming <Names>' -ForEach @(
        @{ Text = 'ftp://{host}:{port}'; Extra = @{ Port = 2121 }; Names = @('{port}', '-Port is 2121') }
        @{ Text = 'ftp://{host}:{port}'; Extra = @{ Encryption = 'Explicit' }; Names = @('ftp://', '-Encryption is Explicit') }
        @{ Text = 'sftp://ftptest@{host}:22'; Extra = @{ Encryption = 'None' }; Names = @('-Encryption', 'SFTP') }
        @{ Text = 'ftp://ftptest:secret-in-url@{host}'; Extra = @{}; Names = @('password') }
        @{ Text = 'ftp://{host}/outbound'; Extra = @{}; Names = @('path') }
    ) {
        $address = $Text.Replace('{host}', [string]$plain.host).Replace('{port}', [string]$plain.port)
        $err = Get-ThrownError { Connect-FtpServer -ComputerName $address -Credential (New-TestCredential -Server $plain) @Extra -ErrorAction Stop }
        $err.FullyQualifiedErrorId | Should -BeLike 'FtpTools.InvalidArgument,*'
        $err.CategoryInfo.Category | Should -Be ([System.Management.Automation.ErrorCategory]::InvalidArgument)
        foreach ($name in $Names) { $err.Exception.Message | Should -Match ([regex]::Escape($name.Replace('{port}', [string]$plain.port))) }
        $err.Exception.Message | Should -Not -Match 'secret-in-url'
    }
}

Describe 'Item errors name the server when several sessions are open' -Skip:$labSkip {
    It 'prefixes the message with user@host:port only when another session is open' {
        $missing = '/' + (New-UniqueName -Prefix 'nothing-here')
        Get-FtpSession | Where-Object { $_.Id -ne $s.Id } | Disconnect-FtpServer
        Get-FtpItem -Session $s -LiteralPath $missing -ErrorAction SilentlyContinue -ErrorVariable alone
        $alone[0].ErrorDetails.Message | Should -Not -Match '^\['
        $other = Connect-LabServer -Server $plain6
        try {
            Get-FtpItem -Session $s -LiteralPath $missing -ErrorAction SilentlyContinue -ErrorVariable several
            $several[0].FullyQualifiedErrorId | Should -BeLike 'FtpTools.ItemNotFound,*'
            $several[0].ErrorDetails.Message | Should -Match ('^' + [regex]::Escape("[$($plain.user)@$($plain.host):$($plain.port)] "))
        }
        finally { Disconnect-FtpServer -Session $other }
    }
}

Describe 'A cut-off download says it was incomplete' -Skip:($labSkip -or $noHostileServer) {
    It 'reports the bytes received of the bytes expected and keeps no file' {
        $h = Start-HostileFtpServer
        try {
            New-RandomFile -Path (Join-Path $h.Root 'cut-big.bin') -Size 100000 | Out-Null
            $c = Connect-FtpServer -ComputerName 127.0.0.1 -Port $h.Port -Credential $h.Credential -Encryption None -WarningAction SilentlyContinue
            try {
                $dest = New-Item -ItemType Directory -Path (Join-Path $TestDrive (New-UniqueName -Prefix 'cut'))
                Receive-FtpItem -Session $c -Path /cut-big.bin -Destination $dest.FullName -RetryCount 0 -ErrorAction SilentlyContinue -ErrorVariable ev
                $ev.Count | Should -Be 1
                $ev[0].FullyQualifiedErrorId | Should -BeLike 'FtpTools.TransferFailed,*'
                $ev[0].Exception.Message | Should -Match 'incomplete: 50000 of 100000 bytes'
                @(Get-ChildItem -LiteralPath $dest.FullName -Force).Count | Should -Be 0
                $c.IsConnected | Should -BeTrue
            }
            finally { Disconnect-FtpServer -Session $c }
        }
        finally { Stop-HostileFtpServer -Server $h }
    }
}
