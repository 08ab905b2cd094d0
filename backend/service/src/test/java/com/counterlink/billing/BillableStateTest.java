package com.counterlink.billing;

import com.counterlink.sync.JobType;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BillableStateTest {

    static final Map<JobType, Boolean> ALL_OFF = Map.of(JobType.PRODUCTS, false, JobType.INVENTORY, false,
            JobType.PRICING, false, JobType.ORDERS, false);

    @Test
    void aJustLinkedStoreWithNothingSavedRunsNoJobAndIsFree() {
        BillableState state = BillableState.derive("ACTIVE", "ACTIVE", true, Map.of(), false, false);

        assertEquals(List.of(), state.jobsOn());
        assertFalse(state.billable());
        assertEquals("every job off", state.explain());
    }

    @Test
    void aStoreInSetupWithEveryJobOffIsFreeEvenWithItsSettingsSaved() {
        assertFalse(BillableState.derive("ACTIVE", "ACTIVE", true, ALL_OFF, true, true).billable());
    }

    @Test
    void savedSettingsStartTheJobsNeverSwitchedEitherWay() {
        BillableState catalogOnly = BillableState.derive("ACTIVE", "ACTIVE", true, Map.of(), true, false);
        assertEquals(List.of(JobType.PRODUCTS, JobType.INVENTORY, JobType.PRICING), catalogOnly.jobsOn());
        assertTrue(catalogOnly.billable());

        BillableState ordersOnly = BillableState.derive("ACTIVE", "ACTIVE", true, Map.of(JobType.ORDERS, true), false, false);
        assertEquals(List.of(JobType.ORDERS), ordersOnly.jobsOn(), "switched on by hand runs without settings");
        assertEquals("linked with keys, jobs on: ORDERS", ordersOnly.explain());
    }

    @Test
    void aSwitchOverridesTheSettings() {
        BillableState state = BillableState.derive("ACTIVE", "ACTIVE", true,
                Map.of(JobType.PRODUCTS, false, JobType.INVENTORY, false), true, false);
        assertEquals(List.of(JobType.PRICING), state.jobsOn());
    }

    @Test
    void noKeysARemovedStoreOrASuspendedCompanyAreNotBillable() {
        Map<JobType, Boolean> on = Map.of(JobType.PRODUCTS, true);
        BillableState noKeys = BillableState.derive("ACTIVE", "PENDING", false, on, false, false);
        BillableState removed = BillableState.derive("ACTIVE", "REMOVED", false, on, true, true);
        BillableState suspended = BillableState.derive("SUSPENDED", "ACTIVE", true, on, true, true);

        assertFalse(noKeys.billable());
        assertEquals("store not linked (pending)", noKeys.explain());
        assertFalse(removed.billable());
        assertEquals("store removed", removed.explain());
        assertFalse(suspended.billable());
        assertEquals("company suspended", suspended.explain());
        assertFalse(BillableState.derive("ACTIVE", "ACTIVE", false, on, true, true).billable());
        assertTrue(BillableState.derive("ACTIVE", "ACTIVE", true, on, false, false).billable());
    }
}
