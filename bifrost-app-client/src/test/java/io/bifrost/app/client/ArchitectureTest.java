package io.bifrost.app.client;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.equivalentTo;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.bifrost.core.policy.Credentials;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The module rules of style 5.2 as the client shell sees them, on the compiled classes of every Bifrost module on
 * this class path (core, adapters, testkit, this shell), plus what the client's spec adds. Test classes are not
 * imported.
 */
class ArchitectureTest {
    private static JavaClasses bifrost;

    @BeforeAll
    static void importClasses() {
        bifrost = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.bifrost");
    }

    @Test
    void importedClasses_coverEveryModuleTheClientUses() {
        // guards the rules below against passing vacuously on a class path that lost a module
        assertThat(bifrost.contain("io.bifrost.core.client.ClientRouter")).isTrue();
        assertThat(bifrost.contain("io.bifrost.adapters.vertx.client.BifrostClient")).isTrue();
        assertThat(bifrost.contain("io.bifrost.testkit.client.BifrostClientExtension")).isTrue();
        assertThat(bifrost.contain(ClientModule.class)).isTrue();
        assertThat(bifrost.contain(ArchitectureTest.class)).isFalse();
    }

    @Test
    void coreAndItsClientPackage_dependOnTheJdkAlone() {
        classes().that().resideInAPackage("io.bifrost.core..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "io.bifrost.core..")
                .because("bifrost-core is plain Java that any JVM program can embed (style 5.2)")
                .check(bifrost);
    }

    @Test
    void clientShell_dependsOnNeitherTheServerShellNorTheServerAssembly() {
        noClasses().that().resideInAPackage("io.bifrost.app.client..")
                .should().dependOnClassesThat().resideInAnyPackage("io.bifrost.app.server..")
                .orShould().dependOnClassesThat().haveFullyQualifiedName(
                        "io.bifrost.adapters.vertx.server.BifrostServer")
                .because("the two programs share the library, never each other")
                .check(bifrost);
    }

    @Test
    void clientRuntime_usesNoProxyPolicies() {
        noClasses().that().resideInAPackage("io.bifrost.adapters.vertx.client..")
                // Credentials appears in the listener contract's signature only, and is ignored
                .should().dependOnClassesThat(resideInAnyPackage("io.bifrost.core.policy..",
                        "io.bifrost.core.backend..").and(not(equivalentTo(Credentials.class))))
                .orShould().dependOnClassesThat().haveFullyQualifiedName("io.bifrost.adapters.vertx.proxy.ProxyGate")
                .because("[PRX-120]: the client's listeners perform no authentication, access control or rate "
                        + "limiting, and it has no backends, only routes and its upstream server")
                .check(bifrost);
    }

    @Test
    void adaptersAndTestkit_neitherUseGuiceNorTheShells() {
        noClasses().that().resideInAnyPackage("io.bifrost.adapters..", "io.bifrost.testkit..")
                .should().dependOnClassesThat().resideInAnyPackage("com.google.inject..", "jakarta.inject..",
                        "io.bifrost.app..")
                .because("adapters expose plain constructors and point inwards; wiring belongs to the shells (5.8)")
                .check(bifrost);
    }

    @Test
    void guice_isConfinedToTheModuleAndInjectedClasses() {
        noClasses().that().resideInAPackage("io.bifrost.app.client.cli..")
                .should().dependOnClassesThat().resideInAnyPackage("com.google.inject..")
                .because("one Guice module per shell; commands only parse and hand over (style 5.8)")
                .check(bifrost);
    }
}
