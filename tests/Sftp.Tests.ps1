#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0.0' }
# SFTP behind the same cmdlets: connecting with host-key pins, known_hosts and keys; the user journeys of the FTP suites
# (pipeline upload and download, listings, -WhatIf, resume, removal) on the lab's OpenSSH sshd; errors that name the fix.

BeforeDiscovery {
    Import-Module -Name (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    $labSkip = [bool](Get-FtpLabSkipReason)   # skip where the lab cannot run, except under CI=true
}

BeforeAll {
    Import-Module -Name (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    $manifest = Import-FtpToolsForTest
    $lab = Start-FtpLab -Server 'openssh-sftp', 'openssh-sftp-kbdint', 'vsftpd-plain'
    $server = $lab.Servers['openssh-sftp']
    $pins = @($server.hostKeys | ForEach-Object { [string]$_.fingerprint })
    $credential = New-TestCredential -Server $server
    $root = [string]$server.remoteRootDirectory

    function Get-ClientKey([string] $Name) { $server.clientKeys | Where-Object { $_.name -eq $Name } | Select-Object -First 1 }

    function Connect-Sftp([hashtable] $With = @{}) {
        $parameters = @{
            ComputerName       = $server.host
            Port               = [int]$server.port
            Protocol           = 'Sftp'
            Credential         = $credential
            HostKeyFingerprint = $pins
        }
        foreach ($key in $With.Keys) { $parameters[$key] = $With[$key] }
        Connect-FtpServer @parameters
    }

    # A new remote folder under the server's root and its path on this machine's disk (the same path: no chroot).
    function New-RemoteTestDirectory([string] $Prefix = 'sftp') {
        $remote = $root + '/' + (New-UniqueName -Prefix $Prefix)
        New-FtpDirectory -Session $s -Path $remote | Out-Null
        [pscustomobject]@{ Remote = $remote; Disk = $remote }
    }

    $s = Connect-Sftp
}

AfterAll {
    Get-FtpSession | Disconnect-FtpServer
    Stop-FtpLab -Lab $lab
}

Describe 'Connect-FtpServer -Protocol Sftp' -Skip:$labSkip {
    It 'connects with a pinned host key and shows what SSH negotiated' {
        $s.Protocol | Should -Be 'Sftp'
        $s.Port | Should -Be ([int]$server.port)
        $s.UserName | Should -Be $server.user
        $s.HostKeyFingerprint | Should -BeIn $pins
        $s.HostKeyType | Should -Not -BeNullOrEmpty
        $s.KeyExchange | Should -Not -BeNullOrEmpty
        $s.Cipher | Should -Not -BeNullOrEmpty
        $s.Mac | Should -Not -BeNullOrEmpty
        $s.Greeting | Should -Match '^SSH-2\.0-OpenSSH'
        $s.IsConnected | Should -BeTrue
        $s.CurrentDirectory | Should -Be $root
        "$s" | Should -BeLike "sftp://$($server.user)@$($server.host):$($server.port)*"
    }

    It 'takes sftp://user@host:port with a key file alone (user name from the URL)' {
        $key = Get-ClientKey 'id_ed25519'
        $url = 'sftp://{0}@{1}:{2}' -f $server.user, $server.host, $server.port
        $k = Connect-FtpServer -ComputerName $url -KeyFile $key.path -HostKeyFingerprint $pins
        try {
            $k.Protocol | Should -Be 'Sftp'
            $k.UserName | Should -Be $server.user
            $k.Port | Should -Be ([int]$server.port)
            (Get-FtpChildItem -Session $k -Path $root -Force) | Out-Null
        }
        finally { Disconnect-FtpServer -Session $k }
    }

    It 'logs in with an OpenSSH key that has a passphrase' {
        $key = Get-ClientKey 'id_rsa_passphrase'
        $passphrase = ConvertTo-SecureString -String $key.passphrase -AsPlainText -Force
        $userOnly = New-Object System.Management.Automation.PSCredential -ArgumentList $server.user, (New-Object System.Security.SecureString)
        $k = Connect-Sftp @{ Credential = $userOnly; KeyFile = $key.path; KeyPassphrase = $passphrase }
        try { $k.IsConnected | Should -BeTrue }
        finally { Disconnect-FtpServer -Session $k }
    }

    It 'logs in with a PuTTY key' {
        $key = Get-ClientKey 'id_ecdsa.ppk'
        $userOnly = New-Object System.Management.Automation.PSCredential -ArgumentList $server.user, (New-Object System.Security.SecureString)
        $k = Connect-Sftp @{ Credential = $userOnly; KeyFile = $key.path }
        try { $k.IsConnected | Should -BeTrue }
        finally { Disconnect-FtpServer -Session $k }
    }

    It 'answers keyboard-interactive servers with the password' {
        $kbd = $lab.Servers['openssh-sftp-kbdint']
        $k = Connect-FtpServer -ComputerName $kbd.host -Port $kbd.port -Protocol Sftp -Credential (New-TestCredential -Server $kbd) -HostKeyFingerprint @($kbd.hostKeys | ForEach-Object { [string]$_.fingerprint })
        try { $k.IsConnected | Should -BeTrue }
        finally { Disconnect-FtpServer -Session $k }
    }

    It 'trusts the keys of a known_hosts file' {
        $k = Connect-FtpServer -ComputerName $server.host -Port $server.port -Protocol Sftp -Credential $credential -KnownHostsFile $server.knownHostsFile
        try { $k.HostKeyFingerprint | Should -BeIn $pins }
        finally { Disconnect-FtpServer -Session $k }
    }

    It 'refuses an unknown host key with the fingerprint to pin and the parameter that pins it, without prompting' {
        $thrown = $null
        try { Connect-FtpServer -ComputerName $server.host -Port $server.port -Protocol Sftp -Credential $credential -ErrorAction Stop }
        catch { $thrown = $_ }
        $thrown | Should -Not -BeNullOrEmpty
        $thrown.FullyQualifiedErrorId | Should -BeLike 'FtpTools.HostKeyNotTrusted,*'
        $thrown.CategoryInfo.Category | Should -Be 'SecurityError'
        "$thrown" | Should -Match 'SHA256:[A-Za-z0-9+/]{43}'
        "$thrown" | Should -Match '-HostKeyFingerprint'
        @(Get-FtpSession | Where-Object { $_.Port -eq [int]$server.port -and $_.Id -ne $s.Id }).Count | Should -Be 0
    }

    It 'refuses a wrong pin as a host-key error' {
        { Connect-Sftp @{ HostKeyFingerprint = 'SHA256:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA' } } |
            Should -Throw -ErrorId 'FtpTools.HostKeyNotTrusted,*'
    }

    It 'refuses a changed host key in known_hosts and says it changed' {
        $changed = Join-Path $TestDrive 'changed_known_hosts'
        $other = 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOMqqnkVzrm0SdG6UOoqKLsabgH5C9okWi0dh2l9GKJl'
        Set-Content -LiteralPath $changed -Value ('[{0}]:{1} {2}' -f $server.host, $server.port, $other)
        $thrown = $null
        try { Connect-FtpServer -ComputerName $server.host -Port $server.port -Protocol Sftp -Credential $credential -KnownHostsFile $changed -ErrorAction Stop }
        catch { $thrown = $_ }
        $thrown.FullyQualifiedErrorId | Should -BeLike 'FtpTools.HostKeyNotTrusted,*'
        "$thrown" | Should -Match 'changed|CHANGED'
    }

    It '-AcceptNewHostKey records a first-seen key, then trusts it' {
        $file = Join-Path $TestDrive 'accept_new_known_hosts'
        $k = Connect-FtpServer -ComputerName $server.host -Port $server.port -Protocol Sftp -Credential $credential -KnownHostsFile $file -AcceptNewHostKey
        Disconnect-FtpServer -Session $k
        (Get-Content -LiteralPath $file -Raw) | Should -Match ([regex]::Escape('[' + $server.host + ']:' + $server.port))
        $again = Connect-FtpServer -ComputerName $server.host -Port $server.port -Protocol Sftp -Credential $credential -KnownHostsFile $file
        try { $again.IsConnected | Should -BeTrue }
        finally { Disconnect-FtpServer -Session $again }
    }

    It 'fails with FtpTools.LoginFailed for a wrong password' {
        $wrong = New-TestCredential -Server $server -Password 'not-the-password'
        { Connect-Sftp @{ Credential = $wrong } } | Should -Throw -ErrorId 'FtpTools.LoginFailed,*'
    }

    It 'fails with FtpTools.LoginFailed for a key the server does not know' {
        $key = Get-ClientKey 'id_ed25519_unauthorized'
        $userOnly = New-Object System.Management.Automation.PSCredential -ArgumentList $server.user, (New-Object System.Security.SecureString)
        { Connect-Sftp @{ Credential = $userOnly; KeyFile = $key.path } } | Should -Throw -ErrorId 'FtpTools.LoginFailed,*'
    }

    It 'refuses FTP-only parameters on SFTP, naming them' {
        $thrown = $null
        try { Connect-Sftp @{ Encryption = 'Implicit'; CertificateThumbprint = ('0' * 64) } -ErrorAction Stop }
        catch { $thrown = $_ }
        $thrown.FullyQualifiedErrorId | Should -BeLike 'FtpTools.InvalidArgument,*'
        "$thrown" | Should -Match 'Encryption'
        "$thrown" | Should -Match 'CertificateThumbprint'
    }

    It 'refuses SFTP-only parameters on FTP' {
        $ftp = $lab.Servers['vsftpd-plain']
        { Connect-FtpServer -ComputerName $ftp.host -Port $ftp.port -Encryption None -Credential (New-TestCredential -Server $ftp) -HostKeyFingerprint $pins -WarningAction SilentlyContinue } |
            Should -Throw -ErrorId 'FtpTools.InvalidArgument,*'
    }

    It 'never shows the password through the session object' {
        $json = $s | ConvertTo-Json -Depth 8 -WarningAction SilentlyContinue
        $json | Should -Not -Match ([regex]::Escape([string]$server.password))
        $clixml = Join-Path $TestDrive 'session.clixml'
        $s | Export-Clixml -LiteralPath $clixml -Depth 8
        (Get-Content -LiteralPath $clixml -Raw) | Should -Not -Match ([regex]::Escape([string]$server.password))
    }
}

Describe 'The cmdlets on an SFTP session' -Skip:$labSkip {
    It 'uploads a pipeline of files and downloads them byte for byte' {
        $d = New-RemoteTestDirectory
        $source = New-Item -ItemType Directory -Path (Join-Path $TestDrive 'up')
        $sizes = 0, 1, 1MB + 7
        $i = 0
        foreach ($size in $sizes) { New-RandomFile -Path (Join-Path $source "f$i.bin") -Size $size -Seed $i | Out-Null; $i++ }
        Get-ChildItem -LiteralPath $source -File | Send-FtpItem -Session $s -Destination $d.Remote
        foreach ($file in Get-ChildItem -LiteralPath $source -File) {
            Get-Sha256 -LiteralPath (Join-Path $d.Disk $file.Name) | Should -Be (Get-Sha256 -LiteralPath $file.FullName)
        }
        $target = New-Item -ItemType Directory -Path (Join-Path $TestDrive 'down')
        Get-FtpChildItem -Session $s -Path $d.Remote -File | Receive-FtpItem -Session $s -Destination $target
        foreach ($file in Get-ChildItem -LiteralPath $source -File) {
            Get-Sha256 -LiteralPath (Join-Path $target $file.Name) | Should -Be (Get-Sha256 -LiteralPath $file.FullName)
        }
    }

    It 'lists names with spaces, non-ASCII characters and a leading dash, folders without a length, and hidden files only with -Force' {
        $d = New-RemoteTestDirectory
        foreach ($name in 'two  spaces.txt', ([string][char]0x00DC + 'ber.txt'), '-dash.txt', '.hidden') {
            [System.IO.File]::WriteAllText((Join-Path $d.Disk $name), 'x')
        }
        New-Item -ItemType Directory -Path (Join-Path $d.Disk 'folder') | Out-Null
        $items = @(Get-FtpChildItem -Session $s -Path $d.Remote)
        $items.Name | Should -Contain 'two  spaces.txt'
        $items.Name | Should -Contain ([string][char]0x00DC + 'ber.txt')
        $items.Name | Should -Contain '-dash.txt'
        $items.Name | Should -Not -Contain '.hidden'
        (@(Get-FtpChildItem -Session $s -Path $d.Remote -Force)).Name | Should -Contain '.hidden'
        $folder = $items | Where-Object Name -EQ 'folder'
        $folder.PSIsContainer | Should -BeTrue
        $folder.Length | Should -BeNullOrEmpty
    }

    It 'shows symbolic links with their targets' {
        $d = New-RemoteTestDirectory
        [System.IO.File]::WriteAllText((Join-Path $d.Disk 'target.txt'), 'x')
        New-Item -ItemType SymbolicLink -Path (Join-Path $d.Disk 'link.txt') -Target (Join-Path $d.Disk 'target.txt') | Out-Null
        $link = Get-FtpChildItem -Session $s -Path $d.Remote | Where-Object Name -EQ 'link.txt'
        $link.ItemType | Should -Be 'SymbolicLink'
        $link.LinkTarget | Should -BeLike '*target.txt'
    }

    It 'keeps modification times both ways' {
        $d = New-RemoteTestDirectory
        $local = New-RandomFile -Path (Join-Path $TestDrive 'timed.bin') -Size 100
        $stamp = [datetime]::new(2021, 3, 4, 5, 6, 7, [System.DateTimeKind]::Utc)
        [System.IO.File]::SetLastWriteTimeUtc($local.FullName, $stamp)
        Send-FtpItem -Session $s -LiteralPath $local.FullName -Destination $d.Remote
        [System.IO.File]::GetLastWriteTimeUtc((Join-Path $d.Disk 'timed.bin')) | Should -Be $stamp
        $back = New-Item -ItemType Directory -Path (Join-Path $TestDrive 'timed-back')
        Receive-FtpItem -Session $s -LiteralPath "$($d.Remote)/timed.bin" -Destination $back
        [System.IO.File]::GetLastWriteTimeUtc((Join-Path $back 'timed.bin')) | Should -Be $stamp
    }

    It 'downloads a folder tree with -Recurse, hidden files included' {
        $d = New-RemoteTestDirectory
        New-Item -ItemType Directory -Path (Join-Path $d.Disk 'tree/sub') -Force | Out-Null
        [System.IO.File]::WriteAllText((Join-Path $d.Disk 'tree/a.txt'), 'a')
        [System.IO.File]::WriteAllText((Join-Path $d.Disk 'tree/.env'), 'secret-ish')
        [System.IO.File]::WriteAllText((Join-Path $d.Disk 'tree/sub/b.txt'), 'b')
        $target = New-Item -ItemType Directory -Path (Join-Path $TestDrive 'tree-down')
        Receive-FtpItem -Session $s -LiteralPath "$($d.Remote)/tree" -Destination $target -Recurse
        $files = @(Get-ChildItem -LiteralPath $target -Recurse -File -Force | ForEach-Object { $_.FullName.Substring($target.FullName.Length + 1).Replace('\', '/') } | Sort-Object)
        $files | Should -Be @('tree/.env', 'tree/a.txt', 'tree/sub/b.txt')
    }

    It 'resumes an interrupted download from the partial file' {
        $d = New-RemoteTestDirectory
        $local = New-RandomFile -Path (Join-Path $TestDrive 'whole.bin') -Size 3MB -Seed 7
        Copy-Item -LiteralPath $local.FullName -Destination (Join-Path $d.Disk 'whole.bin')
        $target = New-Item -ItemType Directory -Path (Join-Path $TestDrive 'resume-down')
        $bytes = [System.IO.File]::ReadAllBytes($local.FullName)
        [System.IO.File]::WriteAllBytes((Join-Path $target 'whole.bin.ftptools-partial'), $bytes[0..(1MB - 1)])
        Receive-FtpItem -Session $s -LiteralPath "$($d.Remote)/whole.bin" -Destination $target -IfExists Resume -Verbose 4>&1 |
            Where-Object { $_ -is [System.Management.Automation.VerboseRecord] } | Out-String | Should -Match '1048576'
        Get-Sha256 -LiteralPath (Join-Path $target 'whole.bin') | Should -Be (Get-Sha256 -LiteralPath $local.FullName)
    }

    It 'resumes an interrupted upload from the remote size' {
        $d = New-RemoteTestDirectory
        $local = New-RandomFile -Path (Join-Path $TestDrive 'upres.bin') -Size 2MB -Seed 8
        # The interrupted first attempt, made through the server so that the server's user owns the file it appends to.
        $bytes = [System.IO.File]::ReadAllBytes($local.FullName)
        $firstPart = New-Item -ItemType Directory -Path (Join-Path $TestDrive 'first-part')
        [System.IO.File]::WriteAllBytes((Join-Path $firstPart 'upres.bin'), $bytes[0..(700KB - 1)])
        Send-FtpItem -Session $s -LiteralPath (Join-Path $firstPart 'upres.bin') -Destination $d.Remote
        (Get-Item -LiteralPath (Join-Path $d.Disk 'upres.bin')).Length | Should -Be 700KB
        Send-FtpItem -Session $s -LiteralPath $local.FullName -Destination $d.Remote -IfExists Resume
        Get-Sha256 -LiteralPath (Join-Path $d.Disk 'upres.bin') | Should -Be (Get-Sha256 -LiteralPath $local.FullName)
    }

    It 'creates folders with parents, renames, moves and removes a tree' {
        $d = New-RemoteTestDirectory
        New-FtpDirectory -Session $s -Path "$($d.Remote)/a/b/c" | Out-Null
        Test-Path -LiteralPath (Join-Path $d.Disk 'a/b/c') -PathType Container | Should -BeTrue
        [System.IO.File]::WriteAllText((Join-Path $d.Disk 'a/b/c/f.txt'), 'f')
        Rename-FtpItem -Session $s -LiteralPath "$($d.Remote)/a/b/c/f.txt" -NewName 'g.txt'
        Test-Path -LiteralPath (Join-Path $d.Disk 'a/b/c/g.txt') | Should -BeTrue
        Move-FtpItem -Session $s -LiteralPath "$($d.Remote)/a/b/c/g.txt" -Destination "$($d.Remote)/a"
        Test-Path -LiteralPath (Join-Path $d.Disk 'a/g.txt') | Should -BeTrue
        Remove-FtpItem -Session $s -LiteralPath "$($d.Remote)/a" -Recurse
        Test-Path -LiteralPath (Join-Path $d.Disk 'a') | Should -BeFalse
    }

    It '-WhatIf changes nothing' {
        $d = New-RemoteTestDirectory
        [System.IO.File]::WriteAllText((Join-Path $d.Disk 'keep.txt'), 'k')
        Remove-FtpItem -Session $s -LiteralPath "$($d.Remote)/keep.txt" -WhatIf
        $local = New-RandomFile -Path (Join-Path $TestDrive 'whatif.bin') -Size 10
        Send-FtpItem -Session $s -LiteralPath $local.FullName -Destination $d.Remote -WhatIf
        New-FtpDirectory -Session $s -Path "$($d.Remote)/never" -WhatIf
        @(Get-ChildItem -LiteralPath $d.Disk -Force).Name | Should -Be @('keep.txt')
    }

    It 'Test-FtpPath and Get-FtpItem see files and folders' {
        $d = New-RemoteTestDirectory
        [System.IO.File]::WriteAllText((Join-Path $d.Disk 'here.txt'), 'h')
        Test-FtpPath -Session $s -Path "$($d.Remote)/here.txt" | Should -BeTrue
        Test-FtpPath -Session $s -Path "$($d.Remote)/missing.txt" | Should -BeFalse
        (Get-FtpItem -Session $s -Path "$($d.Remote)/here.txt").Length | Should -Be 1
        { Get-FtpItem -Session $s -Path "$($d.Remote)/missing.txt" -ErrorAction Stop } | Should -Throw -ErrorId 'FtpTools.ItemNotFound,*'
    }

    It 'says that server-side hashes and raw commands do not exist on SFTP (NotImplemented, naming SFTP)' {
        $d = New-RemoteTestDirectory
        [System.IO.File]::WriteAllText((Join-Path $d.Disk 'h.txt'), 'h')
        $thrown = $null
        try { Get-FtpFileHash -Session $s -Path "$($d.Remote)/h.txt" -ErrorAction Stop } catch { $thrown = $_ }
        $thrown.CategoryInfo.Category | Should -Be 'NotImplemented'
        "$thrown" | Should -Match 'SFTP'
        $thrown = $null
        try { Invoke-FtpCommand -Session $s -Command 'NOOP' -ErrorAction Stop } catch { $thrown = $_ }
        $thrown.CategoryInfo.Category | Should -Be 'NotImplemented'
        "$thrown" | Should -Match 'SFTP'
    }

    It 'writes a per-item error for a file it may not read and goes on with the next' {
        $d = New-RemoteTestDirectory
        [System.IO.File]::WriteAllText((Join-Path $d.Disk 'ok.txt'), 'ok')
        [System.IO.File]::WriteAllText((Join-Path $d.Disk 'locked.txt'), 'no')
        & chmod 000 (Join-Path $d.Disk 'locked.txt')
        $target = New-Item -ItemType Directory -Path (Join-Path $TestDrive 'perm-down')
        $errors = $null
        Get-FtpChildItem -Session $s -Path $d.Remote -File | Receive-FtpItem -Session $s -Destination $target -ErrorVariable errors -ErrorAction SilentlyContinue
        # The lab's sshd runs the session as the lab user, so a mode-000 file cannot be read.
        @($errors).Count | Should -Be 1
        $errors[0].CategoryInfo.Category | Should -Be 'PermissionDenied'
        Test-Path -LiteralPath (Join-Path $target 'ok.txt') | Should -BeTrue
        Test-Path -LiteralPath (Join-Path $target 'locked.txt') | Should -BeFalse
    }
}

Describe 'SFTP isolation from other modules' -Skip:$labSkip {
    It 'imports without loading SSH.NET, and connects while an older BouncyCastle (2.4.0) is already loaded' {
        $older = Join-Path (Get-FtpTestRepoRoot) '.tools/nuget/bouncycastle.cryptography/2.4.0/lib/netstandard2.0/BouncyCastle.Cryptography.dll'
        Test-Path -LiteralPath $older | Should -BeTrue -Because 'tests/tools/TestPackages.csproj restores it'
        $script = @'
param($Manifest, $Older, $HostName, $Port, $User, $Password, $Pins, $Root)
$ErrorActionPreference = 'Stop'
Add-Type -Path $Older
Import-Module $Manifest
$before = @([AppDomain]::CurrentDomain.GetAssemblies() | ForEach-Object { $_.GetName().Name })
if ($before -contains 'Renci.SshNet') { throw 'Import-Module loaded SSH.NET' }
$credential = New-Object System.Management.Automation.PSCredential -ArgumentList $User, (ConvertTo-SecureString $Password -AsPlainText -Force)
$session = Connect-FtpServer -ComputerName $HostName -Port $Port -Protocol Sftp -Credential $credential -HostKeyFingerprint ($Pins -split ',')
$file = Join-Path ([System.IO.Path]::GetTempPath()) ('iso-' + [guid]::NewGuid().ToString('N') + '.txt')
Set-Content -LiteralPath $file -Value 'isolated'
Send-FtpItem -Session $session -LiteralPath $file -Destination $Root | Out-Null
$listed = @(Get-FtpChildItem -Session $session -Path $Root | Where-Object Name -EQ (Split-Path -Leaf $file)).Count
Disconnect-FtpServer -Session $session
Remove-Item -LiteralPath $file
$bouncy = @([AppDomain]::CurrentDomain.GetAssemblies() | Where-Object { $_.GetName().Name -eq 'BouncyCastle.Cryptography' } | ForEach-Object { $_.GetCustomAttributes([Reflection.AssemblyInformationalVersionAttribute], $false)[0].InformationalVersion.Split('+')[0] })
'listed=' + $listed
'bouncycastle=' + (($bouncy | Sort-Object) -join ',')
'@
        $scriptPath = Join-Path $TestDrive 'isolation.ps1'
        Set-Content -LiteralPath $scriptPath -Value $script
        $output = & (Get-PwshPath) -NoProfile -NonInteractive -File $scriptPath -Manifest $manifest -Older $older -HostName $server.host -Port $server.port `
            -User $server.user -Password $server.password -Pins ($pins -join ',') -Root $root 2>&1
        $LASTEXITCODE | Should -Be 0 -Because ($output | Out-String)
        $output | Should -Contain 'listed=1'
        # Both copies live side by side: 2.4.0 where the other module put it, 2.7.0 in FtpTools' own load context.
        ($output | Where-Object { "$_" -like 'bouncycastle=*' }) | Should -Match '2\.4\.0'
        ($output | Where-Object { "$_" -like 'bouncycastle=*' }) | Should -Match '2\.7\.0'
    }
}
