package com.counterlink.sync.catalog;

import com.counterlink.bridge.protocol.operations.ReadPrices;
import io.micronaut.core.annotation.Nullable;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The sale an item gets from Counterpoint's promotional price rules: the running promotion (or, if
 * none runs, the next one) whose first matching rule prices one unit below the regular price.
 * Item filters are understood when they are equality tests on IM_ITEM columns joined by AND or OR;
 * any other filter is refused rather than guessed.
 */
public final class PromotionPricer {

    private static final Pattern TEST = Pattern.compile("\\(?\\s*IM_ITEM\\.(\\w+)\\s*=\\s*'([^']*)'\\s*\\)?");
    private static final Pattern JOIN = Pattern.compile("\\s+(AND|OR)\\s+", Pattern.CASE_INSENSITIVE);

    /** What the rules need to know about an item. */
    public record ItemFacts(String itemNo, @Nullable String categoryCode) {
    }

    public record Sale(BigDecimal price, @Nullable LocalDateTime from, @Nullable LocalDateTime to, String promotion) {
    }

    public static class UnsupportedFilterException extends RuntimeException {
        public UnsupportedFilterException(String filter) {
            super("the price rule filter " + filter + " is not one the connector can evaluate");
        }
    }

    private PromotionPricer() {
    }

    public static Optional<Sale> sale(List<ReadPrices.Promotion> promotions, ItemFacts item, BigDecimal regular,
                                      @Nullable BigDecimal price1, LocalDateTime nowUtc) {
        Optional<Sale> running = Optional.empty();
        Optional<Sale> next = Optional.empty();
        for (ReadPrices.Promotion promotion : promotions) {
            boolean ended = promotion.ends() != null && !promotion.ends().isAfter(nowUtc);
            if (!promotion.enabled() || ended) {
                continue;
            }
            Optional<BigDecimal> price = price(promotion, item, regular, price1);
            if (price.isEmpty() || price.get().compareTo(regular) >= 0) {
                continue;
            }
            Sale sale = new Sale(SitePrice.money(price.get()), promotion.begins(), promotion.ends(), promotion.groupCode());
            boolean started = promotion.begins() == null || !promotion.begins().isAfter(nowUtc);
            if (started && running.isEmpty()) {
                running = Optional.of(sale);
            } else if (!started && (next.isEmpty() || promotion.begins().isBefore(next.get().from()))) {
                next = Optional.of(sale);
            }
        }
        return running.isPresent() ? running : next;
    }

    private static Optional<BigDecimal> price(ReadPrices.Promotion promotion, ItemFacts item, BigDecimal regular,
                                              @Nullable BigDecimal price1) {
        for (ReadPrices.Rule rule : promotion.rules()) {
            if (!matches(rule.itemFilter(), item)) {
                continue;
            }
            return rule.breaks().stream()
                    .filter(b -> b.minQuantity() == null || b.minQuantity().compareTo(BigDecimal.ONE) <= 0)
                    .findFirst()
                    .flatMap(b -> unitPrice(b, regular, price1));
        }
        return Optional.empty();
    }

    private static Optional<BigDecimal> unitPrice(ReadPrices.Break b, BigDecimal regular, @Nullable BigDecimal price1) {
        BigDecimal basis = "1".equals(b.priceBasis()) && price1 != null ? price1 : regular;
        BigDecimal amount = b.amountOrPercent();
        if (amount == null || b.priceMethod() == null) {
            return Optional.empty();
        }
        return switch (b.priceMethod().toUpperCase(Locale.ROOT)) {
            case "D" -> Optional.of(basis.multiply(BigDecimal.valueOf(100).subtract(amount))
                    .divide(BigDecimal.valueOf(100), 2, RoundingMode.HALF_UP));
            case "F", "O" -> Optional.of(amount);
            case "A" -> Optional.of(basis.subtract(amount).max(BigDecimal.ZERO));
            default -> Optional.empty(); // markup on cost: the connector does not read costs
        };
    }

    static boolean matches(@Nullable String filter, ItemFacts item) {
        if (filter == null || filter.isBlank()) {
            return true;
        }
        String[] parts = JOIN.split(filter.strip());
        Matcher joins = JOIN.matcher(filter.strip());
        Boolean result = null;
        String pendingJoin = null;
        for (String part : parts) {
            Matcher test = TEST.matcher(part.strip());
            if (!test.matches()) {
                throw new UnsupportedFilterException(filter);
            }
            boolean value = switch (test.group(1).toUpperCase(Locale.ROOT)) {
                case "ITEM_NO" -> test.group(2).equalsIgnoreCase(item.itemNo());
                case "CATEG_COD" -> test.group(2).equalsIgnoreCase(item.categoryCode() == null ? "" : item.categoryCode());
                default -> throw new UnsupportedFilterException(filter);
            };
            result = result == null ? value : "AND".equalsIgnoreCase(pendingJoin) ? result && value : result || value;
            pendingJoin = joins.find() ? joins.group(1) : null;
        }
        return Boolean.TRUE.equals(result);
    }
}
