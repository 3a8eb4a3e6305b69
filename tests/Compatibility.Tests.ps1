#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0.0' }
# The Pester suite, its helpers and build.ps1 must stay Windows PowerShell 5.1 code, and the lab suites must skip
# (with a reason) where the lab cannot run. Needs no lab: this runs everywhere, in PowerShell 7 and in 5.1.

BeforeDiscovery {
    $repositoryRoot = Split-Path -Parent $PSScriptRoot
    $scriptFiles = @(
        @(Get-ChildItem -LiteralPath $PSScriptRoot -File -Filter '*.ps1') +
        @(Get-ChildItem -LiteralPath $PSScriptRoot -File -Filter '*.psm1') +
        @(Get-Item -LiteralPath (Join-Path $repositoryRoot 'build.ps1'))
    ) | Sort-Object -Property Name | ForEach-Object { @{ Name = $_.Name; Path = $_.FullName } }
}

BeforeAll {
    # Parses a file with the parser of the PowerShell that runs the tests; 5.1's parser rejects 7-only syntax itself.
    function Get-ScriptAst([string] $Path) {
        $tokens = $null
        $errors = $null
        $ast = [System.Management.Automation.Language.Parser]::ParseFile($Path, [ref]$tokens, [ref]$errors)
        [pscustomobject]@{ Ast = $ast; Errors = @($errors) }
    }

    function Get-CommandName([System.Management.Automation.Language.Ast] $Node) {
        if ($Node -is [System.Management.Automation.Language.CommandAst]) { [string]$Node.GetCommandName() } else { '' }
    }

    # True when the node is inside a Describe, Context or It block that has a -Skip parameter.
    function Test-InsideSkippableBlock([System.Management.Automation.Language.Ast] $Node) {
        for ($parent = $Node.Parent; $null -ne $parent; $parent = $parent.Parent) {
            if ((Get-CommandName $parent) -in 'Describe', 'Context', 'It') {
                if (@($parent.CommandElements | Where-Object { $_ -is [System.Management.Automation.Language.CommandParameterAst] -and $_.ParameterName -eq 'Skip' }).Count -gt 0) {
                    return $true
                }
            }
        }
        $false
    }
}

Describe 'Windows PowerShell 5.1 compatibility of <Name>' -ForEach $scriptFiles {
    It 'is saved as UTF-8 with a BOM when it has non-ASCII characters' {
        $bytes = [System.IO.File]::ReadAllBytes($Path)
        $hasBom = $bytes.Length -ge 3 -and $bytes[0] -eq 0xEF -and $bytes[1] -eq 0xBB -and $bytes[2] -eq 0xBF
        $hasNonAscii = [System.Text.Encoding]::UTF8.GetString($bytes) -match '[^\x00-\x7F]'
        if ($hasNonAscii) {
            $hasBom | Should -BeTrue -Because 'Windows PowerShell 5.1 reads a file without a BOM in the ANSI code page'
        }
    }

    It 'parses, and uses no syntax of PowerShell 7 (?:, ??, ??=, ?., &&, ||) and no ForEach-Object -Parallel outside a test that can skip' {
        $parsed = Get-ScriptAst -Path $Path
        @($parsed.Errors | ForEach-Object { "$($_.Extent.StartLineNumber): $($_.Message)" }) | Should -BeNullOrEmpty
        $found = $parsed.Ast.FindAll({
                param($node)
                $type = $node.GetType().Name
                if ($type -in 'TernaryExpressionAst', 'PipelineChainAst') { return $true }
                if ($type -eq 'BinaryExpressionAst' -and "$($node.Operator)" -eq 'QuestionQuestion') { return $true }
                if ($type -eq 'AssignmentStatementAst' -and "$($node.Operator)" -eq 'QuestionQuestionEquals') { return $true }
                if ($type -in 'MemberExpressionAst', 'InvokeMemberExpressionAst', 'IndexExpressionAst' -and
                    $node.PSObject.Properties['NullConditional'] -and $node.NullConditional) { return $true }
                if ((Get-CommandName $node) -in 'ForEach-Object', '%', 'foreach') {
                    $parallel = @($node.CommandElements | Where-Object {
                            $_ -is [System.Management.Automation.Language.CommandParameterAst] -and 'Parallel' -like "$($_.ParameterName)*" -and $_.ParameterName.Length -ge 2 })
                    if ($parallel.Count -gt 0 -and -not (Test-InsideSkippableBlock $node)) { return $true }
                }
                $false
            }, $true)
        @($found | ForEach-Object { "line $($_.Extent.StartLineNumber): $($_.Extent.Text)" }) | Should -BeNullOrEmpty
    }
}

Describe 'Lab suites skip where the lab cannot run' {
    It '<Name>: every top-level Describe of a suite that starts the lab takes -Skip' -ForEach @($scriptFiles | Where-Object { $_.Name -like '*.Tests.ps1' }) {
        $ast = (Get-ScriptAst -Path $Path).Ast
        $startsLab = @($ast.FindAll({ param($node) (Get-CommandName $node) -eq 'Start-FtpLab' }, $true)).Count -gt 0
        if (-not $startsLab) { return }
        $topLevel = @($ast.FindAll({
                    param($node)
                    if ((Get-CommandName $node) -ne 'Describe') { return $false }
                    for ($parent = $node.Parent; $null -ne $parent; $parent = $parent.Parent) {
                        if ((Get-CommandName $parent) -in 'Describe', 'Context') { return $false }
                    }
                    $true
                }, $true))
        $topLevel.Count | Should -BeGreaterThan 0
        $withoutSkip = @($topLevel | Where-Object {
                @($_.CommandElements | Where-Object { $_ -is [System.Management.Automation.Language.CommandParameterAst] -and $_.ParameterName -eq 'Skip' }).Count -eq 0
            } | ForEach-Object { "line $($_.Extent.StartLineNumber): $($_.CommandElements[1].Extent.Text)" })
        $withoutSkip | Should -BeNullOrEmpty -Because 'each needs -Skip:$labSkip, where $labSkip = [bool](Get-FtpLabSkipReason) is set in BeforeDiscovery'
    }
}
