package com.counterlink.woo.sandbox.product;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.counterlink.woo.sandbox.http.Json;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** A product post: simple, variable, grouped, external or a variation (type "variation", parentId set). */
public final class Product {
    public long id;
    public long parentId;
    public String type = "simple";
    public String name = "";
    public String slug = "";
    public String status = "publish";
    public boolean featured;
    public String catalogVisibility = "visible";
    public String description = "";
    public String shortDescription = "";
    public String sku = "";
    public String globalUniqueId = "";
    public String regularPrice = "";
    public String salePrice = "";
    /** Sale dates as sent (UTC, "yyyy-MM-ddTHH:mm:ss"); null when the sale has no such date. */
    public String saleFromGmt;
    public String saleToGmt;
    public boolean virtual;
    public boolean downloadable;
    public String taxStatus = "taxable";
    /** For variations the stored value "parent" means: inherit the parent's tax class. */
    public String taxClass = "";
    public boolean manageStock;
    public Integer stockQuantity;
    public String stockStatus = "instock";
    public String backorders = "no";
    public Integer lowStockAmount;
    public boolean soldIndividually;
    public String weight = "";
    public String length = "";
    public String width = "";
    public String height = "";
    public boolean reviewsAllowed = true;
    public String purchaseNote = "";
    public int menuOrder;
    public int totalSales;
    public String postPassword = "";
    public ArrayNode categories = Json.array();
    public ArrayNode tags = Json.array();
    public ArrayNode images = Json.array();
    public ArrayNode metaData = Json.array();
    public List<ProductAttribute> attributes = new ArrayList<>();
    public List<VariationAttribute> defaultAttributes = new ArrayList<>();
    /** Variation-only: the selected attribute values. */
    public List<VariationAttribute> variationAttributes = new ArrayList<>();
    public List<Long> variationIds = new ArrayList<>();
    public Instant dateCreated;
    public Instant dateModified;

    public boolean isVariation() { return "variation".equals(type); }

    public boolean isVariable() { return "variable".equals(type); }

    public boolean onSale() {
        return !salePrice.isEmpty() && !regularPrice.isEmpty()
                && new java.math.BigDecimal(salePrice).compareTo(new java.math.BigDecimal(regularPrice)) < 0;
    }

    /** The price a shopper pays (WooCommerce's _price meta). */
    public String activePrice() { return onSale() ? salePrice : regularPrice; }

    public boolean backordersAllowed() { return !"no".equals(backorders); }
}
