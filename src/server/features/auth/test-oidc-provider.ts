/**
 * A real OpenID provider for tests (`oidc-provider`, the certified implementation), listening on a
 * random local port, with one client registered and a few test accounts. Its sign-in page lists
 * the accounts as buttons (a browser picks one), or signs in `nextAccount` straight away (API
 * tests). It can also be told to sign its ID tokens with another issuer, to test that they are
 * refused.
 */
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { generateKeyPairSync, sign } from "node:crypto";
import Provider, { type Configuration } from "oidc-provider";

type KoaContext = Parameters<Parameters<Provider["use"]>[0]>[0];

const base64url = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url");

export interface TestAccount {
  email: string;
  email_verified?: boolean;
  /** Microsoft Entra ID's "the address's domain is verified by its owner", instead of email_verified. */
  xms_edov?: boolean;
  name?: string;
}

export interface TestOidcProvider {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** The account the next sign-in completes as, without showing the sign-in page; null shows the page. */
  nextAccount: string | null;
  /** When set, ID tokens are signed again with this `iss`: an answer "from another issuer". */
  idTokenIssuer: string | null;
  accounts: Record<string, TestAccount>;
  /** The SSO_PROVIDERS entry for this provider. */
  providerConfig(
    id: string,
    name: string,
  ): {
    id: string;
    name: string;
    issuer: string;
    clientId: string;
    clientSecret: string;
  };
  close(): Promise<void>;
}

const escape = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export async function startTestOidcProvider(options: {
  redirectUris: string[];
  accounts: Record<string, TestAccount>;
  clientId?: string;
  clientSecret?: string;
  /** Put the e-mail claims in the ID token (as Google does); false leaves them to UserInfo. */
  emailInIdToken?: boolean;
}): Promise<TestOidcProvider> {
  let handler: (req: IncomingMessage, res: ServerResponse) => void = (_req, res) => {
    res.statusCode = 503;
    res.end();
  };
  const server = createServer((req, res) => handler(req, res));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const { privateKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
  const jwk = { ...privateKey.export({ format: "jwk" }), kid: "test-key", alg: "RS256", use: "sig" };
  const clientId = options.clientId ?? "shared-table";
  const clientSecret = options.clientSecret ?? "a-test-client-secret-that-is-long-enough";

  const idp: TestOidcProvider = {
    issuer,
    clientId,
    clientSecret,
    nextAccount: null,
    idTokenIssuer: null,
    accounts: options.accounts,
    providerConfig: (id, name) => ({ id, name, issuer, clientId, clientSecret }),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };

  const configuration: Configuration = {
    clients: [
      {
        client_id: clientId,
        client_secret: clientSecret,
        redirect_uris: options.redirectUris,
        response_types: ["code"],
        grant_types: ["authorization_code"],
        token_endpoint_auth_method: "client_secret_post",
      },
    ],
    jwks: { keys: [jwk] },
    cookies: { keys: ["test-oidc-provider-cookie-key"] },
    claims: { openid: ["sub"], email: ["email", "email_verified", "xms_edov"], profile: ["name"] },
    conformIdTokenClaims: !(options.emailInIdToken ?? true),
    features: { devInteractions: { enabled: false } },
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
    findAccount: (_ctx, sub) => {
      const account = idp.accounts[sub];
      if (!account) return undefined;
      return {
        accountId: sub,
        claims: () => ({
          sub,
          email: account.email,
          ...(account.email_verified === undefined ? {} : { email_verified: account.email_verified }),
          ...(account.xms_edov === undefined ? {} : { xms_edov: account.xms_edov }),
          ...(account.name ? { name: account.name } : {}),
        }),
      };
    },
    renderError: (ctx, out) => {
      ctx.type = "html";
      ctx.body = `<!doctype html><title>Error</title><h1>${escape(String(out.error))}</h1><p>${escape(String(out.error_description ?? ""))}</p>`;
    },
  };
  const provider = new Provider(issuer, configuration);

  /** Signs in as `accountId` and grants what the client asked for. */
  async function finish(ctx: KoaContext, accountId: string) {
    const details = await provider.interactionDetails(ctx.req, ctx.res);
    const grant = new provider.Grant({ accountId, clientId: String(details.params.client_id) });
    grant.addOIDCScope(String(details.params.scope));
    const grantId = await grant.save();
    const to = await provider.interactionResult(
      ctx.req,
      ctx.res,
      { login: { accountId }, consent: { grantId } },
      { mergeWithLastSubmission: false },
    );
    ctx.status = 303;
    ctx.redirect(to);
  }

  provider.use(async (ctx, next) => {
    const match = /^\/interaction\/([\w-]+)$/.exec(ctx.path);
    if (match && ctx.method === "GET") {
      if (idp.nextAccount) return finish(ctx, idp.nextAccount);
      const buttons = Object.entries(idp.accounts)
        .map(
          ([id, a]) =>
            `<p><button name="account" value="${escape(id)}">Continue as ${escape(a.name ?? a.email)}</button></p>`,
        )
        .join("");
      ctx.type = "html";
      ctx.body =
        `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Test identity provider</title></head>` +
        `<body><main><h1>Test identity provider</h1><form method="post" action="${ctx.path}">${buttons}</form></main></body></html>`;
      return undefined;
    }
    if (match && ctx.method === "POST") {
      const body = await new Promise<string>((resolve) => {
        let text = "";
        ctx.req.on("data", (d: Buffer) => (text += d.toString()));
        ctx.req.on("end", () => resolve(text));
      });
      const account = new URLSearchParams(body).get("account") ?? "";
      if (!idp.accounts[account]) {
        ctx.status = 400;
        ctx.body = "unknown account";
        return undefined;
      }
      return finish(ctx, account);
    }
    await next();
    const answer = ctx.body as { id_token?: unknown } | undefined;
    if (ctx.path === "/token" && idp.idTokenIssuer && answer && typeof answer.id_token === "string") {
      const claims = JSON.parse(
        Buffer.from(answer.id_token.split(".")[1] ?? "", "base64url").toString(),
      ) as object;
      const signed = `${base64url({ alg: "RS256", kid: "test-key", typ: "JWT" })}.${base64url({ ...claims, iss: idp.idTokenIssuer })}`;
      answer.id_token = `${signed}.${sign("sha256", Buffer.from(signed), privateKey).toString("base64url")}`;
    }
    return undefined;
  });
  const serve = provider.callback();
  handler = (req, res) => void serve(req, res);
  return idp;
}

/** Cookies by name, for following a provider's redirects by hand. */
export class CookieJar {
  private readonly cookies = new Map<string, string>();

  take(response: Response): void {
    for (const line of response.headers.getSetCookie()) {
      const [pair = ""] = line.split(";");
      const at = pair.indexOf("=");
      const name = pair.slice(0, at).trim();
      const value = pair.slice(at + 1).trim();
      if (/expires=Thu, 01 Jan 1970/i.test(line) || value === "") this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }

  header(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
  }
}

/**
 * Follows the provider's redirects from its authorization address, signing in as the provider's
 * `nextAccount`, until it sends the browser back to `redirectPrefix`; answers that address.
 */
export async function followToCallback(
  url: string,
  redirectPrefix: string,
  jar = new CookieJar(),
): Promise<URL> {
  let next = url;
  for (let hop = 0; hop < 10; hop++) {
    if (next.startsWith(redirectPrefix)) return new URL(next);
    const response = await fetch(next, { redirect: "manual", headers: { cookie: jar.header() } });
    jar.take(response);
    const location = response.headers.get("location");
    if (!location) {
      throw new Error(
        `the provider answered ${response.status} without a redirect: ${await response.text()}`,
      );
    }
    next = new URL(location, next).href;
  }
  throw new Error("too many redirects");
}
