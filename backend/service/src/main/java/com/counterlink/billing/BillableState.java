package com.counterlink.billing;

import com.counterlink.sync.JobType;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a store's billable state is derived from: the company's status, the store's, whether it has keys,
 * and which of its jobs are switched on. Billable = an active company's active (linked) store with keys
 * and at least one job on; a store in setup with every job off is free.
 */
public record BillableState(String company, String store, boolean keys, List<JobType> jobsOn) {

    static final String ACTIVE = "ACTIVE";

    public BillableState {
        jobsOn = List.copyOf(jobsOn);
    }

    /**
     * A job is on when it was switched on; a job never switched either way runs (and counts) once its
     * settings are saved (catalog settings for products, stock and prices; order settings for orders),
     * because saving them schedules it.
     */
    static BillableState derive(String company, String store, boolean keys, Map<JobType, Boolean> switches,
                                boolean catalogSaved, boolean ordersSaved) {
        List<JobType> on = Arrays.stream(JobType.values())
                .filter(job -> switches.getOrDefault(job, job == JobType.ORDERS ? ordersSaved : catalogSaved))
                .toList();
        return new BillableState(company, store, keys, on);
    }

    public boolean billable() {
        return ACTIVE.equals(company) && ACTIVE.equals(store) && keys && !jobsOn.isEmpty();
    }

    /** Why the store is (or is not) billable, in a few words for a person. */
    public String explain() {
        if (!ACTIVE.equals(company)) {
            return "company " + company.toLowerCase();
        }
        if (!ACTIVE.equals(store)) {
            return "REMOVED".equals(store) ? "store removed" : "store not linked (" + store.toLowerCase() + ")";
        }
        if (!keys) {
            return "no WooCommerce keys";
        }
        if (jobsOn.isEmpty()) {
            return "every job off";
        }
        return "linked with keys, jobs on: " + String.join(", ", jobsOn.stream().map(JobType::name).toList());
    }

    Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("company", company);
        json.put("store", store);
        json.put("keys", keys);
        json.put("jobsOn", jobsOn.stream().map(JobType::name).toList());
        return json;
    }
}
