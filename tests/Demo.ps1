<#
.SYNOPSIS
    The demo transfer that tests/lab/setup.sh and build.ps1 -Task Demo run: start the lab's vsftpd-explicit server,
    connect with the certificate pinned, upload, list, download, compare Get-FileHash, disconnect, stop the lab.
    When it worked, the last line is 'Demo transfer OK' and the exit code 0; otherwise the exit code is 1.
.EXAMPLE
    pwsh -NoProfile -NonInteractive -File tests/Demo.ps1
#>
[CmdletBinding()]
param(
    [long] $SizeBytes = 5MB
)

$ErrorActionPreference = 'Stop'
$ProgressPreference = 'SilentlyContinue'

Import-Module -Name (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
$manifest = Import-FtpToolsForTest
Write-Host "Module:  $manifest"

$work = Join-Path ([System.IO.Path]::GetTempPath()) ('ftptools-demo-' + [guid]::NewGuid().ToString('N').Substring(0, 8))
New-Item -ItemType Directory -Path $work | Out-Null
$lab = $null
$session = $null
$exitCode = 1
try {
    $lab = Start-FtpLab -Server 'vsftpd-explicit'
    $server = $lab.Servers['vsftpd-explicit']
    Write-Host ("Server:  {0} on {1}:{2} ({3})" -f $server.name, $server.host, $server.port, $server.encryption)

    $credential = New-TestCredential -Server $server
    $session = Connect-FtpServer -ComputerName $server.host -Port $server.port -Credential $credential `
        -CertificateThumbprint $server.certificateSha256
    Write-Host ("Session: {0} {1}, certificate {2}" -f $session.TlsProtocol, $session.TlsCipherSuite, $session.ServerCertificateThumbprint)

    $local = New-RandomFile -Path (Join-Path $work 'demo-upload.bin') -Size $SizeBytes
    $remoteFolder = '/demo-' + [guid]::NewGuid().ToString('N').Substring(0, 8)
    New-FtpDirectory -Session $session -Path $remoteFolder | Out-Null
    Send-FtpItem -Session $session -LiteralPath $local.FullName -Destination $remoteFolder

    Write-Host "Listing of ${remoteFolder}:"
    Get-FtpChildItem -Session $session -Path $remoteFolder | Format-Table -AutoSize | Out-String | Write-Host

    $downloads = New-Item -ItemType Directory -Path (Join-Path $work 'downloads')
    $received = Get-FtpChildItem -Session $session -Path $remoteFolder | Receive-FtpItem -Destination $downloads.FullName -PassThru

    $sent = (Get-FileHash -LiteralPath $local.FullName -Algorithm SHA256).Hash
    $back = (Get-FileHash -LiteralPath $received.FullName -Algorithm SHA256).Hash
    Write-Host "SHA256 uploaded:   $sent"
    Write-Host "SHA256 downloaded: $back"
    if ($sent -ne $back) { throw 'The downloaded file differs from the uploaded file.' }

    Remove-FtpItem -Session $session -LiteralPath $remoteFolder -Recurse
    $exitCode = 0
}
catch {
    Write-Host "Demo transfer FAILED: $($_.FullyQualifiedErrorId): $($_.Exception.Message)"
}
finally {
    if ($session) { Disconnect-FtpServer -Session $session }
    Stop-FtpLab -Lab $lab
    Remove-Item -LiteralPath $work -Recurse -Force -ErrorAction SilentlyContinue
}
# The last line: tests/lab/setup.sh checks for it.
if ($exitCode -eq 0) { Write-Host 'Demo transfer OK' }
exit $exitCode
