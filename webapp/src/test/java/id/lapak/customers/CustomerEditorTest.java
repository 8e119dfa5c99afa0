package id.lapak.customers;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.BrowserlessTest;
import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.UI;
import org.junit.jupiter.api.Test;

/** The customer form shows every problem at once, each on its field, and never cuts what was pasted. */
@ViewPackages(packages = "id.lapak.customers.none")
class CustomerEditorTest extends BrowserlessTest {

    @Test
    void everyProblemShowsAtOnceWithAMessageOnItsField() {
        CustomerEditor editor = new CustomerEditor();
        UI.getCurrent().add(editor);
        test(editor.name).setValue(" ");
        test(editor.phone).setValue("12");
        test(editor.email).setValue("not-an-email");
        test(editor.tags).setValue("vip, a!b");

        assertThat(editor.write()).isEmpty();

        assertThat(editor.name.getErrorMessage()).isEqualTo("Enter a name.");
        assertThat(editor.phone.getErrorMessage()).startsWith("Enter a phone number");
        assertThat(editor.email.getErrorMessage()).isEqualTo("Enter a valid e-mail address.");
        assertThat(editor.tags.getErrorMessage()).startsWith("Tags are letters");
        assertThat(editor.name.isInvalid()
                        && editor.phone.isInvalid()
                        && editor.email.isInvalid()
                        && editor.tags.isInvalid())
                .isTrue();
    }

    @Test
    void aPastedNameOverTheLimitIsKeptWholeAndRefusedWithTheLimit() {
        CustomerEditor editor = new CustomerEditor();
        UI.getCurrent().add(editor);
        String pasted = "Ani ".repeat(2500);
        test(editor.name).setValue(pasted);

        assertThat(editor.write()).isEmpty();

        assertThat(editor.name.getValue()).hasSize(10_000);
        assertThat(editor.name.getErrorMessage()).isEqualTo("The name is too long (200 characters at most).");
        assertThat(editor.name.getHelperText()).isEqualTo("At most 200 characters.");
    }
}
