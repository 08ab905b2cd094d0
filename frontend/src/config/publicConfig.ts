import { createContext, useContext } from "react";
import { createHttpClient } from "../api/http";
import type { PublicConfig } from "../api/types";

/** Loads the unauthenticated portal configuration the backend publishes. */
export async function loadPublicConfig(signal?: AbortSignal): Promise<PublicConfig> {
  const config = await createHttpClient().get<PublicConfig>("/api/public/config", {
    signal,
    anonymous: true,
  });
  if (!config || typeof config.issuer !== "string" || typeof config.clientId !== "string") {
    throw new Error("The server sent an incomplete sign-in configuration.");
  }
  return config;
}

export const PublicConfigContext = createContext<PublicConfig | undefined>(undefined);

export function usePublicConfig(): PublicConfig {
  const config = useContext(PublicConfigContext);
  if (!config) throw new Error("usePublicConfig must be used inside PublicConfigContext");
  return config;
}
