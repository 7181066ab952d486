#!/usr/bin/env node
// The installed command: compiles the TypeScript sources on the fly with tsx.
import { register } from "tsx/esm/api";

register();
await import("../src/cli/index.ts");
