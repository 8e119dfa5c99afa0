package id.lapak.inventory;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.tabs.TabSheet;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.server.streams.UploadHandler;
import id.lapak.catalog.items.CatalogTransfer;
import id.lapak.catalog.items.ImportPreview;
import id.lapak.catalog.items.ImportRefusedException;
import id.lapak.ui.Localized;
import java.util.List;

/**
 * Import in two steps: the uploaded CSV is previewed (what is created, what is updated, every bad row with its line
 * and reason) and nothing changes until the merchant confirms; the service then reads and checks the file again and
 * applies it whole or not at all.
 */
class ImportDialog extends Dialog {

    private final CatalogTransfer transfer;
    private final Runnable onImported;
    private final VerticalLayout result = new VerticalLayout();
    private final Button confirm = new Button();
    private byte[] file;
    private String fileName;

    ImportDialog(CatalogTransfer transfer, Runnable onImported) {
        this.transfer = transfer;
        this.onImported = onImported;
        setId("import-dialog");
        setWidth("min(60em, 95vw)");
        setHeaderTitle(getTranslation("inventory.import"));
        Paragraph help =
                new Paragraph(getTranslation("inventory.import.help", String.join(", ", CatalogTransfer.COLUMNS)));
        Upload upload = new Upload(UploadHandler.inMemory((metadata, data) -> getUI().ifPresent(ui -> ui.access(() -> {
            file = data;
            fileName = metadata.fileName();
            show(transfer.preview(data));
        }))));
        Localized.upload(upload);
        upload.setId("import-upload");
        upload.setMaxFiles(1);
        upload.setMaxFileSize(CatalogTransfer.MAX_BYTES);
        upload.setAcceptedFileTypes("text/csv", ".csv");
        result.setPadding(false);
        add(help, upload, result);

        confirm.setText(getTranslation("inventory.import.confirm"));
        confirm.setId("import-confirm");
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        confirm.setEnabled(false);
        confirm.addClickListener(e -> apply());
        Button cancel = new Button(getTranslation("inventory.cancel"), e -> close());
        cancel.setId("import-cancel");
        getFooter().add(cancel, confirm);
    }

    private void apply() {
        try {
            ImportPreview done = transfer.apply(file, fileName);
            close();
            onImported.run();
            Notification.show(
                            getTranslation(
                                    "inventory.import.done",
                                    done.creates().size(),
                                    done.updates().size()),
                            5000,
                            Notification.Position.BOTTOM_START)
                    .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        } catch (ImportRefusedException e) {
            show(e.preview());
        }
    }

    private void show(ImportPreview preview) {
        result.removeAll();
        Span summary = new Span(getTranslation(
                "inventory.import.summary",
                preview.rows(),
                preview.creates().size(),
                preview.updates().size(),
                preview.unchanged(),
                preview.errors().size()));
        summary.setId("import-summary");
        result.add(summary);
        if (!preview.newCategories().isEmpty()) {
            result.add(new Span(
                    getTranslation("inventory.import.categories", String.join(", ", preview.newCategories()))));
        }
        TabSheet tabs = new TabSheet();
        tabs.setWidthFull();
        if (!preview.errors().isEmpty()) {
            Grid<ImportPreview.Problem> errors = new Grid<>();
            errors.setId("import-errors");
            errors.addColumn(ImportPreview.Problem::line)
                    .setHeader(getTranslation("inventory.import.line"))
                    .setAutoWidth(true)
                    .setFlexGrow(0);
            errors.addColumn(ImportPreview.Problem::column).setHeader(getTranslation("inventory.import.column"));
            errors.addColumn(p -> getTranslation(p.messageKey()))
                    .setHeader(getTranslation("inventory.import.reason"))
                    .setFlexGrow(3);
            errors.addColumn(ImportPreview.Problem::value).setHeader(getTranslation("inventory.import.value"));
            errors.setItems(preview.errors());
            tabs.add(getTranslation("inventory.import.errors", preview.errors().size()), errors);
        }
        tabs.add(getTranslation("inventory.import.creates", preview.creates().size()), lines(preview.creates()));
        tabs.add(getTranslation("inventory.import.updates", preview.updates().size()), lines(preview.updates()));
        result.add(tabs);
        confirm.setEnabled(preview.applicable());
    }

    private Grid<ImportPreview.Line> lines(List<ImportPreview.Line> lines) {
        Grid<ImportPreview.Line> grid = new Grid<>();
        grid.addColumn(ImportPreview.Line::line)
                .setHeader(getTranslation("inventory.import.line"))
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(ImportPreview.Line::sku).setHeader(getTranslation("inventory.variant.sku"));
        grid.addColumn(ImportPreview.Line::itemName).setHeader(getTranslation("inventory.column.name"));
        grid.addColumn(ImportPreview.Line::change).setHeader(getTranslation("inventory.import.change"));
        grid.setItems(lines);
        return grid;
    }
}
