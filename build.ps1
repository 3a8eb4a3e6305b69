<#
.SYNOPSIS
    Builds, tests, packages and demonstrates the FtpTools module.
.DESCRIPTION
    Build    dotnet build src/FtpTools.sln; the module folder is assembled in out/FtpTools.
    Test     dotnet test tests/FtpTools.Tests.sln, then the Pester suite (tests/Invoke-PesterSuite.ps1, with the Pester
             5.9.1 that it restores into .tools/) in a child PowerShell; fails when either fails. The lab tests skip
             where the lab cannot run (Windows, or tests/lab/install.sh not run), except under CI=true.
    Package  Publishes out/FtpTools to a temporary local repository, leaves the .nupkg in out/, and checks that it
             installs from that repository and imports by name (in a child PowerShell with a module path of its own).
    Clean    Removes out/ and every bin/ and obj/ folder.
    Demo     Runs tests/Demo.ps1 in a child PowerShell: starts the FTP lab, connects with the lab's certificate pin,
             uploads and downloads a file, compares hashes, stops the lab.
.EXAMPLE
    ./build.ps1 -Task Clean, Build, Test
#>
[CmdletBinding()]
param(
    [ValidateSet('Build', 'Test', 'Package', 'Clean', 'Demo')]
    [string[]]$Task = 'Build',

    [string]$Configuration = 'Release'
)

Set-StrictMode -Version Latest
$ErrorActionPreference = 'Stop'

$RepositoryRoot = $PSScriptRoot
$OutDirectory = Join-Path $RepositoryRoot 'out'
$ModuleDirectory = Join-Path $OutDirectory 'FtpTools'

function Invoke-Native {
    param([Parameter(Mandatory)][string]$FilePath, [string[]]$ArgumentList = @())
    Write-Host "> $FilePath $($ArgumentList -join ' ')" -ForegroundColor DarkGray
    & $FilePath @ArgumentList
    if ($LASTEXITCODE -ne 0) {
        throw "'$FilePath $($ArgumentList -join ' ')' failed with exit code $LASTEXITCODE."
    }
}

# The executable of the PowerShell running this script, for child processes (a module loaded in this process would
# stay loaded, and on Windows locked, for the rest of the build). A pwsh installed as a dotnet tool runs as the dotnet
# process, so the executable is found in $PSHOME.
function Get-PowerShellExecutable {
    $names = if ($PSVersionTable.PSEdition -eq 'Core') { 'pwsh.exe', 'pwsh' } else { 'powershell.exe' }
    foreach ($name in $names) {
        $candidate = Join-Path $PSHOME $name
        if (Test-Path -LiteralPath $candidate -PathType Leaf) { return $candidate }
    }
    throw "No PowerShell executable ($($names -join ', ')) in $PSHOME."
}

function Invoke-BuildTask {
    Invoke-Native dotnet @('build', (Join-Path $RepositoryRoot 'src/FtpTools.sln'), '-c', $Configuration)
    if (-not (Test-Path (Join-Path $ModuleDirectory 'FtpTools.psd1'))) {
        throw "The build did not assemble the module folder $ModuleDirectory."
    }
}

function Invoke-TestTask {
    $failures = @()
    Write-Host "> dotnet test tests/FtpTools.Tests.sln -c $Configuration" -ForegroundColor DarkGray
    & dotnet test (Join-Path $RepositoryRoot 'tests/FtpTools.Tests.sln') -c $Configuration
    if ($LASTEXITCODE -ne 0) { $failures += "xunit (dotnet test exit code $LASTEXITCODE)" }

    # The Pester suite runs the module built by dotnet test above (out/FtpTools) and the lab's Release build.
    $powershell = Get-PowerShellExecutable
    Write-Host "> $powershell -File tests/Invoke-PesterSuite.ps1" -ForegroundColor DarkGray
    & $powershell -NoProfile -NonInteractive -File (Join-Path $RepositoryRoot 'tests/Invoke-PesterSuite.ps1')
    if ($LASTEXITCODE -ne 0) { $failures += "Pester (exit code $LASTEXITCODE)" }

    if ($failures.Count -gt 0) {
        throw "Tests failed: $($failures -join '; ')."
    }
}

function Invoke-PackageTask {
    if (-not (Test-Path (Join-Path $ModuleDirectory 'FtpTools.dll'))) {
        Invoke-BuildTask
    }

    $repositoryPath = Join-Path ([System.IO.Path]::GetTempPath()) ('FtpToolsRepository-' + [guid]::NewGuid().ToString('N'))
    $repositoryName = 'FtpToolsLocal' + [guid]::NewGuid().ToString('N').Substring(0, 8)
    New-Item -ItemType Directory -Path $repositoryPath | Out-Null
    try {
        if (Get-Command Publish-PSResource -ErrorAction SilentlyContinue) {
            Register-PSResourceRepository -Name $repositoryName -Uri $repositoryPath -Trusted
            try {
                Publish-PSResource -Path $ModuleDirectory -Repository $repositoryName
            }
            finally {
                Unregister-PSResourceRepository -Name $repositoryName
            }
        }
        else {
            Register-PSRepository -Name $repositoryName -SourceLocation $repositoryPath -PublishLocation $repositoryPath -InstallationPolicy Trusted
            try {
                # A file-share repository needs no real key; Publish-Module only insists that one is given.
                Publish-Module -Path $ModuleDirectory -Repository $repositoryName -NuGetApiKey 'local'
            }
            finally {
                Unregister-PSRepository -Name $repositoryName
            }
        }

        $packages = @(Get-ChildItem -Path $repositoryPath -Filter '*.nupkg')
        if ($packages.Count -eq 0) {
            throw "Publishing produced no .nupkg in $repositoryPath."
        }
        Test-Package -RepositoryPath $repositoryPath
        foreach ($package in $packages) {
            Move-Item -Path $package.FullName -Destination $OutDirectory -Force
            Write-Host "Package: $(Join-Path $OutDirectory $package.Name)"
        }
    }
    finally {
        Remove-Item -Path $repositoryPath -Recurse -Force -ErrorAction SilentlyContinue
    }
}

# Installs FtpTools from the local repository into a temporary folder and imports it by name, in a child PowerShell whose
# module path is that folder (and the shipped modules) only: nothing is installed where the user's modules live.
function Test-Package {
    param([Parameter(Mandatory)][string]$RepositoryPath)
    $installPath = Join-Path ([System.IO.Path]::GetTempPath()) ('FtpToolsInstall-' + [guid]::NewGuid().ToString('N'))
    $check = {
        param($RepositoryPath, $InstallPath)
        $ErrorActionPreference = 'Stop'
        $name = 'FtpToolsCheck' + [guid]::NewGuid().ToString('N').Substring(0, 8)
        New-Item -ItemType Directory -Path $InstallPath | Out-Null
        if (Get-Command -Name Save-PSResource -ErrorAction SilentlyContinue) {
            Register-PSResourceRepository -Name $name -Uri $RepositoryPath -Trusted
            try { Save-PSResource -Name FtpTools -Repository $name -Path $InstallPath -TrustRepository }
            finally { Unregister-PSResourceRepository -Name $name }
        }
        else {
            Register-PSRepository -Name $name -SourceLocation $RepositoryPath -InstallationPolicy Trusted
            try { Save-Module -Name FtpTools -Repository $name -Path $InstallPath }
            finally { Unregister-PSRepository -Name $name }
        }
        $env:PSModulePath = $InstallPath + [System.IO.Path]::PathSeparator + (Join-Path $PSHOME 'Modules')
        Import-Module -Name FtpTools
        $module = Get-Module -Name FtpTools
        $commands = @(Get-Command -Module FtpTools)
        if ($commands.Count -eq 0) { throw 'FtpTools imported without commands.' }
        if (-not $module.ModuleBase.StartsWith($InstallPath)) { throw "FtpTools was imported from $($module.ModuleBase), not from $InstallPath." }
        "FtpTools $($module.Version) installed from the package and imported by name: $($commands.Count) commands"
    }
    try {
        $powershell = Get-PowerShellExecutable
        $encoded = [Convert]::ToBase64String([System.Text.Encoding]::Unicode.GetBytes(
                "& { $check } -RepositoryPath '$($RepositoryPath -replace "'", "''")' -InstallPath '$($installPath -replace "'", "''")'"))
        & $powershell -NoProfile -NonInteractive -EncodedCommand $encoded
        if ($LASTEXITCODE -ne 0) {
            throw "The package did not install from the local repository or did not import by name (exit code $LASTEXITCODE)."
        }
    }
    finally {
        Remove-Item -LiteralPath $installPath -Recurse -Force -ErrorAction SilentlyContinue
    }
}

function Invoke-CleanTask {
    if (Test-Path $OutDirectory) {
        Remove-Item -Path $OutDirectory -Recurse -Force
    }
    foreach ($folder in 'src', 'tests') {
        Get-ChildItem -Path (Join-Path $RepositoryRoot $folder) -Directory -Recurse -Include 'bin', 'obj' -ErrorAction SilentlyContinue |
            Remove-Item -Recurse -Force -ErrorAction SilentlyContinue
    }
}

function Invoke-DemoTask {
    if (-not (Test-Path (Join-Path $ModuleDirectory 'FtpTools.dll'))) {
        Invoke-BuildTask
    }
    # tests/Demo.ps1 starts the lab from its Release build.
    Invoke-Native dotnet @('build', (Join-Path $RepositoryRoot 'tests/FtpTools.Lab'), '-c', 'Release')
    & (Get-PowerShellExecutable) -NoProfile -NonInteractive -File (Join-Path $RepositoryRoot 'tests/Demo.ps1')
    if ($LASTEXITCODE -ne 0) {
        throw "The demo transfer failed (exit code $LASTEXITCODE)."
    }
}

foreach ($name in $Task) {
    Write-Host "== $name ($Configuration)" -ForegroundColor Cyan
    switch ($name) {
        'Build' { Invoke-BuildTask }
        'Test' { Invoke-TestTask }
        'Package' { Invoke-PackageTask }
        'Clean' { Invoke-CleanTask }
        'Demo' { Invoke-DemoTask }
    }
}
