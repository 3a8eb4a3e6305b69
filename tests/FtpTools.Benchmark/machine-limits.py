#!/usr/bin/env python3
"""What this machine can move over loopback, with no FTP in the way: the ceiling the benchmark's tables are read against.

Two processes (sender and receiver) move N MiB from memory to nothing over 127.0.0.1 in 256 KiB calls, plain TCP and
TLS 1.3 (OpenSSL on both ends, a throw-away self-signed certificate). Prints, per round, the wall time per GiB and the
CPU (user + system) of each side per GiB, then the median. Usage: machine-limits.py [--size-mib 1024] [--rounds 3]
"""
import argparse
import os
import resource
import socket
import ssl
import statistics
import subprocess
import tempfile
import time

CALL = 256 * 1024


def cpu_seconds():
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def make_certificate(folder):
    key, cert = os.path.join(folder, "key.pem"), os.path.join(folder, "cert.pem")
    subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", "/CN=localhost",
                    "-keyout", key, "-out", cert], check=True, capture_output=True)
    return key, cert


def receive(listener, tls_context, size, report):
    connection, _ = listener.accept()
    if tls_context is not None:
        connection = tls_context.wrap_socket(connection, server_side=True)
    buffer = bytearray(CALL)
    view = memoryview(buffer)
    start_cpu, received = cpu_seconds(), 0
    while received < size:
        count = connection.recv_into(view, CALL)
        if count == 0:
            break
        received += count
    os.write(report, f"{received} {cpu_seconds() - start_cpu}\n".encode())
    connection.close()


def one_round(size, tls, certificate):
    listener = socket.create_server(("127.0.0.1", 0))
    port = listener.getsockname()[1]
    server_context = None
    if tls:
        server_context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        server_context.minimum_version = ssl.TLSVersion.TLSv1_3
        server_context.load_cert_chain(certificate[1], certificate[0])
    read_end, write_end = os.pipe()
    child = os.fork()
    if child == 0:
        os.close(read_end)
        receive(listener, server_context, size, write_end)
        os._exit(0)
    os.close(write_end)
    listener.close()
    sender = socket.create_connection(("127.0.0.1", port))
    cipher = "-"
    if tls:
        client_context = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
        client_context.load_verify_locations(certificate[1])
        sender = client_context.wrap_socket(sender, server_hostname="localhost")
        cipher = sender.cipher()[0]
    payload = memoryview(os.urandom(CALL))
    start_wall, start_cpu, sent = time.perf_counter(), cpu_seconds(), 0
    while sent < size:
        sender.sendall(payload)
        sent += CALL
    sender_cpu = cpu_seconds() - start_cpu
    with os.fdopen(read_end) as report:
        received, receiver_cpu = report.read().split()
    wall = time.perf_counter() - start_wall
    os.waitpid(child, 0)
    sender.close()
    if int(received) != size:
        raise SystemExit(f"receiver got {received} of {size} bytes")
    gib = size / 2**30
    return wall / gib, sender_cpu / gib, float(receiver_cpu) / gib, cipher


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--size-mib", type=int, default=1024)
    parser.add_argument("--rounds", type=int, default=3)
    arguments = parser.parse_args()
    size = arguments.size_mib * 2**20
    print(f"load average at start: {os.getloadavg()[0]:.2f}")
    with tempfile.TemporaryDirectory() as folder:
        certificate = make_certificate(folder)
        for tls in (False, True):
            results = [one_round(size, tls, certificate) for _ in range(arguments.rounds)]
            name = "TLS 1.3" if tls else "plain TCP"
            for index, (wall, sender_cpu, receiver_cpu, cipher) in enumerate(results, 1):
                print(f"{name:9} round {index}: {wall:.2f} s/GiB, CPU sender {sender_cpu:.2f} receiver {receiver_cpu:.2f} s/GiB {cipher}")
            print(f"{name:9} median: {statistics.median(r[0] for r in results):.2f} s/GiB, "
                  f"CPU sender {statistics.median(r[1] for r in results):.2f} receiver {statistics.median(r[2] for r in results):.2f} s/GiB")
    print(f"load average at end: {os.getloadavg()[0]:.2f}")


if __name__ == "__main__":
    main()
