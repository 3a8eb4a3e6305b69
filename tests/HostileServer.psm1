# Starts tests/lab/hostile-ftpd.py: a pyftpdlib server with deliberate faults (hostile names, cut-off downloads, no MLSD).
# Works on Windows PowerShell 5.1 and PowerShell 7.4+; the server itself needs the lab's /usr/bin/python3 with pyftpdlib.

Set-StrictMode -Version Latest

function Test-HostileFtpServer {
    [CmdletBinding()]
    [OutputType([bool])]
    param()
    (Test-Path -LiteralPath '/usr/bin/python3') -and (Test-Path -LiteralPath '/usr/lib/python3/dist-packages/pyftpdlib')
}

function Start-HostileFtpServer {
    <#
    .SYNOPSIS
    Starts the hostile server on 127.0.0.1 with a new root folder; returns Port, Root, User, Password, Credential and Process.
    #>
    [CmdletBinding()]
    param(
        [switch] $NoMlsd,
        [int] $TimeoutSeconds = 30
    )
    $script = Join-Path (Split-Path -Parent $PSScriptRoot) 'tests/lab/hostile-ftpd.py'
    if (-not (Test-Path -LiteralPath $script)) { $script = Join-Path $PSScriptRoot 'lab/hostile-ftpd.py' }
    $root = Join-Path ([System.IO.Path]::GetTempPath()) ('ftptools-hostile-{0}' -f [guid]::NewGuid().ToString('N'))
    New-Item -ItemType Directory -Path $root | Out-Null
    $user = 'hostile'
    $password = [guid]::NewGuid().ToString('N')
    $psi = New-Object -TypeName System.Diagnostics.ProcessStartInfo
    $psi.FileName = '/usr/bin/python3'
    $psi.Arguments = '-B "{0}" --root "{1}" --user {2} --password {3}{4}' -f $script, $root, $user, $password, $(if ($NoMlsd) { ' --no-mlsd' } else { '' })
    $psi.UseShellExecute = $false
    $psi.RedirectStandardOutput = $true
    $psi.RedirectStandardError = $true
    $process = [System.Diagnostics.Process]::Start($psi)
    $stderr = $process.StandardError.ReadToEndAsync()
    $line = $process.StandardOutput.ReadLineAsync()
    if (-not $line.Wait([TimeSpan]::FromSeconds($TimeoutSeconds)) -or $null -eq $line.Result -or $line.Result -notmatch '^ready (\d+)$') {
        try { $process.Kill() } catch { Write-Verbose "Kill failed: $_" }
        throw "The hostile FTP server did not start: $($stderr.Result)"
    }
    $secure = ConvertTo-SecureString -String $password -AsPlainText -Force
    [pscustomobject]@{
        PSTypeName = 'FtpTools.Tests.HostileServer'
        Port       = [int]$Matches[1]
        Root       = $root
        User       = $user
        Password   = $password
        Credential = New-Object -TypeName System.Management.Automation.PSCredential -ArgumentList $user, $secure
        Process    = $process
    }
}

function Stop-HostileFtpServer {
    [CmdletBinding()]
    param(
        [Parameter(ValueFromPipeline)]
        [AllowNull()]
        [object] $Server
    )
    process {
        if ($null -eq $Server) { return }
        try {
            if (-not $Server.Process.HasExited) {
                $Server.Process.Kill()
                $Server.Process.WaitForExit(10000) | Out-Null
            }
        }
        finally {
            $Server.Process.Dispose()
            Remove-Item -LiteralPath $Server.Root -Recurse -Force -ErrorAction SilentlyContinue
        }
    }
}

Export-ModuleMember -Function Test-HostileFtpServer, Start-HostileFtpServer, Stop-HostileFtpServer
