/**
 * `npm test` checks src/ with these rules (`npm run lint:deps`). The folders of src/ form layers,
 * bottom up; a layer imports only layers below it, so no folder can import a folder that imports
 * it back. Adding a folder means placing it in this list.
 */
const LAYERS = [
  'errors',
  'crypto',
  'audit',
  'validation',
  'passwords',
  'config',
  'store',
  'models',
  'queries',
  'durable', // the UserGate Durable Object, the credential operations it runs, and its client
  'services',
  'operations', // the operation table: every operation declared once
  'openapi',
  'http',
  'rpc',
  'console', // the admin page: browser code served as text, calling the public /v1 API
  'app',
  'index',
];

const pathOf = (names) => `^src/(${names.join('|')})(/|\\.ts$)`;

module.exports = {
  forbidden: [
    ...LAYERS.slice(0, -1).map((layer, i) => ({
      name: `layer-${layer}`,
      comment: `src/${layer} may import only ${LAYERS.slice(0, i).join(', ') || 'nothing of src/'}`,
      severity: 'error',
      from: { path: pathOf([layer]) },
      to: { path: pathOf(LAYERS.slice(i + 1)) },
    })),
    {
      name: 'no-module-cycles',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'not-in-a-layer',
      comment: 'Every module of src/ belongs to a layer above.',
      severity: 'error',
      from: { path: '^src/', pathNot: [pathOf(LAYERS), 'worker-configuration\\.d\\.ts$', '^src/types/'] },
      to: {},
    },
    {
      name: 'below-the-doors-no-hono',
      comment: 'Business rules and storage never see Hono.',
      severity: 'error',
      from: { path: pathOf(LAYERS.slice(0, LAYERS.indexOf('operations') + 1)) },
      to: { path: '^node_modules/hono|^hono' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    exclude: { path: 'worker-configuration\\.d\\.ts$' },
  },
};
