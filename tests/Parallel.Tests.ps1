#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0.0' }
# Send-FtpItem and Receive-FtpItem with -ThrottleLimit (several connections at once), -Atomic and -Verify, as a user runs
# them: trees checked on the servers' disks, a failing file among many, servers that limit connections per client, a
# stopped command, a watcher that must never see a partial file, and a server whose hashes lie.

BeforeDiscovery {
    Import-Module -Name (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module -Name (Join-Path $PSScriptRoot 'HostileServer.psm1') -Force
    $labSkip = [bool](Get-FtpLabSkipReason)   # skip where the lab cannot run, except under CI=true
    $noHostileServer = -not (Test-HostileFtpServer)
    $limitedServers = @(
        # Upload -ThrottleLimit 4, download 3, against 2 connections per client. vsftpd and pure-ftpd count connections in one
        # parent process, so exactly one extra gets in (on the download, the upload's extra may still be counted: 1 or 2 of 3).
        # proftpd counts at each session's login from its scoreboard, and two extras logging in at the same moment can both
        # get in: there a second session holds the other slot first, so every extra is refused and the count is exact.
        @{ Name = 'vsftpd-limited'; Refusal = '421'; HoldSlot = $false; Up = 'accepted 2 of the 4'; Down = 'accepted [12] of the 3' }
        @{ Name = 'proftpd-limited'; Refusal = '530'; HoldSlot = $true; Up = 'accepted 1 of the 4'; Down = 'accepted 1 of the 3' }
        @{ Name = 'pureftpd-limited'; Refusal = '421'; HoldSlot = $false; Up = 'accepted 2 of the 4'; Down = 'accepted [12] of the 3' }
    )
}

BeforeAll {
    Import-Module -Name (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module -Name (Join-Path $PSScriptRoot 'HostileServer.psm1') -Force
    $manifest = Import-FtpToolsForTest
    $lab = Start-FtpLab -Server 'vsftpd-explicit', 'openssh-sftp', 'vsftpd-limited', 'proftpd-limited', 'pureftpd-limited'
    $ftps = $lab.Servers['vsftpd-explicit']
    $sftp = $lab.Servers['openssh-sftp']

    function Connect-Lab([object] $Server) {
        if ([string]$Server.encryption -eq 'Ssh') {
            $pins = @($Server.hostKeys | ForEach-Object { [string]$_.fingerprint })
            return Connect-FtpServer -ComputerName $Server.host -Port ([int]$Server.port) -Protocol Sftp -Credential (New-TestCredential -Server $Server) -HostKeyFingerprint $pins
        }
        Connect-LabServer -Server $Server -WarningAction SilentlyContinue
    }

    # A remote folder for one test, as a path the server understands and as its place on the server's disk.
    function New-RemoteFolder([object] $Server, [string] $Prefix) {
        $name = New-UniqueName -Prefix $Prefix
        $disk = Get-ServerPath -Server $Server -RemotePath "/$name"
        New-Item -ItemType Directory -Path $disk | Out-Null
        # The servers run as the lab user, which must be able to write there.
        & chown ([string]$Server.user) $disk
        $remote = if ([string]$Server.encryption -eq 'Ssh') { [string]$Server.remoteRootDirectory + "/$name" } else { "/$name" }
        [pscustomobject]@{ Remote = $remote; Disk = $disk }
    }

    # Files of different sizes (0 bytes to 40 KiB) in a few subfolders.
    function New-LocalTree([string] $Path, [int] $Count) {
        for ($i = 1; $i -le $Count; $i++) {
            $folder = Join-Path $Path ('d{0}' -f ($i % 5))
            New-RandomFile -Path (Join-Path $folder ('f{0:d3}.bin' -f $i)) -Size (($i * 397) % 40KB) -Seed $i | Out-Null
        }
        Get-Item -LiteralPath $Path
    }

    # Relative path -> SHA-256 of every file below a folder.
    function Get-TreeHashes([string] $Path) {
        $hashes = @{}
        foreach ($file in Get-ChildItem -LiteralPath $Path -Recurse -File -Force) {
            $hashes[$file.FullName.Substring($Path.Length).TrimStart('/', '\')] = Get-Sha256 -LiteralPath $file.FullName
        }
        $hashes
    }

    function Assert-SameTree([string] $Expected, [string] $Actual) {
        $want = Get-TreeHashes $Expected
        $have = Get-TreeHashes $Actual
        @($have.Keys | Sort-Object) | Should -Be @($want.Keys | Sort-Object)
        foreach ($key in $want.Keys) { $have[$key] | Should -Be $want[$key] -Because $key }
    }

    # Starts a command in a PowerShell of its own (a runspace of this process) so that the test can stop it as Ctrl+C does.
    # One statement, not Import-Module and the command as a batch: stopping or disposing a batch can let PowerShell's batch
    # worker read a variable from the closing runspace on a pool thread, which ends the whole process (seen in CI).
    function Start-ChildCommand([string] $Script, [hashtable] $Arguments) {
        $child = [powershell]::Create()
        $null = $child.AddScript({
                param($Manifest, $Script, $Arguments)
                Import-Module -Name $Manifest
                & ([scriptblock]::Create($Script)) @Arguments
            }).AddArgument($manifest).AddArgument($Script).AddArgument($Arguments)
        [pscustomobject]@{ PowerShell = $child; Handle = $child.BeginInvoke() }
    }
}

AfterAll {
    Get-FtpSession | Disconnect-FtpServer
    Stop-FtpLab -Lab $lab
}

Describe 'Send-FtpItem and Receive-FtpItem -ThrottleLimit' -Skip:$labSkip {
    It 'moves a 200-file tree up and down over four <Protocol> connections, byte-identical on the server''s disk' -TestCases @(
        @{ Protocol = 'FTPS'; ServerName = 'vsftpd-explicit' }
        @{ Protocol = 'SFTP'; ServerName = 'openssh-sftp' }
    ) {
        $server = $lab.Servers[$ServerName]
        $s = Connect-Lab $server
        try {
            $local = New-LocalTree -Path (Join-Path $TestDrive (New-UniqueName -Prefix 'tree')) -Count 200
            $target = New-RemoteFolder -Server $server -Prefix 'parallel'

            $said = Send-FtpItem -Session $s -Path $local.FullName -Destination $target.Remote -Recurse -ThrottleLimit 4 -Verbose -WarningAction SilentlyContinue 4>&1
            @($said | Where-Object { "$_" -like '*Transferring 200 files over up to 4 connections*' }).Count | Should -Be 1
            Assert-SameTree -Expected $local.FullName -Actual (Join-Path $target.Disk $local.Name)

            $back = New-Item -ItemType Directory -Path (Join-Path $TestDrive (New-UniqueName -Prefix 'back'))
            Receive-FtpItem -Session $s -Path "$($target.Remote)/$($local.Name)" -Destination $back.FullName -Recurse -ThrottleLimit 4
            Assert-SameTree -Expected $local.FullName -Actual (Join-Path $back.FullName $local.Name)
            $s.IsConnected | Should -BeTrue -Because 'the session''s own connection stays open; only the extra ones are closed'
        }
        finally { Disconnect-FtpServer -Session $s }
    }

    It 'writes one error for each file that fails and transfers all the others' {
        $s = Connect-Lab $ftps
        try {
            $local = New-LocalTree -Path (Join-Path $TestDrive (New-UniqueName -Prefix 'errs')) -Count 40
            $target = New-RemoteFolder -Server $ftps -Prefix 'errs'
            # Three uploads meet a directory of their name on the server, which refuses to store over it.
            $blocked = 'd1/f001.bin', 'd2/f002.bin', 'd3/f003.bin'
            foreach ($name in $blocked) { New-Item -ItemType Directory -Path (Join-Path (Join-Path $target.Disk $local.Name) $name) -Force | Out-Null }
            & chown -R ([string]$ftps.user) $target.Disk

            Send-FtpItem -Session $s -Path $local.FullName -Destination $target.Remote -Recurse -ThrottleLimit 4 -ErrorAction SilentlyContinue -ErrorVariable up -WarningAction SilentlyContinue
            $up.Count | Should -Be 3
            @($up | ForEach-Object { ([string]$_.TargetObject).Substring($target.Remote.Length + $local.Name.Length + 2) } | Sort-Object) | Should -Be $blocked
            $sent = Get-TreeHashes (Join-Path $target.Disk $local.Name)
            $sent.Count | Should -Be 37

            # Downloads: three files the server cannot read.
            $unreadable = 'd1/f006.bin', 'd2/f007.bin', 'd3/f008.bin'
            foreach ($name in $unreadable) { & chmod 000 (Join-Path (Join-Path $target.Disk $local.Name) $name) }
            $back = New-Item -ItemType Directory -Path (Join-Path $TestDrive (New-UniqueName -Prefix 'back'))
            Receive-FtpItem -Session $s -Path "$($target.Remote)/$($local.Name)" -Destination $back.FullName -Recurse -ThrottleLimit 4 -ErrorAction SilentlyContinue -ErrorVariable down
            $down.Count | Should -Be 3
            $arrived = Get-TreeHashes (Join-Path $back.FullName $local.Name)
            $arrived.Count | Should -Be 34
            @($arrived.Keys | Where-Object { $_ -like '*.ftptools-partial' }).Count | Should -Be 0
        }
        finally { Disconnect-FtpServer -Session $s }
    }

    It 'carries on with the connections <Name> accepts (it refuses more with <Refusal>) and warns once' -TestCases $limitedServers {
        $server = $lab.Servers[$Name]
        $s = Connect-Lab $server
        $holder = $null
        if ($HoldSlot) { $holder = Connect-Lab $server }
        try {
            $local = New-LocalTree -Path (Join-Path $TestDrive (New-UniqueName -Prefix 'limit')) -Count 30
            $target = New-RemoteFolder -Server $server -Prefix 'limit'
            Send-FtpItem -Session $s -Path $local.FullName -Destination $target.Remote -Recurse -ThrottleLimit 4 -WarningVariable upWarnings -WarningAction SilentlyContinue
            $fewer = @($upWarnings | Where-Object { "$_" -like '*FtpTools.FewerConnections*' })
            $fewer.Count | Should -Be 1
            "$($fewer[0])" | Should -Match "$Up connections.*$Refusal"
            Assert-SameTree -Expected $local.FullName -Actual (Join-Path $target.Disk $local.Name)

            $back = New-Item -ItemType Directory -Path (Join-Path $TestDrive (New-UniqueName -Prefix 'back'))
            Receive-FtpItem -Session $s -Path "$($target.Remote)/$($local.Name)" -Destination $back.FullName -Recurse -ThrottleLimit 3 -WarningVariable downWarnings -WarningAction SilentlyContinue
            @($downWarnings | Where-Object { "$_" -like '*FtpTools.FewerConnections*' }).Count | Should -Be 1
            @($downWarnings | Where-Object { "$_" -match "$Down connections" }).Count | Should -Be 1
            Assert-SameTree -Expected $local.FullName -Actual (Join-Path $back.FullName $local.Name)
        }
        finally {
            Disconnect-FtpServer -Session $s
            if ($holder) { Disconnect-FtpServer -Session $holder }
        }
    }

    It 'stops every connection promptly when stopped, leaving only resumable partial files, and a rerun completes them' {
        $source = New-RemoteFolder -Server $ftps -Prefix 'stop'
        $names = 1..6 | ForEach-Object { "big$_.bin" }
        for ($i = 0; $i -lt $names.Count; $i++) { New-RandomFile -Path (Join-Path $source.Disk $names[$i]) -Size 48MB -Seed $i | Out-Null }
        $dest = New-Item -ItemType Directory -Path (Join-Path $TestDrive (New-UniqueName -Prefix 'stopped'))
        $parameters = Get-LabConnectParameters -Server $ftps
        $child = Start-ChildCommand -Script @'
param($Connect, $Remote, $Destination)
$s = Connect-FtpServer @Connect
Receive-FtpItem -Session $s -Path $Remote -Destination $Destination -ThrottleLimit 3 -IfExists Resume
'@ -Arguments @{ Connect = $parameters; Remote = "$($source.Remote)/*.bin"; Destination = $dest.FullName }
        try {
            $deadline = [DateTime]::UtcNow.AddSeconds(60)
            while ([DateTime]::UtcNow -lt $deadline -and -not $child.Handle.IsCompleted -and
                @(Get-ChildItem -LiteralPath $dest.FullName -Filter '*.ftptools-partial' | Where-Object Length -gt 1MB).Count -lt 2) {
                Start-Sleep -Milliseconds 20
            }
            $child.Handle.IsCompleted | Should -BeFalse -Because 'the test must stop the command while files are moving'
            $watch = [System.Diagnostics.Stopwatch]::StartNew()
            $child.PowerShell.Stop()
            $watch.Elapsed.TotalSeconds | Should -BeLessThan 10
            $child.PowerShell.InvocationStateInfo.State | Should -Be 'Stopped'
        }
        finally { $child.PowerShell.Dispose() }

        $left = @(Get-ChildItem -LiteralPath $dest.FullName)
        @($left | Where-Object Name -like '*.ftptools-partial').Count | Should -BeGreaterThan 0
        foreach ($file in $left | Where-Object Name -notlike '*.ftptools-partial') {
            Get-Sha256 -LiteralPath $file.FullName | Should -Be (Get-Sha256 -LiteralPath (Join-Path $source.Disk $file.Name)) -Because "$($file.Name) has its final name, so it must be complete"
        }

        $s = Connect-Lab $ftps
        try { Receive-FtpItem -Session $s -Path "$($source.Remote)/*.bin" -Destination $dest.FullName -ThrottleLimit 3 -IfExists Resume }
        finally { Disconnect-FtpServer -Session $s }
        @(Get-ChildItem -LiteralPath $dest.FullName | Sort-Object Name | ForEach-Object Name) | Should -Be @($names | Sort-Object)
        foreach ($name in $names) { Get-Sha256 -LiteralPath (Join-Path $dest.FullName $name) | Should -Be (Get-Sha256 -LiteralPath (Join-Path $source.Disk $name)) }
    }
}

Describe 'Send-FtpItem -Atomic' -Skip:$labSkip {
    It 'shows a watcher of the <Protocol> server''s folder the old file or the complete new one, never a partial one' -TestCases @(
        @{ Protocol = 'FTPS'; ServerName = 'vsftpd-explicit' }
        @{ Protocol = 'SFTP'; ServerName = 'openssh-sftp' }
    ) {
        $server = $lab.Servers[$ServerName]
        $target = New-RemoteFolder -Server $server -Prefix 'atomic'
        $final = Join-Path $target.Disk 'report.bin'
        $temporary = Join-Path $target.Disk '.report.bin.ftptools-partial'
        Set-Content -LiteralPath $final -Value 'old' -NoNewline
        # Owned by the server's account, so that an upload without -Atomic could write into it (and a watcher would see that).
        & chown ([string]$server.user) $final
        $local = New-RandomFile -Path (Join-Path $TestDrive (New-UniqueName -Prefix 'report')) -Size 160MB
        $parameters = if ($Protocol -eq 'SFTP') {
            @{ ComputerName = $server.host; Port = [int]$server.port; Protocol = 'Sftp'; Credential = (New-TestCredential -Server $server); HostKeyFingerprint = @($server.hostKeys | ForEach-Object { [string]$_.fingerprint }) }
        }
        else { Get-LabConnectParameters -Server $server }
        $child = Start-ChildCommand -Script @'
param($Connect, $Local, $Remote)
$s = Connect-FtpServer @Connect -WarningAction SilentlyContinue
Send-FtpItem -Session $s -LiteralPath $Local -Destination $Remote -Atomic -Verify -WarningAction SilentlyContinue
Disconnect-FtpServer -Session $s
'@ -Arguments @{ Connect = $parameters; Local = $local.FullName; Remote = "$($target.Remote)/report.bin" }
        $seenFinal = New-Object System.Collections.Generic.List[long]
        $seenTemporary = 0
        try {
            while (-not $child.Handle.IsCompleted) {
                if (Test-Path -LiteralPath $temporary) { $seenTemporary++ }
                $item = Get-Item -LiteralPath $final -ErrorAction SilentlyContinue
                if ($item) { $seenFinal.Add($item.Length) }
                Start-Sleep -Milliseconds 5
            }
            $child.PowerShell.EndInvoke($child.Handle) | Out-Null
            $child.PowerShell.Streams.Error.Count | Should -Be 0
        }
        finally { $child.PowerShell.Dispose() }

        $seenTemporary | Should -BeGreaterThan 0 -Because 'the bytes go to the temporary name while they move'
        @($seenFinal | Where-Object { $_ -ne 3 -and $_ -ne $local.Length }).Count | Should -Be 0 -Because 'the final name holds the old file (3 bytes) or the complete new one'
        Get-Sha256 -LiteralPath $final | Should -Be (Get-Sha256 -LiteralPath $local.FullName)
        Test-Path -LiteralPath $temporary | Should -BeFalse
    }

    It 'refuses -IfExists Append with -Atomic before anything is sent' {
        $s = Connect-Lab $ftps
        try {
            $local = New-RandomFile -Path (Join-Path $TestDrive 'append.bin') -Size 10
            { Send-FtpItem -Session $s -Path $local.FullName -Destination '/append.bin' -Atomic -IfExists Append } | Should -Throw -ErrorId 'FtpTools.InvalidArgument,*'
            Test-Path -LiteralPath (Get-ServerPath -Server $ftps -RemotePath '/append.bin') | Should -BeFalse
        }
        finally { Disconnect-FtpServer -Session $s }
    }
}

Describe '-Verify against a server whose hash lies' -Skip:($labSkip -or $noHostileServer) {
    It 'reports FtpTools.VerificationFailed for that file only and publishes it neither up nor down' {
        $h = Start-HostileFtpServer
        try {
            $c = Connect-FtpServer -ComputerName 127.0.0.1 -Port $h.Port -Credential $h.Credential -Encryption None -WarningAction SilentlyContinue
            try {
                $up = New-Item -ItemType Directory -Path (Join-Path $TestDrive (New-UniqueName -Prefix 'verify-up'))
                New-RandomFile -Path (Join-Path $up.FullName 'liar-upload.bin') -Size 50000 -Seed 1 | Out-Null
                New-RandomFile -Path (Join-Path $up.FullName 'good-upload.bin') -Size 50000 -Seed 2 | Out-Null
                $said = Send-FtpItem -Session $c -Path (Join-Path $up.FullName '*') -Destination '/' -Atomic -Verify -ThrottleLimit 2 -Verbose -ErrorAction SilentlyContinue -ErrorVariable upErrors -WarningAction SilentlyContinue 4>&1
                $upErrors.Count | Should -Be 1
                $upErrors[0].FullyQualifiedErrorId | Should -BeLike 'FtpTools.VerificationFailed,*'
                "$($upErrors[0].CategoryInfo.Category)" | Should -Be 'InvalidResult'
                @($said | Where-Object { "$_" -like '*good-upload.bin*verified, SHA256*' }).Count | Should -Be 1
                Test-Path -LiteralPath (Join-Path $h.Root 'good-upload.bin') | Should -BeTrue
                Test-Path -LiteralPath (Join-Path $h.Root 'liar-upload.bin') | Should -BeFalse
                Test-Path -LiteralPath (Join-Path $h.Root '.liar-upload.bin.ftptools-partial') | Should -BeFalse

                New-RandomFile -Path (Join-Path $h.Root 'liar-download.bin') -Size 70000 -Seed 3 | Out-Null
                $down = New-Item -ItemType Directory -Path (Join-Path $TestDrive (New-UniqueName -Prefix 'verify-down'))
                Receive-FtpItem -Session $c -Path '/liar-download.bin', '/good-upload.bin' -Destination $down.FullName -Verify -IfExists Resume -ErrorAction SilentlyContinue -ErrorVariable downErrors
                $downErrors.Count | Should -Be 1
                $downErrors[0].FullyQualifiedErrorId | Should -BeLike 'FtpTools.VerificationFailed,*'
                @(Get-ChildItem -LiteralPath $down.FullName -Force | ForEach-Object Name) | Should -Be @('good-upload.bin')
            }
            finally { Disconnect-FtpServer -Session $c }
        }
        finally { Stop-HostileFtpServer -Server $h }
    }
}
