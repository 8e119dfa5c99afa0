package id.lapak.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.vaadin.flow.router.Route;
import id.lapak.billing.sale.DeviceContexts;
import id.lapak.billing.sale.NewOperation;
import id.lapak.billing.sale.SaleRow;
import id.lapak.billing.sale.SaleRows;
import jakarta.persistence.Entity;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.data.repository.Repository;

/**
 * The Maven modules and feature packages keep to their boundaries. The webapp is everything under {@code id.lapak}
 * that is not another module's root package (derived, so a new webapp package cannot escape the rules), and each
 * module names the packages that are its inside: no other module may use them.
 */
class ModuleBoundariesTest {

    static final String TENANT_MODEL = "id.lapak.tenant..";
    static final String DEVICE_REGISTRY = "id.lapak.device..";
    static final String BILLING = "id.lapak.billing..";
    static final String CATALOG = "id.lapak.catalog..";
    static final String CARD_CRYPTO = "id.lapak.cardcrypto..";
    static final String SIMULATOR = "id.lapak.simulator..";
    static final String[] MODULES = {TENANT_MODEL, DEVICE_REGISTRY, BILLING, CATALOG, CARD_CRYPTO, SIMULATOR};

    /**
     * Packages that belong to their module alone: the device API's controllers and the catalog feed's, card-data
     * checks and the sandbox acquirer behind the gateway interface. Everything else public is the module's API.
     */
    static final Map<String, String[]> INSIDE_OF_MODULE = Map.of(
            DEVICE_REGISTRY, new String[] {"id.lapak.device.api.."},
            CATALOG, new String[] {"id.lapak.catalog.feed.."},
            BILLING, new String[] {"id.lapak.billing.card..", "id.lapak.billing.gateway.sandbox.."});

    static JavaClasses lapak;

    @BeforeAll
    static void importClasses() {
        lapak = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("id.lapak");
    }

    @Test
    void theWebappIsEverythingOutsideTheOtherModulesAndHoldsTheApplication() {
        Set<String> webappPackages = lapak.stream()
                .filter(ModuleBoundariesTest::inWebapp)
                .map(JavaClass::getPackageName)
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(webappPackages).contains("id.lapak", "id.lapak.ui", "id.lapak.security", "id.lapak.sales");
        assertThat(webappPackages).allMatch(p -> p.equals("id.lapak") || p.startsWith("id.lapak."));
    }

    @Test
    void tenantModelDependsOnNoOtherModule() {
        noClasses()
                .that()
                .resideInAPackage(TENANT_MODEL)
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(except(TENANT_MODEL))
                .orShould()
                .dependOnClassesThat(webapp())
                .check(lapak);
    }

    @Test
    void cardCryptoDependsOnlyOnTheJdk() {
        classes()
                .that()
                .resideInAPackage(CARD_CRYPTO)
                .should()
                .onlyDependOnClassesThat()
                .resideInAnyPackage(CARD_CRYPTO, "java..", "javax..")
                .check(lapak);
    }

    @Test
    void deviceRegistryDependsOnlyOnTenantModelAndCardCrypto() {
        noClasses()
                .that()
                .resideInAPackage(DEVICE_REGISTRY)
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(BILLING, CATALOG, SIMULATOR)
                .orShould()
                .dependOnClassesThat(webapp())
                .check(lapak);
    }

    @Test
    void catalogDependsNeitherOnWebappNorOnBilling() {
        noClasses()
                .that()
                .resideInAPackage(CATALOG)
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(BILLING, SIMULATOR)
                .orShould()
                .dependOnClassesThat(webapp())
                .check(lapak);
    }

    @Test
    void billingDependsNeitherOnWebappNorOnCatalog() {
        noClasses()
                .that()
                .resideInAPackage(BILLING)
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(CATALOG, SIMULATOR)
                .orShould()
                .dependOnClassesThat(webapp())
                .check(lapak);
    }

    @Test
    void theSimulatorSpeaksToLapakOnlyOverHttp() {
        noClasses()
                .that()
                .resideInAPackage(SIMULATOR)
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(TENANT_MODEL, DEVICE_REGISTRY, BILLING, CATALOG)
                .orShould()
                .dependOnClassesThat(webapp())
                .check(lapak);
    }

    @Test
    void noModuleUsesAnotherModulesInside() {
        INSIDE_OF_MODULE.forEach((module, inside) -> noClasses()
                .that()
                .resideOutsideOfPackage(module)
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(inside)
                .allowEmptyShould(true)
                .check(lapak));
    }

    /**
     * Billing's feature packages build on one another one way only: a package and its subpackages are separate
     * features (the sale, the payment path and reversals on top of it), and no two of them import each other.
     */
    @Test
    void billingFeaturePackagesHaveNoCycles() {
        slices().matching("id.lapak.billing.(**)").should().beFreeOfCycles().check(lapak);
    }

    /** The sale's rows are public for the features built on the sale only; everyone else reads through services. */
    @Test
    void onlyTheSalesOwnFeaturesUseItsRows() {
        noClasses()
                .that()
                .resideOutsideOfPackage("id.lapak.billing.sale..")
                .should()
                .dependOnClassesThat()
                .belongToAnyOf(SaleRow.class, SaleRows.class, NewOperation.class, DeviceContexts.class)
                .check(lapak);
    }

    @Test
    void entitiesAndRepositoriesStayInsideTheirFeaturePackage() {
        classes().that().areAnnotatedWith(Entity.class).should().notBePublic().check(lapak);
        classes()
                .that()
                .areAssignableTo(Repository.class)
                .and()
                .areInterfaces()
                .should()
                .notBePublic()
                .check(lapak);
    }

    @Test
    void viewsAreNotPublic() {
        classes().that().areAnnotatedWith(Route.class).should().notBePublic().check(lapak);
    }

    private static boolean inWebapp(JavaClass type) {
        String name = type.getPackageName();
        return (name.equals("id.lapak") || name.startsWith("id.lapak."))
                && Stream.of(MODULES)
                        .map(m -> m.substring(0, m.length() - 2))
                        .noneMatch(root -> name.equals(root) || name.startsWith(root + "."));
    }

    private static com.tngtech.archunit.base.DescribedPredicate<JavaClass> webapp() {
        return com.tngtech.archunit.base.DescribedPredicate.describe(
                "reside in the webapp", ModuleBoundariesTest::inWebapp);
    }

    private static String[] except(String module) {
        return Arrays.stream(MODULES).filter(m -> !m.equals(module)).toArray(String[]::new);
    }
}
