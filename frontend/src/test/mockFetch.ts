/** A tiny route table for a mocked global fetch. */
export type Handler = (req: { url: URL; method: string; headers: Headers; body: unknown }) => Response | Promise<Response>;

export const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { "Content-Type": "application/json" } });

export const problem = (body: Record<string, unknown>) =>
  new Response(JSON.stringify(body), {
    status: Number(body.status ?? 400),
    headers: { "Content-Type": "application/problem+json" },
  });

export const publicConfig = {
  issuer: "http://localhost:18080/realms/counterlink",
  clientId: "counterlink-portal",
  audience: "counterlink-api",
  registrationUrl: "http://localhost:18080/realms/counterlink/protocol/openid-connect/registrations?client_id=counterlink-portal",
};

/**
 * Installs a fetch mock. Keys are "METHOD /path"; unknown routes answer 404
 * problem+json. Returns the vi.fn so tests can inspect calls.
 */
export function mockFetch(routes: Record<string, Handler | Response | object>) {
  const fn = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = new URL(typeof input === "string" ? input : input instanceof URL ? input.href : input.url, window.location.href);
    const method = (init?.method ?? "GET").toUpperCase();
    const headers = new Headers(init?.headers);
    const body = typeof init?.body === "string" ? JSON.parse(init.body) : undefined;
    const key = `${method} ${url.pathname}`;
    if (!(key in routes)) {
      return problem({ status: 404, title: "Not Found", detail: `no mock for ${key}` });
    }
    const route = routes[key];
    if (typeof route === "function") return (route as Handler)({ url, method, headers, body });
    if (route instanceof Response) return route.clone();
    return json(route);
  });
  vi.stubGlobal("fetch", fn);
  return fn;
}
