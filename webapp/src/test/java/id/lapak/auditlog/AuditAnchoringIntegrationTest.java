package id.lapak.auditlog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.lapak.tenant.TenantDirectory;
import id.lapak.tenant.audit.AuditActor;
import id.lapak.tenant.audit.AuditCheckpoints;
import id.lapak.tenant.audit.AuditEvent;
import id.lapak.tenant.audit.AuditLog;
import id.lapak.tenant.audit.ChainStatus;
import id.lapak.tenant.context.TenantSeal;
import id.lapak.tenant.store.StoreService;
import id.lapak.testing.IntegrationTest;
import id.lapak.testing.TestMerchants;
import id.lapak.testing.TestMerchants.Merchant;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Function;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

/**
 * What a database owner can no longer hide (docs/decisions/0027): the owner role rewrites history and recomputes
 * every hash and the head, as the format is public — without the chain key every recomputed entry is found; by
 * downgrading the whole chain to the unkeyed format, or by cutting the chain and rewinding its head, the signed
 * checkpoint outside the database finds it. The application role cannot choose an entry's format, a forged
 * checkpoint line is ignored, and a broken chain is never signed.
 */
@IntegrationTest
class AuditAnchoringIntegrationTest {

    @Autowired
    AuditLog audit;

    @Autowired
    AuditCheckpoints checkpoints;

    @Autowired
    TenantDirectory tenants;

    @Autowired
    StoreService stores;

    @Autowired
    TenantSeal seal;

    @Autowired
    AuditDigest digest;

    @Autowired
    id.lapak.tenant.context.PlatformAccess platform;

    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    @Value("${spring.datasource.url}")
    String url;

    @Test
    void recomputingEveryHashWithoutTheKeyIsFoundAtEveryEntry() throws Exception {
        Merchant merchant = chainOf("Anchor recompute", 5);
        byte[] guessedKey = "not-the-chain-key-but-32-bytes-long!".getBytes(StandardCharsets.UTF_8);
        try (Connection c = ownerConnection()) {
            execute(
                    c,
                    "update audit_entry set changes = replace(changes, '2', '9') where chain_key = '"
                            + merchant.tenant() + "' and seq = 3");
            recompute(c, merchant.tenant().toString(), 1, text -> hmac(guessedKey, text));
        }
        ChainStatus status = audit.verify(merchant.tenant());
        assertThat(status.intact()).isFalse();
        assertThat(status.problems())
                .extracting(ChainStatus.ChainProblem::kind)
                .containsOnly(ChainStatus.Kind.EDITED)
                .hasSize((int) status.entries());
    }

    @Test
    void downgradingTheWholeChainToUnkeyedHashesIsFoundByTheCheckpoint() throws Exception {
        Merchant merchant = chainOf("Anchor downgrade", 5);
        assertThat(audit.checkpointTenant(merchant.tenant()).intact()).isTrue();
        try (Connection c = ownerConnection()) {
            execute(
                    c,
                    "update audit_entry set changes = replace(changes, '2', '9') where chain_key = '"
                            + merchant.tenant() + "' and seq = 2");
            recompute(c, merchant.tenant().toString(), 0, AuditAnchoringIntegrationTest::sha256);
        }
        ChainStatus status = audit.verify(merchant.tenant());
        assertThat(status.intact()).isFalse();
        assertThat(status.problems())
                .extracting(ChainStatus.ChainProblem::kind)
                .containsExactly(ChainStatus.Kind.REWRITTEN_BEFORE_CHECKPOINT);
        assertThat(status.problems().getFirst().seq())
                .isEqualTo(
                        checkpoints.latest().get(merchant.tenant().toString()).seq());
    }

    @Test
    void cuttingTheChainAndRewindingItsHeadIsFoundByTheCheckpoint() throws Exception {
        Merchant merchant = chainOf("Anchor truncate", 6);
        audit.checkpointTenant(merchant.tenant());
        long signed = checkpoints.latest().get(merchant.tenant().toString()).seq();
        try (Connection c = ownerConnection()) {
            String chain = merchant.tenant().toString();
            execute(c, "delete from audit_entry where chain_key = '" + chain + "' and seq > 3");
            execute(
                    c,
                    "update audit_chain_head h set last_seq = 3, last_hash = e.hash from audit_entry e "
                            + "where h.chain_key = '" + chain + "' and e.chain_key = h.chain_key and e.seq = 3");
        }
        ChainStatus status = audit.verify(merchant.tenant());
        assertThat(status.intact()).isFalse();
        assertThat(status.problems())
                .extracting(ChainStatus.ChainProblem::kind)
                .containsExactly(ChainStatus.Kind.REWRITTEN_BEFORE_CHECKPOINT);
        assertThat(status.problems().getFirst().description()).contains("entry " + signed);
    }

    @Test
    void entriesAfterTheCheckpointStillVerifyAndTheNextCheckpointMovesOn() {
        Merchant merchant = chainOf("Anchor grows", 3);
        audit.checkpointTenant(merchant.tenant());
        long first = checkpoints.latest().get(merchant.tenant().toString()).seq();
        record(merchant, 2);
        assertThat(audit.verify(merchant.tenant()).intact()).isTrue();
        assertThat(audit.checkpointTenant(merchant.tenant()).intact()).isTrue();
        assertThat(checkpoints.latest().get(merchant.tenant().toString()).seq()).isEqualTo(first + 2);
    }

    @Test
    void aBrokenChainIsNotSignedAndAForgedCheckpointLineIsIgnored() throws Exception {
        Merchant merchant = chainOf("Anchor broken", 3);
        audit.checkpointTenant(merchant.tenant());
        String chain = merchant.tenant().toString();
        long signed = checkpoints.latest().get(chain).seq();
        Files.writeString(
                checkpoints.directory().resolve("checkpoint-99991231T000000Z-forged.tsv"),
                String.join(
                                "\t",
                                "lapak-audit-checkpoint-v1",
                                chain,
                                Long.toString(signed),
                                "00".repeat(32),
                                Instant.now().toString(),
                                "c2lnbmF0dXJl")
                        + "\n");
        assertThat(audit.verify(merchant.tenant()).intact())
                .as("the forged line is not trusted")
                .isTrue();

        try (Connection c = ownerConnection()) {
            execute(
                    c,
                    "update audit_entry set action = 'test.rewritten' where chain_key = '" + chain + "' and seq = 2");
        }
        record(merchant, 1);
        assertThat(audit.checkpointTenant(merchant.tenant()).intact()).isFalse();
        assertThat(checkpoints.latest().get(chain).seq())
                .as("still the last good checkpoint")
                .isEqualTo(signed);
    }

    @Test
    void theApplicationRoleCannotChooseTheUnkeyedFormat() throws Exception {
        Merchant merchant = chainOf("Anchor app role", 1);
        try (Connection c = DriverManager.getConnection(url, "lapak_app", "lapak_app")) {
            c.setAutoCommit(false);
            seal.apply(c, merchant.tenant());
            assertThatThrownBy(() -> execute(
                            c,
                            "insert into audit_entry (id, chain_key, tenant_id, seq, occurred_at, "
                                    + "actor_kind, actor_id, actor_name, action, hash, key_version) values (gen_random_uuid(), '"
                                    + merchant.tenant() + "', '" + merchant.tenant()
                                    + "', 99, now(), 'SYSTEM', 'x', 'x', 'x', "
                                    + "'\\x00', 0)"))
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("permission denied");
            c.rollback();
        }
    }

    @Test
    void eachTenantsAdminsGetTheLastCheckpointByEMailOnceADay() throws Exception {
        Merchant merchant = chainOf("Anchor digest", 2);
        platform.run(
                "test: the tenant's admin address",
                () -> jdbc.sql("update tenant set admin_email = 'owner@anchor-digest.test' where id = ?")
                        .param(merchant.tenant())
                        .update());
        audit.checkpointTenant(merchant.tenant());

        digest.queueDaily();
        assertThat(digest.queueDaily()).as("the same day again").isZero();

        List<java.util.Map<String, Object>> mails = platform.call(
                "test: read the outbox",
                () -> jdbc.sql("""
                        select recipients::text as recipients, subject, body from mail_outbox
                        where tenant_id = ? and kind = 'AUDIT_DIGEST'""").param(merchant.tenant()).query().listOfRows());
        assertThat(mails).singleElement().satisfies(mail -> {
            assertThat((String) mail.get("recipients")).contains("owner@anchor-digest.test");
            assertThat((String) mail.get("subject")).contains("Anchor digest");
            assertThat((String) mail.get("body"))
                    .contains("nomor 3")
                    .contains(checkpoints
                            .latest()
                            .get(merchant.tenant().toString())
                            .line());
        });
    }

    private Merchant chainOf(String name, int entries) {
        Merchant merchant = TestMerchants.create(tenants, stores, name);
        record(merchant, entries);
        return merchant;
    }

    private void record(Merchant merchant, int entries) {
        for (int i = 0; i < entries; i++) {
            AuditActor.system("test")
                    .runAs(() -> audit.recordFor(
                            merchant.tenant(), AuditEvent.of("test.anchor").change("amount", 1, 2)));
        }
    }

    /**
     * The attack: walks the whole chain and rewrites every entry's hash in the given format (the format is public),
     * linking each to the rewritten one before, and points the head at the last.
     */
    private static void recompute(Connection c, String chain, int keyVersion, Function<String, byte[]> hash)
            throws SQLException {
        List<Object[]> rows = new ArrayList<>();
        try (PreparedStatement select =
                c.prepareStatement("select * from audit_entry where chain_key = ? order by seq")) {
            select.setString(1, chain);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    rows.add(new Object[] {rs.getObject("id"), canonicalFields(rs)});
                }
            }
        }
        byte[] previous = null;
        for (Object[] row : rows) {
            Object[] fields = (Object[]) row[1];
            fields[0] = keyVersion == 0 ? "lapak-audit-v1" : "lapak-audit-v2";
            fields[fields.length - 1] = previous == null ? null : HexFormat.of().formatHex(previous);
            byte[] next = hash.apply(canonical(fields));
            try (PreparedStatement update = c.prepareStatement(
                    "update audit_entry set prev_hash = ?, hash = ?, key_version = ? where id = ?")) {
                update.setBytes(1, previous);
                update.setBytes(2, next);
                update.setInt(3, keyVersion);
                update.setObject(4, row[0]);
                update.executeUpdate();
            }
            previous = next;
        }
        try (PreparedStatement head =
                c.prepareStatement("update audit_chain_head set last_hash = ?, last_seq = ? where chain_key = ?")) {
            head.setBytes(1, previous);
            head.setLong(2, rows.size());
            head.setString(3, chain);
            head.executeUpdate();
        }
    }

    private static Object[] canonicalFields(ResultSet rs) throws SQLException {
        Timestamp at = rs.getTimestamp("occurred_at");
        Instant instant = at.toInstant();
        return new Object[] {
            null,
            rs.getObject("id"),
            rs.getString("chain_key"),
            rs.getObject("tenant_id"),
            rs.getLong("seq"),
            instant.getEpochSecond() * 1_000_000 + instant.getNano() / 1_000,
            rs.getString("actor_kind"),
            rs.getString("actor_id"),
            rs.getString("actor_name"),
            rs.getString("actor_role"),
            rs.getObject("actor_tenant"),
            rs.getString("action"),
            rs.getString("entity_type"),
            rs.getString("entity_id"),
            rs.getString("changes"),
            rs.getString("details"),
            rs.getString("ip"),
            rs.getString("user_agent"),
            null
        };
    }

    private static String canonical(Object[] fields) {
        StringBuilder text = new StringBuilder();
        for (Object field : fields) {
            if (field == null) {
                text.append("-1:");
            } else {
                String value = field.toString();
                text.append(value.length()).append(':').append(value);
            }
            text.append('|');
        }
        return text.toString();
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] hmac(byte[] key, String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(text.getBytes(StandardCharsets.UTF_8));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private Connection ownerConnection() throws SQLException {
        Connection c = DriverManager.getConnection(url, "lapak_owner", "lapak_owner");
        execute(c, "set app.platform = 'on'");
        return c;
    }

    private static void execute(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
