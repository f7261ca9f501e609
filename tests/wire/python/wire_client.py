#!/usr/bin/python3
"""Independent gRPC wire-compatibility client (Python grpcio) for the Newsroom gRPC layer.

Usage: /usr/bin/python3 tests/wire/python/wire_client.py --target HOST:PORT --scenario NAME --work-dir DIR

Runs one scenario against a server that hosts WireTestService, Health and reflection (v1 and
v1alpha). Prints "ok: ..." per passed check; on the first failed expectation prints
"FAIL: <scenario>: ..." to stderr and exits 1. Unknown scenarios exit 2 with usage.

Only the Debian python3-grpcio/python3-protobuf packages are assumed, so there are no generated
stubs: messages come from protoc --python_out and methods are called through the generic
channel API.
"""
import argparse
import importlib.util
import os
import queue
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import grpc
from google.protobuf import descriptor_pb2, descriptor_pool, text_format
from google.protobuf.message import Message

REPO_ROOT = Path(__file__).resolve().parents[3]
PROTO_ROOTS = [REPO_ROOT / "contracts" / "protos", REPO_ROOT / "tests" / "protos"]
PROTOS = {
    "wire": "newsroom/testing/v1/wire_test.proto",
    "health": "grpc/health/v1/health.proto",
    "reflection_v1": "grpc/reflection/v1/reflection.proto",
    "reflection_v1alpha": "grpc/reflection/v1alpha/reflection.proto",
}
SERVICE = "newsroom.testing.v1.WireTestService"
WIRE_FILE = "newsroom/testing/v1/wire_test.proto"
TIMESTAMP_FILE = "google/protobuf/timestamp.proto"
EXPECTED_RPCS = {
    "Echo": "rpc Echo ( .newsroom.testing.v1.EchoRequest ) returns ( .newsroom.testing.v1.EchoReply );",
    "Count": "rpc Count ( .newsroom.testing.v1.CountRequest ) returns ( stream .newsroom.testing.v1.CountReply );",
    "Sum": "rpc Sum ( stream .newsroom.testing.v1.SumRequest ) returns ( .newsroom.testing.v1.SumReply );",
    "Chat": "rpc Chat ( stream .newsroom.testing.v1.EchoRequest ) returns ( stream .newsroom.testing.v1.EchoReply );",
}
EXPECTED_FIELDS = ["bytes payload = 6;", ".google.protobuf.Timestamp sent = 7;"]  # of EchoRequest

# Each call gets at most CALL_TIMEOUT, and never more than what is left of the run budget, so
# even a server that hangs on every call cannot keep the C# test waiting past ~20 s.
CALL_TIMEOUT = 10.0
RUN_BUDGET = 20.0
_run_deadline = time.monotonic() + RUN_BUDGET


def timeout():
    return max(0.1, min(CALL_TIMEOUT, _run_deadline - time.monotonic()))


class CheckFailed(Exception):
    pass


def ok(what):
    print(f"ok: {what}", flush=True)


def show(value):
    if isinstance(value, Message):  # one line instead of multi-line text format
        return "{" + text_format.MessageToString(value, as_one_line=True) + "}"
    return repr(value)


def expect(actual, expected, what):
    if actual != expected:
        raise CheckFailed(f"{what}: expected {show(expected)}, got {show(actual)}")
    ok(what)


def expect_true(condition, what, detail=""):
    if not condition:
        raise CheckFailed(f"{what}: {detail}" if detail else what)
    ok(what)


def expect_status(code, what, call, *args, **kwargs):
    """Runs call(*args, **kwargs) and expects it to fail with `code`; returns the RpcError."""
    try:
        result = call(*args, **kwargs)
    except grpc.RpcError as error:
        expect(error.code(), code, f"{what} -> {code.name}")
        return error
    raise CheckFailed(f"{what}: expected {code.name}, but the call succeeded with {result!r}")


def recv(stream, what):
    """Reads the next message of a response stream, naming what was awaited when that fails."""
    try:
        message = next(stream, None)
    except grpc.RpcError as error:
        raise CheckFailed(f"{what}: the call failed with {error.code()}: {error.details()!r}")
    if message is None:
        raise CheckFailed(f"{what}: the response stream ended early with {stream.code()}")
    return message


# --- protobuf modules -------------------------------------------------------------------------

def load_protos(work_dir):
    """Generates the _pb2 modules into work_dir (only when missing or stale) and imports them.

    They are imported by file path rather than through sys.path because health and reflection
    live in a top-level "grpc" package, which would collide with grpcio's own "grpc" package.
    """
    work_dir = Path(work_dir).resolve()
    work_dir.mkdir(parents=True, exist_ok=True)
    outputs = {key: work_dir / rel.replace(".proto", "_pb2.py") for key, rel in PROTOS.items()}
    if any(not outputs[k].exists() or outputs[k].stat().st_mtime < proto_source(rel).stat().st_mtime
           for k, rel in PROTOS.items()):
        # Generate aside and move into place, so a concurrent run never imports a half-written file.
        with tempfile.TemporaryDirectory(dir=work_dir) as scratch:
            subprocess.run(["protoc", *(f"-I{root}" for root in PROTO_ROOTS),
                            f"--python_out={scratch}", *PROTOS.values()], check=True)
            for rel in PROTOS.values():
                generated = rel.replace(".proto", "_pb2.py")
                (work_dir / generated).parent.mkdir(parents=True, exist_ok=True)
                os.replace(Path(scratch) / generated, work_dir / generated)
    modules = {}
    for key, path in outputs.items():
        spec = importlib.util.spec_from_file_location(f"wire_client_pb2_{key}", path)
        modules[key] = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(modules[key])
    return argparse.Namespace(**modules)


def proto_source(rel):
    for root in PROTO_ROOTS:
        if (root / rel).exists():
            return root / rel
    raise FileNotFoundError(f"{rel} is not under any of {[str(r) for r in PROTO_ROOTS]}")


def method(channel, module, service, name):
    """A generic multi-callable for a method of a generated module, typed by its descriptor."""
    m = module.DESCRIPTOR.services_by_name[service].methods_by_name[name]
    kind = {(False, False): channel.unary_unary, (False, True): channel.unary_stream,
            (True, False): channel.stream_unary, (True, True): channel.stream_stream}
    return kind[(m.client_streaming, m.server_streaming)](
        f"/{m.containing_service.full_name}/{m.name}",
        request_serializer=getattr(module, m.input_type.name).SerializeToString,
        response_deserializer=getattr(module, m.output_type.name).FromString)


class Duplex:
    """A bidi call fed from a queue, so that each request can wait for its reply (ping-pong)."""

    _END = object()

    def __init__(self, multi_callable, **call_options):
        self._requests = queue.Queue()
        self.call = multi_callable(iter(self._requests.get, self._END), timeout=timeout(),
                                   **call_options)

    def ask(self, request, what):
        self._requests.put(request)
        return recv(self.call, what)

    def close(self):
        """Half-closes the request stream and returns whatever responses were still to come."""
        self._requests.put(self._END)
        return list(self.call)


# --- scenarios -------------------------------------------------------------------------------

class Scenarios:
    def __init__(self, target, pb):
        self.target, self.pb = target, pb
        self.channels = []
        self.channel = self.open_channel()

    def open_channel(self, **kwargs):
        channel = grpc.insecure_channel(self.target, **kwargs)
        self.channels.append(channel)
        return channel

    def wire(self, name, channel=None):
        return method(channel or self.channel, self.pb.wire, "WireTestService", name)

    def echo(self, channel=None, **fields):
        return self.wire("Echo", channel)(self.pb.wire.EchoRequest(**fields), timeout=timeout())

    def unary(self):
        reply = self.echo(message="hello")
        expect(reply.message, "hello", "Echo message round-trips")
        expect(reply.request_encoding, "identity", "uncompressed request seen as identity")

    def metadata(self):
        text, data = ("x-echo-text", "plain value"), ("x-echo-data-bin", b"\x00\x01\xfe\xff")
        reply, call = self.wire("Echo").with_call(
            self.pb.wire.EchoRequest(message="meta"), metadata=[text, data], timeout=timeout())
        expect(reply.message, "meta", "Echo with metadata succeeds")
        expect(reply.headers.get(text[0]), text[1], "server saw the ASCII header")
        expect(reply.headers.get(data[0]), "AAH+/w==", "server saw the -bin header (base64)")
        for kind, received in (("header", call.initial_metadata()),
                               ("trailer", call.trailing_metadata())):
            received = dict(received)
            expect(received.get(text[0]), text[1], f"ASCII value echoed as response {kind}")
            expect(received.get(data[0]), data[1], f"binary value echoed as response {kind}")

    def server_streaming(self):
        call = self.wire("Count")(self.pb.wire.CountRequest(count=5), timeout=timeout())
        expect([reply.number for reply in call], [1, 2, 3, 4, 5], "Count streams 1..5")
        expect(call.code(), grpc.StatusCode.OK, "Count ends with OK")

    def client_streaming(self):
        values = (self.pb.wire.SumRequest(value=v) for v in range(1, 101))
        reply = self.wire("Sum")(values, timeout=timeout())
        expect((reply.total, reply.count), (5050, 100), "Sum of 1..100 is (total, count)")

    def duplex(self):
        chat = Duplex(self.wire("Chat"))
        for i in range(5):
            reply = chat.ask(self.pb.wire.EchoRequest(message=f"m{i}"), f"Chat round {i}")
            expect(reply.message, f"m{i}", f"Chat round {i} answered before the next send")
        expect(chat.close(), [], "no further replies after half-close")
        expect(chat.call.code(), grpc.StatusCode.OK, "Chat ends with OK")

    def deadline(self):
        started = time.monotonic()
        expect_status(grpc.StatusCode.DEADLINE_EXCEEDED, "slow Echo with 0.5 s deadline",
                      self.wire("Echo"), self.pb.wire.EchoRequest(message="slow", delay_ms=10000),
                      timeout=0.5)
        elapsed = time.monotonic() - started
        expect_true(elapsed < 5, "deadline enforced promptly", f"took {elapsed:.1f} s")

    def cancellation(self):
        call = self.wire("Count")(self.pb.wire.CountRequest(count=0, delay_ms=20),
                                  timeout=timeout())
        expect([recv(call, "endless Count").number for _ in range(3)], [1, 2, 3],
               "endless Count streams")
        call.cancel()
        # After cancel() grpcio either raises CANCELLED on the next read or simply ends; the
        # call's own status is authoritative in both cases.
        try:
            for _ in call:
                pass
        except grpc.RpcError as error:
            expect(error.code(), grpc.StatusCode.CANCELLED, "reading after cancel raises CANCELLED")
        expect(call.code(), grpc.StatusCode.CANCELLED, "cancelled Count ends as CANCELLED")

    def oversized(self):
        channel = self.open_channel(options=[("grpc.max_send_message_length", -1)])
        expect_status(grpc.StatusCode.RESOURCE_EXHAUSTED, "5 MiB Echo over the 4 MiB limit",
                      self.echo, channel, message="big", payload=os.urandom(5 * 1024 * 1024))
        expect(self.echo(channel, message="after").message, "after",
               "the same channel still works afterwards")

    def gzip(self):
        channel = self.open_channel(compression=grpc.Compression.Gzip)
        payload = (b"newsroom wire test, repetitive so it compresses. " * 25000)[:1024 * 1024]
        reply = self.echo(channel, message="zip", payload=payload)
        expect(reply.request_encoding, "gzip", "server saw a gzip request")
        expect_true(reply.payload == payload, "1 MiB payload round-trips through gzip",
                    f"got {len(reply.payload)} bytes back")
        chat = Duplex(self.wire("Chat", channel))
        for i in range(3):
            expect(chat.ask(self.pb.wire.EchoRequest(message=f"z{i}"), "gzip Chat").message,
                   f"z{i}", f"gzip Chat round {i}")
        expect(chat.close(), [], "no further gzip Chat replies after half-close")
        expect(chat.call.code(), grpc.StatusCode.OK, "gzip Chat ends with OK")

    def errors(self):
        echo, Req = self.wire("Echo"), self.pb.wire.EchoRequest
        invalid = grpc.StatusCode.INVALID_ARGUMENT
        text = "bad input: ünïcode 100% ✓"
        error = expect_status(invalid, "fail_code=3", echo,
                              Req(message="x", fail_code=3, fail_message=text), timeout=timeout())
        expect(error.details(), text, "non-ASCII status message survives percent-encoding")
        error = expect_status(invalid, "empty message", echo, Req(message=""), timeout=timeout())
        expect(error.details(), "message is required", "validation message")
        error = expect_status(grpc.StatusCode.UNKNOWN, "throwing handler", echo,
                              Req(message="x", throw=True), timeout=timeout())
        expect(error.details(), "Exception was thrown by handler.", "generic exception message")
        expect_true("secret" not in (error.details() or ""), "exception text is not leaked")
        # Raw bytes and no serializers: the path and the payload are whatever we say they are.
        for path in (f"/{SERVICE}/Nope", "/newsroom.testing.v1.Missing/Echo"):
            expect_status(grpc.StatusCode.UNIMPLEMENTED, path,
                          self.channel.unary_unary(path), b"", timeout=timeout())
        expect_status(grpc.StatusCode.INTERNAL, "unparsable request bytes",
                      self.channel.unary_unary(f"/{SERVICE}/Echo"), b"\xff\xff\xff\xff",
                      timeout=timeout())

    def health(self):
        health, Status = self.pb.health, self.pb.health.HealthCheckResponse
        check = method(self.channel, health, "Health", "Check")
        watch = method(self.channel, health, "Health", "Watch")
        Req = health.HealthCheckRequest
        for service in ("", SERVICE):
            expect(Status.ServingStatus.Name(check(Req(service=service), timeout=timeout()).status),
                   "SERVING", f"Check({service!r})")
        expect_status(grpc.StatusCode.NOT_FOUND, "Check('no.such.Service')", check,
                      Req(service="no.such.Service"), timeout=timeout())

        def set_serving(serving):
            self.wire("SetServingStatus")(
                self.pb.wire.SetServingStatusRequest(service=SERVICE, serving=serving),
                timeout=timeout())

        stream = watch(Req(service=SERVICE), timeout=timeout())
        try:
            for status, change in (("SERVING", None), ("NOT_SERVING", False), ("SERVING", True)):
                if change is not None:
                    set_serving(change)
                after = "" if change is None else f" after serving={change}"
                expect(Status.ServingStatus.Name(recv(stream, f"Watch{after}").status), status,
                       f"Watch reports {status}{after}")
        finally:
            stream.cancel()
            set_serving(True)
        unknown = watch(Req(service="no.such.Service"), timeout=timeout())
        try:
            expect(Status.ServingStatus.Name(recv(unknown, "Watch unknown").status),
                   "SERVICE_UNKNOWN", "Watch('no.such.Service') first reports SERVICE_UNKNOWN")
        finally:
            unknown.cancel()

    def reflection_v1(self):
        self.reflection(self.pb.reflection_v1)

    def reflection_v1alpha(self):
        self.reflection(self.pb.reflection_v1alpha)

    def reflection(self, module):
        stream = Duplex(method(self.channel, module, "ServerReflection", "ServerReflectionInfo"))

        def ask(expected_kind, **field):
            (key, value), = field.items()
            request = module.ServerReflectionRequest(**field)
            response = stream.ask(request, f"reflection {key}")
            expect(response.original_request, request, f"{key}={value!r}: original_request echoed")
            expect(response.WhichOneof("message_response"), expected_kind, f"{key}={value!r} answer")
            return response

        def files(**field):
            response = ask("file_descriptor_response", **field)
            parsed = [descriptor_pb2.FileDescriptorProto.FromString(raw)
                      for raw in response.file_descriptor_response.file_descriptor_proto]
            return {fdp.name: fdp for fdp in parsed}

        def list_services():
            names = {s.name for s in ask("list_services_response",
                                         list_services="").list_services_response.service}
            for name in (SERVICE, "grpc.health.v1.Health", "grpc.reflection.v1.ServerReflection",
                         "grpc.reflection.v1alpha.ServerReflection"):
                expect_true(name in names, f"list_services includes {name}", f"got {sorted(names)}")

        list_services()
        by_service = files(file_containing_symbol=SERVICE)
        for name in (WIRE_FILE, TIMESTAMP_FILE):
            expect_true(name in by_service, f"descriptors include {name}", f"got {sorted(by_service)}")
        check_descriptors(by_service)
        for symbol in (f"{SERVICE}.Echo", "newsroom.testing.v1.EchoRequest"):
            expect_true(WIRE_FILE in files(file_containing_symbol=symbol),
                        f"{symbol} resolves to {WIRE_FILE}")
        by_name = files(file_by_filename=WIRE_FILE)
        for name in (WIRE_FILE, TIMESTAMP_FILE):
            expect_true(name in by_name, f"file_by_filename includes {name}", f"got {sorted(by_name)}")
        error = ask("error_response", file_containing_symbol="no.such.Symbol").error_response
        expect(error.error_code, grpc.StatusCode.NOT_FOUND.value[0], "unknown symbol -> NOT_FOUND")
        expect_true(error.error_message != "", "error_response carries a message")
        list_services()  # the stream must survive an error_response
        expect(stream.close(), [], "no further reflection responses after half-close")
        expect(stream.call.code(), grpc.StatusCode.OK, "reflection stream ends with OK")


# --- reflection descriptors, checked the way grpcurl reads them ----------------------------

def check_descriptors(files):
    """Loads the served descriptors into a fresh pool, as grpcurl does, and describes them."""
    pool, added = descriptor_pool.DescriptorPool(), set()

    def add(name):
        if name in added:
            return
        if name not in files:
            raise CheckFailed(f"reflection: dependency {name} was not served")
        for dependency in files[name].dependency:
            add(dependency)
        pool.Add(files[name])
        added.add(name)

    for name in files:
        add(name)
    try:
        methods = pool.FindServiceByName(SERVICE).methods_by_name
        fields = pool.FindMessageTypeByName("newsroom.testing.v1.EchoRequest").fields_by_name
        described = [describe_method(methods[name]) for name in EXPECTED_RPCS]
        described += [describe_field(fields["payload"]), describe_field(fields["sent"])]
    except KeyError as missing:
        raise CheckFailed(f"reflection: the served descriptors lack {missing}") from None
    for actual, expected in zip(described, [*EXPECTED_RPCS.values(), *EXPECTED_FIELDS]):
        expect(actual, expected, expected)


def describe_method(m):
    """grpcurl's one-line rendering of a method."""
    return (f"rpc {m.name} ( {'stream ' if m.client_streaming else ''}.{m.input_type.full_name} )"
            f" returns ( {'stream ' if m.server_streaming else ''}.{m.output_type.full_name} );")


def describe_field(f):
    """grpcurl's rendering of a (non-enum) field."""
    kind = (f".{f.message_type.full_name}" if f.message_type
            else descriptor_pb2.FieldDescriptorProto.Type.Name(f.type).removeprefix("TYPE_").lower())
    return f"{kind} {f.name} = {f.number};"


SCENARIOS = ["unary", "metadata", "server_streaming", "client_streaming", "duplex", "deadline",
             "cancellation", "oversized", "gzip", "errors", "health", "reflection_v1",
             "reflection_v1alpha"]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--target", required=True, help="host:port of the server")
    parser.add_argument("--scenario", required=True, choices=SCENARIOS)  # else exit 2 + usage
    parser.add_argument("--work-dir", required=True, help="writable folder for generated code")
    args = parser.parse_args()

    scenarios = Scenarios(args.target, load_protos(args.work_dir))
    try:
        getattr(scenarios, args.scenario)()
    except CheckFailed as failure:
        return fail(args.scenario, str(failure))
    except grpc.RpcError as error:
        return fail(args.scenario, f"unexpected RPC failure {error.code()}: {error.details()!r}")
    finally:
        for channel in scenarios.channels:
            channel.close()
    return 0


def fail(scenario, message):
    print(f"FAIL: {scenario}: {message}", file=sys.stderr, flush=True)
    return 1


if __name__ == "__main__":
    sys.exit(main())
