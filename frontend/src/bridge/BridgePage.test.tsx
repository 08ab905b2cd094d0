import { act, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import type { Bridge } from "../api/types";
import { fakeUser, oidc } from "../test/fakeUserManager";
import { json, problem, type Handler } from "../test/mockFetch";
import { renderApp } from "../test/renderApp";
import { bridge, bridgeBackend } from "./testData";

const inFifteenMinutes = () => new Date(Date.now() + 15 * 60_000).toISOString();

async function openBridgePage() {
  oidc.storedUser = fakeUser();
  renderApp("/t/t-1/bridge");
  await screen.findByRole("heading", { level: 1, name: "Bridge" });
}

const tokenCalls = (fetchMock: ReturnType<typeof bridgeBackend>) =>
  fetchMock.mock.calls.filter(([url, init]) => String(url).endsWith("/enrollment-tokens") && init?.method === "POST");
const listCalls = (fetchMock: ReturnType<typeof bridgeBackend>) =>
  fetchMock.mock.calls.filter(([url, init]) => String(url) === "/api/tenants/t-1/bridges" && (init?.method ?? "GET") === "GET");

describe("bridge page", () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it("lists bridges with status, version, latency and enrolled date", async () => {
    bridgeBackend([
      bridge({ id: "b-1", name: "Store server", online: true, version: "1.2.0", latencyMs: 37 }),
      bridge({
        id: "b-2",
        name: "Back office",
        online: false,
        lastSeenAt: new Date(Date.now() - 5 * 60_000).toISOString(),
        latencyMs: null,
      }),
      bridge({ id: "b-3", name: "Old PC", status: "REVOKED", online: false, revokedAt: "2025-03-01T10:00:00Z" }),
    ]);
    await openBridgePage();
    const list = await screen.findByRole("list", { name: "Bridges" });
    const items = within(list).getAllByRole("listitem");
    expect(items).toHaveLength(3);
    expect(items[0]).toHaveTextContent("Store server");
    expect(items[0]).toHaveTextContent("Online");
    expect(items[0]).toHaveTextContent("1.2.0");
    expect(items[0]).toHaveTextContent("37 ms");
    expect(within(items[0]).getByText("Enrolled").nextElementSibling?.querySelector("time")).toHaveAttribute(
      "datetime",
      "2025-02-01T09:00:00Z",
    );
    expect(items[1]).toHaveTextContent("Offline");
    expect(items[1]).toHaveTextContent("last seen 5 minutes ago");
    expect(items[2]).toHaveTextContent("Revoked");
    // Owner: revoke only for active bridges.
    expect(within(items[0]).getByRole("button", { name: "Revoke Store server" })).toBeInTheDocument();
    expect(within(items[2]).queryByRole("button", { name: /Revoke/ })).not.toBeInTheDocument();
    expect(document.title).toBe("Bridge – Acme Outfitters · Counterlink");
    expect(screen.getByRole("link", { name: "Bridge" })).toHaveAttribute("aria-current", "page");
  });

  it("shows an empty state, the download link and an error state with Try again", async () => {
    let fail = true;
    bridgeBackend(() =>
      fail ? problem({ status: 500, title: "Internal Server Error", detail: "Database unavailable" }) : json([]),
    );
    await openBridgePage();
    expect(await screen.findByRole("heading", { name: "Couldn't load your bridges" })).toBeInTheDocument();
    expect(screen.getByText("Database unavailable")).toBeInTheDocument();
    fail = false;
    await userEvent.click(screen.getByRole("button", { name: "Try again" }));
    expect(await screen.findByText("No bridge yet")).toBeInTheDocument();
    expect(screen.getByRole("link", { name: "Download counterlink-bridge.jar (Linux)" })).toHaveAttribute(
      "href",
      "/api/public/downloads/counterlink-bridge.jar",
    );
    expect(screen.getByRole("link", { name: "Download for Windows (.zip)" })).toHaveAttribute(
      "href",
      "/api/public/downloads/counterlink-bridge-windows.zip",
    );
    expect(screen.getByText(/Java 21 or newer/)).toBeInTheDocument();
  });

  it("creates a one-time token and shows the exact commands with it", async () => {
    const user = userEvent.setup();
    const fetchMock = bridgeBackend([], {
      extra: {
        "POST /api/tenants/t-1/bridges/enrollment-tokens": (({ body, headers }) => {
          expect(body).toEqual({});
          expect(headers.get("Authorization")).toBe("Bearer test-access-token");
          return json(
            {
              token: "cl_tok_123",
              expiresAt: inFifteenMinutes(),
              enrollCommand: "counterlink-bridge enroll --server https://app.counterlink.io --token cl_tok_123",
            },
            201,
          );
        }) as Handler,
      },
    });
    await openBridgePage();
    await screen.findByText("No bridge yet");
    expect(screen.queryByTestId("enrollment-token")).not.toBeInTheDocument();

    await user.click(screen.getByRole("button", { name: "Create a one-time token" }));
    expect(await screen.findByTestId("enrollment-token")).toHaveTextContent("cl_tok_123");
    expect(tokenCalls(fetchMock)).toHaveLength(1);
    expect(screen.getByText(/Expires at/)).toHaveTextContent(/in 15 minutes/);

    // Windows is the default tab.
    const windows = screen.getByRole("tab", { name: "Windows" });
    expect(windows).toHaveAttribute("aria-selected", "true");
    const winPanel = screen.getByRole("tabpanel", { name: "Windows" });
    expect(within(winPanel).getByText(/PowerShell as Administrator/)).toBeInTheDocument();
    expect(within(winPanel).getByTestId("windows-enroll")).toHaveTextContent(
      "java -jar counterlink-bridge.jar enroll --server https://app.counterlink.io --token cl_tok_123",
    );
    expect(within(winPanel).getByTestId("windows-doctor")).toHaveTextContent("java -jar counterlink-bridge.jar doctor");
    expect(within(winPanel).getByTestId("windows-install")).toHaveTextContent(
      /^java -jar counterlink-bridge\.jar install-service$/,
    );

    // Copy the token.
    await user.click(screen.getByRole("button", { name: "Copy token" }));
    expect(await navigator.clipboard.readText()).toBe("cl_tok_123");
    expect(screen.getByText("Copied to the clipboard")).toBeInTheDocument();

    // Keyboard: arrow to the Linux tab.
    windows.focus();
    await user.keyboard("{ArrowRight}");
    const linux = screen.getByRole("tab", { name: "Linux" });
    expect(linux).toHaveFocus();
    expect(linux).toHaveAttribute("aria-selected", "true");
    const linuxPanel = screen.getByRole("tabpanel", { name: "Linux" });
    expect(within(linuxPanel).getByTestId("linux-install")).toHaveTextContent(
      "sudo java -jar counterlink-bridge.jar install-service",
    );
    expect(screen.queryByRole("tabpanel", { name: "Windows" })).not.toBeInTheDocument(); // hidden

    expect(screen.getByTestId("bridge-watch")).toHaveTextContent("Waiting for the bridge to connect…");
  });

  it("builds the enroll command from this origin when the server sends none", async () => {
    const user = userEvent.setup();
    bridgeBackend([], {
      extra: { "POST /api/tenants/t-1/bridges/enrollment-tokens": json({ token: "t0k", expiresAt: inFifteenMinutes() }, 201) },
    });
    await openBridgePage();
    await user.click(await screen.findByRole("button", { name: "Create a one-time token" }));
    expect(await screen.findByTestId("windows-enroll")).toHaveTextContent(
      `java -jar counterlink-bridge.jar enroll --server ${window.location.origin} --token t0k`,
    );
  });

  it("shows the server's reason when a token can't be created", async () => {
    const user = userEvent.setup();
    bridgeBackend([], {
      extra: {
        "POST /api/tenants/t-1/bridges/enrollment-tokens": problem({
          status: 403,
          title: "Forbidden",
          detail: "Only an owner of this company can enroll a bridge.",
        }),
      },
    });
    await openBridgePage();
    await user.click(await screen.findByRole("button", { name: "Create a one-time token" }));
    expect(await screen.findByRole("alert")).toHaveTextContent("Only an owner of this company can enroll a bridge.");
    expect(screen.queryByTestId("enrollment-token")).not.toBeInTheDocument();
  });

  it("tells a member that an owner must create the token, with no button and no revoke", async () => {
    const fetchMock = bridgeBackend([bridge()], { role: "member" });
    await openBridgePage();
    await screen.findByRole("list", { name: "Bridges" });
    expect(screen.getByTestId("owner-only-note")).toHaveTextContent(/Only an owner of this company can create/);
    expect(screen.queryByRole("button", { name: /token/i })).not.toBeInTheDocument();
    expect(screen.queryByRole("button", { name: /Revoke/ })).not.toBeInTheDocument();
    expect(tokenCalls(fetchMock)).toHaveLength(0);
  });

  it("polls every 3 s after a token is issued and turns green when a new bridge comes online", async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    const user = userEvent.setup({ advanceTimers: vi.advanceTimersByTime });
    const existing = bridge({ id: "b-old", name: "Store server", online: true });
    let bridges: Bridge[] = [existing];
    const fetchMock = bridgeBackend(() => json(bridges), {
      extra: { "POST /api/tenants/t-1/bridges/enrollment-tokens": json({ token: "tok", expiresAt: inFifteenMinutes() }, 201) },
    });
    await openBridgePage();
    await screen.findByRole("list", { name: "Bridges" });
    await user.click(screen.getByRole("button", { name: "Create a one-time token" }));
    const watch = screen.getByTestId("bridge-watch");
    expect(await within(watch).findByText("Waiting for the bridge to connect…")).toBeInTheDocument();
    const before = listCalls(fetchMock).length;

    // Nothing new yet: an already known online bridge doesn't count.
    await act(() => vi.advanceTimersByTimeAsync(3_000));
    expect(listCalls(fetchMock).length).toBe(before + 1);
    expect(watch).toHaveTextContent("Waiting for the bridge to connect…");

    // Enrolled but not connected yet.
    bridges = [existing, bridge({ id: "b-new", name: "Back office", online: false, lastSeenAt: null, version: null })];
    await act(() => vi.advanceTimersByTimeAsync(3_000));
    expect(listCalls(fetchMock).length).toBe(before + 2);
    expect(watch).toHaveTextContent("“Back office” is enrolled. Waiting for it to come online…");

    // Online.
    bridges = [existing, bridge({ id: "b-new", name: "Back office", online: true, version: "1.4.2" })];
    await act(() => vi.advanceTimersByTimeAsync(3_000));
    expect(watch).toHaveTextContent("Connected: Back office, version 1.4.2");
    expect(within(screen.getByRole("list", { name: "Bridges" })).getByText("Back office")).toBeInTheDocument();

    // Stops fast polling once connected.
    const afterConnected = listCalls(fetchMock).length;
    await act(() => vi.advanceTimersByTimeAsync(9_000));
    expect(listCalls(fetchMock).length).toBe(afterConnected);
  });

  it("asks for confirmation before revoking, then calls the endpoint and shows the result", async () => {
    const user = userEvent.setup();
    const revoke = vi.fn<Handler>(() =>
      json(bridge({ id: "b-1", status: "REVOKED", online: false, revokedAt: "2025-04-01T10:00:00Z" })),
    );
    bridgeBackend([bridge({ id: "b-1", name: "Store server" })], {
      extra: { "POST /api/tenants/t-1/bridges/b-1/revoke": revoke },
    });
    await openBridgePage();
    const revokeButton = await screen.findByRole("button", { name: "Revoke Store server" });

    // Cancel: nothing happens, focus goes back.
    await user.click(revokeButton);
    let dialog = screen.getByRole("dialog", { name: "Revoke “Store server”?" });
    expect(dialog).toHaveAttribute("aria-modal", "true");
    expect(dialog).toHaveAccessibleDescription(/enroll it again with a new token/);
    expect(within(dialog).getByRole("button", { name: "Cancel" })).toHaveFocus();
    await user.keyboard("{Escape}");
    expect(screen.queryByRole("dialog")).not.toBeInTheDocument();
    expect(revoke).not.toHaveBeenCalled();
    await vi.waitFor(() => expect(revokeButton).toHaveFocus());

    // Confirm.
    await user.click(revokeButton);
    dialog = screen.getByRole("dialog", { name: "Revoke “Store server”?" });
    await user.click(within(dialog).getByRole("button", { name: "Revoke bridge" }));
    expect(revoke).toHaveBeenCalledTimes(1);
    await vi.waitFor(() => expect(screen.queryByRole("dialog")).not.toBeInTheDocument());
    expect(await screen.findByText("Bridge “Store server” revoked. It has stopped syncing.")).toBeInTheDocument();
    const item = within(screen.getByRole("list", { name: "Bridges" })).getByRole("listitem");
    expect(item).toHaveTextContent("Revoked");
    expect(screen.queryByRole("button", { name: "Revoke Store server" })).not.toBeInTheDocument();
  });

  it("keeps the dialog open with the reason when revoking fails", async () => {
    const user = userEvent.setup();
    bridgeBackend([bridge({ id: "b-1", name: "Store server" })], {
      extra: {
        "POST /api/tenants/t-1/bridges/b-1/revoke": problem({
          status: 403,
          title: "Forbidden",
          detail: "Only an owner can revoke a bridge.",
        }),
      },
    });
    await openBridgePage();
    await user.click(await screen.findByRole("button", { name: "Revoke Store server" }));
    const dialog = screen.getByRole("dialog");
    await user.click(within(dialog).getByRole("button", { name: "Revoke bridge" }));
    expect(await within(dialog).findByRole("alert")).toHaveTextContent("Only an owner can revoke a bridge.");
    expect(within(dialog).getByRole("button", { name: "Revoke bridge" })).toBeEnabled();
  });
});
