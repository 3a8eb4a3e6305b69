# The module as a user runs it, in a fresh pwsh started by the benchmark (CmdletTool): Import-Module, Connect-FtpServer,
# one Send-FtpItem or Receive-FtpItem (for the listing: one Get-FtpChildItem, its entries counted), Disconnect-FtpServer.
# Writes one line of key=value fields to -ResultFile (stdout may belong to a pseudo-terminal). A terminating error (connect, a parameter this module does not have, ...) is written
# to stderr as "PROBLEM: ..." and ends the script with exit code 1 (3 when a parameter does not bind: retrying cannot
# help); per-file errors are counted as failures.
param(
    [Parameter(Mandatory)] [string] $Manifest,
    [Parameter(Mandatory)] [string] $Kind,
    [Parameter(Mandatory)] [string] $ComputerName,
    [Parameter(Mandatory)] [int] $Port,
    [Parameter(Mandatory)] [string] $User,
    [string] $Password = '',
    [ValidateSet('None', 'Explicit', 'Sftp')] [string] $Security = 'None',
    [string] $Thumbprint,
    [string] $KeyFile,
    [string] $HostKeyFingerprints,
    [Parameter(Mandatory)] [string] $Remote,
    [Parameter(Mandatory)] [string] $Local,
    # Trees only: a file of relative paths to send one by one (a retry of the files an earlier attempt missed).
    [string] $FileList,
    [int] $ThrottleLimit = 0,
    [switch] $ShowProgress,
    [switch] $CountCommands,
    [Parameter(Mandatory)] [string] $ResultFile
)

$ErrorActionPreference = 'Stop'
$ProgressPreference = 'SilentlyContinue'

function Get-ProcessMemoryKiB([string] $Field) {
    $line = Get-Content -LiteralPath '/proc/self/status' | Where-Object { $_.StartsWith($Field + ':') } | Select-Object -First 1
    [long](($line.Substring($Field.Length + 1).Trim() -split '\s+')[0])
}

try {
    Import-Module -Name $Manifest
    $rssAfterImport = Get-ProcessMemoryKiB 'VmRSS'

    $secret = New-Object System.Security.SecureString
    foreach ($character in $Password.ToCharArray()) { $secret.AppendChar($character) }
    $connect = @{
        ComputerName = $ComputerName
        Port         = $Port
        Credential   = New-Object System.Management.Automation.PSCredential -ArgumentList $User, $secret
    }
    if ($Security -eq 'Sftp') {
        $connect['Protocol'] = 'Sftp'
        $connect['KeyFile'] = $KeyFile
        $connect['HostKeyFingerprint'] = @($HostKeyFingerprints -split ',')
    }
    else {
        $connect['Encryption'] = $Security
        if ($Thumbprint) { $connect['CertificateThumbprint'] = $Thumbprint }
    }
    $session = Connect-FtpServer @connect
    $rssAfterConnect = Get-ProcessMemoryKiB 'VmRSS'

    $upload = $Kind -eq 'large-upload' -or $Kind -eq 'tree-upload'
    $calls = New-Object System.Collections.Generic.List[hashtable]
    if ($FileList) {
        $files = @(Get-Content -LiteralPath $FileList)
        if ($upload) {
            $folders = @($files | ForEach-Object { $Remote + '/' + $_.Substring(0, $_.LastIndexOf('/')) } | Select-Object -Unique)
            New-FtpDirectory -Session $session -Path $folders | Out-Null
        }
        foreach ($file in $files) {
            if ($upload) {
                $calls.Add(@{ LiteralPath = (Join-Path $Local $file); Destination = $Remote + '/' + $file })
            }
            else {
                New-Item -ItemType Directory -Force -Path (Split-Path -Parent (Join-Path $Local $file)) | Out-Null
                $calls.Add(@{ LiteralPath = $Remote + '/' + $file; Destination = (Join-Path $Local $file) })
            }
        }
    }
    elseif ($Kind -eq 'tree-upload') {
        # The tree's folders arrive inside -Destination under their own names: the layout the benchmark verifies.
        $calls.Add(@{ Path = (Join-Path $Local '*'); Destination = $Remote + '/'; Recurse = $true })
    }
    elseif ($Kind -eq 'listing') {
        $calls.Add(@{ LiteralPath = $Remote })
    }
    elseif ($Kind -eq 'tree-download') {
        New-Item -ItemType Directory -Force -Path $Local | Out-Null
        $calls.Add(@{ Path = $Remote + '/*'; Destination = $Local + [System.IO.Path]::DirectorySeparatorChar; Recurse = $true })
    }
    else {
        $calls.Add(@{ LiteralPath = $(if ($upload) { $Local } else { $Remote }); Destination = $(if ($upload) { $Remote } else { $Local }) })
    }

    $errorTexts = New-Object System.Collections.Generic.List[string]
    $commands = 0
    $dataConnections = 0
    $entries = -1
    if ($ShowProgress) { $ProgressPreference = 'Continue' }
    $self = [System.Diagnostics.Process]::GetCurrentProcess()
    $cpuBefore = $self.TotalProcessorTime
    $watch = [System.Diagnostics.Stopwatch]::StartNew()
    foreach ($call in $calls) {
        $call['Session'] = $session
        $call['ErrorAction'] = 'Continue'
        $call['ErrorVariable'] = 'itemErrors'
        if ($ThrottleLimit -gt 0) { $call['ThrottleLimit'] = $ThrottleLimit }
        if ($CountCommands) {
            # The session's control-connection trace arrives as verbose records "> COMMAND" (sent) and "< reply".
            $call['Verbose'] = $true
            if ($Kind -eq 'listing') { $records = Get-FtpChildItem @call 4>&1 }
            elseif ($upload) { $records = Send-FtpItem @call 4>&1 }
            else { $records = Receive-FtpItem @call 4>&1 }
            foreach ($record in $records) {
                if ($record -is [System.Management.Automation.VerboseRecord] -and $record.Message.StartsWith('> ')) {
                    $commands++
                    if ($record.Message -match '^> (EPSV|PASV|EPRT|PORT)\b') { $dataConnections++ }
                }
            }
        }
        elseif ($Kind -eq 'listing') {
            # Collected, not formatted: the entries are counted so the result is verified.
            $entries = @(Get-FtpChildItem @call).Count
        }
        elseif ($upload) {
            Send-FtpItem @call
        }
        else {
            Receive-FtpItem @call
        }
        foreach ($itemError in @($itemErrors)) { $errorTexts.Add([string]$itemError) }
    }
    $watch.Stop()
    $self.Refresh()
    $cpuSeconds = ($self.TotalProcessorTime - $cpuBefore).TotalSeconds
    $secondSeconds = -1
    if ($Kind -eq 'listing' -and -not $CountCommands) {
        # The same folder again in the same session: the first listing in a process also pays for compiling the code it runs.
        $again = [System.Diagnostics.Stopwatch]::StartNew()
        if (@(Get-FtpChildItem @call).Count -eq $entries) { $secondSeconds = $again.Elapsed.TotalSeconds }
    }
    $ProgressPreference = 'SilentlyContinue'
    Disconnect-FtpServer -Session $session
    foreach ($text in $errorTexts) { [Console]::Error.WriteLine('item error: ' + $text) }

    $invariant = [System.Globalization.CultureInfo]::InvariantCulture
    $fields = @(
        'seconds=' + $watch.Elapsed.TotalSeconds.ToString('0.000000', $invariant)
        'failures=' + $errorTexts.Count
        'cpu-seconds=' + $cpuSeconds.ToString('0.000000', $invariant)
        'rss-import-kib=' + $rssAfterImport
        'rss-connect-kib=' + $rssAfterConnect
        'peak-kib=' + (Get-ProcessMemoryKiB 'VmHWM')
        'rss-end-kib=' + (Get-ProcessMemoryKiB 'VmRSS')
        'commands=' + $(if ($CountCommands) { $commands } else { -1 })
        'dataconns=' + $(if ($CountCommands) { $dataConnections } else { -1 })
        'entries=' + $entries
        'second-seconds=' + $secondSeconds.ToString('0.000000', $invariant)
        'ps=' + $PSVersionTable.PSVersion
    )
    [System.IO.File]::WriteAllText($ResultFile, ($fields -join ' ') + "`n")
    exit 0
}
catch [System.Management.Automation.ParameterBindingException] {
    # This build of the module lacks a parameter the tool passes (-ThrottleLimit before it exists): no use retrying.
    [Console]::Error.WriteLine('PROBLEM: ' + $_.Exception.Message)
    exit 3
}
catch {
    [Console]::Error.WriteLine('PROBLEM: ' + $_.Exception.Message)
    exit 1
}
