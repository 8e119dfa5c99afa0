package id.lapak.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * A service is a security boundary: every {@code @Service} of billing declares who may call each of its public
 * methods with {@code @PreAuthorize}, on the class or on the method (a check by hand inside may narrow it further,
 * e.g. to a manager's stores). Work that runs without a person (jobs, listeners) is a {@code @Component} instead.
 */
class ServiceSecurityTest {

    static final JavaClasses BILLING = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("id.lapak.billing");

    @Test
    void everyPublicMethodOfABillingServiceSaysWhoMayCallIt() {
        List<String> open = BILLING.stream()
                .filter(c -> c.isAnnotatedWith(Service.class))
                .filter(c -> !c.isAnnotatedWith(PreAuthorize.class))
                .flatMap(c -> c.getMethods().stream()
                        .filter(m -> m.getModifiers().contains(JavaModifier.PUBLIC))
                        .filter(m -> !m.getModifiers().contains(JavaModifier.STATIC))
                        .filter(m -> !m.isAnnotatedWith(PreAuthorize.class))
                        .map(m -> c.getSimpleName() + "." + m.getName()))
                .sorted()
                .toList();
        assertThat(open)
                .as("public methods of billing services without @PreAuthorize")
                .isEmpty();
    }

    @Test
    void theRuleSeesTheServices() {
        assertThat(BILLING.stream()
                        .filter(c -> c.isAnnotatedWith(Service.class))
                        .map(JavaClass::getSimpleName))
                .contains("SalesService", "PaymentService", "Reconciliation", "SettlementService");
    }
}
