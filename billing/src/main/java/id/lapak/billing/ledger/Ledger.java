package id.lapak.billing.ledger;

import id.lapak.tenant.money.Money;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.SqlParameterValue;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Posts balanced transactions to a tenant's ledger and reads its balances. Posting must run in a transaction in
 * the tenant's context; the database refuses a transaction whose entries do not sum to zero
 * ({@code ledger_transaction_balanced}) and a second transaction of the same kind for the same cause.
 * The close of day posts its many transactions set-based in SQL of its own (id.lapak.billing.settlement).
 */
@Component
public class Ledger {

    /** One side of a transaction: a signed amount (debit positive) on an account. */
    public record Entry(LedgerAccount account, long amountMinor) {}

    private final JdbcClient jdbc;

    public Ledger(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Posts one transaction; false (and nothing written) when this kind was already posted for {@code sourceId},
     * which makes a retried event a no-op. Zero entries are left out.
     */
    public boolean post(
            UUID tenant,
            LedgerKind kind,
            UUID sourceId,
            String currency,
            Instant at,
            String actor,
            String reason,
            List<Entry> entries) {
        long sum = entries.stream().mapToLong(Entry::amountMinor).sum();
        if (sum != 0) {
            throw new IllegalArgumentException("A ledger transaction balances to zero");
        }
        UUID id = UUID.randomUUID();
        int inserted = jdbc.sql("""
                        insert into ledger_transaction (tenant_id, id, kind, currency, source_id, occurred_at,
                            recorded_at, actor, reason)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?)
                        on conflict (tenant_id, kind, source_id) where kind <> 'ADJUSTMENT' do nothing""")
                .params(tenant, id, kind.name(), currency, sourceId, time(at), time(at), actor, reason)
                .update();
        if (inserted == 0) {
            return false;
        }
        StringBuilder sql = new StringBuilder(
                "insert into ledger_entry (tenant_id, transaction_id, entry_no, account, amount_minor) values ");
        List<Object> params = new ArrayList<>();
        int no = 0;
        for (Entry e : entries) {
            if (e.amountMinor() == 0) {
                continue;
            }
            sql.append(no == 0 ? "" : ", ").append("(?, ?, ?, ?, ?)");
            no++;
            params.addAll(List.of(tenant, id, no, e.account().name(), e.amountMinor()));
        }
        if (no > 0) {
            jdbc.sql(sql.toString()).params(params).update();
        }
        return true;
    }

    /** Every account's balance of a tenant in a currency (accounts without entries are zero). */
    public Map<LedgerAccount, Money> balances(UUID tenant, String currency) {
        Map<LedgerAccount, Money> balances = new EnumMap<>(LedgerAccount.class);
        for (LedgerAccount account : LedgerAccount.values()) {
            balances.put(account, Money.of(0, currency));
        }
        jdbc.sql("""
                        select e.account, sum(e.amount_minor) from ledger_entry e
                        join ledger_transaction t on t.tenant_id = e.tenant_id and t.id = e.transaction_id
                        where e.tenant_id = ? and t.currency = ? group by e.account""")
                .params(tenant, currency)
                .query((rs, n) ->
                        balances.put(LedgerAccount.valueOf(rs.getString(1)), Money.of(rs.getLong(2), currency)))
                .list();
        return balances;
    }

    static SqlParameterValue time(Instant instant) {
        return new SqlParameterValue(Types.TIMESTAMP_WITH_TIMEZONE, OffsetDateTime.ofInstant(instant, ZoneOffset.UTC));
    }
}
