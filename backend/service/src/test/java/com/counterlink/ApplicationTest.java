package com.counterlink;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The backend starts with the Host header allowed, which pinned calls to stores need (WooTransport.jdk). */
class ApplicationTest {

    @Test
    void theHostHeaderIsAllowedKeepingWhateverElseWasAllowed() {
        String before = System.getProperty(Application.RESTRICTED_HEADERS);
        try {
            System.clearProperty(Application.RESTRICTED_HEADERS);
            Application.allowHostHeader();
            assertEquals("host", System.getProperty(Application.RESTRICTED_HEADERS));

            System.setProperty(Application.RESTRICTED_HEADERS, "content-length");
            Application.allowHostHeader();
            assertEquals("content-length,host", System.getProperty(Application.RESTRICTED_HEADERS));

            Application.allowHostHeader();
            assertEquals("content-length,host", System.getProperty(Application.RESTRICTED_HEADERS), "once is enough");
        } finally {
            if (before == null) {
                System.clearProperty(Application.RESTRICTED_HEADERS);
            } else {
                System.setProperty(Application.RESTRICTED_HEADERS, before);
            }
        }
    }
}
