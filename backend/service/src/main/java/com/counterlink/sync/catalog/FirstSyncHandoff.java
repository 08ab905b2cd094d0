package com.counterlink.sync.catalog;

import com.counterlink.bridge.protocol.operations.ReadPriceChanges;
import com.counterlink.bridge.protocol.operations.ReadStockChanges;
import com.counterlink.bridge.protocol.operations.StockCursor;
import com.counterlink.platform.db.TenantTransactions;
import com.counterlink.platform.db.TxSql;
import com.counterlink.sync.BridgeOfflineException;
import com.counterlink.sync.JobType;
import com.counterlink.sync.SiteJobLock;
import com.counterlink.sync.SyncContext;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A store's first products run creates every product with its stock and prices, so the inventory and
 * pricing jobs need not read the whole catalog again afterwards: at its end the run sets their
 * watermarks to the positions Counterpoint's stock and price feeds had before its first read, and
 * their next runs follow the feeds from there.
 *
 * <p>Every value the run sent was read after those positions, so any change it may have missed comes
 * after them and the next run reads it, whatever another run did meanwhile: setting the watermark
 * back is always safe, provided that no run of that job is going on (it could still move the
 * watermark past a change it read before the new rows existed; the job's lock is held while the
 * watermark is set) and the store's settings are those the values were computed with (the settings
 * row is locked in the same transaction, since saving settings forgets the watermarks). Otherwise, or
 * when the run did not complete, the next runs are asked to read the created items again
 * ({@link CatalogRechecks}), as after any later products run.
 */
@Singleton
public class FirstSyncHandoff {

    private static final Logger LOG = LoggerFactory.getLogger(FirstSyncHandoff.class);

    private final TenantTransactions transactions;
    private final TxSql sql;
    private final Counterpoint counterpoint;
    private final Watermarks watermarks;
    private final CatalogRechecks rechecks;
    private final SiteJobLock locks;
    private final CatalogSettingsStore settingsStore;

    public FirstSyncHandoff(TenantTransactions transactions, TxSql sql, Counterpoint counterpoint, Watermarks watermarks,
                            CatalogRechecks rechecks, SiteJobLock locks, CatalogSettingsStore settingsStore) {
        this.settingsStore = settingsStore;
        this.transactions = transactions;
        this.sql = sql;
        this.counterpoint = counterpoint;
        this.watermarks = watermarks;
        this.rechecks = rechecks;
        this.locks = locks;
    }

    /** A products run's record of what it created with which values, and where the feeds stood before it read. */
    final class Run {
        private final SyncContext context;
        private final CatalogSettings settings;
        @Nullable
        private final StockCursor stockBefore;
        private final ReadPriceChanges.Page pricesBefore;
        private final LocalDateTime pricedFrom;
        private final Set<String> stockSent = ConcurrentHashMap.newKeySet();
        private final Set<String> pricesSent = ConcurrentHashMap.newKeySet();

        private Run(SyncContext context, CatalogSettings settings, LocalDateTime pricedFrom, @Nullable StockCursor stockBefore,
                    ReadPriceChanges.Page pricesBefore) {
            this.context = context;
            this.settings = settings;
            this.pricedFrom = pricedFrom;
            this.stockBefore = stockBefore;
            this.pricesBefore = pricesBefore;
        }

        /** New rows were stored with these values (called from the write that stores them). */
        void stored(List<CatalogLink> rows) {
            rows.stream().filter(row -> row.sentQty() != null).forEach(row -> stockSent.add(row.itemNo()));
            rows.stream().filter(row -> row.sentRegular() != null).forEach(row -> pricesSent.add(row.itemNo()));
        }

        /** At the run's end: the feeds' positions to the inventory and pricing jobs, or the created items to read again. */
        void finish(boolean completed) {
            handOff(JobType.INVENTORY, completed && stockBefore != null, stockSent,
                    () -> watermarks.advanceStock(context.tenantId(), context.siteId(), stockBefore));
            handOff(JobType.PRICING, completed && pricesBefore.newest() != null, pricesSent,
                    () -> watermarks.advancePrices(context.tenantId(), context.siteId(), new Watermarks.PriceMark(pricesBefore.newest(),
                            pricesBefore.promotions().changedAtUtc(), pricesBefore.promotions().rows(), pricedFrom)));
        }

        private void handOff(JobType job, boolean possible, Set<String> created, Runnable giveWatermark) {
            try (SiteJobLock.Held held = possible ? locks.tryLock(context.siteId(), job).orElse(null) : null) {
                transactions.inTenant(context.tenantId(), null, () -> {
                    if (held != null && settingsStore.savedForUpdate(context.siteId()).filter(settings::equals).isPresent()) {
                        giveWatermark.run();
                    } else {
                        rechecks.request(context.tenantId(), context.siteId(), job, List.copyOf(created));
                    }
                    return null;
                });
            } catch (RuntimeException e) {
                LOG.error("the first products run of store {} could not hand over to the {} job", context.siteId(), job, e);
            }
        }
    }

    /**
     * For a products run of a store without rows yet (its first sync, or one after every row was removed), where the
     * feeds stand now; none otherwise.
     */
    Optional<Run> begin(SyncContext context, CatalogSettings settings) throws BridgeOfflineException {
        // promotions beginning or ending after this are applied again by the next pricing run
        LocalDateTime pricedFrom = LocalDateTime.now(ZoneOffset.UTC);
        boolean noRows = transactions.inTenant(context.tenantId(), null, () -> sql.queryOne(
                "SELECT NOT EXISTS (SELECT 1 FROM catalog_links WHERE site_id = ?)", row -> row.getBoolean(1), context.siteId())
                .orElse(false));
        if (!noRows) {
            return Optional.empty();
        }
        StockCursor stockBefore = settings.locations().isEmpty() ? null
                : counterpoint.read(context.tenantId(), new ReadStockChanges(null, settings.locations(), 1)).newest();
        ReadPriceChanges.Page pricesBefore = counterpoint.read(context.tenantId(), new ReadPriceChanges(null, 1));
        return Optional.of(new Run(context, settings, pricedFrom, stockBefore, pricesBefore));
    }
}
