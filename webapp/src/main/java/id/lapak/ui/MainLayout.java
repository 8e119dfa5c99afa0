package id.lapak.ui;

import java.util.Locale;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.contextmenu.SubMenu;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.menubar.MenuBar;
import com.vaadin.flow.component.menubar.MenuBarVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.router.Layout;
import com.vaadin.flow.spring.security.AuthenticationContext;

import id.lapak.device.health.DeviceAlerts;
import id.lapak.preferences.UserPreferences;
import id.lapak.tenant.TenantDirectory;
import id.lapak.tenant.access.CurrentUser;
import id.lapak.tenant.access.LapakUser;
import id.lapak.tenant.access.Role;

import jakarta.annotation.security.PermitAll;

/**
 * The portal frame. The side navigation shows only the areas that exist and that the person's role may open;
 * support staff see the support area and no merchant menu.
 */
@Layout
@PermitAll
public class MainLayout extends AppLayout {

    private final DeviceAlerts alerts;

    MainLayout(AuthenticationContext authentication, TenantDirectory tenants, UserPreferences preferences,
               DeviceAlerts alerts) {
        this.alerts = alerts;
        LapakUser user = CurrentUser.require();
        setPrimarySection(Section.DRAWER);

        Span brand = new Span(getTranslation("app.name"));
        brand.addClassName("lapak-brand");
        addToDrawer(brand, navigation(user));

        String context = user.tenantId().isPresent() ? tenants.current().name() : getTranslation("header.support");
        Span tenantName = new Span(context);
        tenantName.setId("header-tenant");
        tenantName.addClassName("lapak-header-tenant");

        Div who = new Div(new Span(user.displayName()), new Span(" · "),
                new Span(user.roles().stream().map(r -> getTranslation("role." + r.name())).sorted()
                        .reduce((a, b) -> a + ", " + b).orElse("")));
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
        }
        sub.addItem(getTranslation("menu.logout"), e -> authentication.logout()).setId("logout");

        HorizontalLayout header = new HorizontalLayout(new DrawerToggle(), tenantName, who, menu);
        header.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.CENTER);
        header.setWidthFull();
        header.expand(tenantName);
        header.addClassName("lapak-header");
        addToNavbar(header);
    }

    private SideNav navigation(LapakUser user) {
        SideNav nav = new SideNav();
        nav.setId("main-nav");
        if (user.has(Role.SUPPORT)) {
            nav.addItem(new SideNavItem(getTranslation("nav.support.tenants"), "support/tenants",
                    VaadinIcon.BUILDING.create()));
            return nav;
        }
        nav.addItem(new SideNavItem(getTranslation("nav.dashboard"), "", VaadinIcon.DASHBOARD.create()));
        if (user.has(Role.MERCHANT_ADMIN) || user.has(Role.STORE_MANAGER)) {
            nav.addItem(new SideNavItem(getTranslation("nav.sales"), "sales", VaadinIcon.CART.create()));
            nav.addItem(new SideNavItem(getTranslation("nav.stores"), "stores", VaadinIcon.SHOP.create()));
            nav.addItem(new SideNavItem(getTranslation("nav.devices"), "devices", VaadinIcon.MOBILE.create()));
            nav.addItem(new SideNavItem(getTranslation("nav.deviceSettings"), "devices/settings",
                    VaadinIcon.COG.create()));
            nav.addItem(alertsItem());
        }
        if (user.has(Role.MERCHANT_ADMIN)) {
            nav.addItem(new SideNavItem(getTranslation("nav.readerKeys"), "reader-keys", VaadinIcon.KEY.create()));
        }
        return nav;
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
