import { UserManager, type UserManagerSettings } from "oidc-client-ts";
import type { PublicConfig } from "../api/types";

export const CALLBACK_PATH = "/auth/callback";

/** oidc-client-ts settings for Authorization Code + PKCE against Keycloak. */
export function userManagerSettings(config: PublicConfig, origin = window.location.origin): UserManagerSettings {
  return {
    authority: config.issuer,
    client_id: config.clientId,
    redirect_uri: `${origin}${CALLBACK_PATH}`,
    post_logout_redirect_uri: origin,
    response_type: "code",
    scope: "openid profile email",
    automaticSilentRenew: true,
    loadUserInfo: false,
  };
}

export function createUserManager(config: PublicConfig): UserManager {
  return new UserManager(userManagerSettings(config));
}
