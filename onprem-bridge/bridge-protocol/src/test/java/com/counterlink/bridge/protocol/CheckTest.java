package com.counterlink.bridge.protocol;

import com.counterlink.bridge.protocol.operations.DocumentLine;
import com.counterlink.bridge.protocol.operations.ItemCursor;
import com.counterlink.bridge.protocol.operations.ReadItemChanges;
import com.counterlink.bridge.protocol.operations.ReadStock;
import com.counterlink.bridge.protocol.operations.StockCursor;
import org.junit.jupiter.api.Test;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Counterpoint codes are checked for safety, not taste: whatever a retailer can type in Counterpoint goes through. */
class CheckTest {

    private static final LocalDateTime AT = LocalDateTime.of(2026, 12, 1, 9, 30);

    @Test
    void itemNumbersWithAccentsSpacesSlashesQuotesAndAnyScriptAreCodes() {
        for (String itemNo : List.of("CAFÉ-01", "FID 1/2 Ünï", "MEN'S TEE", "ÆRØ,SKØBING", "日本-茶-01", "TEA 🍵 50G", "A",
                "12345678901234567890", "ÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉÉ", "🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵🍵")) {
            assertEquals(itemNo, Check.code("itemNo", itemNo, 20), itemNo);
        }
        ReadStock read = new ReadStock(List.of("LAGER-SÜD", "NEW YORK"), List.of("CAFÉ-01", "FID 1/2 Ünï"));
        assertEquals(List.of("CAFÉ-01", "FID 1/2 Ünï"), read.itemNos());
        assertEquals("FID 1/2 Ünï", new DocumentLine("FID 1/2 Ünï", "GRÖSSE", "*", "*", java.math.BigDecimal.ONE,
                java.math.BigDecimal.TEN).itemNo(), "a web order's line may name such an item and grid value");
    }

    @Test
    void controlAndInvisibleCharactersOverlongValuesAndSurroundingSpacesAreRefusedSaying() {
        Map<String, String> refused = Map.ofEntries(
                Map.entry("PASTED\tITEM", "has a control character (tab) at position 7"),
                Map.entry("LINE\nBREAK", "has a control character (line break) at position 5"),
                Map.entry("NUL\u0000", "has a control character (U+0000) at position 4"),
                Map.entry("DEL\u007F", "has a control character (U+007F) at position 4"),
                Map.entry("ZERO\u200BWIDTH", "has an invisible character (U+200B) at position 5"),
                Map.entry("\u202EREVERSED", "has an invisible character (U+202E) at position 1"),
                Map.entry("LINE\u2028SEP", "has an invisible character (U+2028) at position 5"),
                Map.entry("TWENTY-ONE-CHARACTERS", "is 21 characters long; at most 20 fit"),
                Map.entry(" LEADING", "starts or ends with a space"),
                Map.entry("TRAILING ", "starts or ends with a space"),
                Map.entry("NBSP\u00A0", "starts or ends with a space"),
                Map.entry("", "is empty"));
        refused.forEach((value, why) -> {
            InvalidParameterException e = assertThrows(InvalidParameterException.class, () -> Check.code("itemNo", value, 20),
                    Check.shown(value));
            assertEquals("itemNo", e.field());
            assertEquals("itemNo: " + why, e.getMessage(), Check.shown(value));
        });
        assertTrue(Check.codeProblem(null, 20).isPresent());
        assertThrows(InvalidParameterException.class, () -> new ReadStock(List.of("WEB"), List.of("CAFÉ-01", "PASTED\tITEM")));
    }

    @Test
    void aValueIsShownWithItsHiddenCharactersWrittenOut() {
        assertEquals("PASTED[tab]ITEM", Check.shown("PASTED\tITEM"));
        assertEquals("A[line break]B[carriage return]C[U+0000][U+200B]", Check.shown("A\nB\rC\u0000\u200B"));
        assertEquals("CAFÉ-01", Check.shown("CAFÉ-01"));
    }

    @Test
    void aFeedPositionIsCounterpointsOwnKeySoOnlyItsLengthIsChecked() {
        ItemCursor item = new ItemCursor(AT, "PASTED\tITEM");
        assertEquals(item, ProtocolJson.read(ProtocolJson.write(item), ItemCursor.class), "the feed can move past any item");
        StockCursor stock = new StockCursor(AT, "PASTED\tITEM", "LAGER-SÜD", "GRÖẞE\u200B", "*", "*");
        assertEquals(stock, ProtocolJson.read(ProtocolJson.write(stock), StockCursor.class));
        ReadItemChanges.Page page = new ReadItemChanges.Page(List.of(), new ItemCursor(AT, " TRAILING "), true);
        assertEquals(page, ProtocolJson.read(ProtocolJson.write(page), ReadItemChanges.Page.class));

        assertEquals("after.itemNo", assertThrows(InvalidParameterException.class,
                () -> new ItemCursor(AT, "TWENTY-ONE-CHARACTERS")).field());
        assertEquals("after.itemNo", assertThrows(InvalidParameterException.class, () -> new ItemCursor(AT, null)).field());
        assertEquals("after.dim2", assertThrows(InvalidParameterException.class,
                () -> new StockCursor(AT, "A", "WEB", "*", "SIXTEEN-CHARS-XL", "*")).field());
    }
}
