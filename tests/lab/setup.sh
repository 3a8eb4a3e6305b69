#!/usr/bin/env bash
# Fresh-machine set-up in one command (Debian 12 with the .NET SDK):
#   bash tests/lab/setup.sh [--install-only]
#   1. installs the FTP lab servers (tests/lab/install.sh)
#   2. installs PowerShell 7.6.9 as a dotnet global tool (~/.dotnet/tools/pwsh) unless a pwsh 7.4+ exists
#   3. restores Pester 5.9.1 (and BouncyCastle 2.4.0 for the SFTP isolation test) into .tools/ of this repository (tests/tools/TestPackages.csproj), no module path touched
#   4. builds the module into out/FtpTools and the lab (Release)
#   5. runs tests/Demo.ps1 in pwsh: transfers with the module against the lab's vsftpd (explicit FTPS) and sshd (SFTP), which must
#      end with the line "Demo transfer OK"
# --install-only stops after step 3 (.ci/run). Runs as root, since the lab's servers need it (re-runs itself with sudo).
# Exits non-zero when any step fails.
set -euo pipefail
script=$(cd "$(dirname "$0")" && pwd)/$(basename "$0")
cd "$(dirname "$script")/../.."

install_only=false
case "${1:-}" in
  '') ;;
  --install-only) install_only=true ;;
  *) echo "usage: $0 [--install-only]" >&2; exit 2 ;;
esac
if [ "$(id -u)" != 0 ]; then
  echo "== the lab's servers need root: re-running with sudo"
  exec sudo CI="${CI:-}" bash "$script" "$@"
fi
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
# shellcheck source=../tools/pwsh.sh
. tests/tools/pwsh.sh

echo "== 1/5 test lab (vsftpd, proftpd, pure-ftpd, pyftpdlib, OpenSSH sshd, curl, lftp)"
bash tests/lab/install.sh

echo "== 2/5 PowerShell"
pwsh_path=$(install_pwsh) || { echo "could not install PowerShell $PWSH_TOOL_VERSION as a dotnet global tool" >&2; exit 1; }
echo "pwsh: $pwsh_path ($("$pwsh_path" -NoProfile -NonInteractive -Command '$PSVersionTable.PSVersion.ToString()'))"

echo "== 3/5 Pester into .tools"
dotnet restore tests/tools/TestPackages.csproj
pester=.tools/nuget/pester/5.9.1/tools/Pester.psd1
[ -f "$pester" ] || { echo "Pester was not restored: $pester is missing" >&2; exit 1; }
echo "Pester: $pester"
if $install_only; then exit 0; fi

echo "== 4/5 building the module (out/FtpTools) and the lab"
dotnet build src/FtpTools.sln -c Release
dotnet build tests/FtpTools.Lab -c Release

echo "== 5/5 demo transfer: $pwsh_path -File tests/Demo.ps1"
log=$(mktemp)
trap 'rm -f "$log"' EXIT
set +e
"$pwsh_path" -NoProfile -NonInteractive -File tests/Demo.ps1 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
set -e
last=$(sed -e 's/\x1b\[[0-9;]*m//g' -e 's/\r$//' "$log" | grep -v '^[[:space:]]*$' | tail -n 1)
if [ "$status" -ne 0 ] || [ "$last" != "Demo transfer OK" ]; then
  echo "the demo transfer failed (exit code $status)" >&2
  exit 1
fi
