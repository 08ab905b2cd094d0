package com.counterlink.stripe.sandbox.catalog;

import com.counterlink.stripe.sandbox.api.ApiError;
import com.counterlink.stripe.sandbox.core.Ids;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The account's products and prices. Called under the state lock. */
public final class Catalog {
    private final Map<String, Product> products = new LinkedHashMap<>();
    private final Map<String, Price> prices = new LinkedHashMap<>();

    Product createProduct(String id, long created, String name) {
        String productId = id == null ? Ids.next("prod_") : id;
        if (products.containsKey(productId)) {
            throw new ApiError(400, com.counterlink.stripe.sandbox.api.ErrorType.INVALID_REQUEST_ERROR, "resource_already_exists", "id",
                    "Product already exists.");
        }
        Product p = new Product(productId, created, name);
        products.put(p.id(), p);
        return p;
    }

    Price createPrice(long created, String productId, String currency, long unitAmount, Recurring recurring) {
        Price p = new Price(Ids.next("price_"), created, productId, currency, unitAmount, recurring);
        prices.put(p.id(), p);
        return p;
    }

    public Optional<Product> product(String id) { return Optional.ofNullable(products.get(id)); }

    public Optional<Price> price(String id) { return Optional.ofNullable(prices.get(id)); }

    public Price requirePrice(String id, String param) {
        return price(id).orElseThrow(() -> ApiError.noSuchParam("price", id, param));
    }

    public Optional<Price> byLookupKey(String key) {
        return prices.values().stream().filter(p -> key.equals(p.lookupKey())).findFirst();
    }

    List<Product> productsNewestFirst() {
        List<Product> list = new ArrayList<>(products.values());
        Collections.reverse(list);
        return list;
    }

    List<Price> pricesNewestFirst() {
        List<Price> list = new ArrayList<>(prices.values());
        Collections.reverse(list);
        return list;
    }
}
