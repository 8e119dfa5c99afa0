package id.lapak.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.vaadin.browserless.BrowserlessTest;
import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.spring.security.AuthenticationContext;
import id.lapak.catalog.stock.StockService;
import id.lapak.device.health.DeviceAlerts;
import id.lapak.preferences.UserPreferences;
import id.lapak.security.ViewAs;
import id.lapak.tenant.TenantDetails;
import id.lapak.tenant.TenantDirectory;
import id.lapak.tenant.TenantStatus;
import id.lapak.tenant.access.LapakUser;
import id.lapak.tenant.access.Role;
import id.lapak.testing.TestUsers;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Currency;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Which pages each role finds in the menu, as one table (the browser journeys check a few of these among many
 * other things; this names the rule when it breaks). The pages themselves refuse a role that is not listed.
 */
@ViewPackages(packages = "id.lapak.ui.none")
class NavigationTest extends BrowserlessTest {

    static final List<String> SUPPORT = List.of(
            "support/dashboard",
            "support/tenants",
            "reconciliation",
            "support/settlement",
            "support/billing",
            "audit-log");
    static final List<String> MANAGER = List.of(
            "",
            "sales",
            "reports",
            "reports/subscriptions",
            "stores",
            "devices",
            "devices/settings",
            "alerts",
            "inventory",
            "stock",
            "reconciliation",
            "settlement",
            "customers");
    static final List<String> ADMIN_ONLY = List.of("reader-keys", "audit-log", "users", "billing");
    static final List<String> CASHIER = List.of("", "inventory", "customers");

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @ParameterizedTest
    @EnumSource(Role.class)
    void eachRoleSeesItsPagesAndNoOthers(Role role) {
        UUID tenant = role == Role.SUPPORT ? null : UUID.randomUUID();
        LapakUser user = TestUsers.user(tenant, Set.of(), role);
        SecurityContextHolder.getContext()
                .setAuthentication(new TestingAuthenticationToken(user, null, "ROLE_" + role.name()));
        TenantDirectory tenants = mock(TenantDirectory.class);
        if (tenant != null) {
            when(tenants.current())
                    .thenReturn(new TenantDetails(
                            tenant,
                            "Toko Maju",
                            "PT Toko Maju",
                            "ID",
                            Currency.getInstance("IDR"),
                            ZoneId.of("Asia/Jakarta"),
                            TenantStatus.ACTIVE,
                            Instant.now()));
        }
        UI.getCurrent()
                .add(new MainLayout(
                        mock(AuthenticationContext.class),
                        tenants,
                        mock(UserPreferences.class),
                        mock(DeviceAlerts.class),
                        mock(ViewAs.class),
                        mock(StockService.class)));

        List<String> paths =
                $(SideNavItem.class).all().stream().map(SideNavItem::getPath).toList();

        List<String> expected = switch (role) {
            case SUPPORT -> SUPPORT;
            case MERCHANT_ADMIN ->
                Stream.concat(MANAGER.stream(), ADMIN_ONLY.stream()).toList();
            case STORE_MANAGER -> MANAGER;
            case CASHIER -> CASHIER;
        };
        assertThat(paths).as("menu of a %s", role).containsExactlyInAnyOrderElementsOf(expected);
    }
}
