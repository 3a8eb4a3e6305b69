#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0.0' }
# Connect-FtpServer as a scheduled job meets a server that is briefly down: the first connection is tried again after
# transient failures (refused, reset, timed out, 421) with -RetryCount/-RetryDelay and the transfers' back-off; permanent
# failures and -RetryCount 0 fail at once; Ctrl+C ends the wait. Real vsftpd and OpenSSH sshd, stopped and started by the lab.

BeforeDiscovery {
    Import-Module -Name (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    $labSkip = [bool](Get-FtpLabSkipReason)   # skip where the lab cannot run, except under CI=true
}

BeforeAll {
    Import-Module -Name (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    $manifest = Import-FtpToolsForTest
    $lab = Start-FtpLab -Server 'vsftpd-plain', 'openssh-sftp'
    $ftp = $lab.Servers['vsftpd-plain']
    $sftp = $lab.Servers['openssh-sftp']

    function Get-ThrownError([scriptblock] $Script) {
        try { & $Script; $null } catch { $_ }
    }

    function Get-ConnectParameters([string] $Kind) {
        if ($Kind -eq 'ftp') {
            $parameters = Get-LabConnectParameters -Server $ftp
            $parameters['WarningAction'] = 'SilentlyContinue'
            return $parameters
        }
        @{
            ComputerName       = $sftp.host
            Port               = [int]$sftp.port
            Protocol           = 'Sftp'
            Credential         = New-TestCredential -Server $sftp
            HostKeyFingerprint = @($sftp.hostKeys | ForEach-Object { [string]$_.fingerprint })
        }
    }

    # Tells the lab to stop the server and start it again after PauseMilliseconds; returns once its port refuses connections.
    function Start-Outage([object] $Server, [int] $PauseMilliseconds) {
        Restart-LabServer -Lab $lab -Name $Server.name -PauseMilliseconds $PauseMilliseconds
        $deadline = [DateTime]::UtcNow.AddSeconds(10)
        while ([DateTime]::UtcNow -lt $deadline) {
            $client = New-Object -TypeName System.Net.Sockets.TcpClient
            try { $client.Connect([string]$Server.host, [int]$Server.port) }
            catch [System.Net.Sockets.SocketException] { return }
            finally { $client.Dispose() }
            Start-Sleep -Milliseconds 20
        }
        throw "The lab server '$($Server.name)' did not go down."
    }

    function Get-ClosedPort {
        $listener = New-Object System.Net.Sockets.TcpListener ([System.Net.IPAddress]::Loopback), 0
        $listener.Start()
        $port = $listener.LocalEndpoint.Port
        $listener.Stop()
        $port
    }
}

AfterAll {
    Get-FtpSession | Disconnect-FtpServer
    Stop-FtpLab -Lab $lab
}

Describe 'Connect-FtpServer while the server is briefly down' -Skip:$labSkip {
    It '<Label>: a server that is not listening when Connect-FtpServer starts connects once it is back' -TestCases @(
        @{ Label = 'vsftpd'; Kind = 'ftp' }
        @{ Label = 'OpenSSH sftp'; Kind = 'sftp' }
    ) {
        param($Label, $Kind)
        $server = if ($Kind -eq 'ftp') { $ftp } else { $sftp }
        $parameters = Get-ConnectParameters $Kind
        Start-Outage -Server $server -PauseMilliseconds 2500
        $watch = [System.Diagnostics.Stopwatch]::StartNew()
        $output = Connect-FtpServer @parameters -RetryCount 6 -RetryDelay 1 -Verbose 4>&1
        $watch.Stop()

        $session = @($output | Where-Object { $_ -is [FtpTools.FtpSession] })
        $retries = @($output | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] -and $_.Message -match '^Connecting to .* failed \(attempt \d of 7\): ' })
        $session.Count | Should -Be 1
        $session[0].IsConnected | Should -BeTrue
        $retries.Count | Should -BeGreaterOrEqual 1
        $retries[0].Message | Should -Match "^Connecting to $([regex]::Escape([string]$server.host)):$($server.port) failed \(attempt 1 of 7\): .+\. Trying again in 1 s\.$"
        $watch.Elapsed.TotalSeconds | Should -BeGreaterThan 1
        Get-FtpChildItem -Session $session[0] -Path / | Out-Null
        Disconnect-FtpServer -Session $session[0]
    }
}

Describe 'A session whose server went down' -Skip:$labSkip {
    It 'reconnects on its next use, retrying with the session''s -RetryCount/-RetryDelay until vsftpd is back' {
        $parameters = Get-ConnectParameters 'ftp'
        $session = Connect-FtpServer @parameters -RetryCount 6 -RetryDelay 1
        Start-Outage -Server $ftp -PauseMilliseconds 2500
        $output = Get-FtpChildItem -Session $session -Path / -Verbose 4>&1
        $verbose = @($output | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] } | ForEach-Object { $_.Message })
        @($verbose | Where-Object { $_ -match '^Connecting to .* failed \(attempt 1 of 7\): .+ Trying again in 1 s\.$' }).Count | Should -Be 1
        # Whether the session noticed the drop before the listing (and reconnected first) or only when the listing failed
        # (and reconnected to repeat it) depends on when the kernel reports the closed socket; both retry the same way.
        @($verbose | Where-Object { $_ -match 'reconnected to .*(the connection had dropped|repeating the request)' }).Count | Should -Be 1
        $session.IsConnected | Should -BeTrue
        Disconnect-FtpServer -Session $session
    }
}

Describe 'Connect-FtpServer failures that retrying cannot fix, or that are not retried' -Skip:$labSkip {
    It '-RetryCount 0 fails at once with FtpTools.ConnectFailed (ConnectionError), as a single attempt always did' {
        $port = Get-ClosedPort
        $watch = [System.Diagnostics.Stopwatch]::StartNew()
        $err = Get-ThrownError { Connect-FtpServer -ComputerName 127.0.0.1 -Port $port -Encryption None -Timeout 5 -RetryCount 0 -ErrorAction Stop }
        $watch.Elapsed.TotalSeconds | Should -BeLessThan 3
        $err.FullyQualifiedErrorId | Should -BeLike 'FtpTools.ConnectFailed,*'
        $err.CategoryInfo.Category | Should -Be ([System.Management.Automation.ErrorCategory]::ConnectionError)
        $err.Exception.Message | Should -Not -Match 'Tried'
    }

    It 'a server that stays down fails after the retries, with the same id and category, saying how often it tried' {
        $port = Get-ClosedPort
        $watch = [System.Diagnostics.Stopwatch]::StartNew()
        $verbose = New-Object -TypeName System.Collections.Generic.List[object]
        $err = Get-ThrownError { Connect-FtpServer -ComputerName 127.0.0.1 -Port $port -Encryption None -Timeout 5 -RetryCount 2 -RetryDelay 1 -Verbose -ErrorAction Stop 4>&1 | ForEach-Object { $verbose.Add($_) } }
        $watch.Elapsed.TotalSeconds | Should -BeGreaterThan 2.5   # 1 s, then 2 s
        $err.FullyQualifiedErrorId | Should -BeLike 'FtpTools.ConnectFailed,*'
        $err.CategoryInfo.Category | Should -Be ([System.Management.Automation.ErrorCategory]::ConnectionError)
        $err.Exception.Message | Should -Match 'Tried 3 times\.$'
        $err.ErrorDetails.Message | Should -Match 'Tried 3 times\.'
        @($verbose | Where-Object { "$_" -match 'failed \(attempt [12] of 3\): Could not connect .*Trying again in [12] s\.$' }).Count | Should -Be 2
    }

    It 'a wrong password (530) is not retried' {
        $parameters = Get-ConnectParameters 'ftp'
        $parameters['Credential'] = New-TestCredential -Server $ftp -Password 'wrong'
        $watch = [System.Diagnostics.Stopwatch]::StartNew()
        $verbose = New-Object -TypeName System.Collections.Generic.List[object]
        $err = Get-ThrownError { Connect-FtpServer @parameters -RetryCount 3 -RetryDelay 30 -Verbose -ErrorAction Stop 4>&1 | ForEach-Object { $verbose.Add($_) } }
        $watch.Elapsed.TotalSeconds | Should -BeLessThan 10
        $err.FullyQualifiedErrorId | Should -BeLike 'FtpTools.LoginFailed,*'
        $err.Exception.Message | Should -Not -Match 'Tried'
        @($verbose | Where-Object { "$_" -match 'Trying again' }).Count | Should -Be 0
    }

    It '<Label>: a host name that does not resolve is not retried' -TestCases @(
        @{ Label = 'FTP'; Address = 'no-such-host.invalid' }
        @{ Label = 'SFTP'; Address = 'sftp://deploy@no-such-host.invalid' }
    ) {
        param($Label, $Address)
        $credential = New-Object -TypeName System.Management.Automation.PSCredential -ArgumentList 'deploy', (ConvertTo-SecureString -String 'x' -AsPlainText -Force)
        $extra = @{}
        if ($Label -eq 'SFTP') { $extra['HostKeyFingerprint'] = 'SHA256:' + ('A' * 43) } else { $extra['Encryption'] = 'None' }
        $watch = [System.Diagnostics.Stopwatch]::StartNew()
        $err = Get-ThrownError { Connect-FtpServer -ComputerName $Address -Credential $credential @extra -RetryCount 3 -RetryDelay 30 -ErrorAction Stop }
        $watch.Elapsed.TotalSeconds | Should -BeLessThan 20
        $err.FullyQualifiedErrorId | Should -BeLike 'FtpTools.ConnectFailed,*'
        $err.Exception.Message | Should -Match 'no-such-host\.invalid'
        $err.Exception.Message | Should -Not -Match 'Tried'
    }

    It 'an untrusted SFTP host key is not retried' {
        $parameters = Get-ConnectParameters 'sftp'
        $parameters['HostKeyFingerprint'] = 'SHA256:' + ('A' * 43)
        $watch = [System.Diagnostics.Stopwatch]::StartNew()
        $err = Get-ThrownError { Connect-FtpServer @parameters -RetryCount 3 -RetryDelay 30 -ErrorAction Stop }
        $watch.Elapsed.TotalSeconds | Should -BeLessThan 10
        $err.FullyQualifiedErrorId | Should -BeLike 'FtpTools.HostKeyNotTrusted,*'
    }

    It 'stopping the pipeline (Ctrl+C) ends the wait between attempts at once' {
        $port = Get-ClosedPort
        $shell = [powershell]::Create()
        try {
            [void]$shell.AddScript({
                    param($manifest, $port)
                    Import-Module -Name $manifest
                    Connect-FtpServer -ComputerName 127.0.0.1 -Port $port -Encryption None -Timeout 5 -RetryCount 3 -RetryDelay 600 -Verbose
                }).AddArgument($manifest).AddArgument($port)
            $handle = $shell.BeginInvoke()
            $deadline = [DateTime]::UtcNow.AddSeconds(30)
            while (@($shell.Streams.Verbose | Where-Object { $_.Message -match 'Trying again in 600 s' }).Count -eq 0 -and -not $handle.IsCompleted -and [DateTime]::UtcNow -lt $deadline) { Start-Sleep -Milliseconds 50 }
            Start-Sleep -Milliseconds 500   # well inside the 600 s wait
            $watch = [System.Diagnostics.Stopwatch]::StartNew()
            $shell.Stop()
            $watch.Elapsed.TotalSeconds | Should -BeLessThan 5
            $shell.InvocationStateInfo.State | Should -Be 'Stopped'
        }
        finally { $shell.Dispose() }
    }
}
