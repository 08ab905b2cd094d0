package com.counterlink.sync.catalog;

import com.counterlink.bridge.protocol.operations.ItemCursor;
import com.counterlink.bridge.protocol.operations.ReadItemChanges;
import com.counterlink.bridge.protocol.operations.ReadSetup;
import com.counterlink.bridge.protocol.operations.ReadWebCategories;
import com.counterlink.platform.db.TenantTransactions;
import com.counterlink.sync.BridgeOfflineException;
import com.counterlink.sync.ItemOutcome;
import com.counterlink.sync.JobType;
import com.counterlink.sync.RunTrigger;
import com.counterlink.sync.SyncContext;
import com.counterlink.sync.SyncJob;
import com.counterlink.sync.SyncScheduler;
import com.counterlink.sync.WriteBehind;
import com.counterlink.woo.WooBatch;
import com.counterlink.woo.WooClient;
import com.counterlink.woo.WooErrorCode;
import com.counterlink.woo.WooException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Items flagged for e-commerce become WooCommerce products (gridded ones variable products with a
 * variation per cell), matched by exact SKU = ITEM_NO; un-flagged ones are unpublished, never
 * deleted. Items Counterpoint tracks no stock of (ITEM_TYP other than 'I') are sold without stock
 * management. Reads Counterpoint's changes after the store's watermark (a full resync from the start)
 * and moves the watermark only up to the item before the first one that failed; an item whose number
 * cannot be a SKU is reported and passed ({@link ItemNumbers}).
 */
@Singleton
public class ProductsJob implements SyncJob {

    static final int PAGE_SIZE = 500;
    static final String UNPUBLISHED_STATUS = "draft";

    private final CatalogTarget targets;
    private final TenantTransactions transactions;
    private final CatalogLinks links;
    private final Watermarks watermarks;
    private final Counterpoint counterpoint;
    private final WooPusher pusher;
    private final SyncScheduler scheduler;
    private final boolean followUpRuns;
    private final WebCategories webCategories;
    private final StockLevels stockLevels;
    private final ItemPrices itemPrices;
    private final CatalogRechecks rechecks;
    private final FirstSyncHandoff handoff;

    public ProductsJob(CatalogTarget targets, TenantTransactions transactions, CatalogLinks links, Watermarks watermarks,
                       Counterpoint counterpoint, WooPusher pusher, SyncScheduler scheduler,
                       @Value("${counterlink.catalog.follow-up-runs:true}") boolean followUpRuns, WebCategories webCategories,
                       StockLevels stockLevels, ItemPrices itemPrices, CatalogRechecks rechecks, FirstSyncHandoff handoff) {
        this.handoff = handoff;
        this.webCategories = webCategories;
        this.stockLevels = stockLevels;
        this.itemPrices = itemPrices;
        this.rechecks = rechecks;
        this.targets = targets;
        this.transactions = transactions;
        this.links = links;
        this.watermarks = watermarks;
        this.counterpoint = counterpoint;
        this.pusher = pusher;
        this.scheduler = scheduler;
        this.followUpRuns = followUpRuns;
    }

    @Override
    public JobType type() {
        return JobType.PRODUCTS;
    }

    @Override
    public void run(SyncContext context) throws BridgeOfflineException {
        CatalogTarget.Target target = targets.open(context.tenantId(), context.siteId());
        if (context.trigger() == RunTrigger.PREVIEW) {
            preview(context, target);
            return;
        }
        ItemCursor cursor = context.full() ? null
                : transactions.inTenant(context.tenantId(), null, () -> watermarks.get(context.siteId(), JobType.PRODUCTS))
                .orElse(null);
        ItemCursor safe = cursor;
        boolean blocked = false;
        int placed = 0;
        // a store without products when its first sync starts has none to adopt: no SKU look-ups then
        Lookups lookups = cursor == null && hasNoProducts(target) ? Lookups.NOTHING_TO_ADOPT : Lookups.BY_SKU;
        FirstSyncHandoff.Run firstSync = cursor == null ? handoff.begin(context, target.settings()).orElse(null) : null;
        ReadAhead<PageReads> next = null;
        // an item changed during the run comes again in a later page, whose read may predate this run's rows for it
        Set<String> seen = new HashSet<>();
        boolean completed = false;
        try {
            PageReads reads = readPage(context, target, cursor, lookups);
            while (true) {
                ReadItemChanges.Page page = reads.page();
                boolean more = !page.last() && !page.items().isEmpty();
                // the next page is read from Counterpoint while this one is written to WooCommerce
                next = more ? ReadAhead.start(() -> readPage(context, target, page.next(), lookups)) : null;
                context.log().read(page.items().size());
                Run run = new Run(context, target, false, firstSync);
                run.sync(reads.withFreshLinks(this, context, seen));
                page.items().forEach(item -> seen.add(item.itemNo()));
                placed += run.placed;
                for (ReadItemChanges.Item item : page.items()) {
                    blocked |= run.failed.contains(item.itemNo());
                    if (!blocked) {
                        safe = new ItemCursor(item.changedAtUtc(), item.itemNo());
                    }
                }
                ItemCursor mark = safe;
                transactions.inTenant(context.tenantId(), null, () -> {
                    watermarks.set(context.tenantId(), context.siteId(), JobType.PRODUCTS, mark);
                    return null;
                });
                if (next == null) {
                    break;
                }
                reads = next.get();
                next = null;
            }
            completed = true;
        } finally {
            if (next != null) {
                next.abandon();
            }
            if (firstSync != null) {
                firstSync.finish(completed);
            }
        }
        if (placed > 0 && followUpRuns) {
            // new products get their stock and prices now rather than at the next interval
            scheduler.runNow(context.tenantId(), context.siteId(), JobType.INVENTORY, RunTrigger.CHANGE);
            scheduler.runNow(context.tenantId(), context.siteId(), JobType.PRICING, RunTrigger.CHANGE);
        }
    }

    /**
     * The first-sync dry run: every flagged item as it would be created, adopted or refused, and the
     * store's products no item matches (left alone). Writes nothing, moves no watermark.
     */
    private void preview(SyncContext context, CatalogTarget.Target target) throws BridgeOfflineException {
        Set<String> skus = new java.util.HashSet<>();
        ItemCursor cursor = null;
        while (true) {
            PageReads reads = readPage(context, target, cursor, Lookups.PREVIEW);
            ReadItemChanges.Page page = reads.page();
            context.log().read(page.items().size());
            new Run(context, target, true, null).sync(reads);
            page.items().forEach(item -> skus.add(item.itemNo()));
            if (page.last() || page.items().isEmpty()) {
                break;
            }
            cursor = page.next();
        }
        for (JsonNode product : target.woo().listAll("products", Map.of())) {
            String sku = product.path("sku").asText("");
            if (!skus.contains(sku)) {
                context.log().outcome("WooCommerce #" + product.path("id").asText() + (sku.isEmpty() ? " (no SKU)" : " " + sku),
                        ItemOutcome.SKIPPED);
            }
        }
    }

    /**
     * A page of item changes and what its sync needs besides: the gridded web items' cells, the web
     * categories of the items it will send them for, and (not for a preview) WooCommerce's products with
     * the SKUs of the web items not mapped yet (null when that look-up failed: it is made again then;
     * none without asking when the store had no products as the run started).
     */
    private record PageReads(ReadItemChanges.Page page, Map<String, List<CatalogLink>> existing, Map<String, List<String>> cells,
                             ReadWebCategories.Result categories, Set<String> categoriesRead, Set<String> skusLookedUp,
                             Map<String, List<JsonNode>> bySku, NewItemValues newItemValues) {

        /** The page with the rows of items written earlier in this run read again. */
        PageReads withFreshLinks(ProductsJob job, SyncContext context, Set<String> writtenEarlier) {
            List<String> stale = page.items().stream().map(ReadItemChanges.Item::itemNo).filter(writtenEarlier::contains)
                    .filter(ItemNumbers::usable).toList();
            if (stale.isEmpty()) {
                return this;
            }
            Map<String, List<CatalogLink>> fresh = new LinkedHashMap<>(existing);
            stale.forEach(fresh::remove);
            fresh.putAll(job.existingLinks(context, stale));
            return new PageReads(page, fresh, cells, categories, categoriesRead, skusLookedUp, bySku, newItemValues);
        }
    }

    /** What a page read finds out before the page is written. */
    private enum Lookups {
        /** WooCommerce's products with the SKUs of the web items not mapped yet, to adopt them. */
        BY_SKU,
        /** The store had no products when the run started, so every unmapped item is created. */
        NOTHING_TO_ADOPT,
        /** A preview: only the items and their cells; the rest is asked while the page is decided. */
        PREVIEW
    }

    private static boolean hasNoProducts(CatalogTarget.Target target) {
        try {
            return target.woo().list("products", Map.of(), 1, 1).items().isEmpty();
        } catch (WooException e) {
            return false;
        }
    }

    private PageReads readPage(SyncContext context, CatalogTarget.Target target, ItemCursor cursor, Lookups lookups)
            throws BridgeOfflineException {
        boolean preview = lookups == Lookups.PREVIEW;
        CatalogSettings settings = target.settings();
        ReadItemChanges.Page page = counterpoint.read(context.tenantId(), new ReadItemChanges(cursor, PAGE_SIZE, preview));
        // an item whose number cannot be a SKU is reported when the page is written; nothing is read for it
        List<ReadItemChanges.Item> usable = page.items().stream().filter(item -> ItemNumbers.usable(item.itemNo())).toList();
        Map<String, List<CatalogLink>> existing = existingLinks(context, usable.stream().map(ReadItemChanges.Item::itemNo).toList());
        List<ReadItemChanges.Item> web = usable.stream().filter(ReadItemChanges.Item::ecommerce).toList();
        List<ReadItemChanges.Item> griddedWeb = web.stream().filter(ProductsJob::gridded).toList();
        List<String> webItemNos = web.stream().map(ReadItemChanges.Item::itemNo).toList();
        List<String> unmapped = webItemNos.stream()
                .filter(itemNo -> existing.getOrDefault(itemNo, List.of()).stream().noneMatch(link -> link.cell().isEmpty()))
                .toList();
        if (preview) {
            // prices only, so the preview says which new products are kept as drafts for want of one
            NewItemValues prices = new NewItemValues(settings, null, unmapped.isEmpty() ? null
                    : itemPrices.read(context.tenantId(), settings, unmapped), LocalDateTime.now(ZoneOffset.UTC));
            return new PageReads(page, existing, cells(context, settings, griddedWeb), new ReadWebCategories.Result(List.of(), List.of()),
                    Set.of(), Set.of(), null, prices);
        }
        // new products are created with their stock and prices; the stock read also names the gridded items' cells
        Map<String, List<String>> cells;
        StockLevels.Levels stock = null;
        if (settings.locations().isEmpty()) {
            cells = cells(context, settings, griddedWeb);
        } else {
            Set<String> stockFor = new LinkedHashSet<>(griddedWeb.stream().map(ReadItemChanges.Item::itemNo).toList());
            Set<String> withoutStock = web.stream().filter(item -> !tracksStock(item)).map(ReadItemChanges.Item::itemNo)
                    .collect(Collectors.toSet());
            unmapped.stream().filter(itemNo -> !withoutStock.contains(itemNo)).forEach(stockFor::add);
            stock = stockFor.isEmpty() ? null : stockLevels.read(context.tenantId(), settings.locations(), List.copyOf(stockFor));
            cells = stock == null ? Map.of() : stock.cells();
        }
        NewItemValues newItemValues = new NewItemValues(settings, stock,
                unmapped.isEmpty() ? null : itemPrices.read(context.tenantId(), settings, unmapped), LocalDateTime.now(ZoneOffset.UTC));
        List<String> needCategories = settings.ownership().categories() == CatalogSettings.Ownership.ALWAYS ? webItemNos : unmapped;
        ReadWebCategories.Result categories = webCategories.read(context, needCategories);
        Map<String, List<JsonNode>> bySku = new HashMap<>();
        try {
            List<JsonNode> found = lookups == Lookups.NOTHING_TO_ADOPT ? List.of() : target.woo().findBySkusAsWooCompares(unmapped);
            found.forEach(product -> bySku.computeIfAbsent(SkuTwins.key(product.path("sku").asText()), sku -> new ArrayList<>())
                    .add(product));
        } catch (WooException e) {
            return new PageReads(page, existing, cells, categories, Set.copyOf(needCategories), Set.of(), null, newItemValues);
        }
        return new PageReads(page, existing, cells, categories, Set.copyOf(needCategories), Set.copyOf(unmapped), bySku,
                newItemValues);
    }

    /** The store's rows of these items (product and variations), by item. */
    private Map<String, List<CatalogLink>> existingLinks(SyncContext context, List<String> itemNos) {
        if (itemNos.isEmpty()) {
            return Map.of();
        }
        return transactions.inTenant(context.tenantId(), null, () -> links.forItems(context.siteId(), itemNos)).stream()
                .collect(Collectors.groupingBy(CatalogLink::itemNo, LinkedHashMap::new, Collectors.toList()));
    }

    /** Grid cells per gridded item, from its stock rows at the store's locations (all locations when none are chosen). */
    private Map<String, List<String>> cells(SyncContext context, CatalogSettings settings, List<ReadItemChanges.Item> griddedItems)
            throws BridgeOfflineException {
        if (griddedItems.isEmpty()) {
            return Map.of();
        }
        List<String> locations = settings.locations();
        if (locations.isEmpty()) {
            locations = counterpoint.read(context.tenantId(), new ReadSetup()).locations().stream()
                    .map(ReadSetup.Code::code).toList();
        }
        return stockLevels.read(context.tenantId(), locations, griddedItems.stream().map(ReadItemChanges.Item::itemNo).toList()).cells();
    }

    /** One page of items against one store; a preview decides everything and writes nothing. */
    private final class Run {
        final SyncContext context;
        final CatalogTarget.Target target;
        final WooClient woo;
        final CatalogSettings settings;
        final Set<String> failed = new TreeSet<>();
        final boolean preview;
        int placed;
        private WriteBehind writing = WriteBehind.NONE;
        private NewItemValues newItemValues = NewItemValues.NONE;
        @Nullable
        private final FirstSyncHandoff.Run firstSync;

        Run(SyncContext context, CatalogTarget.Target target, boolean preview, @Nullable FirstSyncHandoff.Run firstSync) {
            this.preview = preview;
            this.firstSync = firstSync;
            this.context = context;
            this.target = target;
            this.woo = target.woo();
            this.settings = target.settings();
        }

        void sync(PageReads reads) throws BridgeOfflineException {
            newItemValues = reads.newItemValues();
            List<ReadItemChanges.Item> items = reads.page().items();
            if (items.isEmpty()) {
                return;
            }
            List<ReadItemChanges.Item> unusable = items.stream().filter(item -> !ItemNumbers.usable(item.itemNo())).toList();
            if (!unusable.isEmpty()) {
                // not in `failed`: nothing the next run does can fix it, so it does not hold the watermark
                unusable.stream().filter(ReadItemChanges.Item::ecommerce).forEach(item ->
                        ItemNumbers.report(context.log(), item.itemNo(), ItemNumbers.problem(item.itemNo()).orElseThrow()));
                items = items.stream().filter(item -> ItemNumbers.usable(item.itemNo())).toList();
            }
            Map<String, List<CatalogLink>> existing = reads.existing();
            Map<String, List<String>> cells = ItemNumbers.usableCells(context.log(), reads.cells());
            List<WooPusher.Change> updates = new ArrayList<>();
            List<ReadItemChanges.Item> toPlace = new ArrayList<>();
            List<CatalogLink> relinked = new ArrayList<>();
            boolean categoriesAlways = settings.ownership().categories() == CatalogSettings.Ownership.ALWAYS && !preview;
            Map<String, List<Long>> categories = !categoriesAlways ? Map.of() : categories(reads,
                    items.stream().filter(i -> i.ecommerce() && existing.containsKey(i.itemNo())).map(ReadItemChanges.Item::itemNo)
                            .toList());
            for (ReadItemChanges.Item item : items) {
                List<CatalogLink> mine = existing.getOrDefault(item.itemNo(), List.of());
                CatalogLink parent = mine.stream().filter(l -> l.cell().isEmpty()).findFirst().orElse(null);
                if (item.ecommerce() && parent == null) {
                    toPlace.add(item);
                } else if (item.ecommerce()) {
                    ObjectNode body = JsonNodeFactory.instance.objectNode().put("id", parent.wooId());
                    List<String> why = new ArrayList<>();
                    if (!parent.published()) {
                        String status = parent.statusBeforeUnpublish() == null ? "publish" : parent.statusBeforeUnpublish();
                        body.put("status", status);
                        why.add("re-published (" + status + "): flagged for e-commerce again in Counterpoint");
                    }
                    if (settings.ownership().name() == CatalogSettings.Ownership.ALWAYS) {
                        body.put("name", name(item));
                    }
                    if (settings.ownership().descriptions() == CatalogSettings.Ownership.ALWAYS) {
                        body.put("description", description(item));
                    }
                    if (categoriesAlways) {
                        body.set("categories", categoryIds(categories.getOrDefault(item.itemNo(), List.of())));
                    }
                    CatalogLink after = parent.withPublished(true, null, item.categoryCode());
                    boolean stockTrackingChanged = parent.tracksStock() != tracksStock(item);
                    if (stockTrackingChanged) {
                        after = after.withTracksStock(tracksStock(item));
                        if (!gridded(item) && !tracksStock(item)) {
                            withoutStockManagement(body);
                            why.add("sold without stock management: Counterpoint no longer tracks its stock (item type "
                                    + item.itemType() + ")");
                        }
                    }
                    if (body.size() > 1) {
                        if (why.isEmpty()) {
                            why.add("Counterpoint's " + String.join(", ", ownedFieldsSent(body)) + " sent (owned by Counterpoint)");
                        }
                        updates.add(new WooPusher.Change(parent, body, after, String.join("; ", why)));
                    } else {
                        if (!Objects.equals(parent.categoryCode(), item.categoryCode()) || stockTrackingChanged) {
                            relinked.add(after);
                        }
                        context.log().outcome(item.itemNo(), ItemOutcome.UNCHANGED);
                    }
                    if (stockTrackingChanged && gridded(item) && !preview) {
                        mine.stream().filter(link -> !link.cell().isEmpty()).forEach(variation -> {
                            CatalogLink changed = variation.withTracksStock(tracksStock(item));
                            if (tracksStock(item)) {
                                relinked.add(changed);
                            } else {
                                updates.add(new WooPusher.Change(variation,
                                        withoutStockManagement(JsonNodeFactory.instance.objectNode().put("id", variation.wooId())), changed,
                                        "sold without stock management: Counterpoint no longer tracks its stock"));
                            }
                        });
                    }
                    if (gridded(item) && !preview) {
                        List<String> itemCells = cells.getOrDefault(item.itemNo(), List.of());
                        if (addsCells(itemCells, mine)) {
                            widenAttributes(item, parent.wooId(), itemCells);
                        }
                        ensureVariations(item, parent.wooId(), itemCells, mine, true);
                    }
                } else if (parent != null && parent.published()) {
                    unpublish(item, parent, updates);
                }
            }
            if (!relinked.isEmpty() && !preview) {
                transactions.inTenant(context.tenantId(), null, () -> {
                    links.saveAll(context.tenantId(), context.siteId(), relinked);
                    return null;
                });
            }
            if (preview) {
                updates.forEach(u -> context.log().outcome(u.link().itemNo(), ItemOutcome.UPDATED, u.reason()));
            } else {
                failed.addAll(pusher.push(context, woo, updates));
            }
            place(toPlace, cells, reads);
            awaitWrites();
        }

        private static List<String> ownedFieldsSent(ObjectNode body) {
            List<String> fields = new ArrayList<>();
            body.fieldNames().forEachRemaining(field -> {
                if (!field.equals("id")) {
                    fields.add(field);
                }
            });
            return fields;
        }

        /** From the page's read, or read now for items mapped then and no longer (their mapping was removed meanwhile). */
        private Map<String, List<Long>> categories(PageReads reads, List<String> itemNos) throws BridgeOfflineException {
            ReadWebCategories.Result read = reads.categoriesRead().containsAll(itemNos) ? reads.categories()
                    : webCategories.read(context, itemNos);
            return webCategories.forItems(context, woo, read, itemNos);
        }

        private void unpublish(ReadItemChanges.Item item, CatalogLink parent, List<WooPusher.Change> updates) {
            try {
                String status = woo.get("products/" + parent.wooId()).path("status").asText("publish");
                ObjectNode body = JsonNodeFactory.instance.objectNode().put("id", parent.wooId()).put("status", UNPUBLISHED_STATUS);
                updates.add(new WooPusher.Change(parent, body, parent.withPublished(false, status, item.categoryCode()),
                        "unpublished (draft): the e-commerce flag was removed in Counterpoint"));
            } catch (WooException e) {
                fail(item.itemNo(), WooFailures.code(e), WooFailures.reason(e), WooFailures.hint(e));
            }
        }

        /** Items not yet mapped: adopt the one WooCommerce product with their SKU, or create them. */
        private void place(List<ReadItemChanges.Item> items, Map<String, List<String>> cells, PageReads reads)
                throws BridgeOfflineException {
            List<ReadItemChanges.Item> candidates = new ArrayList<>();
            for (ReadItemChanges.Item item : items) {
                if (gridded(item) && cells.getOrDefault(item.itemNo(), List.of()).isEmpty()) {
                    fail(item.itemNo(), "NO_GRID_CELLS", item.itemNo() + " is gridded but has no grid cells at any location",
                            "Set up the item's grid cells in Counterpoint");
                } else {
                    candidates.add(item);
                }
            }
            List<String> candidateSkus = candidates.stream().map(ReadItemChanges.Item::itemNo).toList();
            Map<String, List<JsonNode>> bySku = reads.bySku();
            try {
                if (bySku == null || !reads.skusLookedUp().containsAll(candidateSkus)) {
                    bySku = new HashMap<>();
                    for (JsonNode found : woo.findBySkusAsWooCompares(candidateSkus)) {
                        bySku.computeIfAbsent(SkuTwins.key(found.path("sku").asText()), s -> new ArrayList<>()).add(found);
                    }
                }
            } catch (WooException e) {
                candidates.forEach(item -> fail(item.itemNo(), WooFailures.code(e), WooFailures.reason(e), WooFailures.hint(e)));
                return;
            }
            List<ReadItemChanges.Item> creates = new ArrayList<>();
            Map<String, String> firstWithKey = new HashMap<>();
            for (ReadItemChanges.Item item : candidates) {
                List<JsonNode> sameKey = bySku.getOrDefault(SkuTwins.key(item.itemNo()), List.of());
                List<JsonNode> matches = sameKey.stream().filter(p -> p.path("sku").asText().equals(item.itemNo())).toList();
                JsonNode twinProduct = sameKey.stream().filter(p -> !p.path("sku").asText().equals(item.itemNo())).findFirst()
                        .orElse(null);
                String pageTwin = firstWithKey.putIfAbsent(SkuTwins.key(item.itemNo()), item.itemNo());
                if (pageTwin != null) {
                    failTwin(item.itemNo(), pageTwin, pageTwin + " is placed in WooCommerce by this run");
                } else if (twinProduct != null && matches.isEmpty()) {
                    twinOfProduct(item.itemNo(), twinProduct.path("sku").asText(), twinProduct.path("id").asLong());
                } else if (matches.size() > 1) {
                    fail(item.itemNo(), "DUPLICATE_SKU", matches.size() + " WooCommerce products have the SKU " + item.itemNo()
                                    + " (ids " + matches.stream().map(m -> m.path("id").asText()).collect(Collectors.joining(", ")) + ")",
                            "Keep one WooCommerce product with SKU " + item.itemNo() + " and change or delete the others");
                } else if (matches.size() == 1) {
                    adopt(item, matches.getFirst(), cells.getOrDefault(item.itemNo(), List.of()));
                } else {
                    creates.add(item);
                }
            }
            if (preview) {
                creates.forEach(item -> context.log().outcome(item.itemNo(), ItemOutcome.CREATED, keptAsDraft(item)));
                return;
            }
            for (int from = 0; from < creates.size(); from += WooBatch.MAX_ITEMS) {
                create(creates.subList(from, Math.min(creates.size(), from + WooBatch.MAX_ITEMS)), cells, reads);
            }
        }

        private void adopt(ReadItemChanges.Item item, JsonNode product, List<String> itemCells) {
            String type = product.path("type").asText();
            boolean wantVariable = gridded(item);
            if ("variation".equals(type) || wantVariable != "variable".equals(type)) {
                fail(item.itemNo(), "SKU_TYPE_CONFLICT", "WooCommerce's product with SKU " + item.itemNo() + " is a " + type
                                + " product, but the item is " + (wantVariable ? "gridded" : "not gridded") + " in Counterpoint",
                        "Change the WooCommerce product's SKU, or make its type match the Counterpoint item");
                return;
            }
            if (preview) {
                context.log().outcome(item.itemNo(), ItemOutcome.ADOPTED);
                return;
            }
            CatalogLink link = parentLink(item, product.path("id").asLong(), product.path("status").asText("publish"));
            save(link);
            placed++;
            context.log().outcome(item.itemNo(), ItemOutcome.ADOPTED);
            if (!wantVariable && !tracksStock(item)) {
                // as if created: Counterpoint has no stock of it, so WooCommerce must not count any
                failed.addAll(pusher.push(context, woo, List.of(new WooPusher.Change(link,
                        withoutStockManagement(JsonNodeFactory.instance.objectNode().put("id", link.wooId())), link))));
            }
            if (wantVariable) {
                ensureVariations(item, link.wooId(), itemCells, List.of(), true);
            }
        }

        private void create(List<ReadItemChanges.Item> items, Map<String, List<String>> cells, PageReads reads)
                throws BridgeOfflineException {
            Map<String, List<Long>> categories = categories(reads, items.stream().map(ReadItemChanges.Item::itemNo).toList());
            WooBatch batch = new WooBatch();
            items.forEach(item -> batch.create(newProduct(item, cells.getOrDefault(item.itemNo(), List.of()),
                    categories.getOrDefault(item.itemNo(), List.of()))));
            WooBatch.Result result;
            try {
                result = woo.batch("products", batch);
            } catch (WooException e) {
                items.forEach(item -> fail(item.itemNo(), WooFailures.code(e), WooFailures.reason(e), WooFailures.hint(e)));
                return;
            }
            List<CatalogLink> createdLinks = new ArrayList<>();
            for (WooBatch.ItemResult created : result.items()) {
                ReadItemChanges.Item item = items.get(created.index());
                if (!created.ok()) {
                    long holder = created.error().existingResourceId();
                    if (created.error().code() == WooErrorCode.WOO_DUPLICATE_SKU && holder > 0) {
                        // WooCommerce named the product that has the SKU as it compares them: a twin's, maybe
                        String holderSku = skuOf(holder);
                        if (holderSku != null && SkuTwins.twins(item.itemNo(), holderSku)) {
                            twinOfProduct(item.itemNo(), holderSku, holder);
                            continue;
                        }
                    }
                    fail(item.itemNo(), WooFailures.code(created.error()), WooFailures.reason(created.error()),
                            WooFailures.hint(created.error()));
                    continue;
                }
                CatalogLink link = parentLink(item, created.id(), created.resource().path("status").asText());
                String keptAsDraft = keptAsDraft(item);
                if (keptAsDraft != null) {
                    link = link.withPublishWhenPriced("publish");
                }
                createdLinks.add(gridded(item) ? link : newItemValues.sent(link));
                placed++;
                context.log().outcome(item.itemNo(), ItemOutcome.CREATED, keptAsDraft);
            }
            // stored while the variations are made: should the run stop before, the next one adopts the products by SKU
            saveBehind(createdLinks);
            for (CatalogLink link : createdLinks) {
                ReadItemChanges.Item item = items.stream().filter(i -> i.itemNo().equals(link.itemNo())).findFirst().orElseThrow();
                if (gridded(item)) {
                    ensureVariations(item, link.wooId(), cells.getOrDefault(item.itemNo(), List.of()), List.of(), false);
                }
            }
        }

        /** A variation per grid cell the store does not have yet; existing ones (same SKU, same parent) are adopted. */
        private void ensureVariations(ReadItemChanges.Item item, long parentId, List<String> itemCells, List<CatalogLink> mine,
                                      boolean mayExist) {
            Set<String> mapped = mine.stream().map(CatalogLink::cell).collect(Collectors.toSet());
            List<String> missing = itemCells.stream().filter(c -> !mapped.contains(c)).toList();
            if (missing.isEmpty()) {
                return;
            }
            String collection = "products/" + parentId + "/variations";
            try {
                List<String> toCreate = new ArrayList<>(missing);
                if (mayExist) {
                    Map<String, JsonNode> found = new HashMap<>();
                    woo.findBySkus(missing.stream().map(c -> Cells.variationSku(item.itemNo(), c)).toList())
                            .forEach(v -> found.put(v.path("sku").asText(), v));
                    for (String cell : missing) {
                        JsonNode variation = found.get(Cells.variationSku(item.itemNo(), cell));
                        if (variation == null) {
                            continue;
                        }
                        toCreate.remove(cell);
                        if (variation.path("parent_id").asLong() != parentId) {
                            fail(item.itemNo(), "DUPLICATE_SKU", "The SKU " + Cells.variationSku(item.itemNo(), cell)
                                    + " belongs to another WooCommerce product", "Change the other product's SKU");
                            continue;
                        }
                        save(variationLink(item, cell, variation.path("id").asLong(), parentId));
                        context.log().outcome(item.itemNo() + " " + cell.replace('|', '/'), ItemOutcome.ADOPTED);
                    }
                }
                for (int from = 0; from < toCreate.size(); from += WooBatch.MAX_ITEMS) {
                    List<String> chunk = toCreate.subList(from, Math.min(toCreate.size(), from + WooBatch.MAX_ITEMS));
                    WooBatch batch = new WooBatch();
                    chunk.forEach(cell -> batch.create(newVariation(item, cell)));
                    List<CatalogLink> createdLinks = new ArrayList<>();
                    for (WooBatch.ItemResult created : woo.batch(collection, batch).items()) {
                        String cell = chunk.get(created.index());
                        if (created.ok()) {
                            createdLinks.add(newItemValues.sent(variationLink(item, cell, created.id(), parentId)));
                            context.log().outcome(item.itemNo() + " " + cell.replace('|', '/'), ItemOutcome.CREATED);
                        } else {
                            fail(item.itemNo(), WooFailures.code(created.error()), "Variation " + cell + ": "
                                    + WooFailures.reason(created.error()), WooFailures.hint(created.error()));
                        }
                    }
                    saveBehind(createdLinks);
                }
            } catch (WooException e) {
                fail(item.itemNo(), WooFailures.code(e), WooFailures.reason(e), WooFailures.hint(e));
            }
        }

        private boolean addsCells(List<String> itemCells, List<CatalogLink> mine) {
            Set<String> mapped = mine.stream().map(CatalogLink::cell).collect(Collectors.toSet());
            return itemCells.stream().anyMatch(c -> !mapped.contains(c));
        }

        /** A new grid value needs its option on the variable product before a variation can use it. */
        private void widenAttributes(ReadItemChanges.Item item, long parentId, List<String> itemCells) {
            try {
                ObjectNode body = JsonNodeFactory.instance.objectNode();
                attributes(item, itemCells, body);
                woo.put("products/" + parentId, body);
            } catch (WooException e) {
                fail(item.itemNo(), WooFailures.code(e), WooFailures.reason(e), WooFailures.hint(e));
            }
        }

        /**
         * Why a new simple product is created as a draft although the store publishes new products: Counterpoint has
         * no price for it, and a published product without one cannot be bought. The pricing job publishes it with
         * its first price. Null when it is not kept.
         */
        @Nullable
        private String keptAsDraft(ReadItemChanges.Item item) {
            if (settings.newProductsAsDraft() || gridded(item) || !newItemValues.lacksPrice(item.itemNo())) {
                return null;
            }
            return "kept as draft: no price in Counterpoint at level " + settings.regularPriceLevel()
                    + "; published as soon as it has one";
        }

        private ObjectNode newProduct(ReadItemChanges.Item item, List<String> itemCells, List<Long> categories) {
            ObjectNode body = JsonNodeFactory.instance.objectNode()
                    .put("sku", item.itemNo())
                    .put("name", name(item))
                    .put("type", gridded(item) ? "variable" : "simple")
                    .put("status", settings.newProductsAsDraft() || keptAsDraft(item) != null ? "draft" : "publish")
                    .put("description", description(item));
            if (!categories.isEmpty()) {
                body.set("categories", categoryIds(categories));
            }
            if (gridded(item)) {
                attributes(item, itemCells, body);
            } else {
                newItemValues.writeTo(body, item.itemNo(), item.categoryCode(), CatalogLink.ITEM, tracksStock(item));
            }
            return body;
        }

        private static ArrayNode categoryIds(List<Long> wooIds) {
            ArrayNode array = JsonNodeFactory.instance.arrayNode();
            wooIds.forEach(id -> array.addObject().put("id", id));
            return array;
        }

        /** One variation attribute per used grid dimension, named by its tag, with the cells' values as options. */
        private void attributes(ReadItemChanges.Item item, List<String> itemCells, ObjectNode body) {
            ArrayNode attributes = body.putArray("attributes");
            for (int d = 0; d < 3; d++) {
                int dimension = d;
                List<String> options = List.copyOf(new LinkedHashSet<>(itemCells.stream()
                        .map(c -> Cells.dimensions(c).get(dimension)).filter(v -> !v.equals(Cells.UNUSED)).toList()));
                if (options.isEmpty()) {
                    continue;
                }
                ObjectNode attribute = attributes.addObject().put("name", dimensionName(item, d)).put("position", d)
                        .put("visible", true).put("variation", true);
                options.forEach(attribute.putArray("options")::add);
            }
        }

        private ObjectNode newVariation(ReadItemChanges.Item item, String cell) {
            ObjectNode body = JsonNodeFactory.instance.objectNode().put("sku", Cells.variationSku(item.itemNo(), cell));
            ArrayNode attributes = body.putArray("attributes");
            List<String> dims = Cells.dimensions(cell);
            for (int d = 0; d < dims.size(); d++) {
                if (!dims.get(d).equals(Cells.UNUSED)) {
                    attributes.addObject().put("name", dimensionName(item, d)).put("option", dims.get(d));
                }
            }
            newItemValues.writeTo(body, item.itemNo(), item.categoryCode(), cell, tracksStock(item));
            return body;
        }

        private CatalogLink parentLink(ReadItemChanges.Item item, long wooId, String status) {
            return new CatalogLink(item.itemNo(), CatalogLink.ITEM, item.itemNo(), wooId, null, gridded(item), item.categoryCode(),
                    true, status, false, null, null, null, null, null, tracksStock(item));
        }

        private CatalogLink variationLink(ReadItemChanges.Item item, String cell, long wooId, long parentId) {
            return new CatalogLink(item.itemNo(), cell, Cells.variationSku(item.itemNo(), cell), wooId, parentId, true,
                    item.categoryCode(), true, null, false, null, null, null, null, null, tracksStock(item));
        }

        private void save(CatalogLink link) {
            save(List.of(link));
        }

        private void save(List<CatalogLink> toSave) {
            awaitWrites();
            if (toSave.isEmpty()) {
                return;
            }
            transactions.inTenant(context.tenantId(), null, () -> {
                links.saveAll(context.tenantId(), context.siteId(), toSave);
                return null;
            });
        }

        /**
         * New products' and variations' rows, written while the next request is on its way: should the run
         * stop before they are stored, the page is read again and they are adopted by their SKUs.
         */
        private void saveBehind(List<CatalogLink> toSave) {
            awaitWrites();
            if (!toSave.isEmpty()) {
                writing = WriteBehind.start(() -> transactions.inTenant(context.tenantId(), null, () -> {
                    links.saveAll(context.tenantId(), context.siteId(), toSave);
                    if (firstSync != null) {
                        firstSync.stored(toSave);
                    } else {
                        // what Counterpoint said before the create may have changed since: the next runs read these items again
                        rechecks.requestForCreated(context.tenantId(), context.siteId(), toSave);
                    }
                    return null;
                }));
            }
        }

        void awaitWrites() {
            writing.await();
            writing = WriteBehind.NONE;
        }

        /**
         * WooCommerce has a product whose SKU it takes for this item's: never adopted nor updated for this item. Not
         * in {@code failed}, as for an unusable item number: only a change in Counterpoint (or WooCommerce) fixes it,
         * so it does not hold the watermark; it comes again when the item changes, in a full resync and the reconcile.
         */
        private void twinOfProduct(String itemNo, String twinSku, long productId) {
            String owner = transactions.inTenant(context.tenantId(), null, () -> links.forWooIds(context.siteId(), List.of(productId)))
                    .stream().filter(l -> l.wooId() == productId).map(CatalogLink::itemNo).findFirst().orElse(null);
            if (owner != null) {
                failTwin(itemNo, owner, owner + " is WooCommerce product #" + productId);
            } else {
                context.log().failed(itemNo, SkuTwins.CODE, "WooCommerce product #" + productId + " has the SKU " + twinSku + ", which WooCommerce"
                                + " treats as the same SKU as " + itemNo + "; it is not linked to the item without you",
                        "Change the SKU of WooCommerce product #" + productId + " to exactly " + itemNo
                                + " to link it to the item, or rename the item in Counterpoint; WooCommerce treats " + itemNo
                                + " and " + twinSku + " as the same SKU");
            }
        }

        @Nullable
        private String skuOf(long productId) {
            try {
                return woo.get("products/" + productId).path("sku").asText();
            } catch (WooException e) {
                return null;
            }
        }

        private void failTwin(String itemNo, String twin, String where) {
            context.log().failed(itemNo, SkuTwins.CODE, SkuTwins.reason(itemNo, twin, where), SkuTwins.hint(itemNo, twin));
        }

        private void fail(String itemNo, String code, String reason, String hint) {
            failed.add(itemNo);
            context.log().failed(itemNo, code, reason, hint);
        }
    }

    static boolean gridded(ReadItemChanges.Item item) {
        return "G".equals(item.trackingMethod());
    }

    /** Counterpoint keeps stock of inventory items ('I') only; non-inventory and service items are sold without. */
    static boolean tracksStock(ReadItemChanges.Item item) {
        return item.itemType() == null || item.itemType().isBlank() || "I".equalsIgnoreCase(item.itemType().strip());
    }

    /** WooCommerce sells it whatever it counts: no stock management, in stock. */
    static ObjectNode withoutStockManagement(ObjectNode body) {
        return body.put("manage_stock", false).put("stock_status", "instock");
    }

    static String name(ReadItemChanges.Item item) {
        return item.description() == null || item.description().isBlank() ? item.itemNo() : item.description().strip();
    }

    /** The web description (EC_ITEM_DESCR, HTML) when there is one, else the long description. */
    static String description(ReadItemChanges.Item item) {
        if (item.htmlDescription() != null && !item.htmlDescription().isBlank()) {
            return item.htmlDescription();
        }
        return item.longDescription() == null ? "" : item.longDescription();
    }

    static String dimensionName(ReadItemChanges.Item item, int dimension) {
        List<String> tags = item.gridDimensionTags();
        return dimension < tags.size() && tags.get(dimension) != null && !tags.get(dimension).isBlank()
                ? tags.get(dimension).strip() : "Dimension " + (dimension + 1);
    }
}
