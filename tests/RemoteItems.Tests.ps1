#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0.0' }
# Get-FtpChildItem, Get-FtpItem, Test-FtpPath, New-FtpDirectory, Rename-FtpItem, Move-FtpItem, Remove-FtpItem, Get-FtpFileHash.

BeforeDiscovery {
    Import-Module -Name (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    $labSkip = [bool](Get-FtpLabSkipReason)   # skip where the lab cannot run, except under CI=true
    $pathCases = @(
        @{ Kind = 'file'; PathType = 'Any'; Expected = $true }
        @{ Kind = 'file'; PathType = 'Leaf'; Expected = $true }
        @{ Kind = 'file'; PathType = 'Container'; Expected = $false }
        @{ Kind = 'directory'; PathType = 'Any'; Expected = $true }
        @{ Kind = 'directory'; PathType = 'Container'; Expected = $true }
        @{ Kind = 'directory'; PathType = 'Leaf'; Expected = $false }
        @{ Kind = 'missing'; PathType = 'Any'; Expected = $false }
        @{ Kind = 'missing'; PathType = 'Leaf'; Expected = $false }
    )
    $hashAlgorithms = @('SHA256', 'SHA1', 'MD5', 'SHA512')
}

BeforeAll {
    Import-Module -Name (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    $manifest = Import-FtpToolsForTest
    $lab = Start-FtpLab -Server 'vsftpd-plain', 'proftpd-plain'
    $server = $lab.Servers['vsftpd-plain']
    $proftpd = $lab.Servers['proftpd-plain']
    $s = Connect-LabServer -Server $server

    # A remote directory created through the server with a small tree in it:
    #   a.csv  b.csv  notes.txt  [x].txt  sub/  sub/c.csv  sub/deep/  sub/deep/d.csv
    function New-RemoteTree {
        $remote = '/' + (New-UniqueName -Prefix 'items')
        New-FtpDirectory -Session $s -Path "$remote/sub/deep" | Out-Null
        $disk = Get-ServerPath -Server $server -RemotePath $remote
        foreach ($f in 'a.csv', 'b.csv', 'notes.txt', '[x].txt', 'sub/c.csv', 'sub/deep/d.csv') {
            [System.IO.File]::WriteAllText([System.IO.Path]::Combine($disk, $f.Replace('/', [System.IO.Path]::DirectorySeparatorChar)), $f)
        }
        [pscustomobject]@{ Remote = $remote; Disk = $disk }
    }
}

AfterAll {
    Get-FtpSession | Disconnect-FtpServer
    Stop-FtpLab -Lab $lab
}

Describe 'Get-FtpChildItem' -Skip:$labSkip {
    BeforeAll { $t = New-RemoteTree }

    It 'lists a directory with names, full paths, types and lengths' {
        $items = Get-FtpChildItem -Session $s -Path $t.Remote
        ($items.Name | Sort-Object) | Should -Be @('[x].txt', 'a.csv', 'b.csv', 'notes.txt', 'sub')
        ($items | Where-Object Name -eq 'sub').ItemType | Should -Be 'Directory'
        $a = $items | Where-Object Name -eq 'a.csv'
        $a.ItemType | Should -Be 'File'
        $a.FullName | Should -Be "$($t.Remote)/a.csv"
        $a.Length | Should -Be 5
        $a.LastWriteTime | Should -BeOfType ([datetime])
        $a.Session.Id | Should -Be $s.Id
    }

    It 'never returns . or ..' {
        (Get-FtpChildItem -Session $s -Path $t.Remote).Name | Should -Not -Contain '..'
        (Get-FtpChildItem -Session $s -Path $t.Remote).Name | Should -Not -Contain '.'
    }

    It 'matches wildcards in -Path' {
        (Get-FtpChildItem -Session $s -Path "$($t.Remote)/*.csv").Name | Sort-Object | Should -Be @('a.csv', 'b.csv')
    }

    It 'filters with -Filter' {
        (Get-FtpChildItem -Session $s -Path $t.Remote -Filter '*.txt').Name | Sort-Object | Should -Be @('[x].txt', 'notes.txt')
    }

    It 'returns only files with -File and only directories with -Directory' {
        (Get-FtpChildItem -Session $s -Path $t.Remote -File).ItemType | Sort-Object -Unique | Should -Be 'File'
        (Get-FtpChildItem -Session $s -Path $t.Remote -Directory).Name | Should -Be 'sub'
    }

    It 'walks subdirectories with -Recurse and stops at -Depth' {
        $all = Get-FtpChildItem -Session $s -Path $t.Remote -Recurse -File
        $all.FullName | Should -Contain "$($t.Remote)/sub/deep/d.csv"
        $all.Count | Should -Be 6
        $shallow = Get-FtpChildItem -Session $s -Path $t.Remote -Depth 1 -File
        $shallow.FullName | Should -Contain "$($t.Remote)/sub/c.csv"
        $shallow.FullName | Should -Not -Contain "$($t.Remote)/sub/deep/d.csv"
    }

    It 'takes brackets literally with -LiteralPath' {
        (Get-FtpChildItem -Session $s -LiteralPath "$($t.Remote)/[x].txt").Name | Should -Be '[x].txt'
    }

    It 'binds FtpItem objects by FullName: Get-FtpChildItem -Directory | Get-FtpChildItem' {
        (Get-FtpChildItem -Session $s -Path $t.Remote -Directory | Get-FtpChildItem).Name | Sort-Object | Should -Be @('c.csv', 'deep')
    }

    It 'writes a non-terminating FtpTools.ItemNotFound for a missing path' {
        Get-FtpChildItem -Session $s -LiteralPath "$($t.Remote)/nope" -ErrorAction SilentlyContinue -ErrorVariable ev | Out-Null
        $ev[0].FullyQualifiedErrorId | Should -BeLike 'FtpTools.ItemNotFound,*'
    }

    It 'reports the modification time in local time (MLSD on ProFTPD)' {
        $p = Connect-LabServer -Server $proftpd
        try {
            $name = New-UniqueName -Prefix 'mtime'
            $file = New-RandomFile -Path (Get-ServerPath -Server $proftpd -RemotePath "/$name.bin") -Size 10
            $stamp = [DateTime]::new(2022, 6, 7, 8, 9, 10, [DateTimeKind]::Utc)
            $file.LastWriteTimeUtc = $stamp
            $item = Get-FtpChildItem -Session $p -Path "/$name.bin"
            $item.LastWriteTime.ToUniversalTime() | Should -Be $stamp
            $item.LastWriteTime.Kind | Should -Be ([DateTimeKind]::Local)
        }
        finally { Disconnect-FtpServer -Session $p }
    }
}

Describe 'Get-FtpItem' -Skip:$labSkip {
    BeforeAll { $t = New-RemoteTree }

    It 'gets a file itself' {
        $item = Get-FtpItem -Session $s -Path "$($t.Remote)/notes.txt"
        $item.ItemType | Should -Be 'File'
        $item.Length | Should -Be 9
        $item.FullName | Should -Be "$($t.Remote)/notes.txt"
    }

    It 'gets a directory itself, not its contents' {
        $item = @(Get-FtpItem -Session $s -Path "$($t.Remote)/sub")
        $item.Count | Should -Be 1
        $item[0].ItemType | Should -Be 'Directory'
        $item[0].Name | Should -Be 'sub'
    }

    It 'writes FtpTools.ItemNotFound for a missing path' {
        { Get-FtpItem -Session $s -Path "$($t.Remote)/missing.txt" -ErrorAction Stop } | Should -Throw -ErrorId 'FtpTools.ItemNotFound,*'
    }
}

Describe 'Test-FtpPath' -Skip:$labSkip {
    BeforeAll {
        $t = New-RemoteTree
        $paths = @{ file = "$($t.Remote)/a.csv"; directory = "$($t.Remote)/sub"; missing = "$($t.Remote)/missing" }
    }

    It 'returns <Expected> for a <Kind> with -PathType <PathType>' -ForEach $pathCases {
        Test-FtpPath -Session $s -Path $paths[$Kind] -PathType $PathType | Should -Be $Expected
    }

    It 'returns one Boolean per path' {
        $result = Test-FtpPath -Session $s -LiteralPath $paths.file, $paths.missing
        $result | Should -Be @($true, $false)
    }
}

Describe 'New-FtpDirectory' -Skip:$labSkip {
    It 'creates nested directories with their parents and returns the directory' {
        $root = '/' + (New-UniqueName -Prefix 'mkdir')
        $item = New-FtpDirectory -Session $s -Path "$root/a/b/c"
        $item.ItemType | Should -Be 'Directory'
        $item.FullName | Should -Be "$root/a/b/c"
        Test-Path -LiteralPath (Get-ServerPath -Server $server -RemotePath "$root/a/b/c") -PathType Container | Should -BeTrue
    }

    It 'does not fail when the directory exists' {
        $root = '/' + (New-UniqueName -Prefix 'mkdir')
        New-FtpDirectory -Session $s -Path $root | Out-Null
        New-FtpDirectory -Session $s -Path $root -ErrorVariable ev | Out-Null
        $ev.Count | Should -Be 0
    }

    It 'creates nothing with -WhatIf' {
        $root = '/' + (New-UniqueName -Prefix 'mkdir')
        New-FtpDirectory -Session $s -Path $root -WhatIf
        Test-Path -LiteralPath (Get-ServerPath -Server $server -RemotePath $root) | Should -BeFalse
    }
}

Describe 'Rename-FtpItem and Move-FtpItem' -Skip:$labSkip {
    BeforeEach { $t = New-RemoteTree }

    It 'Rename-FtpItem renames in place and -PassThru returns the renamed item' {
        $item = Rename-FtpItem -Session $s -Path "$($t.Remote)/notes.txt" -NewName 'renamed.txt' -PassThru
        $item.FullName | Should -Be "$($t.Remote)/renamed.txt"
        Test-Path -LiteralPath (Join-Path $t.Disk 'notes.txt') | Should -BeFalse
        Get-Content -LiteralPath (Join-Path $t.Disk 'renamed.txt') -Raw | Should -BeExactly 'notes.txt'
    }

    It 'Rename-FtpItem binds an FtpItem from the pipeline' {
        Get-FtpItem -Session $s -Path "$($t.Remote)/a.csv" | Rename-FtpItem -NewName 'a-done.csv'
        Test-Path -LiteralPath (Join-Path $t.Disk 'a-done.csv') | Should -BeTrue
    }

    It 'Rename-FtpItem -WhatIf changes nothing' {
        Rename-FtpItem -Session $s -Path "$($t.Remote)/notes.txt" -NewName 'renamed.txt' -WhatIf
        Test-Path -LiteralPath (Join-Path $t.Disk 'notes.txt') | Should -BeTrue
    }

    It 'Move-FtpItem moves piped items into a directory' {
        Get-FtpChildItem -Session $s -Path "$($t.Remote)/*.csv" | Move-FtpItem -Destination "$($t.Remote)/sub"
        (Get-ChildItem -LiteralPath (Join-Path $t.Disk 'sub') -File).Name | Sort-Object | Should -Be @('a.csv', 'b.csv', 'c.csv')
        Test-Path -LiteralPath (Join-Path $t.Disk 'a.csv') | Should -BeFalse
    }

    It 'Rename-FtpItem never overwrites: FtpTools.DestinationExists' {
        Rename-FtpItem -Session $s -Path "$($t.Remote)/a.csv" -NewName 'b.csv' -ErrorAction SilentlyContinue -ErrorVariable ev
        $ev[0].FullyQualifiedErrorId | Should -BeLike 'FtpTools.DestinationExists,*'
        Get-Content -LiteralPath (Join-Path $t.Disk 'b.csv') -Raw | Should -BeExactly 'b.csv'
    }

    It 'Move-FtpItem accepts a wildcard in -Path' {
        Move-FtpItem -Session $s -Path "$($t.Remote)/*.txt" -Destination "$($t.Remote)/sub"
        (Get-ChildItem -LiteralPath (Join-Path $t.Disk 'sub') -File -Filter '*.txt').Name | Sort-Object | Should -Be @('[x].txt', 'notes.txt')
    }

    It 'Move-FtpItem moves and renames one item when -Destination is a new path' {
        $moved = Move-FtpItem -Session $s -Path "$($t.Remote)/b.csv" -Destination "$($t.Remote)/sub/deep/b-moved.csv" -PassThru
        $moved.FullName | Should -Be "$($t.Remote)/sub/deep/b-moved.csv"
        Test-Path -LiteralPath ([System.IO.Path]::Combine($t.Disk, 'sub', 'deep', 'b-moved.csv')) | Should -BeTrue
    }
}

Describe 'Remove-FtpItem' -Skip:$labSkip {
    BeforeEach { $t = New-RemoteTree }

    It 'Get-FtpChildItem | Remove-FtpItem -WhatIf changes nothing' {
        $before = @(Get-ChildItem -LiteralPath $t.Disk -Recurse -Force).Count
        Get-FtpChildItem -Session $s -Path $t.Remote | Remove-FtpItem -Recurse -WhatIf
        @(Get-ChildItem -LiteralPath $t.Disk -Recurse -Force).Count | Should -Be $before
    }

    It 'deletes piped files' {
        Get-FtpChildItem -Session $s -Path "$($t.Remote)/*.csv" | Remove-FtpItem
        Test-Path -LiteralPath (Join-Path $t.Disk 'a.csv') | Should -BeFalse
        Test-Path -LiteralPath (Join-Path $t.Disk 'notes.txt') | Should -BeTrue
    }

    It 'refuses a non-empty directory without -Recurse and deletes it with -Recurse' {
        Remove-FtpItem -Session $s -Path "$($t.Remote)/sub" -ErrorAction SilentlyContinue -ErrorVariable ev
        $ev.Count | Should -Be 1
        Test-Path -LiteralPath (Join-Path $t.Disk 'sub') | Should -BeTrue
        Remove-FtpItem -Session $s -Path "$($t.Remote)/sub" -Recurse
        Test-Path -LiteralPath (Join-Path $t.Disk 'sub') | Should -BeFalse
    }

    It 'writes FtpTools.ItemNotFound for a missing literal path' {
        Remove-FtpItem -Session $s -LiteralPath "$($t.Remote)/missing" -ErrorAction SilentlyContinue -ErrorVariable ev
        $ev[0].FullyQualifiedErrorId | Should -BeLike 'FtpTools.ItemNotFound,*'
    }
}

Describe 'Get-FtpFileHash' -Skip:$labSkip {
    BeforeAll {
        $p = Connect-LabServer -Server $proftpd
        $name = New-UniqueName -Prefix 'hash'
        $file = New-RandomFile -Path (Get-ServerPath -Server $proftpd -RemotePath "/$name.bin") -Size 700KB -Seed 3
    }
    AfterAll { Disconnect-FtpServer -Session $p }

    It 'returns the SHA256 hash (default) shaped like Get-FileHash on ProFTPD' {
        $hash = Get-FtpFileHash -Session $p -Path "/$name.bin"
        $hash.Algorithm | Should -Be 'SHA256'
        $hash.Hash | Should -BeExactly (Get-FileHash -LiteralPath $file.FullName -Algorithm SHA256).Hash
        $hash.Path | Should -Be "/$name.bin"
    }

    It 'returns the <_> hash equal to Get-FileHash' -ForEach $hashAlgorithms {
        (Get-FtpFileHash -Session $p -Path "/$name.bin" -Algorithm $_).Hash | Should -BeExactly (Get-FileHash -LiteralPath $file.FullName -Algorithm $_).Hash
    }

    It 'hashes piped FtpItem objects' {
        (Get-FtpChildItem -Session $p -Path "/$name.bin" | Get-FtpFileHash).Hash | Should -BeExactly (Get-FileHash -LiteralPath $file.FullName).Hash
    }

    It 'says clearly that vsftpd does not support hashes (FtpTools.CommandFailed)' {
        $vs = New-UniqueName -Prefix 'nohash'
        Set-Content -LiteralPath (Get-ServerPath -Server $server -RemotePath "/$vs.txt") -Value 'x'
        $err = $null
        try { Get-FtpFileHash -Session $s -Path "/$vs.txt" -ErrorAction Stop } catch { $err = $_ }
        $err.FullyQualifiedErrorId | Should -BeLike 'FtpTools.CommandFailed,*'
        $err.Exception.Message | Should -Match 'support'
    }
}
