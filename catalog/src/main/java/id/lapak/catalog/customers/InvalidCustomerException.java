package id.lapak.catalog.customers;

import java.util.List;

/** The customer form breaks a rule; nothing was written. */
public class InvalidCustomerException extends RuntimeException {

    private final transient List<CustomerProblem> problems;

    public InvalidCustomerException(List<CustomerProblem> problems) {
        super("Invalid customer: "
                + problems.stream().map(CustomerProblem::messageKey).toList());
        this.problems = List.copyOf(problems);
    }

    public List<CustomerProblem> problems() {
        return problems;
    }
}
