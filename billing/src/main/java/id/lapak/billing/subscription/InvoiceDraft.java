package id.lapak.billing.subscription;

import id.lapak.tenant.money.Money;
import java.util.List;

/** What a period costs as computed now: the lines before PPN, the PPN line, and the totals. */
public record InvoiceDraft(BillingPeriod period, String currency, List<InvoiceLine> lines, long ppnBasisPoints) {

    public InvoiceDraft {
        lines = List.copyOf(lines);
    }

    /** The lines before PPN. */
    public List<InvoiceLine> chargeLines() {
        return lines.stream().filter(l -> l.kind() != InvoiceLine.LineKind.PPN).toList();
    }

    public Money subtotal() {
        return Money.of(
                chargeLines().stream().mapToLong(InvoiceLine::amountMinor).sum(), currency);
    }

    public Money ppn() {
        return Money.of(
                lines.stream()
                        .filter(l -> l.kind() == InvoiceLine.LineKind.PPN)
                        .mapToLong(InvoiceLine::amountMinor)
                        .sum(),
                currency);
    }

    public Money total() {
        return subtotal().plus(ppn());
    }
}
