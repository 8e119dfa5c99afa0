package id.lapak.inventory;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import id.lapak.catalog.items.CatalogNotFoundException;
import id.lapak.catalog.items.InvalidCatalogException;
import id.lapak.catalog.items.PriceService;
import id.lapak.catalog.items.StoreOverride;
import id.lapak.catalog.items.VariantDetails;
import id.lapak.tenant.money.Money;
import id.lapak.tenant.money.MoneyFormatException;
import id.lapak.tenant.store.StoreDetails;
import id.lapak.tenant.store.StoreService;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;

/**
 * One variant's price and availability in each store the person may see (the store service decides: every store
 * for a merchant admin, their own for a store manager). An empty price is the variant's catalog price; "sold here"
 * unticked takes the variant off that store's devices. Only merchant admins change them, as in the service. Each
 * store is its own setting, saved on its own: a refused price stays in its field with the reason and nothing is
 * written for that store.
 */
class StorePricesDialog extends Dialog {

    /** Tenants have a handful of stores; the list stops here rather than render thousands of rows. */
    static final int MAX_STORES = 200;

    private final PriceService priceService;
    private final Currency currency;
    private final VariantDetails variant;
    final List<Row> rows = new ArrayList<>();

    /** One store's fields; {@code current} is what the service holds now ({@code null}: the defaults). */
    final class Row extends HorizontalLayout {
        final StoreDetails store;
        final TextField price = new TextField();
        final Checkbox available = new Checkbox();
        final Button reset = new Button(VaadinIcon.ROTATE_LEFT.create());
        StoreOverride current;

        Row(StoreDetails store, StoreOverride current, boolean canEdit) {
            this.store = store;
            this.current = current;
            int index = rows.size();
            price.setId("store-price-" + index);
            available.setId("store-available-" + index);
            reset.setId("store-reset-" + index);
            Span name = new Span(
                    store.active() ? store.name() : getTranslation("inventory.storePrices.inactive", store.name()));
            name.setWidth("14em");
            price.setLabel(getTranslation("inventory.storePrices.price", currency.getCurrencyCode()));
            price.setPlaceholder(amount(variant.priceMinor()));
            price.setHelperText(getTranslation("inventory.storePrices.price.help"));
            price.setClearButtonVisible(canEdit);
            price.setWidth("12em");
            price.setValue(current == null || current.priceMinor() == null ? "" : amount(current.priceMinor()));
            available.setLabel(getTranslation("inventory.storePrices.available"));
            available.setValue(current == null || current.available());
            reset.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
            reset.setAriaLabel(getTranslation("inventory.storePrices.reset"));
            reset.setTooltipText(getTranslation("inventory.storePrices.reset"));
            reset.addClickListener(e -> {
                price.clear();
                price.setInvalid(false);
                available.setValue(true);
            });
            price.setReadOnly(!canEdit);
            available.setReadOnly(!canEdit);
            reset.setVisible(canEdit);
            setAlignItems(FlexComponent.Alignment.BASELINE);
            setWrap(true);
            add(name, price, available, reset);
        }

        boolean unchanged(Long priceMinor, boolean sold) {
            Long before = current == null ? null : current.priceMinor();
            boolean soldBefore = current == null || current.available();
            return Objects.equals(before, priceMinor) && soldBefore == sold;
        }
    }

    StorePricesDialog(
            PriceService priceService,
            StoreService stores,
            Currency currency,
            String itemName,
            VariantDetails variant,
            boolean canEdit) {
        this.priceService = priceService;
        this.currency = currency;
        this.variant = variant;
        setId("store-prices-dialog");
        setWidth("min(48em, 95vw)");
        setHeaderTitle(getTranslation("inventory.storePrices.title", variantLabel(itemName, variant)));

        Map<UUID, StoreOverride> overrides = new HashMap<>();
        priceService.storeOverrides(variant.id()).forEach(o -> overrides.put(o.storeId(), o));
        Page<StoreDetails> page = stores.find("", PageRequest.of(0, MAX_STORES, Sort.by("name")));

        VerticalLayout list = new VerticalLayout();
        list.setPadding(false);
        list.setSpacing(false);
        list.add(new Paragraph(getTranslation(
                "inventory.storePrices.help",
                Money.of(variant.priceMinor(), currency).format(getLocale()))));
        for (StoreDetails store : page.getContent()) {
            if (!store.active() && !overrides.containsKey(store.id())) {
                continue; // a deactivated store gets no new price; one it already has stays visible
            }
            Row row = new Row(store, overrides.get(store.id()), canEdit);
            rows.add(row);
            list.add(row);
        }
        if (rows.isEmpty()) {
            list.add(new Paragraph(getTranslation("inventory.storePrices.none")));
        } else if (page.getTotalElements() > rows.size()) {
            list.add(new Paragraph(getTranslation("inventory.storePrices.more", rows.size())));
        }
        add(list);

        Button close = new Button(getTranslation(canEdit ? "inventory.cancel" : "inventory.close"), e -> close());
        close.setId("store-prices-cancel");
        getFooter().add(close);
        if (canEdit && !rows.isEmpty()) {
            Button save = new Button(getTranslation("inventory.save"), e -> save());
            save.setId("store-prices-save");
            save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            getFooter().add(save);
        }
    }

    private void save() {
        Locale locale = getLocale();
        Map<Row, Long> prices = new HashMap<>();
        boolean readable = true;
        for (Row row : rows) {
            row.price.setInvalid(false);
            String text = row.price.getValue();
            if (text == null || text.isBlank()) {
                prices.put(row, null);
                continue;
            }
            try {
                prices.put(row, Money.parse(text, currency, locale).minor());
            } catch (MoneyFormatException e) {
                invalid(row.price, e.messageKey());
                readable = false;
            }
        }
        if (!readable) {
            return;
        }
        boolean refused = false;
        int saved = 0;
        for (Row row : rows) {
            Long price = prices.get(row);
            boolean sold = row.available.getValue();
            if (row.unchanged(price, sold)) {
                continue;
            }
            try {
                row.current = priceService
                        .setStoreOverride(row.store.id(), variant.id(), price, sold)
                        .orElse(null);
                saved++;
            } catch (InvalidCatalogException e) {
                invalid(row.price, e.problems().getFirst().messageKey());
                refused = true;
            } catch (CatalogNotFoundException e) {
                close();
                InventoryView.failure(getTranslation("inventory.notFound"));
                return;
            }
        }
        if (!refused) {
            close();
            if (saved > 0) {
                InventoryView.success(getTranslation("inventory.storePrices.saved", saved));
            }
        }
    }

    private void invalid(TextField field, String key) {
        field.setErrorMessage(getTranslation(key));
        field.setInvalid(true);
    }

    private String amount(long minor) {
        return Money.of(minor, currency).formatNumber(getLocale());
    }

    private static String variantLabel(String itemName, VariantDetails variant) {
        String name = variant.name() == null || variant.name().isBlank() ? itemName : itemName + " · " + variant.name();
        return name + " (" + variant.sku() + ")";
    }
}
