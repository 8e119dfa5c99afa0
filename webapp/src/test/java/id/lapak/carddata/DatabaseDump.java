package id.lapak.carddata;

import java.io.StringWriter;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.postgresql.PGConnection;

/**
 * Every row of every table, as text. The embedded PostgreSQL binaries have no {@code pg_dump} (and the system's
 * older one refuses a newer server), so this is what {@code pg_dump --data-only} would write: {@code COPY ... TO
 * STDOUT} of each table in every non-system schema, as the owner role with the platform scope set so row-level
 * security shows every tenant's rows.
 */
final class DatabaseDump {

    private DatabaseDump() {}

    static String dump(String url, String ownerUser, String ownerPassword) throws SQLException {
        StringBuilder out = new StringBuilder();
        try (Connection connection = DriverManager.getConnection(url, ownerUser, ownerPassword)) {
            connection.setAutoCommit(false);
            try (Statement statement = connection.createStatement()) {
                statement.execute("select set_config('app.platform', 'on', true)");
            }
            List<String> tables = new ArrayList<>();
            try (Statement statement = connection.createStatement();
                    ResultSet rows = statement.executeQuery("""
                         select quote_ident(schemaname) || '.' || quote_ident(tablename) from pg_tables
                         where schemaname not in ('pg_catalog', 'information_schema') order by 1""")) {
                while (rows.next()) {
                    tables.add(rows.getString(1));
                }
            }
            var copy = connection.unwrap(PGConnection.class).getCopyAPI();
            for (String table : tables) {
                StringWriter rows = new StringWriter();
                try {
                    copy.copyOut("copy (select * from " + table + ") to stdout", rows);
                } catch (java.io.IOException e) {
                    throw new SQLException(e);
                }
                out.append("-- ").append(table).append('\n').append(rows).append('\n');
            }
            connection.commit();
        }
        return out.toString();
    }
}
