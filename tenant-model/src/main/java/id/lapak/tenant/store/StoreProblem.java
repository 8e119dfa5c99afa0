package id.lapak.tenant.store;

/** One reason a store cannot be saved: the field and a translation key for the message. */
public record StoreProblem(String field, String messageKey) {}
