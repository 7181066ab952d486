#!/usr/bin/env -S node --import tsx
// First: it decides on the young generation before the other modules load (young-generation.ts).
import "./young-generation.js";
import { runCli } from "./run.js";

process.exitCode = await runCli(process.argv.slice(2));
