/// <reference types="vitest/config" />
import { defineConfig, loadEnv } from "vite";
import react from "@vitejs/plugin-react";

// The portal is served by the backend at "/" on the same origin as the API,
// so every API call uses a relative URL. During `vite dev` / `vite preview`
// /api is proxied to the backend (COUNTERLINK_API_URL, default :8080).
export default defineConfig(({ mode }) => {
  const env = loadEnv(mode, ".", "");
  const api = env.COUNTERLINK_API_URL || "http://localhost:8080";
  const proxy = { "/api": { target: api, changeOrigin: false } };
  return {
    base: "/",
    plugins: [react()],
    server: { port: 5173, proxy },
    preview: { port: 4173, proxy },
    build: { outDir: "dist", sourcemap: true },
    test: {
      environment: "jsdom",
      // e2e/ holds the browser tests against the real stack (node --test), not unit tests
      include: ["src/**/*.test.{ts,tsx}"],
      globals: true,
      setupFiles: ["./src/test/setup.ts"],
      environmentOptions: { jsdom: { url: "http://localhost:5173/" } },
      restoreMocks: true,
    },
  };
});
