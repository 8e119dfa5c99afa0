package id.lapak.identity;

/** A team or onboarding change that was not made; {@code messageKey} is the translation key of the reason. */
public class TeamChangeRefused extends RuntimeException {

    private final String field;
    private final String messageKey;

    public TeamChangeRefused(String field, String messageKey) {
        super("Refused: " + messageKey);
        this.field = field;
        this.messageKey = messageKey;
    }

    /** The form field the reason belongs to, or null for the whole change. */
    public String field() {
        return field;
    }

    public String messageKey() {
        return messageKey;
    }
}
