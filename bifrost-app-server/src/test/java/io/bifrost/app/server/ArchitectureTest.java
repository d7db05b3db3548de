package io.bifrost.app.server;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The dependency rules of style 5.2, checked on the compiled classes of every Bifrost module on this class path
 * (core, adapters, testkit, this shell). Test classes are not imported.
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
    void importedClasses_coverEveryModule() {
        // guards the rules below against passing vacuously on a class path that lost a module
        assertThat(bifrost.contain("io.bifrost.core.config.ServerConfig")).isTrue();
        assertThat(bifrost.contain("io.bifrost.core.port.out.EventSink")).isTrue();
        assertThat(bifrost.contain("io.bifrost.adapters.vertx.server.BifrostServer")).isTrue();
        assertThat(bifrost.contain("io.bifrost.adapters.vertx.auth.BcryptPasswordVerifier")).isTrue();
        assertThat(bifrost.contain(ServerModule.class)).isTrue();
        assertThat(bifrost.contain(ArchitectureTest.class)).isFalse();
    }

    @Test
    void core_dependsOnTheJdkAlone() {
        ArchRule rule = classes().that().resideInAPackage("io.bifrost.core..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "io.bifrost.core..")
                .because("bifrost-core is plain Java that any JVM program can embed (style 5.2)");
        rule.check(bifrost);
    }

    @Test
    void adapters_doNotUseDependencyInjection() {
        ArchRule rule = noClasses().that().resideInAPackage("io.bifrost.adapters..")
                .should().dependOnClassesThat().resideInAnyPackage("com.google.inject..", "jakarta.inject..")
                .because("adapters expose plain constructors; wiring belongs to the shells (style 5.2, 5.8)");
        rule.check(bifrost);
    }

    @Test
    void coreAndAdapters_neverDependOnTheApplications() {
        ArchRule rule = noClasses().that().resideInAnyPackage("io.bifrost.core..", "io.bifrost.adapters..",
                        "io.bifrost.testkit..")
                .should().dependOnClassesThat().resideInAPackage("io.bifrost.app..")
                .because("dependencies point inwards: the shells depend on the library, never the reverse");
        rule.check(bifrost);
    }

    @Test
    void corePorts_areInterfacesInPortPackages() {
        classes().that().resideInAPackage("io.bifrost.core.port..")
                .should().beInterfaces()
                .because("ports are the core's contracts with the outside (style 5.3)")
                .check(bifrost);
        classes().that().resideInAPackage("io.bifrost.core..").and().haveSimpleNameEndingWith("UseCase")
                .should().resideInAPackage("io.bifrost.core.port.in..")
                .allowEmptyShould(true) // no inbound port yet; the rule waits for the first one
                .check(bifrost);
    }

    @Test
    void outsideTheCore_onlyPortsAreImplemented() {
        classes().that().resideOutsideOfPackage("io.bifrost.core..")
                .should(implementOnlyCoreInterfacesFrom("io.bifrost.core.port"))
                .because("an adapter plugs into the core through a port; any other core interface it implements "
                        + "is a port hiding outside ..port.. (style 5.3)")
                .check(bifrost);
    }

    private static ArchCondition<JavaClass> implementOnlyCoreInterfacesFrom(String portPackage) {
        return new ArchCondition<>("implement only core interfaces that reside in " + portPackage + "..") {
            @Override
            public void check(JavaClass item, ConditionEvents events) {
                for (JavaClass implemented : item.getAllRawInterfaces()) {
                    String pkg = implemented.getPackageName();
                    if (pkg.startsWith("io.bifrost.core.") && !pkg.startsWith(portPackage)) {
                        events.add(SimpleConditionEvent.violated(item, item.getName() + " implements "
                                + implemented.getName() + ", a core interface outside " + portPackage));
                    }
                }
            }
        };
    }
}
