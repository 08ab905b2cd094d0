import { ApiError, NetworkError, UnauthorizedError, errorMessage } from "./errors";
import { createHttpClient } from "./http";
import { json, mockFetch, problem } from "../test/mockFetch";

describe("http client", () => {
  it("attaches the bearer token and JSON headers", async () => {
    const fetchMock = mockFetch({
      "POST /api/tenants": ({ headers, body }) => {
        expect(headers.get("Authorization")).toBe("Bearer tok-123");
        expect(headers.get("Content-Type")).toBe("application/json");
        expect(body).toEqual({ name: "Acme" });
        return json({ id: "t1", name: "Acme" }, 201);
      },
    });
    const http = createHttpClient({ getAccessToken: async () => "tok-123" });
    await expect(http.post("/api/tenants", { name: "Acme" })).resolves.toEqual({ id: "t1", name: "Acme" });
    expect(fetchMock).toHaveBeenCalledTimes(1);
    expect(fetchMock.mock.calls[0][0]).toBe("/api/tenants"); // relative: same origin as the portal
  });

  it("sends no Authorization header for anonymous calls or when signed out", async () => {
    mockFetch({
      "GET /api/public/config": ({ headers }) => json({ auth: headers.get("Authorization") }),
    });
    const http = createHttpClient({ getAccessToken: () => "tok" });
    await expect(http.get("/api/public/config", { anonymous: true })).resolves.toEqual({ auth: null });
    const signedOut = createHttpClient({ getAccessToken: () => undefined });
    await expect(signedOut.get("/api/public/config")).resolves.toEqual({ auth: null });
  });

  it("turns a problem+json 400 into an ApiError with field errors", async () => {
    mockFetch({
      "POST /api/tenants": problem({
        type: "about:blank",
        title: "Bad Request",
        status: 400,
        detail: "Validation failed",
        errors: [{ field: "name", message: "must not be blank" }],
      }),
    });
    const http = createHttpClient({ getAccessToken: () => "tok" });
    const error = await http.post("/api/tenants", { name: "" }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    const apiError = error as ApiError;
    expect(apiError.status).toBe(400);
    expect(apiError.problem.title).toBe("Bad Request");
    expect(apiError.fieldErrors).toEqual({ name: "must not be blank" });
    expect(errorMessage(apiError)).toBe("Validation failed");
  });

  it("keeps 409 detail for the caller", async () => {
    mockFetch({
      "POST /api/tenants": problem({ title: "Conflict", status: 409, detail: "A company called acme-outfitters exists" }),
    });
    const error = (await createHttpClient().post("/api/tenants", { name: "x" }).catch((e: unknown) => e)) as ApiError;
    expect(error.status).toBe(409);
    expect(error.message).toBe("A company called acme-outfitters exists");
    expect(error.fieldErrors).toEqual({});
  });

  it("throws UnauthorizedError on 401 and tells the app to sign in again", async () => {
    mockFetch({ "GET /api/me": problem({ title: "Unauthorized", status: 401 }) });
    const onUnauthorized = vi.fn();
    const http = createHttpClient({ getAccessToken: () => "expired", onUnauthorized });
    const error = await http.get("/api/me").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UnauthorizedError);
    expect(onUnauthorized).toHaveBeenCalledTimes(1);
  });

  it("handles non-JSON error bodies", async () => {
    mockFetch({ "GET /api/me": new Response("<html>oops</html>", { status: 500, statusText: "Server Error" }) });
    const error = (await createHttpClient().get("/api/me").catch((e: unknown) => e)) as ApiError;
    expect(error).toBeInstanceOf(ApiError);
    expect(error.status).toBe(500);
    expect(error.problem.title).toBe("Server Error");
  });

  it("reports an unreachable server as a NetworkError", async () => {
    vi.stubGlobal("fetch", vi.fn(async () => Promise.reject(new TypeError("Failed to fetch"))));
    await expect(createHttpClient().get("/api/me")).rejects.toBeInstanceOf(NetworkError);
    vi.stubGlobal("fetch", vi.fn(async () => new Response("Bad Gateway", { status: 502 })));
    await expect(createHttpClient().get("/api/me")).rejects.toBeInstanceOf(NetworkError);
  });

  it("returns undefined for 204", async () => {
    mockFetch({ "POST /api/x": new Response(null, { status: 204 }) });
    await expect(createHttpClient().post("/api/x", {})).resolves.toBeUndefined();
  });
});
