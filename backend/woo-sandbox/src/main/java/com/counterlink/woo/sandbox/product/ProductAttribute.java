package com.counterlink.woo.sandbox.product;

import java.util.List;

/** A custom (non-taxonomy) product attribute on a parent product. */
public record ProductAttribute(String name, int position, boolean visible, boolean variation, List<String> options) {
}
