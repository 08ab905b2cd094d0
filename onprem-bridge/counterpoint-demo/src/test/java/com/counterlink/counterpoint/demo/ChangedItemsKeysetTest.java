package com.counterlink.counterpoint.demo;

import static com.counterlink.counterpoint.demo.TestDatabase.*;
import static org.junit.jupiter.api.Assertions.*;

import com.counterlink.counterpoint.demo.ChangedItemPager.Cursor;
import com.counterlink.counterpoint.demo.ChangedItemPager.PageSyntax;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ChangedItemsKeysetTest {
    private static final int ITEMS = 300;
    private static final int PAGE_SIZE = 7;

    @ParameterizedTest
    @EnumSource(PageSyntax.class)
    void everyChangedItemIsReadExactlyOnceAcrossPages(PageSyntax syntax) throws Exception {
        try (Connection connection = newH2WithSchema()) {
            new CounterpointSeeder().seed(connection, ITEMS);
            ChangedItemPager pager = new ChangedItemPager(connection, syntax, PAGE_SIZE);

            ChangedItemPager.Result initial = pager.readAllAfter(Cursor.START);
            assertEquals(ITEMS, initial.itemNos().size());
            assertEquals(ITEMS, new HashSet<>(initial.itemNos()).size(), "no item twice in the full read");

            letClockTick();
            Set<String> changed = changeSomeItems(connection);
            ChangedItemPager.Result incremental = pager.readAllAfter(initial.end());

            assertEquals(changed, new TreeSet<>(incremental.itemNos()), "exactly the changed items");
            assertEquals(changed.size(), incremental.itemNos().size(), "none twice");
            assertTrue(incremental.pageSizes().size() > 3, "read over several pages: " + incremental.pageSizes());
            assertEquals(List.of(), pager.readAllAfter(incremental.end()).itemNos(), "nothing new after the last page");
        }
    }

    /** Changes 25 items in one statement (they share one RS_UTC_DT, so pages split ties) and 10 one by one. */
    private static Set<String> changeSomeItems(Connection connection) throws SQLException {
        List<String> all = strings(connection, "SELECT ITEM_NO FROM IM_ITEM ORDER BY ITEM_NO");
        List<String> bulk = new ArrayList<>();
        for (int i = 3; bulk.size() < 25; i += 11) {
            bulk.add(all.get(i));
        }
        String placeholders = String.join(", ", java.util.Collections.nCopies(bulk.size(), "?"));
        Jdbc.update(connection, "UPDATE IM_ITEM SET ECOMM_NEW = 'Y' WHERE ITEM_NO IN (" + placeholders + ")", bulk.toArray());
        assertEquals(1, count(connection, "SELECT COUNT(DISTINCT RS_UTC_DT) FROM IM_ITEM WHERE ITEM_NO IN (" + placeholders + ")",
                bulk.toArray()), "one statement, one stamp");

        StoreSimulator store = new StoreSimulator(connection);
        Set<String> changed = new TreeSet<>(bulk);
        for (int i = 5; changed.size() < 35; i += 13) {
            String itemNo = all.get(i);
            if (changed.add(itemNo)) {
                store.changePrice(itemNo, PriceLevel.REG_PRC, new BigDecimal("19.99"));
            }
        }
        return changed;
    }
}
