#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0.0' }
# Load: many sessions at once (ForEach-Object -Parallel, one runspace and one session each), each uploading then
# downloading files of random sizes, on explicit FTPS with require_ssl_reuse (vsftpd), explicit FTPS on proftpd, and
# SFTP: no error, every file byte-identical on the server's disk and after download, and the pwsh process's peak
# resident memory reported. The CI run is small enough for about a minute on two cores; the README's figures come from
#   FTPTOOLS_LOAD_FILES=100 FTPTOOLS_LOAD_MAX_BYTES=1048576 pwsh -File tests/Invoke-PesterSuite.ps1 -Path tests/Load.Tests.ps1 -Output Detailed

BeforeDiscovery {
    Import-Module -Name (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    $labSkip = [bool](Get-FtpLabSkipReason)   # skip where the lab cannot run, except under CI=true
    $serverNames = @('vsftpd-explicit', 'proftpd-explicit', 'openssh-sftp')
}

BeforeAll {
    Import-Module -Name (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    $manifest = Import-FtpToolsForTest
    # vsftpd and proftpd pick a random passive port per data connection: 32 sessions at once collide in the default 50.
    $lab = Start-FtpLab -Server 'vsftpd-explicit', 'proftpd-explicit', 'openssh-sftp' -PassivePortCount 500

    function Get-Setting([string] $Name, [long] $Default) {
        $value = [Environment]::GetEnvironmentVariable($Name)
        if ($value) { return [long]$value }
        $Default
    }
    $sessionCount = [int](Get-Setting 'FTPTOOLS_LOAD_SESSIONS' 32)
    $fileCount = [int](Get-Setting 'FTPTOOLS_LOAD_FILES' 8)
    $maxBytes = [int](Get-Setting 'FTPTOOLS_LOAD_MAX_BYTES' (128KB))

    # Peak resident set of this pwsh (VmHWM), in MiB: the high-water mark since the process started.
    function Get-PeakRssMiB {
        $line = Get-Content -LiteralPath '/proc/self/status' | Where-Object { $_ -like 'VmHWM:*' }
        [math]::Round(([long]($line -replace '[^0-9]', '')) / 1024)
    }

    function Get-LoadTarget([object] $Server) {
        if ([string]$Server.encryption -eq 'Ssh') {
            $parameters = @{
                ComputerName       = $Server.host
                Port               = [int]$Server.port
                Protocol           = 'Sftp'
                Credential         = New-TestCredential -Server $Server
                HostKeyFingerprint = @($Server.hostKeys | ForEach-Object { [string]$_.fingerprint })
            }
            $root = [string]$Server.remoteRootDirectory
            return [pscustomobject]@{ Parameters = $parameters; Remote = $root; Disk = $root }
        }
        [pscustomobject]@{ Parameters = (Get-LabConnectParameters -Server $Server); Remote = ''; Disk = (Get-ServerPath -Server $Server -RemotePath '/') }
    }
}

AfterAll {
    Get-FtpSession | Disconnect-FtpServer
    Stop-FtpLab -Lab $lab
}

Describe 'Load on <_>' -ForEach $serverNames -Skip:($labSkip -or $PSVersionTable.PSEdition -ne 'Core') {
    BeforeAll {
        $server = $lab.Servers[$_]
        $target = Get-LoadTarget -Server $server
        $runName = New-UniqueName -Prefix 'load'
        $work = New-Item -ItemType Directory -Path (Join-Path $TestDrive $runName)
    }
    AfterAll {
        Remove-Item -LiteralPath (Join-Path $target.Disk $runName) -Recurse -Force -ErrorAction SilentlyContinue
        Remove-Item -LiteralPath $work.FullName -Recurse -Force -ErrorAction SilentlyContinue
    }

    It 'parallel sessions upload then download every file byte-identical, without one error' -Skip:($PSVersionTable.PSEdition -ne 'Core') {
        $remoteRun = $target.Remote + '/' + $runName
        $setupParameters = $target.Parameters
        $setup = Connect-FtpServer @setupParameters
        New-FtpDirectory -Session $setup -Path $remoteRun | Out-Null
        Disconnect-FtpServer -Session $setup
        $watch = [System.Diagnostics.Stopwatch]::StartNew()

        $results = @(1..$sessionCount | ForEach-Object -ThrottleLimit $sessionCount -Parallel {
                $index = $_
                # The messages of the inner exceptions, so that a failure says what the socket or TLS layer saw.
                function Get-InnerText($exception) {
                    $text = ''
                    for ($inner = $exception.InnerException; $null -ne $inner; $inner = $inner.InnerException) { $text += " <- $($inner.GetType().Name): $($inner.Message)" }
                    $text
                }
                $errors = New-Object System.Collections.Generic.List[string]
                $local = Join-Path $using:work.FullName "s$index"
                $up = New-Item -ItemType Directory -Path (Join-Path $local 'up') -Force
                $down = New-Item -ItemType Directory -Path (Join-Path $local 'down') -Force
                $random = New-Object System.Random -ArgumentList $index
                $bytes = 0L
                for ($file = 0; $file -lt $using:fileCount; $file++) {
                    $content = New-Object byte[] ($random.Next(0, $using:maxBytes + 1))
                    $random.NextBytes($content)
                    [System.IO.File]::WriteAllBytes((Join-Path $up.FullName ('f{0:D3}.bin' -f $file)), $content)
                    $bytes += $content.Length
                }
                try {
                    Import-Module -Name $using:manifest
                    $parameters = $using:target.Parameters
                    $remote = $using:remoteRun + "/s$index"
                    $s = Connect-FtpServer @parameters -ErrorAction Stop
                    New-FtpDirectory -Session $s -Path $remote -ErrorAction Stop | Out-Null
                    Get-ChildItem -LiteralPath $up.FullName -File | Send-FtpItem -Session $s -Destination $remote -ErrorVariable +failed -ErrorAction SilentlyContinue -WarningAction SilentlyContinue
                    Get-FtpChildItem -Session $s -LiteralPath $remote -ErrorAction Stop |
                        Receive-FtpItem -Session $s -Destination $down.FullName -ErrorVariable +failed -ErrorAction SilentlyContinue
                    Disconnect-FtpServer -Session $s
                    foreach ($record in @($failed)) { $errors.Add("$($record.FullyQualifiedErrorId): $record$(Get-InnerText $record.Exception)") }
                }
                catch {
                    $errors.Add("$($_.FullyQualifiedErrorId): $_$(Get-InnerText $_.Exception)")
                }
                [pscustomobject]@{ Index = $index; Bytes = $bytes; Errors = $errors.ToArray() }
            })

        $elapsed = $watch.Elapsed.TotalSeconds
        $results.Count | Should -Be $sessionCount
        @($results | ForEach-Object { $_.Errors }) | Should -BeNullOrEmpty
        $checked = 0
        foreach ($result in $results) {
            $local = Join-Path $work.FullName "s$($result.Index)"
            $sent = @(Get-ChildItem -LiteralPath (Join-Path $local 'up') -File)
            $sent.Count | Should -Be $fileCount
            foreach ($file in $sent) {
                $expected = Get-Sha256 -LiteralPath $file.FullName
                $onServer = [System.IO.Path]::Combine($target.Disk, $runName, "s$($result.Index)", $file.Name)
                Get-Sha256 -LiteralPath $onServer | Should -Be $expected -Because "$onServer on the server's disk"
                Get-Sha256 -LiteralPath (Join-Path (Join-Path $local 'down') $file.Name) | Should -Be $expected -Because "the download of $($file.Name)"
                $checked++
            }
        }
        $checked | Should -Be ($sessionCount * $fileCount)
        $megabytes = ($results | Measure-Object -Property Bytes -Sum).Sum / 1MB
        Write-Host ('    {0}: {1} sessions x {2} files (0..{3} KiB), {4:N1} MiB up and down in {5:N1} s ({6:N1} MiB/s each way); pwsh peak RSS {7} MiB' -f
            $server.name, $sessionCount, $fileCount, ($maxBytes / 1KB), $megabytes, $elapsed, ($megabytes / $elapsed), (Get-PeakRssMiB))
    }
}
