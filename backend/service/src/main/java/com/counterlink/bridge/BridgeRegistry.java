package com.counterlink.bridge;

import com.counterlink.platform.db.TxSql;
import com.counterlink.bridge.protocol.WireMessages.ChangeMarks;
import com.counterlink.bridge.protocol.WireMessages.CounterpointStatus;
import com.counterlink.sync.JobType;
import io.micronaut.context.event.ApplicationEventPublisher;
import java.util.EnumSet;
import java.util.Set;
import com.counterlink.audit.AuditLog;
import com.counterlink.bridge.protocol.EnrollmentToken;
import com.counterlink.bridge.protocol.RequestSignature;
import com.counterlink.bridge.protocol.WireMessages.EnrollmentRequest;
import com.counterlink.bridge.protocol.WireMessages.EnrollmentResponse;
import com.counterlink.bridge.protocol.WireMessages.Heartbeat;
import com.counterlink.identity.CurrentUser;
import com.counterlink.platform.db.TenantTransactions;
import com.counterlink.platform.web.ApiException;
import com.counterlink.platform.web.ErrorCode;
import com.counterlink.tenancy.TenantAccess;
import jakarta.inject.Singleton;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Enrollment tokens, enrollment, heartbeats, the portal's bridge list and revocation. */
@Singleton
public class BridgeRegistry {

    private final TenantTransactions transactions;
    private final TenantAccess access;
    private final TxSql sql;
    private final BridgeSettings settings;
    private final AuditLog audit;
    private final ApplicationEventPublisher<CounterpointChanged> events;
    private final ApplicationEventPublisher<CounterpointAnswering> answering;

    BridgeRegistry(TenantTransactions transactions, TenantAccess access, TxSql sql, BridgeSettings settings,
                   AuditLog audit, ApplicationEventPublisher<CounterpointChanged> events,
                   ApplicationEventPublisher<CounterpointAnswering> answering) {
        this.answering = answering;
        this.transactions = transactions;
        this.access = access;
        this.sql = sql;
        this.settings = settings;
        this.audit = audit;
        this.events = events;
    }

    public EnrollmentTokenView issueToken(CurrentUser user, UUID tenantId, String serverUrl) {
        return access.asOwner(user, tenantId, owner -> {
            EnrollmentToken token = EnrollmentToken.generate(tenantId);
            Instant expires = Instant.now().plus(settings.getTokenLifetime()).truncatedTo(ChronoUnit.SECONDS);
            UUID id = UUID.randomUUID();
            sql.update("INSERT INTO bridge_enrollment_tokens (id, tenant_id, secret_hash, created_by, expires_at) "
                    + "VALUES (?, ?, ?, ?, ?)", id, tenantId, token.secretHash(), user.subject(), at(expires));
            audit.record(tenantId, user, "bridge.token_issued", "bridge_enrollment_token", id.toString(),
                    Map.of("expiresAt", expires.toString()));
            return new EnrollmentTokenView(token.toString(), expires, enrollCommand(serverUrl, token.toString()));
        });
    }

    /** The exact line the retailer runs; the angle-bracketed parts are theirs to fill in. */
    static String enrollCommand(String serverUrl, String token) {
        return "java -jar counterlink-bridge.jar enroll --server " + serverUrl + " --token " + token
                + " --counterpoint-url \"jdbc:sqlserver://localhost;databaseName=<COMPANY>;encrypt=true;trustServerCertificate=true\""
                + " --counterpoint-user \"<SQL_USER>\" --counterpoint-password \"<SQL_PASSWORD>\"";
    }

    EnrollmentResponse enroll(EnrollmentRequest request) {
        EnrollmentToken token;
        try {
            token = EnrollmentToken.parse(request.token());
        } catch (IllegalArgumentException e) {
            throw new ApiException(ErrorCode.ENROLLMENT_TOKEN_INVALID,
                    "This is not a Counterlink enrollment token; copy it again from the portal");
        }
        String name = request.name() == null || request.name().isBlank() ? "Bridge" : request.name().strip();
        if (name.length() > 120) {
            throw ApiException.invalidField("name", "must be at most 120 characters");
        }
        try {
            RequestSignature.decodePublicKey(request.publicKey());
        } catch (IllegalArgumentException e) {
            throw ApiException.invalidField("publicKey", "is not an Ed25519 public key");
        }
        return transactions.inTenant(token.tenantId(), null, () -> {
            TokenState state = sql.queryOne("SELECT id, used_at IS NOT NULL, expires_at < now() "
                            + "FROM bridge_enrollment_tokens WHERE tenant_id = ? AND secret_hash = ? FOR UPDATE",
                            row -> new TokenState(row.getObject(1, UUID.class), row.getBoolean(2), row.getBoolean(3)),
                            token.tenantId(), token.secretHash())
                    .orElseThrow(() -> new ApiException(ErrorCode.ENROLLMENT_TOKEN_INVALID,
                            "This enrollment token is not known; issue a new one in the portal"));
            if (state.used()) {
                throw new ApiException(ErrorCode.ENROLLMENT_TOKEN_INVALID,
                        "This enrollment token was already used; issue a new one in the portal");
            }
            if (state.expired()) {
                throw new ApiException(ErrorCode.ENROLLMENT_TOKEN_INVALID,
                        "This enrollment token has expired; issue a new one in the portal");
            }
            UUID bridgeId = UUID.randomUUID();
            sql.update("INSERT INTO bridges (id, tenant_id, name, status, public_key, version) VALUES (?, ?, ?, 'ENROLLED', ?, ?)",
                    bridgeId, token.tenantId(), name, request.publicKey(), truncate(request.version(), 40));
            sql.update("UPDATE bridge_enrollment_tokens SET used_at = now(), bridge_id = ? WHERE id = ?", bridgeId, state.id());
            audit.record(token.tenantId(), new CurrentUser("bridge:" + bridgeId, null, name, List.of()),
                    "bridge.enrolled", "bridge", bridgeId.toString(), Map.of("name", name));
            return new EnrollmentResponse(token.tenantId(), bridgeId, name);
        });
    }

    void heartbeat(AuthenticatedBridge bridge, Heartbeat heartbeat) {
        Integer latency = heartbeat.latencyMs() == null ? null : Math.max(0, Math.min(heartbeat.latencyMs(), 600_000));
        CounterpointStatus counterpoint = heartbeat.counterpoint();
        boolean unreachable = counterpoint != null && !counterpoint.reachable();
        // the bridge's clock may be off: its "since" is kept only when it is not in the future
        Instant since = !unreachable || counterpoint.unreachableSince() == null
                || counterpoint.unreachableSince().isAfter(Instant.now()) ? Instant.now() : counterpoint.unreachableSince();
        boolean[] answersAgain = {false};
        Set<JobType> changed = transactions.inTenant(bridge.tenantId(), null, () -> {
            answersAgain[0] = counterpoint != null && !unreachable && sql.queryOne("SELECT counterpoint_unreachable_since"
                    + " IS NOT NULL FROM bridges WHERE id = ? FOR UPDATE", row -> row.getBoolean(1), bridge.bridgeId()).orElse(false);
            // a heartbeat that says nothing about Counterpoint (an older bridge, or the doctor command's) leaves it as it was
            sql.update("UPDATE bridges SET version = ?, latency_ms = COALESCE(?, latency_ms), last_seen_at = now(),"
                            + " counterpoint_unreachable_since = CASE WHEN NOT ? THEN counterpoint_unreachable_since"
                            + " WHEN ? THEN COALESCE(counterpoint_unreachable_since, ?) ELSE NULL END WHERE id = ?",
                    truncate(heartbeat.version(), 40), latency, counterpoint != null, unreachable, at(since), bridge.bridgeId());
            // signed requests older than the allowed skew cannot be replayed anyway
            sql.update("DELETE FROM bridge_nonces WHERE bridge_id = ? AND seen_at < ?", bridge.bridgeId(),
                    at(Instant.now().minus(settings.getMaxClockSkew().multipliedBy(2))));
            return heartbeat.changes() == null ? Set.<JobType>of() : recordChanges(bridge, heartbeat.changes());
        });
        if (!changed.isEmpty()) {
            events.publishEvent(new CounterpointChanged(bridge.tenantId(), changed));
        }
        if (answersAgain[0]) {
            answering.publishEvent(new CounterpointAnswering(bridge.tenantId()));
        }
    }

    /** Stores the bridge's change marks and answers the jobs whose data moved since the last ones. */
    private Set<JobType> recordChanges(AuthenticatedBridge bridge, ChangeMarks marks) {
        List<Instant[]> previous = sql.query("SELECT items_changed_at, stock_changed_at, prices_changed_at FROM bridges "
                        + "WHERE id = ? FOR UPDATE",
                row -> new Instant[]{instant(row.getTimestamp(1)), instant(row.getTimestamp(2)), instant(row.getTimestamp(3))},
                bridge.bridgeId());
        if (previous.isEmpty()) {
            return Set.of();
        }
        Instant[] before = previous.get(0);
        Set<JobType> changed = EnumSet.noneOf(JobType.class);
        if (moved(before[0], marks.items())) {
            changed.add(JobType.PRODUCTS);
        }
        if (moved(before[1], marks.stock())) {
            changed.add(JobType.INVENTORY);
        }
        if (moved(before[2], marks.prices())) {
            changed.add(JobType.PRICING);
        }
        sql.update("UPDATE bridges SET items_changed_at = COALESCE(CAST(? AS timestamptz), items_changed_at), "
                        + "stock_changed_at = COALESCE(CAST(? AS timestamptz), stock_changed_at), "
                        + "prices_changed_at = COALESCE(CAST(? AS timestamptz), prices_changed_at) WHERE id = ?",
                at(marks.items()), at(marks.stock()), at(marks.prices()), bridge.bridgeId());
        return changed;
    }

    /** The first marks a bridge reports are a baseline: the scheduled runs cover what came before. */
    private static boolean moved(Instant before, Instant now) {
        return before != null && now != null && now.isAfter(before);
    }


    public List<BridgeView> list(CurrentUser user, UUID tenantId) {
        return access.asMember(user, tenantId, member -> sql.query(
                "SELECT " + VIEW_COLUMNS + " FROM bridges WHERE tenant_id = ? ORDER BY created_at", this::view, tenantId));
    }

    public BridgeView revoke(CurrentUser user, UUID tenantId, UUID bridgeId) {
        return access.asOwner(user, tenantId, owner -> {
            int changed = sql.update("UPDATE bridges SET status = 'REVOKED', revoked_at = now() "
                    + "WHERE id = ? AND status = 'ENROLLED'", bridgeId);
            BridgeView bridge = sql.queryOne("SELECT " + VIEW_COLUMNS + " FROM bridges WHERE id = ?", this::view, bridgeId)
                    .orElseThrow(() -> ApiException.notFound("Bridge"));
            if (changed == 1) {
                audit.record(tenantId, user, "bridge.revoked", "bridge", bridgeId.toString(), Map.of("name", bridge.name()));
            }
            return bridge;
        });
    }

    /** Whether any enrolled bridge of the tenant was heard from recently; call inside the tenant's transaction. */
    /** A bridge seen after this instant is online. */
    Instant onlineSince() {
        return Instant.now().minus(settings.getOnlineWindow());
    }

    private static final String VIEW_COLUMNS = "id, name, status, last_seen_at, version, latency_ms, created_at, revoked_at,"
            + " counterpoint_unreachable_since";

    private BridgeView view(ResultSet row) throws SQLException {
        Instant lastSeen = instant(row.getTimestamp("last_seen_at"));
        String status = row.getString("status");
        boolean online = "ENROLLED".equals(status) && lastSeen != null
                && lastSeen.isAfter(Instant.now().minus(settings.getOnlineWindow()));
        Integer latency = (Integer) row.getObject("latency_ms");
        Instant unreachableSince = instant(row.getTimestamp("counterpoint_unreachable_since"));
        return new BridgeView(row.getObject("id", UUID.class), row.getString("name"), status, online, lastSeen,
                row.getString("version"), latency, instant(row.getTimestamp("created_at")),
                instant(row.getTimestamp("revoked_at")), unreachableSince == null, unreachableSince);
    }

    private record TokenState(UUID id, boolean used, boolean expired) {
    }

    static OffsetDateTime at(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    private static String truncate(String value, int max) {
        return value == null ? null : value.length() <= max ? value : value.substring(0, max);
    }
}
