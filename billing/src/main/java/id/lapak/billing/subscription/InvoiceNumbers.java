package id.lapak.billing.subscription;

import java.time.LocalDate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Gapless numbers per series and year ({@code INV/2026/12/000123}: year and month of issue, then the year's
 * sequence). The counter row is locked by the update that takes the number, in the transaction that writes the
 * document: a rollback gives the number back, and a concurrent issuer waits for the commit.
 */
@Component
class InvoiceNumbers {

    private final JdbcClient jdbc;

    InvoiceNumbers(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    String next(String series, LocalDate issuedOn) {
        long no = jdbc.sql("""
                        insert into saas_invoice_counter (series, year, last_no) values (?, ?, 1)
                        on conflict (series, year) do update set last_no = saas_invoice_counter.last_no + 1
                        returning last_no""")
                .params(series, issuedOn.getYear())
                .query(Long.class)
                .single();
        return format(series, issuedOn, no);
    }

    static String format(String series, LocalDate issuedOn, long no) {
        return "%s/%d/%02d/%06d".formatted(series, issuedOn.getYear(), issuedOn.getMonthValue(), no);
    }
}
