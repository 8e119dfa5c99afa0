package id.lapak.inventory;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import id.lapak.catalog.items.CatalogNotFoundException;
import id.lapak.catalog.items.CatalogProblem;
import id.lapak.catalog.items.CatalogService;
import id.lapak.catalog.items.CategoryDetails;
import id.lapak.catalog.items.InvalidCatalogException;
import id.lapak.catalog.items.ItemDetails;
import id.lapak.catalog.items.ItemForm;
import id.lapak.catalog.items.ItemImageService;
import id.lapak.catalog.items.PriceService;
import id.lapak.catalog.items.StaleItemException;
import id.lapak.catalog.items.TaxCategoryDetails;
import id.lapak.catalog.items.TaxKind;
import id.lapak.tenant.store.StoreService;
import java.util.Currency;
import java.util.List;
import java.util.UUID;

/**
 * One item of the catalog in a dialog (or a new one): its form, its store prices, image and price history, and for
 * those who may edit, saving and deleting it. {@code changed} runs after the item was saved or deleted.
 */
class ItemDialog extends Dialog {

    private final CatalogService catalog;
    private final PriceService prices;
    private final ItemImageService images;
    private final StoreService stores;
    private final Currency currency;
    private final boolean canEdit;
    private final boolean seesStores;
    private final Runnable changed;

    ItemDialog(
            CatalogService catalog,
            PriceService prices,
            ItemImageService images,
            StoreService stores,
            Currency currency,
            boolean canEdit,
            boolean seesStores,
            Runnable changed) {
        this.catalog = catalog;
        this.prices = prices;
        this.images = images;
        this.stores = stores;
        this.currency = currency;
        this.canEdit = canEdit;
        this.seesStores = seesStores;
        this.changed = changed;
    }

    /** Fills the dialog with {@code existing} (or an empty form when it is null) and opens it. */
    void show(ItemDetails existing, List<CategoryDetails> categories, List<TaxCategoryDetails> taxes) {
        setId("item-dialog");
        setWidth("min(70em, 95vw)");
        setHeaderTitle(
                getTranslation(existing == null ? "inventory.new" : canEdit ? "inventory.edit" : "inventory.view"));
        // Those who see stores (admins, managers) also see cost prices; the catalog leaves them out for cashiers.
        ItemEditor editor = new ItemEditor(currency, categories, taxes, seesStores);
        UUID standard = taxes.stream()
                .filter(t -> t.kind() == TaxKind.STANDARD)
                .map(TaxCategoryDetails::id)
                .findFirst()
                .orElse(null);
        editor.read(
                existing == null ? new ItemForm("", null, null, null, "pcs", true, List.of()) : existing.toForm(),
                standard);
        editor.setReadOnly(!canEdit);
        add(editor);
        if (existing != null) {
            if (seesStores) {
                add(storePrices(existing));
            }
            add(
                    new ItemImagePanel(images, existing, canEdit),
                    new PriceHistoryPanel(prices, existing, currency, catalog.timeZone()));
        }

        Button close = new Button(getTranslation(canEdit ? "inventory.cancel" : "inventory.close"), e -> close());
        close.setId("item-cancel");
        getFooter().add(close);
        if (canEdit) {
            if (existing != null) {
                Button delete = new Button(getTranslation("inventory.delete"), e -> confirmDelete(existing));
                delete.setId("item-delete");
                delete.addThemeVariants(ButtonVariant.LUMO_ERROR);
                getFooter().addComponentAsFirst(delete);
            }
            Button save = new Button(getTranslation("inventory.save"), e -> save(existing, editor));
            save.setId("item-save");
            save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            getFooter().add(save);
        }
        open();
    }

    /** One button per variant opening its prices and availability per store (read-only for store managers). */
    private Details storePrices(ItemDetails item) {
        HorizontalLayout buttons = new HorizontalLayout();
        buttons.setWrap(true);
        int index = 0;
        for (var variant : item.variants()) {
            String label = variant.name() == null || variant.name().isBlank()
                    ? variant.sku()
                    : variant.name() + " (" + variant.sku() + ")";
            Button button = new Button(
                    label,
                    VaadinIcon.SHOP.create(),
                    e -> new StorePricesDialog(prices, stores, currency, item.name(), variant, canEdit).open());
            button.setId("store-prices-" + index++);
            buttons.add(button);
        }
        var details = new Details(
                getTranslation("inventory.storePrices"),
                new Span(getTranslation("inventory.storePrices.intro")),
                buttons);
        details.setId("store-prices");
        details.setOpened(true);
        details.setWidthFull();
        return details;
    }

    private void save(ItemDetails existing, ItemEditor editor) {
        ItemEditor.Written written = editor.write();
        if (!written.amountsRead()) {
            // The unreadable amounts are marked; show every other problem of the form with them.
            for (CatalogProblem problem :
                    editor.show(catalog.check(written.form(), existing == null ? null : existing.id()))) {
                error(problem.messageKey());
            }
            return;
        }
        try {
            ItemDetails saved = existing == null
                    ? catalog.create(written.form())
                    : catalog.update(existing.id(), existing.version(), written.form());
            close();
            changed.run();
            InventoryView.success(getTranslation("inventory.saved", saved.name()));
        } catch (InvalidCatalogException e) {
            for (CatalogProblem problem : editor.show(e.problems())) {
                error(problem.messageKey());
            }
        } catch (StaleItemException e) {
            error("inventory.stale");
        } catch (CatalogNotFoundException e) {
            close();
            error("inventory.notFound");
        }
    }

    private void confirmDelete(ItemDetails item) {
        ConfirmDialog confirm = new ConfirmDialog();
        confirm.setId("item-delete-confirm");
        confirm.setHeader(getTranslation("inventory.delete"));
        confirm.setText(getTranslation("inventory.delete.confirm", item.name()));
        confirm.setCancelable(true);
        confirm.setCancelText(getTranslation("inventory.cancel"));
        confirm.setConfirmText(getTranslation("inventory.delete"));
        confirm.setConfirmButtonTheme("error primary");
        confirm.addConfirmListener(e -> {
            catalog.delete(item.id());
            close();
            changed.run();
            InventoryView.success(getTranslation("inventory.deleted", item.name()));
        });
        confirm.open();
    }

    private void error(String key) {
        InventoryView.failure(getTranslation(key));
    }
}
