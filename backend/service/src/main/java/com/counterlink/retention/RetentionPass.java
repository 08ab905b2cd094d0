package com.counterlink.retention;

import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * One pass over every tenant: for each table, batches of at most {@code batch-size} rows until none is left past its
 * age, resting {@code pause} after each full batch. A failing batch is logged and the pass goes on with the next
 * table; the next pass tries again. Counts per table are logged at the end.
 */
@Singleton
class RetentionPass {

    private static final Logger LOG = LoggerFactory.getLogger(RetentionPass.class);

    private final RetentionRules rules;
    private final RetentionDatabase database;
    private final int batchSize;
    private final Duration pause;

    RetentionPass(RetentionRules rules, RetentionDatabase database, RetentionSettings settings) {
        this.rules = rules;
        this.database = database;
        this.batchSize = settings.getBatchSize();
        this.pause = settings.getPause();
    }

    RetentionResult run() {
        Instant start = Instant.now();
        Counts counts = new Counts();
        rules.all().forEach(rule -> counts.deleted.put(rule.table(), 0L));
        int tenants = 0;
        boolean interrupted = false;
        try {
            for (UUID tenantId : database.tenantIds()) {
                tenants++;
                for (RetentionRule rule : rules.perTenant()) {
                    prune(rule, tenantId, start, counts);
                }
            }
            for (RetentionRule rule : rules.global()) {
                prune(rule, null, start, counts);
            }
        } catch (InterruptedException e) {
            // the replica is stopping: what was deleted stays deleted, the next pass does the rest
            Thread.currentThread().interrupt();
            interrupted = true;
        }
        RetentionResult result = new RetentionResult(Map.copyOf(counts.deleted), tenants, counts.batches, counts.failures,
                Duration.between(start, Instant.now()), interrupted);
        log(result);
        return result;
    }

    private void prune(RetentionRule rule, UUID tenantId, Instant now, Counts counts) throws InterruptedException {
        Instant cutoff = now.minus(rule.keep());
        int deleted;
        do {
            try {
                deleted = database.deleteBatch(rule, tenantId, cutoff, batchSize);
            } catch (RuntimeException e) {
                counts.failures++;
                LOG.warn("Retention: deleting from {} for tenant {} failed: {}", rule.table(),
                        tenantId == null ? "-" : tenantId, e.getMessage());
                return;
            }
            counts.batches++;
            counts.deleted.merge(rule.table(), (long) deleted, Long::sum);
            if (deleted == batchSize && !pause.isZero()) {
                Thread.sleep(pause);
            }
        } while (deleted == batchSize);
    }

    private static void log(RetentionResult result) {
        String summary = "Retention pass over " + result.tenants() + " tenants in " + result.took().toMillis() + " ms, "
                + result.batches() + " batches, deleted " + new TreeMap<>(result.deleted());
        if (result.failures() > 0 || result.interrupted()) {
            LOG.warn("{}; {} failed batches{}", summary, result.failures(),
                    result.interrupted() ? "; interrupted, the next pass does the rest" : "");
        } else {
            LOG.info(summary);
        }
    }

    private static final class Counts {
        final Map<String, Long> deleted = new LinkedHashMap<>();
        int batches;
        int failures;
    }
}
