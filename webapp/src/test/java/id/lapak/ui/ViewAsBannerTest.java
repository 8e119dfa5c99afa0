package id.lapak.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.vaadin.browserless.BrowserlessTest;
import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.spring.security.AuthenticationContext;
import id.lapak.device.health.DeviceAlerts;
import id.lapak.preferences.UserPreferences;
import id.lapak.security.ViewAs;
import id.lapak.tenant.TenantDetails;
import id.lapak.tenant.TenantDirectory;
import id.lapak.tenant.TenantStatus;
import id.lapak.tenant.access.LapakUser;
import id.lapak.tenant.access.ReadOnlyViewer;
import id.lapak.tenant.access.Role;
import id.lapak.testing.TestUsers;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Currency;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

/** While support views a tenant, every page carries the banner with the reason and a way out. */
@ViewPackages(packages = "id.lapak.ui.none")
class ViewAsBannerTest extends BrowserlessTest {

    record Viewer(LapakUser viewer, UUID tenant, String reason, Instant expiresAt) implements ReadOnlyViewer {
        public String subject() {
            return viewer.subject();
        }

        public String username() {
            return viewer.username();
        }

        public String displayName() {
            return viewer.displayName();
        }

        public Optional<UUID> tenantId() {
            return Optional.of(tenant);
        }

        public Set<Role> roles() {
            return Set.of(Role.MERCHANT_ADMIN);
        }

        public Set<UUID> storeIds() {
            return Set.of();
        }
    }

    final ViewAs viewAs = mock(ViewAs.class);

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void theBannerNamesTheSupportPersonAndTheReasonAndEndsTheView() {
        UUID tenant = UUID.randomUUID();
        Viewer viewer = new Viewer(
                TestUsers.user(null, Set.of(), Role.SUPPORT),
                tenant,
                "Ticket 4711",
                Instant.parse("2026-11-25T10:30:00Z"));
        SecurityContextHolder.getContext()
                .setAuthentication(new TestingAuthenticationToken(viewer, null, "ROLE_MERCHANT_ADMIN"));
        TenantDirectory tenants = mock(TenantDirectory.class);
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

        MainLayout layout = new MainLayout(
                mock(AuthenticationContext.class),
                tenants,
                mock(UserPreferences.class),
                mock(DeviceAlerts.class),
                viewAs,
                mock(id.lapak.catalog.stock.StockService.class));
        UI.getCurrent().add(layout);

        assertThat($(Div.class).id("view-as-banner").isVisible()).isTrue();
        assertThat($(Span.class).id("view-as-text").getText())
                .contains(viewer.viewer().displayName(), "Ticket 4711")
                .containsPattern("(5|17)[:.]30");
        // The viewer gets the merchant menu (read-only), not the support menu.
        assertThat($(SideNavItem.class).all())
                .extracting(SideNavItem::getPath)
                .contains("stores", "audit-log")
                .doesNotContain("support/tenants");

        test($(Button.class).id("view-as-end")).click();
        verify(viewAs).end();
    }
}
