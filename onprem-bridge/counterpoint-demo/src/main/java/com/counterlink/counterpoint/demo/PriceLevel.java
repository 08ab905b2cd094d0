package com.counterlink.counterpoint.demo;

/** The IM_PRC price columns; REG_PRC and PRC_1 are mirrored on IM_ITEM as Counterpoint shows them there. */
public enum PriceLevel {
    REG_PRC(true),
    PRC_1(true),
    PRC_2(false),
    PRC_3(false);

    private final boolean mirroredOnItem;

    PriceLevel(boolean mirroredOnItem) {
        this.mirroredOnItem = mirroredOnItem;
    }

    public String column() {
        return name();
    }

    boolean mirroredOnItem() {
        return mirroredOnItem;
    }
}
