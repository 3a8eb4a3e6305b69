#!/bin/bash
# Installs the FTP servers and OpenSSH's sshd used by the FtpTools test lab on Debian 12 (run as root; idempotent).
#   tests/lab/install.sh [--password PW]
# Environment: FTPTOOLS_LAB_CACHE (default /var/cache/ftptools-lab), FTPTOOLS_LAB_ROOT (default $CACHE/root),
# FTPTOOLS_LAB_HOME (home of the ftptest user, default /var/cache/ftptools-lab/home), FTPTOOLS_LAB_PASSWORD.
# vsftpd and pyftpdlib come from apt. proftpd and pure-ftpd conflict with vsftpd (all provide ftp-server),
# so their packages are only unpacked with dpkg -x into $FTPTOOLS_LAB_ROOT (default /var/cache/ftptools-lab/root);
# their library dependencies are installed normally.
set -euo pipefail

LAB_CACHE=${FTPTOOLS_LAB_CACHE:-/var/cache/ftptools-lab}
LAB_ROOT=${FTPTOOLS_LAB_ROOT:-$LAB_CACHE/root}
PAM_SERVICE=ftptools-lab
FTP_USER=ftptest
FTP_PASSWORD=${FTPTOOLS_LAB_PASSWORD:-ftptest-lab-pw}
UNPACKED_PACKAGES=(proftpd-core proftpd-mod-crypto pure-ftpd)
APT_PACKAGES=(vsftpd python3-pyftpdlib curl lftp openssl iproute2 iptables procps ca-certificates openssh-server openssh-client putty-tools)

while [ $# -gt 0 ]; do
  case "$1" in
    --password) FTP_PASSWORD=$2; shift 2 ;;
    -h|--help) sed -n '2,9p' "$0"; exit 0 ;;
    *) echo "unknown argument: $1" >&2; exit 2 ;;
  esac
done

say() { echo "[ftptools-lab] $*"; }
fail() { echo "[ftptools-lab] ERROR: $*" >&2; exit 1; }
trap 'fail "command failed at line $LINENO: $BASH_COMMAND"' ERR

[ "$(id -u)" = 0 ] || fail "must run as root"
[ -r /etc/debian_version ] || fail "Debian is required"
export DEBIAN_FRONTEND=noninteractive

if ! apt-cache show proftpd-core >/dev/null 2>&1 || ! apt-cache show vsftpd >/dev/null 2>&1; then
  say "apt-get update"
  apt-get update -q
fi

# Library dependencies of the unpacked packages (lib* entries of their Depends).
mapfile -t UNPACKED_LIBS < <(apt-cache depends --no-recommends --no-suggests --no-conflicts --no-breaks \
    --no-replaces --no-enhances "${UNPACKED_PACKAGES[@]}" | awk '$1 == "Depends:" && $2 ~ /^lib/ { print $2 }' | sort -u)

say "apt-get install ${APT_PACKAGES[*]} ${UNPACKED_LIBS[*]}"
apt-get install -y -q --no-install-recommends "${APT_PACKAGES[@]}" "${UNPACKED_LIBS[@]}" >/dev/null

# The vsftpd package enables and starts a system service on :21; the lab runs its own instances.
if [ -d /run/systemd/system ] && systemctl is-enabled vsftpd >/dev/null 2>&1; then
  say "disabling the system vsftpd service"
  systemctl disable --now vsftpd >/dev/null 2>&1 || true
fi
if pgrep -x -f '/usr/sbin/vsftpd( /etc/vsftpd.conf)?' >/dev/null 2>&1; then
  say "stopping the system vsftpd service"
  invoke-rc.d vsftpd stop >/dev/null 2>&1 || /etc/init.d/vsftpd stop >/dev/null 2>&1 || true
fi

# openssh-server enables and starts sshd on :22 of every address; the lab runs its own sshd on loopback ports.
if [ -d /run/systemd/system ] && systemctl is-enabled ssh >/dev/null 2>&1; then
  say "disabling the system sshd service"
  systemctl disable --now ssh ssh.socket >/dev/null 2>&1 || true
fi
# The system sshd writes /run/sshd.pid (the lab's write their own pid files in the lab folder).
if [ -s /run/sshd.pid ] && kill -0 "$(cat /run/sshd.pid)" 2>/dev/null; then
  say "stopping the system sshd service"
  invoke-rc.d ssh stop >/dev/null 2>&1 || /etc/init.d/ssh stop >/dev/null 2>&1 || true
fi
# sshd's privilege separation directory (the lab creates it too; /run is emptied at boot).
mkdir -p /run/sshd && chmod 755 /run/sshd

# Unpack proftpd and pure-ftpd (only when the candidate version changed).
mkdir -p "$LAB_CACHE/debs" "$LAB_ROOT"
chown _apt "$LAB_CACHE/debs" 2>/dev/null || true   # apt-get download drops privileges to _apt
for pkg in "${UNPACKED_PACKAGES[@]}"; do
  version=$(apt-cache policy "$pkg" | awk '/Candidate:/ { print $2 }')
  [ -n "$version" ] && [ "$version" != "(none)" ] || fail "no candidate for $pkg (apt sources?)"
  stamp="$LAB_ROOT/.unpacked-$pkg"
  if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$version" ]; then
    say "$pkg $version already unpacked"
    continue
  fi
  say "unpacking $pkg $version into $LAB_ROOT"
  rm -f "$LAB_CACHE/debs/${pkg}_"*.deb
  (cd "$LAB_CACHE/debs" && apt-get download -q "$pkg=$version" >/dev/null)
  dpkg -x "$LAB_CACHE/debs/${pkg}_"*.deb "$LAB_ROOT"
  echo "$version" > "$stamp"
done

for bin in "$LAB_ROOT/usr/sbin/proftpd" "$LAB_ROOT/usr/sbin/pure-ftpd" "$LAB_ROOT/usr/bin/pure-pw" \
           "$LAB_ROOT/usr/lib/proftpd/mod_tls.so" "$LAB_ROOT/usr/lib/proftpd/mod_digest.so"; do
  [ -e "$bin" ] || fail "missing after unpack: $bin"
done
for bin in "$LAB_ROOT/usr/sbin/proftpd" "$LAB_ROOT/usr/sbin/pure-ftpd" "$LAB_ROOT/usr/bin/pure-pw" "$LAB_ROOT"/usr/lib/proftpd/mod_*.so; do
  if ldd "$bin" 2>/dev/null | grep -q 'not found'; then
    fail "unresolved libraries in $bin: $(ldd "$bin" | grep 'not found' | tr -s ' \t' ' ')"
  fi
done

# Test user: no login shell, password for vsftpd (PAM) and the lab's own password files.
# vsftpd changes into the home directory before local_root, so the home must exist.
FTP_HOME=${FTPTOOLS_LAB_HOME:-/var/cache/ftptools-lab/home}
if ! id "$FTP_USER" >/dev/null 2>&1; then
  say "creating user $FTP_USER"
  useradd --system --user-group --shell /usr/sbin/nologin --home-dir "$FTP_HOME" --no-create-home "$FTP_USER"
fi
[ "$(getent passwd "$FTP_USER" | cut -d: -f7)" = /usr/sbin/nologin ] || usermod --shell /usr/sbin/nologin "$FTP_USER"
if [ "$(getent passwd "$FTP_USER" | cut -d: -f6)" != "$FTP_HOME" ]; then
  usermod --home "$FTP_HOME" "$FTP_USER" || fail "cannot change the home of $FTP_USER (lab servers still running as it?)"
fi
mkdir -p "$FTP_HOME"
chown "$FTP_USER:" "$FTP_HOME"
chmod 755 "$LAB_CACHE" "$(dirname "$FTP_HOME")" "$FTP_HOME"
echo "$FTP_USER:$FTP_PASSWORD" | chpasswd
say "user $FTP_USER uid=$(id -u "$FTP_USER") gid=$(id -g "$FTP_USER")"

# vsftpd's own PAM service: only pam_unix, so /etc/shells (nologin) and /etc/ftpusers don't interfere.
cat > "/etc/pam.d/$PAM_SERVICE" <<'PAM'
# FtpTools test lab (tests/lab/install.sh): vsftpd logins of the lab user
auth    required pam_unix.so
account required pam_unix.so
session required pam_permit.so
PAM
say "wrote /etc/pam.d/$PAM_SERVICE"

# The lab reads the password from here (FtpTools.Lab: Lab.DefaultPasswordFile).
echo "$FTP_PASSWORD" > "$LAB_CACHE/password"
chmod 600 "$LAB_CACHE/password"

say "vsftpd:    $(command -v vsftpd || echo /usr/sbin/vsftpd)"
say "proftpd:   $LAB_ROOT/usr/sbin/proftpd ($("$LAB_ROOT/usr/sbin/proftpd" -v 2>&1 | head -1))"
say "pure-ftpd: $LAB_ROOT/usr/sbin/pure-ftpd"
# /usr/bin/python3 explicitly: a pyenv or venv python3 earlier in PATH doesn't see the Debian package
say "pyftpdlib: $(/usr/bin/python3 -c 'import pyftpdlib; print(pyftpdlib.__ver__)')"
say "sshd:      $(/usr/sbin/sshd -V 2>&1 | head -1)"
say "puttygen:  $(puttygen --version 2>&1 | head -1)"
say "done"
