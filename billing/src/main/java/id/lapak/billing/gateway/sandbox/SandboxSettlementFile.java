package id.lapak.billing.gateway.sandbox;

import id.lapak.billing.gateway.sandbox.JournalEntry.Operation;
import id.lapak.tenant.csv.CsvWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Currency;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.springframework.beans.factory.annotation.Autowired;
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

    /** The header of the settlement lines of one merchant ({@link #writeSettlement}). */
    public static final String SETTLEMENT_HEADER = "journal_id,booked_at,type,psp_reference,merchant_reference,"
            + "authorization_reference,merchant_id,brand,currency,amount_minor,commission_minor,net_minor,batch";

    private static final Set<Operation> MONEY =
            EnumSet.of(Operation.CAPTURE, Operation.REFUND, Operation.CHARGEBACK, Operation.CHARGEBACK_REVERSAL);
    private static final DateTimeFormatter BATCH =
            DateTimeFormatter.ofPattern("yyyyMMdd").withZone(ZoneOffset.UTC);

    private final SandboxJournal journal;
    private final SandboxAcquirer acquirer;

    SandboxSettlementFile(SandboxJournal journal) {
        this(journal, null);
    }

    @Autowired
    SandboxSettlementFile(SandboxJournal journal, SandboxAcquirer acquirer) {
        this.journal = journal;
        this.acquirer = acquirer;
    }

    /**
     * One line of what the acquirer pays or takes from a merchant: a capture or chargeback reversal (credit), a
     * refund or chargeback (debit), with the commission of {@link SandboxFeeSchedule}. {@code netMinor} is signed
     * from the merchant's side: amount − commission for a credit, −(amount + commission) for a debit.
     */
    public record SettlementLine(
            long journalId,
            Instant bookedAt,
            Operation type,
            String pspReference,
            String merchantReference,
            String authorizationReference,
            String merchantId,
            String brand,
            String currency,
            long amountMinor,
            long commissionMinor,
            long netMinor,
            String batch) {}

    /**
     * The merchant's settlement lines booked in [{@code from}, {@code to}): every successful capture, refund,
     * chargeback and chargeback reversal of an authorization made for {@code merchantId}, oldest first.
     */
    public List<SettlementLine> settlement(String merchantId, Instant from, Instant to) {
        if (acquirer == null) {
            throw new IllegalStateException("The settlement lines need the acquirer's authorizations");
        }
        List<SettlementLine> lines = new ArrayList<>();
        for (JournalEntry e : entries(from, to)) {
            if (!e.success() || !MONEY.contains(e.operation())) {
                continue;
            }
            Optional<String[]> owner = acquirer.merchantAndBrand(e.authorizationReference());
            if (owner.isEmpty() || !Objects.equals(owner.get()[0], merchantId)) {
                continue;
            }
            String brand = owner.get()[1];
            Currency currency = Currency.getInstance(e.currency());
            long commission = SandboxFeeSchedule.commission(e.operation().name(), brand, e.approvedMinor(), currency)
                    .minor();
            boolean credit = e.operation() == Operation.CAPTURE || e.operation() == Operation.CHARGEBACK_REVERSAL;
            long net = credit ? e.approvedMinor() - commission : -(e.approvedMinor() + commission);
            lines.add(new SettlementLine(
                    e.id(),
                    e.occurredAt(),
                    e.operation(),
                    e.reference(),
                    e.requestId(),
                    e.authorizationReference(),
                    merchantId,
                    brand,
                    e.currency(),
                    e.approvedMinor(),
                    commission,
                    net,
                    "SBX-" + BATCH.format(e.occurredAt())));
        }
        return lines;
    }

    /** The merchant's settlement lines as CSV: {@link #SETTLEMENT_HEADER}, then one line each (RFC 4180). */
    public void writeSettlement(String merchantId, Instant from, Instant to, Appendable out) {
        try {
            out.append(SETTLEMENT_HEADER).append("\r\n");
            for (SettlementLine l : settlement(merchantId, from, to)) {
                Object[] fields = {
                    l.journalId(),
                    l.bookedAt(),
                    l.type(),
                    l.pspReference(),
                    l.merchantReference(),
                    l.authorizationReference(),
                    l.merchantId(),
                    l.brand(),
                    l.currency(),
                    l.amountMinor(),
                    l.commissionMinor(),
                    l.netMinor(),
                    l.batch()
                };
                for (int i = 0; i < fields.length; i++) {
                    out.append(i > 0 ? "," : "").append(csv(fields[i]));
                }
                out.append("\r\n");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String settlementCsv(String merchantId, Instant from, Instant to) {
        StringBuilder out = new StringBuilder();
        writeSettlement(merchantId, from, to, out);
        return out.toString();
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
                Object[] fields = {
                    e.id(),
                    e.occurredAt(),
                    e.operation(),
                    e.requestId(),
                    e.reference(),
                    e.authorizationReference(),
                    e.issuer(),
                    e.maskedCard(),
                    e.merchantId(),
                    e.terminalId(),
                    e.brand(),
                    e.entryMode(),
                    e.amountMinor(),
                    e.approvedMinor(),
                    e.currency(),
                    e.success(),
                    e.responseCode(),
                    e.authorizationCode(),
                    e.offline(),
                    e.message()
                };
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
        return CsvWriter.cell(value);
    }
}
