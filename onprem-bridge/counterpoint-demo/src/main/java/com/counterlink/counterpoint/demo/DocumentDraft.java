package com.counterlink.counterpoint.demo;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * A document to open in PS_DOC_*: a ticket ({@code 'T'}, quantities move only when it is posted) or an
 * order ({@code 'O'}, its quantities are committed at once and released when it is posted).
 */
public record DocumentDraft(char docType, String storeId, String stationId, String drawerId, String ticketNo,
                            String customerNo, String taxCode, List<DocumentLine> lines, BigDecimal shipping,
                            BigDecimal taxAmount, String payCode) {
    public DocumentDraft {
        if (docType != 'T' && docType != 'O') {
            throw new IllegalArgumentException("docType must be 'T' (ticket) or 'O' (order), was " + docType);
        }
        Objects.requireNonNull(ticketNo);
        if (ticketNo.length() > 15) {
            throw new IllegalArgumentException("Counterpoint ticket numbers are at most 15 characters: " + ticketNo);
        }
        lines = List.copyOf(lines);
        if (lines.isEmpty()) {
            throw new IllegalArgumentException("a document needs at least one line");
        }
    }

    /** A web-store ticket with the demo's web station, drawer, tax code and pay code. */
    public static DocumentDraft webTicket(String ticketNo, String customerNo, DocumentLine... lines) {
        return web('T', ticketNo, customerNo, lines);
    }

    /** A web-store order, whose quantities are committed until it is posted. */
    public static DocumentDraft webOrder(String ticketNo, String customerNo, DocumentLine... lines) {
        return web('O', ticketNo, customerNo, lines);
    }

    private static DocumentDraft web(char docType, String ticketNo, String customerNo, DocumentLine... lines) {
        return new DocumentDraft(docType, DemoStoreSetup.WEB_STORE, DemoStoreSetup.WEB_STATION, DemoStoreSetup.WEB_DRAWER,
                ticketNo, customerNo, DemoStoreSetup.WEB_TAX_CODE, List.of(lines), BigDecimal.ZERO, BigDecimal.ZERO,
                DemoStoreSetup.WEB_PAY_CODE);
    }

    public DocumentDraft withShipping(String amount) {
        return new DocumentDraft(docType, storeId, stationId, drawerId, ticketNo, customerNo, taxCode, lines,
                new BigDecimal(amount), taxAmount, payCode);
    }

    public DocumentDraft withTax(String amount) {
        return new DocumentDraft(docType, storeId, stationId, drawerId, ticketNo, customerNo, taxCode, lines,
                shipping, new BigDecimal(amount), payCode);
    }

    boolean commitsQuantities() {
        return docType == 'O';
    }

    char lineType() {
        return docType == 'O' ? 'O' : 'S';
    }

    BigDecimal subtotal() {
        return lines.stream().map(DocumentLine::extendedPrice).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    BigDecimal total() {
        return subtotal().add(shipping).add(taxAmount);
    }
}
