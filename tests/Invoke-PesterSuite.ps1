<#
.SYNOPSIS
    Runs the Pester 5 suite (tests/*.Tests.ps1) with the Pester kept in the repository and reports one line of counts.
.DESCRIPTION
    Imports Pester 5.9.1 by path from .tools/nuget/pester/5.9.1/tools (restoring it with
    dotnet restore tests/tools/TestPackages.csproj when it is missing), runs the suite and prints
        Pester: N passed, N failed, N skipped
    Failed counts failed tests, failed blocks (e.g. an AfterAll that threw) and test files that could not be
    discovered or run; skipped counts skipped, inconclusive and not-run tests. Exit code 0 only when nothing failed,
    at least one test ran, and, under CI=true, nothing was skipped. Used by tests/run-tests.sh and build.ps1 -Task Test.
    Works in Windows PowerShell 5.1 and PowerShell 7.
.EXAMPLE
    pwsh -NoProfile -NonInteractive -File tests/Invoke-PesterSuite.ps1
.EXAMPLE
    ./tests/Invoke-PesterSuite.ps1 -Path ./tests/Transfer.Tests.ps1 -Output Normal -PassThru
#>
[CmdletBinding()]
param(
    # Test files or folders; by default every *.Tests.ps1 in this folder.
    [string[]] $Path = @($PSScriptRoot),

    [ValidateSet('None', 'Normal', 'Detailed', 'Diagnostic')]
    [string] $Output = 'Detailed',

    # Also write the counts as an object to the pipeline.
    [switch] $PassThru
)

# No Set-StrictMode and no $ErrorActionPreference here: the test files run in this script's scope and must see the
# defaults, exactly as under a plain Invoke-Pester.

$pesterVersion = '5.9.1'
$repositoryRoot = Split-Path -Parent $PSScriptRoot
$pesterManifest = Join-Path $repositoryRoot ".tools/nuget/pester/$pesterVersion/tools/Pester.psd1"
$olderBouncyCastle = Join-Path $repositoryRoot '.tools/nuget/bouncycastle.cryptography/2.4.0/lib/netstandard2.0/BouncyCastle.Cryptography.dll'
if (-not (Test-Path -LiteralPath $pesterManifest) -or -not (Test-Path -LiteralPath $olderBouncyCastle)) {
    Write-Host "Pester $pesterVersion or BouncyCastle 2.4.0 is not in .tools; restoring it with dotnet restore tests/tools/TestPackages.csproj"
    & dotnet restore (Join-Path $PSScriptRoot 'tools/TestPackages.csproj') | Out-Host
    if ($LASTEXITCODE -ne 0 -or -not (Test-Path -LiteralPath $pesterManifest)) {
        throw "Could not restore Pester $pesterVersion into $(Split-Path -Parent $pesterManifest)."
    }
}
# Only this Pester: another version already loaded (or autoloaded from PSModulePath) would answer Invoke-Pester.
Get-Module -Name Pester | Remove-Module -Force -ErrorAction Stop
Import-Module -Name $pesterManifest -Force -ErrorAction Stop

$configuration = New-PesterConfiguration
$configuration.Run.Path = $Path
$configuration.Run.PassThru = $true
$configuration.Output.Verbosity = $Output
$result = Invoke-Pester -Configuration $configuration
if ($null -eq $result) { throw 'Invoke-Pester returned no result.' }

# A file that failed discovery or its top-level setup is a failure even when no test in it was counted as one.
$brokenFiles = @($result.FailedContainers | Where-Object { $_.FailedCount -eq 0 })
$failed = $result.FailedCount + $result.FailedBlocksCount + $brokenFiles.Count
$skipped = $result.SkippedCount + $result.InconclusiveCount + $result.NotRunCount
$passed = $result.PassedCount
$isCi = $env:CI -eq 'true'

foreach ($test in $result.Failed) { Write-Host "Failed test: $($test.ExpandedPath)" }
foreach ($block in $result.FailedBlocks) { Write-Host "Failed block: $($block.Path -join '.'): $(@($block.ErrorRecord)[0])" }
foreach ($container in $brokenFiles) { Write-Host "Failed file: $($container.Item): $(@($container.ErrorRecord)[0])" }
foreach ($test in @($result.Skipped) + @($result.Inconclusive) + @($result.NotRun)) {
    if ($null -eq $test) { continue }
    $why = if (@($test.ErrorRecord).Count -gt 0) { " ($(@($test.ErrorRecord)[0]))" } else { '' }
    Write-Host "Skipped test: $($test.ExpandedPath)$why"
}

Write-Host ('Pester: {0} passed, {1} failed, {2} skipped' -f $passed, $failed, $skipped)
$exitCode = 0
if ($failed -gt 0) {
    $exitCode = 1
}
elseif ($passed + $skipped -eq 0) {
    Write-Host 'Pester: no test ran.'
    $exitCode = 1
}
elseif ($isCi -and $skipped -gt 0) {
    Write-Host "Pester: $skipped test(s) skipped under CI=true, where every test must run."
    $exitCode = 1
}

if ($PassThru) {
    [pscustomobject]@{
        PSTypeName = 'FtpTools.Tests.PesterCounts'
        Passed     = $passed
        Failed     = $failed
        Skipped    = $skipped
        ExitCode   = $exitCode
    }
}
exit $exitCode
