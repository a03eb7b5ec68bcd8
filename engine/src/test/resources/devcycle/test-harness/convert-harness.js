// Converts the test harness's mock data (TypeScript) into JSON: the config it serves and the variables and features a
// bucketed user gets, with @devcycle/types enums replaced by their values.
const ts = require('typescript');
const fs = require('fs');
const Module = require('module');
const [dir, out] = process.argv.slice(2);
const capitalised = { boolean: 'Boolean', string: 'String', number: 'Number', json: 'JSON' };
const byName = new Proxy({}, { get: (_, name) => String(name) });
const types = {
  AudienceOperator: byName, FeatureType: byName, FilterComparator: byName, FilterType: byName, UserSubType: byName,
  DataKeyType: new Proxy({}, { get: (_, n) => capitalised[n] || String(n) }),
  VariableType: new Proxy({}, { get: (_, n) => capitalised[n] || String(n) }),
  EVAL_REASONS: byName,
};
const load = (file) => {
  const m = new Module(file);
  m.paths = module.paths;
  m.require = (req) => (req === '@devcycle/types' ? types : require(req));
  const js = ts.transpileModule(fs.readFileSync(file, 'utf8'), { compilerOptions: { module: ts.ModuleKind.CommonJS } }).outputText;
  const wrapper = new Function('exports', 'require', 'module', js);
  wrapper(m.exports, m.require, m);
  return m.exports;
};
const { config } = load(dir + '/config.ts');
const { getMockedVariables } = load(dir + '/variables.ts');
const { features } = load(dir + '/features.ts');
fs.writeFileSync(out, JSON.stringify({ config, variables: getMockedVariables(true, true, false), features }, null, 1));
