#!/usr/bin/env node
// Tiny shim: the built entry does everything (see src/cli/main.ts).
import '../dist/cli/main.js';
