package com.counterlink.stores;

import com.counterlink.platform.crypto.SecretBox;
import com.counterlink.platform.net.OutboundUrlPolicy;
import com.counterlink.platform.web.ApiException;
import com.counterlink.platform.web.ErrorCode;
import com.counterlink.woo.WooClient;
import com.counterlink.woo.WooClientConfig;
import com.counterlink.woo.WooCredentials;
import com.counterlink.woo.WooTransport;
import jakarta.inject.Singleton;

/** Opens a site's sealed secrets and builds the WooCommerce client for it. */
@Singleton
public class StoreClients {

    private final SecretBox box;
    private final OutboundUrlPolicy policy;

    public StoreClients(SecretBox box, OutboundUrlPolicy policy) {
        this.box = box;
        this.policy = policy;
    }

    static String context(Site site, String column) {
        return "sites/" + site.tenantId() + "/" + site.id() + "/" + column;
    }

    public byte[] seal(Site site, String column, String value) {
        return box.seal(value, context(site, column));
    }

    public String open(Site site, String column, byte[] sealed) {
        return box.open(sealed, context(site, column));
    }

    /** Calls the address entered; signs with the store's own address once known (WooCommerce checks that one). */
    public WooClient client(Site site) {
        return client(site, WooClientConfig.defaults());
    }

    public WooClient client(Site site, WooClientConfig config) {
        return WooClient.forStore(site.baseUrl(), site.homeUrl(), credentials(site), config, policy);
    }

    /** A client with its own limits over a shared transport, for frequent small requests (light polls). */
    public WooClient client(Site site, WooClientConfig config, WooTransport transport) {
        return WooClient.forStore(site.baseUrl(), site.homeUrl(), credentials(site), config, transport, policy);
    }

    /** No keys: WordPress's public routes only. */
    public WooClient publicClient(Site site, WooClientConfig config) {
        return WooClient.anonymous(site.baseUrl(), config, policy);
    }

    private WooCredentials credentials(Site site) {
        if (!site.hasCredentials()) {
            throw new ApiException(ErrorCode.CONFLICT, "The store has no API keys yet: link it or enter keys first");
        }
        return new WooCredentials(open(site, "consumer_key", site.consumerKeyEnc()),
                open(site, "consumer_secret", site.consumerSecretEnc()));
    }
}
