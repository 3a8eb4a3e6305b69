#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0.0' }
# Progress in a terminal that never answers: pwsh's console host asks the terminal for the cursor position
# (ESC[6n) when it draws a progress bar and waits up to 2 s for the answer (about 18 s on its first draw). A terminal
# under `script`, or a serial console, never answers. Before the progress bar was throttled as a whole, five 4 KiB
# files took 56 s there and 2000 did not finish in 14 minutes; now a command draws at most one bar, after 1 s at the
# earliest, and a slow draw postpones the next by twenty times its duration.

BeforeDiscovery {
    Import-Module -Name (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    $labSkip = [bool](Get-FtpLabSkipReason)   # skip where the lab cannot run, except under CI=true
}

BeforeAll {
    Import-Module -Name (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    $manifest = Import-FtpToolsForTest
    $lab = Start-FtpLab -Server 'vsftpd-plain'
    $server = $lab.Servers['vsftpd-plain']
    $pwshPath = Get-PwshPath
    $silentPty = Join-Path $PSScriptRoot 'tools/silent-pty.py'
    # Debian's python (the lab's pyftpdlib needs it too); the helper uses its standard library only.
    $python = '/usr/bin/python3'

    $child = Join-Path $TestDrive 'Receive-Tree.ps1'
    Set-Content -LiteralPath $child -Encoding UTF8 -Value @'
param([string] $ModuleManifest, [string] $ComputerName, [int] $Port, [string] $User, [string] $Password,
      [string] $Remote, [string] $Destination, [string] $Progress, [string] $TimingFile)
$ErrorActionPreference = 'Stop'
Import-Module -Name $ModuleManifest
$credential = [pscredential]::new($User, (ConvertTo-SecureString -String $Password -AsPlainText -Force))
$session = Connect-FtpServer -ComputerName $ComputerName -Port $Port -Credential $credential -Encryption None
$ProgressPreference = $Progress
$watch = [System.Diagnostics.Stopwatch]::StartNew()
Receive-FtpItem -Session $session -Path $Remote -Destination $Destination -Recurse
$watch.Stop()
Disconnect-FtpServer -Session $session
Set-Content -LiteralPath $TimingFile -Value $watch.Elapsed.TotalSeconds.ToString([cultureinfo]::InvariantCulture)
'@

    $treeName = New-UniqueName -Prefix 'progress'
    $treeDisk = Get-ServerPath -Server $server -RemotePath "/$treeName"
    New-Item -ItemType Directory -Path $treeDisk | Out-Null
    1..200 | ForEach-Object { New-RandomFile -Path (Join-Path $treeDisk "f$_.bin") -Size 4KB -Seed $_ } | Out-Null

    # Runs the download in a fresh pwsh inside the silent pseudo-terminal; returns the command's own seconds and
    # what the helper saw. A run that outlives $TimeoutSeconds is killed.
    function Invoke-InSilentTerminal([string] $Progress, [int] $TimeoutSeconds = 120) {
        $destination = New-Item -ItemType Directory -Path (Join-Path $TestDrive (New-UniqueName -Prefix 'dest'))
        $timing = Join-Path $TestDrive (New-UniqueName -Prefix 'timing')
        $line = & $python $silentPty $TimeoutSeconds $pwshPath -NoProfile -File $child -ModuleManifest $manifest `
            -ComputerName $server.host -Port $server.port -User $server.user -Password $server.password `
            -Remote "/$treeName" -Destination $destination.FullName -Progress $Progress -TimingFile $timing
        $seconds = if (Test-Path -LiteralPath $timing) { [double]::Parse((Get-Content -LiteralPath $timing -Raw).Trim(), [cultureinfo]::InvariantCulture) } else { $null }
        $files = @(Get-ChildItem -LiteralPath $destination.FullName -Recurse -File).Count
        Write-Host "  silent terminal, ProgressPreference $Progress : $line, Receive-FtpItem $seconds s, $files files"
        [pscustomobject]@{ Line = "$line"; Seconds = $seconds; Files = $files }
    }
}

AfterAll {
    Stop-FtpLab -Lab $lab
}

Describe 'Progress in a terminal that never answers cursor queries' -Skip:$labSkip {
    It 'Receive-FtpItem -Recurse of 200 files of 4 KiB with progress on ends within 40 s of the same run with progress off' {
        $quiet = Invoke-InSilentTerminal -Progress 'SilentlyContinue'
        $quiet.Line | Should -Match '^exit=0 '
        $quiet.Files | Should -Be 200

        $shown = Invoke-InSilentTerminal -Progress 'Continue'
        $shown.Line | Should -Match '^exit=0 ' -Because 'the transfer must end, not wait on the terminal'
        $shown.Files | Should -Be 200
        # One draw (about 18 s there, the first of the process) is the most it may cost; drawing per file, as before,
        # cost about 11 s a file.
        $shown.Seconds | Should -BeLessThan ($quiet.Seconds + 40)
    }
}
