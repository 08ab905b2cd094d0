package com.counterlink.woo.sandbox.product;

/** The attribute value a variation (or a default attribute) selects. */
public record VariationAttribute(String name, String option) {
}
