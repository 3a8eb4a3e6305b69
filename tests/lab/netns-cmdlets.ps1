# Runs FtpTools cmdlets inside a client namespace of tests/lab/netns.sh, for tests/Netns.Tests.ps1:
#   ip netns exec fttc-ID pwsh -NoProfile -NonInteractive -File tests/lab/netns-cmdlets.ps1 -Module out/FtpTools/FtpTools.psd1 `
#       -EnvFile $STATE/netns.env -PasswordFile FILE -Script 'Test-FtpConnection $lab.FTT_PUBLIC_ADDRESS -Credential $cred'
# The script sees $lab (netns.env without the password), $cred (PSCredential) and $pin (the certificate's SHA-256). Prints
# one JSON line: {"Ok":true,"Value":...,"Seconds":...} or {"Ok":false,"ErrorId":...,"Message":...,"Seconds":...}, where
# Seconds is the time the script itself took (PowerShell's start-up and the module import excluded).
#Requires -Version 7.0
# Runs in pwsh inside a Linux network namespace only (ConvertTo-Json -EnumsAsStrings below is PowerShell 6.2+).
param(
    [Parameter(Mandatory = $true)] [string] $Module,
    [Parameter(Mandatory = $true)] [string] $EnvFile,
    [Parameter(Mandatory = $true)] [string] $PasswordFile,
    [Parameter(Mandatory = $true)] [string] $Script
)

$ErrorActionPreference = 'Stop'
Import-Module -Name $Module
$lab = @{}
foreach ($line in Get-Content -LiteralPath $EnvFile) {
    $pair = $line -split '=', 2
    if ($pair.Count -eq 2 -and $pair[0] -ne 'FTT_PASSWORD') { $lab[$pair[0]] = $pair[1] }
}
$password = ConvertTo-SecureString -String (Get-Content -LiteralPath $PasswordFile -Raw).Trim() -AsPlainText -Force
$cred = New-Object System.Management.Automation.PSCredential($lab.FTT_USER, $password)
$certificate = New-Object System.Security.Cryptography.X509Certificates.X509Certificate2($lab.FTT_CERTIFICATE)
$pin = $certificate.GetCertHashString([System.Security.Cryptography.HashAlgorithmName]::SHA256)

$watch = [System.Diagnostics.Stopwatch]::StartNew()
try {
    $value = & ([scriptblock]::Create($Script))
    $result = [ordered]@{ Ok = $true; Value = $value }
}
catch {
    $result = [ordered]@{ Ok = $false; ErrorId = $_.FullyQualifiedErrorId; Message = $_.Exception.Message }
}
finally {
    Get-FtpSession | Disconnect-FtpServer
}
$result.Seconds = $watch.Elapsed.TotalSeconds
$result | ConvertTo-Json -Depth 6 -Compress -EnumsAsStrings
