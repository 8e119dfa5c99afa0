package id.lapak.settlement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.lapak.billing.payout.PayoutAccountForm;
import id.lapak.billing.payout.PayoutAccountRefused;
import id.lapak.billing.payout.PayoutAccountService;
import id.lapak.tenant.TenantDirectory;
import id.lapak.tenant.access.Role;
import id.lapak.tenant.context.PlatformAccess;
import id.lapak.testing.IntegrationTest;
import id.lapak.testing.TestUsers;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authorization.AuthorizationDeniedException;

/** The merchant admin's payout account: validated per field, shown masked, each change audited with masked numbers. */
@IntegrationTest
class PayoutAccountIntegrationTest {

    @Autowired
    TenantDirectory tenants;

    @Autowired
    PlatformAccess platform;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PayoutAccountService accounts;

    @Test
    void anAdminChangesTheAccountBadFieldsAreNamedAndTheChangeIsAuditedMasked() {
        UUID tenant = new SettlementFixture(tenants, platform, jdbc).tenant("Toko Rekening");
        var admin = TestUsers.user(tenant, Set.of(), Role.MERCHANT_ADMIN);
        var manager = TestUsers.user(tenant, Set.of(), Role.STORE_MANAGER);

        assertThatThrownBy(() ->
                        TestUsers.as(admin, () -> accounts.change(new PayoutAccountForm("14", "BCA", " ", "12-34"))))
                .isInstanceOfSatisfying(
                        PayoutAccountRefused.class,
                        e -> assertThat(e.fieldErrors()).containsOnlyKeys("bankCode", "holderName", "accountNumber"));
        assertThat(TestUsers.as(admin, accounts::current)).isEmpty();

        TestUsers.as(admin, () -> accounts.change(new PayoutAccountForm("014", "BCA", "PT Toko", "123 456 7890")));
        var after = TestUsers.as(
                admin, () -> accounts.change(new PayoutAccountForm("008", "Mandiri", "PT Toko", "130001234567")));
        assertThat(after.maskedNumber()).isEqualTo("••••••4567");
        assertThat(TestUsers.as(admin, accounts::current)).hasValueSatisfying(a -> {
            assertThat(a.bankName()).isEqualTo("Mandiri");
            assertThat(a.maskedNumber()).isEqualTo("••••••4567");
        });
        assertThatThrownBy(() -> TestUsers.as(manager, accounts::current))
                .isInstanceOf(AuthorizationDeniedException.class);

        List<String> changes = platform.call(
                "test",
                () -> jdbc.sql(
                                "select changes from audit_entry where tenant_id = ? and action = 'payout_account.change' "
                                        + "order by seq")
                        .param(tenant)
                        .query(String.class)
                        .list());
        assertThat(changes).hasSize(2);
        assertThat(changes.get(1))
                .contains("••••••7890")
                .contains("••••••4567")
                .doesNotContain("1234567890")
                .doesNotContain("130001234567");
    }
}
