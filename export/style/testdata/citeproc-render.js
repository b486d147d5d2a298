#!/usr/bin/env node
// citeproc-render.js CLIENTS_DIR CSL_DIR STYLE ITEMS.json
// Renders every item of ITEMS.json (a CSL-JSON array) as one bibliography
// entry with citeproc-js and prints a JSON object {id: entry} (text output,
// entries trimmed). Used by the style package's agreement test.
'use strict';
const fs = require('fs');
const path = require('path');
const [clients, cslDir, style, itemsFile] = process.argv.slice(2);
const CSL = require(path.join(clients, 'node_modules', 'citeproc'));
CSL.debug = () => {};
const locale = fs.readFileSync(path.join(cslDir, 'locales-en-US.xml'), 'utf8');
const styleXML = fs.readFileSync(path.join(cslDir, style + '.csl'), 'utf8');
const items = JSON.parse(fs.readFileSync(itemsFile, 'utf8'));
const byId = new Map(items.map((it) => [String(it.id), it]));
const sys = { retrieveLocale: () => locale, retrieveItem: (id) => JSON.parse(JSON.stringify(byId.get(String(id)))) };
const engine = new CSL.Engine(sys, styleXML, 'en-US');
engine.setOutputFormat('html');
const out = {};
// One item at a time: the entry must not depend on its neighbours
// (no "———" for repeated authors, no year suffixes).
for (const it of items) {
  engine.updateItems([String(it.id)]);
  const res = engine.makeBibliography();
  out[String(it.id)] = res ? res[1].join('').trim() : '';
}
process.stdout.write(JSON.stringify(out, null, 1) + '\n');
