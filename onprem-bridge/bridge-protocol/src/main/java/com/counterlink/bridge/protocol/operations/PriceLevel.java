package com.counterlink.bridge.protocol.operations;

/** Counterpoint's price fields a site can choose (Price-4..6 need Advanced Pricing and are not offered). */
public enum PriceLevel {
    REG_PRC, PRC_1, PRC_2, PRC_3
}
