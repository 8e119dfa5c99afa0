package id.lapak.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

import jakarta.persistence.Entity;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.data.repository.Repository;

/** The Maven modules and feature packages keep to their boundaries. */
class ModuleBoundariesTest {

    static final String TENANT_MODEL = "id.lapak.tenant..";
    static final String DEVICE_REGISTRY = "id.lapak.device..";
    static final String BILLING = "id.lapak.billing..";
    static final String CATALOG = "id.lapak.catalog..";
    static final String CARD_CRYPTO = "id.lapak.cardcrypto..";
    static final String[] WEBAPP = {"id.lapak", "id.lapak.alerts..", "id.lapak.auditlog..", "id.lapak.customers..",
            "id.lapak.dashboard..", "id.lapak.demo..", "id.lapak.devices..", "id.lapak.identity..",
            "id.lapak.inventory..", "id.lapak.local..", "id.lapak.preferences..", "id.lapak.readerkeys..",
            "id.lapak.reconciliation..", "id.lapak.sales..", "id.lapak.security..", "id.lapak.settlement..",
            "id.lapak.stock..", "id.lapak.stores..", "id.lapak.support..", "id.lapak.team..", "id.lapak.ui.."};

    static JavaClasses lapak;

    @BeforeAll
    static void importClasses() {
        lapak = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("id.lapak");
    }

    @Test
    void tenantModelDependsOnNoOtherModule() {
        noClasses().that().resideInAPackage(TENANT_MODEL).should().dependOnClassesThat()
                .resideInAnyPackage(concat(WEBAPP, DEVICE_REGISTRY, BILLING, CATALOG)).check(lapak);
    }

    @Test
    void cardCryptoDependsOnlyOnTheJdk() {
        classes().that().resideInAPackage(CARD_CRYPTO).should().onlyDependOnClassesThat()
                .resideInAnyPackage(CARD_CRYPTO, "java..", "javax..").check(lapak);
    }

    @Test
    void deviceRegistryDependsNeitherOnWebappNorOnBilling() {
        noClasses().that().resideInAPackage(DEVICE_REGISTRY).should().dependOnClassesThat()
                .resideInAnyPackage(concat(WEBAPP, BILLING, CATALOG)).allowEmptyShould(true).check(lapak);
    }

    @Test
    void catalogDependsNeitherOnWebappNorOnBilling() {
        noClasses().that().resideInAPackage(CATALOG).should().dependOnClassesThat()
                .resideInAnyPackage(concat(WEBAPP, BILLING)).allowEmptyShould(true).check(lapak);
    }

    @Test
    void billingDependsNeitherOnWebappNorOnDeviceRegistryInternals() {
        noClasses().that().resideInAPackage(BILLING).should().dependOnClassesThat()
                .resideInAnyPackage(concat(WEBAPP, CATALOG)).allowEmptyShould(true).check(lapak);
        noClasses().that().resideInAPackage(BILLING).should().dependOnClassesThat(
                        com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage(DEVICE_REGISTRY)
                                .and(com.tngtech.archunit.base.DescribedPredicate.not(
                                        com.tngtech.archunit.core.domain.properties.HasModifiers.Predicates
                                                .modifier(com.tngtech.archunit.core.domain.JavaModifier.PUBLIC))))
                .allowEmptyShould(true).check(lapak);
    }

    @Test
    void entitiesAndRepositoriesStayInsideTheirFeaturePackage() {
        classes().that().areAnnotatedWith(Entity.class).should().notBePublic().check(lapak);
        classes().that().areAssignableTo(Repository.class).and().areInterfaces().should().notBePublic().check(lapak);
    }

    @Test
    void viewsAreNotPublic() {
        classes().that().areAnnotatedWith(com.vaadin.flow.router.Route.class).should().notBePublic().check(lapak);
    }

    private static String[] concat(String[] first, String... more) {
        String[] all = java.util.Arrays.copyOf(first, first.length + more.length);
        System.arraycopy(more, 0, all, first.length, more.length);
        return all;
    }
}
