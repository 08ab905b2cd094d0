package com.counterlink.woo.sandbox.settings;

import com.counterlink.woo.sandbox.http.Json;
import com.counterlink.woo.sandbox.http.Response;
import com.counterlink.woo.sandbox.http.RestException;
import com.counterlink.woo.sandbox.rest.Permission;
import com.counterlink.woo.sandbox.rest.RestRouter;
import com.counterlink.woo.sandbox.store.Store;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** /wc/v3/settings groups and options. */
public final class SettingsController {
    private static final String P = "/wc/v3/settings";

    private SettingsController() {}

    public static void register(RestRouter r) {
        r.add("GET", P, Permission.LIST, ctx -> {
            ArrayNode arr = Json.array();
            for (String g : SettingCatalog.groups()) {
                ObjectNode n = arr.addObject();
                n.put("id", g).put("label", Character.toUpperCase(g.charAt(0)) + g.substring(1)).put("description", "")
                        .put("parent_id", "").putArray("sub_groups");
            }
            return Response.json(200, arr);
        });
        r.add("GET", P + "/([a-z_-]+)", Permission.LIST, ctx -> {
            String group = ctx.args().get(0);
            if (!SettingCatalog.groups().contains(group)) throw invalidGroup();
            ArrayNode arr = Json.array();
            for (SettingDefinition d : SettingCatalog.inGroup(group)) arr.add(render(ctx.store(), d));
            return Response.json(200, arr);
        });
        r.add("GET", P + "/([a-z_-]+)/([a-z0-9_-]+)", Permission.VIEW, ctx ->
                Response.json(200, render(ctx.store(), find(ctx.args().get(0), ctx.args().get(1)))));
        r.add("POST,PUT,PATCH", P + "/([a-z_-]+)/([a-z0-9_-]+)", Permission.EDIT, ctx -> {
            SettingDefinition d = find(ctx.args().get(0), ctx.args().get(1));
            JsonNode value = ctx.request().json().get("value");
            String v = value == null || value.isNull() ? d.defaultValue() : value.asText();
            if ("checkbox".equals(d.type()) && !"yes".equals(v) && !"no".equals(v)) {
                throw new RestException(400, "rest_setting_value_invalid", "An invalid setting value was passed.");
            }
            if (d.options() != null && !d.options().isEmpty() && "select".equals(d.type()) && !d.options().contains(v)) {
                throw new RestException(400, "rest_setting_value_invalid", "An invalid setting value was passed.");
            }
            ctx.store().setOption(d.id(), v);
            return Response.json(200, render(ctx.store(), d));
        });
    }

    private static RestException invalidGroup() {
        return new RestException(404, "rest_setting_setting_group_invalid", "Invalid setting group.");
    }

    private static SettingDefinition find(String group, String id) {
        if (!SettingCatalog.groups().contains(group)) throw invalidGroup();
        return SettingCatalog.find(group, id).orElseThrow(() -> new RestException(404, "rest_setting_setting_invalid", "Invalid setting."));
    }

    static ObjectNode render(Store store, SettingDefinition d) {
        ObjectNode n = Json.object();
        n.put("id", d.id());
        n.put("label", d.label());
        n.put("description", d.description());
        n.put("type", d.type());
        n.put("default", d.defaultValue());
        if (d.options() != null && !d.options().isEmpty()) {
            ObjectNode opts = n.putObject("options");
            d.options().forEach(o -> opts.put(o, o));
        }
        if (!d.tip().isEmpty()) n.put("tip", d.tip());
        n.put("value", store.option(d.id()));
        n.put("group_id", d.group());
        ObjectNode links = n.putObject("_links");
        ArrayNode self = links.putArray("self");
        ObjectNode s = self.addObject();
        s.put("href", store.apiUrl() + "/settings/" + d.group() + "/" + d.id());
        ArrayNode allow = s.putObject("targetHints").putArray("allow");
        for (String m : new String[]{"GET", "POST", "PUT", "PATCH"}) allow.add(m);
        links.putArray("collection").addObject().put("href", store.apiUrl() + "/settings/" + d.group());
        return n;
    }
}
