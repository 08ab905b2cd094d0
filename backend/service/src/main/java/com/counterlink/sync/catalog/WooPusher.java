package com.counterlink.sync.catalog;

import com.counterlink.platform.db.TenantTransactions;
import com.counterlink.sync.ItemOutcome;
import com.counterlink.sync.SyncContext;
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
        Map<String, List<Change>> byCollection = new LinkedHashMap<>();
        for (Change change : changes) {
            byCollection.computeIfAbsent(change.link().collection(), c -> new ArrayList<>()).add(change);
        }
        Set<String> failedItems = new TreeSet<>();
        byCollection.forEach((collection, all) -> {
            for (int from = 0; from < all.size(); from += WooBatch.MAX_ITEMS) {
                List<Change> chunk = all.subList(from, Math.min(all.size(), from + WooBatch.MAX_ITEMS));
                failedItems.addAll(send(context, woo, collection, chunk));
            }
        });
        return failedItems;
    }

    private Set<String> send(SyncContext context, WooClient woo, String collection, List<Change> chunk) {
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
        List<CatalogLink> accepted = new ArrayList<>();
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
        transactions.inTenant(context.tenantId(), null, () -> {
            accepted.forEach(link -> links.save(context.tenantId(), context.siteId(), link));
            return null;
        });
        return failed;
    }
}
