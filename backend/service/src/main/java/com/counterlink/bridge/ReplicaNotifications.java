package com.counterlink.bridge;

import com.counterlink.platform.db.TxSql;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Value;
import jakarta.annotation.PreDestroy;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * Tells the other backend replicas, through PostgreSQL's LISTEN/NOTIFY, that a tenant's task was
 * queued or a task finished, so a bridge polling replica A picks up a task queued on replica B at
 * once, and a caller on B learns at once that A stored its result. Notifications are sent on
 * commit and only wake waiters; the table stays the truth, and waiters re-read it every
 * {@code recheck} if a notification is lost (e.g. while this listener reconnects).
 */
@Context
class ReplicaNotifications {

    private static final Logger LOG = LoggerFactory.getLogger(ReplicaNotifications.class);
    private static final String CHANNEL = "counterlink_bridge_tasks";

    private final String replica = UUID.randomUUID().toString();
    private final TxSql sql;
    private final TaskSignals signals;
    private final TaskResults results;
    private final String url;
    private final String user;
    private final String password;
    private final Thread listener;
    private volatile boolean stopped;
    private volatile Connection connection;

    ReplicaNotifications(TxSql sql, TaskSignals signals, TaskResults results,
                         @Value("${datasources.default.url}") String url,
                         @Value("${datasources.default.username}") String user,
                         @Value("${datasources.default.password}") String password,
                         @Value("${counterlink.bridge.replica-notifications:true}") boolean enabled) {
        this.sql = sql;
        this.signals = signals;
        this.results = results;
        this.url = url;
        this.user = user;
        this.password = password;
        this.listener = Thread.ofPlatform().daemon().name("bridge-task-notifications").unstarted(this::listen);
        if (enabled) {
            listener.start();
        }
    }

    /** What a statement sends with {@code pg_notify(channel, payload)} so that it needs no round trip of its own. */
    record Notice(String channel, String payload) {
    }

    /** Inside the transaction that queued or released tasks of the tenant. */
    void tasksQueued(UUID tenantId) {
        publish(queued(tenantId));
    }

    Notice queued(UUID tenantId) {
        return new Notice(CHANNEL, replica + " q " + tenantId);
    }

    Notice finished(UUID taskId) {
        return new Notice(CHANNEL, replica + " f " + taskId);
    }

    private void publish(Notice notice) {
        sql.queryOne("SELECT pg_notify(?, ?)", row -> true, notice.channel(), notice.payload());
    }

    private void listen() {
        long backoffMillis = 500;
        while (!stopped) {
            try (Connection c = DriverManager.getConnection(url, user, password)) {
                connection = c;
                try (Statement statement = c.createStatement()) {
                    statement.execute("LISTEN " + CHANNEL);
                }
                backoffMillis = 500;
                PGConnection pg = c.unwrap(PGConnection.class);
                while (!stopped) {
                    PGNotification[] received = pg.getNotifications(5_000);
                    if (received != null) {
                        for (PGNotification notification : received) {
                            apply(notification.getParameter());
                        }
                    }
                }
            } catch (SQLException | RuntimeException e) {
                if (stopped) {
                    return;
                }
                LOG.warn("Listening for other replicas' bridge tasks failed ({}); reconnecting in {} ms, "
                        + "meanwhile waiters re-read the table", e.getMessage(), backoffMillis);
                sleep(backoffMillis);
                backoffMillis = Math.min(backoffMillis * 2, 30_000);
            }
        }
    }

    private void apply(String payload) {
        String[] parts = payload.split(" ");
        if (parts.length != 3 || parts[0].equals(replica)) {
            return;
        }
        try {
            UUID id = UUID.fromString(parts[2]);
            switch (parts[1]) {
                case "q" -> signals.signal(id);
                case "f" -> results.finishedElsewhere(id);
                default -> LOG.debug("Ignoring bridge task notification {}", payload);
            }
        } catch (IllegalArgumentException e) {
            LOG.debug("Ignoring bridge task notification {}", payload);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @PreDestroy
    void stop() {
        stopped = true;
        Connection c = connection;
        if (c != null) {
            try {
                c.close();
            } catch (SQLException ignored) {
                // closing only ends the listening; nothing to recover
            }
        }
        listener.interrupt();
    }
}
