package com.counterlink.stripe.sandbox.catalog;

import com.counterlink.stripe.sandbox.api.ApiCall;
import com.counterlink.stripe.sandbox.api.ApiError;
import com.counterlink.stripe.sandbox.api.ApiRouter;
import com.counterlink.stripe.sandbox.api.CreatedFilter;
import com.counterlink.stripe.sandbox.api.ListPage;
import com.counterlink.stripe.sandbox.api.ParamNames;
import com.counterlink.stripe.sandbox.api.Params;
import com.counterlink.stripe.sandbox.api.Renderers;
import com.counterlink.stripe.sandbox.core.SandboxClock;
import com.counterlink.stripe.sandbox.event.EventLog;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.LongPredicate;
import java.util.regex.Pattern;

/** {@code /v1/products} and {@code /v1/prices}. Products and prices live on the account's clock. */
public final class CatalogEndpoints {
    private static final Pattern CURRENCY = Pattern.compile("[a-z]{3}");
    private static final List<String> INTERVALS = List.of("day", "week", "month", "year");
    private static final List<String> TAX_BEHAVIORS = List.of("exclusive", "inclusive", "unspecified");
    private static final Set<String> PRODUCT_CREATE = ParamNames.of("name", "id", "active", "description", "metadata",
            "default_price_data", "unit_label", "statement_descriptor");
    private static final Set<String> PRODUCT_UPDATE = ParamNames.of("name", "active", "description", "metadata", "default_price",
            "unit_label", "statement_descriptor");
    private static final Set<String> PRODUCT_UNIMPLEMENTED = ParamNames.of("images", "marketing_features", "package_dimensions",
            "shippable", "tax_code", "url", "type");
    private static final Set<String> PRICE_CREATE = ParamNames.of("currency", "unit_amount", "unit_amount_decimal", "recurring", "product",
            "product_data", "lookup_key", "transfer_lookup_key", "nickname", "tax_behavior", "metadata", "active");
    private static final Set<String> PRICE_UNIMPLEMENTED = ParamNames.of("billing_scheme", "tiers", "tiers_mode", "transform_quantity",
            "custom_unit_amount", "currency_options");
    private static final Set<String> PRICE_UPDATE = ParamNames.of("active", "lookup_key", "transfer_lookup_key", "metadata", "nickname",
            "tax_behavior");

    private final Catalog catalog;
    private final EventLog events;
    private final SandboxClock clock;

    public CatalogEndpoints(Catalog catalog, EventLog events, SandboxClock clock) {
        this.catalog = catalog;
        this.events = events;
        this.clock = clock;
    }

    public void register(ApiRouter router, Renderers renderers) {
        router.post("/v1/products", this::createProduct);
        router.get("/v1/products", this::listProducts);
        router.get("/v1/products/{id}", c -> CatalogJson.product(product(c)));
        router.post("/v1/products/{id}", this::updateProduct);
        router.post("/v1/prices", this::createPrice);
        router.get("/v1/prices", this::listPrices);
        router.get("/v1/prices/{id}", c -> CatalogJson.price(price(c)));
        router.post("/v1/prices/{id}", this::updatePrice);
        renderers.register("prod_", id -> catalog.product(id).map(CatalogJson::product));
        renderers.register("price_", id -> catalog.price(id).map(CatalogJson::price));
    }

    private ObjectNode createProduct(ApiCall c) {
        Params p = c.params().refuseUnimplemented(PRODUCT_UNIMPLEMENTED).allow(PRODUCT_CREATE);
        String name = p.requireString("name");
        Optional<Params> defaultPriceData = p.object("default_price_data");
        defaultPriceData.ifPresent(d -> d.allow(ParamNames.of("currency", "unit_amount", "recurring", "tax_behavior", "metadata")));
        long now = clock.nowSeconds();
        Product product = catalog.createProduct(p.nonEmptyString("id").orElse(null), now, name);
        applyProduct(product, p);
        events.emit("product.created", now, CatalogJson.product(product));
        defaultPriceData.ifPresent(d -> {
            Price price = newPrice(d, product.id(), now);
            product.defaultPrice(price.id());
        });
        return CatalogJson.product(product);
    }

    private ObjectNode updateProduct(ApiCall c) {
        Product product = product(c);
        Params p = c.params().refuseUnimplemented(PRODUCT_UNIMPLEMENTED).allow(PRODUCT_UPDATE);
        ObjectNode before = CatalogJson.product(product);
        p.nonEmptyString("name").ifPresent(product::name);
        applyProduct(product, p);
        p.string("default_price").ifPresent(id -> {
            if (!id.isEmpty()) {
                Price price = catalog.requirePrice(id, "default_price");
                if (!price.productId().equals(product.id())) {
                    throw ApiError.invalid("default_price", "The price " + id + " does not belong to product " + product.id() + ".");
                }
            }
            product.defaultPrice(id.isEmpty() ? null : id);
        });
        product.touch(clock.nowSeconds());
        ObjectNode after = CatalogJson.product(product);
        events.emitUpdated("product.updated", clock.nowSeconds(), before, after);
        return after;
    }

    private static void applyProduct(Product product, Params p) {
        p.bool("active").ifPresent(product::active);
        p.string("description").ifPresent(v -> product.description(v.isEmpty() ? null : v));
        p.string("unit_label").ifPresent(v -> product.unitLabel(v.isEmpty() ? null : v));
        p.string("statement_descriptor").ifPresent(v -> product.statementDescriptor(v.isEmpty() ? null : v));
        p.applyMetadata(product.metadata());
    }

    private ObjectNode listProducts(ApiCall c) {
        Params p = c.params().allow(ParamNames.union(ListPage.PARAMS, ParamNames.of("active", "ids", "created")));
        Optional<Boolean> active = p.bool("active");
        List<String> ids = p.strings("ids");
        LongPredicate created = CreatedFilter.from(p, "created");
        List<Product> matching = catalog.productsNewestFirst().stream()
                .filter(x -> active.map(a -> a == x.active()).orElse(true))
                .filter(x -> ids.isEmpty() || ids.contains(x.id()))
                .filter(x -> created.test(x.created())).toList();
        return ListPage.of(matching, Product::id, CatalogJson::product, p, "/v1/products", "product");
    }

    private ObjectNode createPrice(ApiCall c) {
        Params p = c.params().refuseUnimplemented(PRICE_UNIMPLEMENTED).allow(PRICE_CREATE);
        long now = clock.nowSeconds();
        String productId;
        if (p.has("product") && p.has("product_data")) {
            throw ApiError.invalidRequest("You may only specify one of these parameters: product, product_data.");
        } else if (p.has("product")) {
            productId = p.requireString("product");
            if (catalog.product(productId).isEmpty()) throw ApiError.noSuchParam("product", productId, "product");
        } else if (p.has("product_data")) {
            Params data = p.object("product_data").orElseThrow().allow(ParamNames.of("name", "active", "metadata", "unit_label",
                    "statement_descriptor", "id"));
            Product product = catalog.createProduct(data.nonEmptyString("id").orElse(null), now, data.requireString("name"));
            applyProduct(product, data);
            events.emit("product.created", now, CatalogJson.product(product));
            productId = product.id();
        } else {
            throw ApiError.missing("product");
        }
        Price price = newPrice(p, productId, now);
        return CatalogJson.price(price);
    }

    /** Creates a price from create-price parameters (also {@code default_price_data}) and emits price.created. */
    private Price newPrice(Params p, String productId, long now) {
        String currency = p.requireString("currency");
        if (!CURRENCY.matcher(currency).matches()) throw ApiError.invalid(p.name("currency"), "Invalid currency: " + currency);
        long unitAmount = unitAmount(p);
        Recurring recurring = p.object("recurring").map(this::recurring).orElse(null);
        Optional<String> taxBehavior = p.oneOf("tax_behavior", TAX_BEHAVIORS);
        Optional<String> lookupKey = p.nonEmptyString("lookup_key");
        lookupKey.filter(k -> k.length() > 200).ifPresent(k -> {
            throw ApiError.invalid("lookup_key", "Invalid lookup_key: must be at most 200 characters");
        });
        Optional<Price> holder = lookupKey.flatMap(catalog::byLookupKey);
        boolean transfer = p.bool("transfer_lookup_key").orElse(false);
        if (holder.isPresent() && !transfer) {
            throw ApiError.invalid("lookup_key", "A price (`" + holder.get().id() + "`) already uses that lookup key.");
        }
        Price price = catalog.createPrice(now, productId, currency, unitAmount, recurring);
        holder.ifPresent(h -> h.lookupKey(null));
        lookupKey.ifPresent(price::lookupKey);
        p.nonEmptyString("nickname").ifPresent(price::nickname);
        price.taxBehavior(taxBehavior.orElse("unspecified"));
        p.bool("active").ifPresent(price::active);
        p.applyMetadata(price.metadata());
        events.emit("price.created", now, CatalogJson.price(price));
        return price;
    }

    private static long unitAmount(Params p) {
        Optional<Long> amount = p.longValue("unit_amount");
        Optional<String> decimal = p.nonEmptyString("unit_amount_decimal");
        if (amount.isPresent() && decimal.isPresent()) {
            throw ApiError.invalidRequest("You may only specify one of these parameters: unit_amount, unit_amount_decimal.");
        }
        long value;
        if (amount.isPresent()) {
            value = amount.get();
        } else if (decimal.isPresent()) {
            try {
                value = new java.math.BigDecimal(decimal.get()).longValueExact();
            } catch (ArithmeticException | NumberFormatException e) {
                throw ApiError.notImplemented(p.name("unit_amount_decimal") + " with a fraction of the minor unit");
            }
        } else {
            throw ApiError.missing(p.name("unit_amount"));
        }
        if (value < 0) throw ApiError.invalid(p.name("unit_amount"), "Invalid non-negative integer");
        return value;
    }

    private Recurring recurring(Params r) {
        r.refuseUnimplemented(ParamNames.of("meter", "aggregate_usage")).allow(ParamNames.of("interval", "interval_count", "usage_type",
                "trial_period_days"));
        String interval = r.oneOf("interval", INTERVALS).orElseThrow(() -> ApiError.missing(r.name("interval")));
        long count = r.longValue("interval_count").orElse(1L);
        long maxCount = switch (interval) {
            case "day" -> 365;
            case "week" -> 52;
            case "month" -> 12;
            default -> 1;
        };
        if (count < 1 || count > maxCount) {
            throw ApiError.invalid(r.name("interval_count"), "Invalid recurring[interval_count]: the maximum billing period is one year.");
        }
        String usage = r.oneOf("usage_type", List.of("licensed", "metered")).orElse("licensed");
        if (usage.equals("metered")) throw ApiError.notImplemented(r.name("usage_type") + "=metered");
        Long trialDays = r.longValue("trial_period_days").orElse(null);
        return new Recurring(interval, count, usage, trialDays);
    }

    private ObjectNode updatePrice(ApiCall c) {
        Price price = price(c);
        Params p = c.params().refuseUnimplemented(ParamNames.of("currency_options")).allow(PRICE_UPDATE);
        ObjectNode before = CatalogJson.price(price);
        p.bool("active").ifPresent(price::active);
        p.string("nickname").ifPresent(v -> price.nickname(v.isEmpty() ? null : v));
        p.string("lookup_key").ifPresent(k -> {
            if (k.isEmpty()) {
                price.lookupKey(null);
                return;
            }
            Optional<Price> holder = catalog.byLookupKey(k).filter(h -> h != price);
            if (holder.isPresent() && !p.bool("transfer_lookup_key").orElse(false)) {
                throw ApiError.invalid("lookup_key", "A price (`" + holder.get().id() + "`) already uses that lookup key.");
            }
            holder.ifPresent(h -> h.lookupKey(null));
            price.lookupKey(k);
        });
        p.oneOf("tax_behavior", TAX_BEHAVIORS).ifPresent(t -> {
            if (!"unspecified".equals(price.taxBehavior()) && !t.equals(price.taxBehavior())) {
                throw ApiError.invalid("tax_behavior", "tax_behavior cannot be changed once it is set to inclusive or exclusive.");
            }
            price.taxBehavior(t);
        });
        p.applyMetadata(price.metadata());
        ObjectNode after = CatalogJson.price(price);
        events.emitUpdated("price.updated", clock.nowSeconds(), before, after);
        return after;
    }

    private ObjectNode listPrices(ApiCall c) {
        Params p = c.params().allow(ParamNames.union(ListPage.PARAMS, ParamNames.of("active", "product", "currency", "type",
                "lookup_keys", "recurring", "created")));
        Optional<Boolean> active = p.bool("active");
        Optional<String> product = p.nonEmptyString("product");
        Optional<String> currency = p.nonEmptyString("currency");
        Optional<String> type = p.oneOf("type", List.of("one_time", "recurring"));
        List<String> lookupKeys = p.strings("lookup_keys");
        if (lookupKeys.size() > 10) throw ApiError.invalid("lookup_keys", "You may pass at most 10 lookup_keys.");
        Optional<String> interval = p.object("recurring").flatMap(r -> r.allow(ParamNames.of("interval", "usage_type", "meter"))
                .oneOf("interval", INTERVALS));
        LongPredicate created = CreatedFilter.from(p, "created");
        List<Price> matching = catalog.pricesNewestFirst().stream()
                .filter(x -> active.map(a -> a == x.active()).orElse(true))
                .filter(x -> product.map(id -> id.equals(x.productId())).orElse(true))
                .filter(x -> currency.map(cur -> cur.equals(x.currency())).orElse(true))
                .filter(x -> type.map(t -> t.equals(x.recurring() == null ? "one_time" : "recurring")).orElse(true))
                .filter(x -> lookupKeys.isEmpty() || lookupKeys.contains(x.lookupKey()))
                .filter(x -> interval.map(i -> x.recurring() != null && i.equals(x.recurring().interval())).orElse(true))
                .filter(x -> created.test(x.created())).toList();
        return ListPage.of(matching, Price::id, CatalogJson::price, p, "/v1/prices", "price");
    }

    private Product product(ApiCall c) {
        return catalog.product(c.path("id")).orElseThrow(() -> ApiError.noSuchInPath("product", c.path("id")));
    }

    private Price price(ApiCall c) {
        return catalog.price(c.path("id")).orElseThrow(() -> ApiError.noSuchInPath("price", c.path("id")));
    }
}
