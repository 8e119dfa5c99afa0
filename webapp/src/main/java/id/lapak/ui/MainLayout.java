package id.lapak.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.contextmenu.SubMenu;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.menubar.MenuBar;
import com.vaadin.flow.component.menubar.MenuBarVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.router.Layout;
import com.vaadin.flow.spring.security.AuthenticationContext;
import id.lapak.catalog.stock.StockService;
import id.lapak.device.health.DeviceAlerts;
import id.lapak.preferences.UserPreferences;
import id.lapak.security.ViewAs;
import id.lapak.tenant.TenantDirectory;
import id.lapak.tenant.access.CurrentUser;
import id.lapak.tenant.access.LapakUser;
import id.lapak.tenant.access.ReadOnlyViewer;
import id.lapak.tenant.access.Role;
import jakarta.annotation.security.PermitAll;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;

/**
 * The portal frame. The side navigation shows only the areas that exist and that the person's role may open;
 * support staff see the support area and no merchant menu.
 */
@Layout
@PermitAll
public class MainLayout extends AppLayout {

    private final DeviceAlerts alerts;
    private final StockService stock;

    MainLayout(
            AuthenticationContext authentication,
            TenantDirectory tenants,
            UserPreferences preferences,
            DeviceAlerts alerts,
            ViewAs viewAs,
            StockService stock) {
        this.alerts = alerts;
        this.stock = stock;
        LapakUser user = CurrentUser.require();
        setPrimarySection(Section.DRAWER);

        Span brand = new Span(getTranslation("app.name"));
        brand.addClassName("lapak-brand");
        addToDrawer(brand, navigation(user));

        String context = user.tenantId().isPresent() ? tenants.current().name() : getTranslation("header.support");
        Span tenantName = new Span(context);
        tenantName.setId("header-tenant");
        tenantName.addClassName("lapak-header-tenant");

        Div who = new Div(
                new Span(user.displayName()),
                new Span(" · "),
                new Span(user.roles().stream()
                        .map(r -> getTranslation("role." + r.name()))
                        .sorted()
                        .reduce((a, b) -> a + ", " + b)
                        .orElse("")));
        who.setId("header-user");
        who.addClassName("lapak-header-user");

        MenuBar menu = new MenuBar();
        menu.setId("user-menu");
        menu.addThemeVariants(MenuBarVariant.LUMO_TERTIARY_INLINE);
        var account = menu.addItem(VaadinIcon.USER.create());
        account.setId("user-menu-button");
        account.setAriaLabel(user.username());
        SubMenu sub = account.getSubMenu();
        SubMenu languages = sub.addItem(getTranslation("menu.language")).getSubMenu();
        for (Locale locale : UserPreferences.LANGUAGES) {
            var item = languages.addItem(getTranslation("lang." + locale.getLanguage()), e -> {
                preferences.setLanguage(user.subject(), locale);
                UI ui = UI.getCurrent();
                ui.getSession().setLocale(locale);
                ui.getPage().reload();
            });
            item.setId("lang-" + locale.getLanguage());
            // The language in use carries a check mark, so the menu says which one is on.
            item.setCheckable(true);
            item.setChecked(getLocale() != null
                    && locale.getLanguage().equals(getLocale().getLanguage()));
        }
        sub.addItem(getTranslation("menu.logout"), e -> authentication.logout()).setId("logout");

        HorizontalLayout header = new HorizontalLayout(new DrawerToggle(), tenantName, who, menu);
        header.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.CENTER);
        header.setWidthFull();
        header.expand(tenantName);
        header.addClassName("lapak-header");
        if (user instanceof ReadOnlyViewer viewing) {
            VerticalLayout top = new VerticalLayout(header, viewAsBanner(viewing, viewAs));
            top.setPadding(false);
            top.setSpacing(false);
            top.setWidthFull();
            addToNavbar(top);
        } else {
            addToNavbar(header);
        }
    }

    /**
     * Shown on every page while support views a tenant: whose portal, why, until when, and the way out. The page
     * polls, so an expired view leaves the tenant's pages even when nobody clicks.
     */
    private Div viewAsBanner(ReadOnlyViewer viewing, ViewAs viewAs) {
        String until = DateTimeFormatter.ofLocalizedTime(FormatStyle.SHORT)
                .withLocale(getLocale())
                .withZone(ZoneId.of("Asia/Jakarta"))
                .format(viewing.expiresAt());
        Span text = new Span(getTranslation("viewAs.banner", viewing.viewer().displayName(), viewing.reason(), until));
        text.setId("view-as-text");
        Button end = new Button(getTranslation("viewAs.end"), e -> {
            viewAs.end();
            UI.getCurrent().getPage().setLocation("support/tenants");
        });
        end.setId("view-as-end");
        end.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_CONTRAST);
        Div banner = new Div(text, end);
        banner.setId("view-as-banner");
        banner.addClassName("lapak-view-as");
        addAttachListener(attach -> {
            attach.getUI().setPollInterval(30_000);
            attach.getUI().addPollListener(poll -> {
                if (viewAs.current().isEmpty()) {
                    poll.getSource().getPage().setLocation("support/tenants");
                }
            });
        });
        return banner;
    }

    private SideNav navigation(LapakUser user) {
        SideNav nav = new SideNav();
        nav.setId("main-nav");
        if (user.has(Role.SUPPORT)) {
            supportItems(nav);
            return nav;
        }
        nav.addItem(new SideNavItem(getTranslation("nav.dashboard"), "", VaadinIcon.DASHBOARD.create()));
        if (user.has(Role.MERCHANT_ADMIN) || user.has(Role.STORE_MANAGER)) {
            nav.addItem(new SideNavItem(getTranslation("nav.sales"), "sales", VaadinIcon.CART.create()));
            SideNavItem reports = new SideNavItem(getTranslation("nav.reports"), "reports", VaadinIcon.CHART.create());
            reports.setId("nav-reports");
            reports.addItem(new SideNavItem(
                    getTranslation("nav.reportSubscriptions"), "reports/subscriptions", VaadinIcon.ENVELOPE.create()));
            nav.addItem(reports);
            nav.addItem(new SideNavItem(getTranslation("nav.stores"), "stores", VaadinIcon.SHOP.create()));
            nav.addItem(new SideNavItem(getTranslation("nav.devices"), "devices", VaadinIcon.MOBILE.create()));
            nav.addItem(
                    new SideNavItem(getTranslation("nav.deviceSettings"), "devices/settings", VaadinIcon.COG.create()));
            nav.addItem(alertsItem());
        }
        if (user.has(Role.MERCHANT_ADMIN) || user.has(Role.STORE_MANAGER) || user.has(Role.CASHIER)) {
            nav.addItem(new SideNavItem(getTranslation("nav.inventory"), "inventory", VaadinIcon.PACKAGE.create()));
        }
        if (user.has(Role.MERCHANT_ADMIN) || user.has(Role.STORE_MANAGER)) {
            nav.addItem(stockItem());
            nav.addItem(
                    new SideNavItem(getTranslation("nav.reconciliation"), "reconciliation", VaadinIcon.SCALE.create()));
            SideNavItem settlement =
                    new SideNavItem(getTranslation("nav.settlement"), "settlement", VaadinIcon.MONEY_EXCHANGE.create());
            settlement.setId("nav-settlement");
            nav.addItem(settlement);
        }
        if (user.has(Role.MERCHANT_ADMIN) || user.has(Role.STORE_MANAGER) || user.has(Role.CASHIER)) {
            SideNavItem customers =
                    new SideNavItem(getTranslation("nav.customers"), "customers", VaadinIcon.USER_HEART.create());
            customers.setId("nav-customers");
            nav.addItem(customers);
        }
        if (user.has(Role.MERCHANT_ADMIN)) {
            nav.addItem(new SideNavItem(getTranslation("nav.readerKeys"), "reader-keys", VaadinIcon.KEY.create()));
            nav.addItem(new SideNavItem(getTranslation("nav.auditLog"), "audit-log", VaadinIcon.RECORDS.create()));
            nav.addItem(new SideNavItem(getTranslation("nav.users"), "users", VaadinIcon.GROUP.create()));
            SideNavItem billing =
                    new SideNavItem(getTranslation("nav.billing"), "billing", VaadinIcon.INVOICE.create());
            billing.setId("nav-billing");
            nav.addItem(billing);
        }
        return nav;
    }

    /** Support staff's pages: across tenants, never a tenant's own pages (those only through view-as). */
    private void supportItems(SideNav nav) {
        nav.addItem(new SideNavItem(
                getTranslation("nav.support.dashboard"), "support/dashboard", VaadinIcon.DASHBOARD.create()));
        nav.addItem(new SideNavItem(
                getTranslation("nav.support.tenants"), "support/tenants", VaadinIcon.BUILDING.create()));
        nav.addItem(new SideNavItem(getTranslation("nav.reconciliation"), "reconciliation", VaadinIcon.SCALE.create()));
        nav.addItem(new SideNavItem(
                getTranslation("nav.support.settlement"), "support/settlement", VaadinIcon.MONEY.create()));
        nav.addItem(
                new SideNavItem(getTranslation("nav.support.billing"), "support/billing", VaadinIcon.INVOICE.create()));
        nav.addItem(new SideNavItem(getTranslation("nav.auditLog"), "audit-log", VaadinIcon.RECORDS.create()));
    }

    /** The stock item carries the number of low-stock alerts in the person's stores. */
    private SideNavItem stockItem() {
        SideNavItem item = new SideNavItem(getTranslation("nav.stock"), "stock", VaadinIcon.STOCK.create());
        item.setId("nav-stock");
        // Movements, transfers, counts and alerts are pages of Stock: the menu keeps Stock marked on them.
        item.setMatchNested(true);
        long low = stock.countAlerts();
        if (low > 0) {
            Span badge = new Span(String.valueOf(low));
            badge.setId("nav-stock-count");
            badge.addClassName("lapak-count");
            badge.getElement().setAttribute("aria-label", getTranslation("nav.stock.count", low));
            item.setSuffixComponent(badge);
        }
        return item;
    }

    /** The alerts item carries the number of open alerts nobody has acknowledged yet. */
    private SideNavItem alertsItem() {
        SideNavItem item = new SideNavItem(getTranslation("nav.alerts"), "alerts", VaadinIcon.BELL.create());
        item.setId("nav-alerts");
        long open = alerts.countOpen();
        if (open > 0) {
            Span badge = new Span(String.valueOf(open));
            badge.setId("nav-alerts-count");
            badge.addClassName("lapak-count");
            badge.getElement().setAttribute("aria-label", getTranslation("nav.alerts.count", open));
            item.setSuffixComponent(badge);
        }
        return item;
    }
}
