package com.counterlink.counterpoint.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** A T-SQL script on the classpath whose statements are separated by lines holding only {@code GO}. */
final class SqlScript {
    private final String resourcePath;
    private final List<String> statements;

    private SqlScript(String resourcePath, List<String> statements) {
        this.resourcePath = resourcePath;
        this.statements = statements;
    }

    static SqlScript load(String resourcePath) {
        try (InputStream in = SqlScript.class.getResourceAsStream(resourcePath)) {
            if (in == null) {
                throw new IllegalStateException("SQL script not on classpath: " + resourcePath);
            }
            return new SqlScript(resourcePath, split(new String(in.readAllBytes(), StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<String> split(String script) {
        List<String> result = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : script.split("\\R")) {
            String trimmed = line.trim();
            if (trimmed.equalsIgnoreCase("GO")) {
                addIfNotBlank(result, current);
                current.setLength(0);
            } else if (!trimmed.startsWith("--")) {
                current.append(line).append('\n');
            }
        }
        addIfNotBlank(result, current);
        return List.copyOf(result);
    }

    private static void addIfNotBlank(List<String> result, StringBuilder statement) {
        String sql = statement.toString().trim();
        if (!sql.isEmpty()) {
            result.add(sql);
        }
    }

    List<String> statements() {
        return statements;
    }

    void execute(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                try {
                    statement.execute(sql);
                } catch (SQLException e) {
                    throw new SQLException(resourcePath + ": " + e.getMessage() + "\n" + sql, e.getSQLState(), e.getErrorCode(), e);
                }
            }
        }
    }
}
