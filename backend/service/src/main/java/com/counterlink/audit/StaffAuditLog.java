package com.counterlink.audit;

import com.counterlink.identity.CurrentUser;
import com.counterlink.platform.db.TenantTransactions;
import com.counterlink.platform.db.TxSql;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.inject.Singleton;

import java.util.Map;

/**
 * What our staff do outside any one tenant (searching the tenant directory), appended in a transaction
 * of its own. The application can add rows and read none; operators read them as the database owner.
 */
@Singleton
public class StaffAuditLog {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final TenantTransactions transactions;
    private final TxSql sql;

    public StaffAuditLog(TenantTransactions transactions, TxSql sql) {
        this.transactions = transactions;
        this.sql = sql;
    }

    /** Call only for a person whose vendor role was checked. */
    public void record(CurrentUser staff, String action, Map<String, Object> detail) {
        String json;
        try {
            json = JSON.writeValueAsString(detail);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("audit detail is not JSON", e);
        }
        transactions.recordingVendorStaff(staff.subject(), () -> sql.update(
                "INSERT INTO staff_audit_events (staff_subject, staff_email, action, detail) VALUES (?, ?, ?, ?::jsonb)",
                staff.subject(), staff.email(), action, json));
    }
}
