package com.counterlink.billing;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.YearMonth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ProrationTest {

    @Test
    void aStoreLinkedOnDayTenOfAThirtyDayMonthCostsTwentyOneThirtieths() {
        Window april = Window.of(YearMonth.of(2026, 4));
        long linkedFromDayTen = new Window(Instant.parse("2026-04-10T00:00:00Z"), april.to()).seconds();

        assertEquals(2_592_000, april.seconds());
        assertEquals(21 * 86_400, linkedFromDayTen);
        assertEquals(2100, Proration.amount(3000, linkedFromDayTen, april.seconds()), "21/30 of 30.00");
    }

    @Test
    void agreesWithStripesProrationExample() {
        // stripe.md section 5: 1500 per store, March 2026, 3 -> 5 stores at 2026-03-16T12:00Z, net +1500 on 4500
        Window march = Window.of(YearMonth.of(2026, 3));
        long secondHalf = new Window(Instant.parse("2026-03-16T12:00:00Z"), march.to()).seconds();

        long threeAllMonth = 3 * Proration.amount(1500, march.seconds(), march.seconds());
        long twoFromTheMiddle = 2 * Proration.amount(1500, secondHalf, march.seconds());

        assertEquals(2_678_400, march.seconds());
        assertEquals(1_339_200, secondHalf);
        assertEquals(4500 + 1500, threeAllMonth + twoFromTheMiddle);
    }

    @Test
    void roundsToTheMinorUnitHalfUp() {
        assertEquals(1, Proration.amount(1, 1, 2), "0.5 rounds up");
        assertEquals(0, Proration.amount(1, 1, 3), "0.33 rounds down");
        assertEquals(700, Proration.amount(1999, 907_200, 2_592_000), "699.65");
        assertEquals(1041, Proration.amount(1999, 1_350_000, 2_592_000), "1041.15");
        assertEquals(0, Proration.amount(1999, 0, 2_592_000));
        assertEquals(99_999_999, Proration.amount(99_999_999, 2_678_400, 2_678_400), "the largest price, whole month");
    }

    @Test
    void refusesTimeOutsideThePeriod() {
        assertThrows(IllegalArgumentException.class, () -> Proration.amount(1500, 11, 10));
        assertThrows(IllegalArgumentException.class, () -> Proration.amount(1500, -1, 10));
        assertThrows(IllegalArgumentException.class, () -> Proration.amount(1500, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> Proration.amount(-1, 1, 10));
    }
}
