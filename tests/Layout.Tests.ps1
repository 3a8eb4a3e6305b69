#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0.0' }
# Where transferred items land: one rule, the same layout on every run (a folder copied with -Recurse is always
# <Destination>/<folder name>; a wildcard or piped items always go into a folder), and the root directory downloads.

BeforeDiscovery {
    Import-Module -Name (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    $labSkip = [bool](Get-FtpLabSkipReason)   # skip where the lab cannot run, except under CI=true
}

BeforeAll {
    Import-Module -Name (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    $manifest = Import-FtpToolsForTest
    # pure-ftpd serves only the root-directory download tests, so its root holds nothing but what they put there.
    $lab = Start-FtpLab -Server 'vsftpd-plain', 'pureftpd-plain'
    $server = $lab.Servers['vsftpd-plain']
    $rootServer = $lab.Servers['pureftpd-plain']
    $s = Connect-LabServer -Server $server

    function New-LocalTestDirectory([string] $Prefix = 'local') {
        New-Item -ItemType Directory -Path (Join-Path $TestDrive (New-UniqueName -Prefix $Prefix))
    }

    # A local folder "out" with a.csv and sub/b.csv.
    function New-LocalOut {
        $parent = New-LocalTestDirectory -Prefix 'src'
        $out = New-Item -ItemType Directory -Path (Join-Path $parent.FullName 'out')
        New-RandomFile -Path (Join-Path $out.FullName 'a.csv') -Size 100 -Seed 1 | Out-Null
        New-RandomFile -Path ([System.IO.Path]::Combine($out.FullName, 'sub', 'b.csv')) -Size 200 -Seed 2 | Out-Null
        $out
    }

    function Get-RelativeFiles([string] $Path) {
        if (-not (Test-Path -LiteralPath $Path)) { return @() }
        $root = (Resolve-Path -LiteralPath $Path).ProviderPath.TrimEnd([System.IO.Path]::DirectorySeparatorChar)
        @(Get-ChildItem -LiteralPath $Path -Recurse -Force -File | ForEach-Object { $_.FullName.Substring($root.Length + 1).Replace('\', '/') } | Sort-Object)
    }
}

AfterAll {
    Get-FtpSession | Disconnect-FtpServer
    Stop-FtpLab -Lab $lab
}

Describe 'Send-FtpItem gives the same layout on every run' -Skip:$labSkip {
    It 'Send-FtpItem C:\out -Recurse -Destination /x makes /x/out on the first run (/x missing) and on the second' {
        $out = New-LocalOut
        $x = '/' + (New-UniqueName -Prefix 'x')
        $disk = Get-ServerPath -Server $server -RemotePath $x
        Send-FtpItem -Session $s -Path $out.FullName -Recurse -Destination $x
        Get-RelativeFiles $disk | Should -Be @('out/a.csv', 'out/sub/b.csv')
        Send-FtpItem -Session $s -Path $out.FullName -Recurse -Destination $x
        Get-RelativeFiles $disk | Should -Be @('out/a.csv', 'out/sub/b.csv')
    }

    It 'a wildcard that matches one file uploads it into a folder named -Destination, never as a file of that name' {
        $out = New-LocalOut
        $y = '/' + (New-UniqueName -Prefix 'y')
        $disk = Get-ServerPath -Server $server -RemotePath $y
        Send-FtpItem -Session $s -Path (Join-Path $out.FullName '*.csv') -Destination $y
        Test-Path -LiteralPath $disk -PathType Container | Should -BeTrue
        Get-RelativeFiles $disk | Should -Be @('a.csv')
        New-RandomFile -Path (Join-Path $out.FullName 'c.csv') -Size 10 | Out-Null
        Send-FtpItem -Session $s -Path (Join-Path $out.FullName '*.csv') -Destination $y
        Get-RelativeFiles $disk | Should -Be @('a.csv', 'c.csv')
    }

    It 'one piped file goes into a folder named -Destination' {
        $out = New-LocalOut
        $z = '/' + (New-UniqueName -Prefix 'z')
        Get-ChildItem -LiteralPath $out.FullName -File | Send-FtpItem -Session $s -Destination $z
        Get-RelativeFiles (Get-ServerPath -Server $server -RemotePath $z) | Should -Be @('a.csv')
    }

    It 'one file named without wildcards may still get a new name' {
        $out = New-LocalOut
        $dir = '/' + (New-UniqueName -Prefix 'named')
        New-FtpDirectory -Session $s -Path $dir | Out-Null
        Send-FtpItem -Session $s -LiteralPath (Join-Path $out.FullName 'a.csv') -Destination "$dir/renamed.csv"
        Get-RelativeFiles (Get-ServerPath -Server $server -RemotePath $dir) | Should -Be @('renamed.csv')
    }
}

Describe 'Receive-FtpItem gives the same layout on every run' -Skip:$labSkip {
    BeforeAll {
        $remote = '/' + (New-UniqueName -Prefix 'tree')
        New-FtpDirectory -Session $s -Path "$remote/out/sub" | Out-Null
        $disk = Get-ServerPath -Server $server -RemotePath $remote
        [System.IO.File]::WriteAllText([System.IO.Path]::Combine($disk, 'out', 'a.csv'), 'a')
        [System.IO.File]::WriteAllText([System.IO.Path]::Combine($disk, 'out', 'sub', 'b.csv'), 'b')
    }

    It 'Receive-FtpItem /dir/out -Recurse -Destination D:\in (missing) makes D:\in\out on the first run and on the second' {
        $target = Join-Path (New-LocalTestDirectory).FullName 'in'
        Receive-FtpItem -Session $s -Path "$remote/out" -Recurse -Destination $target
        Get-RelativeFiles $target | Should -Be @('out/a.csv', 'out/sub/b.csv')
        Receive-FtpItem -Session $s -Path "$remote/out" -Recurse -Destination $target
        Get-RelativeFiles $target | Should -Be @('out/a.csv', 'out/sub/b.csv')
    }

    It 'a wildcard that matches one file downloads it into a folder named -Destination' {
        $target = Join-Path (New-LocalTestDirectory).FullName 'csv'
        Receive-FtpItem -Session $s -Path "$remote/out/*.csv" -Destination $target
        Test-Path -LiteralPath $target -PathType Container | Should -BeTrue
        Get-RelativeFiles $target | Should -Be @('a.csv')
    }

    It 'one piped item goes into a folder named -Destination' {
        $target = Join-Path (New-LocalTestDirectory).FullName 'piped'
        Get-FtpItem -Session $s -LiteralPath "$remote/out/a.csv" | Receive-FtpItem -Destination $target
        Get-RelativeFiles $target | Should -Be @('a.csv')
    }

    It 'a piped session does not change where a named file lands: it still gets the new name' {
        $folder = New-LocalTestDirectory
        $target = Join-Path $folder.FullName 'renamed.csv'
        $s | Receive-FtpItem -LiteralPath "$remote/out/a.csv" -Destination $target
        Get-RelativeFiles $folder.FullName | Should -Be @('renamed.csv')
    }
}

Describe 'Receiving the root directory' -Skip:$labSkip {
    BeforeAll {
        $r = Connect-LabServer -Server $rootServer
        New-FtpDirectory -Session $r -Path '/top/inner' | Out-Null
        $rootDisk = Get-ServerPath -Server $rootServer -RemotePath '/'
        [System.IO.File]::WriteAllText([System.IO.Path]::Combine($rootDisk, 'top', 'one.txt'), '1')
        [System.IO.File]::WriteAllText([System.IO.Path]::Combine($rootDisk, 'top', 'inner', 'two.txt'), '2')
        [System.IO.File]::WriteAllText([System.IO.Path]::Combine($rootDisk, 'root.txt'), 'r')
        $expected = @('root.txt', 'top/inner/two.txt', 'top/one.txt')
    }
    AfterAll { Disconnect-FtpServer -Session $r }

    It 'Receive-FtpItem -Path / -Recurse -Destination (an existing folder) puts the root''s contents into it' {
        $dest = New-LocalTestDirectory -Prefix 'root'
        Receive-FtpItem -Session $r -Path / -Recurse -Destination $dest.FullName -ErrorVariable ev
        $ev.Count | Should -Be 0
        Get-RelativeFiles $dest.FullName | Should -Be $expected
    }

    It 'Receive-FtpItem -Path . -Recurse works in the root directory' {
        $r.CurrentDirectory | Should -Be '/'
        $dest = New-LocalTestDirectory -Prefix 'dot'
        Receive-FtpItem -Session $r -Path . -Recurse -Destination $dest.FullName -ErrorVariable ev
        $ev.Count | Should -Be 0
        Get-RelativeFiles $dest.FullName | Should -Be $expected
    }

    It 'Get-FtpItem / | Receive-FtpItem -Recurse works' {
        $dest = New-LocalTestDirectory -Prefix 'piped-root'
        Get-FtpItem -Session $r -Path / | Receive-FtpItem -Recurse -Destination $dest.FullName -ErrorVariable ev
        $ev.Count | Should -Be 0
        Get-RelativeFiles $dest.FullName | Should -Be $expected
    }
}
