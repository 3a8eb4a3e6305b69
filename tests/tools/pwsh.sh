# Sourced by tests/lab/setup.sh and tests/run-tests.sh: where PowerShell 7 is, and how it is installed.
# A pwsh installed with `dotnet tool install --global` lives in ~/.dotnet/tools, which is often not on PATH.

PWSH_TOOL_VERSION=7.6.9
PWSH_TOOL_PATH=${DOTNET_CLI_HOME:-$HOME}/.dotnet/tools/pwsh

# Prints the pwsh to use: the dotnet global tool, else a pwsh on PATH; only PowerShell 7.4 or later counts.
# Prints nothing (and returns 1) when there is none.
find_pwsh() {
  local candidate version
  for candidate in "$PWSH_TOOL_PATH" "$(command -v pwsh 2>/dev/null)"; do
    [ -n "$candidate" ] && [ -x "$candidate" ] || continue
    version=$("$candidate" -NoProfile -NonInteractive -Command '$PSVersionTable.PSVersion.ToString()' 2>/dev/null | tr -d '\r') || continue
    case "$version" in
      7.[4-9]*|7.[1-9][0-9]*|[89].*|[1-9][0-9].*) echo "$candidate"; return 0 ;;
    esac
  done
  return 1
}

# Installs PowerShell $PWSH_TOOL_VERSION as a dotnet global tool unless a pwsh 7.4+ exists; prints the pwsh to use.
install_pwsh() {
  local found
  if found=$(find_pwsh); then echo "$found"; return 0; fi
  if [ -e "$PWSH_TOOL_PATH" ]; then
    dotnet tool update --global PowerShell --version "$PWSH_TOOL_VERSION" >&2 || return 1
  else
    dotnet tool install --global PowerShell --version "$PWSH_TOOL_VERSION" >&2 || return 1
  fi
  find_pwsh
}
