import "@testing-library/jest-dom/vitest";
import { cleanup } from "@testing-library/react";
import { oidc } from "./fakeUserManager";

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
