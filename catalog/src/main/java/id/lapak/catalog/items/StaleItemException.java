package id.lapak.catalog.items;

/** The item changed since the form was opened. */
public class StaleItemException extends RuntimeException {

    public StaleItemException() {
        super("The item was changed by someone else");
    }
}
