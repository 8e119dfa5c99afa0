package id.lapak.inventory;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import id.lapak.catalog.items.CatalogNotFoundException;
import id.lapak.catalog.items.CatalogService;
import id.lapak.catalog.items.CatalogTransfer;
import id.lapak.catalog.items.CategoryDetails;
import id.lapak.catalog.items.CategoryService;
import id.lapak.catalog.items.ItemDetails;
import id.lapak.catalog.items.ItemImageService;
import id.lapak.catalog.items.ItemSummary;
import id.lapak.catalog.items.PriceService;
import id.lapak.catalog.items.TaxCategoryDetails;
import id.lapak.catalog.items.TaxCategoryService;
import id.lapak.tenant.access.CurrentUser;
import id.lapak.tenant.access.Role;
import id.lapak.tenant.money.Money;
import id.lapak.tenant.store.StoreService;
import jakarta.annotation.security.RolesAllowed;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The catalog: items in a lazy grid with search and filters; merchant admins create, edit, delete, import and
 * export, set per-store prices and keep the tax categories; store managers read, including their stores' prices;
 * cashiers read the catalog. The services check the roles again on every call.
 */
@Route("inventory")
@PageTitle("Lapak · Inventory")
@RolesAllowed({"MERCHANT_ADMIN", "STORE_MANAGER", "CASHIER"})
class InventoryView extends VerticalLayout {

    private final CatalogService catalog;
    private final CategoryService categoryService;
    private final PriceService prices;
    private final ItemImageService images;
    private final CatalogTransfer transfer;
    private final StoreService stores;
    private final boolean canEdit;
    private final boolean seesStores;
    private final Currency currency;
    private final Grid<ItemSummary> grid = new Grid<>();
    private final TextField search = new TextField();
    private final ComboBox<CategoryDetails> categoryFilter = new ComboBox<>();
    private final Select<String> activeFilter = new Select<>();
    private List<CategoryDetails> categories;
    private List<TaxCategoryDetails> taxes;

    InventoryView(
            CatalogService catalog,
            CategoryService categoryService,
            TaxCategoryService taxService,
            PriceService prices,
            ItemImageService images,
            CatalogTransfer transfer,
            StoreService stores) {
        this.catalog = catalog;
        this.categoryService = categoryService;
        this.prices = prices;
        this.images = images;
        this.transfer = transfer;
        this.stores = stores;
        this.canEdit = CurrentUser.require().mayChange(Role.MERCHANT_ADMIN);
        // The store service lets merchant admins and store managers list stores; cashiers get none to price.
        this.seesStores = CurrentUser.require().has(Role.MERCHANT_ADMIN)
                || CurrentUser.require().has(Role.STORE_MANAGER);
        this.currency = catalog.currency();
        this.taxes = taxService.taxCategories();
        this.categories = categoryService.categories();
        setId("inventory");
        setSizeFull();

        search.setId("item-search");
        search.setPlaceholder(getTranslation("inventory.search"));
        search.setPrefixComponent(VaadinIcon.SEARCH.create());
        search.setClearButtonVisible(true);
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.addValueChangeListener(e -> filtersChanged());

        categoryFilter.setId("item-category-filter");
        categoryFilter.setPlaceholder(getTranslation("inventory.filter.category"));
        categoryFilter.setItems(categories);
        categoryFilter.setItemLabelGenerator(CategoryDetails::name);
        categoryFilter.setClearButtonVisible(true);
        categoryFilter.addValueChangeListener(e -> filtersChanged());

        activeFilter.setId("item-active-filter");
        activeFilter.setItems("all", "active", "inactive");
        activeFilter.setItemLabelGenerator(v -> getTranslation("inventory.filter." + v));
        activeFilter.setValue("all");
        activeFilter.addValueChangeListener(e -> filtersChanged());

        HorizontalLayout toolbar = new HorizontalLayout(search, categoryFilter, activeFilter);
        toolbar.setWidthFull();
        toolbar.setWrap(true);
        toolbar.expand(search);
        HorizontalLayout toolbarActions = null;
        if (canEdit) {
            Button create = new Button(getTranslation("inventory.new"), VaadinIcon.PLUS.create(), e -> open(null));
            create.setId("new-item");
            create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            Button category = new Button(
                    getTranslation("inventory.category.new"),
                    VaadinIcon.FOLDER_ADD.create(),
                    e -> new CategoryDialog(categoryService, categories, () -> {
                                categories = categoryService.categories();
                                categoryFilter.setItems(categories);
                            })
                            .open());
            category.setId("new-category");
            Button importButton = new Button(
                    getTranslation("inventory.import"),
                    VaadinIcon.UPLOAD.create(),
                    e -> new ImportDialog(transfer, () -> {
                                categories = categoryService.categories();
                                categoryFilter.setItems(categories);
                                grid.getDataProvider().refreshAll();
                            })
                            .open());
            importButton.setId("import-items");
            Button taxButton = new Button(
                    getTranslation("inventory.taxes"),
                    VaadinIcon.INVOICE.create(),
                    e -> new TaxCategoriesDialog(taxService, () -> taxes = taxService.taxCategories()).open());
            taxButton.setId("tax-categories");
            Anchor csv =
                    download("export-csv", "inventory.export.csv", "catalog.csv", "text/csv; charset=UTF-8", false);
            Anchor xlsx = download(
                    "export-xlsx",
                    "inventory.export.xlsx",
                    "catalog.xlsx",
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                    true);
            // The actions get a row of their own that wraps, so none leaves the screen at 1366 or 800 px or in the
            // longer Indonesian labels; the downloads look like the buttons beside them.
            HorizontalLayout actions = new HorizontalLayout(create, category, taxButton, importButton, csv, xlsx);
            actions.setId("inventory-actions");
            actions.setWrap(true);
            actions.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.CENTER);
            actions.setWidthFull();
            toolbarActions = actions;
        }

        grid.setId("item-grid");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.addColumn(ItemSummary::name)
                .setHeader(getTranslation("inventory.column.name"))
                .setSortProperty("name")
                .setFlexGrow(2);
        grid.addColumn(ItemSummary::skus)
                .setHeader(getTranslation("inventory.column.skus"))
                .setFlexGrow(2);
        grid.addColumn(i -> categoryName(i.categoryId())).setHeader(getTranslation("inventory.column.category"));
        grid.addColumn(ItemSummary::unit)
                .setHeader(getTranslation("inventory.column.unit"))
                .setSortProperty("unit");
        grid.addColumn(ItemSummary::variantCount).setHeader(getTranslation("inventory.column.variants"));
        grid.addColumn(this::priceRange).setHeader(getTranslation("inventory.column.price"));
        grid.addComponentColumn(i -> {
                    Span badge = new Span(
                            getTranslation(i.active() ? "inventory.status.active" : "inventory.status.inactive"));
                    badge.addClassNames("lapak-status", i.active() ? "active" : "inactive");
                    return badge;
                })
                .setHeader(getTranslation("inventory.column.status"))
                .setSortProperty("active");
        grid.setEmptyStateText(getTranslation("inventory.empty"));
        grid.setItemsPageable(pageable -> catalog.findItems(
                        search.getValue(),
                        categoryFilter.getValue() == null
                                ? null
                                : categoryFilter.getValue().id(),
                        switch (activeFilter.getValue() == null ? "all" : activeFilter.getValue()) {
                            case "active" -> Boolean.TRUE;
                            case "inactive" -> Boolean.FALSE;
                            default -> null;
                        },
                        pageable)
                .getContent());
        grid.addItemClickListener(e -> open(e.getItem().id()));

        add(new H2(getTranslation("inventory.title")), toolbar);
        if (toolbarActions != null) {
            add(toolbarActions);
        }
        add(grid);
    }

    private Anchor download(String id, String label, String fileName, String contentType, boolean xlsx) {
        Anchor anchor = new Anchor(
                (DownloadHandler) event -> {
                    event.setFileName(fileName);
                    event.setContentType(contentType);
                    if (xlsx) {
                        transfer.exportXlsx(event.getOutputStream());
                    } else {
                        transfer.exportCsv(event.getOutputStream());
                    }
                },
                "");
        anchor.setId(id);
        Button button = new Button(getTranslation(label), VaadinIcon.DOWNLOAD_ALT.create());
        button.setTabIndex(-1);
        anchor.add(button);
        return anchor;
    }

    private String priceRange(ItemSummary item) {
        String min = Money.of(item.minPriceMinor(), currency).format(getLocale());
        return item.minPriceMinor() == item.maxPriceMinor()
                ? min
                : min + " – " + Money.of(item.maxPriceMinor(), currency).format(getLocale());
    }

    private String categoryName(UUID id) {
        if (id == null) {
            return "";
        }
        Map<UUID, CategoryDetails> byId = new HashMap<>();
        categories.forEach(c -> byId.put(c.id(), c));
        CategoryDetails c = byId.get(id);
        if (c == null) {
            return "";
        }
        CategoryDetails parent = c.parentId() == null ? null : byId.get(c.parentId());
        return parent == null ? c.name() : parent.name() + " › " + c.name();
    }

    private void open(UUID id) {
        ItemDetails existing;
        try {
            existing = id == null ? null : catalog.get(id);
        } catch (CatalogNotFoundException e) {
            error("inventory.notFound");
            grid.getDataProvider().refreshAll();
            return;
        }
        new ItemDialog(
                        catalog,
                        prices,
                        images,
                        stores,
                        currency,
                        canEdit,
                        seesStores,
                        () -> grid.getDataProvider().refreshAll())
                .show(existing, categories, taxes);
    }

    static void success(String text) {
        Notification.show(text, 4000, Notification.Position.BOTTOM_START)
                .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
    }

    private void error(String key) {
        failure(getTranslation(key));
    }

    static void failure(String text) {
        Notification.show(text, 6000, Notification.Position.MIDDLE).addThemeVariants(NotificationVariant.LUMO_ERROR);
    }

    /** An empty grid says why: nothing matches the search, or there is nothing yet. */
    private void filtersChanged() {
        boolean filtered = !search.getValue().isBlank()
                || categoryFilter.getValue() != null
                || !"all".equals(activeFilter.getValue());
        grid.setEmptyStateText(getTranslation(filtered ? "inventory.empty.filtered" : "inventory.empty"));
        grid.getDataProvider().refreshAll();
    }
}
