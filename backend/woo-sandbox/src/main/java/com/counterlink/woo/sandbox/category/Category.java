package com.counterlink.woo.sandbox.category;

/** A product category (WordPress term of the product_cat taxonomy). */
public final class Category {
    /** WordPress creates it on install; products without a category get it. */
    public static final long UNCATEGORIZED_ID = 15;

    public long id;
    public String name = "";
    public String slug = "";
    public long parent;
    public String description = "";
    public String display = "default";
    public int menuOrder;

    public static Category uncategorized() {
        Category c = new Category();
        c.id = UNCATEGORIZED_ID;
        c.name = "Uncategorized";
        c.slug = "uncategorized";
        return c;
    }
}
