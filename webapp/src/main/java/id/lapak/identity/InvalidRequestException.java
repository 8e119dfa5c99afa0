package id.lapak.identity;

import java.util.List;

/** A request with fields that need fixing; nothing was created. */
public class InvalidRequestException extends RuntimeException {

    private final List<TeamChangeRefused> problems;

    public InvalidRequestException(List<TeamChangeRefused> problems) {
        super("Invalid: " + problems.stream().map(TeamChangeRefused::messageKey).toList());
        this.problems = List.copyOf(problems);
    }

    public List<TeamChangeRefused> problems() {
        return problems;
    }
}
