#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0.0' }
# Hidden (dot) files on vsftpd, whose LIST leaves them out, and names no server should send ("../x", "/tmp/x", "a/b", control
# characters): refused when the directory is listed, so no pipeline acts on another path through them.

BeforeDiscovery {
    Import-Module -Name (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    $labSkip = [bool](Get-FtpLabSkipReason)   # skip where the lab cannot run, except under CI=true
    $unixServerDisk = [System.IO.Path]::DirectorySeparatorChar -eq '/'
    # The hostile server (tests/lab/hostile-ftpd.py) runs on the lab's pyftpdlib; where the lab cannot run, its tests skip.
    Import-Module -Name (Join-Path $PSScriptRoot 'HostileServer.psm1') -Force
    $noHostileServer = -not (Test-HostileFtpServer)
}

BeforeAll {
    Import-Module -Name (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module -Name (Join-Path $PSScriptRoot 'HostileServer.psm1') -Force
    $manifest = Import-FtpToolsForTest
    $lab = Start-FtpLab -Server 'vsftpd-plain', 'proftpd-plain'
    $server = $lab.Servers['vsftpd-plain']
    $s = Connect-LabServer -Server $server

    # /<unique>: .env, .hidden/, .hidden/inner.txt, visible.txt, sub/, sub/.also-hidden
    function New-HiddenTree([object] $Server = $server, [object] $Session = $s) {
        $remote = '/' + (New-UniqueName -Prefix 'hidden')
        New-FtpDirectory -Session $Session -Path "$remote/sub", "$remote/.hidden" | Out-Null
        $disk = Get-ServerPath -Server $Server -RemotePath $remote
        foreach ($f in '.env', '.hidden/inner.txt', 'visible.txt', 'sub/.also-hidden') {
            [System.IO.File]::WriteAllText([System.IO.Path]::Combine($disk, $f.Replace('/', [System.IO.Path]::DirectorySeparatorChar)), $f)
        }
        [pscustomobject]@{ Remote = $remote; Disk = $disk }
    }

    function New-LocalTestDirectory([string] $Prefix = 'local') {
        New-Item -ItemType Directory -Path (Join-Path $TestDrive (New-UniqueName -Prefix $Prefix))
    }

    function Get-RelativeFiles([string] $Path) {
        $root = (Resolve-Path -LiteralPath $Path).ProviderPath.TrimEnd([System.IO.Path]::DirectorySeparatorChar)
        @(Get-ChildItem -LiteralPath $Path -Recurse -Force -File | ForEach-Object { $_.FullName.Substring($root.Length + 1).Replace('\', '/') } | Sort-Object)
    }
}

AfterAll {
    Get-FtpSession | Disconnect-FtpServer
    Stop-FtpLab -Lab $lab
}

Describe 'Hidden files on vsftpd (its LIST leaves dot files out)' -Skip:$labSkip {
    It 'Get-FtpChildItem hides dot-named items unless -Force, like Get-ChildItem' {
        $t = New-HiddenTree
        (Get-FtpChildItem -Session $s -Path $t.Remote).Name | Sort-Object | Should -Be @('sub', 'visible.txt')
        (Get-FtpChildItem -Session $s -Path $t.Remote -Force).Name | Sort-Object | Should -Be @('.env', '.hidden', 'sub', 'visible.txt')
    }

    It 'Get-FtpChildItem -Recurse walks into hidden folders only with -Force' {
        $t = New-HiddenTree
        (Get-FtpChildItem -Session $s -Path $t.Remote -Recurse -File).Name | Sort-Object | Should -Be @('visible.txt')
        (Get-FtpChildItem -Session $s -Path $t.Remote -Recurse -File -Force).FullName | Sort-Object |
            Should -Be @("$($t.Remote)/.env", "$($t.Remote)/.hidden/inner.txt", "$($t.Remote)/sub/.also-hidden", "$($t.Remote)/visible.txt")
    }

    It 'a wildcard that starts with a dot asks for dot-named items' {
        $t = New-HiddenTree
        (Get-FtpChildItem -Session $s -Path "$($t.Remote)/.e*").Name | Should -Be '.env'
    }

    It 'Receive-FtpItem -Recurse downloads hidden files too' {
        $t = New-HiddenTree
        $dest = New-LocalTestDirectory
        Receive-FtpItem -Session $s -LiteralPath $t.Remote -Destination $dest.FullName -Recurse
        $folder = Split-Path -Leaf $t.Remote
        Get-RelativeFiles $dest.FullName | Should -Be @("$folder/.env", "$folder/.hidden/inner.txt", "$folder/sub/.also-hidden", "$folder/visible.txt")
    }

    It 'Remove-FtpItem -Recurse removes a tree with hidden files completely' {
        $t = New-HiddenTree
        Remove-FtpItem -Session $s -LiteralPath $t.Remote -Recurse -ErrorVariable ev
        $ev.Count | Should -Be 0
        Test-Path -LiteralPath $t.Disk | Should -BeFalse
    }

    It 'Remove-FtpItem without -Recurse counts hidden entries: a folder holding only .env is not empty' {
        $remote = '/' + (New-UniqueName -Prefix 'onlydot')
        New-FtpDirectory -Session $s -Path $remote | Out-Null
        [System.IO.File]::WriteAllText((Join-Path (Get-ServerPath -Server $server -RemotePath $remote) '.env'), 'x')
        Remove-FtpItem -Session $s -LiteralPath $remote -ErrorAction SilentlyContinue -ErrorVariable ev
        $ev[0].FullyQualifiedErrorId | Should -BeLike 'FtpTools.DirectoryNotEmpty,*'
        $ev[0].Exception.Message | Should -Match '\.env'
    }

    It 'Remove-FtpItem -Recurse that cannot delete everything reports the real cause (PermissionDenied), not ObjectNotFound' -Skip:(-not $unixServerDisk) {
        $t = New-HiddenTree
        # A folder made by root (not the FTP user) with a file in it: the server may list it but not delete what is inside.
        $locked = New-Item -ItemType Directory -Path (Join-Path $t.Disk 'locked')
        [System.IO.File]::WriteAllText((Join-Path $locked.FullName 'keep.txt'), 'x')
        & chmod 755 $locked.FullName
        Remove-FtpItem -Session $s -LiteralPath $t.Remote -Recurse -ErrorAction SilentlyContinue -ErrorVariable ev
        $ev.Count | Should -Be 1
        $ev[0].FullyQualifiedErrorId | Should -BeLike 'FtpTools.PermissionDenied,*'
        $ev[0].CategoryInfo.Category | Should -Be ([System.Management.Automation.ErrorCategory]::PermissionDenied)
        $ev[0].Exception.Message | Should -Match 'keep\.txt'
    }

    It 'hidden files are listed by a server that refuses LIST -a (pyftpdlib without MLSD)' -Skip:$noHostileServer {
        $h = Start-HostileFtpServer -NoMlsd
        try {
            New-Item -ItemType Directory -Path (Join-Path $h.Root 'plain') | Out-Null
            foreach ($name in '.env', 'visible.txt') { [System.IO.File]::WriteAllText([System.IO.Path]::Combine($h.Root, 'plain', $name), $name) }
            $c = Connect-FtpServer -ComputerName 127.0.0.1 -Port $h.Port -Credential $h.Credential -Encryption None -WarningAction SilentlyContinue
            try {
                (Get-FtpChildItem -Session $c -Path /plain -Force).Name | Sort-Object | Should -Be @('.env', 'visible.txt')
                (Get-FtpChildItem -Session $c -Path /plain -Force).Name | Sort-Object | Should -Be @('.env', 'visible.txt')
            }
            finally { Disconnect-FtpServer -Session $c }
        }
        finally { Stop-HostileFtpServer -Server $h }
    }
}

Describe 'Names no server should send are refused when the directory is listed' -Skip:($labSkip -or $noHostileServer) {
    BeforeAll {
        $hostile = Start-HostileFtpServer
        $plainList = Start-HostileFtpServer -NoMlsd
        foreach ($h in $hostile, $plainList) {
            New-Item -ItemType Directory -Path (Join-Path $h.Root 'hostile') | Out-Null
            [System.IO.File]::WriteAllText([System.IO.Path]::Combine($h.Root, 'hostile', 'ok.txt'), 'ok')
            [System.IO.File]::WriteAllText([System.IO.Path]::Combine($h.Root, 'keep.txt'), 'keep')
        }
    }
    AfterAll {
        Stop-HostileFtpServer -Server $hostile
        Stop-HostileFtpServer -Server $plainList
    }

    It 'Get-FtpChildItem returns only the safe entry and warns FtpTools.UnsafeRemoteName for each refused one (<Listing>)' -ForEach @(
        @{ Listing = 'MLSD' }
        @{ Listing = 'LIST' }
    ) {
        $h = if ($Listing -eq 'MLSD') { $hostile } else { $plainList }
        $c = Connect-FtpServer -ComputerName 127.0.0.1 -Port $h.Port -Credential $h.Credential -Encryption None -WarningAction SilentlyContinue
        try {
            $items = @(Get-FtpChildItem -Session $c -Path /hostile -Force -WarningVariable warnings -WarningAction SilentlyContinue)
            $items.FullName | Should -Be @('/hostile/ok.txt')
            $refused = @($warnings | Where-Object { "$_" -like '*FtpTools.UnsafeRemoteName*' })
            $refused.Count | Should -Be 4
            ($refused -join "`n") | Should -Match ([regex]::Escape("'../escape.txt'"))
            ($refused -join "`n") | Should -Match ([regex]::Escape("'/tmp/absolute.txt'"))
            ($refused -join "`n") | Should -Match ([regex]::Escape("'a/b.txt'"))
            ($refused -join "`n") | Should -Match ([regex]::Escape("'bell\u0007.txt'"))
        }
        finally { Disconnect-FtpServer -Session $c }
    }

    It 'a piped listing can act only on the safe entry: Remove-FtpItem never reaches the paths the hostile names point to' {
        # Files where the hostile names would lead if they became items: "../escape.txt" and "/tmp/absolute.txt".
        $targets = @(
            (Join-Path $hostile.Root 'escape.txt'),
            [System.IO.Path]::Combine($hostile.Root, 'tmp', 'absolute.txt')
        )
        foreach ($target in $targets) {
            New-Item -ItemType Directory -Path (Split-Path -Parent $target) -Force | Out-Null
            [System.IO.File]::WriteAllText($target, 'must survive')
        }
        $c = Connect-FtpServer -ComputerName 127.0.0.1 -Port $hostile.Port -Credential $hostile.Credential -Encryption None -WarningAction SilentlyContinue
        try {
            Get-FtpChildItem -Session $c -Path /hostile -WarningAction SilentlyContinue | Remove-FtpItem -Recurse -ErrorAction SilentlyContinue
            foreach ($target in $targets) { Test-Path -LiteralPath $target | Should -BeTrue -Because "$target is not in the listing" }
            Test-Path -LiteralPath (Join-Path $hostile.Root 'keep.txt') | Should -BeTrue
            Test-Path -LiteralPath ([System.IO.Path]::Combine($hostile.Root, 'hostile', 'ok.txt')) | Should -BeFalse
        }
        finally {
            Disconnect-FtpServer -Session $c
            [System.IO.File]::WriteAllText([System.IO.Path]::Combine($hostile.Root, 'hostile', 'ok.txt'), 'ok')
        }
    }

    It 'Receive-FtpItem -Recurse downloads only the safe entry and writes nothing outside the destination' {
        $c = Connect-FtpServer -ComputerName 127.0.0.1 -Port $hostile.Port -Credential $hostile.Credential -Encryption None -WarningAction SilentlyContinue
        try {
            $sandbox = New-LocalTestDirectory -Prefix 'sandbox'
            $dest = New-Item -ItemType Directory -Path (Join-Path $sandbox.FullName 'dest')
            Receive-FtpItem -Session $c -LiteralPath /hostile -Destination $dest.FullName -Recurse -WarningAction SilentlyContinue -ErrorVariable ev
            $ev.Count | Should -Be 0
            Get-RelativeFiles $sandbox.FullName | Should -Be @('dest/hostile/ok.txt')
        }
        finally { Disconnect-FtpServer -Session $c }
    }

    It 'a real file whose name holds a control character is refused on vsftpd too' -Skip:(-not $unixServerDisk) {
        $remote = '/' + (New-UniqueName -Prefix 'ctl')
        New-FtpDirectory -Session $s -Path $remote | Out-Null
        $disk = Get-ServerPath -Server $server -RemotePath $remote
        [System.IO.File]::WriteAllText((Join-Path $disk ('bell' + [char]7 + '.txt')), 'x')
        [System.IO.File]::WriteAllText((Join-Path $disk 'fine.txt'), 'x')
        $items = @(Get-FtpChildItem -Session $s -Path $remote -WarningVariable warnings -WarningAction SilentlyContinue)
        $items.Name | Should -Be @('fine.txt')
        @($warnings | Where-Object { "$_" -like '*FtpTools.UnsafeRemoteName*' }).Count | Should -Be 1
    }
}
