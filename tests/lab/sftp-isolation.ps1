<#
.SYNOPSIS
    Checks in a real PowerShell that SFTP support is isolated: importing FtpTools loads neither SSH.NET nor BouncyCastle,
    and with an older BouncyCastle (2.4.0) already loaded by someone else, an SFTP session still connects and lists.
.EXAMPLE
    dotnet tests/FtpTools.Lab/bin/Debug/net10.0/FtpTools.Lab.dll serve --servers openssh-sftp --json lab.json &
    pwsh -NoProfile -File tests/lab/sftp-isolation.ps1 -LabJson lab.json -BouncyCastlePath ~/.nuget/packages/bouncycastle.cryptography/2.4.0/lib/netstandard2.0/BouncyCastle.Cryptography.dll
#>
param(
    [Parameter(Mandatory)] [string]$LabJson,
    [Parameter(Mandatory)] [string]$BouncyCastlePath,
    [string]$Manifest = (Join-Path $PSScriptRoot '../../out/FtpTools/FtpTools.psd1'),
    [string]$Pwsh = $(if (Get-Command pwsh -ErrorAction SilentlyContinue) { (Get-Command pwsh).Source } else { Join-Path $HOME '.dotnet/tools/pwsh' })
)
$ErrorActionPreference = 'Stop'
$Manifest = (Resolve-Path $Manifest).Path

# 1. Importing the module (and using FTP types) loads nothing of SFTP's.
$loaded = & $Pwsh -NoProfile -Command "Import-Module '$Manifest'; [void][FtpTools.Engine.FtpClientOptions]::new('localhost'); [AppDomain]::CurrentDomain.GetAssemblies().GetName().Name"
if ('FtpTools.Engine' -notin $loaded) { throw "The child pwsh did not import FtpTools: $loaded" }
$leaked = @($loaded | Where-Object { $_ -in 'Renci.SshNet', 'BouncyCastle.Cryptography', 'FtpTools.Sftp' })
if ($leaked) { throw "Importing FtpTools loaded: $($leaked -join ', ')" }
Write-Host 'import alone: no SSH.NET, BouncyCastle or FtpTools.Sftp loaded'

# 2. BouncyCastle 2.4.0 first (same assembly identity as 2.7.0, no ML-KEM), then FtpTools over SFTP.
$older = Add-Type -Path $BouncyCastlePath -PassThru | Select-Object -First 1
$olderVersion = $older.Assembly.GetCustomAttributes([Reflection.AssemblyInformationalVersionAttribute], $false)[0].InformationalVersion
Import-Module $Manifest
$server = (Get-Content -Raw $LabJson | ConvertFrom-Json).servers | Where-Object kind -EQ 'Sshd' | Select-Object -First 1
$options = [FtpTools.Engine.Sftp.SftpConnectionOptions]::new($server.host, $server.user)
$options.Port = $server.port
$options.Password = ConvertTo-SecureString $server.password -AsPlainText -Force
foreach ($key in $server.hostKeys) { $options.HostKeyFingerprints.Add($key.fingerprint) }
$trace = [System.Collections.Generic.List[string]]::new()
$options.Trace = [Action[FtpTools.Engine.FtpTraceEntry]] { param($entry) $trace.Add($entry.ToString()) }

$connector = [FtpTools.Engine.Sftp.SftpConnectorLoader]::Load((Split-Path $Manifest))
$session = $connector.Connect($options, [Threading.CancellationToken]::None)
try {
    $bytes = [Text.Encoding]::UTF8.GetBytes('isolation check')
    [void]$session.Upload([IO.MemoryStream]::new($bytes), 'isolation.txt', 'Overwrite', $null, [Threading.CancellationToken]::None)
    $listing = $session.ListDirectory($null, [Threading.CancellationToken]::None)
    if ('isolation.txt' -notin $listing.Items.Name) { throw 'the uploaded file is not listed' }
    $context = [System.Runtime.Loader.AssemblyLoadContext]::GetLoadContext($connector.GetType().Assembly)
    $private = $context.Assemblies | Where-Object { $_.GetName().Name -eq 'BouncyCastle.Cryptography' }
    $privateVersion = $private.GetCustomAttributes([Reflection.AssemblyInformationalVersionAttribute], $false)[0].InformationalVersion
    Write-Host "default context: BouncyCastle $olderVersion; SFTP context ($($context.GetType().Name)): BouncyCastle $privateVersion"
    Write-Host ("negotiated: {0}, {1} {2}, {3}, {4}" -f $session.SessionInfo.KeyExchange, $session.SessionInfo.HostKeyType, $session.SessionInfo.HostKeyFingerprint, $session.SessionInfo.Cipher, $session.SessionInfo.Mac)
    Write-Host "listed $($listing.Items.Count) item(s) in $($listing.Directory): OK"
}
finally {
    $session.Disconnect([Threading.CancellationToken]::None)
}
