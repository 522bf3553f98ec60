// The entry of the separate bundle dist/azure-identity/index.cjs: the Azure SDK's credentials, built on
// their own so that the CLI and the Action do not parse them on every offline run (src/target/identity.ts).
'use strict';
module.exports = require('@azure/identity');
