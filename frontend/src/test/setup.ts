import "@testing-library/jest-dom/vitest";
import { cleanup, configure } from "@testing-library/react";
import { oidc } from "./fakeUserManager";

// A route's first render imports its module: on a loaded two-core CI machine that can take more than the
// default 1 s that findBy* waits, so they wait up to 5 s (a passing test still returns as soon as it finds).
configure({ asyncUtilTimeout: 5000 });

// Unit tests mock only fetch (per test) and oidc-client-ts's UserManager (here).
vi.mock("oidc-client-ts", async () => ({
  UserManager: (await import("./fakeUserManager")).FakeUserManager,
}));

beforeEach(() => {
  oidc.reset();
  window.localStorage.clear();
  window.sessionStorage.clear();
  window.history.replaceState(null, "", "/");
});

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});
