package id.lapak.bench;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * Seeding and maintenance of a benchmark's embedded PostgreSQL as its superuser: the seed is written in one
 * transaction with {@code session_replication_role = replica}, so neither the per-row foreign-key checks nor the
 * reports' per-row triggers run for millions of rows that are consistent by construction. Only the seed goes this
 * way; what a benchmark measures runs as the application role, with every check and trigger.
 */
final class BenchSeed {

    private BenchSeed() {}

    /** Runs {@code seed} in one transaction as the superuser of the server behind {@code dataSource}. */
    static void seed(DataSource dataSource, Consumer<JdbcClient> seed) {
        try (SingleConnectionDataSource superuser = superuser(dataSource);
                Connection connection = superuser.getConnection()) {
            connection.setAutoCommit(false);
            JdbcClient jdbc = JdbcClient.create(superuser);
            jdbc.sql("set local session_replication_role = replica").update();
            seed.accept(jdbc);
            connection.commit();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A statement outside a transaction as the superuser (vacuum, analyze). */
    static void run(DataSource dataSource, String sql) {
        try (SingleConnectionDataSource superuser = superuser(dataSource)) {
            JdbcClient.create(superuser).sql(sql).update();
        }
    }

    /**
     * Keeps the seeded database open for {@code -Dbench.hold} seconds, if given, printing its port, so that plans can
     * be looked at with psql.
     */
    static void hold(DataSource dataSource) {
        int hold = Integer.getInteger("bench.hold", 0);
        if (hold <= 0) {
            return;
        }
        int port = JdbcClient.create(dataSource)
                .sql("select inet_server_port()")
                .query(Integer.class)
                .single();
        System.out.printf("BENCH holding %d s on port %d%n", hold, port);
        try {
            Thread.sleep(hold * 1000L);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static SingleConnectionDataSource superuser(DataSource dataSource) {
        String url;
        try (Connection any = dataSource.getConnection()) {
            url = any.getMetaData().getURL();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        SingleConnectionDataSource superuser = new SingleConnectionDataSource(url, "postgres", "postgres", true);
        superuser.setAutoCommit(true);
        return superuser;
    }
}
