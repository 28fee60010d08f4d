#!/usr/bin/env node
// Linia's command line. The server is TypeScript run through tsx (Node 20 has no type stripping).
import { register } from 'tsx/esm/api';

register();
await import('../src/cli/main.ts');
