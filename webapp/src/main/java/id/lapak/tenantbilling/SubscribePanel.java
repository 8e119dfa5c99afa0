package id.lapak.tenantbilling;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import id.lapak.billing.subscription.BillingRefused;
import id.lapak.billing.subscription.PlanCatalog;
import id.lapak.billing.subscription.PlanPrice;
import id.lapak.billing.subscription.SupportBilling;
import id.lapak.ui.Localized;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/** Puts a tenant on a plan from a day (back-dated into a billed month: the next run bills the difference). */
class SubscribePanel extends HorizontalLayout {

    SubscribePanel(PlanCatalog catalog, SupportBilling billing) {
        setWidthFull();
        setWrap(true);
        setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        Map<UUID, String> names = billing.tenantNames();
        ComboBox<UUID> tenant = new ComboBox<>(getTranslation("billing.column.tenant"));
        tenant.setId("subscribe-tenant");
        tenant.setItems(names.keySet());
        tenant.setItemLabelGenerator(names::get);
        ComboBox<String> plan = new ComboBox<>(getTranslation("billing.column.plan"));
        plan.setId("subscribe-plan");
        // Fetched as typed, so a plan saved a moment ago on this page is offered.
        plan.setItems(query -> {
            String typed = query.getFilter().orElse("").strip().toUpperCase(Locale.ROOT);
            return catalog.prices().stream()
                    .map(PlanPrice::planCode)
                    .distinct()
                    .filter(c -> c.contains(typed))
                    .skip(query.getOffset())
                    .limit(query.getLimit());
        });
        DatePicker from = Localized.datePicker(new DatePicker(getTranslation("billing.column.from")));
        from.setId("subscribe-from");
        from.setI18n(from.getI18n().setDateFormat("yyyy-MM-dd"));
        Button save = new Button(getTranslation("billing.subscribe.save"), e -> {
            tenant.setInvalid(false);
            plan.setInvalid(false);
            from.setInvalid(false);
            if (tenant.getValue() == null || plan.getValue() == null) {
                (tenant.getValue() == null ? tenant : plan).setErrorMessage(getTranslation("billing.error.required"));
                (tenant.getValue() == null ? tenant : plan).setInvalid(true);
                return;
            }
            try {
                catalog.subscribe(tenant.getValue(), plan.getValue(), from.getValue());
                Notification.show(getTranslation("billing.subscribe.saved"));
            } catch (BillingRefused refused) {
                refused.fieldErrors().forEach((field, key) -> {
                    var target = field.equals("plan") ? plan : field.equals("tenant") ? tenant : from;
                    target.setErrorMessage(getTranslation(key));
                    target.setInvalid(true);
                });
            }
        });
        save.setId("subscribe-save");
        add(tenant, plan, from, save);
    }
}
