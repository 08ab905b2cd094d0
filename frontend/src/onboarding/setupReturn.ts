const KEY = "counterlink.setupReturn";

/** Before leaving for WooCommerce's approval page from the setup wizard: come back to the wizard. */
export function markSetupReturn(tenantId: string) {
  try {
    sessionStorage.setItem(KEY, tenantId);
  } catch {
    // storage blocked: the store page is a fine place to come back to
  }
}

/** True (once) when the person left the wizard of this company for WooCommerce. */
export function takeSetupReturn(tenantId: string): boolean {
  try {
    const marked = sessionStorage.getItem(KEY);
    if (marked === null) return false;
    sessionStorage.removeItem(KEY);
    return marked === tenantId;
  } catch {
    return false;
  }
}
