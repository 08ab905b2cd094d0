package com.counterlink.bridge.agent;

import com.counterlink.bridge.protocol.TaskErrorCode;
import com.counterlink.bridge.protocol.operations.CreateCustomer;
import com.counterlink.bridge.protocol.operations.Customer;
import com.counterlink.bridge.protocol.operations.DocumentLine;
import com.counterlink.bridge.protocol.operations.MiscCharge;
import com.counterlink.bridge.protocol.operations.FindCustomerMatches;
import com.counterlink.bridge.protocol.operations.FindCustomersByEmail;
import com.counterlink.bridge.protocol.InvalidParameterException;
import com.counterlink.bridge.protocol.operations.ItemCursor;
import com.counterlink.bridge.protocol.operations.PriceLevel;
import com.counterlink.bridge.protocol.operations.ReadItemChanges;
import com.counterlink.bridge.protocol.operations.ReadPostedDocuments;
import com.counterlink.bridge.protocol.operations.ReadPriceChanges;
import com.counterlink.bridge.protocol.operations.ReadPrices;
import com.counterlink.bridge.protocol.operations.ReadStock;
import com.counterlink.bridge.protocol.operations.ReadStockChanges;
import com.counterlink.bridge.protocol.operations.ReadWebCategories;
import com.counterlink.bridge.protocol.operations.StockCursor;
import com.counterlink.bridge.protocol.operations.WriteDocument;
import com.counterlink.bridge.protocol.ProtocolJson;
import com.counterlink.counterpoint.demo.GridCell;
import com.counterlink.counterpoint.demo.OddItems;
import com.counterlink.counterpoint.demo.StoreSimulator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import static com.counterlink.bridge.agent.DemoCounterpoint.count;
import static com.counterlink.bridge.agent.DemoCounterpoint.text;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CounterpointRepositoryTest {

    Connection db;
    CounterpointRepository counterpoint;

    @BeforeEach
    void seed() throws SQLException {
        db = DriverManager.getConnection(DemoCounterpoint.seeded(120));
        counterpoint = new CounterpointRepository(db);
    }

    @AfterEach
    void close() throws SQLException {
        db.close();
    }

    @Test
    void theChangeProbeSeesAStockChangeAndOnlyThat() throws Exception {
        var before = counterpoint.changeMarks();
        assertNotNull(before.items());
        assertNotNull(before.stock());
        String item;
        try (var rs = db.createStatement().executeQuery("SELECT TOP 1 ITEM_NO FROM IM_INV WHERE LOC_ID = 'WEB' ORDER BY ITEM_NO")) {
            rs.next();
            item = rs.getString(1);
        }
        Thread.sleep(1100); // RS_UTC_DT is a DATETIME: make the change land in a later tick than the seed
        new StoreSimulator(db).changeStock(item, "WEB", new BigDecimal("2"));
        var after = counterpoint.changeMarks();
        assertTrue(after.stock().isAfter(before.stock()), before + " -> " + after);
        assertEquals(before.items(), after.items());
        assertEquals(before.prices(), after.prices());
    }

    @Test
    void pagingItemChangesVisitsEveryItemOnceAndThenOnlyWhatChanged() throws Exception {
        List<String> seen = new ArrayList<>();
        ItemCursor cursor = null;
        ReadItemChanges.Page page;
        do {
            page = counterpoint.itemChanges(new ReadItemChanges(cursor, 7, false));
            page.items().forEach(item -> seen.add(item.itemNo()));
            cursor = page.next();
        } while (!page.last());
        assertEquals(count(db, "SELECT COUNT(*) FROM IM_ITEM"), seen.size());
        assertEquals(seen.size(), new HashSet<>(seen).size(), "an item was read twice");

        assertTrue(counterpoint.itemChanges(new ReadItemChanges(cursor, 10, false)).items().isEmpty());
        Thread.sleep(20);
        String changed = seen.get(3);
        new StoreSimulator(db).changePrice(changed, com.counterlink.counterpoint.demo.PriceLevel.REG_PRC, new BigDecimal("12.34"));
        ReadItemChanges.Page after = counterpoint.itemChanges(new ReadItemChanges(cursor, 10, false));
        assertEquals(List.of(changed), after.items().stream().map(ReadItemChanges.Item::itemNo).toList());
        assertEquals(0, new BigDecimal("12.34").compareTo(after.items().get(0).regularPrice()));
    }

    @Test
    void theStockFeedPagesEveryRowOnceInChangeOrderThenOnlyWhatChangedAtTheLocations() throws Exception {
        List<ReadStockChanges.Change> seen = new ArrayList<>();
        StockCursor cursor = null;
        ReadStockChanges.Page page;
        do {
            // 7 a page: the seeded rows share a handful of change times, so most pages turn on the key columns
            page = counterpoint.stockChanges(new ReadStockChanges(cursor, List.of("WEB", "MAIN"), 7));
            seen.addAll(page.changes());
            cursor = page.next();
        } while (!page.last());
        long rows = count(db, "SELECT COUNT(*) FROM IM_INV WHERE LOC_ID IN ('WEB', 'MAIN')")
                + count(db, "SELECT COUNT(*) FROM IM_INV_CELL WHERE LOC_ID IN ('WEB', 'MAIN')");
        assertEquals(rows, seen.size());
        assertEquals(seen.size(), new HashSet<>(seen.stream().map(ReadStockChanges.Change::position).toList()).size(),
                "a stock row was read twice");
        for (int i = 1; i < seen.size(); i++) {
            assertFalse(seen.get(i).changedAtUtc().isBefore(seen.get(i - 1).changedAtUtc()), "oldest change first");
        }
        assertTrue(counterpoint.stockChanges(new ReadStockChanges(cursor, List.of("WEB", "MAIN"), 10)).changes().isEmpty());

        String simple = text(db, "SELECT MIN(i.ITEM_NO) FROM IM_ITEM i JOIN IM_INV v ON v.ITEM_NO = i.ITEM_NO"
                + " JOIN IM_INV o ON o.ITEM_NO = i.ITEM_NO AND o.LOC_ID = 'OUTLET' WHERE i.TRK_METH = 'N' AND v.LOC_ID = 'WEB'");
        String gridded = text(db, "SELECT MIN(ITEM_NO) FROM IM_INV_CELL WHERE LOC_ID = 'WEB'");
        List<String> dims = Sql.one(db, "SELECT TOP 1 DIM_1_UPR, DIM_2_UPR, DIM_3_UPR FROM IM_INV_CELL WHERE ITEM_NO = ?"
                + " AND LOC_ID = 'WEB' ORDER BY DIM_1_UPR, DIM_2_UPR, DIM_3_UPR",
                r -> List.of(r.getString(1), r.getString(2), r.getString(3)), gridded).orElseThrow();
        Thread.sleep(20);
        StoreSimulator simulator = new StoreSimulator(db);
        simulator.changeStock(simple, "WEB", new BigDecimal("-1"));
        simulator.changeCellStock(gridded, "WEB", new GridCell(dims.get(0), dims.get(1), dims.get(2)), new BigDecimal("3"));
        simulator.changeStock(simple, "OUTLET", new BigDecimal("5"));

        List<ReadStockChanges.Change> changed = counterpoint.stockChanges(new ReadStockChanges(cursor, List.of("WEB"), 10)).changes();
        List<String> keys = changed.stream().map(c -> c.itemNo() + "@" + c.locationId() + ":" + c.dim1() + "|" + c.dim2() + "|" + c.dim3())
                .toList();
        assertEquals(Set.of(simple + "@WEB:*|*|*", gridded + "@WEB:*|*|*",
                gridded + "@WEB:" + String.join("|", dims)), Set.copyOf(keys), "the rows that changed, at WEB only: " + keys);
        assertEquals(3, keys.size());

        ReadStockChanges.Page first = counterpoint.stockChanges(new ReadStockChanges(null, List.of("WEB"), 1));
        assertEquals(simple + "@OUTLET", first.newest().itemNo() + "@" + first.newest().locationId(),
                "every page names the newest stamped row (any location), where a full read leaves off");
        assertTrue(counterpoint.stockChanges(new ReadStockChanges(first.newest(), List.of("WEB"), 10)).changes().isEmpty(),
                "following the feed from there repeats none of the changes a full read already saw");
        Thread.sleep(20);
        simulator.changeStock(simple, "WEB", new BigDecimal("-1"));
        assertEquals(List.of(simple + "@WEB"), counterpoint.stockChanges(new ReadStockChanges(first.newest(), List.of("WEB"), 10))
                .changes().stream().map(c -> c.itemNo() + "@" + c.locationId()).toList(), "and finds the change after it");
    }

    @Test
    void thePriceFeedNamesEveryItemOnceThenOnlyThoseWhosePricesChangedAndARuleChangeOnlyMovesTheRulesMark() throws Exception {
        List<String> seen = new ArrayList<>();
        ItemCursor cursor = null;
        ReadPriceChanges.Page page;
        do {
            page = counterpoint.priceChanges(new ReadPriceChanges(cursor, 7));
            page.changes().forEach(change -> seen.add(change.itemNo()));
            cursor = page.next();
        } while (!page.last());
        assertEquals(count(db, "SELECT COUNT(*) FROM IM_ITEM WHERE RS_UTC_DT IS NOT NULL"), seen.size(),
                "every item has a stamped item row; those with prices are named once, at the newer stamp");
        assertEquals(seen.size(), new HashSet<>(seen).size(), "an item was named twice");
        assertEquals(cursor, page.newest(), "the last change read is the newest");
        ReadPriceChanges.Promotions before = page.promotions();
        assertNotNull(before.changedAtUtc());
        assertFalse(before.boundaries().isEmpty(), "the enabled demo promotions have dates");
        assertTrue(counterpoint.priceChanges(new ReadPriceChanges(cursor, 10)).changes().isEmpty());

        Thread.sleep(20);
        StoreSimulator simulator = new StoreSimulator(db);
        simulator.changePrice(seen.get(5), com.counterlink.counterpoint.demo.PriceLevel.PRC_2, new BigDecimal("3.21"));
        simulator.changePrice(seen.get(2), com.counterlink.counterpoint.demo.PriceLevel.REG_PRC, new BigDecimal("45.60"));
        ReadPriceChanges.Page changed = counterpoint.priceChanges(new ReadPriceChanges(cursor, 10));
        assertEquals(List.of(seen.get(5), seen.get(2)), changed.changes().stream().map(ReadPriceChanges.Change::itemNo).toList(),
                "a price on IM_PRC alone, then one mirrored on IM_ITEM: each item once, oldest first");
        assertTrue(changed.last());
        assertEquals(before.changedAtUtc(), changed.promotions().changedAtUtc(), "no rule changed");

        Thread.sleep(20);
        try (var update = db.prepareStatement("UPDATE IM_PRC_RUL_BRK SET AMT_OR_PCT = AMT_OR_PCT + 1 WHERE GRP_TYP = 'P'"
                + " AND GRP_COD = 'SPRING'")) {
            assertTrue(update.executeUpdate() > 0);
        }
        ReadPriceChanges.Page ruled = counterpoint.priceChanges(new ReadPriceChanges(changed.next(), 10));
        assertTrue(ruled.changes().isEmpty(), "a rule change names no item: it may concern any");
        assertTrue(ruled.promotions().changedAtUtc().isAfter(before.changedAtUtc()), ruled.toString());
        int deleted;
        try (var delete = db.prepareStatement("DELETE FROM IM_PRC_RUL_BRK WHERE GRP_TYP = 'P' AND GRP_COD = 'SUMMER'")) {
            deleted = delete.executeUpdate();
        }
        assertTrue(deleted > 0);
        assertEquals(ruled.promotions().rows() - deleted,
                counterpoint.priceChanges(new ReadPriceChanges(changed.next(), 10)).promotions().rows(),
                "a deleted rule leaves no stamp, but fewer rows");

        assertThrows(com.counterlink.bridge.protocol.InvalidParameterException.class, () -> new ReadPriceChanges(null, 0));
        assertThrows(com.counterlink.bridge.protocol.InvalidParameterException.class,
                () -> new ReadPriceChanges(null, ReadPriceChanges.MAX_PAGE_SIZE + 1));
    }

    @Test
    void anItemMovedToAnotherWebCategoryOrGivenANewDescriptionIsInTheItemFeedOnce() throws Exception {
        ItemCursor cursor = null;
        ReadItemChanges.Page page;
        do {
            page = counterpoint.itemChanges(new ReadItemChanges(cursor, 50, false));
            cursor = page.next();
        } while (!page.last());
        String moved = text(db, "SELECT MIN(ITEM_NO) FROM EC_CATEG_ITEM");
        int from = (int) count(db, "SELECT MIN(CATEG_ID) FROM EC_CATEG_ITEM WHERE ITEM_NO = ?", moved);
        int to = (int) count(db, "SELECT MIN(CATEG_ID) FROM EC_CATEG WHERE CATEG_ID NOT IN"
                + " (SELECT CATEG_ID FROM EC_CATEG_ITEM WHERE ITEM_NO = ?)", moved);
        String described = text(db, "SELECT MAX(ITEM_NO) FROM EC_ITEM_DESCR");
        Thread.sleep(20);
        try (var update = db.prepareStatement("UPDATE EC_CATEG_ITEM SET CATEG_ID = ? WHERE ITEM_NO = ? AND CATEG_ID = ?")) {
            update.setInt(1, to);
            update.setString(2, moved);
            update.setInt(3, from);
            assertEquals(1, update.executeUpdate());
        }
        try (var update = db.prepareStatement("UPDATE EC_ITEM_DESCR SET HTML_DESCR = '<p>new</p>' WHERE ITEM_NO = ?")) {
            update.setString(1, described);
            assertEquals(1, update.executeUpdate());
        }
        ReadItemChanges.Page after = counterpoint.itemChanges(new ReadItemChanges(cursor, 10, false));
        assertEquals(List.of(moved, described), after.items().stream().map(ReadItemChanges.Item::itemNo).toList(),
                "neither change stamps IM_ITEM, the feed still names both items, in change order");
        assertEquals("<p>new</p>", after.items().get(1).htmlDescription());
        assertTrue(counterpoint.itemChanges(new ReadItemChanges(after.next(), 10, false)).items().isEmpty());
    }

    @Test
    void theChangeProbeSeesCategoryChangesAsItemChangesAndRuleAndItemPriceChangesAsPriceChanges() throws Exception {
        var before = counterpoint.changeMarks();
        Thread.sleep(1100); // RS_UTC_DT is a DATETIME: make the change land in a later tick than the seed
        try (var update = db.prepareStatement("UPDATE EC_CATEG_ITEM SET ENTRY_SEQ_NO = ENTRY_SEQ_NO + 1 WHERE ITEM_NO = ?")) {
            update.setString(1, text(db, "SELECT MIN(ITEM_NO) FROM EC_CATEG_ITEM"));
            assertTrue(update.executeUpdate() > 0);
        }
        var categorized = counterpoint.changeMarks();
        assertTrue(categorized.items().isAfter(before.items()), before + " -> " + categorized);
        assertEquals(before.prices(), categorized.prices());
        assertEquals(before.stock(), categorized.stock());

        Thread.sleep(1100);
        try (var update = db.prepareStatement("UPDATE IM_PRC_GRP SET DESCR = 'Spring sale' WHERE GRP_TYP = 'P' AND GRP_COD = 'SPRING'")) {
            assertEquals(1, update.executeUpdate());
        }
        var ruled = counterpoint.changeMarks();
        assertTrue(ruled.prices().isAfter(categorized.prices()), categorized + " -> " + ruled);
        assertEquals(categorized.items(), ruled.items());
    }

    @Test
    void webCategoriesListEveryCategoryAndOnlyTheAskedItemsMemberships() throws SQLException {
        String item = text(db, "SELECT MIN(ITEM_NO) FROM EC_CATEG_ITEM");
        ReadWebCategories.Result result = counterpoint.webCategories(new ReadWebCategories(List.of(item, "NO-SUCH-ITEM")));
        assertEquals(count(db, "SELECT COUNT(*) FROM EC_CATEG"), result.categories().size());
        assertTrue(result.categories().stream().anyMatch(c -> c.name().equals("Soldes – Café & Crème ☕")), "names are Unicode");
        assertEquals(count(db, "SELECT COUNT(*) FROM EC_CATEG_ITEM WHERE ITEM_NO = ?", item), result.memberships().size());
        assertTrue(result.memberships().stream().allMatch(m -> m.itemNo().equals(item)));
    }

    @Test
    void oddItemNumbersComeThroughEveryFeedAndEachFeedMovesPastAnItemThatCannotBeSentOn() throws Exception {
        OddItems.add(db, LocalDateTime.now());
        Thread.sleep(20);
        String pasted = "PASTED\tITEM"; // a tab pasted into the number: Counterpoint takes it, WooCommerce would not
        db.createStatement().execute("INSERT INTO IM_ITEM (ITEM_NO, DESCR, IS_ECOMM_ITEM) VALUES ('PASTED' || CHAR(9) || 'ITEM', 'Pasted', 'Y')");
        db.createStatement().execute("INSERT INTO IM_PRC (ITEM_NO, REG_PRC) VALUES ('PASTED' || CHAR(9) || 'ITEM', 5)");
        db.createStatement().execute("INSERT INTO IM_INV (ITEM_NO, LOC_ID, QTY_ON_HND) VALUES ('PASTED' || CHAR(9) || 'ITEM', 'WEB', 3)");

        Map<String, ReadItemChanges.Item> items = new HashMap<>();
        ItemCursor cursor = null;
        ReadItemChanges.Page page;
        do {
            page = ProtocolJson.read(ProtocolJson.write(counterpoint.itemChanges(new ReadItemChanges(cursor, 50, true))),
                    ReadItemChanges.Page.class); // as the cloud reads it
            page.items().forEach(item -> items.put(item.itemNo(), item));
            cursor = page.next();
        } while (!page.last());
        assertTrue(items.keySet().containsAll(List.of(OddItems.ACCENTED, OddItems.SPACED, OddItems.SERVICE, pasted)), items.keySet().toString());
        assertEquals("N", items.get(OddItems.SERVICE).itemType(), "a non-inventory item says so");
        assertEquals(pasted, cursor.itemNo(), "the newest item is the last position");
        assertTrue(counterpoint.itemChanges(new ReadItemChanges(cursor, 50, true)).items().isEmpty(), "and the feed goes on past it");

        StockCursor stockAt = null;
        ReadStockChanges.Page stock;
        do {
            stock = ProtocolJson.read(ProtocolJson.write(counterpoint.stockChanges(new ReadStockChanges(stockAt, List.of("WEB"), 500))),
                    ReadStockChanges.Page.class);
            stockAt = stock.next();
        } while (!stock.last());
        assertEquals(pasted, stockAt.itemNo());
        assertTrue(counterpoint.stockChanges(new ReadStockChanges(stockAt, List.of("WEB"), 10)).changes().isEmpty());

        ItemCursor priceAt = null;
        ReadPriceChanges.Page prices;
        do {
            prices = ProtocolJson.read(ProtocolJson.write(counterpoint.priceChanges(new ReadPriceChanges(priceAt, 500))),
                    ReadPriceChanges.Page.class);
            priceAt = prices.next();
        } while (!prices.last());
        assertEquals(pasted, priceAt.itemNo());
        assertEquals(pasted, prices.newest().itemNo());

        List<ReadStock.Level> levels = counterpoint.stock(new ReadStock(List.of("WEB"),
                List.of(OddItems.ACCENTED, OddItems.SPACED, OddItems.SERVICE))).levels();
        assertEquals(List.of(OddItems.ACCENTED, OddItems.SPACED), levels.stream().map(ReadStock.Level::itemNo).sorted().toList(),
                "the odd numbers find their stock; the non-inventory item has none");
        assertEquals(2, counterpoint.prices(new ReadPrices(PriceLevel.REG_PRC, List.of(OddItems.ACCENTED, OddItems.SPACED)))
                .prices().size());
    }

    @Test
    void stockOfAGriddedItemIsPerCellAndOfASimpleItemPerLocation() throws SQLException {
        String gridded = text(db, "SELECT MIN(ITEM_NO) FROM IM_ITEM WHERE TRK_METH = 'G'");
        String simple = text(db, "SELECT MIN(ITEM_NO) FROM IM_ITEM WHERE TRK_METH = 'N' AND ITEM_TYP = 'I'");
        ReadStock.Result result = counterpoint.stock(new ReadStock(List.of("WEB", "MAIN"), List.of(gridded, simple)));

        long cells = count(db, "SELECT COUNT(*) FROM IM_INV_CELL WHERE ITEM_NO = ? AND LOC_ID IN ('WEB', 'MAIN')", gridded);
        assertEquals(cells, result.levels().stream().filter(l -> l.itemNo().equals(gridded)).count());
        assertTrue(result.levels().stream().filter(l -> l.itemNo().equals(gridded)).noneMatch(l -> l.dim1().equals("*")));
        List<ReadStock.Level> simpleLevels = result.levels().stream().filter(l -> l.itemNo().equals(simple)).toList();
        assertEquals(2, simpleLevels.size());
        ReadStock.Level web = simpleLevels.stream().filter(l -> l.locationId().equals("WEB")).findFirst().orElseThrow();
        assertEquals("*", web.dim1());
        assertEquals(0, web.onHand().subtract(web.committed()).compareTo(web.available()));
    }

    @Test
    void pricesComeFromTheChosenLevelWithThePromotionsAndTheirBreaks() throws SQLException {
        String item = text(db, "SELECT MIN(ITEM_NO) FROM IM_PRC WHERE PRC_2 IS NOT NULL");
        ReadPrices.Result result = counterpoint.prices(new ReadPrices(PriceLevel.PRC_2, List.of(item, "NO-SUCH-ITEM")));
        assertEquals(1, result.prices().size());
        assertEquals(0, result.prices().get(0).price().compareTo(
                Sql.one(db, "SELECT PRC_2 FROM IM_PRC WHERE ITEM_NO = ?", r -> r.getBigDecimal(1), item).orElseThrow()));
        ReadPrices.Promotion spring = result.promotions().stream().filter(p -> p.groupCode().equals("SPRING")).findFirst().orElseThrow();
        assertTrue(spring.enabled());
        assertTrue(spring.begins() != null || spring.ends() != null);
        assertFalse(spring.rules().isEmpty());
        assertFalse(spring.rules().get(0).breaks().isEmpty());
        assertTrue(result.promotions().stream().anyMatch(p -> p.groupCode().equals("SUMMER")));
    }

    @Test
    void setupListsTheWebStoreStationDrawerPayAndTaxCodes() throws SQLException {
        var setup = counterpoint.setup();
        assertTrue(setup.stores().stream().anyMatch(s -> s.storeId().equals("WEB") && s.stockLocationId().equals("WEB")));
        assertTrue(setup.stations().stream().anyMatch(s -> s.stationId().equals("WEB-01")));
        assertTrue(setup.drawers().stream().anyMatch(d -> d.storeId().equals("WEB") && d.drawerId().equals("WEB")));
        assertEquals(3, setup.locations().size());
        assertTrue(setup.payCodes().stream().anyMatch(c -> c.code().equals("WEB")));
        assertTrue(setup.taxCodes().stream().anyMatch(c -> c.code().equals("WEB")));
    }

    @Test
    void customersAreFoundByEmailIgnoringCaseAndSpacesLowestNumberFirst() throws SQLException {
        String shared = sharedEmail();
        List<String> expected = customersWithEmail(shared);
        List<Customer> found = counterpoint.customersByEmail(new FindCustomersByEmail("  " + shared.toLowerCase(Locale.ROOT) + " "))
                .customers();
        assertEquals(expected, found.stream().map(Customer::customerNo).toList());
        assertTrue(expected.size() > 1);
        assertTrue(counterpoint.customersByEmail(new FindCustomersByEmail("nobody@nowhere.example")).customers().isEmpty());
    }

    @Test
    void matchesByEmailFindEveryCustomerSharingItWhateverItsCaseOrSpaces() throws SQLException {
        String shared = sharedEmail();
        List<String> expected = customersWithEmail(shared);
        List<FindCustomerMatches.Candidate> found = counterpoint.customerMatches(new FindCustomerMatches(
                shared.toLowerCase(Locale.ROOT), null, null, null, null, null, 20)).candidates();
        assertTrue(expected.size() > 1);
        assertEquals(expected, found.stream().map(FindCustomerMatches.Candidate::customerNo).toList());
        FindCustomerMatches.Candidate first = found.get(0);
        assertEquals(shared, first.email().toUpperCase(Locale.ROOT), "the e-mail comes back trimmed");
        assertNotNull(first.phone());
        assertNotNull(first.city());
        assertNotNull(first.zip());
        assertNotNull(first.address1());
    }

    @Test
    void matchesByPhoneCompareDigitsOnlyWhateverTheFormatting() throws SQLException {
        String customerNo = "100004";
        String phone = text(db, "SELECT PHONE_1 FROM AR_CUST WHERE CUST_NO = ?", customerNo); // 901-555-nnnn
        String digits = phone.replaceAll("[^0-9]", "");
        String typed = "+1 (" + digits.substring(0, 3) + ") " + digits.substring(3, 6) + "." + digits.substring(6);
        List<FindCustomerMatches.Candidate> found = counterpoint.customerMatches(new FindCustomerMatches(
                null, null, null, typed, null, null, 20)).candidates();
        assertTrue(found.stream().anyMatch(c -> c.customerNo().equals(customerNo)), found.toString());
        assertTrue(found.stream().allMatch(c -> c.phone().replaceAll("[^0-9]", "").equals(digits)), found.toString());
        assertTrue(counterpoint.customerMatches(new FindCustomerMatches(null, null, null, "(000) 000-0000", null, null, 20))
                .candidates().isEmpty());
    }

    @Test
    void matchesByLastNameNeedTheSamePostalCodeAndKeepTheLimit() throws SQLException {
        record Person(String lastName, String zip) {
        }
        Person person = Sql.one(db, "SELECT LST_NAM, ZIP_COD FROM AR_CUST WHERE CUST_NO = '100007'",
                r -> new Person(r.getString(1), r.getString(2))).orElseThrow();
        List<String> expected = Sql.list(db, "SELECT CUST_NO FROM AR_CUST WHERE LST_NAM = ? AND ZIP_COD = ? ORDER BY CUST_NO",
                r -> r.getString(1), person.lastName(), person.zip());
        List<FindCustomerMatches.Candidate> found = counterpoint.customerMatches(new FindCustomerMatches(
                null, null, " " + person.lastName().toLowerCase(Locale.ROOT), null, person.zip(), null, 20)).candidates();
        assertEquals(expected, found.stream().map(FindCustomerMatches.Candidate::customerNo).toList());
        assertTrue(counterpoint.customerMatches(new FindCustomerMatches(null, null, person.lastName(), null, "00000", null, 20))
                .candidates().isEmpty(), "a last name alone is not a match");

        String common = text(db, "SELECT MIN(LST_NAM) FROM AR_CUST WHERE LST_NAM IS NOT NULL");
        Sql.update(db, "UPDATE AR_CUST SET ZIP_COD = '38101' WHERE LST_NAM = ?", common);
        assertEquals(2, counterpoint.customerMatches(new FindCustomerMatches(null, null, common, null, "38101", null, 2))
                .candidates().size());
    }

    @Test
    void aMatchRequestNeedsAnEmailAPhoneOrALastNameAndBoundsItsFields() {
        assertThrows(InvalidParameterException.class, () -> new FindCustomerMatches(null, "Ada", null, null, "38101", "1 Main St", 5));
        assertThrows(InvalidParameterException.class, () -> new FindCustomerMatches(null, null, null, "555-12", null, null, 5));
        assertThrows(InvalidParameterException.class, () -> new FindCustomerMatches("a@b.org", null, null, null, null, null, 21));
        assertThrows(InvalidParameterException.class, () -> new FindCustomerMatches("a@b.org", null, "x".repeat(26), null, null, null, 5));
        assertThrows(InvalidParameterException.class, () -> new FindCustomerMatches("not an email", null, null, null, null, null, 5));
    }

    /** An e-mail the demo data gives several customers (in different case or with spaces), upper case. */
    private String sharedEmail() throws SQLException {
        return text(db, "SELECT MIN(e) FROM (SELECT UPPER(LTRIM(RTRIM(EMAIL_ADRS_1))) e FROM AR_CUST"
                + " WHERE EMAIL_ADRS_1 IS NOT NULL GROUP BY UPPER(LTRIM(RTRIM(EMAIL_ADRS_1))) HAVING COUNT(*) > 1) d");
    }

    private List<String> customersWithEmail(String email) throws SQLException {
        return Sql.list(db, "SELECT CUST_NO FROM AR_CUST WHERE UPPER(LTRIM(RTRIM(EMAIL_ADRS_1))) = ? ORDER BY CUST_NO",
                r -> r.getString(1), email);
    }

    @Test
    void creatingTheSameWebCustomerTwiceGivesOneCustomerNumberedFromEcCtl() throws SQLException {
        CreateCustomer request = new CreateCustomer("woo-customer-77", "Ada", "Lovelace", "ada@example.org", null,
                "1 Main St", null, "Memphis", "TN", "38101", "US");
        CreateCustomer.Result first = counterpoint.createCustomer(request);
        CreateCustomer.Result second = counterpoint.createCustomer(request);
        assertTrue(first.created());
        assertFalse(second.created());
        assertEquals("OL-100001", first.customer().customerNo());
        assertEquals(first.customer().customerNo(), second.customer().customerNo());
        assertEquals("OL-100002", text(db, "SELECT NXT_CUST_NO FROM EC_CTL"));
        assertEquals("N", text(db, "SELECT IS_ECOMM_CUST FROM AR_CUST WHERE CUST_NO = 'OL-100001'"));
        assertEquals("OL-100001", counterpoint.customersByEmail(new FindCustomersByEmail("ADA@example.org")).customers().get(0).customerNo());
    }

    @Test
    void writingTheSameOrderKeyTwiceReturnsTheFirstDocumentAndWritesOnce() throws SQLException {
        WriteDocument order = order("woo-1001", 'O', simpleItem());
        WriteDocument.Result first = counterpoint.writeDocument(order);
        WriteDocument.Result second = counterpoint.writeDocument(order);
        assertTrue(first.firstWrite());
        assertFalse(second.firstWrite());
        assertEquals(first.docId(), second.docId());
        assertEquals(first.ticketNo(), second.ticketNo());
        assertEquals(1, count(db, "SELECT COUNT(*) FROM PS_DOC_HDR WHERE DOC_ID = ?", first.docId()));
        assertEquals(1, count(db, "SELECT COUNT(*) FROM USR_WEB_ORD_KEY"));
        assertEquals(2, count(db, "SELECT COUNT(*) FROM PS_DOC_LIN WHERE DOC_ID = ?", first.docId()));
        assertEquals("W100001", first.ticketNo());
    }

    @Test
    void aCouponIsALineDiscountOnTheGrossPriceAndShippingAndFeesAreTheirOwnMiscChargesWithTheWebOrderNumber()
            throws SQLException {
        // 3 x 10.00 with a 3.00 coupon, 7.50 taxable shipping on misc charge 1, a 2.00 fee on misc charge 2
        WriteDocument order = new WriteDocument("woo-3003", 'T', "WEB", "WEB-01", "WEB", "CASH", "WEB", "WEB",
                List.of(new DocumentLine(simpleItem(), "*", "*", "*", new BigDecimal("3"), new BigDecimal("10.00"),
                        new BigDecimal("3.00")), DocumentLine.of(simpleItem(), 1, "5.00")),
                null, new BigDecimal("2.84"), "3003",
                List.of(new MiscCharge(1, new BigDecimal("7.50"), true), new MiscCharge(2, new BigDecimal("2.00"), false)));
        long docId = counterpoint.writeDocument(order).docId();

        assertEquals("3003", text(db, "SELECT REF FROM PS_DOC_HDR WHERE DOC_ID = " + docId));
        assertEquals("10.0000", text(db, "SELECT PRC FROM PS_DOC_LIN WHERE DOC_ID = " + docId + " AND LIN_SEQ_NO = 1"),
                "the line keeps its gross unit price");
        assertEquals("30.00", text(db, "SELECT EXT_PRC FROM PS_DOC_LIN WHERE DOC_ID = " + docId + " AND LIN_SEQ_NO = 1"));
        assertEquals("1|L|A|3.00", text(db, "SELECT CAST(LIN_SEQ_NO AS VARCHAR) || '|' || APPLY_TO || '|' || DISC_TYP || '|'"
                + " || CAST(DISC_AMT AS VARCHAR) FROM PS_DOC_DISC WHERE DOC_ID = " + docId));
        assertEquals(1, count(db, "SELECT COUNT(*) FROM PS_DOC_DISC WHERE DOC_ID = ?", docId));
        assertEquals("7.50", text(db, "SELECT MISC_AMT FROM PS_DOC_HDR_MISC_CHRG WHERE DOC_ID = " + docId + " AND MISC_CHRG_NO = 1"));
        assertEquals("2.00", text(db, "SELECT MISC_AMT FROM PS_DOC_HDR_MISC_CHRG WHERE DOC_ID = " + docId + " AND MISC_CHRG_NO = 2"));
        assertEquals("7.50|0.00", text(db, "SELECT CAST(TXBL_MISC_CHG_AMT_1 AS VARCHAR) || '|' || CAST(TXBL_MISC_CHG_AMT_2 AS"
                + " VARCHAR) FROM PS_DOC_TAX WHERE DOC_ID = " + docId), "only the taxable shipping counts as taxable");
        // TOT = SUB_TOT - TOT_LIN_DISC + TAX_AMT + TOT_MISC = 35.00 - 3.00 + 2.84 + 9.50, the discount counted once
        assertEquals("35.00|3.00|9.50|2.84|44.34", text(db, "SELECT CAST(SUB_TOT AS VARCHAR) || '|' || CAST(TOT_LIN_DISC AS VARCHAR)"
                + " || '|' || CAST(TOT_MISC AS VARCHAR) || '|' || CAST(TAX_AMT AS VARCHAR) || '|' || CAST(TOT AS VARCHAR)"
                + " FROM PS_DOC_HDR_TOT WHERE DOC_ID = " + docId));
        assertEquals("44.34", text(db, "SELECT AMT FROM PS_DOC_PMT WHERE DOC_ID = " + docId));
    }

    @Test
    void taxedShippingAndATaxableFeeSharingTheFeeMiscChargeWithAnUntaxedOneAreInTheTaxableBaseTheTaxWasLeviedOn()
            throws SQLException {
        // WooCommerce at 8.25 %: lines 35.99 + 21.59 (after coupons), shipping 5.00 taxed, gift wrap 2.50 taxed and a
        // 1.00 handling fee untaxed on fee misc charge 2; tax 8.25 % of 65.08 = 5.37; total 71.45
        String item = text(db, "SELECT MIN(ITEM_NO) FROM IM_ITEM WHERE TRK_METH = 'N' AND ITEM_TYP = 'I' AND IS_TXBL = 'Y'");
        WriteDocument order = new WriteDocument("woo-4004", 'T', "WEB", "WEB-01", "WEB", "CASH", "WEB", "WEB",
                List.of(new DocumentLine(item, "*", "*", "*", new BigDecimal("2"), new BigDecimal("19.99"), new BigDecimal("3.99")),
                        new DocumentLine(item, "*", "*", "*", BigDecimal.ONE, new BigDecimal("24.00"), new BigDecimal("2.41"))),
                null, new BigDecimal("5.37"), "4004",
                List.of(MiscCharge.withTaxablePart(1, new BigDecimal("5.00"), new BigDecimal("5.00")),
                        MiscCharge.withTaxablePart(2, new BigDecimal("3.50"), new BigDecimal("2.50"))));
        long docId = counterpoint.writeDocument(order).docId();

        assertEquals("5.00", text(db, "SELECT MISC_AMT FROM PS_DOC_HDR_MISC_CHRG WHERE DOC_ID = " + docId + " AND MISC_CHRG_NO = 1"));
        assertEquals("3.50", text(db, "SELECT MISC_AMT FROM PS_DOC_HDR_MISC_CHRG WHERE DOC_ID = " + docId + " AND MISC_CHRG_NO = 2"),
                "both fees on the fee misc charge");
        // what a tax report reads: the taxable base by part, its total, and the tax levied on it
        assertEquals("57.58|57.58|5.00|2.50|0.00|0.00|0.00|65.08|5.37", text(db, "SELECT CAST(LIN_AMT AS VARCHAR) || '|' ||"
                + " CAST(TXBL_LIN_AMT AS VARCHAR) || '|' || CAST(TXBL_MISC_CHG_AMT_1 AS VARCHAR) || '|' ||"
                + " CAST(TXBL_MISC_CHG_AMT_2 AS VARCHAR) || '|' || CAST(TXBL_MISC_CHG_AMT_3 AS VARCHAR) || '|' ||"
                + " CAST(TXBL_MISC_CHG_AMT_4 AS VARCHAR) || '|' || CAST(TXBL_MISC_CHG_AMT_5 AS VARCHAR) || '|' ||"
                + " CAST(TOT_TXBL_AMT AS VARCHAR) || '|' || CAST(TAX_AMT AS VARCHAR) FROM PS_DOC_TAX WHERE DOC_ID = " + docId));
        assertEquals(0, count(db, "SELECT COUNT(*) FROM PS_DOC_TAX WHERE DOC_ID = ? AND TOT_TXBL_AMT <> TXBL_LIN_AMT"
                + " + TXBL_MISC_CHG_AMT_1 + TXBL_MISC_CHG_AMT_2 + TXBL_MISC_CHG_AMT_3 + TXBL_MISC_CHG_AMT_4 + TXBL_MISC_CHG_AMT_5",
                docId), "the taxable total is the sum of its parts");
        BigDecimal base = new BigDecimal(text(db, "SELECT TOT_TXBL_AMT FROM PS_DOC_TAX WHERE DOC_ID = " + docId));
        assertEquals(new BigDecimal("5.37"), base.multiply(new BigDecimal("0.0825")).setScale(2, java.math.RoundingMode.HALF_UP),
                "the rate on the taxable base gives the tax charged");
        assertEquals(text(db, "SELECT TAX_AMT FROM PS_DOC_TAX WHERE DOC_ID = " + docId),
                text(db, "SELECT TAX_AMT FROM PS_DOC_HDR_TOT WHERE DOC_ID = " + docId));
        // TOT = SUB_TOT - TOT_LIN_DISC + TAX_AMT + TOT_MISC = 63.98 - 6.40 + 5.37 + 8.50, and the payment
        assertEquals("63.98|6.40|8.50|5.37|71.45", text(db, "SELECT CAST(SUB_TOT AS VARCHAR) || '|' || CAST(TOT_LIN_DISC AS VARCHAR)"
                + " || '|' || CAST(TOT_MISC AS VARCHAR) || '|' || CAST(TAX_AMT AS VARCHAR) || '|' || CAST(TOT AS VARCHAR)"
                + " FROM PS_DOC_HDR_TOT WHERE DOC_ID = " + docId));
        assertEquals("71.45", text(db, "SELECT AMT FROM PS_DOC_PMT WHERE DOC_ID = " + docId));
    }

    @Test
    void twoChargesOnTheSameMiscChargeAreRefusedAndNothingIsWritten() throws SQLException {
        String ticketBefore = text(db, "SELECT NXT_TKT_NO FROM PS_STR WHERE STR_ID = 'WEB'");
        int ecommerce = (int) count(db, "SELECT ORD_MISC_CHRG_NO FROM EC_CTL");
        WriteDocument order = new WriteDocument("woo-clash", 'T', "WEB", "WEB-01", "WEB", "CASH", "WEB", "WEB",
                List.of(DocumentLine.of(simpleItem(), 1, "5.00")), null, null, "clash",
                List.of(new MiscCharge(null, new BigDecimal("1.00"), false), new MiscCharge(ecommerce, BigDecimal.ONE, false)));
        TaskFailure failure = assertThrows(TaskFailure.class, () -> counterpoint.writeDocument(order));
        assertEquals(TaskErrorCode.INVALID_PARAMETERS, failure.code());
        assertNothingWritten(ticketBefore);
    }

    @Test
    void anUnknownItemOnALaterLineLeavesNothingHalfWritten() throws SQLException {
        String ticketBefore = text(db, "SELECT NXT_TKT_NO FROM PS_STR WHERE STR_ID = 'WEB'");
        WriteDocument bad = new WriteDocument("woo-bad", 'O', "WEB", "WEB-01", "WEB", "CASH", "WEB", "WEB",
                List.of(DocumentLine.of(simpleItem(), 1, "10.00"), DocumentLine.of("NO-SUCH-ITEM", 1, "5.00")), null, null);
        TaskFailure failure = assertThrows(TaskFailure.class, () -> counterpoint.writeDocument(bad));
        assertEquals(TaskErrorCode.NOT_FOUND, failure.code());
        assertTrue(failure.getMessage().contains("NO-SUCH-ITEM"));
        assertNothingWritten(ticketBefore);
    }

    @Test
    void aSqlErrorInTheLastStatementRollsBackTheWholeDocument() throws SQLException {
        String ticketBefore = text(db, "SELECT NXT_TKT_NO FROM PS_STR WHERE STR_ID = 'WEB'");
        Sql.update(db, "ALTER TABLE USR_WEB_ORD_KEY ADD CONSTRAINT NO_WRITES CHECK (DOC_ID < 0)");
        assertThrows(SQLException.class, () -> counterpoint.writeDocument(order("woo-err", 'T', simpleItem())));
        assertNothingWritten(ticketBefore);
    }

    @Test
    void postedDocumentsAreReportedOnceTheStorePostsThem() throws SQLException {
        WriteDocument.Result written = counterpoint.writeDocument(order("woo-2002", 'T', simpleItem()));
        ReadPostedDocuments request = new ReadPostedDocuments(List.of("woo-2002", "woo-never"));
        List<ReadPostedDocuments.Status> before = counterpoint.postedDocuments(request).documents();
        assertTrue(before.get(0).written());
        assertFalse(before.get(0).posted());
        assertFalse(before.get(1).written());
        assertNull(before.get(1).docId());

        new StoreSimulator(db).postTicket(written.docId());
        ReadPostedDocuments.Status after = counterpoint.postedDocuments(request).documents().get(0);
        assertTrue(after.posted());
        assertEquals(written.docId(), after.docId());
    }

    private void assertNothingWritten(String ticketBefore) throws SQLException {
        assertEquals(0, count(db, "SELECT COUNT(*) FROM PS_DOC_HDR"));
        assertEquals(0, count(db, "SELECT COUNT(*) FROM PS_DOC_LIN"));
        assertEquals(0, count(db, "SELECT COUNT(*) FROM USR_WEB_ORD_KEY"));
        assertEquals(0, count(db, "SELECT COUNT(*) FROM IM_INV WHERE QTY_COMMIT <> 0 AND LST_MAINT_USR_ID = 'WEB'"));
        assertEquals(ticketBefore, text(db, "SELECT NXT_TKT_NO FROM PS_STR WHERE STR_ID = 'WEB'"));
    }

    private String simpleItem() throws SQLException {
        return text(db, "SELECT MIN(ITEM_NO) FROM IM_ITEM WHERE TRK_METH = 'N' AND ITEM_TYP = 'I'");
    }

    static WriteDocument order(String key, char type, String item) {
        return new WriteDocument(key, type, "WEB", "WEB-01", "WEB", "CASH", "WEB", "WEB",
                List.of(DocumentLine.of(item, 2, "19.99"), DocumentLine.of(item, 1, "5.00")), new BigDecimal("4.95"),
                new BigDecimal("3.10"));
    }
}
