import type { UserManagerSettings } from "oidc-client-ts";

/** Minimal stand-in for oidc-client-ts's User. */
export interface FakeUser {
  access_token: string;
  expired: boolean;
  profile: { sub: string; email?: string };
  state?: unknown;
}

export function fakeUser(overrides: Partial<FakeUser> = {}): FakeUser {
  return {
    access_token: "test-access-token",
    expired: false,
    profile: { sub: "user-1", email: "ada@example.com" },
    ...overrides,
  };
}

/** What the next FakeUserManager does; reset before every test. */
export const oidc = {
  storedUser: null as FakeUser | null,
  callbackUser: null as FakeUser | null,
  callbackError: null as unknown,
  instances: [] as FakeUserManager[],
  reset() {
    this.storedUser = null;
    this.callbackUser = null;
    this.callbackError = null;
    this.instances = [];
  },
  get last(): FakeUserManager {
    const m = this.instances[this.instances.length - 1];
    if (!m) throw new Error("no UserManager was created");
    return m;
  },
};

type Listener = (...args: unknown[]) => void;

/** Replaces oidc-client-ts's UserManager in unit tests (see setup.ts). */
export class FakeUserManager {
  readonly settings: UserManagerSettings;
  user: FakeUser | null;

  constructor(settings: UserManagerSettings) {
    this.settings = settings;
    this.user = oidc.storedUser;
    oidc.instances.push(this);
  }

  getUser = vi.fn(async () => this.user);
  signinRedirect = vi.fn(async (_args?: unknown) => undefined);
  signinRedirectCallback = vi.fn(async () => {
    if (oidc.callbackError) throw oidc.callbackError;
    if (!oidc.callbackUser) throw new Error("No matching state found in storage");
    this.user = oidc.callbackUser;
    return this.user;
  });
  signinSilent = vi.fn(async () => {
    throw new Error("silent sign-in not available in tests");
  });
  signoutRedirect = vi.fn(async () => undefined);
  removeUser = vi.fn(async () => {
    this.user = null;
  });

  private listeners: Record<string, Listener[]> = {};
  private on = (name: string) => (cb: Listener) => {
    (this.listeners[name] ??= []).push(cb);
  };
  private off = (name: string) => (cb: Listener) => {
    this.listeners[name] = (this.listeners[name] ?? []).filter((l) => l !== cb);
  };
  events = {
    addUserLoaded: this.on("userLoaded"),
    removeUserLoaded: this.off("userLoaded"),
    addUserUnloaded: this.on("userUnloaded"),
    removeUserUnloaded: this.off("userUnloaded"),
  };
}
