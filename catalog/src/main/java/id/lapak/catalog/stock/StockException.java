package id.lapak.catalog.stock;

/** A stock operation was refused; nothing was written. {@code messageKey} is a translation key for the reason. */
public class StockException extends RuntimeException {

    private final String messageKey;

    public StockException(String messageKey) {
        super("Stock operation refused: " + messageKey);
        this.messageKey = messageKey;
    }

    public String messageKey() {
        return messageKey;
    }
}
