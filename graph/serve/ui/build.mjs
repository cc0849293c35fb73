// Bundles the viewer into ../web (embedded in the Go binary with go:embed, and committed so that
// `go build` needs no Node). Run: npm ci && npm run build
import * as esbuild from 'esbuild';
import { readFileSync } from 'node:fs';

const cyVersion = JSON.parse(readFileSync('node_modules/cytoscape/package.json', 'utf8')).version;
const banner = `/*! newsgraph viewer. Includes Cytoscape.js ${cyVersion} (c) The Cytoscape Consortium, MIT licence, https://js.cytoscape.org */`;

await esbuild.build({
  entryPoints: ['src/main.js'],
  bundle: true,
  format: 'iife',
  minify: true,
  target: ['es2020'],
  legalComments: 'none',
  banner: { js: banner },
  outfile: '../web/app.js',
  logLevel: 'info',
});
await esbuild.build({
  entryPoints: ['src/app.css'],
  bundle: true,
  minify: true,
  outfile: '../web/app.css',
  logLevel: 'info',
});
