#!/bin/bash
# Client/server network namespaces for NAT and firewall tests (root; run tests/lab/install.sh first).
#   tests/lab/netns.sh [--id ID] up | test | status | down
#   tests/lab/netns.sh check     up under a new id, test, and down again (also on failure or Ctrl+C)
#   tests/lab/netns.sh reap      down every run whose owner process has ended (left over by a killed test run)
# Every run has an id (1-10 of [a-z0-9]; --id, else FTPTOOLS_NETNS_ID; `up` makes a random one when neither is
# given and prints it), and every name carries it, so two runs on one machine never collide. Nothing is added to the
# root namespace; inside its own pair of namespaces each run uses the same addresses and ports:
#   fttc-ID "client"  veth fttc-ID 10.123.0.2/24, fd7b:ff00::2/64   stateful firewall: INPUT policy DROP, only ESTABLISHED,RELATED
#                     (and the forwarded range below); 192.168.77.2/32 on lo is its private address "behind NAT": connections
#                     to 10.123.0.3 leave from it, SNAT to 10.123.0.2, and 10.123.0.2:20000-20099 is forwarded (DNAT) to it
#   ftts-ID "server"  veth ftts-ID 10.123.0.1/24 + 10.123.0.3/32 (public), fd7b:ff00::1/64; 172.31.99.10/32 on lo (private;
#                     the IPv4 vsftpd listen there). DNAT public -> private for the control ports and the open passive ranges,
#                     SNAT 172.31.99.10 -> 10.123.0.1 on ftts-ID; INPUT drops 30800-30899 (the "closed" passive range)
#   nat-ok   :2121 plain, pasv_address=10.123.0.1 (correct NAT setup)
#   nat-bad  :2125 plain, no pasv_address -> PASV advertises 172.31.99.10 (unreachable from the client)
#   nat-tls  :2122 explicit FTPS, TLS required, require_ssl_reuse=YES, pasv_address=10.123.0.1
#   closed   :2123 plain, passive ports 30800-30899 dropped by the server's firewall
#   nat-tlsp :2124 explicit FTPS, TLS required, require_ssl_reuse=YES, no pasv_address (advertises 172.31.99.10)
#   implicit :2990 implicit FTPS (TLS from the first byte), pasv_address=10.123.0.1
#   v6       :2126 on [fd7b:ff00::1] only, plain, no NAT (EPSV and EPRT over IPv6)
# Run a client inside:  ip netns exec fttc-ID curl -u ftptest:PASSWORD ftp://10.123.0.1:2121/
# `up` writes $STATE/netns.env (namespaces, addresses, ports, user, password, certificate) for scripts and tests;
# STATE is $FTPTOOLS_LAB_NETNS_STATE/ID (default /run/ftptools-lab-netns/ID). `up --owner PID` records the process
# whose end lets `reap` remove the run (without it, only `down` removes the run).
set -u

RUN_ID=${FTPTOOLS_NETNS_ID:-}
OWNER=
while [ $# -gt 0 ]; do
  case "$1" in
    --id) RUN_ID=${2:-}; shift 2 || { echo "--id needs a value" >&2; exit 2; } ;;
    --owner) OWNER=${2:-}; shift 2 || { echo "--owner needs a value" >&2; exit 2; } ;;
    *) break ;;
  esac
done
COMMAND=${1:-}
STATE_BASE=${FTPTOOLS_LAB_NETNS_STATE:-/run/ftptools-lab-netns}
LAB_CACHE=${FTPTOOLS_LAB_CACHE:-/var/cache/ftptools-lab}
PUBLIC=10.123.0.1; CLIENT_ADDR=10.123.0.2; PRIVATE=172.31.99.10
PUBLIC_NATTED=10.123.0.3; CLIENT_PRIVATE=192.168.77.2; FORWARDED_PORTS=20000:20099
SERVER6=fd7b:ff00::1; CLIENT6=fd7b:ff00::2
CLOSED_PASSIVE=30800:30899
# name port passive-min passive-max pasv_address tls(no|explicit|implicit) family(4|6)
SERVERS=("nat-ok 2121 30500 30599 $PUBLIC no 4" "nat-bad 2125 30600 30699 - no 4" "nat-tls 2122 30700 30799 $PUBLIC explicit 4"
         "closed 2123 30800 30899 $PUBLIC no 4" "nat-tlsp 2124 30900 30999 - explicit 4" "implicit 2990 31000 31099 $PUBLIC implicit 4"
         "v6 2126 31100 31199 - no 6")
# DNAT on the server: every IPv4 control port, and the passive ranges that are open (not 30800-30899)
DNAT_PORTS=2121,2122,2123,2124,2125,2990,30500:30799,30900:31099

# Names of the run $RUN_ID. Interface names are limited to 15 characters: "fttc-" + at most 10.
set_names() {
  case "$RUN_ID" in
    ''|*[!a-z0-9]*) echo "[ftptools-netns] ERROR: bad run id '$RUN_ID' (1-10 characters of a-z, 0-9)" >&2; exit 2 ;;
  esac
  [ ${#RUN_ID} -le 10 ] || { echo "[ftptools-netns] ERROR: run id '$RUN_ID' is longer than 10 characters" >&2; exit 2; }
  CLIENT=fttc-$RUN_ID; SERVER=ftts-$RUN_ID; CLIENT_IF=$CLIENT; SERVER_IF=$SERVER
  STATE=$STATE_BASE/$RUN_ID
  C="ip netns exec $CLIENT"; S="ip netns exec $SERVER"
}

say() { echo "[ftptools-netns] $*"; }
fail() { echo "[ftptools-netns] ERROR: $*" >&2; exit 1; }

vsftpd_conf() {  # name port pasv_min pasv_max pasv_address tls family
  if [ "$7" = 6 ]; then printf 'listen=NO\nlisten_ipv6=YES\nlisten_address6=%s\n' "$SERVER6"
  else printf 'listen=YES\nlisten_address=%s\n' "$PRIVATE"; fi
  cat <<CONF
background=NO
listen_port=$2
pasv_enable=YES
pasv_min_port=$3
pasv_max_port=$4
port_enable=YES
connect_from_port_20=NO
anonymous_enable=NO
local_enable=YES
write_enable=YES
local_umask=022
pam_service_name=ftptools-lab
local_root=$STATE/root
chroot_local_user=YES
allow_writeable_chroot=YES
secure_chroot_dir=$STATE/empty
nopriv_user=nobody
use_localtime=NO
seccomp_sandbox=NO
utf8_filesystem=YES
xferlog_enable=YES
xferlog_std_format=NO
log_ftp_protocol=YES
vsftpd_log_file=$STATE/$1.log
CONF
  [ "$5" != - ] && echo "pasv_address=$5"
  [ "$6" = implicit ] && echo "implicit_ssl=YES"
  if [ "$6" != no ]; then cat <<CONF
ssl_enable=YES
rsa_cert_file=$STATE/server.crt
rsa_private_key_file=$STATE/server.key
ssl_sslv2=NO
ssl_sslv3=NO
ssl_tlsv1=YES
ssl_ciphers=HIGH
allow_anon_ssl=NO
force_local_logins_ssl=YES
force_local_data_ssl=YES
require_ssl_reuse=YES
CONF
  fi
}

up() {
  [ "$(id -u)" = 0 ] || fail "must run as root"
  [ -r "$LAB_CACHE/password" ] && id ftptest >/dev/null 2>&1 && [ -x /usr/sbin/vsftpd ] || fail "run tests/lab/install.sh first"
  ip netns list | grep -qE "^($CLIENT|$SERVER)( |$)" && fail "namespaces exist already; run '$0 --id $RUN_ID down' first"
  set -e
  trap 'echo "[ftptools-netns] ERROR at line $LINENO: $BASH_COMMAND" >&2; down >/dev/null 2>&1; exit 1' ERR
  mkdir -p "$STATE_BASE"; chmod 755 "$STATE_BASE"
  rm -rf "$STATE"; mkdir -p "$STATE/empty" "$STATE/root"; chmod 755 "$STATE" "$STATE/empty"
  if [ -n "$OWNER" ]; then echo "$OWNER $(start_time "$OWNER")" > "$STATE/owner"; fi
  chown ftptest: "$STATE/root"
  openssl req -x509 -newkey rsa:2048 -nodes -days 30 -subj /CN=localhost \
    -addext "subjectAltName=DNS:localhost,IP:$PUBLIC,IP:$PRIVATE" -addext extendedKeyUsage=serverAuth \
    -keyout "$STATE/server.key" -out "$STATE/server.crt" 2>/dev/null
  chmod 600 "$STATE/server.key"

  ip netns add $CLIENT; ip netns add $SERVER
  ip link add $CLIENT_IF netns $CLIENT type veth peer name $SERVER_IF netns $SERVER
  $C ip link set lo up; $S ip link set lo up
  $C ip addr add $CLIENT_ADDR/24 dev $CLIENT_IF; $C ip link set $CLIENT_IF up
  $S ip addr add $PUBLIC/24 dev $SERVER_IF; $S ip link set $SERVER_IF up
  $S ip addr add $PUBLIC_NATTED/32 dev $SERVER_IF
  $S ip addr add $PRIVATE/32 dev lo   # private address of the "server behind NAT"
  # IPv6 without duplicate address detection, so the addresses are usable at once
  $C ip -6 addr add $CLIENT6/64 dev $CLIENT_IF nodad; $S ip -6 addr add $SERVER6/64 dev $SERVER_IF nodad
  # server: DNAT public -> private; SNAT for server-initiated (active mode) data connections
  $S iptables -t nat -A PREROUTING -d $PUBLIC -p tcp -m multiport --dports $DNAT_PORTS -j DNAT --to-destination $PRIVATE
  $S iptables -t nat -A PREROUTING -d $PUBLIC_NATTED -p tcp -m multiport --dports $DNAT_PORTS -j DNAT --to-destination $PRIVATE
  $S iptables -t nat -A POSTROUTING -o $SERVER_IF -s $PRIVATE -j SNAT --to-source $PUBLIC
  # server: the passive range of "closed" is dropped by its firewall (no answer at all, as most firewalls do)
  $S iptables -A INPUT -p tcp --dport $CLOSED_PASSIVE -j DROP
  # client behind NAT: connections to $PUBLIC_NATTED leave from the private address and are masqueraded; the forwarded
  # port range comes back to the private address
  $C ip addr add $CLIENT_PRIVATE/32 dev lo
  $C ip route add $PUBLIC_NATTED/32 dev $CLIENT_IF src $CLIENT_PRIVATE
  $C iptables -t nat -A POSTROUTING -o $CLIENT_IF -s $CLIENT_PRIVATE -j SNAT --to-source $CLIENT_ADDR
  $C iptables -t nat -A PREROUTING -i $CLIENT_IF -d $CLIENT_ADDR -p tcp --dport $FORWARDED_PORTS -j DNAT --to-destination $CLIENT_PRIVATE
  # client: stateful firewall, inbound NEW connections dropped (active mode fails unless a helper opens them), except
  # the range forwarded to the private address
  $C iptables -P INPUT DROP
  $C iptables -A INPUT -i lo -j ACCEPT
  $C iptables -A INPUT -m conntrack --ctstate ESTABLISHED,RELATED -j ACCEPT
  $C iptables -A INPUT -p icmp -j ACCEPT
  $C iptables -A INPUT -d $CLIENT_PRIVATE -p tcp --dport $FORWARDED_PORTS -j ACCEPT

  local spec name port address
  for spec in "${SERVERS[@]}"; do
    # shellcheck disable=SC2086
    set -- $spec; name=$1; port=$2
    vsftpd_conf "$@" > "$STATE/$name.conf"
    # own session (setsid) and stdout/stderr/stdin (vsftpd prints start-up errors to fd 0) into a log
    $S setsid /usr/sbin/vsftpd "$STATE/$name.conf" >"$STATE/$name.out" 2>&1 0>&1 </dev/null &
    echo $! > "$STATE/$name.pid"
  done
  trap - ERR; set +e
  for spec in "${SERVERS[@]}"; do
    # shellcheck disable=SC2086
    set -- $spec; name=$1; port=$2
    address=$PUBLIC; [ "$7" = 6 ] && address=$SERVER6
    for _ in $(seq 50); do $C bash -c "exec 3<>/dev/tcp/$address/$port" 2>/dev/null && break; sleep 0.1; done
    $C bash -c "exec 3<>/dev/tcp/$address/$port" 2>/dev/null || { cat "$STATE/$name.out" >&2; down >/dev/null 2>&1; fail "vsftpd $name did not start"; }
    say "vsftpd $name listening on port $port, reachable from $CLIENT as $address:$port"
  done
  cat > "$STATE/netns.env" <<ENV
FTT_RUN_ID=$RUN_ID
FTT_STATE=$STATE
FTT_CLIENT_NETNS=$CLIENT
FTT_SERVER_NETNS=$SERVER
FTT_PUBLIC_ADDRESS=$PUBLIC
FTT_PRIVATE_ADDRESS=$PRIVATE
FTT_NAT_OK_PORT=2121
FTT_NAT_BAD_PORT=2125
FTT_NAT_TLS_PORT=2122
FTT_CLOSED_PORT=2123
FTT_NAT_TLS_PRIVATE_PORT=2124
FTT_IMPLICIT_PORT=2990
FTT_IPV6_ADDRESS=$SERVER6
FTT_IPV6_PORT=2126
FTT_CLIENT_IPV6_ADDRESS=$CLIENT6
FTT_NATTED_CLIENT_SERVER_ADDRESS=$PUBLIC_NATTED
FTT_CLIENT_ADDRESS=$CLIENT_ADDR
FTT_CLIENT_PRIVATE_ADDRESS=$CLIENT_PRIVATE
FTT_FORWARDED_PORTS=${FORWARDED_PORTS/:/-}
FTT_USER=ftptest
FTT_PASSWORD=$(cat "$LAB_CACHE/password")
FTT_CERTIFICATE=$STATE/server.crt
ENV
  say "up; environment in $STATE/netns.env"
}

down() {
  local ns pids
  # vsftpd session processes outlive the master: end everything still running inside the namespaces
  for ns in $SERVER $CLIENT; do
    pids=$(ip netns pids $ns 2>/dev/null)
    # shellcheck disable=SC2086
    [ -n "$pids" ] && kill -KILL $pids 2>/dev/null
  done
  sleep 0.2
  # deleting a namespace removes its veth end (and the peer), addresses and firewall rules
  for ns in $CLIENT $SERVER; do ip netns del $ns 2>/dev/null && say "deleted namespace $ns"; done
  rm -rf "$STATE"
  say "down"
  return 0
}

status() {
  ip netns list | grep -E "^($CLIENT|$SERVER)( |$)" || { echo "not up"; return 1; }
  $S ss -ltnp
}

# The start time of a process (field 22 of /proc/PID/stat), so that a reused PID is not taken for the owner.
start_time() { sed 's/.*) //' "/proc/$1/stat" 2>/dev/null | awk '{ print $20 }'; }

# Every run id that has namespaces or a state folder.
all_ids() {
  { ip netns list 2>/dev/null | awk '{ print $1 }' | sed -nE 's/^ftt[cs]-([a-z0-9]{1,10})$/\1/p'
    for dir in "$STATE_BASE"/*; do [ -e "$dir/netns.env" ] || [ -e "$dir/owner" ] && basename "$dir"; done; } \
    | grep -E '^[a-z0-9]{1,10}$' | sort -u
}

# Down every run whose owner (recorded by `up --owner PID`) has ended; runs without an owner are left alone.
reap() {
  local id pid started
  for id in $(all_ids); do
    [ -r "$STATE_BASE/$id/owner" ] || continue
    read -r pid started < "$STATE_BASE/$id/owner"
    if [ -n "$pid" ] && [ -d "/proc/$pid" ] && [ "$(start_time "$pid")" = "$started" ]; then continue; fi
    say "run $id: owner $pid has ended"
    (RUN_ID=$id; set_names; down)
  done
  return 0
}

# ---- tests: expected outcome, then the command run inside the client namespace ----
passed=0; failed=0
check() {  # expect(ok|fail) description command...
  local expect=$1 name=$2; shift 2
  local out rc
  out=$("$@" 2>&1); rc=$?
  if { [ "$expect" = ok ] && [ $rc = 0 ]; } || { [ "$expect" = fail ] && [ $rc != 0 ]; }; then
    passed=$((passed + 1)); printf 'PASS %-62s rc=%s\n' "$name" $rc
  else
    failed=$((failed + 1)); printf 'FAIL %-62s rc=%s expected %s  %s\n' "$name" $rc "$expect" "$(echo "$out" | grep -m1 -E 'curl:|Error|error|failed' | cut -c1-100)"
  fi
}
curl_() { $C curl -sS --max-time 5 -u "ftptest:$PW" -o /dev/null "$@"; }
lftp_() { local url=$1 extra=$2; $C timeout 20 lftp -c "set cmd:fail-exit yes; set net:max-retries 1; set net:timeout 3; set net:reconnect-interval-base 1; set ssl:ca-file $STATE/server.crt; $extra; open -u ftptest,$PW $url; cls"; }
helper() { $C iptables -t raw "$1" OUTPUT -p tcp -m multiport --dports 2121,2122,2125 -j CT --helper ftp; }
test_() {
  [ -r "$STATE/netns.env" ] || fail "not up"
  PW=$(cat "$LAB_CACHE/password")
  local U=ftp://$PUBLIC TLS=(--ssl-reqd --cacert "$STATE/server.crt")
  check ok   "curl EPSV                      nat-ok"               curl_ $U:2121/
  check ok   "curl PASV                      nat-ok"               curl_ --disable-epsv $U:2121/
  check ok   "curl PASV, trust PASV address  nat-ok"               curl_ --disable-epsv --no-ftp-skip-pasv-ip $U:2121/
  check fail "curl active EPRT               nat-ok (fw drops NEW)" curl_ --ftp-port - $U:2121/
  check fail "curl active PORT               nat-ok (fw drops NEW)" curl_ --ftp-port - --disable-eprt $U:2121/
  check ok   "curl PASV, skip PASV address   nat-bad"              curl_ --disable-epsv $U:2125/
  check fail "curl PASV, trust PASV address  nat-bad (172.31.99.10)" curl_ --disable-epsv --no-ftp-skip-pasv-ip $U:2125/
  check ok   "curl FTPS EPSV                 nat-tls"              curl_ "${TLS[@]}" $U:2122/
  check ok   "curl FTPS PASV, trust address  nat-tls"              curl_ "${TLS[@]}" --disable-epsv --no-ftp-skip-pasv-ip $U:2122/
  check ok   "lftp passive                   nat-ok"               lftp_ $U:2121 "set ftp:passive-mode on"
  check fail "lftp active                    nat-ok (fw drops NEW)" lftp_ $U:2121 "set ftp:passive-mode off"
  check fail "lftp PASV                      nat-bad (172.31.99.10)" lftp_ $U:2125 "set ftp:passive-mode on"
  check ok   "lftp EPSV                      nat-bad"              lftp_ $U:2125 "set ftp:passive-mode on; set ftp:prefer-epsv yes"
  check ok   "lftp FTPS passive              nat-tls"              lftp_ $U:2122 "set ftp:ssl-force yes; set ftp:ssl-protect-data yes"
  check fail "lftp FTPS active               nat-tls (fw drops NEW)" lftp_ $U:2122 "set ftp:passive-mode off; set ftp:ssl-force yes; set ftp:ssl-protect-data yes"
  check fail "curl PASV                      closed (range dropped)" curl_ --disable-epsv $U:2123/
  check ok   "curl FTPS EPSV                 nat-tlsp"             curl_ "${TLS[@]}" $U:2124/
  check ok   "curl FTPS PASV, skip address   nat-tlsp"             curl_ "${TLS[@]}" --disable-epsv $U:2124/
  check fail "curl FTPS PASV, trust address  nat-tlsp (172.31.99.10)" curl_ "${TLS[@]}" --disable-epsv --no-ftp-skip-pasv-ip $U:2124/
  check ok   "curl implicit FTPS             implicit"             $C curl -sS --max-time 5 -u "ftptest:$PW" -o /dev/null --cacert "$STATE/server.crt" ftps://$PUBLIC:2990/
  check fail "curl explicit on implicit port implicit (silent)"    curl_ "${TLS[@]}" $U:2990/
  check ok   "curl EPSV over IPv6            v6"                   curl_ "ftp://[$SERVER6]:2126/"
  check ok   "curl EPRT over IPv6            v6"                   curl_ --ftp-port - "ftp://[$SERVER6]:2126/"
  helper -A
  check ok   "curl active PORT + ftp helper  nat-ok"               curl_ --ftp-port - --disable-eprt $U:2121/
  check ok   "lftp active + ftp helper       nat-ok"               lftp_ $U:2121 "set ftp:passive-mode off"
  check fail "lftp FTPS active + ftp helper  nat-tls (helper cannot read TLS)" lftp_ $U:2122 "set ftp:passive-mode off; set ftp:ssl-force yes; set ftp:ssl-protect-data yes"
  helper -D
  echo "$passed passed, $failed failed"
  [ $failed = 0 ]
}

new_id() { od -An -N4 -tx1 /dev/urandom | tr -d ' \n'; }

case "$COMMAND" in
  up)
    [ -n "$RUN_ID" ] || { RUN_ID=$(new_id); echo "[ftptools-netns] run id $RUN_ID (pass --id $RUN_ID or export FTPTOOLS_NETNS_ID=$RUN_ID for test, status, down)"; }
    set_names; up ;;
  down) set_names; down ;;
  test) set_names; test_ ;;
  status)
    if [ -n "$RUN_ID" ]; then set_names; status
    else ids=$(all_ids); [ -n "$ids" ] && echo "runs:" $ids || { echo "no run is up"; exit 1; }; fi ;;
  check)
    [ -n "$RUN_ID" ] || RUN_ID=$(new_id)
    set_names
    ip netns list | grep -qE "^($CLIENT|$SERVER)( |$)" && fail "run $RUN_ID is up already"
    trap 'down >/dev/null 2>&1' EXIT
    trap 'exit 130' INT TERM HUP
    up && test_ ;;
  reap) reap ;;
  *) echo "usage: $0 [--id ID] [--owner PID] up|test|status|down|check|reap" >&2; exit 2 ;;
esac
