package id.lapak.inventory;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import id.lapak.catalog.items.CategoryDetails;
import id.lapak.catalog.items.CategoryService;
import id.lapak.catalog.items.InvalidCatalogException;
import java.util.List;

/** A new category, on its own or under a top-level one; the problem shows on the name field. */
class CategoryDialog extends Dialog {

    CategoryDialog(CategoryService categories, List<CategoryDetails> existing, Runnable saved) {
        setId("category-dialog");
        setHeaderTitle(getTranslation("inventory.category.new"));
        TextField name = new TextField(getTranslation("inventory.category.name"));
        name.setId("category-name");
        name.setMaxLength(80);
        ComboBox<CategoryDetails> parent = new ComboBox<>(getTranslation("inventory.category.parent"));
        parent.setId("category-parent");
        parent.setItems(existing.stream().filter(c -> c.parentId() == null).toList());
        parent.setItemLabelGenerator(CategoryDetails::name);
        parent.setClearButtonVisible(true);
        add(new VerticalLayout(name, parent));
        Button save = new Button(getTranslation("inventory.save"), e -> {
            try {
                categories.saveCategory(
                        null,
                        name.getValue(),
                        parent.getValue() == null ? null : parent.getValue().id());
                saved.run();
                close();
                InventoryView.success(getTranslation(
                        "inventory.category.saved", name.getValue().strip()));
            } catch (InvalidCatalogException ex) {
                name.setErrorMessage(getTranslation(ex.problems().getFirst().messageKey()));
                name.setInvalid(true);
            }
        });
        save.setId("category-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getFooter().add(new Button(getTranslation("inventory.cancel"), e -> close()), save);
    }
}
