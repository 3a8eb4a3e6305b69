<#
.SYNOPSIS
    Builds, tests, packages and demonstrates the FtpTools module.
.DESCRIPTION
    Build    dotnet build src/FtpTools.sln; the module folder is assembled in out/FtpTools.
    Test     dotnet test tests/FtpTools.Tests.sln, then the Pester 5 tests under tests/ (skipped with a warning when Pester 5 is missing).
    Package  Publishes out/FtpTools to a temporary local repository and leaves the .nupkg in out/.
    Clean    Removes out/ and every bin/ and obj/ folder.
    Demo     Starts the FTP lab, connects with the lab's certificate pin, uploads and downloads a file, compares hashes, stops the lab.
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

function Invoke-BuildTask {
    Invoke-Native dotnet @('build', (Join-Path $RepositoryRoot 'src/FtpTools.sln'), '-c', $Configuration)
    if (-not (Test-Path (Join-Path $ModuleDirectory 'FtpTools.psd1'))) {
        throw "The build did not assemble the module folder $ModuleDirectory."
    }
}

function Invoke-TestTask {
    Invoke-Native dotnet @('test', (Join-Path $RepositoryRoot 'tests/FtpTools.Tests.sln'), '-c', $Configuration)

    $pester = Get-Module -ListAvailable -Name Pester |
        Where-Object { $_.Version -ge [version]'5.0.0' } |
        Sort-Object Version -Descending |
        Select-Object -First 1
    if (-not $pester) {
        Write-Warning 'Pester 5 or later is not installed, so the PowerShell tests were skipped. Install it with: Install-Module Pester -MinimumVersion 5.0.0 -Scope CurrentUser'
        return
    }

    Import-Module $pester -Force
    $result = Invoke-Pester -Path (Join-Path $RepositoryRoot 'tests') -Output Detailed -PassThru
    if ($result.FailedCount -gt 0) {
        throw "$($result.FailedCount) Pester test(s) failed."
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
        foreach ($package in $packages) {
            Move-Item -Path $package.FullName -Destination $OutDirectory -Force
            Write-Host "Package: $(Join-Path $OutDirectory $package.Name)"
        }
    }
    finally {
        Remove-Item -Path $repositoryPath -Recurse -Force -ErrorAction SilentlyContinue
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
    & (Join-Path $RepositoryRoot 'tests/Demo.ps1')
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
