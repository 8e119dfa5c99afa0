package id.lapak.browser;

import static org.assertj.core.api.Assertions.assertThat;

import id.lapak.identity.TeamMember;
import id.lapak.identity.TeamService;
import id.lapak.tenant.access.Role;
import id.lapak.testing.SecondNode;
import id.lapak.testing.TestUsers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

/**
 * Access ends when the merchant admin takes it away, in the session that is open: a cashier's next click after
 * being disabled lands on Keycloak's login page; a store manager whose stores were narrowed is sent to log in again
 * and then no longer sees the store taken from them. A cashier working on a second node (its own JVM on the same
 * database) loses the session there too.
 */
class SessionRevocationBrowserTest extends BrowserTestSupport {

    static final UUID TOKO_MAJU = UUID.fromString("0b6c3f3e-5a2d-4c1e-9d7a-2f0e8b1a7c01");
    static final UUID MAJU_PUSAT = UUID.fromString("5d1e2a40-8c3b-4f6a-b7e9-1a2b3c4d5e01");
    static final UUID MAJU_BANDUNG = UUID.fromString("5d1e2a40-8c3b-4f6a-b7e9-1a2b3c4d5e02");

    /** Named in the realm's redirect addresses. */
    static final int SECOND_NODE_PORT = 18084;

    @Autowired
    TeamService team;

    @Value("${spring.datasource.url}")
    String databaseUrl;

    @Value("${lapak.keys.master-keystore}")
    String masterKeystore;

    @Test
    void aDisabledCashiersNextClickLandsOnTheLoginPage() {
        login("maju.cashier");
        click(navItem("customers"));
        wait.until(ExpectedConditions.urlContains("customers"));
        String cashier = member("maju.cashier").id();
        try {
            asAdmin(() -> team.disable(cashier));

            click(navItem("inventory"));
            wait.until(ExpectedConditions.urlContains("localhost:8181/realms/lapak"));
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("username")));
            driver.get(PORTAL + "customers");
            wait.until(ExpectedConditions.urlContains("localhost:8181/realms/lapak"));
            assertThat(driver.getPageSource()).doesNotContain("header-tenant");
        } finally {
            asAdmin(() -> team.enable(cashier));
        }
    }

    /** The cashier works on a second node; the admin's change is made on this one. */
    @Test
    void aDisabledCashiersNextClickOnASecondNodeLandsOnTheLoginPage() throws Exception {
        Path work = Files.createTempDirectory("lapak-second-node");
        try (SecondNode nodeB = SecondNode.start(
                SECOND_NODE_PORT,
                databaseUrl,
                Path.of(masterKeystore),
                work,
                "--lapak.keycloak.url=http://localhost:8181")) {
            nodeB.awaitHealthy(Duration.ofMinutes(4));
            String portalB = nodeB.url() + "/";
            login(portalB, "maju.cashier");
            click(navItem("customers"));
            wait.until(ExpectedConditions.urlContains(portalB + "customers"));
            String cashier = member("maju.cashier").id();
            try {
                asAdmin(() -> team.disable(cashier));

                click(navItem("inventory"));
                wait.until(ExpectedConditions.urlContains("localhost:8181/realms/lapak"));
                wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("username")));
            } finally {
                asAdmin(() -> team.enable(cashier));
            }
        }
    }

    @Test
    void aManagerWhoseStoresWereNarrowedLosesTheStoreAtTheNextClick() {
        login("maju.manager");
        driver.get(PORTAL + "stores");
        waitForGridToContain("store-grid", "Maju Pusat");
        String manager = member("maju.manager").id();
        try {
            asAdmin(() -> team.changeStoreScope(manager, Set.of(MAJU_BANDUNG)));

            click(navItem("sales"));
            wait.until(ExpectedConditions.urlContains("localhost:8181/realms/lapak"));
            login("maju.manager");
            driver.get(PORTAL + "stores");
            waitForGridToContain("store-grid", "Maju Cabang Bandung");
            assertThat(gridText("store-grid")).doesNotContain("Maju Pusat");
        } finally {
            asAdmin(() -> team.changeStoreScope(manager, Set.of(MAJU_PUSAT)));
        }
    }

    private static By navItem(String path) {
        return By.xpath("//vaadin-side-nav-item[@path='" + path + "']");
    }

    private TeamMember member(String username) {
        return asAdmin(() -> team.list(0, 100).stream()
                .filter(m -> m.email() != null && m.email().startsWith(username + "@"))
                .findFirst()
                .orElseThrow());
    }

    private static <T> T asAdmin(java.util.concurrent.Callable<T> work) {
        return TestUsers.as(TestUsers.user(TOKO_MAJU, Set.of(), Role.MERCHANT_ADMIN), work);
    }
}
