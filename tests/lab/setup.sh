#!/usr/bin/env bash
# Fresh-machine set-up in one command: installs the FTP lab servers (needs root), builds the module into
# out/FtpTools, and where PowerShell 7 (pwsh) exists, runs the demo transfer with the module against a local
# vsftpd with explicit FTPS.
set -euo pipefail
cd "$(dirname "$0")/../.."
if [ "$(id -u)" = 0 ]; then bash tests/lab/install.sh; else sudo bash tests/lab/install.sh; fi
dotnet build src/FtpTools.sln -c Release
dotnet build tests/FtpTools.Lab -c Release
if command -v pwsh >/dev/null 2>&1; then
  pwsh -NoProfile -NonInteractive -File tests/Demo.ps1
else
  echo "The module is built in out/FtpTools. PowerShell (pwsh) is not installed here, so the demo transfer was not run."
fi
