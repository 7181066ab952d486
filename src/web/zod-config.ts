import { z } from "zod";

// Zod compiles object schemas with `new Function` when it may, and probes for that with
// `Function("")`; the app's Content-Security-Policy forbids both (no 'unsafe-eval'), and the
// probe alone is reported as a violation. Imported first by main.tsx, before any parsing.
z.config({ jitless: true });
