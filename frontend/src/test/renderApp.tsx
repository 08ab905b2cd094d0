import { render } from "@testing-library/react";
import App from "../App";

/** Renders the whole portal at `url` (a path on the jsdom origin). */
export function renderApp(url: string) {
  window.history.replaceState(null, "", url);
  return render(<App />);
}
