package id.lapak.readerkeys;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import id.lapak.device.keys.BdkVersion;
import id.lapak.device.keys.BdkVersionSummary;
import id.lapak.device.keys.ReaderKeyAlgorithm;
import id.lapak.device.keys.ReaderKeyOverview;
import id.lapak.device.keys.ReaderOnOlderKey;
import id.lapak.tenant.TenantDirectory;
import id.lapak.ui.PortalDates;
import jakarta.annotation.security.RolesAllowed;
import java.time.format.DateTimeFormatter;

/**
 * The tenant's reader key versions per algorithm and the readers still keyed under an older one. Rotating makes a
 * new version for new readers; readers on older versions keep working until they are re-keyed.
 */
@Route("reader-keys")
@PageTitle("Lapak · Reader keys")
@RolesAllowed("MERCHANT_ADMIN")
class ReaderKeysView extends VerticalLayout {

    private final ReaderKeyOverview overview;
    private final DateTimeFormatter time;

    ReaderKeysView(ReaderKeyOverview overview, TenantDirectory tenants) {
        this.overview = overview;
        this.time = PortalDates.dateTime(getLocale(), tenants.current().timeZone());
        setId("reader-keys");
        add(new H2(getTranslation("readerKeys.title")));
        // One sentence a merchant understands; the key versions and check values follow for those who need them.
        Paragraph explain = new Paragraph(getTranslation("readerKeys.explain"));
        explain.setId("reader-keys-explain");
        add(explain);
        Details technical = new Details(getTranslation("readerKeys.technical"));
        technical.setId("reader-keys-technical");
        for (ReaderKeyAlgorithm algorithm : ReaderKeyAlgorithm.values()) {
            technical.add(section(algorithm));
        }
        technical.setOpened(false);
        add(technical);
    }

    private Component section(ReaderKeyAlgorithm algorithm) {
        String id = algorithm.name().toLowerCase();
        Grid<BdkVersionSummary> versions = new Grid<>();
        versions.setId("reader-key-versions-" + id);
        versions.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        versions.setAllRowsVisible(true);
        versions.addColumn(BdkVersionSummary::version).setHeader(getTranslation("readerKeys.column.version"));
        versions.addColumn(BdkVersionSummary::kcv).setHeader(getTranslation("readerKeys.column.kcv"));
        versions.addColumn(v -> time.format(v.createdAt()) + " · " + v.createdBy())
                .setHeader(getTranslation("readerKeys.column.created"))
                .setFlexGrow(2);
        versions.addColumn(BdkVersionSummary::readers).setHeader(getTranslation("readerKeys.column.readers"));
        versions.setEmptyStateText(getTranslation("readerKeys.versions.empty"));

        Grid<ReaderOnOlderKey> older = new Grid<>();
        older.setId("reader-key-older-" + id);
        older.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        older.setHeight("16em");
        older.addComponentColumn(r -> new Anchor("devices/" + r.deviceId(), r.deviceName()))
                .setHeader(getTranslation("readerKeys.column.device"))
                .setFlexGrow(2);
        older.addColumn(ReaderOnOlderKey::readerSerial).setHeader(getTranslation("readerKeys.column.reader"));
        older.addColumn(ReaderOnOlderKey::bdkVersion).setHeader(getTranslation("readerKeys.column.version"));
        older.addColumn(r -> time.format(r.injectedAt())).setHeader(getTranslation("readerKeys.column.injected"));
        older.setEmptyStateText(getTranslation("readerKeys.older.empty"));

        Runnable reload = () -> {
            versions.setItems(overview.versions(algorithm));
            older.setItemsPageable(pageable -> overview.readersOnOlderVersions(algorithm, pageable));
        };
        reload.run();

        Button rotate = new Button(getTranslation("readerKeys.rotate"), e -> confirmRotation(algorithm, reload));
        rotate.setId("reader-key-rotate-" + id);
        rotate.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        HorizontalLayout heading =
                new HorizontalLayout(new H3(getTranslation("readerKeys.algorithm." + algorithm.name())), rotate);
        heading.setDefaultVerticalComponentAlignment(Alignment.BASELINE);

        VerticalLayout section =
                new VerticalLayout(heading, versions, new H4(getTranslation("readerKeys.older.title")), older);
        section.setPadding(false);
        return section;
    }

    private void confirmRotation(ReaderKeyAlgorithm algorithm, Runnable reload) {
        String name = getTranslation("readerKeys.algorithm." + algorithm.name());
        ConfirmDialog confirm = new ConfirmDialog();
        confirm.setId("reader-key-rotate-confirm");
        confirm.setHeader(getTranslation("readerKeys.rotate.header", name));
        confirm.setText(getTranslation("readerKeys.rotate.confirm"));
        confirm.setCancelable(true);
        confirm.setCancelText(getTranslation("readerKeys.cancel"));
        confirm.setConfirmText(getTranslation("readerKeys.rotate"));
        confirm.addConfirmListener(e -> {
            BdkVersion created = overview.rotate(algorithm);
            reload.run();
            Notification.show(
                            getTranslation("readerKeys.rotated", name, created.version()),
                            4000,
                            Notification.Position.BOTTOM_START)
                    .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        });
        confirm.open();
    }
}
