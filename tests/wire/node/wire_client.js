'use strict';
// Interop client (@grpc/grpc-js) for the Newsroom ingest and query services.
//
//   node tests/wire/node/wire_client.js --target 127.0.0.1:PORT --scenario NAME
//
// Runs one scenario against a running server that hosts newsroom.v1.IngestService,
// newsroom.v1.QueryService, grpc.health.v1.Health and server reflection (v1 and v1alpha), such as
// the standalone host. Prints "ok: ..." for every passed check. The first failed expectation
// prints "FAIL: <scenario>: <expected and actual>" to stderr and exits 1; bad usage exits 2.

const fs = require('fs');
const path = require('path');
const crypto = require('crypto');
const grpc = require('@grpc/grpc-js');
const protoLoader = require('@grpc/proto-loader');
const protobuf = require('protobufjs');
const descriptor = require('protobufjs/ext/descriptor');

const CALL_TIMEOUT_MS = 10_000;
const WATCHDOG_MS = 30_000; // the xunit side kills a peer after 45 s; fail clearly before that
const MiB = 1024 * 1024;
const REPO_ROOT = path.resolve(__dirname, '..', '..', '..');
// The service contracts, then the standard gRPC protos the services implement.
const INCLUDE_DIRS = [path.join(REPO_ROOT, 'contracts', 'protos'), path.join(REPO_ROOT, 'tests', 'wire', 'protos')];
const PROTOS = ['newsroom/v1/ingest.proto', 'newsroom/v1/query.proto', 'grpc/health/v1/health.proto',
  'grpc/reflection/v1/reflection.proto', 'grpc/reflection/v1alpha/reflection.proto'];
const LOADER_OPTIONS = { keepCase: true, longs: Number, enums: String, defaults: true, oneofs: true, bytes: Buffer };
const INGEST = 'newsroom.v1.IngestService';
const QUERY = 'newsroom.v1.QueryService';
const HEALTH = 'grpc.health.v1.Health';
// A word of the sample articles (services/Standalone/SampleArticles), which the host ingests on start.
const SAMPLE_WORD = 'convoy';
const UNKNOWN_ENTITY = 'Ünknöwn – ß';
const { status: Status } = grpc;

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
  return JSON.stringify(value, (key, v) => (v && v.type === 'Buffer' ? `<${v.data.length} bytes>` : v));
}

function expect(condition, what, got) {
  if (!condition) fail(`expected ${what}, got ${got}`);
  console.log(`ok: ${what}`);
}

function expectEqual(what, actual, expected) {
  expect(show(actual) === show(expected), `${what} == ${show(expected)}`, show(actual));
}

// Compares renderings line by line, so that a mismatch shows the lines that differ.
function expectSameLines(what, actual, expected) {
  if (show(actual) !== show(expected)) {
    const missing = expected.filter((line) => !actual.includes(line));
    const unexpected = actual.filter((line) => !expected.includes(line));
    fail(`${what}: differs.\n  expected but missing:\n    ${(missing.length ? missing : ['(none; the order differs)']).join('\n    ')}` +
      `\n  got instead:\n    ${(unexpected.length ? unexpected : ['(none)']).join('\n    ')}`);
  }
  console.log(`ok: ${what} (${actual.length} lines)`);
}

function expectOk(what, result) {
  expect(!result.error, `${what} -> OK`, result.error && statusText(result.error));
  return result.reply;
}

function expectStatus(what, result, code) {
  const { error } = result;
  expect(error && error.code === code, `${what} -> ${statusText({ code })}`, error ? statusText(error) : `OK ${show(result.reply)}`);
  console.log(`   details: ${JSON.stringify(error.details)}`);
  return error;
}

function expectDetails(what, error, fragment) {
  expect(error.details.includes(fragment), `${what}: status details name ${JSON.stringify(fragment)}`, JSON.stringify(error.details));
}

// ---------------------------------------------------------------- calls

let proto; // loaded inside main() so that a missing .proto file is reported as a FAIL
let target;

// Clients on one channel share its connection, as the clients of one grpcurl or app would.
function clientsOn(channel, definitions = proto) {
  const service = (name) => name.split('.').reduce((node, part) => node[part], definitions);
  const on = (name) => new (service(name))(target, grpc.credentials.createInsecure(), { channelOverride: channel });
  return { ingest: () => on(INGEST), query: () => on(QUERY), health: () => on(HEALTH), of: on };
}

function newChannel(options = {}) {
  return new grpc.Channel(target, grpc.credentials.createInsecure(), options);
}

function callOptions(timeoutMs = CALL_TIMEOUT_MS) {
  return { deadline: Date.now() + timeoutMs };
}

// Settles (never rejects) once the call is over, with the reply or the error.
function unary(client, method, request, options = callOptions()) {
  return new Promise((resolve) => {
    client[method](request, new grpc.Metadata(), options, (error, reply) => resolve({ error, reply }));
  });
}

// Pull-style reading of a streaming call, so scenarios can interleave writes and reads.
// Exhaustion is taken from 'end', not 'status': grpc-js can emit 'status' while messages
// are still buffered in the stream.
function reader(call, what) {
  const buffered = [];
  const waiting = [];
  let ended = false;
  const status = new Promise((resolve) => call.on('status', resolve));
  const headers = new Promise((resolve) => call.on('metadata', resolve));
  const end = new Promise((resolve) => call.on('end', resolve));
  call.on('data', (message) => (waiting.length ? waiting.shift()(message) : buffered.push(message)));
  call.on('error', () => {}); // the same failure arrives as 'status'
  end.then(() => {
    ended = true;
    for (const wake of waiting.splice(0)) wake(null);
  });

  async function next(expected = what) {
    const message = buffered.length ? buffered.shift()
      : ended ? null : await new Promise((resolve) => waiting.push(resolve));
    if (message === null) fail(`${expected}: stream ended early with ${statusText(await status)}`);
    return message;
  }

  // Waits for the end of the stream: the unread messages and the final status.
  async function drain() {
    await end;
    return { rest: buffered.splice(0), status: await status };
  }

  // Resolves with the response headers, or fails if the call ends without any.
  async function awaitHeaders() {
    const first = await Promise.race([headers.then(() => 'headers'), status.then(() => 'status')]);
    if (first !== 'headers') fail(`${what}: ended with ${statusText(await status)} before sending headers`);
    console.log(`ok: ${what} sent its headers`);
  }

  return { call, next, drain, awaitHeaders };
}

// Words no other article shares, so that dedup opens a story of its own for the article: four to six
// syllables, since two articles that share a few rare short words can be taken for one event.
function inventedWords(count) {
  const syllables = ['ka', 'lo', 'vi', 'dre', 'mun', 'tes', 'par', 'ol', 'zen', 'quo', 'rith', 'bel',
    'sa', 'nor', 'gui', 'fa', 'ten', 'ul', 'wex', 'yor'];
  return Array.from({ length: count }, () => Array.from({ length: crypto.randomInt(4, 7) },
    () => syllables[crypto.randomInt(syllables.length)]).join(''));
}

const capitalized = (text) => text[0].toUpperCase() + text.slice(1);

// A SubmitArticleRequest for an article never seen before (its own url and words).
function newArticle(scenario, fields = {}) {
  const nonce = crypto.randomBytes(8).toString('hex');
  const sentences = Array.from({ length: 4 }, () => `${capitalized(inventedWords(12).join(' '))}.`);
  return {
    client_ref: `node-${scenario}-${nonce}`,
    url: `https://interop.example/node/${nonce}`,
    source: 'Interop Wire',
    title: capitalized(inventedWords(6).join(' ')),
    text: sentences.join(' '),
    ...fields,
  };
}

async function expectAccepted(ingest, request, what) {
  const result = expectOk(what, await unary(ingest, 'SubmitArticle', request));
  expectEqual(`${what}: outcome`, result.outcome, 'OUTCOME_ACCEPTED');
  expectEqual(`${what}: client_ref echoed`, result.client_ref, request.client_ref);
  expect(result.article_id !== '', `${what}: has an article_id`, show(result));
  return result;
}

async function expectServing(health, what) {
  const reply = expectOk(what, await unary(health, 'Check', { service: '' }));
  expectEqual(`${what}: status`, reply.status, 'SERVING');
}

const sleep = (ms) => new Promise((resolve) => { setTimeout(resolve, ms); });

// ---------------------------------------------------------------- scenarios

// The pipeline indexes an accepted article asynchronously; GetArticleStatus says how far it got.
async function waitUntilIndexed(query, articleId) {
  const until = Date.now() + 15_000;
  let last;
  while (Date.now() < until) {
    last = await unary(query, 'GetArticleStatus', { article_id: articleId });
    if (last.error && last.error.code !== Status.NOT_FOUND) expectOk(`GetArticleStatus(${articleId})`, last);
    if (!last.error && last.reply.stage === 'PIPELINE_STAGE_INDEXED') {
      expectEqual('GetArticleStatus: article_id', last.reply.article_id, articleId);
      console.log(`ok: GetArticleStatus(${articleId}) reaches PIPELINE_STAGE_INDEXED`);
      return last.reply;
    }
    await sleep(200);
  }
  return fail(`GetArticleStatus(${articleId}) did not reach PIPELINE_STAGE_INDEXED within 15 s; last answer ` +
    `${last.error ? statusText(last.error) : show(last.reply)}`);
}

async function unaryScenario() {
  const clients = clientsOn(newChannel());
  const ingest = clients.ingest();
  const query = clients.query();
  const request = newArticle('unary');
  const accepted = await expectAccepted(ingest, request, 'SubmitArticle(new article)');
  const again = expectOk('the same again', await unary(ingest, 'SubmitArticle', request));
  expectEqual('the same again: outcome', again.outcome, 'OUTCOME_DUPLICATE');
  expectEqual('the duplicate names the first article_id', again.article_id, accepted.article_id);
  expect(again.reason !== '', 'the duplicate says why', show(again));

  const status = await waitUntilIndexed(query, accepted.article_id);
  expectEqual('GetArticleStatus: url', status.url, request.url);
  expect(status.story_id !== '', 'GetArticleStatus: the article is in a story', show(status));

  const found = expectOk(`SearchStories("${SAMPLE_WORD}")`, await unary(query, 'SearchStories', { query: SAMPLE_WORD }));
  expect(found.hits.length > 0, `SearchStories("${SAMPLE_WORD}") finds a sample story`, show(found));
  const hit = found.hits[0].story;
  expect(hit.story_id !== '' && hit.title !== '', 'the hit has an id and a title', show(hit));
  const story = expectOk('GetStory(hit)', await unary(query, 'GetStory', { story_id: hit.story_id }));
  expectEqual('GetStory(hit): story_id', story.summary.story_id, hit.story_id);
  expect(story.articles.length > 0, 'GetStory(hit) returns its articles', show(story.summary));
  expectEqual('GetStory(hit): one article per article_count', story.articles.length, story.summary.article_count);
}

async function clientStreamingScenario() {
  const ingest = clientsOn(newChannel()).ingest();
  const first = newArticle('client_streaming');
  const sent = [first, newArticle('client_streaming', { text: '' }), newArticle('client_streaming', { url: first.url })];
  const response = expectOk('SubmitArticles(accepted, empty, same url)', await new Promise((resolve) => {
    const call = ingest.SubmitArticles(new grpc.Metadata(), callOptions(), (error, reply) => resolve({ error, reply }));
    for (const request of sent) call.write(request);
    call.end();
  }));
  const { results } = response;
  expectEqual('one result per item, in the order sent', results.map((r) => r.client_ref), sent.map((r) => r.client_ref));
  expectEqual('outcomes', results.map((r) => r.outcome), ['OUTCOME_ACCEPTED', 'OUTCOME_REJECTED', 'OUTCOME_DUPLICATE']);
  expect(results[1].reason.includes('empty'), 'the rejected item says why', show(results[1]));
  expectEqual('the duplicate names the accepted article', results[2].article_id, results[0].article_id);
  expectEqual('(accepted, duplicate, rejected) counts',
    [response.accepted_count, response.duplicate_count, response.rejected_count], [1, 1, 1]);
}

function watchStories(query, timeoutMs) {
  return reader(query.WatchStories({}, new grpc.Metadata(), callOptions(timeoutMs)), 'WatchStories');
}

async function serverStreamingScenario() {
  const clients = clientsOn(newChannel());
  const watch = watchStories(clients.query(), 20_000);
  try {
    // The service sends headers once the watch is registered; nothing after is missed.
    await watch.awaitHeaders();
    const accepted = await expectAccepted(clients.ingest(), newArticle('server_streaming'), 'SubmitArticle on another call');
    let update;
    while ((update = await watch.next(`a StoryUpdate for ${accepted.article_id}`)).article_id !== accepted.article_id) {
      console.log(`ok: (skipped an update for ${update.article_id})`);
    }
    expectEqual('the update created a story', update.kind, 'KIND_CREATED');
    expect(update.story.story_id !== '', 'the update names its story', show(update));
    expectEqual('the new story has the one article', update.story.article_count, 1);
  } finally {
    watch.call.cancel();
  }
}

async function deadlineScenario() {
  const watch = watchStories(clientsOn(newChannel()).query(), 500);
  // Updates from articles still in the pipeline may come first; they are no concern here.
  const { status } = await watch.drain();
  expect(status.code === Status.DEADLINE_EXCEEDED, 'WatchStories with a 500 ms deadline ends DEADLINE_EXCEEDED', statusText(status));
}

async function cancellationScenario() {
  const clients = clientsOn(newChannel());
  const watch = watchStories(clients.query(), 20_000);
  await watch.awaitHeaders();
  watch.call.cancel();
  const { status } = await watch.drain();
  expect(status.code === Status.CANCELLED, 'cancel() ends the watch with CANCELLED', statusText(status));

  // A client stream cancelled half-way, while the server waits for its next item.
  const submitted = await new Promise((resolve) => {
    const call = clients.ingest().SubmitArticles(new grpc.Metadata(), callOptions(), (error, reply) => resolve({ error, reply }));
    call.write(newArticle('cancellation'));
    sleep(500).then(() => call.cancel()); // for the call and its first item to reach the server
  });
  expectStatus('SubmitArticles cancelled after its first item', submitted, Status.CANCELLED);
  // A call on the same channel both proves it survived and sends the RST_STREAM before exit,
  // so that the server sees a cancelled stream rather than a closed connection.
  await expectServing(clients.health(), 'Health/Check on the same channel after the cancel');
}

async function oversizedScenario() {
  const ingest = clientsOn(newChannel({ 'grpc.max_send_message_length': -1 })).ingest();
  expectStatus('SubmitArticle of 5 MiB (over the 4 MiB message limit)',
    await unary(ingest, 'SubmitArticle', newArticle('oversized', { text: 'x'.repeat(5 * MiB) })), Status.RESOURCE_EXHAUSTED);
  const error = expectStatus('SubmitArticle of 3 MiB (a message, but over the 2 MiB article limit)',
    await unary(ingest, 'SubmitArticle', newArticle('oversized', { text: 'y'.repeat(3 * MiB) })), Status.INVALID_ARGUMENT);
  expectDetails('the article limit', error, 'MaxArticleBytes');
  await expectAccepted(ingest, newArticle('oversized'), 'SubmitArticle on the same channel afterwards');
}

async function gzipScenario() {
  // 2 = gzip. On a fresh channel grpc-js compresses every request with it; it would fall back to
  // identity only after a response whose grpc-accept-encoding lacked gzip.
  const clients = clientsOn(newChannel({ 'grpc.default_compression_algorithm': 2 }));
  const request = newArticle('gzip');
  request.text = Array(200).fill(request.text).join('\n\n'); // about 100 KB that compresses well
  await expectAccepted(clients.ingest(), request, 'gzip SubmitArticle of ~100 KB');
  const found = expectOk('gzip SearchStories', await unary(clients.query(), 'SearchStories', { query: SAMPLE_WORD }));
  expect(found.hits.length > 0, 'gzip SearchStories finds a sample story', show(found));
}

async function errorsScenario() {
  const clients = clientsOn(newChannel());
  const query = clients.query();
  expectDetails('empty query', expectStatus('SearchStories(query="")',
    await unary(query, 'SearchStories', { query: '' }), Status.INVALID_ARGUMENT), 'query');
  expectDetails('empty article', expectStatus('SubmitArticle(text="")',
    await unary(clients.ingest(), 'SubmitArticle', newArticle('errors', { text: '' })), Status.INVALID_ARGUMENT), 'empty');
  const unknownStory = 'sto_does_not_exist';
  expectDetails('unknown story', expectStatus(`GetStory("${unknownStory}")`,
    await unary(query, 'GetStory', { story_id: unknownStory }), Status.NOT_FOUND), unknownStory);
  expectDetails('non-ASCII status message arrives intact', expectStatus(`GetEntity("${UNKNOWN_ENTITY}")`,
    await unary(query, 'GetEntity', { entity: UNKNOWN_ENTITY }), Status.NOT_FOUND), UNKNOWN_ENTITY);
}

async function healthScenario() {
  const health = clientsOn(newChannel()).health();
  await expectServing(health, 'Check("")');
  expectStatus('Check("no.such.Service")', await unary(health, 'Check', { service: 'no.such.Service' }), Status.NOT_FOUND);
  const watch = reader(health.Watch({ service: '' }, new grpc.Metadata(), callOptions()), 'Watch("")');
  try {
    expectEqual('Watch("") first reports', (await watch.next()).status, 'SERVING');
  } finally {
    watch.call.cancel();
  }
}

// ---------------------------------------------------------------- reflection, as grpcurl uses it

// Serialized descriptors as a FileDescriptorSet, each file after the files it imports.
function descriptorSet(files) {
  const done = new Set();
  const ordered = [];
  const add = (name) => {
    if (done.has(name)) return;
    done.add(name);
    for (const dependency of files.get(name).dependency) add(dependency);
    ordered.push(files.get(name));
  };
  for (const name of files.keys()) add(name);
  return descriptor.FileDescriptorSet.encode({ file: ordered }).finish();
}

function localRoot() {
  const root = new protobuf.Root();
  root.resolvePath = (origin, target) => INCLUDE_DIRS.map((dir) => path.join(dir, target)).find(fs.existsSync) || target;
  return root.loadSync(PROTOS, { keepCase: true }).resolveAll();
}

function describeField(field) {
  const kind = field.resolvedType ? field.resolvedType.fullName : field.type;
  return `${field.repeated ? 'repeated ' : ''}${kind} ${field.name} = ${field.id};`;
}

// grpcurl's rendering of a service's methods, and of the fields of the messages they take and return.
function describeService(root, name) {
  const stream = (flag) => (flag ? 'stream ' : '');
  return root.lookupService(name).methodsArray.flatMap((method) => {
    const [input, output] = [method.resolvedRequestType, method.resolvedResponseType];
    return [`rpc ${method.name} ( ${stream(method.requestStream)}${input.fullName} ) ` +
      `returns ( ${stream(method.responseStream)}${output.fullName} );`,
    ...[input, output].flatMap((type) => type.fieldsArray.map((field) => `  ${type.fullName}: ${describeField(field)}`))];
  });
}

async function reflectionScenario(version) {
  const channel = newChannel();
  const client = clientsOn(channel).of(`grpc.reflection.${version}.ServerReflection`);
  const stream = reader(client.ServerReflectionInfo(new grpc.Metadata(), callOptions()), 'ServerReflectionInfo');
  const files = new Map(); // name -> FileDescriptorProto, as served

  // One request in flight at a time on the one stream, as grpcurl does; grpcurl reads neither
  // original_request nor valid_host (grpc-dotnet leaves both unset), so neither is checked.
  async function ask(request, kind) {
    const [[key, value]] = Object.entries(request);
    const what = `${key}(${JSON.stringify(value)})`;
    stream.call.write(request);
    const response = await stream.next(what);
    const got = response.message_response;
    expect(got === kind, `${what} -> ${kind}`, got === 'error_response' ? show(response.error_response) : got);
    return response[kind];
  }

  // Asks for descriptors, keeps them, and returns the names of the files served.
  async function fetch(request) {
    const served = (await ask(request, 'file_descriptor_response')).file_descriptor_proto
      .map((bytes) => descriptor.FileDescriptorProto.decode(bytes));
    for (const file of served) if (!files.has(file.name)) files.set(file.name, file);
    return served.map((file) => file.name);
  }

  async function expectServed(name, what) {
    const served = await fetch({ file_by_filename: name });
    expect(served.includes(name), `${what} file_by_filename("${name}") serves it`, show(served));
  }

  const services = (await ask({ list_services: '' }, 'list_services_response')).service.map((s) => s.name);
  for (const name of [INGEST, QUERY, HEALTH]) expect(services.includes(name), `list_services includes ${name}`, show(services));

  const queryFiles = await fetch({ file_containing_symbol: QUERY });
  const queryFile = queryFiles.map((name) => files.get(name)).find((file) => file.service.some((s) => s.name === 'QueryService'));
  expect(queryFile, `file_containing_symbol("${QUERY}") serves the file declaring it`, show(queryFiles));
  await fetch({ file_containing_symbol: INGEST });
  for (const name of queryFile.dependency) await expectServed(name, 'an import:');
  // As grpcurl does: fetch each import not served yet by name, until none is missing.
  let missing;
  while ((missing = [...new Set([...files.values()].flatMap((f) => f.dependency))].filter((d) => !files.has(d))).length) {
    for (const name of missing) await expectServed(name, 'a missing import:');
  }

  const error = await ask({ file_containing_symbol: 'no.such.Symbol' }, 'error_response');
  expectEqual('unknown symbol: error_code', error.error_code, Status.NOT_FOUND);
  await ask({ list_services: '' }, 'list_services_response'); // the stream survives an error response
  stream.call.end();
  const { rest, status } = await stream.drain();
  expectEqual('reflection responses after end()', rest, []);
  expect(status.code === Status.OK, 'reflection stream ends with OK after end()', statusText(status));

  const set = descriptorSet(files);
  const reflected = protobuf.Root.fromDescriptor(set).resolveAll();
  console.log(`ok: a descriptor pool builds from the ${files.size} served files`);
  const local = localRoot();
  for (const service of [INGEST, QUERY]) {
    expectSameLines(`grpcurl describe ${service} (methods and their messages) matches the .proto files`,
      describeService(reflected, service), describeService(local, service));
  }
  const query = clientsOn(channel, grpc.loadPackageDefinition(protoLoader.loadFileDescriptorSetFromBuffer(set, LOADER_OPTIONS))).query();
  const found = expectOk('SearchStories through the reflected descriptors', await unary(query, 'SearchStories', { query: SAMPLE_WORD }));
  expect(found.hits.length > 0, 'SearchStories through the reflected descriptors finds a story', show(found));
}

// ---------------------------------------------------------------- main

const SCENARIOS = {
  unary: unaryScenario,
  client_streaming: clientStreamingScenario,
  server_streaming: serverStreamingScenario,
  deadline: deadlineScenario,
  cancellation: cancellationScenario,
  oversized: oversizedScenario,
  gzip: gzipScenario,
  errors: errorsScenario,
  health: healthScenario,
  reflection_v1: () => reflectionScenario('v1'),
  reflection_v1alpha: () => reflectionScenario('v1alpha'),
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
  const args = parseArgs(process.argv.slice(2));
  if (!args.target) usage('missing --target');
  if (!Object.hasOwn(SCENARIOS, args.scenario)) usage(`unknown scenario: ${args.scenario}`);
  target = args.target;
  setTimeout(() => {
    console.error(`FAIL: ${args.scenario}: did not finish within ${WATCHDOG_MS / 1000} s`);
    process.exit(1);
  }, WATCHDOG_MS).unref();
  try {
    proto = grpc.loadPackageDefinition(protoLoader.loadSync(PROTOS, { ...LOADER_OPTIONS, includeDirs: INCLUDE_DIRS }));
    await SCENARIOS[args.scenario]();
    console.log(`ok: scenario ${args.scenario} passed`);
    process.exit(0);
  } catch (err) {
    console.error(`FAIL: ${args.scenario}: ${err instanceof CheckFailure ? err.message : err.stack}`);
    process.exit(1);
  }
}

main();
