import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import type { CustomerIdentity, CustomerMatch, CustomerMatches } from "../api/types";
import { fakeUser, oidc } from "../test/fakeUserManager";
import { json, problem, type Handler } from "../test/mockFetch";
import { renderApp } from "../test/renderApp";
import { storeBackend } from "../stores/testData";

const T = "/api/tenants/t-1";

const identity: CustomerIdentity = {
  id: "c-1", siteId: null, identityKey: "guest:grace@example.org", email: "grace@example.org", wooCustomerId: 0,
  custNo: "OL-100001", linkedHow: "CREATED", linkedAt: "2025-03-14T10:00:00Z", linkedBy: null,
};

function match(custNo: string, percent: number, reasons: string[], over: Partial<CustomerMatch> = {}): CustomerMatch {
  return {
    custNo, name: "Grace Hopper", email: "grace@example.org", phone: "901-555-0101", address1: "1 Navy Yard", city: "Memphis",
    zip: "38101", percent, reasons, linked: false, ...over,
  };
}

function matches(list: CustomerMatch[]): CustomerMatches {
  return {
    identityId: "c-1", linkedCustNo: "OL-100001", matches: list,
    webCustomer: { email: "grace@example.org", firstName: "Grace", lastName: "Hopper", phone: "+1 901 555 0101", zip: "38101", address1: "1 Navy Yard" },
  };
}

const found = matches([
  match("1000", 98, ["same email", "same phone", "same last name and postal code", "same street address", "same first name"]),
  match("OL-100001", 80, ["same email"], { name: "G. Hopper", phone: null, linked: true }),
  match("2000", 60, ["same phone"], { name: "Vincent Foster", email: null, city: "Nashville" }),
]);

function open(role: string, route: Handler | object) {
  const saved: unknown[] = [];
  storeBackend({
    role,
    extra: {
      [`GET ${T}/customers`]: [identity],
      [`GET ${T}/customers/c-1/matches`]: route,
      [`PUT ${T}/customers/c-1`]: ({ body }) => {
        saved.push(body);
        return json({ ...identity, custNo: (body as { custNo: string }).custNo, linkedHow: "MANUAL", linkedBy: "ada@example.com" });
      },
    },
  });
  oidc.storedUser = fakeUser();
  renderApp("/t/t-1/orders/customers");
  return saved;
}

describe("possible Counterpoint matches", { timeout: 15000 }, () => {
  it("shows an owner each match with its percentage and reasons, marks the current link, and choosing one fills the number", async () => {
    let answer: (r: Response) => void = () => undefined;
    const saved = open("owner", () => new Promise<Response>((resolve) => (answer = resolve)));
    const list = await screen.findByRole("list", { name: "Customers" }, { timeout: 5000 });
    await userEvent.click(within(list).getByRole("button", { name: "Relink grace@example.org" }));
    expect(screen.getByRole("status")).toHaveTextContent("Looking for matches in Counterpoint…");
    answer(json(found));

    const shown = await screen.findByRole("list", { name: "Possible matches in Counterpoint" });
    const rows = within(shown).getAllByRole("listitem");
    expect(rows.map((r) => r.querySelector(".match-percent")?.textContent)).toEqual(["98%", "80%", "60%"]);
    expect(rows[0]).toHaveTextContent("Grace Hopper 1000");
    expect(rows[0]).toHaveTextContent("same email, same phone, same last name and postal code, same street address, same first name");
    expect(rows[0]).toHaveTextContent("grace@example.org · 901-555-0101 · Memphis");
    expect(within(rows[1]).getByText("Linked now")).toBeInTheDocument();
    expect(within(rows[0]).queryByText("Linked now")).not.toBeInTheDocument();
    expect(rows[2]).toHaveTextContent("Vincent Foster 2000");
    expect(rows[2]).toHaveTextContent("same phone");
    expect(screen.getByText(/Compared with Grace Hopper · grace@example.org · \+1 901 555 0101 · 38101/)).toBeInTheDocument();
    expect(within(rows[1]).getByRole("button", { name: "Choose G. Hopper (OL-100001)" })).toHaveAttribute("aria-pressed", "true");

    await userEvent.click(within(rows[0]).getByRole("button", { name: "Choose Grace Hopper (1000)" }));
    expect(screen.getByLabelText("Counterpoint customer number")).toHaveValue("1000");
    expect(within(rows[0]).getByRole("button", { name: "Choose Grace Hopper (1000)" })).toHaveAttribute("aria-pressed", "true");
    await userEvent.click(screen.getByRole("button", { name: "Save link" }));
    expect(await screen.findByText("Counterpoint 1000")).toBeInTheDocument();
    expect(saved).toEqual([{ custNo: "1000" }]);
  });

  it("lets a member see the matches but not choose or save", async () => {
    const saved = open("member", found);
    const list = await screen.findByRole("list", { name: "Customers" }, { timeout: 5000 });
    expect(within(list).queryByRole("button", { name: /^Relink/ })).not.toBeInTheDocument();
    await userEvent.click(within(list).getByRole("button", { name: "Possible matches for grace@example.org" }));
    const shown = await screen.findByRole("list", { name: "Possible matches in Counterpoint" });
    expect(within(shown).getAllByRole("listitem")).toHaveLength(3);
    expect(within(shown).queryByRole("button")).not.toBeInTheDocument();
    expect(screen.queryByRole("button", { name: "Save link" })).not.toBeInTheDocument();
    expect(screen.getByText("Only an owner can change the link.")).toBeInTheDocument();
    await userEvent.click(screen.getByRole("button", { name: "Close" }));
    expect(screen.queryByRole("list", { name: "Possible matches in Counterpoint" })).not.toBeInTheDocument();
    expect(saved).toEqual([]);
  });

  it("says so when no Counterpoint customer shares anything, and the number can still be typed", async () => {
    open("owner", matches([]));
    const list = await screen.findByRole("list", { name: "Customers" }, { timeout: 5000 });
    await userEvent.click(within(list).getByRole("button", { name: "Relink grace@example.org" }));
    expect(await screen.findByText("No customer in Counterpoint shares this email, phone or name and postal code")).toBeInTheDocument();
    expect(screen.getByLabelText("Counterpoint customer number")).toBeEnabled();
  });

  it("explains a bridge that is offline, links to the bridge page and tries again", async () => {
    let calls = 0;
    open("owner", () =>
      ++calls === 1
        ? problem({ status: 503, title: "The Counterpoint bridge is offline", code: "BRIDGE_OFFLINE",
          detail: "The bridge has not been in touch for a minute, so Counterpoint cannot be searched for matches" })
        : json(found),
    );
    const list = await screen.findByRole("list", { name: "Customers" }, { timeout: 5000 });
    await userEvent.click(within(list).getByRole("button", { name: "Relink grace@example.org" }));
    const alert = await screen.findByRole("alert");
    expect(alert).toHaveTextContent("Counterpoint can't be searched right now");
    expect(alert).toHaveTextContent("has not been in touch for a minute");
    expect(within(alert).getByRole("link", { name: "Check the bridge" })).toHaveAttribute("href", "/t/t-1/bridge");
    await userEvent.click(within(alert).getByRole("button", { name: "Try again" }));
    expect(await screen.findByRole("list", { name: "Possible matches in Counterpoint" })).toBeInTheDocument();
  });
});
