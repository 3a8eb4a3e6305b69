#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0.0' }
# Reliability of downloads when the local disk fills up: a 2 MiB tmpfs (mounted for the test, unmounted afterwards even
# on failure; needs root, as the lab does) receives a 4 MiB file. The error is FtpTools.TransferFailed with the category
# WriteError, nothing stands under the final name, the partial file is deleted (giving the space back) unless
# -IfExists Resume keeps it, and the session stays usable.

BeforeDiscovery {
    Import-Module -Name (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    $labSkip = [bool](Get-FtpLabSkipReason)   # skip where the lab cannot run, except under CI=true
}

BeforeAll {
    Import-Module -Name (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    $manifest = Import-FtpToolsForTest
    $lab = Start-FtpLab -Server 'vsftpd-plain', 'openssh-sftp'
    $plain = $lab.Servers['vsftpd-plain']
    $sftp = $lab.Servers['openssh-sftp']
}

AfterAll {
    Get-FtpSession | Disconnect-FtpServer
    Stop-FtpLab -Lab $lab
}

Describe 'A download onto a full local disk (<_>)' -ForEach 'FTP', 'SFTP' -Skip:$labSkip {
    BeforeAll {
        if ($_ -eq 'SFTP') {
            $s = Connect-FtpServer -ComputerName $sftp.host -Port ([int]$sftp.port) -Protocol Sftp -Credential (New-TestCredential -Server $sftp) `
                -HostKeyFingerprint @($sftp.hostKeys | ForEach-Object { [string]$_.fingerprint })
            $remote = [string]$sftp.remoteRootDirectory + '/' + (New-UniqueName -Prefix 'full') + '.bin'
            $onDisk = $remote
        }
        else {
            $s = Connect-LabServer -Server $plain
            $remote = '/' + (New-UniqueName -Prefix 'full') + '.bin'
            $onDisk = Get-ServerPath -Server $plain -RemotePath $remote
        }
        New-RandomFile -Path $onDisk -Size 4MB | Out-Null
        $small = New-Item -ItemType Directory -Path (Join-Path $TestDrive (New-UniqueName -Prefix 'tmpfs'))
        & mount -t tmpfs -o size=2m tmpfs $small.FullName
        if ($LASTEXITCODE -ne 0) { throw "mount -t tmpfs failed (exit code $LASTEXITCODE); the test needs root." }
        $final = Join-Path $small.FullName (Split-Path -Leaf $remote)
        $partial = $final + '.ftptools-partial'
    }
    AfterAll {
        Disconnect-FtpServer -Session $s
        & umount $small.FullName
        Remove-Item -LiteralPath $onDisk -Force -ErrorAction SilentlyContinue
    }

    It 'fails with FtpTools.TransferFailed (WriteError), names the full disk and deletes the partial file' {
        $failure = $null
        Receive-FtpItem -Session $s -LiteralPath $remote -Destination $small.FullName -IfExists Overwrite -ErrorVariable failure -ErrorAction SilentlyContinue
        @($failure).Count | Should -Be 1
        $failure[0].FullyQualifiedErrorId | Should -BeLike 'FtpTools.TransferFailed,*'
        $failure[0].CategoryInfo.Category | Should -Be 'WriteError'
        $failure[0].Exception.Message | Should -Match 'No space left on device|disk is full'
        Test-Path -LiteralPath $final | Should -BeFalse
        Test-Path -LiteralPath $partial | Should -BeFalse -Because 'deleting the partial file gives the space back'
        $s.IsConnected | Should -BeTrue
        (Get-FtpItem -Session $s -LiteralPath $remote).Length | Should -Be 4MB
    }

    It 'with -IfExists Resume keeps the partial file for the next run, and nothing under the final name' {
        $failure = $null
        Receive-FtpItem -Session $s -LiteralPath $remote -Destination $small.FullName -IfExists Resume -ErrorVariable failure -ErrorAction SilentlyContinue
        @($failure).Count | Should -Be 1
        $failure[0].FullyQualifiedErrorId | Should -BeLike 'FtpTools.TransferFailed,*'
        $failure[0].CategoryInfo.Category | Should -Be 'WriteError'
        Test-Path -LiteralPath $final | Should -BeFalse
        (Get-Item -LiteralPath $partial).Length | Should -BeGreaterThan 0
        (Get-Item -LiteralPath $partial).Length | Should -BeLessThan 4MB
        Remove-Item -LiteralPath $partial
    }
}
