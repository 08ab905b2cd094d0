package com.counterlink.orders;

import com.counterlink.bridge.BridgeCalls;
import com.counterlink.bridge.CallOutcome;
import com.counterlink.bridge.protocol.Check;
import com.counterlink.bridge.protocol.InvalidParameterException;
import com.counterlink.bridge.protocol.operations.ReadStock;
import com.counterlink.identity.CurrentUser;
import com.counterlink.orders.OrderViews.ItemAllocation;
import com.counterlink.orders.OrderViews.ItemStock;
import com.counterlink.orders.OrderViews.StoreStock;
import com.counterlink.platform.web.ApiException;
import com.counterlink.stores.Site;
import com.counterlink.stores.SiteRepository;
import com.counterlink.stores.SiteStatus;
import com.counterlink.sync.catalog.CatalogLink;
import com.counterlink.sync.catalog.CatalogLinks;
import com.counterlink.sync.catalog.CatalogSettings;
import com.counterlink.sync.catalog.CatalogSettingsStore;
import com.counterlink.sync.catalog.Cells;
import com.counterlink.sync.catalog.WebQuantity;
import com.counterlink.tenancy.TenantAccess;
import jakarta.inject.Singleton;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;

/**
 * Per item and grid cell: what Counterpoint has available at each store's locations (read live through
 * the bridge), what open web orders hold, each store's safety buffer, the web quantity that gives, and
 * the quantity each store was last sent. Answers without Counterpoint's figures when the bridge is away.
 */
@Singleton
public class AllocationReport {

    static final int MAX_ITEMS = 200;
    private static final Duration READ = Duration.ofSeconds(15);

    private final TenantAccess access;
    private final OrderLedger ledger;
    private final SiteRepository sites;
    private final CatalogSettingsStore catalogSettings;
    private final CatalogLinks links;
    private final BridgeCalls bridge;

    AllocationReport(TenantAccess access, OrderLedger ledger, SiteRepository sites, CatalogSettingsStore catalogSettings,
                     CatalogLinks links, BridgeCalls bridge) {
        this.access = access;
        this.ledger = ledger;
        this.sites = sites;
        this.catalogSettings = catalogSettings;
        this.links = links;
        this.bridge = bridge;
    }

    private record StoreView(Site site, CatalogSettings settings, List<CatalogLink> links) {
    }

    private record Snapshot(boolean enabled, List<ItemAllocation> open, List<StoreView> stores) {
    }

    public List<ItemStock> report(CurrentUser user, UUID tenantId, String itemNo) {
        if (itemNo != null) {
            try {
                Check.code("itemNo", itemNo, 20);
            } catch (InvalidParameterException e) {
                throw ApiException.invalidField("itemNo", "must be a Counterpoint item number (" + e.getMessage() + ")");
            }
        }
        Snapshot snapshot = access.asMember(user, tenantId, m -> {
            List<ItemAllocation> open = ledger.openAllocations(itemNo);
            List<String> items = itemNo != null ? List.of(itemNo)
                    : open.stream().map(ItemAllocation::itemNo).distinct().limit(MAX_ITEMS).toList();
            List<StoreView> stores = new ArrayList<>();
            for (Site site : sites.findByTenantIdAndStatusNotEqualOrderByCreatedAt(tenantId, SiteStatus.REMOVED)) {
                stores.add(new StoreView(site, catalogSettings.load(site.id()),
                        items.isEmpty() ? List.of() : links.forItems(site.id(), items)));
            }
            return new Snapshot(ledger.allocationEnabled(tenantId), open, stores);
        });

        // rows: every cell with an open allocation, and every cell a store sells of the asked item
        Map<String, Map<String, BigDecimal>> allocated = new TreeMap<>();
        Map<String, Integer> openOrders = new HashMap<>();
        for (ItemAllocation a : snapshot.open()) {
            String cell = catalogCell(a.cell());
            allocated.computeIfAbsent(a.itemNo(), k -> new TreeMap<>()).merge(cell, a.allocated(), BigDecimal::add);
            openOrders.merge(a.itemNo() + "\u0000" + cell, a.openOrders(), Integer::sum);
        }
        for (StoreView store : snapshot.stores()) {
            for (CatalogLink link : store.links()) {
                // an item sold without stock (a service item) holds nothing and has no quantity to show
                if (link.sellable() && link.tracksStock()) {
                    allocated.computeIfAbsent(link.itemNo(), k -> new TreeMap<>()).putIfAbsent(link.cell(), BigDecimal.ZERO);
                }
            }
        }
        List<String> items = allocated.keySet().stream().limit(MAX_ITEMS).toList();

        // Counterpoint's available quantity, read once per set of locations
        Map<List<String>, Map<String, BigDecimal>> availableByLocations = new HashMap<>();
        Map<List<String>, String> readStatus = new HashMap<>();
        for (StoreView store : snapshot.stores()) {
            List<String> locations = List.copyOf(new TreeSet<>(store.settings().locations()));
            if (locations.isEmpty() || items.isEmpty() || readStatus.containsKey(locations)) {
                continue;
            }
            CallOutcome<ReadStock.Result> outcome = bridge.call(tenantId, new ReadStock(locations, items), READ);
            if (outcome instanceof CallOutcome.Completed<ReadStock.Result> done) {
                Map<String, BigDecimal> available = new HashMap<>();
                for (ReadStock.Level level : done.result().levels()) {
                    available.merge(level.itemNo() + "\u0000" + Cells.of(level.dim1(), level.dim2(), level.dim3()),
                            level.available() == null ? BigDecimal.ZERO : level.available(), BigDecimal::add);
                }
                availableByLocations.put(locations, available);
                readStatus.put(locations, "READ");
            } else {
                readStatus.put(locations, switch (outcome) {
                    case CallOutcome.BridgeOffline<?> offline -> "BRIDGE_OFFLINE";
                    case CallOutcome.Failed<?> failed when failed.counterpointUnreachable() -> "COUNTERPOINT_UNREACHABLE";
                    default -> "NOT_READ";
                });
            }
        }

        List<ItemStock> rows = new ArrayList<>();
        for (String item : items) {
            for (Map.Entry<String, BigDecimal> cell : allocated.get(item).entrySet()) {
                String key = item + "\u0000" + cell.getKey();
                BigDecimal held = snapshot.enabled() ? cell.getValue() : BigDecimal.ZERO;
                List<StoreStock> perStore = new ArrayList<>();
                for (StoreView store : snapshot.stores()) {
                    CatalogLink link = store.links().stream()
                            .filter(l -> l.itemNo().equals(item) && l.cell().equals(cell.getKey())).findFirst().orElse(null);
                    List<String> locations = List.copyOf(new TreeSet<>(store.settings().locations()));
                    String status = locations.isEmpty() ? "NO_LOCATIONS" : readStatus.getOrDefault(locations, "NOT_READ");
                    BigDecimal available = "READ".equals(status)
                            ? availableByLocations.get(locations).getOrDefault(key, BigDecimal.ZERO) : null;
                    perStore.add(new StoreStock(store.site().id(), store.site().name(), locations, status, available,
                            store.settings().safetyBuffer(),
                            available == null ? null : WebQuantity.of(available, held, store.settings().safetyBuffer()),
                            link == null ? null : link.sentQty(), link != null));
                }
                rows.add(new ItemStock(item, cell.getKey(), cell.getValue(), snapshot.enabled(),
                        openOrders.getOrDefault(key, 0), perStore));
            }
        }
        return rows;
    }

    /** The ledger names a simple item's cell "*|*|*", the catalog "". */
    private static String catalogCell(String ledgerCell) {
        List<String> dims = Cells.dimensions(ledgerCell);
        return dims.size() == 3 ? Cells.of(dims.get(0), dims.get(1), dims.get(2)) : ledgerCell;
    }
}
