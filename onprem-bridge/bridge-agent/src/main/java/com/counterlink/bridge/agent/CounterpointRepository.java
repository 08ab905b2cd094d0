package com.counterlink.bridge.agent;

import com.counterlink.bridge.protocol.WireMessages.ChangeMarks;
import com.counterlink.bridge.protocol.TaskErrorCode;
import com.counterlink.bridge.protocol.operations.CreateCustomer;
import com.counterlink.bridge.protocol.operations.Customer;
import com.counterlink.bridge.protocol.operations.DocumentLine;
import com.counterlink.bridge.protocol.operations.FindCustomerMatches;
import com.counterlink.bridge.protocol.operations.FindCustomersByEmail;
import com.counterlink.bridge.protocol.operations.ItemCursor;
import com.counterlink.bridge.protocol.operations.MiscCharge;
import com.counterlink.bridge.protocol.operations.ReadItemChanges;
import com.counterlink.bridge.protocol.operations.ReadPostedDocuments;
import com.counterlink.bridge.protocol.operations.ReadPriceChanges;
import com.counterlink.bridge.protocol.operations.ReadPrices;
import com.counterlink.bridge.protocol.operations.ReadSetup;
import com.counterlink.bridge.protocol.operations.ReadStock;
import com.counterlink.bridge.protocol.operations.ReadStockChanges;
import com.counterlink.bridge.protocol.operations.ReadWebCategories;
import com.counterlink.bridge.protocol.operations.StockCursor;
import com.counterlink.bridge.protocol.operations.WriteDocument;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * All of the bridge's Counterpoint SQL. T-SQL for SQL Server 2016+ that H2's MSSQLServer mode also
 * runs: no row-value comparisons, no OUTPUT, no SYSUTCDATETIME(); times are passed as parameters,
 * and DATETIME columns are compared with CAST(? AS DATETIME) because a Java time travels as datetime2.
 */
public final class CounterpointRepository {

    private static final String USER_ID = "WEB";
    private static final long FIRST_DOC_ID = 100_000_000_001L;

    private final Connection c;

    public CounterpointRepository(Connection connection) {
        this.c = connection;
    }

    /**
     * Items changed after the cursor, in the order (change time, ITEM_NO). An item changes with its
     * IM_ITEM row, its web description (EC_ITEM_DESCR) or a web category membership (EC_CATEG_ITEM):
     * Counterpoint stamps none of those on IM_ITEM, so each table is a branch of the feed, and an item
     * stands once, at the newest stamp of its rows (the branch holding it). A removed membership
     * leaves no row to see.
     */
    public ReadItemChanges.Page itemChanges(ReadItemChanges request) throws SQLException {
        ItemCursor after = request.after();
        List<Object> args = new ArrayList<>();
        args.add(request.pageSize());
        String web = request.ecommerceOnly() ? " AND i.IS_ECOMM_ITEM = 'Y'" : "";
        String branches = feedBranch("i.ITEM_NO", "i.RS_UTC_DT", "IM_ITEM i", "i.RS_UTC_DT IS NOT NULL" + web
                        + " AND NOT EXISTS (SELECT 1 FROM EC_ITEM_DESCR d2 WHERE d2.ITEM_NO = i.ITEM_NO AND d2.RS_UTC_DT > i.RS_UTC_DT)"
                        + " AND NOT EXISTS (SELECT 1 FROM EC_CATEG_ITEM m2 WHERE m2.ITEM_NO = i.ITEM_NO AND m2.RS_UTC_DT > i.RS_UTC_DT)",
                after, request.pageSize(), args)
                + " UNION ALL " + feedBranch("d.ITEM_NO", "d.RS_UTC_DT", "EC_ITEM_DESCR d JOIN IM_ITEM i ON i.ITEM_NO = d.ITEM_NO",
                "d.RS_UTC_DT IS NOT NULL" + web + " AND (i.RS_UTC_DT IS NULL OR d.RS_UTC_DT > i.RS_UTC_DT)"
                        + " AND NOT EXISTS (SELECT 1 FROM EC_CATEG_ITEM m2 WHERE m2.ITEM_NO = d.ITEM_NO AND m2.RS_UTC_DT > d.RS_UTC_DT)",
                after, request.pageSize(), args)
                + " UNION ALL " + feedBranch("m.ITEM_NO", "m.RS_UTC_DT", "EC_CATEG_ITEM m JOIN IM_ITEM i ON i.ITEM_NO = m.ITEM_NO"
                        + " LEFT JOIN EC_ITEM_DESCR d ON d.ITEM_NO = m.ITEM_NO",
                "m.RS_UTC_DT IS NOT NULL" + web + " AND (i.RS_UTC_DT IS NULL OR m.RS_UTC_DT > i.RS_UTC_DT)"
                        + " AND (d.RS_UTC_DT IS NULL OR m.RS_UTC_DT > d.RS_UTC_DT)"
                        + " AND NOT EXISTS (SELECT 1 FROM EC_CATEG_ITEM m2 WHERE m2.ITEM_NO = m.ITEM_NO AND m2.RS_UTC_DT > m.RS_UTC_DT)",
                after, request.pageSize(), args);
        String sql = "SELECT TOP (?) i.ITEM_NO, i.DESCR, i.LONG_DESCR, i.ITEM_TYP, i.TRK_METH, i.DIM_COUNT,"
                + " i.GRID_DIM_1_TAG, i.GRID_DIM_2_TAG, i.GRID_DIM_3_TAG, i.CATEG_COD, i.STAT, i.IS_ECOMM_ITEM,"
                + " i.REG_PRC, i.PRC_1, d.HTML_DESCR, x.CHANGED"
                + " FROM (" + branches + ") x JOIN IM_ITEM i ON i.ITEM_NO = x.ITEM_NO"
                + " LEFT JOIN EC_ITEM_DESCR d ON d.ITEM_NO = i.ITEM_NO"
                + " ORDER BY x.CHANGED, x.ITEM_NO";
        List<ReadItemChanges.Item> rows = Sql.list(c, sql, row -> new ReadItemChanges.Item(
                row.getString(1), row.getString(2), row.getString(3), row.getString(4), row.getString(5), row.getInt(6),
                Arrays.asList(row.getString(7), row.getString(8), row.getString(9)).stream().filter(Objects::nonNull).toList(),
                row.getString(10), row.getString(11), "Y".equals(row.getString(12)), row.getBigDecimal(13),
                row.getBigDecimal(14), row.getString(15), row.getObject(16, LocalDateTime.class)), args.toArray());
        Map<String, ReadItemChanges.Item> latest = new LinkedHashMap<>();
        for (ReadItemChanges.Item item : rows) {
            latest.remove(item.itemNo());
            latest.put(item.itemNo(), item);
        }
        ItemCursor next = rows.isEmpty() ? after
                : new ItemCursor(rows.getLast().changedAtUtc(), rows.getLast().itemNo());
        return new ReadItemChanges.Page(List.copyOf(latest.values()), next, rows.size() < request.pageSize());
    }

    /**
     * Items whose IM_PRC or IM_ITEM row changed after the cursor, in the order (RS_UTC_DT, ITEM_NO), each
     * once at the newer of its two stamps; with the promotional rules' newest change and dates.
     */
    public ReadPriceChanges.Page priceChanges(ReadPriceChanges request) throws SQLException {
        ItemCursor after = request.after();
        List<Object> args = new ArrayList<>();
        args.add(request.pageSize());
        String branches = feedBranch("p.ITEM_NO", "p.RS_UTC_DT", "IM_PRC p LEFT JOIN IM_ITEM i ON i.ITEM_NO = p.ITEM_NO",
                "p.RS_UTC_DT IS NOT NULL AND (i.RS_UTC_DT IS NULL OR p.RS_UTC_DT >= i.RS_UTC_DT)", after, request.pageSize(), args)
                + " UNION ALL " + feedBranch("i.ITEM_NO", "i.RS_UTC_DT", "IM_ITEM i LEFT JOIN IM_PRC p ON p.ITEM_NO = i.ITEM_NO",
                "i.RS_UTC_DT IS NOT NULL AND (p.RS_UTC_DT IS NULL OR i.RS_UTC_DT > p.RS_UTC_DT)", after, request.pageSize(), args);
        List<ReadPriceChanges.Change> rows = Sql.list(c, "SELECT TOP (?) x.ITEM_NO, x.CHANGED FROM (" + branches
                        + ") x ORDER BY x.CHANGED, x.ITEM_NO",
                row -> new ReadPriceChanges.Change(row.getString(1), row.getObject(2, LocalDateTime.class)), args.toArray());
        Map<String, ReadPriceChanges.Change> latest = new LinkedHashMap<>();
        for (ReadPriceChanges.Change change : rows) {
            latest.remove(change.itemNo());
            latest.put(change.itemNo(), change);
        }
        ItemCursor next = rows.isEmpty() ? after : rows.getLast().position();
        ItemCursor newest = Sql.one(c, "SELECT TOP 1 x.ITEM_NO, x.CHANGED FROM ("
                        + "SELECT * FROM (SELECT TOP 1 p.ITEM_NO AS ITEM_NO, p.RS_UTC_DT AS CHANGED FROM IM_PRC p"
                        + " WHERE p.RS_UTC_DT IS NOT NULL ORDER BY p.RS_UTC_DT DESC, p.ITEM_NO DESC) a UNION ALL"
                        + " SELECT * FROM (SELECT TOP 1 i.ITEM_NO AS ITEM_NO, i.RS_UTC_DT AS CHANGED FROM IM_ITEM i"
                        + " WHERE i.RS_UTC_DT IS NOT NULL ORDER BY i.RS_UTC_DT DESC, i.ITEM_NO DESC) b"
                        + ") x ORDER BY x.CHANGED DESC, x.ITEM_NO DESC",
                row -> new ItemCursor(row.getObject(2, LocalDateTime.class), row.getString(1))).orElse(null);
        return new ReadPriceChanges.Page(List.copyOf(latest.values()), next, rows.size() < request.pageSize(), newest,
                promotions());
    }

    private ReadPriceChanges.Promotions promotions() throws SQLException {
        record Mark(LocalDateTime changed, int rows) {
        }
        Mark mark = Sql.one(c, """
                SELECT (SELECT MAX(RS_UTC_DT) FROM IM_PRC_GRP WHERE GRP_TYP = 'P'),
                       (SELECT MAX(RS_UTC_DT) FROM IM_PRC_RUL WHERE GRP_TYP = 'P'),
                       (SELECT MAX(RS_UTC_DT) FROM IM_PRC_RUL_BRK WHERE GRP_TYP = 'P'),
                       (SELECT COUNT(*) FROM IM_PRC_GRP WHERE GRP_TYP = 'P') + (SELECT COUNT(*) FROM IM_PRC_RUL WHERE GRP_TYP = 'P')
                         + (SELECT COUNT(*) FROM IM_PRC_RUL_BRK WHERE GRP_TYP = 'P')""",
                row -> new Mark(newest(row.getObject(1, LocalDateTime.class), row.getObject(2, LocalDateTime.class),
                        row.getObject(3, LocalDateTime.class)), row.getInt(4))).orElse(new Mark(null, 0));
        java.util.TreeSet<LocalDateTime> boundaries = new java.util.TreeSet<>();
        for (LocalDateTime[] dates : Sql.list(c, "SELECT NO_BEG_DAT, BEG_DAT, NO_END_DAT, END_DAT FROM IM_PRC_GRP"
                        + " WHERE GRP_TYP = 'P' AND ENABLED = 'Y'",
                row -> new LocalDateTime[]{"Y".equals(row.getString(1)) ? null : row.getObject(2, LocalDateTime.class),
                        "Y".equals(row.getString(3)) ? null : row.getObject(4, LocalDateTime.class)})) {
            Arrays.stream(dates).filter(Objects::nonNull).forEach(boundaries::add);
        }
        return new ReadPriceChanges.Promotions(mark.changed(), mark.rows(), List.copyOf(boundaries));
    }

    private static LocalDateTime newest(LocalDateTime... times) {
        return Arrays.stream(times).filter(Objects::nonNull).max(LocalDateTime::compareTo).orElse(null);
    }

    /**
     * One table's branch of an item feed: its first {@code pageSize} rows after the cursor in the order
     * (change time, ITEM_NO), as ITEM_NO and CHANGED, so each branch is read from its index and the
     * union to sort stays within a few pages. Adds the branch's parameters.
     */
    private static String feedBranch(String itemNo, String changedAt, String from, String where, ItemCursor after,
                                     int pageSize, List<Object> args) {
        args.add(pageSize);
        String keyset = "";
        if (after != null) {
            keyset = " AND (" + changedAt + " > CAST(? AS DATETIME) OR (" + changedAt + " = CAST(? AS DATETIME) AND "
                    + itemNo + " > ?))";
            args.add(after.changedAtUtc());
            args.add(after.changedAtUtc());
            args.add(after.itemNo());
        }
        return "SELECT * FROM (SELECT TOP (?) " + itemNo + " AS ITEM_NO, " + changedAt + " AS CHANGED FROM " + from
                + " WHERE " + where + keyset + " ORDER BY " + changedAt + ", " + itemNo + ") b" + args.size();
    }

    public ReadStock.Result stock(ReadStock request) throws SQLException {
        String items = Sql.marks(request.itemNos().size());
        String locations = Sql.marks(request.locations().size());
        String sql = "SELECT v.ITEM_NO, v.LOC_ID, '*', '*', '*', v.QTY_ON_HND, v.QTY_COMMIT, v.QTY_AVAIL"
                + " FROM IM_INV v JOIN IM_ITEM i ON i.ITEM_NO = v.ITEM_NO"
                + " WHERE i.TRK_METH <> 'G' AND v.ITEM_NO IN (" + items + ") AND v.LOC_ID IN (" + locations + ")"
                + " UNION ALL"
                + " SELECT c.ITEM_NO, c.LOC_ID, c.DIM_1_UPR, c.DIM_2_UPR, c.DIM_3_UPR, c.QTY_ON_HND, c.QTY_COMMIT, c.QTY_AVAIL"
                + " FROM IM_INV_CELL c WHERE c.ITEM_NO IN (" + items + ") AND c.LOC_ID IN (" + locations + ")"
                + " ORDER BY 1, 2, 3, 4, 5";
        return new ReadStock.Result(Sql.list(c, sql, row -> new ReadStock.Level(row.getString(1), row.getString(2),
                        row.getString(3), row.getString(4), row.getString(5), row.getBigDecimal(6), row.getBigDecimal(7),
                        row.getBigDecimal(8)),
                Sql.concat(request.itemNos(), request.locations(), request.itemNos(), request.locations())));
    }

    /**
     * Stock rows of IM_INV and IM_INV_CELL at the locations changed after the cursor, in the order
     * (RS_UTC_DT, ITEM_NO, LOC_ID, DIM_1_UPR, DIM_2_UPR, DIM_3_UPR); an IM_INV row has the dimensions '*'.
     * The keyset is written out as OR'd comparisons in each branch, so each table's rows are sought
     * from the cursor on rather than filtered after the union.
     */
    public ReadStockChanges.Page stockChanges(ReadStockChanges request) throws SQLException {
        StockCursor after = request.after();
        String locations = Sql.marks(request.locations().size());
        List<Object> args = new ArrayList<>();
        args.add(request.pageSize());
        String inv = "SELECT v.ITEM_NO, v.LOC_ID, '*' AS D1, '*' AS D2, '*' AS D3, v.RS_UTC_DT FROM IM_INV v"
                + " WHERE v.RS_UTC_DT IS NOT NULL AND v.LOC_ID IN (" + locations + ")"
                + stockKeyset(after, args, request.locations(), "v.RS_UTC_DT", "v.ITEM_NO", "v.LOC_ID", "'*'", "'*'", "'*'");
        String cells = "SELECT c.ITEM_NO, c.LOC_ID, c.DIM_1_UPR, c.DIM_2_UPR, c.DIM_3_UPR, c.RS_UTC_DT FROM IM_INV_CELL c"
                + " WHERE c.RS_UTC_DT IS NOT NULL AND c.LOC_ID IN (" + locations + ")"
                + stockKeyset(after, args, request.locations(), "c.RS_UTC_DT", "c.ITEM_NO", "c.LOC_ID", "c.DIM_1_UPR",
                "c.DIM_2_UPR", "c.DIM_3_UPR");
        String sql = "SELECT TOP (?) s.ITEM_NO, s.LOC_ID, s.D1, s.D2, s.D3, s.RS_UTC_DT FROM (" + inv + " UNION ALL " + cells
                + ") s ORDER BY s.RS_UTC_DT, s.ITEM_NO, s.LOC_ID, s.D1, s.D2, s.D3";
        List<ReadStockChanges.Change> changes = Sql.list(c, sql, row -> new ReadStockChanges.Change(row.getString(1),
                row.getString(2), row.getString(3), row.getString(4), row.getString(5), row.getObject(6, LocalDateTime.class)),
                args.toArray());
        StockCursor next = changes.isEmpty() ? after : changes.getLast().position();
        StockCursor newest = newestStockRow();
        return new ReadStockChanges.Page(changes, next, changes.size() < request.pageSize(), newest);
    }

    /**
     * The newest stamped stock row, from each table's rows at its newest stamp (an index look-up, not a
     * sort of every stock row). Any location: a position past the store's own newest change is as good a
     * starting point for a caller that reads all stock anyway, and a row of another location never hides
     * a later change of its own.
     */
    private StockCursor newestStockRow() throws SQLException {
        return Sql.one(c, "SELECT TOP 1 s.ITEM_NO, s.LOC_ID, s.D1, s.D2, s.D3, s.RS_UTC_DT FROM ("
                        + "SELECT * FROM (SELECT TOP 1 v.ITEM_NO AS ITEM_NO, v.LOC_ID AS LOC_ID, '*' AS D1, '*' AS D2, '*' AS D3,"
                        + " v.RS_UTC_DT AS RS_UTC_DT FROM IM_INV v WHERE v.RS_UTC_DT = (SELECT MAX(RS_UTC_DT) FROM IM_INV)"
                        + " ORDER BY v.ITEM_NO DESC, v.LOC_ID DESC) a UNION ALL"
                        + " SELECT * FROM (SELECT TOP 1 c.ITEM_NO AS ITEM_NO, c.LOC_ID AS LOC_ID, c.DIM_1_UPR AS D1, c.DIM_2_UPR AS D2,"
                        + " c.DIM_3_UPR AS D3, c.RS_UTC_DT AS RS_UTC_DT FROM IM_INV_CELL c"
                        + " WHERE c.RS_UTC_DT = (SELECT MAX(RS_UTC_DT) FROM IM_INV_CELL)"
                        + " ORDER BY c.ITEM_NO DESC, c.LOC_ID DESC, c.DIM_1_UPR DESC, c.DIM_2_UPR DESC, c.DIM_3_UPR DESC) b"
                        + ") s ORDER BY s.RS_UTC_DT DESC, s.ITEM_NO DESC, s.LOC_ID DESC, s.D1 DESC, s.D2 DESC, s.D3 DESC",
                row -> new StockCursor(row.getObject(6, LocalDateTime.class), row.getString(1), row.getString(2), row.getString(3),
                        row.getString(4), row.getString(5))).orElse(null);
    }

    /** " AND (position after the cursor)" for one branch of the stock feed, adding the branch's parameters. */
    private static String stockKeyset(StockCursor after, List<Object> args, List<String> locations, String... columns) {
        args.addAll(locations);
        if (after == null) {
            return "";
        }
        Object[] values = {after.changedAtUtc(), after.itemNo(), after.locationId(), after.dim1(), after.dim2(), after.dim3()};
        StringBuilder sql = new StringBuilder();
        int open = 0;
        for (int i = 0; i < columns.length; i++) {
            String mark = i == 0 ? "CAST(? AS DATETIME)" : "?";
            if (i == columns.length - 1) {
                sql.append(columns[i]).append(" > ").append(mark);
                args.add(values[i]);
            } else {
                sql.append(columns[i]).append(" > ").append(mark).append(" OR (").append(columns[i]).append(" = ").append(mark)
                        .append(" AND (");
                args.add(values[i]);
                args.add(values[i]);
                open += 2;
            }
        }
        // the leading bound alone lets the database range-scan the stamp index instead of testing every row
        args.add(args.size() - (columns.length * 2 - 1), after.changedAtUtc());
        return " AND " + columns[0] + " >= CAST(? AS DATETIME) AND (" + sql + ")".repeat(open) + ")";
    }

    public ReadWebCategories.Result webCategories(ReadWebCategories request) throws SQLException {
        return new ReadWebCategories.Result(
                Sql.list(c, "SELECT CATEG_ID, DESCR, DISP_SEQ_NO FROM EC_CATEG ORDER BY DISP_SEQ_NO, CATEG_ID",
                        row -> new ReadWebCategories.Category(row.getInt(1), row.getString(2), row.getInt(3))),
                Sql.list(c, "SELECT ITEM_NO, CATEG_ID FROM EC_CATEG_ITEM WHERE ITEM_NO IN (" + Sql.marks(request.itemNos().size())
                                + ") ORDER BY ITEM_NO, ENTRY_SEQ_NO, CATEG_ID",
                        row -> new ReadWebCategories.Membership(row.getString(1), row.getInt(2)), request.itemNos().toArray()));
    }

    public ReadPrices.Result prices(ReadPrices request) throws SQLException {
        String column = switch (request.level()) {
            case REG_PRC -> "p.REG_PRC";
            case PRC_1 -> "p.PRC_1";
            case PRC_2 -> "p.PRC_2";
            case PRC_3 -> "p.PRC_3";
        };
        List<ReadPrices.ItemPrice> prices = Sql.list(c, "SELECT p.ITEM_NO, " + column + " FROM IM_PRC p WHERE p.ITEM_NO IN ("
                        + Sql.marks(request.itemNos().size()) + ") ORDER BY p.ITEM_NO",
                row -> new ReadPrices.ItemPrice(row.getString(1), row.getBigDecimal(2)), request.itemNos().toArray());
        record RuleRow(String group, int sequence, String description, String filter) {
        }
        record BreakRow(String group, int sequence, ReadPrices.Break value) {
        }
        Map<String, List<BreakRow>> breaks = Sql.list(c, "SELECT GRP_COD, RUL_SEQ_NO, MIN_QTY, PRC_METH, PRC_BASIS, AMT_OR_PCT"
                        + " FROM IM_PRC_RUL_BRK WHERE GRP_TYP = 'P' ORDER BY GRP_COD, RUL_SEQ_NO, MIN_QTY",
                row -> new BreakRow(row.getString(1), row.getInt(2), new ReadPrices.Break(row.getBigDecimal(3),
                        row.getString(4), row.getString(5), row.getBigDecimal(6))))
                .stream().collect(Collectors.groupingBy(b -> b.group() + "#" + b.sequence()));
        Map<String, List<ReadPrices.Rule>> rules = Sql.list(c, "SELECT GRP_COD, RUL_SEQ_NO, DESCR, ITEM_FILT FROM IM_PRC_RUL"
                        + " WHERE GRP_TYP = 'P' ORDER BY GRP_COD, RUL_SEQ_NO",
                row -> new RuleRow(row.getString(1), row.getInt(2), row.getString(3), row.getString(4)))
                .stream().collect(Collectors.groupingBy(RuleRow::group, LinkedHashMap::new, Collectors.mapping(
                        r -> new ReadPrices.Rule(r.sequence(), r.description(), r.filter(),
                                breaks.getOrDefault(r.group() + "#" + r.sequence(), List.of()).stream().map(BreakRow::value).toList()),
                        Collectors.toList())));
        List<ReadPrices.Promotion> promotions = Sql.list(c, "SELECT GRP_COD, DESCR, ENABLED, NO_BEG_DAT, BEG_DAT, NO_END_DAT,"
                        + " END_DAT FROM IM_PRC_GRP WHERE GRP_TYP = 'P' ORDER BY GRP_SEQ_NO, GRP_COD",
                row -> new ReadPrices.Promotion(row.getString(1), row.getString(2), "Y".equals(row.getString(3)),
                        "Y".equals(row.getString(4)) ? null : row.getObject(5, LocalDateTime.class),
                        "Y".equals(row.getString(6)) ? null : row.getObject(7, LocalDateTime.class),
                        rules.getOrDefault(row.getString(1), List.of())));
        return new ReadPrices.Result(prices, promotions);
    }

    public ReadSetup.Result setup() throws SQLException {
        return new ReadSetup.Result(
                Sql.list(c, "SELECT STR_ID, DESCR, STK_LOC_ID FROM PS_STR ORDER BY STR_ID",
                        row -> new ReadSetup.Store(row.getString(1), row.getString(2), row.getString(3))),
                Sql.list(c, "SELECT STR_ID, STA_ID, DESCR FROM PS_STA ORDER BY STR_ID, STA_ID",
                        row -> new ReadSetup.Station(row.getString(1), row.getString(2), row.getString(3))),
                Sql.list(c, "SELECT DISTINCT STR_ID, DRW_ID FROM PS_DRW_SESSION ORDER BY STR_ID, DRW_ID",
                        row -> new ReadSetup.Drawer(row.getString(1), row.getString(2))),
                codes("SELECT LOC_ID, DESCR FROM IM_LOC ORDER BY LOC_ID"),
                codes("SELECT PAY_COD, DESCR FROM SY_PAY_COD ORDER BY PAY_COD"),
                codes("SELECT TAX_COD, DESCR FROM USR_TAX_COD ORDER BY TAX_COD"));
    }

    private List<ReadSetup.Code> codes(String sql) throws SQLException {
        return Sql.list(c, sql, row -> new ReadSetup.Code(row.getString(1), row.getString(2)));
    }

    public FindCustomersByEmail.Result customersByEmail(FindCustomersByEmail request) throws SQLException {
        return new FindCustomersByEmail.Result(Sql.list(c, "SELECT " + CUSTOMER_COLUMNS + " FROM AR_CUST"
                        + " WHERE UPPER(LTRIM(RTRIM(EMAIL_ADRS_1))) = ? ORDER BY CUST_NO",
                CounterpointRepository::customer, request.email().toUpperCase(Locale.ROOT)));
    }

    private static final String MATCH_COLUMNS = "CUST_NO, NAM, FST_NAM, LST_NAM, EMAIL_ADRS_1, PHONE_1, ADRS_1, CITY, ZIP_COD";
    /** PHONE_1 without the separators people type; plain REPLACE because SQL Server has no regex replace. */
    private static final String PHONE_DIGITS = "REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(PHONE_1,"
            + " ' ', ''), '-', ''), '(', ''), ')', ''), '.', ''), '+', ''), '/', '')";
    private static final int PHONE_SUFFIX_DIGITS = 10;

    /**
     * Candidates by e-mail, then by phone (the last ten digits, so a country code or formatting does not
     * matter), then by last name and postal code; each search is bounded, duplicates are dropped.
     */
    public FindCustomerMatches.Result customerMatches(FindCustomerMatches request) throws SQLException {
        Map<String, FindCustomerMatches.Candidate> found = new LinkedHashMap<>();
        String select = "SELECT TOP (?) " + MATCH_COLUMNS + " FROM AR_CUST WHERE ";
        if (request.email() != null) {
            addCandidates(found, select + "UPPER(LTRIM(RTRIM(EMAIL_ADRS_1))) = ? ORDER BY CUST_NO",
                    request.limit(), request.email().toUpperCase(Locale.ROOT));
        }
        String digits = FindCustomerMatches.phoneDigits(request.phone());
        if (digits.length() >= FindCustomerMatches.MIN_PHONE_DIGITS) {
            String suffix = digits.substring(Math.max(0, digits.length() - PHONE_SUFFIX_DIGITS));
            addCandidates(found, select + PHONE_DIGITS + " LIKE ? ORDER BY CUST_NO", request.limit(), "%" + suffix);
        }
        if (request.lastName() != null && request.zip() != null) {
            addCandidates(found, select + "UPPER(LTRIM(RTRIM(LST_NAM))) = ? AND UPPER(REPLACE(ZIP_COD, ' ', '')) = ?"
                            + " ORDER BY CUST_NO", request.limit(), request.lastName().toUpperCase(Locale.ROOT),
                    request.zip().replace(" ", "").toUpperCase(Locale.ROOT));
        }
        return new FindCustomerMatches.Result(found.values().stream().limit(request.limit()).toList());
    }

    private void addCandidates(Map<String, FindCustomerMatches.Candidate> found, String sql, Object... args)
            throws SQLException {
        for (FindCustomerMatches.Candidate candidate : Sql.list(c, sql, row -> new FindCustomerMatches.Candidate(
                row.getString(1), row.getString(2), row.getString(3), row.getString(4), strip(row.getString(5)),
                strip(row.getString(6)), strip(row.getString(7)), strip(row.getString(8)), strip(row.getString(9))), args)) {
            found.putIfAbsent(candidate.customerNo(), candidate);
        }
    }

    private static String strip(String value) {
        return value == null ? null : value.strip();
    }

    private static final String CUSTOMER_COLUMNS = "CUST_NO, NAM, FST_NAM, LST_NAM, EMAIL_ADRS_1, IS_ECOMM_CUST";

    private static Customer customer(ResultSet row) throws SQLException {
        return new Customer(row.getString(1), row.getString(2), row.getString(3), row.getString(4),
                row.getString(5) == null ? null : row.getString(5).strip(), "Y".equals(row.getString(6)));
    }

    /** In one transaction: the key's customer if it has one, else a new one numbered from EC_CTL. */
    public CreateCustomer.Result createCustomer(CreateCustomer request) throws SQLException {
        return inTransaction(() -> {
            Optional<Customer> existing = Sql.one(c, "SELECT " + CUSTOMER_COLUMNS + " FROM AR_CUST WITH (UPDLOCK, HOLDLOCK)"
                    + " WHERE ECOMM_CUST_NO = ?", CounterpointRepository::customer, request.webCustomerKey());
            if (existing.isPresent()) {
                return new CreateCustomer.Result(existing.get(), false);
            }
            record Control(String next, String template) {
            }
            Control control = Sql.one(c, "SELECT NXT_CUST_NO, TMPLT_CUST_NO FROM EC_CTL WITH (UPDLOCK)",
                            row -> new Control(row.getString(1), row.getString(2)))
                    .filter(ctl -> ctl.next() != null)
                    .orElseThrow(() -> new TaskFailure(TaskErrorCode.NOT_FOUND,
                            "EC_CTL has no next customer number (NXT_CUST_NO); set it up in Counterpoint"));
            String customerNo = control.next();
            Sql.update(c, "UPDATE EC_CTL SET NXT_CUST_NO = ?", NumberSequence.successor(customerNo));
            List<String> defaults = Sql.one(c, "SELECT CATEG_COD, STR_ID, TAX_COD, TERMS_COD FROM AR_CUST WHERE CUST_NO = ?",
                    row -> Arrays.asList(row.getString(1), row.getString(2), row.getString(3), row.getString(4)),
                    control.template()).orElse(Arrays.asList(null, null, null, null));
            String name = request.firstName() + " " + request.lastName();
            String shortName = name.length() > 40 ? name.substring(0, 40) : name;
            // created with IS_ECOMM_CUST='N' so Counterpoint can still merge it with a store customer later
            Sql.update(c, "INSERT INTO AR_CUST (CUST_NO, NAM, NAM_UPR, FST_NAM, LST_NAM, ADRS_1, ADRS_2, CITY, STATE, ZIP_COD,"
                            + " CNTRY, PHONE_1, EMAIL_ADRS_1, CATEG_COD, STR_ID, TAX_COD, TERMS_COD, IS_ECOMM_CUST,"
                            + " ECOMM_CREATED_CUST, ECOMM_CUST_NO, LST_MAINT_DT, LST_MAINT_USR_ID)"
                            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'N', 'Y', ?, ?, ?)",
                    customerNo, shortName, shortName.toUpperCase(Locale.ROOT), request.firstName(), request.lastName(),
                    request.address1(), request.address2(), request.city(), request.state(), request.zip(), request.country(),
                    request.phone(), request.email(), defaults.get(0), defaults.get(1), defaults.get(2), defaults.get(3),
                    request.webCustomerKey(), LocalDateTime.now(), USER_ID);
            return new CreateCustomer.Result(new Customer(customerNo, shortName, request.firstName(), request.lastName(),
                    request.email(), false), true);
        });
    }

    /**
     * Writes the document and records its order key in one transaction; if the key was written
     * before, answers that document and writes nothing.
     */
    public WriteDocument.Result writeDocument(WriteDocument request) throws SQLException {
        return inTransaction(() -> {
            Optional<WriteDocument.Result> earlier = writtenBefore(request.orderKey());
            if (earlier.isPresent()) {
                return earlier.get();
            }
            record Store(String location, String nextTicket) {
            }
            Store store = Sql.one(c, "SELECT STK_LOC_ID, NXT_TKT_NO FROM PS_STR WITH (UPDLOCK) WHERE STR_ID = ?",
                            row -> new Store(row.getString(1), row.getString(2)), request.storeId())
                    .orElseThrow(() -> notFound("store " + request.storeId()));
            require("SELECT 1 FROM PS_STA WHERE STR_ID = ? AND STA_ID = ?", "station " + request.stationId() + " in store "
                    + request.storeId(), request.storeId(), request.stationId());
            require("SELECT 1 FROM AR_CUST WHERE CUST_NO = ?", "customer " + request.customerNo(), request.customerNo());
            require("SELECT 1 FROM SY_PAY_COD WHERE PAY_COD = ?", "pay code " + request.payCode(), request.payCode());
            require("SELECT 1 FROM USR_TAX_COD WHERE TAX_COD = ?", "tax code " + request.taxCode(), request.taxCode());

            String ticketNo = store.nextTicket() == null ? "W" + System.currentTimeMillis() % 100_000_000_000L : store.nextTicket();
            Sql.update(c, "UPDATE PS_STR SET NXT_TKT_NO = ? WHERE STR_ID = ?", NumberSequence.successor(ticketNo), request.storeId());
            long docId = Sql.one(c, "SELECT MAX(DOC_ID) FROM (SELECT DOC_ID FROM PS_DOC_HDR UNION ALL"
                    + " SELECT DOC_ID FROM PS_TKT_HIST) ids", row -> row.getLong(1)).map(max -> Math.max(max + 1, FIRST_DOC_ID))
                    .orElse(FIRST_DOC_ID);
            boolean order = request.documentType() == 'O';
            LocalDateTime now = LocalDateTime.now();
            // lines at their gross price; coupons are line discounts (PS_DOC_DISC), subtracted once in TOT_LIN_DISC
            BigDecimal subtotal = request.lines().stream().map(CounterpointRepository::extended)
                    .reduce(BigDecimal.ZERO, BigDecimal::add);
            BigDecimal lineDiscounts = request.lines().stream().map(DocumentLine::discount)
                    .reduce(BigDecimal.ZERO, BigDecimal::add);
            Map<Integer, MiscCharge> charges = miscCharges(request);
            BigDecimal misc = charges.values().stream().map(MiscCharge::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
            BigDecimal total = subtotal.subtract(lineDiscounts).add(misc).add(request.taxAmount());

            Sql.update(c, "INSERT INTO PS_DOC_HDR (DOC_ID, DOC_GUID, DOC_TYP, TKT_TYP, STR_ID, STA_ID, TKT_NO, DRW_ID,"
                            + " CUST_NO, TAX_COD, NORM_TAX_COD, USR_ID, STK_LOC_ID, PRC_LOC_ID, SAL_LINS, ORD_LINS, SAL_LIN_TOT,"
                            + " IS_DOC_COMMITTED, REF, TKT_DT, LST_MAINT_DT, LST_MAINT_USR_ID)"
                            + " VALUES (?, ?, ?, 'T', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    docId, UUID.randomUUID().toString(), String.valueOf(request.documentType()), request.storeId(),
                    request.stationId(), ticketNo, request.drawerId(), request.customerNo(), request.taxCode(),
                    request.taxCode(), USER_ID, store.location(), store.location(), order ? 0 : request.lines().size(),
                    order ? request.lines().size() : 0, subtotal, order ? "Y" : "N", request.reference(), now, now, USER_ID);
            int sequence = 1;
            int discountSequence = 1;
            BigDecimal netLines = BigDecimal.ZERO;
            BigDecimal taxableLines = BigDecimal.ZERO;
            for (DocumentLine line : request.lines()) {
                boolean taxable = writeLine(docId, sequence, order, line, store.location(), now);
                if (line.discount().signum() > 0) {
                    Sql.update(c, "INSERT INTO PS_DOC_DISC (DOC_ID, DISC_SEQ_NO, LIN_SEQ_NO, DISC_ID, APPLY_TO, DISC_TYP,"
                            + " DISC_AMT) VALUES (?, ?, ?, 'WEB', 'L', 'A', ?)", docId, discountSequence++, sequence,
                            line.discount());
                }
                BigDecimal net = extended(line).subtract(line.discount());
                netLines = netLines.add(net);
                if (taxable) {
                    taxableLines = taxableLines.add(net);
                }
                sequence++;
            }
            String totalType = order ? "O" : "S";
            BigDecimal[] taxableMisc = new BigDecimal[6];
            Arrays.fill(taxableMisc, BigDecimal.ZERO);
            for (Map.Entry<Integer, MiscCharge> charge : charges.entrySet()) {
                Sql.update(c, "INSERT INTO PS_DOC_HDR_MISC_CHRG (DOC_ID, TOT_TYP, MISC_CHRG_NO, MISC_TYP, MISC_AMT)"
                        + " VALUES (?, ?, ?, 'A', ?)", docId, totalType, charge.getKey(), charge.getValue().amount());
                // the taxable base holds what WooCommerce taxed, so TOT_TXBL_AMT and TAX_AMT agree in Counterpoint's reports
                taxableMisc[charge.getKey()] = charge.getValue().taxableBase();
            }
            BigDecimal taxableMiscTotal = Arrays.stream(taxableMisc).reduce(BigDecimal.ZERO, BigDecimal::add);
            if (request.taxAmount().signum() != 0 || taxableMiscTotal.signum() != 0) {
                String authority = Sql.one(c, "SELECT AUTH_COD FROM USR_TAX_COD WHERE TAX_COD = ?", row -> row.getString(1),
                        request.taxCode()).orElse(request.taxCode());
                Sql.update(c, "INSERT INTO PS_DOC_TAX (DOC_ID, AUTH_COD, RUL_COD, TAX_DOC_PART, LIN_AMT, TXBL_LIN_AMT,"
                                + " TXBL_MISC_CHG_AMT_1, TXBL_MISC_CHG_AMT_2, TXBL_MISC_CHG_AMT_3, TXBL_MISC_CHG_AMT_4,"
                                + " TXBL_MISC_CHG_AMT_5, TAX_AMT, NORM_TAX_AMT, TOT_TXBL_AMT)"
                                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                        docId, authority, authority, totalType, netLines, taxableLines, taxableMisc[1], taxableMisc[2],
                        taxableMisc[3], taxableMisc[4], taxableMisc[5], request.taxAmount(), request.taxAmount(),
                        taxableLines.add(taxableMiscTotal));
            }
            Sql.update(c, "INSERT INTO PS_DOC_HDR_TOT (DOC_ID, TOT_TYP, SUB_TOT, TAX_AMT, NORM_TAX_AMT, TOT_MISC, TOT_LIN_DISC,"
                            + " TOT_TND, TOT, AMT_DUE) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 0)", docId, totalType, subtotal,
                    request.taxAmount(), request.taxAmount(), misc, lineDiscounts, total, total);
            Sql.update(c, "INSERT INTO PS_DOC_PMT (DOC_ID, PMT_SEQ_NO, PAY_COD, PAY_COD_TYP, AMT, HOME_CURNCY_AMT, FINAL_PMT,"
                    + " SECURE_ECOMM_TRX) VALUES (?, 1, ?, 'O', ?, ?, 'Y', 'Y')", docId, request.payCode(), total, total);
            Sql.update(c, "INSERT INTO USR_WEB_ORD_KEY (ORD_KEY, DOC_ID, TKT_NO, CREATED_UTC) VALUES (?, ?, ?, ?)",
                    request.orderKey(), docId, ticketNo, LocalDateTime.now(ZoneOffset.UTC));
            return new WriteDocument.Result(request.orderKey(), docId, ticketNo, true);
        }, () -> writtenBefore(request.orderKey()));
    }

    /** The document's misc charges by number; "the e-commerce misc charge" is EC_CTL.ORD_MISC_CHRG_NO (else 1). */
    private Map<Integer, MiscCharge> miscCharges(WriteDocument request) throws SQLException {
        Map<Integer, MiscCharge> charges = new java.util.TreeMap<>();
        for (MiscCharge charge : request.miscCharges()) {
            if (charge.amount().signum() == 0) {
                continue;
            }
            int number = charge.number() != null ? charge.number()
                    : Sql.one(c, "SELECT ORD_MISC_CHRG_NO FROM EC_CTL", row -> row.getObject(1) == null ? 1 : row.getInt(1))
                    .orElse(1);
            if (number < 1 || number > 5) {
                throw new TaskFailure(TaskErrorCode.INVALID_PARAMETERS, "EC_CTL.ORD_MISC_CHRG_NO is " + number
                        + "; Counterpoint has misc charges 1 to 5");
            }
            if (charges.putIfAbsent(number, charge) != null) {
                throw new TaskFailure(TaskErrorCode.INVALID_PARAMETERS, "two charges of the order go to misc charge "
                        + number + " (EC_CTL.ORD_MISC_CHRG_NO); give shipping and fees different misc charges");
            }
        }
        return charges;
    }

    private Optional<WriteDocument.Result> writtenBefore(String orderKey) throws SQLException {
        return Sql.one(c, "SELECT DOC_ID, TKT_NO FROM USR_WEB_ORD_KEY WITH (UPDLOCK, HOLDLOCK) WHERE ORD_KEY = ?",
                row -> new WriteDocument.Result(orderKey, row.getLong(1), row.getString(2), false), orderKey);
    }

    /** Writes one line at its gross price; answers whether the item is taxable. */
    private boolean writeLine(long docId, int sequence, boolean order, DocumentLine line, String location, LocalDateTime now)
            throws SQLException {
        record Item(String description, String category, BigDecimal regular, BigDecimal price1, BigDecimal cost,
                    String taxable, boolean gridded) {
        }
        Item item = Sql.one(c, "SELECT DESCR, CATEG_COD, REG_PRC, PRC_1, LST_COST, IS_TXBL, TRK_METH FROM IM_ITEM WHERE ITEM_NO = ?",
                        row -> new Item(row.getString(1), row.getString(2), row.getBigDecimal(3), row.getBigDecimal(4),
                                row.getBigDecimal(5), row.getString(6), "G".equals(row.getString(7))), line.itemNo())
                .orElseThrow(() -> notFound("item " + line.itemNo()));
        boolean hasCell = !(line.dim1().equals("*") && line.dim2().equals("*") && line.dim3().equals("*"));
        if (item.gridded() != hasCell) {
            throw new TaskFailure(TaskErrorCode.INVALID_PARAMETERS, "item " + line.itemNo()
                    + (item.gridded() ? " is gridded: the line needs its grid cell" : " is not gridded: the line must not name a cell"));
        }
        if (hasCell) {
            require("SELECT 1 FROM IM_INV_CELL WHERE ITEM_NO = ? AND LOC_ID = ? AND DIM_1_UPR = ? AND DIM_2_UPR = ? AND DIM_3_UPR = ?",
                    "grid cell " + line.itemNo() + " " + line.dim1() + "/" + line.dim2() + "/" + line.dim3() + " at " + location,
                    line.itemNo(), location, line.dim1(), line.dim2(), line.dim3());
        }
        BigDecimal extended = extended(line);
        String cell = hasCell ? String.join("/", Arrays.stream(new String[]{line.dim1(), line.dim2(), line.dim3()})
                .filter(d -> !d.equals("*")).toList()) : null;
        Sql.update(c, "INSERT INTO PS_DOC_LIN (DOC_ID, LIN_SEQ_NO, LIN_TYP, LIN_GUID, ITEM_NO, DESCR, DIM_1_UPR, DIM_2_UPR,"
                        + " DIM_3_UPR, CELL_DESCR, CATEG_COD, QTY_SOLD, QTY_TO_REL, PRC, REG_PRC, PRC_1, CALC_PRC, EXT_PRC,"
                        + " GROSS_EXT_PRC, UNIT_COST, EXT_COST, STK_LOC_ID, PRC_LOC_ID, IS_TXBL, HAS_PRC_OVRD, USR_ENTD_PRC,"
                        + " LST_MAINT_DT) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'Y', 'Y', ?)",
                docId, sequence, order ? "O" : "S", UUID.randomUUID().toString(), line.itemNo(), item.description(),
                line.dim1(), line.dim2(), line.dim3(), cell, item.category(), line.quantity(),
                order ? line.quantity() : BigDecimal.ZERO, line.price(), item.regular(), item.price1(), line.price(),
                extended, extended, item.cost(), item.cost().multiply(line.quantity()).setScale(2, RoundingMode.HALF_UP),
                location, location, item.taxable(), now);
        if (order) {
            Sql.update(c, "UPDATE IM_INV SET QTY_COMMIT = QTY_COMMIT + ?, LST_MAINT_DT = ?, LST_MAINT_USR_ID = ?"
                    + " WHERE ITEM_NO = ? AND LOC_ID = ?", line.quantity(), now, USER_ID, line.itemNo(), location);
            if (hasCell) {
                Sql.update(c, "UPDATE IM_INV_CELL SET QTY_COMMIT = QTY_COMMIT + ?, LST_MAINT_DT = ?, LST_MAINT_USR_ID = ?"
                                + " WHERE ITEM_NO = ? AND LOC_ID = ? AND DIM_1_UPR = ? AND DIM_2_UPR = ? AND DIM_3_UPR = ?",
                        line.quantity(), now, USER_ID, line.itemNo(), location, line.dim1(), line.dim2(), line.dim3());
            }
        }
        return "Y".equals(item.taxable());
    }

    public ReadPostedDocuments.Result postedDocuments(ReadPostedDocuments request) throws SQLException {
        Map<String, ReadPostedDocuments.Status> found = Sql.list(c, "SELECT k.ORD_KEY, k.DOC_ID, k.TKT_NO,"
                        + " CASE WHEN h.DOC_ID IS NULL THEN 0 ELSE 1 END FROM USR_WEB_ORD_KEY k"
                        + " LEFT JOIN PS_TKT_HIST h ON h.DOC_ID = k.DOC_ID WHERE k.ORD_KEY IN ("
                        + Sql.marks(request.orderKeys().size()) + ")",
                row -> new ReadPostedDocuments.Status(row.getString(1), true, row.getLong(2), row.getString(3), row.getInt(4) == 1),
                request.orderKeys().toArray()).stream().collect(Collectors.toMap(ReadPostedDocuments.Status::orderKey,
                Function.identity()));
        List<ReadPostedDocuments.Status> statuses = new ArrayList<>();
        for (String key : request.orderKeys()) {
            statuses.add(found.getOrDefault(key, new ReadPostedDocuments.Status(key, false, null, null, false)));
        }
        return new ReadPostedDocuments.Result(statuses);
    }

    /**
     * The change probe's one cheap query: the newest change time of what each job reads. Items: with
     * their web descriptions and category memberships; prices: the price rows, the items (which carry
     * prices too) and every promotional rule table.
     */
    public ChangeMarks changeMarks() throws SQLException {
        return Sql.one(c, """
                SELECT (SELECT MAX(RS_UTC_DT) FROM IM_ITEM) AS ITEMS,
                       (SELECT MAX(RS_UTC_DT) FROM EC_ITEM_DESCR) AS DESCRIPTIONS,
                       (SELECT MAX(RS_UTC_DT) FROM EC_CATEG_ITEM) AS CATEGORIES,
                       (SELECT MAX(RS_UTC_DT) FROM IM_INV) AS INVENTORY,
                       (SELECT MAX(RS_UTC_DT) FROM IM_INV_CELL) AS CELLS,
                       (SELECT MAX(RS_UTC_DT) FROM IM_PRC) AS PRICES,
                       (SELECT MAX(RS_UTC_DT) FROM IM_PRC_GRP) AS PROMOTIONS,
                       (SELECT MAX(RS_UTC_DT) FROM IM_PRC_RUL) AS RULES,
                       (SELECT MAX(RS_UTC_DT) FROM IM_PRC_RUL_BRK) AS BREAKS""",
                row -> new ChangeMarks(
                        utc(newest(time(row, "ITEMS"), time(row, "DESCRIPTIONS"), time(row, "CATEGORIES"))),
                        utc(newest(time(row, "INVENTORY"), time(row, "CELLS"))),
                        utc(newest(time(row, "PRICES"), time(row, "ITEMS"), time(row, "PROMOTIONS"), time(row, "RULES"),
                                time(row, "BREAKS")))))
                .orElse(new ChangeMarks(null, null, null));
    }

    private static LocalDateTime time(ResultSet row, String column) throws SQLException {
        java.sql.Timestamp value = row.getTimestamp(column);
        return value == null ? null : value.toLocalDateTime();
    }

    private static java.time.Instant utc(LocalDateTime time) {
        // RS_UTC_DT holds UTC wall-clock time; read it as such, whatever this machine's zone
        return time == null ? null : time.toInstant(ZoneOffset.UTC);
    }

    private void require(String sql, String what, Object... args) throws SQLException {
        if (Sql.one(c, sql, row -> true, args).isEmpty()) {
            throw notFound(what);
        }
    }

    private static TaskFailure notFound(String what) {
        return new TaskFailure(TaskErrorCode.NOT_FOUND, "Counterpoint has no " + what);
    }

    private static BigDecimal extended(DocumentLine line) {
        return line.quantity().multiply(line.price()).setScale(2, RoundingMode.HALF_UP);
    }

    interface Work<T> {
        T run() throws SQLException;
    }

    private <T> T inTransaction(Work<T> work) throws SQLException {
        return inTransaction(work, null);
    }

    /** Commits all or nothing; {@code onDuplicate} answers when a concurrent writer won the same key. */
    private <T> T inTransaction(Work<T> work, Work<Optional<T>> onDuplicate) throws SQLException {
        boolean autoCommit = c.getAutoCommit();
        c.setAutoCommit(false);
        try {
            T result = work.run();
            c.commit();
            return result;
        } catch (SQLException e) {
            c.rollback();
            if (onDuplicate != null && isDuplicateKey(e)) {
                Optional<T> winner = onDuplicate.run();
                c.commit();
                if (winner.isPresent()) {
                    return winner.get();
                }
            }
            throw e;
        } catch (RuntimeException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(autoCommit);
        }
    }

    private static boolean isDuplicateKey(SQLException e) {
        // SQL Server 2627/2601, H2 23505
        return e.getErrorCode() == 2627 || e.getErrorCode() == 2601 || "23505".equals(e.getSQLState());
    }
}
