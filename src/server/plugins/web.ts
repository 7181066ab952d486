import { existsSync } from "node:fs";
import type { FastifyInstance } from "fastify";
import fastifyStatic from "@fastify/static";
import { projectPath } from "../../db/project-root.js";

export const webRoot = `${projectPath("dist", "web")}/`;

/** Serves the built single-page app; any non-API page path answers index.html. */
export async function registerWeb(app: FastifyInstance): Promise<boolean> {
  if (!existsSync(`${webRoot}index.html`)) return false;
  await app.register(fastifyStatic, {
    root: webRoot,
    // Looks files up per request, so a rebuilt app is served without a restart.
    wildcard: true,
    index: "index.html",
    setHeaders: (reply, path) => {
      // Built assets have content hashes in their names: cache them for a year.
      if (path.includes("/assets/"))
        void reply.header("cache-control", "public, max-age=31536000, immutable");
    },
  });
  return true;
}
