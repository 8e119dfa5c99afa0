package id.lapak.catalog.customers;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What a merchant edits about a customer. {@link #problems()} is the one set of rules, used by the form to show
 * messages and by the service to refuse bad input; each problem is a translation key. Phone or e-mail may be empty,
 * the name may not.
 */
public record CustomerForm(
        String name, String phone, String email, String notes, Set<String> tags, boolean marketingConsent) {

    public static final int NAME_MAX = 200;
    public static final int PHONE_MAX = 40;
    public static final int EMAIL_MAX = 254;
    public static final int NOTES_MAX = 2000;
    public static final int TAG_MAX = 40;
    public static final int TAGS_MAX = 20;

    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");
    private static final Pattern PHONE = Pattern.compile("^\\+?[0-9 ()./-]{6,40}$");
    private static final Pattern TAG = Pattern.compile("^[\\p{L}\\p{N} _-]+$");

    public CustomerForm {
        tags = tags == null ? Set.of() : Set.copyOf(tags);
    }

    public static CustomerForm empty() {
        return new CustomerForm("", "", "", "", Set.of(), false);
    }

    public List<CustomerProblem> problems() {
        List<CustomerProblem> problems = new ArrayList<>();
        if (name == null || name.isBlank()) {
            problems.add(new CustomerProblem("name", "customer.error.name.required"));
        } else if (name.strip().length() > NAME_MAX) {
            problems.add(new CustomerProblem("name", "customer.error.name.tooLong"));
        }
        if (!blank(phone)
                && (phone.strip().length() > PHONE_MAX
                        || !PHONE.matcher(phone.strip()).matches())) {
            problems.add(new CustomerProblem("phone", "customer.error.phone.invalid"));
        }
        if (!blank(email)
                && (email.strip().length() > EMAIL_MAX
                        || !EMAIL.matcher(email.strip()).matches())) {
            problems.add(new CustomerProblem("email", "customer.error.email.invalid"));
        }
        if (!blank(notes) && notes.strip().length() > NOTES_MAX) {
            problems.add(new CustomerProblem("notes", "customer.error.notes.tooLong"));
        }
        if (tags.size() > TAGS_MAX
                || tags.stream()
                        .anyMatch(t -> t == null
                                || t.isBlank()
                                || t.strip().length() > TAG_MAX
                                || !TAG.matcher(t.strip()).matches())) {
            problems.add(new CustomerProblem("tags", "customer.error.tags.invalid"));
        }
        return problems;
    }

    /** The tags as stored: trimmed, lower case, without duplicates, in the order given. */
    public Set<String> normalisedTags() {
        Set<String> out = new LinkedHashSet<>();
        for (String tag : tags) {
            out.add(tag.strip().toLowerCase(Locale.ROOT));
        }
        return out;
    }

    static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
