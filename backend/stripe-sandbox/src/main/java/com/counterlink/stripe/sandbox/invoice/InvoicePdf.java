package com.counterlink.stripe.sandbox.invoice;

import com.counterlink.stripe.sandbox.core.Money;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** A one-page PDF of an invoice: enough for a link a retailer clicks to open a real document. */
final class InvoicePdf {
    private InvoicePdf() {}

    static byte[] render(Invoice inv) {
        List<String> text = new ArrayList<>();
        text.add("INVOICE " + (inv.number() == null ? "(draft)" : inv.number()));
        text.add("Counterlink (Stripe sandbox, test mode)");
        text.add("Invoice id: " + inv.id());
        text.add("Status: " + inv.status().wire());
        text.add("Date: " + Instant.ofEpochSecond(inv.finalizedAt() == null ? inv.created() : inv.finalizedAt()));
        if (inv.customer() != null && inv.customer().name() != null) text.add("Bill to: " + inv.customer().name());
        if (inv.customer() != null && inv.customer().email() != null) text.add("Email: " + inv.customer().email());
        text.add("");
        for (InvoiceLine line : inv.lines()) {
            text.add(line.charged().description() + "   " + Money.format(line.charged().amount(), inv.currency()));
        }
        text.add("");
        text.add("Subtotal: " + Money.format(inv.subtotal(), inv.currency()));
        text.add("Total: " + Money.format(inv.total(), inv.currency()));
        if (inv.startingBalance() != 0) text.add("Applied balance: " + Money.format(inv.amountDue() - inv.total(), inv.currency()));
        text.add("Amount due: " + Money.format(inv.amountDue(), inv.currency()));
        text.add("Amount paid: " + Money.format(inv.amountPaid(), inv.currency()));
        return pdf(text);
    }

    private static byte[] pdf(List<String> lines) {
        StringBuilder content = new StringBuilder("BT /F1 11 Tf 56 760 Td 16 TL\n");
        for (String line : lines) content.append('(').append(escape(line)).append(") Tj T*\n");
        content.append("ET\n");
        byte[] stream = content.toString().getBytes(StandardCharsets.ISO_8859_1);
        List<String> objects = List.of(
                "<< /Type /Catalog /Pages 2 0 R >>",
                "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
                "<< /Length " + stream.length + " >>\nstream\n" + new String(stream, StandardCharsets.ISO_8859_1) + "endstream",
                "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        List<Integer> offsets = new ArrayList<>();
        write(out, "%PDF-1.4\n");
        for (int i = 0; i < objects.size(); i++) {
            offsets.add(out.size());
            write(out, (i + 1) + " 0 obj\n" + objects.get(i) + "\nendobj\n");
        }
        int xref = out.size();
        StringBuilder table = new StringBuilder("xref\n0 " + (objects.size() + 1) + "\n0000000000 65535 f \n");
        for (int offset : offsets) table.append(String.format("%010d 00000 n \n", offset));
        table.append("trailer\n<< /Size ").append(objects.size() + 1).append(" /Root 1 0 R >>\nstartxref\n").append(xref).append("\n%%EOF\n");
        write(out, table.toString());
        return out.toByteArray();
    }

    private static String escape(String s) {
        StringBuilder b = new StringBuilder();
        for (char c : s.toCharArray()) {
            if (c == '(' || c == ')' || c == '\\') b.append('\\').append(c);
            else if (c == '×') b.append('x');
            else if (c == '€') b.append("EUR ");
            else if (c < 32 || c > 255) b.append('?');
            else b.append(c);
        }
        return b.toString();
    }

    private static void write(ByteArrayOutputStream out, String s) {
        out.writeBytes(s.getBytes(StandardCharsets.ISO_8859_1));
    }
}
