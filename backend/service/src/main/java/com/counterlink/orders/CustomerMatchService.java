package com.counterlink.orders;

import com.counterlink.bridge.BridgeCalls;
import com.counterlink.bridge.protocol.Check;
import com.counterlink.bridge.protocol.InvalidParameterException;
import com.counterlink.bridge.protocol.operations.FindCustomerMatches;
import com.counterlink.identity.CurrentUser;
import com.counterlink.orders.OrderViews.CustomerIdentity;
import com.counterlink.orders.OrderViews.CustomerMatches;
import com.counterlink.platform.web.ApiException;
import com.counterlink.tenancy.TenantAccess;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.inject.Singleton;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Possible Counterpoint customers for a web customer, for a person to choose from when relinking. The
 * bridge finds candidates live; {@link MatchScorer} ranks them. Automatic linking stays exact e-mail only.
 */
@Singleton
public class CustomerMatchService {

    static final int LIMIT = 10;
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final TenantAccess access;
    private final OrderLedger ledger;
    private final BridgeCalls calls;

    CustomerMatchService(TenantAccess access, OrderLedger ledger, BridgeCalls calls) {
        this.access = access;
        this.ledger = ledger;
        this.calls = calls;
    }

    public CustomerMatches matches(CurrentUser user, UUID tenantId, UUID identityId) {
        record Known(CustomerIdentity identity, WebCustomer web) {
        }
        Known known = access.asMember(user, tenantId, m -> {
            CustomerIdentity identity = ledger.identityById(identityId)
                    .orElseThrow(() -> ApiException.notFound("Customer identity"));
            JsonNode billing = ledger.latestBilling(identity).map(CustomerMatchService::parse).orElse(null);
            return new Known(identity, WebCustomer.of(identity.email(), billing));
        });
        String linked = known.identity().custNo();
        Optional<FindCustomerMatches> request = request(known.web());
        if (request.isEmpty()) {
            return new CustomerMatches(identityId, linked, known.web(), List.of());
        }
        FindCustomerMatches.Result found = calls.callForPerson(tenantId, request.get(), WAIT, "Counterpoint could not be searched",
                ". You can still type a customer number.");
        return new CustomerMatches(identityId, linked, known.web(), MatchScorer.score(known.web(), found.candidates(), linked));
    }

    /**
     * The bridge's request, each field cut to what Counterpoint keeps; empty when the web customer has
     * nothing to search by (no usable e-mail, phone or last name).
     */
    static Optional<FindCustomerMatches> request(WebCustomer web) {
        String email;
        try {
            email = web.email() == null ? null : Check.email("email", web.email(), 50);
        } catch (InvalidParameterException e) {
            email = null; // longer or stranger than an AR_CUST e-mail can be: no customer has it
        }
        try {
            return Optional.of(new FindCustomerMatches(email, fit(web.firstName(), 15), fit(web.lastName(), 25),
                    fit(web.phone(), 25), fit(web.zip(), 15), fit(web.address1(), 40), LIMIT));
        } catch (InvalidParameterException e) {
            return Optional.empty();
        }
    }

    private static String fit(String value, int max) {
        if (value == null) {
            return null;
        }
        String clean = value.replaceAll("\\p{Cntrl}", " ").strip();
        return clean.isEmpty() ? null : clean.substring(0, Math.min(clean.length(), max)).strip();
    }

    private static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (Exception e) {
            return null;
        }
    }
}
