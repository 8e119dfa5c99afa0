package id.lapak.inventory;

import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.UploadHandler;
import id.lapak.catalog.items.InvalidCatalogException;
import id.lapak.catalog.items.ItemDetails;
import id.lapak.catalog.items.ItemImage;
import id.lapak.catalog.items.ItemImageService;
import id.lapak.ui.Localized;
import java.util.UUID;

/** An item's picture in its dialog, with an upload for merchant admins (PNG, JPEG or WebP, at most 512 KB). */
class ItemImagePanel extends VerticalLayout {

    private final ItemImageService images;

    ItemImagePanel(ItemImageService images, ItemDetails item, boolean canEdit) {
        this.images = images;
        setPadding(false);
        Image image = new Image();
        image.setMaxHeight("8em");
        image.setAlt(item.name());
        if (item.hasImage()) {
            image.setSrc(imageHandler(item.id()));
        } else {
            image.setVisible(false);
        }
        add(image);
        if (canEdit) {
            Upload upload =
                    new Upload(UploadHandler.inMemory((metadata, data) -> getUI().ifPresent(ui -> ui.access(() -> {
                        try {
                            images.setImage(item.id(), data);
                            image.setSrc(imageHandler(item.id()));
                            image.setVisible(true);
                            InventoryView.success(getTranslation("inventory.image.saved"));
                        } catch (InvalidCatalogException e) {
                            e.problems().forEach(p -> InventoryView.failure(getTranslation(p.messageKey())));
                        }
                    }))));
            Localized.upload(upload);
            upload.setId("item-image-upload");
            upload.setMaxFiles(1);
            upload.setMaxFileSize(ItemImage.MAX_BYTES);
            upload.setAcceptedFileTypes("image/png", "image/jpeg", "image/webp", ".png", ".jpg", ".jpeg", ".webp");
            upload.setDropLabel(new Span(getTranslation("inventory.image.drop")));
            add(upload);
        }
    }

    private DownloadHandler imageHandler(UUID itemId) {
        return event -> {
            var image = images.image(itemId);
            if (image.isEmpty()) {
                event.getResponse().setStatus(404);
                return;
            }
            event.setContentType(image.get().contentType());
            event.inline("item-" + itemId);
            event.getOutputStream().write(image.get().data());
        };
    }
}
