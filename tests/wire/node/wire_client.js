'use strict';
// Independent gRPC wire-compatibility client (@grpc/grpc-js) for the Newsroom gRPC server layer.
//
//   node tests/wire/node/wire_client.js --target 127.0.0.1:PORT --scenario NAME
//
// Prints "ok: ..." for every passed check. The first failed expectation prints
// "FAIL: <scenario>: <expected and actual>" to stderr and exits 1; bad usage exits 2.

const path = require('path');
const crypto = require('crypto');
const grpc = require('@grpc/grpc-js');
const protoLoader = require('@grpc/proto-loader');
const descriptor = require('protobufjs/ext/descriptor');

const CALL_TIMEOUT_MS = 10_000;
const WATCHDOG_MS = 20_000; // the xunit side allows 30 s; fail clearly before that
const MiB = 1024 * 1024;
const WIRE = 'newsroom.testing.v1.WireTestService';
const WIRE_FILE = 'newsroom/testing/v1/wire_test.proto';
const TIMESTAMP_FILE = 'google/protobuf/timestamp.proto';
const { status: Status } = grpc;
const fieldTypeName = (type) => descriptor.lookupEnum('FieldDescriptorProto.Type').valuesById[type];

// ---------------------------------------------------------------- checks

class CheckFailure extends Error {}

function fail(message) {
  throw new CheckFailure(message);
}

function statusText({ code, details }) {
  const name = Object.keys(Status).find((key) => Status[key] === code) || 'code';
  return `${name} (${code})${details === undefined ? '' : ` ${JSON.stringify(details)}`}`;
}

function show(value) {
  if (Buffer.isBuffer(value)) return `<Buffer ${value.toString('hex')}>`;
  if (Array.isArray(value)) return `[${value.map(show).join(', ')}]`;
  return JSON.stringify(value);
}

function same(a, b) {
  if (Buffer.isBuffer(b)) return Buffer.isBuffer(a) && a.equals(b);
  if (Array.isArray(b)) return Array.isArray(a) && a.length === b.length && a.every((x, i) => same(x, b[i]));
  return a === b;
}

function expect(condition, what, got) {
  if (!condition) fail(`expected ${what}, got ${got}`);
  console.log(`ok: ${what}`);
}

function expectEqual(what, actual, expected) {
  expect(same(actual, expected), `${what} == ${show(expected)}`, show(actual));
}

function expectOk(what, result) {
  expect(!result.error, `${what} -> OK`, result.error && statusText(result.error));
  return result.reply;
}

function expectStatus(what, result, code, details) {
  const { error } = result;
  expect(error && error.code === code && (details === undefined || error.details === details),
    `${what} -> ${statusText({ code, details })}`, error ? statusText(error) : 'OK');
  return error;
}

// ---------------------------------------------------------------- calls

function loadProtos() {
  const repoRoot = path.resolve(__dirname, '..', '..', '..');
  const definition = protoLoader.loadSync([
    WIRE_FILE,
    'grpc/health/v1/health.proto',
    'grpc/reflection/v1/reflection.proto',
    'grpc/reflection/v1alpha/reflection.proto',
  ], {
    keepCase: true, longs: Number, enums: String, defaults: true, oneofs: true, bytes: Buffer,
    includeDirs: [path.join(repoRoot, 'contracts', 'protos'), path.join(repoRoot, 'tests', 'protos')],
  });
  return grpc.loadPackageDefinition(definition);
}

let proto; // loaded inside main() so that a missing .proto file is reported as a FAIL

function newClient(Service, target, options = {}) {
  return new Service(target, grpc.credentials.createInsecure(), options);
}

function wireClient(target, options) {
  return newClient(proto.newsroom.testing.v1.WireTestService, target, options);
}

function callOptions(timeoutMs = CALL_TIMEOUT_MS) {
  return { deadline: Date.now() + timeoutMs };
}

// Settles (never rejects) once the call is over, with the reply or error, the response
// headers and the final status (which carries the trailers). grpc-js runs the unary
// callback just before emitting 'status'.
function finish(start) {
  return new Promise((resolve) => {
    const result = { headers: null };
    const call = start((error, reply) => Object.assign(result, { error, reply }));
    call.on('metadata', (headers) => { result.headers = headers; });
    call.on('status', (status) => resolve(Object.assign(result, { status })));
  });
}

function unary(client, method, request, metadata = new grpc.Metadata(), options = callOptions()) {
  return finish((done) => client[method](request, metadata, options, done));
}

// Sends raw bytes to any method path, bypassing the generated stubs.
function rawUnary(client, methodPath, bytes) {
  const identity = (buffer) => buffer;
  return finish((done) => client.makeUnaryRequest(methodPath, identity, identity, bytes,
    new grpc.Metadata(), callOptions(), done));
}

// Pull-style reading of a streaming call, so scenarios can interleave writes and reads.
// Exhaustion is taken from 'end', not 'status': grpc-js can emit 'status' while messages
// are still buffered in the stream.
function reader(call, what) {
  const buffered = [];
  const waiting = [];
  let ended = false;
  const status = new Promise((resolve) => call.on('status', resolve));
  const end = new Promise((resolve) => call.on('end', resolve));
  call.on('data', (message) => (waiting.length ? waiting.shift()(message) : buffered.push(message)));
  call.on('error', () => {}); // the same failure arrives as 'status'
  end.then(() => {
    ended = true;
    for (const wake of waiting.splice(0)) wake(null);
  });

  async function next() {
    const message = buffered.length ? buffered.shift()
      : ended ? null : await new Promise((resolve) => waiting.push(resolve));
    if (message === null) fail(`${what}: stream ended early with ${statusText(await status)}`);
    return message;
  }

  // Waits for the end of the stream: the unread messages and the final status.
  async function drain() {
    await end;
    return { rest: buffered.splice(0), status: await status };
  }

  return { call, next, drain };
}

// ---------------------------------------------------------------- scenarios

async function unaryScenario(target) {
  const sent = { seconds: Math.floor(Date.now() / 1000), nanos: 0 };
  const reply = expectOk('Echo("hello")', await unary(wireClient(target), 'Echo', { message: 'hello', sent }));
  expectEqual('reply.message', reply.message, 'hello');
  expectEqual('reply.request_encoding', reply.request_encoding, 'identity');
}

async function metadataScenario(target) {
  const binary = Buffer.from([0x00, 0x01, 0xfe, 0xff]);
  const metadata = new grpc.Metadata();
  metadata.set('x-echo-text', 'plain value');
  metadata.set('x-echo-data-bin', binary);
  const result = await unary(wireClient(target), 'Echo', { message: 'meta' }, metadata);
  const reply = expectOk('Echo("meta") with x-echo-* metadata', result);
  expectEqual('reply.headers["x-echo-text"]', reply.headers['x-echo-text'], 'plain value');
  expectEqual('reply.headers["x-echo-data-bin"]', reply.headers['x-echo-data-bin'], 'AAH+/w==');
  for (const [where, received] of [['response headers', result.headers], ['trailers', result.status.metadata]]) {
    expectEqual(`${where} x-echo-text`, received && received.get('x-echo-text'), ['plain value']);
    expectEqual(`${where} x-echo-data-bin`, received && received.get('x-echo-data-bin'), [binary]);
  }
}

async function serverStreamingScenario(target) {
  const count = reader(wireClient(target).Count({ count: 5 }, new grpc.Metadata(), callOptions()), 'Count');
  const { rest, status } = await count.drain();
  expectEqual('Count(5) numbers', rest.map((reply) => reply.number), [1, 2, 3, 4, 5]);
  expect(status.code === Status.OK, 'Count(5) ends with OK', statusText(status));
}

async function clientStreamingScenario(target) {
  const client = wireClient(target);
  const reply = expectOk('Sum(1..100)', await finish((done) => {
    const call = client.Sum(new grpc.Metadata(), callOptions(), done);
    for (let value = 1; value <= 100; value++) call.write({ value });
    call.end();
    return call;
  }));
  expectEqual('reply.total', reply.total, 5050);
  expectEqual('reply.count', reply.count, 100);
}

async function chatRounds(client, rounds, check = () => {}) {
  const chat = reader(client.Chat(new grpc.Metadata(), callOptions()), 'Chat');
  for (let i = 1; i <= rounds; i++) {
    // One message in flight at a time: the server must answer before the next write.
    chat.call.write({ message: `m${i}` });
    const reply = await chat.next();
    expectEqual(`Chat reply ${i}`, reply.message, `m${i}`);
    check(reply, i);
  }
  chat.call.end();
  const { rest, status } = await chat.drain();
  expectEqual('Chat replies after end()', rest.length, 0);
  expect(status.code === Status.OK, 'Chat ends with OK', statusText(status));
}

async function duplexScenario(target) {
  await chatRounds(wireClient(target), 5);
}

async function deadlineScenario(target) {
  const started = Date.now();
  const result = await unary(wireClient(target), 'Echo', { message: 'slow', delay_ms: 10_000 },
    new grpc.Metadata(), callOptions(500));
  const elapsed = Date.now() - started;
  expectStatus('Echo(delay 10 s, deadline 500 ms)', result, Status.DEADLINE_EXCEEDED);
  expect(elapsed < 5000, 'deadline failure within 5 s', `${elapsed} ms`);
}

async function cancellationScenario(target) {
  const client = wireClient(target);
  const count = reader(client.Count({ count: 0, delay_ms: 20 }, new grpc.Metadata(), callOptions()), 'Count');
  const numbers = [];
  for (let i = 0; i < 3; i++) numbers.push((await count.next()).number);
  expectEqual('first three numbers of the endless Count', numbers, [1, 2, 3]);
  count.call.cancel();
  const { status } = await count.drain();
  expect(status.code === Status.CANCELLED, 'cancel() ends the stream with CANCELLED', statusText(status));
  // A call on the same connection both proves it survived and flushes the RST_STREAM
  // before the process exits, so the server sees a stream cancel, not a dropped connection.
  expectOk('Echo after cancel on the same channel', await unary(client, 'Echo', { message: 'after-cancel' }));
}

async function oversizedScenario(target) {
  const client = wireClient(target, { 'grpc.max_send_message_length': -1 });
  const big = { message: 'big', payload: crypto.randomBytes(5 * MiB) };
  expectStatus('Echo with 5 MiB payload', await unary(client, 'Echo', big), Status.RESOURCE_EXHAUSTED);
  const reply = expectOk('Echo("after") on the same client', await unary(client, 'Echo', { message: 'after' }));
  expectEqual('reply.message', reply.message, 'after');
}

async function gzipScenario(target) {
  // grpc-js compresses requests when this channel option is set (2 = gzip); it has no
  // compression level option.
  const client = wireClient(target, { 'grpc.default_compression_algorithm': 2 });
  const payload = Buffer.alloc(MiB, 'All the news that fits, compressed. ');
  const reply = expectOk('gzip Echo("zip") with 1 MiB payload', await unary(client, 'Echo', { message: 'zip', payload }));
  expectEqual('reply.request_encoding', reply.request_encoding, 'gzip');
  expect(reply.payload.equals(payload), 'reply.payload equals the 1 MiB sent', `${reply.payload.length} different bytes`);
  // grpc-js drops to identity if the server's grpc-accept-encoding lacks gzip, so an
  // "identity" here is a failure; the contract does not oblige Chat to report it at all.
  await chatRounds(client, 3, (chatReply, i) => expect(['gzip', ''].includes(chatReply.request_encoding),
    `Chat reply ${i} request_encoding is gzip (or not reported)`, show(chatReply.request_encoding)));
}

async function errorsScenario(target) {
  const client = wireClient(target);
  const unicode = 'bad input: ünïcode 100% ✓';
  expectStatus('Echo(fail_code=3)', await unary(client, 'Echo', { message: 'x', fail_code: 3, fail_message: unicode }),
    Status.INVALID_ARGUMENT, unicode);
  expectStatus('Echo(message="")', await unary(client, 'Echo', { message: '' }),
    Status.INVALID_ARGUMENT, 'message is required');
  const thrown = expectStatus('Echo(throw=true)', await unary(client, 'Echo', { message: 'x', throw: true }),
    Status.UNKNOWN, 'Exception was thrown by handler.');
  expect(!/secret/i.test(thrown.details), 'exception text stays on the server', show(thrown.details));

  const raw = new grpc.Client(target, grpc.credentials.createInsecure());
  expectStatus('unknown method', await rawUnary(raw, `/${WIRE}/Nope`, Buffer.alloc(0)), Status.UNIMPLEMENTED);
  expectStatus('unknown service', await rawUnary(raw, '/newsroom.testing.v1.Missing/Echo', Buffer.alloc(0)),
    Status.UNIMPLEMENTED);
  expectStatus('Echo with unparsable request bytes', await rawUnary(raw, `/${WIRE}/Echo`,
    Buffer.from([0xff, 0xff, 0xff, 0xff])), Status.INTERNAL);
}

async function healthScenario(target) {
  const health = newClient(proto.grpc.health.v1.Health, target);
  const wire = wireClient(target);
  for (const service of ['', WIRE]) {
    const reply = expectOk(`Check("${service}")`, await unary(health, 'Check', { service }));
    expectEqual(`Check("${service}").status`, reply.status, 'SERVING');
  }
  expectStatus('Check("no.such.Service")', await unary(health, 'Check', { service: 'no.such.Service' }), Status.NOT_FOUND);

  const setServing = async (serving) =>
    expectOk(`SetServingStatus(serving=${serving})`, await unary(wire, 'SetServingStatus', { service: WIRE, serving }));
  try {
    const watch = reader(health.Watch({ service: WIRE }, new grpc.Metadata(), callOptions()), 'Watch');
    expectEqual('Watch first status', (await watch.next()).status, 'SERVING');
    await setServing(false);
    expectEqual('Watch status after serving=false', (await watch.next()).status, 'NOT_SERVING');
    await setServing(true);
    expectEqual('Watch status after serving=true', (await watch.next()).status, 'SERVING');
    watch.call.cancel();
    await watch.drain();
  } finally {
    // Leave the shared server healthy whatever happened above.
    await unary(wire, 'SetServingStatus', { service: WIRE, serving: true });
  }

  const unknown = reader(health.Watch({ service: 'no.such.Service' }, new grpc.Metadata(), callOptions()), 'Watch');
  expectEqual('Watch("no.such.Service") first status', (await unknown.next()).status, 'SERVICE_UNKNOWN');
  unknown.call.cancel();
  await unknown.drain();
}

// grpcurl's rendering of a method, from a decoded MethodDescriptorProto.
function describeMethod(method) {
  const stream = (flag) => (flag ? 'stream ' : '');
  return `rpc ${method.name} ( ${stream(method.clientStreaming)}${method.inputType} ) ` +
    `returns ( ${stream(method.serverStreaming)}${method.outputType} );`;
}

async function reflectionScenario(target, version) {
  const client = newClient(proto.grpc.reflection[version].ServerReflection, target);
  const stream = reader(client.ServerReflectionInfo(new grpc.Metadata(), callOptions()), 'ServerReflectionInfo');

  // One request in flight at a time on the single stream, as grpcurl does.
  async function ask(request) {
    const [kind] = Object.keys(request);
    stream.call.write(request);
    const response = await stream.next();
    const original = response.original_request;
    expect(original && original.message_request === kind && original[kind] === request[kind],
      `original_request echoes ${kind}=${show(request[kind])}`, show(original));
    return response;
  }

  function expectKind(what, response, kind) {
    const got = response.message_response;
    expect(got === kind, `${what} -> ${kind}`, got === 'error_response' ? show(response.error_response) : got);
    return response[kind];
  }

  async function askFiles(request, mustContain) {
    const [[kind, value]] = Object.entries(request);
    const what = `${kind}("${value}")`;
    const files = new Map(expectKind(what, await ask(request), 'file_descriptor_response').file_descriptor_proto
      .map((bytes) => descriptor.FileDescriptorProto.decode(bytes))
      .map((file) => [file.name, file]));
    for (const name of mustContain) expect(files.has(name), `${what} includes ${name}`, show([...files.keys()]));
    return files;
  }

  async function expectServiceList() {
    const names = expectKind('list_services', await ask({ list_services: '' }), 'list_services_response')
      .service.map((service) => service.name);
    for (const name of [WIRE, 'grpc.health.v1.Health', 'grpc.reflection.v1.ServerReflection',
      'grpc.reflection.v1alpha.ServerReflection']) {
      expect(names.includes(name), `list_services includes ${name}`, show(names));
    }
  }

  await expectServiceList();

  const files = await askFiles({ file_containing_symbol: WIRE }, [WIRE_FILE, TIMESTAMP_FILE]);
  const file = files.get(WIRE_FILE);
  const service = file.service.find((candidate) => candidate.name === 'WireTestService');
  expect(service, `${WIRE_FILE} declares WireTestService`, show(file.service.map((s) => s.name)));
  const pkg = '.newsroom.testing.v1';
  const expectedMethods = {
    Echo: `rpc Echo ( ${pkg}.EchoRequest ) returns ( ${pkg}.EchoReply );`,
    Count: `rpc Count ( ${pkg}.CountRequest ) returns ( stream ${pkg}.CountReply );`,
    Sum: `rpc Sum ( stream ${pkg}.SumRequest ) returns ( ${pkg}.SumReply );`,
    Chat: `rpc Chat ( stream ${pkg}.EchoRequest ) returns ( stream ${pkg}.EchoReply );`,
  };
  for (const [name, expected] of Object.entries(expectedMethods)) {
    const method = service.method.find((candidate) => candidate.name === name);
    expectEqual(`described ${name}`, method && describeMethod(method), expected);
  }
  const echoRequest = file.messageType.find((message) => message.name === 'EchoRequest');
  const field = (name) => echoRequest && echoRequest.field.find((candidate) => candidate.name === name);
  expectEqual('EchoRequest.payload type', field('payload') && fieldTypeName(field('payload').type), 'TYPE_BYTES');
  expectEqual('EchoRequest.sent type', field('sent') && field('sent').typeName, '.google.protobuf.Timestamp');

  await askFiles({ file_containing_symbol: `${WIRE}.Echo` }, [WIRE_FILE]);
  await askFiles({ file_containing_symbol: 'newsroom.testing.v1.EchoRequest' }, [WIRE_FILE]);
  await askFiles({ file_by_filename: WIRE_FILE }, [WIRE_FILE, TIMESTAMP_FILE]);

  const error = expectKind('file_containing_symbol("no.such.Symbol")',
    await ask({ file_containing_symbol: 'no.such.Symbol' }), 'error_response');
  expectEqual('error_response.error_code', error.error_code, Status.NOT_FOUND);
  expect(error.error_message.length > 0, 'error_response.error_message is not empty', show(error.error_message));
  await expectServiceList(); // the stream survives an error response

  stream.call.end();
  const { status } = await stream.drain();
  expect(status.code === Status.OK, 'reflection stream ends with OK after end()', statusText(status));
}

// ---------------------------------------------------------------- main

const SCENARIOS = {
  unary: unaryScenario,
  metadata: metadataScenario,
  server_streaming: serverStreamingScenario,
  client_streaming: clientStreamingScenario,
  duplex: duplexScenario,
  deadline: deadlineScenario,
  cancellation: cancellationScenario,
  oversized: oversizedScenario,
  gzip: gzipScenario,
  errors: errorsScenario,
  health: healthScenario,
  reflection_v1: (target) => reflectionScenario(target, 'v1'),
  reflection_v1alpha: (target) => reflectionScenario(target, 'v1alpha'),
};

function usage(problem) {
  console.error(`${problem}\nusage: node wire_client.js --target HOST:PORT --scenario NAME\n` +
    `scenarios: ${Object.keys(SCENARIOS).join(', ')}`);
  process.exit(2);
}

function parseArgs(argv) {
  const args = {};
  for (let i = 0; i < argv.length; i += 2) {
    const name = argv[i].replace(/^--/, '');
    if (!['target', 'scenario'].includes(name) || argv[i + 1] === undefined) usage(`bad argument: ${argv[i]}`);
    args[name] = argv[i + 1];
  }
  return args;
}

async function main() {
  const { target, scenario } = parseArgs(process.argv.slice(2));
  if (!target) usage('missing --target');
  if (!Object.hasOwn(SCENARIOS, scenario)) usage(`unknown scenario: ${scenario}`);
  setTimeout(() => {
    console.error(`FAIL: ${scenario}: did not finish within ${WATCHDOG_MS / 1000} s`);
    process.exit(1);
  }, WATCHDOG_MS);
  try {
    proto = loadProtos();
    await SCENARIOS[scenario](target);
    console.log(`ok: scenario ${scenario} passed`);
    process.exit(0);
  } catch (err) {
    console.error(`FAIL: ${scenario}: ${err instanceof CheckFailure ? err.message : err.stack}`);
    process.exit(1);
  }
}

main();
