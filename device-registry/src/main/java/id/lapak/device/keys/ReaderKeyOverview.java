package id.lapak.device.keys;

import id.lapak.tenant.access.CurrentUser;
import id.lapak.tenant.audit.AuditEvent;
import id.lapak.tenant.audit.AuditLog;
import id.lapak.tenant.context.TenantContext;
import java.util.List;
import java.util.UUID;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The current tenant's reader keys as a merchant admin manages them: the BDK versions of each algorithm and the
 * readers still keyed under an older one. A reader's key is the newest one delivered to its device for the
 * algorithm. Answers only public facts (versions, check values, key IDs' owners), never key material.
 */
@Service
public class ReaderKeyOverview {

    private static final int MAX_PAGE = 200;

    private final JdbcClient jdbc;
    private final ReaderKeyStore keys;
    private final AuditLog audit;

    ReaderKeyOverview(JdbcClient jdbc, ReaderKeyStore keys, AuditLog audit) {
        this.jdbc = jdbc;
        this.keys = keys;
        this.audit = audit;
    }

    /** Every BDK version of the algorithm, newest first, with the number of readers keyed under it. */
    @Transactional(readOnly = true)
    @PreAuthorize("hasRole('MERCHANT_ADMIN')")
    public List<BdkVersionSummary> versions(ReaderKeyAlgorithm algorithm) {
        return jdbc.sql("""
                        select b.version, b.kcv, b.created_at, b.created_by,
                               (select count(*) from (
                                    select distinct on (k.device_id) k.bdk_version from reader_key k
                                    where k.tenant_id = b.tenant_id and k.algorithm = b.algorithm
                                    order by k.device_id, k.injected_at desc, k.id) newest
                                where newest.bdk_version = b.version) as readers
                        from reader_bdk b
                        where b.tenant_id = ? and b.algorithm = ?
                        order by b.version desc""")
                .params(TenantContext.requireTenant(), algorithm.name())
                .query((rs, n) -> new BdkVersionSummary(
                        algorithm,
                        rs.getInt(1),
                        rs.getString(2),
                        rs.getTimestamp(3).toInstant(),
                        rs.getString(4),
                        rs.getLong(5)))
                .list();
    }

    /** The readers whose newest key of the algorithm is under an older BDK version than the newest, a page at a time. */
    @Transactional(readOnly = true)
    @PreAuthorize("hasRole('MERCHANT_ADMIN')")
    public List<ReaderOnOlderKey> readersOnOlderVersions(ReaderKeyAlgorithm algorithm, Pageable pageable) {
        Pageable page = pageable == null ? PageRequest.of(0, 50) : pageable;
        int size = Math.min(Math.max(page.getPageSize(), 1), MAX_PAGE);
        return jdbc.sql("""
                        select newest.device_id, d.name, newest.reader_serial, newest.bdk_version, newest.injected_at
                        from (select distinct on (k.device_id) k.device_id, k.reader_serial, k.bdk_version, k.injected_at
                              from reader_key k
                              where k.tenant_id = :tenant and k.algorithm = :algorithm
                              order by k.device_id, k.injected_at desc, k.id) newest
                        join device d on d.tenant_id = :tenant and d.id = newest.device_id
                        where newest.bdk_version < (select max(b.version) from reader_bdk b
                                                    where b.tenant_id = :tenant and b.algorithm = :algorithm)
                        order by newest.bdk_version, newest.injected_at, newest.device_id
                        limit :limit offset :offset""")
                .param("tenant", TenantContext.requireTenant())
                .param("algorithm", algorithm.name())
                .param("limit", size)
                .param("offset", (long) page.getPageNumber() * size)
                .query((rs, n) -> new ReaderOnOlderKey(
                        rs.getObject(1, UUID.class),
                        rs.getString(2),
                        rs.getString(3),
                        algorithm,
                        rs.getInt(4),
                        rs.getTimestamp(5).toInstant()))
                .list();
    }

    /** Creates the next BDK version: new readers get it, readers on older versions keep working until re-keyed. */
    @Transactional
    @PreAuthorize("hasRole('MERCHANT_ADMIN')")
    public BdkVersion rotate(ReaderKeyAlgorithm algorithm) {
        BdkVersion created = keys.rotate(algorithm, CurrentUser.require().username());
        audit.record(AuditEvent.of("reader_key.bdk_rotated", "ReaderBdk", algorithm + " v" + created.version())
                .change("version", created.version() - 1, created.version())
                .detail("kcv", created.kcv()));
        return created;
    }
}
