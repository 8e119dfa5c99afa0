package id.lapak.settlement;

import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import id.lapak.billing.payout.PayoutService;
import id.lapak.billing.pricing.PricingService;
import id.lapak.tenant.TenantAdministration;
import id.lapak.tenant.TenantFilter;
import id.lapak.tenant.TenantOverview;
import id.lapak.ui.MainLayout;
import jakarta.annotation.security.RolesAllowed;
import org.springframework.data.domain.PageRequest;

/**
 * Support's settlement settings: a tenant's pricing plans (history and the next plan), the holiday calendar, and
 * payout runs with their bank files. Every change goes through the support services, audited.
 */
@Route(value = "support/settlement", layout = MainLayout.class)
@PageTitle("Lapak · Settlement settings")
@RolesAllowed("SUPPORT")
class SupportSettlementView extends VerticalLayout {

    SupportSettlementView(PricingService pricing, PayoutService payouts, TenantAdministration tenants) {
        setId("support-settlement");
        setWidthFull();
        add(new H2(getTranslation("supportSettlement.title")));
        PricingPanel plans = new PricingPanel(pricing);
        ComboBox<TenantOverview> tenant = new ComboBox<>();
        tenant.setId("support-settlement-tenant");
        tenant.setPlaceholder(getTranslation("supportSettlement.tenant"));
        tenant.setItemLabelGenerator(TenantOverview::name);
        tenant.setItems(query -> tenants
                .search(
                        new TenantFilter(query.getFilter().orElse(""), null, null),
                        PageRequest.of(query.getPage(), query.getPageSize()))
                .stream());
        tenant.setWidth("min(30em, 100%)");
        tenant.addValueChangeListener(
                e -> plans.show(e.getValue() == null ? null : e.getValue().id()));
        add(new H3(getTranslation("supportSettlement.pricing")), tenant, plans);
        add(new H3(getTranslation("supportSettlement.holidays")), new HolidayPanel(pricing));
        add(new H3(getTranslation("supportSettlement.payoutRuns")), new PayoutRunPanel(payouts));
    }
}
