#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0.0' }
# Sync-FtpItem as a user runs it against the lab's real servers: upload and download mirrors that end byte-identical on the
# server's disk, reruns that transfer nothing, one changed file, -Delete, -WhatIf, -Include/-Exclude (also on Send-FtpItem and
# Receive-FtpItem -Recurse), interrupted runs that continue, and -Compare Hash with and without server hashes.

BeforeDiscovery {
    Import-Module -Name (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    $labSkip = [bool](Get-FtpLabSkipReason)   # skip where the lab cannot run, except under CI=true
    $mirrorServers = @(
        @{ Name = 'vsftpd-explicit' }
        @{ Name = 'proftpd-plain' }
        @{ Name = 'pureftpd-plain' }
        @{ Name = 'pyftpdlib-plain' }
        @{ Name = 'openssh-sftp' }
    )
}

BeforeAll {
    Import-Module -Name (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    $manifest = Import-FtpToolsForTest
    $lab = Start-FtpLab -Server 'vsftpd-explicit', 'proftpd-plain', 'pureftpd-plain', 'pyftpdlib-plain', 'openssh-sftp'
    $sessions = @{}

    function Get-LabSession([string] $Name) {
        if (-not $sessions.ContainsKey($Name)) {
            $server = $lab.Servers[$Name]
            if ($Name -eq 'openssh-sftp') {
                $sessions[$Name] = Connect-FtpServer -ComputerName $server.host -Port ([int]$server.port) -Protocol Sftp -Credential (New-TestCredential -Server $server) `
                    -HostKeyFingerprint @($server.hostKeys | ForEach-Object { [string]$_.fingerprint })
            }
            else {
                $sessions[$Name] = Connect-LabServer -Server $server -WarningAction SilentlyContinue
            }
        }
        $sessions[$Name]
    }

    # A new remote folder (made through the server, so that it may write there) and its path on this machine's disk.
    function New-RemoteSyncDirectory([string] $Name) {
        $server = $lab.Servers[$Name]
        $session = Get-LabSession $Name
        if ($Name -eq 'openssh-sftp') {
            $remote = [string]$server.remoteRootDirectory + '/' + (New-UniqueName -Prefix 'sync')
            $disk = $remote
        }
        else {
            $remote = '/' + (New-UniqueName -Prefix 'sync')
            $disk = Get-ServerPath -Server $server -RemotePath $remote
        }
        New-FtpDirectory -Session $session -Path $remote | Out-Null
        [pscustomobject]@{ Remote = $remote; Disk = $disk; Session = $session }
    }

    # A local tree with a nested folder, an empty folder and names with spaces and non-ASCII letters.
    function New-SourceTree {
        $root = Join-Path $TestDrive (New-UniqueName -Prefix 'tree')
        New-RandomFile -Path (Join-Path $root 'big.bin') -Size 300KB -Seed 1 | Out-Null
        New-RandomFile -Path (Join-Path $root 'Büro Ordner/Grüße an alle.txt') -Size 1000 -Seed 2 | Out-Null
        New-RandomFile -Path (Join-Path $root 'Büro Ordner/deep/x.csv') -Size 10 -Seed 3 | Out-Null
        New-RandomFile -Path (Join-Path $root 'notes.tmp') -Size 5 -Seed 4 | Out-Null
        New-Item -ItemType Directory -Path (Join-Path $root 'empty') | Out-Null
        # Files changed a while ago, as in real use (a file changed in the second before a run is a special case of its own).
        Get-ChildItem -LiteralPath $root -Recurse -File | ForEach-Object { $_.LastWriteTimeUtc = [DateTime]::UtcNow.AddHours(-3) }
        $root
    }

    # Relative path -> SHA-256 of every file below a folder, and the folders with a trailing '/'.
    function Get-TreeState([string] $Root) {
        $state = @{}
        foreach ($item in Get-ChildItem -LiteralPath $Root -Recurse -Force) {
            $relative = $item.FullName.Substring($Root.Length).TrimStart('/', '\').Replace('\', '/')
            if ($item.PSIsContainer) { $state[$relative + '/'] = 'folder' } else { $state[$relative] = Get-Sha256 -LiteralPath $item.FullName }
        }
        $state
    }

    function Assert-SameTree([string] $Expected, [string] $Actual) {
        $want = Get-TreeState $Expected
        $have = Get-TreeState $Actual
        ($have.Keys | Sort-Object) -join '|' | Should -Be (($want.Keys | Sort-Object) -join '|')
        foreach ($key in $want.Keys) { $have[$key] | Should -Be $want[$key] -Because $key }
    }

    # Runs Sync-FtpItem with -Verbose and returns the results and the commands the server saw.
    function Invoke-SyncTraced([hashtable] $Parameters) {
        $records = @(Sync-FtpItem @Parameters -Verbose 4>&1)
        [pscustomobject]@{
            Results  = @($records | Where-Object { $_ -is [FtpTools.FtpSyncResult] })
            Commands = @($records | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] } | ForEach-Object { $_.Message })
        }
    }
}

AfterAll {
    Get-FtpSession | Disconnect-FtpServer
    Stop-FtpLab -Lab $lab
}

Describe 'Sync-FtpItem mirrors on <Name>' -ForEach $mirrorServers -Skip:$labSkip {
    It 'uploads a tree byte-identical, then a rerun transfers nothing, then one changed file travels alone' {
        $d = New-RemoteSyncDirectory $Name
        $source = New-SourceTree
        $first = @(Sync-FtpItem -Session $d.Session -LocalPath $source -RemotePath $d.Remote -Direction Upload -WarningAction SilentlyContinue)
        @($first | Where-Object Status -ne 'Done').Count | Should -Be 0
        @($first | Where-Object Action -eq 'Upload').Count | Should -Be 4
        Assert-SameTree -Expected $source -Actual $d.Disk

        $again = Invoke-SyncTraced @{ Session = $d.Session; LocalPath = $source; RemotePath = $d.Remote; Direction = 'Upload'; WarningAction = 'SilentlyContinue' }
        $again.Results.Count | Should -Be 4
        $again.Results | ForEach-Object { $_.Action | Should -Be 'Skip' -Because "$($_.RelativePath): $($_.Reason)" }
        @($again.Commands | Where-Object { $_ -match '\b(STOR|APPE|RETR)\b|upload|open.*write' }).Count | Should -Be 0

        # Same size, new content, changed an hour after the upload.
        $changed = Join-Path $source 'Büro Ordner/Grüße an alle.txt'
        New-RandomFile -Path $changed -Size 1000 -Seed 99 | Out-Null
        (Get-Item -LiteralPath $changed).LastWriteTimeUtc = [DateTime]::UtcNow.AddHours(1)
        $third = @(Sync-FtpItem -Session $d.Session -LocalPath $source -RemotePath $d.Remote -Direction Upload -WarningAction SilentlyContinue)
        $moved = @($third | Where-Object Action -ne 'Skip')
        $moved.Count | Should -Be 1
        $moved[0].RelativePath | Should -Be 'Büro Ordner/Grüße an alle.txt'
        $moved[0].Status | Should -Be 'Done'
        Assert-SameTree -Expected $source -Actual $d.Disk
    }

    It 'downloads a tree byte-identical, then a rerun transfers nothing' {
        $d = New-RemoteSyncDirectory $Name
        $source = New-SourceTree
        Sync-FtpItem -Session $d.Session -LocalPath $source -RemotePath $d.Remote -Direction Upload -WarningAction SilentlyContinue | Out-Null
        $target = Join-Path $TestDrive (New-UniqueName -Prefix 'down')
        $first = @(Sync-FtpItem -Session $d.Session -LocalPath $target -RemotePath $d.Remote -Direction Download)
        @($first | Where-Object Status -ne 'Done').Count | Should -Be 0
        Assert-SameTree -Expected $d.Disk -Actual $target

        $again = Invoke-SyncTraced @{ Session = $d.Session; LocalPath = $target; RemotePath = $d.Remote; Direction = 'Download' }
        $again.Results | ForEach-Object { $_.Action | Should -Be 'Skip' -Because "$($_.RelativePath): $($_.Reason)" }
        @($again.Commands | Where-Object { $_ -match '\b(RETR|STOR)\b|download' }).Count | Should -Be 0
    }
}

Describe 'Sync-FtpItem -Delete and -WhatIf' -Skip:$labSkip {
    It '-WhatIf plans every action with Status Planned and changes nothing on either side' {
        $d = New-RemoteSyncDirectory 'vsftpd-explicit'
        $source = New-SourceTree
        New-RandomFile -Path (Join-Path $d.Disk 'extra.txt') -Size 3 | Out-Null
        $remoteBefore = Get-TreeState $d.Disk
        $localBefore = Get-TreeState $source
        $plan = @(Sync-FtpItem -Session $d.Session -LocalPath $source -RemotePath $d.Remote -Direction Upload -Delete -WhatIf)
        $plan | ForEach-Object { $_.Status | Should -Be 'Planned' }
        $counts = @{}
        $plan | Group-Object Action | ForEach-Object { $counts[$_.Name] = $_.Count }
        $counts['Upload'] | Should -Be 4
        $counts['CreateFolder'] | Should -Be 3
        $counts['Delete'] | Should -Be 1
        ((Get-TreeState $d.Disk).Keys | Sort-Object) -join '|' | Should -Be (($remoteBefore.Keys | Sort-Object) -join '|')
        ((Get-TreeState $source).Keys | Sort-Object) -join '|' | Should -Be (($localBefore.Keys | Sort-Object) -join '|')

        $target = Join-Path $TestDrive (New-UniqueName -Prefix 'never')
        @(Sync-FtpItem -Session $d.Session -LocalPath $target -RemotePath $d.Remote -Direction Download -WhatIf).Count | Should -Be 2
        Test-Path -LiteralPath $target | Should -BeFalse
    }

    It '-Delete removes only what the source lacks, and keeps what -Exclude leaves out' {
        $d = New-RemoteSyncDirectory 'vsftpd-explicit'
        $source = New-SourceTree
        Sync-FtpItem -Session $d.Session -LocalPath $source -RemotePath $d.Remote -Direction Upload -WarningAction SilentlyContinue | Out-Null
        Remove-Item -LiteralPath (Join-Path $source 'big.bin')
        Remove-Item -LiteralPath (Join-Path $source 'Büro Ordner/deep') -Recurse
        Send-FtpItem -Session $d.Session -Path (New-RandomFile -Path (Join-Path $TestDrive 'keep.log') -Size 4).FullName -Destination $d.Remote
        Sync-FtpItem -Session $d.Session -LocalPath $source -RemotePath $d.Remote -Direction Upload -WarningAction SilentlyContinue | Out-Null
        Test-Path -LiteralPath (Join-Path $d.Disk 'big.bin') | Should -BeTrue   # no -Delete: nothing removed

        $deleted = @(Sync-FtpItem -Session $d.Session -LocalPath $source -RemotePath $d.Remote -Direction Upload -Delete -Exclude '*.log' -Confirm:$false -WarningAction SilentlyContinue |
            Where-Object Action -eq 'Delete')
        ($deleted.RelativePath | Sort-Object) -join '|' | Should -Be 'big.bin|Büro Ordner/deep|Büro Ordner/deep/x.csv'
        $deleted | ForEach-Object { $_.Status | Should -Be 'Done' }
        Test-Path -LiteralPath (Join-Path $d.Disk 'keep.log') | Should -BeTrue
        Remove-FtpItem -Session $d.Session -Path "$($d.Remote)/keep.log"
        Assert-SameTree -Expected $source -Actual $d.Disk
    }

    It 'a folder where the source has a file is a failed action with a stable id without -Delete, and replaced with it' {
        $d = New-RemoteSyncDirectory 'proftpd-plain'
        $source = Join-Path $TestDrive (New-UniqueName -Prefix 'clash')
        New-RandomFile -Path (Join-Path $source 'x') -Size 10 | Out-Null
        New-RandomFile -Path (Join-Path $source 'ok.txt') -Size 10 | Out-Null
        New-FtpDirectory -Session $d.Session -Path "$($d.Remote)/x/sub" | Out-Null
        $errors = $null
        $results = @(Sync-FtpItem -Session $d.Session -LocalPath $source -RemotePath $d.Remote -Direction Upload -ErrorVariable errors -ErrorAction SilentlyContinue)
        ($results | Where-Object RelativePath -eq 'x').Status | Should -Be 'Failed'
        ($results | Where-Object RelativePath -eq 'x').Error | Should -Match '-Delete'
        ($results | Where-Object RelativePath -eq 'ok.txt').Status | Should -Be 'Done'
        @($errors).Count | Should -Be 1
        $errors[0].FullyQualifiedErrorId | Should -BeLike 'FtpTools.DestinationExists,*'

        Sync-FtpItem -Session $d.Session -LocalPath $source -RemotePath $d.Remote -Direction Upload -Delete -Confirm:$false | Out-Null
        Assert-SameTree -Expected $source -Actual $d.Disk
    }
}

Describe '-Include and -Exclude keep the tree structure' -Skip:$labSkip {
    It 'Sync-FtpItem copies only the included files, in their folders, without excluded folders' {
        $d = New-RemoteSyncDirectory 'pureftpd-plain'
        $source = New-SourceTree
        $results = @(Sync-FtpItem -Session $d.Session -LocalPath $source -RemotePath $d.Remote -Direction Upload -Include '*.csv', '*.txt' -Exclude 'Büro Ordner/deep')
        ($results | Where-Object Action -ne 'Skip' | ForEach-Object { "$($_.Action) $($_.RelativePath)" }) -join '|' | Should -Be 'CreateFolder Büro Ordner|Upload Büro Ordner/Grüße an alle.txt'
        ((Get-TreeState $d.Disk).Keys | Sort-Object) -join '|' | Should -Be ((@('Büro Ordner/', 'Büro Ordner/Grüße an alle.txt') | Sort-Object) -join '|')
    }

    It 'Send-FtpItem -Recurse and Receive-FtpItem -Recurse filter the same way' {
        $d = New-RemoteSyncDirectory 'vsftpd-explicit'
        $source = New-SourceTree
        $name = Split-Path -Leaf $source
        Send-FtpItem -Session $d.Session -Path $source -Destination $d.Remote -Recurse -Exclude '*.tmp', 'deep' -WarningAction SilentlyContinue
        $uploaded = Get-TreeState (Join-Path $d.Disk $name)
        ($uploaded.Keys | Sort-Object) -join '|' | Should -Be ((@('big.bin', 'Büro Ordner/', 'Büro Ordner/Grüße an alle.txt', 'empty/') | Sort-Object) -join '|')

        $target = Join-Path $TestDrive (New-UniqueName -Prefix 'recv')
        Receive-FtpItem -Session $d.Session -Path "$($d.Remote)/$name" -Destination $target -Recurse -Include '*.txt'
        $received = Get-TreeState (Join-Path $target $name)
        ($received.Keys | Sort-Object) -join '|' | Should -Be ((@('Büro Ordner/', 'Büro Ordner/Grüße an alle.txt') | Sort-Object) -join '|')
    }

    It 'without -Recurse -Include is an argument error' {
        $d = New-RemoteSyncDirectory 'vsftpd-explicit'
        { Receive-FtpItem -Session $d.Session -Path "$($d.Remote)/*" -Destination $TestDrive -Include '*.txt' -ErrorAction Stop } | Should -Throw -ErrorId 'FtpTools.InvalidArgument,*'
    }
}

Describe 'An interrupted Sync-FtpItem continues where it stopped' -Skip:$labSkip {
    It 'a download continues its partial file and ends byte-identical' {
        $d = New-RemoteSyncDirectory 'proftpd-plain'
        $local = New-RandomFile -Path (Join-Path $TestDrive (New-UniqueName -Prefix 'src') | Join-Path -ChildPath 'big.bin') -Size 2MB -Seed 7
        Send-FtpItem -Session $d.Session -Path $local.FullName -Destination "$($d.Remote)/"
        $target = Join-Path $TestDrive (New-UniqueName -Prefix 'partial')
        New-Item -ItemType Directory -Path $target | Out-Null
        # What an interrupted run leaves: the first 700 KB in big.bin.ftptools-partial.
        $bytes = [System.IO.File]::ReadAllBytes($local.FullName)
        [System.IO.File]::WriteAllBytes((Join-Path $target 'big.bin.ftptools-partial'), $bytes[0..(700KB - 1)])
        $result = @(Sync-FtpItem -Session $d.Session -LocalPath $target -RemotePath $d.Remote -Direction Download)
        $result.Count | Should -Be 1
        $result[0].Reason | Should -Match 'continuing the partial file of an earlier run at byte 716800'
        $result[0].BytesTransferred | Should -Be (2MB - 700KB)
        Get-Sha256 -LiteralPath (Join-Path $target 'big.bin') | Should -Be (Get-Sha256 -LiteralPath $local.FullName)
        Test-Path -LiteralPath (Join-Path $target 'big.bin.ftptools-partial') | Should -BeFalse
    }

    It 'an upload cut off mid-file continues from the remote length on <_>' -ForEach @('vsftpd-explicit', 'openssh-sftp') {
        $d = New-RemoteSyncDirectory $_
        $source = Join-Path $TestDrive (New-UniqueName -Prefix 'up')
        $local = New-RandomFile -Path (Join-Path $source 'big.bin') -Size 2MB -Seed 8
        $local.LastWriteTimeUtc = [DateTime]::UtcNow.AddHours(-1)
        # What an interrupted run leaves on the server: the first 700 KB, written after the local file last changed.
        $head = Join-Path $TestDrive (New-UniqueName -Prefix 'head')
        New-Item -ItemType Directory -Path $head | Out-Null
        [System.IO.File]::WriteAllBytes((Join-Path $head 'big.bin'), [System.IO.File]::ReadAllBytes($local.FullName)[0..(700KB - 1)])
        Send-FtpItem -Session $d.Session -Path (Join-Path $head 'big.bin') -Destination "$($d.Remote)/" -WarningAction SilentlyContinue
        $result = @(Sync-FtpItem -Session $d.Session -LocalPath $source -RemotePath $d.Remote -Direction Upload -WarningAction SilentlyContinue)
        $result.Count | Should -Be 1
        $result[0].Reason | Should -Match 'continuing an interrupted upload at byte 716800'
        $result[0].BytesTransferred | Should -Be (2MB - 700KB)
        Get-Sha256 -LiteralPath (Join-Path $d.Disk 'big.bin') | Should -Be (Get-Sha256 -LiteralPath $local.FullName)
        (Sync-FtpItem -Session $d.Session -LocalPath $source -RemotePath $d.Remote -Direction Upload -WarningAction SilentlyContinue).Action | Should -Be 'Skip'
    }
}

Describe 'Sync-FtpItem -Compare Hash' -Skip:$labSkip {
    It 'uses the server hashes of proftpd and finds a change of neither size nor time' {
        $d = New-RemoteSyncDirectory 'proftpd-plain'
        $source = New-SourceTree
        Sync-FtpItem -Session $d.Session -LocalPath $source -RemotePath $d.Remote -Direction Upload | Out-Null
        $file = Get-Item -LiteralPath (Join-Path $source 'Büro Ordner/deep/x.csv')
        $time = $file.LastWriteTimeUtc
        New-RandomFile -Path $file.FullName -Size 10 -Seed 123 | Out-Null
        (Get-Item -LiteralPath $file.FullName).LastWriteTimeUtc = $time
        (Sync-FtpItem -Session $d.Session -LocalPath $source -RemotePath $d.Remote -Direction Upload | Where-Object Action -ne 'Skip') | Should -BeNullOrEmpty
        $results = @(Sync-FtpItem -Session $d.Session -LocalPath $source -RemotePath $d.Remote -Direction Upload -Compare Hash -WarningVariable warnings)
        @($warnings).Count | Should -Be 0
        ($results | Where-Object Action -ne 'Skip').RelativePath | Should -Be 'Büro Ordner/deep/x.csv'
        ($results | Where-Object Action -eq 'Skip' | Select-Object -First 1).Reason | Should -Match 'same SHA256 hash'
        Assert-SameTree -Expected $source -Actual $d.Disk
    }

    It 'says once that <_> has no hashes and compares sizes and times instead' -ForEach @('vsftpd-explicit', 'openssh-sftp') {
        $d = New-RemoteSyncDirectory $_
        $source = New-SourceTree
        Sync-FtpItem -Session $d.Session -LocalPath $source -RemotePath $d.Remote -Direction Upload -WarningAction SilentlyContinue | Out-Null
        $results = @(Sync-FtpItem -Session $d.Session -LocalPath $source -RemotePath $d.Remote -Direction Upload -Compare Hash -WarningVariable warnings -WarningAction SilentlyContinue)
        $results | ForEach-Object { $_.Action | Should -Be 'Skip' }
        $hashWarnings = @($warnings | Where-Object { "$_" -like '*FtpTools.HashNotAvailable*' })
        $hashWarnings.Count | Should -Be 1
        "$($hashWarnings[0])" | Should -Match 'size and modification time'
    }
}

Describe 'Sync-FtpItem with -ThrottleLimit, -Atomic and -Verify' -Skip:$labSkip {
    It 'uploads over several connections through temporary names, verified by the server hash, and a rerun transfers nothing' {
        $d = New-RemoteSyncDirectory 'proftpd-plain'
        $source = New-SourceTree
        1..12 | ForEach-Object { New-RandomFile -Path (Join-Path $source "many/f$_.bin") -Size (20KB * $_) -Seed (100 + $_) | Out-Null }
        Get-ChildItem -LiteralPath $source -Recurse -File | ForEach-Object { $_.LastWriteTimeUtc = [DateTime]::UtcNow.AddHours(-3) }
        $results = @(Sync-FtpItem -Session $d.Session -LocalPath $source -RemotePath $d.Remote -Direction Upload -ThrottleLimit 4 -Atomic -Verify -Verbose 4>&1)
        $verbose = @($results | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] } | ForEach-Object { "$_" })
        $done = @($results | Where-Object { $_ -is [FtpTools.FtpSyncResult] })
        ($done | Where-Object Status -ne 'Done') | Should -BeNullOrEmpty
        @($done | Where-Object Action -eq 'Upload').Count | Should -Be 16
        ($done | ForEach-Object Retries | Measure-Object -Sum).Sum | Should -Be 0
        # Four connections, each file under a temporary dot name first, renamed when complete.
        ($verbose -match 'over up to 4 connections').Count | Should -Be 1
        @($verbose -match 'RNTO ').Count | Should -BeGreaterOrEqual 16
        @($verbose -match 'STOR .*\.ftptools-partial').Count | Should -Be 16
        Assert-SameTree -Expected $source -Actual $d.Disk
        (Sync-FtpItem -Session $d.Session -LocalPath $source -RemotePath $d.Remote -Direction Upload -ThrottleLimit 4 | Where-Object Action -ne 'Skip') | Should -BeNullOrEmpty
    }

    It 'downloads over several connections, verified, byte-identical' {
        $d = New-RemoteSyncDirectory 'openssh-sftp'
        $source = New-SourceTree
        Sync-FtpItem -Session $d.Session -LocalPath $source -RemotePath $d.Remote -Direction Upload -ThrottleLimit 1 | Out-Null
        $target = Join-Path $TestDrive (New-UniqueName -Prefix 'down')
        $results = @(Sync-FtpItem -Session $d.Session -LocalPath $target -RemotePath $d.Remote -Direction Download -ThrottleLimit 3 -Verify)
        ($results | Where-Object Status -ne 'Done') | Should -BeNullOrEmpty
        Assert-SameTree -Expected $source -Actual $target
    }
}
