package com.counterlink.sync.catalog;

import com.counterlink.bridge.protocol.Check;
import com.counterlink.bridge.protocol.operations.PriceLevel;
import com.counterlink.platform.web.ApiException;
import com.counterlink.platform.web.ErrorCode;
import com.counterlink.platform.web.Problem;
import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.Size;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What a store takes from Counterpoint and how: its stock locations, price levels, safety buffer,
 * the status of new products and which descriptive fields the connector keeps overwriting.
 * Every value is valid: {@link #from} names each bad field, and {@link #defaults()} is a usable start.
 */
@Serdeable
@Introspected
public record CatalogSettings(List<String> locations, PriceLevel regularPriceLevel, SaleSource saleSource,
                              @Nullable PriceLevel salePriceLevel, int safetyBuffer, boolean newProductsAsDraft,
                              FieldOwnership ownership) {

    public static final int MAX_LOCATIONS = 20;
    public static final int MAX_SAFETY_BUFFER = 100_000;
    /** IM_LOC.LOC_ID. */
    private static final int LOCATION_LENGTH = 10;

    /** Where a WooCommerce sale price comes from. */
    public enum SaleSource { NONE, PRICE_LEVEL, PROMOTIONS }

    /** SET_ONCE: written when the product is created or adopted, then the merchant's; ALWAYS: kept equal to Counterpoint. */
    public enum Ownership { SET_ONCE, ALWAYS }

    @Serdeable
    public record FieldOwnership(Ownership name, Ownership descriptions, Ownership categories) {
        public static FieldOwnership defaults() {
            return new FieldOwnership(Ownership.SET_ONCE, Ownership.SET_ONCE, Ownership.SET_ONCE);
        }
    }

    /** Stock from no location yet (the inventory job asks for one), regular price, no sale, no buffer, drafts. */
    public static CatalogSettings defaults() {
        return new CatalogSettings(List.of(), PriceLevel.REG_PRC, SaleSource.NONE, null, 0, true, FieldOwnership.defaults());
    }

    /** The settings a PUT describes; a missing value keeps its default. */
    @Serdeable
    public record Command(@Nullable @Size(max = 100, message = "at most 100 locations") List<String> locations,
                          @Nullable String regularPriceLevel, @Nullable String saleSource,
                          @Nullable String salePriceLevel, @Nullable Integer safetyBuffer, @Nullable Boolean newProductsAsDraft,
                          @Nullable OwnershipCommand ownership) {
    }

    @Serdeable
    public record OwnershipCommand(@Nullable String name, @Nullable String descriptions, @Nullable String categories) {
    }

    public static CatalogSettings from(Command command) {
        CatalogSettings d = defaults();
        List<Problem.FieldError> errors = new ArrayList<>();
        List<String> locations = d.locations();
        if (command.locations() != null) {
            LinkedHashSet<String> unique = new LinkedHashSet<>();
            for (String location : command.locations()) {
                Optional<String> problem = Check.codeProblem(location == null ? null : location.strip(), LOCATION_LENGTH);
                if (problem.isPresent()) {
                    errors.add(new Problem.FieldError("locations", "each location is a Counterpoint LOC_ID; “"
                            + Check.shown(location) + "” " + problem.get()));
                    break;
                }
                unique.add(location.strip().toUpperCase(Locale.ROOT));
            }
            if (unique.size() > MAX_LOCATIONS) {
                errors.add(new Problem.FieldError("locations", "at most " + MAX_LOCATIONS + " locations"));
            }
            locations = List.copyOf(unique);
        }
        PriceLevel regular = command.regularPriceLevel() == null ? d.regularPriceLevel()
                : parse(PriceLevel.class, "regularPriceLevel", command.regularPriceLevel(), errors, d.regularPriceLevel());
        SaleSource source = command.saleSource() == null ? d.saleSource()
                : parse(SaleSource.class, "saleSource", command.saleSource(), errors, d.saleSource());
        PriceLevel saleLevel = command.salePriceLevel() == null ? null
                : parse(PriceLevel.class, "salePriceLevel", command.salePriceLevel(), errors, null);
        if (source == SaleSource.PRICE_LEVEL && saleLevel == null && command.salePriceLevel() == null) {
            errors.add(new Problem.FieldError("salePriceLevel", "is required when saleSource is PRICE_LEVEL"));
        } else if (source == SaleSource.PRICE_LEVEL && saleLevel == regular) {
            errors.add(new Problem.FieldError("salePriceLevel", "must differ from regularPriceLevel"));
        }
        if (source != SaleSource.PRICE_LEVEL) {
            saleLevel = null;
        }
        int buffer = command.safetyBuffer() == null ? d.safetyBuffer() : command.safetyBuffer();
        if (buffer < 0 || buffer > MAX_SAFETY_BUFFER) {
            errors.add(new Problem.FieldError("safetyBuffer", "must be between 0 and " + MAX_SAFETY_BUFFER));
        }
        boolean draft = command.newProductsAsDraft() == null ? d.newProductsAsDraft() : command.newProductsAsDraft();
        FieldOwnership ownership = d.ownership();
        if (command.ownership() != null) {
            OwnershipCommand o = command.ownership();
            ownership = new FieldOwnership(
                    o.name() == null ? ownership.name() : parse(Ownership.class, "ownership.name", o.name(), errors, null),
                    o.descriptions() == null ? ownership.descriptions()
                            : parse(Ownership.class, "ownership.descriptions", o.descriptions(), errors, null),
                    o.categories() == null ? ownership.categories()
                            : parse(Ownership.class, "ownership.categories", o.categories(), errors, null));
        }
        if (!errors.isEmpty()) {
            throw new ApiException(ErrorCode.VALIDATION_FAILED, "Invalid catalog settings: "
                    + String.join(", ", errors.stream().map(Problem.FieldError::field).toList()), errors);
        }
        return new CatalogSettings(locations, regular, source, saleLevel, buffer, draft, ownership);
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String field, String value, List<Problem.FieldError> errors,
                                               E fallback) {
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            List<String> allowed = new ArrayList<>();
            for (E constant : type.getEnumConstants()) {
                allowed.add(constant.name());
            }
            errors.add(new Problem.FieldError(field, "must be one of " + String.join(", ", allowed)));
            return fallback;
        }
    }
}
