/**
 * Leaving the portal for another site (e.g. WooCommerce's approval page).
 * An object so that tests can spy on it: jsdom can't navigate to another origin.
 */
export const browser = {
  assign(url: string) {
    window.location.assign(url);
  },
};
