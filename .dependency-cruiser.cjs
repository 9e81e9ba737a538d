/** Import rules checked by `npm test` (scripts/test.sh) — the rules themselves are in tools/import-rules.cjs. */
const { importRules } = require('./tools/import-rules.cjs');
const { modules } = require('./src/app/module-order.json');

module.exports = {
  forbidden: importRules(modules),
  options: {
    // TypeScript 7 has no JavaScript compiler API; swc parses TypeScript (type-only imports included).
    parser: 'swc',
    tsConfig: { fileName: 'tsconfig.json' },
    tsPreCompilationDeps: true,
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^web/|node_modules)' },
  },
};
