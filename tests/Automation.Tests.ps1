#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0.0' }
# Unattended use: a scheduled-task style script run with -NonInteractive -File, and an Azure Automation style runbook.

BeforeDiscovery {
    Import-Module -Name (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    $labSkip = [bool](Get-FtpLabSkipReason)   # skip where the lab cannot run, except under CI=true
    # The scheduled task runs pwsh. In PowerShell 7 that is the current executable; in Windows PowerShell 5.1 pwsh must be installed.
    $noPwsh = -not (Get-PwshPath)
}

BeforeAll {
    Import-Module -Name (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    $manifest = Import-FtpToolsForTest
    $lab = Start-FtpLab -Server 'vsftpd-explicit'
    $server = $lab.Servers['vsftpd-explicit']
    $pwshPath = Get-PwshPath

    $taskScript = Join-Path $TestDrive 'Publish-Exports.ps1'
    Set-Content -LiteralPath $taskScript -Encoding UTF8 -Value @'
# Scheduled task: pwsh.exe -NonInteractive -NoProfile -File Publish-Exports.ps1 -ComputerName ... -CredentialPath ...
param(
    [Parameter(Mandatory)] [string] $ModuleManifest,
    [Parameter(Mandatory)] [string] $ComputerName,
    [int] $Port = 0,
    [Parameter(Mandatory)] [string] $CredentialPath,
    [Parameter(Mandatory)] [string] $Thumbprint,
    [Parameter(Mandatory)] [string] $SourceFolder,
    [Parameter(Mandatory)] [string] $RemoteFolder
)
$ErrorActionPreference = 'Stop'
$ProgressPreference = 'SilentlyContinue'
try {
    Import-Module -Name $ModuleManifest
    $credential = Import-Clixml -Path $CredentialPath
    $session = Connect-FtpServer -ComputerName $ComputerName -Port $Port -Credential $credential -CertificateThumbprint $Thumbprint
    try {
        New-FtpDirectory -Session $session -Path $RemoteFolder | Out-Null
        Get-ChildItem -LiteralPath $SourceFolder -File | Send-FtpItem -Session $session -Destination $RemoteFolder
        $count = @(Get-FtpChildItem -Session $session -Path $RemoteFolder -File).Count
        Write-Output "uploaded=$count"
    }
    finally {
        Disconnect-FtpServer -Session $session
    }
    exit 0
}
catch {
    Write-Output "failed=$($_.FullyQualifiedErrorId)"
    exit 1
}
'@

    $runbook = Join-Path $TestDrive 'Get-PartnerFiles.Runbook.ps1'
    Set-Content -LiteralPath $runbook -Encoding UTF8 -Value @'
<#
    Azure Automation runbook. Import the FtpTools module into the Automation account and create
    a credential asset (default name 'PartnerFtp'). Nothing in this runbook prompts.
#>
param(
    [Parameter(Mandatory)] [string] $ComputerName,
    [int] $Port = 0,
    [string] $CredentialName = 'PartnerFtp',
    [Parameter(Mandatory)] [string] $Thumbprint,
    [string] $RemoteFolder = '/'
)
$ErrorActionPreference = 'Stop'
$ProgressPreference = 'SilentlyContinue'
$credential = Get-AutomationPSCredential -Name $CredentialName
$session = Connect-FtpServer -ComputerName $ComputerName -Port $Port -Credential $credential -CertificateThumbprint $Thumbprint
try {
    Get-FtpChildItem -Session $session -Path $RemoteFolder -File |
        Select-Object -Property Name, Length, LastWriteTime
}
finally {
    Disconnect-FtpServer -Session $session
}
'@
}

AfterAll {
    Get-FtpSession | Disconnect-FtpServer
    Stop-FtpLab -Lab $lab
}

Describe 'Scheduled task (pwsh -NonInteractive -NoProfile -File)' -Skip:($labSkip -or $noPwsh) {
    BeforeAll {
        $source = New-Item -ItemType Directory -Path (Join-Path $TestDrive 'exports')
        1..3 | ForEach-Object { New-RandomFile -Path (Join-Path $source.FullName "export$_.csv") -Size 4KB -Seed $_ } | Out-Null
        $credPath = Join-Path $TestDrive 'ftp.cred.xml'
        New-TestCredential -Server $server | Export-Clixml -Path $credPath
        $common = @(
            '-NonInteractive', '-NoProfile', '-File', $taskScript,
            '-ModuleManifest', $manifest, '-ComputerName', $server.host, '-Port', $server.port,
            '-Thumbprint', $server.certificateSha256, '-SourceFolder', $source.FullName
        )
    }

    It 'uploads with a credential from Export-Clixml and exits 0' {
        $remote = '/' + (New-UniqueName -Prefix 'task')
        $output = & $pwshPath @common -CredentialPath $credPath -RemoteFolder $remote
        $LASTEXITCODE | Should -Be 0
        $output | Should -Contain 'uploaded=3'
        @(Get-ChildItem -LiteralPath (Get-ServerPath -Server $server -RemotePath $remote) -File).Count | Should -Be 3
    }

    It 'exits 1 and reports FtpTools.LoginFailed for a wrong password, without prompting' {
        $badCred = Join-Path $TestDrive 'bad.cred.xml'
        New-TestCredential -Server $server -Password 'wrong' | Export-Clixml -Path $badCred
        $output = & $pwshPath @common -CredentialPath $badCred -RemoteFolder '/never'
        $LASTEXITCODE | Should -Be 1
        ($output -join "`n") | Should -Match 'failed=FtpTools\.LoginFailed'
    }

    It 'fails instead of prompting when a mandatory parameter is missing' {
        $output = & $pwshPath -NonInteractive -NoProfile -File $taskScript -ModuleManifest $manifest 2>&1
        $LASTEXITCODE | Should -Not -Be 0
    }
}

Describe 'Azure Automation runbook' -Skip:$labSkip {
    BeforeAll {
        # Azure Automation provides Get-AutomationPSCredential in its sandbox; here it returns the lab credential,
        # built without a prompt the same way a credential asset is.
        $asset = New-TestCredential -Server $server
        $stub = {
            param([Parameter(Mandatory)] [string] $Name)
            if ($Name -ne 'PartnerFtp') { throw "Credential asset '$Name' not found." }
            $asset
        }.GetNewClosure()
        Set-Item -Path Function:\global:Get-AutomationPSCredential -Value $stub
        Set-Content -LiteralPath (Get-ServerPath -Server $server -RemotePath '/runbook-check.txt') -Value 'runbook'
    }
    AfterAll { Remove-Item -Path Function:\global:Get-AutomationPSCredential -ErrorAction SilentlyContinue }

    It 'lists the remote folder with a credential asset and disconnects' {
        $before = @(Get-FtpSession).Count
        $files = & $runbook -ComputerName $server.host -Port $server.port -Thumbprint $server.certificateSha256 -RemoteFolder '/'
        $files.Name | Should -Contain 'runbook-check.txt'
        @(Get-FtpSession).Count | Should -Be $before
    }

    It 'contains nothing that could prompt' {
        $text = Get-Content -LiteralPath $runbook -Raw
        $text | Should -Not -Match 'Get-Credential|Read-Host'
    }
}
