package id.lapak.reconciliation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.vaadin.browserless.BrowserlessTest;
import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.upload.Upload;
import id.lapak.billing.reconciliation.ExceptionItem;
import id.lapak.billing.reconciliation.ExceptionKind;
import id.lapak.billing.reconciliation.ImportSummary;
import id.lapak.billing.reconciliation.Reconciliation;
import id.lapak.billing.reconciliation.ReconciliationFileException;
import id.lapak.billing.reconciliation.ReconciliationRefusedException;
import id.lapak.billing.sale.reversal.Chargebacks;
import id.lapak.tenant.TenantAdministration;
import id.lapak.tenant.access.Role;
import id.lapak.tenant.money.Money;
import id.lapak.testing.TestUsers;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The Reconciliation page without a browser: who gets the upload and the actions, empty states, exceptions as
 * people read them, a refused file naming its line, a write-off refused on its field.
 */
@ViewPackages(classes = ReconciliationView.class)
class ReconciliationViewTest extends BrowserlessTest {

    final Reconciliation reconciliation = mock(Reconciliation.class);
    final Chargebacks chargebacks = mock(Chargebacks.class);
    final TenantAdministration tenants = mock(TenantAdministration.class);
    final ExceptionItem mismatch = new ExceptionItem(
            UUID.randomUUID(),
            ExceptionKind.AMOUNT_MISMATCH,
            true,
            null,
            "SBXC-1",
            Money.of(60_000, "IDR"),
            Money.of(59_000, "IDR"),
            Instant.now(),
            3,
            UUID.randomUUID(),
            null,
            "adyen.csv",
            3,
            null,
            null,
            null);

    @BeforeEach
    void oneOpenException() {
        when(reconciliation.maxFileBytes()).thenReturn(20L * 1024 * 1024);
        when(reconciliation.imports(any(), anyInt())).thenReturn(List.<ImportSummary>of());
        when(reconciliation.exceptions(any(), anyBoolean(), any()))
                .thenReturn((Page<ExceptionItem>) new PageImpl<>(List.of(mismatch)));
        UI.getCurrent().setLocale(Locale.ENGLISH);
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    private ReconciliationView show(Role role) {
        var user = TestUsers.user(role == Role.SUPPORT ? null : UUID.randomUUID(), Set.of(UUID.randomUUID()), role);
        var auth = new TestingAuthenticationToken(user, null, role.authority());
        auth.setAuthenticated(true);
        SecurityContextHolder.getContext().setAuthentication(auth);
        ReconciliationView view = new ReconciliationView(reconciliation, chargebacks, tenants);
        UI.getCurrent().add(view);
        return view;
    }

    @Test
    void anAdminUploadsSeesTheEmptyImportsAndTheExceptionInWords() {
        show(Role.MERCHANT_ADMIN);
        assertThat($(Upload.class).withId("reconciliation-upload").exists()).isTrue();
        @SuppressWarnings("unchecked")
        Grid<ImportSummary> imports =
                $(Grid.class).withId("reconciliation-imports").single();
        assertThat(imports.getEmptyStateText()).startsWith("No settlement file yet");
        @SuppressWarnings("unchecked")
        Grid<ExceptionItem> exceptions =
                $(Grid.class).withId("reconciliation-exceptions").single();
        var grid = test(exceptions);
        assertThat(grid.size()).isOne();
        assertThat(grid.getCellText(0, 0)).isEqualTo("Amount differs");
        assertThat(grid.getCellText(0, 2)).isEqualTo("IDR 60,000");
        assertThat(grid.getCellText(0, 3)).isEqualTo("IDR 59,000");
        assertThat(grid.getCellText(0, 4)).isEqualTo("3 days");
        assertThat(exceptions.getColumns()).hasSize(7);
    }

    @Test
    void aStoreManagerReadsTheExceptionsOnly() {
        show(Role.STORE_MANAGER);
        assertThat($(Upload.class).exists()).isFalse();
        assertThat($(Grid.class).withId("reconciliation-imports").exists()).isFalse();
        @SuppressWarnings("unchecked")
        Grid<ExceptionItem> exceptions =
                $(Grid.class).withId("reconciliation-exceptions").single();
        assertThat(exceptions.getColumns()).hasSize(6);
        verify(reconciliation, never()).imports(any(), anyInt());
    }

    @Test
    void supportChoosesATenantFirst() {
        show(Role.SUPPORT);
        assertThat($(Paragraph.class)
                        .withId("reconciliation-choose-tenant")
                        .single()
                        .getText())
                .contains("Choose a tenant");
        assertThat($(Grid.class).withId("reconciliation-exceptions").exists()).isFalse();
        verify(reconciliation, never()).exceptions(any(), anyBoolean(), any());
    }

    @Test
    void aRefusedFileNamesItsLineInIndonesian() {
        UI.getCurrent().setLocale(Locale.forLanguageTag("id-ID"));
        ReconciliationView view = show(Role.MERCHANT_ADMIN);
        view.refused(new ReconciliationFileException("wrong_currency", 7, "USD"));
        assertThat($(Span.class).withId("reconciliation-upload-result").single().getText())
                .isEqualTo("Ditolak, tidak ada yang diimpor. Baris 7: mata uang USD bukan mata uang Anda");
    }

    @Test
    void aWriteOffWithoutReasonIsRefusedOnTheField() {
        doThrow(new ReconciliationRefusedException("reason_required", "A reason is required"))
                .when(reconciliation)
                .writeOff(eq(null), eq(mismatch.id()), any());
        boolean[] refreshed = {false};
        ExceptionActionDialog dialog = new ExceptionActionDialog(
                reconciliation, null, mismatch, ExceptionAction.WRITE_OFF, () -> refreshed[0] = true);
        dialog.open();
        test($(Button.class).withId("reconciliation-action-confirm").single()).click();
        TextField field =
                $(TextField.class).withId("reconciliation-action-field").single();
        assertThat(field.isInvalid()).isTrue();
        assertThat(field.getErrorMessage()).isEqualTo("Please give a reason.");
        assertThat(refreshed[0]).isFalse();
    }
}
