/**
 * The import rules of Kỷ Cương as dependency-cruiser rules, built from the module order. `.dependency-cruiser.cjs`
 * applies them to `src/`; `test/architecture/import-rules.test.ts` also applies them to a fixture tree with
 * deliberately bad imports, to show each rule fires.
 *
 * - modules import other modules only through their `index.ts` (tests excepted), and only modules earlier in the
 *   order (so the flow runs one way and no two modules depend on each other);
 * - a module's `module.ts` (its KcModule: routes, start, stop) is imported only by the composition root;
 * - modules never import adapters or the composition root; `domain/` folders import nothing with I/O;
 * - no file-level cycles in production code.
 */
const TEST = '(\\.test\\.ts$|/test/|^test/|^e2e/|^bench/)';

/** Escapes nothing: module names are plain [a-z-] folder names. */
function moduleOrderRules(order) {
  const rules = [];
  order.forEach((name, i) => {
    const later = order.slice(i + 1);
    if (later.length === 0) return;
    rules.push({
      name: `flow-${name}`,
      comment: `${name} comes before ${later.join(', ')} in src/app/module-order.json: it may not import them (the flow runs one way).`,
      severity: 'error',
      from: { path: `^src/modules/${name}/`, pathNot: TEST },
      to: { path: `^src/modules/(${later.join('|')})/` },
    });
  });
  return rules;
}

function importRules(order) {
  return [
    ...moduleOrderRules(order),
    {
      name: 'module-through-index',
      comment: 'Another module is used only through its index.ts (its public API) — never its inner files.',
      severity: 'error',
      from: { path: '^src/modules/([^/]+)/', pathNot: TEST },
      to: { path: '^src/modules/([^/]+)/.+', pathNot: ['^src/modules/$1/', '^src/modules/[^/]+/index\\.ts$'] },
    },
    {
      name: 'module-ts-only-from-root',
      comment: "A module's module.ts (routes, start, stop) is wired only by the composition root src/app/modules.ts.",
      severity: 'error',
      from: { pathNot: ['^src/app/modules\\.ts$', TEST] },
      to: { path: '^src/modules/[^/]+/module\\.ts$' },
    },
    {
      name: 'no-adapters-in-modules',
      comment: 'Infrastructure reaches modules through AppContext; modules never import an adapter.',
      severity: 'error',
      from: { path: '^src/modules/', pathNot: TEST },
      to: { path: '^src/platform/adapters/' },
    },
    {
      name: 'no-composition-root-below',
      comment: 'Modules and the platform never import src/app (the composition root imports them).',
      severity: 'error',
      from: { path: '^src/(modules|platform)/', pathNot: TEST },
      to: { path: '^src/app/' },
    },
    {
      name: 'pure-domain-no-io',
      comment: 'domain/ folders hold pure rules: no Node I/O, no database, adapters, repos (port types are fine: they are interfaces), services or routes.',
      severity: 'error',
      from: { path: '/domain/', pathNot: TEST },
      to: {
        dependencyTypesNot: ['type-only'],
        path: [
          '^(node:)?(fs|fs/promises|net|http|https|child_process|worker_threads|dgram|dns|tls|cluster)$',
          '^src/platform/(adapters|db|outbox|blob-owners|observability)/',
          '\\.(repo|service|routes|jobs)\\.ts$',
          'node_modules/(pg|@electric-sql|@nats-io|@aws-sdk|fastify|onnxruntime-node|sharp|nodemailer)/',
        ],
      },
    },
    {
      name: 'no-circular',
      comment: 'No import cycles between production files.',
      severity: 'error',
      from: { path: '^src/', pathNot: TEST },
      to: { circular: true, pathNot: TEST },
    },
  ];
}

module.exports = { importRules, TEST };
