#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0.0' }
# What an admin pipes: items bound literally, paths as strings, script-block names, folders shaped like Get-ChildItem's,
# true -WhatIf texts, output objects that never lead to the password, and the small things (positional session, views).

BeforeDiscovery {
    Import-Module -Name (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    $labSkip = [bool](Get-FtpLabSkipReason)   # skip where the lab cannot run, except under CI=true
}

BeforeAll {
    Import-Module -Name (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    $manifest = Import-FtpToolsForTest
    $lab = Start-FtpLab -Server 'vsftpd-plain', 'proftpd-plain'
    $server = $lab.Servers['vsftpd-plain']
    $proftpd = $lab.Servers['proftpd-plain']
    $s = Connect-LabServer -Server $server

    # A remote directory made through the server (so it may write there) holding '[ab].csv', 'a.csv', 'b.csv' and 'sub/'.
    function New-BracketTree {
        $remote = '/' + (New-UniqueName -Prefix 'pipe')
        New-FtpDirectory -Session $s -Path "$remote/sub" | Out-Null
        $disk = Get-ServerPath -Server $server -RemotePath $remote
        foreach ($name in '[ab].csv', 'a.csv', 'b.csv') { [System.IO.File]::WriteAllText([System.IO.Path]::Combine($disk, $name), $name) }
        [pscustomobject]@{ Remote = $remote; Disk = $disk }
    }

    function Get-DiskNames([string] $Path) {
        @(Get-ChildItem -LiteralPath $Path -Force | ForEach-Object { $_.Name } | Sort-Object)
    }

    # What -WhatIf writes to the host, which no stream redirection captures: a transcript does. Returns the text and the output.
    function Invoke-WithTranscript([scriptblock] $Script) {
        $file = Join-Path $TestDrive ((New-UniqueName -Prefix 'whatif') + '.txt')
        Start-Transcript -LiteralPath $file -Force | Out-Null
        try { $output = @(& $Script) } finally { Stop-Transcript | Out-Null }
        [pscustomobject]@{ Text = (Get-Content -LiteralPath $file -Raw); Output = $output }
    }
}

AfterAll {
    Get-FtpSession | Disconnect-FtpServer
    Stop-FtpLab -Lab $lab
}

Describe 'Piped FtpItems bind to -LiteralPath on every cmdlet that takes items' -Skip:$labSkip {
    It 'Move-FtpItem moves a piped "[ab].csv" and leaves a.csv and b.csv alone' {
        $t = New-BracketTree
        Get-FtpItem -Session $s -LiteralPath "$($t.Remote)/[ab].csv" | Move-FtpItem -Destination "$($t.Remote)/sub"
        Get-DiskNames $t.Disk | Should -Be @('a.csv', 'b.csv', 'sub')
        Get-DiskNames (Join-Path $t.Disk 'sub') | Should -Be @('[ab].csv')
    }

    It 'Move-FtpItem -LiteralPath takes brackets literally' {
        $t = New-BracketTree
        Move-FtpItem -Session $s -LiteralPath "$($t.Remote)/[ab].csv" -Destination "$($t.Remote)/sub/"
        Get-DiskNames (Join-Path $t.Disk 'sub') | Should -Be @('[ab].csv')
        Get-DiskNames $t.Disk | Should -Be @('a.csv', 'b.csv', 'sub')
    }

    It 'Rename-FtpItem renames a piped "[ab].csv" and -LiteralPath takes brackets literally' {
        $t = New-BracketTree
        Get-FtpItem -Session $s -LiteralPath "$($t.Remote)/[ab].csv" | Rename-FtpItem -NewName 'ab.csv'
        Get-DiskNames $t.Disk | Should -Be @('a.csv', 'ab.csv', 'b.csv', 'sub')
        Rename-FtpItem -Session $s -LiteralPath "$($t.Remote)/a.csv" -NewName '[a].csv'
        Get-DiskNames $t.Disk | Should -Be @('[a].csv', 'ab.csv', 'b.csv', 'sub')
    }

    It 'Rename-FtpItem -Path with a wildcard that matches several items renames nothing and says so' {
        $t = New-BracketTree
        Rename-FtpItem -Session $s -Path "$($t.Remote)/?.csv" -NewName 'x.csv' -ErrorAction SilentlyContinue -ErrorVariable ev
        $ev[0].FullyQualifiedErrorId | Should -BeLike 'FtpTools.InvalidArgument,*'
        $ev[0].Exception.Message | Should -Match 'matches 2 items'
        Get-DiskNames $t.Disk | Should -Be @('[ab].csv', 'a.csv', 'b.csv', 'sub')
    }

    It '<Cmdlet> acts on the piped "[ab].csv" only' -ForEach @(
        @{ Cmdlet = 'Get-FtpItem' }
        @{ Cmdlet = 'Test-FtpPath' }
        @{ Cmdlet = 'Get-FtpChildItem' }
        @{ Cmdlet = 'Remove-FtpItem' }
        @{ Cmdlet = 'Receive-FtpItem' }
    ) {
        $t = New-BracketTree
        $dest = New-Item -ItemType Directory -Path (Join-Path $TestDrive (New-UniqueName -Prefix 'dest'))
        $item = Get-FtpItem -Session $s -LiteralPath "$($t.Remote)/[ab].csv"
        $extra = if ($Cmdlet -eq 'Receive-FtpItem') { @{ Destination = $dest.FullName } } else { @{} }
        $result = @($item | & $Cmdlet @extra)
        switch ($Cmdlet) {
            'Get-FtpItem' { $result.Name | Should -Be '[ab].csv' }
            'Test-FtpPath' { $result | Should -Be @($true) }
            'Get-FtpChildItem' { $result.Name | Should -Be '[ab].csv' }
            'Remove-FtpItem' { Get-DiskNames $t.Disk | Should -Be @('a.csv', 'b.csv', 'sub') }
            'Receive-FtpItem' { Get-DiskNames $dest.FullName | Should -Be @('[ab].csv') }
        }
    }

    It 'Get-FtpFileHash hashes a piped "[ab].csv" only (ProFTPD)' {
        $p = Connect-LabServer -Server $proftpd
        try {
            $remote = '/' + (New-UniqueName -Prefix 'hashpipe')
            New-FtpDirectory -Session $p -Path $remote | Out-Null
            $disk = Get-ServerPath -Server $proftpd -RemotePath $remote
            foreach ($name in '[ab].csv', 'a.csv', 'b.csv') { [System.IO.File]::WriteAllText([System.IO.Path]::Combine($disk, $name), $name) }
            $hashes = @(Get-FtpItem -Session $p -LiteralPath "$remote/[ab].csv" | Get-FtpFileHash)
            $hashes.Count | Should -Be 1
            $hashes[0].Path | Should -Be "$remote/[ab].csv"
        }
        finally { Disconnect-FtpServer -Session $p }
    }
}

Describe '-Path takes plain strings from the pipeline' -Skip:$labSkip {
    It '''/dir'' | Get-FtpChildItem lists the directory' {
        $t = New-BracketTree
        ("$($t.Remote)" | Get-FtpChildItem -Session $s).Name | Sort-Object | Should -Be @('[ab].csv', 'a.csv', 'b.csv', 'sub')
    }

    It 'path strings pipe to Remove-FtpItem, Test-FtpPath and New-FtpDirectory' {
        $t = New-BracketTree
        "$($t.Remote)/a.csv" | Remove-FtpItem -Session $s
        "$($t.Remote)/a.csv", "$($t.Remote)/b.csv" | Test-FtpPath -Session $s | Should -Be @($false, $true)
        "$($t.Remote)/new1", "$($t.Remote)/new2" | New-FtpDirectory -Session $s | Out-Null
        Get-DiskNames $t.Disk | Should -Be @('[ab].csv', 'b.csv', 'new1', 'new2', 'sub')
    }

    It 'a piped session still binds to -Session and is not taken for a path' {
        $t = New-BracketTree
        $own = Connect-LabServer -Server $server
        try {
            ($own | Get-FtpChildItem -Path $t.Remote).Name | Should -Contain 'sub'
            @($own | Get-FtpChildItem -ErrorAction Stop).Count | Should -BeGreaterThan 0
            $own | Get-FtpItem -ErrorAction SilentlyContinue -ErrorVariable ev | Should -BeNullOrEmpty
            $ev[0].FullyQualifiedErrorId | Should -BeLike 'FtpTools.InvalidArgument,*'
        }
        finally { Disconnect-FtpServer -Session $own }
    }
}

Describe 'Rename-FtpItem -NewName takes a script block per piped item' -Skip:$labSkip {
    It 'Get-FtpChildItem | Rename-FtpItem -NewName { $_.Name + ''.done'' }' {
        $t = New-BracketTree
        Get-FtpChildItem -Session $s -Path $t.Remote -File | Rename-FtpItem -NewName { $_.Name + '.done' }
        Get-DiskNames $t.Disk | Should -Be @('[ab].csv.done', 'a.csv.done', 'b.csv.done', 'sub')
    }

    It 'refuses a script block result that is not a plain name' {
        $t = New-BracketTree
        Get-FtpItem -Session $s -LiteralPath "$($t.Remote)/a.csv" | Rename-FtpItem -NewName { '../' + $_.Name } -ErrorAction SilentlyContinue -ErrorVariable ev
        $ev[0].FullyQualifiedErrorId | Should -BeLike 'FtpTools.InvalidArgument,*'
        Get-DiskNames $t.Disk | Should -Be @('[ab].csv', 'a.csv', 'b.csv', 'sub')
    }
}

Describe 'Folders look like Get-ChildItem''s, and -WhatIf says what would happen' -Skip:$labSkip {
    It 'a folder has no Length and items carry PSIsContainer' {
        $t = New-BracketTree
        $items = Get-FtpChildItem -Session $s -Path $t.Remote
        $sub = $items | Where-Object Name -eq 'sub'
        $sub.Length | Should -BeNullOrEmpty
        $sub.PSIsContainer | Should -BeTrue
        ($items | Where-Object Name -eq 'a.csv').PSIsContainer | Should -BeFalse
        ($items | Where-Object Name -eq 'a.csv').Length | Should -Be 5
    }

    It 'items carry Mode and DirectoryName as Get-ChildItem''s do, and the table groups by folder with them' {
        $t = New-BracketTree
        [System.IO.File]::WriteAllText([System.IO.Path]::Combine($t.Disk, 'sub', 'c.csv'), 'c')
        $items = @(Get-FtpChildItem -Session $s -Path $t.Remote -Recurse)
        ($items | Where-Object Name -eq 'sub').Mode | Should -Match '^d[rwxsStT-]{9}$'
        ($items | Where-Object Name -eq 'a.csv').Mode | Should -Match '^-[rwxsStT-]{9}$'
        ($items | Where-Object Name -eq 'a.csv').DirectoryName | Should -Be $t.Remote
        $inSub = @($items | Where-Object { $_.FullName.StartsWith($t.Remote + '/sub/') })
        $inSub.Count | Should -BeGreaterThan 0
        $inSub | ForEach-Object { $_.DirectoryName | Should -Be ($t.Remote + '/sub') }
        $table = $items | Format-Table | Out-String -Width 120
        $table | Should -Match ('Directory: ' + [regex]::Escape($t.Remote) + '\s')
        $table | Should -Match ('Directory: ' + [regex]::Escape($t.Remote + '/sub') + '\s')
        $table | Should -Match '(?m)^-[rwxsStT-]{9} +\S+ +\S+( [AP]M)? +5 a\.csv\s*$'
    }

    It 'Where-Object Length -gt 1kb picks no folder' {
        $t = New-BracketTree
        [System.IO.File]::WriteAllBytes((Join-Path $t.Disk 'big.bin'), (New-Object byte[] 5000))
        (Get-FtpChildItem -Session $s -Path $t.Remote | Where-Object Length -gt 1kb).Name | Should -Be 'big.bin'
    }

    It '-WhatIf says "Remove empty directory" only for an empty one, and "everything in it" with -Recurse' {
        $t = New-BracketTree
        $text = (Invoke-WithTranscript {
            Remove-FtpItem -Session $s -LiteralPath "$($t.Remote)/sub" -WhatIf
            Remove-FtpItem -Session $s -LiteralPath $t.Remote -Recurse -WhatIf
        }).Text
        $text | Should -Match ([regex]::Escape('"Remove empty directory" on target "' + $t.Remote + '/sub"'))
        $text | Should -Match ([regex]::Escape('"Remove directory and everything in it (4 entries at its top level: [ab].csv, a.csv, b.csv, sub)" on target "' + $t.Remote + '"'))
        Get-DiskNames $t.Disk | Should -Be @('[ab].csv', 'a.csv', 'b.csv', 'sub')
    }

    It 'a full folder without -Recurse gets FtpTools.DirectoryNotEmpty naming -Recurse, even with -WhatIf, and nothing is removed' {
        $t = New-BracketTree
        $run = Invoke-WithTranscript {
            Remove-FtpItem -Session $s -LiteralPath $t.Remote -WhatIf -ErrorAction SilentlyContinue -ErrorVariable whatIfErrors
            $whatIfErrors | ForEach-Object { $_.FullyQualifiedErrorId }
        }
        $run.Text | Should -Not -Match 'Remove empty directory'
        $run.Output | Should -BeLike 'FtpTools.DirectoryNotEmpty,*'
        Remove-FtpItem -Session $s -LiteralPath $t.Remote -ErrorAction SilentlyContinue -ErrorVariable ev
        $ev[0].FullyQualifiedErrorId | Should -BeLike 'FtpTools.DirectoryNotEmpty,*'
        $ev[0].CategoryInfo.Category | Should -Be ([System.Management.Automation.ErrorCategory]::InvalidOperation)
        $ev[0].Exception.Message | Should -Match '-Recurse'
        Test-Path -LiteralPath $t.Disk | Should -BeTrue
    }
}

Describe 'No output object leads to the password or the engine' -Skip:$labSkip {
    BeforeAll {
        $password = [string]$server.password
        $t = New-BracketTree
        $local = New-RandomFile -Path (Join-Path $TestDrive 'secret-check.bin') -Size 100
        $dest = New-Item -ItemType Directory -Path (Join-Path $TestDrive 'secret-dest')
        $p = Connect-LabServer -Server $proftpd
        $loginError = $null
        try { Connect-LabServer -Server $server -With @{ Credential = (New-TestCredential -Server $server -Password "$password-wrong") } -ErrorAction Stop } catch { $loginError = $_ }
        $outputs = [ordered]@{
            Session          = $s
            SessionList      = @(Get-FtpSession)
            FileItem         = Get-FtpItem -Session $s -LiteralPath "$($t.Remote)/a.csv"
            DirectoryItem    = Get-FtpItem -Session $s -LiteralPath "$($t.Remote)/sub"
            ChildItems       = @(Get-FtpChildItem -Session $s -Path $t.Remote)
            NewDirectory     = New-FtpDirectory -Session $s -Path "$($t.Remote)/made"
            SentItem         = Send-FtpItem -Session $s -LiteralPath $local.FullName -Destination $t.Remote -PassThru
            Hash             = $null
            CommandResult    = Invoke-FtpCommand -Session $s -Command 'NOOP'
            TestResult       = Test-FtpPath -Session $s -LiteralPath $t.Remote
            MovedItem        = Move-FtpItem -Session $s -LiteralPath "$($t.Remote)/b.csv" -Destination "$($t.Remote)/sub" -PassThru
            RenamedItem      = Rename-FtpItem -Session $s -LiteralPath "$($t.Remote)/[ab].csv" -NewName 'c.csv' -PassThru
        }
        $hashFile = '/' + (New-UniqueName -Prefix 'secret-hash') + '.bin'
        New-RandomFile -Path (Get-ServerPath -Server $proftpd -RemotePath $hashFile) -Size 10 | Out-Null
        $outputs.Hash = Get-FtpFileHash -Session $p -LiteralPath $hashFile
        # Receive-FtpItem -PassThru returns System.IO.FileInfo (checked below): a .NET type that serializes into the whole
        # provider and type system at depth 10, and that holds nothing of the session.
        $received = Receive-FtpItem -Session $s -LiteralPath "$($t.Remote)/a.csv" -Destination $dest.FullName -PassThru
    }
    AfterAll { Disconnect-FtpServer -Session $p }

    It 'the session has no Client, Options or credential member' {
        $names = $s.PSObject.Properties.Name
        $names | Should -Not -Contain 'Client'
        $names | Should -Not -Contain 'Options'
        $names | Should -Not -Contain 'Credential'
        $names | Should -Not -Contain 'FileSystem'
    }

    It 'every output object (<_>) is there to be checked' -ForEach @('Session', 'FileItem', 'DirectoryItem', 'NewDirectory', 'SentItem', 'Hash', 'CommandResult', 'MovedItem', 'RenamedItem') {
        $outputs[$_] | Should -Not -BeNullOrEmpty
    }

    It 'Receive-FtpItem -PassThru returns a plain FileInfo that knows nothing of the session' {
        $received | Should -BeOfType ([System.IO.FileInfo])
        $received.PSObject.Properties.Name | Should -Not -Contain 'Session'
        ($received | Format-List * | Out-String) | Should -Not -Match ([regex]::Escape($password))
    }

    It 'ConvertTo-Json -Depth 10 of every output object never contains the password' {
        foreach ($key in $outputs.Keys) {
            $json = ConvertTo-Json -InputObject $outputs[$key] -Depth 10 -WarningAction SilentlyContinue
            $json | Should -Not -Match ([regex]::Escape($password)) -Because "$key must not lead to the password"
            $json | Should -Not -Match '"Options"|"Credential"|"SecurePassword"' -Because "$key must not lead to the engine"
        }
    }

    It 'Export-Clixml -Depth 10 of every output object never contains the password' {
        foreach ($key in $outputs.Keys) {
            $file = Join-Path $TestDrive "$key.clixml"
            Export-Clixml -InputObject $outputs[$key] -LiteralPath $file -Depth 10
            Get-Content -LiteralPath $file -Raw | Should -Not -Match ([regex]::Escape($password)) -Because "$key must not lead to the password"
        }
    }

    It 'the error record of a failed login never contains the password' {
        # An ErrorRecord at depth 10 serializes its InvocationInfo (the whole command and module graph): default depth here.
        $loginError | Should -Not -BeNullOrEmpty
        $file = Join-Path $TestDrive 'login-error.clixml'
        Export-Clixml -InputObject $loginError -LiteralPath $file
        Get-Content -LiteralPath $file -Raw | Should -Not -Match ([regex]::Escape($password))
        ($loginError | Format-List * -Force | Out-String) | Should -Not -Match ([regex]::Escape($password))
        ($loginError.Exception | Format-List * -Force | Out-String) | Should -Not -Match ([regex]::Escape($password))
    }
}

Describe 'Small things' -Skip:$labSkip {
    It 'Disconnect-FtpServer takes the session by position' {
        $own = Connect-LabServer -Server $server
        Disconnect-FtpServer $own
        $own.IsConnected | Should -BeFalse
        (Get-FtpSession).Id | Should -Not -Contain $own.Id
    }

    It 'the Get-FtpFileHash table shows the whole hash' {
        $p = Connect-LabServer -Server $proftpd
        try {
            $name = '/' + (New-UniqueName -Prefix 'view') + '.bin'
            $file = New-RandomFile -Path (Get-ServerPath -Server $proftpd -RemotePath $name) -Size 1000
            $hash = Get-FtpFileHash -Session $p -Path $name
            ($hash | Format-Table | Out-String -Width 120) | Should -Match $hash.Hash
            $sha512 = Get-FtpFileHash -Session $p -Path $name -Algorithm SHA512
            # A SHA-512 hash is wider than the column: it wraps onto a second line of the Hash column, and nothing is cut.
            $table = $sha512 | Format-Table | Out-String -Width 120
            $table | Should -Match $sha512.Hash.Substring(0, 64)
            $table | Should -Match $sha512.Hash.Substring(64)
            $table | Should -Not -Match '\.\.\.|\u2026'
            $hash.Hash | Should -Be (Get-FileHash -LiteralPath $file.FullName).Hash
        }
        finally { Disconnect-FtpServer -Session $p }
    }

    It 'Receive-FtpItem -PassThru returns the file as Get-Item does, with the usual view' {
        $t = New-BracketTree
        $dest = New-Item -ItemType Directory -Path (Join-Path $TestDrive (New-UniqueName -Prefix 'passthru'))
        $file = Receive-FtpItem -Session $s -LiteralPath "$($t.Remote)/a.csv" -Destination $dest.FullName -PassThru
        $file | Should -BeOfType ([System.IO.FileInfo])
        $file.PSParentPath | Should -Be (Get-Item -LiteralPath (Join-Path $dest.FullName 'a.csv')).PSParentPath
        $file.PSChildName | Should -Be 'a.csv'
        ($file | Out-String) | Should -Be (Get-Item -LiteralPath (Join-Path $dest.FullName 'a.csv') | Out-String)
    }

    It 'progress sizes are labelled in binary units (MiB)' {
        [FtpTools.Engine.Planning.TransferStatusText]::FormatBytes(5MB) | Should -Be '5.0 MiB'
        [FtpTools.Engine.Planning.TransferStatusText]::DescribeBatch(1, 2, 1KB, 3GB) | Should -Be 'File 1 of 2, 1.0 KiB of 3.0 GiB'
    }

    It 'uploads to a server that cannot keep modification times warn once per command (vsftpd)' {
        $t = New-BracketTree
        $folder = New-Item -ItemType Directory -Path (Join-Path $TestDrive (New-UniqueName -Prefix 'times'))
        1..3 | ForEach-Object { New-RandomFile -Path (Join-Path $folder.FullName "t$_.bin") -Size 10 -Seed $_ } | Out-Null
        Get-ChildItem -LiteralPath $folder.FullName -File | Send-FtpItem -Session $s -Destination $t.Remote -WarningVariable warnings -WarningAction SilentlyContinue
        @($warnings | Where-Object { "$_" -like '*FtpTools.ModificationTimeNotKept*' }).Count | Should -Be 1
        "$($warnings[0])" | Should -Match 'does not support setting modification times'
    }

    It 'says "does not support" for hashes, as the help does' {
        $name = '/' + (New-UniqueName -Prefix 'nohash') + '.txt'
        Set-Content -LiteralPath (Get-ServerPath -Server $server -RemotePath $name) -Value 'x'
        $err = $null
        try { Get-FtpFileHash -Session $s -Path $name -ErrorAction Stop } catch { $err = $_ }
        $err.Exception.Message | Should -Match 'does not support file hashes'
        (Get-Help Get-FtpFileHash -Full | Out-String) | Should -Match 'does not support file hashes'
    }
}
