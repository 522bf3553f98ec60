// Libraries loaded on first use rather than at start-up: most runs read no YAML and open no archive
// that needs the general zip reader, and evaluating them is a fair share of the CLI's start-up time
// (docs/performance.md). A CommonJS module, so that the bundler bundles these `require` calls and
// still evaluates each library only when it is first asked for.
'use strict';
let yaml;
let jszip;
let xmlParser;
exports.yamlLib = () => (yaml ??= require('yaml'));
exports.jszipLib = () => (jszip ??= require('jszip'));
// fast-xml-parser reads only the XML documents our own reader leaves to it (src/source/xml-check.ts).
exports.xmlParserLib = () => (xmlParser ??= require('fast-xml-parser'));
