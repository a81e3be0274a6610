package dev.parley.core;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** Core depends on the JDK and slf4j only: no other Parley module and no framework. */
@AnalyzeClasses(packages = "dev.parley.core", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {
    @ArchTest
    static final ArchRule coreDependsOnNothingOfOurs = noClasses().that().resideInAPackage("dev.parley.core..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.parley.store..", "dev.parley.server..",
                    "dev.parley.redis..", "dev.parley.client..", "dev.parley.testkit..");

    @ArchTest
    static final ArchRule coreUsesNoFramework = noClasses().that().resideInAPackage("dev.parley.core..")
            .should().dependOnClassesThat().resideOutsideOfPackages("java..", "javax.annotation..", "org.slf4j..",
                    "dev.parley.core..", "jdk.internal..");

    @ArchTest
    static final ArchRule coreReadsNoWallClockOrRandomIds = noClasses().that().resideInAPackage("dev.parley.core..")
            .should().callMethod(java.time.Instant.class, "now")
            .orShould().callMethod(java.util.UUID.class, "randomUUID")
            .orShould().callMethod(System.class, "currentTimeMillis");
}
