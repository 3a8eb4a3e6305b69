#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0.0' }
# Tab completion of remote paths and sessions, as a user meets it at the prompt: TabExpansion2 on a command line typed
# so far, against the lab's vsftpd (FTP) and OpenSSH (SFTP) servers.

BeforeDiscovery {
    Import-Module -Name (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    $labSkip = [bool](Get-FtpLabSkipReason)   # skip where the lab cannot run, except under CI=true
}

BeforeAll {
    Import-Module -Name (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    $manifest = Import-FtpToolsForTest
    $lab = Start-FtpLab -Server 'vsftpd-plain', 'openssh-sftp'
    $ftpServer = $lab.Servers['vsftpd-plain']
    $sftpServer = $lab.Servers['openssh-sftp']

    # The completions offered at the end of a command line, in order.
    function Get-Completion([string] $Line) {
        $result = TabExpansion2 -inputScript $Line -cursorColumn $Line.Length
        @($result.CompletionMatches)
    }

    function Get-CompletionText([string] $Line) { @(Get-Completion $Line | ForEach-Object { $_.CompletionText }) }

    # A new folder under the FTP server's root, made on its disk, with the given files and folders (names ending in '/').
    function New-FtpFolder([string[]] $Entries) {
        $name = New-UniqueName -Prefix 'complete'
        $disk = Get-ServerPath -Server $ftpServer -RemotePath "/$name"
        New-Item -ItemType Directory -Path $disk | Out-Null
        foreach ($entry in $Entries) {
            $path = Join-Path $disk $entry.TrimEnd('/')
            if ($entry.EndsWith('/')) { New-Item -ItemType Directory -Path $path | Out-Null }
            else { [System.IO.File]::WriteAllText($path, 'x') }
        }
        [pscustomobject]@{ Remote = "/$name"; Disk = $disk }
    }

    function Connect-Sftp {
        Connect-FtpServer -ComputerName $sftpServer.host -Port ([int]$sftpServer.port) -Protocol Sftp -Credential (New-TestCredential -Server $sftpServer) `
            -HostKeyFingerprint @($sftpServer.hostKeys | ForEach-Object { [string]$_.fingerprint })
    }
}

AfterAll {
    Get-FtpSession | Disconnect-FtpServer
    Stop-FtpLab -Lab $lab
}

Describe 'Remote path completion without a session' -Skip:$labSkip {
    BeforeAll {
        Get-FtpSession | Disconnect-FtpServer
        $here = New-Item -ItemType Directory -Path (Join-Path ([System.IO.Path]::GetTempPath()) (New-UniqueName -Prefix 'local')) -Force
        [System.IO.File]::WriteAllText((Join-Path $here.FullName 'local-only.txt'), 'x')
        Push-Location -LiteralPath $here.FullName
    }

    AfterAll {
        Pop-Location
        Remove-Item -LiteralPath $here.FullName -Recurse -Force
    }

    It 'offers nothing for <Line>, not local file names' -ForEach @(
        @{ Line = 'Get-FtpChildItem -Path ' }
        @{ Line = 'Get-FtpChildItem -Path ./' }
        @{ Line = 'Get-FtpItem -LiteralPath loc' }
        @{ Line = 'Send-FtpItem -Path ./local-only.txt -Destination ' }
    ) {
        Get-Completion $Line | Should -BeNullOrEmpty
    }

    It 'still completes local files for the local parameters (<Line>)' -ForEach @(
        @{ Line = 'Send-FtpItem -Path ./loc' }
        @{ Line = 'Receive-FtpItem -Path /x -Destination ./loc' }
    ) {
        Get-CompletionText $Line | Should -Contain './local-only.txt'
    }
}

Describe 'Remote path completion on an FTP session' -Skip:$labSkip {
    BeforeAll {
        $ftp = Connect-LabServer -Server $ftpServer -WarningAction SilentlyContinue
        $folder = New-FtpFolder @('a[1].txt', 'sub dir/', "it's here.txt", 'plain.txt', 'inner/', '.hidden')
    }

    AfterAll {
        Disconnect-FtpServer -Session $ftp
    }

    It 'lists the parent of a word without a trailing slash and matches the rest as a prefix' {
        $prefix = $folder.Remote.Substring(0, $folder.Remote.Length - 3)
        $matches = @(Get-Completion "Get-FtpChildItem -Path $prefix" | Where-Object { $_.ToolTip -eq $folder.Remote })
        $matches.Count | Should -Be 1
        $matches[0].CompletionText | Should -Be ($folder.Remote + '/')
        $matches[0].ResultType | Should -Be 'ProviderContainer'
    }

    It 'offers a folder with a trailing slash and quotes a name with a space' {
        $texts = Get-CompletionText "Get-FtpChildItem -Path $($folder.Remote)/"
        $texts | Should -Contain "$($folder.Remote)/inner/"
        $texts | Should -Contain "'$($folder.Remote)/sub dir/'"
        $texts | Should -Contain "'$($folder.Remote)/it''s here.txt'"
        $texts | Should -Contain "$($folder.Remote)/plain.txt"
        $texts | Should -Not -Contain "$($folder.Remote)/.hidden"
    }

    It 'escapes a bracket for -Path, and the completed text names the item' {
        $texts = @(Get-CompletionText "Get-FtpItem -Path $($folder.Remote)/a")
        $texts | Should -Be @("'$($folder.Remote)/a``[1``].txt'")
        (Invoke-Expression ('Get-FtpItem -Path ' + $texts[0])).FullName | Should -Be "$($folder.Remote)/a[1].txt"
    }

    It 'does not escape a bracket for -LiteralPath, and the completed text names the item' {
        $texts = @(Get-CompletionText "Get-FtpItem -LiteralPath $($folder.Remote)/a")
        $texts | Should -Be @("'$($folder.Remote)/a[1].txt'")
        (Invoke-Expression ('Get-FtpItem -LiteralPath ' + $texts[0])).FullName | Should -Be "$($folder.Remote)/a[1].txt"
    }

    It 'completes paths relative to the current directory, and remote -Destination of Move-FtpItem and Send-FtpItem' {
        $ftp.CurrentDirectory | Should -Be '/'
        $relative = $folder.Remote.TrimStart('/')
        Get-CompletionText "Get-FtpItem -Path $relative/pl" | Should -Be @("$relative/plain.txt")
        Get-CompletionText "Move-FtpItem -Path $($folder.Remote)/plain.txt -Destination $($folder.Remote)/in" | Should -Be @("$($folder.Remote)/inner/")
        Get-CompletionText "Send-FtpItem -Path ./x -Destination '$($folder.Remote)/sub" | Should -Be @("'$($folder.Remote)/sub dir/'")
    }

    It 'keeps a listing for a few seconds, then lists the folder again' {
        $cached = New-FtpFolder @('first.txt')
        $started = [DateTime]::UtcNow
        Get-CompletionText "Get-FtpItem -Path $($cached.Remote)/" | Should -Be @("$($cached.Remote)/first.txt")
        [System.IO.File]::WriteAllText((Join-Path $cached.Disk 'second.txt'), 'x')
        Get-CompletionText "Get-FtpItem -Path $($cached.Remote)/" | Should -Be @("$($cached.Remote)/first.txt") -Because 'the folder was listed a moment ago'
        $wait = 5.5 - ([DateTime]::UtcNow - $started).TotalSeconds
        if ($wait -gt 0) { Start-Sleep -Milliseconds ([int]($wait * 1000)) }
        Get-CompletionText "Get-FtpItem -Path $($cached.Remote)/" | Should -Be @("$($cached.Remote)/first.txt", "$($cached.Remote)/second.txt")
    }

    It 'caps what a huge folder offers at 500 entries' {
        $names = @(1..650 | ForEach-Object { 'f{0:D4}.txt' -f $_ })
        $huge = New-FtpFolder $names
        $texts = @(Get-CompletionText "Get-FtpItem -Path $($huge.Remote)/")
        $texts.Count | Should -Be 500
        $texts[0] | Should -Be "$($huge.Remote)/f0001.txt"
    }
}

Describe 'Session completion and the session a completion uses' -Skip:$labSkip {
    BeforeAll {
        $ftp = Connect-LabServer -Server $ftpServer -WarningAction SilentlyContinue
        $folder = New-FtpFolder @('only-on-ftp.txt')
        $sftp = Connect-Sftp
        $sftpFolder = [string]$sftpServer.remoteRootDirectory + '/' + (New-UniqueName -Prefix 'complete')
        New-FtpDirectory -Session $sftp -Path $sftpFolder | Out-Null
        New-FtpDirectory -Session $sftp -Path "$sftpFolder/only on sftp" | Out-Null
    }

    AfterAll {
        Disconnect-FtpServer -Session $ftp, $sftp
    }

    It 'uses the latest session when no -Session is typed (here SFTP)' {
        Get-CompletionText "Get-FtpChildItem -Path $sftpFolder/" | Should -Be @("'$sftpFolder/only on sftp/'")
        Get-CompletionText "Get-FtpChildItem -Path $($folder.Remote)/" | Should -BeNullOrEmpty
    }

    It 'uses the session typed in -Session' {
        Get-CompletionText "Get-FtpChildItem -Session `$ftp -Path $($folder.Remote)/" | Should -Be @("$($folder.Remote)/only-on-ftp.txt")
        Get-CompletionText "Remove-FtpItem -Session `$sftp -LiteralPath $sftpFolder/o" | Should -Be @("'$sftpFolder/only on sftp/'")
    }

    It 'offers nothing when -Session is an expression it cannot evaluate while typing' {
        # The latest session (SFTP) has this folder: it must not be listed in place of the session typed.
        Get-CompletionText "Get-FtpChildItem -Session (Get-FtpSession -Id $($ftp.Id)) -Path $sftpFolder/" | Should -BeNullOrEmpty
        Get-CompletionText "Get-FtpChildItem -Sess (Get-FtpSession -Id $($ftp.Id)) -Path $sftpFolder/" | Should -BeNullOrEmpty
    }

    It 'completes Get-FtpSession -Id with the open sessions, the server in the tooltip' {
        $completions = Get-Completion 'Get-FtpSession -Id '
        @($completions | ForEach-Object { $_.CompletionText }) | Should -Be @("$($ftp.Id)", "$($sftp.Id)")
        $completions[1].ToolTip | Should -Be $sftp.ToString()
    }

    It 'completes -Session with an expression for each open session and the variables that hold one' {
        $texts = Get-CompletionText 'Get-FtpChildItem -Session '
        $texts | Should -Contain "(Get-FtpSession -Id $($ftp.Id))"
        $texts | Should -Contain "(Get-FtpSession -Id $($sftp.Id))"
        $texts | Should -Contain '$sftp'
        Get-CompletionText 'Disconnect-FtpServer -Session ' | Should -Contain "(Get-FtpSession -Id $($sftp.Id))"
    }
}
