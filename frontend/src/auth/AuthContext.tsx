import type { User, UserManager } from "oidc-client-ts";
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from "react";
import { FullPageLoading } from "../components/States";

/** What we carry through the Keycloak round trip. */
export interface SignInState {
  returnTo?: string;
}

export interface AuthContextValue {
  user: User | null;
  userManager: UserManager;
  /** Redirect to Keycloak's login page; come back to `returnTo` afterwards. */
  login: (returnTo?: string) => Promise<void>;
  /** Redirect to Keycloak's registration page (prompt=create). */
  register: () => Promise<void>;
  logout: () => Promise<void>;
  /** Finish the redirect on /auth/callback; resolves to the signed-in user. */
  completeSignIn: () => Promise<User>;
  getAccessToken: () => Promise<string | undefined>;
  /** Called when the API says 401: sign in again and come back here. */
  reauthenticate: () => void;
}

const AuthContext = createContext<AuthContextValue | undefined>(undefined);

const REAUTH_KEY = "counterlink.reauthAt";
const REAUTH_MIN_INTERVAL_MS = 15_000;

/** Only same-origin paths are allowed as a place to return to. */
export function safeReturnTo(value: unknown): string | undefined {
  if (typeof value !== "string" || !value.startsWith("/") || value.startsWith("//")) return undefined;
  return value;
}

export function returnToFromState(state: unknown): string | undefined {
  if (state && typeof state === "object") return safeReturnTo((state as SignInState).returnTo);
  return undefined;
}

const currentLocation = () => window.location.pathname + window.location.search + window.location.hash;

export function AuthProvider({ userManager, children }: { userManager: UserManager; children: ReactNode }) {
  const [user, setUserState] = useState<User | null>(null);
  const [ready, setReady] = useState(false);
  const userRef = useRef<User | null>(null);
  const redirecting = useRef(false);

  const setUser = useCallback((u: User | null) => {
    userRef.current = u;
    setUserState(u);
  }, []);

  useEffect(() => {
    let cancelled = false;
    (async () => {
      let u: User | null = null;
      try {
        u = await userManager.getUser();
        if (u?.expired) {
          try {
            u = await userManager.signinSilent();
          } catch {
            await userManager.removeUser();
            u = null;
          }
        }
      } catch {
        u = null;
      }
      if (!cancelled) {
        // Keep a user set meanwhile by completeSignIn (callback page).
        if (!userRef.current) setUser(u);
        setReady(true);
      }
    })();

    const onLoaded = (u: User) => setUser(u);
    const onUnloaded = () => setUser(null);
    userManager.events.addUserLoaded(onLoaded);
    userManager.events.addUserUnloaded(onUnloaded);
    return () => {
      cancelled = true;
      userManager.events.removeUserLoaded(onLoaded);
      userManager.events.removeUserUnloaded(onUnloaded);
    };
  }, [userManager, setUser]);

  const login = useCallback(
    async (returnTo?: string) => {
      const state: SignInState = { returnTo: safeReturnTo(returnTo) };
      await userManager.signinRedirect({ state });
    },
    [userManager],
  );

  const register = useCallback(async () => {
    const state: SignInState = { returnTo: "/" };
    await userManager.signinRedirect({ prompt: "create", state });
  }, [userManager]);

  const logout = useCallback(async () => {
    try {
      await userManager.signoutRedirect();
    } catch {
      // Keycloak unreachable: at least forget the session locally.
      await userManager.removeUser().catch(() => undefined);
      setUser(null);
      window.location.replace("/");
    }
  }, [userManager, setUser]);

  const completeSignIn = useCallback(async () => {
    let u: User;
    try {
      u = await userManager.signinRedirectCallback();
    } catch (e) {
      // e.g. the callback page was reloaded after a successful sign-in.
      const existing = await userManager.getUser().catch(() => null);
      if (!existing || existing.expired) throw e;
      u = existing;
    }
    setUser(u);
    return u;
  }, [userManager, setUser]);

  const getAccessToken = useCallback(async () => {
    const u = userRef.current ?? (await userManager.getUser().catch(() => null));
    return u?.access_token || undefined;
  }, [userManager]);

  const reauthenticate = useCallback(() => {
    if (redirecting.current) return;
    // Guard against a redirect loop when the API keeps rejecting fresh tokens.
    const last = Number(window.sessionStorage.getItem(REAUTH_KEY) ?? 0);
    if (Date.now() - last < REAUTH_MIN_INTERVAL_MS) return;
    window.sessionStorage.setItem(REAUTH_KEY, String(Date.now()));
    redirecting.current = true;
    void userManager
      .removeUser()
      .catch(() => undefined)
      .then(() => userManager.signinRedirect({ state: { returnTo: safeReturnTo(currentLocation()) } }))
      .catch(() => {
        redirecting.current = false;
      });
  }, [userManager]);

  const value = useMemo<AuthContextValue>(
    () => ({ user, userManager, login, register, logout, completeSignIn, getAccessToken, reauthenticate }),
    [user, userManager, login, register, logout, completeSignIn, getAccessToken, reauthenticate],
  );

  if (!ready) return <FullPageLoading label="Starting Counterlink…" />;
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): AuthContextValue {
  const ctx = useContext(AuthContext);
  if (!ctx) throw new Error("useAuth must be used inside <AuthProvider>");
  return ctx;
}

/** Like useAuth, but returns undefined outside the provider (for shared components). */
export function useOptionalAuth(): AuthContextValue | undefined {
  return useContext(AuthContext);
}
