#!/usr/bin/env node
// Thin launcher: the CLI is compiled from src/ by `npm run compile` (run by `npm ci` through `prepare`).
import { main } from '../dist/cli/main.js';

process.exitCode = await main(process.argv.slice(2));
