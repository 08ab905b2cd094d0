package com.counterlink.counterpoint.demo;

import static com.counterlink.counterpoint.demo.TestDatabase.*;
import static org.junit.jupiter.api.Assertions.*;

import com.counterlink.counterpoint.demo.ChangedItemPager.Cursor;
import com.counterlink.counterpoint.demo.ChangedItemPager.PageSyntax;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.testcontainers.containers.MSSQLServerContainer;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;

/** The same schema, seed, simulator and paging SQL on real SQL Server; skipped where Docker is missing. */
@Testcontainers(disabledWithoutDocker = true)
class SqlServerSchemaTest {
    @Container
    private static final MSSQLServerContainer<?> SQL_SERVER =
            new MSSQLServerContainer<>("mcr.microsoft.com/mssql/server:2022-latest").acceptLicense();

    @Test
    void schemaSeedSimulatorAndKeysetPagingBehaveAsOnH2() throws Exception {
        try (Connection connection = SQL_SERVER.createConnection("")) {
            CounterpointSchema.install(connection, Dialect.SQL_SERVER);
            new CounterpointSeeder().seed(connection, 200);
            assertEquals(200, count(connection, "SELECT COUNT(*) FROM IM_ITEM"));
            assertEquals(0, count(connection, "SELECT COUNT(*) FROM IM_INV WHERE QTY_AVAIL <> QTY_ON_HND - QTY_COMMIT"));
            assertEquals(0, count(connection, "SELECT COUNT(*) FROM IM_ITEM WHERE RS_UTC_DT IS NULL"), "triggers stamp every row");

            SQLException computed = assertThrows(SQLException.class,
                    () -> Jdbc.update(connection, "UPDATE IM_INV SET QTY_AVAIL = 1"));
            assertEquals(271, computed.getErrorCode(), "Msg 271: cannot modify a computed column");

            ChangedItemPager pager = new ChangedItemPager(connection, PageSyntax.TOP, 9);
            ChangedItemPager.Result initial = pager.readAllAfter(Cursor.START);
            assertEquals(200, new HashSet<>(initial.itemNos()).size());
            assertEquals(200, initial.itemNos().size());

            letClockTick();
            StoreSimulator store = new StoreSimulator(connection);
            List<String> changed = initial.itemNos().subList(10, 30);
            for (String itemNo : changed) {
                store.changePrice(itemNo, PriceLevel.PRC_1, new BigDecimal("7.77"));
            }
            ChangedItemPager.Result incremental = new ChangedItemPager(connection, PageSyntax.OFFSET_FETCH, 4).readAllAfter(initial.end());
            assertEquals(new HashSet<>(changed), new HashSet<>(incremental.itemNos()));
            assertEquals(changed.size(), incremental.itemNos().size());

            String item = changed.get(0);
            long docId = store.openDocument(DocumentDraft.webTicket("W9001", "100001", DocumentLine.of(item, 1, "7.77")));
            store.postTicket(docId);
            assertEquals(1, count(connection, "SELECT COUNT(*) FROM PS_TKT_HIST WHERE DOC_ID = ?", docId));
            assertEquals(0, count(connection, "SELECT COUNT(*) FROM PS_DOC_HDR WHERE DOC_ID = ?", docId));
        }
    }
}
