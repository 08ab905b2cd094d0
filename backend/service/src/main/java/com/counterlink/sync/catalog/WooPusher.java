package com.counterlink.sync.catalog;

import com.counterlink.platform.db.TenantTransactions;
import com.counterlink.sync.BridgeOfflineException;
import com.counterlink.sync.ItemOutcome;
import com.counterlink.sync.SyncContext;
import com.counterlink.sync.WriteBehind;
import com.counterlink.woo.WooBatch;
import com.counterlink.woo.WooClient;
import com.counterlink.woo.WooException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Sends updates to WooCommerce in batches of 100 per collection and keeps, for each item it accepted,
 * the values sent; an item it refused is recorded with WooCommerce's reason and the rest go on.
 */
@Singleton
public class WooPusher {

    private static final String PRODUCTS = "products";

    /** An update of one mapped row: the body (with "id") and the row as it is once WooCommerce accepted it. */
    public record Change(CatalogLink link, ObjectNode body, CatalogLink accepted, @Nullable String reason) {
        public Change(CatalogLink link, ObjectNode body, CatalogLink accepted) {
            this(link, body, accepted, null);
        }
    }

    private final TenantTransactions transactions;
    private final CatalogLinks links;

    public WooPusher(TenantTransactions transactions, CatalogLinks links) {
        this.transactions = transactions;
        this.links = links;
    }

    /** Answers the item numbers that failed. */
    public Set<String> push(SyncContext context, WooClient woo, List<Change> changes) {
        Batches batches = batches(context, woo);
        batches.add(changes);
        return batches.finish();
    }

    /** What a job reads from Counterpoint for a page of items, and the changes it makes of that read. */
    public interface PageWork<T> {
        T read(List<String> itemNos) throws BridgeOfflineException;

        List<Change> changes(List<CatalogLink> pageRows, T read);
    }

    /**
     * Sends the changes of these rows' items, {@code itemsPerPage} items at a time: the next page is read
     * (on a virtual thread) while this page's changes are sent, so memory stays at two pages and the reads
     * overlap the writes. Answers the item numbers that failed.
     */
    public <T> Set<String> pushInPages(SyncContext context, WooClient woo, List<CatalogLink> rows, int itemsPerPage,
                                       PageWork<T> work) throws BridgeOfflineException {
        if (rows.isEmpty()) {
            return Set.of();
        }
        Map<String, List<CatalogLink>> rowsByItem = new LinkedHashMap<>();
        rows.forEach(row -> rowsByItem.computeIfAbsent(row.itemNo(), i -> new ArrayList<>()).add(row));
        List<String> itemNos = List.copyOf(rowsByItem.keySet());
        Batches batches = batches(context, woo);
        ReadAhead<T> next = ReadAhead.start(() -> work.read(itemNos.subList(0, Math.min(itemNos.size(), itemsPerPage))));
        try {
            for (int from = 0; from < itemNos.size(); from += itemsPerPage) {
                List<String> page = itemNos.subList(from, Math.min(itemNos.size(), from + itemsPerPage));
                T read = next.get();
                int following = from + itemsPerPage;
                next = following < itemNos.size()
                        ? ReadAhead.start(() -> work.read(itemNos.subList(following, Math.min(itemNos.size(), following + itemsPerPage))))
                        : null;
                batches.add(work.changes(page.stream().flatMap(itemNo -> rowsByItem.get(itemNo).stream()).toList(), read));
            }
        } finally {
            if (next != null) {
                next.abandon();
            }
        }
        return batches.finish();
    }

    /** Changes that arrive page by page (each page with all rows of its items), sent in as few batches as if they came at once. */
    public Batches batches(SyncContext context, WooClient woo) {
        return new Batches(context, woo);
    }

    /**
     * Sends each collection's changes in full batches as they fill. A product's variations come in one
     * page, so their collection is sent at the end of it; the products collection goes on across pages
     * and only its last part waits for {@link #finish}. The rows WooCommerce accepted are written while
     * the next batch is on its way; {@link #finish} waits for the last write.
     */
    public final class Batches {
        private final SyncContext context;
        private final WooClient woo;
        private final List<Change> products = new ArrayList<>();
        private final Set<String> failed = new TreeSet<>();
        private WriteBehind saving = WriteBehind.NONE;

        private Batches(SyncContext context, WooClient woo) {
            this.context = context;
            this.woo = woo;
        }

        public void add(List<Change> changes) {
            Map<String, List<Change>> variations = new LinkedHashMap<>();
            for (Change change : changes) {
                if (change.link().wooParentId() == null) {
                    products.add(change);
                    if (products.size() == WooBatch.MAX_ITEMS) {
                        sendAll(PRODUCTS, products);
                        products.clear();
                    }
                } else {
                    variations.computeIfAbsent(change.link().collection(), c -> new ArrayList<>()).add(change);
                }
            }
            variations.forEach(this::sendAll);
        }

        /** Sends what is left and waits until every accepted row is stored; answers the item numbers that failed. */
        public Set<String> finish() {
            sendAll(PRODUCTS, products);
            products.clear();
            saving.await();
            saving = WriteBehind.NONE;
            return failed;
        }

        private void sendAll(String collection, List<Change> all) {
            for (int from = 0; from < all.size(); from += WooBatch.MAX_ITEMS) {
                List<Change> chunk = List.copyOf(all.subList(from, Math.min(all.size(), from + WooBatch.MAX_ITEMS)));
                List<CatalogLink> accepted = new ArrayList<>();
                failed.addAll(send(context, woo, collection, chunk, accepted));
                saving.await();
                saving = accepted.isEmpty() ? WriteBehind.NONE : WriteBehind.start(() -> transactions.inTenant(context.tenantId(), null, () -> {
                    links.saveAll(context.tenantId(), context.siteId(), accepted);
                    return null;
                }));
            }
        }
    }

    private Set<String> send(SyncContext context, WooClient woo, String collection, List<Change> chunk, List<CatalogLink> accepted) {
        WooBatch batch = new WooBatch();
        chunk.forEach(change -> batch.update(change.body()));
        Set<String> failed = new TreeSet<>();
        WooBatch.Result result;
        try {
            result = woo.batch(collection, batch);
        } catch (WooException e) {
            for (Change change : chunk) {
                context.log().failed(change.link().key(), e.code().name(), "WooCommerce refused the batch: " + e.getMessage(),
                        WooFailures.hint(e));
                failed.add(change.link().itemNo());
            }
            return failed;
        }
        for (WooBatch.ItemResult item : result.items()) {
            if (!"update".equals(item.operation())) {
                continue;
            }
            Change change = chunk.get(item.index());
            if (item.ok()) {
                accepted.add(change.accepted());
                context.log().outcome(change.link().key(), ItemOutcome.UPDATED, change.reason());
            } else {
                context.log().failed(change.link().key(), WooFailures.code(item.error()), WooFailures.reason(item.error()),
                        WooFailures.hint(item.error()));
                failed.add(change.link().itemNo());
            }
        }
        return failed;
    }
}
