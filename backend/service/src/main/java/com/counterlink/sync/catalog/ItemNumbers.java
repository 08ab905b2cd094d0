package com.counterlink.sync.catalog;

import com.counterlink.bridge.protocol.Check;
import com.counterlink.sync.RunLog;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Item numbers and grid values as Counterpoint holds them, before they become SKUs. Whatever Counterpoint lets a
 * retailer type is fine ({@code CAFÉ-01}, {@code FID 1/2 Ünï}); a value the bridge protocol will not send on
 * (empty, longer than its column, a control or invisible character, spaces at its ends) fails on its own run
 * item with what to do, and is not held against the rest: the feeds move past it, and it comes again when the
 * item changes in Counterpoint (or in a full resync and the nightly reconcile).
 */
final class ItemNumbers {

    /** IM_ITEM.ITEM_NO is VARCHAR(20). */
    static final int ITEM_NO_LENGTH = 20;
    /** IM_INV_CELL.DIM_n_UPR. */
    static final int GRID_VALUE_LENGTH = 15;
    static final String UNUSABLE_ITEM_NUMBER = "ITEM_NUMBER_UNUSABLE";
    static final String UNUSABLE_GRID_VALUE = "GRID_VALUE_UNUSABLE";

    private ItemNumbers() {
    }

    static Optional<String> problem(String itemNo) {
        return Check.codeProblem(itemNo, ITEM_NO_LENGTH);
    }

    static boolean usable(String itemNo) {
        return problem(itemNo).isEmpty();
    }

    /** Records the item on its own failed run item, named so it can be shown and stored whatever its characters. */
    static void report(RunLog log, String itemNo, String problem) {
        String shown = Check.shown(itemNo);
        log.failed(shown, UNUSABLE_ITEM_NUMBER, "The item number “" + shown + "” " + problem + ", so it cannot be a WooCommerce SKU;"
                        + " the other items are synced",
                "In Counterpoint, change the item number so it has at most " + ITEM_NO_LENGTH + " characters, no control or"
                        + " invisible characters and no space at its start or end, or take the item off the web."
                        + " It is synced as soon as it changes");
    }

    /** The gridded items' cells whose values can be variation SKUs; the others are reported, each once. */
    static Map<String, List<String>> usableCells(RunLog log, Map<String, List<String>> cells) {
        Map<String, List<String>> usable = new LinkedHashMap<>();
        cells.forEach((itemNo, itemCells) -> {
            List<String> kept = new ArrayList<>();
            for (String cell : itemCells) {
                Optional<String> problem = Cells.dimensions(cell).stream().filter(value -> !value.equals(Cells.UNUSED))
                        .map(value -> Check.codeProblem(value, GRID_VALUE_LENGTH).map(why -> "“" + Check.shown(value) + "” " + why))
                        .flatMap(Optional::stream).findFirst();
                if (problem.isEmpty()) {
                    kept.add(cell);
                } else {
                    String shown = itemNo + " " + Check.shown(cell).replace('|', '/');
                    log.failed(shown, UNUSABLE_GRID_VALUE, "The grid value " + problem.get() + ", so the cell cannot be a"
                                    + " WooCommerce variation; the item's other cells are synced",
                            "In Counterpoint, correct the grid value (at most " + GRID_VALUE_LENGTH + " characters, no control or"
                                    + " invisible characters, no space at its start or end). It is synced when the item changes");
                }
            }
            usable.put(itemNo, List.copyOf(kept));
        });
        return usable;
    }
}
