package id.lapak.catalog.customers;

/** One thing wrong with a customer form: the field and a translation key for the message. */
public record CustomerProblem(String field, String messageKey) {}
