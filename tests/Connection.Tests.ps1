#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0.0' }
# Connect-FtpServer, TLS, certificates, errors, verbose output, sessions and runspaces, Invoke-FtpCommand.

BeforeDiscovery {
    Import-Module -Name (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    $labSkip = [bool](Get-FtpLabSkipReason)   # skip where the lab cannot run, except under CI=true
    $isCore = $PSVersionTable.PSEdition -eq 'Core'
    $hasThreadJob = [bool](Get-Command -Name Start-ThreadJob -ErrorAction SilentlyContinue)
}

BeforeAll {
    Import-Module -Name (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    $manifest = Import-FtpToolsForTest
    $lab = Start-FtpLab -Server 'vsftpd-plain', 'vsftpd-explicit', 'vsftpd-explicit-tls12', 'proftpd-plain'
    $plain = $lab.Servers['vsftpd-plain']
    $explicit = $lab.Servers['vsftpd-explicit']
    $tls12 = $lab.Servers['vsftpd-explicit-tls12']
    $proftpd = $lab.Servers['proftpd-plain']

    # Runs a command and returns the error record it throws; $null when it does not throw.
    # -ErrorAction SilentlyContinue is applied by the callers: an error that still arrives here is terminating.
    function Get-ThrownError([scriptblock] $Script) {
        try { & $Script; $null } catch { $_ }
    }
}

AfterAll {
    Get-FtpSession | Disconnect-FtpServer
    Stop-FtpLab -Lab $lab
}

Describe 'Connect-FtpServer' -Skip:$labSkip {
    Context 'Explicit FTPS (the default)' {
        It 'connects with -CertificateThumbprint pinned to the self-signed certificate' {
            $p = Get-LabConnectParameters -Server $explicit
            $p.Remove('Encryption')   # Explicit is the default
            $s = Connect-FtpServer @p
            try {
                $s.IsConnected | Should -BeTrue
                $s.Encryption | Should -Be 'Explicit'
                $s.TlsProtocol | Should -Not -BeNullOrEmpty
                $s.ServerCertificateThumbprint | Should -Be ($explicit.certificateSha256.ToUpperInvariant() -replace '[: -]', '')
                $s.ComputerName | Should -Be $explicit.host
                $s.Port | Should -Be $explicit.port
                $s.UserName | Should -Be $explicit.user
            }
            finally { Disconnect-FtpServer -Session $s }
        }

        It 'fails with FtpTools.TlsFailed (SecurityError) when the self-signed certificate is not pinned' {
            $p = Get-LabConnectParameters -Server $explicit
            $p.Remove('CertificateThumbprint')
            $err = Get-ThrownError { Connect-FtpServer @p -ErrorAction SilentlyContinue }
            $err | Should -Not -BeNullOrEmpty -Because 'a certificate failure is a terminating error'
            $err.FullyQualifiedErrorId | Should -BeLike 'FtpTools.TlsFailed,*'
            $err.CategoryInfo.Category | Should -Be ([System.Management.Automation.ErrorCategory]::SecurityError)
        }

        It 'fails with FtpTools.TlsFailed when a different thumbprint is pinned' {
            $p = Get-LabConnectParameters -Server $explicit
            $p.CertificateThumbprint = '0' * 64
            { Connect-FtpServer @p } | Should -Throw -ErrorId 'FtpTools.TlsFailed,*'
        }

        It 'refuses a SHA-1 thumbprint with FtpTools.InvalidArgument' {
            $p = Get-LabConnectParameters -Server $explicit
            $p.CertificateThumbprint = 'AB' * 20
            { Connect-FtpServer @p } | Should -Throw -ErrorId 'FtpTools.InvalidArgument,*'
        }

        It 'accepts any certificate with -SkipCertificateCheck' {
            $p = Get-LabConnectParameters -Server $explicit
            $p.Remove('CertificateThumbprint')
            $s = Connect-FtpServer @p -SkipCertificateCheck
            try { $s.IsConnected | Should -BeTrue }
            finally { Disconnect-FtpServer -Session $s }
        }

        It 'transfers data on a server that requires TLS session reuse (vsftpd require_ssl_reuse)' {
            $s = Connect-LabServer -Server $explicit
            try {
                $dir = '/' + (New-UniqueName -Prefix 'reuse')
                New-FtpDirectory -Session $s -Path $dir | Out-Null
                $local = New-RandomFile -Path (Join-Path $TestDrive 'reuse.bin') -Size 100KB
                Send-FtpItem -Session $s -LiteralPath $local.FullName -Destination $dir
                @(Get-FtpChildItem -Session $s -Path $dir).Name | Should -Be 'reuse.bin'
                Get-Sha256 -LiteralPath (Get-ServerPath -Server $explicit -RemotePath "$dir/reuse.bin") | Should -Be (Get-Sha256 -LiteralPath $local.FullName)
            }
            finally { Disconnect-FtpServer -Session $s }
        }

        It 'names -Encryption None when the server has no TLS, and never sends the password' {
            $p = Get-LabConnectParameters -Server $plain
            $p.Encryption = 'Explicit'
            $verboseFile = Join-Path $TestDrive 'auth-tls-refused.verbose.txt'
            $err = Get-ThrownError { Connect-FtpServer @p -Verbose -ErrorAction SilentlyContinue 4> $verboseFile }
            $err | Should -Not -BeNullOrEmpty
            $err.FullyQualifiedErrorId | Should -BeLike 'FtpTools.TlsFailed,*'
            $text = '{0} {1} {2}' -f $err.Exception.Message, $err.ErrorDetails.Message, $err.ErrorDetails.RecommendedAction
            $text | Should -Match '-Encryption None'
            # No PASS command line was sent ('> PASS ...'); the server's own replies may mention PASS.
            Get-Content -LiteralPath $verboseFile -Raw | Should -Not -Match '(?m)^\s*>\s*PASS\b'
        }

        It 'negotiates the version requested with -TlsProtocol Tls12' {
            $s = Connect-LabServer -Server $tls12 -With @{ TlsProtocol = 'Tls12' }
            try { $s.TlsProtocol | Should -Be 'Tls12' }
            finally { Disconnect-FtpServer -Session $s }
        }

        It 'fails with FtpTools.TlsFailed when -TlsProtocol Tls13 is required of a TLS 1.2-only server' {
            { Connect-LabServer -Server $tls12 -With @{ TlsProtocol = 'Tls13' } } | Should -Throw -ErrorId 'FtpTools.TlsFailed,*'
        }
    }

    Context 'Login and connection errors' {
        It 'throws a terminating FtpTools.LoginFailed (AuthenticationError) for a wrong password' {
            $p = Get-LabConnectParameters -Server $plain
            $p.Credential = New-TestCredential -Server $plain -Password 'not-the-password'
            $err = Get-ThrownError { Connect-FtpServer @p -ErrorAction SilentlyContinue }
            $err | Should -Not -BeNullOrEmpty -Because 'a failed login is a terminating error'
            $err.FullyQualifiedErrorId | Should -BeLike 'FtpTools.LoginFailed,*'
            $err.CategoryInfo.Category | Should -Be ([System.Management.Automation.ErrorCategory]::AuthenticationError)
        }

        It 'throws FtpTools.ConnectFailed when nothing listens on the port' {
            $listener = New-Object System.Net.Sockets.TcpListener ([System.Net.IPAddress]::Loopback), 0
            $listener.Start()
            $freePort = $listener.LocalEndpoint.Port
            $listener.Stop()
            { Connect-FtpServer -ComputerName 127.0.0.1 -Port $freePort -Encryption None -Timeout 5 -RetryCount 0 } | Should -Throw -ErrorId 'FtpTools.ConnectFailed,*'
        }
    }

    Context 'Verbose output' {
        It 'shows the control conversation with PASS ******** and never the password' {
            $output = Connect-LabServer -Server $plain -With @{ Verbose = $true } 4>&1
            $session = @($output | Where-Object { $_.PSObject.TypeNames -contains 'FtpTools.FtpSession' })
            $verbose = @($output | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] } | ForEach-Object { $_.Message })
            try {
                $session.Count | Should -Be 1
                $text = $verbose -join "`n"
                $text | Should -Match 'USER '
                $text | Should -Match 'PASS \*{8}'
                $text | Should -Not -Match ([regex]::Escape([string]$plain.password))
            }
            finally { $session | Disconnect-FtpServer }
        }
    }
}

Describe 'Sessions' -Skip:$labSkip {
    It 'Get-FtpSession lists open sessions, -Id selects one, Disconnect-FtpServer closes it' {
        $s1 = Connect-LabServer -Server $plain
        $s2 = Connect-LabServer -Server $proftpd
        try {
            $s1.Id | Should -Not -Be $s2.Id
            (Get-FtpSession).Id | Should -Contain $s1.Id
            (Get-FtpSession).Id | Should -Contain $s2.Id
            (Get-FtpSession -Id $s1.Id).ComputerName | Should -Be $plain.host
            Disconnect-FtpServer -Session $s1
            $s1.IsConnected | Should -BeFalse
            (Get-FtpSession).Id | Should -Not -Contain $s1.Id
        }
        finally { $s1, $s2 | Where-Object IsConnected | Disconnect-FtpServer }
    }

    It 'uses the session connected most recently when -Session is omitted' {
        $marker = New-UniqueName -Prefix 'only-on-proftpd'
        Set-Content -LiteralPath (Get-ServerPath -Server $proftpd -RemotePath "/$marker") -Value 'x'
        $s1 = Connect-LabServer -Server $proftpd
        $s2 = Connect-LabServer -Server $plain
        try {
            Test-FtpPath -Path "/$marker" | Should -BeFalse -Because 'the default session is the vsftpd one, connected last'
            $s1 | Test-FtpPath -Path "/$marker" | Should -BeTrue
            Disconnect-FtpServer -Session $s2
            $s1 = Connect-LabServer -Server $proftpd
            Test-FtpPath -Path "/$marker" | Should -BeTrue
        }
        finally { Get-FtpSession | Disconnect-FtpServer }
    }

    It 'a session can be piped: $session | Get-FtpChildItem' {
        $name = New-UniqueName -Prefix 'piped'
        Set-Content -LiteralPath (Get-ServerPath -Server $plain -RemotePath "/$name.txt") -Value 'x'
        $s = Connect-LabServer -Server $plain
        try { ($s | Get-FtpChildItem).Name | Should -Contain "$name.txt" }
        finally { Disconnect-FtpServer -Session $s }
    }

    It 'ForEach-Object -Parallel cannot see the caller''s session: FtpTools.NoSession' -Skip:(-not $isCore) {
        $s = Connect-LabServer -Server $plain
        try {
            $result = 1 | ForEach-Object -Parallel {
                Import-Module -Name $using:manifest
                $count = @(Get-FtpSession).Count
                try { Get-FtpChildItem -Path / -ErrorAction Stop | Out-Null; "$count|no error" }
                catch { "$count|$($_.FullyQualifiedErrorId)" }
            }
            $result | Should -BeLike '0|FtpTools.NoSession,*'
        }
        finally { Disconnect-FtpServer -Session $s }
    }

    It 'a thread job cannot see the caller''s session but can connect its own' -Skip:(-not $hasThreadJob) {
        $s = Connect-LabServer -Server $plain
        try {
            $p = Get-LabConnectParameters -Server $plain
            $job = Start-ThreadJob -ScriptBlock {
                param($Manifest, $Parameters)
                Import-Module -Name $Manifest
                $before = try { Get-FtpChildItem -Path / -ErrorAction Stop | Out-Null; 'no error' } catch { $_.FullyQualifiedErrorId }
                $own = Connect-FtpServer @Parameters
                $after = (Invoke-FtpCommand -Session $own -Command 'NOOP').Code
                Disconnect-FtpServer -Session $own
                "$before|$after"
            } -ArgumentList $manifest, $p
            $result = $job | Wait-Job -Timeout 120 | Receive-Job
            $job | Remove-Job -Force
            $result | Should -BeLike 'FtpTools.NoSession,*|200'
        }
        finally { Disconnect-FtpServer -Session $s }
    }
}

Describe 'Invoke-FtpCommand' -Skip:$labSkip {
    BeforeAll { $s = Connect-LabServer -Server $plain }
    AfterAll { Disconnect-FtpServer -Session $s }

    It 'returns Code 200 for NOOP' {
        $r = Invoke-FtpCommand -Session $s -Command 'NOOP'
        $r.Code | Should -Be 200
        $r.IsSuccess | Should -BeTrue
        $r.Lines.Count | Should -BeGreaterOrEqual 1
    }

    It 'returns a negative reply as a result with IsSuccess $false' {
        $r = Invoke-FtpCommand -Session $s -Command 'SITE NO-SUCH-COMMAND'
        $r.Code | Should -BeGreaterOrEqual 500
        $r.IsSuccess | Should -BeFalse
    }

    It 'refuses commands that need a data connection (LIST)' {
        { Invoke-FtpCommand -Session $s -Command 'LIST' -ErrorAction Stop } | Should -Throw -ErrorId 'FtpTools.InvalidArgument,*'
    }

    It 'sends nothing with -WhatIf' {
        $name = New-UniqueName -Prefix 'whatif-mkd'
        Invoke-FtpCommand -Session $s -Command "MKD /$name" -WhatIf
        Test-Path -LiteralPath (Get-ServerPath -Server $plain -RemotePath "/$name") | Should -BeFalse
    }
}
