package id.lapak.tenantbilling;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import id.lapak.billing.subscription.BillingRun;
import id.lapak.billing.subscription.CreditNotes;
import id.lapak.billing.subscription.InvoiceCollection;
import id.lapak.billing.subscription.PlanCatalog;
import id.lapak.billing.subscription.SupportBilling;
import id.lapak.ui.MainLayout;
import jakarta.annotation.security.RolesAllowed;

/**
 * Support's tenant billing: recurring revenue, tenants per plan and revenue by month; the plans and their prices;
 * putting a tenant on a plan; every tenant's invoices (overdue first if asked) with payment recording and credit notes.
 */
@Route(value = "support/billing", layout = MainLayout.class)
@PageTitle("Lapak · Tenant billing")
@RolesAllowed("SUPPORT")
class SupportBillingView extends VerticalLayout {

    SupportBillingView(
            SupportBilling billing, PlanCatalog catalog, InvoiceCollection collection, CreditNotes creditNotes) {
        setId("support-billing");
        setWidthFull();
        add(new H2(getTranslation("supportBilling.title")));
        MetricsPanel metrics = new MetricsPanel(billing);
        InvoicesPanel invoices = new InvoicesPanel(billing, collection, creditNotes);
        Button run = new Button(getTranslation("supportBilling.runNow"), e -> {
            BillingRun.Outcome outcome = billing.runNow();
            Notification.show(getTranslation("supportBilling.ran", outcome.issued(), outcome.corrected()));
            invoices.refresh();
            metrics.refresh();
        });
        run.setId("support-billing-run");
        add(
                metrics,
                new H3(getTranslation("supportBilling.plans")),
                new PlansPanel(catalog),
                new H3(getTranslation("supportBilling.subscribe")),
                new SubscribePanel(catalog, billing),
                new H3(getTranslation("supportBilling.invoices")),
                run,
                invoices);
    }
}
