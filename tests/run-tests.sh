#!/usr/bin/env bash
# Runs every test against the real servers of the lab: the xunit suites (dotnet test tests/FtpTools.Tests.sln
# -c Release), then the Pester suite in pwsh (tests/Invoke-PesterSuite.ps1), and ends with one line for the whole run:
#   N passed, N failed, N skipped
# Exit code 1 when a test failed, when no test ran, or when a test was skipped under CI=true. Builds the module and
# the lab itself; needs what `bash tests/lab/setup.sh` installs (the lab, pwsh, Pester). Runs as root, since the lab's
# servers need it (re-runs itself with sudo).
set -uo pipefail
script=$(cd "$(dirname "$0")" && pwd)/$(basename "$0")
cd "$(dirname "$script")/.."
if [ "$(id -u)" != 0 ]; then
  echo "== the lab's servers need root: re-running with sudo"
  exec sudo CI="${CI:-}" bash "$script" "$@"
fi
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
# shellcheck source=tools/pwsh.sh
. tests/tools/pwsh.sh

logs=$(mktemp -d)
# Network namespaces of test processes that were killed before their clean-up (netns.sh reap leaves live runs alone).
trap 'rm -rf "$logs"; bash tests/lab/netns.sh reap >/dev/null 2>&1 || true' EXIT
passed=0 failed=0 skipped=0
problems=()
strip() { sed -e 's/\x1b\[[0-9;]*[A-Za-z]//g' -e 's/\r$//' "$@"; }

# Prints the reasons, then the summary as the last line, and exits.
summary() {
  local problem
  if [ "${CI:-}" = true ] && [ "$skipped" -gt 0 ]; then
    problems+=("$skipped test(s) skipped under CI=true, where every test must run")
  fi
  for problem in "${problems[@]}"; do echo "$problem"; done
  echo "$passed passed, $failed failed, $skipped skipped"
  if [ "$failed" -gt 0 ] || [ "${#problems[@]}" -gt 0 ]; then exit 1; fi
  exit 0
}

echo "== building the module (out/FtpTools), the lab and the tests"
if ! dotnet build src/FtpTools.sln -c Release || ! dotnet build tests/FtpTools.Tests.sln -c Release \
   || ! [ -f out/FtpTools/FtpTools.psd1 ] || ! [ -f out/FtpTools/FtpTools.dll ] || ! [ -f out/FtpTools/en-US/FtpTools.dll-Help.xml ]; then
  failed=1
  problems+=("the build failed, so no test ran (counted as one failure)")
  summary
fi

echo "== xunit: dotnet test tests/FtpTools.Tests.sln -c Release"
dotnet test tests/FtpTools.Tests.sln -c Release --no-build 2>&1 | tee "$logs/xunit.log"
status=${PIPESTATUS[0]}
# One summary per test assembly: "Passed!  - Failed:     0, Passed:   843, Skipped:     0, Total:   843, ..."
read -r p f s < <(strip "$logs/xunit.log" | grep -E '^(Passed|Failed)! +- Failed: ' \
  | sed -E 's/.*Failed: +([0-9]+), Passed: +([0-9]+), Skipped: +([0-9]+).*/\2 \1 \3/' \
  | awk '{ p += $1; f += $2; s += $3 } END { print p + 0, f + 0, s + 0 }')
echo "xunit: $p passed, $f failed, $s skipped"
if [ "$status" -ne 0 ] && [ "$f" -eq 0 ]; then
  f=1
  problems+=("dotnet test exited with $status without reporting a failed test (a test host crashed or aborted?); counted as one failure")
fi
[ $((p + f + s)) -gt 0 ] || problems+=("xunit: no test ran")
passed=$((passed + p)) failed=$((failed + f)) skipped=$((skipped + s))

echo "== Pester: pwsh -File tests/Invoke-PesterSuite.ps1"
if ! pwsh_path=$(find_pwsh); then
  failed=$((failed + 1))
  problems+=("PowerShell 7.4+ (pwsh) was not found on PATH or in ~/.dotnet/tools; run: bash tests/lab/setup.sh (counted as one failure)")
  summary
fi
"$pwsh_path" -NoProfile -NonInteractive -File tests/Invoke-PesterSuite.ps1 2>&1 | tee "$logs/pester.log"
status=${PIPESTATUS[0]}
line=$(strip "$logs/pester.log" | grep -E '^Pester: [0-9]+ passed, [0-9]+ failed, [0-9]+ skipped$' | tail -n 1)
if [ -z "$line" ]; then
  failed=$((failed + 1))
  problems+=("the Pester run ended (exit code $status) without its summary line; counted as one failure")
  summary
fi
read -r p f s < <(echo "$line" | sed -E 's/^Pester: ([0-9]+) passed, ([0-9]+) failed, ([0-9]+) skipped$/\1 \2 \3/')
[ $((p + f + s)) -gt 0 ] || problems+=("Pester: no test ran")
passed=$((passed + p)) failed=$((failed + f)) skipped=$((skipped + s))
summary
