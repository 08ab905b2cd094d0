import { act, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import type { OnboardingStatus } from "../api/types";
import { fakeUser, oidc } from "../test/fakeUserManager";
import { json, problem, type Handler } from "../test/mockFetch";
import { renderApp } from "../test/renderApp";
import { STORE_POLL_MS } from "./StorePage";
import { STORE_BASE, store, storeBackend } from "./testData";

const ENTERED = "http://localhost:8881";
const OWN = "http://127.0.0.1:8881";
const NOTICE = `WooCommerce calls this site ${OWN}, not ${ENTERED}`;

/** A store entered as localhost while WordPress calls itself 127.0.0.1. */
const misnamed = () => store({ url: ENTERED, homeUrl: OWN, addressNotice: NOTICE });
const switched = () => store({ url: OWN, homeUrl: OWN, addressNotice: null });

async function openStore() {
  oidc.storedUser = fakeUser();
  renderApp("/t/t-1/stores/s-1");
  await screen.findByRole("heading", { level: 1, name: "Main web shop" }, { timeout: 5000 });
}

describe("a store WooCommerce calls by another address", () => {
  it("says so on the store page, and an owner switches to WooCommerce's address in one click", async () => {
    const user = userEvent.setup();
    let attempt = 0;
    const put = vi.fn<Handler>(({ body }) => {
      expect(body).toEqual({ url: OWN });
      attempt += 1;
      return attempt === 1
        ? problem({ status: 409, title: "Conflict", detail: `Another store of this company already has the address ${OWN}` })
        : json(switched());
    });
    storeBackend({ extra: { [`GET ${STORE_BASE}`]: misnamed(), [`PUT ${STORE_BASE}/url`]: put } });
    await openStore();

    const notice = screen.getByTestId("address-notice");
    expect(within(notice).getByText(NOTICE)).toBeInTheDocument();
    expect(notice).toHaveTextContent(`Counterlink already signs with ${OWN}, so syncing works`);

    await user.click(within(notice).getByRole("button", { name: `Use ${OWN}` }));
    expect(await within(notice).findByRole("alert")).toHaveTextContent("already has the address");
    expect(screen.getByRole("link", { name: /^http:\/\/localhost:8881/ })).toBeInTheDocument();

    await user.click(within(notice).getByRole("button", { name: `Use ${OWN}` }));
    expect(await screen.findByText(`The store's address is now ${OWN}.`)).toBeInTheDocument();
    expect(screen.queryByTestId("address-notice")).not.toBeInTheDocument();
    expect(screen.getByRole("link", { name: /^http:\/\/127\.0\.0\.1:8881/ })).toHaveAttribute("href", OWN);
    expect(put).toHaveBeenCalledTimes(2);
  });

  it("after approval in WooCommerce, keeps looking until Counterlink has read the site's address, then says so", async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    try {
      let current = store({ url: ENTERED, status: "PENDING", hasCredentials: false, linkedAt: null, homeUrl: null });
      storeBackend({ extra: { [`GET ${STORE_BASE}`]: () => json(current) } });
      oidc.storedUser = fakeUser();
      renderApp("/t/t-1/stores/s-1?success=1&user_id=state-token");
      await screen.findByRole("heading", { level: 1, name: "Main web shop" }, { timeout: 5000 });

      current = store({ url: ENTERED, homeUrl: null });
      await act(() => vi.advanceTimersByTimeAsync(STORE_POLL_MS));
      expect(screen.getByTestId("return-notice")).toHaveTextContent("The store is active.");
      expect(screen.queryByTestId("address-notice")).not.toBeInTheDocument();

      current = misnamed();
      await act(() => vi.advanceTimersByTimeAsync(STORE_POLL_MS));
      expect(screen.getByTestId("address-notice")).toHaveTextContent(NOTICE);
    } finally {
      vi.useRealTimers();
    }
  });

  it("shows members the notice without the button", async () => {
    storeBackend({ role: "member", extra: { [`GET ${STORE_BASE}`]: misnamed() } });
    await openStore();
    const notice = screen.getByTestId("address-notice");
    expect(notice).toHaveTextContent(NOTICE);
    expect(within(notice).queryByRole("button")).not.toBeInTheDocument();
    expect(notice).toHaveTextContent("An owner of this company can switch the store to this address.");
  });

  it("shows nothing when WooCommerce calls the store by the address entered", async () => {
    storeBackend();
    await openStore();
    expect(screen.queryByTestId("address-notice")).not.toBeInTheDocument();
  });

  it("Test connection brings up the notice when it finds the difference", async () => {
    const user = userEvent.setup();
    let current = store({ url: ENTERED, homeUrl: null, addressNotice: null });
    storeBackend({
      extra: {
        [`GET ${STORE_BASE}`]: () => json(current),
        [`POST ${STORE_BASE}/test-connection`]: () => {
          current = misnamed();
          return json([
            { check: "site-address", status: "WARN", detail: NOTICE, fix: `Use ${OWN} as the store's address` },
            { check: "keys", status: "PASS", detail: "The store accepted the API keys and allows reading", fix: null },
          ]);
        },
      },
    });
    await openStore();
    expect(screen.queryByTestId("address-notice")).not.toBeInTheDocument();

    await user.click(screen.getByRole("button", { name: "Test connection" }));
    const checks = await screen.findByRole("list", { name: "Connection checks" });
    expect(within(checks).getAllByRole("listitem")[0]).toHaveTextContent("Store address Warning");
    expect(await screen.findByTestId("address-notice")).toHaveTextContent(NOTICE);
    expect(screen.getByRole("button", { name: `Use ${OWN}` })).toBeInTheDocument();
  });

  it("the setup wizard's store list shows the notice and the button too", async () => {
    const user = userEvent.setup();
    const onboarding: OnboardingStatus = {
      step: "STORES",
      siteId: null,
      bridge: "ONLINE",
      stores: [
        { id: "s-1", name: "Main web shop", status: "ACTIVE", stage: "SETTINGS", catalogSettings: "NOT_SAVED", orderSettings: "NOT_SAVED", preview: "NONE" },
      ],
    };
    const put = vi.fn<Handler>(() => json(switched()));
    storeBackend({
      extra: {
        "GET /api/tenants/t-1/onboarding": onboarding,
        "GET /api/tenants/t-1/stores": [misnamed()],
        [`PUT ${STORE_BASE}/url`]: put,
      },
    });
    oidc.storedUser = fakeUser();
    renderApp("/t/t-1/setup/stores");
    const list = await screen.findByRole("list", { name: "Linked stores" }, { timeout: 5000 });
    const notice = within(list).getByTestId("address-notice");
    expect(notice).toHaveTextContent(NOTICE);

    await user.click(within(notice).getByRole("button", { name: `Use ${OWN}` }));
    await vi.waitFor(() => expect(within(list).queryByTestId("address-notice")).not.toBeInTheDocument());
    expect(within(list).getByText(OWN)).toBeInTheDocument();
    expect(put).toHaveBeenCalledWith(expect.objectContaining({ body: { url: OWN } }));
  });
});
