#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0.0' }
# Retries and reconnects as an unattended job meets them: the server process killed mid-transfer and started again
# (vsftpd and OpenSSH sshd, whole process group, same port), with and without the retry policy; a session whose server was
# restarted between two commands; permanent errors that are not retried.

BeforeDiscovery {
    Import-Module -Name (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    $labSkip = [bool](Get-FtpLabSkipReason)   # skip where the lab cannot run, except under CI=true
}

BeforeAll {
    Import-Module -Name (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    $manifest = Import-FtpToolsForTest
    $lab = Start-FtpLab -Server 'vsftpd-plain', 'openssh-sftp'
    $ftp = $lab.Servers['vsftpd-plain']
    $sftp = $lab.Servers['openssh-sftp']
    # The kill must land while the file is still moving: FTP on loopback moves several hundred MB a second, SFTP far less.
    $bigSize = @{ ftp = 512MB; sftp = 128MB }
    $killAt = 8MB

    function Connect-Ftp([hashtable] $With = @{}) {
        $parameters = @{ WarningAction = 'SilentlyContinue' }
        foreach ($key in $With.Keys) { $parameters[$key] = $With[$key] }
        Connect-LabServer -Server $ftp -With $parameters
    }

    function Connect-Sftp([hashtable] $With = @{}) {
        $parameters = @{
            ComputerName       = $sftp.host
            Port               = [int]$sftp.port
            Protocol           = 'Sftp'
            Credential         = New-TestCredential -Server $sftp
            HostKeyFingerprint = @($sftp.hostKeys | ForEach-Object { [string]$_.fingerprint })
        }
        foreach ($key in $With.Keys) { $parameters[$key] = $With[$key] }
        Connect-FtpServer @parameters
    }

    # Where a remote path of a lab server is on this machine's disk (sshd has no chroot: the same path).
    function Get-DiskPath([object] $Server, [string] $Remote) {
        if ($Server.name -eq $sftp.name) { return $Remote }
        Get-ServerPath -Server $Server -RemotePath $Remote
    }

    # A big random file in the server's folder; returns its remote path and hash.
    function New-ServerFile([object] $Server, [string] $Prefix, [long] $Size) {
        $name = (New-UniqueName -Prefix $Prefix) + '.bin'
        $remote = ([string]$Server.remoteRootDirectory).TrimEnd('/') + '/' + $name
        $disk = New-RandomFile -Path (Get-DiskPath $Server $remote) -Size $Size -Seed 8
        [pscustomobject]@{ Name = $name; Remote = $remote; Hash = Get-Sha256 -LiteralPath $disk.FullName }
    }

    # In a runspace of its own: once the file at Path holds Bytes, tells the lab to kill the server's process group and start
    # it again a second later. EndInvoke returns the length seen when it fired (-1: it never did).
    function Start-ServerKiller([string] $Path, [string] $Name) {
        $shell = [powershell]::Create()
        [void]$shell.AddScript({
                param($path, $bytes, $writer, $line)
                $deadline = [DateTime]::UtcNow.AddSeconds(120)
                while ([DateTime]::UtcNow -lt $deadline) {
                    $info = New-Object -TypeName System.IO.FileInfo -ArgumentList $path
                    if ($info.Exists -and $info.Length -ge $bytes) {
                        $writer.WriteLine($line)
                        $writer.Flush()
                        return $info.Length
                    }
                    Start-Sleep -Milliseconds 2
                }
                -1
            }).AddArgument($Path).AddArgument([long]$killAt).AddArgument($lab.Process.StandardInput).AddArgument("restart $Name 1000")
        [pscustomobject]@{ Shell = $shell; Handle = $shell.BeginInvoke() }
    }

    function Wait-ServerKiller([object] $Killer) {
        try { [long]@($Killer.Shell.EndInvoke($Killer.Handle))[0] }
        finally { $Killer.Shell.Dispose() }
    }

    # Waits until the lab started the server again (the killer fired a restart), so the next test starts from a running server.
    function Wait-ServerBack([object] $Server) {
        $deadline = [DateTime]::UtcNow.AddSeconds(30)
        while ([DateTime]::UtcNow -lt $deadline) {
            $client = New-Object -TypeName System.Net.Sockets.TcpClient
            try { $client.Connect([string]$Server.host, [int]$Server.port); return }
            catch [System.Net.Sockets.SocketException] { Start-Sleep -Milliseconds 100 }
            finally { $client.Dispose() }
        }
        throw 'The server did not come back.'
    }
}

AfterAll {
    Get-FtpSession | Disconnect-FtpServer
    Stop-FtpLab -Lab $lab
}

Describe 'The retry policy on the session' -Skip:$labSkip {
    It 'defaults to 3 retries 5 s apart, and Connect-FtpServer -RetryCount/-RetryDelay set it' {
        $default = Connect-Ftp
        $fast = Connect-Ftp -With @{ RetryCount = 0; RetryDelay = 0 }
        try {
            $default.RetryCount | Should -Be 3
            $default.RetryDelay | Should -Be 5
            $fast.RetryCount | Should -Be 0
            $fast.RetryDelay | Should -Be 0
        }
        finally { Disconnect-FtpServer -Session $default, $fast }
    }

    It 'does not retry a permanent error (550 on a missing file): one error, at once' {
        $s = Connect-Ftp -With @{ RetryCount = 3; RetryDelay = 30 }
        try {
            $dest = New-Item -ItemType Directory -Path (Join-Path $TestDrive (New-UniqueName -Prefix 'missing'))
            $watch = [System.Diagnostics.Stopwatch]::StartNew()
            $verbose = Receive-FtpItem -Session $s -LiteralPath '/no-such-file.bin' -Destination $dest.FullName -ErrorAction SilentlyContinue -ErrorVariable ev -Verbose 4>&1
            $watch.Elapsed.TotalSeconds | Should -BeLessThan 10
            $ev.Count | Should -Be 1
            $ev[0].FullyQualifiedErrorId | Should -BeLike 'FtpTools.ItemNotFound,*'
            @($verbose | Where-Object { "$_" -match 'retry \d' }).Count | Should -Be 0
        }
        finally { Disconnect-FtpServer -Session $s }
    }
}

Describe 'The server process killed mid-transfer and restarted' -Skip:$labSkip {
    It '<Label>: with the retry policy the download completes byte-identical and counts its retries' -TestCases @(
        @{ Label = 'vsftpd'; Kind = 'ftp' }
        @{ Label = 'OpenSSH sftp'; Kind = 'sftp' }
    ) {
        param($Label, $Kind)
        $server = if ($Kind -eq 'ftp') { $ftp } else { $sftp }
        $s = if ($Kind -eq 'ftp') { Connect-Ftp -With @{ RetryCount = 4; RetryDelay = 1 } } else { Connect-Sftp -With @{ RetryCount = 4; RetryDelay = 1 } }
        $file = New-ServerFile -Server $server -Prefix "kill-$Kind" -Size $bigSize[$Kind]
        $dest = New-Item -ItemType Directory -Path (Join-Path $TestDrive (New-UniqueName -Prefix 'kill'))
        $killer = Start-ServerKiller -Path (Join-Path $dest.FullName ($file.Name + '.ftptools-partial')) -Name $server.name
        try {
            $output = Receive-FtpItem -Session $s -LiteralPath $file.Remote -Destination $dest.FullName -PassThru -Verbose 4>&1
        }
        finally { $killedAt = Wait-ServerKiller $killer }

        $killedAt | Should -BeGreaterThan 0
        $received = @($output | Where-Object { $_ -is [System.IO.FileInfo] })
        $verbose = @($output | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] } | ForEach-Object { $_.Message })
        $received.Count | Should -Be 1
        $received[0].Retries | Should -BeGreaterOrEqual 1
        Get-Sha256 -LiteralPath (Join-Path $dest.FullName $file.Name) | Should -Be $file.Hash
        @(Get-ChildItem -LiteralPath $dest.FullName -Force).Count | Should -Be 1
        ($verbose -match 'retry 1 of 4 in 1 s after .*: resuming at byte \d+').Count | Should -BeGreaterThan 0
        ($verbose -match ('reconnected to ' + [regex]::Escape([string]$server.host) + ':' + $server.port)).Count | Should -BeGreaterThan 0
        Disconnect-FtpServer -Session $s
    }

    It '<Label>: without retries it fails with a transient error, and -IfExists Resume completes the kept partial file' -TestCases @(
        @{ Label = 'vsftpd'; Kind = 'ftp' }
        @{ Label = 'OpenSSH sftp'; Kind = 'sftp' }
    ) {
        param($Label, $Kind)
        $server = if ($Kind -eq 'ftp') { $ftp } else { $sftp }
        $s = if ($Kind -eq 'ftp') { Connect-Ftp -With @{ RetryCount = 0 } } else { Connect-Sftp -With @{ RetryCount = 0 } }
        $file = New-ServerFile -Server $server -Prefix "noretry-$Kind" -Size $bigSize[$Kind]
        $dest = New-Item -ItemType Directory -Path (Join-Path $TestDrive (New-UniqueName -Prefix 'noretry'))
        $partial = Join-Path $dest.FullName ($file.Name + '.ftptools-partial')
        $killer = Start-ServerKiller -Path $partial -Name $server.name
        try {
            Receive-FtpItem -Session $s -LiteralPath $file.Remote -Destination $dest.FullName -IfExists Resume -ErrorAction SilentlyContinue -ErrorVariable ev
        }
        catch { $terminating = $_ }
        finally { $killedAt = Wait-ServerKiller $killer }

        $killedAt | Should -BeGreaterThan 0
        # The connection is gone, so every later file would fail too: the error ends the command (WriteItemError).
        $terminating | Should -Not -BeNullOrEmpty
        $terminating.CategoryInfo.Category | Should -Be 'ConnectionError'
        $terminating.FullyQualifiedErrorId | Should -BeLike 'FtpTools.*'
        Test-Path -LiteralPath (Join-Path $dest.FullName $file.Name) | Should -BeFalse
        (Get-Item -LiteralPath $partial).Length | Should -BeGreaterOrEqual $killAt

        Wait-ServerBack -Server $server
        $verbose = Receive-FtpItem -Session $s -LiteralPath $file.Remote -Destination $dest.FullName -IfExists Resume -Verbose 4>&1 | ForEach-Object { "$_" }
        Get-Sha256 -LiteralPath (Join-Path $dest.FullName $file.Name) | Should -Be $file.Hash
        ($verbose -match 'reconnected to ').Count | Should -BeGreaterThan 0
        ($verbose -match 'resuming at byte \d+ of ').Count | Should -BeGreaterThan 0
        Disconnect-FtpServer -Session $s
    }

    It '<Label>: with the retry policy an upload resumes at the remote file''s end and arrives byte-identical' -TestCases @(
        @{ Label = 'vsftpd'; Kind = 'ftp' }
        @{ Label = 'OpenSSH sftp'; Kind = 'sftp' }
    ) {
        param($Label, $Kind)
        $server = if ($Kind -eq 'ftp') { $ftp } else { $sftp }
        $s = if ($Kind -eq 'ftp') { Connect-Ftp -With @{ RetryCount = 4; RetryDelay = 1 } } else { Connect-Sftp -With @{ RetryCount = 4; RetryDelay = 1 } }
        $local = New-RandomFile -Path (Join-Path $TestDrive ((New-UniqueName -Prefix 'up') + '.bin')) -Size $bigSize[$Kind] -Seed 9
        $remote = ([string]$server.remoteRootDirectory).TrimEnd('/') + '/' + $local.Name
        $killer = Start-ServerKiller -Path (Get-DiskPath $server $remote) -Name $server.name
        try {
            $output = Send-FtpItem -Session $s -LiteralPath $local.FullName -Destination $remote -PassThru -Verbose -WarningAction SilentlyContinue 4>&1
        }
        finally { $killedAt = Wait-ServerKiller $killer }

        $killedAt | Should -BeGreaterThan 0
        $item = @($output | Where-Object { $_.PSObject.TypeNames -contains 'FtpTools.FtpItem' })
        $verbose = @($output | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] } | ForEach-Object { $_.Message })
        $item.Count | Should -Be 1
        $item[0].Retries | Should -BeGreaterOrEqual 1
        $item[0].Length | Should -Be $bigSize[$Kind]
        Get-Sha256 -LiteralPath (Get-DiskPath $server $remote) | Should -Be (Get-Sha256 -LiteralPath $local.FullName)
        ($verbose -match 'retry 1 of 4 in 1 s after ').Count | Should -BeGreaterThan 0
        ($verbose -match 'resuming at the remote file''s end').Count | Should -BeGreaterThan 0
        Disconnect-FtpServer -Session $s
    }
}

Describe 'A session whose server was restarted between two commands' -Skip:$labSkip {
    It '<Label>: reconnects on the next Get-FtpChildItem' -TestCases @(
        @{ Label = 'vsftpd'; Kind = 'ftp' }
        @{ Label = 'OpenSSH sftp'; Kind = 'sftp' }
    ) {
        param($Label, $Kind)
        $server = if ($Kind -eq 'ftp') { $ftp } else { $sftp }
        $s = if ($Kind -eq 'ftp') { Connect-Ftp } else { Connect-Sftp }
        $folder = ([string]$server.remoteRootDirectory).TrimEnd('/') + '/' + (New-UniqueName -Prefix 'restart')
        New-FtpDirectory -Session $s -Path $folder | Out-Null
        Set-Content -LiteralPath (Join-Path (Get-DiskPath $server $folder) 'inside.txt') -Value 'x'
        Restart-LabServer -Lab $lab -Name $server.name -PauseMilliseconds 500 -Wait

        $verbose = Get-FtpChildItem -Session $s -Path $folder -Verbose 4>&1
        @($verbose | Where-Object { $_ -isnot [System.Management.Automation.VerboseRecord] } | ForEach-Object { $_.Name }) | Should -Be @('inside.txt')
        @($verbose | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] } | Where-Object { $_.Message -match 'reconnected to .*dropped' }).Count | Should -Be 1
        $s.IsConnected | Should -BeTrue
        Get-FtpChildItem -Session $s -Path $folder | Should -Not -BeNullOrEmpty
        Disconnect-FtpServer -Session $s
    }

    It 'a session ended with Disconnect-FtpServer is not brought back' {
        $s = Connect-Ftp
        Disconnect-FtpServer -Session $s
        { Get-FtpChildItem -Session $s -Path / -ErrorAction Stop } | Should -Throw
        $s.IsConnected | Should -BeFalse
    }
}
