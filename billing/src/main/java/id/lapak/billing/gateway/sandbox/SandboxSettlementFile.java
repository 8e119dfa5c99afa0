package id.lapak.billing.gateway.sandbox;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * The sandbox acquirer's settlement file: its journal for a period, as entries or as CSV (one header line, then one
 * line per operation, oldest first). Settlement reconciles Lapak's payments against this.
 */
@Component
@ConditionalOnProperty(name = "lapak.gateway.sandbox.enabled", havingValue = "true", matchIfMissing = true)
public class SandboxSettlementFile {

    static final String HEADER = "id,occurred_at,operation,request_id,reference,authorization_reference,issuer,card,"
            + "merchant_id,terminal_id,brand,entry_mode,amount_minor,approved_minor,currency,success,response_code,"
            + "authorization_code,offline,message";

    private final SandboxJournal journal;

    SandboxSettlementFile(SandboxJournal journal) {
        this.journal = journal;
    }

    /** Every operation that occurred in [{@code from}, {@code to}). */
    public List<JournalEntry> entries(Instant from, Instant to) {
        return journal.between(from, to);
    }

    /** The same as CSV (RFC 4180 quoting). */
    public void writeCsv(Instant from, Instant to, Appendable out) {
        try {
            out.append(HEADER).append("\r\n");
            for (JournalEntry e : entries(from, to)) {
                Object[] fields = {e.id(), e.occurredAt(), e.operation(), e.requestId(), e.reference(),
                        e.authorizationReference(), e.issuer(), e.maskedCard(), e.merchantId(), e.terminalId(),
                        e.brand(), e.entryMode(), e.amountMinor(), e.approvedMinor(), e.currency(), e.success(),
                        e.responseCode(), e.authorizationCode(), e.offline(), e.message()};
                for (int i = 0; i < fields.length; i++) {
                    if (i > 0) {
                        out.append(',');
                    }
                    out.append(csv(fields[i]));
                }
                out.append("\r\n");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String csv(Instant from, Instant to) {
        StringBuilder out = new StringBuilder();
        writeCsv(from, to, out);
        return out.toString();
    }

    private static String csv(Object value) {
        if (value == null) {
            return "";
        }
        String text = value.toString();
        if (text.indexOf(',') < 0 && text.indexOf('"') < 0 && text.indexOf('\n') < 0 && text.indexOf('\r') < 0) {
            return text;
        }
        return '"' + text.replace("\"", "\"\"") + '"';
    }
}
