import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { fakeUser, oidc } from "../test/fakeUserManager";
import { json, problem } from "../test/mockFetch";
import { renderApp } from "../test/renderApp";
import { bridge, bridgeBackend } from "./testData";

async function bridgeCard() {
  oidc.storedUser = fakeUser();
  renderApp("/t/t-1");
  await screen.findByRole("heading", { level: 1, name: "Acme Outfitters" });
  return screen.getByRole("region", { name: "Bridge" });
}

describe("overview bridge card", () => {
  it("says not installed yet and links to the install steps", async () => {
    bridgeBackend([]);
    const card = await bridgeCard();
    expect(await within(card).findByText("Not installed yet")).toBeInTheDocument();
    const link = within(card).getByRole("link", { name: "Install the bridge" });
    expect(link).toHaveAttribute("href", "/t/t-1/bridge#install");
    await userEvent.click(link);
    expect(await screen.findByRole("heading", { level: 1, name: "Bridge" })).toBeInTheDocument();
    expect(window.location.pathname).toBe("/t/t-1/bridge");
  });

  it("counts only revoked bridges as nothing installed", async () => {
    bridgeBackend([bridge({ status: "REVOKED", online: false })]);
    const card = await bridgeCard();
    expect(await within(card).findByText("No active bridge")).toBeInTheDocument();
    expect(within(card).getByRole("link", { name: "Install the bridge" })).toBeInTheDocument();
  });

  it("summarises online and offline bridges and links to the page", async () => {
    bridgeBackend([
      bridge({ id: "b-1", name: "Store server", online: true }),
      bridge({ id: "b-2", name: "Back office", online: false, lastSeenAt: new Date(Date.now() - 2 * 3600_000).toISOString() }),
    ]);
    const card = await bridgeCard();
    expect(await within(card).findByText("1 of 2 bridges online.")).toBeInTheDocument();
    const items = within(within(card).getByRole("list", { name: "Active bridges" })).getAllByRole("listitem");
    expect(items[0]).toHaveTextContent(/Store server\s*Online/);
    expect(items[1]).toHaveTextContent("Back office");
    expect(items[1]).toHaveTextContent("Offline");
    expect(items[1]).toHaveTextContent("last seen 2 hours ago");
    expect(within(card).getByRole("link", { name: "View bridge details" })).toHaveAttribute("href", "/t/t-1/bridge");
  });

  it("says the one bridge is online", async () => {
    bridgeBackend([bridge()]);
    const card = await bridgeCard();
    expect(await within(card).findByText("Your bridge is online.")).toBeInTheDocument();
  });

  it("says Counterpoint is not answering on the bridge's server, since when, while the bridge is online", async () => {
    bridgeBackend([
      bridge({ counterpointReachable: false, counterpointUnreachableSince: new Date(Date.now() - 5 * 60_000).toISOString() }),
    ]);
    const card = await bridgeCard();
    expect(
      await within(card).findByText(
        "The bridge is online, but Counterpoint is not answering on its server — waiting. Everything resumes by itself when it answers.",
      ),
    ).toBeInTheDocument();
    const item = within(within(card).getByRole("list", { name: "Active bridges" })).getAllByRole("listitem")[0];
    expect(item).toHaveTextContent("Online");
    expect(within(item).getByTestId("counterpoint-unreachable")).toHaveTextContent(
      "Counterpoint is not answering on the bridge's server — waiting (since 5 minutes ago)",
    );
    expect(within(card).queryByText("Your bridge is online.")).not.toBeInTheDocument();
  });

  it("shows an error with Try again", async () => {
    let fail = true;
    bridgeBackend(() => (fail ? problem({ status: 500, title: "Internal Server Error" }) : json([])));
    const card = await bridgeCard();
    expect(await within(card).findByRole("heading", { name: "Couldn't load the bridge status" })).toBeInTheDocument();
    fail = false;
    await userEvent.click(within(card).getByRole("button", { name: "Try again" }));
    expect(await within(card).findByText("Not installed yet")).toBeInTheDocument();
  });

  it("has Overview and Bridge in the company navigation", async () => {
    bridgeBackend([]);
    await bridgeCard();
    const nav = screen.getByRole("navigation", { name: "Company" });
    expect(within(nav).getByRole("link", { name: "Overview" })).toHaveAttribute("aria-current", "page");
    await userEvent.click(within(nav).getByRole("link", { name: "Bridge" }));
    expect(await screen.findByRole("heading", { level: 1, name: "Bridge" })).toBeInTheDocument();
    expect(within(nav).getByRole("link", { name: "Bridge" })).toHaveAttribute("aria-current", "page");
  });
});
