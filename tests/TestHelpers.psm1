# Shared helpers for the FtpTools Pester 5 specification (tests/*.Tests.ps1).
# Works on Windows PowerShell 5.1 and PowerShell 7.4+.

Set-StrictMode -Version Latest

$script:RepoRoot = Split-Path -Parent $PSScriptRoot

function Get-FtpTestRepoRoot {
    [CmdletBinding()]
    [OutputType([string])]
    param()
    $script:RepoRoot
}

function Import-FtpToolsForTest {
    <#
    .SYNOPSIS
    Imports the built module from out/FtpTools; fails with a clear message when it has not been built.
    #>
    [CmdletBinding()]
    param()
    $manifest = Join-Path $script:RepoRoot 'out/FtpTools/FtpTools.psd1'
    if (-not (Test-Path -LiteralPath $manifest)) {
        throw "The FtpTools module is not built: '$manifest' does not exist. Run build.ps1 -Task Build first."
    }
    Import-Module -Name $manifest -Force -Global -ErrorAction Stop
    $manifest
}

function Get-FtpLabSkipReason {
    <#
    .SYNOPSIS
    Why the lab tests cannot run here, or $null when they must run.
    .DESCRIPTION
    The same rule as the xunit [LabFact]s: the tests skip, with this reason, where the lab cannot run (not Linux, or
    tests/lab/install.sh has not been run, as FtpTools.Lab check reports); under CI=true they never skip, so a
    missing lab fails them. A lab that is installed but not built is not a reason to skip: Start-FtpLab then fails
    and says how to build it. Call it in BeforeDiscovery and give the result to -Skip of each top-level Describe.
    #>
    [CmdletBinding()]
    [OutputType([string])]
    param()
    if ($env:CI -eq 'true') { return $null }
    $reason = $null
    # $IsLinux exists only in PowerShell 7; Windows PowerShell (Desktop) runs on Windows.
    $onLinux = ($PSVersionTable.PSEdition -eq 'Core') -and $IsLinux
    if (-not $onLinux) {
        $reason = 'the FTP lab (tests/lab) runs on Linux (Debian 12) only'
    }
    else {
        $labDll = Join-Path $script:RepoRoot 'tests/FtpTools.Lab/bin/Release/net10.0/FtpTools.Lab.dll'
        $dotnet = Get-Command -Name dotnet -CommandType Application -ErrorAction SilentlyContinue | Select-Object -First 1
        if ($dotnet -and (Test-Path -LiteralPath $labDll)) {
            $check = @(& $dotnet.Source $labDll check 2>&1)
            if ($LASTEXITCODE -ne 0) {
                $missing = @($check | ForEach-Object { "$_" } | Where-Object { $_ -and $_ -ne 'FTP lab NOT installed' })
                $reason = 'the FTP lab is not installed (' + ($missing -join '; ') + ')'
            }
        }
    }
    if ($reason) { Write-Warning "Lab tests skipped: $reason. Under CI=true they run (and fail) instead." }
    $reason
}

function Get-PwshPath {
    <#
    .SYNOPSIS
    The pwsh executable: in PowerShell 7 the one running this session (from $PSHOME, since a pwsh installed as a dotnet
    tool runs as the dotnet process), in Windows PowerShell 5.1 a pwsh on PATH; $null when there is none.
    #>
    [CmdletBinding()]
    [OutputType([string])]
    param()
    if ($PSVersionTable.PSEdition -eq 'Core') {
        foreach ($name in 'pwsh', 'pwsh.exe') {
            $candidate = Join-Path $PSHOME $name
            if (Test-Path -LiteralPath $candidate -PathType Leaf) { return $candidate }
        }
    }
    $command = Get-Command -Name pwsh -CommandType Application -ErrorAction SilentlyContinue | Select-Object -First 1
    if ($command) { return $command.Source }
    $null
}

function Start-FtpLab {
    <#
    .SYNOPSIS
    Starts the lab FTP servers with the FtpTools.Lab CLI and returns an object with the process and the servers by name.
    .DESCRIPTION
    Runs: dotnet tests/FtpTools.Lab/bin/Release/net10.0/FtpTools.Lab.dll serve --servers <names> --json <file>
    and waits until the JSON file describing the servers has been written. The lab keeps running until
    its standard input is closed (Stop-FtpLab).
    #>
    [CmdletBinding()]
    param(
        [Parameter(Mandatory)]
        [string[]] $Server,

        [int] $TimeoutSeconds = 180,

        # Passive ports per FTP server (the lab's default is 50); many parallel sessions need more.
        [int] $PassivePortCount = 0
    )

    $labDll = Join-Path $script:RepoRoot 'tests/FtpTools.Lab/bin/Release/net10.0/FtpTools.Lab.dll'
    if (-not (Test-Path -LiteralPath $labDll)) {
        throw "The FTP lab is not built: '$labDll' does not exist. Run dotnet build tests/FtpTools.Lab -c Release first."
    }
    $dotnet = Get-Command -Name dotnet -CommandType Application -ErrorAction SilentlyContinue | Select-Object -First 1
    if (-not $dotnet) { throw 'dotnet was not found on PATH; it is needed to run the FTP lab.' }

    $jsonPath = Join-Path ([System.IO.Path]::GetTempPath()) ('ftptools-lab-{0}.json' -f [guid]::NewGuid().ToString('N'))
    $psi = New-Object -TypeName System.Diagnostics.ProcessStartInfo
    $psi.FileName = $dotnet.Source
    # ProcessStartInfo.ArgumentList does not exist on .NET Framework (Windows PowerShell 5.1): quote by hand.
    $psi.Arguments = '"{0}" serve --servers {1} --json "{2}"' -f $labDll, ($Server -join ','), $jsonPath
    if ($PassivePortCount -gt 0) { $psi.Arguments += ' --passive-ports {0}' -f $PassivePortCount }
    $psi.UseShellExecute = $false
    $psi.RedirectStandardInput = $true
    $psi.RedirectStandardOutput = $true
    $psi.RedirectStandardError = $true
    $psi.CreateNoWindow = $true

    $process = [System.Diagnostics.Process]::Start($psi)
    # Drain both streams so that the lab never blocks on a full pipe; the text is kept for error messages.
    $stdout = $process.StandardOutput.ReadToEndAsync()
    $stderr = $process.StandardError.ReadToEndAsync()

    $deadline = [DateTime]::UtcNow.AddSeconds($TimeoutSeconds)
    $description = $null
    while ($null -eq $description) {
        if ($process.HasExited) {
            $process.WaitForExit()
            throw ("The FTP lab exited with code {0} before it was ready.`nstdout: {1}`nstderr: {2}" -f $process.ExitCode, $stdout.Result, $stderr.Result)
        }
        if ([DateTime]::UtcNow -gt $deadline) {
            try { $process.Kill() } catch { Write-Verbose "Kill failed: $_" }
            $process.WaitForExit(10000) | Out-Null
            throw ("The FTP lab did not write '{0}' within {1} s.`nstdout: {2}`nstderr: {3}" -f $jsonPath, $TimeoutSeconds, $stdout.Result, $stderr.Result)
        }
        if (Test-Path -LiteralPath $jsonPath) {
            try {
                $description = Get-Content -LiteralPath $jsonPath -Raw -Encoding UTF8 | ConvertFrom-Json
            }
            catch {
                # The file may still be being written.
                $description = $null
            }
        }
        if ($null -eq $description) { Start-Sleep -Milliseconds 200 }
    }

    $byName = @{}
    foreach ($entry in $description.servers) { $byName[$entry.name] = $entry }
    foreach ($name in $Server) {
        if (-not $byName.ContainsKey($name)) {
            Stop-FtpLab -Lab ([pscustomobject]@{ Process = $process; JsonPath = $jsonPath; Stdout = $stdout; Stderr = $stderr })
            throw "The FTP lab did not start the server '$name'."
        }
    }

    [pscustomobject]@{
        PSTypeName = 'FtpTools.Tests.Lab'
        Process    = $process
        JsonPath   = $jsonPath
        Servers    = $byName
        Stdout     = $stdout
        Stderr     = $stderr
    }
}

function Stop-FtpLab {
    <#
    .SYNOPSIS
    Stops a lab started with Start-FtpLab: closes its standard input, waits, and kills it if it does not exit.
    #>
    [CmdletBinding()]
    param(
        [Parameter(ValueFromPipeline)]
        [AllowNull()]
        [object] $Lab
    )
    process {
        if ($null -eq $Lab -or $null -eq $Lab.Process) { return }
        $process = $Lab.Process
        try {
            if (-not $process.HasExited) {
                try { $process.StandardInput.Close() } catch { Write-Verbose "Closing the lab's stdin failed: $_" }
                if (-not $process.WaitForExit(20000)) {
                    Write-Warning 'The FTP lab did not exit after its input was closed; killing it.'
                    $process.Kill()
                    $process.WaitForExit(10000) | Out-Null
                }
            }
        }
        finally {
            $process.Dispose()
            if ($Lab.JsonPath -and (Test-Path -LiteralPath $Lab.JsonPath)) {
                Remove-Item -LiteralPath $Lab.JsonPath -Force -ErrorAction SilentlyContinue
            }
        }
    }
}

function Restart-LabServer {
    <#
    .SYNOPSIS
    Kills a lab server with its whole process group (its client sessions die with it) and starts it again on the same port.
    .DESCRIPTION
    Tells the lab process (Start-FtpLab) on its standard input: "restart NAME PAUSE_MS". The lab kills the server at once,
    waits PauseMilliseconds and starts it again. With -Wait, returns once the port refused a connection and then accepted one.
    #>
    [CmdletBinding()]
    param(
        [Parameter(Mandatory)]
        [object] $Lab,

        [Parameter(Mandatory)]
        [string] $Name,

        [int] $PauseMilliseconds = 1000,

        [switch] $Wait,

        [int] $TimeoutSeconds = 30
    )
    $server = $Lab.Servers[$Name]
    $Lab.Process.StandardInput.WriteLine(('restart {0} {1}' -f $Name, $PauseMilliseconds))
    $Lab.Process.StandardInput.Flush()
    if (-not $Wait) { return }
    $deadline = [DateTime]::UtcNow.AddSeconds($TimeoutSeconds)
    $sawDown = $false
    while ([DateTime]::UtcNow -lt $deadline) {
        $client = New-Object -TypeName System.Net.Sockets.TcpClient
        try {
            $client.Connect([string]$server.host, [int]$server.port)
            if ($sawDown) { return }
        }
        catch [System.Net.Sockets.SocketException] {
            $sawDown = $true
        }
        finally {
            $client.Dispose()
        }
        Start-Sleep -Milliseconds 50
    }
    throw "The lab server '$Name' was not restarted within $TimeoutSeconds s."
}

function New-TestCredential {
    <#
    .SYNOPSIS
    Builds a PSCredential from a lab server entry without prompting.
    #>
    [CmdletBinding()]
    [OutputType([pscredential])]
    param(
        [Parameter(Mandatory)]
        [object] $Server,

        [string] $Password
    )
    if (-not $PSBoundParameters.ContainsKey('Password')) { $Password = $Server.password }
    $secure = ConvertTo-SecureString -String $Password -AsPlainText -Force
    New-Object -TypeName System.Management.Automation.PSCredential -ArgumentList $Server.user, $secure
}

function Get-LabConnectParameters {
    <#
    .SYNOPSIS
    The Connect-FtpServer parameters for a lab server: host, port, credential, encryption and the certificate pin.
    #>
    [CmdletBinding()]
    [OutputType([hashtable])]
    param(
        [Parameter(Mandatory)]
        [object] $Server
    )
    $parameters = @{
        ComputerName = $Server.host
        Port         = [int]$Server.port
        Credential   = New-TestCredential -Server $Server
        Encryption   = [string]$Server.encryption
    }
    if ([string]$Server.encryption -ne 'None' -and $Server.certificateSha256) {
        $parameters.CertificateThumbprint = [string]$Server.certificateSha256
    }
    $parameters
}

function Connect-LabServer {
    <#
    .SYNOPSIS
    Connect-FtpServer to a lab server with its pinned certificate; extra parameters are passed through.
    #>
    [CmdletBinding()]
    param(
        [Parameter(Mandatory)]
        [object] $Server,

        [hashtable] $With = @{}
    )
    $parameters = Get-LabConnectParameters -Server $Server
    foreach ($key in $With.Keys) { $parameters[$key] = $With[$key] }
    Connect-FtpServer @parameters
}

function New-RandomFile {
    <#
    .SYNOPSIS
    Writes a file of random bytes (seeded, so a failing test can be reproduced) and returns its FileInfo.
    #>
    [CmdletBinding()]
    [OutputType([System.IO.FileInfo])]
    param(
        [Parameter(Mandatory)]
        [string] $Path,

        [long] $Size = 64KB,

        [int] $Seed = 12345
    )
    $directory = Split-Path -Parent $Path
    if ($directory -and -not (Test-Path -LiteralPath $directory)) {
        New-Item -ItemType Directory -Path $directory -Force | Out-Null
    }
    $random = New-Object -TypeName System.Random -ArgumentList $Seed
    $buffer = New-Object -TypeName byte[] -ArgumentList ([int][Math]::Min($Size, 1MB))
    $stream = [System.IO.File]::Create($Path)
    try {
        $remaining = $Size
        while ($remaining -gt 0) {
            $random.NextBytes($buffer)
            $count = [int][Math]::Min($remaining, $buffer.Length)
            $stream.Write($buffer, 0, $count)
            $remaining -= $count
        }
    }
    finally {
        $stream.Dispose()
    }
    Get-Item -LiteralPath $Path
}

function Get-ServerPath {
    <#
    .SYNOPSIS
    The local path on the lab machine of a remote path of a lab server (its rootDirectory is "/").
    #>
    [CmdletBinding()]
    [OutputType([string])]
    param(
        [Parameter(Mandatory)]
        [object] $Server,

        [Parameter(Mandatory)]
        [string] $RemotePath
    )
    $relative = $RemotePath.TrimStart('/')
    if ($relative.Length -eq 0) { return [string]$Server.rootDirectory }
    $path = [string]$Server.rootDirectory
    foreach ($segment in $relative.Split('/')) { $path = [System.IO.Path]::Combine($path, $segment) }
    $path
}

function Get-Sha256 {
    [CmdletBinding()]
    [OutputType([string])]
    param(
        [Parameter(Mandatory)]
        [string] $LiteralPath
    )
    (Get-FileHash -LiteralPath $LiteralPath -Algorithm SHA256).Hash
}

function New-UniqueName {
    [CmdletBinding()]
    [OutputType([string])]
    param([string] $Prefix = 't')
    '{0}-{1}' -f $Prefix, [guid]::NewGuid().ToString('N').Substring(0, 12)
}

Export-ModuleMember -Function Get-FtpTestRepoRoot, Import-FtpToolsForTest, Get-FtpLabSkipReason, Get-PwshPath, Start-FtpLab, Stop-FtpLab, Restart-LabServer, New-TestCredential,
    Get-LabConnectParameters, Connect-LabServer, New-RandomFile, Get-ServerPath, Get-Sha256, New-UniqueName
