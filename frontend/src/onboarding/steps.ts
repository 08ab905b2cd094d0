import type { OnboardingStatus, OnboardingStep } from "../api/types";

export type SetupStepId = "bridge" | "stores" | "settings" | "preview" | "start" | "done";

export const SETUP_STEPS: { id: SetupStepId; label: string; server: OnboardingStep }[] = [
  { id: "bridge", label: "Install the bridge", server: "BRIDGE" },
  { id: "stores", label: "Link a store", server: "STORES" },
  { id: "settings", label: "Store settings", server: "SETTINGS" },
  { id: "preview", label: "Preview the first sync", server: "PREVIEW" },
  { id: "start", label: "Start syncing", server: "START" },
  { id: "done", label: "Done", server: "DONE" },
];

export const isSetupStep = (s: string | undefined): s is SetupStepId => SETUP_STEPS.some((x) => x.id === s);

export const stepIdOf = (server: OnboardingStep): SetupStepId => SETUP_STEPS.find((s) => s.server === server)?.id ?? "bridge";

export type StoreProgress = OnboardingStatus["stores"][number];

/** Whether a step is finished, for the company (bridge, stores) or for the chosen store (the rest). */
export function stepDone(id: SetupStepId, status: OnboardingStatus, store: StoreProgress | undefined): boolean {
  switch (id) {
    case "bridge":
      return status.bridge === "ONLINE" || status.bridge === "OFFLINE";
    case "stores":
      return status.stores.some((s) => s.status === "ACTIVE");
    case "settings":
      return !!store && store.catalogSettings === "SAVED" && store.orderSettings === "SAVED";
    case "preview":
      return !!store && (store.preview === "FINISHED" || store.stage === "DONE");
    case "start":
      return !!store && store.stage === "DONE";
    case "done":
      return status.step === "DONE";
  }
}
