package id.lapak.billing.sale;

/** Units of one sale line that come back into stock with a refund. */
public record ReturnedLine(int lineNo, int quantity) {

    public ReturnedLine {
        if (quantity <= 0) {
            throw new IllegalArgumentException("a returned quantity is positive");
        }
    }
}
