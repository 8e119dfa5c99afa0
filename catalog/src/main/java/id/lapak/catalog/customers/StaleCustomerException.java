package id.lapak.catalog.customers;

/** Someone else changed the customer since it was loaded; reload and try again. */
public class StaleCustomerException extends RuntimeException {

    public StaleCustomerException() {
        super("The customer was changed by someone else");
    }
}
