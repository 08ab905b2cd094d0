/** A single field validation problem, as sent in a problem+json `errors` array. */
export interface FieldProblem {
  field: string;
  message: string;
}

/** RFC 9457 problem details, as the Counterlink API sends them. */
export interface ProblemDetails {
  type?: string;
  title?: string;
  status?: number;
  detail?: string;
  /** Counterlink's error code, e.g. BRIDGE_OFFLINE. */
  code?: string;
  errors?: FieldProblem[];
}

/** The API answered with a non-2xx status. */
export class ApiError extends Error {
  readonly status: number;
  readonly problem: ProblemDetails;

  constructor(status: number, problem: ProblemDetails) {
    super(problem.detail || problem.title || `Request failed with status ${status}`);
    this.name = "ApiError";
    this.status = status;
    this.problem = problem;
  }

  /** Field errors keyed by field name (first message wins). */
  get fieldErrors(): Record<string, string> {
    const result: Record<string, string> = {};
    for (const e of this.problem.errors ?? []) {
      if (e && typeof e.field === "string" && !(e.field in result)) {
        result[e.field] = e.message;
      }
    }
    return result;
  }
}

/** 401: the access token is missing, expired or rejected. */
export class UnauthorizedError extends ApiError {
  constructor(problem: ProblemDetails) {
    super(401, problem);
    this.name = "UnauthorizedError";
  }
}

/** The server could not be reached at all (down, offline, proxy error before a response). */
export class NetworkError extends Error {
  constructor(cause?: unknown) {
    super("Counterlink could not be reached. Check your connection and try again.");
    this.name = "NetworkError";
    this.cause = cause;
  }
}

export const isApiError = (e: unknown): e is ApiError => e instanceof ApiError;
export const isNotFound = (e: unknown) => e instanceof ApiError && e.status === 404;
export const isAbortError = (e: unknown) =>
  typeof e === "object" && e !== null && (e as { name?: string }).name === "AbortError";

/** A short, human readable message for any error thrown by the API layer. */
export function errorMessage(e: unknown): string {
  if (e instanceof NetworkError) return e.message;
  if (e instanceof UnauthorizedError) return "Your session has expired. Please log in again.";
  if (e instanceof ApiError) {
    if (e.status >= 500) {
      return e.problem.detail || "The Counterlink server had a problem. Please try again in a moment.";
    }
    return e.problem.detail || e.problem.title || e.message;
  }
  if (e instanceof Error && e.message) return e.message;
  return "Something went wrong.";
}
