// Runs DevCycle's segmentation.test.ts with a recording stand-in for the engine and writes every
// evaluateOperator call with the result its assertion expects, as JSON cases.
const ts = require('typescript');
const fs = require('fs');
const path = require('path');
const Module = require('module');
const [src, out] = process.argv.slice(2);
const js = ts.transpileModule(fs.readFileSync(src, 'utf8'), {
  compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2020 },
}).outputText;
const cases = [];
let platform = {};
const names = [];
let currentTest = '';
const realParse = JSON.parse;
JSON.parse = (s, r) => (typeof s === 'string' && s.startsWith('"__case:')) ? { __case: Number(realParse(s).slice(7)) } : realParse(s, r);
const helper = {
  setPlatformData: (s) => { platform = realParse(s); },
  evaluateOperatorFromJSON: (op, data, aud) => {
    cases.push({ test: currentTest, n: 0, operator: realParse(op), user: realParse(data), audiences: realParse(aud),
      platform: { platform: platform.platform, platformVersion: platform.platformVersion } });
    return JSON.stringify('__case:' + (cases.length - 1));
  },
};
const caseOf = (v) => (v && v.__case !== undefined) ? v.__case
  : (typeof v === 'string' && v.startsWith('"__case:')) ? Number(realParse(v).slice(7)) : undefined;
const expectCase = (a, b) => {
  const [actual, expected] = caseOf(a) !== undefined ? [a, b] : [b, a];
  const n = caseOf(actual);
  if (n === undefined) return;
  cases[n].expected = typeof expected === 'boolean' ? { result: expected } : expected;
};
const assertStub = { deepStrictEqual: expectCase, strictEqual: expectCase };
const origResolve = Module._resolveFilename;
Module._resolveFilename = function (req, ...rest) {
  if (req === 'assert' || req.endsWith('bucketingImportHelper')) return req;
  return origResolve.call(this, req, ...rest);
};
require.cache['assert'] = { id: 'assert', filename: 'assert', loaded: true, exports: assertStub };
require.cache['../bucketingImportHelper'] = { id: 'h', filename: 'h', loaded: true, exports: helper };
const tests = [];
const befores = [];
global.describe = (name, fn) => { names.push(name); fn(); names.pop(); };
global.beforeEach = (fn) => befores.push(fn);
global.it = (name, fn) => tests.push({ name: [...names, name].join(' > '), fn });
global.expect = () => ({ toEqual: () => {} });
const m = new Module(src);
m.paths = module.paths;
m._compile(js, src);
for (const t of tests) {
  befores.forEach((b) => b());
  currentTest = t.name;
  try { t.fn(); } catch (e) { console.error("skipped part of: " + t.name + ": " + e.message); }
}
// The two filterAudiencesFromSubtypes tests assert on the list of audiences that passed, not on each result:
// the audiences they expect (ids ...b909, b910, b911 for Android TV; ...b913 for iOS) are the 1st-3rd and the 5th
// evaluated. Only `result` is compared for these.
const passing = { 'Android TV': [1, 2, 3], iOS: [5] };
const counts = {};
for (const c of cases) {
  const n = (counts[c.test] || 0) + 1;
  if (!c.expected && c.test.includes('filterAudiencesFromSubtypes')) {
    c.expected = { result: passing[c.platform.platform].includes(n) };
    c.resultOnly = true;
  }
  counts[c.test] = n;
}
for (const k of Object.keys(counts)) delete counts[k];
for (const c of cases) { c.n = (counts[c.test] = (counts[c.test] || 0) + 1); }
fs.writeFileSync(out, JSON.stringify({ tests: tests.length, cases }, null, 1));
console.log(tests.length + ' tests, ' + cases.length + ' cases, ' + cases.filter((c) => !c.expected).length + ' without expectation');
