#!/usr/bin/env python3
"""Asks RabbitMQ, over AMQP 0-9-1 as a given user, for one message of a queue (basic.get, the
message is left in the queue), to check what a broker user may do. Prints "allowed" and exits 0,
or prints the broker's refusal (for example "403 ACCESS_REFUSED - access to queue ... refused")
and exits 3. Standard library only, so the compose test needs no AMQP client package.
    amqp-probe.py HOST PORT USER PASSWORD QUEUE"""
import socket
import struct
import sys

FRAME_METHOD, FRAME_END = 1, 0xCE


def shortstr(text):
    data = text.encode()
    return struct.pack("B", len(data)) + data


def longstr(data):
    return struct.pack(">I", len(data)) + data


def send(sock, channel, class_id, method_id, args):
    payload = struct.pack(">HH", class_id, method_id) + args
    sock.sendall(struct.pack(">BHI", FRAME_METHOD, channel, len(payload)) + payload + bytes([FRAME_END]))


def receive_exact(sock, size):
    data = b""
    while len(data) < size:
        chunk = sock.recv(size - len(data))
        if not chunk:
            raise ConnectionError("the broker closed the connection")
        data += chunk
    return data


def receive_method(sock):
    """The next method frame's (class, method, arguments); other frames (heartbeats) are skipped."""
    while True:
        kind, _, size = struct.unpack(">BHI", receive_exact(sock, 7))
        payload = receive_exact(sock, size + 1)[:-1]
        if kind == FRAME_METHOD:
            class_id, method_id = struct.unpack(">HH", payload[:4])
            return class_id, method_id, payload[4:]


def refusal(args):
    code, length = struct.unpack(">HB", args[:3])
    return f"{code} {args[3:3 + length].decode()}"


def probe(host, port, user, password, queue):
    with socket.create_connection((host, port), timeout=10) as sock:
        sock.sendall(b"AMQP\x00\x00\x09\x01")
        receive_method(sock)  # connection.start
        send(sock, 0, 10, 11, struct.pack(">I", 0) + shortstr("PLAIN") + longstr(f"\0{user}\0{password}".encode()) + shortstr("en_US"))
        class_id, method_id, args = receive_method(sock)
        if (class_id, method_id) == (10, 50):
            return False, refusal(args)
        channel_max, frame_max, _ = struct.unpack(">HIH", args[:8])
        send(sock, 0, 10, 31, struct.pack(">HIH", channel_max, frame_max, 0))  # tune-ok, no heartbeats
        send(sock, 0, 10, 40, shortstr("/") + shortstr("") + b"\x00")  # connection.open
        class_id, method_id, args = receive_method(sock)
        if (class_id, method_id) == (10, 50):
            return False, refusal(args)
        send(sock, 1, 20, 10, shortstr(""))  # channel.open
        receive_method(sock)
        send(sock, 1, 60, 70, struct.pack(">H", 0) + shortstr(queue) + b"\x00")  # basic.get, acknowledged later: never, so requeued
        class_id, method_id, args = receive_method(sock)
        if (class_id, method_id) == (20, 40):
            return False, refusal(args)
        return True, "allowed"


if __name__ == "__main__":
    if len(sys.argv) != 6:
        sys.exit(__doc__)
    try:
        allowed, message = probe(sys.argv[1], int(sys.argv[2]), *sys.argv[3:])
    except OSError as error:
        # RabbitMQ answers a failed login by closing the connection.
        allowed, message = False, f"refused: {error} (a wrong user or password?)"
    print(message)
    sys.exit(0 if allowed else 3)
