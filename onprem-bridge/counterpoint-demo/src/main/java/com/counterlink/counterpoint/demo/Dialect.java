package com.counterlink.counterpoint.demo;

/** The SQL engines the Counterpoint-shaped schema installs on. */
public enum Dialect {
    /** H2 in {@code MODE=MSSQLServer}: the stand-in used by tests and the demo server. */
    H2_MSSQL("h2_mssql"),
    /** Real Microsoft SQL Server, as on a retailer's Counterpoint server. */
    SQL_SERVER("sql_server");

    private final String resourceFolder;

    Dialect(String resourceFolder) {
        this.resourceFolder = resourceFolder;
    }

    String resourceFolder() {
        return resourceFolder;
    }
}
