#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0.0' }
# Send-FtpItem and Receive-FtpItem: pipelines, -Recurse, -IfExists, modification times, partial files,
# unsafe remote names, special file names, progress, active mode, IPv6, implicit FTPS, error handling.

BeforeDiscovery {
    Import-Module -Name (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    $labSkip = [bool](Get-FtpLabSkipReason)   # skip where the lab cannot run, except under CI=true
    # The lab's servers keep their files on this machine's disk; names with '\' or ':' exist only on Unix file systems.
    $unixServerDisk = [System.IO.Path]::DirectorySeparatorChar -eq '/'
    $unsafeNames = @(
        @{ Name = '..\escape.txt'; Why = 'a backslash path separator' }
        @{ Name = 'C:escape.txt'; Why = 'a drive letter' }
        @{ Name = 'stream.txt:hidden'; Why = 'an alternate data stream' }
        @{ Name = '...'; Why = 'only dots' }
    )
    $specialNames = @(
        @{ Name = 'Überweisung März €.csv' }
        @{ Name = '日本語 ファイル.txt' }
        @{ Name = 'two  spaces .txt' }
        @{ Name = '-leading-dash.txt' }
        @{ Name = '[brackets] and #hash.txt' }
    )
}

BeforeAll {
    Import-Module -Name (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    $manifest = Import-FtpToolsForTest
    $lab = Start-FtpLab -Server 'vsftpd-explicit', 'vsftpd-plain', 'vsftpd-plain6', 'vsftpd-implicit', 'proftpd-implicit'
    $server = $lab.Servers['vsftpd-explicit']
    $s = Connect-LabServer -Server $server

    # A new remote directory (created through the server, so that it may write there) and its path on disk.
    function New-RemoteTestDirectory([string] $Prefix = 'xfer') {
        $remote = '/' + (New-UniqueName -Prefix $Prefix)
        New-FtpDirectory -Session $s -Path $remote | Out-Null
        [pscustomobject]@{ Remote = $remote; Disk = (Get-ServerPath -Server $server -RemotePath $remote) }
    }

    function New-LocalTestDirectory([string] $Prefix = 'local') {
        New-Item -ItemType Directory -Path (Join-Path $TestDrive (New-UniqueName -Prefix $Prefix))
    }
}

AfterAll {
    Get-FtpSession | Disconnect-FtpServer
    Stop-FtpLab -Lab $lab
}

Describe 'Send-FtpItem' -Skip:$labSkip {
    It 'uploads a file byte-for-byte' {
        $d = New-RemoteTestDirectory
        $local = New-RandomFile -Path (Join-Path $TestDrive 'upload.bin') -Size 1MB
        Send-FtpItem -Session $s -Path $local.FullName -Destination $d.Remote
        Get-Sha256 -LiteralPath (Join-Path $d.Disk 'upload.bin') | Should -Be (Get-Sha256 -LiteralPath $local.FullName)
    }

    It 'uploads under another name when -Destination is a new file name, and -PassThru returns the FtpItem' {
        $d = New-RemoteTestDirectory
        $local = New-RandomFile -Path (Join-Path $TestDrive 'source.bin') -Size 10KB
        $item = Send-FtpItem -Session $s -LiteralPath $local.FullName -Destination "$($d.Remote)/renamed.bin" -PassThru
        $item.FullName | Should -Be "$($d.Remote)/renamed.bin"
        $item.Length | Should -Be 10KB
        $item.ItemType | Should -Be 'File'
        Test-Path -LiteralPath (Join-Path $d.Disk 'renamed.bin') | Should -BeTrue
    }

    It 'binds Get-ChildItem output: Get-ChildItem $dir -File | Send-FtpItem -Destination /up' {
        $d = New-RemoteTestDirectory -Prefix 'up'
        $local = New-LocalTestDirectory
        1..3 | ForEach-Object { New-RandomFile -Path (Join-Path $local "file$_.dat") -Size (5KB * $_) -Seed $_ } | Out-Null
        Get-ChildItem -LiteralPath $local.FullName -File | Send-FtpItem -Session $s -Destination $d.Remote
        (Get-ChildItem -LiteralPath $d.Disk -File).Name | Sort-Object | Should -Be @('file1.dat', 'file2.dat', 'file3.dat')
        foreach ($i in 1..3) {
            Get-Sha256 -LiteralPath (Join-Path $d.Disk "file$i.dat") | Should -Be (Get-Sha256 -LiteralPath (Join-Path $local "file$i.dat"))
        }
    }

    It 'changes nothing with -WhatIf' {
        $d = New-RemoteTestDirectory
        $local = New-RandomFile -Path (Join-Path $TestDrive 'whatif.bin') -Size 1KB
        Send-FtpItem -Session $s -Path $local.FullName -Destination $d.Remote -WhatIf
        @(Get-ChildItem -LiteralPath $d.Disk -Force).Count | Should -Be 0
    }

    Context '-IfExists when the remote file exists' {
        BeforeEach {
            $d = New-RemoteTestDirectory -Prefix 'ifexists'
            $local = New-RandomFile -Path (Join-Path $TestDrive 'ifexists.bin') -Size 300KB -Seed 7
            $remoteDisk = Join-Path $d.Disk 'ifexists.bin'
        }

        It 'Overwrite (default) replaces it' {
            Send-FtpItem -Session $s -LiteralPath $local.FullName -Destination $d.Remote
            [System.IO.File]::WriteAllText($remoteDisk, 'old')
            Send-FtpItem -Session $s -LiteralPath $local.FullName -Destination $d.Remote
            Get-Sha256 -LiteralPath $remoteDisk | Should -Be (Get-Sha256 -LiteralPath $local.FullName)
        }

        It 'Skip leaves it unchanged without an error' {
            Send-FtpItem -Session $s -LiteralPath (New-RandomFile -Path (Join-Path $TestDrive 'other.bin') -Size 10).FullName -Destination "$($d.Remote)/ifexists.bin"
            $before = Get-Sha256 -LiteralPath $remoteDisk
            Send-FtpItem -Session $s -LiteralPath $local.FullName -Destination $d.Remote -IfExists Skip -ErrorVariable ev
            $ev.Count | Should -Be 0
            Get-Sha256 -LiteralPath $remoteDisk | Should -Be $before
        }

        It 'Fail writes a non-terminating FtpTools.DestinationExists and leaves it unchanged' {
            Send-FtpItem -Session $s -LiteralPath (New-RandomFile -Path (Join-Path $TestDrive 'other.bin') -Size 10).FullName -Destination "$($d.Remote)/ifexists.bin"
            $before = Get-Sha256 -LiteralPath $remoteDisk
            Send-FtpItem -Session $s -LiteralPath $local.FullName -Destination $d.Remote -IfExists Fail -ErrorAction SilentlyContinue -ErrorVariable ev
            $ev.Count | Should -Be 1
            $ev[0].FullyQualifiedErrorId | Should -BeLike 'FtpTools.DestinationExists,*'
            Get-Sha256 -LiteralPath $remoteDisk | Should -Be $before
        }

        It 'Resume sends only the missing bytes of an interrupted upload' {
            $bytes = [System.IO.File]::ReadAllBytes($local.FullName)
            $head = New-Object byte[] 100KB
            [Array]::Copy($bytes, $head, $head.Length)
            [System.IO.File]::WriteAllBytes((Join-Path $TestDrive 'head.bin'), $head)
            Send-FtpItem -Session $s -LiteralPath (Join-Path $TestDrive 'head.bin') -Destination "$($d.Remote)/ifexists.bin"
            (Get-Item -LiteralPath $remoteDisk).Length | Should -Be 100KB
            Send-FtpItem -Session $s -LiteralPath $local.FullName -Destination $d.Remote -IfExists Resume
            Get-Sha256 -LiteralPath $remoteDisk | Should -Be (Get-Sha256 -LiteralPath $local.FullName)
        }

        It 'Append adds the local file to the end' {
            $first = Join-Path $TestDrive 'first.txt'
            $second = Join-Path $TestDrive 'second.txt'
            [System.IO.File]::WriteAllText($first, 'AAA')
            [System.IO.File]::WriteAllText($second, 'BBB')
            Send-FtpItem -Session $s -LiteralPath $first -Destination "$($d.Remote)/appended.txt"
            Send-FtpItem -Session $s -LiteralPath $second -Destination "$($d.Remote)/appended.txt" -IfExists Append
            [System.IO.File]::ReadAllText((Join-Path $d.Disk 'appended.txt')) | Should -BeExactly 'AAABBB'
        }
    }
}

Describe 'Receive-FtpItem' -Skip:$labSkip {
    It 'downloads a file byte-for-byte and keeps the server''s modification time' {
        $d = New-RemoteTestDirectory
        $onServer = New-RandomFile -Path (Join-Path $d.Disk 'dated.bin') -Size 200KB
        $stamp = [DateTime]::new(2021, 3, 4, 5, 6, 7, [DateTimeKind]::Utc)
        $onServer.LastWriteTimeUtc = $stamp
        $dest = New-LocalTestDirectory
        Receive-FtpItem -Session $s -Path "$($d.Remote)/dated.bin" -Destination $dest.FullName
        $downloaded = Get-Item -LiteralPath (Join-Path $dest.FullName 'dated.bin')
        Get-Sha256 -LiteralPath $downloaded.FullName | Should -Be (Get-Sha256 -LiteralPath $onServer.FullName)
        $downloaded.LastWriteTimeUtc | Should -Be $stamp
        @(Get-ChildItem -LiteralPath $dest.FullName -Force -Filter '*.ftptools-partial').Count | Should -Be 0
    }

    It 'downloads the files a wildcard listing pipes in: Get-FtpChildItem -Path /in/*.csv | Receive-FtpItem -Destination $dir' {
        $d = New-RemoteTestDirectory -Prefix 'in'
        'a.csv', 'b.csv', 'c.txt' | ForEach-Object { Set-Content -LiteralPath (Join-Path $d.Disk $_) -Value $_ }
        $dest = New-LocalTestDirectory
        Get-FtpChildItem -Session $s -Path "$($d.Remote)/*.csv" | Receive-FtpItem -Destination $dest.FullName
        (Get-ChildItem -LiteralPath $dest.FullName).Name | Sort-Object | Should -Be @('a.csv', 'b.csv')
    }

    It 'returns FileInfo objects with -PassThru and saves under a new name when -Destination is a file path' {
        $d = New-RemoteTestDirectory
        Set-Content -LiteralPath (Join-Path $d.Disk 'report.txt') -Value 'report'
        $target = Join-Path $TestDrive 'renamed-report.txt'
        $file = Receive-FtpItem -Session $s -LiteralPath "$($d.Remote)/report.txt" -Destination $target -PassThru
        $file | Should -BeOfType ([System.IO.FileInfo])
        $file.FullName | Should -Be $target
    }

    It 'changes nothing with -WhatIf' {
        $d = New-RemoteTestDirectory
        Set-Content -LiteralPath (Join-Path $d.Disk 'x.txt') -Value 'x'
        $dest = New-LocalTestDirectory
        Receive-FtpItem -Session $s -Path "$($d.Remote)/x.txt" -Destination $dest.FullName -WhatIf
        @(Get-ChildItem -LiteralPath $dest.FullName -Force).Count | Should -Be 0
    }

    It 'leaves neither a partial nor a final file when the download fails' {
        $d = New-RemoteTestDirectory
        Set-Content -LiteralPath (Join-Path $d.Disk 'vanishing.txt') -Value 'soon gone'
        $item = Get-FtpItem -Session $s -Path "$($d.Remote)/vanishing.txt"
        Remove-Item -LiteralPath (Join-Path $d.Disk 'vanishing.txt')
        $dest = New-LocalTestDirectory
        $item | Receive-FtpItem -Destination $dest.FullName -ErrorAction SilentlyContinue -ErrorVariable ev
        $ev.Count | Should -Be 1
        $ev[0].FullyQualifiedErrorId | Should -BeLike 'FtpTools.*'
        @(Get-ChildItem -LiteralPath $dest.FullName -Force).Count | Should -Be 0
    }

    It 'writes a non-terminating FtpTools.ItemNotFound per missing file and goes on with the next one' {
        $d = New-RemoteTestDirectory
        Set-Content -LiteralPath (Join-Path $d.Disk 'present.txt') -Value 'here'
        $dest = New-LocalTestDirectory
        Receive-FtpItem -Session $s -LiteralPath "$($d.Remote)/missing.txt", "$($d.Remote)/present.txt" -Destination $dest.FullName -ErrorAction SilentlyContinue -ErrorVariable ev
        $ev.Count | Should -Be 1
        $ev[0].FullyQualifiedErrorId | Should -Be 'FtpTools.ItemNotFound,FtpTools.ReceiveFtpItemCommand'
        Test-Path -LiteralPath (Join-Path $dest.FullName 'present.txt') | Should -BeTrue
    }

    It '-ErrorAction Stop turns the per-item error into a terminating one' {
        $d = New-RemoteTestDirectory
        Set-Content -LiteralPath (Join-Path $d.Disk 'present.txt') -Value 'here'
        $dest = New-LocalTestDirectory
        $caught = $null
        $continued = $false
        try {
            Receive-FtpItem -Session $s -LiteralPath "$($d.Remote)/missing.txt", "$($d.Remote)/present.txt" -Destination $dest.FullName -ErrorAction Stop
            $continued = $true
        }
        catch {
            $caught = $_
        }
        $continued | Should -BeFalse
        $caught.FullyQualifiedErrorId | Should -Be 'FtpTools.ItemNotFound,FtpTools.ReceiveFtpItemCommand'
        Test-Path -LiteralPath (Join-Path $dest.FullName 'present.txt') | Should -BeFalse -Because 'the cmdlet stopped at the first error'
    }

    Context '-IfExists when the local file exists' {
        BeforeEach {
            $d = New-RemoteTestDirectory -Prefix 'dl-ifexists'
            $remoteFile = New-RandomFile -Path (Join-Path $d.Disk 'data.bin') -Size 300KB -Seed 9
            $dest = New-LocalTestDirectory
            $localPath = Join-Path $dest.FullName 'data.bin'
        }

        It 'Skip leaves it unchanged' {
            [System.IO.File]::WriteAllText($localPath, 'mine')
            Receive-FtpItem -Session $s -Path "$($d.Remote)/data.bin" -Destination $dest.FullName -IfExists Skip
            [System.IO.File]::ReadAllText($localPath) | Should -BeExactly 'mine'
        }

        It 'Fail writes FtpTools.DestinationExists and leaves it unchanged' {
            [System.IO.File]::WriteAllText($localPath, 'mine')
            Receive-FtpItem -Session $s -Path "$($d.Remote)/data.bin" -Destination $dest.FullName -IfExists Fail -ErrorAction SilentlyContinue -ErrorVariable ev
            $ev[0].FullyQualifiedErrorId | Should -BeLike 'FtpTools.DestinationExists,*'
            [System.IO.File]::ReadAllText($localPath) | Should -BeExactly 'mine'
        }

        It 'Resume continues from the .ftptools-partial file of an interrupted download' {
            $bytes = [System.IO.File]::ReadAllBytes($remoteFile.FullName)
            $head = New-Object byte[] 120KB
            [Array]::Copy($bytes, $head, $head.Length)
            [System.IO.File]::WriteAllBytes("$localPath.ftptools-partial", $head)
            Receive-FtpItem -Session $s -Path "$($d.Remote)/data.bin" -Destination $dest.FullName -IfExists Resume
            Get-Sha256 -LiteralPath $localPath | Should -Be (Get-Sha256 -LiteralPath $remoteFile.FullName)
            Test-Path -LiteralPath "$localPath.ftptools-partial" | Should -BeFalse
        }

        It 'Resume skips a local file that already has the remote length' {
            $same = New-Object byte[] 300KB
            [System.IO.File]::WriteAllBytes($localPath, $same)
            Receive-FtpItem -Session $s -Path "$($d.Remote)/data.bin" -Destination $dest.FullName -IfExists Resume
            (Get-Item -LiteralPath $localPath).Length | Should -Be 300KB
            [System.IO.File]::ReadAllBytes($localPath) | Where-Object { $_ -ne 0 } | Should -BeNullOrEmpty -Because 'the zero-filled local file was left as it was'
        }

        It 'Overwrite (default) replaces it' {
            [System.IO.File]::WriteAllText($localPath, 'mine')
            Receive-FtpItem -Session $s -Path "$($d.Remote)/data.bin" -Destination $dest.FullName
            Get-Sha256 -LiteralPath $localPath | Should -Be (Get-Sha256 -LiteralPath $remoteFile.FullName)
        }
    }

    Context 'Remote names that would escape the destination' -Skip:(-not $unixServerDisk) {
        BeforeAll {
            # vsftpd's LIST hides names that begin with a dot ('..\escape.txt', '...'); proftpd's MLSD lists every name.
            $dotServer = $lab.Servers['proftpd-implicit']
            $dotSession = Connect-LabServer -Server $dotServer
        }
        AfterAll { Disconnect-FtpServer -Session $dotSession }

        It 'refuses a server file named <Name> (<Why>) with FtpTools.UnsafeRemoteName and writes nothing outside the destination' -ForEach $unsafeNames {
            $remote = '/' + (New-UniqueName -Prefix 'unsafe')
            New-FtpDirectory -Session $dotSession -Path $remote | Out-Null
            $disk = Get-ServerPath -Server $dotServer -RemotePath $remote
            # .NET, not Set-Content: PowerShell takes '\' in a path for a separator on Linux too, and would write ../escape.txt.
            [System.IO.File]::WriteAllText([System.IO.Path]::Combine($disk, 'safe.txt'), 'ok')
            [System.IO.File]::WriteAllText([System.IO.Path]::Combine($disk, $Name), 'should never arrive')
            $sandbox = New-LocalTestDirectory -Prefix 'sandbox'
            $dest = New-Item -ItemType Directory -Path (Join-Path $sandbox.FullName 'dest')
            Receive-FtpItem -Session $dotSession -LiteralPath $remote -Destination $dest.FullName -Recurse -ErrorAction SilentlyContinue -ErrorVariable ev
            @($ev | Where-Object { $_.FullyQualifiedErrorId -like 'FtpTools.UnsafeRemoteName,*' }).Count | Should -Be 1
            $folder = Split-Path -Leaf $remote
            Test-Path -LiteralPath (Join-Path (Join-Path $dest.FullName $folder) 'safe.txt') | Should -BeTrue
            # Everything that arrived is below dest, and only safe.txt arrived.
            $all = @(Get-ChildItem -LiteralPath $sandbox.FullName -Recurse -Force -File)
            $all.Count | Should -Be 1
            $all[0].Name | Should -Be 'safe.txt'
        }
    }
}

Describe 'Transfers' -Skip:$labSkip {
    It 'round-trips a directory tree with -Recurse' {
        $d = New-RemoteTestDirectory -Prefix 'tree'
        $tree = New-LocalTestDirectory -Prefix 'tree'
        $files = 'a.txt', 'sub/b.bin', 'sub/deeper/c.bin', 'sub/deeper/d.txt', 'other/e.bin'
        $seed = 1
        foreach ($f in $files) { New-RandomFile -Path (Join-Path $tree.FullName $f) -Size (3KB * $seed) -Seed $seed | Out-Null; $seed++ }
        Send-FtpItem -Session $s -LiteralPath $tree.FullName -Destination $d.Remote -Recurse
        $back = New-LocalTestDirectory -Prefix 'back'
        Receive-FtpItem -Session $s -LiteralPath "$($d.Remote)/$($tree.Name)" -Destination $back.FullName -Recurse
        foreach ($f in $files) {
            $original = Join-Path $tree.FullName $f
            Get-Sha256 -LiteralPath (Join-Path (Join-Path $d.Disk $tree.Name) $f) | Should -Be (Get-Sha256 -LiteralPath $original)
            Get-Sha256 -LiteralPath (Join-Path (Join-Path $back.FullName $tree.Name) $f) | Should -Be (Get-Sha256 -LiteralPath $original)
        }
        @(Get-ChildItem -LiteralPath $back.FullName -Recurse -File).Count | Should -Be $files.Count
    }

    It 'round-trips the file name <Name>' -ForEach $specialNames {
        $d = New-RemoteTestDirectory -Prefix 'names'
        $local = New-RandomFile -Path (Join-Path (New-LocalTestDirectory).FullName $Name) -Size 2KB
        Send-FtpItem -Session $s -LiteralPath $local.FullName -Destination $d.Remote
        Test-Path -LiteralPath (Join-Path $d.Disk $Name) | Should -BeTrue -Because 'the name must reach the server unchanged (UTF-8)'
        $listed = Get-FtpChildItem -Session $s -LiteralPath $d.Remote
        $listed.Name | Should -Be $Name
        $dest = New-LocalTestDirectory
        $listed | Receive-FtpItem -Destination $dest.FullName
        Get-Sha256 -LiteralPath (Join-Path $dest.FullName $Name) | Should -Be (Get-Sha256 -LiteralPath $local.FullName)
    }

    It 'works with $ProgressPreference = ''SilentlyContinue''' {
        $ProgressPreference = 'SilentlyContinue'
        $d = New-RemoteTestDirectory
        $local = New-RandomFile -Path (Join-Path $TestDrive 'quiet.bin') -Size 4MB
        Send-FtpItem -Session $s -LiteralPath $local.FullName -Destination $d.Remote
        $dest = New-LocalTestDirectory
        Receive-FtpItem -Session $s -LiteralPath "$($d.Remote)/quiet.bin" -Destination $dest.FullName
        Get-Sha256 -LiteralPath (Join-Path $dest.FullName 'quiet.bin') | Should -Be (Get-Sha256 -LiteralPath $local.FullName)
    }

    It 'transfers in active mode (-DataConnection Active -ActivePortRange)' {
        $plain = $lab.Servers['vsftpd-plain']
        $a = Connect-LabServer -Server $plain -With @{ DataConnection = 'Active'; ActivePortRange = '40100-40199' }
        try {
            $a.DataConnectionMode | Should -Be 'Active'
            $remote = '/' + (New-UniqueName -Prefix 'active')
            New-FtpDirectory -Session $a -Path $remote | Out-Null
            $local = New-RandomFile -Path (Join-Path $TestDrive 'active.bin') -Size 256KB
            Send-FtpItem -Session $a -LiteralPath $local.FullName -Destination $remote
            (Get-FtpChildItem -Session $a -Path $remote).Name | Should -Be 'active.bin'
            $dest = New-LocalTestDirectory
            Receive-FtpItem -Session $a -LiteralPath "$remote/active.bin" -Destination $dest.FullName
            Get-Sha256 -LiteralPath (Join-Path $dest.FullName 'active.bin') | Should -Be (Get-Sha256 -LiteralPath $local.FullName)
        }
        finally { Disconnect-FtpServer -Session $a }
    }

    It 'transfers over IPv6 (::1)' {
        $v6 = $lab.Servers['vsftpd-plain6']
        $v6.host | Should -Be '::1'
        $c = Connect-LabServer -Server $v6
        try {
            $remote = '/' + (New-UniqueName -Prefix 'v6')
            New-FtpDirectory -Session $c -Path $remote | Out-Null
            $local = New-RandomFile -Path (Join-Path $TestDrive 'v6.bin') -Size 64KB
            Send-FtpItem -Session $c -LiteralPath $local.FullName -Destination $remote
            Get-Sha256 -LiteralPath (Get-ServerPath -Server $v6 -RemotePath "$remote/v6.bin") | Should -Be (Get-Sha256 -LiteralPath $local.FullName)
        }
        finally { Disconnect-FtpServer -Session $c }
    }

    It 'transfers with implicit FTPS on <_>' -ForEach @('vsftpd-implicit', 'proftpd-implicit') {
        $implicit = $lab.Servers[$_]
        $c = Connect-LabServer -Server $implicit
        try {
            $c.Encryption | Should -Be 'Implicit'
            $c.TlsProtocol | Should -Not -BeNullOrEmpty
            $remote = '/' + (New-UniqueName -Prefix 'implicit')
            New-FtpDirectory -Session $c -Path $remote | Out-Null
            $local = New-RandomFile -Path (Join-Path $TestDrive 'implicit.bin') -Size 64KB
            Send-FtpItem -Session $c -LiteralPath $local.FullName -Destination $remote
            $dest = New-LocalTestDirectory
            Receive-FtpItem -Session $c -LiteralPath "$remote/implicit.bin" -Destination $dest.FullName
            Get-Sha256 -LiteralPath (Join-Path $dest.FullName 'implicit.bin') | Should -Be (Get-Sha256 -LiteralPath $local.FullName)
        }
        finally { Disconnect-FtpServer -Session $c }
    }
}
