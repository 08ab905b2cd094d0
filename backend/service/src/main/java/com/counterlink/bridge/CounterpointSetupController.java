package com.counterlink.bridge;

import com.counterlink.bridge.protocol.operations.ReadSetup;
import com.counterlink.identity.CurrentUser;
import com.counterlink.tenancy.TenantAccess;
import com.counterlink.tenancy.TenantAction;
import com.counterlink.tenancy.TenantEndpoint;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

/**
 * What a store's settings choose from, read live from the company's Counterpoint through its
 * bridge: stores, stations, drawers, stock locations, pay codes and tax codes.
 */
@Controller("/api/tenants/{tenantId}/counterpoint/setup")
@Secured(SecurityRule.IS_AUTHENTICATED)
public class CounterpointSetupController {

    private static final Duration WAIT = Duration.ofSeconds(20);

    private final TenantAccess access;
    private final BridgeCalls calls;

    public CounterpointSetupController(TenantAccess access, BridgeCalls calls) {
        this.access = access;
        this.calls = calls;
    }

    @Get
    @TenantEndpoint(TenantAction.READ)
    public Setup setup(@PathVariable UUID tenantId, Authentication authentication) {
        access.asMember(CurrentUser.from(authentication), tenantId, member -> null);
        return Setup.of(calls.callForPerson(tenantId, new ReadSetup(), WAIT, "Counterpoint could not be read", ""));
    }

    @Serdeable
    public record Setup(List<ReadSetupStore> stores, List<ReadSetupStation> stations, List<ReadSetupDrawer> drawers,
                        List<ReadSetupCode> locations, List<ReadSetupCode> payCodes, List<ReadSetupCode> taxCodes) {

        static Setup of(ReadSetup.Result r) {
            return new Setup(
                    r.stores().stream().map(s -> new ReadSetupStore(s.storeId(), s.description(), s.stockLocationId())).toList(),
                    r.stations().stream().map(s -> new ReadSetupStation(s.storeId(), s.stationId(), s.description())).toList(),
                    r.drawers().stream().map(d -> new ReadSetupDrawer(d.storeId(), d.drawerId())).toList(),
                    codes(r.locations()), codes(r.payCodes()), codes(r.taxCodes()));
        }

        private static List<ReadSetupCode> codes(List<ReadSetup.Code> codes) {
            return codes.stream().map(c -> new ReadSetupCode(c.code(), c.description())).toList();
        }
    }

    @Serdeable
    public record ReadSetupStore(String storeId, String description, String stockLocationId) {
    }

    @Serdeable
    public record ReadSetupStation(String storeId, String stationId, String description) {
    }

    @Serdeable
    public record ReadSetupDrawer(String storeId, String drawerId) {
    }

    @Serdeable
    public record ReadSetupCode(String code, String description) {
    }
}
