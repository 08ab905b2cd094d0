package com.counterlink.sync;

/**
 * The bridge is online but Counterpoint's database does not answer it: the run waits (as for an offline bridge)
 * and says so in the retailer's words; it runs again by itself when Counterpoint answers.
 */
public class CounterpointUnreachableException extends BridgeOfflineException {

    /** What the retailer reads on the run, the Bridge page and the dashboard; never the database driver's text. */
    public static final String MESSAGE = "Counterpoint is not answering on the bridge's server — waiting";

    public CounterpointUnreachableException(String whatWaits) {
        super(MESSAGE + (whatWaits == null ? "" : ": " + whatWaits));
    }
}
