/**
 * Imported first by the CLI's entry, so that it runs before the server's modules load: a
 * streaming command keeps V8's young generation small (see keepYoungGenerationSmall), which it
 * must decide before loading those modules grows it.
 */
import { argv } from "node:process";
import { commandOf, keepYoungGenerationSmall, STREAMING_COMMANDS } from "./heap.js";

const command = commandOf(argv.slice(2));
if (command !== undefined && STREAMING_COMMANDS.has(command)) keepYoungGenerationSmall();
