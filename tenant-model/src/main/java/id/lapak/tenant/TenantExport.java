package id.lapak.tenant;

import id.lapak.tenant.csv.CsvWriter;
import id.lapak.tenant.json.JsonText;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Writes one tenant's data as a zip: {@code tenant.csv}, one {@code tables/<table>.csv} per table with a
 * {@code tenant_id} column (found through the catalog, so tables added later are included) and
 * {@code manifest.json} listing files, row counts and the columns left out. Secrets never leave: columns on the
 * deny list (wrapped key material, code and token hashes, anything named like a secret or password) are dropped and
 * named in the manifest. Runs inside the caller's platform-access transaction.
 */
@Component
class TenantExport {

    /** Columns that hold secrets or material derived from them, whatever table they are in. */
    static final Set<String> DENIED_COLUMNS =
            Set.of("wrapped_key", "code_hash", "token_hash", "otp_secret", "password_hash", "client_secret", "secret");

    /** Every column of every base table with a {@code tenant_id} column (but the audit chain head), in order. */
    private static final String TENANT_TABLE_COLUMNS = """
            select c.table_name, c.column_name from information_schema.columns c
            join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name
            where c.table_schema = current_schema() and t.table_type = 'BASE TABLE'
              and c.table_name in (select table_name from information_schema.columns
                                   where table_schema = current_schema() and column_name = 'tenant_id')
              and c.table_name <> 'audit_chain_head'
            order by c.table_name, c.ordinal_position""";

    record Summary(int tables, long rows) {}

    private record Column(String name, boolean denied) {}

    private final JdbcClient jdbc;
    private final Clock clock;

    TenantExport(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    static boolean denied(String column) {
        String name = column.toLowerCase(Locale.ROOT);
        return DENIED_COLUMNS.contains(name)
                || name.startsWith("wrapped_")
                || name.contains("secret")
                || name.contains("password")
                || name.endsWith("token_hash")
                || name.endsWith("code_hash");
    }

    Summary write(TenantOverview tenant, OutputStream out) {
        Map<String, List<Column>> tables = tenantTables();
        StringBuilder manifest = manifestStart(tenant);
        List<String> excluded = new ArrayList<>();
        long totalRows = 0;
        ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8);
        try {
            long tenantRows = table(zip, "tenant.csv", "tenant", columns("tenant"), "id", tenant.id());
            manifest.append("    {\"file\": \"tenant.csv\", \"table\": \"tenant\", \"rows\": ")
                    .append(tenantRows)
                    .append("}");
            totalRows += tenantRows;
            for (var table : tables.entrySet()) {
                List<String> kept = new ArrayList<>();
                for (Column column : table.getValue()) {
                    if (column.denied()) {
                        excluded.add(
                                "{\"table\": " + quote(table.getKey()) + ", \"column\": " + quote(column.name()) + "}");
                    } else {
                        kept.add(column.name());
                    }
                }
                String file = "tables/" + table.getKey() + ".csv";
                long rows = table(zip, file, table.getKey(), kept, "tenant_id", tenant.id());
                totalRows += rows;
                manifest.append(",\n    {\"file\": ")
                        .append(quote(file))
                        .append(", \"table\": ")
                        .append(quote(table.getKey()))
                        .append(", \"rows\": ")
                        .append(rows)
                        .append("}");
            }
            manifest.append("\n  ],\n  \"excludedColumns\": [")
                    .append(String.join(", ", excluded))
                    .append("]\n}\n");
            zip.putNextEntry(new ZipEntry("manifest.json"));
            zip.write(manifest.toString().getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
            zip.finish();
            zip.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Summary(tables.size() + 1, totalRows);
    }

    /** The tables to export, each with its columns in order, each column marked if it is denied. */
    private Map<String, List<Column>> tenantTables() {
        Map<String, List<Column>> tables = new LinkedHashMap<>();
        jdbc.sql(TENANT_TABLE_COLUMNS).query((ResultSet rs) -> {
            String column = rs.getString(2);
            tables.computeIfAbsent(rs.getString(1), t -> new ArrayList<>()).add(new Column(column, denied(column)));
        });
        return tables;
    }

    /** The manifest's opening: format, tenant, time of export, the note on secrets, and the start of the file list. */
    private StringBuilder manifestStart(TenantOverview tenant) {
        StringBuilder manifest = new StringBuilder();
        manifest.append("{\n  \"format\": \"lapak-tenant-export-v1\",\n  \"tenantId\": ")
                .append(quote(tenant.id()))
                .append(",\n  \"tenantName\": ")
                .append(quote(tenant.name()))
                .append(",\n  \"exportedAt\": ")
                .append(quote(clock.instant()))
                .append(",\n  \"secretsExcluded\": \"Columns on the deny list (wrapped key material, code and token ")
                .append("hashes, secrets, passwords) are not exported; they are listed under excludedColumns.\"")
                .append(",\n  \"files\": [\n");
        return manifest;
    }

    private List<String> columns(String table) {
        return jdbc.sql("""
                        select column_name from information_schema.columns
                        where table_schema = current_schema() and table_name = ? order by ordinal_position""").param(table).query(String.class).list().stream()
                .filter(c -> !denied(c))
                .toList();
    }

    /** One table's rows of the tenant as CSV; every value as PostgreSQL's text form. */
    private long table(
            ZipOutputStream zip, String file, String table, List<String> columns, String keyColumn, UUID tenantId)
            throws IOException {
        zip.putNextEntry(new ZipEntry(file));
        StringBuilder header = new StringBuilder();
        StringBuilder select = new StringBuilder("select ");
        for (int i = 0; i < columns.size(); i++) {
            header.append(i == 0 ? "" : ",").append(csv(columns.get(i)));
            select.append(i == 0 ? "" : ", ").append(identifier(columns.get(i))).append("::text");
        }
        zip.write((header + "\r\n").getBytes(StandardCharsets.UTF_8));
        long[] rows = {0};
        if (!columns.isEmpty()) {
            select.append(" from ")
                    .append(identifier(table))
                    .append(" where ")
                    .append(identifier(keyColumn))
                    .append(" = ?");
            jdbc.sql(select.toString()).param(tenantId).query((ResultSet rs) -> {
                StringBuilder line = new StringBuilder();
                for (int i = 1; i <= columns.size(); i++) {
                    line.append(i == 1 ? "" : ",").append(csv(rs.getString(i)));
                }
                line.append("\r\n");
                try {
                    zip.write(line.toString().getBytes(StandardCharsets.UTF_8));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                rows[0]++;
            });
        }
        zip.closeEntry();
        return rows[0];
    }

    private static String identifier(String name) {
        return "\"" + name.replace("\"", "\"\"") + "\"";
    }

    static String csv(String value) {
        return CsvWriter.cell(value);
    }

    private static String quote(Object value) {
        return JsonText.quote(String.valueOf(value));
    }
}
