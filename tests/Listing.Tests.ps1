#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0.0' }
# Streamed listings: Get-FtpChildItem writes entries as the listing arrives; stopping the pipeline early leaves the session usable.

BeforeDiscovery {
    Import-Module -Name (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    $labSkip = [bool](Get-FtpLabSkipReason)   # skip where the lab cannot run, except under CI=true
    $serverNames = @('vsftpd-plain', 'proftpd-plain', 'pureftpd-plain', 'pyftpdlib-plain', 'openssh-sftp')
}

BeforeAll {
    Import-Module -Name (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    $manifest = Import-FtpToolsForTest
    $lab = Start-FtpLab -Server 'vsftpd-plain', 'proftpd-plain', 'pureftpd-plain', 'pyftpdlib-plain', 'openssh-sftp'
    $fileCount = 3000

    # A folder of $fileCount files (sizes 0..999), two subfolders and a dot file, written straight to the server's disk.
    function New-LargeFolder($Server, $Session) {
        $name = New-UniqueName -Prefix 'big'
        if ([string]$Server.remoteRootDirectory -ne '/') {
            # SFTP: no chroot, the remote path is the path on disk.
            $remote = [string]$Server.remoteRootDirectory + '/' + $name
            $disk = $remote
        }
        else {
            $remote = '/' + $name
            $disk = Get-ServerPath -Server $Server -RemotePath $remote
        }
        # Made through the server, so its user may delete the files written into it.
        New-FtpDirectory -Session $Session -Path $remote | Out-Null
        for ($i = 0; $i -lt $fileCount; $i++) {
            [System.IO.File]::WriteAllBytes([System.IO.Path]::Combine($disk, ('file-{0:D5}.dat' -f $i)), (New-Object -TypeName byte[] -ArgumentList ($i % 1000)))
        }
        New-Item -ItemType Directory -Path ([System.IO.Path]::Combine($disk, 'sub-a')) | Out-Null
        New-Item -ItemType Directory -Path ([System.IO.Path]::Combine($disk, 'sub-b')) | Out-Null
        [System.IO.File]::WriteAllText([System.IO.Path]::Combine($disk, 'sub-a', 'inner.txt'), 'inner')
        [System.IO.File]::WriteAllText([System.IO.Path]::Combine($disk, '.hidden'), 'dot')
        [pscustomobject]@{ Remote = $remote; Disk = $disk }
    }

    function Connect-Server($Server) {
        if ([string]$Server.remoteRootDirectory -eq '/') { return Connect-LabServer -Server $Server }
        $pins = @($Server.hostKeys | ForEach-Object { [string]$_.fingerprint })
        Connect-FtpServer -ComputerName $Server.host -Port ([int]$Server.port) -Protocol Sftp -Credential (New-TestCredential -Server $Server) -HostKeyFingerprint $pins
    }

    # Name, type and size of each entry, sorted by name: what the listing must show of the folder.
    function Get-Shape($Items) {
        @($Items | Sort-Object -Property Name -CaseSensitive | ForEach-Object {
                $isDirectory = if ($_.PSObject.Properties['ItemType']) { [string]$_.ItemType -eq 'Directory' } else { $_.PSIsContainer }
                $length = if ($isDirectory) { '' } else { [string]$_.Length }
                '{0}|{1}|{2}' -f $_.Name, $(if ($isDirectory) { 'dir' } else { 'file' }), $length
            })
    }
}

AfterAll {
    Get-FtpSession | Disconnect-FtpServer
    Stop-FtpLab -Lab $lab
}

Describe 'Streamed listing on <_>' -ForEach $serverNames -Skip:$labSkip {
    BeforeAll {
        $server = $lab.Servers[$_]
        $s = Connect-Server -Server $server
        $t = New-LargeFolder -Server $server -Session $s
    }
    AfterAll { if ($s) { Disconnect-FtpServer -Session $s } }

    It 'lists the names, types and sizes the folder holds on disk' {
        $listed = @(Get-FtpChildItem -Session $s -Path $t.Remote -Force)
        $listed.Count | Should -Be ($fileCount + 3)
        $onDisk = Get-ChildItem -LiteralPath $t.Disk -Force
        Get-Shape $listed | Should -Be (Get-Shape $onDisk)
    }

    It 'gives the same entries as the collected listing a wildcard reads (Get-FtpItem)' {
        $streamed = Get-FtpChildItem -Session $s -Path $t.Remote -Force
        $collected = Get-FtpItem -Session $s -Path "$($t.Remote)/*"
        Get-Shape $streamed | Should -Be (Get-Shape $collected)
    }

    It 'stops reading at Select-Object -First 5, and the session goes on working' {
        $first = @(Get-FtpChildItem -Session $s -Path $t.Remote | Select-Object -First 5)
        $first.Count | Should -Be 5
        $first | ForEach-Object { $_.FullName | Should -BeLike "$($t.Remote)/*" }
        # The next commands on the same session: a listing, a lookup, a download.
        (Get-FtpChildItem -Session $s -Path "$($t.Remote)/sub-a").Name | Should -Be 'inner.txt'
        Test-FtpPath -Session $s -LiteralPath "$($t.Remote)/file-00007.dat" | Should -BeTrue
        $dest = New-Item -ItemType Directory -Path (Join-Path $TestDrive (New-UniqueName -Prefix 'first'))
        Receive-FtpItem -Session $s -LiteralPath "$($t.Remote)/file-00999.dat" -Destination $dest.FullName
        (Get-Item -LiteralPath (Join-Path $dest.FullName 'file-00999.dat')).Length | Should -Be 999
        @(Get-FtpChildItem -Session $s -Path $t.Remote).Count | Should -Be ($fileCount + 2)
    }

    It 'lets a command downstream use the same session while the listing streams (Receive-FtpItem, Remove-FtpItem)' {
        $dest = New-Item -ItemType Directory -Path (Join-Path $TestDrive (New-UniqueName -Prefix 'piped'))
        Get-FtpChildItem -Session $s -Path $t.Remote -File | Where-Object Name -Like 'file-0001*' | Receive-FtpItem -Destination $dest.FullName
        $got = @(Get-ChildItem -LiteralPath $dest.FullName)
        $got.Count | Should -Be 10
        $got | ForEach-Object { $_.Length | Should -Be ([int]$_.BaseName.Substring(5) % 1000) }
        Get-FtpChildItem -Session $s -Path $t.Remote -File | Where-Object Name -Like 'file-0299*' | Remove-FtpItem
        @(Get-ChildItem -LiteralPath $t.Disk -Filter 'file-0299*').Count | Should -Be 0
        @(Get-FtpChildItem -Session $s -Path $t.Remote -File).Count | Should -Be ($fileCount - 10)
    }

    It 'stops a recursive listing early too' {
        $first = @(Get-FtpChildItem -Session $s -Path $t.Remote -Recurse | Select-Object -First 3)
        $first.Count | Should -Be 3
        (Get-FtpItem -Session $s -LiteralPath "$($t.Remote)/sub-a/inner.txt").Length | Should -Be 5
    }

    It 'stops a wildcard listing early, and the next one matches again' {
        @(Get-FtpChildItem -Session $s -Path "$($t.Remote)/file-*" | Select-Object -First 2).Count | Should -Be 2
        @(Get-FtpChildItem -Session $s -Path "$($t.Remote)/file-0000*").Count | Should -Be 10
    }
}
