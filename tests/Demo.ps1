<#
.SYNOPSIS
    The demo transfer that tests/lab/setup.sh and build.ps1 -Task Demo run: start the lab's vsftpd-explicit and OpenSSH
    servers; over explicit FTPS (certificate pinned) and over SFTP (host key pinned): upload, list, download, compare
    Get-FileHash, remove, disconnect; stop the lab. When it worked, the last line is 'Demo transfer OK' and the exit
    code 0; otherwise the exit code is 1.
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

# Upload a file into a new folder under $Under, list it, download it, compare the hashes, remove the folder.
function Invoke-DemoRoundTrip($Session, [string] $Under, [string] $Work) {
    $local = New-RandomFile -Path (Join-Path $Work 'demo-upload.bin') -Size $SizeBytes
    $remoteFolder = $Under.TrimEnd('/') + '/demo-' + [guid]::NewGuid().ToString('N').Substring(0, 8)
    New-FtpDirectory -Session $Session -Path $remoteFolder | Out-Null
    Send-FtpItem -Session $Session -LiteralPath $local.FullName -Destination $remoteFolder

    Write-Host "Listing of ${remoteFolder}:"
    Get-FtpChildItem -Session $Session -Path $remoteFolder | Format-Table -AutoSize | Out-String | Write-Host

    $downloads = New-Item -ItemType Directory -Path (Join-Path $Work ('downloads-' + $Session.Id))
    $received = Get-FtpChildItem -Session $Session -Path $remoteFolder | Receive-FtpItem -Session $Session -Destination $downloads.FullName -PassThru

    $sent = (Get-FileHash -LiteralPath $local.FullName -Algorithm SHA256).Hash
    $back = (Get-FileHash -LiteralPath $received.FullName -Algorithm SHA256).Hash
    Write-Host "SHA256 uploaded:   $sent"
    Write-Host "SHA256 downloaded: $back"
    if ($sent -ne $back) { throw 'The downloaded file differs from the uploaded file.' }
    Remove-FtpItem -Session $Session -LiteralPath $remoteFolder -Recurse
}

$work = Join-Path ([System.IO.Path]::GetTempPath()) ('ftptools-demo-' + [guid]::NewGuid().ToString('N').Substring(0, 8))
New-Item -ItemType Directory -Path $work | Out-Null
$lab = $null
$exitCode = 1
try {
    $lab = Start-FtpLab -Server 'vsftpd-explicit', 'openssh-sftp'
    $server = $lab.Servers['vsftpd-explicit']
    Write-Host ("Server:  {0} on {1}:{2} ({3})" -f $server.name, $server.host, $server.port, $server.encryption)
    $session = Connect-FtpServer -ComputerName $server.host -Port $server.port -Credential (New-TestCredential -Server $server) `
        -CertificateThumbprint $server.certificateSha256
    Write-Host ("Session: {0} {1}, certificate {2}" -f $session.TlsProtocol, $session.TlsCipherSuite, $session.ServerCertificateThumbprint)
    Invoke-DemoRoundTrip -Session $session -Under '/' -Work $work

    $sshd = $lab.Servers['openssh-sftp']
    Write-Host ("Server:  {0} on {1}:{2} (SFTP)" -f $sshd.name, $sshd.host, $sshd.port)
    $address = 'sftp://{0}:{1}' -f $sshd.host, $sshd.port
    $sftp = Connect-FtpServer -ComputerName $address -Credential (New-TestCredential -Server $sshd) `
        -HostKeyFingerprint @($sshd.hostKeys | ForEach-Object { [string]$_.fingerprint })
    Write-Host ("Session: {0} host key {1}, {2}, {3}" -f $sftp.HostKeyType, $sftp.HostKeyFingerprint, $sftp.KeyExchange, $sftp.Cipher)
    Invoke-DemoRoundTrip -Session $sftp -Under $sftp.CurrentDirectory -Work $work
    $exitCode = 0
}
catch {
    Write-Host "Demo transfer FAILED: $($_.FullyQualifiedErrorId): $($_.Exception.Message)"
}
finally {
    Get-FtpSession | Disconnect-FtpServer
    Stop-FtpLab -Lab $lab
    Remove-Item -LiteralPath $work -Recurse -Force -ErrorAction SilentlyContinue
}
# The last line: tests/lab/setup.sh checks for it.
if ($exitCode -eq 0) { Write-Host 'Demo transfer OK' }
exit $exitCode
