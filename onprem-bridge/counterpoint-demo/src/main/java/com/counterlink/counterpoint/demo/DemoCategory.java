package com.counterlink.counterpoint.demo;

import java.util.List;

/** The item categories of the demo catalog, each with its e-commerce category and whether its items come in grids. */
enum DemoCategory {
    APPAREL("AP", "Apparel", 10, true, List.of("Polo Shirt", "Rain Jacket", "Hoodie", "Wrap Dress", "Chinos", "Tee")),
    FOOTWEAR("FW", "Footwear", 20, true, List.of("Sneaker", "Hiking Boot", "Sandal", "Loafer")),
    GOLF("GF", "Golf", 30, false, List.of("Glove", "Driver", "Putter", "Balls 12-pack", "Tees")),
    ACCESS("AC", "Accessories", 40, true, List.of("Cap", "Belt", "Scarf", "Tote Bag", "Socks")),
    GIFTS("GI", "Gifts", 50, false, List.of("Mug", "Candle", "Notebook", "Gift Box"));

    /** An extra web category for items on sale; its name shows that category names are Unicode. */
    static final int SALE_EC_CATEG_ID = 90;
    static final String SALE_EC_CATEG_NAME = "Soldes – Café & Crème ☕";

    private final String itemPrefix;
    private final String description;
    private final int ecommerceCategoryId;
    private final boolean gridded;
    private final List<String> nouns;

    DemoCategory(String itemPrefix, String description, int ecommerceCategoryId, boolean gridded, List<String> nouns) {
        this.itemPrefix = itemPrefix;
        this.description = description;
        this.ecommerceCategoryId = ecommerceCategoryId;
        this.gridded = gridded;
        this.nouns = nouns;
    }

    String code() {
        return name();
    }

    String itemPrefix() {
        return itemPrefix;
    }

    String description() {
        return description;
    }

    int ecommerceCategoryId() {
        return ecommerceCategoryId;
    }

    boolean griddable() {
        return gridded;
    }

    List<String> nouns() {
        return nouns;
    }
}
