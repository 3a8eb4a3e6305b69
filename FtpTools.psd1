@{
    RootModule           = 'FtpTools.dll'
    ModuleVersion        = '0.1.0'
    GUID                 = '3f6c1d52-8a4e-4b7f-9c2d-5e1a7b0f4c93'
    Author               = 'FtpTools contributors'
    CompanyName          = 'FtpTools contributors'
    Copyright            = '(c) FtpTools contributors. All rights reserved.'
    Description          = 'FTP and FTPS (explicit and implicit TLS) automation for scripts, scheduled tasks and Azure Automation runbooks: connect with certificate pinning, list, upload, download with resume, hash, rename, move and remove remote items. Never prompts. Requires PowerShell 7.4+ or Windows PowerShell 5.1 on .NET Framework 4.7.2 or later.'
    CompatiblePSEditions = @('Desktop', 'Core')
    PowerShellVersion    = '5.1'
    FormatsToProcess     = @('FtpTools.Format.ps1xml', 'FtpTools.Diagnostics.Format.ps1xml')
    CmdletsToExport      = @(
        'Connect-FtpServer'
        'Disconnect-FtpServer'
        'Get-FtpSession'
        'Get-FtpChildItem'
        'Get-FtpItem'
        'Test-FtpPath'
        'Send-FtpItem'
        'Receive-FtpItem'
        'New-FtpDirectory'
        'Remove-FtpItem'
        'Rename-FtpItem'
        'Move-FtpItem'
        'Get-FtpFileHash'
        'Invoke-FtpCommand'
        'Test-FtpConnection'
        'Sync-FtpItem'
    )
    FunctionsToExport    = @()
    VariablesToExport    = @()
    AliasesToExport      = @()
    PrivateData          = @{
        PSData = @{
            Tags         = @('FTP', 'FTPS', 'TLS', 'Transfer', 'FileTransfer', 'Upload', 'Download', 'Automation', 'PSEdition_Desktop', 'PSEdition_Core', 'Windows', 'Linux', 'MacOS')
            # Placeholder until the public repository address is decided.
            ProjectUri   = 'https://github.com/ftptools/FtpTools'
            ReleaseNotes = 'First release.'
        }
    }
}
