// Runs DevCycle's bucketing.test.ts with a recording stand-in for the engine: every generateBucketedConfig,
// variableForUser and doesUserPassRollout call is written with the config, user, platform and client custom data it
// ran with and the value its assertion expects. Date.now() is pinned to the instant the test data was converted at.
const ts = require('typescript');
const fs = require('fs');
const path = require('path');
const Module = require('module');
const [src, helperSrc, testData, out] = process.argv.slice(2);
const NOW = Date.parse('2026-01-01T00:00:00Z');
Date.now = () => NOW;
const transpile = (file) => ts.transpileModule(fs.readFileSync(file, 'utf8'), {
  compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2020, esModuleInterop: true },
}).outputText;
const cases = [];
let currentTest = '';
const names = [];
const state = { platform: {}, configs: {}, client: {} };
const realParse = JSON.parse;
JSON.parse = (s, r) => (typeof s === 'string' && s.startsWith('"__case:')) ? { __case: Number(realParse(s).slice(7)) } : realParse(s, r);
const caseOf = (v) => (v && v.__case !== undefined) ? v.__case : undefined;
const record = (kind, extra) => {
  cases.push({ test: currentTest, kind, ...extra });
  return cases.length - 1;
};
const marker = (n) => JSON.stringify('__case:' + n);
const TYPES = ['Boolean', 'Number', 'String', 'JSON'];
let lastVariable;
const helper = {
  VariableType: { Boolean: 0, Number: 1, String: 2, JSON: 3 },
  setPlatformData: (s) => { state.platform = realParse(s); },
  setClientCustomData: (key, s) => { state.client[key] = realParse(s); },
  generateBoundedHashesFromJSON: () => JSON.stringify({ rolloutHash: Math.random(), bucketingHash: Math.random() }),
  decideTargetVariationFromJSON: () => 'var1',
  generateBucketedConfigForUser: (sdkKey, user) => marker(record('bucketedConfig', {
    config: state.configs[sdkKey], user: realParse(user), platform: state.platform, clientCustomData: state.client[sdkKey] || {} })),
  generateBucketedConfigForUserWithOverrides: () => new TextEncoder().encode(marker(record('overrides', {}))),
  doesUserPassRolloutFromJSON: (rollout, boundedHash) => ({ __case: record('rollout', { rollout: rollout === null ? null : realParse(rollout), boundedHash }) }),
  variableForUser: (sdkKey, user, key, type) => {
    lastVariable = record('variable', { config: state.configs[sdkKey], user: realParse(user), key, type: TYPES[type],
      platform: state.platform, clientCustomData: state.client[sdkKey] || {} });
    return marker(lastVariable);
  },
};
const setup = {
  initSDK: (sdkKey, config = {}) => {
    state.platform = { platform: 'NodeJS', platformVersion: '16.0' };
    state.configs[sdkKey] = realParse(JSON.stringify(config));
  },
  cleanupSDK: (sdkKey) => { state.client[sdkKey] = {}; },
};
const pb = { variableForUserPB: () => ({ __case: lastVariable }) };
const types = {
  EVAL_REASONS: { TARGETING_MATCH: 'TARGETING_MATCH', SPLIT: 'SPLIT', DEFAULT: 'DEFAULT', DISABLED: 'DISABLED', ERROR: 'ERROR', OVERRIDE: 'OVERRIDE', OPT_IN: 'OPT_IN' },
  EVAL_REASON_DETAILS: { ALL_USERS: 'All Users', AUDIENCE_MATCH: 'Audience Match', NOT_IN_AUDIENCE: 'Not in Audience', OPT_IN: 'Opt-In', NOT_OPTED_IN: 'Not Opt-In', OVERRIDE: 'Override', RANDOM_DISTRIBUTION: 'Random Distribution', ROLLOUT: 'Rollout', USER_ID: 'User ID', EMAIL: 'Email', COUNTRY: 'Country', PLATFORM: 'Platform', PLATFORM_VERSION: 'Platform Version', APP_VERSION: 'App Version', DEVICE_MODEL: 'Device Model', CUSTOM_DATA: 'Custom Data' },
  AudienceOperator: { and: 'and', or: 'or' },
};
const data = realParse(fs.readFileSync(testData, 'utf8'));
const stubs = {
  '../bucketingImportHelper': helper, '../setPlatformData': setup, '../protobufVariableHelper': pb, '@devcycle/types': types,
  '@devcycle/bucketing-test-data/json-data/testData.json': { ...data, default: data },
};
const origResolve = Module._resolveFilename;
Module._resolveFilename = function (req, ...rest) {
  if (stubs[req] || req === '../helpers/configWithBucketingKey') return req;
  return origResolve.call(this, req, ...rest);
};
for (const [k, v] of Object.entries(stubs)) require.cache[k] = { id: k, filename: k, loaded: true, exports: v };
const helperModule = new Module('../helpers/configWithBucketingKey');
helperModule.paths = module.paths;
helperModule._compile(transpile(helperSrc), helperSrc);
require.cache['../helpers/configWithBucketingKey'] = helperModule;
const noop = () => {};
global.expect = (actual) => {
  const n = caseOf(actual);
  const rec = (e) => { if (n !== undefined) cases[n].expected = e; };
  return {
    toEqual: (e) => rec({ value: e }), toStrictEqual: (e) => rec({ value: e }), toBe: (e) => rec({ value: e }),
    toBeNull: () => rec({ value: null }), toBeTruthy: () => rec({ value: true }), toBeFalsy: () => rec({ value: false }),
    toThrow: (msg) => {
      if (typeof actual !== 'function') return;
      const r = actual();
      const m = caseOf(r);
      if (m !== undefined) cases[m].expected = { throws: msg === undefined ? '' : String(msg) };
    },
    toBeGreaterThan: noop, toBeLessThan: noop, toHaveProperty: noop, toBeDefined: noop, toBeUndefined: noop,
    not: { toBeNull: noop, toBe: noop, toEqual: noop, toThrow: noop },
  };
};
global.expect.objectContaining = (o) => ({ __objectContaining: o });
global.expect.any = (c) => ({ __any: c.name });
const tests = [];
global.describe = (name, fn) => { names.push(name); fn(); names.pop(); };
global.beforeEach = noop; global.afterEach = noop; global.beforeAll = noop; global.afterAll = noop;
global.it = (name, fn) => tests.push({ name: [...names, name].join(' > '), fn });
global.test = global.it;
const m = new Module(src);
m.paths = [path.join(__dirname, 'node_modules'), ...module.paths];
m._compile(transpile(src), src);
for (const t of tests) {
  currentTest = t.name;
  try { t.fn(); } catch (e) { console.error('stopped in: ' + t.name + ': ' + e.message); }
}
const counts = {};
for (const c of cases) c.n = (counts[c.test] = (counts[c.test] || 0) + 1);
const kept = cases.filter((c) => c.kind !== 'overrides');
fs.writeFileSync(out, JSON.stringify({ now: '2026-01-01T00:00:00Z', tests: tests.length, cases: kept }, null, 1));
const missing = kept.filter((c) => !c.expected);
console.log(tests.length + ' tests, ' + kept.length + ' cases, ' + missing.length + ' without expectation');
for (const c of missing) console.log('  no expectation: ' + c.test + ' #' + c.n + ' ' + c.kind);
