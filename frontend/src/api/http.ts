import { ApiError, NetworkError, type ProblemDetails, UnauthorizedError } from "./errors";

export interface HttpClientOptions {
  /** Prefix for every path. Relative by default: the portal is served by the API's origin. */
  baseUrl?: string;
  /** Returns the current access token, if signed in. */
  getAccessToken?: () => string | undefined | null | Promise<string | undefined | null>;
  /** Called once per 401 response, before the UnauthorizedError is thrown. */
  onUnauthorized?: (error: UnauthorizedError) => void;
}

export interface RequestOptions {
  method?: string;
  body?: unknown;
  signal?: AbortSignal;
  /** Skip the Authorization header (public endpoints). */
  anonymous?: boolean;
}

export interface HttpClient {
  request<T>(path: string, options?: RequestOptions): Promise<T>;
  get<T>(path: string, options?: Omit<RequestOptions, "method" | "body">): Promise<T>;
  post<T>(path: string, body: unknown, options?: Omit<RequestOptions, "method" | "body">): Promise<T>;
  put<T>(path: string, body: unknown, options?: Omit<RequestOptions, "method" | "body">): Promise<T>;
  delete<T = void>(path: string, options?: Omit<RequestOptions, "method" | "body">): Promise<T>;
}

const isJson = (contentType: string | null) =>
  !!contentType && /^application\/([\w.+-]*\+)?json/i.test(contentType);

async function readProblem(response: Response): Promise<ProblemDetails> {
  const fallback: ProblemDetails = {
    status: response.status,
    title: response.statusText || `HTTP ${response.status}`,
  };
  if (!isJson(response.headers.get("content-type"))) return fallback;
  try {
    const body = (await response.json()) as unknown;
    if (body && typeof body === "object" && !Array.isArray(body)) {
      const p = body as ProblemDetails;
      return {
        ...p,
        status: typeof p.status === "number" ? p.status : response.status,
        errors: Array.isArray(p.errors) ? p.errors : undefined,
      };
    }
  } catch {
    /* body was not valid JSON: fall through */
  }
  return fallback;
}

/**
 * A small fetch wrapper: JSON in and out, bearer token on every request,
 * problem+json turned into typed errors.
 */
export function createHttpClient(options: HttpClientOptions = {}): HttpClient {
  const { baseUrl = "", getAccessToken, onUnauthorized } = options;

  async function request<T>(path: string, opts: RequestOptions = {}): Promise<T> {
    const headers = new Headers({ Accept: "application/json, application/problem+json" });
    if (opts.body !== undefined) headers.set("Content-Type", "application/json");
    if (!opts.anonymous && getAccessToken) {
      const token = await getAccessToken();
      if (token) headers.set("Authorization", `Bearer ${token}`);
    }

    let response: Response;
    try {
      response = await fetch(`${baseUrl}${path}`, {
        method: opts.method ?? "GET",
        headers,
        body: opts.body === undefined ? undefined : JSON.stringify(opts.body),
        signal: opts.signal,
        credentials: "same-origin",
      });
    } catch (e) {
      if ((e as { name?: string })?.name === "AbortError") throw e;
      throw new NetworkError(e);
    }

    if (!response.ok) {
      // A gateway answering for a stopped backend is "down", not an API error.
      if ([502, 503, 504].includes(response.status) && !isJson(response.headers.get("content-type"))) {
        throw new NetworkError(new Error(`HTTP ${response.status}`));
      }
      const problem = await readProblem(response);
      if (response.status === 401) {
        const error = new UnauthorizedError(problem);
        onUnauthorized?.(error);
        throw error;
      }
      throw new ApiError(response.status, problem);
    }

    if (response.status === 204) return undefined as T;
    const text = await response.text();
    return (text ? JSON.parse(text) : undefined) as T;
  }

  return {
    request,
    get: (path, o) => request(path, { ...o, method: "GET" }),
    post: (path, body, o) => request(path, { ...o, method: "POST", body }),
    put: (path, body, o) => request(path, { ...o, method: "PUT", body }),
    delete: (path, o) => request(path, { ...o, method: "DELETE" }),
  };
}
