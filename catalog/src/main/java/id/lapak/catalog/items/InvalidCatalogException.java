package id.lapak.catalog.items;

import java.util.List;

/** A catalog change that was refused; nothing of it was written. */
public class InvalidCatalogException extends RuntimeException {

    private final List<CatalogProblem> problems;

    public InvalidCatalogException(List<CatalogProblem> problems) {
        super("Catalog change refused: "
                + problems.stream().map(p -> p.field() + " " + p.messageKey()).toList());
        this.problems = List.copyOf(problems);
    }

    public List<CatalogProblem> problems() {
        return problems;
    }
}
