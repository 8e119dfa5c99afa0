package id.lapak.reconciliation;

/** What a person does with an exception from the page. */
enum ExceptionAction {
    RECEIVE,
    LINK,
    WRITE_OFF;

    String labelKey() {
        return "reconciliation.action." + name();
    }
}
