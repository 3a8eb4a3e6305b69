#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0.0' }
# Every script of the repository (module manifest, build.ps1, the Pester suite and its helpers, the lab and benchmark
# scripts) and every powershell code block of the help and README (what users copy) must run in Windows PowerShell 5.1
# as it does in PowerShell 7, and the lab suites must skip (with a reason) where the lab cannot run. 5.1 cannot run on
# the Linux machines where the suite runs, so the rules are read from the PowerShell AST here; in 5.1 itself its own
# parser also rejects 7-only syntax. Needs no lab.

BeforeDiscovery {
    $repositoryRoot = Split-Path -Parent $PSScriptRoot
    $skippedFolders = '^(out|\.tools|\.git|bin|obj|node_modules|TestResults)$'
    $folders = New-Object System.Collections.Generic.Queue[string]
    $folders.Enqueue($repositoryRoot)
    $paths = New-Object System.Collections.Generic.List[string]
    while ($folders.Count -gt 0) {
        $folder = $folders.Dequeue()
        foreach ($child in [System.IO.Directory]::GetDirectories($folder)) {
            if ([System.IO.Path]::GetFileName($child) -notmatch $skippedFolders) { $folders.Enqueue($child) }
        }
        foreach ($file in [System.IO.Directory]::GetFiles($folder)) {
            if ([System.IO.Path]::GetExtension($file) -in '.ps1', '.psm1', '.psd1') { $paths.Add($file) }
        }
    }
    $scriptFiles = @($paths | Sort-Object | ForEach-Object { @{ Name = $_.Substring($repositoryRoot.Length + 1).Replace('\', '/'); Path = $_ } })

    # The ```powershell blocks of README.md and en-US/help/*.md. In help examples, the commands are the lines after the
    # "PS C:\> " prompt, ">> " continuations and the lines that continue a command ending in | or ` or {; the rest is output.
    $documents = @(Get-Item -LiteralPath (Join-Path $repositoryRoot 'README.md')) + @(Get-ChildItem -LiteralPath (Join-Path $repositoryRoot 'en-US/help') -File -Filter '*.md')
    $codeBlocks = foreach ($document in $documents) {
        $lines = [System.IO.File]::ReadAllLines($document.FullName)
        $relative = $document.FullName.Substring($repositoryRoot.Length + 1).Replace('\', '/')
        for ($i = 0; $i -lt $lines.Length; $i++) {
            if ($lines[$i] -notmatch '^```powershell\s*$') { continue }
            $start = $i + 1
            $block = New-Object System.Collections.Generic.List[string]
            for ($i = $start; $i -lt $lines.Length -and $lines[$i] -notmatch '^```'; $i++) { $block.Add($lines[$i]) }
            $hasPrompts = @($block | Where-Object { $_ -like 'PS C:\> *' }).Count -gt 0
            $code = New-Object System.Collections.Generic.List[string]
            $continues = $false
            foreach ($line in $block) {
                if (-not $hasPrompts) { $code.Add($line); continue }
                if ($line -like 'PS C:\> *') { $kept = $line.Substring(7) }
                elseif ($line -like '>>*') { $kept = $line.Substring(2) }
                elseif ($continues) { $kept = $line }
                else { $code.Add(''); $continues = $false; continue }
                $code.Add($kept)
                $continues = $kept.TrimEnd() -match '[|`{]$'
            }
            @{ Name = "${relative}:$start"; Code = ($code -join "`n") }
        }
    }
}

BeforeAll {
    function Get-ScriptAst([string] $Path, [string] $Code) {
        $tokens = $null
        $errors = $null
        if ($Path) { $ast = [System.Management.Automation.Language.Parser]::ParseFile($Path, [ref]$tokens, [ref]$errors) }
        else { $ast = [System.Management.Automation.Language.Parser]::ParseInput($Code, [ref]$tokens, [ref]$errors) }
        [pscustomobject]@{ Ast = $ast; Tokens = @($tokens); Errors = @($errors) }
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

    $script:Aliases = @{
        '%' = 'ForEach-Object'; 'foreach' = 'ForEach-Object'; 'gc' = 'Get-Content'; 'cat' = 'Get-Content'; 'type' = 'Get-Content'
        'sc' = 'Set-Content'; 'ac' = 'Add-Content'; 'iwr' = 'Invoke-WebRequest'; 'irm' = 'Invoke-RestMethod'; 'gci' = 'Get-ChildItem'
        'ls' = 'Get-ChildItem'; 'dir' = 'Get-ChildItem'; 'sort' = 'Sort-Object'; 'select' = 'Select-Object'; 'sls' = 'Select-String'
        'measure' = 'Measure-Object'; 'sleep' = 'Start-Sleep'; 'epcsv' = 'Export-Csv'; 'ipmo' = 'Import-Module'; 'sajb' = 'Start-Job'
        'saps' = 'Start-Process'; 'start' = 'Start-Process'; 'oss' = 'Out-String'
    }

    # Commands that Windows PowerShell 5.1 does not have.
    $script:UnknownCommands = @{
        'Test-Json'                  = 'PowerShell 6.1+; 5.1 has no JSON schema check'
        'Get-Error'                  = 'PowerShell 7+; in 5.1 use $Error[0] | Format-List * -Force'
        'Join-String'                = 'PowerShell 6.2+; in 5.1 use the -join operator'
        'Get-Uptime'                 = 'PowerShell 6+'
        'Remove-Alias'               = 'PowerShell 6+; in 5.1 use Remove-Item Alias:\name'
        'Remove-Service'             = 'PowerShell 6+'
        'ConvertFrom-Markdown'       = 'PowerShell 6.1+'
        'Show-Markdown'              = 'PowerShell 6.1+'
        'Start-ThreadJob'            = 'ships with PowerShell 7; 5.1 has it only after installing the ThreadJob module'
        'Get-ExperimentalFeature'    = 'PowerShell 6.2+'
        'Enable-ExperimentalFeature' = 'PowerShell 6.2+'
        'Get-PSSubsystem'            = 'PowerShell 7.3+'
    }

    # Parameters that the 5.1 versions of these commands do not have. Min: the shortest abbreviation that can only mean
    # this parameter (0: only the full name is matched).
    function New-ParameterRule([string[]] $Command, [string] $Parameter, [int] $Min, [string] $Reason) {
        [pscustomobject]@{ Commands = $Command; Parameter = $Parameter; Min = $Min; Reason = $Reason }
    }
    $script:UnknownParameters = @(
        New-ParameterRule 'ForEach-Object' 'Parallel' 2 'PowerShell 7+: 5.1 runs ForEach-Object in one runspace'
        New-ParameterRule 'ForEach-Object' 'ThrottleLimit' 2 'PowerShell 7+ (belongs to -Parallel)'
        New-ParameterRule 'ForEach-Object' 'TimeoutSeconds' 2 'PowerShell 7+ (belongs to -Parallel)'
        New-ParameterRule 'Join-Path' 'AdditionalChildPath' 1 'PowerShell 6+: 5.1 joins one child path; nest Join-Path'
        New-ParameterRule 'Get-Content', 'Set-Content', 'Add-Content' 'AsByteStream' 2 'PowerShell 6+: 5.1 reads and writes bytes with -Encoding Byte'
        New-ParameterRule 'ConvertFrom-Json' 'AsHashtable' 2 'PowerShell 6+: 5.1 returns PSCustomObjects only'
        New-ParameterRule 'ConvertFrom-Json' 'Depth' 3 'PowerShell 6.2+'
        New-ParameterRule 'ConvertFrom-Json' 'NoEnumerate' 1 'PowerShell 7+'
        New-ParameterRule 'ConvertTo-Json' 'EnumsAsStrings' 2 'PowerShell 6.2+: 5.1 writes enums as numbers'
        New-ParameterRule 'ConvertTo-Json' 'AsArray' 2 'PowerShell 6.2+'
        New-ParameterRule 'ConvertTo-Json' 'EscapeHandling' 2 'PowerShell 6.2+'
        New-ParameterRule 'Split-Path' 'LeafBase' 5 'PowerShell 6+: in 5.1 use [System.IO.Path]::GetFileNameWithoutExtension'
        New-ParameterRule 'Split-Path' 'Extension' 2 'PowerShell 6+: in 5.1 use [System.IO.Path]::GetExtension'
        New-ParameterRule 'Start-Process' 'Environment' 2 'PowerShell 7.4+'
        New-ParameterRule 'Invoke-WebRequest', 'Invoke-RestMethod' 'SkipCertificateCheck' 0 'PowerShell 6+'
        New-ParameterRule 'Invoke-WebRequest', 'Invoke-RestMethod' 'SslProtocol' 0 'PowerShell 6+'
        New-ParameterRule 'Invoke-WebRequest', 'Invoke-RestMethod' 'Authentication' 0 'PowerShell 6+'
        New-ParameterRule 'Invoke-WebRequest', 'Invoke-RestMethod' 'SkipHttpErrorCheck' 0 'PowerShell 7+'
        New-ParameterRule 'Invoke-WebRequest', 'Invoke-RestMethod' 'StatusCodeVariable' 0 'PowerShell 7+'
        New-ParameterRule 'Invoke-WebRequest', 'Invoke-RestMethod' 'Form' 0 'PowerShell 6.1+'
        New-ParameterRule 'Invoke-WebRequest', 'Invoke-RestMethod' 'MaximumRetryCount' 0 'PowerShell 6.1+'
        New-ParameterRule 'Sort-Object' 'Top' 0 'PowerShell 6+'
        New-ParameterRule 'Sort-Object' 'Bottom' 0 'PowerShell 6+'
        New-ParameterRule 'Sort-Object' 'Stable' 0 'PowerShell 6.1+'
        New-ParameterRule 'Select-Object' 'SkipIndex' 0 'PowerShell 6+'
        New-ParameterRule 'Get-Date' 'AsUTC' 0 'PowerShell 7.1+'
        New-ParameterRule 'Get-Date' 'UnixTimeSeconds' 0 'PowerShell 7.1+'
        New-ParameterRule 'Get-Random' 'Shuffle' 0 'PowerShell 7+'
        New-ParameterRule 'Select-String' 'Raw' 0 'PowerShell 7+'
        New-ParameterRule 'Select-String' 'NoEmphasis' 0 'PowerShell 7+'
        New-ParameterRule 'Measure-Object' 'AllStats' 0 'PowerShell 6+'
        New-ParameterRule 'Measure-Object' 'StandardDeviation' 0 'PowerShell 6+'
        New-ParameterRule 'Start-Sleep' 'Duration' 0 'PowerShell 7.3+'
        New-ParameterRule 'Get-ChildItem' 'FollowSymlink' 0 'PowerShell 6+'
        New-ParameterRule 'Export-Csv', 'ConvertTo-Csv' 'UseQuotes' 0 'PowerShell 7+'
        New-ParameterRule 'Export-Csv', 'ConvertTo-Csv' 'QuoteFields' 0 'PowerShell 7+'
        New-ParameterRule 'Export-Csv', 'ConvertTo-Csv' 'IncludeTypeInformation' 0 'PowerShell 6+ (5.1 always writes #TYPE unless -NoTypeInformation)'
        New-ParameterRule 'Out-String' 'NoNewline' 0 'PowerShell 7+'
        New-ParameterRule 'Start-Job' 'WorkingDirectory' 0 'PowerShell 7+'
        New-ParameterRule 'Import-Module' 'UseWindowsPowerShell' 0 'PowerShell 7+'
    )

    # -Encoding values: the 5.1 cmdlets know Unicode, UTF8 (with a BOM), ASCII, Default, OEM, UTF7, UTF32, BigEndianUnicode, Byte.
    $script:EncodingValues = @{
        'utf8NoBOM' = 'PowerShell 6+; 5.1 has no UTF-8 without a BOM for these cmdlets'
        'utf8BOM'   = 'PowerShell 6+; in 5.1 UTF8 is UTF-8 with a BOM'
        'ansi'      = 'PowerShell 7.4+; in 5.1 it is Default'
        'Byte'      = 'Windows PowerShell only: PowerShell 6+ refuses it (-AsByteStream there)'
    }

    # Writers whose default encoding differs: 5.1 Out-File (and > >>) UTF-16 LE, Set-Content/Add-Content ANSI,
    # Export-Csv ASCII; PowerShell 7 UTF-8 without a BOM.
    $script:EncodingDefaultWriters = 'Out-File', 'Set-Content', 'Add-Content', 'Export-Csv'

    # .NET members and types that .NET Framework 4.7.2/4.8 does not have (names without the leading "System.").
    $script:UnknownStaticMembers = @{
        'IO.Path'                              = 'GetRelativePath', 'Join', 'TrimEndingDirectorySeparator', 'EndsInDirectorySeparator', 'Exists'
        'Convert'                              = 'ToHexString', 'FromHexString'
        'Text.Encoding'                        = @('Latin1')
        'Security.Cryptography.RandomNumberGenerator' = 'GetBytes', 'Fill', 'GetInt32'
        'Security.Cryptography.SHA256'         = @('HashData')
        'Security.Cryptography.SHA1'           = @('HashData')
        'Security.Cryptography.MD5'            = @('HashData')
        'Environment'                          = 'ProcessPath', 'ProcessId'
        'Random'                               = @('Shared')
        'IO.Directory'                         = 'CreateSymbolicLink', 'ResolveLinkTarget'
        'IO.File'                              = 'CreateSymbolicLink', 'ResolveLinkTarget', 'ReadAllTextAsync', 'WriteAllTextAsync', 'ReadAllBytesAsync',
        'WriteAllBytesAsync', 'ReadAllLinesAsync', 'WriteAllLinesAsync', 'AppendAllTextAsync', 'GetUnixFileMode', 'SetUnixFileMode'
    }
    $script:UnknownTypes = 'OperatingSystem', 'Text.Json.JsonSerializer', 'Text.Json.JsonDocument', 'HashCode', 'Range', 'Index', 'DateOnly', 'TimeOnly',
    'Half', 'IO.UnixFileMode', 'Threading.PeriodicTimer', 'Net.Http.SocketsHttpHandler'

    function Get-TypeKey([string] $Name) {
        if ($Name -like 'System.*') { $Name = $Name.Substring(7) }
        $Name
    }

    function Get-ParameterValue([System.Management.Automation.Language.CommandAst] $Command, [System.Management.Automation.Language.CommandParameterAst] $Parameter) {
        if ($Parameter.Argument) { return $Parameter.Argument }
        $index = $Command.CommandElements.IndexOf($Parameter)
        if ($index -ge 0 -and $index + 1 -lt $Command.CommandElements.Count) {
            $next = $Command.CommandElements[$index + 1]
            if ($next -isnot [System.Management.Automation.Language.CommandParameterAst]) { return $next }
        }
        $null
    }

    function Test-ParameterName([string] $Given, [string] $Name, [int] $Min) {
        if ([string]::Equals($Given, $Name, [StringComparison]::OrdinalIgnoreCase)) { return $true }
        $Min -gt 0 -and $Given.Length -ge $Min -and $Name.StartsWith($Given, [StringComparison]::OrdinalIgnoreCase)
    }

    # Join-Path given more than two paths (PowerShell 6+ binds the rest to -AdditionalChildPath).
    function Get-JoinPathCount([System.Management.Automation.Language.CommandAst] $Command) {
        $count = 0
        $elements = $Command.CommandElements
        for ($i = 1; $i -lt $elements.Count; $i++) {
            $element = $elements[$i]
            if ($element -is [System.Management.Automation.Language.CommandParameterAst]) {
                $takesValue = $element.ParameterName -notin 'Resolve', 'Verbose', 'Debug', 'WhatIf', 'Confirm'
                if ($element.ParameterName -in 'Path', 'ChildPath') { $count++ }
                if ($takesValue -and -not $element.Argument) { $i++ }
                continue
            }
            $count++
        }
        $count
    }

    function Find-SyntaxProblem([System.Management.Automation.Language.Ast] $Node) {
        $type = $Node.GetType().Name
        if ($type -eq 'TernaryExpressionAst') { return 'the ternary operator ?: (PowerShell 7+)' }
        if ($type -eq 'PipelineChainAst') { return 'the pipeline chain operators && and || (PowerShell 7+)' }
        if ($type -eq 'BinaryExpressionAst' -and "$($Node.Operator)" -eq 'QuestionQuestion') { return 'the null-coalescing operator ?? (PowerShell 7+)' }
        if ($type -eq 'AssignmentStatementAst' -and "$($Node.Operator)" -eq 'QuestionQuestionEquals') { return 'the operator ??= (PowerShell 7+)' }
        if ($type -in 'MemberExpressionAst', 'InvokeMemberExpressionAst', 'IndexExpressionAst' -and $Node.PSObject.Properties['NullConditional'] -and $Node.NullConditional) {
            return 'a null-conditional ?. or ?[] (PowerShell 7+)'
        }
        if ($type -eq 'ScriptBlockAst' -and $Node.PSObject.Properties['CleanBlock'] -and $Node.CleanBlock) { return 'a clean {} block (PowerShell 7.3+)' }
        if ($type -eq 'PipelineAst' -and $Node.PSObject.Properties['Background'] -and $Node.Background) { return 'the background operator & (PowerShell 6+)' }
        if ($type -eq 'BinaryExpressionAst' -and "$($Node.Operator)" -in 'Ireplace', 'Creplace' -and $Node.Right -is [System.Management.Automation.Language.ArrayLiteralAst] -and
            @($Node.Right.Elements).Count -eq 2 -and $Node.Right.Elements[1] -is [System.Management.Automation.Language.ScriptBlockExpressionAst]) {
            return '-replace with a script block (PowerShell 6.1+; 5.1 inserts the script block''s text)'
        }
        $null
    }

    function Find-RuntimeProblem([System.Management.Automation.Language.Ast] $Node, [bool] $SetsOutFileEncoding) {
        if ($Node -is [System.Management.Automation.Language.CommandAst]) {
            $name = Get-CommandName $Node
            if (-not $name) { return $null }
            if ($name.Contains('\')) { $name = $name.Substring($name.LastIndexOf('\') + 1) }
            if ($script:Aliases.ContainsKey($name)) { $name = $script:Aliases[$name] }
            if ($script:UnknownCommands.ContainsKey($name)) { return "$name ($($script:UnknownCommands[$name]))" }
            $parameters = @($Node.CommandElements | Where-Object { $_ -is [System.Management.Automation.Language.CommandParameterAst] })
            foreach ($parameter in $parameters) {
                foreach ($rule in $script:UnknownParameters) {
                    if ($rule.Commands -contains $name -and (Test-ParameterName $parameter.ParameterName $rule.Parameter $rule.Min)) { return "$name -$($rule.Parameter) ($($rule.Reason))" }
                }
                if (Test-ParameterName $parameter.ParameterName 'Encoding' 3) {
                    $value = Get-ParameterValue $Node $parameter
                    if ($value -is [System.Management.Automation.Language.StringConstantExpressionAst] -and $script:EncodingValues.ContainsKey($value.Value)) {
                        return "-Encoding $($value.Value) ($($script:EncodingValues[$value.Value]))"
                    }
                }
            }
            if ($name -eq 'Join-Path' -and (Get-JoinPathCount $Node) -gt 2) { return 'Join-Path with more than two paths (PowerShell 6+; 5.1 takes one child path: nest Join-Path)' }
            $given = @($parameters | ForEach-Object { $_.ParameterName })
            if ($name -in $script:EncodingDefaultWriters -and -not @($given | Where-Object { Test-ParameterName $_ 'Encoding' 3 }).Count) {
                return "$name without -Encoding (the default differs: 5.1 writes UTF-16 LE with Out-File, ANSI with Set-Content/Add-Content, ASCII with Export-Csv; 7 UTF-8 without a BOM)"
            }
            if ($name -in 'Export-Csv', 'ConvertTo-Csv' -and -not @($given | Where-Object { Test-ParameterName $_ 'NoTypeInformation' 3 }).Count) {
                return "$name without -NoTypeInformation (5.1 writes a #TYPE line first)"
            }
            return $null
        }
        if ($Node -is [System.Management.Automation.Language.FileRedirectionAst] -and -not $SetsOutFileEncoding -and
            $Node.Location.Extent.Text -ne '$null') {
            return 'redirection to a file (5.1 writes UTF-16 LE; set $PSDefaultParameterValues[''Out-File:Encoding''] or use a cmdlet with -Encoding)'
        }
        if ($Node -is [System.Management.Automation.Language.VariableExpressionAst]) {
            $variable = $Node.VariablePath.UserPath
            if ($variable -eq 'PSStyle') { return '$PSStyle (PowerShell 7.2+)' }
            if ($variable -eq 'IsWindows') {
                $statement = $Node
                while ($statement.Parent -and $statement -isnot [System.Management.Automation.Language.StatementAst]) { $statement = $statement.Parent }
                if ($statement.Extent.Text -notmatch 'PSEdition|PSVersionTable') { return '$IsWindows without a 5.1 fallback (it is $null in 5.1, which runs on Windows)' }
            }
            return $null
        }
        if ($Node -is [System.Management.Automation.Language.MemberExpressionAst] -and $Node.Static -and
            $Node.Expression -is [System.Management.Automation.Language.TypeExpressionAst] -and $Node.Member -is [System.Management.Automation.Language.StringConstantExpressionAst]) {
            $typeKey = Get-TypeKey $Node.Expression.TypeName.FullName
            foreach ($key in $script:UnknownStaticMembers.Keys) {
                if ($typeKey -eq $key -and $Node.Member.Value -in $script:UnknownStaticMembers[$key]) { return "[System.$key]::$($Node.Member.Value) (not in .NET Framework 4.x)" }
            }
        }
        if ($Node -is [System.Management.Automation.Language.TypeExpressionAst] -or $Node -is [System.Management.Automation.Language.TypeConstraintAst]) {
            $typeKey = Get-TypeKey $Node.TypeName.FullName
            if ($typeKey -in $script:UnknownTypes) { return "[System.$typeKey] (not in .NET Framework 4.x)" }
        }
        if ($Node -is [System.Management.Automation.Language.InvokeMemberExpressionAst] -and -not $Node.Static -and
            $Node.Member -is [System.Management.Automation.Language.StringConstantExpressionAst] -and $Node.Member.Value -eq 'Split') {
            $first = @($Node.Arguments)[0]
            if ($first -is [System.Management.Automation.Language.StringConstantExpressionAst] -and $first.Value.Length -gt 1) {
                return ".Split('$($first.Value)') (.NET Framework has no String.Split(string): 5.1 splits at each of its characters; use -split)"
            }
        }
        $null
    }

    $script:SyntaxNodeTypes = New-Object 'System.Collections.Generic.HashSet[string]' -ArgumentList @(, [string[]]@(
            'TernaryExpressionAst', 'PipelineChainAst', 'BinaryExpressionAst', 'AssignmentStatementAst', 'MemberExpressionAst',
            'InvokeMemberExpressionAst', 'IndexExpressionAst', 'ScriptBlockAst', 'PipelineAst'))
    $script:RuntimeNodeTypes = New-Object 'System.Collections.Generic.HashSet[string]' -ArgumentList @(, [string[]]@(
            'CommandAst', 'FileRedirectionAst', 'VariableExpressionAst', 'MemberExpressionAst', 'InvokeMemberExpressionAst',
            'TypeExpressionAst', 'TypeConstraintAst'))

    # Findings "line N: what (why): code" of one script. -AllowInSkippableBlocks: runtime rules do not apply inside a
    # Describe, Context or It that takes -Skip (the lab suites, which skip wherever 5.1 runs; PowerShell-7-only tests).
    # A script or code block that says #Requires -Version 7 (or -PSEdition Core) is labelled as PowerShell 7 code.
    function Find-WindowsPowerShellProblem($Parsed, [switch] $AllowInSkippableBlocks) {
        $requirements = $Parsed.Ast.ScriptRequirements
        if ($requirements -and (($requirements.RequiredPSVersion -and $requirements.RequiredPSVersion.Major -ge 6) -or @($requirements.RequiredPSEditions) -contains 'Core')) {
            return @()
        }
        $setsOutFileEncoding = $Parsed.Ast.Extent.Text -match "PSDefaultParameterValues\[\s*'Out-File:Encoding'\s*\]\s*="
        $findings = New-Object System.Collections.Generic.List[string]
        foreach ($node in $Parsed.Ast.FindAll({ $true }, $true)) {
            # Only the node types a rule looks at (function calls per node would make large suites slow).
            $type = $node.GetType().Name
            $problem = $null
            if ($script:SyntaxNodeTypes.Contains($type)) { $problem = Find-SyntaxProblem $node }
            if (-not $problem -and $script:RuntimeNodeTypes.Contains($type) -and
                ($type -ne 'VariableExpressionAst' -or $node.VariablePath.UserPath -in 'IsWindows', 'PSStyle')) {
                $problem = Find-RuntimeProblem $node $setsOutFileEncoding
                if ($problem -and $AllowInSkippableBlocks -and (Test-InsideSkippableBlock $node)) { $problem = $null }
            }
            if ($problem) { $findings.Add("line $($node.Extent.StartLineNumber): ${problem}: $(($node.Extent.Text -split "`n")[0].Trim())") }
        }
        foreach ($token in $Parsed.Tokens) {
            $problem = $null
            if ("$($token.Kind)" -in 'StringExpandable', 'HereStringExpandable' -and $token.Text -match '`u\{') { $problem = 'the escape `u{...} (PowerShell 6+; 5.1 reads it as u{...})' }
            if ("$($token.Kind)" -eq 'Number' -and $token.Text -match '^(?i)(0b[01]+|(0x[0-9a-f]+|[0-9.]+(e[+-]?[0-9]+)?)(y|uy|s|us|u|ul|n))(kb|mb|gb|tb|pb)?$') {
                $problem = 'a binary literal or a number suffix y, uy, s, us, u, ul, n (PowerShell 6.2+/7+)'
            }
            if ($problem) { $findings.Add("line $($token.Extent.StartLineNumber): ${problem}: $($token.Text)") }
        }
        , $findings.ToArray()
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

    It 'parses, and uses no syntax, command, parameter, variable or .NET member that 5.1 lacks or runs differently (outside a test that can skip)' {
        $parsed = Get-ScriptAst -Path $Path
        @($parsed.Errors | ForEach-Object { "$($_.Extent.StartLineNumber): $($_.Message)" }) | Should -BeNullOrEmpty
        Find-WindowsPowerShellProblem $parsed -AllowInSkippableBlocks | Should -BeNullOrEmpty
    }
}

Describe 'The powershell example <Name> runs in Windows PowerShell 5.1' -ForEach $codeBlocks {
    It 'parses, and uses nothing that 5.1 lacks or runs differently (or says #Requires -Version 7)' {
        $parsed = Get-ScriptAst -Code $Code
        @($parsed.Errors | ForEach-Object { "$($_.Extent.StartLineNumber): $($_.Message)" }) | Should -BeNullOrEmpty
        Find-WindowsPowerShellProblem $parsed | Should -BeNullOrEmpty
    }
}

Describe 'The 5.1 checks find what they look for' {
    # Each sample plants one violation; the check must report it. The clean sample is the 5.1 way of the same things.
    It 'reports <Sample>' -ForEach @(
        @{ Sample = '$a = $b ? 1 : 2' }
        @{ Sample = '$a = $b ?? 1' }
        @{ Sample = '$a ??= 1' }
        @{ Sample = '${a}?.Length' }
        @{ Sample = 'git fetch && git pull' }
        @{ Sample = 'function f { process { } clean { } }' }
        @{ Sample = 'Start-Sleep 10 &' }
        @{ Sample = '"a" -replace "a", { "b" }' }
        @{ Sample = '"`u{2713}"' }
        @{ Sample = '$n = 0b1010' }
        @{ Sample = '$n = 5uy' }
        @{ Sample = '1..3 | ForEach-Object -Parallel { $_ }' }
        @{ Sample = '1..3 | % -Para { $_ }' }
        @{ Sample = 'Join-Path a b c' }
        @{ Sample = 'Join-Path -Path a -ChildPath b c' }
        @{ Sample = 'Join-Path a b -AdditionalChildPath c' }
        @{ Sample = 'Get-Content x -AsByteStream' }
        @{ Sample = 'Set-Content x -Value 1 -Encoding utf8NoBOM' }
        @{ Sample = 'Get-Content x -Encoding Byte' }
        @{ Sample = 'ConvertFrom-Json $j -AsHashtable' }
        @{ Sample = '$j | ConvertFrom-Json -Depth 5' }
        @{ Sample = '$o | ConvertTo-Json -EnumsAsStrings' }
        @{ Sample = 'Split-Path x.txt -LeafBase' }
        @{ Sample = 'Test-Json -Json $j' }
        @{ Sample = 'Get-Error' }
        @{ Sample = 'Start-ThreadJob { 1 }' }
        @{ Sample = 'Invoke-WebRequest https://x -SkipCertificateCheck' }
        @{ Sample = 'Start-Process pwsh -Environment @{ A = 1 }' }
        @{ Sample = 'if ($IsWindows) { 1 }' }
        @{ Sample = '$PSStyle.Reset' }
        @{ Sample = '"text" | Out-File log.txt' }
        @{ Sample = '"text" > log.txt' }
        @{ Sample = 'Set-Content -Path x -Value "text"' }
        @{ Sample = '$rows | Export-Csv x.csv -Encoding UTF8' }
        @{ Sample = '[System.IO.Path]::GetRelativePath("a", "b")' }
        @{ Sample = '[Convert]::ToHexString($bytes)' }
        @{ Sample = '[System.OperatingSystem]::IsLinux()' }
        @{ Sample = '"a::b".Split("::")' }
    ) {
        $found = Find-WindowsPowerShellProblem (Get-ScriptAst -Code $Sample)
        @($found).Count | Should -BeGreaterThan 0 -Because "'$Sample' does not work the same in Windows PowerShell 5.1"
    }

    It 'reports nothing for the 5.1 ways of the same things' {
        $clean = @'
$a = if ($b) { 1 } else { 2 }
git fetch; if ($LASTEXITCODE -eq 0) { git pull }
$path = Join-Path (Join-Path a b) c
$bytes = Get-Content x -Encoding Default -ReadCount 0
Set-Content -Path x -Value 1 -Encoding UTF8
$rows | Export-Csv x.csv -NoTypeInformation -Encoding UTF8
$onWindows = $PSVersionTable.PSEdition -eq 'Desktop' -or $IsWindows
Split-Path x/y.txt -Leaf
"a::b" -split '::'
"x".Split(',')
Get-ChildItem 2> $null
[System.IO.Path]::GetFileNameWithoutExtension('x.txt')
1..3 | ForEach-Object { $_ }
Describe 'seven only' -Skip:($PSVersionTable.PSEdition -ne 'Core') { It 'x' { 1..3 | ForEach-Object -Parallel { $_ } } }
'@
        Find-WindowsPowerShellProblem (Get-ScriptAst -Code $clean) -AllowInSkippableBlocks | Should -BeNullOrEmpty
    }

    It 'accepts a script labelled #Requires -Version 7' {
        Find-WindowsPowerShellProblem (Get-ScriptAst -Code "#Requires -Version 7.0`n1..3 | ForEach-Object -Parallel { `$_ }") | Should -BeNullOrEmpty
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
