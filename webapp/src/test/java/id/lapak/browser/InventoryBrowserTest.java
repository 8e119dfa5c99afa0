package id.lapak.browser;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * A merchant admin in Chromium: creates an item, gives it its own price in one store and takes it off another
 * store's devices, sees both kept when the dialog opens again, and adds a tax category with its own rate.
 */
class InventoryBrowserTest extends BrowserTestSupport {

    /** On a stock sub-page, only its own tab is marked, and the menu keeps "Stock" marked. */
    @Test
    void aStockSubPageMarksItsTabAloneAndKeepsStockMarkedInTheMenu() {
        login("maju.admin");
        driver.get(PORTAL + "stock/transfers");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".lapak-subnav a[highlight]")));
        java.util.List<String> marked = driver.findElements(By.cssSelector(".lapak-subnav a[highlight]")).stream()
                .map(WebElement::getText)
                .toList();
        assertThat(marked).containsExactly("Transfers");
        wait.until(d -> d.findElement(By.id("nav-stock")).getDomAttribute("current") != null);

        driver.get(PORTAL + "stock");
        wait.until(d ->
                d.findElements(By.cssSelector(".lapak-subnav a[highlight]")).size() == 1);
        assertThat(driver.findElements(By.cssSelector(".lapak-subnav a[highlight]"))
                        .getFirst()
                        .getText())
                .isEqualTo("Stock");
    }

    @Test
    void merchantAdminSetsAStorePriceAndAddsATaxCategory() {
        login("maju.admin");
        String name = "Es Teh Peramban " + System.currentTimeMillis() % 100_000;
        driver.get(PORTAL + "inventory");
        click(By.id("new-item"));
        type("item-name", name);
        type("variant-sku-0", "ETP-" + System.currentTimeMillis() % 100_000);
        type("variant-price-0", "8000");
        click(By.id("item-save"));
        waitForGridToContain("item-grid", name);

        openItem(name);
        click(By.id("store-prices-0"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("store-prices-dialog")));
        type("store-price-0", "7500");
        click(By.id("store-available-1"));
        click(By.id("store-prices-save"));
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("store-prices-dialog")));

        click(By.id("store-prices-0"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("store-prices-dialog")));
        assertThat(inputValue("store-price-0")).isEqualTo("7,500");
        assertThat(driver.findElement(By.id("store-available-1")).getDomProperty("checked"))
                .isEqualTo("false");
        assertThat(driver.findElement(By.id("store-available-0")).getDomProperty("checked"))
                .isEqualTo("true");
        click(By.id("store-prices-cancel"));
        click(By.id("item-cancel"));

        click(By.id("tax-categories"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("tax-dialog")));
        String tax = "PB1 Restoran " + System.currentTimeMillis() % 100_000;
        type("tax-name", tax);
        type("tax-rate", "10");
        click(By.id("tax-save"));
        waitForGridToContain("tax-grid", tax);
        assertThat(gridText("tax-grid")).contains(tax + "|");
        // the form is ready for the next one, without an error on the field it just emptied
        assertThat(inputValue("tax-name")).isEmpty();
        assertThat(driver.findElement(By.id("tax-name")).getDomAttribute("invalid"))
                .isNull();
    }

    private void openItem(String name) {
        WebElement cell = wait.until(d -> d.findElements(By.cssSelector("#item-grid vaadin-grid-cell-content")).stream()
                .filter(e -> e.getText().strip().equals(name))
                .findFirst()
                .orElse(null));
        cell.click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("store-prices-0")));
    }

    private String inputValue(String fieldId) {
        return wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#" + fieldId + " input")))
                .getDomProperty("value");
    }
}
