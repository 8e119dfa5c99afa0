package id.lapak.inventory;

import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.grid.Grid;
import id.lapak.catalog.items.ItemDetails;
import id.lapak.catalog.items.PriceChange;
import id.lapak.catalog.items.PriceService;
import id.lapak.tenant.money.Money;
import id.lapak.ui.PortalDates;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.List;

/** Every price change of an item's variants, newest first: who, when, old → new, catalog or store price. */
class PriceHistoryPanel extends Details {

    private record Row(String sku, PriceChange change) {}

    PriceHistoryPanel(PriceService prices, ItemDetails item, Currency currency, ZoneId zone) {
        setSummaryText(getTranslation("inventory.history"));
        List<Row> rows = new ArrayList<>();
        for (var variant : item.variants()) {
            prices.priceHistory(variant.id()).forEach(c -> rows.add(new Row(variant.sku(), c)));
        }
        rows.sort(Comparator.comparing((Row r) -> r.change().changedAt()).reversed());
        var when = PortalDates.dateTime(getLocale(), zone);
        Grid<Row> grid = new Grid<>();
        grid.setId("price-history");
        grid.setAllRowsVisible(rows.size() <= 10);
        grid.addColumn(Row::sku).setHeader(getTranslation("inventory.variant.sku"));
        grid.addColumn(r -> r.change().oldPriceMinor() == null
                        ? "–"
                        : Money.of(r.change().oldPriceMinor(), currency).format(getLocale()))
                .setHeader(getTranslation("inventory.history.before"));
        grid.addColumn(r -> r.change().newPriceMinor() == null
                        ? "–"
                        : Money.of(r.change().newPriceMinor(), currency).format(getLocale()))
                .setHeader(getTranslation("inventory.history.after"));
        grid.addColumn(r -> getTranslation(
                        r.change().storeId() == null ? "inventory.history.catalog" : "inventory.history.store"))
                .setHeader(getTranslation("inventory.history.scope"));
        grid.addColumn(r -> r.change().changedBy()).setHeader(getTranslation("inventory.history.by"));
        grid.addColumn(r -> when.format(r.change().changedAt())).setHeader(getTranslation("inventory.history.when"));
        grid.setItems(rows);
        add(grid);
        setWidthFull();
    }
}
