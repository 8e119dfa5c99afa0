package id.lapak.billing.gateway.sandbox;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * The journal in table {@code sandbox_journal}, written by one thread with group commit: every entry queued while a
 * commit is under way goes into the next batch, so many operations share one commit and each caller still waits
 * until its own entry is durable. It uses its own connections, never the caller's transaction: the acquirer is
 * another party, and what it did stays done whether the caller commits or not.
 */
@Component
@ConditionalOnProperty(name = "lapak.gateway.sandbox.enabled", havingValue = "true", matchIfMissing = true)
class JdbcSandboxJournal implements SandboxJournal, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(JdbcSandboxJournal.class);
    private static final int MAX_BATCH = 1000;
    private static final String COLUMNS = "occurred_at, operation, request_id, reference, authorization_reference, "
            + "issuer, account_key, card_bin, card_last4, merchant_id, terminal_id, brand, entry_mode, amount_minor, "
            + "approved_minor, currency, success, response_code, authorization_code, message, offline";
    private static final String INSERT = "insert into sandbox_journal (" + COLUMNS
            + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict (request_id) do nothing";

    private final DataSource dataSource;
    private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
    private final Thread writer;
    private volatile boolean running = true;

    private record Pending(JournalEntry entry, CompletableFuture<Void> done) {}

    JdbcSandboxJournal(DataSource dataSource) {
        this.dataSource = dataSource;
        this.writer = Thread.ofPlatform().daemon().name("sandbox-journal").start(this::writeLoop);
    }

    @Override
    public CompletableFuture<Void> append(JournalEntry entry) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        if (!running) {
            done.completeExceptionally(new IllegalStateException("The sandbox journal is closed"));
            return done;
        }
        queue.add(new Pending(entry, done));
        return done;
    }

    private void writeLoop() {
        List<Pending> batch = new ArrayList<>();
        while (running || !queue.isEmpty()) {
            try {
                Pending first = queue.poll(200, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, MAX_BATCH - 1);
                write(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                running = false;
            } catch (RuntimeException e) {
                log.error("Sandbox journal writer failed", e);
            } finally {
                batch.clear();
            }
        }
        Pending left;
        while ((left = queue.poll()) != null) {
            left.done().completeExceptionally(new IllegalStateException("The sandbox journal is closed"));
        }
    }

    private void write(List<Pending> batch) {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
                for (Pending pending : batch) {
                    bind(insert, pending.entry());
                    insert.addBatch();
                }
                int[] inserted = insert.executeBatch();
                connection.commit();
                for (int i = 0; i < inserted.length; i++) {
                    if (inserted[i] == 0) {
                        // Another node journalled this request id first: its answer stands, this one never happened.
                        batch.get(i)
                                .done()
                                .completeExceptionally(new DuplicateRequestException(
                                        batch.get(i).entry().requestId()));
                    }
                }
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        } catch (SQLException | RuntimeException e) {
            log.warn("Sandbox journal could not write {} entries: {}", batch.size(), e.toString());
            for (Pending pending : batch) {
                pending.done().completeExceptionally(e);
            }
            return;
        }
        for (Pending pending : batch) {
            pending.done().complete(null); // no effect on an entry already failed as a duplicate
        }
    }

    private static void bind(PreparedStatement insert, JournalEntry e) throws SQLException {
        insert.setTimestamp(1, Timestamp.from(e.occurredAt()));
        insert.setString(2, e.operation().name());
        insert.setString(3, e.requestId());
        insert.setString(4, e.reference());
        insert.setString(5, e.authorizationReference());
        insert.setString(6, e.issuer());
        insert.setString(7, e.accountKey());
        insert.setString(8, e.cardBin());
        insert.setString(9, e.cardLast4());
        insert.setString(10, e.merchantId());
        insert.setString(11, e.terminalId());
        insert.setString(12, e.brand());
        insert.setString(13, e.entryMode());
        insert.setLong(14, e.amountMinor());
        insert.setLong(15, e.approvedMinor());
        insert.setString(16, e.currency());
        insert.setBoolean(17, e.success());
        insert.setString(18, e.responseCode());
        insert.setString(19, e.authorizationCode());
        insert.setString(20, e.message());
        insert.setBoolean(21, e.offline());
    }

    @Override
    public void replay(Consumer<JournalEntry> consumer) {
        query("select id, " + COLUMNS + " from sandbox_journal order by id", null, null, consumer);
    }

    @Override
    public void replayAfter(long afterId, Consumer<JournalEntry> consumer) {
        query(
                "select id, " + COLUMNS + " from sandbox_journal where id > " + afterId + " order by id",
                null,
                null,
                consumer);
    }

    @Override
    public List<JournalEntry> between(Instant from, Instant to) {
        List<JournalEntry> entries = new ArrayList<>();
        query(
                "select id, " + COLUMNS
                        + " from sandbox_journal where occurred_at >= ? and occurred_at < ? order by id",
                from,
                to,
                entries::add);
        return entries;
    }

    private void query(String sql, Instant from, Instant to, Consumer<JournalEntry> consumer) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            if (from != null) {
                statement.setTimestamp(1, Timestamp.from(from));
                statement.setTimestamp(2, Timestamp.from(to));
            }
            statement.setFetchSize(1000);
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    consumer.accept(read(rows));
                }
            } finally {
                connection.commit();
                connection.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the sandbox journal", e);
        }
    }

    private static JournalEntry read(ResultSet r) throws SQLException {
        return new JournalEntry(
                r.getLong("id"),
                r.getTimestamp("occurred_at").toInstant(),
                JournalEntry.Operation.valueOf(r.getString("operation")),
                r.getString("request_id"),
                r.getString("reference"),
                r.getString("authorization_reference"),
                r.getString("issuer"),
                r.getString("account_key"),
                r.getString("card_bin"),
                r.getString("card_last4"),
                r.getString("merchant_id"),
                r.getString("terminal_id"),
                r.getString("brand"),
                r.getString("entry_mode"),
                r.getLong("amount_minor"),
                r.getLong("approved_minor"),
                r.getString("currency"),
                r.getBoolean("success"),
                r.getString("response_code"),
                r.getString("authorization_code"),
                r.getString("message"),
                r.getBoolean("offline"));
    }

    @Override
    public void destroy() throws InterruptedException {
        running = false;
        writer.join(TimeUnit.SECONDS.toMillis(10));
    }
}
