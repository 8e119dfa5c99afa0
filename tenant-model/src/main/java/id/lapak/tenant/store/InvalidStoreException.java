package id.lapak.tenant.store;

import java.util.List;

public class InvalidStoreException extends RuntimeException {

    private final List<StoreProblem> problems;

    public InvalidStoreException(List<StoreProblem> problems) {
        super("Store not saved: "
                + problems.stream().map(StoreProblem::messageKey).toList());
        this.problems = List.copyOf(problems);
    }

    public List<StoreProblem> problems() {
        return problems;
    }
}
