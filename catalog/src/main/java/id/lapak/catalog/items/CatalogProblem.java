package id.lapak.catalog.items;

/** One reason a catalog change is refused: the field and a translation key for the message. */
public record CatalogProblem(String field, String messageKey) {}
