#!/usr/bin/env node
// The mcp-deploy command: the bundle runs the CLI when started through this file.
require('./index.js');
