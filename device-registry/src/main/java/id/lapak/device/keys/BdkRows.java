package id.lapak.device.keys;

import id.lapak.cardcrypto.Hex;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The BDK version rows every key store keeps the same way, whatever holds the key itself. */
final class BdkRows {

    private static final String COLUMNS =
            "select version, bdk_id, kcv, created_at from reader_bdk " + "where tenant_id = ? and algorithm = ? ";

    private final JdbcClient jdbc;

    BdkRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<BdkVersion> all(UUID tenant, ReaderKeyAlgorithm algorithm) {
        return jdbc.sql(COLUMNS + "order by version")
                .params(tenant, algorithm.name())
                .query(mapper(algorithm))
                .list();
    }

    Optional<BdkVersion> newest(UUID tenant, ReaderKeyAlgorithm algorithm) {
        return jdbc.sql(COLUMNS + "order by version desc limit 1")
                .params(tenant, algorithm.name())
                .query(mapper(algorithm))
                .optional();
    }

    private static RowMapper<BdkVersion> mapper(ReaderKeyAlgorithm algorithm) {
        return (rs, n) -> new BdkVersion(
                algorithm,
                rs.getInt(1),
                Hex.encode(rs.getBytes(2)),
                rs.getString(3),
                rs.getTimestamp(4).toInstant());
    }
}
