#!/usr/bin/python3
"""Interop client (Python grpcio) for the Newsroom ingest and query services.

Usage: /usr/bin/python3 tests/wire/python/wire_client.py --target HOST:PORT --scenario NAME

Runs one scenario against a running server that hosts newsroom.v1.IngestService,
newsroom.v1.QueryService, grpc.health.v1.Health and server reflection (v1 and v1alpha), such as
the standalone host. Prints "ok: ..." per passed check; on the first failed expectation prints
"FAIL: <scenario>: ..." to stderr and exits 1. Unknown scenarios exit 2 with usage.

Only the Debian python3-grpcio, python3-protobuf and protobuf-compiler packages are assumed, so
there are no generated stubs: protoc compiles the .proto files into a descriptor set, message
classes come from a descriptor pool, and methods are called through grpcio's generic channel API.
"""
import argparse
import queue
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import grpc
from google.protobuf import descriptor_pb2, descriptor_pool, message_factory, text_format
from google.protobuf.message import Message

REPO_ROOT = Path(__file__).resolve().parents[3]
# The service contracts, then the standard gRPC protos the services implement.
PROTO_ROOTS = [REPO_ROOT / "contracts" / "protos", REPO_ROOT / "tests" / "wire" / "protos"]
PROTOS = ["newsroom/v1/ingest.proto", "newsroom/v1/query.proto", "grpc/health/v1/health.proto",
          "grpc/reflection/v1/reflection.proto", "grpc/reflection/v1alpha/reflection.proto"]
INGEST = "newsroom.v1.IngestService"
QUERY = "newsroom.v1.QueryService"
HEALTH = "grpc.health.v1.Health"
MiB = 1024 * 1024
# A word of the sample articles (services/Standalone/SampleArticles), which the host ingests on start.
SAMPLE_WORD = "convoy"
UNKNOWN_ENTITY = "Ünknöwn – ß"

# Each call gets at most CALL_TIMEOUT, and never more than what is left of the run budget, so
# even a server that hangs on every call cannot keep the C# test waiting past RUN_BUDGET.
CALL_TIMEOUT = 10.0
RUN_BUDGET = 30.0
_run_deadline = time.monotonic() + RUN_BUDGET


def timeout(limit=CALL_TIMEOUT):
    return max(0.1, min(limit, _run_deadline - time.monotonic()))


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
        if error.code() != code:
            raise CheckFailed(f"{what}: expected {code.name}, got {error.code().name}: {error.details()!r}")
        ok(f"{what} -> {code.name} {error.details()!r}")
        return error
    raise CheckFailed(f"{what}: expected {code.name}, but the call succeeded with {show(result)}")


def expect_lines(actual, expected, what):
    """Compares renderings line by line, so that a mismatch shows the lines that differ."""
    if actual != expected:
        missing = [line for line in expected if line not in actual]
        unexpected = [line for line in actual if line not in expected]
        raise CheckFailed(f"{what}: differs.\n  expected but missing:\n    "
                          + "\n    ".join(missing or ["(none; the order differs)"])
                          + "\n  got instead:\n    " + "\n    ".join(unexpected or ["(none)"]))
    ok(f"{what} ({len(actual)} lines)")


def expect_details(error, fragment, what):
    expect_true(fragment in (error.details() or ""), f"{what}: status details name {fragment!r}",
                f"got {error.details()!r}")


def recv(stream, what):
    """Reads the next message of a response stream, naming what was awaited when that fails."""
    try:
        message = next(stream, None)
    except grpc.RpcError as error:
        raise CheckFailed(f"{what}: the call failed with {error.code()}: {error.details()!r}")
    if message is None:
        raise CheckFailed(f"{what}: the response stream ended early with {stream.code()}")
    return message


def enum_name(message, field):
    value = getattr(message, field)
    return message.DESCRIPTOR.fields_by_name[field].enum_type.values_by_number[value].name


# --- descriptors and calls --------------------------------------------------------------------

class Api:
    """Message classes and callables from a descriptor pool: compiled locally, or from reflection."""

    def __init__(self, files):
        """`files`: serialized FileDescriptorProtos, each after the files it imports."""
        self.pool = descriptor_pool.DescriptorPool()
        for serialized in files:
            self.pool.AddSerializedFile(serialized)

    @staticmethod
    def compile_local():
        """The repository's .proto files, compiled by protoc into a descriptor set."""
        with tempfile.TemporaryDirectory(prefix="newsroom-wire-") as scratch:
            descriptor_set = Path(scratch) / "protos.pb"
            subprocess.run(["protoc", *(f"-I{root}" for root in PROTO_ROOTS), "--include_imports",
                            f"--descriptor_set_out={descriptor_set}", *PROTOS], check=True)
            parsed = descriptor_pb2.FileDescriptorSet.FromString(descriptor_set.read_bytes())
        return Api([file.SerializeToString() for file in parsed.file])

    def message(self, full_name):
        descriptor = self.pool.FindMessageTypeByName(full_name)
        # GetMessageClass is protobuf 4.22+; Debian bookworm's 4.21 has only the factory.
        get_class = getattr(message_factory, "GetMessageClass", None)
        if get_class:
            return get_class(descriptor)
        return message_factory.MessageFactory(self.pool).GetPrototype(descriptor)

    def new(self, full_name, **fields):
        return self.message(full_name)(**fields)

    def method(self, channel, service, name):
        """A generic multi-callable for service.name, typed by its descriptor."""
        m = self.pool.FindServiceByName(service).methods_by_name[name]
        kind = {(False, False): channel.unary_unary, (False, True): channel.unary_stream,
                (True, False): channel.stream_unary, (True, True): channel.stream_stream}
        return kind[(m.client_streaming, m.server_streaming)](
            f"/{service}/{name}",
            request_serializer=lambda message: message.SerializeToString(),
            response_deserializer=self.message(m.output_type.full_name).FromString)


class Duplex:
    """A bidi call fed from a queue, so that each request can wait for its reply (ping-pong)."""

    _END = object()

    def __init__(self, multi_callable):
        self._requests = queue.Queue()
        self.call = multi_callable(iter(self._requests.get, self._END), timeout=timeout())

    def ask(self, request, what):
        self._requests.put(request)
        return recv(self.call, what)

    def close(self):
        """Half-closes the request stream and returns whatever responses were still to come."""
        self._requests.put(self._END)
        return list(self.call)


def invented_words(count, rng):
    """Words no other article shares, so that dedup opens a story of its own for the article: four to six
    syllables, since two articles that share a few rare short words can be taken for one event."""
    syllables = ["ka", "lo", "vi", "dre", "mun", "tes", "par", "ol", "zen", "quo", "rith", "bel",
                 "sa", "nor", "gui", "fa", "ten", "ul", "wex", "yor"]
    return [''.join(rng.choice(syllables) for _ in range(rng.randint(4, 6))) for _ in range(count)]


def new_article(api, scenario, **fields):
    """A SubmitArticleRequest for an article never seen before (its own url and words)."""
    rng = random.Random()
    nonce = f"{rng.getrandbits(64):016x}"
    title = " ".join(invented_words(6, rng)).capitalize()
    sentences = [" ".join(invented_words(12, rng)).capitalize() + "." for _ in range(4)]
    article = dict(client_ref=f"python-{scenario}-{nonce}", url=f"https://interop.example/python/{nonce}",
                   source="Interop Wire", title=title, text=" ".join(sentences))
    article.update(fields)
    return api.new("newsroom.v1.SubmitArticleRequest", **article)


# --- scenarios -------------------------------------------------------------------------------

class Scenarios:
    def __init__(self, target, api):
        self.target, self.api = target, api
        self.channels = []
        self.channel = self.open_channel()

    def open_channel(self, **kwargs):
        channel = grpc.insecure_channel(self.target, **kwargs)
        self.channels.append(channel)
        return channel

    def call(self, service, name, channel=None):
        return self.api.method(channel or self.channel, service, name)

    def submit(self, request, channel=None, **options):
        return self.call(INGEST, "SubmitArticle", channel)(request, timeout=timeout(), **options)

    def search(self, query, channel=None, **options):
        return self.call(QUERY, "SearchStories", channel)(
            self.api.new("newsroom.v1.SearchStoriesRequest", query=query), timeout=timeout(), **options)

    def expect_accepted(self, request, what, channel=None, **options):
        result = self.submit(request, channel, **options)
        expect(enum_name(result, "outcome"), "OUTCOME_ACCEPTED", f"{what}: outcome")
        expect(result.client_ref, request.client_ref, f"{what}: client_ref echoed")
        expect_true(result.article_id != "", f"{what}: has an article_id")
        return result

    def unary(self):
        request = new_article(self.api, "unary")
        accepted = self.expect_accepted(request, "SubmitArticle(new article)")
        again = self.submit(request)
        expect(enum_name(again, "outcome"), "OUTCOME_DUPLICATE", "the same again: outcome")
        expect(again.article_id, accepted.article_id, "the duplicate names the first article_id")
        expect_true(again.reason != "", "the duplicate says why", show(again))

        status = self.wait_until_indexed(accepted.article_id)
        expect(status.url, request.url, "GetArticleStatus: url")
        expect_true(status.story_id != "", "GetArticleStatus: the article is in a story", show(status))

        found = self.search(SAMPLE_WORD)
        expect_true(len(found.hits) > 0, f"SearchStories({SAMPLE_WORD!r}) finds a sample story", show(found))
        hit = found.hits[0].story
        expect_true(hit.story_id != "" and hit.title != "", "the hit has an id and a title", show(hit))
        story = self.call(QUERY, "GetStory")(
            self.api.new("newsroom.v1.GetStoryRequest", story_id=hit.story_id), timeout=timeout())
        expect(story.summary.story_id, hit.story_id, "GetStory(hit): story_id")
        expect_true(len(story.articles) > 0, "GetStory(hit) returns its articles", show(story.summary))
        expect(len(story.articles), story.summary.article_count, "GetStory(hit): one article per article_count")

    def wait_until_indexed(self, article_id):
        """Polls GetArticleStatus: the pipeline indexes an accepted article asynchronously."""
        get_status = self.call(QUERY, "GetArticleStatus")
        request = self.api.new("newsroom.v1.GetArticleStatusRequest", article_id=article_id)
        until = time.monotonic() + 15
        last = None
        while time.monotonic() < until:
            try:
                last = get_status(request, timeout=timeout())
                if enum_name(last, "stage") == "PIPELINE_STAGE_INDEXED":
                    expect(last.article_id, article_id, "GetArticleStatus: article_id")
                    ok(f"GetArticleStatus({article_id}) reaches PIPELINE_STAGE_INDEXED")
                    return last
            except grpc.RpcError as error:
                if error.code() != grpc.StatusCode.NOT_FOUND:  # not there yet
                    raise
            time.sleep(0.2)
        raise CheckFailed(f"GetArticleStatus({article_id}) did not reach PIPELINE_STAGE_INDEXED "
                          f"within 15 s; last answer {show(last)}")

    def client_streaming(self):
        first = new_article(self.api, "client_streaming")
        empty = new_article(self.api, "client_streaming", text="")
        repeated = new_article(self.api, "client_streaming", url=first.url)
        sent = [first, empty, repeated]
        response = self.call(INGEST, "SubmitArticles")(iter(sent), timeout=timeout())
        expect([r.client_ref for r in response.results], [r.client_ref for r in sent],
               "one result per item, in the order sent")
        expect([enum_name(r, "outcome") for r in response.results],
               ["OUTCOME_ACCEPTED", "OUTCOME_REJECTED", "OUTCOME_DUPLICATE"], "outcomes")
        expect_true("empty" in response.results[1].reason, "the rejected item says why",
                    show(response.results[1]))
        expect(response.results[2].article_id, response.results[0].article_id,
               "the duplicate names the accepted article")
        expect((response.accepted_count, response.duplicate_count, response.rejected_count), (1, 1, 1),
               "(accepted, duplicate, rejected) counts")

    def watch(self, timeout_seconds):
        return self.call(QUERY, "WatchStories")(
            self.api.new("newsroom.v1.WatchStoriesRequest"), timeout=timeout(timeout_seconds))

    def server_streaming(self):
        watch = self.watch(20)
        try:
            # The service sends headers once the watch is registered; nothing after is missed.
            watch.initial_metadata()
            ok("WatchStories sent its headers")
            accepted = self.expect_accepted(new_article(self.api, "server_streaming"),
                                            "SubmitArticle on another call")
            while True:
                update = recv(watch, f"a StoryUpdate for {accepted.article_id}")
                if update.article_id == accepted.article_id:
                    break
                ok(f"(skipped an update for {update.article_id})")
            expect(enum_name(update, "kind"), "KIND_CREATED", "the update created a story")
            expect_true(update.story.story_id != "", "the update names its story", show(update))
            expect(update.story.article_count, 1, "the new story has the one article")
        finally:
            watch.cancel()

    def deadline(self):
        watch = self.watch(0.5)
        try:
            for update in watch:  # updates from articles still in the pipeline are no concern here
                ok(f"(skipped an update for {update.article_id})")
        except grpc.RpcError as error:
            expect(error.code(), grpc.StatusCode.DEADLINE_EXCEEDED, "WatchStories with a 0.5 s deadline")
            return
        raise CheckFailed(f"WatchStories with a 0.5 s deadline ended with {watch.code()}, not DEADLINE_EXCEEDED")

    def cancellation(self):
        watch = self.watch(20)
        watch.initial_metadata()
        ok("WatchStories sent its headers")
        watch.cancel()
        # After cancel() grpcio either raises CANCELLED on the next read or simply ends; the
        # call's own status is authoritative in both cases.
        try:
            for _ in watch:
                pass
        except grpc.RpcError as error:
            expect(error.code(), grpc.StatusCode.CANCELLED, "reading after cancel raises CANCELLED")
        expect(watch.code(), grpc.StatusCode.CANCELLED, "the cancelled watch ends as CANCELLED")

        # A client stream cancelled half-way, while the server waits for its next item.
        requests = queue.Queue()
        submit = self.call(INGEST, "SubmitArticles").future(iter(requests.get, None), timeout=timeout())
        requests.put(new_article(self.api, "cancellation"))
        time.sleep(0.5)  # for the call and its first item to reach the server
        submit.cancel()
        requests.put(None)  # ends the request iterator grpcio still reads from
        expect(submit.code(), grpc.StatusCode.CANCELLED, "SubmitArticles cancelled after its first item ends as CANCELLED")
        # A call on the same channel both proves it survived and sends the RST_STREAM before exit,
        # so that the server sees a cancelled stream rather than a closed connection.
        self.expect_serving(self.channel, "Health/Check on the same channel after the cancel")

    def oversized(self):
        channel = self.open_channel(options=[("grpc.max_send_message_length", -1)])
        expect_status(grpc.StatusCode.RESOURCE_EXHAUSTED, "SubmitArticle of 5 MiB (over the 4 MiB message limit)",
                      self.submit, new_article(self.api, "oversized", text="x" * (5 * MiB)), channel)
        error = expect_status(grpc.StatusCode.INVALID_ARGUMENT,
                              "SubmitArticle of 3 MiB (a message, but over the 2 MiB article limit)",
                              self.submit, new_article(self.api, "oversized", text="y" * (3 * MiB)), channel)
        expect_details(error, "MaxArticleBytes", "the article limit")
        self.expect_accepted(new_article(self.api, "oversized"), "SubmitArticle on the same channel afterwards",
                             channel)

    def gzip(self):
        channel = self.open_channel(compression=grpc.Compression.Gzip)
        request = new_article(self.api, "gzip")
        request.text = "\n\n".join([request.text] * 200)  # about 100 KB that compresses well
        self.expect_accepted(request, "gzip SubmitArticle of ~100 KB", channel)
        found = self.search(SAMPLE_WORD, channel)
        expect_true(len(found.hits) > 0, "gzip SearchStories finds a sample story", show(found))
        accepted = self.expect_accepted(new_article(self.api, "gzip"), "SubmitArticle compressed per call",
                                        compression=grpc.Compression.Gzip)
        expect_true(accepted.article_id != "", "per-call gzip accepted")

    def errors(self):
        invalid = grpc.StatusCode.INVALID_ARGUMENT
        error = expect_status(invalid, "SearchStories(query='')", self.search, "")
        expect_details(error, "query", "empty query")
        error = expect_status(invalid, "SubmitArticle(text='')", self.submit,
                              new_article(self.api, "errors", text=""))
        expect_details(error, "empty", "empty article")
        unknown_story = "sto_does_not_exist"
        error = expect_status(grpc.StatusCode.NOT_FOUND, f"GetStory({unknown_story!r})",
                              self.call(QUERY, "GetStory"),
                              self.api.new("newsroom.v1.GetStoryRequest", story_id=unknown_story),
                              timeout=timeout())
        expect_details(error, unknown_story, "unknown story")
        error = expect_status(grpc.StatusCode.NOT_FOUND, f"GetEntity({UNKNOWN_ENTITY!r})",
                              self.call(QUERY, "GetEntity"),
                              self.api.new("newsroom.v1.GetEntityRequest", entity=UNKNOWN_ENTITY),
                              timeout=timeout())
        expect_details(error, UNKNOWN_ENTITY, "non-ASCII status message arrives intact")

    def health_request(self, service):
        return self.api.new("grpc.health.v1.HealthCheckRequest", service=service)

    def expect_serving(self, channel, what):
        response = self.call(HEALTH, "Check", channel)(self.health_request(""), timeout=timeout())
        expect(enum_name(response, "status"), "SERVING", what)

    def health(self):
        self.expect_serving(self.channel, "Check('')")
        expect_status(grpc.StatusCode.NOT_FOUND, "Check('no.such.Service')", self.call(HEALTH, "Check"),
                      self.health_request("no.such.Service"), timeout=timeout())
        watch = self.call(HEALTH, "Watch")(self.health_request(""), timeout=timeout())
        try:
            expect(enum_name(recv(watch, "Watch('')"), "status"), "SERVING", "Watch('') first reports")
        finally:
            watch.cancel()

    def reflection_v1(self):
        Reflection(self, "grpc.reflection.v1").run()

    def reflection_v1alpha(self):
        Reflection(self, "grpc.reflection.v1alpha").run()


class Reflection:
    """What grpcurl does: list services, fetch descriptors by symbol and by file name until every
    import is resolved, build a descriptor pool from them, describe methods and call one."""

    def __init__(self, scenarios, package):
        self.scenarios, self.api, self.package = scenarios, scenarios.api, package
        self.stream = Duplex(self.api.method(scenarios.channel, f"{package}.ServerReflection", "ServerReflectionInfo"))
        self.files = {}  # name -> FileDescriptorProto, as served

    def ask(self, expected_kind, **field):
        """One request in flight at a time on the one stream, as grpcurl does; grpcurl reads neither
        original_request nor valid_host (grpc-dotnet leaves both unset), so neither is checked."""
        (key, value), = field.items()
        request = self.api.new(f"{self.package}.ServerReflectionRequest", **field)
        response = self.stream.ask(request, f"reflection {key}={value!r}")
        answer = response.WhichOneof("message_response")
        if answer != expected_kind:
            raise CheckFailed(f"{key}={value!r}: expected {expected_kind}, got {answer}: "
                              f"{show(getattr(response, answer)) if answer else ''}")
        return getattr(response, answer)

    def fetch(self, **field):
        """Asks for descriptors, keeps them, and returns the names of the files served."""
        served = [descriptor_pb2.FileDescriptorProto.FromString(raw)
                  for raw in self.ask("file_descriptor_response", **field).file_descriptor_proto]
        for file in served:
            self.files.setdefault(file.name, file)
        return [file.name for file in served]

    def resolve_imports(self):
        """Fetches each import not yet served by name, as grpcurl does, until none is missing."""
        while missing := sorted({d for f in self.files.values() for d in f.dependency} - self.files.keys()):
            for name in missing:
                expect_true(name in self.fetch(file_by_filename=name), f"file_by_filename({name!r}) serves it")

    def run(self):
        services = {s.name for s in self.ask("list_services_response", list_services="").service}
        for name in (INGEST, QUERY, HEALTH):
            expect_true(name in services, f"list_services includes {name}", f"got {sorted(services)}")

        query_files = self.fetch(file_containing_symbol=QUERY)
        query_file = next((self.files[n] for n in query_files
                           if any(s.name == "QueryService" for s in self.files[n].service)), None)
        expect_true(query_file is not None, f"file_containing_symbol({QUERY!r}) serves the file declaring it",
                    f"got {query_files}")
        self.fetch(file_containing_symbol=INGEST)
        for name in query_file.dependency:
            expect_true(name in self.fetch(file_by_filename=name),
                        f"file_by_filename({name!r}) of an import serves it")
        self.resolve_imports()

        error = self.ask("error_response", file_containing_symbol="no.such.Symbol")
        expect(error.error_code, grpc.StatusCode.NOT_FOUND.value[0], "unknown symbol -> NOT_FOUND")
        expect_true(self.ask("list_services_response", list_services="").service,
                    "the stream still answers after an error_response")
        expect(self.stream.close(), [], "no further reflection responses after half-close")
        expect(self.stream.call.code(), grpc.StatusCode.OK, "reflection stream ends with OK")

        try:
            reflected = Api(ordered(self.files))
        except Exception as error:  # whatever the protobuf runtime raises for a broken descriptor
            raise CheckFailed(f"the served descriptors do not build a descriptor pool: {error!r}") from None
        ok(f"a descriptor pool builds from the {len(self.files)} served files")
        for service in (INGEST, QUERY):
            expect_lines(describe_service(reflected.pool, service), describe_service(self.api.pool, service),
                         f"grpcurl describe {service} (methods and their messages) matches the .proto files")
        found = reflected.method(self.scenarios.channel, QUERY, "SearchStories")(
            reflected.new("newsroom.v1.SearchStoriesRequest", query=SAMPLE_WORD), timeout=timeout())
        expect_true(len(found.hits) > 0, "SearchStories called through the reflected descriptors finds a story",
                    show(found))


def ordered(files):
    """Serialized descriptors, each after the files it imports (the order a pool needs)."""
    done, result = set(), []

    def add(name):
        if name not in done:
            done.add(name)
            for dependency in files[name].dependency:
                add(dependency)
            result.append(files[name].SerializeToString())

    for name in files:
        add(name)
    return result


def describe_service(pool, service):
    """grpcurl's rendering of a service's methods, and of the fields of the messages they take and return."""
    lines = []
    for m in pool.FindServiceByName(service).methods:
        lines.append(f"rpc {m.name} ( {'stream ' if m.client_streaming else ''}.{m.input_type.full_name} )"
                     f" returns ( {'stream ' if m.server_streaming else ''}.{m.output_type.full_name} );")
        for message in (m.input_type, m.output_type):
            lines += [f"  .{message.full_name}: {describe_field(f)}" for f in message.fields]
    return lines


def describe_field(f):
    label = "repeated " if f.label == f.LABEL_REPEATED else ""
    kind = (f".{f.message_type.full_name}" if f.message_type else f".{f.enum_type.full_name}" if f.enum_type
            else descriptor_pb2.FieldDescriptorProto.Type.Name(f.type).removeprefix("TYPE_").lower())
    return f"{label}{kind} {f.name} = {f.number};"


SCENARIOS = ["unary", "client_streaming", "server_streaming", "deadline", "cancellation", "oversized",
             "gzip", "errors", "health", "reflection_v1", "reflection_v1alpha"]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--target", required=True, help="host:port of the server")
    parser.add_argument("--scenario", required=True, choices=SCENARIOS)  # else exit 2 + usage
    args = parser.parse_args()

    scenarios = Scenarios(args.target, Api.compile_local())
    try:
        getattr(scenarios, args.scenario)()
    except CheckFailed as failure:
        return fail(args.scenario, str(failure))
    except grpc.RpcError as error:
        return fail(args.scenario, f"unexpected RPC failure {error.code()}: {error.details()!r}")
    finally:
        for channel in scenarios.channels:
            channel.close()
    ok(f"scenario {args.scenario} passed")
    return 0


def fail(scenario, message):
    print(f"FAIL: {scenario}: {message}", file=sys.stderr, flush=True)
    return 1


if __name__ == "__main__":
    sys.exit(main())
