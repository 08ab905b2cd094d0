package com.counterlink.woo.sandbox.settings;

import java.util.List;

/** Metadata of one WooCommerce option exposed by /settings/{group}/{id}. */
public record SettingDefinition(String group, String id, String label, String description, String type,
                                String defaultValue, String tip, List<String> options) {
}
