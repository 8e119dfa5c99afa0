package id.lapak.customers;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.data.binder.ValidationException;
import id.lapak.catalog.customers.CustomerForm;
import id.lapak.catalog.customers.CustomerProblem;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The customer form: a {@link Binder} over the {@link CustomerForm} record. The rules live in
 * {@link CustomerForm#problems()}; this form shows them, translated, next to the field concerned.
 */
class CustomerEditor extends Composite<FormLayout> {

    final TextField name = new TextField();
    final TextField phone = new TextField();
    final EmailField email = new EmailField();
    final TextArea notes = new TextArea();
    final TextField tags = new TextField();
    final Checkbox marketingConsent = new Checkbox();

    private final Binder<CustomerForm> binder = new Binder<>(CustomerForm.class);
    private final Map<String, HasValidation> fields;

    CustomerEditor() {
        name.setId("customer-name");
        phone.setId("customer-phone");
        email.setId("customer-email");
        notes.setId("customer-notes");
        tags.setId("customer-tags");
        marketingConsent.setId("customer-consent");
        // No maxLength: a browser would cut pasted text silently. Too long is a message on the field, from
        // CustomerForm's rules, like every other problem; the helper text says the limit up front.
        name.setHelperText(getTranslation("field.limit", CustomerForm.NAME_MAX));
        notes.setHelperText(getTranslation("field.limit", CustomerForm.NOTES_MAX));
        tags.setHelperText(getTranslation("customer.field.tags.help"));
        // The e-mail field's own pattern check would fail the binder before the form's rules run, leaving the
        // field red without a message and every other problem unshown: the form's rules are the only rules.
        binder.setDefaultValidatorsEnabled(false);
        email.setI18n(
                new EmailField.EmailFieldI18n().setPatternErrorMessage(getTranslation("customer.error.email.invalid")));

        binder.forField(name).bind("name");
        binder.forField(phone).bind("phone");
        binder.forField(email).bind("email");
        binder.forField(notes).bind("notes");
        binder.forField(tags)
                .withConverter(
                        (String text) -> text == null
                                ? Set.<String>of()
                                : Arrays.stream(text.split(","))
                                        .map(String::strip)
                                        .filter(t -> !t.isEmpty())
                                        .collect(Collectors.toCollection(LinkedHashSet::new)),
                        (Set<String> set) -> set == null ? "" : String.join(", ", set))
                .bind("tags");
        binder.forField(marketingConsent).bind("marketingConsent");
        fields = Map.of("name", name, "phone", phone, "email", email, "notes", notes, "tags", tags);

        FormLayout form = getContent();
        form.addFormItem(name, getTranslation("customer.field.name"));
        form.addFormItem(phone, getTranslation("customer.field.phone"));
        form.addFormItem(email, getTranslation("customer.field.email"));
        form.addFormItem(tags, getTranslation("customer.field.tags"));
        form.addFormItem(notes, getTranslation("customer.field.notes"));
        form.addFormItem(marketingConsent, getTranslation("customer.field.marketingConsent"));
    }

    void read(CustomerForm form) {
        clearProblems();
        binder.readRecord(form);
    }

    /** The form as entered, or empty after showing what is wrong with it. */
    Optional<CustomerForm> write() {
        clearProblems();
        CustomerForm form;
        try {
            form = binder.writeRecord();
        } catch (ValidationException e) {
            return Optional.empty();
        }
        List<CustomerProblem> problems = form.problems();
        if (!problems.isEmpty()) {
            show(problems);
            return Optional.empty();
        }
        return Optional.of(form);
    }

    void show(List<CustomerProblem> problems) {
        for (CustomerProblem problem : problems) {
            HasValidation field = fields.getOrDefault(problem.field(), name);
            field.setErrorMessage(getTranslation(problem.messageKey()));
            field.setInvalid(true);
        }
    }

    private void clearProblems() {
        fields.values().forEach(f -> {
            f.setInvalid(false);
            f.setErrorMessage(null);
        });
    }
}
